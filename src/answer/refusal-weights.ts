/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 565 tuning questions not refused before it (44 unanswerable), searched with the ranker weights fitted with it (src/search/ranker-weights.ts).
 * Cross-validated log-loss: lambda 0.001 0.739, lambda 0.003 0.712, lambda 0.01 0.692, lambda 0.03 0.683, lambda 0.1 0.683; chosen lambda 0.1.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  44/44  521/521
 *   0.10  44/44  521/521
 *   0.15  44/44  521/521
 *   0.20  44/44  521/521
 *   0.25  44/44  521/521
 *   0.30  44/44  521/521
 *   0.35  44/44  521/521
 *   0.40  44/44  521/521
 *   0.45  41/44  398/521
 *   0.50  23/44  206/521
 *   0.55  8/44  77/521
 *   0.60  0/44  0/521
 *   0.65  0/44  0/521
 *   0.70  0/44  0/521
 *   0.75  0/44  0/521
 *   0.80  0/44  0/521
 *   0.85  0/44  0/521
 *   0.90  0/44  0/521
 *   0.95  0/44  0/521
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.030
 *   relevance         -0.127
 *   coverage          -0.227
 *   answerSentence    -0.174
 *   answerType         0.010
 *   namesHeld         -0.025
 *   keyTerm           -0.177
 *   unknownWords       0.023
 *   timeMissing       -0.023
 *   intercept          0.407
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.407,
  weights: {
    similarity: -0.03,
    relevance: -0.127,
    coverage: -0.227,
    answerSentence: -0.174,
    answerType: 0.01,
    namesHeld: -0.025,
    keyTerm: -0.177,
    unknownWords: 0.023,
    timeMissing: -0.023
  },
  threshold: 0.95
};
