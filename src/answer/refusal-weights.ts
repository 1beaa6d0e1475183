/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.741,
  weights: {
    similarity: -0.189,
    relevance: -0.341,
    coverage: -0.594,
    answerSentence: -1.3,
    answerType: -1.213,
    namesHeld: -0.21,
    keyTerm: -0.513,
    unknownWords: 0.728,
    timeMissing: -0.178
  },
  threshold: 0.85
};
