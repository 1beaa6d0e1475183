/**
 * "Helpful" / "Not helpful" votes, appended to a local JSON-lines file so maintainers can see which questions fail.
 * One vote per user per message: the same vote again writes nothing; a changed vote appends a line marked
 * `"replaces": true`, which supersedes the earlier one (readers keep the last line per message and user). Writes
 * are serialised so lines never interleave, and each has a time limit, so a stuck disk (or a FIFO no one reads)
 * costs one vote an error message instead of blocking every later vote.
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

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

/** What became of a vote. */
export type VoteOutcome = 'recorded' | 'unchanged' | 'replaced';

export class FeedbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackError';
  }
}

export const FEEDBACK_DEFAULTS = {
  /** A write that has not finished after this long fails (the vote gets an error message). */
  writeTimeoutMs: 5_000,
  /** Votes remembered for de-duplication (the most recent ones; older ones are read back from the file at start). */
  rememberedVotes: 100_000,
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
  /** `messageId:userId` → the vote recorded, most recent last. */
  private readonly votes = new Map<string, boolean>();

  constructor(
    readonly file: string,
    private readonly options = FEEDBACK_DEFAULTS,
  ) {}

  /**
   * Creates the file (and its folder) if needed, proves it can be appended to, and reads back the votes already in
   * it. Throws `FeedbackError` naming the file and the reason, so a bad `FEEDBACK_FILE` stops the bot at start.
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
      const text = await readFile(this.file, 'utf8');
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          const r = JSON.parse(line) as Partial<FeedbackRecord>;
          if (typeof r.messageId === 'string' && typeof r.userId === 'string' && typeof r.helpful === 'boolean') {
            this.remember(`${r.messageId}:${r.userId}`, r.helpful);
          }
        } catch {
          // A line that is not a vote (hand edits, a torn write) is left alone.
        }
      }
    } catch (error) {
      const reason = error instanceof FeedbackError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      throw new FeedbackError(`FEEDBACK_FILE ${this.file} cannot be written (${reason}); point it at a writable file`);
    }
  }

  /** Records a vote unless the same user already gave the same vote on the same message. */
  record(record: FeedbackRecord): Promise<VoteOutcome> {
    const key = `${record.messageId}:${record.userId}`;
    const previous = this.votes.get(key);
    if (previous === record.helpful) return Promise.resolve('unchanged');
    const replaces = previous !== undefined;
    const line = `${JSON.stringify(replaces ? { ...record, replaces: true } : record)}\n`;
    // Remembered at once, so a second press before the write finishes is already a repeat; forgotten if it fails.
    this.remember(key, record.helpful);
    const write = this.queue.then(() => withTimeout(this.appendRaw(line), this.options.writeTimeoutMs, 'writing the vote'));
    this.queue = write.catch(() => undefined);
    return write.then(
      () => (replaces ? 'replaced' : 'recorded'),
      (error: unknown) => {
        if (this.votes.get(key) === record.helpful) {
          if (previous === undefined) this.votes.delete(key);
          else this.votes.set(key, previous);
        }
        throw error;
      },
    );
  }

  private async appendRaw(text: string): Promise<void> {
    const handle = await open(this.file, APPEND_FLAGS, 0o644);
    try {
      if (text) await handle.appendFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  }

  private remember(key: string, helpful: boolean): void {
    this.votes.delete(key);
    this.votes.set(key, helpful);
    if (this.votes.size > this.options.rememberedVotes) this.votes.delete(this.votes.keys().next().value!);
  }
}
