import { describe, expect, it } from 'vitest';
import { withDeferral } from '../../src/discord/answering.js';

const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('withDeferral', () => {
  it('defers at once while the model is still loading', async () => {
    const calls: string[] = [];
    const result = await withDeferral(later(20, 'answer'), false, 1_000, async () => void calls.push('defer'));
    expect(result).toEqual({ value: 'answer', deferred: true });
    expect(calls).toEqual(['defer']);
  });

  it('does not defer an answer that is ready in time', async () => {
    let deferred = false;
    const result = await withDeferral(later(5, 'answer'), true, 200, async () => void (deferred = true));
    expect(result.deferred).toBe(false);
    expect(deferred).toBe(false);
  });

  it('defers an answer that takes longer than the threshold', async () => {
    const result = await withDeferral(later(150, 'answer'), true, 30, async () => undefined);
    expect(result).toEqual({ value: 'answer', deferred: true });
  });

  it('finishes the deferral before reporting a failure, so the apology can edit the deferred reply', async () => {
    const order: string[] = [];
    const failing = later(10, null).then(() => Promise.reject(new Error('boom')));
    const defer = () => later(50, null).then(() => void order.push('deferred'));
    await expect(withDeferral(failing, false, 1_000, defer).finally(() => order.push('settled'))).rejects.toThrow('boom');
    expect(order).toEqual(['deferred', 'settled']);
  });

  it('falls back to no deferral when the deferral fails, reporting it once and raising nothing', async () => {
    const failures: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const result = await withDeferral(
        later(60, 'answer'),
        true,
        5,
        () => Promise.reject(new Error('503 on the deferral')),
        (error) => failures.push(error),
      );
      expect(result).toEqual({ value: 'answer', deferred: false });
      expect(failures).toHaveLength(1);
      await later(20, null);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('defers at once when the time since the request arrived has used up the threshold', async () => {
    const calls: number[] = [];
    const started = Date.now();
    await withDeferral(later(50, 'answer'), true, 0, async () => void calls.push(Date.now() - started));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeLessThan(40);
  });
});
