/**
 * Soak: 10,000 distinct users each ask once, through the Discord stand-in on 127.0.0.1 (in a process of its own, so
 * only the bot's memory is measured), with the real discord.js client and the real core in this process. Reports
 * none lost (every interaction got its callback), unhandled rejections, and memory: RSS and heap after a warm-up, at
 * the peak, and after the run (caches swept, GC run) — the goal is the end within 10 % of the warm-up's. "After" is
 * measured as the bot's own minute-by-minute sweep leaves it: once the last users' cooldowns have run out, with
 * `Bot.sweep()` run. Bounded: at most `BENCH_SOAK_USERS` users, 32 in flight, and a 10-minute limit. Run with
 * `npm run bench:soak` (node's --expose-gc is needed for a fair "after"); `BENCH_SOAK_TRACE=1` logs memory every
 * 2,500 users, `BENCH_SOAK_USERS` sets the number of users.
 */
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAnswerer } from '../src/answer/index.js';
import { loadConfig, loadDiscordConfig } from '../src/config.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/discord/log.js';
import { STAND_IN_TOKEN } from '../test/discord/stand-in/server.js';
import { BENCH_DIR, emit, isMain, log } from './lib/child.js';
import { fmt, memoryMiB, now, table } from './lib/stats.js';

const QUESTIONS = [
  'How many countries attended in 2011?',
  'What is sextortion?',
  'Who led the development of the ICSE database?',
  'How many people were arrested in Operation Strikeback?',
  'Where was the 2014 meeting held?',
  'What are Green Notices?',
  'Who won the football world cup?',
  'How many victims have been identified through ICSE?',
];

const IN_FLIGHT = 32;
const TIME_LIMIT_MS = 10 * 60_000;
const WARM_UP_USERS = 300;
const COOLDOWN_MS = 10_000;

function settle() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
  return memoryMiB();
}

/** Starts the stand-in in its own process; resolves with its API URL and a handle to drive it. */
async function startStandIn() {
  const child = fork(path.join(BENCH_DIR, 'lib', 'stand-in-process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const answered = new Set<number>();
  const waiting = new Map<number, () => void>();
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { ready?: { apiUrl: string }; answered?: number }) => {
      if (m.ready) resolve(m.ready.apiUrl);
      if (m.answered !== undefined) {
        answered.add(m.answered);
        waiting.get(m.answered)?.();
      }
    });
  });
  return {
    apiUrl,
    /** Sends user n's question; resolves when it is answered, or after `timeoutMs` (then it counts as lost). */
    ask(n: number, question: string, timeoutMs: number): Promise<boolean> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(n);
          resolve(false);
        }, timeoutMs);
        waiting.set(n, () => {
          clearTimeout(timer);
          waiting.delete(n);
          resolve(true);
        });
        child.send({ ask: { n, question } });
      });
    },
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send('close');
    }),
  };
}

export async function measureSoak(users = Number(process.env.BENCH_SOAK_USERS ?? 10_000)) {
  let unhandled = 0;
  process.on('unhandledRejection', () => void unhandled++);
  const standIn = await startStandIn();
  const dir = await mkdtemp(path.join(tmpdir(), 'soak-'));
  const config = loadDiscordConfig({
    DISCORD_TOKEN: STAND_IN_TOKEN,
    DISCORD_API_URL: standIn.apiUrl,
    FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
    STATE_FILE: path.join(dir, 'state.sqlite'),
    COOLDOWN_SECONDS: String(COOLDOWN_MS / 1000),
    LOG_LEVEL: 'info',
  });
  const outcomes = new Map<string, number>();
  const logger = createLogger({
    level: 'info',
    secrets: [config.token],
    write: (line) => {
      const m = /"outcome":"([a-z-]+)"/.exec(line);
      if (m) outcomes.set(m[1]!, (outcomes.get(m[1]!) ?? 0) + 1);
    },
  });
  const answerer = await openAnswerer(loadConfig({}));
  await answerer.ready();
  const bot = await startBot({ config, answerer, logger });

  const deadline = Date.now() + TIME_LIMIT_MS;
  let sent = 0;
  let peak = memoryMiB();
  const sampler = setInterval(() => {
    const m = memoryMiB();
    peak = { ...peak, rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
  }, 200);

  /** Users `sent` … `sent + count - 1` each ask once, `IN_FLIGHT` at a time; returns how many got no answer. */
  async function run(count: number): Promise<number> {
    let next = 0;
    let lost = 0;
    const worker = async () => {
      while (next < count && Date.now() < deadline) {
        const n = sent + next++;
        if (!(await standIn.ask(n, QUESTIONS[n % QUESTIONS.length]!, 30_000))) lost++;
        if (process.env.BENCH_SOAK_TRACE && n % 2500 === 2499) {
          const m = process.memoryUsage();
          log(`soak: ${n + 1} users: rss ${fmt(m.rss / 2 ** 20, 0)} heap ${fmt(m.heapUsed / 2 ** 20, 0)} MiB`);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    lost += count - next;
    sent += count;
    return lost;
  }

  log(`soak: warm-up, ${WARM_UP_USERS} users`);
  await run(WARM_UP_USERS);
  // The baseline as the run's end will be measured: the warm-up's users past their cooldown, everything swept.
  await new Promise((r) => setTimeout(r, COOLDOWN_MS + 1_000));
  bot.sweep();
  const start = settle();
  log(`soak: ${users} distinct users, ${IN_FLIGHT} in flight`);
  const t0 = now();
  const lost = await run(users);
  const seconds = (now() - t0) / 1000;
  clearInterval(sampler);
  // What the bot's own sweep (every minute) frees once the last users' cooldowns have run out.
  await new Promise((r) => setTimeout(r, COOLDOWN_MS + 1_000));
  bot.sweep();
  const end = settle();
  await bot.stop();
  await standIn.close();

  const result = {
    users,
    lost,
    unhandledRejections: unhandled,
    seconds,
    perSecond: users / seconds,
    outcomes: Object.fromEntries(outcomes),
    memoryMiB: { start, peak, end },
    rssChange: end.rss / start.rss - 1,
    heapChange: end.heapUsed / start.heapUsed - 1,
    cachedUsers: bot.client.users.cache.size,
    gcExposed: Boolean(global.gc),
  };
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${fmt(100 * x, 1)} %`;
  const text = table(
    ['soak', 'value'],
    [
      ['distinct users, one question each', String(users)],
      ['lost (no reply within 30 s)', String(lost)],
      ['outcomes logged (warm-up included)', [...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')],
      ['unhandled rejections', String(unhandled)],
      ['time, answers/s', `${fmt(seconds, 1)} s, ${fmt(users / seconds, 1)}/s`],
      ['RSS after warm-up → peak → after sweep + GC (MiB)', `${fmt(start.rss, 0)} → ${fmt(peak.rss, 0)} → ${fmt(end.rss, 0)} (${pct(result.rssChange)})`],
      ['heap used after warm-up → peak → after (MiB)', `${fmt(start.heapUsed, 0)} → ${fmt(peak.heapUsed, 0)} → ${fmt(end.heapUsed, 0)} (${pct(result.heapChange)})`],
      ['users left in discord.js cache', String(result.cachedUsers)],
    ],
  );
  return { ...result, table: text };
}

if (isMain(import.meta.url)) {
  measureSoak().then(
    (r) => {
      emit(r);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
