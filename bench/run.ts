/**
 * `npm run bench`: every measurement of issue #5 except the 1 M-vector scale run (`npm run bench:scale`), each in
 * its own fresh process, one after the other, on this machine; then one table of ratios against the goals.
 * Results: bench/results/bench.json (everything) and bench/results/bench.md (the tables). Takes 3–5 minutes.
 * Options: --only latency,peers,peersCombined (a subset), --no-write (print only), --rescale (keep the last run's measurements and
 * recompute the headline with the newest `npm run bench:scale` result).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, log, runMeasurement } from './lib/child.js';
import { fmt, machine, now, table } from './lib/stats.js';

const RESULTS = path.join(BENCH_DIR, 'results');

/** Name, script, arguments, and the heading of its table in bench.md. */
const MEASUREMENTS = [
  ['coldStart', 'cold-start.ts', [], 'coldStart'],
  ['latency', 'latency.ts', [], 'latency'],
  ['indexing', 'indexing.ts', [], 'indexing'],
  ['peers', 'peers.ts', [], 'peers (bundled corpus, seed questions)'],
  ['peersCombined', 'peers.ts', ['--corpus', 'combined'], 'peersCombined (combined corpus: corpus/ + eval/articles/, seed and unseen questions)'],
  ['burst', 'burst.ts', [], 'burst'],
] as const;

type Name = (typeof MEASUREMENTS)[number][0];

/** The newest scale result on disk (written by `npm run bench:scale`), preferring the largest N. */
function lastScale(): any | null {
  if (!fs.existsSync(RESULTS)) return null;
  const files = fs.readdirSync(RESULTS).filter((f) => /^scale-.*\.json$/.test(f));
  const all = files.map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS, f), 'utf8')));
  all.sort((a, b) => b.n - a.n);
  return all[0] ?? null;
}

const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'MISSED');

function headline(r: Partial<Record<Name, any>>, scale: any | null): string {
  const rows: (string | number)[][] = [];
  if (r.latency) {
    const l = r.latency;
    rows.push(['warm latency p50: ask() / bare forward pass', `${fmt(l.ratioP50)}× (${fmt(l.askMs.p50, 1)} / ${fmt(l.floorMs.p50, 1)} ms)`, '≤ 1.2×', verdict(l.ratioP50 <= 1.2)]);
    rows.push(['warm latency p95: ask() / bare forward pass', `${fmt(l.ratioP95)}× (${fmt(l.askMs.p95, 1)} / ${fmt(l.floorMs.p95, 1)} ms)`, '≤ 1.2×', verdict(l.ratioP95 <= 1.2)]);
  }
  if (r.coldStart) {
    const c = r.coldStart;
    rows.push([`cold start: process start → first answer (core from ${c.coreFrom ?? 'src'}/)`, `${fmt(c.phases.total / 1000, 2)} s`, '≤ 1.5 s', verdict(c.phases.total <= 1500)]);
    rows.push(['cold start: `npm run ask` spawn → exit', c.npmAskMs === null ? 'n/a' : `${fmt(c.npmAskMs / 1000, 2)} s`, '≤ 1.5 s', c.npmAskMs === null ? 'n/a' : verdict(c.npmAskMs <= 1500)]);
  }
  if (r.indexing) {
    const x = r.indexing;
    rows.push(['indexing: core texts/s / best raw model texts/s', `${fmt(x.ratioToBestRaw)}× (${fmt(x.corePerS, 1)} / ${fmt(x.bestRawPerS, 1)}, ${x.bestRawLabel})`, '≥ 0.9×', verdict(x.ratioToBestRaw >= 0.9)]);
  }
  if (scale) {
    const pts = scale.runs.flatMap((run: any) => run.query.perEf.map((e: any) => ({ ...e, m: run.m, efc: run.efConstruction, loadMs: run.query.loadMs })));
    const good = pts.filter((p: any) => p.recall >= 0.98).sort((a: any, b: any) => b.qpsAll - a.qpsAll)[0];
    const cores = pts[0]?.cores ?? os.cpus().length;
    const label = `${(scale.n as number).toLocaleString('en')} vectors`;
    rows.push([
      `scale (${label}): best q/s at recall@10 ≥ 0.98, ${cores} cores`,
      good ? `${fmt(good.qpsAll, 0)} q/s, recall ${fmt(good.recall, 3)} (M=${good.m}, efC=${good.efc}, ef=${good.ef})` : 'no setting reached 0.98',
      '≥ 2,000 q/s',
      good ? verdict(good.qpsAll >= 2000) : 'MISSED',
    ]);
    const load = Math.max(...scale.runs.map((run: any) => run.query.loadMs));
    rows.push([`scale (${label}): index load time (slowest config)`, `${fmt(load / 1000, 2)} s`, '≤ 2 s', verdict(load <= 2000)]);
  } else {
    rows.push(['scale', 'not run: `npm run bench:scale`', '', 'n/a']);
  }
  if (r.peers) {
    const ours = r.peers.systems.find((s: any) => s.name.startsWith('ours'));
    const others = r.peers.systems.filter((s: any) => s !== ours);
    if (ours && others.length) {
      const bestTop1 = Math.max(...others.map((s: any) => s.top1));
      const bestTop3 = Math.max(...others.map((s: any) => s.top3));
      const fastest = Math.min(...others.map((s: any) => s.latencyMs.p50));
      rows.push(['peers: accuracy top-1 (ours vs best peer)', `${fmt(100 * ours.top1, 1)}% vs ${fmt(100 * bestTop1, 1)}%`, 'most accurate', verdict(ours.top1 > bestTop1)]);
      rows.push(['peers: accuracy top-3 (ours vs best peer)', `${fmt(100 * ours.top3, 1)}% vs ${fmt(100 * bestTop3, 1)}%`, 'most accurate', verdict(ours.top3 > bestTop3)]);
      rows.push(['peers: latency p50, ours / fastest peer', `${fmt(ours.latencyMs.p50 / fastest)}× (${fmt(ours.latencyMs.p50, 1)} / ${fmt(fastest, 1)} ms)`, '≤ 1× (fastest)', verdict(ours.latencyMs.p50 <= fastest)]);
    }
  }
  if (r.peersCombined) {
    const ours = r.peersCombined.systems.find((s: any) => s.name.startsWith('ours'));
    const others = r.peersCombined.systems.filter((s: any) => s !== ours);
    for (const label of ['unseen tuning', 'unseen held-out']) {
      const set = (s: any) => s.sets.find((x: any) => x.set === label);
      if (!ours || !others.length || !set(ours)) continue;
      const best = (k: 'answerableTop1' | 'answerableTop3') => Math.max(...others.map((s: any) => set(s)[k]));
      const [o1, o3, b1, b3] = [set(ours).answerableTop1, set(ours).answerableTop3, best('answerableTop1'), best('answerableTop3')];
      rows.push([
        `peers, combined corpus, ${label}: top-1 / top-3 answerable (ours vs best peer)`,
        `${fmt(100 * o1, 1)}% / ${fmt(100 * o3, 1)}% vs ${fmt(100 * b1, 1)}% / ${fmt(100 * b3, 1)}%`,
        'most accurate',
        verdict(o1 > b1 && o3 > b3),
      ]);
    }
    if (ours && others.length) {
      const fastest = Math.min(...others.map((s: any) => s.latencyMs.p50));
      rows.push(['peers, combined corpus: latency p50, ours / fastest peer', `${fmt(ours.latencyMs.p50 / fastest)}× (${fmt(ours.latencyMs.p50, 1)} / ${fmt(fastest, 1)} ms)`, '≤ 1× (fastest)', verdict(ours.latencyMs.p50 <= fastest)]);
    }
  }
  if (r.burst) {
    const b = r.burst;
    rows.push(['burst: questions lost', `${b.failed} of ${b.submitted}`, '0', verdict(b.failed === 0)]);
    rows.push(['burst: time to answer p50 / p95', `${fmt(b.latencyMs.p50 / 1000, 2)} / ${fmt(b.latencyMs.p95 / 1000, 2)} s (${fmt(b.perS, 1)} q/s)`, 'reported', '']);
    rows.push(['burst: RSS growth over idle', `+${fmt(b.peakRssAboveIdleMiB, 0)} MiB (peak ${fmt(b.peakRssMiB, 0)} MiB)`, 'bounded', '']);
    rows.push(['burst: longest event-loop stall', `${fmt(b.eventLoopGapMs.max / 1000, 2)} s`, 'reported', '']);
  }
  return table(['measurement', 'measured', 'goal', 'verdict'], rows);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const started = now();
  let load0 = os.loadavg();
  let results: Partial<Record<Name, any>> = {};
  let seconds: Record<string, number> = {};
  let failures: Record<string, string> = {};
  let date = new Date().toISOString();
  // --rescale: keep the last run's measurements, recompute the headline with the newest scale result.
  const rescale = argv.includes('--rescale');
  if (rescale) {
    const last = JSON.parse(fs.readFileSync(path.join(RESULTS, 'bench.json'), 'utf8'));
    ({ results, seconds, failures, date } = last);
    load0 = last.loadAverage.before;
  }
  for (const [name, file, args] of rescale ? [] : MEASUREMENTS) {
    if (only && !only.has(name)) continue;
    log(`${name} (${[file, ...args].join(' ')})…`);
    const t0 = now();
    try {
      results[name] = await runMeasurement(file, [...args]);
    } catch (err) {
      // One broken measurement (e.g. the core mid-change) must not hide the others; the failure is reported.
      failures[name] = String(err);
      log(`${name} FAILED: ${String(err)}`);
    }
    seconds[name] = (now() - t0) / 1000;
  }
  const scale = lastScale();
  const head = headline(results, scale);
  const load1 = rescale ? JSON.parse(fs.readFileSync(path.join(RESULTS, 'bench.json'), 'utf8')).loadAverage.after : os.loadavg();
  const m = machine();
  const sections = [
    `## Headline: ratios measured in one run (${date})`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}. ` +
      `Load average (1 min) before / after: ${fmt(load0[0])} / ${fmt(load1[0])}.`,
    head,
    ...MEASUREMENTS.filter(([n]) => results[n]).map(([n, , , title]) => `### ${title}\n\n${results[n].table}`),
    ...Object.entries(failures).map(([n, e]) => `### ${n}\n\nFAILED: ${e}`),
    scale ? `### scale (from the last \`npm run bench:scale\`, ${scale.date}, N = ${scale.n})\n\n${scale.table}` : '',
    `Measured in ${fmt(rescale ? Object.values(seconds).reduce((x, y) => x + y, 0) : (now() - started) / 1000, 0)} s (${Object.entries(seconds).map(([k, v]) => `${k} ${fmt(v, 0)} s`).join(', ')}).`,
  ].filter(Boolean);
  const text = sections.join('\n\n');
  console.log(`\n${text}\n`);
  if (!argv.includes('--no-write')) {
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(
      path.join(RESULTS, only ? 'bench-partial.json' : 'bench.json'),
      JSON.stringify({ date, machine: m, loadAverage: { before: load0, after: load1 }, seconds, failures, results, headline: head }, null, 2),
    );
    fs.writeFileSync(path.join(RESULTS, only ? 'bench-partial.md' : 'bench.md'), `${text}\n`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
