import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedbackError, FeedbackLog, withTimeout, type FeedbackRecord } from '../../src/discord/feedback.js';
import { SqliteState } from '../../src/discord/shared-state.js';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'feedback-test-'));

function vote(userId: string, messageId: string, helpful: boolean): FeedbackRecord {
  return { time: '2026-01-01T00:00:00.000Z', helpful, question: 'q?', offset: 0, results: [], refused: false, userId, guildId: null, channelId: null, messageId };
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('FeedbackLog.check', () => {
  it('creates the file and its folder at start', async () => {
    const file = path.join(dir(), 'nested', 'votes.jsonl');
    await new FeedbackLog(file, new SqliteState(':memory:')).check();
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a path that cannot be written, naming FEEDBACK_FILE and the reason', async () => {
    const blocker = path.join(dir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const file = path.join(blocker, 'votes.jsonl');
    const error = await new FeedbackLog(file, new SqliteState(':memory:')).check().catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(FeedbackError);
    expect(error!.message).toMatch(new RegExp(`^FEEDBACK_FILE ${file} cannot be written \\((ENOTDIR|EEXIST)\\); point it at a writable file$`));
  });

  it('fails at once on a FIFO no one reads, instead of hanging', async () => {
    const fifo = path.join(dir(), 'votes.fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    await expect(new FeedbackLog(fifo, new SqliteState(':memory:')).check()).rejects.toThrow(/cannot be written \(ENXIO\)/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('FeedbackLog.record', () => {
  it('keeps one vote per user per message: the same vote again writes nothing, a changed one replaces it', async () => {
    const file = path.join(dir(), 'votes.jsonl');
    const log = new FeedbackLog(file, new SqliteState(':memory:'));
    await log.check();
    expect(await log.record(vote('u1', 'm1', true))).toBe('recorded');
    expect(await log.record(vote('u1', 'm1', true))).toBe('unchanged');
    expect(await log.record(vote('u1', 'm1', false))).toBe('replaced');
    expect(await log.record(vote('u2', 'm1', true))).toBe('recorded');
    expect(lines(file).map((l) => [l.userId, l.helpful, l.replaces ?? false])).toEqual([
      ['u1', true, false],
      ['u1', false, true],
      ['u2', true, false],
    ]);
  });

  it('remembers the votes after a restart (they are in the shared state file)', async () => {
    const folder = dir();
    const file = path.join(folder, 'votes.jsonl');
    const state = new SqliteState(path.join(folder, 'state.sqlite'));
    const first = new FeedbackLog(file, state);
    await first.check();
    await first.record(vote('u1', 'm1', true));
    await state.close();
    const restarted = new FeedbackLog(file, new SqliteState(path.join(folder, 'state.sqlite')));
    await restarted.check();
    expect(await restarted.record(vote('u1', 'm1', true))).toBe('unchanged');
    expect(lines(file)).toHaveLength(1);
  });

  it('takes a vote back when its line cannot be written, so pressing again records it', async () => {
    const fifo = path.join(dir(), 'votes.fifo');
    execFileSync('mkfifo', [fifo]);
    const state = new SqliteState(':memory:');
    await expect(new FeedbackLog(fifo, state).record(vote('u1', 'm1', true))).rejects.toThrow();
    expect((await state.vote('m1', 'u1', true)).outcome).toBe('recorded');
  });

  it('fails the vote with a FeedbackError when the shared state cannot take it', async () => {
    const state = new SqliteState(':memory:');
    await state.close();
    await expect(new FeedbackLog(path.join(dir(), 'votes.jsonl'), state).record(vote('u1', 'm1', true))).rejects.toThrow(FeedbackError);
  });

});

describe('withTimeout', () => {
  it('fails work that does not finish in time with an error naming it', async () => {
    const never = new Promise<void>(() => undefined);
    await expect(withTimeout(never, 20, 'writing the vote')).rejects.toThrow(new FeedbackError('writing the vote did not finish within 20 ms'));
    await expect(withTimeout(Promise.resolve('done'), 20, 'x')).resolves.toBe('done');
  });
});
