/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * See src/search/ranker-weights.ts for the whole fit report.
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 3.683,
  weights: {
    similarity: -0.036,
    relevance: -1.023,
    coverage: -0.784,
    answerSentence: 0.214,
    answerType: -3.329,
    namesHeld: 0.231,
    keyTerm: -0.578,
    unknownWords: 2.184,
    timeMissing: 3.034
  },
  threshold: 0.95
};
