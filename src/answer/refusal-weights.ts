/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 598 tuning questions not refused before it (47 unanswerable), searched with the ranker weights in use.
 * Cross-validated log-loss: lambda 0.001 0.695, lambda 0.003 0.687, lambda 0.01 0.683, lambda 0.03 0.683, lambda 0.1 0.686; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  47/47  551/551
 *   0.10  47/47  551/551
 *   0.15  47/47  551/551
 *   0.20  47/47  551/551
 *   0.25  47/47  551/551
 *   0.30  47/47  550/551
 *   0.35  46/47  476/551
 *   0.40  43/47  416/551
 *   0.45  38/47  365/551
 *   0.50  21/47  257/551
 *   0.55  10/47  132/551
 *   0.60  3/47  48/551
 *   0.65  0/47  4/551
 *   0.70  0/47  1/551
 *   0.75  0/47  0/551
 *   0.80  0/47  0/551
 *   0.85  0/47  0/551
 *   0.90  0/47  0/551
 *   0.95  0/47  0/551
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.091
 *   relevance         -0.236
 *   coverage          -0.624
 *   answerSentence    -0.631
 *   answerType        -0.380
 *   namesHeld         -0.248
 *   keyTerm            0.080
 *   unknownWords      -0.522
 *   timeMissing       -0.196
 *   intercept          1.363
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 1.363,
  weights: {
    similarity: -0.091,
    relevance: -0.236,
    coverage: -0.624,
    answerSentence: -0.631,
    answerType: -0.38,
    namesHeld: -0.248,
    keyTerm: 0.08,
    unknownWords: -0.522,
    timeMissing: -0.196
  },
  threshold: 0.95
};
