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
 *   dense              0.871   folds 0.838 … 0.908
 *   lexical            1.163   folds 1.080 … 1.232
 *   coverage           0.674   folds 0.661 … 0.686
 *   passageCoverage    0.754   folds 0.741 … 0.763
 *   answerSentence     0.601   folds 0.561 … 0.643
 *   names              0.940   folds 0.869 … 1.005
 *   keyTerm            0.549   folds 0.526 … 0.568
 *   yearPassage       -0.076   folds -0.129 … 0.004
 * Relevance (pointwise, intercept -3.048):
 *   dense              1.101   folds 1.055 … 1.140
 *   lexical            1.486   folds 1.376 … 1.558
 *   coverage           0.751   folds 0.730 … 0.767
 *   passageCoverage    0.820   folds 0.785 … 0.853
 *   answerSentence     0.462   folds 0.403 … 0.534
 *   names              0.845   folds 0.743 … 0.966
 *   keyTerm            0.405   folds 0.381 … 0.438
 *   yearPassage        0.054   folds 0.001 … 0.148
 * Passage weights (scaled):
 *   dense              0.269   folds 0.234 … 0.286
 *   sentenceDense      0.314   folds 0.285 … 0.346
 *   lexical            0.563   folds 0.544 … 0.598
 *   coverage           0.325   folds 0.305 … 0.370
 *   passageCoverage    0.352   folds 0.327 … 0.396
 *   answerType         0.285   folds 0.205 … 0.352
 *   answerSentence     0.335   folds 0.324 … 0.356
 *   answerDense        0.288   folds 0.265 … 0.319
 *   strictType         0.088   folds 0.046 … 0.121
 *   lead               0.123   folds 0.083 … 0.178
 *   names              0.126   folds 0.074 … 0.162
 *   yearPassage        0.116   folds 0.041 … 0.154
 *
 * Answer check: 293 questions not refused before it (23 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.667, lambda 0.003 0.651, lambda 0.01 0.641, lambda 0.03 0.643, lambda 0.1 0.658; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  23/23  270/270
 *   0.10  23/23  270/270
 *   0.15  23/23  270/270
 *   0.20  23/23  236/270
 *   0.25  23/23  192/270
 *   0.30  22/23  179/270
 *   0.35  22/23  164/270
 *   0.40  21/23  148/270
 *   0.45  15/23  128/270
 *   0.50  15/23  96/270
 *   0.55  9/23  80/270
 *   0.60  5/23  56/270
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
 *   relevance         -0.182
 *   coverage          -0.341
 *   answerSentence    -1.406
 *   answerType        -0.731
 *   namesHeld         -0.578
 *   keyTerm           -0.608
 *   unknownWords       0.532
 *   timeMissing       -0.208
 *   intercept          2.467
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.871,
    lexical: 1.163,
    coverage: 0.674,
    passageCoverage: 0.754,
    answerSentence: 0.601,
    names: 0.94,
    keyTerm: 0.549,
    yearPassage: -0.076,
  },
  passage: {
    dense: 0.269,
    sentenceDense: 0.314,
    lexical: 0.563,
    coverage: 0.325,
    passageCoverage: 0.352,
    answerType: 0.285,
    answerSentence: 0.335,
    answerDense: 0.288,
    strictType: 0.088,
    lead: 0.123,
    names: 0.126,
    yearPassage: 0.116,
  },
  relevance: {
    bias: -3.048,
    article: {
      dense: 1.101,
      lexical: 1.486,
      coverage: 0.751,
      passageCoverage: 0.82,
      answerSentence: 0.462,
      names: 0.845,
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
