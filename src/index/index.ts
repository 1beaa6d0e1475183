/**
 * Stage 4: the vector index. Passage vectors live in an hnswlib-node HNSW index (`embeddings/index.hnsw`, label =
 * position in `passages.json`), beside the passage metadata and `manifest.json`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Article, Passage } from '../types.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type HnswParams, type Manifest } from './manifest.js';

export { HNSW_DEFAULTS, INDEX_FILES, INDEX_FORMAT_VERSION, type HnswParams, type Manifest } from './manifest.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export const REBUILD_HINT = 'run `npm run index` to rebuild it';

export class IndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexError';
  }
}

/** Article metadata as stored beside the vectors (the body stays in corpus/). */
export type ArticleMeta = Omit<Article, 'body'>;

interface PassagesFile {
  articles: ArticleMeta[];
  passages: Passage[];
}

export interface VectorIndex {
  manifest: Manifest;
  articles: ArticleMeta[];
  passages: Passage[];
  /** Nearest passages to a unit vector: `[label, cosine similarity]`, best first. */
  nearest(vector: Float32Array, k: number): { label: number; similarity: number }[];
  /** The stored unit vector of a passage. */
  vector(label: number): Float32Array;
}

export function hashPassages(passages: Passage[]): string {
  const h = createHash('sha256');
  for (const p of passages) h.update(JSON.stringify([p.id, p.text]));
  return h.digest('hex');
}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new IndexError(`the index ${what} ${file} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
}

/** Reads the manifest alone, or null when the folder holds no index yet. */
export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, INDEX_FILES.manifest);
  return existsSync(file) ? readJson<Manifest>(file, 'manifest') : null;
}

/** Opens a saved index. Throws `IndexError` (one line, naming the rebuild command) when it is missing or damaged. */
export function openIndex(dir: string): VectorIndex {
  const manifest = readManifest(dir);
  if (!manifest) throw new IndexError(`no index in ${dir}; run \`npm run index\` to build it`);
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexError(`the index in ${dir} has format ${manifest.formatVersion}, this program reads ${INDEX_FORMAT_VERSION}; ${REBUILD_HINT}`);
  }
  const { articles, passages } = readJson<PassagesFile>(path.join(dir, INDEX_FILES.passages), 'passage file');
  if (!Array.isArray(passages) || passages.length !== manifest.passages.count || hashPassages(passages) !== manifest.passages.sha256) {
    throw new IndexError(`the passage file in ${dir} does not match its manifest; ${REBUILD_HINT}`);
  }
  const hnsw = new HierarchicalNSW(manifest.hnsw.space, manifest.model.dimensions);
  try {
    hnsw.readIndexSync(path.join(dir, INDEX_FILES.hnsw));
  } catch (error) {
    throw new IndexError(`the vector index ${path.join(dir, INDEX_FILES.hnsw)} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
  if (hnsw.getCurrentCount() !== passages.length) {
    throw new IndexError(`the vector index holds ${hnsw.getCurrentCount()} vectors for ${passages.length} passages; ${REBUILD_HINT}`);
  }
  hnsw.setEf(Math.max(manifest.hnsw.ef, 1));
  return {
    manifest,
    articles,
    passages,
    nearest(vector, k) {
      const n = Math.min(k, passages.length);
      if (n === 0) return [];
      hnsw.setEf(Math.max(manifest.hnsw.ef, n));
      const { neighbors, distances } = hnsw.searchKnn(Array.from(vector), n);
      return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
    },
    vector: (label) => Float32Array.from(hnsw.getPoint(label)),
  };
}

/** Writes a file through a temporary name, so a crash never leaves half a file behind. */
function writeAtomically(file: string, write: (tmp: string) => void): void {
  const tmp = `${file}.tmp`;
  write(tmp);
  renameSync(tmp, file);
}

/** Saves vectors, passages and manifest; the manifest goes last, so a half-written index is never taken as valid. */
export function saveIndex(dir: string, manifest: Manifest, articles: ArticleMeta[], passages: Passage[], vectors: Float32Array[], params: HnswParams): void {
  mkdirSync(dir, { recursive: true });
  const hnsw: Hnsw = new HierarchicalNSW(params.space, manifest.model.dimensions);
  hnsw.initIndex({ maxElements: Math.max(vectors.length, 1), m: params.m, efConstruction: params.efConstruction, randomSeed: params.randomSeed });
  vectors.forEach((v, label) => hnsw.addPoint(Array.from(v), label));
  writeAtomically(path.join(dir, INDEX_FILES.hnsw), (tmp) => hnsw.writeIndexSync(tmp));
  const passagesFile: PassagesFile = { articles, passages };
  writeAtomically(path.join(dir, INDEX_FILES.passages), (tmp) => writeFileSync(tmp, JSON.stringify(passagesFile, null, 1) + '\n'));
  writeAtomically(path.join(dir, INDEX_FILES.manifest), (tmp) => writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n'));
}
