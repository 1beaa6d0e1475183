/**
 * Per-user cooldown between two questions. Memory stays bounded: expired entries are dropped
 * whenever the map is consulted.
 */

export type CooldownResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question by `userId` if allowed; otherwise says how long to wait (whole seconds, at least 1). */
  take(userId: string): CooldownResult {
    if (this.seconds <= 0) return { ok: true };
    const now = this.now();
    const windowMs = this.seconds * 1000;
    this.prune(now, windowMs);
    const previous = this.last.get(userId);
    if (previous !== undefined && now - previous < windowMs) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((previous + windowMs - now) / 1000)) };
    }
    this.last.set(userId, now);
    return { ok: true };
  }

  /** Number of users currently cooling down (for tests and diagnostics). */
  get size(): number {
    return this.last.size;
  }

  private prune(now: number, windowMs: number): void {
    if (this.last.size < 1000) return;
    for (const [user, at] of this.last) if (now - at >= windowMs) this.last.delete(user);
  }
}
