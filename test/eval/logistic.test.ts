import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from '../../src/eval/logistic.js';

describe('fitLogistic', () => {
  const rows = [[0], [1], [2], [3], [4], [5], [6], [7]];
  const labels = [0, 0, 0, 1, 0, 1, 1, 1];

  it('fits probabilities that rise with the feature, and converges in a few Newton steps', () => {
    const fit = fitLogistic(rows, labels, { lambda: 0.01, intercept: true });
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(predictLogistic(fit, [0])).toBeLessThan(0.2);
    expect(predictLogistic(fit, [7])).toBeGreaterThan(0.8);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('shrinks the weights as the penalty grows, and is deterministic', () => {
    const weak = fitLogistic(rows, labels, { lambda: 0.001, intercept: true });
    const strong = fitLogistic(rows, labels, { lambda: 1, intercept: true });
    expect(Math.abs(strong.weights[0]!)).toBeLessThan(Math.abs(weak.weights[0]!));
    expect(fitLogistic(rows, labels, { lambda: 0.001, intercept: true })).toEqual(weak);
  });

  it('lets row weights count a row more', () => {
    const even = fitLogistic([[1], [1]], [1, 0], { lambda: 0.01, intercept: false });
    const leaning = fitLogistic([[1], [1]], [1, 0], { lambda: 0.01, intercept: false }, [3, 1]);
    expect(even.weights[0]).toBeCloseTo(0, 5);
    expect(leaning.weights[0]).toBeGreaterThan(0);
  });
});
