import type { Doc, Hit } from '../lib/corpus.js';
import type { Embedder } from '../lib/model.js';

/** A retrieval library indexed on the same articles with the same embedding model; only retrieval differs. */
export interface Peer {
  name: string;
  /** How it was set up (splitter, scoring), for the table. */
  settings: string;
  /** Splits and indexes the documents; returns the number of passages. */
  build(docs: Doc[], embedder: Embedder): Promise<number>;
  /** The top `k` passages for a question, best first (query embedding included in the time). */
  search(question: string, k: number): Promise<Hit[]>;
}
