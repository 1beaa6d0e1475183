/** `GET /healthz` and `GET /metrics` of the gateway bot (METRICS_PORT), with the real client against the stand-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interact, startHarness, type Harness } from './harness.js';
import { chatInput, newUser } from './stand-in/payloads.js';

let h: Harness;
let base: string;

beforeAll(async () => {
  h = await startHarness({ METRICS_PORT: '0' });
  base = `http://127.0.0.1:${h.bot.health!.port}`;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('health and metrics', () => {
  it('says healthy once the model is loaded and the gateway session is ready', async () => {
    await h.standIn.waitFor(() => h.bot.client.isReady(), 'the gateway session');
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, model: true, gateway: 'ready' });
  });

  it('counts questions by outcome and their latency, in Prometheus text, with event-loop lag', async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    const answered = (text: string) => Number(/^newsbot_questions_total\{outcome="answered"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    await interact(h.standIn, chatInput(h.standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user: newUser() }));
    await interact(h.standIn, chatInput(h.standIn, 'ask', { question: '\u0001' }, { user: newUser() }));
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(answered(text)).toBe(answered(before) + 1);
    expect(text).toMatch(/^newsbot_questions_total\{outcome="invalid"\} [1-9]/m);
    expect(text).toMatch(/^newsbot_answer_latency_seconds_count [1-9]/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toContain('newsbot_gateway_reconnects_total 0');
  });

  it('answers 404 for another path and 405 for another method', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('logs the shard it is ready on, and where the metrics listen', () => {
    const events = h.logLines.map((l) => JSON.parse(l) as { event: string; port?: number });
    expect(events.some((e) => e.event === 'gateway.shard-ready')).toBe(true);
    expect(events.find((e) => e.event === 'metrics.listening')?.port).toBe(h.bot.health!.port);
  });
});

describe('health before the bot is ready', () => {
  it('is 503, naming what is not ready yet', async () => {
    const { health, startHealthServer } = await import('../../src/discord/health.js');
    const { createMetrics } = await import('../../src/discord/metrics.js');
    const server = await startHealthServer(0, '127.0.0.1', () => health({ isReady: () => false }, { isReady: () => false } as never), createMetrics());
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, model: false, gateway: 'connecting' });
    } finally {
      await server.close();
    }
  });
});
