/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.13,
  weights: {
    similarity: -0.201,
    relevance: 0.258,
    coverage: -0.602,
    answerSentence: -1.339,
    answerType: -1.267,
    namesHeld: -0.369,
    keyTerm: 0.013,
    unknownWords: 0.867,
    timeMissing: -0.229
  },
  threshold: 0.8
};
