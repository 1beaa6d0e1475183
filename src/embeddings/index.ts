/**
 * Stage 3: sentence embeddings, computed locally with @xenova/transformers.
 *
 * How vectors are made, fixed so an index is reproducible (quantized models scale activations per batch, so a text's
 * vector depends slightly on what it is batched with — see models/README.md):
 * - a question is embedded alone, one per model call, and calls are queued so concurrent questions never thrash
 *   the two cores;
 * - passages and sentences are embedded one article at a time, `PASSAGE_BATCH_SIZE` texts per call in a fixed order,
 *   so adding an article never changes the vectors of the others.
 */
import { env, pipeline, AutoTokenizer } from '@xenova/transformers';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { CoreConfig } from '../config.js';
import { locateModel, MODEL_FILE, ModelError, sha256File, verifyModelFiles, type ModelLocation } from './locate.js';
import { modelSpec, type ModelSpec } from './models.js';

export { ModelError } from './locate.js';
export { KNOWN_MODEL_IDS, modelSpec, type ModelSpec, type Pooling } from './models.js';

/**
 * Texts per model call while indexing. One: on 2 cores the int8 model gains nothing from batches and pads every text
 * of a batch to its longest (BENCHMARKS.md, indexing), and one text per call makes each vector independent of its
 * neighbours, as the reference vectors are made.
 */
export const PASSAGE_BATCH_SIZE = 1;
/** Distinct questions whose vectors are kept, so "More results" and repeated questions skip the model. */
export const QUERY_CACHE_SIZE = 512;

export interface Embedder {
  spec: ModelSpec;
  dimensions: number;
  /** sha256 of the ONNX graph that produced the vectors. */
  modelHash: string;
  location: ModelLocation;
  /** Tokens the model sees for a passage (prefix and special tokens included). */
  countPassageTokens(text: string): number;
  embedQuery(question: string): Promise<Float32Array>;
  /** Embeds one article's passages in fixed batches; `onBatch` reports progress after each batch. */
  embedPassages(texts: string[], onBatch?: (done: number) => void): Promise<Float32Array[]>;
}

type Extractor = (texts: string | string[], options: { pooling: string; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;
type Tokenizer = (text: string, options?: { add_special_tokens?: boolean }) => { input_ids: { size: number } };

/** Lets timers and I/O run (heartbeats, replies) before the next model call. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs one model call at a time, in the order asked, each in a turn of the event loop of its own: the model's
 * forward pass blocks the thread, so a burst of questions queues here instead of starving the process (measured in
 * `npm run bench`, burst). Even a lone call waits for the loop's next turn: questions that arrive together (HTTP
 * requests read in one poll of the loop) would otherwise each run their forward pass before any timer fires
 * (`npm run bench:load`, event-loop lag).
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(yieldToEventLoop).then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}

let loading: Promise<unknown> = Promise.resolve();

/**
 * Runs `load` with Transformers.js pointed at `location`, one load at a time: where it looks for a model is one global
 * setting, read while a model loads, so two models loading at once from different folders (the embedding model from
 * `MODELS_DIR`, the reader from `models/`) would look in each other's.
 */
export function fromModelFolder<T>(location: ModelLocation, load: () => Promise<T>): Promise<T> {
  const run = loading.then(() => {
    env.allowLocalModels = location.root !== null;
    env.allowRemoteModels = location.root === null;
    if (location.root) env.localModelPath = location.root + path.sep;
    return load();
  });
  loading = run.catch(() => undefined);
  return run;
}

/** Loads only the tokenizer (no ONNX session): enough to split passages by token count. */
export async function loadTokenizer(config: Pick<CoreConfig, 'embeddingModel' | 'modelsDir'>): Promise<Tokenizer> {
  const location = locateModel(config.embeddingModel, config.modelsDir);
  return (await fromModelFolder(location, () => AutoTokenizer.from_pretrained(config.embeddingModel))) as unknown as Tokenizer;
}

/**
 * Loads the configured model: verifies local files against their checksums, then builds the Transformers.js
 * feature-extraction pipeline. Throws `ModelError` with the model id and what to do when it cannot be loaded.
 */
export async function loadEmbedder(config: Pick<CoreConfig, 'embeddingModel' | 'modelsDir'>): Promise<Embedder> {
  const spec = modelSpec(config.embeddingModel);
  const location = locateModel(spec.id, config.modelsDir);
  let modelHash = location.root ? verifyModelFiles(location.root, spec.id) : '';
  let extract: Extractor;
  try {
    extract = (await fromModelFolder(location, () => pipeline('feature-extraction', spec.id, { quantized: true }))) as unknown as Extractor;
  } catch (error) {
    const where = location.root
      ? `from ${path.join(location.root, spec.id)}`
      : 'from the Hugging Face hub (no local copy in MODELS_DIR or models/; is there a network?)';
    throw new ModelError(`could not load embedding model ${spec.id} ${where}: ${(error as Error).message}`);
  }
  if (!location.root) {
    const cached = path.join(env.cacheDir, spec.id, MODEL_FILE);
    modelHash = existsSync(cached) ? sha256File(cached) : `hub:${spec.id}`;
  }
  const tokenizer = (extract as unknown as { tokenizer: Tokenizer }).tokenizer;
  const enqueue = serialQueue();
  const run = (texts: string[]) =>
    enqueue(async () => {
      const out = await extract(texts, { pooling: spec.pooling, normalize: true });
      const dims = out.dims[out.dims.length - 1]!;
      return texts.map((_, i) => out.data.slice(i * dims, (i + 1) * dims));
    });
  const dimensions = (await run(['dimension probe']))[0]!.length;
  const cache = new Map<string, Float32Array>();

  return {
    spec,
    dimensions,
    modelHash,
    location,
    countPassageTokens: (text) => tokenizer(spec.passagePrefix + text).input_ids.size,
    async embedQuery(question) {
      const hit = cache.get(question);
      if (hit) {
        cache.delete(question);
        cache.set(question, hit);
        return hit;
      }
      const [vector] = await run([spec.queryPrefix + question]);
      cache.set(question, vector!);
      if (cache.size > QUERY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return vector!;
    },
    async embedPassages(texts, onBatch) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += PASSAGE_BATCH_SIZE) {
        const batch = texts.slice(i, i + PASSAGE_BATCH_SIZE).map((t) => spec.passagePrefix + t);
        vectors.push(...(await run(batch)));
        onBatch?.(Math.min(i + PASSAGE_BATCH_SIZE, texts.length));
      }
      return vectors;
    },
  };
}
