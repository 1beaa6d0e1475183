/**
 * Entry point of `npm start`: validates the configuration (one line and exit 1 when it is wrong),
 * opens the question-answering core, connects to Discord, and shuts down gracefully on SIGINT/SIGTERM.
 */
import { openAnswerer } from '../answer/index.js';
import { fileURLToPath } from 'node:url';
import { startBot, type Bot } from './bot.js';
import { exitWithFatal, loadConfigOrExit, logProcessErrors, stopOnSignals } from './entry.js';
import { createLogger, type Logger } from './log.js';
import { superviseShards } from './shards.js';

/** A fatal failure exits at the latest this long after it, whatever is still in flight. */
const FATAL_EXIT_AFTER_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit('Cannot start the bot');

  const logger = createLogger({ level: config.logLevel, secrets: [config.token], ...(config.shard !== null ? { base: { shard: config.shard } } : {}) });
  logProcessErrors(logger);

  if (config.shards !== null) return superviseUntilSignal(config, logger);
  logger.info('startup', { apiUrl: config.apiUrl, cooldownSeconds: config.cooldownSeconds, questionMaxLength: config.questionMaxLength });
  const answerer = await openAnswerer(config);
  // A fatal failure ends the process with exit code 1, after the answers in flight (bounded) and the gateway close.
  let bot: Bot | null = null;
  let ending = false;
  const exitAfterStop = () => {
    if (ending) return;
    ending = true;
    setTimeout(() => process.exit(1), FATAL_EXIT_AFTER_MS).unref();
    void (bot ? bot.stop() : Promise.resolve()).finally(() => process.exit(1));
  };
  bot = await startBot({ config, answerer, logger, onFatal: exitAfterStop });
  logger.info('startup.connected', { userId: bot.client.user?.id ?? null, modelReady: answerer.isReady() });
  // Load the model now rather than on the first question. A model that cannot load will not load on retry either:
  // every question would get an apology, so the process ends and a supervisor sees it.
  void answerer.ready().then(
    () => logger.info('model.ready', {}),
    (error: unknown) => {
      logger.error('fatal', { reason: 'model-failed', error });
      exitAfterStop();
    },
  );

  stopOnSignals(logger, () => bot.stop());
}

/** `SHARDS` set: this process only spawns and supervises the shard processes (each runs `main` unsharded). */
async function superviseUntilSignal(config: Parameters<typeof superviseShards>[0], logger: Logger): Promise<void> {
  logger.info('startup', { apiUrl: config.apiUrl, shards: config.shards });
  const supervisor = await superviseShards(config, fileURLToPath(import.meta.url), logger);
  stopOnSignals(logger, async () => {
    await supervisor.stop();
    logger.info('shutdown.done', {});
  });
}

main().catch((error: unknown) => exitWithFatal('Cannot start the bot', error));
