/** A corpus of fixture articles (made in the test, not real ones), indexed with the real model into a temporary folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAnswerer, type Answerer } from '../src/answer/index.js';
import { loadConfig } from '../src/config.js';
import { buildIndex } from '../src/index/build.js';

/** One fixture article: its file name, title, publication date and body. */
export type FixtureArticle = [id: string, title: string, published: string, body: string];

/** Writes the articles (publisher "Fixture News") under a new temporary folder, indexes them and opens an answerer. */
export async function openFixtureCorpus(prefix: string, articles: Iterable<FixtureArticle>): Promise<{ dir: string; answerer: Answerer }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const corpusDir = path.join(dir, 'corpus');
  mkdirSync(corpusDir);
  for (const [id, title, published, body] of articles) {
    writeFileSync(path.join(corpusDir, `${id}.md`), `---\ntitle: "${title}"\npublisher: "Fixture News"\npublished: ${published}\n---\n\n${body}\n`);
  }
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: path.join(dir, 'index') });
  await buildIndex(config);
  const answerer = await openAnswerer(config);
  await answerer.ready();
  return { dir, answerer };
}
