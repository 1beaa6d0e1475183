/**
 * Seeded synthetic embeddings that look like real sentence embeddings rather than uniform noise:
 * every vector shares a common "anisotropy" direction (real bge vectors of unrelated texts have cosine ≈ 0.3–0.5),
 * belongs to one of many topic clusters, and varies mostly inside a low-dimensional subspace of its cluster,
 * plus a little isotropic noise. All vectors are L2-normalised. The same (seed, index) always gives the same vector,
 * so a child process can regenerate any slice without storing the data set.
 */

/** mulberry32: a tiny, fast, seedable 32-bit PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal via Box–Muller. */
export function gaussian(rand: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = rand();
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const inv = 1 / Math.sqrt(s || 1);
  for (let i = 0; i < v.length; i++) v[i] *= inv;
  return v;
}

export interface SynthOptions {
  dim: number;
  seed: number;
  /** Number of topic clusters. */
  clusters?: number;
  /** Dimension of each cluster's local subspace. */
  localDim?: number;
}

/** A generator of clustered unit vectors; `vector(i)` is deterministic in (seed, i). */
export class SyntheticEmbeddings {
  readonly dim: number;
  private readonly common: Float32Array;
  private readonly centroids: Float32Array[];
  private readonly bases: Float32Array[][];
  private readonly localDim: number;
  private readonly seed: number;

  constructor(opts: SynthOptions) {
    this.dim = opts.dim;
    this.seed = opts.seed;
    this.localDim = opts.localDim ?? 24;
    const clusters = opts.clusters ?? 2000;
    const g = gaussian(rng(opts.seed));
    const randVec = () => normalize(Float32Array.from({ length: this.dim }, g));
    this.common = randVec();
    this.centroids = [];
    this.bases = [];
    for (let c = 0; c < clusters; c++) {
      this.centroids.push(randVec());
      const basis: Float32Array[] = [];
      for (let k = 0; k < this.localDim; k++) basis.push(randVec());
      this.bases.push(basis);
    }
  }

  /** Vector number `i` of the stream `stream` (0 = data, 1 = queries, ...). */
  vector(i: number, stream = 0, out = new Float32Array(this.dim)): Float32Array {
    const rand = rng((this.seed * 7919 + stream * 1_000_003 + i * 2_654_435_761) >>> 0);
    const g = gaussian(rand);
    // Zipf-like cluster popularity: a few big topics, a long tail.
    const c = Math.min(this.centroids.length - 1, Math.floor(this.centroids.length * rand() ** 2));
    const centroid = this.centroids[c];
    const basis = this.bases[c];
    const spread = 0.55 + 0.3 * rand();
    for (let d = 0; d < this.dim; d++) out[d] = 0.63 * this.common[d] + 0.55 * centroid[d] + 0.015 * g();
    for (let k = 0; k < this.localDim; k++) {
      const w = (0.3 * spread * g()) / Math.sqrt(1 + k * 0.35);
      const b = basis[k];
      for (let d = 0; d < this.dim; d++) out[d] += w * b[d];
    }
    return normalize(out);
  }
}
