/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 563 tuning questions not refused before it (42 unanswerable), searched with the ranker weights in use.
 * Cross-validated log-loss: lambda 0.001 0.722, lambda 0.003 0.706, lambda 0.01 0.693, lambda 0.03 0.687, lambda 0.1 0.686; chosen lambda 0.1.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  42/42  521/521
 *   0.10  42/42  521/521
 *   0.15  42/42  521/521
 *   0.20  42/42  521/521
 *   0.25  42/42  521/521
 *   0.30  42/42  521/521
 *   0.35  42/42  521/521
 *   0.40  42/42  521/521
 *   0.45  39/42  406/521
 *   0.50  20/42  221/521
 *   0.55  6/42  60/521
 *   0.60  0/42  0/521
 *   0.65  0/42  0/521
 *   0.70  0/42  0/521
 *   0.75  0/42  0/521
 *   0.80  0/42  0/521
 *   0.85  0/42  0/521
 *   0.90  0/42  0/521
 *   0.95  0/42  0/521
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.025
 *   relevance         -0.090
 *   coverage          -0.220
 *   answerSentence    -0.184
 *   answerType         0.007
 *   namesHeld         -0.030
 *   keyTerm           -0.141
 *   unknownWords       0.014
 *   timeMissing       -0.023
 *   intercept          0.367
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.367,
  weights: {
    similarity: -0.025,
    relevance: -0.09,
    coverage: -0.22,
    answerSentence: -0.184,
    answerType: 0.007,
    namesHeld: -0.03,
    keyTerm: -0.141,
    unknownWords: 0.014,
    timeMissing: -0.023
  },
  threshold: 0.95
};
