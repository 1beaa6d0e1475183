/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 252 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 252 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.909.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 0.05 / year 0.1 / recency 0.2: mean 0.877 sd 0.040
 *   lambda 0.003  best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0.2: mean 0.884 sd 0.045
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0.3: mean 0.899 sd 0.055
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05: mean 0.892 sd 0.049
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05 (best mean 0.899 at lambda 0.01; strongest penalty within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.909, top-3 0.972 (candidates, before merging).
 * Article weights:
 *   dense              0.873   folds 0.835 … 0.914
 *   lexical            1.160   folds 1.081 … 1.243
 *   coverage           0.686   folds 0.674 … 0.697
 *   passageCoverage    0.757   folds 0.741 … 0.769
 *   answerSentence     0.606   folds 0.568 … 0.640
 *   names              0.956   folds 0.866 … 1.032
 *   keyTerm            0.549   folds 0.514 … 0.568
 *   yearPassage       -0.043   folds -0.131 … 0.044
 * Relevance (pointwise, intercept -3.021):
 *   dense              1.071   folds 1.009 … 1.116
 *   lexical            1.460   folds 1.352 … 1.541
 *   coverage           0.768   folds 0.741 … 0.788
 *   passageCoverage    0.811   folds 0.777 … 0.854
 *   answerSentence     0.460   folds 0.390 … 0.525
 *   names              0.813   folds 0.667 … 0.943
 *   keyTerm            0.398   folds 0.360 … 0.455
 *   yearPassage        0.078   folds -0.007 … 0.172
 * Passage weights (scaled):
 *   dense              0.264   folds 0.235 … 0.280
 *   sentenceDense      0.319   folds 0.302 … 0.333
 *   lexical            0.567   folds 0.534 … 0.616
 *   coverage           0.322   folds 0.297 … 0.371
 *   passageCoverage    0.348   folds 0.325 … 0.389
 *   answerType         0.276   folds 0.221 … 0.344
 *   answerSentence     0.319   folds 0.305 … 0.339
 *   answerDense        0.319   folds 0.294 … 0.333
 *   strictType         0.089   folds 0.037 … 0.127
 *   lead               0.124   folds 0.065 … 0.170
 *   names              0.152   folds 0.111 … 0.173
 *   yearPassage        0.092   folds 0.034 … 0.124
 *
 * Answer check: 271 questions not refused before it (22 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.601, lambda 0.003 0.584, lambda 0.01 0.580, lambda 0.03 0.594, lambda 0.1 0.629; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  22/22  249/249
 *   0.10  22/22  249/249
 *   0.15  22/22  232/249
 *   0.20  22/22  186/249
 *   0.25  22/22  167/249
 *   0.30  22/22  153/249
 *   0.35  21/22  139/249
 *   0.40  19/22  122/249
 *   0.45  17/22  101/249
 *   0.50  15/22  85/249
 *   0.55  12/22  71/249
 *   0.60  7/22  55/249
 *   0.65  7/22  43/249
 *   0.70  5/22  22/249
 *   0.75  2/22  9/249
 *   0.80  2/22  2/249
 *   0.85  1/22  0/249
 *   0.90  0/22  0/249
 *   0.95  0/22  0/249
 * Chosen threshold 0.85 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.090
 *   relevance         -0.738
 *   coverage          -0.861
 *   answerSentence    -1.289
 *   answerType        -0.879
 *   namesHeld         -0.372
 *   keyTerm           -0.520
 *   unknownWords       0.763
 *   timeMissing       -0.139
 *   intercept          2.944
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.873,
    lexical: 1.16,
    coverage: 0.686,
    passageCoverage: 0.757,
    answerSentence: 0.606,
    names: 0.956,
    keyTerm: 0.549,
    yearPassage: -0.043,
  },
  passage: {
    dense: 0.264,
    sentenceDense: 0.319,
    lexical: 0.567,
    coverage: 0.322,
    passageCoverage: 0.348,
    answerType: 0.276,
    answerSentence: 0.319,
    answerDense: 0.319,
    strictType: 0.089,
    lead: 0.124,
    names: 0.152,
    yearPassage: 0.092,
  },
  relevance: {
    bias: -3.021,
    article: {
      dense: 1.071,
      lexical: 1.46,
      coverage: 0.768,
      passageCoverage: 0.811,
      answerSentence: 0.46,
      names: 0.813,
      keyTerm: 0.398,
      yearPassage: 0.078,
    },
  },
  gate: {
    names: 0.3,
    year: 0.05,
    recency: 0.05,
  },
};
