/**
 * "Helpful" / "Not helpful" votes, appended to a local JSON-lines file so maintainers can see which
 * questions fail. Writes are serialised so concurrent votes never interleave within a line.
 */
import { appendFile, mkdir } from 'node:fs/promises';
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
}

export class FeedbackLog {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  append(record: FeedbackRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.queue.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, line, 'utf8');
    });
    this.queue = write.catch(() => undefined);
    return write;
  }
}
