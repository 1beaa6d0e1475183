/**
 * `npm run index`: corpus → passages → embeddings → saved index, embedding only what changed.
 * Unchanged corpus and model: nothing is written at all, so the files stay byte-identical.
 * Changed articles: only their passages are embedded again; the others' vectors are read back from the old index.
 */
import type { CoreConfig } from '../config.js';
import { hashCorpus, loadCorpus } from '../corpus/index.js';
import { loadEmbedder, PASSAGE_BATCH_SIZE, type Embedder } from '../embeddings/index.js';
import { PASSAGE_DEFAULTS, splitPassages, type PassageOptions } from '../passages/index.js';
import type { Article, Passage } from '../types.js';
import { HNSW_DEFAULTS, INDEX_FORMAT_VERSION, type HnswParams, type Manifest } from './manifest.js';
import { hashPassages, openIndex, readManifest, REBUILD_HINT, saveIndex, type ArticleMeta, type VectorIndex } from './index.js';

export interface BuildOptions {
  passages?: PassageOptions;
  hnsw?: HnswParams;
  /** Called as passages are embedded: `done` of `total` passages that need embedding. */
  onProgress?: (done: number, total: number) => void;
  /** An already loaded embedder for the configured model (saves a second model load in tests and evaluation). */
  embedder?: Embedder;
}

export interface BuildSummary {
  articles: number;
  passages: number;
  /** Passages whose vectors were computed in this run (the rest were reused). */
  embedded: number;
  /** False when the saved index already matched and nothing was written. */
  written: boolean;
  seconds: number;
}

export function articleMeta(a: Article): ArticleMeta {
  return { id: a.id, title: a.title, publisher: a.publisher, published: a.published, url: a.url, year: a.year };
}

/**
 * Why a saved index no longer answers for this corpus and model, or null when it does. Each reason is one sentence
 * ending with the command that rebuilds the index.
 */
export function staleness(manifest: Manifest, articles: Article[], modelId: string, modelHash?: string): string | null {
  if (manifest.model.id !== modelId) {
    return `the index was built with ${manifest.model.id} but EMBEDDING_MODEL is ${modelId}; ${REBUILD_HINT}`;
  }
  if (modelHash !== undefined && manifest.model.sha256 !== modelHash) {
    return `the model files of ${modelId} changed since the index was built; ${REBUILD_HINT}`;
  }
  if (manifest.corpus.sha256 !== hashCorpus(articles)) {
    return `the corpus changed since the index was built (${articles.length} articles now, ${manifest.corpus.articles} indexed); ${REBUILD_HINT}`;
  }
  return null;
}

/** Vectors of the old index keyed by passage id, for articles whose passages are unchanged; empty when unusable. */
function reusableVectors(dir: string, embedder: Embedder): { index: VectorIndex; labels: Map<string, number> } | null {
  try {
    const old = openIndex(dir);
    if (old.manifest.model.id !== embedder.spec.id || old.manifest.model.sha256 !== embedder.modelHash) return null;
    if (old.manifest.model.passageBatchSize !== PASSAGE_BATCH_SIZE) return null;
    return { index: old, labels: new Map(old.passages.map((p, i) => [`${p.id}\n${p.text}`, i])) };
  } catch {
    return null;
  }
}

export async function buildIndex(config: CoreConfig, options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const passageOptions = options.passages ?? PASSAGE_DEFAULTS;
  const hnsw = options.hnsw ?? HNSW_DEFAULTS;
  // Every file is checked before anything is loaded or written: a bad file stops the build with nothing changed.
  const articles = loadCorpus(config.corpusDir);
  const embedder = options.embedder ?? (await loadEmbedder(config));
  const byArticle = articles.map((a) => splitPassages(a, embedder.countPassageTokens, passageOptions));
  const passages = byArticle.flat();
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    model: {
      id: embedder.spec.id,
      sha256: embedder.modelHash,
      dimensions: embedder.dimensions,
      pooling: embedder.spec.pooling,
      queryPrefix: embedder.spec.queryPrefix,
      passagePrefix: embedder.spec.passagePrefix,
      passageBatchSize: PASSAGE_BATCH_SIZE,
    },
    corpus: { articles: articles.length, sha256: hashCorpus(articles) },
    passages: { count: passages.length, ...passageOptions, sha256: hashPassages(passages) },
    hnsw,
  };
  const summary = (embedded: number, written: boolean): BuildSummary => ({
    articles: articles.length,
    passages: passages.length,
    embedded,
    written,
    seconds: (performance.now() - started) / 1000,
  });

  const previous = (() => {
    try {
      return readManifest(config.indexDir);
    } catch {
      return null;
    }
  })();
  if (previous && JSON.stringify(previous) === JSON.stringify(manifest)) return summary(0, false);

  // An article is embedded again unless every one of its passages is unchanged: its batches, and so its vectors, are then identical.
  const old = previous ? reusableVectors(config.indexDir, embedder) : null;
  const toEmbed = byArticle.filter((ps) => !ps.every((p) => old?.labels.has(`${p.id}\n${p.text}`)));
  const total = toEmbed.reduce((n, ps) => n + ps.length, 0);
  let done = 0;
  options.onProgress?.(0, total);
  const fresh = new Map<string, Float32Array>();
  for (const ps of toEmbed) {
    const before = done;
    const vectors = await embedder.embedPassages(ps.map((p) => p.text), (n) => options.onProgress?.((done = before + n), total));
    ps.forEach((p, i) => fresh.set(p.id, vectors[i]!));
  }
  const vectors = passages.map((p: Passage) => fresh.get(p.id) ?? old!.index.vector(old!.labels.get(`${p.id}\n${p.text}`)!));
  saveIndex(config.indexDir, manifest, articles.map(articleMeta), passages, vectors, hnsw);
  return summary(total, true);
}

