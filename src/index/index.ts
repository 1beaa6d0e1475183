/**
 * Stage 4: the vector index. Passage vectors live in an hnswlib-node HNSW index (`embeddings/index.hnsw`, label =
 * the passage's label in `passages.sqlite`), and the vectors of every sentence in a second one (`sentences.hnsw`),
 * beside the passage and sentence texts (`passages.sqlite`, read by label), the articles (`articles.json`), the
 * lexical index and `manifest.json`. Opening an index reads the articles and the two HNSW files, nothing per passage.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Article, Passage } from '../types.js';
import { countNamePhrases, countWordCase, LEXICAL_TOKENIZER, openLexicalIndex, writeLexicalIndex, type LexicalIndex } from './lexical.js';
import { storyYearMentions } from '../passages/index.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type HnswParams, type Manifest, type PlannedManifest } from './manifest.js';
import { openTextStore, writeTextStore, type Sentence, type TextStore } from './texts.js';
import { analyseSentence, ANALYSIS_FINGERPRINT, articleTerms } from '../analysis/index.js';

export { LEXICAL_TOKENIZER, lexicalText, sumWordScores, wordKey, type LexicalIndex, type WordCase } from './lexical.js';
export { HNSW_DEFAULTS, INDEX_FILES, INDEX_FORMAT_VERSION, type HnswParams, type Manifest } from './manifest.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export const REBUILD_HINT = 'run `npm run index` to rebuild it';

export class IndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexError';
  }
}

/** Article metadata as stored beside the vectors (the body stays in corpus/). */
export type ArticleMeta = Omit<Article, 'body'>;

export type { Sentence } from './texts.js';
export { Bounded } from './texts.js';

/**
 * An article as the index keeps it: its metadata, and the years its title and text state, each with how many times
 * (worked out at build).
 */
export type IndexedArticle = ArticleMeta & { statedYears: Record<string, number> };

/** The text an article's names and stated years are looked for in: its title and its passages. */
export function indexedText(title: string, passageTexts: readonly string[]): string {
  return [title, ...passageTexts].join('\n');
}

interface ArticlesFile {
  articles: IndexedArticle[];
}

export interface Neighbour {
  label: number;
  /** Cosine similarity to the query vector. */
  similarity: number;
}

export interface VectorIndex extends Omit<TextStore, 'close'> {
  manifest: Manifest;
  articles: IndexedArticle[];
  /** Nearest passages to a unit vector, best first. */
  nearest(vector: Float32Array, k: number): Neighbour[];
  /** Nearest sentences to a unit vector, best first. */
  nearestSentences(vector: Float32Array, k: number): Neighbour[];
  /** BM25, document frequencies and word case, from the persisted FTS5 index. */
  lexical: LexicalIndex;
}

/** A hash of `[id, text]` pairs, recorded in the manifest so a changed passage file is noticed. */
function hashPairs(pairs: [string, string][]): string {
  const h = createHash('sha256');
  for (const pair of pairs) h.update(JSON.stringify(pair));
  return h.digest('hex');
}

export const sentenceId = (s: Sentence) => `${s.articleId}#${s.start}-${s.end}`;
export const hashPassages = (passages: Passage[]) => hashPairs(passages.map((p) => [p.id, p.text]));
export const hashSentences = (sentences: Sentence[]) => hashPairs(sentences.map((s) => [sentenceId(s), s.text]));

function readJson<T>(file: string, what: string): T {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new IndexError(`the index ${what} ${file} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
  return parseJson<T>(bytes, file, what);
}

function parseJson<T>(bytes: Buffer, file: string, what: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    throw new IndexError(`the index ${what} ${file} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
}

/**
 * Reads the manifest alone, or null when the folder holds no index yet. Throws `IndexError` when the folder is not
 * a folder or cannot be read, rather than calling it empty.
 */
export function readManifest(dir: string): Manifest | null {
  try {
    if (!statSync(dir).isDirectory()) throw new IndexError(`the index folder ${dir} is not a folder; set INDEX_DIR to a folder`);
    readdirSync(dir);
  } catch (error) {
    if (error instanceof IndexError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new IndexError(`the index folder ${dir} cannot be read (${code ?? (error as Error).message})`);
  }
  const file = path.join(dir, INDEX_FILES.manifest);
  return existsSync(file) ? readJson<Manifest>(file, 'manifest') : null;
}

function checkedHnsw(hnsw: Hnsw, file: string, expected: number): Hnsw {
  if (hnsw.getCurrentCount() !== expected) {
    throw new IndexError(`the vector index ${file} holds ${hnsw.getCurrentCount()} vectors for ${expected} texts; ${REBUILD_HINT}`);
  }
  return hnsw;
}

const unreadable = (file: string, error: unknown) => new IndexError(`the vector index ${file} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);

function readHnswSync(file: string, manifest: Manifest, expected: number): Hnsw {
  const hnsw = new HierarchicalNSW(manifest.hnsw.space, manifest.model.dimensions);
  try {
    hnsw.readIndexSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  return checkedHnsw(hnsw, file, expected);
}

/** Reads an HNSW file on one of libuv's threads, so the process does other work (loading the model) meanwhile. */
async function readHnswAsync(file: string, manifest: Manifest, expected: number): Promise<Hnsw> {
  const hnsw = new HierarchicalNSW(manifest.hnsw.space, manifest.model.dimensions);
  try {
    await hnsw.readIndex(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  return checkedHnsw(hnsw, file, expected);
}

function searcher(hnsw: Hnsw, count: number, ef: number) {
  return (vector: Float32Array, k: number): Neighbour[] => {
    const n = Math.min(k, count);
    if (n === 0) return [];
    // `ef` is not stored in hnswlib's file and must cover k.
    hnsw.setEf(Math.max(ef, n));
    const { neighbors, distances } = hnsw.searchKnn(Array.from(vector), n);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  };
}


/** Opens a saved index. Throws `IndexError` (one line, naming the rebuild command) when it is missing or damaged. */
/** Everything of an opened index but its two HNSW files; `withHnsw` completes it or closes what it opened. */
interface OpenedStores {
  manifest: Manifest;
  articles: ArticleMeta[];
  counts: { passages: number; sentences: number };
  withHnsw(passageHnsw: Hnsw, sentenceHnsw: Hnsw): VectorIndex;
  close(): void;
}

function openStores(dir: string): OpenedStores {
  const manifest = readManifest(dir);
  if (!manifest) throw new IndexError(`no index in ${dir}; run \`npm run index\` to build it`);
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexError(`the index in ${dir} has format ${manifest.formatVersion}, this program reads ${INDEX_FORMAT_VERSION}; ${REBUILD_HINT}`);
  }
  const articlesFile = path.join(dir, INDEX_FILES.articles);
  let bytes: Buffer;
  try {
    bytes = readFileSync(articlesFile);
  } catch (error) {
    throw new IndexError(`the index article file ${articlesFile} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== manifest.files?.articles) {
    throw new IndexError(`the article file in ${dir} does not match its manifest; ${REBUILD_HINT}`);
  }
  const { articles } = parseJson<ArticlesFile>(bytes, articlesFile, 'article file');
  if (!Array.isArray(articles) || articles.length !== manifest.corpus.articles) {
    throw new IndexError(`the article file in ${dir} does not match its manifest; ${REBUILD_HINT}`);
  }
  const counts = { passages: manifest.passages.count, sentences: manifest.sentences.count };
  const textsFile = path.join(dir, INDEX_FILES.passages);
  let texts: TextStore;
  try {
    texts = openTextStore(textsFile, counts);
  } catch (error) {
    throw new IndexError(`the passage store ${textsFile} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
  const lexicalFile = path.join(dir, INDEX_FILES.lexical);
  if (!manifest.lexical || manifest.lexical.tokenizer !== LEXICAL_TOKENIZER) {
    texts.close();
    throw new IndexError(`the lexical index in ${dir} was built with another tokenizer; ${REBUILD_HINT}`);
  }
  let lexical: LexicalIndex;
  try {
    lexical = openLexicalIndex(lexicalFile, counts.passages);
  } catch (error) {
    texts.close();
    throw new IndexError(`the lexical index ${lexicalFile} is unreadable (${(error as Error).message}); ${REBUILD_HINT}`);
  }
  const { close, ...store } = texts;
  // The lexical index's close() ends the whole index: both SQLite files.
  const closeLexical = lexical.close.bind(lexical);
  lexical.close = () => {
    closeLexical();
    close();
  };
  return {
    manifest,
    articles,
    counts,
    withHnsw: (passageHnsw, sentenceHnsw) => ({
      manifest,
      articles,
      ...store,
      nearest: searcher(passageHnsw, counts.passages, manifest.hnsw.ef),
      nearestSentences: searcher(sentenceHnsw, counts.sentences, manifest.hnsw.ef),
      lexical,
    }),
    close: () => lexical.close(),
  };
}

const hnswFiles = (dir: string) => [path.join(dir, INDEX_FILES.hnsw), path.join(dir, INDEX_FILES.sentenceHnsw)] as const;

export function openIndex(dir: string): VectorIndex {
  const opened = openStores(dir);
  const [passageFile, sentenceFile] = hnswFiles(dir);
  try {
    return opened.withHnsw(
      readHnswSync(passageFile, opened.manifest, opened.counts.passages),
      readHnswSync(sentenceFile, opened.manifest, opened.counts.sentences),
    );
  } catch (error) {
    opened.close();
    throw error;
  }
}

/**
 * `openIndex`, with the two HNSW files read on libuv's threads, both at once: most of what opening a large index
 * costs, which the process can spend loading the model meanwhile (`openAnswerer`).
 */
export async function openIndexAsync(dir: string): Promise<VectorIndex> {
  const opened = openStores(dir);
  const [passageFile, sentenceFile] = hnswFiles(dir);
  try {
    const [passageHnsw, sentenceHnsw] = await Promise.all([
      readHnswAsync(passageFile, opened.manifest, opened.counts.passages),
      readHnswAsync(sentenceFile, opened.manifest, opened.counts.sentences),
    ]);
    return opened.withHnsw(passageHnsw, sentenceHnsw);
  } catch (error) {
    opened.close();
    throw error;
  }
}

/** Writes a file through a temporary name, so a crash never leaves half a file behind. */
function writeAtomically(file: string, write: (tmp: string) => void): void {
  const tmp = `${file}.tmp`;
  write(tmp);
  renameSync(tmp, file);
}

function writeHnsw(file: string, vectors: Float32Array[], dimensions: number, params: HnswParams): void {
  const hnsw: Hnsw = new HierarchicalNSW(params.space, dimensions);
  hnsw.initIndex({ maxElements: Math.max(vectors.length, 1), m: params.m, efConstruction: params.efConstruction, randomSeed: params.randomSeed });
  vectors.forEach((v, label) => hnsw.addPoint(Array.from(v), label));
  writeAtomically(file, (tmp) => hnsw.writeIndexSync(tmp));
}

export interface IndexContents {
  manifest: Manifest;
  articles: ArticleMeta[];
  passages: Passage[];
  passageVectors: Float32Array[];
  sentences: Sentence[];
  sentenceVectors: Float32Array[];
}

/** Each distinct publisher as a byline ("by Radio Habana Cuba"): its words inside a sentence, as names are counted. */
function bylines(articles: readonly Pick<ArticleMeta, 'publisher'>[]): string[] {
  return [...new Set(articles.map((a) => a.publisher))].map((p) => `by ${p}`);
}

/** sha256 of a file's bytes. */
export function hashFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Saves vectors, passages, the lexical index and the manifest; the manifest goes last (with the lexical file's hash),
 * so a half-written index is never taken as valid.
 */
export function saveIndex(dir: string, c: Omit<IndexContents, 'manifest' | 'articles'> & { manifest: PlannedManifest; articles: ArticleMeta[] }): Manifest {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  // How the corpus writes words and names: its sentences, and each publisher as a byline would write it, so a question
  // naming a publisher ("according to Radio Habana Cuba") names something the corpus knows.
  const sentenceTexts = c.sentences.map((s) => s.text);
  const written = [...sentenceTexts, ...bylines(c.articles)];
  writeLexicalIndex(file(INDEX_FILES.lexical), c.passages.map((p) => p.text), countWordCase(written), countNamePhrases(written));
  const texts = new Map<string, string[]>();
  for (const p of c.passages) texts.get(p.articleId)?.push(p.text) ?? texts.set(p.articleId, [p.text]);
  const articleTexts = new Map(c.articles.map((a) => [a.id, indexedText(a.title, texts.get(a.id) ?? [])]));
  const articleText = (a: ArticleMeta) => articleTexts.get(a.id)!;
  // The text analysis of every sentence and article, done once here rather than for each question.
  writeTextStore(
    file(INDEX_FILES.passages),
    c.passages,
    c.sentences,
    { passages: c.passageVectors, sentences: c.sentenceVectors },
    { sentences: sentenceTexts.map(analyseSentence), articles: c.articles.map((a) => ({ id: a.id, terms: articleTerms(articleText(a)) })) },
  );
  writeHnsw(file(INDEX_FILES.hnsw), c.passageVectors, c.manifest.model.dimensions, c.manifest.hnsw);
  writeHnsw(file(INDEX_FILES.sentenceHnsw), c.sentenceVectors, c.manifest.model.dimensions, c.manifest.hnsw);
  // The years each article states, worked out once here rather than at every start.
  const articles = c.articles.map((a) => ({ ...a, statedYears: Object.fromEntries([...storyYearMentions(articleText(a), a.year)].sort(([x], [y]) => x - y)) }));
  writeAtomically(file(INDEX_FILES.articles), (tmp) => writeFileSync(tmp, JSON.stringify({ articles } satisfies ArticlesFile, null, 1) + '\n'));
  // The passage file of index format 5 and earlier.
  rmSync(file('passages.json'), { force: true });
  const manifest: Manifest = {
    ...c.manifest,
    lexical: { tokenizer: LEXICAL_TOKENIZER, sha256: hashFile(file(INDEX_FILES.lexical)) },
    analysis: ANALYSIS_FINGERPRINT,
    files: { articles: hashFile(file(INDEX_FILES.articles)), passages: hashFile(file(INDEX_FILES.passages)) },
  };
  writeAtomically(file(INDEX_FILES.manifest), (tmp) => writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n'));
  return manifest;
}
