/** LangChain.js `MemoryVectorStore` with its usual `RecursiveCharacterTextSplitter` (1000 chars, 200 overlap). */
import { Embeddings } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Doc, Hit } from '../lib/corpus.js';
import type { Embedder } from '../lib/model.js';
import type { Peer } from './types.js';

class SharedEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }
  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedder.embedPassages(texts);
  }
  embedQuery(text: string): Promise<number[]> {
    return this.embedder.embedQuery(text);
  }
}

export function langchainPeer(): Peer {
  let store: MemoryVectorStore;
  return {
    name: 'LangChain.js MemoryVectorStore',
    settings: 'RecursiveCharacterTextSplitter 1000/200, cosine similarity',
    async build(docs: Doc[], embedder: Embedder) {
      const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
      const chunks = await splitter.splitDocuments(docs.map((d) => new Document({ pageContent: d.body, metadata: { year: d.year, id: d.id } })));
      store = await MemoryVectorStore.fromDocuments(chunks, new SharedEmbeddings(embedder));
      return chunks.length;
    },
    async search(question: string, k: number): Promise<Hit[]> {
      const docs = await store.similaritySearch(question, k);
      return docs.map((d) => ({ text: d.pageContent, articles: [d.metadata.id as string], years: [d.metadata.year as number] }));
    },
  };
}
