/**
 * The lexical side of the index: an SQLite FTS5 table over the passages (`embeddings/lexical.sqlite`), tokenised by
 * SQLite's own `porter unicode61` tokenizer, so BM25 and document frequencies come from a maintained engine and are
 * read from disk instead of re-tokenising the corpus at every start. Beside it, a small table of how each word is
 * written in the corpus (how often capitalised inside a sentence), which tells names from common words.
 *
 * Row id = passage label (as in `passages.sqlite` and the HNSW index).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { foldAccents, withoutPossessive } from '../analysis/terms.js';

/** The FTS5 tokenizer: Porter's stemmer over Unicode words, the same algorithm as the `stemmer` package uses for sentence terms. */
export const LEXICAL_TOKENIZER = 'porter unicode61 remove_diacritics 2';

/**
 * Text as the lexical engine sees it: thousands separators dropped so "5,140" and "5140" are one token (the
 * tokenizer would otherwise split them at the comma). Applied to passages and to query words alike.
 */
export function lexicalText(text: string): string {
  return text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** How a word is written in the corpus: a word mostly capitalised inside sentences is a name ("Strikeback", "Lyon"). */
export interface WordCase {
  /** Occurrences that are not the first word of a sentence. */
  inside: number;
  /** Of those, how many start with a capital letter. */
  capitalised: number;
  /** Occurrences written in capitals throughout (acronyms such as "ICSE"). */
  upper: number;
}

export interface LexicalIndex {
  /** Passages in the table. */
  readonly count: number;
  /**
   * BM25 of the passages holding the words (each word's best `LEXICAL_ROWS_PER_WORD`), summed over the words with
   * each word's weight (FTS5's `bm25()`, sign flipped so higher is better); words `tooCommon` to rank by are left
   * out. Words are stemmed by the engine.
   */
  scores(words: Map<string, number>): Map<number, number>;
  /** `scores`, word by word: each scored word's weighted BM25 per passage. */
  wordScores(words: Map<string, number>): Map<string, Map<number, number>>;
  /** Passages holding the word (after stemming); 0 for a word the corpus never uses. */
  documentFrequency(word: string): number;
  /** How the corpus writes a word (lower-case key), or undefined when it never does. */
  wordCase(word: string): WordCase | undefined;
  /** Those of these lower-case words the corpus writes (one lookup for many: a misspelt word's neighbours). */
  writtenWords(words: Iterable<string>): string[];
  /** The lower-case words the corpus writes that are this many letters long, from `min` to `max` (a long slip's neighbours). */
  wordsOfLength(min: number, max: number): string[];
  /** The multi-word names the corpus writes (`countNamePhrases`) that start with this lower-case word, each as its words. */
  namePhrasesFrom(word: string): string[][];
  close(): void;
}

/** Each passage's BM25 summed over the words (`LexicalIndex.wordScores`, in the words' order). */
export function sumWordScores(byWord: Map<string, Map<number, number>>): Map<number, number> {
  const out = new Map<number, number>();
  for (const byLabel of byWord.values()) for (const [label, score] of byLabel) out.set(label, (out.get(label) ?? 0) + score);
  return out;
}

/** Most passages a question word contributes BM25 scores for (its best ones). */
export const LEXICAL_ROWS_PER_WORD = 1000;

/**
 * A word in more than this many passages, and in more than this share of them, is left out of BM25: its weight
 * (idf) is small, and ranking every passage that holds it costs time that grows with the corpus (FTS5 computes
 * `bm25()` for each match before sorting). Corpora of under a thousand passages never reach it.
 */
export const COMMON_WORD = { passages: 1000, share: 0.05 };

export const tooCommon = (df: number, passages: number) => df > COMMON_WORD.passages && df > COMMON_WORD.share * passages;

const WORD = /[\p{L}][\p{L}\p{M}\p{N}'’]*/gu;

/** Lower-case key of a word as written: possessive dropped ("INTERPOL’s" → "interpol"). */
export function wordKey(word: string): string {
  return withoutPossessive(foldAccents(word.toLowerCase()));
}

/** Counts how each word is written across the sentences (the first word of a sentence says nothing: it is capitalised anyway). */
export function countWordCase(sentences: Iterable<string>): Map<string, WordCase> {
  const out = new Map<string, WordCase>();
  for (const sentence of sentences) {
    let first = true;
    for (const m of sentence.matchAll(WORD)) {
      const word = m[0];
      const key = wordKey(word);
      const c = out.get(key) ?? { inside: 0, capitalised: 0, upper: 0 };
      if (!first) {
        c.inside++;
        // A capital after a lower-case opening is a name's too ("eSafety", "iPhone").
        if (/^\p{Ll}*\p{Lu}/u.test(word)) c.capitalised++;
        if (word.length > 1 && /^[\p{Lu}\p{N}]+(?:['’]s)?$/u.test(word)) c.upper++;
      }
      first = false;
      out.set(key, c);
    }
  }
  return out;
}

/** Small words that may stand inside a name ("Specialists Group on Crimes Against Children", "Welcome To Video"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'on', 'to', 'the', 'de', 'against', 'in']);
/** Capitalised only because they start a sentence; never the first word of a name. */
const SENTENCE_OPENERS = new Set('the a an in on at for and but with by from as after before since during of to this that its their'.split(' '));

/**
 * Counts the multi-word names the corpus writes: runs of two or more capitalised words inside a sentence, joined by
 * spaces or hyphens and perhaps a small word ("Project Guardian", "Operation Cross-Country", "Welcome To Video"),
 * lower case. A run with small words in it may be two names side by side ("Operation Koala in Europe and Operation
 * Joint Hammer"), so each stretch of two or more capitalised words inside it is counted too ("operation joint
 * hammer"). A single capitalised word is counted by `countWordCase`.
 */
export function countNamePhrases(sentences: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  const count = (phrase: string) => out.set(phrase, (out.get(phrase) ?? 0) + 1);
  for (const sentence of sentences) {
    const words = [...sentence.matchAll(WORD)];
    let run: string[] = [];
    /** Whether each word of the run is capitalised (not a small word joining two names' parts). */
    let capital: boolean[] = [];
    const flush = () => {
      const capitals = capital.filter(Boolean).length;
      while (run.length && NAME_JOINERS.has(run[run.length - 1]!)) {
        run.pop();
        capital.pop();
      }
      if (capitals >= 2) {
        count(run.join(' '));
        if (capitals < run.length) {
          let stretch: string[] = [];
          run.forEach((w, k) => {
            if (capital[k]) stretch.push(w);
            if (!capital[k] || k === run.length - 1) {
              if (stretch.length >= 2) count(stretch.join(' '));
              stretch = [];
            }
          });
        }
      }
      run = [];
      capital = [];
    };
    words.forEach((m, i) => {
      const word = m[0];
      const gap = i === 0 ? '' : sentence.slice(words[i - 1]!.index! + words[i - 1]![0].length, m.index!);
      if (run.length && !/^[\s-]*$/.test(gap)) flush();
      const key = wordKey(word);
      if (/^\p{Lu}/u.test(word) && !(run.length === 0 && SENTENCE_OPENERS.has(key))) {
        run.push(key);
        capital.push(true);
      } else if (run.length && NAME_JOINERS.has(word)) {
        run.push(word);
        capital.push(false);
      } else flush();
    });
    flush();
  }
  return out;
}

/**
 * An FTS5 string for one word: a quoted phrase, so no word is read as an operator. A possessive asks about its word:
 * the tokenizer splits "telegram's" into "telegram" and "s", a phrase only passages writing the possessive hold (the
 * stem drops it the same way, `analysis/terms.ts`).
 */
function phrase(word: string): string {
  return `"${lexicalText(withoutPossessive(word)).replace(/"/g, '""')}"`;
}

/** Writes the lexical index of the passages (row id = label), through a temporary file, replacing any old one. */
export function writeLexicalIndex(file: string, passages: string[], words: Map<string, WordCase>, phrases: Map<string, number>): void {
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.exec(`CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = '${LEXICAL_TOKENIZER}', content = '', columnsize = 1)`);
    db.exec('CREATE TABLE words (word TEXT PRIMARY KEY, inside INTEGER NOT NULL, capitalised INTEGER NOT NULL, upper INTEGER NOT NULL) WITHOUT ROWID');
    db.exec('CREATE TABLE phrases (phrase TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID');
    const addPassage = db.prepare('INSERT INTO passages (rowid, text) VALUES (?, ?)');
    const addWord = db.prepare('INSERT INTO words (word, inside, capitalised, upper) VALUES (?, ?, ?, ?)');
    const addPhrase = db.prepare('INSERT INTO phrases (phrase, count) VALUES (?, ?)');
    db.transaction(() => {
      passages.forEach((text, label) => addPassage.run(label, lexicalText(text)));
      const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [word, c] of byKey(words)) addWord.run(word, c.inside, c.capitalised, c.upper);
      for (const [phrase, count] of byKey(phrases)) addPhrase.run(phrase, count);
    })();
    db.exec("INSERT INTO passages (passages) VALUES ('optimize')");
  } finally {
    db.close();
  }
  renameSync(tmp, file);
}

/** Opens a lexical index read-only. Throws when the file is missing or not an index of `expected` passages. */
export function openLexicalIndex(file: string, expected: number): LexicalIndex {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let count: number;
  try {
    count = (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  } catch (error) {
    db.close();
    throw error;
  }
  if (count !== expected) {
    db.close();
    throw new Error(`${file} holds ${count} passages for ${expected}`);
  }
  // A word's best passages only: the work per question stays bounded as the corpus grows (a common word is in
  // most passages). The engine ranks in C; below the limit, every passage holding the word counts.
  const match = db.prepare('SELECT rowid AS label, -bm25(passages) AS score FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?');
  const df = db.prepare('SELECT count(*) AS n FROM passages WHERE passages MATCH ?');
  const caseOf = db.prepare('SELECT inside, capitalised, upper FROM words WHERE word = ?');
  // Phrases sort by their text: those starting with "word " lie between "word " and "word!" (the next character).
  const phrasesFrom = db.prepare('SELECT phrase FROM phrases WHERE phrase >= ? AND phrase < ?').pluck();
  const written = db.prepare('SELECT word FROM words WHERE word IN (SELECT value FROM json_each(?))').pluck();
  const ofLength = db.prepare('SELECT word FROM words WHERE length(word) BETWEEN ? AND ?').pluck();
  // Question words repeat across questions; each lookup is kept (bounded, cleared when full).
  const dfCache = new Map<string, number>();
  const documentFrequency = (word: string): number => {
    if (!/[\p{L}\p{N}]/u.test(word)) return 0;
    let n = dfCache.get(word);
    if (n === undefined) {
      if (dfCache.size > 50_000) dfCache.clear();
      n = (df.get(phrase(word)) as { n: number }).n;
      dfCache.set(word, n);
    }
    return n;
  };
  const wordScores = (words: Map<string, number>): Map<string, Map<number, number>> => {
    const out = new Map<string, Map<number, number>>();
    for (const [word, weight] of words) {
      if (weight === 0 || !/[\p{L}\p{N}]/u.test(word) || tooCommon(documentFrequency(word), count)) continue;
      const byLabel = new Map<number, number>();
      for (const row of match.all(phrase(word), LEXICAL_ROWS_PER_WORD) as { label: number; score: number }[]) byLabel.set(row.label, weight * row.score);
      out.set(word, byLabel);
    }
    return out;
  };
  return {
    count,
    scores: (words) => sumWordScores(wordScores(words)),
    wordScores,
    documentFrequency,
    wordCase(word) {
      return caseOf.get(word.toLowerCase()) as WordCase | undefined;
    },
    writtenWords(words) {
      return written.all(JSON.stringify([...words])) as string[];
    },
    wordsOfLength(min, max) {
      return ofLength.all(min, max) as string[];
    },
    namePhrasesFrom(word) {
      return (phrasesFrom.all(`${word} `, `${word}!`) as string[]).map((p) => p.split(' '));
    },
    close: () => db.close(),
  };
}
