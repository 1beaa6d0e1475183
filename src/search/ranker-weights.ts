/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 252 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 252 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.849.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 0.1 / year 0.05 / recency 0.1: mean 0.839 sd 0.074
 *   lambda 0.003  best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0: mean 0.824 sd 0.102
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0: mean 0.824 sd 0.102
 *   lambda 0.03   best: passage scale 0.25, relevance needed: names 0.3 / year 0.2 / recency 0: mean 0.824 sd 0.102
 * Chosen: lambda 0.03, passage scale 0.25, relevance needed: names 0.3 / year 0.2 / recency 0 (best mean 0.839 at lambda 0.001; strongest penalty within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.849, top-3 0.944 (candidates, before merging).
 * Article weights:
 *   dense              0.981   folds 0.941 … 1.008
 *   lexical            1.154   folds 1.096 … 1.218
 *   coverage           0.725   folds 0.709 … 0.747
 *   passageCoverage    0.818   folds 0.800 … 0.839
 *   answerSentence     0.656   folds 0.627 … 0.693
 *   names              0.923   folds 0.827 … 0.990
 *   keyTerm            0.477   folds 0.422 … 0.508
 *   yearPassage        0.053   folds -0.036 … 0.136
 * Relevance (pointwise, intercept -3.096):
 *   dense              1.171   folds 1.143 … 1.206
 *   lexical            1.405   folds 1.318 … 1.464
 *   coverage           0.809   folds 0.774 … 0.854
 *   passageCoverage    0.889   folds 0.866 … 0.957
 *   answerSentence     0.519   folds 0.450 … 0.586
 *   names              0.745   folds 0.568 … 0.900
 *   keyTerm            0.279   folds 0.216 … 0.310
 *   yearPassage        0.166   folds 0.085 … 0.236
 * Passage weights (scaled):
 *   dense              0.139   folds 0.125 … 0.159
 *   sentenceDense      0.146   folds 0.139 … 0.155
 *   lexical            0.235   folds 0.212 … 0.249
 *   coverage           0.141   folds 0.128 … 0.146
 *   passageCoverage    0.180   folds 0.175 … 0.189
 *   answerType         0.232   folds 0.213 … 0.247
 *   answerSentence     0.146   folds 0.136 … 0.158
 *   answerDense        0.188   folds 0.173 … 0.203
 *   strictType         0.038   folds 0.017 … 0.049
 *   lead              -0.001   folds -0.007 … 0.014
 *   names              0.044   folds 0.013 … 0.059
 *   yearPassage        0.004   folds -0.005 … 0.015
 *
 * Answer check: 284 questions not refused before it (32 unanswerable).
 * Cross-validated log-loss: lambda 0.001 0.547, lambda 0.003 0.530, lambda 0.01 0.547, lambda 0.03 0.594, lambda 0.1 0.647; chosen lambda 0.003.
 * Trade-off on the tuning questions (refuse at probability ≥ t): t, unanswerable refused, answerable wrongly refused
 *   0.05  32/32  252/252
 *   0.10  32/32  252/252
 *   0.15  32/32  252/252
 *   0.20  32/32  156/252
 *   0.25  32/32  121/252
 *   0.30  31/32  99/252
 *   0.35  29/32  80/252
 *   0.40  28/32  64/252
 *   0.45  28/32  55/252
 *   0.50  26/32  46/252
 *   0.55  22/32  30/252
 *   0.60  19/32  22/252
 *   0.65  17/32  16/252
 *   0.70  17/32  13/252
 *   0.75  13/32  11/252
 *   0.80  13/32  9/252
 *   0.85  6/32  8/252
 *   0.90  5/32  6/252
 *   0.95  4/32  2/252
 * Chosen threshold 0.95 (most refused unanswerable minus 2 × wrongly refused).
 * Check weights:
 *   similarity        -0.027
 *   relevance         -1.025
 *   coverage          -0.810
 *   answerSentence     0.227
 *   answerType        -3.562
 *   namesHeld          0.197
 *   keyTerm           -0.584
 *   unknownWords       2.144
 *   timeMissing        3.058
 *   intercept          3.957
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.981,
    lexical: 1.154,
    coverage: 0.725,
    passageCoverage: 0.818,
    answerSentence: 0.656,
    names: 0.923,
    keyTerm: 0.477,
    yearPassage: 0.053,
  },
  passage: {
    dense: 0.139,
    sentenceDense: 0.146,
    lexical: 0.235,
    coverage: 0.141,
    passageCoverage: 0.18,
    answerType: 0.232,
    answerSentence: 0.146,
    answerDense: 0.188,
    strictType: 0.038,
    lead: -0.001,
    names: 0.044,
    yearPassage: 0.004,
  },
  relevance: {
    bias: -3.096,
    article: {
      dense: 1.171,
      lexical: 1.405,
      coverage: 0.809,
      passageCoverage: 0.889,
      answerSentence: 0.519,
      names: 0.745,
      keyTerm: 0.279,
      yearPassage: 0.166,
    },
  },
  gate: {
    names: 0.3,
    year: 0.2,
    recency: 0,
  },
};
