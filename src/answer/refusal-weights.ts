/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 1.242,
  weights: {
    similarity: -0.268,
    relevance: -0.3,
    coverage: -0.492,
    answerSentence: -1.256,
    answerType: -0.184,
    namesHeld: 0.205,
    keyTerm: -0.416,
    unknownWords: 0.311,
    timeMissing: -0.236
  },
  threshold: 0.95
};
