/**
 * Entry point of `npm run serve:http`: validates the configuration (one line and exit 1 when it is wrong), opens
 * the question-answering core, serves the HTTP interactions endpoint on `HTTP_PORT`, and shuts down gracefully on
 * SIGINT/SIGTERM (requests in flight are answered first).
 */
import { openAnswerer } from '../answer/index.js';
import { loadHttpEndpointConfig } from '../config.js';
import { exitWithFatal, loadConfigOrExit, logProcessErrors, stopOnSignals } from './entry.js';
import { startHttpEndpoint } from './http-endpoint.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit('Cannot start the HTTP endpoint', loadHttpEndpointConfig);
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  logProcessErrors(logger);
  logger.info('startup', { apiUrl: config.apiUrl, port: config.httpPort, threads: config.token ? 'on' : 'off (no DISCORD_TOKEN)' });
  const answerer = await openAnswerer(config);
  const endpoint = await startHttpEndpoint({ config, answerer, logger });
  // Load the model before the first question; one that cannot load ends the process, so a supervisor sees it.
  void answerer.ready().then(
    () => logger.info('model.ready', {}),
    (error: unknown) => {
      logger.error('fatal', { reason: 'model-failed', error });
      void endpoint.stop().finally(() => process.exit(1));
    },
  );
  stopOnSignals(logger, () => endpoint.stop());
}

main().catch((error: unknown) => exitWithFatal('Cannot start the HTTP endpoint', error));
