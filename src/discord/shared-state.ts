/**
 * What every process of the bot must agree on — how often each user has asked or pressed lately (the cooldown and
 * the throttles) and the vote each user gave each answer — kept where all processes see it: a SQLite file in WAL
 * mode by default (shards or several copies on one machine), Redis when `REDIS_URL` is set (several machines).
 * Each check-and-record is one atomic step in the store (a write transaction; a Lua script), so two processes
 * taking the last use of a window at the same moment cannot both get it.
 */
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type RateLimitResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * How long a vote on an answer is remembered after it was recorded or changed (the same press again is "unchanged"
 * until then; on Redis, after the last press of anyone on that answer). Long past the days an answer is read and
 * voted on, and the store stays bounded instead of keeping every vote ever cast.
 */
export const VOTE_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** What became of a vote. */
export type VoteOutcome = 'recorded' | 'unchanged' | 'replaced';

export interface VoteResult {
  outcome: VoteOutcome;
  /** The vote this one replaced, null when there was none. */
  previous: boolean | null;
}

export interface SharedState {
  readonly kind: 'sqlite' | 'redis';
  /** Where the state lives (a file, or a Redis address without its password), for the start-up log line. */
  readonly where: string;
  /** Records a use of `key` if it has had fewer than `limit` uses in the last `windowMs`; else how long until it may. */
  take(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  /** Sets `userId`'s vote on `messageId` unless it is already that vote. */
  vote(messageId: string, userId: string, helpful: boolean): Promise<VoteResult>;
  /** Puts back the vote a failed vote replaced (null: none), so the user can vote again. */
  restoreVote(messageId: string, userId: string, previous: boolean | null): Promise<void>;
  /** Forgets uses that have left their window and votes past their retention. */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

export class SharedStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SharedStateError';
  }
}

// ---------------------------------------------------------------------------------------------
// SQLite (one machine)

/** How long a process waits for another's write transaction before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export class SqliteState implements SharedState {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly takeStep: (key: string, limit: number, windowMs: number) => RateLimitResult;
  private readonly voteStep: (messageId: string, userId: string, helpful: boolean) => VoteResult;
  private readonly deleteVote: Database.Statement<[string, string]>;
  private readonly setVote: Database.Statement<[string, string, number, number]>;
  private readonly expire: (now: number) => void;

  /** Opens (creating if needed) the state file; `:memory:` keeps it in this process only (tests). */
  constructor(
    readonly where: string,
    private readonly now: () => number = Date.now,
    private readonly voteRetentionMs = VOTE_RETENTION_MS,
  ) {
    try {
      if (where !== ':memory:') mkdirSync(path.dirname(where), { recursive: true });
      this.db = new Database(where, { timeout: SQLITE_BUSY_TIMEOUT_MS });
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL stays consistent after a crash; at worst the last uses are lost, which only
      // shortens a cooldown.
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS uses (key TEXT NOT NULL, expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS uses_by_key ON uses (key, expires);
        CREATE INDEX IF NOT EXISTS uses_by_expiry ON uses (expires);
        CREATE TABLE IF NOT EXISTS votes (
          message_id TEXT NOT NULL, user_id TEXT NOT NULL, helpful INTEGER NOT NULL, expires INTEGER NOT NULL,
          PRIMARY KEY (message_id, user_id)
        ) WITHOUT ROWID;
      `);
      // A state file from before votes expired: its votes are kept for a retention from now. One write transaction,
      // so two processes opening the file at once upgrade it once, and a crash leaves it as it was.
      const upgrade = this.db.transaction(() => {
        const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(votes)').all();
        if (columns.some((c) => c.name === 'expires')) return;
        this.db.exec('ALTER TABLE votes ADD COLUMN expires INTEGER NOT NULL DEFAULT 0');
        this.db.prepare('UPDATE votes SET expires = ?').run(this.now() + this.voteRetentionMs);
      });
      upgrade.immediate();
      this.db.exec('CREATE INDEX IF NOT EXISTS votes_by_expiry ON votes (expires)');
    } catch (error) {
      throw new SharedStateError(`STATE_FILE ${where} cannot be opened (${(error as { code?: string }).code ?? (error as Error).message}); point it at a writable file`);
    }
    const count = this.db.prepare<[string, number], { n: number; first: number | null }>(
      'SELECT count(*) AS n, min(expires) AS first FROM uses WHERE key = ? AND expires > ?',
    );
    const insert = this.db.prepare<[string, number]>('INSERT INTO uses (key, expires) VALUES (?, ?)');
    const take = this.db.transaction((key: string, limit: number, windowMs: number): RateLimitResult => {
      const now = this.now();
      const { n, first } = count.get(key, now)!;
      if (n >= limit) return { ok: false, retryAfterMs: Math.max(1, first! - now) };
      insert.run(key, now + windowMs);
      return { ok: true };
    });
    // IMMEDIATE: the write lock is taken before the count, so two processes cannot both see room for one more.
    this.takeStep = (key, limit, windowMs) => take.immediate(key, limit, windowMs);
    const getVote = this.db.prepare<[string, string, number], { helpful: number }>(
      'SELECT helpful FROM votes WHERE message_id = ? AND user_id = ? AND expires > ?',
    );
    const setVote = this.db.prepare<[string, string, number, number]>('INSERT OR REPLACE INTO votes (message_id, user_id, helpful, expires) VALUES (?, ?, ?, ?)');
    const vote = this.db.transaction((messageId: string, userId: string, helpful: boolean): VoteResult => {
      const now = this.now();
      const row = getVote.get(messageId, userId, now);
      const previous = row ? row.helpful === 1 : null;
      if (previous === helpful) return { outcome: 'unchanged', previous };
      setVote.run(messageId, userId, helpful ? 1 : 0, now + this.voteRetentionMs);
      return { outcome: previous === null ? 'recorded' : 'replaced', previous };
    });
    this.voteStep = (messageId, userId, helpful) => vote.immediate(messageId, userId, helpful);
    this.deleteVote = this.db.prepare<[string, string]>('DELETE FROM votes WHERE message_id = ? AND user_id = ?');
    this.setVote = setVote;
    const expireUses = this.db.prepare<[number]>('DELETE FROM uses WHERE expires <= ?');
    const expireVotes = this.db.prepare<[number]>('DELETE FROM votes WHERE expires <= ?');
    this.expire = (now) => {
      expireUses.run(now);
      expireVotes.run(now);
    };
  }

  async take(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    if (limit <= 0 || windowMs <= 0) return { ok: true };
    return this.takeStep(key, limit, windowMs);
  }

  async vote(messageId: string, userId: string, helpful: boolean): Promise<VoteResult> {
    return this.voteStep(messageId, userId, helpful);
  }

  async restoreVote(messageId: string, userId: string, previous: boolean | null): Promise<void> {
    if (previous === null) this.deleteVote.run(messageId, userId);
    else this.setVote.run(messageId, userId, previous ? 1 : 0, this.now() + this.voteRetentionMs);
  }

  async sweep(): Promise<void> {
    this.expire(this.now());
  }

  /** Uses still inside their window, over every key (for tests and diagnostics). */
  liveUses(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM uses WHERE expires > ?').get(this.now()) as { n: number }).n;
  }

  /** Votes kept in the file, expired or not (for tests and diagnostics: a sweep removes the expired). */
  storedVotes(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM votes').get() as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Redis (several machines)

/**
 * A sliding window in a sorted set of use times, timed by the Redis server's own clock (machines' clocks differ):
 * drop what left the window, refuse when full (returning ms until the oldest use leaves), else record this use.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0
`;

/**
 * One field per user in a hash per message: '1' helpful, '0' not. Returns the previous value, or false for none. The
 * hash lives `ARGV[3]` ms after the last vote on its message.
 */
const VOTE_SCRIPT = `
local previous = redis.call('HGET', KEYS[1], ARGV[1])
if previous ~= ARGV[2] then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return previous
`;

interface ScriptedRedis extends Redis {
  takeUse(key: string, windowMs: number, limit: number, nonce: string): Promise<number>;
  castVote(key: string, userId: string, value: string, retentionMs: number): Promise<string | null>;
}

/** A command that has had no answer after this long fails (a question is then answered without its cooldown). */
const REDIS_COMMAND_TIMEOUT_MS = 2_000;

export class RedisState implements SharedState {
  readonly kind = 'redis';
  readonly where: string;
  private readonly redis: ScriptedRedis;
  private nonce = 0;

  constructor(
    url: string,
    /** Prefix of every key, so one Redis can hold several bots (or tests) apart. */
    private readonly prefix = 'newsbot:',
    private readonly voteRetentionMs = VOTE_RETENTION_MS,
  ) {
    const shown = new URL(url);
    shown.password = '';
    shown.username = '';
    this.where = shown.toString();
    this.redis = new Redis(url, {
      lazyConnect: true,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      // Reconnect quickly at first, then every 2 s, forever: Redis coming back is the normal end of an outage.
      retryStrategy: (times) => Math.min(times * 100, 2_000),
    }) as ScriptedRedis;
    // Failures surface on the commands themselves; without a listener ioredis would print every reconnect attempt.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('takeUse', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis.defineCommand('castVote', { numberOfKeys: 1, lua: VOTE_SCRIPT });
  }

  /** Connects and proves Redis answers, or throws one line naming the address and the reason. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
      await this.redis.ping();
    } catch (error) {
      this.redis.disconnect();
      throw new SharedStateError(`REDIS_URL ${this.where} cannot be reached (${(error as Error).message})`);
    }
  }

  async take(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    if (limit <= 0 || windowMs <= 0) return { ok: true };
    this.nonce += 1;
    const wait = await this.redis.takeUse(`${this.prefix}use:${key}`, windowMs, limit, `${process.pid}:${this.nonce}`);
    return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
  }

  async vote(messageId: string, userId: string, helpful: boolean): Promise<VoteResult> {
    const raw = await this.redis.castVote(`${this.prefix}votes:${messageId}`, userId, helpful ? '1' : '0', this.voteRetentionMs);
    const previous = raw === null ? null : raw === '1';
    if (previous === helpful) return { outcome: 'unchanged', previous };
    return { outcome: previous === null ? 'recorded' : 'replaced', previous };
  }

  async restoreVote(messageId: string, userId: string, previous: boolean | null): Promise<void> {
    const key = `${this.prefix}votes:${messageId}`;
    if (previous === null) await this.redis.hdel(key, userId);
    else {
      // A transaction reports a failed command in its results, not by throwing: the caller must hear of it.
      const results = await this.redis.multi().hset(key, userId, previous ? '1' : '0').pexpire(key, this.voteRetentionMs).exec();
      const failed = results?.find(([error]) => error)?.[0];
      if (failed) throw failed;
    }
  }

  /** Nothing to do: every use key expires with its window, every vote hash with its retention. */
  async sweep(): Promise<void> {}

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** The state store the configuration names: Redis when `redisUrl` is set, else the SQLite file `stateFile`. */
export async function openSharedState(config: { stateFile: string; redisUrl: string | null }): Promise<SharedState> {
  if (config.redisUrl === null) return new SqliteState(config.stateFile);
  const state = new RedisState(config.redisUrl);
  await state.connect();
  return state;
}
