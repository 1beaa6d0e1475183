import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNamePhrases, countWordCase, lexicalText, openLexicalIndex, sumWordScores, writeLexicalIndex, type LexicalIndex } from '../../src/index/lexical.js';

const PASSAGES = [
  'Police arrested 58 people in Operation Strikeback, the first operation against sextortion networks.',
  'To date 5,140 victims have been rescued through the ICSE database.',
  'The meeting brought together experts from 33 countries in Bermuda.',
  'Experts said the operation showed how countries can work together against abuse.',
];

let dir: string;
let file: string;
let lexical: LexicalIndex;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qa-lexical-'));
  file = path.join(dir, 'lexical.sqlite');
  writeLexicalIndex(file, PASSAGES, countWordCase(PASSAGES), countNamePhrases(PASSAGES));
  lexical = openLexicalIndex(file, PASSAGES.length);
});

afterAll(() => {
  lexical.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lexicalText', () => {
  it('drops thousands separators so "5,140" and "5140" are one token', () => {
    expect(lexicalText('5,140 victims and 1,000,000 images')).toBe('5140 victims and 1000000 images');
    expect(lexicalText('in 2014, 33 countries')).toBe('in 2014, 33 countries');
  });
});

describe('openLexicalIndex', () => {
  it('scores the passages that hold a word, stemmed by the engine ("arrests" finds "arrested")', () => {
    const scores = lexical.scores(new Map([['arrests', 1]]));
    expect([...scores.keys()]).toEqual([0]);
  });

  it('finds a number however its thousands are written', () => {
    expect([...lexical.scores(new Map([['5140', 1]])).keys()]).toEqual([1]);
    expect(lexical.documentFrequency('5,140')).toBe(1);
  });

  it('ranks a passage holding more of the words first, and weighs each word', () => {
    const both = lexical.scores(new Map([['countries', 1], ['experts', 1]]));
    expect([...both].sort((a, b) => b[1] - a[1])[0]![0]).toBe(2);
    const weighted = lexical.scores(new Map([['countries', 1], ['operation', 0]]));
    expect(weighted.has(0)).toBe(false);
  });

  it("gives each word's scores apart, which sum to the passages' scores", () => {
    const words = new Map([['countries', 1], ['experts', 1], ['nowhere', 1]]);
    const byWord = lexical.wordScores(words);
    expect([...byWord.keys()]).toEqual(['countries', 'experts', 'nowhere']);
    expect(byWord.get('nowhere')!.size).toBe(0);
    expect(byWord.get('countries')!.size).toBeGreaterThan(0);
    expect(sumWordScores(byWord)).toEqual(lexical.scores(words));
  });

  it('counts document frequencies after stemming, 0 for a word no passage uses', () => {
    expect(lexical.documentFrequency('countries')).toBe(2);
    expect(lexical.documentFrequency('country')).toBe(2);
    expect(lexical.documentFrequency('hydra')).toBe(0);
    expect(lexical.documentFrequency('"; DROP TABLE passages; --')).toBe(0);
  });

  it("finds a possessive's word where the passage writes the word alone (\"icse's\" finds \"ICSE\")", () => {
    expect(lexical.documentFrequency("icse's")).toBe(1);
    expect(lexical.documentFrequency('strikeback’s')).toBe(1);
    expect([...lexical.scores(new Map([["bermuda's", 1]])).keys()]).toEqual([2]);
  });

  it('knows how the corpus writes a word: names capitalised inside sentences, acronyms in capitals', () => {
    expect(lexical.wordCase('strikeback')).toMatchObject({ inside: 1, capitalised: 1 });
    expect(lexical.wordCase('ICSE')).toMatchObject({ upper: 1 });
    expect(lexical.wordCase('operation')).toMatchObject({ inside: 3, capitalised: 1 });
    // The first word of a sentence is capitalised whatever it is: it says nothing.
    expect(lexical.wordCase('police')).toMatchObject({ inside: 0, capitalised: 0 });
    expect(lexical.wordCase('hydra')).toBeUndefined();
  });

  it('counts a capital after a lower-case opening as a name\'s ("eSafety"), not a word in lower case', () => {
    const counted = countWordCase(['Reports reached eSafety in May.', 'Then eSafety acted on the reports.']);
    expect(counted.get('esafety')).toMatchObject({ inside: 2, capitalised: 2 });
    expect(counted.get('reports')).toMatchObject({ inside: 1, capitalised: 0 });
  });

  it('knows the names the corpus writes as several capitalised words', () => {
    expect(lexical.namePhrasesFrom('operation')).toEqual([['operation', 'strikeback']]);
    expect(lexical.namePhrasesFrom('experts')).toEqual([]);
    expect(lexical.namePhrasesFrom('operatio')).toEqual([]);
  });

  it('says which of many words the corpus writes, in one lookup', () => {
    expect(lexical.writtenWords(['strikeback', 'strikebak', 'operation']).sort()).toEqual(['operation', 'strikeback']);
    expect(lexical.writtenWords([])).toEqual([]);
  });

  it('refuses a file holding another number of passages', () => {
    expect(() => openLexicalIndex(file, 5)).toThrow(/holds 4 passages for 5/);
    expect(() => openLexicalIndex(path.join(dir, 'missing.sqlite'), 4)).toThrow(/does not exist/);
  });

  it('writes the same bytes for the same passages', () => {
    const again = path.join(dir, 'again.sqlite');
    writeLexicalIndex(again, PASSAGES, countWordCase(PASSAGES), countNamePhrases(PASSAGES));
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
  });
});

describe('countNamePhrases', () => {
  it('counts runs of capitalised words, with hyphens and small joining words, not the capitalised opener of a sentence', () => {
    const phrases = countNamePhrases([
      'The site, known as Welcome To Video, was run from South Korea.',
      'The INTERPOL Specialists Group on Crimes Against Children met in Lyon.',
      'Operation Cross-Country recovered 84 minors, the FBI said.',
    ]);
    expect([...phrases.keys()].sort()).toEqual([
      'crimes against children',
      'interpol specialists group',
      'interpol specialists group on crimes against children',
      'operation cross country',
      'south korea',
      'welcome to video',
    ]);
  });

  it('counts each of two names joined by small words as well as the whole run', () => {
    const phrases = countNamePhrases(['It was known as Operation Koala in Europe and Operation Joint Hammer in the United States.']);
    expect(phrases.get('operation joint hammer')).toBe(1);
    expect(phrases.get('operation koala')).toBe(1);
    expect(phrases.get('united states')).toBe(1);
  });
});
