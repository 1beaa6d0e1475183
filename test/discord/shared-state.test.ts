import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cooldown, RateLimit } from '../../src/discord/cooldown.js';
import { RedisState, SharedStateError, SqliteState, type SharedState } from '../../src/discord/shared-state.js';
import { startRedis, type RedisServer } from './state/redis-server.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const tempFile = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'state-test-')), name);

describe('Cooldown (on the SQLite state)', () => {
  it('lets a user ask, then makes them wait the configured seconds', async () => {
    const c = clock();
    const cooldown = new Cooldown(new SqliteState(':memory:', c.now), 10);
    expect(await cooldown.take('alice')).toEqual({ ok: true });
    c.advance(3_000);
    expect(await cooldown.take('alice')).toEqual({ ok: false, retryAfterSeconds: 7 });
    c.advance(7_000);
    expect(await cooldown.take('alice')).toEqual({ ok: true });
  });

  it('never tells a user to wait 0 seconds', async () => {
    const c = clock();
    const cooldown = new Cooldown(new SqliteState(':memory:', c.now), 2);
    await cooldown.take('alice');
    c.advance(1_999);
    expect(await cooldown.take('alice')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('keeps one user waiting without affecting another, and a refused question does not extend the wait', async () => {
    const c = clock();
    const cooldown = new Cooldown(new SqliteState(':memory:', c.now), 10);
    expect((await cooldown.take('alice')).ok).toBe(true);
    expect((await cooldown.take('bob')).ok).toBe(true);
    c.advance(9_000);
    expect((await cooldown.take('alice')).ok).toBe(false);
    c.advance(1_000);
    expect((await cooldown.take('alice')).ok).toBe(true);
  });

  it('is off when configured to 0 seconds', async () => {
    const cooldown = new Cooldown(new SqliteState(':memory:', clock().now), 0);
    for (let i = 0; i < 5; i++) expect((await cooldown.take('alice')).ok).toBe(true);
  });

  it('forgets uses whose window is over when swept, so the file stays small', async () => {
    const c = clock();
    const state = new SqliteState(':memory:', c.now);
    const cooldown = new Cooldown(state, 1);
    for (let i = 0; i < 1500; i++) await cooldown.take(`user${i}`);
    c.advance(2_000);
    await cooldown.take('late');
    await state.sweep();
    expect(state.liveUses()).toBe(1);
  });

  it('keeps limits of different kinds apart', async () => {
    const state = new SqliteState(':memory:', clock().now);
    const votes = new RateLimit(state, 'votes', 2, 10_000);
    const more = new RateLimit(state, 'more', 1, 10_000);
    expect((await votes.take('alice')).ok).toBe(true);
    expect((await more.take('alice')).ok).toBe(true);
    expect((await votes.take('alice')).ok).toBe(true);
    expect((await votes.take('alice')).ok).toBe(false);
  });

  it('answers anyway when the state cannot be reached, and says so in the log', async () => {
    const state = new SqliteState(':memory:');
    await state.close();
    const warnings: string[] = [];
    const logger = { warn: (event: string) => warnings.push(event) } as unknown as ConstructorParameters<typeof Cooldown>[2];
    expect(await new Cooldown(state, 10, logger).take('alice')).toEqual({ ok: true });
    expect(warnings).toEqual(['state.failed']);
  });

  it('refuses a STATE_FILE that cannot be opened, naming it', () => {
    const blocker = tempFile('a-file');
    writeFileSync(blocker, 'not a folder');
    const file = path.join(blocker, 'state.sqlite');
    expect(() => new SqliteState(file)).toThrow(SharedStateError);
    expect(() => new SqliteState(file)).toThrow(new RegExp(`^STATE_FILE ${file} cannot be opened \\((ENOTDIR|EEXIST)\\); point it at a writable file$`));
  });
});

/** Starts `n` worker processes on the same state, lets them all go at once, and returns what each got. */
async function race(n: number, env: Record<string, string>): Promise<{ cooldown: boolean; outcomes: string[] }[]> {
  const workers = Array.from({ length: n }, (_, i) =>
    spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'state', 'worker.ts')], {
      env: { ...process.env, ...env, WORKER: `w${i}`, VOTES: '50' },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = workers.map(
    (w) =>
      new Promise<string>((resolve, reject) => {
        let out = '';
        w.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        w.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited ${code}: ${out}`))));
      }),
  );
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.stdout!.once('data', () => resolve()))));
  for (const w of workers) w.stdin!.end('go\n');
  return (await Promise.all(outputs)).map((out) => JSON.parse(out.trim().split('\n').at(-1)!));
}

/** What every store must do, whichever it is. */
function sharedBehaviour(open: (voteRetentionMs?: number) => Promise<SharedState>, envOf: () => Record<string, string>) {
  it('forgets a vote once its retention has passed: the same vote again is a new one', async () => {
    const state = await open(1_000);
    expect((await state.vote('m-old', 'u1', true)).outcome).toBe('recorded');
    expect((await state.vote('m-old', 'u1', true)).outcome).toBe('unchanged');
    await new Promise((r) => setTimeout(r, 1_100));
    await state.sweep();
    expect(await state.vote('m-old', 'u1', true)).toEqual({ outcome: 'recorded', previous: null });
    await state.close();
  });

  it('records one vote per user per message: the same again is unchanged, a changed one replaces it', async () => {
    const state = await open();
    expect(await state.vote('m1', 'u1', true)).toEqual({ outcome: 'recorded', previous: null });
    expect(await state.vote('m1', 'u1', true)).toEqual({ outcome: 'unchanged', previous: true });
    expect(await state.vote('m1', 'u1', false)).toEqual({ outcome: 'replaced', previous: true });
    expect(await state.vote('m1', 'u2', false)).toEqual({ outcome: 'recorded', previous: null });
    await state.restoreVote('m1', 'u2', null);
    expect((await state.vote('m1', 'u2', false)).outcome).toBe('recorded');
    await state.close();
  });

  it('is shared: a cooldown taken through one connection holds on another, and so do votes', async () => {
    const a = await open();
    const b = await open();
    expect((await a.take('cooldown:shared-user', 1, 60_000)).ok).toBe(true);
    const refused = await b.take('cooldown:shared-user', 1, 60_000);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(55_000);
    await a.vote('m2', 'u1', true);
    expect((await b.vote('m2', 'u1', true)).outcome).toBe('unchanged');
    await a.close();
    await b.close();
  });

  it('lets a use in again once its window has passed', async () => {
    const state = await open();
    expect((await state.take('short', 1, 150)).ok).toBe(true);
    expect((await state.take('short', 1, 150)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect((await state.take('short', 1, 150)).ok).toBe(true);
    await state.close();
  });

  it('two processes at once: exactly one gets the last use of a window, and every vote of both is recorded', async () => {
    const results = await race(2, envOf());
    expect(results.filter((r) => r.cooldown)).toHaveLength(1);
    for (const r of results) expect(r.outcomes).toEqual(Array(50).fill('recorded'));
    const state = await open();
    for (const worker of ['w0', 'w1']) {
      for (let i = 0; i < 50; i++) expect((await state.vote('m', `${worker}-${i}`, i % 2 === 0)).outcome).toBe('unchanged');
    }
    await state.close();
  }, 60_000);
}

describe('SqliteState (one machine)', () => {
  const file = tempFile('state.sqlite');
  sharedBehaviour(async (retention) => new SqliteState(file, Date.now, retention), () => ({ STATE_FILE: file }));

  it('keeps the votes of a state file written before votes expired, and sweeps them once past their retention', async () => {
    const old = tempFile('old-state.sqlite');
    const db = new Database(old);
    db.exec('CREATE TABLE votes (message_id TEXT NOT NULL, user_id TEXT NOT NULL, helpful INTEGER NOT NULL, PRIMARY KEY (message_id, user_id)) WITHOUT ROWID');
    db.prepare('INSERT INTO votes VALUES (?, ?, ?)').run('m', 'u', 1);
    db.close();
    const c = clock();
    const state = new SqliteState(old, c.now, 60_000);
    expect((await state.vote('m', 'u', true)).outcome).toBe('unchanged');
    // A second process opening the upgraded file finds it upgraded.
    await new SqliteState(old, c.now, 60_000).close();
    await state.vote('m', 'u2', false);
    expect(state.storedVotes()).toBe(2);
    c.advance(30_000);
    await state.vote('m', 'u3', true);
    c.advance(30_001);
    await state.sweep();
    // The two votes past their retention are gone from the file; the newer one stays.
    expect(state.storedVotes()).toBe(1);
    expect((await state.vote('m', 'u', true)).outcome).toBe('recorded');
    expect((await state.vote('m', 'u3', true)).outcome).toBe('unchanged');
    await state.close();
  });
});

describe('RedisState (several machines), against a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    await redis?.stop();
  });
  const open = async (retention?: number) => {
    const state = new RedisState(redis.url, undefined, retention);
    await state.connect();
    return state;
  };
  sharedBehaviour(open, () => ({ REDIS_URL: redis.url }));

  it('names the address, without its password, when Redis cannot be reached', async () => {
    const state = new RedisState('redis://user:secret@127.0.0.1:1');
    const error = await state.connect().catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SharedStateError);
    expect(error!.message).toMatch(/^REDIS_URL redis:\/\/127\.0\.0\.1:1 cannot be reached/);
    expect(error!.message).not.toContain('secret');
  });
});
