import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { indexedText, INDEX_FILES, openIndex, readManifest, type ArticleMeta } from '../../src/index/index.js';
import { openTextStore } from '../../src/index/texts.js';
import { readSentenceFacts } from '../../src/analysis/index.js';
import { sentenceShape } from '../../src/analysis/index.js';
import { contentTerms } from '../../src/analysis/index.js';

const DIR = path.join(PROJECT_ROOT, 'embeddings');
const open = () => {
  const m = readManifest(DIR)!;
  return openTextStore(path.join(DIR, INDEX_FILES.passages), { passages: m.passages.count, sentences: m.sentences.count });
};

describe('the passage store', () => {
  it('gives the same passages, sentences and ranges whether read one by one or prefetched in bulk', () => {
    const one = open();
    const bulk = open();
    const passages = Array.from({ length: one.passageCount }, (_, i) => i);
    const sentences = Array.from({ length: one.sentenceCount }, (_, i) => i);
    bulk.prefetchPassages(passages);
    bulk.prefetchSentences(sentences);
    for (const l of passages) {
      expect(bulk.passage(l)).toEqual(one.passage(l));
      expect(bulk.vector(l)).toEqual(one.vector(l));
      expect(bulk.sentencesOfPassage(l)).toEqual(one.sentencesOfPassage(l));
    }
    for (const l of sentences) {
      expect(bulk.sentence(l)).toEqual(one.sentence(l));
      expect(bulk.sentenceVector(l)).toEqual(one.sentenceVector(l));
      expect(bulk.passagesOfSentence(l)).toEqual(one.passagesOfSentence(l));
      expect(bulk.sentenceFacts(l)).toEqual(one.sentenceFacts(l));
    }
    one.close();
    bulk.close();
  });

  it('holds every sentence of a passage inside it, in order, and finds a passage by its id', () => {
    const store = open();
    for (let l = 0; l < store.passageCount; l++) {
      const p = store.passage(l);
      const inside = store.sentencesOfPassage(l).map((s) => store.sentence(s));
      expect(inside.length).toBeGreaterThan(0);
      expect(inside.every((s) => s.articleId === p.articleId && s.start >= p.start && s.end <= p.end)).toBe(true);
      expect(inside.map((s) => s.start)).toEqual([...inside.map((s) => s.start)].sort((a, b) => a - b));
      expect(p.text.slice(inside[0]!.start - p.start, inside[0]!.end - p.start)).toBe(inside[0]!.text);
      expect(store.passageLabel(p.id)).toBe(l);
      // Unit vectors of the model's 384 dimensions.
      const v = store.vector(l);
      expect(v).toHaveLength(384);
      expect(Math.abs(Math.hypot(...v) - 1)).toBeLessThan(1e-4);
    }
    expect(store.passageLabel('no such passage')).toBeUndefined();
    store.close();
  });

  it('stores for every sentence the terms and shape the search would work out from its text', () => {
    const store = open();
    for (let l = 0; l < store.sentenceCount; l++) {
      const { text } = store.sentence(l);
      const facts = readSentenceFacts(store.sentenceFacts(l));
      expect([...facts.terms]).toEqual([...new Set(contentTerms(text))]);
      expect(facts.shape).toEqual(sentenceShape(text));
    }
    store.close();
  });

  it("says which of the given articles hold a term anywhere in their title or passages, and only those", () => {
    const store = openIndex(DIR);
    const ids = store.articles.map((a) => a.id);
    const textOf = (a: ArticleMeta) => indexedText(a.title, store.passagesOfArticle(a.id).map((l) => store.passage(l).text));
    const termsOf = new Map(store.articles.map((a) => [a.id, new Set(contentTerms(textOf(a)))]));
    // A term most articles hold, one a single article holds, one none does.
    const asked = ['interpol', 'countri', 'strikeback', 'zzzz'];
    const all = store.articlesHolding(asked, ids);
    for (const term of asked) expect([...all.get(term)!].sort()).toEqual(ids.filter((id) => termsOf.get(id)!.has(term)).sort());
    expect(all.get('countri')!.size).toBeGreaterThan(0);
    expect(all.get('zzzz')!.size).toBe(0);
    // Asked about two articles only, it answers for those two.
    const two = store.articlesHolding(['interpol'], ids.slice(0, 2));
    expect([...two.get('interpol')!].every((id) => ids.slice(0, 2).includes(id))).toBe(true);
    expect(store.articlesHolding([], ids).size).toBe(0);
    store.lexical.close();
  });

  it('refuses a store that holds other counts than the manifest says', () => {
    expect(() => openTextStore(path.join(DIR, INDEX_FILES.passages), { passages: 1, sentences: 1 })).toThrow(/holds \d+ passages and \d+ sentences for 1 and 1/);
  });
});
