/** `npm run index`: (re)builds embeddings/ from corpus/, embedding only new or changed articles. */
import path from 'node:path';
import { loadConfig, loadEnvFile, PROJECT_ROOT } from '../config.js';
import { buildIndex } from '../index/build.js';
import { runIfMain } from './errors.js';
import { progressBar } from './progress.js';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const bar = progressBar('Embedding passages');
  const summary = await buildIndex(config, { onProgress: (done, total) => bar.update(done, total) });
  bar.done();
  const where = path.relative(PROJECT_ROOT, config.indexDir) || '.';
  const what = summary.written
    ? `${summary.embedded} texts embedded, ${summary.passages + summary.sentences - summary.embedded} reused`
    : 'index already up to date, nothing written';
  console.log(`Indexed ${summary.articles} articles, ${summary.passages} passages, ${summary.sentences} sentences (${what}) in ${summary.seconds.toFixed(1)} s → ${where}/`);
}

runIfMain(import.meta.url, 'npm run index', main);
