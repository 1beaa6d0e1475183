import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { loadTokenizer } from '../../src/embeddings/index.js';
import { PASSAGE_DEFAULTS, splitPassages, splitSentences, type PassageOptions, type TokenCounter } from '../../src/passages/index.js';
import type { Article, Passage } from '../../src/types.js';

let count: TokenCounter;

beforeAll(async () => {
  // bge has no passage prefix, so the tokenizer's count is exactly the embedder's countPassageTokens.
  const tokenizer = await loadTokenizer(loadConfig({}));
  count = (text) => tokenizer(text).input_ids.size;
});

/** A small deterministic PRNG, so the generated texts are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return (s % 1_000_000) / 1_000_000;
  };
}

const WORDS = ['experts', 'police', 'victims', 'database', 'countries', 'Lyon', 'INTERPOL', 'images', 'children', 'rescued', 'meeting', 'identified', 'specialists', 'network'];

function generatedArticle(seed: number): Article {
  const rand = prng(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const paragraphs: string[] = [];
  const nParagraphs = 2 + Math.floor(rand() * 5);
  for (let p = 0; p < nParagraphs; p++) {
    const sentences: string[] = [];
    const nSentences = 1 + Math.floor(rand() * 6);
    for (let s = 0; s < nSentences; s++) {
      const length = 3 + Math.floor(rand() * (rand() < 0.1 ? 120 : 25));
      const words = Array.from({ length }, pick);
      if (rand() < 0.3) words.splice(1, 0, 'Mr.', 'Paul', 'Griffiths,');
      if (rand() < 0.3) words.splice(2, 0, `${Math.floor(rand() * 9000) + 1000},`.replace(/(\d)(\d{3})/, '$1,$2'));
      if (rand() < 0.2) words.splice(1, 0, 'the', 'U.S.');
      const text = words.join(' ');
      sentences.push(text[0]!.toUpperCase() + text.slice(1) + (rand() < 0.8 ? '.' : '?'));
    }
    paragraphs.push(sentences.join(rand() < 0.2 ? '\n' : ' '));
  }
  const body = paragraphs.join('\n\n') + '\n';
  return { id: `generated-${seed}`, title: 'Generated', publisher: 'Test', published: '2020-01-01', url: null, body, year: 2020 };
}

function corpusAndGenerated(): Article[] {
  return [...loadCorpus(path.join(PROJECT_ROOT, 'corpus')), ...[1, 2, 3, 4, 5, 6].map(generatedArticle)];
}

/** Offsets of every non-space character of the body that some passage covers. */
function covered(passages: Passage[]): (i: number) => boolean {
  return (i) => passages.some((p) => p.start <= i && i < p.end);
}

const SETTINGS: PassageOptions[] = [PASSAGE_DEFAULTS, { maxTokens: 48, overlapSentences: 1 }, { maxTokens: 64, overlapSentences: 0 }, { maxTokens: 200, overlapSentences: 2 }];

describe('splitPassages', () => {
  it('cuts passages whose text is exactly the body between their offsets', () => {
    for (const options of SETTINGS) {
      for (const article of corpusAndGenerated()) {
        for (const p of splitPassages(article, count, options)) {
          expect(article.body.slice(p.start, p.end)).toBe(p.text);
          expect(p.articleId).toBe(article.id);
          expect(p.id).toBe(`${article.id}#${p.start}-${p.end}`);
        }
      }
    }
  });

  it('never makes a passage longer than maxTokens under the real tokenizer', () => {
    for (const options of SETTINGS) {
      for (const article of corpusAndGenerated()) {
        for (const p of splitPassages(article, count, options)) {
          expect(count(p.text), `${p.id} at maxTokens ${options.maxTokens}`).toBeLessThanOrEqual(options.maxTokens);
          expect(p.tokens).toBe(count(p.text));
        }
      }
    }
  });

  it('covers every sentence of the body with some passage', () => {
    for (const options of SETTINGS) {
      for (const article of corpusAndGenerated()) {
        const isCovered = covered(splitPassages(article, count, options));
        for (const s of splitSentences(article.body)) {
          for (let i = s.start; i < s.end; i++) {
            if (/\s/.test(article.body[i]!)) continue;
            expect(isCovered(i), `${article.id} offset ${i} of sentence "${article.body.slice(s.start, s.end).slice(0, 60)}"`).toBe(true);
          }
        }
      }
    }
  });

  it('gives the same passage ids on two runs', () => {
    for (const article of corpusAndGenerated()) {
      const first = splitPassages(article, count).map((p) => p.id);
      const second = splitPassages({ ...article }, count).map((p) => p.id);
      expect(second).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
    }
  });

  it('keeps passages in body order', () => {
    for (const article of corpusAndGenerated()) {
      const passages = splitPassages(article, count, { maxTokens: 48, overlapSentences: 1 });
      for (let i = 1; i < passages.length; i++) expect(passages[i]!.start).toBeGreaterThan(passages[i - 1]!.start);
    }
  });

  it('repeats the last sentence of a passage at the start of the next with overlapSentences 1', () => {
    let checked = 0;
    for (const article of corpusAndGenerated()) {
      const sentences = splitSentences(article.body);
      const passages = splitPassages(article, count, { maxTokens: 96, overlapSentences: 1 });
      for (let i = 1; i < passages.length; i++) {
        const prev = passages[i - 1]!;
        const next = passages[i]!;
        // A passage of one sentence has nothing to repeat; the rule is about passages of several sentences.
        const inPrev = sentences.filter((s) => s.start >= prev.start && s.end <= prev.end);
        if (inPrev.length < 2) continue;
        const last = inPrev[inPrev.length - 1]!;
        expect(next.start, `${next.id} should start with the last sentence of ${prev.id}`).toBe(last.start);
        expect(next.start).toBeLessThan(prev.end);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('makes consecutive passages disjoint with overlapSentences 0', () => {
    let checked = 0;
    for (const article of corpusAndGenerated()) {
      const passages = splitPassages(article, count, { maxTokens: 96, overlapSentences: 0 });
      for (let i = 1; i < passages.length; i++) {
        expect(passages[i]!.start).toBeGreaterThanOrEqual(passages[i - 1]!.end);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('cuts a single over-long sentence into pieces that each fit', () => {
    const clause = 'specialists from many countries shared images of victims with the database';
    const sentence = `The meeting heard that ${Array.from({ length: 30 }, (_, i) => `${clause} ${i}`).join(', ')}.`;
    const article: Article = { id: 'long', title: 'T', publisher: 'P', published: '2020-01-01', url: null, body: `${sentence}\n`, year: 2020 };
    expect(count(sentence)).toBeGreaterThan(PASSAGE_DEFAULTS.maxTokens);
    const passages = splitPassages(article, count, { maxTokens: 64, overlapSentences: 0 });
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(count(p.text)).toBeLessThanOrEqual(64);
      expect(article.body.slice(p.start, p.end)).toBe(p.text);
    }
    // Nothing of the sentence is lost: every word appears in some passage, in order.
    expect(passages.map((p) => p.text).join(' ').replace(/\s+/g, ' ')).toBe(sentence);
  });

  it('cuts an over-long sentence with no commas at word boundaries', () => {
    const sentence = `${Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ')}.`;
    const article: Article = { id: 'nocomma', title: 'T', publisher: 'P', published: '2020-01-01', url: null, body: `${sentence}\n`, year: 2020 };
    const passages = splitPassages(article, count, { maxTokens: 64, overlapSentences: 0 });
    for (const p of passages) {
      expect(count(p.text)).toBeLessThanOrEqual(64);
      expect(p.text).toMatch(/^word\d+/);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(sentence);
  });
});

describe('PASSAGE_DEFAULTS', () => {
  it('stays inside the documented ranges', () => {
    expect(PASSAGE_DEFAULTS.maxTokens).toBeGreaterThanOrEqual(32);
    expect(PASSAGE_DEFAULTS.maxTokens).toBeLessThanOrEqual(512);
    expect(PASSAGE_DEFAULTS.overlapSentences).toBeGreaterThanOrEqual(0);
    expect(PASSAGE_DEFAULTS.overlapSentences).toBeLessThanOrEqual(3);
  });
});
