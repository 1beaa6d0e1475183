/**
 * vectra's `LocalDocumentIndex` with its usual chunking (400 GPT-3 tokens, 40 overlap) and cosine ranking of chunks.
 * The index folder lives under /tmp. The embeddings model is the shared one; queries get the bge prefix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDocumentIndex, type EmbeddingsModel } from 'vectra';
import type { Doc, Hit } from '../lib/corpus.js';
import type { Embedder } from '../lib/model.js';
import type { Peer } from './types.js';

export function vectraPeer(): Peer {
  let index: LocalDocumentIndex;
  let embedder: Embedder;
  const texts = new Map<string, { id: string; body: string; year: number }>();
  return {
    name: 'vectra LocalDocumentIndex',
    settings: 'own TextSplitter 400 tokens/40 overlap, cosine similarity',
    async build(docs: Doc[], e: Embedder) {
      embedder = e;
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-vectra-'));
      const model: EmbeddingsModel = {
        maxTokens: 512,
        async createEmbeddings(inputs) {
          const list = Array.isArray(inputs) ? inputs : [inputs];
          return { status: 'success', output: await e.embedPassages(list) };
        },
      };
      index = new LocalDocumentIndex({ folderPath: folder, embeddings: model });
      await index.createIndex({ version: 1, deleteIfExists: true });
      for (const d of docs) {
        const doc = await index.upsertDocument(d.id, d.body, 'txt');
        texts.set(doc.id, { id: d.id, body: d.body, year: d.year });
      }
      return (await index.listItems()).length;
    },
    async search(question: string, k: number): Promise<Hit[]> {
      const vector = await embedder.embedQuery(question);
      const results = await index.queryItems<any>(vector, question, k);
      return results.map((r) => {
        const m = r.item.metadata as { documentId: string; startPos: number; endPos: number };
        const doc = texts.get(m.documentId)!;
        return { text: doc.body.slice(m.startPos, m.endPos + 1), articles: [doc.id], years: [doc.year] };
      });
    },
  };
}
