/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * The answer check's fit is in src/answer/refusal-weights.ts.
 *
 * 553 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 553 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.902.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.25, relevance needed: names 0.3 / year 0.05 / recency 0.3: mean 0.890 sd 0.030
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.3 / year 0.05 / recency 0.5: mean 0.884 sd 0.031
 *   lambda 0.01   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.894 sd 0.022
 *   lambda 0.03   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.901 sd 0.017
 * Chosen: lambda 0.03, passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.896 (best mean 0.901 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.902, top-3 0.984 (candidates, before merging).
 * Article weights:
 *   dense              0.875   folds 0.844 … 0.894
 *   lexical            1.172   folds 1.134 … 1.210
 *   coverage           0.613   folds 0.601 … 0.625
 *   passageCoverage    0.733   folds 0.717 … 0.748
 *   answerSentence     0.436   folds 0.405 … 0.462
 *   names              1.178   folds 1.124 … 1.241
 *   keyTerm            0.421   folds 0.386 … 0.438
 *   yearPassage        0.054   folds 0.007 … 0.105
 * Relevance (pointwise, intercept -3.130):
 *   dense              1.071   folds 1.050 … 1.084
 *   lexical            1.495   folds 1.443 … 1.547
 *   coverage           0.680   folds 0.668 … 0.695
 *   passageCoverage    0.808   folds 0.786 … 0.819
 *   answerSentence     0.317   folds 0.279 … 0.347
 *   names              1.281   folds 1.217 … 1.404
 *   keyTerm            0.319   folds 0.309 … 0.330
 *   yearPassage        0.162   folds 0.098 … 0.212
 * Passage weights (scaled):
 *   dense              0.557   folds 0.515 … 0.593
 *   sentenceDense      0.725   folds 0.670 … 0.792
 *   lexical            1.108   folds 1.053 … 1.194
 *   coverage           0.617   folds 0.571 … 0.659
 *   passageCoverage    0.692   folds 0.651 … 0.736
 *   answerType         0.506   folds 0.425 … 0.568
 *   answerSentence     0.550   folds 0.504 … 0.613
 *   answerDense        0.659   folds 0.632 … 0.698
 *   strictType         0.261   folds 0.221 … 0.286
 *   lead               0.107   folds 0.072 … 0.157
 *   names              0.305   folds 0.219 … 0.341
 *   yearPassage        0.244   folds 0.136 … 0.319
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.875,
    lexical: 1.172,
    coverage: 0.613,
    passageCoverage: 0.733,
    answerSentence: 0.436,
    names: 1.178,
    keyTerm: 0.421,
    yearPassage: 0.054,
  },
  passage: {
    dense: 0.557,
    sentenceDense: 0.725,
    lexical: 1.108,
    coverage: 0.617,
    passageCoverage: 0.692,
    answerType: 0.506,
    answerSentence: 0.55,
    answerDense: 0.659,
    strictType: 0.261,
    lead: 0.107,
    names: 0.305,
    yearPassage: 0.244,
  },
  relevance: {
    bias: -3.13,
    article: {
      dense: 1.071,
      lexical: 1.495,
      coverage: 0.68,
      passageCoverage: 0.808,
      answerSentence: 0.317,
      names: 1.281,
      keyTerm: 0.319,
      yearPassage: 0.162,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
