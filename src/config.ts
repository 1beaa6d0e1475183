/**
 * The only module that reads `process.env`. Every key is documented in `.env.example`.
 * `loadConfig` parses and validates all keys at once and throws one `ConfigError` naming every bad key,
 * so a user fixes their `.env` in one go. Tests pass a plain object instead of the real environment.
 */
import { config as loadDotenv } from 'dotenv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { redact } from './redact.js';

/** The repository root (one level above `src/`), so commands work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/bge-small-en-v1.5';
/** The vendored reader (`src/reader/`): a cross-encoder trained here from the embedding model's own weights. */
export const DEFAULT_READER_MODEL = 'interpol-qa/reader-bge-small-en-v1.5';
/** Discord's own API; the bot's REST calls (and so the gateway address it is handed) go here by default. */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

/** The longest QUESTION_MAX_LENGTH may be set to: the core's own limit on a question. */
export const QUESTION_MAX_LENGTH_LIMIT = 1000;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface CoreConfig {
  /** Model id in the Transformers.js layout, e.g. `Xenova/bge-small-en-v1.5`. */
  embeddingModel: string;
  /** A local folder of models (`<dir>/<owner>/<name>/…`) tried before the vendored `models/` folder; null = unset. */
  modelsDir: string | null;
  /** The reader's model id (`READER_MODEL`); null = `READER_MODEL=off`, the search's order and sentences as they are. */
  readerModel: string | null;
  /** Folder of article Markdown files. */
  corpusDir: string;
  /** Folder holding the saved HNSW index, passage metadata and manifest. */
  indexDir: string;
  logLevel: LogLevel;
}

export interface DiscordConfig {
  token: string;
  /** Register commands to this guild only (instant); null = global registration. */
  guildId: string | null;
  /** REST base URL, without the `/v10` version suffix. */
  apiUrl: string;
  /** Seconds a user waits between two questions. 0 turns the cooldown off. */
  cooldownSeconds: number;
  /** Longest question accepted, in characters. */
  questionMaxLength: number;
  /** JSON-lines file that "Helpful" / "Not helpful" votes are appended to. */
  feedbackFile: string;
  /**
   * Request the privileged Message Content intent, so messages that do not mention the bot are readable: replies
   * to an answer with the mention turned off, and any message in a thread the bot started. Off by default.
   */
  messageContent: boolean;
  /** Port of `GET /healthz` and `GET /metrics` (null: not served; 0: any free port). */
  metricsPort: number | null;
  /** Address the health and metrics server listens on. */
  metricsHost: string;
  /** SQLite file (WAL mode) holding the cooldowns, throttles and votes every process of the bot shares. */
  stateFile: string;
  /** Redis holding that shared state instead (bots on several machines); null = use `stateFile`. */
  redisUrl: string | null;
  /**
   * `SHARDS`: run the gateway bot as this many shard processes ('auto': as many as Discord recommends); null = one
   * process, unsharded. Always null inside a shard process, where discord.js's manager sets `SHARDS` to the shard id.
   */
  shards: 'auto' | number | null;
  /** The shard this process is, when discord.js's sharding manager started it; null otherwise. */
  shard: number | null;
}

export class ConfigError extends Error {
  readonly problems: string[];
  /** `secrets` (the bot token) never appear in the message, even when pasted into the wrong key. */
  constructor(problems: string[], secrets: readonly (string | undefined)[] = []) {
    const shown = problems.map((p) => redact(p, secrets));
    // One line, every problem named, so a log or a terminal shows it whole.
    super(`invalid configuration: ${shown.join('; ')}`);
    this.problems = shown;
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Loads `.env` from the project root into `process.env` (never overriding what is already set), silently. A file
 * dotenv would read as nothing (UTF-16, as some editors save it) is an error naming the fix, not silently ignored.
 */
export function loadEnvFile(file = path.join(PROJECT_ROOT, '.env')): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return; // no .env: the environment alone configures the program
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw new ConfigError([`${path.basename(file)} is saved as UTF-16; save it as UTF-8 (plain text) so its keys are read`]);
  }
  loadDotenv({ path: file, quiet: true });
}

function value(env: Env, key: string): string | undefined {
  const v = env[key]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function resolveDir(dir: string): string {
  return path.isAbsolute(dir) ? dir : path.resolve(PROJECT_ROOT, dir);
}

function integer(env: Env, key: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = value(env, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

/** A yes/no setting: true/false, on/off, yes/no or 1/0. */
function boolean(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = value(env, key);
  if (raw === undefined) return fallback;
  if (/^(true|on|yes|1)$/i.test(raw)) return true;
  if (/^(false|off|no|0)$/i.test(raw)) return false;
  problems.push(`${key} must be true or false (got "${raw}")`);
  return fallback;
}

export function parseCoreConfig(env: Env, problems: string[] = []): CoreConfig {
  const embeddingModel = value(env, 'EMBEDDING_MODEL') ?? DEFAULT_EMBEDDING_MODEL;
  if (!/^[\w.-]+\/[\w.-]+$/.test(embeddingModel)) {
    problems.push(`EMBEDDING_MODEL must look like "owner/name" (got "${embeddingModel}")`);
  }
  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const modelsDir = value(env, 'MODELS_DIR');
  const reader = value(env, 'READER_MODEL') ?? DEFAULT_READER_MODEL;
  const readerOff = /^(off|none|false|0)$/i.test(reader);
  if (!readerOff && !/^[\w.-]+\/[\w.-]+$/.test(reader)) {
    problems.push(`READER_MODEL must look like "owner/name", or be off (got "${reader}")`);
  }
  return {
    embeddingModel,
    modelsDir: modelsDir ? resolveDir(modelsDir) : null,
    readerModel: readerOff ? null : reader,
    corpusDir: resolveDir(value(env, 'CORPUS_DIR') ?? 'corpus'),
    indexDir: resolveDir(value(env, 'INDEX_DIR') ?? 'embeddings'),
    logLevel: LOG_LEVELS.includes(logLevel as LogLevel) ? (logLevel as LogLevel) : 'info',
  };
}

/** Core settings (search, index, model). Throws `ConfigError` listing every bad key. */
export function loadConfig(env: Env = process.env): CoreConfig {
  const problems: string[] = [];
  const config = parseCoreConfig(env, problems);
  if (problems.length) throw new ConfigError(problems, [env.DISCORD_TOKEN]);
  return config;
}

/** A bot token is three dot-separated base64url parts; checked before any network call. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;

/** The most shards `SHARDS` may ask for. */
export const SHARDS_LIMIT = 1024;

/** `SHARDS` as the operator means it, or the shard id discord.js's manager gave this process. */
function shardSettings(env: Env, problems: string[]): Pick<DiscordConfig, 'shards' | 'shard'> {
  const raw = value(env, 'SHARDS');
  if (value(env, 'SHARDING_MANAGER') !== undefined) return { shards: null, shard: raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : 0 };
  if (raw === undefined) return { shards: null, shard: null };
  if (raw.toLowerCase() === 'auto') return { shards: 'auto', shard: null };
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1 && n <= SHARDS_LIMIT) return { shards: n, shard: null };
  problems.push(`SHARDS must be auto or a whole number from 1 to ${SHARDS_LIMIT} (got "${raw}")`);
  return { shards: null, shard: null };
}

/** Core plus Discord settings. Throws `ConfigError` listing every bad key; never echoes the token. */
export function loadDiscordConfig(env: Env = process.env, options: { tokenRequired?: boolean } = {}): CoreConfig & DiscordConfig {
  const problems: string[] = [];
  const core = parseCoreConfig(env, problems);
  const token = value(env, 'DISCORD_TOKEN');
  if (token === undefined) {
    if (options.tokenRequired !== false) problems.push('DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal into .env');
  } else if (!TOKEN_SHAPE.test(token)) {
    problems.push('DISCORD_TOKEN is malformed: expected three dot-separated parts as shown in the developer portal');
  }
  const guildId = value(env, 'DISCORD_GUILD_ID') ?? null;
  if (guildId !== null && !SNOWFLAKE.test(guildId)) {
    problems.push(`DISCORD_GUILD_ID must be a numeric id of 17 to 20 digits (got "${guildId}")`);
  }
  const apiUrl = (value(env, 'DISCORD_API_URL') ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) {
    problems.push(`DISCORD_API_URL must be an http(s) URL (got "${apiUrl}")`);
  }
  const discord: DiscordConfig = {
    token: token ?? '',
    guildId,
    apiUrl,
    cooldownSeconds: integer(env, 'COOLDOWN_SECONDS', 10, 0, 3600, problems),
    questionMaxLength: integer(env, 'QUESTION_MAX_LENGTH', 300, 10, QUESTION_MAX_LENGTH_LIMIT, problems),
    feedbackFile: resolveDir(value(env, 'FEEDBACK_FILE') ?? 'data/feedback.jsonl'),
    messageContent: boolean(env, 'DISCORD_MESSAGE_CONTENT', false, problems),
    metricsPort: value(env, 'METRICS_PORT') === undefined ? null : integer(env, 'METRICS_PORT', 0, 0, 65535, problems),
    metricsHost: value(env, 'METRICS_HOST') ?? '127.0.0.1',
    stateFile: resolveDir(value(env, 'STATE_FILE') ?? 'data/state.sqlite'),
    redisUrl: value(env, 'REDIS_URL') ?? null,
    ...shardSettings(env, problems),
  };
  if (discord.redisUrl !== null && !/^rediss?:\/\/[^\s]+$/.test(discord.redisUrl)) {
    problems.push('REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380/0');
  }
  if (problems.length) throw new ConfigError(problems, [token]);
  return { ...core, ...discord };
}

export interface HttpEndpointConfig {
  /** The application's public key (hex), from the developer portal: every request's Ed25519 signature is checked with it. */
  publicKey: string;
  /** Port of `POST /interactions`, `GET /healthz` and `GET /metrics` (0: any free port). */
  httpPort: number;
  httpHost: string;
}

/**
 * Settings of `npm run serve:http`: the Discord settings with the token optional (only `/ask … thread:True` needs
 * it, to start the thread), plus the public key and the port. Throws `ConfigError` listing every bad key.
 */
export function loadHttpEndpointConfig(env: Env = process.env): CoreConfig & DiscordConfig & HttpEndpointConfig {
  const problems: string[] = [];
  let discord: CoreConfig & DiscordConfig | null = null;
  try {
    discord = loadDiscordConfig(env, { tokenRequired: false });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const publicKey = value(env, 'DISCORD_PUBLIC_KEY');
  if (publicKey === undefined) {
    problems.push('DISCORD_PUBLIC_KEY is not set: copy the application\'s public key from the developer portal (General Information) into .env');
  } else if (!/^[0-9a-fA-F]{64}$/.test(publicKey)) {
    problems.push('DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters shown in the developer portal');
  }
  const httpPort = integer(env, 'HTTP_PORT', 8080, 0, 65535, problems);
  if (problems.length || !discord) throw new ConfigError(problems, [env.DISCORD_TOKEN]);
  return { ...discord, publicKey: publicKey!.toLowerCase(), httpPort, httpHost: value(env, 'HTTP_HOST') ?? '127.0.0.1' };
}
