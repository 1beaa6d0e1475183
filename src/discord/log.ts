/**
 * Structured JSON-lines logger for the bot, written to stderr.
 * Every line passes through `redact`, so the bot token (and interaction tokens inside REST URLs)
 * never reach a log line, whatever object is logged.
 */
import type { LogLevel } from '../config.js';
import { redact } from '../redact.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

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

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const threshold = ORDER[options.level];
  const emit = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (ORDER[level] < threshold) return;
    let line: string;
    try {
      line = JSON.stringify({ time: now().toISOString(), level, event, ...fields }, (_key, value: unknown) =>
        value instanceof Error ? describeError(value) : typeof value === 'bigint' ? value.toString() : value,
      );
    } catch {
      line = JSON.stringify({ time: now().toISOString(), level, event, note: 'fields could not be serialised' });
    }
    write(redact(line, secrets));
  };
  return {
    level: options.level,
    enabled: (level) => ORDER[level] >= threshold,
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}
