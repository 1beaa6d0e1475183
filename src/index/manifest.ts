/**
 * The saved index is a contract: `embeddings/manifest.json` records everything the vectors depend on, and loading
 * refuses an index whose manifest no longer matches the corpus or the model.
 */

/**
 * Bumped whenever the files' layout or meaning changes; an index of another version is rebuilt, never read (its stored
 * vectors are reused when the model is the same: `npm run index` embeds nothing again).
 */
export const INDEX_FORMAT_VERSION = 11;

export interface HnswParams {
  space: 'cosine';
  /** Links per node (hnswlib `M`). */
  m: number;
  efConstruction: number;
  /** Search breadth; not stored in hnswlib's file, so set again after every load. */
  ef: number;
  randomSeed: number;
}

/** Chosen by `npm run bench:scale` (BENCHMARKS.md): recall@10 ≥ 0.98 at this ef on 1 M clustered vectors. */
export const HNSW_DEFAULTS: HnswParams = { space: 'cosine', m: 16, efConstruction: 200, ef: 100, randomSeed: 100 };

export interface Manifest {
  formatVersion: number;
  model: {
    id: string;
    sha256: string;
    dimensions: number;
    pooling: string;
    queryPrefix: string;
    passagePrefix: string;
    passageBatchSize: number;
  };
  corpus: { articles: number; sha256: string };
  passages: { count: number; maxTokens: number; overlapSentences: number; sha256: string };
  /** Every sentence of the corpus has a vector too, so a passage is found by its best sentence as well as by itself. */
  sentences: { count: number; sha256: string };
  hnsw: HnswParams;
  /** The FTS5 table over the passages and the corpus's word-case table (`lexical.sqlite`). */
  lexical: { tokenizer: string; sha256: string };
  /** Fingerprint of the text analysis stored with the sentences and articles (`analysis/index.ts`). */
  analysis: string;
  /** Hashes of the written files: `articles.json` (checked when the index is opened) and `passages.sqlite`. */
  files: { articles: string; passages: string };
}

/** The manifest fields known before the files are written; the rest are hashes of the written files. */
export type PlannedManifest = Omit<Manifest, 'lexical' | 'analysis' | 'files'>;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  /** Each article's metadata and stated years (small: read at start). */
  articles: 'articles.json',
  /** Passages and sentences, read by label when a question needs them. */
  passages: 'passages.sqlite',
  hnsw: 'index.hnsw',
  sentenceHnsw: 'sentences.hnsw',
  lexical: 'lexical.sqlite',
} as const;
