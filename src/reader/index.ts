/**
 * Stage 5b: reading. The search chooses the story; the reader, a model that reads the question beside each sentence
 * (`model.ts`), chooses which of that story's passages answers first and which sentence of each is shown in bold.
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
  /** The hits looked at: the first story's passages among these are read… */
  depth: 5,
  /**
   * …each its sentences the search scores best (`Hit.sentenceScores`), this many: on the 464 questions below, reading
   * 1, 2, 3, 4 or every sentence gives 416/329, 414/344, 414/350, 415/351 and 414/350 (right first / answer in bold)
   * for 18 %, 36 %, 51 %, 64 % and all of the model calls.
   */
  sentences: 3,
  /**
   * Weight of a passage's best sentence's reader score beside the search's score when the first story's passages are
   * ordered, and…
   */
  passageWeight: 0.5,
  /**
   * …of a sentence's reader score beside the search's own score for it (`Hit.sentenceScores`) when the sentence shown
   * is picked. Both chosen with the probe's reader on the 464 tuning questions it was not trained on (seven lanes and
   * the seed questions; research/reader/README.md): right first 410 → 414 and the answer in bold 324 → 350.
   */
  sentenceWeight: 0.2,
};

export type ReaderOptions = typeof READER_DEFAULTS;

/**
 * Reads a hit's passage's `sentences` best sentences by the search's score. Returns the hit showing in bold the one
 * with the best search score plus `sentenceWeight` × reader score, and the best reader score among them.
 */
async function readHit(hit: Hit, question: string, reader: ReaderModel, texts: VectorIndex, options: ReaderOptions): Promise<{ hit: Hit; best: number }> {
  const labels = texts.sentencesOfPassage(hit.label);
  const searchScore = (i: number) => hit.sentenceScores[i] ?? 0;
  // The sentences the search scores best, in its order (ties in the passage's).
  const read = labels
    .map((_, i) => i)
    .sort((a, b) => searchScore(b) - searchScore(a) || a - b)
    .slice(0, options.sentences);
  if (read.length === 0) return { hit, best: 0 };
  const scores = await reader.score(
    question,
    read.map((i) => texts.sentence(labels[i]!).text),
  );
  const shown = (k: number) => searchScore(read[k]!) + options.sentenceWeight * scores[k]!;
  let at = 0;
  for (let k = 1; k < read.length; k++) if (shown(k) > shown(at)) at = k;
  const label = labels[read[at]!]!;
  const s = texts.sentence(label);
  const sentence = { start: s.start - hit.passage.start, end: s.end - hit.passage.start };
  return { hit: { ...hit, sentence, sentenceTerms: readSentenceFacts(texts.sentenceFacts(label)).terms }, best: Math.max(...scores) };
}

/**
 * Reads the first story's passages among the best hits: orders them by the search's score plus `passageWeight` × their
 * best sentence's reader score, in the places they held, and shows in bold the sentence the search and the reader
 * together score best (`readHit`). For a named year, a story of another year still answers from its passages that
 * state the year (the search's `yearPassagesFirst`). A list of one figure across years
 * (`trend`) keeps its newest-first order. Returns a new result; `searchHits` keeps the search's own.
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
  const places = result.hits.slice(0, options.depth).flatMap((h, i) => (h.article.id === first.article.id ? [i] : []));
  const read = await Promise.all(places.map((i) => readHit(result.hits[i]!, question, reader, texts, options)));
  const order = read
    .map((r, k) => ({ ...r, value: r.hit.score + options.passageWeight * r.best, k }))
    .sort((a, b) => b.value - a.value || a.k - b.k);
  const hits = [...result.hits];
  places.forEach((place, k) => (hits[place] = order[k]!.hit));
  // The search's time rule stands: a story of another year answers a named year from its passages that state it.
  if (result.scope.kind === 'year') yearPassagesFirst(hits);
  return { ...result, hits, searchHits: result.searchHits ?? result.hits };
}
