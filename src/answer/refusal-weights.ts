/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 2.47,
  weights: {
    similarity: -0.063,
    relevance: -0.184,
    coverage: -0.343,
    answerSentence: -1.407,
    answerType: -0.731,
    namesHeld: -0.578,
    keyTerm: -0.607,
    unknownWords: 0.531,
    timeMissing: -0.208
  },
  threshold: 0.95
};
