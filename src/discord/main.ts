/**
 * Entry point of `npm start`: validates the configuration (one line and exit 1 when it is wrong),
 * opens the question-answering core, connects to Discord, and shuts down gracefully on SIGINT/SIGTERM.
 */
import { openAnswerer } from '../answer/index.js';
import { startBot } from './bot.js';
import { exitWithFatal, loadConfigOrExit } from './entry.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit('Cannot start the bot');

  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  process.on('unhandledRejection', (reason) => logger.error('process.unhandled-rejection', { error: reason }));
  process.on('uncaughtException', (error) => {
    logger.error('process.uncaught-exception', { error });
    process.exit(1);
  });

  logger.info('startup', { apiUrl: config.apiUrl, cooldownSeconds: config.cooldownSeconds, questionMaxLength: config.questionMaxLength });
  const answerer = await openAnswerer(config);
  const bot = await startBot({ config, answerer, logger });
  logger.info('startup.connected', { userId: bot.client.user?.id ?? null, modelReady: answerer.isReady() });
  // Load the model now rather than on the first question.
  void answerer.ready().then(
    () => logger.info('model.ready', {}),
    (error: unknown) => logger.error('model.failed', { error }),
  );

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn('shutdown.forced', { signal });
      process.exit(1);
    }
    logger.info('shutdown.signal', { signal });
    void bot.stop().then(
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

main().catch((error: unknown) => exitWithFatal('Cannot start the bot', error));
