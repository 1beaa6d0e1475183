/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 595 tuning questions not refused before it (47 unanswerable), searched with the ranker weights fitted with it (src/search/ranker-weights.ts).
 * Cross-validated log-loss: lambda 0.001 0.701, lambda 0.003 0.691, lambda 0.01 0.686, lambda 0.03 0.685, lambda 0.1 0.687; chosen lambda 0.03.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  47/47  548/548
 *   0.10  47/47  548/548
 *   0.15  47/47  548/548
 *   0.20  47/47  548/548
 *   0.25  47/47  548/548
 *   0.30  47/47  548/548
 *   0.35  47/47  548/548
 *   0.40  46/47  470/548
 *   0.45  40/47  392/548
 *   0.50  23/47  256/548
 *   0.55  6/47  93/548
 *   0.60  0/47  7/548
 *   0.65  0/47  0/548
 *   0.70  0/47  0/548
 *   0.75  0/47  0/548
 *   0.80  0/47  0/548
 *   0.85  0/47  0/548
 *   0.90  0/47  0/548
 *   0.95  0/47  0/548
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.048
 *   relevance         -0.126
 *   coverage          -0.389
 *   answerSentence    -0.422
 *   answerType        -0.168
 *   namesHeld         -0.140
 *   keyTerm            0.009
 *   unknownWords      -0.169
 *   timeMissing       -0.071
 *   intercept          0.774
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.774,
  weights: {
    similarity: -0.048,
    relevance: -0.126,
    coverage: -0.389,
    answerSentence: -0.422,
    answerType: -0.168,
    namesHeld: -0.14,
    keyTerm: 0.009,
    unknownWords: -0.169,
    timeMissing: -0.071
  },
  threshold: 0.95
};
