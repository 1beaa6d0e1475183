/**
 * The reading stage on the bundled corpus and its saved index: which of the best story's passages answers first and
 * which sentence is in bold. The model tests use the vendored reader; the ordering tests script the reader's scores
 * so they pin down what is reordered and what is left where the search put it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer, refusalOf, type Answerer } from '../../src/answer/index.js';
import { refusalThreshold } from '../../src/answer/refusal.js';
import { DEFAULT_READER_MODEL, loadConfig } from '../../src/config.js';
import { ModelError } from '../../src/embeddings/index.js';
import { openIndex, type VectorIndex } from '../../src/index/index.js';
import { loadReaderModel, READER_DEFAULTS, readResult, type ReaderModel } from '../../src/reader/index.js';
import type { Hit, SearchResult } from '../../src/search/index.js';

const QUESTION = 'how many countries attended in 2011?';
let searchOnly: Answerer;
let index: VectorIndex;
let reader: ReaderModel;

beforeAll(async () => {
  const config = loadConfig({});
  searchOnly = await openAnswerer({ ...config, readerModel: null });
  index = openIndex(config.indexDir);
  [reader] = await Promise.all([loadReaderModel(DEFAULT_READER_MODEL, null), searchOnly.ready()]);
});

afterAll(() => index.lexical.close());

/** A reader sure that a sentence holding `text` answers, and that no other does. */
const favouring = (text: string): ReaderModel => ({
  id: 'scripted/reader',
  modelHash: '',
  score: async (_q, sentences) => sentences.map((s) => (s.includes(text) ? 50 : 0)),
});
const bold = (h: Hit) => h.passage.text.slice(h.sentence.start, h.sentence.end);

describe('the vendored reader', () => {
  it('scores the sentence that answers above sentences of the same story that do not', async () => {
    const [answers, other, unrelated] = await reader.score('how many experts attended the meeting?', [
      'Bringing together 190 experts from 52 countries, the three-day meeting also identified priorities.',
      'The proposals are part of a strategic plan aimed at identifying the needs of investigators.',
      'Participants were updated on the current status of the database.',
    ]);
    expect(answers).toBeGreaterThan(other!);
    expect(answers).toBeGreaterThan(unrelated!);
  });

  it('reads a question the same whatever its capitals and spacing', async () => {
    const sentence = 'Bringing together 190 experts from 52 countries, the three-day meeting also identified priorities.';
    const [a] = await reader.score('how many experts attended?', [sentence]);
    const [b] = await reader.score('  How many EXPERTS   attended? ', [sentence]);
    expect(b).toBe(a);
  });

  it('is refused with the fix named when its files are missing', async () => {
    const loading = loadReaderModel('nobody/no-reader', null);
    await expect(loading).rejects.toBeInstanceOf(ModelError);
    await expect(loading).rejects.toThrow(/READER_MODEL=off/);
  });
});

describe('readResult', () => {
  let searched: SearchResult;
  beforeAll(async () => {
    searched = await searchOnly.search(QUESTION);
  });

  it('puts the story passage whose sentence the reader prefers first, with that sentence in bold', async () => {
    const story = searched.hits[0]!.article.id;
    const ofStory = searched.hits.slice(0, 5).filter((h) => h.article.id === story);
    expect(ofStory.length).toBeGreaterThan(1);
    // The sentence the search shows for the story's second passage, not the first's.
    const wanted = bold(ofStory[1]!);
    const read = await readResult(searched, QUESTION, favouring(wanted), index);
    expect(read.hits[0]!.passage.id).toBe(ofStory[1]!.passage.id);
    expect(bold(read.hits[0]!)).toBe(wanted);
  });

  it('leaves the other stories where the search put them, and keeps the search’s order for the refusal', async () => {
    const story = searched.hits[0]!.article.id;
    const read = await readResult(searched, QUESTION, favouring('countries'), index);
    searched.hits.forEach((h, i) => {
      if (h.article.id !== story || i >= 5) expect(read.hits[i]!.passage.id).toBe(h.passage.id);
    });
    expect(new Set(read.hits.slice(0, 5).map((h) => h.passage.id))).toEqual(new Set(searched.hits.slice(0, 5).map((h) => h.passage.id)));
    expect(read.searchHits).toBe(searched.hits);
    const threshold = refusalThreshold(loadConfig({}).embeddingModel);
    expect(refusalOf(read, threshold)).toEqual(refusalOf(searched, threshold));
  });

  it('reads only the sentences the search scores best in each passage', async () => {
    const first = searched.hits[0]!;
    const labels = index.sentencesOfPassage(first.label);
    const rank = labels.map((_, i) => i).sort((a, b) => first.sentenceScores[b]! - first.sentenceScores[a]! || a - b);
    expect(labels.length).toBeGreaterThan(READER_DEFAULTS.sentences);
    const unread = index.sentence(labels[rank[READER_DEFAULTS.sentences]!]!).text;
    const read = await readResult(searched, QUESTION, favouring(unread), index);
    expect(read.hits.map(bold)).not.toContain(unread);
  });

  it('reads another publisher’s report of the story, published within a day, as the story; not one of days later', async () => {
    const question = 'how many experts met in bermuda?';
    const found = await searchOnly.search(question);
    const first = found.hits[0]!;
    const at = found.hits.slice(0, READER_DEFAULTS.depth).findIndex((h) => h.article.id !== first.article.id);
    expect(at).toBeGreaterThan(0);
    const other = found.hits[at]!;
    // The other report, dated `days` after the first answer's article.
    const dated = (days: number): SearchResult => {
      const published = new Date(Date.parse(first.article.published) + days * 86_400_000).toISOString().slice(0, 10);
      const hits = found.hits.map((h) => (h.article.id === other.article.id ? { ...h, article: { ...h.article, published }, articleFeatures: first.articleFeatures } : h));
      return { ...found, hits };
    };
    const sameDay = await readResult(dated(1), question, favouring(bold(other)), index);
    expect(sameDay.hits[0]!.passage.id).toBe(other.passage.id);
    const later = await readResult(dated(READER_DEFAULTS.sameStoryDays + 2), question, favouring(bold(other)), index);
    expect(later.hits[0]!.passage.id).toBe(first.passage.id);
  });

  it('keeps a newest-first list of one figure across years as it is', async () => {
    const trend = await searchOnly.search('how many countries attended each year?');
    const listed = { ...trend, trend: true };
    expect(await readResult(listed, 'how many countries attended each year?', favouring('countries'), index)).toBe(listed);
  });
});

describe('answers with the reader (the default)', () => {
  let withReader: Answerer;
  beforeAll(async () => {
    withReader = await openAnswerer(loadConfig({}));
    await withReader.ready();
  });

  it('answers the README question from the 2011 meeting, with its count of countries in bold', async () => {
    const answer = await withReader.ask(QUESTION);
    expect(answer.results[0]!.sources[0]!.published.slice(0, 4)).toBe('2011');
    expect(answer.results[0]!.highlight).toContain('52 countries');
  });

  // A wording that no training question uses.
  it('"on which days did the 2015 meeting take place?": shows the meeting’s dates in bold, where the search alone shows another sentence', async () => {
    const question = 'on which days did the 2015 meeting take place?';
    const [read, searched] = await Promise.all([withReader.ask(question), searchOnly.ask(question)]);
    expect(read.results[0]!.sources[0]!.published.slice(0, 4)).toBe('2015');
    expect(read.results[0]!.highlight).toContain('18 – 20 November');
    expect(searched.results[0]!.highlight).not.toContain('18 – 20 November');
  });
});
