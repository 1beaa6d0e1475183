/**
 * Finds a model's files and checks them. Order: `MODELS_DIR`, then the vendored `models/` folder of the repository,
 * then the Transformers.js hub download (the ordinary path for a user with internet).
 * Local files are verified against a `SHA256SUMS` list when one is present.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export const VENDORED_MODELS_DIR = path.join(PROJECT_ROOT, 'models');
/** The ONNX graph Transformers.js loads with `quantized: true`. */
export const MODEL_FILE = path.join('onnx', 'model_quantized.onnx');

export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

export interface ModelLocation {
  /** Folder holding `<owner>/<name>/`, handed to Transformers.js as `localModelPath`; null = hub. */
  root: string | null;
  source: 'MODELS_DIR' | 'vendored' | 'hub';
}

export function locateModel(modelId: string, modelsDir: string | null): ModelLocation {
  const candidates: [string | null, ModelLocation['source']][] = [
    [modelsDir, 'MODELS_DIR'],
    [VENDORED_MODELS_DIR, 'vendored'],
  ];
  for (const [root, source] of candidates) {
    if (root && existsSync(path.join(root, modelId, MODEL_FILE))) return { root, source };
  }
  return { root: null, source: 'hub' };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Reads `sha256  relative/path` lines, keeping those under `prefix` with the prefix removed. */
function readSums(file: string, prefix: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
    if (m && m[2]!.startsWith(prefix)) sums.set(m[2]!.slice(prefix.length), m[1]!);
  }
  return sums;
}

/**
 * Checks a local model's files against `SHA256SUMS` (in the model's folder, or in the models root with
 * `<owner>/<name>/` paths). Returns the sha256 of the ONNX graph. Throws `ModelError` naming the first file that differs.
 */
export function verifyModelFiles(root: string, modelId: string): string {
  const modelDir = path.join(root, modelId);
  let sums = new Map<string, string>();
  if (existsSync(path.join(modelDir, 'SHA256SUMS'))) sums = readSums(path.join(modelDir, 'SHA256SUMS'), '');
  else if (existsSync(path.join(root, 'SHA256SUMS'))) sums = readSums(path.join(root, 'SHA256SUMS'), `${modelId}/`);
  const modelFile = MODEL_FILE.split(path.sep).join('/');
  let modelHash: string | null = null;
  for (const [rel, expected] of sums) {
    const file = path.join(modelDir, rel);
    if (!existsSync(file)) throw new ModelError(`model file missing: ${file} (listed in SHA256SUMS)`);
    const found = sha256File(file);
    if (found !== expected) {
      throw new ModelError(`model file ${file} does not match SHA256SUMS: expected ${expected.slice(0, 12)}…, found ${found.slice(0, 12)}…`);
    }
    if (rel === modelFile) modelHash = found;
  }
  return modelHash ?? sha256File(path.join(modelDir, MODEL_FILE));
}
