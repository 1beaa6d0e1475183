/**
 * Fitted ranker weights. Written by `npm run fit` (src/cli/fit.ts); do not edit by hand.
 * The answer check's fit is in src/answer/refusal-weights.ts.
 *
 * 645 tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); 645 have a right passage among the candidates.
 * Top-1 among candidates with the current weights: 0.907.
 * Cross-validation (5 folds of whole articles), top-1 on the left-out folds:
 *   lambda 0.001  best: passage scale 0.5, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.890 sd 0.020
 *   lambda 0.003  best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.890 sd 0.016
 *   lambda 0.01   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.897 sd 0.012
 *   lambda 0.03   best: passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.5: mean 0.907 sd 0.010
 * Chosen: lambda 0.03, passage scale 1, relevance needed: names 0.05 / year 0.05 / recency 0.05, mean 0.903 (best mean 0.907 at lambda 0.03; the strongest penalty, then the lowest gates, within one standard error).
 * On all tuning questions with the fitted weights: top-1 0.907, top-3 0.986 (candidates, before merging).
 * Article weights:
 *   dense              0.859   folds 0.829 … 0.871
 *   lexical            1.168   folds 1.140 … 1.207
 *   coverage           0.591   folds 0.580 … 0.604
 *   passageCoverage    0.723   folds 0.704 … 0.740
 *   answerSentence     0.398   folds 0.364 … 0.425
 *   names              1.219   folds 1.157 … 1.274
 *   keyTerm            0.417   folds 0.370 … 0.444
 *   yearPassage        0.071   folds 0.023 … 0.124
 * Relevance (pointwise, intercept -3.156):
 *   dense              1.062   folds 1.042 … 1.072
 *   lexical            1.493   folds 1.453 … 1.545
 *   coverage           0.664   folds 0.651 … 0.680
 *   passageCoverage    0.811   folds 0.793 … 0.826
 *   answerSentence     0.289   folds 0.254 … 0.318
 *   names              1.357   folds 1.286 … 1.458
 *   keyTerm            0.325   folds 0.299 … 0.351
 *   yearPassage        0.179   folds 0.117 … 0.232
 * Passage weights (scaled):
 *   dense              0.566   folds 0.524 … 0.610
 *   sentenceDense      0.716   folds 0.666 … 0.771
 *   lexical            1.151   folds 1.091 … 1.220
 *   coverage           0.623   folds 0.587 … 0.657
 *   passageCoverage    0.700   folds 0.663 … 0.740
 *   answerType         0.478   folds 0.437 … 0.528
 *   answerSentence     0.527   folds 0.468 … 0.583
 *   answerDense        0.671   folds 0.643 … 0.711
 *   strictType         0.222   folds 0.175 … 0.282
 *   lead               0.050   folds 0.017 … 0.084
 *   names              0.331   folds 0.222 … 0.399
 *   yearPassage        0.198   folds 0.083 … 0.265
 */
import type { Weights } from './features.js';

export const RANKER_WEIGHTS: Weights = {
  article: {
    dense: 0.859,
    lexical: 1.168,
    coverage: 0.591,
    passageCoverage: 0.723,
    answerSentence: 0.398,
    names: 1.219,
    keyTerm: 0.417,
    yearPassage: 0.071,
  },
  passage: {
    dense: 0.566,
    sentenceDense: 0.716,
    lexical: 1.151,
    coverage: 0.623,
    passageCoverage: 0.7,
    answerType: 0.478,
    answerSentence: 0.527,
    answerDense: 0.671,
    strictType: 0.222,
    lead: 0.05,
    names: 0.331,
    yearPassage: 0.198,
  },
  relevance: {
    bias: -3.156,
    article: {
      dense: 1.062,
      lexical: 1.493,
      coverage: 0.664,
      passageCoverage: 0.811,
      answerSentence: 0.289,
      names: 1.357,
      keyTerm: 0.325,
      yearPassage: 0.179,
    },
  },
  gate: {
    names: 0.05,
    year: 0.05,
    recency: 0.05,
  },
};
