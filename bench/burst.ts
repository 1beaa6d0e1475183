/**
 * A burst as the bot would see it: 500 distinct questions handed to the core at once (no awaiting in between).
 * Reports how many were answered, refused or lost, each question's time from submission to answer (p50/p95),
 * total wall time and throughput, and memory sampled every 20 ms (peak RSS above the idle process).
 * The core queues model calls one at a time, so the process should neither thrash nor grow without bound.
 */
import { emit, isMain, log } from './lib/child.js';
import { openCore } from './lib/core.js';
import { loadFloorSession, loadTokenizer, QUERY_PREFIX } from './lib/model.js';
import { fmt, memoryMiB, now, summarize, table } from './lib/stats.js';
import { variedQuestions } from './questions.js';

export async function measureBurst(n = Number(process.env.BENCH_BURST_N ?? 500)) {
  const core = await openCore();
  await core.ready();
  for (const q of ['burst warm up one', 'burst warm up two']) await core.ask(q);
  // Questions the warm-up and the latency run never asked, so the query-vector cache does not help.
  const questions = variedQuestions(n + 20).slice(20).map((q) => (q.length < 280 ? `${q} ` : q));
  if (global.gc) global.gc();
  const idle = memoryMiB();
  // Peak RSS of the whole process so far (model loaded); the burst's own peak is read the same way afterwards.
  let peakRss = idle.rss;
  let peakHeap = idle.heapUsed;
  const sampler = setInterval(() => {
    const m = memoryMiB();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  // Event-loop responsiveness while the burst runs: the gaps between ticks of a 10 ms timer (a Discord bot must
  // acknowledge an interaction within 3 s and keep its gateway heartbeat, so long gaps matter as much as latency).
  const ticks: number[] = [];
  const ticker = setInterval(() => ticks.push(now()), 10);
  log(`burst: ${questions.length} questions at once`);
  const t0 = now();
  const settled = await Promise.allSettled(
    questions.map(async (q) => {
      const a = await core.ask(q);
      return { ms: now() - t0, refused: a.refused };
    }),
  );
  const wallMs = now() - t0;
  clearInterval(sampler);
  clearInterval(ticker);
  const ok = settled.filter((s): s is PromiseFulfilledResult<{ ms: number; refused: boolean }> => s.status === 'fulfilled');
  const failed = settled.length - ok.length;
  const lat = summarize(ok.map((s) => s.value.ms));
  const edges = [t0, ...ticks.filter((t) => t >= t0 && t <= t0 + wallMs), t0 + wallMs];
  const gaps = edges.slice(1).map((t, i) => t - edges[i]);
  const lag = summarize(gaps);
  // The sampler cannot run while the event loop is blocked; the kernel's high-water mark can, when it rose.
  const after = memoryMiB();
  if (after.peakRss > idle.peakRss) peakRss = Math.max(peakRss, after.peakRss);
  peakRss = Math.max(peakRss, after.rss);
  const result = {
    submitted: questions.length,
    answered: ok.filter((s) => !s.value.refused).length,
    refused: ok.filter((s) => s.value.refused).length,
    failed,
    errors: settled.filter((s) => s.status === 'rejected').slice(0, 3).map((s) => String((s as PromiseRejectedResult).reason)),
    latencyMs: lat,
    wallMs,
    perS: (ok.length / wallMs) * 1000,
    idleRssMiB: idle.rss,
    peakRssMiB: peakRss,
    peakRssAboveIdleMiB: peakRss - idle.rss,
    peakHeapMiB: peakHeap,
    timerTicksDuringBurst: edges.length - 2,
    eventLoopGapMs: lag,
    stallDemo: null as null | Awaited<ReturnType<typeof stallDemo>>,
    table: '',
  };
  result.stallDemo = await stallDemo(questions.slice(0, 60));
  result.table = table(
    ['burst', 'value'],
    [
      ['questions submitted at once', result.submitted],
      ['answered / refused / lost', `${result.answered} / ${result.refused} / ${result.failed}`],
      ['time to answer p50 / p95 / max (ms)', `${fmt(lat.p50, 0)} / ${fmt(lat.p95, 0)} / ${fmt(lat.max, 0)}`],
      ['wall time (s), throughput (questions/s)', `${fmt(wallMs / 1000, 2)}, ${fmt(result.perS, 1)}`],
      ['RSS idle → peak (MiB)', `${fmt(idle.rss, 0)} → ${fmt(peakRss, 0)} (+${fmt(peakRss - idle.rss, 0)})`],
      ['10 ms timer ticks during the burst; longest event-loop gap (ms)', `${edges.length - 2}; ${fmt(lag.max, 0)}`],
      [
        `same queue of ${result.stallDemo.calls} bare model calls: longest gap chained / with setImmediate between calls (ms)`,
        `${fmt(result.stallDemo.chained.longestGapMs, 0)} / ${fmt(result.stallDemo.yielding.longestGapMs, 0)} (wall ${fmt(result.stallDemo.chained.wallMs, 0)} / ${fmt(result.stallDemo.yielding.wallMs, 0)})`,
      ],
    ],
  );
  return result;
}

/**
 * Why the event loop stalls, and the fix, shown on bare onnxruntime calls: the same questions queued one after the other
 * by promise chaining (as the core's queue does), then with a `setImmediate` yield before each call.
 */
async function stallDemo(questions: string[]) {
  const tokenizer = await loadTokenizer();
  const floor = await loadFloorSession();
  const encoded = questions.map((q) => tokenizer.encode([QUERY_PREFIX + q]));
  await floor.run(encoded[0]);
  const measure = async (yieldBetween: boolean) => {
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(now()), 10);
    let tail: Promise<unknown> = Promise.resolve();
    const t0 = now();
    const jobs = encoded.map((e) => {
      const run = tail.then(async () => {
        if (yieldBetween) await new Promise((r) => setImmediate(r));
        return floor.run(e);
      });
      tail = run;
      return run;
    });
    await Promise.all(jobs);
    const wallMs = now() - t0;
    clearInterval(ticker);
    const edges = [t0, ...ticks.filter((t) => t >= t0 && t <= t0 + wallMs), t0 + wallMs];
    return { wallMs, longestGapMs: Math.max(...edges.slice(1).map((t, i) => t - edges[i])) };
  };
  return { calls: encoded.length, chained: await measure(false), yielding: await measure(true) };
}

if (isMain(import.meta.url)) {
  measureBurst().then(emit, (err) => {
    console.error(err);
    process.exit(1);
  });
}
