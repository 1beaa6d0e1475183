/**
 * Starts the bot around an already opened `Answerer`, and stops it gracefully: new questions are
 * turned away, the answers in flight are finished, then the gateway is closed.
 */
import type { Client } from 'discord.js';
import type { Answerer } from '../answer/index.js';
import type { CoreConfig, DiscordConfig } from '../config.js';
import { createClient, sweepClient } from './client.js';
import type { BotContext } from './context.js';
import { Cooldown, RateLimit } from './cooldown.js';
import { EXAMPLE_QUESTIONS } from './examples.js';
import { FeedbackLog } from './feedback.js';
import { InFlight } from './in-flight.js';
import { health, startHealthServer, type HealthServer } from './health.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { openSharedState, type SharedState } from './shared-state.js';

/** How often the bot frees what answered users leave behind. */
export const SWEEP_MS = 60_000;

/** Limits on what one user can make the bot do, beside the question cooldown. */
export const THROTTLES = {
  /** The window of the throttles below: the question cooldown, but never shorter than this. */
  minWindowMs: 10_000,
  morePerWindow: 5,
  votesPerWindow: 10,
  /** A page of results is shown to a user once per message; pressing its button again within this does nothing. */
  samePageMs: 10 * 60_000,
};

export interface BotOptions {
  config: CoreConfig & DiscordConfig;
  answerer: Answerer;
  logger: Logger;
  /** Defer an answer that is not ready after this long (default 1500 ms, well inside Discord's 3 s). */
  deferAfterMs?: number;
  /** The shared state to use (default: opened from the configuration, and closed when the bot stops). */
  state?: SharedState;
  /** How long shutdown waits for answers in flight (default 20 s). */
  drainTimeoutMs?: number;
  /**
   * Called once when the bot cannot go on (the gateway closed with a code it will not recover from), after the
   * `fatal` log line; `npm start` stops the bot and exits 1. Default: stop the bot.
   */
  onFatal?: (reason: string) => void;
}

export interface Bot {
  client: Client;
  context: BotContext;
  /** `GET /healthz` and `GET /metrics`, when `METRICS_PORT` is set. */
  health: HealthServer | null;
  /** Frees what answered users leave behind (DM channels, REST queues, expired rate limits); runs every `SWEEP_MS`. */
  sweep(): void;
  /** Finishes the answers in flight (bounded), then closes the gateway. Safe to call twice. */
  stop(): Promise<void>;
}

/** The context every handler receives, around an opened core and shared state; the gateway bot and the HTTP endpoint both build theirs here. */
export function createContext(
  config: CoreConfig & DiscordConfig,
  answerer: Answerer,
  logger: Logger,
  state: SharedState,
  deferAfterMs = 1500,
): BotContext {
  const window = Math.max(config.cooldownSeconds * 1000, THROTTLES.minWindowMs);
  return {
    config,
    answerer,
    logger,
    metrics: createMetrics(),
    state,
    cooldown: new Cooldown(state, config.cooldownSeconds, logger),
    throttles: {
      more: new RateLimit(state, 'more', THROTTLES.morePerWindow, window, logger),
      morePage: new RateLimit(state, 'more-page', 1, THROTTLES.samePageMs, logger),
      votes: new RateLimit(state, 'votes', THROTTLES.votesPerWindow, window, logger),
      notices: new RateLimit(state, 'notices', 1, window, logger),
    },
    feedback: new FeedbackLog(config.feedbackFile, state),
    inFlight: new InFlight(),
    examples: EXAMPLE_QUESTIONS,
    deferAfterMs,
  };
}

/** Frees what answered users leave behind: discord.js's DM channels and REST queues, and expired uses in the state. */
export function sweepAll(client: Client, { state, logger }: Pick<BotContext, 'state' | 'logger'>): void {
  sweepClient(client);
  void state.sweep().catch((error: unknown) => logger.warn('state.sweep-failed', { store: state.kind, error }));
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, answerer, logger } = options;
  const state = options.state ?? (await openSharedState(config));
  const context = createContext(config, answerer, logger, state, options.deferAfterMs);
  let stopping: Promise<void> | null = null;
  let failed = false;
  const client = createClient(context, {
    apiUrl: config.apiUrl,
    messageContent: config.messageContent,
    isShard: config.shard !== null,
    onFatal: (reason, fields) => {
      if (failed) return;
      failed = true;
      logger.error('fatal', { reason, ...fields });
      if (options.onFatal) options.onFatal(reason);
      else void stop();
    },
  });
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutdown.started', { inFlight: context.inFlight.size });
      const left = await context.inFlight.drain(options.drainTimeoutMs ?? 20_000);
      if (left > 0) logger.warn('shutdown.unfinished', { inFlight: left });
      clearInterval(sweeper);
      await client.destroy();
      await healthServer?.close();
      if (!options.state) await state.close();
      logger.info('shutdown.done', {});
    })());
  // A feedback file that cannot be written stops the bot now, not at the first vote.
  await context.feedback.check().catch(async (error: unknown) => {
    if (!options.state) await state.close();
    throw error;
  });
  const sweep = () => sweepAll(client, context);
  const sweeper = setInterval(sweep, SWEEP_MS).unref();
  let healthServer: HealthServer | null = null;
  try {
    if (config.metricsPort !== null) {
      // Each shard of a sharded bot serves its own: shard i on METRICS_PORT + i.
      const port = config.metricsPort === 0 ? 0 : config.metricsPort + (config.shard ?? 0);
      healthServer = await startHealthServer(port, config.metricsHost, () => health(answerer, client), context.metrics);
      logger.info('metrics.listening', { host: config.metricsHost, port: healthServer.port });
    }
    await client.login(config.token);
  } catch (error) {
    clearInterval(sweeper);
    await healthServer?.close();
    await client.destroy().catch(() => undefined);
    if (!options.state) await state.close();
    throw error;
  }
  return { client, context, health: healthServer, stop, sweep };
}
