/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 598 tuning questions not refused before it (47 unanswerable), searched with the ranker weights fitted with it (src/search/ranker-weights.ts).
 * Cross-validated log-loss: lambda 0.001 0.696, lambda 0.003 0.688, lambda 0.01 0.684, lambda 0.03 0.684, lambda 0.1 0.686; chosen lambda 0.03.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  47/47  551/551
 *   0.10  47/47  551/551
 *   0.15  47/47  551/551
 *   0.20  47/47  551/551
 *   0.25  47/47  551/551
 *   0.30  47/47  551/551
 *   0.35  47/47  551/551
 *   0.40  46/47  470/551
 *   0.45  39/47  388/551
 *   0.50  24/47  256/551
 *   0.55  8/47  101/551
 *   0.60  1/47  8/551
 *   0.65  0/47  0/551
 *   0.70  0/47  0/551
 *   0.75  0/47  0/551
 *   0.80  0/47  0/551
 *   0.85  0/47  0/551
 *   0.90  0/47  0/551
 *   0.95  0/47  0/551
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.045
 *   relevance         -0.136
 *   coverage          -0.370
 *   answerSentence    -0.408
 *   answerType        -0.172
 *   namesHeld         -0.112
 *   keyTerm           -0.051
 *   unknownWords      -0.164
 *   timeMissing       -0.070
 *   intercept          0.780
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.78,
  weights: {
    similarity: -0.045,
    relevance: -0.136,
    coverage: -0.37,
    answerSentence: -0.408,
    answerType: -0.172,
    namesHeld: -0.112,
    keyTerm: -0.051,
    unknownWords: -0.164,
    timeMissing: -0.07
  },
  threshold: 0.95
};
