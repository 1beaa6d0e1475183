import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/index.js';
import { loadConfig, PROJECT_ROOT, type CoreConfig } from '../../src/config.js';
import { CorpusError, loadCorpus, parseArticle } from '../../src/corpus/index.js';
import { loadEmbedder, type Embedder } from '../../src/embeddings/index.js';
import { buildIndex, staleness, type BuildSummary } from '../../src/index/build.js';
import { INDEX_FILES, IndexError, openIndex, readManifest, sentenceId, type VectorIndex } from '../../src/index/index.js';
import Database from 'better-sqlite3';
import { articleSentences, splitPassages } from '../../src/passages/index.js';
import type { Article } from '../../src/types.js';

const REAL_CORPUS = path.join(PROJECT_ROOT, 'corpus');
const SOURCE_FILE = '2015-11-18-interpol-rescuing-online-child-sexual-abuse-victims.md';

let tmp: string;
let embedder: Embedder;
/** The index built once from an untouched copy of the corpus; every test works on its own copy of it. */
let base: { corpusDir: string; indexDir: string; summary: BuildSummary };
let workspaces = 0;

/** What the index embeds for one article, in the order it embeds them: its passages, then its sentences. */
function textsOf(article: Article): { passages: string[]; sentences: string[] } {
  return {
    passages: splitPassages(article, embedder.countPassageTokens).map((p) => p.text),
    sentences: articleSentences(article, embedder.countPassageTokens).map((sp) => article.body.slice(sp.start, sp.end)),
  };
}

function configFor(corpusDir: string, indexDir: string): CoreConfig {
  return loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
}

/** A fresh corpus folder and index folder copied from the base build. */
function workspace(): { corpusDir: string; indexDir: string; config: CoreConfig } {
  const dir = path.join(tmp, `ws-${++workspaces}`);
  const corpusDir = path.join(dir, 'corpus');
  const indexDir = path.join(dir, 'index');
  cpSync(base.corpusDir, corpusDir, { recursive: true });
  cpSync(base.indexDir, indexDir, { recursive: true });
  return { corpusDir, indexDir, config: configFor(corpusDir, indexDir) };
}

/** Every passage of an index, by label. */
const allPassages = (index: VectorIndex) => Array.from({ length: index.passageCount }, (_, i) => index.passage(i));
/** Every sentence of an index, by label. */
const allSentences = (index: VectorIndex) => Array.from({ length: index.sentenceCount }, (_, i) => index.sentence(i));

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) files[f] = readFileSync(path.join(dir, f)).toString('base64');
  return files;
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'index-test-'));
  embedder = await loadEmbedder(loadConfig({}));
  const corpusDir = path.join(tmp, 'base', 'corpus');
  const indexDir = path.join(tmp, 'base', 'index');
  mkdirSync(corpusDir, { recursive: true });
  for (const f of readdirSync(REAL_CORPUS).filter((n) => n.endsWith('.md'))) cpSync(path.join(REAL_CORPUS, f), path.join(corpusDir, f));
  const summary = await buildIndex(configFor(corpusDir, indexDir), { embedder });
  base = { corpusDir, indexDir, summary };
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('buildIndex', () => {
  it('embeds every passage of a new corpus and writes the index files', () => {
    const texts = loadCorpus(base.corpusDir).map(textsOf);
    const passages = texts.reduce((n, t) => n + t.passages.length, 0);
    const sentences = texts.reduce((n, t) => n + t.sentences.length, 0);
    expect(base.summary).toMatchObject({ articles: 5, passages, sentences, embedded: passages + sentences, written: true });
    for (const f of Object.values(INDEX_FILES)) expect(existsSync(path.join(base.indexDir, f))).toBe(true);
  });

  it('writes nothing when run again on an unchanged corpus', async () => {
    const { indexDir, config } = workspace();
    const before = snapshot(indexDir);
    const summary = await buildIndex(config, { embedder });
    expect(summary.written).toBe(false);
    expect(summary.embedded).toBe(0);
    expect(snapshot(indexDir)).toEqual(before);
  });

  it('embeds only the passages of an added article and keeps the other vectors', async () => {
    const { corpusDir, indexDir, config } = workspace();
    const old = openIndex(indexDir);
    const text = readFileSync(path.join(corpusDir, SOURCE_FILE), 'utf8').replace('LYON, France –', 'LYON, France (updated) –');
    const name = '2016-01-01-copy-of-2015-article.md';
    writeFileSync(path.join(corpusDir, name), text);
    const added = parseArticle(name, text) as Article;
    expect(Array.isArray(added)).toBe(false);
    const addedPassages = splitPassages(added, embedder.countPassageTokens);
    const addedTexts = textsOf(added);

    const summary = await buildIndex(config, { embedder });
    expect(summary.written).toBe(true);
    expect(summary.articles).toBe(6);
    expect(summary.embedded).toBe(addedTexts.passages.length + addedTexts.sentences.length);
    expect(summary.passages).toBe(old.passageCount + addedPassages.length);

    const now = openIndex(indexDir);
    const labelOf = new Map(allPassages(now).map((p, i) => [p.id, i]));
    // Reused, not recomputed: equal up to hnswlib normalising the stored unit vector once more (float rounding).
    allPassages(old).forEach((p, i) => {
      const a = now.vector(labelOf.get(p.id)!);
      const b = old.vector(i);
      const maxDiff = Math.max(...Array.from(a, (x, d) => Math.abs(x - b[d]!)));
      expect(maxDiff, p.id).toBeLessThan(1e-6);
    });
    const sentenceLabelOf = new Map(allSentences(now).map((x, i) => [sentenceId(x), i]));
    allSentences(old).forEach((x, i) => {
      const a = now.sentenceVector(sentenceLabelOf.get(sentenceId(x))!);
      const b = old.sentenceVector(i);
      expect(Math.max(...Array.from(a, (v, d) => Math.abs(v - b[d]!))), sentenceId(x)).toBeLessThan(1e-6);
    });
    expect(allPassages(now).filter((p) => p.articleId === added.id).map((p) => p.id)).toEqual(addedPassages.map((p) => p.id));
  });

  it('refuses a corpus with a bad file with a CorpusError and leaves the index untouched', async () => {
    const { corpusDir, indexDir, config } = workspace();
    const before = snapshot(indexDir);
    writeFileSync(path.join(corpusDir, '2023-bad.md'), '---\ntitle: T\npublisher: P\npublished: 2023-02-30\n---\n\nBody.\n');
    const error = await caught(buildIndex(config, { embedder }));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toContain('2023-bad.md');
    expect(snapshot(indexDir)).toEqual(before);
  });
});

describe('openIndex', () => {
  it('reads back every passage and vector: each stored vector is its own nearest neighbour', () => {
    const index = openIndex(base.indexDir);
    expect(index.passageCount).toBe(base.summary.passages);
    expect(index.articles.map((a) => a.year)).toEqual([2011, 2014, 2014, 2015, 2022]);
    expect(index.manifest.model.id).toBe(embedder.spec.id);
    allPassages(index).forEach((p, label) => {
      const [best] = index.nearest(index.vector(label), 1);
      expect(best!.similarity).toBeGreaterThan(0.999);
      // Two articles may hold the very same passage text; then either copy is an equally near neighbour.
      if (best!.label !== label) expect(index.passage(best!.label).text).toBe(p.text);
    });
  });

  it('gives the same vectors as embedding an article\'s passages and sentences again in the same batches', async () => {
    const index = openIndex(base.indexDir);
    const article = loadCorpus(base.corpusDir)[0]!;
    const texts = textsOf(article);
    const fresh = await embedder.embedPassages([...texts.passages, ...texts.sentences]);
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, d) => sum + x * b[d]!, 0);
    const passageLabels = allPassages(index).flatMap((p, i) => (p.articleId === article.id ? [i] : []));
    const sentenceLabels = allSentences(index).flatMap((x, i) => (x.articleId === article.id ? [i] : []));
    expect(passageLabels.map((l) => index.passage(l).text)).toEqual(texts.passages);
    expect(sentenceLabels.map((l) => index.sentence(l).text)).toEqual(texts.sentences);
    passageLabels.forEach((l, i) => expect(dot(index.vector(l), fresh[i]!)).toBeGreaterThan(0.9999));
    sentenceLabels.forEach((l, i) => expect(dot(index.sentenceVector(l), fresh[texts.passages.length + i]!)).toBeGreaterThan(0.9999));
  });

  it('throws an IndexError naming `npm run index` when the index folder is missing', () => {
    const error = thrown(() => openIndex(path.join(tmp, 'no-such-index')));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
    expect(readManifest(path.join(tmp, 'no-such-index'))).toBeNull();
  });

  it('says the index folder is not a folder, rather than that there is no index, when INDEX_DIR is a file', () => {
    const file = path.join(tmp, 'index-is-a-file');
    writeFileSync(file, 'not a folder');
    const error = thrown(() => openIndex(file));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toBe(`the index folder ${file} is not a folder; set INDEX_DIR to a folder`);
  });

  it('throws an IndexError naming `npm run index` when index.hnsw is truncated', () => {
    const { indexDir } = workspace();
    truncateSync(path.join(indexDir, INDEX_FILES.hnsw), 100);
    const error = thrown(() => openIndex(indexDir));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('throws an IndexError naming `npm run index` when sentences.hnsw is truncated', () => {
    const { indexDir } = workspace();
    truncateSync(path.join(indexDir, INDEX_FILES.sentenceHnsw), 100);
    const error = thrown(() => openIndex(indexDir));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
  });

  it('throws an IndexError naming `npm run index` when passages.sqlite is garbled', () => {
    const { indexDir } = workspace();
    const file = path.join(indexDir, INDEX_FILES.passages);
    writeFileSync(file, Buffer.concat([Buffer.from('garbage'), readFileSync(file).subarray(0, 500)]));
    const error = thrown(() => openIndex(indexDir));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('throws an IndexError naming `npm run index` when the article file was edited', () => {
    const { indexDir } = workspace();
    const file = path.join(indexDir, INDEX_FILES.articles);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"title": "', '"title": "Edited '));
    const error = thrown(() => openIndex(indexDir));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
  });

  it('rebuilds a passage store whose texts were edited after the build (`npm run index` checks every file)', async () => {
    const { indexDir, config } = workspace();
    const file = path.join(indexDir, INDEX_FILES.passages);
    const db = new Database(file);
    db.prepare("UPDATE passage SET text = text || ' edited' WHERE label = 0").run();
    db.close();
    const summary = await buildIndex(config, { embedder });
    expect(summary.written).toBe(true);
    expect(openIndex(indexDir).passage(0).text.endsWith(' edited')).toBe(false);
  });

  it('throws an IndexError naming `npm run index` when the manifest is not JSON', () => {
    const { indexDir } = workspace();
    writeFileSync(path.join(indexDir, INDEX_FILES.manifest), '{ not json');
    const error = thrown(() => openIndex(indexDir));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
  });
});

describe('staleness', () => {
  it('is null for the corpus and model the index was built from', () => {
    const manifest = readManifest(base.indexDir)!;
    expect(staleness(manifest, loadCorpus(base.corpusDir), embedder.spec.id, embedder.modelHash)).toBeNull();
  });

  it('reports a changed corpus in one line naming `npm run index`', () => {
    const { corpusDir, indexDir } = workspace();
    const file = path.join(corpusDir, SOURCE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8') + '\nOne more sentence.\n');
    const reason = staleness(readManifest(indexDir)!, loadCorpus(corpusDir), embedder.spec.id);
    expect(reason).not.toBeNull();
    expect(reason!.split('\n')).toHaveLength(1);
    expect(reason).toContain('npm run index');
  });

  it('reports another configured model in one line naming `npm run index`', () => {
    const reason = staleness(readManifest(base.indexDir)!, loadCorpus(base.corpusDir), 'Xenova/e5-small-v2');
    expect(reason).toContain('npm run index');
    expect(reason).toContain('Xenova/e5-small-v2');
  });
});

describe('openAnswerer', () => {
  it('refuses an index built for a corpus that has changed since, in one line naming `npm run index`', async () => {
    const { corpusDir, config } = workspace();
    const file = path.join(corpusDir, SOURCE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('LYON, France', 'LYON (France)'));
    const error = await caught(openAnswerer(config, { embedder }));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain('npm run index');
  });

  it('refuses a missing index folder with an IndexError naming `npm run index`', async () => {
    const error = await caught(openAnswerer(configFor(base.corpusDir, path.join(tmp, 'nowhere')), { embedder }));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message).toContain('npm run index');
  });

  it('refuses an index whose stored text analysis another version made; `npm run index` redoes it without embedding again', async () => {
    const { config, indexDir } = workspace();
    const file = path.join(indexDir, INDEX_FILES.manifest);
    writeFileSync(file, JSON.stringify({ ...readManifest(indexDir)!, analysis: 'an older analysis' }));
    const error = await caught(openAnswerer(config, { embedder }));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain('npm run index');
    const summary = await buildIndex(config, { embedder });
    expect(summary).toMatchObject({ written: true, embedded: 0 });
    const answer = await (await openAnswerer(config, { embedder })).ask('how many countries attended in 2011?');
    expect(answer.refused).toBe(false);
  });

  it('rebuilds an index of an older format from the vectors it stores, embedding nothing again', async () => {
    const { config, indexDir } = workspace();
    // The passage store as index format 7 wrote it: texts and vectors, no sentence ranges, no stored analysis.
    const db = new Database(path.join(indexDir, INDEX_FILES.passages));
    db.exec(`ALTER TABLE passage DROP COLUMN first; ALTER TABLE passage DROP COLUMN last;
      ALTER TABLE sentence DROP COLUMN terms; ALTER TABLE sentence DROP COLUMN shape; DROP TABLE article_term; DROP TABLE article;`);
    db.close();
    writeFileSync(path.join(indexDir, INDEX_FILES.manifest), JSON.stringify({ ...readManifest(indexDir)!, formatVersion: 7 }));
    expect(thrown(() => openIndex(indexDir)).message).toContain('npm run index');
    const summary = await buildIndex(config, { embedder });
    expect(summary).toMatchObject({ written: true, embedded: 0 });
    expect(snapshot(indexDir)).toEqual(snapshot(base.indexDir));
  });

  it('answers from a freshly built index', async () => {
    const { config } = workspace();
    const answerer = await openAnswerer(config, { embedder });
    const answer = await answerer.ask('how many countries attended in 2011?');
    expect(answer.refused).toBe(false);
    expect(answer.results.length).toBeGreaterThan(0);
  });
});
