/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * The answer check's fit is in src/answer/refusal-weights.ts.
 *
 * 523 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 523 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.908.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.892 sd 0.020
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.896 sd 0.021
 *   lambda 0.01   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.900 sd 0.023
 *   lambda 0.03   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.906 sd 0.027
 * Chosen: lambda 0.03, passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.904 (best mean 0.906 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.908, top-3 0.985 (candidates, before merging).
 * Article weights:
 *   dense              0.880   folds 0.855 … 0.900
 *   lexical            1.160   folds 1.097 … 1.202
 *   coverage           0.620   folds 0.609 … 0.637
 *   passageCoverage    0.732   folds 0.714 … 0.754
 *   answerSentence     0.444   folds 0.412 … 0.481
 *   names              1.156   folds 1.120 … 1.213
 *   keyTerm            0.407   folds 0.385 … 0.448
 *   yearPassage        0.006   folds -0.092 … 0.107
 * Relevance (pointwise, intercept -3.113):
 *   dense              1.084   folds 1.063 … 1.102
 *   lexical            1.472   folds 1.402 … 1.534
 *   coverage           0.684   folds 0.671 … 0.700
 *   passageCoverage    0.808   folds 0.788 … 0.830
 *   answerSentence     0.340   folds 0.318 … 0.393
 *   names              1.220   folds 1.175 … 1.309
 *   keyTerm            0.349   folds 0.309 … 0.405
 *   yearPassage        0.126   folds -0.018 … 0.262
 * Passage weights (scaled):
 *   dense              0.607   folds 0.548 … 0.669
 *   sentenceDense      0.758   folds 0.716 … 0.793
 *   lexical            1.118   folds 1.068 … 1.170
 *   coverage           0.602   folds 0.557 … 0.662
 *   passageCoverage    0.670   folds 0.601 … 0.742
 *   answerType         0.488   folds 0.443 … 0.540
 *   answerSentence     0.518   folds 0.464 … 0.558
 *   answerDense        0.624   folds 0.546 … 0.698
 *   strictType         0.255   folds 0.201 … 0.303
 *   lead               0.100   folds 0.064 … 0.156
 *   names              0.296   folds 0.202 … 0.347
 *   yearPassage        0.231   folds 0.175 … 0.297
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.88,
    lexical: 1.16,
    coverage: 0.62,
    passageCoverage: 0.732,
    answerSentence: 0.444,
    names: 1.156,
    keyTerm: 0.407,
    yearPassage: 0.006,
  },
  passage: {
    dense: 0.607,
    sentenceDense: 0.758,
    lexical: 1.118,
    coverage: 0.602,
    passageCoverage: 0.67,
    answerType: 0.488,
    answerSentence: 0.518,
    answerDense: 0.624,
    strictType: 0.255,
    lead: 0.1,
    names: 0.296,
    yearPassage: 0.231,
  },
  relevance: {
    bias: -3.113,
    article: {
      dense: 1.084,
      lexical: 1.472,
      coverage: 0.684,
      passageCoverage: 0.808,
      answerSentence: 0.34,
      names: 1.22,
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
