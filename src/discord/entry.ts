/**
 * What the bot's entry points (`npm start`, `npm run serve:http`, `npm run deploy-commands`) share: configuration
 * that stops the process with one line naming every bad key, a last-resort error line with the token redacted, and
 * for the long-running ones, the process-level error logging and the graceful stop on SIGINT/SIGTERM.
 */
import { ConfigError, loadDiscordConfig, loadEnvFile, type CoreConfig, type DiscordConfig } from '../config.js';
import { redact } from '../redact.js';
import type { Logger } from './log.js';

/** Loads `.env` and the configuration `load` reads, or exits 1 with `<doing>: <every problem>` on one line. */
export function loadConfigOrExit<C = CoreConfig & DiscordConfig>(doing: string, load: (env: NodeJS.ProcessEnv) => C = loadDiscordConfig as never): C {
  try {
    loadEnvFile();
    return load(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${doing}: ${error.problems.join('; ')}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Prints a fatal error as one line, without a stack trace and without the token, and exits 1. */
export function exitWithFatal(doing: string, error: unknown): never {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`${doing}: ${redact(message, [process.env.DISCORD_TOKEN])}\n`);
  process.exit(1);
}

/** Logs an unhandled rejection, and ends the process (exit 1) after logging an uncaught exception. */
export function logProcessErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error('process.unhandled-rejection', { error: reason }));
  process.on('uncaughtException', (error) => {
    logger.error('process.uncaught-exception', { error });
    process.exit(1);
  });
}

/**
 * On SIGINT or SIGTERM, runs `stop` (which finishes the work in flight) and exits 0, or 1 if it fails; a second
 * signal exits 1 at once.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn('shutdown.forced', { signal });
      process.exit(1);
    }
    logger.info('shutdown.signal', { signal });
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown.failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
