/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 271 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 271 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.908.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.879 sd 0.027
 *   lambda 0.003  best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.885 sd 0.029
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.885 sd 0.037
 *   lambda 0.03   best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.903 sd 0.021
 * Chosen: lambda 0.03, passage scale 0.5, relevance needed: names 0.3 / year 0.05 / recency 0.05, mean 0.897 (best mean 0.903 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.908, top-3 0.978 (candidates, before merging).
 * Article weights:
 *   dense              0.873   folds 0.841 … 0.911
 *   lexical            1.151   folds 1.069 … 1.227
 *   coverage           0.672   folds 0.658 … 0.684
 *   passageCoverage    0.752   folds 0.738 … 0.761
 *   answerSentence     0.610   folds 0.573 … 0.653
 *   names              0.940   folds 0.870 … 1.004
 *   keyTerm            0.540   folds 0.518 … 0.557
 *   yearPassage       -0.088   folds -0.144 … -0.014
 * Relevance (pointwise, intercept -3.040):
 *   dense              1.100   folds 1.056 … 1.137
 *   lexical            1.467   folds 1.355 … 1.553
 *   coverage           0.748   folds 0.724 … 0.766
 *   passageCoverage    0.820   folds 0.782 … 0.854
 *   answerSentence     0.473   folds 0.418 … 0.549
 *   names              0.859   folds 0.750 … 0.982
 *   keyTerm            0.384   folds 0.358 … 0.429
 *   yearPassage        0.012   folds -0.046 … 0.091
 * Passage weights (scaled):
 *   dense              0.262   folds 0.227 … 0.279
 *   sentenceDense      0.304   folds 0.274 … 0.337
 *   lexical            0.562   folds 0.546 … 0.599
 *   coverage           0.322   folds 0.305 … 0.363
 *   passageCoverage    0.350   folds 0.330 … 0.391
 *   answerType         0.320   folds 0.238 … 0.361
 *   answerSentence     0.322   folds 0.310 … 0.341
 *   answerDense        0.308   folds 0.280 … 0.345
 *   strictType         0.123   folds 0.096 … 0.158
 *   lead               0.124   folds 0.082 … 0.180
 *   names              0.138   folds 0.090 … 0.171
 *   yearPassage        0.115   folds 0.040 … 0.152
 *
 * Answer check: 287 questions not refused before it (17 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.703, lambda 0.003 0.658, lambda 0.01 0.633, lambda 0.03 0.636, lambda 0.1 0.657; chosen lambda 0.01.
 * Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  17/17  270/270
 *   0.10  17/17  270/270
 *   0.15  17/17  270/270
 *   0.20  17/17  251/270
 *   0.25  17/17  198/270
 *   0.30  17/17  187/270
 *   0.35  13/17  171/270
 *   0.40  13/17  151/270
 *   0.45  10/17  128/270
 *   0.50  9/17  103/270
 *   0.55  7/17  78/270
 *   0.60  6/17  39/270
 *   0.65  5/17  13/270
 *   0.70  5/17  7/270
 *   0.75  3/17  2/270
 *   0.80  1/17  0/270
 *   0.85  0/17  0/270
 *   0.90  0/17  0/270
 *   0.95  0/17  0/270
 * Chosen threshold 0.8 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.201
 *   relevance          0.258
 *   coverage          -0.602
 *   answerSentence    -1.339
 *   answerType        -1.267
 *   namesHeld         -0.369
 *   keyTerm            0.013
 *   unknownWords       0.867
 *   timeMissing       -0.229
 *   intercept          2.130
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.873,
    lexical: 1.151,
    coverage: 0.672,
    passageCoverage: 0.752,
    answerSentence: 0.61,
    names: 0.94,
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
    answerSentence: 0.322,
    answerDense: 0.308,
    strictType: 0.123,
    lead: 0.124,
    names: 0.138,
    yearPassage: 0.115,
  },
  relevance: {
    bias: -3.04,
    article: {
      dense: 1.1,
      lexical: 1.467,
      coverage: 0.748,
      passageCoverage: 0.82,
      answerSentence: 0.473,
      names: 0.859,
      keyTerm: 0.384,
      yearPassage: 0.012,
    },
  },
  gate: {
    names: 0.3,
    year: 0.05,
    recency: 0.05,
  },
};
