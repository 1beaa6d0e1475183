/**
 * `npm run index`: corpus → passages and sentences → embeddings → saved index, embedding only what changed.
 * Unchanged corpus and model: nothing is written at all, so the files stay byte-identical.
 * Changed or new articles: only their texts are embedded; the others' vectors are read back from the old index.
 */
import type { CoreConfig } from '../config.js';
import { hashCorpus, loadCorpus } from '../corpus/index.js';
import { loadEmbedder, PASSAGE_BATCH_SIZE, type Embedder } from '../embeddings/index.js';
import { articleSentences, PASSAGE_DEFAULTS, splitPassages, type PassageOptions } from '../passages/index.js';
import type { Article, Passage } from '../types.js';
import { HNSW_DEFAULTS, INDEX_FILES, INDEX_FORMAT_VERSION, type HnswParams, type Manifest, type PlannedManifest } from './manifest.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LEXICAL_TOKENIZER } from './lexical.js';
import { ANALYSIS_FINGERPRINT } from '../analysis/index.js';
import { readStoredVectors } from './texts.js';
import {
  hashFile,
  hashPassages,
  hashSentences,
  readManifest,
  REBUILD_HINT,
  saveIndex,
  sentenceId,
  type ArticleMeta,
  type Sentence,
} from './index.js';

export interface BuildOptions {
  passages?: PassageOptions;
  hnsw?: HnswParams;
  /** Called as texts are embedded: `done` of `total` passages and sentences that need embedding. */
  onProgress?: (done: number, total: number) => void;
  /** An already loaded embedder for the configured model (saves a second model load in tests and evaluation). */
  embedder?: Embedder;
}

export interface BuildSummary {
  articles: number;
  passages: number;
  sentences: number;
  /** Passages and sentences whose vectors were computed in this run (the rest were reused). */
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
export function staleness(manifest: Manifest, articles: Article[] | null, modelId: string, modelHash?: string): string | null {
  if (manifest.model.id !== modelId) {
    return `the index was built with ${manifest.model.id} but EMBEDDING_MODEL is ${modelId}; ${REBUILD_HINT}`;
  }
  if (modelHash !== undefined && manifest.model.sha256 !== modelHash) {
    return `the model files of ${modelId} changed since the index was built; ${REBUILD_HINT}`;
  }
  if (articles && manifest.corpus.sha256 !== hashCorpus(articles)) {
    return `the corpus changed since the index was built (${articles.length} articles now, ${manifest.corpus.articles} indexed); ${REBUILD_HINT}`;
  }
  return null;
}

/** One article's texts to embed: its passages, then its sentences, in a fixed order (so batches are reproducible). */
interface ArticleTexts {
  passages: Passage[];
  sentences: Sentence[];
}

const textKey = (id: string, text: string) => `${id}\n${text}`;

/**
 * The old index's vectors by id and text, when they came from the same model, prefix and batching; null otherwise.
 * Read from its passage store whatever its format, so a new index format costs no embedding.
 */
function previousVectors(dir: string, previous: Manifest, embedder: Embedder): Map<string, Float32Array> | null {
  const { model } = previous;
  if (model?.id !== embedder.spec.id || model.sha256 !== embedder.modelHash || model.passageBatchSize !== PASSAGE_BATCH_SIZE) return null;
  if (model.passagePrefix !== embedder.spec.passagePrefix) return null;
  try {
    const stored = readStoredVectors(path.join(dir, INDEX_FILES.passages));
    const vectors = new Map<string, Float32Array>();
    for (const p of stored.passages) vectors.set(textKey(p.id, p.text), p.vector);
    for (const s of stored.sentences) vectors.set(textKey(sentenceId(s), s.text), s.vector);
    return vectors;
  } catch {
    return null;
  }
}

/** True when the saved index was built from exactly these texts and settings and its lexical file is intact. */
function upToDate(previous: Manifest, next: PlannedManifest, dir: string): boolean {
  const { lexical, analysis, files, ...rest } = previous;
  if (JSON.stringify(rest) !== JSON.stringify(next) || lexical?.tokenizer !== LEXICAL_TOKENIZER || analysis !== ANALYSIS_FINGERPRINT || !files) return false;
  const intact = (name: string, sha256: string) => existsSync(path.join(dir, name)) && hashFile(path.join(dir, name)) === sha256;
  return intact(INDEX_FILES.lexical, lexical.sha256) && intact(INDEX_FILES.articles, files.articles) && intact(INDEX_FILES.passages, files.passages);
}

export async function buildIndex(config: CoreConfig, options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const passageOptions = options.passages ?? PASSAGE_DEFAULTS;
  const hnsw = options.hnsw ?? HNSW_DEFAULTS;
  // Every file is checked before anything is loaded or written: a bad file stops the build with nothing changed.
  const articles = loadCorpus(config.corpusDir);
  const embedder = options.embedder ?? (await loadEmbedder(config));
  const count = embedder.countPassageTokens;
  const perArticle: ArticleTexts[] = articles.map((a) => ({
    passages: splitPassages(a, count, passageOptions),
    sentences: articleSentences(a, count, passageOptions).map((s) => ({ articleId: a.id, ...s, text: a.body.slice(s.start, s.end) })),
  }));
  const passages = perArticle.flatMap((a) => a.passages);
  const sentences = perArticle.flatMap((a) => a.sentences);
  const manifest: PlannedManifest = {
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
    sentences: { count: sentences.length, sha256: hashSentences(sentences) },
    hnsw,
  };
  const summary = (embedded: number, written: boolean): BuildSummary => ({
    articles: articles.length,
    passages: passages.length,
    sentences: sentences.length,
    embedded,
    written,
    seconds: (performance.now() - started) / 1000,
  });

  let previous: Manifest | null = null;
  try {
    previous = readManifest(config.indexDir);
  } catch {
    // A damaged manifest is simply rebuilt.
  }
  if (previous && upToDate(previous, manifest, config.indexDir)) return summary(0, false);

  // An article is embedded again unless every one of its texts is unchanged: its batches, and so its vectors,
  // are then identical to a full rebuild's.
  const old = previous ? previousVectors(config.indexDir, previous, embedder) : null;
  const keysOf = (a: ArticleTexts) => [...a.passages.map((p) => textKey(p.id, p.text)), ...a.sentences.map((s) => textKey(sentenceId(s), s.text))];
  const toEmbed = perArticle.filter((a) => !keysOf(a).every((k) => old?.has(k)));
  const total = toEmbed.reduce((n, a) => n + a.passages.length + a.sentences.length, 0);
  const vectors = new Map<string, Float32Array>(old ?? []);
  let done = 0;
  options.onProgress?.(0, total);
  for (const a of toEmbed) {
    const texts = [...a.passages.map((p) => p.text), ...a.sentences.map((s) => s.text)];
    const before = done;
    const embedded = await embedder.embedPassages(texts, (n) => options.onProgress?.((done = before + n), total));
    keysOf(a).forEach((k, i) => vectors.set(k, embedded[i]!));
  }
  saveIndex(config.indexDir, {
    manifest,
    articles: articles.map(articleMeta),
    passages,
    passageVectors: passages.map((p) => vectors.get(textKey(p.id, p.text))!),
    sentences,
    sentenceVectors: sentences.map((s) => vectors.get(textKey(sentenceId(s), s.text))!),
  });
  return summary(total, true);
}
