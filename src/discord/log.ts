/**
 * Structured JSON-lines logger for the bot, on `pino`, written to stderr: one object per line with `time` (ISO),
 * `level` (its name), `event` and the fields. Every line passes through `redact` on its way out, so the bot token
 * (and interaction tokens inside REST URLs) never reach a log line, whatever object is logged.
 */
import pino from 'pino';
import type { LogLevel } from '../config.js';
import { redact } from '../redact.js';

export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  enabled(level: LogLevel): boolean;
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Exact strings to hide wherever they appear (the bot token). */
  secrets?: string[];
  /** Fields on every line (the shard a process is). */
  base?: LogFields;
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** Turns an unknown thrown value into plain, loggable fields. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
    return {
      name: error.name,
      message: error.message,
      ...(extra.code !== undefined ? { code: extra.code } : {}),
      ...(extra.status !== undefined ? { status: extra.status } : {}),
      ...(typeof extra.method === 'string' ? { method: extra.method } : {}),
      ...(typeof extra.url === 'string' ? { url: extra.url } : {}),
      stack: error.stack,
    };
  }
  return { message: String(error) };
}

/** Fields with every Error (at any depth) as plain fields, bigints as strings. */
function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'bigint') return value.toString();
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]));
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log = pino(
    {
      level: options.level,
      base: options.base ?? undefined,
      messageKey: 'event',
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }), log: (fields) => plain(fields) as Record<string, unknown> },
    },
    // pino writes each line whole; it is redacted before it leaves the process.
    { write: (line: string) => write(redact(line.replace(/\n$/, ''), secrets)) },
  );
  const emit = (level: LogLevel) => (event: string, fields: LogFields = {}) => log[level](fields, event);
  return {
    level: options.level,
    enabled: (level) => log.isLevelEnabled(level),
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
  };
}
