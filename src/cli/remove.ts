/** `npm run remove -- <id> [...]`: removes articles (ids as `npm run sources` lists them) and updates the index. */
import { loadConfig, loadEnvFile } from '../config.js';
import { QuestionError } from '../answer/index.js';
import { AddError, removeArticles } from '../ingest/add.js';
import { updateIndex } from './build-index.js';
import { runIfMain } from './errors.js';

async function main(): Promise<void> {
  const ids = process.argv.slice(2);
  if (ids.includes('--help') || ids.length === 0) {
    if (ids.length === 0) throw new QuestionError('no article id given; usage: npm run remove -- <id> [...] (npm run sources lists the ids)');
    process.stdout.write('usage: npm run remove -- <id> [...]\n\nRemoves articles from the corpus (ids as npm run sources lists them) and updates the index.\n');
    return;
  }
  loadEnvFile();
  const config = loadConfig();
  try {
    for (const id of removeArticles(config.corpusDir, ids)) console.log(`Removed ${id}`);
  } catch (error) {
    if (error instanceof AddError) throw new QuestionError(error.message);
    throw error;
  }
  await updateIndex(config);
}

runIfMain(import.meta.url, 'npm run remove', main);
