/**
 * "Helpful" / "Not helpful" votes, appended to a local JSON-lines file so maintainers can see which questions fail.
 * One vote per user per message, across every process of the bot: the shared state (`shared-state.ts`) decides
 * whether a vote is new, the same again (nothing written) or changed (a line marked `"replaces": true`, which
 * supersedes the earlier one; readers keep the last line per message and user). Writes are serialised so lines
 * never interleave, and each has a time limit, so a stuck disk (or a FIFO no one reads) costs one vote an error
 * message instead of blocking every later vote; a vote whose line could not be written is taken back.
 */
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { SharedState, VoteOutcome } from './shared-state.js';

export type { VoteOutcome } from './shared-state.js';

export interface FeedbackRecord {
  time: string;
  helpful: boolean;
  question: string;
  /** Rank of the first result on the message that was voted on, minus one. */
  offset: number;
  /** Titles of the results shown on that message, in order. */
  results: string[];
  refused: boolean;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  messageId: string;
  /** True when this vote changes the same user's earlier vote on the same message. */
  replaces?: boolean;
}

export class FeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackError';
  }
}

export const FEEDBACK_DEFAULTS = {
  /** A write that has not finished after this long fails (the vote gets an error message). */
  writeTimeoutMs: 5_000,
};

/** Opens for appending without blocking: a FIFO with no reader fails at once (ENXIO) instead of hanging a thread. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK;

/** `work`, or a `FeedbackError` naming `what` if it has not settled after `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FeedbackError(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class FeedbackLog {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly state: SharedState,
    private readonly options = FEEDBACK_DEFAULTS,
  ) {}

  /**
   * Creates the file (and its folder) if needed and proves it can be appended to. Throws `FeedbackError` naming the
   * file and the reason, so a bad `FEEDBACK_FILE` stops the bot at start.
   */
  async check(): Promise<void> {
    try {
      await withTimeout(
        (async () => {
          await mkdir(path.dirname(this.file), { recursive: true });
          await this.appendRaw('');
        })(),
        this.options.writeTimeoutMs,
        'opening it',
      );
    } catch (error) {
      const reason = error instanceof FeedbackError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      throw new FeedbackError(`FEEDBACK_FILE ${this.file} cannot be written (${reason}); point it at a writable file`);
    }
  }

  /** Records a vote unless the same user already gave the same vote on the same message. */
  async record(record: FeedbackRecord): Promise<VoteOutcome> {
    let vote;
    try {
      vote = await this.state.vote(record.messageId, record.userId, record.helpful);
    } catch (error) {
      throw new FeedbackError(`the ${this.state.kind} state did not take the vote (${(error as Error).message})`);
    }
    if (vote.outcome === 'unchanged') return vote.outcome;
    const line = `${JSON.stringify(vote.previous !== null ? { ...record, replaces: true } : record)}\n`;
    const write = this.queue.then(() => withTimeout(this.appendRaw(line), this.options.writeTimeoutMs, 'writing the vote'));
    this.queue = write.catch(() => undefined);
    try {
      await write;
    } catch (error) {
      await this.state.restoreVote(record.messageId, record.userId, vote.previous).catch(() => undefined);
      throw error;
    }
    return vote.outcome;
  }

  private async appendRaw(text: string): Promise<void> {
    const handle = await open(this.file, APPEND_FLAGS, 0o644);
    try {
      if (text) await handle.appendFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  }
}
