import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMBEDDING_MODEL, PROJECT_ROOT } from '../../src/config.js';
import { loadEmbedder, ModelError, modelSpec, type Embedder } from '../../src/embeddings/index.js';
import { verifyModelFiles } from '../../src/embeddings/locate.js';

const SHARED_MODELS = path.join(PROJECT_ROOT, '..', 'shared', 'models');
const REFERENCE_FILE = path.join(SHARED_MODELS, 'reference-vectors.json');
const VENDORED_MODEL = path.join(PROJECT_ROOT, 'models', 'Xenova', 'bge-small-en-v1.5');

interface Reference {
  models: Record<string, { query_prefix: string; passage_prefix: string; dims: number; cases: { input: string; vector: number[] }[] }>;
}

const reference: Reference | null = existsSync(REFERENCE_FILE) ? (JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Reference) : null;

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

/** Embeds a reference input that already carries its prefix, without the embedder adding the prefix a second time. */
async function embedReferenceInput(embedder: Embedder, input: string): Promise<Float32Array> {
  const { queryPrefix, passagePrefix } = embedder.spec;
  if (queryPrefix && input.startsWith(queryPrefix)) return embedder.embedQuery(input.slice(queryPrefix.length));
  if (passagePrefix && input.startsWith(passagePrefix)) return (await embedder.embedPassages([input.slice(passagePrefix.length)]))[0]!;
  // No prefix on the input: only right when the model's passage prefix is empty (bge, MiniLM).
  expect(passagePrefix).toBe('');
  return (await embedder.embedPassages([input]))[0]!;
}

async function checkModel(modelId: string, embedder: Embedder): Promise<void> {
  const ref = reference!.models[modelId]!;
  expect(ref.cases.length).toBeGreaterThan(0);
  expect(embedder.spec.id).toBe(modelId);
  expect(embedder.dimensions).toBe(ref.dims);
  expect(embedder.spec.queryPrefix).toBe(ref.query_prefix);
  expect(embedder.spec.passagePrefix).toBe(ref.passage_prefix);
  for (const c of ref.cases) {
    const vector = await embedReferenceInput(embedder, c.input);
    expect(vector.length).toBe(c.vector.length);
    expect(cosine(vector, c.vector), c.input).toBeGreaterThanOrEqual(0.999);
  }
}

const hasShared = (id: string) => reference !== null && existsSync(path.join(SHARED_MODELS, id, 'onnx', 'model_quantized.onnx')) && id in reference.models;

describe('loadEmbedder', () => {
  let bge: Embedder;
  beforeAll(async () => {
    bge = await loadEmbedder({ embeddingModel: DEFAULT_EMBEDDING_MODEL, modelsDir: null });
  });

  it('loads bge-small-en-v1.5 from the vendored models folder', () => {
    expect(bge.location.source).toBe('vendored');
    expect(bge.dimensions).toBe(384);
  });

  it.skipIf(reference === null)('reproduces the reference vectors of bge-small-en-v1.5 from the vendored model', async () => {
    await checkModel(DEFAULT_EMBEDDING_MODEL, bge);
  });

  it.skipIf(!hasShared('Xenova/e5-small-v2'))('reproduces the reference vectors of e5-small-v2 through MODELS_DIR', async () => {
    await checkModel('Xenova/e5-small-v2', await loadEmbedder({ embeddingModel: 'Xenova/e5-small-v2', modelsDir: SHARED_MODELS }));
  });

  it.skipIf(!hasShared('Xenova/all-MiniLM-L6-v2'))('reproduces the reference vectors of all-MiniLM-L6-v2 through MODELS_DIR', async () => {
    const embedder = await loadEmbedder({ embeddingModel: 'Xenova/all-MiniLM-L6-v2', modelsDir: SHARED_MODELS });
    expect(embedder.location.source).toBe('MODELS_DIR');
    await checkModel('Xenova/all-MiniLM-L6-v2', embedder);
  });

  it('adds the query prefix only once: embedQuery(q) equals the reference of prefix + q', async () => {
    const embedder = bge;
    const q = 'how many countries attended in 2011?';
    const withPrefix = (await embedder.embedPassages([modelSpec(DEFAULT_EMBEDDING_MODEL).queryPrefix + q]))[0]!;
    expect(cosine(await embedder.embedQuery(q), withPrefix)).toBeGreaterThanOrEqual(0.9999);
  });
});

describe('verifyModelFiles', () => {
  let root: string;
  const modelId = DEFAULT_EMBEDDING_MODEL;
  const modelDir = () => path.join(root, modelId);

  /** A copy of the vendored model: small files copied, the 34 MB ONNX graph linked. */
  function freshCopy(): void {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(path.join(modelDir(), 'onnx'), { recursive: true });
    for (const f of ['config.json', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json', 'SHA256SUMS']) {
      copyFileSync(path.join(VENDORED_MODEL, f), path.join(modelDir(), f));
    }
    symlinkSync(path.join(VENDORED_MODEL, 'onnx', 'model_quantized.onnx'), path.join(modelDir(), 'onnx', 'model_quantized.onnx'));
  }

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'model-test-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('accepts an intact copy of the vendored model and returns the ONNX graph hash', () => {
    freshCopy();
    const sums = readFileSync(path.join(VENDORED_MODEL, 'SHA256SUMS'), 'utf8');
    const onnxHash = /^([0-9a-f]{64})\s+\*?onnx\/model_quantized\.onnx$/m.exec(sums)![1];
    expect(verifyModelFiles(root, modelId)).toBe(onnxHash);
  });

  it('refuses a model whose tokenizer_config.json does not match SHA256SUMS, naming the file', async () => {
    freshCopy();
    const file = path.join(modelDir(), 'tokenizer_config.json');
    writeFileSync(file, readFileSync(file, 'utf8') + ' ');
    const load = loadEmbedder({ embeddingModel: modelId, modelsDir: root });
    await expect(load).rejects.toBeInstanceOf(ModelError);
    await expect(load).rejects.toThrow(`model file ${file} does not match SHA256SUMS`);
  });

  it('refuses a model whose ONNX graph does not match SHA256SUMS, naming the file', async () => {
    freshCopy();
    const file = path.join(modelDir(), 'onnx', 'model_quantized.onnx');
    unlinkSync(file);
    writeFileSync(file, 'not an onnx graph');
    const load = loadEmbedder({ embeddingModel: modelId, modelsDir: root });
    await expect(load).rejects.toBeInstanceOf(ModelError);
    await expect(load).rejects.toThrow(`model file ${file} does not match SHA256SUMS`);
  });

  it('refuses a model with a file listed in SHA256SUMS missing, naming the file', () => {
    freshCopy();
    const file = path.join(modelDir(), 'special_tokens_map.json');
    unlinkSync(file);
    expect(() => verifyModelFiles(root, modelId)).toThrow(ModelError);
    expect(() => verifyModelFiles(root, modelId)).toThrow(`model file missing: ${file} (listed in SHA256SUMS)`);
  });
});
