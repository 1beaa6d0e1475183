/**
 * Warm question latency of the whole answer pipeline (`Answerer.ask`), as a ratio to the floor: one bare
 * onnxruntime forward pass of the same model on the same (prefixed, pre-tokenized) question.
 * Also measured on the same questions, to show where the time goes:
 *  - the Transformers.js feature-extraction pipeline alone (tokenizer + forward pass + pooling),
 *  - `ask` again on the same question, which skips the model (the core caches query vectors): search + answer.
 * The three are interleaved per question so machine noise hits them alike.
 */
import { emit, isMain, log } from './lib/child.js';
import { openCore } from './lib/core.js';
import { loadEmbedder, loadFloorSession, loadTokenizer, QUERY_PREFIX } from './lib/model.js';
import { fmt, now, percentile, summarize, table } from './lib/stats.js';
import { variedQuestions } from './questions.js';

export async function measureLatency(n = Number(process.env.BENCH_LATENCY_N ?? 300)) {
  const questions = variedQuestions(n);
  const core = await openCore();
  await core.ready();
  const tokenizer = await loadTokenizer();
  const floor = await loadFloorSession();
  const pipeline = await loadEmbedder();
  // Warm-up: JIT, allocator, onnxruntime's first-run graph work; none of these questions is measured.
  for (const q of ['warm up one', 'warm up the second question, longer than the first one', 'warm up three']) {
    await core.ask(q);
    await floor.run(tokenizer.encode([QUERY_PREFIX + q]));
    await pipeline.embedQuery(q);
  }
  log(`latency: ${questions.length} questions`);
  const askMs: number[] = [];
  const floorMs: number[] = [];
  const pipelineMs: number[] = [];
  const cachedMs: number[] = [];
  const ratios: number[] = [];
  let tokens = 0;
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    const enc = tokenizer.encode([QUERY_PREFIX + q]);
    tokens += enc.seqLen;
    const measureFloor = async () => {
      const t0 = now();
      await floor.run(enc);
      return now() - t0;
    };
    const measurePipeline = async () => {
      const t0 = now();
      await pipeline.embedQuery(q);
      return now() - t0;
    };
    const measureAsk = async () => {
      const t0 = now();
      await core.ask(q);
      return now() - t0;
    };
    // Alternate the order so neither always runs right after the other.
    let f: number, p: number, a: number;
    if (i % 2 === 0) {
      f = await measureFloor();
      p = await measurePipeline();
      a = await measureAsk();
    } else {
      a = await measureAsk();
      p = await measurePipeline();
      f = await measureFloor();
    }
    const t0 = now();
    await core.ask(q); // the query vector is cached now: everything but the model
    cachedMs.push(now() - t0);
    floorMs.push(f);
    pipelineMs.push(p);
    askMs.push(a);
    ratios.push(a / f);
  }
  const ask = summarize(askMs);
  const fl = summarize(floorMs);
  const pl = summarize(pipelineMs);
  const cached = summarize(cachedMs);
  const text = table(
    ['warm latency (ms)', 'p50', 'p95', 'mean', 'p50 / floor p50', 'p95 / floor p95'],
    [
      ['floor: onnxruntime run, 1 question', fmt(fl.p50), fmt(fl.p95), fmt(fl.mean), '1.00', '1.00'],
      ['Transformers.js pipeline (tokenize+run+pool)', fmt(pl.p50), fmt(pl.p95), fmt(pl.mean), fmt(pl.p50 / fl.p50), fmt(pl.p95 / fl.p95)],
      ['core ask(), search+answer only (cached vector)', fmt(cached.p50), fmt(cached.p95), fmt(cached.mean), fmt(cached.p50 / fl.p50), fmt(cached.p95 / fl.p95)],
      ['core ask(), whole pipeline', fmt(ask.p50), fmt(ask.p95), fmt(ask.mean), fmt(ask.p50 / fl.p50), fmt(ask.p95 / fl.p95)],
    ],
  );
  return {
    questions: questions.length,
    meanTokens: tokens / questions.length,
    floorMs: fl,
    pipelineMs: pl,
    askMs: ask,
    cachedAskMs: cached,
    ratioP50: ask.p50 / fl.p50,
    ratioP95: ask.p95 / fl.p95,
    perQuestionRatioP50: percentile(ratios, 50),
    perQuestionRatioP95: percentile(ratios, 95),
    table: text,
  };
}

if (isMain(import.meta.url)) {
  measureLatency().then(emit, (err) => {
    console.error(err);
    process.exit(1);
  });
}
