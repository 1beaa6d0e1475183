/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 252 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 252 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.845.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 0.1 / year 0.05 / recency 0.1: mean 0.843 sd 0.073
 *   lambda 0.003  best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0: mean 0.828 sd 0.102
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0: mean 0.824 sd 0.102
 *   lambda 0.03   best: passage scale 0.25, relevance needed: names 0.3 / year 0.2 / recency 0: mean 0.824 sd 0.102
 * Chosen: lambda 0.03, passage scale 0.25, relevance needed: names 0.3 / year 0.2 / recency 0 (best mean 0.843 at lambda 0.001; strongest penalty within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.849, top-3 0.944 (candidates, before merging).
 * Article weights:
 *   dense              0.980   folds 0.941 … 1.008
 *   lexical            1.154   folds 1.096 … 1.217
 *   coverage           0.726   folds 0.710 … 0.749
 *   passageCoverage    0.818   folds 0.800 … 0.839
 *   answerSentence     0.650   folds 0.618 … 0.687
 *   names              0.925   folds 0.829 … 0.991
 *   keyTerm            0.483   folds 0.429 … 0.513
 *   yearPassage        0.055   folds -0.035 … 0.138
 * Relevance (pointwise, intercept -3.098):
 *   dense              1.171   folds 1.142 … 1.205
 *   lexical            1.403   folds 1.317 … 1.461
 *   coverage           0.810   folds 0.775 … 0.855
 *   passageCoverage    0.889   folds 0.865 … 0.956
 *   answerSentence     0.514   folds 0.448 … 0.581
 *   names              0.747   folds 0.570 … 0.902
 *   keyTerm            0.288   folds 0.224 … 0.319
 *   yearPassage        0.170   folds 0.088 … 0.241
 * Passage weights (scaled):
 *   dense              0.139   folds 0.125 … 0.160
 *   sentenceDense      0.146   folds 0.139 … 0.155
 *   lexical            0.234   folds 0.211 … 0.250
 *   coverage           0.141   folds 0.129 … 0.146
 *   passageCoverage    0.179   folds 0.173 … 0.188
 *   answerType         0.233   folds 0.214 … 0.248
 *   answerSentence     0.150   folds 0.138 … 0.161
 *   answerDense        0.191   folds 0.177 … 0.207
 *   strictType         0.037   folds 0.016 … 0.048
 *   lead               0.001   folds -0.005 … 0.016
 *   names              0.043   folds 0.012 … 0.058
 *   yearPassage        0.006   folds -0.005 … 0.017
 *
 * Answer check: 284 questions not refused before it (32 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.559, lambda 0.003 0.540, lambda 0.01 0.555, lambda 0.03 0.598, lambda 0.1 0.649; chosen lambda 0.003.
 * Trade-off on the tuning questions (refuse at probability ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  32/32  252/252
 *   0.10  32/32  252/252
 *   0.15  32/32  252/252
 *   0.20  32/32  159/252
 *   0.25  32/32  125/252
 *   0.30  31/32  102/252
 *   0.35  29/32  84/252
 *   0.40  28/32  69/252
 *   0.45  28/32  59/252
 *   0.50  26/32  51/252
 *   0.55  21/32  32/252
 *   0.60  18/32  24/252
 *   0.65  17/32  16/252
 *   0.70  16/32  14/252
 *   0.75  13/32  11/252
 *   0.80  12/32  10/252
 *   0.85  6/32  9/252
 *   0.90  4/32  7/252
 *   0.95  1/32  2/252
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.036
 *   relevance         -1.023
 *   coverage          -0.784
 *   answerSentence     0.214
 *   answerType        -3.329
 *   namesHeld          0.231
 *   keyTerm           -0.578
 *   unknownWords       2.184
 *   timeMissing        3.034
 *   intercept          3.683
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.98,
    lexical: 1.154,
    coverage: 0.726,
    passageCoverage: 0.818,
    answerSentence: 0.65,
    names: 0.925,
    keyTerm: 0.483,
    yearPassage: 0.055,
  },
  passage: {
    dense: 0.139,
    sentenceDense: 0.146,
    lexical: 0.234,
    coverage: 0.141,
    passageCoverage: 0.179,
    answerType: 0.233,
    answerSentence: 0.15,
    answerDense: 0.191,
    strictType: 0.037,
    lead: 0.001,
    names: 0.043,
    yearPassage: 0.006,
  },
  relevance: {
    bias: -3.098,
    article: {
      dense: 1.171,
      lexical: 1.403,
      coverage: 0.81,
      passageCoverage: 0.889,
      answerSentence: 0.514,
      names: 0.747,
      keyTerm: 0.288,
      yearPassage: 0.17,
    },
  },
  gate: {
    names: 0.3,
    year: 0.2,
    recency: 0,
  },
};
