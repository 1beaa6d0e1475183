/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 559 tuning questions not refused before it (38 unanswerable), searched with the ranker weights in use.
 * Cross-validated log-loss: lambda 0.001 0.694, lambda 0.003 0.686, lambda 0.01 0.678, lambda 0.03 0.676, lambda 0.1 0.680; chosen lambda 0.03.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  38/38  521/521
 *   0.10  38/38  521/521
 *   0.15  38/38  521/521
 *   0.20  38/38  521/521
 *   0.25  38/38  521/521
 *   0.30  38/38  521/521
 *   0.35  38/38  508/521
 *   0.40  37/38  417/521
 *   0.45  28/38  345/521
 *   0.50  22/38  223/521
 *   0.55  14/38  122/521
 *   0.60  4/38  42/521
 *   0.65  0/38  1/521
 *   0.70  0/38  0/521
 *   0.75  0/38  0/521
 *   0.80  0/38  0/521
 *   0.85  0/38  0/521
 *   0.90  0/38  0/521
 *   0.95  0/38  0/521
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.053
 *   relevance         -0.255
 *   coverage          -0.414
 *   answerSentence    -0.404
 *   answerType         0.008
 *   namesHeld         -0.096
 *   keyTerm           -0.175
 *   unknownWords      -0.005
 *   timeMissing       -0.072
 *   intercept          0.763
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.763,
  weights: {
    similarity: -0.053,
    relevance: -0.255,
    coverage: -0.414,
    answerSentence: -0.404,
    answerType: 0.008,
    namesHeld: -0.096,
    keyTerm: -0.175,
    unknownWords: -0.005,
    timeMissing: -0.072
  },
  threshold: 0.95
};
