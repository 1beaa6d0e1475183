/** `npm run index`: (re)builds embeddings/ from corpus/, embedding only new or changed articles. */
import { loadConfig, loadEnvFile, type CoreConfig } from '../config.js';
import { buildIndex } from '../index/build.js';
import { runIfMain } from './errors.js';
import { progressBar, shownPath } from './progress.js';

/** Brings the index up to date with the corpus (progress bar on a terminal) and prints the one-line summary. */
export async function updateIndex(config: CoreConfig): Promise<void> {
  const bar = progressBar('Embedding passages');
  const summary = await buildIndex(config, { onProgress: (done, total) => bar.update(done, total) });
  bar.done();
  const where = shownPath(config.indexDir);
  const what = summary.written
    ? `${summary.embedded} texts embedded, ${summary.passages + summary.sentences - summary.embedded} reused`
    : 'index already up to date, nothing written';
  console.log(`Indexed ${summary.articles} articles, ${summary.passages} passages, ${summary.sentences} sentences (${what}) in ${summary.seconds.toFixed(1)} s → ${where}/`);
}

async function main(): Promise<void> {
  loadEnvFile();
  await updateIndex(loadConfig());
}

runIfMain(import.meta.url, 'npm run index', main);
