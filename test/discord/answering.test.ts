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
});
