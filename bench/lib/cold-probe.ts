/**
 * Spawned fresh by cold-start.ts: marks, in milliseconds since this process started (performance.timeOrigin),
 * when the core's modules are imported, the index is loaded (`openAnswerer` resolved), the model is loaded
 * (`ready()`), and the first answer is ready. Prints one JSON line.
 */
const marks: Record<string, number> = { entered: performance.now() };
const { loadConfig } = await import('../../src/config.js');
const { openAnswerer } = await import('../../src/answer/index.js');
marks.imported = performance.now();
const answerer = await openAnswerer(loadConfig({}));
marks.indexLoaded = performance.now();
await answerer.ready();
marks.modelLoaded = performance.now();
const answer = await answerer.ask(process.argv[2] ?? 'how many countries came to the interpol meeting in 2011?');
marks.firstAnswer = performance.now();
process.stdout.write(`${JSON.stringify({ marks, refused: answer.refused, results: answer.results.length, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
export {};
