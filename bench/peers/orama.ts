/**
 * Orama's hybrid search (BM25 full text + vector) over the same LangChain-split chunks (Orama has no splitter).
 * Orama's default vector similarity threshold (0.8) would drop most bge matches, so it is lowered to 0.1. Full-text
 * search is limited to the chunk text (by default Orama would also match the stored article id, a file name).
 */
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Doc, Hit } from '../lib/corpus.js';
import { DIM, type Embedder } from '../lib/model.js';
import type { Peer } from './types.js';

export function oramaPeer(): Peer {
  let db: AnyOrama;
  let embedder: Embedder;
  return {
    name: 'Orama hybrid',
    settings: 'RecursiveCharacterTextSplitter 1000/200, mode hybrid, similarity ≥ 0.1',
    async build(docs: Doc[], e: Embedder) {
      embedder = e;
      const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
      const chunks: { text: string; year: number; article: string }[] = [];
      for (const d of docs) for (const t of await splitter.splitText(d.body)) chunks.push({ text: t, year: d.year, article: d.id });
      const vectors = await e.embedPassages(chunks.map((c) => c.text));
      db = create({ schema: { text: 'string', year: 'number', article: 'string', embedding: `vector[${DIM}]` } as const });
      await insertMultiple(db, chunks.map((c, i) => ({ ...c, embedding: vectors[i] })));
      return chunks.length;
    },
    async search(question: string, k: number): Promise<Hit[]> {
      const vector = await embedder.embedQuery(question);
      const res = await search(db, {
        mode: 'hybrid',
        term: question,
        // Full text on the passage only: the article id (a file name with its date and topic words) is stored for
        // citing, and the other peers never see it.
        properties: ['text'],
        vector: { value: vector, property: 'embedding' },
        similarity: 0.1,
        limit: k,
      } as any);
      return res.hits.map((h: any) => ({ text: h.document.text as string, articles: [h.document.article as string], years: [h.document.year as number] }));
    },
  };
}
