/**
 * When the articles do not answer a question. The corpus is searched anyway; the answer is refused when even the
 * closest passage is further from the question than any answerable evaluation question's best passage was.
 * Each model's similarities live on their own scale, so the threshold is measured per model (`npm run eval`,
 * DESIGN.md "Refusal"), never carried from one to another.
 */

/** Lowest dense similarity (mean of passage and best-sentence cosine) of the best passage at which a question is still answered. */
// Measured at the default passages (256 tokens, no overlap) over the seed questions (bundled and combined corpus) and
// the unseen tuning half (scratch of `npm run eval`; DESIGN.md "Refusal"): each sits just below the least similar
// answerable question, so similarity alone never refuses one of them. Off-topic questions now come closer than that on
// the combined corpus (bge: "who won the 2014 world cup?" 0.548), so the answer check has to refuse those.
//   bge-small-en-v1.5  answerable ≥ 0.516, off-topic ≤ 0.548
//   e5-small-v2        answerable ≥ 0.783, off-topic ≤ 0.796
//   all-MiniLM-L6-v2   answerable ≥ 0.231, off-topic ≤ 0.248
export const REFUSAL_THRESHOLDS: Record<string, number> = {
  'Xenova/bge-small-en-v1.5': 0.51,
  'Xenova/e5-small-v2': 0.78,
  'Xenova/all-MiniLM-L6-v2': 0.225,
};

/** For a model nobody measured: never refuse on similarity alone (uncovered years still refuse). */
export const UNMEASURED_MODEL_THRESHOLD = -1;

export function refusalThreshold(modelId: string): number {
  return REFUSAL_THRESHOLDS[modelId] ?? UNMEASURED_MODEL_THRESHOLD;
}
