/**
 * What every handler receives: the core, the bot's settings, and the small stateful helpers.
 * Built once by `bot.ts`; handlers never reach for globals or `process.env`.
 */
import type { Answerer } from '../answer/index.js';
import type { DiscordConfig } from '../config.js';
import type { Cooldown } from './cooldown.js';
import type { FeedbackLog } from './feedback.js';
import type { InFlight } from './in-flight.js';
import type { Logger } from './log.js';

export interface BotContext {
  config: Pick<DiscordConfig, 'questionMaxLength' | 'cooldownSeconds'>;
  answerer: Answerer;
  logger: Logger;
  cooldown: Cooldown;
  feedback: FeedbackLog;
  inFlight: InFlight;
  examples: readonly string[];
  /** An answer not ready after this long is deferred (Discord allows 3 s for the first response). */
  deferAfterMs: number;
}
