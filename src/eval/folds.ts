/**
 * Deterministic cross-validation folds of whole groups (an article, a year): groups sorted by name, dealt
 * round-robin, so every question about one article is left out together. Shared by the ranker and answer-check fits.
 */

/** Each example's fold, 0 … k-1, in the examples' order. */
export function foldIndex(examples: readonly { group: string }[], k: number): number[] {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % k]));
  return examples.map((e) => foldOf.get(e.group)!);
}

/** The examples of each fold, each in the examples' order. */
export function foldsOf<T extends { group: string }>(examples: T[], k: number): T[][] {
  const fold = foldIndex(examples, k);
  return Array.from({ length: k }, (_, f) => examples.filter((_, i) => fold[i] === f));
}
