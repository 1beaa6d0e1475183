/**
 * Fitting the answer check (`src/answer/answer-check.ts`): an L2-regularised logistic model of "the articles do not
 * answer" over the check's features, both classes weighing the same, with the penalty chosen by cross-validated
 * log-loss over folds of whole articles; then the refusal threshold, from the trade-off curve of the out-of-fold
 * probabilities (each question judged by a model fitted without its fold, so the threshold is not chosen on
 * probabilities the model was fitted to).
 */
import { CHECK_FEATURES, type RefusalWeights } from '../answer/index.js';
import { foldIndex } from './folds.js';
import { fitLogistic, predictLogistic, type LogisticFit } from './logistic.js';

export interface CheckExample {
  /** Fold key: the expected article or year, or the question's id for an unanswerable one. */
  group: string;
  vector: number[];
  unanswerable: boolean;
}

export const REFUSAL_FIT_DEFAULTS = {
  lambdas: [0.001, 0.003, 0.01, 0.03, 0.1],
  folds: 5,
  thresholds: Array.from({ length: 19 }, (_, i) => Math.round((0.05 + i * 0.05) * 100) / 100),
  /** A wrongly refused answerable question costs this many refused unanswerable ones when choosing the threshold. */
  wrongRefusalCost: 2,
};

function fit(examples: CheckExample[], lambda: number): LogisticFit {
  const pos = examples.filter((e) => e.unanswerable).length || 1;
  const neg = examples.length - pos || 1;
  return fitLogistic(
    examples.map((e) => e.vector),
    examples.map((e) => Number(e.unanswerable)),
    { lambda, intercept: true },
    examples.map((e) => (e.unanswerable ? 1 / pos : 1 / neg)),
  );
}

/** Mean log-loss (classes weighing the same) on left-out folds for each penalty. */
export function crossValidateRefusal(examples: CheckExample[], o = REFUSAL_FIT_DEFAULTS): { lambda: number; loss: number }[] {
  const fold = foldIndex(examples, o.folds);
  return o.lambdas.map((lambda) => {
    let loss = 0;
    for (let f = 0; f < o.folds; f++) {
      const train = examples.filter((_, i) => fold[i] !== f);
      const test = examples.filter((_, i) => fold[i] === f);
      const m = fit(train, lambda);
      const pos = test.filter((e) => e.unanswerable).length || 1;
      const neg = test.length - pos || 1;
      for (const e of test) {
        const p = Math.min(Math.max(predictLogistic(m, e.vector), 1e-9), 1 - 1e-9);
        loss -= (e.unanswerable ? Math.log(p) / pos : Math.log(1 - p) / neg) / (2 * o.folds);
      }
    }
    return { lambda, loss };
  });
}

export interface CurvePoint {
  threshold: number;
  refusedUnanswerable: number;
  unanswerable: number;
  wronglyRefused: number;
  answerable: number;
}

/** Each example's probability from a model fitted on the other folds. */
export function outOfFold(examples: CheckExample[], lambda: number, o = REFUSAL_FIT_DEFAULTS): number[] {
  const fold = foldIndex(examples, o.folds);
  const p = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < o.folds; f++) {
    const m = fit(examples.filter((_, i) => fold[i] !== f), lambda);
    examples.forEach((e, i) => fold[i] === f && (p[i] = predictLogistic(m, e.vector)));
  }
  return p;
}

/** Refused unanswerable vs wrongly refused answerable questions at each threshold, for the given probabilities. */
export function tradeOff(examples: CheckExample[], probabilities: number[], o = REFUSAL_FIT_DEFAULTS): CurvePoint[] {
  return o.thresholds.map((threshold) => {
    const refused = (e: CheckExample) => probabilities[examples.indexOf(e)]! >= threshold;
    return {
      threshold,
      refusedUnanswerable: examples.filter((e) => e.unanswerable && refused(e)).length,
      unanswerable: examples.filter((e) => e.unanswerable).length,
      wronglyRefused: examples.filter((e) => !e.unanswerable && refused(e)).length,
      answerable: examples.filter((e) => !e.unanswerable).length,
    };
  });
}

export function fitRefusal(examples: CheckExample[], o = REFUSAL_FIT_DEFAULTS) {
  const cv = crossValidateRefusal(examples, o);
  const lambda = cv.reduce((a, b) => (b.loss < a.loss ? b : a)).lambda;
  const m = fit(examples, lambda);
  const curve = tradeOff(examples, outOfFold(examples, lambda, o), o);
  const value = (p: CurvePoint) => p.refusedUnanswerable - o.wrongRefusalCost * p.wronglyRefused;
  // On a tie, the higher threshold: refuse no more than the check has shown to be worth.
  const chosen = curve.reduce((a, b) => (value(b) >= value(a) ? b : a));
  const weights: RefusalWeights = {
    bias: Math.round(m.bias * 1000) / 1000,
    weights: Object.fromEntries(CHECK_FEATURES.map((n, j) => [n, Math.round(m.weights[j]! * 1000) / 1000])) as RefusalWeights['weights'],
    threshold: chosen.threshold,
  };
  return { cv, lambda, weights, curve, chosen, model: m };
}
