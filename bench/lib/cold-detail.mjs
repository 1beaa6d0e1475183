/**
 * Spawned fresh by cold-start.ts: replays, step by step, what `openAnswerer` + `ready()` + the first `ask` do, with a
 * time for each step, so the cold start can be attributed. (Measured from outside the core; the core itself
 * exposes no timing hook.) Prints one JSON line of `[step, ms]` pairs.
 * argv: <core root: dist (compiled, plain node) or src (with --import tsx)>
 */
const root = process.argv[2] ?? 'dist';
const ext = root === 'dist' ? 'js' : 'ts';
const mod = (p) => import(`../../${root}/${p}.${ext}`);
const steps = [];
let last = performance.now();
steps.push([`node${root === 'src' ? ' + tsx' : ''} start, until the first line of the entry file`, last]);
const mark = (name) => {
  const t = performance.now();
  steps.push([name, t - last]);
  last = t;
};
const { loadConfig } = await mod('config');
const { loadCorpus } = await mod('corpus/index');
const { openIndex } = await mod('index/index');
const { staleness } = await mod('index/build');
const { createSearcher } = await mod('search/index');
const { locateModel, verifyModelFiles } = await mod('embeddings/locate');
const { modelSpec } = await mod('embeddings/models');
const { env, pipeline } = await import('@xenova/transformers');
const { openAnswerer } = await mod('answer/index');
mark(`import the core and @xenova/transformers${root === 'src' ? ' (tsx transpiles on the fly)' : ' (compiled JS)'}`);
const config = loadConfig({});
const index = openIndex(config.indexDir);
mark('open the index: manifest, articles.json, the two SQLite files, HNSW files');
const corpus = loadCorpus(config.corpusDir);
mark('read and parse the corpus (staleness check)');
staleness(index.manifest, corpus, config.embeddingModel);
mark('hash the corpus (staleness check)');
createSearcher(index);
mark('build the searcher');
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
await extract(['dimension probe'], { pooling: spec.pooling, normalize: true });
mark('first forward pass (probe)');
await extract([spec.queryPrefix + 'how many countries came to the interpol meeting in 2011?'], { pooling: spec.pooling, normalize: true });
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
