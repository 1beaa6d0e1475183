/**
 * Spawned fresh by cold-start.ts: replays, step by step, what `openAnswerer` + `ready()` + the first `ask` do, with a
 * time for each step, so the cold start can be attributed. (Measured from outside the core; the core itself
 * exposes no timing hook.) Prints one JSON line of `[step, ms]` pairs.
 */
const steps: [string, number][] = [];
let last = performance.now();
steps.push(['node + tsx start, until the first line of the entry file', last]);
const mark = (name: string) => {
  const t = performance.now();
  steps.push([name, t - last]);
  last = t;
};
const { loadConfig } = await import('../../src/config.js');
const { loadCorpus } = await import('../../src/corpus/index.js');
const { openIndex } = await import('../../src/index/index.js');
const { staleness } = await import('../../src/index/build.js');
const { createSearcher } = await import('../../src/search/index.js');
const { buildBm25 } = await import('../../src/search/bm25.js');
const { locateModel, verifyModelFiles } = await import('../../src/embeddings/locate.js');
const { modelSpec } = await import('../../src/embeddings/models.js');
const { env, pipeline } = await import('@xenova/transformers');
const { openAnswerer } = await import('../../src/answer/index.js');
mark('import the core and @xenova/transformers (tsx transpiles on the fly)');
const config = loadConfig({});
const index = openIndex(config.indexDir);
mark('read the index: manifest, passages.json, index.hnsw');
const corpus = loadCorpus(config.corpusDir);
mark('read and parse the corpus (staleness check)');
staleness(index.manifest, corpus, config.embeddingModel);
mark('hash the corpus (staleness check)');
createSearcher(index);
buildBm25(index.passages.map((p) => p.text));
mark('build the searcher and BM25 tables');
const spec = modelSpec(config.embeddingModel);
const location = locateModel(spec.id, config.modelsDir);
if (location.root) verifyModelFiles(location.root, spec.id);
mark('sha256 of the model files');
if (location.root) {
  env.localModelPath = location.root + '/';
  env.allowRemoteModels = false;
}
const extract = await pipeline('feature-extraction', spec.id, { quantized: true });
mark('create the onnxruntime session + tokenizer (Transformers.js pipeline)');
await extract(['dimension probe'], { pooling: spec.pooling as 'cls', normalize: true });
mark('first forward pass (probe)');
await extract([spec.queryPrefix + 'how many countries came to the interpol meeting in 2011?'], { pooling: spec.pooling as 'cls', normalize: true });
mark('second forward pass (a question)');
const answerer = await openAnswerer(config, {
  embedder: {
    spec,
    dimensions: index.manifest.model.dimensions,
    modelHash: index.manifest.model.sha256,
    location,
    countPassageTokens: () => 0,
    embedQuery: async () => index.vector(0),
    embedPassages: async () => [],
  },
});
mark('(openAnswerer again with a stub model: index + searcher, second time)');
await answerer.ask('how many countries came to the interpol meeting in 2011?');
mark('first ask() minus the model (search + answer, cold JIT)');
process.stdout.write(`${JSON.stringify({ steps })}\n`);
export {};
