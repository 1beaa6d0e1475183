/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * The answer check's fit is in src/answer/refusal-weights.ts.
 *
 * 553 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 553 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.893.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 1.01 / year 0.05 / recency 0.5: mean 0.880 sd 0.025
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.875 sd 0.028
 *   lambda 0.01   best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.885 sd 0.018
 *   lambda 0.03   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.891 sd 0.014
 * Chosen: lambda 0.03, passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.887 (best mean 0.891 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.893, top-3 0.976 (candidates, before merging).
 * Article weights:
 *   dense              0.873   folds 0.840 … 0.894
 *   lexical            1.163   folds 1.121 … 1.200
 *   coverage           0.615   folds 0.598 … 0.629
 *   passageCoverage    0.730   folds 0.711 … 0.743
 *   answerSentence     0.441   folds 0.410 … 0.472
 *   names              1.181   folds 1.127 … 1.244
 *   keyTerm            0.424   folds 0.389 … 0.442
 *   yearPassage        0.016   folds -0.028 … 0.065
 * Relevance (pointwise, intercept -3.122):
 *   dense              1.074   folds 1.053 … 1.089
 *   lexical            1.481   folds 1.427 … 1.534
 *   coverage           0.684   folds 0.669 … 0.702
 *   passageCoverage    0.807   folds 0.789 … 0.819
 *   answerSentence     0.324   folds 0.286 … 0.360
 *   names              1.268   folds 1.202 … 1.384
 *   keyTerm            0.324   folds 0.317 … 0.332
 *   yearPassage        0.126   folds 0.088 … 0.176
 * Passage weights (scaled):
 *   dense              0.559   folds 0.517 … 0.596
 *   sentenceDense      0.725   folds 0.669 … 0.792
 *   lexical            1.110   folds 1.054 … 1.195
 *   coverage           0.619   folds 0.573 … 0.658
 *   passageCoverage    0.695   folds 0.655 … 0.735
 *   answerType         0.507   folds 0.425 … 0.569
 *   answerSentence     0.547   folds 0.501 … 0.615
 *   answerDense        0.654   folds 0.626 … 0.693
 *   strictType         0.261   folds 0.221 … 0.286
 *   lead               0.112   folds 0.078 … 0.164
 *   names              0.300   folds 0.214 … 0.335
 *   yearPassage        0.244   folds 0.136 … 0.319
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.873,
    lexical: 1.163,
    coverage: 0.615,
    passageCoverage: 0.73,
    answerSentence: 0.441,
    names: 1.181,
    keyTerm: 0.424,
    yearPassage: 0.016,
  },
  passage: {
    dense: 0.559,
    sentenceDense: 0.725,
    lexical: 1.11,
    coverage: 0.619,
    passageCoverage: 0.695,
    answerType: 0.507,
    answerSentence: 0.547,
    answerDense: 0.654,
    strictType: 0.261,
    lead: 0.112,
    names: 0.3,
    yearPassage: 0.244,
  },
  relevance: {
    bias: -3.122,
    article: {
      dense: 1.074,
      lexical: 1.481,
      coverage: 0.684,
      passageCoverage: 0.807,
      answerSentence: 0.324,
      names: 1.268,
      keyTerm: 0.324,
      yearPassage: 0.126,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
