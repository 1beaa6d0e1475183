/**
 * The corpora the evaluation asks its questions of, each indexed into its own folder under the system's temporary
 * directory (never into `embeddings/`):
 * - bundled: the product's `corpus/` (five articles);
 * - combined: `corpus/` plus the evaluation articles of `eval/articles/`.
 * A folder is kept between runs and brought up to date by the incremental index build, so only new or changed
 * articles are embedded again.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreConfig } from '../config.js';
import { listArticleFiles } from '../corpus/index.js';
import type { Embedder } from '../embeddings/index.js';
import { buildIndex, type BuildSummary } from '../index/build.js';
import type { PassageOptions } from '../passages/index.js';
import { EVAL_ARTICLES_DIR } from './questions.js';

export type CorpusName = 'bundled' | 'combined';

export const EVAL_CACHE_DIR = path.join(os.tmpdir(), 'interpol-qa-eval');

/** Copies the article files of `sources` into `dir`, removing any article file no source holds any more. */
function mirror(sources: string[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  const wanted = new Map<string, string>();
  for (const source of sources) for (const f of listArticleFiles(source)) wanted.set(f, path.join(source, f));
  for (const f of readdirSync(dir)) if (!wanted.has(f)) rmSync(path.join(dir, f), { force: true });
  for (const [f, from] of wanted) {
    const to = path.join(dir, f);
    if (!existsSync(to) || !readFileSync(to).equals(readFileSync(from))) copyFileSync(from, to);
  }
}

/**
 * Indexes one evaluation corpus for a model and passage setting, in its own cached folder, and returns the config
 * that answers from it.
 */
export async function prepareCorpus(
  name: CorpusName,
  config: CoreConfig,
  embedder: Embedder,
  passages: PassageOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ config: CoreConfig; summary: BuildSummary }> {
  const slug = `${name}-${config.embeddingModel.replace(/[^\w.-]+/g, '_')}-${passages.maxTokens}-${passages.overlapSentences}`;
  const root = path.join(EVAL_CACHE_DIR, slug);
  const corpusDir = path.join(root, 'corpus');
  mirror(name === 'combined' ? [config.corpusDir, EVAL_ARTICLES_DIR] : [config.corpusDir], corpusDir);
  const c: CoreConfig = { ...config, corpusDir, indexDir: path.join(root, 'index') };
  const summary = await buildIndex(c, { embedder, passages, onProgress });
  return { config: c, summary };
}
