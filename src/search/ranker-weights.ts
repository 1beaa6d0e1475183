/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * The answer check's fit is in src/answer/refusal-weights.ts.
 *
 * 523 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 523 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.904.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.890 sd 0.015
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.892 sd 0.024
 *   lambda 0.01   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.896 sd 0.025
 *   lambda 0.03   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.903 sd 0.027
 * Chosen: lambda 0.03, passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.900 (best mean 0.903 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.904, top-3 0.983 (candidates, before merging).
 * Article weights:
 *   dense              0.881   folds 0.856 … 0.901
 *   lexical            1.162   folds 1.097 … 1.204
 *   coverage           0.620   folds 0.609 … 0.637
 *   passageCoverage    0.732   folds 0.714 … 0.755
 *   answerSentence     0.447   folds 0.412 … 0.484
 *   names              1.153   folds 1.116 … 1.211
 *   keyTerm            0.407   folds 0.385 … 0.448
 *   yearPassage        0.006   folds -0.092 … 0.107
 * Relevance (pointwise, intercept -3.114):
 *   dense              1.085   folds 1.063 … 1.103
 *   lexical            1.475   folds 1.403 … 1.536
 *   coverage           0.685   folds 0.671 … 0.701
 *   passageCoverage    0.809   folds 0.789 … 0.831
 *   answerSentence     0.342   folds 0.320 … 0.395
 *   names              1.216   folds 1.171 … 1.307
 *   keyTerm            0.349   folds 0.309 … 0.404
 *   yearPassage        0.126   folds -0.018 … 0.262
 * Passage weights (scaled):
 *   dense              0.607   folds 0.549 … 0.670
 *   sentenceDense      0.758   folds 0.717 … 0.793
 *   lexical            1.117   folds 1.068 … 1.169
 *   coverage           0.603   folds 0.558 … 0.662
 *   passageCoverage    0.670   folds 0.602 … 0.742
 *   answerType         0.487   folds 0.443 … 0.539
 *   answerSentence     0.519   folds 0.464 … 0.558
 *   answerDense        0.621   folds 0.542 … 0.698
 *   strictType         0.255   folds 0.202 … 0.303
 *   lead               0.102   folds 0.066 … 0.158
 *   names              0.297   folds 0.204 … 0.347
 *   yearPassage        0.231   folds 0.175 … 0.297
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.881,
    lexical: 1.162,
    coverage: 0.62,
    passageCoverage: 0.732,
    answerSentence: 0.447,
    names: 1.153,
    keyTerm: 0.407,
    yearPassage: 0.006,
  },
  passage: {
    dense: 0.607,
    sentenceDense: 0.758,
    lexical: 1.117,
    coverage: 0.603,
    passageCoverage: 0.67,
    answerType: 0.487,
    answerSentence: 0.519,
    answerDense: 0.621,
    strictType: 0.255,
    lead: 0.102,
    names: 0.297,
    yearPassage: 0.231,
  },
  relevance: {
    bias: -3.114,
    article: {
      dense: 1.085,
      lexical: 1.475,
      coverage: 0.685,
      passageCoverage: 0.809,
      answerSentence: 0.342,
      names: 1.216,
      keyTerm: 0.349,
      yearPassage: 0.126,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
