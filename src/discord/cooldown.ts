/**
 * Rate limits kept in memory per key (a user, a user on a message): at most `limit` uses per window. Memory stays
 * bounded: expired keys are dropped whenever the map grows, and past `maxKeys` the oldest keys go first.
 */

export type RateLimitResult = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimit {
  private readonly uses = new Map<string, number[]>();
  private nextPruneAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Records a use of `key` if allowed; otherwise says how long until it is (at least 1 ms). */
  take(key: string): RateLimitResult {
    if (this.limit <= 0 || this.windowMs <= 0) return { ok: true };
    const now = this.now();
    const recent = (this.uses.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.uses.set(key, recent);
      return { ok: false, retryAfterMs: Math.max(1, recent[0]! + this.windowMs - now) };
    }
    recent.push(now);
    this.uses.delete(key); // re-inserted last: the map stays ordered by latest use
    this.uses.set(key, recent);
    this.prune(now);
    return { ok: true };
  }

  /** Keys currently remembered (for tests and diagnostics). */
  get size(): number {
    return this.uses.size;
  }

  /** Forgets every key whose uses have all left the window. */
  sweep(): void {
    const now = this.now();
    for (const [key, at] of this.uses) if (now - at[at.length - 1]! >= this.windowMs) this.uses.delete(key);
  }

  private prune(now: number): void {
    // Past the cap, the least recently used key goes (the map is ordered by latest use).
    if (this.uses.size > this.maxKeys) this.uses.delete(this.uses.keys().next().value!);
    // Expired keys are swept at most four times a window, once the map is big enough to matter.
    if (this.uses.size < 1000 || now < this.nextPruneAt) return;
    this.nextPruneAt = now + this.windowMs / 4;
    this.sweep();
  }
}

export type CooldownResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Per-user cooldown between two questions: one question per `seconds` (0 turns it off). */
export class Cooldown {
  private readonly limit: RateLimit;

  constructor(seconds: number, now: () => number = Date.now) {
    this.limit = new RateLimit(1, seconds * 1000, now);
  }

  /** Records a question by `userId` if allowed; otherwise says how long to wait (whole seconds, at least 1). */
  take(userId: string): CooldownResult {
    const result = this.limit.take(userId);
    return result.ok ? result : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(result.retryAfterMs / 1000)) };
  }

  /** Number of users currently remembered (for tests and diagnostics). */
  get size(): number {
    return this.limit.size;
  }

  sweep(): void {
    this.limit.sweep();
  }
}
