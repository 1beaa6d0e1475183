/**
 * Peers on the same corpus, questions and embedding model: accuracy (top-1 / top-3, the eval rule) and warm
 * per-question latency, side by side with the core. Two corpora, as `npm run eval` asks them:
 * - bundled: the product's `corpus/` (5 articles) and the seed questions (`eval/questions.json`), the core on the
 *   product's own index (`openAnswerer(loadConfig({}))`);
 * - combined: `corpus/` plus the evaluation articles of `eval/articles/`, indexed for the core by `prepareCorpus`
 *   (cached under the system's temporary folder), asked the seed questions whose answer does not depend on the corpus
 *   and the unseen questions (`eval/unseen-questions.json`), each set reported apart (tuning and held-out halves).
 * Run alone: `npx tsx bench/peers.ts [--corpus bundled|combined] [--no-core]`.
 */
import { correctAt, loadDocs, loadEvalQuestions, type Doc, type EvalQuestion, type Hit } from './lib/corpus.js';
import { answerHits, openCore } from './lib/core.js';
import { emit, isMain, log } from './lib/child.js';
import { loadEmbedder } from './lib/model.js';
import { fmt, now, summarize, table, type Summary } from './lib/stats.js';
import { langchainPeer } from './peers/langchain.js';
import { oramaPeer } from './peers/orama.js';
import { vectraPeer } from './peers/vectra.js';
import { loadConfig } from '../src/config.js';
import { prepareCorpus, type CorpusName } from '../src/eval/corpora.js';
import { answerDependsOnCorpus, loadUnseenQuestions } from '../src/eval/questions.js';
import { score, type Score } from '../src/eval/score.js';
import { PASSAGE_DEFAULTS } from '../src/passages/index.js';

/** One system's result on one question set. */
export interface SetScore {
  set: string;
  questions: number;
  answerable: number;
  /** Answerable and unanswerable together: right at rank 1 / 3 (an unanswerable one only when refused). */
  top1: number;
  top3: number;
  answerableTop1: number;
  answerableTop3: number;
  /** Share of the unanswerable questions refused (NaN when the set has none). */
  unanswerableCorrect: number;
  wronglyRefused: number;
  /** The raw counts of `npm run eval`'s `score()`. */
  counts: Score;
  latencyMs: Summary;
  /** Questions missed at top 3 (left out for the held-out half, whose misses are not to be read). */
  misses: string[];
}

export interface SystemScore extends Omit<SetScore, 'set' | 'questions' | 'answerable' | 'counts'> {
  name: string;
  settings: string;
  passages: number | null;
  buildMs: number | null;
  /** Per question set (one set, `seed`, for the bundled corpus). */
  sets: SetScore[];
}

/** A named list of questions reported on its own. */
export interface QuestionSet {
  label: string;
  questions: EvalQuestion[];
  /** True for the held-out half: scores only, no list of misses. */
  heldOut?: boolean;
}

type Outcome = { hits: Hit[]; refused: boolean };
type Ask = (q: string) => Promise<Outcome>;

interface System {
  name: string;
  settings: string;
  passages: number | null;
  buildMs: number | null;
  ask: Ask;
}

/** The question sets `npm run eval` asks of each corpus. */
export function defaultSets(corpus: CorpusName): QuestionSet[] {
  const seed = loadEvalQuestions();
  if (corpus === 'bundled') return [{ label: 'seed', questions: seed }];
  const unseen = loadUnseenQuestions();
  return [
    { label: 'seed', questions: seed.filter((q) => !answerDependsOnCorpus(q)) },
    { label: 'unseen tuning', questions: unseen.filter((q) => q.split === 'tuning') },
    { label: 'unseen held-out', questions: unseen.filter((q) => q.split === 'held-out'), heldOut: true },
  ];
}

/** Scores one system on one set with `npm run eval`'s `score()`. */
function scoreSet(set: QuestionSet, outcomes: Outcome[], times: number[]): SetScore {
  const qs = set.questions;
  const counts = score(qs, outcomes.map((o) => ({ refused: o.refused, results: o.hits })));
  const n = qs.length;
  // A refused answer has no results, so score()'s top-k counts are answered-and-right; add the right refusals.
  const misses = set.heldOut ? [] : qs.filter((q, i) => !correctAt(q, outcomes[i].hits, outcomes[i].refused, 3)).map((q) => q.question);
  return {
    set: set.label,
    questions: n,
    answerable: counts.answerable,
    top1: (counts.top1 + counts.refusedUnanswerable) / n,
    top3: (counts.top3 + counts.refusedUnanswerable) / n,
    answerableTop1: counts.top1 / counts.answerable,
    answerableTop3: counts.top3 / counts.answerable,
    unanswerableCorrect: counts.unanswerable ? counts.refusedUnanswerable / counts.unanswerable : NaN,
    wronglyRefused: counts.wronglyRefused,
    counts,
    latencyMs: summarize(times),
    misses,
  };
}

/** Opens our core and the three peers on the corpus's documents. */
async function openSystems(corpus: CorpusName, withCore: boolean): Promise<{ systems: System[]; docs: Doc[] }> {
  const systems: System[] = [];
  let docs: Doc[];
  const coreSystem = (core: Awaited<ReturnType<typeof openCore>>, passages: number | null, buildMs: number | null): System => ({
    name: 'ours (core)',
    settings: 'hybrid dense + BM25, refusal',
    passages,
    buildMs,
    ask: async (q) => {
      const a = await core.ask(q, { top: 3 });
      return { hits: answerHits(a), refused: a.refused };
    },
  });
  if (corpus === 'bundled') {
    docs = loadDocs();
    if (withCore) {
      log('peers: core');
      const core = await openCore();
      await core.ready();
      systems.push(coreSystem(core, null, null));
    }
  } else {
    // The core's index of the combined corpus, exactly as `npm run eval` builds it (cached; incremental).
    log('peers (combined): preparing the core index of the combined corpus');
    const config = loadConfig({});
    const { loadEmbedder: loadCoreEmbedder } = await import('../src/embeddings/index.js');
    const { openAnswerer } = await import('../src/answer/index.js');
    const coreEmbedder = await loadCoreEmbedder(config);
    const t0 = now();
    const { config: combined, summary } = await prepareCorpus('combined', config, coreEmbedder, PASSAGE_DEFAULTS);
    const prepMs = now() - t0;
    log(`peers (combined): ${summary.articles} articles, ${summary.passages} passages (${summary.embedded} texts embedded now, ${fmt(prepMs / 1000, 1)} s)`);
    docs = loadDocs(combined.corpusDir);
    if (withCore) {
      const core = await openAnswerer(combined, { embedder: coreEmbedder });
      await core.ready();
      systems.push(coreSystem(core, summary.passages, null));
    }
  }
  return { systems, docs };
}

export async function measurePeers(opts: { core?: boolean; corpus?: CorpusName; sets?: QuestionSet[] } = {}) {
  const corpus = opts.corpus ?? 'bundled';
  const sets = opts.sets ?? defaultSets(corpus);
  const questions = sets.flatMap((s) => s.questions);
  const { systems, docs } = await openSystems(corpus, opts.core !== false);
  const embedder = await loadEmbedder();
  for (const peer of [langchainPeer(), vectraPeer(), oramaPeer()]) {
    log(`peers (${corpus}): ${peer.name} on ${docs.length} articles`);
    const t0 = now();
    const passages = await peer.build(docs, embedder);
    systems.push({ name: peer.name, settings: peer.settings, passages, buildMs: now() - t0, ask: async (q) => ({ hits: await peer.search(q, 3), refused: false }) });
  }
  // Warm-up: the first call pays one-off costs (JIT, allocations).
  for (const s of systems) await s.ask('warm-up question about the meeting');
  // Interleaved: for each question every system answers, in a rotating order, so machine noise hits all alike.
  log(`peers (${corpus}): ${questions.length} questions × ${systems.length} systems`);
  const outcomes = systems.map(() => [] as Outcome[]);
  const times = systems.map(() => [] as number[]);
  for (let i = 0; i < questions.length; i++) {
    for (let j = 0; j < systems.length; j++) {
      const k = (i + j) % systems.length;
      const t0 = now();
      outcomes[k][i] = await systems[k].ask(questions[i].question);
      times[k][i] = now() - t0;
    }
  }
  const scores: SystemScore[] = systems.map((s, k) => {
    let from = 0;
    const perSet = sets.map((set) => {
      const to = from + set.questions.length;
      const r = scoreSet(set, outcomes[k].slice(from, to), times[k].slice(from, to));
      from = to;
      return r;
    });
    const all = scoreSet({ label: 'all', questions, heldOut: sets.some((x) => x.heldOut) }, outcomes[k], times[k]);
    const { set: _set, questions: _n, answerable: _a, counts: _c, ...overall } = all;
    // Misses of every set but the held-out half.
    overall.misses = perSet.flatMap((x) => x.misses);
    return { name: s.name, settings: s.settings, passages: s.passages, buildMs: s.buildMs, ...overall, sets: perSet };
  });
  const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${fmt(100 * x, 1)}%`);
  let text: string;
  if (corpus === 'bundled') {
    const rows = scores.map((s) => [
      s.name,
      pct(s.top1),
      pct(s.top3),
      pct(s.answerableTop1),
      pct(s.answerableTop3),
      pct(s.unanswerableCorrect),
      fmt(s.latencyMs.p50, 1),
      fmt(s.latencyMs.p95, 1),
      s.passages ?? '',
    ]);
    text = table(['system', 'top-1 all', 'top-3 all', 'top-1 answerable', 'top-3 answerable', 'refused ok', 'p50 ms', 'p95 ms', 'passages'], rows);
  } else {
    const rows = sets.flatMap((set, i) =>
      scores.map((s) => {
        const x = s.sets[i];
        const unans = x.counts.unanswerable;
        return [
          `${set.label} (${x.answerable} + ${unans})`,
          s.name,
          `${pct(x.answerableTop1)} (${x.counts.top1}/${x.answerable})`,
          `${pct(x.answerableTop3)} (${x.counts.top3}/${x.answerable})`,
          unans ? `${pct(x.unanswerableCorrect)} (${x.counts.refusedUnanswerable}/${unans})` : 'n/a',
          x.wronglyRefused,
          fmt(x.latencyMs.p50, 1),
          fmt(x.latencyMs.p95, 1),
        ];
      }),
    );
    const latency = scores.map((s) => [s.name, fmt(s.latencyMs.p50, 1), fmt(s.latencyMs.p95, 1), s.passages ?? '', s.buildMs === null ? '' : fmt(s.buildMs / 1000, 1)]);
    text = [
      `Combined corpus: ${docs.length} articles. Per question set (answerable + unanswerable):`,
      '',
      table(['questions', 'system', 'top-1 answerable', 'top-3 answerable', 'refused ok', 'wrongly refused', 'p50 ms', 'p95 ms'], rows),
      '',
      `All ${questions.length} questions on the combined corpus, latency per system:`,
      '',
      table(['system', 'p50 ms', 'p95 ms', 'passages', 'build s'], latency),
    ].join('\n');
  }
  return {
    corpus,
    articles: docs.length,
    questions: questions.length,
    answerable: questions.filter((q) => q.answerable).length,
    sets: sets.map((s) => ({ label: s.label, questions: s.questions.length, answerable: s.questions.filter((q) => q.answerable).length })),
    systems: scores,
    table: text,
  };
}

if (isMain(import.meta.url)) {
  const core = !process.argv.includes('--no-core');
  const i = process.argv.indexOf('--corpus');
  const corpus = (i >= 0 ? process.argv[i + 1] : 'bundled') as CorpusName;
  if (corpus !== 'bundled' && corpus !== 'combined') {
    console.error(`--corpus must be bundled or combined (got ${String(corpus)})`);
    process.exit(2);
  }
  measurePeers({ core, corpus }).then(emit, (err) => {
    console.error(err);
    process.exit(1);
  });
}
