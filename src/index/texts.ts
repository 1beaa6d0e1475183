/**
 * The passages and sentences of an index, in SQLite (`passages.sqlite`), each with its vector: read by label when a
 * question needs them, so opening an index reads none of them, and a question reads only its candidates'. A passage's
 * sentences are a run of labels (stored as its first and last); the passages holding a sentence are a range query on
 * (article, offsets). Beside them, the text analysis worked out at build (`analysis/`): each sentence's terms and
 * shape, and for each term the articles that hold it. (The vectors are in the HNSW files too, for the
 * nearest-neighbour search; reading one back out of hnswlib costs about 40 µs, out of SQLite about 4.)
 */
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Passage } from '../types.js';
import type { StoredSentenceFacts } from '../analysis/index.js';

/** One sentence of an article (offsets into its body), embedded on its own. */
export interface Sentence {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export interface TextStore {
  passageCount: number;
  sentenceCount: number;
  passage(label: number): Passage;
  sentence(label: number): Sentence;
  /** The stored unit vector of a passage. */
  vector(label: number): Float32Array;
  /** The stored unit vector of a sentence. */
  sentenceVector(label: number): Float32Array;
  /** Labels of the sentences inside a passage, in order. */
  sentencesOfPassage(label: number): number[];
  /** Labels of the passages holding a sentence. */
  passagesOfSentence(label: number): number[];
  /** Labels of an article's passages, in order. */
  passagesOfArticle(articleId: string): number[];
  /** Labels of an article's sentences, in order. */
  sentencesOfArticle(articleId: string): number[];
  /** The label of the passage with this id (`<article>#<start>-<end>`), if the index holds it. */
  passageLabel(id: string): number | undefined;
  /** Reads these passages and their sentences at once (a question's candidates), so later lookups hit the cache. */
  prefetchPassages(labels: Iterable<number>): void;
  /** Reads these sentences and the passages holding them at once. */
  prefetchSentences(labels: Iterable<number>): void;
  /** What the text analysis found in a sentence when the index was built (`analysis/index.ts`). */
  sentenceFacts(label: number): StoredSentenceFacts;
  /** Of these articles, the ones whose text holds each of these terms (as the text analysis made them). */
  articlesHolding(terms: readonly string[], articleIds: Iterable<string>): Map<string, Set<string>>;
  close(): void;
}

/**
 * A stored vector as floats. better-sqlite3 gives each blob a buffer of its own, which the floats then share (no copy);
 * a blob sharing a larger or misaligned buffer is copied, so the row's memory is never kept for one vector.
 */
function asVector(blob: Buffer): Float32Array {
  if (blob.byteOffset % 4 === 0 && blob.buffer.byteLength === blob.byteLength) return new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

interface PassageRow {
  label: number;
  id: string;
  articleId: string;
  start: number;
  end: number;
  tokens: number;
  text: string;
  vector: Buffer;
  first: number;
  last: number;
}

interface HeldSentenceRow {
  label: number;
  articleId: string;
  start: number;
  end: number;
  text: string;
  vector: Buffer;
  terms: string;
  shape: string;
}

interface SentenceRow {
  vector: Buffer;
  sentence: number;
  articleId: string;
  start: number;
  end: number;
  text: string;
  terms: string;
  shape: string;
  passage: number;
}

/** Most passages and sentences kept in memory once read (the ones recent questions needed). */
export const TEXT_CACHE_SIZE = 50_000;

/** The text analysis, stored beside the texts: each sentence's facts, each article's distinct terms. */
export interface StoredFacts {
  sentences: StoredSentenceFacts[];
  articles: { id: string; terms: string[] }[];
}

/** Writes the store through a temporary file, replacing any old one; rows in label order, so the file is reproducible. */
export function writeTextStore(
  file: string,
  passages: Passage[],
  sentences: Sentence[],
  vectors: { passages: Float32Array[]; sentences: Float32Array[] },
  facts: StoredFacts,
): void {
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    // A passage's sentences are a run of consecutive labels (an article's sentences are labelled in order), kept as
    // its first and last: reading a passage's sentences is then a range of the sentence table, not a search.
    db.exec(`CREATE TABLE passage (label INTEGER PRIMARY KEY, id TEXT NOT NULL, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, tokens INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL);
      CREATE TABLE sentence (label INTEGER PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL, terms TEXT NOT NULL, shape TEXT NOT NULL);
      CREATE TABLE article (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
      CREATE TABLE article_term (term TEXT NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (term, article)) WITHOUT ROWID;`);
    const addPassage = db.prepare('INSERT INTO passage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const addSentence = db.prepare('INSERT INTO sentence VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const addArticle = db.prepare('INSERT INTO article VALUES (?, ?)');
    const addTerm = db.prepare('INSERT INTO article_term VALUES (?, ?)');
    const blob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    db.transaction(() => {
      const ranges = sentenceRanges(passages, sentences);
      passages.forEach((p, label) => {
        const [first, last] = ranges[label]!;
        addPassage.run(label, p.id, p.articleId, p.start, p.end, p.tokens, p.text, blob(vectors.passages[label]!), first, last);
      });
      sentences.forEach((s, label) => {
        const f = facts.sentences[label]!;
        addSentence.run(label, s.articleId, s.start, s.end, s.text, blob(vectors.sentences[label]!), f.terms, f.shape);
      });
      facts.articles.forEach((a, n) => {
        addArticle.run(n, a.id);
        for (const term of a.terms) addTerm.run(term, n);
      });
    })();
    db.exec(`CREATE INDEX passage_by_article ON passage (article, start);
      CREATE UNIQUE INDEX passage_by_id ON passage (id);
      CREATE INDEX sentence_by_article ON sentence (article, start);
      CREATE UNIQUE INDEX article_by_id ON article (id);`);
  } finally {
    db.close();
  }
  renameSync(tmp, file);
}

/**
 * The labels of each passage's first and last sentence. Throws if a passage's sentences are not consecutive labels in
 * text order (the build labels each article's sentences in order, so they always are).
 */
function sentenceRanges(passages: Passage[], sentences: Sentence[]): [number, number][] {
  const byArticle = new Map<string, number[]>();
  sentences.forEach((s, label) => byArticle.get(s.articleId)?.push(label) ?? byArticle.set(s.articleId, [label]));
  return passages.map((p) => {
    const inside = (byArticle.get(p.articleId) ?? []).filter((l) => sentences[l]!.start >= p.start && sentences[l]!.end <= p.end);
    const first = inside[0];
    const consecutive = inside.every((l, i) => l === first! + i && (i === 0 || sentences[l]!.start >= sentences[l - 1]!.start));
    if (first === undefined || !consecutive) throw new Error(`the sentences of passage ${p.id} are not one run of labels in text order`);
    return [first, inside.at(-1)!];
  });
}

/** A cache that loads a missing key on demand, forgets its oldest entries past `max`, and can be filled in bulk. */
export class Bounded<K, V> {
  private readonly cache = new Map<K, V>();
  constructor(
    private readonly max: number,
    private readonly load: (key: K) => V,
  ) {}
  get = (key: K): V => {
    let v = this.cache.get(key);
    if (v === undefined) this.set(key, (v = this.load(key)));
    return v;
  };
  has(key: K): boolean {
    return this.cache.has(key);
  }
  set(key: K, value: V): void {
    if (this.cache.size >= this.max && !this.cache.has(key)) this.cache.delete(this.cache.keys().next().value as K);
    this.cache.set(key, value);
  }
}

/**
 * Every vector a store holds, with the passage id or sentence and the text it was made from — read from the tables
 * alone, whatever the index format around them (every format with `passages.sqlite` has these columns), so a rebuild
 * after a format change reuses them instead of embedding the corpus again.
 */
export function readStoredVectors(file: string): { passages: { id: string; text: string; vector: Float32Array }[]; sentences: (Sentence & { vector: Float32Array })[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const passages = (db.prepare('SELECT id, text, vector FROM passage ORDER BY label').all() as { id: string; text: string; vector: Buffer }[]).map(
      (r) => ({ id: r.id, text: r.text, vector: asVector(r.vector) }),
    );
    const sentences = (
      db.prepare('SELECT article AS articleId, start, end, text, vector FROM sentence ORDER BY label').all() as (Sentence & { vector: Buffer })[]
    ).map((r) => ({ ...r, vector: asVector(r.vector) }));
    return { passages, sentences };
  } finally {
    db.close();
  }
}

/** The labels first…last. */
function labelRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Opens a store read-only. Throws when the file is missing, unreadable or holds other counts than expected. */
export function openTextStore(file: string, expected: { passages: number; sentences: number }): TextStore {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Labels run from 0, so the highest label gives the count without scanning the table.
    const count = (table: string) => ((db.prepare(`SELECT max(label) AS n FROM ${table}`).get() as { n: number | null }).n ?? -1) + 1;
    const passageCount = count('passage');
    const sentenceCount = count('sentence');
    if (passageCount !== expected.passages || sentenceCount !== expected.sentences) {
      throw new Error(`${file} holds ${passageCount} passages and ${sentenceCount} sentences for ${expected.passages} and ${expected.sentences}`);
    }
    const passageRow = db.prepare('SELECT id, article AS articleId, start, end, text, tokens FROM passage WHERE label = ?');
    const passageVectorRow = db.prepare('SELECT vector FROM passage WHERE label = ?').pluck();
    const sentenceVectorRow = db.prepare('SELECT vector FROM sentence WHERE label = ?').pluck();
    const sentenceRow = db.prepare('SELECT article AS articleId, start, end, text FROM sentence WHERE label = ?');
    const rangeOf = db.prepare('SELECT first, last FROM passage WHERE label = ?');
    const passagesAround = db.prepare('SELECT label FROM passage WHERE article = ? AND start <= ? AND end >= ? ORDER BY start, label').pluck();
    const ofArticle = db.prepare('SELECT label FROM passage WHERE article = ? ORDER BY start, label').pluck();
    const sentencesOfArticle = db.prepare('SELECT label FROM sentence WHERE article = ? ORDER BY start, label').pluck();
    const byId = db.prepare('SELECT label FROM passage WHERE id = ?').pluck();
    const passages = new Bounded(TEXT_CACHE_SIZE, (label: number): Passage => {
      const row = passageRow.get(label) as Passage | undefined;
      if (!row) throw new RangeError(`no passage ${label} in ${file}`);
      return row;
    });
    const sentences = new Bounded(TEXT_CACHE_SIZE, (label: number): Sentence => {
      const row = sentenceRow.get(label) as Sentence | undefined;
      if (!row) throw new RangeError(`no sentence ${label} in ${file}`);
      return row;
    });
    const readVector = (row: unknown, what: string, label: number) => {
      if (!(row instanceof Buffer)) throw new RangeError(`no ${what} ${label} in ${file}`);
      return asVector(row);
    };
    const passageVectors = new Bounded(TEXT_CACHE_SIZE, (label: number) => readVector(passageVectorRow.get(label), 'passage', label));
    const sentenceVectors = new Bounded(TEXT_CACHE_SIZE, (label: number) => readVector(sentenceVectorRow.get(label), 'sentence', label));
    const factsRow = db.prepare('SELECT terms, shape FROM sentence WHERE label = ?');
    const sentenceFacts = new Bounded(TEXT_CACHE_SIZE, (label: number): StoredSentenceFacts => {
      const row = factsRow.get(label) as StoredSentenceFacts | undefined;
      if (!row) throw new RangeError(`no sentence ${label} in ${file}`);
      return row;
    });
    // For each candidate article (a seek on its id), each asked term (a seek on term and article): CROSS JOIN keeps
    // that order, where SQLite would otherwise read every article holding a common term.
    const holding = db.prepare(
      `SELECT t.term, a.id FROM article a CROSS JOIN article_term t ON t.article = a.n
       WHERE a.id IN (SELECT value FROM json_each(?)) AND t.term IN (SELECT value FROM json_each(?))`,
    );
    const sentencesOf = new Bounded(TEXT_CACHE_SIZE, (label: number) => {
      const range = rangeOf.get(label) as { first: number; last: number } | undefined;
      if (!range) throw new RangeError(`no passage ${label} in ${file}`);
      return labelRange(range.first, range.last);
    });
    const passagesOf = new Bounded(TEXT_CACHE_SIZE, (label: number) => {
      const s = sentences.get(label);
      return passagesAround.all(s.articleId, s.start, s.end) as number[];
    });
    // Bulk reads: a question's candidates in one statement each, rather than one per passage and sentence.
    const candidatePassages = db.prepare(
      'SELECT label, id, article AS articleId, start, end, tokens, text, vector, first, last FROM passage WHERE label IN (SELECT value FROM json_each(?))',
    );
    // The sentences of those passages: one range of labels each.
    const heldSentences = db.prepare(
      `SELECT s.label, s.article AS articleId, s.start, s.end, s.text, s.vector, s.terms, s.shape
       FROM passage p JOIN sentence s ON s.label BETWEEN p.first AND p.last WHERE p.label IN (SELECT value FROM json_each(?))`,
    );
    const candidateSentences = db.prepare(
      `SELECT s.label AS sentence, s.article AS articleId, s.start, s.end, s.text, s.vector, s.terms, s.shape, p.label AS passage
       FROM sentence s JOIN passage p ON p.article = s.article AND p.start <= s.start AND p.end >= s.end
       WHERE s.label IN (SELECT value FROM json_each(?)) ORDER BY s.label, p.start, p.label`,
    );
    return {
      passageCount,
      sentenceCount,
      passage: passages.get,
      sentence: sentences.get,
      vector: passageVectors.get,
      sentenceVector: sentenceVectors.get,
      sentencesOfPassage: sentencesOf.get,
      passagesOfSentence: passagesOf.get,
      passagesOfArticle: new Bounded(TEXT_CACHE_SIZE, (id: string) => ofArticle.all(id) as number[]).get,
      sentencesOfArticle: (id) => sentencesOfArticle.all(id) as number[],
      passageLabel: (id) => byId.get(id) as number | undefined,
      prefetchPassages(labels) {
        const missing = [...new Set(labels)].filter((l) => !passages.has(l) || !sentencesOf.has(l));
        if (missing.length === 0) return;
        const json = JSON.stringify(missing);
        for (const r of candidatePassages.all(json) as PassageRow[]) {
          passages.set(r.label, { id: r.id, articleId: r.articleId, start: r.start, end: r.end, text: r.text, tokens: r.tokens });
          if (!passageVectors.has(r.label)) passageVectors.set(r.label, asVector(r.vector));
          sentencesOf.set(r.label, labelRange(r.first, r.last));
        }
        for (const r of heldSentences.all(json) as HeldSentenceRow[]) {
          if (!sentences.has(r.label)) sentences.set(r.label, { articleId: r.articleId, start: r.start, end: r.end, text: r.text });
          if (!sentenceVectors.has(r.label)) sentenceVectors.set(r.label, asVector(r.vector));
          if (!sentenceFacts.has(r.label)) sentenceFacts.set(r.label, { terms: r.terms, shape: r.shape });
        }
      },
      prefetchSentences(labels) {
        const missing = [...new Set(labels)].filter((l) => !sentences.has(l) || !passagesOf.has(l));
        if (missing.length === 0) return;
        const holders = new Map<number, number[]>();
        for (const r of candidateSentences.all(JSON.stringify(missing)) as SentenceRow[]) {
          if (!holders.has(r.sentence)) {
            holders.set(r.sentence, []);
            sentences.set(r.sentence, { articleId: r.articleId, start: r.start, end: r.end, text: r.text });
            if (!sentenceVectors.has(r.sentence)) sentenceVectors.set(r.sentence, asVector(r.vector));
            if (!sentenceFacts.has(r.sentence)) sentenceFacts.set(r.sentence, { terms: r.terms, shape: r.shape });
          }
          holders.get(r.sentence)!.push(r.passage);
        }
        for (const [label, of] of holders) passagesOf.set(label, of);
      },
      sentenceFacts: sentenceFacts.get,
      articlesHolding(terms, articleIds) {
        const out = new Map(terms.map((t) => [t, new Set<string>()]));
        const ids = [...new Set(articleIds)];
        if (terms.length === 0 || ids.length === 0) return out;
        for (const r of holding.all(JSON.stringify(ids), JSON.stringify(terms)) as { term: string; id: string }[]) out.get(r.term)!.add(r.id);
        return out;
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
