/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 3.426,
  weights: {
    similarity: 0.002,
    relevance: -0.559,
    coverage: -1.131,
    answerSentence: -0.948,
    answerType: -2.233,
    namesHeld: 0.438,
    keyTerm: -0.701,
    unknownWords: 1.408,
    timeMissing: -0.416
  },
  threshold: 0.95
};
