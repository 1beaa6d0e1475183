/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.467,
  weights: {
    similarity: -0.063,
    relevance: -0.182,
    coverage: -0.341,
    answerSentence: -1.406,
    answerType: -0.731,
    namesHeld: -0.578,
    keyTerm: -0.608,
    unknownWords: 0.532,
    timeMissing: -0.208
  },
  threshold: 0.95
};
