/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.108,
  weights: {
    similarity: -0.218,
    relevance: -0.013,
    coverage: -0.774,
    answerSentence: -1.342,
    answerType: -1.121,
    namesHeld: 0.016,
    keyTerm: -0.25,
    unknownWords: 0.965,
    timeMissing: -0.208
  },
  threshold: 0.95
};
