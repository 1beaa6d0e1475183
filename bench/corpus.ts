/**
 * `npm run bench:corpus [-- --sizes 100,1000,10000 --real-upto 100]`: the product's own pipeline at growing corpus
 * sizes. For each size it writes a corpus of real sentences recombined into articles (the sentences of the bundled
 * and evaluation articles, shuffled into new articles of many years and publishers; seeded, so every run builds the
 * same corpora), then measures:
 *
 * - `npm run index`'s build (`buildIndex`) time and texts/s, against the raw model's texts/s;
 * - the index's size on disk;
 * - cold start to the first answer: `npm run ask` (compiled, `node dist/cli/ask.js`) as a fresh process, median of 3;
 * - warm `ask()` p50 / p95 against one bare forward pass of the model (a new text each time), in a fresh process;
 * - that process's RSS after the warm questions.
 *
 * Vectors: every sentence of the pool is embedded by the real model once (cached under the temporary folder). Up to
 * `--real-upto` articles, passages are embedded by the real model too; above it a passage's vector is the normalised
 * sum of its sentences' real vectors (said in the table), since embedding 30,000 passages would take hours here.
 * Results: bench/results/corpus.json, the plot bench/results/corpus.png; big files under /tmp/bench-corpus.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT, type CoreConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/index.js';
import { loadEmbedder, type Embedder } from '../src/embeddings/index.js';
import { buildIndex } from '../src/index/build.js';
import { splitSentences } from '../src/passages/index.js';
import { EVAL_ARTICLES_DIR } from '../src/eval/questions.js';
import { isMain } from './lib/child.js';
import { renderScatterPng } from './lib/plot.js';
import { rng } from './lib/synth.js';
import { fmt, machine, now, percentile, table } from './lib/stats.js';

const TMP = process.env.BENCH_TMP ?? '/tmp/bench-corpus';
const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results');
const QUESTIONS = [
  'how many countries attended the meeting in 2011?',
  'who opened the conference?',
  'how many victims were identified through the database?',
  'what did the operation target?',
  'how many people were arrested?',
  'when was the meeting held?',
  'which agency led the investigation?',
  'what share of reports involved children?',
];

interface Pool {
  sentences: string[];
  publishers: string[];
}

/** The real sentences and publishers of the bundled and evaluation articles. */
function sentencePool(): Pool {
  const articles = [...loadCorpus(path.join(PROJECT_ROOT, 'corpus')), ...loadCorpus(EVAL_ARTICLES_DIR)];
  const sentences = new Set<string>();
  for (const a of articles) {
    for (const s of splitSentences(a.body)) {
      const text = a.body.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
      if (text.split(' ').length >= 6) sentences.add(text);
    }
  }
  return { sentences: [...sentences], publishers: [...new Set(articles.map((a) => a.publisher))] };
}

/** Writes `n` articles of 3–6 paragraphs of 2–4 pool sentences each, dated 2005–2025, into `dir`. */
function writeCorpus(dir: string, n: number, pool: Pool): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rnd = rng(n);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < n; i++) {
    const year = 2005 + Math.floor(rnd() * 21);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    const paragraphs = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(pool.sentences)).join(' '));
    const title = paragraphs[0]!.split(' ').slice(0, 9).join(' ').replace(/[.,;:]$/, '');
    const front = `---\ntitle: ${JSON.stringify(title)}\npublisher: ${JSON.stringify(pick(pool.publishers))}\npublished: ${year}-${month}-${day}\n---\n\n`;
    fs.writeFileSync(path.join(dir, `a${String(i).padStart(6, '0')}.md`), front + paragraphs.join('\n\n') + '\n');
  }
}

/**
 * The real embedder with every text it embeds remembered (a corpus of recombined pool sentences repeats its sentences
 * endlessly); with `realPassages` false, a passage gets the normalised sum of its sentences' real vectors instead of
 * a forward pass of its own.
 */
function benchEmbedder(real: Embedder, cache: Map<string, Float32Array>, realPassages: boolean): Embedder {
  const key = (text: string) => text.replace(/\s+/g, ' ').trim();
  const embed = async (text: string) => {
    let v = cache.get(key(text));
    if (!v) cache.set(key(text), (v = (await real.embedPassages([text]))[0]!));
    return v;
  };
  const summed = async (text: string) => {
    const spans = splitSentences(text);
    if (spans.length <= 1) return embed(text);
    const sum = new Float32Array(real.dimensions);
    for (const s of spans) {
      const v = await embed(text.slice(s.start, s.end));
      for (let d = 0; d < sum.length; d++) sum[d] += v[d]!;
    }
    let norm = 0;
    for (const x of sum) norm += x * x;
    return sum.map((x) => x / (Math.sqrt(norm) || 1));
  };
  return {
    ...real,
    async embedPassages(texts, onBatch) {
      const out: Float32Array[] = [];
      for (const text of texts) {
        out.push(realPassages ? await embed(text) : await summed(text));
        onBatch?.(out.length);
      }
      return out;
    },
  };
}

/** Embeds every pool sentence once (cached on disk across runs). */
async function sentenceVectors(real: Embedder, pool: Pool): Promise<{ cache: Map<string, Float32Array>; textsPerSecond: number }> {
  const file = path.join(TMP, `pool-${real.modelHash.slice(0, 12)}.json`);
  const cache = new Map<string, Float32Array>();
  if (fs.existsSync(file)) {
    for (const [t, v] of JSON.parse(fs.readFileSync(file, 'utf8')) as [string, number[]][]) cache.set(t, Float32Array.from(v));
  }
  const missing = pool.sentences.filter((s) => !cache.has(s));
  const t0 = now();
  const vectors = await real.embedPassages(missing);
  missing.forEach((s, i) => cache.set(s, vectors[i]!));
  // The raw model's speed, measured on 200 sentences (whether or not the cache held them).
  const sample = pool.sentences.slice(0, 200).map((s) => `${s} `);
  const t1 = now();
  await real.embedPassages(sample);
  const textsPerSecond = sample.length / ((now() - t1) / 1000);
  if (missing.length) {
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(file, JSON.stringify([...cache].map(([t, v]) => [t, Array.from(v)])));
    console.error(`embedded ${missing.length} pool sentences in ${fmt((now() - t0) / 1000, 1)} s`);
  }
  return { cache, textsPerSecond };
}

const dirSize = (dir: string) => fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: now() - t0, stdout, code }));
  });
}

/** In a fresh process: warm `ask()` latencies against bare forward passes, and the RSS after them. */
async function warmChild(corpusDir: string, indexDir: string): Promise<void> {
  const { openAnswerer } = await import('../src/answer/index.js');
  const config: CoreConfig = loadConfig({ ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
  const embedder = await loadEmbedder(config);
  const answerer = await openAnswerer(config, { embedder });
  for (const q of QUESTIONS) await answerer.ask(q);
  const ask: number[] = [];
  const forward: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const [i, q] of QUESTIONS.entries()) {
      // A question the query cache has not seen, so each ask() embeds it: what a user's new question costs.
      const fresh = `${q} (${round}.${i})`;
      let t0 = now();
      await embedder.embedQuery(`bare pass ${round}.${i} ${q}`);
      forward.push(now() - t0);
      t0 = now();
      await answerer.ask(fresh);
      ask.push(now() - t0);
    }
  }
  process.stdout.write(
    `${JSON.stringify({ askP50: percentile(ask, 50), askP95: percentile(ask, 95), forwardP50: percentile(forward, 50), rssMiB: process.memoryUsage().rss / 2 ** 20 })}\n`,
  );
}

interface Row {
  articles: number;
  passages: number;
  sentences: number;
  vectors: string;
  buildS: number;
  textsPerS: number;
  modelTextsPerS: number;
  sizeMiB: number;
  coldMs: number;
  askP50: number;
  askP95: number;
  forwardP50: number;
  rssMiB: number;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--warm-child') return warmChild(argv[1]!, argv[2]!);
  if (argv[0] === '--replot') return report((JSON.parse(fs.readFileSync(path.join(RESULTS, 'corpus.json'), 'utf8')) as { rows: Row[] }).rows);
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  const sizes = get('sizes', '100,1000,10000').split(',').map(Number);
  const realUpTo = Number(get('real-upto', '100'));
  const config = loadConfig();
  const real = await loadEmbedder(config);
  const pool = sentencePool();
  console.error(`pool: ${pool.sentences.length} real sentences, ${pool.publishers.length} publishers`);
  const { cache, textsPerSecond } = await sentenceVectors(real, pool);
  const rows: Row[] = [];
  for (const n of sizes) {
    const dir = path.join(TMP, String(n));
    const corpusDir = path.join(dir, 'corpus');
    const indexDir = path.join(dir, 'index');
    writeCorpus(corpusDir, n, pool);
    fs.rmSync(indexDir, { recursive: true, force: true });
    const realPassages = n <= realUpTo;
    const t0 = now();
    const summary = await buildIndex(
      { ...config, corpusDir, indexDir },
      { embedder: benchEmbedder(real, cache, realPassages), onProgress: (done, total) => done % 5000 === 0 && console.error(`  ${n}: ${done}/${total}`) },
    );
    const buildS = (now() - t0) / 1000;
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, NO_COLOR: '1' };
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await run(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'ask.js'), QUESTIONS[0]!, '--json'], env);
      if (r.code !== 0) throw new Error(`npm run ask failed on ${n} articles`);
      cold.push(r.ms);
    }
    const warm = await run(process.execPath, [...process.execArgv, path.join(PROJECT_ROOT, 'bench', 'corpus.ts'), '--warm-child', corpusDir, indexDir], {});
    const w = JSON.parse(warm.stdout.trim().split('\n').pop()!) as { askP50: number; askP95: number; forwardP50: number; rssMiB: number };
    const row: Row = {
      articles: n,
      passages: summary.passages,
      sentences: summary.sentences,
      vectors: realPassages ? 'real' : 'sentences real, passages summed',
      buildS,
      textsPerS: (summary.passages + summary.sentences) / buildS,
      modelTextsPerS: textsPerSecond,
      sizeMiB: dirSize(indexDir) / 2 ** 20,
      coldMs: percentile(cold, 50),
      ...w,
    };
    rows.push(row);
    console.error(`${n} articles: ${JSON.stringify(row)}`);
  }
  const out = {
    machine: machine(),
    note: 'Corpora of real sentences recombined; passages above --real-upto articles get the normalised sum of their sentences’ real vectors.',
    realUpTo,
    rows,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'corpus.json'), `${JSON.stringify(out, null, 2)}\n`);
  await report(rows);
}

/** The plot and the table, from the rows of a run. */
async function report(rows: Row[]): Promise<void> {
  await renderScatterPng(
    path.join(RESULTS, 'corpus.png'),
    [
      { label: 'warm ask() p50 / forward pass', points: rows.map((r) => ({ x: Math.log10(r.articles), y: r.askP50 / r.forwardP50, label: String(r.articles) })) },
      { label: 'cold start (s)', points: rows.map((r) => ({ x: Math.log10(r.articles), y: r.coldMs / 1000, label: String(r.articles) })) },
      { label: 'RSS (GiB)', points: rows.map((r) => ({ x: Math.log10(r.articles), y: r.rssMiB / 1024, label: String(r.articles) })) },
    ],
    { title: 'The pipeline as the corpus grows', xLabel: 'log10(articles)', yLabel: 'ratio · seconds · GiB', unitX: false },
  );
  console.log(
    table(
      ['articles', 'passages', 'sentences', 'vectors', 'index build', 'texts/s (model alone)', 'on disk', 'cold start', 'warm ask p50 / p95', 'forward pass p50', 'ratio', 'RSS'],
      rows.map((r) => [
        String(r.articles),
        String(r.passages),
        String(r.sentences),
        r.vectors,
        `${fmt(r.buildS, 1)} s`,
        `${fmt(r.textsPerS, 0)} (${fmt(r.modelTextsPerS, 0)})`,
        `${fmt(r.sizeMiB, 1)} MiB`,
        `${fmt(r.coldMs / 1000, 2)} s`,
        `${fmt(r.askP50, 1)} / ${fmt(r.askP95, 1)} ms`,
        `${fmt(r.forwardP50, 1)} ms`,
        `${fmt(r.askP50 / r.forwardP50, 2)}×`,
        `${fmt(r.rssMiB, 0)} MiB`,
      ]),
    ),
  );
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
