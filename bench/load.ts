/**
 * Load: the bot's two ways of being reached, each with one and with two processes, driven on 127.0.0.1 only.
 *
 *   - HTTP endpoint: `npm run serve:http` processes (built `dist/`), Discord played by this process — each
 *     interaction signed with a test key and POSTed; two processes share one STATE_FILE and are sent questions in
 *     turn, as a load balancer would.
 *   - Gateway: `npm start` against the stand-in (in this process), unsharded, then `SHARDS=2` with two guilds on
 *     two shards, questions alternating between the guilds.
 *
 * Every question is a distinct /ask from a distinct user (the cooldown is off and would not apply anyway), so
 * nothing is a cache hit. `BENCH_LOAD_IN_FLIGHT` (default 8) questions at a time; bounded by
 * `BENCH_LOAD_QUESTIONS` (default 500) and a time limit per setup; `BENCH_LOAD_SETUPS` picks setups (http1, http2,
 * gateway1, gateway2). A question counts as answered when its answer is in Discord: the HTTP response or callback
 * of type 4, or the webhook edit after a deferral; lost if not within 30 s. Event-loop lag is each bot process's
 * own `nodejs_eventloop_lag_max_seconds`, read from its /metrics before the run (which resets it) and after.
 * Run with `npm run bench:load`; results in bench/results/load.json and BENCHMARKS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { freePort } from '../test/discord/free-port.js';
import { chatInput, newUser } from '../test/discord/stand-in/payloads.js';
import { DiscordStandIn, STAND_IN_TOKEN, type RecordedRequest } from '../test/discord/stand-in/server.js';
import { BENCH_DIR, log } from './lib/child.js';
import { fmt, machine, now, percentile, table } from './lib/stats.js';
import { variedQuestions } from './questions.js';

const QUESTIONS = Number(process.env.BENCH_LOAD_QUESTIONS ?? 500);
const WARM_UP = 8;
const IN_FLIGHT = Number(process.env.BENCH_LOAD_IN_FLIGHT ?? 8);
const ANSWER_TIMEOUT_MS = 30_000;
const SETUP_TIME_LIMIT_MS = 4 * 60_000;

interface Setup {
  name: string;
  processes: number;
  /** Sends question `n`; resolves with the time to its answer in Discord, or null if lost. */
  ask(n: number, question: string): Promise<number | null>;
  /** `/metrics` URLs of the bot processes. */
  metricsUrls: string[];
  stop(): Promise<void>;
}

/** Starts a built entry point; resolves once a log line satisfies `ready` (or rejects if the process exits). */
function startProcess(script: string, env: Record<string, string>, ready: (line: Record<string, any>) => boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', script)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let readyLines = 0;
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const parsed = JSON.parse(line) as Record<string, any>;
          if (parsed.level === 'error') log(`load: ${script}: ${line}`);
          if (ready(parsed) && readyLines++ === 0) resolve(child);
        } catch {
          if (line.trim()) log(`load: ${script}: ${line}`);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before it was ready`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resolves each interaction's wait when its answer reaches the stand-in: a type 4 callback, or the edit of a deferral. */
function watchAnswers(standIn: DiscordStandIn): (token: string) => Promise<void> {
  const waiting = new Map<string, () => void>();
  standIn.onResponse = (r: RecordedRequest) => {
    const m = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)\/(callback|messages\/@original)$/.exec(r.path);
    if (!m || r.status >= 400) return;
    const done = (m[2] === 'callback' && r.body?.type === 4) || (m[2] === 'messages/@original' && r.method === 'PATCH');
    if (done) waiting.get(m[1]!)?.();
  };
  return (token) =>
    new Promise((resolve) => {
      waiting.set(token, () => {
        waiting.delete(token);
        resolve();
      });
    });
}

function timeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(timer));
}

async function httpSetup(processes: number, key: { privateKey: KeyObject; publicHex: string }): Promise<Setup> {
  const standIn = await DiscordStandIn.start();
  const answered = watchAnswers(standIn);
  const dir = mkdtempSync(path.join(tmpdir(), 'load-http-'));
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < processes; i++) {
    const port = await freePort();
    ports.push(port);
    children.push(
      await startProcess(
        'discord/serve-http.js',
        {
          DISCORD_PUBLIC_KEY: key.publicHex,
          DISCORD_API_URL: standIn.apiUrl,
          DISCORD_TOKEN: '',
          HTTP_PORT: String(port),
          STATE_FILE: path.join(dir, 'state.sqlite'),
          FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
          COOLDOWN_SECONDS: '0',
          LOG_LEVEL: 'info',
        },
        (line) => line.event === 'model.ready',
      ),
    );
  }
  return {
    name: 'HTTP endpoint',
    processes,
    metricsUrls: ports.map((p) => `http://127.0.0.1:${p}/metrics`),
    async ask(n, question) {
      const payload = chatInput(standIn, 'ask', { question }, { user: newUser(`u${n}`) });
      const started = now();
      const edit = answered(payload.token);
      const url = `http://127.0.0.1:${ports[n % processes]}/interactions`;
      const response = await standIn.postInteraction(url, key.privateKey, payload);
      if (response.status !== 200) return null;
      if (response.body.type === 4) return now() - started;
      return (await timeout(edit, ANSWER_TIMEOUT_MS)) === null ? null : now() - started;
    },
    async stop() {
      await Promise.all(children.map(stopProcess));
      await standIn.close();
    },
  };
}

async function gatewaySetup(processes: number): Promise<Setup> {
  const standIn = await DiscordStandIn.start({ guilds: processes, shards: processes, heartbeatIntervalMs: 5_000 });
  const answered = watchAnswers(standIn);
  const dir = mkdtempSync(path.join(tmpdir(), 'load-gateway-'));
  const metricsPort = await freePort();
  // With shards, the process started is the manager; it is ready once it has logged every shard ready.
  const child = await startProcess(
    'discord/main.js',
    {
      DISCORD_TOKEN: STAND_IN_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      STATE_FILE: path.join(dir, 'state.sqlite'),
      FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
      COOLDOWN_SECONDS: '0',
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      ...(processes > 1 ? { SHARDS: String(processes) } : {}),
    },
    (line) => (processes > 1 ? line.event === 'shards.ready' : line.event === 'model.ready'),
  );
  await standIn.gateway.waitUntilLive(60_000, processes);
  // A shard answers once its model is loaded; the manager's "ready" means connected, so wait for /healthz.
  const metricsUrls = Array.from({ length: processes }, (_, i) => `http://127.0.0.1:${metricsPort + i}/metrics`);
  for (const url of metricsUrls) {
    const health = url.replace('/metrics', '/healthz');
    for (let tries = 0; (await fetch(health).then((r) => r.status, () => 0)) !== 200; tries++) {
      if (tries > 300) throw new Error(`${health} never became healthy`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name: 'gateway',
    processes,
    metricsUrls,
    async ask(n, question) {
      const guildId = standIn.guildIds[n % processes]!;
      const payload = chatInput(standIn, 'ask', { question }, { user: newUser(`u${n}`), guildId });
      const started = now();
      const done = answered(payload.token);
      standIn.sendInteraction(payload);
      return (await timeout(done, ANSWER_TIMEOUT_MS)) === null ? null : now() - started;
    },
    async stop() {
      await stopProcess(child);
      await standIn.close();
    },
  };
}

/** The largest event-loop lag each process saw since its last scrape, in ms. */
async function eventLoopLagMs(urls: string[]): Promise<number[]> {
  return Promise.all(
    urls.map(async (url) => {
      const text = await (await fetch(url)).text();
      const m = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text);
      return m ? Number(m[1]) * 1000 : NaN;
    }),
  );
}

interface Row {
  mode: string;
  processes: number;
  questions: number;
  lost: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxLagMs: number;
}

async function measure(setup: Setup, questions: string[]): Promise<Row> {
  // Warm-up: every process answers a few questions before the clock starts.
  await Promise.all(Array.from({ length: WARM_UP * setup.processes }, (_, i) => setup.ask(1_000_000 + i, questions[i % questions.length]!)));
  await eventLoopLagMs(setup.metricsUrls);
  const latencies: number[] = [];
  let lost = 0;
  let next = 0;
  const deadline = Date.now() + SETUP_TIME_LIMIT_MS;
  const t0 = now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < questions.length && Date.now() < deadline) {
        const n = next++;
        const ms = await setup.ask(n, questions[n]!);
        if (ms === null) lost++;
        else latencies.push(ms);
      }
    }),
  );
  const seconds = (now() - t0) / 1000;
  lost += questions.length - next;
  const lag = await eventLoopLagMs(setup.metricsUrls);
  return {
    mode: setup.name,
    processes: setup.processes,
    questions: questions.length,
    lost,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxLagMs: Math.max(...lag),
  };
}

async function main(): Promise<void> {
  const questions = variedQuestions(QUESTIONS);
  const keys = generateKeyPairSync('ed25519');
  const key = { privateKey: keys.privateKey, publicHex: Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex') };
  const rows: Row[] = [];
  const setups: Record<string, () => Promise<Setup>> = {
    http1: () => httpSetup(1, key),
    http2: () => httpSetup(2, key),
    gateway1: () => gatewaySetup(1),
    gateway2: () => gatewaySetup(2),
  };
  const chosen = (process.env.BENCH_LOAD_SETUPS ?? Object.keys(setups).join(',')).split(',');
  for (const name of chosen) {
    const start = setups[name];
    if (!start) throw new Error(`BENCH_LOAD_SETUPS: unknown setup "${name}" (known: ${Object.keys(setups).join(', ')})`);
    const setup = await start();
    log(`load: ${setup.name}, ${setup.processes} process(es), ${questions.length} questions, ${IN_FLIGHT} in flight`);
    try {
      rows.push(await measure(setup, questions));
    } finally {
      await setup.stop();
    }
  }
  const text = table(
    ['mode', 'processes', 'questions', 'lost', 'answers/s', 'p50 ms', 'p95 ms', 'max event-loop lag ms'],
    rows.map((r) => [r.mode, r.processes, r.questions, r.lost, fmt(r.perSecond, 1), fmt(r.p50Ms, 0), fmt(r.p95Ms, 0), fmt(r.maxLagMs, 0)]),
  );
  console.log(`\n${text}\n`);
  writeFileSync(path.join(BENCH_DIR, 'results', 'load.json'), `${JSON.stringify({ machine: machine(), inFlight: IN_FLIGHT, rows }, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
