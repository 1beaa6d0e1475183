/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.061,
  weights: {
    similarity: -0.331,
    relevance: 0.252,
    coverage: -0.825,
    answerSentence: -1.357,
    answerType: -1.385,
    namesHeld: 0.012,
    keyTerm: -0.059,
    unknownWords: 0.93,
    timeMissing: -0.216
  },
  threshold: 0.95
};
