/** Okapi BM25 over the passages, built in memory when the index is opened (a few ms for thousands of passages). */
import { contentTerms } from './terms.js';

export const BM25_DEFAULTS = {
  /** Term-frequency saturation; 1.2 is the usual value for short passages. */
  k1: 1.2,
  /** Length normalisation; 0.75 is the usual value. */
  b: 0.75,
};

export interface Bm25 {
  /** Score of every passage for the query terms (0 where none occurs); `weights` scales each term (default 1). */
  scores(queryTerms: string[], weights?: Map<string, number>): Float64Array;
  /** Inverse document frequency of a term (0 for an unknown term). */
  idf(term: string): number;
}

export function buildBm25(texts: string[], params = BM25_DEFAULTS): Bm25 {
  const docs = texts.map((t) => {
    const tf = new Map<string, number>();
    const terms = contentTerms(t);
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    return { tf, length: terms.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const term of d.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const avgLength = docs.reduce((n, d) => n + d.length, 0) / Math.max(docs.length, 1);
  const idf = (term: string) => {
    const n = df.get(term);
    return n ? Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)) : 0;
  };
  return {
    idf,
    scores(queryTerms, weights) {
      const out = new Float64Array(docs.length);
      for (const term of new Set(queryTerms)) {
        const w = idf(term) * (weights?.get(term) ?? 1);
        if (w === 0) continue;
        docs.forEach((d, i) => {
          const f = d.tf.get(term);
          if (f) out[i]! += (w * f * (params.k1 + 1)) / (f + params.k1 * (1 - params.b + (params.b * d.length) / avgLength));
        });
      }
      return out;
    },
  };
}
