/**
 * Stage 5b: reading. The search chooses the story; the reader, a model that reads the question beside each sentence
 * (`model.ts`), has a say in which of that story's passages answers first and which of its sentences is shown in bold.
 * The story is the first answer's article and other publishers' reports of the same event (`sameStoryDays`).
 *
 * Why only there: on tuning lanes it never saw, reordering the first story's passages by the search's score plus the
 * reader's gained answers, and its sentence held the answer more often than the search's; reordering across stories
 * lost the search's name and time gates (research/reader/README.md). What the search decides stays: which story
 * answers, the order of the other stories, whether to refuse (the answer check reads the search's own order, on which
 * it was fitted: `SearchResult.searchHits`).
 */
import { readSentenceFacts } from '../analysis/index.js';
import type { VectorIndex } from '../index/index.js';
import { yearPassagesFirst, type Hit, type SearchResult } from '../search/index.js';
import type { ReaderModel } from './model.js';

export { loadReaderModel, READER_CACHE_SIZE, READER_MAX_TOKENS, type ReaderModel } from './model.js';

export const READER_DEFAULTS = {
  /**
   * The hits looked at: the first story's passages among these are read, each its sentence the search shows. 10, up
   * from 5 (thirteenth session, tuning half, 205 articles): right first 1,348 → 1,349, top-3 98.1 → 98.2 %, bold +1;
   * 20 read no more that mattered.
   */
  depth: 10,
  /**
   * Weight of that sentence's reader score beside the search's score when the first story's passages are ordered…
   * The weights and the reading were chosen with the probe's reader on 464 tuning questions it was not trained on
   * (seven lanes and the seed questions; `research/reader/weights.mjs`): right first 410 → 416, the answer in bold
   * 324 → 353, with 37 % of the model calls of reading every sentence of every such passage.
   */
  passageWeight: 0.5,
  /**
   * …and of a sentence's reader score beside the search's own score for it (`Hit.sentenceScores`) when the sentence
   * shown in the first answer is picked among…
   */
  sentenceWeight: 0.2,
  /** …its passage's sentences the search scores best, this many. */
  sentences: 3,
  /**
   * Another publisher's report of the first story counts as the story: published at most this many days from the
   * first answer's article, and holding the question's names at least as well. Two agencies' reports of one arrest
   * often differ in which details they give (tuning half: right first 1260 → 1262; a window of 3 days also took a
   * meeting's report two days later for the meeting's own, bundled seed −1).
   */
  sameStoryDays: 1,
};

export type ReaderOptions = typeof READER_DEFAULTS;

const day = (h: Hit) => Date.parse(h.article.published) / 86_400_000;

/** The hit is of the first answer's story: its article, or another's report of it (`sameStoryDays`). */
function sameStory(h: Hit, first: Hit, options: ReaderOptions): boolean {
  if (h.article.id === first.article.id) return true;
  return Math.abs(day(h) - day(first)) <= options.sameStoryDays && h.articleFeatures.names >= first.articleFeatures.names;
}

/** The indices of a hit's passage's `k` sentences the search scores best, best first (ties in passage order). */
function bestByTheSearch(hit: Hit, k: number): number[] {
  return hit.sentenceScores
    .map((_, i) => i)
    .sort((a, b) => hit.sentenceScores[b]! - hit.sentenceScores[a]! || a - b)
    .slice(0, k);
}

/** The reader's scores of these sentences of a hit's passage (indices into its sentences), in order. */
function readSentences(hit: Hit, indices: number[], question: string, reader: ReaderModel, texts: VectorIndex): Promise<number[]> {
  const labels = texts.sentencesOfPassage(hit.label);
  return reader.score(
    question,
    indices.map((i) => texts.sentence(labels[i]!).text),
  );
}

/**
 * Reads the first story's passages among the best hits and orders them, in the places they held, by the search's
 * score plus `passageWeight` × the reader's score of the sentence the search shows for each. The first answer then
 * shows in bold, of its passage's `sentences` best by the search, the one with the best search score plus
 * `sentenceWeight` × reader score. A list of one figure across years (`trend`) keeps its newest-first order; for a
 * named year, a story of another year still answers from its passages that state the year (the search's
 * `yearPassagesFirst`). Returns a new result; `searchHits` keeps the search's own.
 */
export async function readResult(
  result: SearchResult,
  question: string,
  reader: ReaderModel,
  texts: VectorIndex,
  options: ReaderOptions = READER_DEFAULTS,
): Promise<SearchResult> {
  const first = result.hits[0];
  if (!first || result.trend) return result;
  const places = result.hits.slice(0, options.depth).flatMap((h, i) => (sameStory(h, first, options) ? [i] : []));
  const read = await Promise.all(
    places.map(async (place, k) => {
      const hit = result.hits[place]!;
      const [shown] = bestByTheSearch(hit, 1);
      const value = shown === undefined ? hit.score : hit.score + options.passageWeight * (await readSentences(hit, [shown], question, reader, texts))[0]!;
      return { hit, value, k };
    }),
  );
  read.sort((a, b) => b.value - a.value || a.k - b.k);
  const hits = [...result.hits];
  places.forEach((place, k) => (hits[place] = read[k]!.hit));
  // The search's time rule stands: a story of another year answers a named year from its passages that state it.
  if (result.scope.kind === 'year') yearPassagesFirst(hits);
  hits[0] = await withSentenceShown(hits[0]!, question, reader, texts, options);
  return { ...result, hits, searchHits: result.searchHits ?? result.hits };
}

/** The hit showing in bold, of its `sentences` best by the search, the one the search and the reader score best. */
async function withSentenceShown(hit: Hit, question: string, reader: ReaderModel, texts: VectorIndex, options: ReaderOptions): Promise<Hit> {
  const candidates = bestByTheSearch(hit, options.sentences);
  if (candidates.length < 2) return hit;
  const scores = await readSentences(hit, candidates, question, reader, texts);
  const shown = (k: number) => hit.sentenceScores[candidates[k]!]! + options.sentenceWeight * scores[k]!;
  let at = 0;
  for (let k = 1; k < candidates.length; k++) if (shown(k) > shown(at)) at = k;
  const label = texts.sentencesOfPassage(hit.label)[candidates[at]!]!;
  const s = texts.sentence(label);
  return { ...hit, sentence: { start: s.start - hit.passage.start, end: s.end - hit.passage.start }, sentenceTerms: readSentenceFacts(texts.sentenceFacts(label)).terms };
}
