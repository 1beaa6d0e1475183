/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.944,
  weights: {
    similarity: -0.09,
    relevance: -0.738,
    coverage: -0.861,
    answerSentence: -1.289,
    answerType: -0.879,
    namesHeld: -0.372,
    keyTerm: -0.52,
    unknownWords: 0.763,
    timeMissing: -0.139
  },
  threshold: 0.85
};
