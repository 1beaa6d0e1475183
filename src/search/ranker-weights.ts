/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 252 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 252 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.905.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 0.05 / year 0.1 / recency 0.2: mean 0.869 sd 0.054
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.3 / year 0.1 / recency 0.2: mean 0.883 sd 0.061
 *   lambda 0.01   best: passage scale 0.5, relevance needed: names 0.3 / year 0.1 / recency 0.3: mean 0.891 sd 0.065
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05: mean 0.884 sd 0.063
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05 (best mean 0.891 at lambda 0.01; strongest penalty within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.905, top-3 0.972 (candidates, before merging).
 * Article weights:
 *   dense              0.897   folds 0.861 … 0.928
 *   lexical            1.197   folds 1.130 … 1.294
 *   coverage           0.714   folds 0.703 … 0.731
 *   passageCoverage    0.792   folds 0.774 … 0.804
 *   answerSentence     0.635   folds 0.585 … 0.672
 *   names              0.889   folds 0.782 … 0.948
 *   keyTerm            0.515   folds 0.478 … 0.562
 *   yearPassage       -0.033   folds -0.129 … 0.053
 * Relevance (pointwise, intercept -3.005):
 *   dense              1.091   folds 1.035 … 1.130
 *   lexical            1.502   folds 1.408 … 1.600
 *   coverage           0.792   folds 0.765 … 0.821
 *   passageCoverage    0.845   folds 0.813 … 0.901
 *   answerSentence     0.490   folds 0.428 … 0.557
 *   names              0.713   folds 0.546 … 0.840
 *   keyTerm            0.331   folds 0.282 … 0.395
 *   yearPassage        0.084   folds -0.008 … 0.188
 * Passage weights (scaled):
 *   dense              0.262   folds 0.233 … 0.280
 *   sentenceDense      0.317   folds 0.299 … 0.332
 *   lexical            0.570   folds 0.538 … 0.621
 *   coverage           0.323   folds 0.300 … 0.373
 *   passageCoverage    0.349   folds 0.326 … 0.391
 *   answerType         0.280   folds 0.223 … 0.346
 *   answerSentence     0.286   folds 0.274 … 0.300
 *   answerDense        0.320   folds 0.293 … 0.335
 *   strictType         0.093   folds 0.040 … 0.128
 *   lead               0.126   folds 0.070 … 0.167
 *   names              0.194   folds 0.164 … 0.217
 *   yearPassage        0.091   folds 0.033 … 0.124
 *
 * Answer check: 272 questions not refused before it (23 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.603, lambda 0.003 0.596, lambda 0.01 0.598, lambda 0.03 0.612, lambda 0.1 0.640; chosen lambda 0.003.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  23/23  249/249
 *   0.10  23/23  249/249
 *   0.15  23/23  246/249
 *   0.20  23/23  181/249
 *   0.25  23/23  167/249
 *   0.30  21/23  144/249
 *   0.35  21/23  129/249
 *   0.40  19/23  106/249
 *   0.45  17/23  89/249
 *   0.50  14/23  76/249
 *   0.55  11/23  64/249
 *   0.60  8/23  59/249
 *   0.65  6/23  50/249
 *   0.70  5/23  34/249
 *   0.75  4/23  16/249
 *   0.80  4/23  5/249
 *   0.85  2/23  1/249
 *   0.90  1/23  1/249
 *   0.95  0/23  0/249
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity         0.002
 *   relevance         -0.559
 *   coverage          -1.131
 *   answerSentence    -0.948
 *   answerType        -2.233
 *   namesHeld          0.438
 *   keyTerm           -0.701
 *   unknownWords       1.408
 *   timeMissing       -0.416
 *   intercept          3.426
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.897,
    lexical: 1.197,
    coverage: 0.714,
    passageCoverage: 0.792,
    answerSentence: 0.635,
    names: 0.889,
    keyTerm: 0.515,
    yearPassage: -0.033,
  },
  passage: {
    dense: 0.262,
    sentenceDense: 0.317,
    lexical: 0.57,
    coverage: 0.323,
    passageCoverage: 0.349,
    answerType: 0.28,
    answerSentence: 0.286,
    answerDense: 0.32,
    strictType: 0.093,
    lead: 0.126,
    names: 0.194,
    yearPassage: 0.091,
  },
  relevance: {
    bias: -3.005,
    article: {
      dense: 1.091,
      lexical: 1.502,
      coverage: 0.792,
      passageCoverage: 0.845,
      answerSentence: 0.49,
      names: 0.713,
      keyTerm: 0.331,
      yearPassage: 0.084,
    },
  },
  gate: {
    names: 0.3,
    year: 0.05,
    recency: 0.05,
  },
};
