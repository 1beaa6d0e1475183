/**
 * Peers on the same corpus, questions and embedding model: accuracy (top-1 / top-3, the eval rule) and warm
 * per-question latency, side by side with the core. Run alone: `npx tsx bench/peers.ts`.
 */
import { correctAt, loadDocs, loadEvalQuestions, type EvalQuestion, type Hit } from './lib/corpus.js';
import { answerHits, openCore } from './lib/core.js';
import { emit, isMain, log } from './lib/child.js';
import { loadEmbedder } from './lib/model.js';
import { fmt, now, summarize, table, type Summary } from './lib/stats.js';
import { langchainPeer } from './peers/langchain.js';
import { oramaPeer } from './peers/orama.js';
import { vectraPeer } from './peers/vectra.js';

export interface SystemScore {
  name: string;
  settings: string;
  passages: number | null;
  buildMs: number | null;
  top1: number;
  top3: number;
  answerableTop1: number;
  answerableTop3: number;
  unanswerableCorrect: number;
  latencyMs: Summary;
  misses: string[];
}

type Ask = (q: string) => Promise<{ hits: Hit[]; refused: boolean }>;

interface System {
  name: string;
  settings: string;
  passages: number | null;
  buildMs: number | null;
  ask: Ask;
}

function scoreOf(system: System, questions: EvalQuestion[], outcomes: { hits: Hit[]; refused: boolean }[], times: number[]): SystemScore {
  let c1 = 0;
  let c3 = 0;
  let a1 = 0;
  let a3 = 0;
  let u = 0;
  const misses: string[] = [];
  questions.forEach((q, i) => {
    const { hits, refused } = outcomes[i];
    const ok1 = correctAt(q, hits, refused, 1);
    const ok3 = correctAt(q, hits, refused, 3);
    c1 += +ok1;
    c3 += +ok3;
    if (q.answerable) {
      a1 += +ok1;
      a3 += +ok3;
    } else u += +ok1;
    if (!ok3) misses.push(q.question);
  });
  const n = questions.length;
  const na = questions.filter((q) => q.answerable).length;
  return {
    name: system.name,
    settings: system.settings,
    passages: system.passages,
    buildMs: system.buildMs,
    top1: c1 / n,
    top3: c3 / n,
    answerableTop1: a1 / na,
    answerableTop3: a3 / na,
    unanswerableCorrect: n - na ? u / (n - na) : NaN,
    latencyMs: summarize(times),
    misses,
  };
}

export async function measurePeers(opts: { core?: boolean } = {}) {
  const questions = loadEvalQuestions();
  const docs = loadDocs();
  const embedder = await loadEmbedder();
  const systems: System[] = [];
  if (opts.core !== false) {
    log('peers: core');
    const core = await openCore();
    await core.ready();
    systems.push({
      name: 'ours (core)',
      settings: 'hybrid dense + BM25, refusal',
      passages: null,
      buildMs: null,
      ask: async (q) => {
        const a = await core.ask(q, { top: 3 });
        return { hits: answerHits(a), refused: a.refused };
      },
    });
  }
  for (const peer of [langchainPeer(), vectraPeer(), oramaPeer()]) {
    log(`peers: ${peer.name}`);
    const t0 = now();
    const passages = await peer.build(docs, embedder);
    systems.push({ name: peer.name, settings: peer.settings, passages, buildMs: now() - t0, ask: async (q) => ({ hits: await peer.search(q, 3), refused: false }) });
  }
  // Warm-up: the first call pays one-off costs (JIT, allocations).
  for (const s of systems) await s.ask('warm-up question about the meeting');
  // Interleaved: for each question every system answers, in a rotating order, so machine noise hits all alike.
  const outcomes = systems.map(() => [] as { hits: Hit[]; refused: boolean }[]);
  const times = systems.map(() => [] as number[]);
  for (let i = 0; i < questions.length; i++) {
    for (let j = 0; j < systems.length; j++) {
      const k = (i + j) % systems.length;
      const t0 = now();
      outcomes[k][i] = await systems[k].ask(questions[i].question);
      times[k][i] = now() - t0;
    }
  }
  const scores = systems.map((s, k) => scoreOf(s, questions, outcomes[k], times[k]));
  const pct = (x: number) => `${fmt(100 * x, 1)}%`;
  const rows = scores.map((s) => [
    s.name,
    pct(s.top1),
    pct(s.top3),
    pct(s.answerableTop1),
    pct(s.answerableTop3),
    Number.isNaN(s.unanswerableCorrect) ? 'n/a' : pct(s.unanswerableCorrect),
    fmt(s.latencyMs.p50, 1),
    fmt(s.latencyMs.p95, 1),
    s.passages ?? '',
  ]);
  const text = table(
    ['system', 'top-1 all', 'top-3 all', 'top-1 answerable', 'top-3 answerable', 'refused ok', 'p50 ms', 'p95 ms', 'passages'],
    rows,
  );
  return { questions: questions.length, answerable: questions.filter((q) => q.answerable).length, systems: scores, table: text };
}

if (isMain(import.meta.url)) {
  const core = !process.argv.includes('--no-core');
  measurePeers({ core }).then(emit, (err) => {
    console.error(err);
    process.exit(1);
  });
}
