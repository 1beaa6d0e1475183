/** Comparing answering sentences, to tell when two articles say the same thing. */

/** Share of content words two sentences have in common (Jaccard of their term sets); 1 for the same sentence. */
export function wordOverlap(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / Math.max(x.size + y.size - shared, 1);
}
