/** Comparing answering sentences, to tell when two articles say the same thing. */
import { contentTerms } from '../search/index.js';

/** Share of content words two sentences have in common (Jaccard); 1 for the same sentence. */
export function wordOverlap(a: string, b: string): number {
  const x = new Set(contentTerms(a));
  const y = new Set(contentTerms(b));
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / Math.max(x.size + y.size - shared, 1);
}
