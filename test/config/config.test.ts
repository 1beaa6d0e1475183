import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DISCORD_API_URL, DEFAULT_EMBEDDING_MODEL, DEFAULT_READER_MODEL, loadConfig, loadDiscordConfig, loadEnvFile, loadHttpEndpointConfig, PROJECT_ROOT } from '../../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      embeddingModel: DEFAULT_EMBEDDING_MODEL,
      modelsDir: null,
      readerModel: DEFAULT_READER_MODEL,
      corpusDir: path.join(PROJECT_ROOT, 'corpus'),
      indexDir: path.join(PROJECT_ROOT, 'embeddings'),
      logLevel: 'info',
    });
    expect(DEFAULT_EMBEDDING_MODEL).toBe('Xenova/bge-small-en-v1.5');
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ EMBEDDING_MODEL: '', LOG_LEVEL: '   ', MODELS_DIR: '', READER_MODEL: ' ' })).toEqual(loadConfig({}));
  });

  it('turns the reader off with READER_MODEL=off, and names a malformed one', () => {
    expect(loadConfig({ READER_MODEL: 'off' }).readerModel).toBeNull();
    expect(loadConfig({ READER_MODEL: 'None' }).readerModel).toBeNull();
    expect(loadConfig({ READER_MODEL: 'me/my-reader' }).readerModel).toBe('me/my-reader');
    expect(configError(() => loadConfig({ READER_MODEL: 'reader' })).problems).toEqual(['READER_MODEL must look like "owner/name", or be off (got "reader")']);
  });

  it('resolves relative folders against the project root and keeps absolute ones', () => {
    const config = loadConfig({ CORPUS_DIR: 'other/corpus', INDEX_DIR: '/tmp/index', MODELS_DIR: 'vendor' });
    expect(config.corpusDir).toBe(path.join(PROJECT_ROOT, 'other', 'corpus'));
    expect(config.indexDir).toBe('/tmp/index');
    expect(config.modelsDir).toBe(path.join(PROJECT_ROOT, 'vendor'));
  });

  it('accepts a log level in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
  });

  it('names every bad key in one ConfigError', () => {
    const error = configError(() => loadConfig({ LOG_LEVEL: 'loud', EMBEDDING_MODEL: 'bad' }));
    expect(error.problems).toEqual([
      'EMBEDDING_MODEL must look like "owner/name" (got "bad")',
      'LOG_LEVEL must be one of debug, info, warn, error (got "loud")',
    ]);
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).toContain('EMBEDDING_MODEL');
  });

  it('reads process.env-like objects without touching the real environment', () => {
    const before = { ...process.env };
    loadConfig({ LOG_LEVEL: 'warn' });
    expect(process.env).toEqual(before);
  });
});

describe('loadDiscordConfig', () => {
  it('uses the documented defaults next to a valid token', () => {
    const config = loadDiscordConfig({ DISCORD_TOKEN: TOKEN });
    expect(config).toMatchObject({
      token: TOKEN,
      guildId: null,
      apiUrl: DEFAULT_DISCORD_API_URL,
      cooldownSeconds: 10,
      questionMaxLength: 300,
      feedbackFile: path.join(PROJECT_ROOT, 'data', 'feedback.jsonl'),
      stateFile: path.join(PROJECT_ROOT, 'data', 'state.sqlite'),
      redisUrl: null,
      embeddingModel: DEFAULT_EMBEDDING_MODEL,
      logLevel: 'info',
    });
  });

  it('reads REDIS_URL, and rejects one that is not a redis:// URL without echoing it', () => {
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, REDIS_URL: 'redis://:pw@10.0.0.5:6379/2' }).redisUrl).toBe('redis://:pw@10.0.0.5:6379/2');
    const error = configError(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN, REDIS_URL: 'http://secret@host' }));
    expect(error.problems).toEqual(['REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380/0']);
  });

  it('reads SHARDS as auto or a count, and inside a shard process as the shard it is', () => {
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, SHARDS: 'auto' })).toMatchObject({ shards: 'auto', shard: null });
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, SHARDS: '4' })).toMatchObject({ shards: 4, shard: null });
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, SHARDS: '1', SHARDING_MANAGER: 'true', SHARD_COUNT: '4' })).toMatchObject({ shards: null, shard: 1 });
    expect(configError(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN, SHARDS: 'many' })).problems).toEqual([
      'SHARDS must be auto or a whole number from 1 to 1024 (got "many")',
    ]);
  });

  it('reads the HTTP endpoint settings: the public key required, the token optional', () => {
    const key = 'AB'.repeat(32);
    expect(loadHttpEndpointConfig({ DISCORD_PUBLIC_KEY: key })).toMatchObject({ publicKey: key.toLowerCase(), httpPort: 8080, httpHost: '127.0.0.1', token: '' });
    expect(loadHttpEndpointConfig({ DISCORD_PUBLIC_KEY: key, DISCORD_TOKEN: TOKEN, HTTP_PORT: '0' })).toMatchObject({ token: TOKEN, httpPort: 0 });
    expect(configError(() => loadHttpEndpointConfig({ DISCORD_TOKEN: TOKEN, HTTP_PORT: 'x' })).problems).toEqual([
      "DISCORD_PUBLIC_KEY is not set: copy the application's public key from the developer portal (General Information) into .env",
      'HTTP_PORT must be a whole number from 0 to 65535 (got "x")',
    ]);
    expect(configError(() => loadHttpEndpointConfig({ DISCORD_PUBLIC_KEY: 'abc', DISCORD_TOKEN: 'bad' })).problems).toEqual([
      'DISCORD_TOKEN is malformed: expected three dot-separated parts as shown in the developer portal',
      'DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters shown in the developer portal',
    ]);
  });

  it('reads a guild id, an API URL without trailing slashes and a cooldown of 0', () => {
    const config = loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9999/api//', COOLDOWN_SECONDS: '0' });
    expect(config.guildId).toBe('123456789012345678');
    expect(config.apiUrl).toBe('http://127.0.0.1:9999/api');
    expect(config.cooldownSeconds).toBe(0);
  });

  it('names every bad key, core and Discord, in one ConfigError', () => {
    const error = configError(() =>
      loadDiscordConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud', EMBEDDING_MODEL: 'bad', COOLDOWN_SECONDS: '-1', DISCORD_GUILD_ID: 'abc' }),
    );
    expect(error.problems).toHaveLength(4);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        'EMBEDDING_MODEL must look like "owner/name" (got "bad")',
        'LOG_LEVEL must be one of debug, info, warn, error (got "loud")',
        'DISCORD_GUILD_ID must be a numeric id of 17 to 20 digits (got "abc")',
        'COOLDOWN_SECONDS must be a whole number from 0 to 3600 (got "-1")',
      ]),
    );
    for (const key of ['LOG_LEVEL', 'EMBEDDING_MODEL', 'COOLDOWN_SECONDS', 'DISCORD_GUILD_ID']) expect(error.message).toContain(key);
  });

  it('says how to fix a missing token', () => {
    expect(configError(() => loadDiscordConfig({})).problems).toEqual([
      'DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal into .env',
    ]);
  });

  it('reports a malformed token without repeating any of its text', () => {
    const secret = 'not-a-real-token-but-secret-ish-9f8e7d';
    const error = configError(() => loadDiscordConfig({ DISCORD_TOKEN: secret }));
    expect(error.problems).toEqual(['DISCORD_TOKEN is malformed: expected three dot-separated parts as shown in the developer portal']);
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('secret-ish');
    expect(JSON.stringify(error)).not.toContain('secret-ish');
  });

  it('rejects a question length limit outside 10 to 1000 and a non-http API URL', () => {
    const error = configError(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN, QUESTION_MAX_LENGTH: '5000', DISCORD_API_URL: 'ftp://x' }));
    expect(error.problems).toEqual([
      'DISCORD_API_URL must be an http(s) URL (got "ftp://x")',
      'QUESTION_MAX_LENGTH must be a whole number from 10 to 1000 (got "5000")',
    ]);
  });
});

describe('no token in any configuration message', () => {
  it('does not echo the token when it is pasted into another key', () => {
    const error = configError(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: TOKEN, DISCORD_API_URL: TOKEN, COOLDOWN_SECONDS: TOKEN }));
    expect(error.message).not.toContain(TOKEN);
    expect(error.problems.join('\n')).not.toContain(TOKEN);
    expect(error.message).toContain('DISCORD_GUILD_ID must be a numeric id');
    expect(error.message).toContain('[redacted]');
  });

  it('does not echo a token-shaped value or the configured token from the core keys either', () => {
    const odd = 'not-a-token-but-a-secret-value';
    const error = configError(() => loadConfig({ DISCORD_TOKEN: odd, LOG_LEVEL: odd, EMBEDDING_MODEL: TOKEN }));
    expect(error.message).not.toContain(odd);
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('loadEnvFile', () => {
  it('refuses a UTF-16 .env in one line naming the fix, instead of silently reading nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'env-test-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('QA_TEST_UTF16_KEY=1\n', 'utf16le')]));
    const error = configError(() => loadEnvFile(file));
    expect(error.message).toBe('invalid configuration: .env is saved as UTF-16; save it as UTF-8 (plain text) so its keys are read');
    expect(process.env.QA_TEST_UTF16_KEY).toBeUndefined();
  });

  it('reads a UTF-8 .env without overriding what the environment already sets', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'env-test-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'QA_TEST_UTF8_KEY=from-file\nQA_TEST_SET_KEY=from-file\n');
    process.env.QA_TEST_SET_KEY = 'from-env';
    loadEnvFile(file);
    expect(process.env.QA_TEST_UTF8_KEY).toBe('from-file');
    expect(process.env.QA_TEST_SET_KEY).toBe('from-env');
    delete process.env.QA_TEST_UTF8_KEY;
    delete process.env.QA_TEST_SET_KEY;
  });

  it('is silent when there is no .env', () => {
    expect(() => loadEnvFile(path.join(os.tmpdir(), 'no-such-dir-xyz', '.env'))).not.toThrow();
  });
});
