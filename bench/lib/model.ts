/**
 * The embedding model as the benchmarks see it: where it lives, a bare onnxruntime session for the "floor"
 * (one forward pass with nothing around it), the model's own tokenizer, and a Transformers.js embedder with the
 * same pooling (`cls`), normalisation and bge query prefix as the core, for the peers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, DEFAULT_EMBEDDING_MODEL } from '../../src/config.js';

export const MODEL_ID = DEFAULT_EMBEDDING_MODEL;
export const QUERY_PREFIX = 'Represent this sentence for searching relevant passages: ';
export const DIM = 384;

/** The folder holding `Xenova/…`: the vendored `models/` in the repo, else `../shared/models/` beside it. */
export function modelsRoot(): string {
  const candidates = [
    process.env.MODELS_DIR,
    path.join(PROJECT_ROOT, 'models'),
    path.join(PROJECT_ROOT, '..', 'shared', 'models'),
    '/work/shared/models',
  ].filter((d): d is string => !!d);
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, MODEL_ID, 'onnx', 'model_quantized.onnx'))) return dir;
  }
  throw new Error(`model ${MODEL_ID} not found under any of: ${candidates.join(', ')}`);
}

export function modelFile(): string {
  return path.join(modelsRoot(), MODEL_ID, 'onnx', 'model_quantized.onnx');
}

async function transformers() {
  const t = await import('@xenova/transformers');
  t.env.localModelPath = `${modelsRoot()}/`;
  t.env.allowRemoteModels = false;
  return t;
}

export interface Encoded {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  batch: number;
  seqLen: number;
}

export interface Tokenizer {
  /** Tokenizes a batch, padded to the longest text, truncated at 512 tokens. */
  encode(texts: string[]): Encoded;
  count(text: string): number;
}

export async function loadTokenizer(): Promise<Tokenizer> {
  const { AutoTokenizer } = await transformers();
  const tok = await AutoTokenizer.from_pretrained(MODEL_ID);
  return {
    encode(texts) {
      const out = tok(texts, { padding: true, truncation: true }) as any;
      const dims: number[] = out.input_ids.dims;
      const toBig = (t: any) => (t.data instanceof BigInt64Array ? t.data : BigInt64Array.from(t.data, (x: any) => BigInt(x)));
      return {
        inputIds: toBig(out.input_ids),
        attentionMask: toBig(out.attention_mask),
        tokenTypeIds: out.token_type_ids ? toBig(out.token_type_ids) : new BigInt64Array(dims[0] * dims[1]),
        batch: dims[0],
        seqLen: dims[1],
      };
    },
    count(text) {
      return (tok(text) as any).input_ids.dims[1];
    },
  };
}

/** One bare onnxruntime-node session on the same ONNX file and execution provider Transformers.js uses. */
export interface FloorSession {
  /** One forward pass on pre-tokenized input; returns the `last_hidden_state` data. */
  run(enc: Encoded): Promise<Float32Array>;
}

export async function loadFloorSession(): Promise<FloorSession> {
  const ort: any = await import('onnxruntime-node');
  const O = ort.default ?? ort;
  const session = await O.InferenceSession.create(fs.readFileSync(modelFile()), { executionProviders: ['cpu'] });
  return {
    async run(enc) {
      const shape = [enc.batch, enc.seqLen];
      const out = await session.run({
        input_ids: new O.Tensor('int64', enc.inputIds, shape),
        attention_mask: new O.Tensor('int64', enc.attentionMask, shape),
        token_type_ids: new O.Tensor('int64', enc.tokenTypeIds, shape),
      });
      return out.last_hidden_state.data as Float32Array;
    },
  };
}

/** Same model, pooling and normalisation as the core; queries get the bge prefix, passages none. */
export interface Embedder {
  embedQuery(q: string): Promise<number[]>;
  embedPassages(texts: string[], batchSize?: number): Promise<number[][]>;
}

export async function loadEmbedder(): Promise<Embedder> {
  const { pipeline } = await transformers();
  const extract = await pipeline('feature-extraction', MODEL_ID, { quantized: true });
  const embed = async (texts: string[]) => {
    const out = await extract(texts, { pooling: 'cls', normalize: true });
    return out.tolist() as number[][];
  };
  return {
    async embedQuery(q) {
      return (await embed([QUERY_PREFIX + q]))[0];
    },
    async embedPassages(texts, batchSize = 16) {
      const all: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) all.push(...(await embed(texts.slice(i, i + batchSize))));
      return all;
    },
  };
}
