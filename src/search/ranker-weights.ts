/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 271 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 271 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.926.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.05: mean 0.882 sd 0.040
 *   lambda 0.003  best: passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05: mean 0.888 sd 0.045
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.05 / year 0.05 / recency 0.2: mean 0.889 sd 0.052
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.3: mean 0.909 sd 0.034
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.895 (best mean 0.909 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.919, top-3 0.970 (candidates, before merging).
 * Article weights:
 *   dense              0.872   folds 0.839 … 0.910
 *   lexical            1.151   folds 1.068 … 1.227
 *   coverage           0.672   folds 0.657 … 0.684
 *   passageCoverage    0.752   folds 0.737 … 0.760
 *   answerSentence     0.610   folds 0.572 … 0.652
 *   names              0.941   folds 0.870 … 1.006
 *   keyTerm            0.540   folds 0.518 … 0.558
 *   yearPassage       -0.088   folds -0.144 … -0.014
 * Relevance (pointwise, intercept -3.040):
 *   dense              1.099   folds 1.055 … 1.135
 *   lexical            1.467   folds 1.354 … 1.553
 *   coverage           0.748   folds 0.724 … 0.766
 *   passageCoverage    0.820   folds 0.782 … 0.855
 *   answerSentence     0.472   folds 0.418 … 0.549
 *   names              0.862   folds 0.750 … 0.986
 *   keyTerm            0.384   folds 0.358 … 0.428
 *   yearPassage        0.012   folds -0.046 … 0.091
 * Passage weights (scaled):
 *   dense              0.262   folds 0.226 … 0.279
 *   sentenceDense      0.304   folds 0.274 … 0.337
 *   lexical            0.562   folds 0.546 … 0.598
 *   coverage           0.322   folds 0.305 … 0.363
 *   passageCoverage    0.350   folds 0.330 … 0.391
 *   answerType         0.320   folds 0.237 … 0.361
 *   answerSentence     0.323   folds 0.310 … 0.342
 *   answerDense        0.308   folds 0.280 … 0.344
 *   strictType         0.123   folds 0.097 … 0.158
 *   lead               0.124   folds 0.082 … 0.180
 *   names              0.139   folds 0.091 … 0.171
 *   yearPassage        0.114   folds 0.040 … 0.151
 *
 * Answer check: 286 questions not refused before it (16 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.678, lambda 0.003 0.651, lambda 0.01 0.634, lambda 0.03 0.635, lambda 0.1 0.653; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  16/16  270/270
 *   0.10  16/16  270/270
 *   0.15  16/16  265/270
 *   0.20  16/16  242/270
 *   0.25  15/16  186/270
 *   0.30  15/16  176/270
 *   0.35  15/16  164/270
 *   0.40  12/16  147/270
 *   0.45  11/16  123/270
 *   0.50  9/16  97/270
 *   0.55  7/16  77/270
 *   0.60  4/16  54/270
 *   0.65  4/16  30/270
 *   0.70  3/16  15/270
 *   0.75  2/16  6/270
 *   0.80  1/16  2/270
 *   0.85  0/16  1/270
 *   0.90  0/16  0/270
 *   0.95  0/16  0/270
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.218
 *   relevance         -0.013
 *   coverage          -0.774
 *   answerSentence    -1.342
 *   answerType        -1.121
 *   namesHeld          0.016
 *   keyTerm           -0.250
 *   unknownWords       0.965
 *   timeMissing       -0.208
 *   intercept          2.108
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.872,
    lexical: 1.151,
    coverage: 0.672,
    passageCoverage: 0.752,
    answerSentence: 0.61,
    names: 0.941,
    keyTerm: 0.54,
    yearPassage: -0.088,
  },
  passage: {
    dense: 0.262,
    sentenceDense: 0.304,
    lexical: 0.562,
    coverage: 0.322,
    passageCoverage: 0.35,
    answerType: 0.32,
    answerSentence: 0.323,
    answerDense: 0.308,
    strictType: 0.123,
    lead: 0.124,
    names: 0.139,
    yearPassage: 0.114,
  },
  relevance: {
    bias: -3.04,
    article: {
      dense: 1.099,
      lexical: 1.467,
      coverage: 0.748,
      passageCoverage: 0.82,
      answerSentence: 0.472,
      names: 0.862,
      keyTerm: 0.384,
      yearPassage: 0.012,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
