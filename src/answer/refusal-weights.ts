/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 3.957,
  weights: {
    similarity: -0.027,
    relevance: -1.025,
    coverage: -0.81,
    answerSentence: 0.227,
    answerType: -3.562,
    namesHeld: 0.197,
    keyTerm: -0.584,
    unknownWords: 2.144,
    timeMissing: 3.058
  },
  threshold: 0.95
};
