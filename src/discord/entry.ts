/**
 * What the bot's two entry points (`npm start`, `npm run deploy-commands`) share: configuration that stops the
 * process with one line naming every bad key, and a last-resort error line with the token redacted.
 */
import { ConfigError, loadDiscordConfig, loadEnvFile, type CoreConfig, type DiscordConfig } from '../config.js';
import { redact } from '../redact.js';

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
