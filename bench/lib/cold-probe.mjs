/**
 * Spawned fresh by cold-start.ts: marks, in milliseconds since this process started (performance.timeOrigin),
 * when the core's modules are imported, the index is loaded (`openAnswerer` resolved), the model is loaded
 * (`ready()`), and the first answer is ready. Prints one JSON line.
 * argv: <core root: dist (compiled, run with plain node) or src (run with --import tsx)> <question>
 */
const marks = { entered: performance.now() };
const root = process.argv[2] ?? 'dist';
const ext = root === 'dist' ? 'js' : 'ts';
const { loadConfig } = await import(`../../${root}/config.${ext}`);
const { openAnswerer } = await import(`../../${root}/answer/index.${ext}`);
marks.imported = performance.now();
const answerer = await openAnswerer(loadConfig({}));
marks.indexLoaded = performance.now();
await answerer.ready();
marks.modelLoaded = performance.now();
const answer = await answerer.ask(process.argv[3] ?? 'how many countries came to the interpol meeting in 2011?');
marks.firstAnswer = performance.now();
process.stdout.write(`${JSON.stringify({ marks, refused: answer.refused, results: answer.results.length, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
