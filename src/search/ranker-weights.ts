/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 429 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 429 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.916.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.901 sd 0.022
 *   lambda 0.003  best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.910 sd 0.025
 *   lambda 0.01   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.910 sd 0.024
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.915 sd 0.019
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.912 (best mean 0.915 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.916, top-3 0.986 (candidates, before merging).
 * Article weights:
 *   dense              0.851   folds 0.826 … 0.871
 *   lexical            1.112   folds 1.048 … 1.156
 *   coverage           0.634   folds 0.624 … 0.648
 *   passageCoverage    0.742   folds 0.719 … 0.766
 *   answerSentence     0.486   folds 0.452 … 0.523
 *   names              1.111   folds 1.081 … 1.167
 *   keyTerm            0.498   folds 0.459 … 0.536
 *   yearPassage       -0.018   folds -0.095 … 0.080
 * Relevance (pointwise, intercept -3.139):
 *   dense              1.052   folds 1.029 … 1.062
 *   lexical            1.423   folds 1.362 … 1.482
 *   coverage           0.713   folds 0.705 … 0.725
 *   passageCoverage    0.829   folds 0.802 … 0.853
 *   answerSentence     0.376   folds 0.348 … 0.435
 *   names              1.170   folds 1.116 … 1.258
 *   keyTerm            0.416   folds 0.382 … 0.468
 *   yearPassage        0.081   folds -0.040 … 0.211
 * Passage weights (scaled):
 *   dense              0.264   folds 0.227 … 0.300
 *   sentenceDense      0.315   folds 0.292 … 0.335
 *   lexical            0.544   folds 0.490 … 0.567
 *   coverage           0.323   folds 0.299 … 0.352
 *   passageCoverage    0.342   folds 0.297 … 0.390
 *   answerType         0.290   folds 0.270 … 0.329
 *   answerSentence     0.347   folds 0.320 … 0.375
 *   answerDense        0.314   folds 0.280 … 0.343
 *   strictType         0.130   folds 0.095 … 0.153
 *   lead               0.040   folds 0.010 … 0.072
 *   names              0.083   folds 0.045 … 0.127
 *   yearPassage        0.157   folds 0.119 … 0.180
 *
 * Answer check: 458 questions not refused before it (31 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.682, lambda 0.003 0.658, lambda 0.01 0.643, lambda 0.03 0.645, lambda 0.1 0.660; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  31/31  427/427
 *   0.10  31/31  427/427
 *   0.15  31/31  427/427
 *   0.20  31/31  407/427
 *   0.25  31/31  350/427
 *   0.30  31/31  317/427
 *   0.35  28/31  293/427
 *   0.40  28/31  261/427
 *   0.45  22/31  223/427
 *   0.50  18/31  177/427
 *   0.55  13/31  136/427
 *   0.60  10/31  87/427
 *   0.65  8/31  54/427
 *   0.70  2/31  18/427
 *   0.75  0/31  4/427
 *   0.80  0/31  0/427
 *   0.85  0/31  0/427
 *   0.90  0/31  0/427
 *   0.95  0/31  0/427
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.268
 *   relevance         -0.300
 *   coverage          -0.492
 *   answerSentence    -1.256
 *   answerType        -0.184
 *   namesHeld          0.205
 *   keyTerm           -0.416
 *   unknownWords       0.311
 *   timeMissing       -0.236
 *   intercept          1.242
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.851,
    lexical: 1.112,
    coverage: 0.634,
    passageCoverage: 0.742,
    answerSentence: 0.486,
    names: 1.111,
    keyTerm: 0.498,
    yearPassage: -0.018,
  },
  passage: {
    dense: 0.264,
    sentenceDense: 0.315,
    lexical: 0.544,
    coverage: 0.323,
    passageCoverage: 0.342,
    answerType: 0.29,
    answerSentence: 0.347,
    answerDense: 0.314,
    strictType: 0.13,
    lead: 0.04,
    names: 0.083,
    yearPassage: 0.157,
  },
  relevance: {
    bias: -3.139,
    article: {
      dense: 1.052,
      lexical: 1.423,
      coverage: 0.713,
      passageCoverage: 0.829,
      answerSentence: 0.376,
      names: 1.17,
      keyTerm: 0.416,
      yearPassage: 0.081,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
