/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 271 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 271 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.908.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.872 sd 0.031
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.882 sd 0.029
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.05 / year 0.05 / recency 0.3: mean 0.889 sd 0.043
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.903 sd 0.021
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05, mean 0.897 (best mean 0.903 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.908, top-3 0.978 (candidates, before merging).
 * Article weights:
 *   dense              0.870   folds 0.837 … 0.907
 *   lexical            1.163   folds 1.081 … 1.233
 *   coverage           0.674   folds 0.661 … 0.686
 *   passageCoverage    0.754   folds 0.741 … 0.764
 *   answerSentence     0.599   folds 0.557 … 0.640
 *   names              0.941   folds 0.871 … 1.005
 *   keyTerm            0.550   folds 0.527 … 0.569
 *   yearPassage       -0.076   folds -0.129 … 0.004
 * Relevance (pointwise, intercept -3.048):
 *   dense              1.101   folds 1.054 … 1.139
 *   lexical            1.486   folds 1.375 … 1.558
 *   coverage           0.752   folds 0.731 … 0.767
 *   passageCoverage    0.820   folds 0.785 … 0.854
 *   answerSentence     0.461   folds 0.402 … 0.533
 *   names              0.847   folds 0.746 … 0.968
 *   keyTerm            0.405   folds 0.380 … 0.437
 *   yearPassage        0.054   folds 0.001 … 0.148
 * Passage weights (scaled):
 *   dense              0.269   folds 0.235 … 0.286
 *   sentenceDense      0.314   folds 0.285 … 0.345
 *   lexical            0.563   folds 0.543 … 0.597
 *   coverage           0.326   folds 0.305 … 0.370
 *   passageCoverage    0.353   folds 0.328 … 0.396
 *   answerType         0.284   folds 0.204 … 0.352
 *   answerSentence     0.335   folds 0.324 … 0.356
 *   answerDense        0.289   folds 0.267 … 0.320
 *   strictType         0.088   folds 0.046 … 0.121
 *   lead               0.122   folds 0.082 … 0.177
 *   names              0.127   folds 0.075 … 0.163
 *   yearPassage        0.116   folds 0.040 … 0.154
 *
 * Answer check: 293 questions not refused before it (23 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.667, lambda 0.003 0.650, lambda 0.01 0.640, lambda 0.03 0.643, lambda 0.1 0.658; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  23/23  270/270
 *   0.10  23/23  270/270
 *   0.15  23/23  270/270
 *   0.20  23/23  236/270
 *   0.25  23/23  192/270
 *   0.30  22/23  180/270
 *   0.35  22/23  165/270
 *   0.40  21/23  148/270
 *   0.45  15/23  128/270
 *   0.50  15/23  96/270
 *   0.55  9/23  79/270
 *   0.60  5/23  55/270
 *   0.65  3/23  36/270
 *   0.70  2/23  18/270
 *   0.75  1/23  5/270
 *   0.80  1/23  2/270
 *   0.85  0/23  0/270
 *   0.90  0/23  0/270
 *   0.95  0/23  0/270
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.063
 *   relevance         -0.184
 *   coverage          -0.343
 *   answerSentence    -1.407
 *   answerType        -0.731
 *   namesHeld         -0.578
 *   keyTerm           -0.607
 *   unknownWords       0.531
 *   timeMissing       -0.208
 *   intercept          2.470
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.87,
    lexical: 1.163,
    coverage: 0.674,
    passageCoverage: 0.754,
    answerSentence: 0.599,
    names: 0.941,
    keyTerm: 0.55,
    yearPassage: -0.076,
  },
  passage: {
    dense: 0.269,
    sentenceDense: 0.314,
    lexical: 0.563,
    coverage: 0.326,
    passageCoverage: 0.353,
    answerType: 0.284,
    answerSentence: 0.335,
    answerDense: 0.289,
    strictType: 0.088,
    lead: 0.122,
    names: 0.127,
    yearPassage: 0.116,
  },
  relevance: {
    bias: -3.048,
    article: {
      dense: 1.101,
      lexical: 1.486,
      coverage: 0.752,
      passageCoverage: 0.82,
      answerSentence: 0.461,
      names: 0.847,
      keyTerm: 0.405,
      yearPassage: 0.054,
    },
  },
  gate: {
    names: 0.3,
    year: 0.05,
    recency: 0.05,
  },
};
