/**
 * Cold start: process start → index loaded → model loaded → first answer ready, each in a fresh process
 * (median of several runs), the same steps replayed one by one to show where the time goes, and the wall time of
 * the real `npm run ask -- "<question>"` when the CLI exists. Goal: ≤ 1.5 s in total for `npm run ask`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { emit, isMain, log, BENCH_DIR } from './lib/child.js';
import { fmt, now, percentile, table } from './lib/stats.js';

const QUESTION = 'how many countries came to the interpol meeting in 2011?';

function run(cmd: string, args: string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_CHILD: '' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: now() - t0, stdout, code }));
  });
}

const lastJson = (s: string) => JSON.parse(s.trim().split('\n').pop() ?? '{}');
const median = (xs: number[]) => percentile(xs, 50);

/** Newest modification time under a folder (to tell whether dist/ was built from the current src/). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export async function measureColdStart(runs = Number(process.env.BENCH_COLD_RUNS ?? 3)) {
  // The production path runs compiled JavaScript from dist/ (`npm run build`); without it, src/ through tsx.
  const distDir = path.join(PROJECT_ROOT, 'dist');
  const useDist = fs.existsSync(path.join(distDir, 'answer', 'index.js'));
  const root = useDist ? 'dist' : 'src';
  const distStale = useDist && newestMtime(path.join(PROJECT_ROOT, 'src')) > newestMtime(distDir);
  const nodeArgs = useDist ? [] : ['--import', 'tsx'];
  log(`cold start: ${runs} fresh processes each, core from ${root}/${distStale ? ' (older than src/: run npm run build)' : ''}`);
  const nodeBare: number[] = [];
  const probes: { wall: number; marks: Record<string, number>; peakRssMiB: number }[] = [];
  const details: [string, number][][] = [];
  const npmAsk: number[] = [];
  const hasAskCli = fs.existsSync(path.join(PROJECT_ROOT, 'src', 'cli', 'ask.ts'));
  const viaTsx: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeBare.push((await run(process.execPath, ['-e', '0'])).ms);
    const p = await run(process.execPath, [...nodeArgs, path.join(BENCH_DIR, 'lib', 'cold-probe.mjs'), root, QUESTION]);
    if (p.code !== 0) throw new Error('cold-probe failed');
    const j = lastJson(p.stdout);
    probes.push({ wall: p.ms, marks: j.marks, peakRssMiB: j.peakRssMiB });
    const d = await run(process.execPath, [...nodeArgs, path.join(BENCH_DIR, 'lib', 'cold-detail.mjs'), root]);
    if (d.code === 0) details.push(lastJson(d.stdout).steps);
    if (useDist) {
      // The same probe through tsx on src/, for comparison with the compiled path.
      const t = await run(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'lib', 'cold-probe.mjs'), 'src', QUESTION]);
      if (t.code === 0) viaTsx.push(lastJson(t.stdout).marks.firstAnswer);
    }
    if (hasAskCli) {
      const a = await run('npm', ['run', '--silent', 'ask', '--', QUESTION]);
      if (a.code === 0) npmAsk.push(a.ms);
    }
  }
  const m = (k: string) => median(probes.map((p) => p.marks[k]));
  const phases = {
    processToEntry: m('entered'),
    imports: m('imported') - m('entered'),
    indexLoad: m('indexLoaded') - m('imported'),
    modelLoad: m('modelLoaded') - m('indexLoaded'),
    firstAnswer: m('firstAnswer') - m('modelLoaded'),
    total: m('firstAnswer'),
    processWall: median(probes.map((p) => p.wall)),
  };
  const detail = details.length
    ? details[0].map(([name], i) => [name, median(details.map((d) => d[i][1]))] as [string, number])
    : [];
  const rows: (string | number)[][] = [
    ['bare `node -e 0` (reference)', fmt(median(nodeBare), 0), ''],
    [`process start → entry file runs (node${useDist ? ', compiled dist/' : ' + tsx'})`, fmt(phases.processToEntry, 0), fmt(phases.processToEntry, 0)],
    ['→ core modules imported', fmt(phases.imports, 0), fmt(m('imported'), 0)],
    ['→ index loaded (openAnswerer)', fmt(phases.indexLoad, 0), fmt(m('indexLoaded'), 0)],
    ['→ model loaded (ready)', fmt(phases.modelLoad, 0), fmt(m('modelLoaded'), 0)],
    ['→ first answer ready', fmt(phases.firstAnswer, 0), fmt(m('firstAnswer'), 0)],
    ['whole process, spawn → exit', '', fmt(phases.processWall, 0)],
    ...(viaTsx.length ? [['same probe on src/ through tsx: process start → first answer', '', fmt(median(viaTsx), 0)]] : []),
    ['`npm run ask -- "<question>"`, spawn → exit', '', hasAskCli && npmAsk.length ? fmt(median(npmAsk), 0) : 'n/a (no CLI yet)'],
  ];
  const text =
    table(['cold start (median of ' + runs + ' fresh processes)', 'step ms', 'at ms'], rows) +
    '\n\n' +
    table(['where the time goes (steps replayed one by one)', 'ms'], detail.map(([n, ms]) => [n, fmt(ms, 0)]));
  return {
    runs,
    question: QUESTION,
    coreFrom: root,
    distStale,
    viaTsxFirstAnswerMs: viaTsx.length ? median(viaTsx) : null,
    phases,
    nodeBareMs: median(nodeBare),
    npmAskMs: npmAsk.length ? median(npmAsk) : null,
    npmAskRuns: npmAsk,
    peakRssMiB: median(probes.map((p) => p.peakRssMiB)),
    detail,
    table: text,
  };
}

if (isMain(import.meta.url)) {
  measureColdStart().then(emit, (err) => {
    console.error(err);
    process.exit(1);
  });
}
