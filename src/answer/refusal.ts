/**
 * When the articles do not answer a question. The corpus is searched anyway; the answer is refused when even the
 * closest passage is further from the question than any answerable evaluation question's best passage was.
 * Each model's similarities live on their own scale, so the threshold is measured per model (`npm run eval`,
 * DESIGN.md "Refusal"), never carried from one to another.
 */

/** Lowest cosine similarity of the best passage at which a question is still answered. */
// Measured with `MODELS_DIR=../shared/models npm run eval -- --all-models` (72 answerable, 14 unanswerable questions):
// each value sits between the closest off-topic question and the least similar answerable one.
//   bge-small-en-v1.5  answerable ≥ 0.538, off-topic ≤ 0.521
//   e5-small-v2        answerable ≥ 0.790, off-topic ≤ 0.780
//   all-MiniLM-L6-v2   answerable ≥ 0.284, off-topic ≤ 0.258
export const REFUSAL_THRESHOLDS: Record<string, number> = {
  'Xenova/bge-small-en-v1.5': 0.53,
  'Xenova/e5-small-v2': 0.785,
  'Xenova/all-MiniLM-L6-v2': 0.27,
};

/** For a model nobody measured: never refuse on similarity alone (uncovered years still refuse). */
export const UNMEASURED_MODEL_THRESHOLD = -1;

export function refusalThreshold(modelId: string): number {
  return REFUSAL_THRESHOLDS[modelId] ?? UNMEASURED_MODEL_THRESHOLD;
}
