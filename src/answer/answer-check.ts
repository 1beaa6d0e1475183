/**
 * Refusal by checking the answer: does the best answer hold what the question is about and the kind of answer it
 * asks for? A question near the articles' topic ("who chaired the 2019 meeting?", "how many were arrested in
 * operation hydra?") is as similar to them as an answerable one, so similarity alone cannot refuse it; what gives it
 * away is that the best passages lack its names, its time, its key words or the asked-for kind of answer.
 * A logistic model over those checks gives the probability that the articles do not answer; its weights and the
 * probability at which to refuse are fitted on the tuning questions (`npm run fit`, `refusal-weights.ts`).
 */
import type { SearchResult } from '../search/index.js';
import { REFUSAL_WEIGHTS } from './refusal-weights.js';

export const CHECK_FEATURES = [
  /** The best passage's cosine similarity above the model's off-topic threshold (negative below it). */
  'similarity',
  /** How likely the best answer's article is to answer, judged by the ranker's relevance model. */
  'relevance',
  /** Share of the question's words (idf-weighted) the best passage holds. */
  'coverage',
  /** The best passage has a sentence with the asked-for kind of answer and the question's other words. */
  'answerSentence',
  /** One of the three best passages holds the asked-for kind of answer (1 for questions of no particular kind). */
  'answerType',
  /** Share of the question's names the best answer's article holds (1 when the question names nothing). */
  'namesHeld',
  /** The best answer's article holds the question's most specific word other than its names. */
  'keyTerm',
  /** Share of the question's words no article uses. */
  'unknownWords',
  /** The question names a year, and the best answer's story is neither of it nor a report on it. */
  'timeMissing',
] as const;

export type CheckFeatureName = (typeof CHECK_FEATURES)[number];
export type CheckFeatures = Record<CheckFeatureName, number>;

export interface RefusalWeights {
  bias: number;
  weights: CheckFeatures;
  /** Refuse when the probability that the articles do not answer is at least this. */
  threshold: number;
}

/** How many of the best passages are searched for the asked-for kind of answer. */
export const TYPE_CHECK_DEPTH = 3;

export function checkFeatures(result: SearchResult, similarityThreshold: number): CheckFeatures {
  const top = result.hits[0];
  const known = result.names.filter((n) => n.known);
  return {
    similarity: result.bestDense - similarityThreshold,
    relevance: top?.relevance ?? 0,
    coverage: top?.features.passageCoverage ?? 0,
    answerSentence: top?.features.answerSentence ?? 0,
    answerType:
      result.answerType === 'other' ? 1 : Math.max(0, ...result.hits.slice(0, TYPE_CHECK_DEPTH).map((h) => h.features.answerType)),
    namesHeld: known.length ? (top?.articleFeatures.names ?? 0) : 1,
    keyTerm: top?.articleFeatures.keyTerm ?? 0,
    unknownWords: result.unknownWords,
    timeMissing: result.scope.kind === 'year' && top && top.timeClass === 0 ? 1 : 0,
  };
}

export const checkVector = (f: CheckFeatures): number[] => CHECK_FEATURES.map((n) => f[n]);

/** The probability that the articles do not answer the question. */
export function unanswerableProbability(f: CheckFeatures, w: RefusalWeights = REFUSAL_WEIGHTS): number {
  const z = CHECK_FEATURES.reduce((s, n) => s + w.weights[n] * f[n], w.bias);
  return 1 / (1 + Math.exp(-z));
}
