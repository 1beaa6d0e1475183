/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 *
 * 252 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 252 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.845.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.5, relevance needed: names 0.1 / year 0.05 / recency 0: mean 0.828 sd 0.081
 *   lambda 0.003  best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0: mean 0.832 sd 0.103
 *   lambda 0.01   best: passage scale 0.25, relevance needed: names 0.3 / year 0.1 / recency 0: mean 0.828 sd 0.102
 *   lambda 0.03   best: passage scale 0.25, relevance needed: names 0.3 / year 0.2 / recency 0: mean 0.824 sd 0.102
 * Chosen: lambda 0.03, passage scale 0.25, relevance needed: names 0.3 / year 0.2 / recency 0 (best mean 0.832 at lambda 0.003; strongest penalty within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.849, top-3 0.944 (candidates, before merging).
 * Article weights:
 *   dense              0.978   folds 0.933 … 1.002
 *   lexical            1.162   folds 1.125 … 1.224
 *   coverage           0.800   folds 0.769 … 0.818
 *   passageCoverage    0.907   folds 0.874 … 0.936
 *   answerSentence     0.701   folds 0.669 … 0.741
 *   names              0.892   folds 0.811 … 0.951
 *   yearPassage        0.057   folds -0.029 … 0.154
 * Relevance (pointwise, intercept -3.075):
 *   dense              1.129   folds 1.103 … 1.159
 *   lexical            1.351   folds 1.291 … 1.403
 *   coverage           0.901   folds 0.851 … 0.942
 *   passageCoverage    0.998   folds 0.958 … 1.060
 *   answerSentence     0.590   folds 0.530 … 0.652
 *   names              0.710   folds 0.559 … 0.873
 *   yearPassage        0.187   folds 0.107 … 0.260
 * Passage weights (scaled):
 *   dense              0.132   folds 0.118 … 0.152
 *   sentenceDense      0.138   folds 0.130 … 0.150
 *   lexical            0.220   folds 0.202 … 0.233
 *   coverage           0.148   folds 0.136 … 0.156
 *   passageCoverage    0.185   folds 0.176 … 0.197
 *   answerType         0.228   folds 0.208 … 0.243
 *   answerSentence     0.163   folds 0.152 … 0.173
 *   answerDense        0.185   folds 0.170 … 0.202
 *   strictType         0.037   folds 0.014 … 0.048
 *   lead               0.001   folds -0.005 … 0.017
 *   names              0.044   folds 0.011 … 0.059
 *   yearPassage        0.011   folds -0.000 … 0.023
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.978,
    lexical: 1.162,
    coverage: 0.8,
    passageCoverage: 0.907,
    answerSentence: 0.701,
    names: 0.892,
    yearPassage: 0.057,
  },
  passage: {
    dense: 0.132,
    sentenceDense: 0.138,
    lexical: 0.22,
    coverage: 0.148,
    passageCoverage: 0.185,
    answerType: 0.228,
    answerSentence: 0.163,
    answerDense: 0.185,
    strictType: 0.037,
    lead: 0.001,
    names: 0.044,
    yearPassage: 0.011,
  },
  relevance: {
    bias: -3.075,
    article: {
      dense: 1.129,
      lexical: 1.351,
      coverage: 0.901,
      passageCoverage: 0.998,
      answerSentence: 0.59,
      names: 0.71,
      yearPassage: 0.187,
    },
  },
  gate: {
    names: 0.3,
    year: 0.2,
    recency: 0,
  },
};
