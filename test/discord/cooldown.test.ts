import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Cooldown.take', () => {
  it('lets a user ask, then makes them wait the configured seconds', () => {
    const c = clock();
    const cooldown = new Cooldown(10, c.now);
    expect(cooldown.take('alice')).toEqual({ ok: true });
    c.advance(3_000);
    expect(cooldown.take('alice')).toEqual({ ok: false, retryAfterSeconds: 7 });
    c.advance(7_000);
    expect(cooldown.take('alice')).toEqual({ ok: true });
  });

  it('never tells a user to wait 0 seconds', () => {
    const c = clock();
    const cooldown = new Cooldown(2, c.now);
    cooldown.take('alice');
    c.advance(1_999);
    expect(cooldown.take('alice')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('keeps one user waiting without affecting another', () => {
    const cooldown = new Cooldown(10, clock().now);
    expect(cooldown.take('alice').ok).toBe(true);
    expect(cooldown.take('bob').ok).toBe(true);
    expect(cooldown.take('alice').ok).toBe(false);
  });

  it('a refused question does not extend the wait', () => {
    const c = clock();
    const cooldown = new Cooldown(10, c.now);
    cooldown.take('alice');
    c.advance(9_000);
    cooldown.take('alice');
    c.advance(1_000);
    expect(cooldown.take('alice').ok).toBe(true);
  });

  it('is off when configured to 0 seconds', () => {
    const cooldown = new Cooldown(0, clock().now);
    for (let i = 0; i < 5; i++) expect(cooldown.take('alice').ok).toBe(true);
  });

  it('forgets users whose wait is over, so memory stays bounded', () => {
    const c = clock();
    const cooldown = new Cooldown(1, c.now);
    for (let i = 0; i < 1500; i++) cooldown.take(`user${i}`);
    c.advance(2_000);
    cooldown.take('late');
    expect(cooldown.size).toBe(1);
  });
});
