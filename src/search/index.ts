/**
 * Stage 5: search. Ranks passages for a question by combining
 * - the dense signal: cosine similarity of the question to the passage and to its closest sentence (both found by
 *   HNSW nearest neighbours), since a fact in one sentence is easily drowned in a long passage's vector;
 * - the lexical signal: BM25 over stemmed words and exact numbers, since numbers, names and years decide questions
 *   about figures;
 * - the best sentence of each passage: how much of the question's (idf-weighted) words it holds, and whether it holds
 *   the kind of answer asked for (a count of the asked-for thing, a date, a person…);
 * - time: a year the question names, "by <year>", "latest"/"now" or "first", against each article's year.
 * A quantity asked with no time gets its figures across the years, newest first.
 */
import type { Passage } from '../types.js';
import type { ArticleMeta, VectorIndex } from '../index/index.js';
import { cosine } from '../embeddings/similarity.js';
import type { Span } from '../passages/sentences.js';
import { answerType, countedTerms, sentenceShape, STRICT_ANSWER_TYPES, typeMatch, type AnswerType, type SentenceShape } from './answer-type.js';
import { buildBm25 } from './bm25.js';
import { alternatives, contentTerms, expandQuery, SYNONYM_WEIGHT, tokenize } from './terms.js';
import { timeScope, withoutTimePhrases, type TimeScope } from './time.js';

export { answerType, STRICT_ANSWER_TYPES, type AnswerType } from './answer-type.js';
export { timeScope, withoutTimePhrases, type TimeScope } from './time.js';
export { contentTerms, tokenize } from './terms.js';

export const SEARCH_DEFAULTS = {
  /** Weight of the min–max-normalised dense similarity (mean of passage and best-sentence cosine). */
  denseWeight: 0.55,
  /** Within a passage, weight of each sentence's own cosine similarity when picking the answering sentence. */
  sentenceDenseWeight: 0.7,
  /** Weight of the max-normalised BM25 score of the whole passage. */
  lexicalWeight: 0.2,
  /** Weight of the best sentence's share of the question's idf-weighted words (0–1). */
  sentenceWeight: 0.75,
  /** Weight of the best sentence holding the asked-for kind of answer (0, 0.5 or 1). */
  typeWeight: 0.55,
  /**
   * News is written as an inverted pyramid: the event's own facts (who met, how many, when) come first, background
   * later. A passage gets up to this much for standing at the start of its article, falling to 0 at its end.
   */
  leadBoost: 0.2,
  /** Added to passages of the year a question names (decisive: a named year outranks any wording). */
  yearBoost: 2,
  /** "latest"/"first": the newest (oldest) year among passages scoring within this of the best gets `yearBoost`. */
  recencyMargin: 0.8,
  /** Nearest neighbours and BM25 hits taken as candidates, each. */
  candidates: 100,
  /** A year's best passage joins a newest-first list of figures when it scores within this of the best. */
  trendMargin: 0.35,
};

export type SearchOptions = typeof SEARCH_DEFAULTS;

export interface Hit {
  label: number;
  passage: Passage;
  article: ArticleMeta;
  /** Dense similarity: mean of the passage's and its closest sentence's cosine similarity to the question. */
  dense: number;
  /** Raw BM25 score. */
  lexical: number;
  /** The passage's sentence that best answers the question (offsets into the passage text). */
  sentence: Span;
  /** The content terms of that sentence. */
  sentenceTerms: Set<string>;
  /** How well the passage's sentences hold the asked-for kind of answer (best of them, 0–1). */
  typeMatch: number;
  /** The combined ranking score. */
  score: number;
}

export interface SearchResult {
  hits: Hit[];
  scope: TimeScope;
  answerType: AnswerType;
  /** Highest dense similarity (as in `Hit.dense`) of any passage: how close the corpus comes to the question at all. */
  bestDense: number;
  /** True when the hits were reordered into a newest-first list of one figure across years. */
  trend: boolean;
  /** Years a question names that no article is about or mentions. */
  uncoveredYears: number[];
}

export interface Searcher {
  search(questionVector: Float32Array, question: string, options?: Partial<SearchOptions>): SearchResult;
}

interface SentenceInfo extends Span {
  /** Label in the index's sentence table. */
  label: number;
  terms: Set<string>;
  shape: SentenceShape;
}

/** What sentence scoring needs to know about one question, worked out once per question. */
interface QuestionFeatures {
  /** Each question term's weight: its rarest meaning's idf, so "kids" weighs what "children" does. */
  weights: Map<string, number>;
  totalWeight: number;
  counted: Set<string>;
  type: AnswerType;
  /** The answer-type weight, doubled for dates, durations and sums: those either are in a sentence or are not. */
  typeWeight: number;
}

/**
 * Picks the passage sentence that best answers: closest to the question, holding most of its words and the
 * asked-for kind of answer.
 */
function bestSentence(
  sentences: SentenceInfo[],
  similarity: (label: number) => number,
  q: QuestionFeatures,
  o: SearchOptions,
): { span: Span; terms: Set<string>; coverage: number; type: number } {
  // The passage's features are each sentence's best (one sentence may hold the words, the next the date);
  // the answering sentence is the one scoring best on all of them together.
  let best = { sentence: sentences[0]!, score: -Infinity };
  let bestCoverage = 0;
  let bestType = 0;
  for (const s of sentences) {
    let covered = 0;
    for (const [t, w] of q.weights) {
      covered += s.terms.has(t) ? w : alternatives(t).some((a) => s.terms.has(a)) ? SYNONYM_WEIGHT * w : 0;
    }
    const coverage = q.totalWeight > 0 ? covered / q.totalWeight : 0;
    const t = typeMatch(q.type, s.shape, q.counted);
    const score = o.sentenceDenseWeight * similarity(s.label) + o.sentenceWeight * coverage + q.typeWeight * t;
    bestCoverage = Math.max(bestCoverage, coverage);
    bestType = Math.max(bestType, t);
    if (score > best.score) best = { sentence: s, score };
  }
  const { start, end, terms: sentenceTerms } = best.sentence;
  return { span: { start, end }, terms: sentenceTerms, coverage: bestCoverage, type: bestType };
}

export function createSearcher(index: VectorIndex): Searcher {
  const bm25 = buildBm25(index.passages.map((p) => p.text));
  const idf = (t: string) => bm25.idf(t);
  const articleById = new Map(index.articles.map((a) => [a.id, a]));
  const years = [...new Set(index.articles.map((a) => a.year))].sort((a, b) => a - b);
  // Article length in characters, taken from the end of its last passage.
  const articleLength = new Map<string, number>();
  for (const p of index.passages) articleLength.set(p.articleId, Math.max(articleLength.get(p.articleId) ?? 1, p.end));
  const numbersIn = index.passages.map((p) => new Set(tokenize(p.text).filter((t) => t.isNumber).map((t) => t.term)));
  const shapes = index.sentences.map((s) => sentenceShape(s.text));
  // Each passage's sentences, with offsets relative to the passage text.
  const sentencesOf: SentenceInfo[][] = index.passages.map((p, pi) =>
    index.sentencesOfPassage[pi]!.map((label) => {
      const s = index.sentences[label]!;
      return { label, start: s.start - p.start, end: s.end - p.start, terms: new Set(contentTerms(s.text)), shape: shapes[label]! };
    }),
  );

  return {
    search(questionVector, question, overrides = {}) {
      const o = { ...SEARCH_DEFAULTS, ...overrides };
      const scope = timeScope(question);
      const type = answerType(question);
      const terms = contentTerms(withoutTimePhrases(question));
      const termSet = new Set(terms.filter((t) => alternatives(t).some((a) => idf(a) > 0)));
      const weights = new Map([...termSet].map((t) => [t, Math.max(...alternatives(t).map(idf))]));
      const features: QuestionFeatures = {
        weights,
        totalWeight: [...weights.values()].reduce((a, b) => a + b, 0),
        counted: countedTerms(question, termSet),
        type,
        typeWeight: (STRICT_ANSWER_TYPES.has(type) ? 2 : 1) * o.typeWeight,
      };
      const expanded = expandQuery(terms);
      const lexical = bm25.scores([...expanded.keys()], expanded);
      // Candidates: nearest passages, passages of the nearest sentences, best BM25 passages.
      const passageSim = new Map(index.nearest(questionVector, o.candidates).map((n) => [n.label, n.similarity]));
      const sentenceSim = new Map(index.nearestSentences(questionVector, o.candidates).map((n) => [n.label, n.similarity]));
      const lexicalTop = [...lexical.keys()].filter((i) => lexical[i]! > 0).sort((a, b) => lexical[b]! - lexical[a]!).slice(0, o.candidates);
      const candidates = new Set([...passageSim.keys(), ...[...sentenceSim.keys()].flatMap((s) => index.passagesOfSentence[s]!), ...lexicalTop]);
      const simOfSentence = (label: number) => {
        let sim = sentenceSim.get(label);
        if (sim === undefined) sentenceSim.set(label, (sim = cosine(index.sentenceVector(label), questionVector)));
        return sim;
      };
      const dense = new Map<number, number>();
      for (const label of candidates) {
        const p = passageSim.get(label) ?? cosine(index.vector(label), questionVector);
        const s = Math.max(p, ...index.sentencesOfPassage[label]!.map(simOfSentence));
        dense.set(label, (p + s) / 2);
      }
      const denseValues = [...dense.values()];
      const dMax = Math.max(...denseValues);
      const dMin = Math.min(...denseValues);
      const lMax = Math.max(0, ...lexicalTop.map((i) => lexical[i]!));

      const hits: Hit[] = [...dense].map(([label, similarity]) => {
        const passage = index.passages[label]!;
        const best = bestSentence(sentencesOf[label]!, simOfSentence, features, o);
        const score =
          o.denseWeight * (dMax > dMin ? (similarity - dMin) / (dMax - dMin) : 1) +
          o.lexicalWeight * (lMax > 0 ? lexical[label]! / lMax : 0) +
          o.sentenceWeight * best.coverage +
          features.typeWeight * best.type +
          o.leadBoost * (1 - passage.start / articleLength.get(passage.articleId)!);
        return { label, passage, article: articleById.get(passage.articleId)!, dense: similarity, lexical: lexical[label]!, sentence: best.span, sentenceTerms: best.terms, typeMatch: best.type, score };
      });

      hits.sort((a, b) => b.score - a.score || a.label - b.label);
      const uncoveredYears =
        scope.kind === 'year' ? scope.years.filter((y) => !years.includes(y) && !numbersIn.some((s) => s.has(String(y)))) : [];

      // A figure asked for with no year, or as "latest": each year's figure, newest first.
      if (type === 'quantity' && (scope.kind === 'none' || scope.kind === 'latest') && hits.length) {
        const perYear = new Map<number, Hit>();
        for (const h of hits) {
          if (h.typeMatch === 1 && h.score >= hits[0]!.score - o.trendMargin && !perYear.has(h.article.year)) perYear.set(h.article.year, h);
        }
        if (perYear.size > 1) {
          const lead = [...perYear.values()].sort((a, b) => b.article.year - a.article.year);
          hits.splice(0, hits.length, ...lead, ...hits.filter((h) => !lead.includes(h)));
          return { hits, scope, answerType: type, bestDense: dMax, trend: true, uncoveredYears };
        }
      }

      // Time: the year that gets the boost.
      let boosted: (h: Hit) => boolean = () => false;
      if (scope.kind === 'year') {
        boosted = (h) => scope.years.includes(h.article.year) || scope.years.some((y) => numbersIn[h.label]!.has(String(y)));
      } else if (scope.kind === 'by') {
        const target = years.filter((y) => y <= scope.year).pop();
        boosted = (h) => h.article.year === target;
      } else if ((scope.kind === 'latest' || scope.kind === 'earliest') && hits.length) {
        const close = hits.filter((h) => h.score >= hits[0]!.score - o.recencyMargin).map((h) => h.article.year);
        const target = scope.kind === 'latest' ? Math.max(...close) : Math.min(...close);
        boosted = (h) => h.article.year === target;
      }
      for (const h of hits) if (boosted(h)) h.score += o.yearBoost;
      hits.sort((a, b) => b.score - a.score || a.label - b.label);
      return { hits, scope, answerType: type, bestDense: dMax, trend: false, uncoveredYears };
    },
  };
}
