/**
 * The per-user question cooldown and the throttles on buttons and notices, as seen by the handlers: each is a
 * limit (uses per window) on keys of one kind, counted in the state all the bot's processes share
 * (`shared-state.ts`), so a user cannot dodge a cooldown by landing on another shard or another copy.
 *
 * If the shared state cannot be reached, a use is allowed (and logged): an outage of the store must not stop the
 * bot from answering.
 */
import type { Logger } from './log.js';
import type { RateLimitResult, SharedState } from './shared-state.js';

export type { RateLimitResult } from './shared-state.js';

/** At most `limit` uses of each key per `windowMs`; a limit or window of 0 turns it off. */
export class RateLimit {
  constructor(
    private readonly state: SharedState,
    /** Keeps this limit's keys apart from the other limits' in the shared state. */
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly logger?: Logger,
  ) {}

  /** Records a use of `key` if allowed; otherwise says how long until it is (at least 1 ms). */
  async take(key: string): Promise<RateLimitResult> {
    try {
      return await this.state.take(`${this.name}:${key}`, this.limit, this.windowMs);
    } catch (error) {
      this.logger?.warn('state.failed', { limit: this.name, store: this.state.kind, error });
      return { ok: true };
    }
  }
}

export type CooldownResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Per-user cooldown between two questions: one question per `seconds` (0 turns it off). */
export class Cooldown {
  private readonly limit: RateLimit;

  constructor(state: SharedState, seconds: number, logger?: Logger) {
    this.limit = new RateLimit(state, 'cooldown', 1, seconds * 1000, logger);
  }

  /** Records a question by `userId` if allowed; otherwise says how long to wait (whole seconds, at least 1). */
  async take(userId: string): Promise<CooldownResult> {
    const result = await this.limit.take(userId);
    return result.ok ? result : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(result.retryAfterMs / 1000)) };
  }
}
