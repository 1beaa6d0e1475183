/** Cosine similarity of two vectors the embedder made: they are L2-normalised, so it is their dot product. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i]! * b[i]!;
  return d;
}
