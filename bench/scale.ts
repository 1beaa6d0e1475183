/**
 * `npm run bench:scale [-- --n 1000000 --queries 1000 --configs 16:100,16:200 --efs 10,20,40,80,160]`
 *
 * HNSW at scale on synthetic, seeded, clustered unit vectors of the model's dimension (see lib/synth.ts):
 * for each M / efConstruction: build time, peak memory, index file size, load time; for each ef: recall@10 against
 * hnswlib's exact BruteforceSearch and queries/s on one core and on every core (one worker per core, each with its
 * own loaded copy of the index). Every build and query phase runs in its own child process so that its peak
 * memory is its own. Big files go under /tmp/bench-scale; results go to bench/results/scale-<n>.json and the
 * recall-vs-throughput plot to bench/results/scale-<n>.png.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';
import { SyntheticEmbeddings } from './lib/synth.js';
import { fmt, machine, memoryMiB, now, table } from './lib/stats.js';
import { renderScatterPng, type Series } from './lib/plot.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, 'results');
const TMP = process.env.BENCH_TMP ?? '/tmp/bench-scale';
const SPACE = 'cosine' as const;
const K = 10;

interface Args {
  child: string | null;
  n: number;
  queries: number;
  dim: number;
  seed: number;
  configs: { m: number; efc: number }[];
  efs: number[];
  m: number;
  efc: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => (get(name) !== undefined ? Number(get(name)) : fallback);
  const configs = (get('configs') ?? '16:100,16:200,32:200').split(',').map((c) => {
    const [m, efc] = c.split(':').map(Number);
    return { m, efc };
  });
  return {
    child: get('child') ?? null,
    n: num('n', 1_000_000),
    queries: num('queries', 1000),
    dim: num('dim', 384),
    seed: num('seed', 42),
    configs,
    efs: (get('efs') ?? '10,20,40,80,160,320').split(',').map(Number),
    m: num('m', 16),
    efc: num('efc', 200),
    keep: argv.includes('--keep'),
  };
}

const truthFile = (a: Args) => path.join(TMP, `truth-n${a.n}-q${a.queries}-d${a.dim}-s${a.seed}.json`);
const indexFile = (a: Args, m: number, efc: number) => path.join(TMP, `hnsw-n${a.n}-d${a.dim}-s${a.seed}-m${m}-efc${efc}.bin`);

function log(msg: string): void {
  process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

function queries(a: Args): number[][] {
  const synth = new SyntheticEmbeddings({ dim: a.dim, seed: a.seed });
  return Array.from({ length: a.queries }, (_, i) => Array.from(synth.vector(i, 1)));
}

/** Adds the n data vectors to `index` in order, logging progress. */
function addAll(a: Args, add: (v: number[], label: number) => void, what: string): { genMs: number; addMs: number } {
  const synth = new SyntheticEmbeddings({ dim: a.dim, seed: a.seed });
  const buf = new Float32Array(a.dim);
  let genMs = 0;
  let addMs = 0;
  const step = Math.max(1, Math.floor(a.n / 10));
  for (let i = 0; i < a.n; i++) {
    const t0 = now();
    const v = Array.from(synth.vector(i, 0, buf));
    const t1 = now();
    add(v, i);
    addMs += now() - t1;
    genMs += t1 - t0;
    if ((i + 1) % step === 0) log(`${what}: ${i + 1}/${a.n} added (${fmt(addMs / 1000, 1)} s adding)`);
  }
  return { genMs, addMs };
}

/** Child: exact top-10 of every query with hnswlib's BruteforceSearch. */
function childTruth(a: Args): unknown {
  const brute = new hnswlib.BruteforceSearch(SPACE, a.dim);
  brute.initIndex(a.n);
  const { addMs } = addAll(a, (v, l) => brute.addPoint(v, l), 'bruteforce');
  const qs = queries(a);
  const t0 = now();
  const truth = qs.map((q) => brute.searchKnn(q, K).neighbors);
  const searchMs = now() - t0;
  fs.writeFileSync(truthFile(a), JSON.stringify(truth));
  const stats = { addMs, searchMs, bruteQps: (qs.length / searchMs) * 1000, peakRssMiB: memoryMiB().peakRss, load1: os.loadavg()[0] };
  fs.writeFileSync(`${truthFile(a)}.meta.json`, JSON.stringify(stats));
  return stats;
}

/** Child: build one HNSW index and save it. */
function childBuild(a: Args): unknown {
  const index = new hnswlib.HierarchicalNSW(SPACE, a.dim);
  index.initIndex({ maxElements: a.n, m: a.m, efConstruction: a.efc, randomSeed: 100 });
  const { addMs, genMs } = addAll(a, (v, l) => index.addPoint(v, l), `build M=${a.m} efC=${a.efc}`);
  const file = indexFile(a, a.m, a.efc);
  const t0 = now();
  index.writeIndexSync(file);
  const writeMs = now() - t0;
  const stats = {
    buildMs: addMs,
    generateMs: genMs,
    buildVectorsPerS: (a.n / addMs) * 1000,
    writeMs,
    fileBytes: fs.statSync(file).size,
    peakRssMiB: memoryMiB().peakRss,
    load1: os.loadavg()[0],
  };
  fs.writeFileSync(`${file}.meta.json`, JSON.stringify(stats));
  return stats;
}

async function workersQps(file: string, a: Args, qs: number[][], ef: number, workers: number, rounds: number) {
  const ws = Array.from(
    { length: workers },
    (_, w) =>
      new Worker(path.join(HERE, 'lib', 'hnsw-query-worker.mjs'), {
        workerData: { file, dim: a.dim, space: SPACE, queries: qs.filter((_, i) => i % workers === w), ef, rounds, k: K },
      }),
  );
  await Promise.all(ws.map((w) => new Promise((res) => w.once('message', res))));
  const t0 = now();
  const done = ws.map((w) => new Promise<{ n: number }>((res) => w.once('message', res)));
  for (const w of ws) w.postMessage({ type: 'go' });
  const results = await Promise.all(done);
  const ms = now() - t0;
  await Promise.all(ws.map((w) => w.terminate()));
  return (results.reduce((s, r) => s + r.n, 0) / ms) * 1000;
}

/** Child: load a saved index, then recall@10 and throughput for every ef. */
async function childQuery(a: Args): Promise<unknown> {
  const file = indexFile(a, a.m, a.efc);
  const truth: number[][] = JSON.parse(fs.readFileSync(truthFile(a), 'utf8'));
  const qs = queries(a);
  const t0 = now();
  const index = new hnswlib.HierarchicalNSW(SPACE, a.dim);
  index.readIndexSync(file);
  const loadMs = now() - t0;
  const rssAfterLoad = memoryMiB().rss;
  const perEf = [];
  const cores = os.cpus().length;
  for (const ef of a.efs) {
    index.setEf(ef);
    let hits = 0;
    const t1 = now();
    for (let i = 0; i < qs.length; i++) {
      const got = new Set(index.searchKnn(qs[i], K).neighbors);
      for (const id of truth[i]) if (got.has(id)) hits++;
    }
    const firstPassMs = now() - t1;
    // Enough rounds for ~2 s of single-core work, so both throughput numbers are stable.
    const rounds = Math.max(1, Math.min(20, Math.round(2000 / firstPassMs)));
    const t2 = now();
    for (let r = 0; r < rounds; r++) for (const q of qs) index.searchKnn(q, K);
    const qps1 = ((rounds * qs.length) / (now() - t2)) * 1000;
    const qpsAll = await workersQps(file, a, qs, ef, cores, rounds);
    const recall = hits / (qs.length * K);
    // The load average tells whether other work shared the cores while throughput was measured.
    perEf.push({ ef, recall, qps1, qpsAll, cores, load1: os.loadavg()[0] });
    log(`M=${a.m} efC=${a.efc} ef=${ef}: recall@10 ${fmt(recall, 4)}, ${fmt(qps1, 0)} q/s 1 core, ${fmt(qpsAll, 0)} q/s ${cores} cores`);
  }
  return { loadMs, rssAfterLoadMiB: rssAfterLoad, peakRssMiB: memoryMiB().peakRss, perEf };
}

/** Runs this script as a child with `--child <what>` and returns the JSON it prints last. */
function runChild(what: string, extra: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', what, ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child ${what} exited with ${code}`));
      const last = out.trim().split('\n').pop() ?? '{}';
      resolve(JSON.parse(last));
    });
  });
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  fs.mkdirSync(TMP, { recursive: true });
  if (process.argv.includes('--replot')) {
    const saved = JSON.parse(fs.readFileSync(path.join(RESULTS, `scale-${tagOf(a.n)}.json`), 'utf8'));
    const out = writeResults(a, saved.truth, saved.runs, saved.date);
    log(`re-rendered ${out.json} and ${out.png}`);
    return;
  }
  if (a.child) {
    const result = a.child === 'truth' ? childTruth(a) : a.child === 'build' ? childBuild(a) : await childQuery(a);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const common = ['--n', String(a.n), '--queries', String(a.queries), '--dim', String(a.dim), '--seed', String(a.seed)];
  log(`n=${a.n} dim=${a.dim} queries=${a.queries} configs=${a.configs.map((c) => `${c.m}:${c.efc}`).join(',')} efs=${a.efs}`);
  const meta = `${truthFile(a)}.meta.json`;
  let truth: any = { cached: true, ...(fs.existsSync(meta) ? JSON.parse(fs.readFileSync(meta, 'utf8')) : {}) };
  if (!fs.existsSync(truthFile(a))) {
    log('exact ground truth with BruteforceSearch…');
    truth = await runChild('truth', common);
    log(`ground truth: ${fmt(truth.searchMs / 1000, 1)} s for ${a.queries} queries (${fmt(truth.bruteQps, 1)} q/s exact)`);
  }
  const runs = [];
  for (const c of a.configs) {
    const cfg = [...common, '--m', String(c.m), '--efc', String(c.efc), '--efs', a.efs.join(',')];
    const file = indexFile(a, c.m, c.efc);
    const buildMeta = `${file}.meta.json`;
    let build: any = {
      cached: true,
      fileBytes: fs.existsSync(file) ? fs.statSync(file).size : 0,
      ...(fs.existsSync(buildMeta) ? JSON.parse(fs.readFileSync(buildMeta, 'utf8')) : {}),
    };
    if (!fs.existsSync(file)) {
      log(`building M=${c.m} efC=${c.efc}…`);
      build = await runChild('build', cfg);
      log(`built in ${fmt(build.buildMs / 1000, 1)} s, ${fmt(build.fileBytes / 2 ** 20, 0)} MiB, peak RSS ${fmt(build.peakRssMiB, 0)} MiB`);
    }
    const query = await runChild('query', cfg);
    runs.push({ m: c.m, efConstruction: c.efc, build, query });
    if (!a.keep) {
      fs.rmSync(file, { force: true });
      fs.rmSync(buildMeta, { force: true });
    }
    writeResults(a, truth, runs);
  }
  const out = writeResults(a, truth, runs);
  log(`wrote ${out.json} and ${out.png}`);
}

function tagOf(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
}

function writeResults(a: Args, truth: unknown, runs: any[], date = new Date().toISOString()): { json: string; png: string } {
  fs.mkdirSync(RESULTS, { recursive: true });
  const tag = tagOf(a.n);
  const json = path.join(RESULTS, `scale-${tag}.json`);
  const png = path.join(RESULTS, `scale-${tag}.png`);
  const rows = runs.flatMap((r) =>
    r.query.perEf.map((e: any) => [
      r.m,
      r.efConstruction,
      e.ef,
      fmt(e.recall, 4),
      fmt(e.qps1, 0),
      fmt(e.qpsAll, 0),
      r.build.buildMs ? fmt(r.build.buildMs / 1000, 1) : 'cached',
      r.build.peakRssMiB ? fmt(r.build.peakRssMiB, 0) : 'n/a',
      fmt(r.build.fileBytes / 2 ** 20, 0),
      fmt(r.query.loadMs / 1000, 2),
    ]),
  );
  const text = table(
    ['M', 'efC', 'ef', 'recall@10', 'q/s 1 core', `q/s ${os.cpus().length} cores`, 'build s', 'build peak MiB', 'file MiB', 'load s'],
    rows,
  );
  fs.writeFileSync(
    json,
    JSON.stringify({ date, machine: machine(), n: a.n, dim: a.dim, queries: a.queries, seed: a.seed, space: SPACE, k: K, truth, runs, table: text }, null, 2),
  );
  const series: Series[] = runs.map((r) => ({
    label: `M=${r.m} efC=${r.efConstruction}`,
    points: r.query.perEf.map((e: any) => ({ x: e.recall, y: e.qpsAll, label: `ef ${e.ef}` })),
  }));
  void renderScatterPng(png, series, {
    title: `HNSW recall@10 vs queries/s: ${a.n.toLocaleString('en')} × ${a.dim}-d synthetic clustered vectors (${os.cpus().length} cores)`,
    xLabel: 'recall@10 (vs BruteforceSearch)',
    yLabel: `queries/s (${os.cpus().length} workers)`,
    logY: true,
    targets: { x: 0.98, y: 2000 },
  });
  console.error(`\n${text}\n`);
  return { json, png };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
