/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 599 tuning questions not refused before it (47 unanswerable), searched with the ranker weights in use.
 * Cross-validated log-loss: lambda 0.001 0.694, lambda 0.003 0.687, lambda 0.01 0.684, lambda 0.03 0.684, lambda 0.1 0.686; chosen lambda 0.03.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  47/47  552/552
 *   0.10  47/47  552/552
 *   0.15  47/47  552/552
 *   0.20  47/47  552/552
 *   0.25  47/47  552/552
 *   0.30  47/47  552/552
 *   0.35  47/47  552/552
 *   0.40  46/47  468/552
 *   0.45  39/47  389/552
 *   0.50  24/47  258/552
 *   0.55  8/47  103/552
 *   0.60  2/47  9/552
 *   0.65  0/47  0/552
 *   0.70  0/47  0/552
 *   0.75  0/47  0/552
 *   0.80  0/47  0/552
 *   0.85  0/47  0/552
 *   0.90  0/47  0/552
 *   0.95  0/47  0/552
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.043
 *   relevance         -0.144
 *   coverage          -0.374
 *   answerSentence    -0.415
 *   answerType        -0.110
 *   namesHeld         -0.119
 *   keyTerm           -0.048
 *   unknownWords      -0.165
 *   timeMissing       -0.070
 *   intercept          0.737
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.737,
  weights: {
    similarity: -0.043,
    relevance: -0.144,
    coverage: -0.374,
    answerSentence: -0.415,
    answerType: -0.11,
    namesHeld: -0.119,
    keyTerm: -0.048,
    unknownWords: -0.165,
    timeMissing: -0.07
  },
  threshold: 0.95
};
