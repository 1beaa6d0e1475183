/**
 * Fitted answer-check weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * Answer check: 702 tuning questions not refused before it (58 unanswerable), searched with the ranker weights fitted with it (src/search/ranker-weights.ts).
 * Cross-validated log-loss: lambda 0.001 0.695, lambda 0.003 0.686, lambda 0.01 0.680, lambda 0.03 0.680, lambda 0.1 0.685; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  58/58  644/644
 *   0.10  58/58  644/644
 *   0.15  58/58  644/644
 *   0.20  58/58  644/644
 *   0.25  58/58  644/644
 *   0.30  58/58  639/644
 *   0.35  58/58  554/644
 *   0.40  54/58  500/644
 *   0.45  48/58  422/644
 *   0.50  32/58  307/644
 *   0.55  14/58  180/644
 *   0.60  5/58  71/644
 *   0.65  0/58  2/644
 *   0.70  0/58  0/644
 *   0.75  0/58  0/644
 *   0.80  0/58  0/644
 *   0.85  0/58  0/644
 *   0.90  0/58  0/644
 *   0.95  0/58  0/644
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.205
 *   relevance         -0.201
 *   coverage          -0.742
 *   answerSentence    -0.674
 *   answerType        -0.095
 *   namesHeld         -0.177
 *   keyTerm            0.183
 *   unknownWords      -0.315
 *   timeMissing       -0.166
 *   intercept          0.994
 */
import type { RefusalWeights } from './answer-check.js';

export const REFUSAL_WEIGHTS: RefusalWeights = {
  bias: 0.994,
  weights: {
    similarity: -0.205,
    relevance: -0.201,
    coverage: -0.742,
    answerSentence: -0.674,
    answerType: -0.095,
    namesHeld: -0.177,
    keyTerm: 0.183,
    unknownWords: -0.315,
    timeMissing: -0.166
  },
  threshold: 0.95
};
