/**
 * What every handler receives: the core, the bot's settings, and the small stateful helpers.
 * Built once by `bot.ts`; handlers never reach for globals or `process.env`.
 */
import type { Answerer } from '../answer/index.js';
import type { DiscordConfig } from '../config.js';
import type { Cooldown, RateLimit } from './cooldown.js';
import type { FeedbackLog } from './feedback.js';
import type { InFlight } from './in-flight.js';
import type { Logger } from './log.js';
import type { BotMetrics } from './metrics.js';
import type { SharedState } from './shared-state.js';

export interface BotContext {
  config: Pick<DiscordConfig, 'questionMaxLength' | 'cooldownSeconds' | 'messageContent' | 'token'>;
  answerer: Answerer;
  logger: Logger;
  metrics: BotMetrics;
  /** What every process of the bot shares: the uses behind the cooldown and throttles, and the votes. */
  state: SharedState;
  cooldown: Cooldown;
  /** Limits on what a user can make the bot do besides asking (see `THROTTLES` in `bot.ts`). */
  throttles: {
    /** "More results" presses per user. */
    more: RateLimit;
    /** "More results" presses per user on one page of one message (the same page twice is ignored). */
    morePage: RateLimit;
    /** Votes per user. */
    votes: RateLimit;
    /** Public notices (cooldown, too long, empty mention) per user: one per window, the rest dropped. */
    notices: RateLimit;
  };
  feedback: FeedbackLog;
  inFlight: InFlight;
  examples: readonly string[];
  /** An answer not ready after this long is deferred (Discord allows 3 s for the first response). */
  deferAfterMs: number;
}
