/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.133,
  weights: {
    similarity: -0.2,
    relevance: 0.254,
    coverage: -0.6,
    answerSentence: -1.339,
    answerType: -1.267,
    namesHeld: -0.37,
    keyTerm: 0.012,
    unknownWords: 0.867,
    timeMissing: -0.229
  },
  threshold: 0.8
};
