/**
 * The passages and sentences of an index, in SQLite (`passages.sqlite`): read by label when a question needs them,
 * so opening an index reads none of them, and a question reads only its candidates'. Which sentences a passage holds
 * and which passages hold a sentence are range queries on (article, offsets), answered from two indexes.
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
  close(): void;
}

/** Most passages and sentences kept in memory once read (the ones recent questions needed). */
export const TEXT_CACHE_SIZE = 50_000;

/** Writes the store through a temporary file, replacing any old one; rows in label order, so the file is reproducible. */
export function writeTextStore(file: string, passages: Passage[], sentences: Sentence[]): void {
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.exec(`CREATE TABLE passage (label INTEGER PRIMARY KEY, id TEXT NOT NULL, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, tokens INTEGER NOT NULL, text TEXT NOT NULL);
      CREATE TABLE sentence (label INTEGER PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);`);
    const addPassage = db.prepare('INSERT INTO passage VALUES (?, ?, ?, ?, ?, ?, ?)');
    const addSentence = db.prepare('INSERT INTO sentence VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      passages.forEach((p, label) => addPassage.run(label, p.id, p.articleId, p.start, p.end, p.tokens, p.text));
      sentences.forEach((s, label) => addSentence.run(label, s.articleId, s.start, s.end, s.text));
    })();
    db.exec(`CREATE INDEX passage_by_article ON passage (article, start);
      CREATE UNIQUE INDEX passage_by_id ON passage (id);
      CREATE INDEX sentence_by_article ON sentence (article, start);`);
  } finally {
    db.close();
  }
  renameSync(tmp, file);
}

/** A map that forgets its oldest entries past `max`. */
function bounded<K, V>(max: number, load: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = load(key);
      if (cache.size >= max) cache.delete(cache.keys().next().value as K);
      cache.set(key, v);
    }
    return v;
  };
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
    const sentenceRow = db.prepare('SELECT article AS articleId, start, end, text FROM sentence WHERE label = ?');
    const sentencesIn = db.prepare('SELECT label FROM sentence WHERE article = ? AND start >= ? AND end <= ? ORDER BY start, label').pluck();
    const passagesAround = db.prepare('SELECT label FROM passage WHERE article = ? AND start <= ? AND end >= ? ORDER BY start, label').pluck();
    const ofArticle = db.prepare('SELECT label FROM passage WHERE article = ? ORDER BY start, label').pluck();
    const sentencesOfArticle = db.prepare('SELECT label FROM sentence WHERE article = ? ORDER BY start, label').pluck();
    const byId = db.prepare('SELECT label FROM passage WHERE id = ?').pluck();
    const passage = bounded(TEXT_CACHE_SIZE, (label: number): Passage => {
      const row = passageRow.get(label) as Omit<Passage, 'id'> & { id: string } | undefined;
      if (!row) throw new RangeError(`no passage ${label} in ${file}`);
      return row;
    });
    const sentence = bounded(TEXT_CACHE_SIZE, (label: number): Sentence => {
      const row = sentenceRow.get(label) as Sentence | undefined;
      if (!row) throw new RangeError(`no sentence ${label} in ${file}`);
      return row;
    });
    return {
      passageCount,
      sentenceCount,
      passage,
      sentence,
      sentencesOfPassage: bounded(TEXT_CACHE_SIZE, (label: number) => {
        const p = passage(label);
        return sentencesIn.all(p.articleId, p.start, p.end) as number[];
      }),
      passagesOfSentence: bounded(TEXT_CACHE_SIZE, (label: number) => {
        const s = sentence(label);
        return passagesAround.all(s.articleId, s.start, s.end) as number[];
      }),
      passagesOfArticle: bounded(TEXT_CACHE_SIZE, (id: string) => ofArticle.all(id) as number[]),
      sentencesOfArticle: (id) => sentencesOfArticle.all(id) as number[],
      passageLabel: (id) => byId.get(id) as number | undefined,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
