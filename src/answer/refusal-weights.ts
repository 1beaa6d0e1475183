/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 3.184,
  weights: {
    similarity: 0.048,
    relevance: -0.593,
    coverage: -0.917,
    answerSentence: -0.349,
    answerType: -2.647,
    namesHeld: 0.384,
    keyTerm: -0.56,
    unknownWords: 1.487,
    timeMissing: 2.721
  },
  threshold: 0.95
};
