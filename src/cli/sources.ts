/**
 * `npm run sources [-- --json]`: the articles of the corpus, newest first — id, date, publisher, title and how many
 * passages the index holds of each ("not indexed" until `npm run index` has run).
 */
import { loadCorpus } from '../corpus/index.js';
import { loadConfig, loadEnvFile } from '../config.js';
import { openIndex } from '../index/index.js';
import { runIfMain } from './errors.js';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  if (process.argv.includes('--help')) {
    process.stdout.write('usage: npm run sources [-- --json]\n\nLists the corpus: id (for npm run remove), date, publisher, title, passages indexed.\n');
    return;
  }
  loadEnvFile();
  const config = loadConfig();
  const articles = loadCorpus(config.corpusDir).sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
  const passages = new Map<string, number>();
  try {
    const index = openIndex(config.indexDir);
    for (const a of index.articles) passages.set(a.id, index.passagesOfArticle(a.id).length);
    index.lexical.close();
  } catch {
    // No index yet, or a damaged one: every article shows as not indexed.
  }
  if (json) {
    const rows = articles.map((a) => ({ id: a.id, title: a.title, publisher: a.publisher, published: a.published, url: a.url, passages: passages.get(a.id) ?? null }));
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  for (const a of articles) {
    const count = passages.get(a.id);
    console.log(`${a.id}\n    ${a.published} · ${a.publisher} · “${a.title}” · ${count === undefined ? 'not indexed' : `${count} passage${count === 1 ? '' : 's'}`}`);
  }
  console.log(`${articles.length} article${articles.length === 1 ? '' : 's'}`);
}

runIfMain(import.meta.url, 'npm run sources', main);
