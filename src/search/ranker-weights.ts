/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 318 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 318 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.921.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.886 sd 0.025
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.05: mean 0.898 sd 0.029
 *   lambda 0.01   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.900 sd 0.014
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.917 sd 0.010
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.915 (best mean 0.917 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.918, top-3 0.981 (candidates, before merging).
 * Article weights:
 *   dense              0.872   folds 0.841 … 0.894
 *   lexical            1.122   folds 1.070 … 1.162
 *   coverage           0.664   folds 0.650 … 0.679
 *   passageCoverage    0.750   folds 0.719 … 0.785
 *   answerSentence     0.574   folds 0.543 … 0.606
 *   names              1.031   folds 1.002 … 1.092
 *   keyTerm            0.501   folds 0.458 … 0.531
 *   yearPassage       -0.052   folds -0.117 … 0.046
 * Relevance (pointwise, intercept -3.104):
 *   dense              1.082   folds 1.049 … 1.106
 *   lexical            1.432   folds 1.374 … 1.490
 *   coverage           0.751   folds 0.725 … 0.764
 *   passageCoverage    0.832   folds 0.789 … 0.866
 *   answerSentence     0.433   folds 0.402 … 0.499
 *   names              1.022   folds 0.958 … 1.126
 *   keyTerm            0.371   folds 0.347 … 0.408
 *   yearPassage        0.072   folds -0.029 … 0.176
 * Passage weights (scaled):
 *   dense              0.246   folds 0.227 … 0.286
 *   sentenceDense      0.302   folds 0.270 … 0.319
 *   lexical            0.542   folds 0.509 … 0.586
 *   coverage           0.333   folds 0.312 … 0.366
 *   passageCoverage    0.357   folds 0.325 … 0.407
 *   answerType         0.328   folds 0.314 … 0.356
 *   answerSentence     0.320   folds 0.297 … 0.331
 *   answerDense        0.330   folds 0.290 … 0.375
 *   strictType         0.123   folds 0.081 … 0.143
 *   lead               0.086   folds 0.060 … 0.114
 *   names              0.096   folds 0.077 … 0.114
 *   yearPassage        0.128   folds 0.090 … 0.150
 *
 * Answer check: 337 questions not refused before it (21 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.661, lambda 0.003 0.633, lambda 0.01 0.620, lambda 0.03 0.626, lambda 0.1 0.649; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  21/21  316/316
 *   0.10  21/21  316/316
 *   0.15  21/21  313/316
 *   0.20  21/21  266/316
 *   0.25  20/21  224/316
 *   0.30  19/21  205/316
 *   0.35  18/21  183/316
 *   0.40  18/21  156/316
 *   0.45  17/21  136/316
 *   0.50  16/21  115/316
 *   0.55  11/21  97/316
 *   0.60  6/21  66/316
 *   0.65  5/21  41/316
 *   0.70  3/21  16/316
 *   0.75  1/21  6/316
 *   0.80  1/21  0/316
 *   0.85  1/21  0/316
 *   0.90  0/21  0/316
 *   0.95  0/21  0/316
 * Chosen threshold 0.85 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.189
 *   relevance         -0.341
 *   coverage          -0.594
 *   answerSentence    -1.300
 *   answerType        -1.213
 *   namesHeld         -0.210
 *   keyTerm           -0.513
 *   unknownWords       0.728
 *   timeMissing       -0.178
 *   intercept          2.741
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.872,
    lexical: 1.122,
    coverage: 0.664,
    passageCoverage: 0.75,
    answerSentence: 0.574,
    names: 1.031,
    keyTerm: 0.501,
    yearPassage: -0.052,
  },
  passage: {
    dense: 0.246,
    sentenceDense: 0.302,
    lexical: 0.542,
    coverage: 0.333,
    passageCoverage: 0.357,
    answerType: 0.328,
    answerSentence: 0.32,
    answerDense: 0.33,
    strictType: 0.123,
    lead: 0.086,
    names: 0.096,
    yearPassage: 0.128,
  },
  relevance: {
    bias: -3.104,
    article: {
      dense: 1.082,
      lexical: 1.432,
      coverage: 0.751,
      passageCoverage: 0.832,
      answerSentence: 0.433,
      names: 1.022,
      keyTerm: 0.371,
      yearPassage: 0.072,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
