/**
 * Tracks the handlers that are running, so shutdown can finish the answers in flight before the
 * gateway closes, and refuse new work meanwhile.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  get size(): number {
    return this.running.size;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  /** Runs `work` and keeps track of it until it settles; never rejects (handlers catch their own errors). */
  track(work: () => Promise<unknown>): Promise<void> {
    const promise = work().then(
      () => undefined,
      () => undefined,
    );
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
    return promise;
  }

  /** Stops accepting new work and waits for the running handlers, at most `timeoutMs`. Returns how many were left. */
  async drain(timeoutMs: number): Promise<number> {
    this.closing = true;
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
    }
    return this.running.size;
  }
}
