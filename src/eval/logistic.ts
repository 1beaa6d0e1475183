/**
 * L2-regularised logistic regression, fitted by Newton's method (the linear algebra is ml-matrix's). Hand-written
 * because the JavaScript packages we could use either have no regularisation (ml-logistic-regression) or fit by
 * online stochastic gradient steps whose result depends on the order of the rows (@stdlib/ml incr-sgd-regression);
 * the fit here is deterministic and converges in a few steps for the dozen features we have.
 *
 * Rows carry a weight, so every question counts the same however many pairs or candidates it has.
 */
import { Matrix, solve } from 'ml-matrix';

export interface LogisticFit {
  weights: number[];
  /** Intercept; 0 when fitted without one (a pairwise ranker has none: it compares two rows of one question). */
  bias: number;
  /** Mean weighted log-loss on the training rows, without the penalty. */
  loss: number;
  iterations: number;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not on the intercept). */
  lambda: number;
  intercept: boolean;
  maxIterations?: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Fits P(y = 1 | x) = sigmoid(w·x + b). `rows[i]` is a feature vector, `labels[i]` 0 or 1, `rowWeights[i]` its weight
 * (default 1). The penalty is lambda/2·|w|² against the weighted mean loss.
 */
export function fitLogistic(rows: number[][], labels: number[], options: LogisticOptions, rowWeights?: number[]): LogisticFit {
  const d = rows[0]?.length ?? 0;
  const p = d + (options.intercept ? 1 : 0);
  const x = rows.map((r) => (options.intercept ? [...r, 1] : r));
  const rw = rowWeights ?? rows.map(() => 1);
  const total = rw.reduce((a, b) => a + b, 0) || 1;
  let beta = new Array<number>(p).fill(0);
  const penalised = (j: number) => j < d;
  let iterations = 0;
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    const gradient = new Array<number>(p).fill(0);
    const hessian = Matrix.zeros(p, p);
    x.forEach((xi, i) => {
      const z = xi.reduce((s, v, j) => s + v * beta[j]!, 0);
      const mu = sigmoid(z);
      const w = rw[i]! / total;
      for (let j = 0; j < p; j++) {
        gradient[j]! += w * (mu - labels[i]!) * xi[j]!;
        for (let k = 0; k <= j; k++) hessian.set(j, k, hessian.get(j, k) + w * mu * (1 - mu) * xi[j]! * xi[k]!);
      }
    });
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) hessian.set(k, j, hessian.get(j, k));
      if (penalised(j)) {
        gradient[j]! += options.lambda * beta[j]!;
        hessian.set(j, j, hessian.get(j, j) + options.lambda);
      }
      hessian.set(j, j, hessian.get(j, j) + 1e-9);
    }
    const step = solve(hessian, Matrix.columnVector(gradient)).to1DArray();
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  let loss = 0;
  x.forEach((xi, i) => {
    const mu = sigmoid(xi.reduce((s, v, j) => s + v * beta[j]!, 0));
    loss -= (rw[i]! / total) * (labels[i] ? Math.log(Math.max(mu, 1e-15)) : Math.log(Math.max(1 - mu, 1e-15)));
  });
  return { weights: beta.slice(0, d), bias: options.intercept ? beta[d]! : 0, loss, iterations };
}

/** The probability the fitted model gives a feature vector. */
export function predictLogistic(fit: LogisticFit, x: number[]): number {
  return sigmoid(x.reduce((s, v, j) => s + v * fit.weights[j]!, fit.bias));
}
