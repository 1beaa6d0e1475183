import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/discord/log.js';
import { redact } from '../../src/redact.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz012345';

function capture(level: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets: [TOKEN], write: (l) => lines.push(l), now: () => new Date(0) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level and event', () => {
    const { logger, lines } = capture('info');
    logger.info('question', { userId: '1', latencyMs: 12 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'info', event: 'question', userId: '1', latencyMs: 12 });
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['c', 'd']);
    expect(logger.enabled('debug')).toBe(false);
  });

  it('never prints the token, even inside an error message or stack', () => {
    const { logger, lines } = capture('debug');
    const error = new Error(`request failed with Authorization: Bot ${TOKEN}`);
    logger.error('handler.failed', { error, note: `token=${TOKEN}` });
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('[redacted]');
    expect(JSON.parse(lines[0]!).error.message).toBe('request failed with Authorization: Bot [redacted]');
  });
});

describe('redact', () => {
  it('hides token-shaped strings it was not told about', () => {
    expect(redact(`x ${TOKEN.replace('GaBcDe', 'ZzZzZz')} y`)).toBe('x [redacted] y');
  });

  it('hides interaction tokens in webhook and callback URLs', () => {
    expect(redact('PATCH /api/v10/webhooks/123/aW50ZXJhY3Rpb246MTIz/messages/@original')).toBe(
      'PATCH /api/v10/webhooks/123/[redacted]/messages/@original',
    );
    expect(redact('POST /api/v10/interactions/456/secret-token/callback')).toBe('POST /api/v10/interactions/456/[redacted]/callback');
  });
});
