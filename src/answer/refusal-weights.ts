/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 597 tuning questions not refused before it (47 unanswerable), searched with the ranker weights in use.
 * Cross-validated log-loss: lambda 0.001 0.699, lambda 0.003 0.690, lambda 0.01 0.685, lambda 0.03 0.685, lambda 0.1 0.687; chosen lambda 0.03.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  47/47  550/550
 *   0.10  47/47  550/550
 *   0.15  47/47  550/550
 *   0.20  47/47  550/550
 *   0.25  47/47  550/550
 *   0.30  47/47  550/550
 *   0.35  47/47  550/550
 *   0.40  46/47  470/550
 *   0.45  39/47  388/550
 *   0.50  24/47  258/550
 *   0.55  8/47  101/550
 *   0.60  0/47  9/550
 *   0.65  0/47  0/550
 *   0.70  0/47  0/550
 *   0.75  0/47  0/550
 *   0.80  0/47  0/550
 *   0.85  0/47  0/550
 *   0.90  0/47  0/550
 *   0.95  0/47  0/550
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.047
 *   relevance         -0.121
 *   coverage          -0.362
 *   answerSentence    -0.405
 *   answerType        -0.172
 *   namesHeld         -0.096
 *   keyTerm           -0.062
 *   unknownWords      -0.165
 *   timeMissing       -0.070
 *   intercept          0.753
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.753,
  weights: {
    similarity: -0.047,
    relevance: -0.121,
    coverage: -0.362,
    answerSentence: -0.405,
    answerType: -0.172,
    namesHeld: -0.096,
    keyTerm: -0.062,
    unknownWords: -0.165,
    timeMissing: -0.07
  },
  threshold: 0.95
};
