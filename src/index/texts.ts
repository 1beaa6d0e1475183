/**
 * The passages and sentences of an index, in SQLite (`passages.sqlite`), each with its vector: read by label when a
 * question needs them, so opening an index reads none of them, and a question reads only its candidates'. Which
 * sentences a passage holds and which passages hold a sentence are range queries on (article, offsets), answered
 * from two indexes. (The vectors are in the HNSW files too, for the nearest-neighbour search; reading one back out
 * of hnswlib costs about 40 µs, out of SQLite about 4.)
 */
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Passage } from '../types.js';

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
  close(): void;
}

/** A stored vector as floats (a copy: the row's buffer is not kept). */
function asVector(blob: Buffer): Float32Array {
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

interface PassageRow {
  pVector: Buffer;
  sVector: Buffer;
  passage: number;
  id: string;
  articleId: string;
  pStart: number;
  pEnd: number;
  tokens: number;
  pText: string;
  sentence: number;
  sStart: number;
  sEnd: number;
  sText: string;
}

interface SentenceRow {
  vector: Buffer;
  sentence: number;
  articleId: string;
  start: number;
  end: number;
  text: string;
  passage: number;
}

/** Most passages and sentences kept in memory once read (the ones recent questions needed). */
export const TEXT_CACHE_SIZE = 50_000;

/** Writes the store through a temporary file, replacing any old one; rows in label order, so the file is reproducible. */
export function writeTextStore(file: string, passages: Passage[], sentences: Sentence[], vectors: { passages: Float32Array[]; sentences: Float32Array[] }): void {
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.exec(`CREATE TABLE passage (label INTEGER PRIMARY KEY, id TEXT NOT NULL, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, tokens INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
      CREATE TABLE sentence (label INTEGER PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);`);
    const addPassage = db.prepare('INSERT INTO passage VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const addSentence = db.prepare('INSERT INTO sentence VALUES (?, ?, ?, ?, ?, ?)');
    const blob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    db.transaction(() => {
      passages.forEach((p, label) => addPassage.run(label, p.id, p.articleId, p.start, p.end, p.tokens, p.text, blob(vectors.passages[label]!)));
      sentences.forEach((s, label) => addSentence.run(label, s.articleId, s.start, s.end, s.text, blob(vectors.sentences[label]!)));
    })();
    db.exec(`CREATE INDEX passage_by_article ON passage (article, start);
      CREATE UNIQUE INDEX passage_by_id ON passage (id);
      CREATE INDEX sentence_by_article ON sentence (article, start);`);
  } finally {
    db.close();
  }
  renameSync(tmp, file);
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

/** Opens a store read-only. Throws when the file is missing, unreadable or holds other counts than expected. */
export function openTextStore(file: string, expected: { passages: number; sentences: number }): TextStore {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const passageCount = count('passage');
    const sentenceCount = count('sentence');
    if (passageCount !== expected.passages || sentenceCount !== expected.sentences) {
      throw new Error(`${file} holds ${passageCount} passages and ${sentenceCount} sentences for ${expected.passages} and ${expected.sentences}`);
    }
    const passageRow = db.prepare('SELECT id, article AS articleId, start, end, text, tokens FROM passage WHERE label = ?');
    const passageVectorRow = db.prepare('SELECT vector FROM passage WHERE label = ?').pluck();
    const sentenceVectorRow = db.prepare('SELECT vector FROM sentence WHERE label = ?').pluck();
    const sentenceRow = db.prepare('SELECT article AS articleId, start, end, text FROM sentence WHERE label = ?');
    const sentencesIn = db.prepare('SELECT label FROM sentence WHERE article = ? AND start >= ? AND end <= ? ORDER BY start, label').pluck();
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
    const sentencesOf = new Bounded(TEXT_CACHE_SIZE, (label: number) => {
      const p = passages.get(label);
      return sentencesIn.all(p.articleId, p.start, p.end) as number[];
    });
    const passagesOf = new Bounded(TEXT_CACHE_SIZE, (label: number) => {
      const s = sentences.get(label);
      return passagesAround.all(s.articleId, s.start, s.end) as number[];
    });
    // Bulk reads: a question's candidates in one statement each, rather than one per passage and sentence.
    const candidatePassages = db.prepare(
      `SELECT p.label AS passage, p.id, p.article AS articleId, p.start AS pStart, p.end AS pEnd, p.tokens, p.text AS pText, p.vector AS pVector,
         s.label AS sentence, s.start AS sStart, s.end AS sEnd, s.text AS sText, s.vector AS sVector
       FROM passage p JOIN sentence s ON s.article = p.article AND s.start >= p.start AND s.end <= p.end
       WHERE p.label IN (SELECT value FROM json_each(?)) ORDER BY p.label, s.start, s.label`,
    );
    const candidateSentences = db.prepare(
      `SELECT s.label AS sentence, s.article AS articleId, s.start, s.end, s.text, s.vector, p.label AS passage
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
        const held = new Map<number, number[]>();
        for (const r of candidatePassages.all(JSON.stringify(missing)) as PassageRow[]) {
          if (!held.has(r.passage)) {
            held.set(r.passage, []);
            passages.set(r.passage, { id: r.id, articleId: r.articleId, start: r.pStart, end: r.pEnd, text: r.pText, tokens: r.tokens });
            if (!passageVectors.has(r.passage)) passageVectors.set(r.passage, asVector(r.pVector));
          }
          held.get(r.passage)!.push(r.sentence);
          if (!sentences.has(r.sentence)) sentences.set(r.sentence, { articleId: r.articleId, start: r.sStart, end: r.sEnd, text: r.sText });
          if (!sentenceVectors.has(r.sentence)) sentenceVectors.set(r.sentence, asVector(r.sVector));
        }
        for (const [label, of] of held) sentencesOf.set(label, of);
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
          }
          holders.get(r.sentence)!.push(r.passage);
        }
        for (const [label, of] of holders) passagesOf.set(label, of);
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
