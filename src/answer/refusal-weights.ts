/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 565 tuning questions not refused before it (45 unanswerable), searched with the ranker weights fitted with it (src/search/ranker-weights.ts).
 * Cross-validated log-loss: lambda 0.001 0.709, lambda 0.003 0.693, lambda 0.01 0.680, lambda 0.03 0.677, lambda 0.1 0.680; chosen lambda 0.03.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  45/45  520/520
 *   0.10  45/45  520/520
 *   0.15  45/45  520/520
 *   0.20  45/45  520/520
 *   0.25  45/45  520/520
 *   0.30  45/45  520/520
 *   0.35  45/45  499/520
 *   0.40  42/45  412/520
 *   0.45  34/45  330/520
 *   0.50  25/45  211/520
 *   0.55  16/45  120/520
 *   0.60  4/45  44/520
 *   0.65  0/45  0/520
 *   0.70  0/45  0/520
 *   0.75  0/45  0/520
 *   0.80  0/45  0/520
 *   0.85  0/45  0/520
 *   0.90  0/45  0/520
 *   0.95  0/45  0/520
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.079
 *   relevance         -0.249
 *   coverage          -0.487
 *   answerSentence    -0.342
 *   answerType         0.039
 *   namesHeld          0.050
 *   keyTerm           -0.206
 *   unknownWords       0.058
 *   timeMissing       -0.071
 *   intercept          0.625
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.625,
  weights: {
    similarity: -0.079,
    relevance: -0.249,
    coverage: -0.487,
    answerSentence: -0.342,
    answerType: 0.039,
    namesHeld: 0.05,
    keyTerm: -0.206,
    unknownWords: 0.058,
    timeMissing: -0.071
  },
  threshold: 0.95
};
