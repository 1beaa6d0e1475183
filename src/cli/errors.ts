/**
 * The command line's one error path: a known failure (bad config, corpus, model, index or question) becomes one
 * line on stderr and exit code 1; anything else is a bug and keeps its stack trace.
 */
import { ConfigError } from '../config.js';
import { CorpusError } from '../corpus/index.js';
import { ModelError } from '../embeddings/index.js';
import { IndexError } from '../index/index.js';
import { QuestionError } from '../answer/question.js';
import { AddError } from '../ingest/add.js';
import { pathToFileURL } from 'node:url';
import { redact } from '../redact.js';

const KNOWN_ERRORS = [ConfigError, CorpusError, ModelError, IndexError, QuestionError, AddError];

export function exitWithError(error: unknown, command: string): never {
  const line = KNOWN_ERRORS.some((E) => error instanceof E)
    ? (error as Error).message
    : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${command}: ${redact(line, [process.env.DISCORD_TOKEN])}\n`);
  process.exit(1);
}

/** Runs a command's `main` only when its file is the program being run, so tests can import its functions. */
export function runIfMain(moduleUrl: string, command: string, main: () => Promise<void>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  // Output piped into a reader that stops early (`| head`) is not an error of the command.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    exitWithError(error, command);
  });
  main().catch((error) => exitWithError(error, command));
}
