/**
 * `npm run serve:http` as Discord uses it: the stand-in plays Discord, POSTing signed interactions to the endpoint
 * and taking each HTTP response as the interaction's first response; deferred answers arrive through the
 * interaction webhook on the stand-in's REST side. Two endpoints on one STATE_FILE stand for two copies behind a
 * load balancer.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/index.js';
import { loadConfig, loadHttpEndpointConfig } from '../../src/config.js';
import { startHttpEndpoint, type HttpEndpoint } from '../../src/discord/http-endpoint.js';
import { createLogger } from '../../src/discord/log.js';
import { THREAD_NO_TOKEN } from '../../src/discord/thread.js';
import { FaultyAnswerer, readFeedback } from './harness.js';
import { autocomplete, buttonClick, chatInput, newUser } from './stand-in/payloads.js';
import { DiscordStandIn, type StoredMessage } from './stand-in/server.js';
import { startRedis } from './state/redis-server.js';

let standIn: DiscordStandIn;
let answerer: FaultyAnswerer;
let privateKey: KeyObject;
let feedbackFile: string;
const endpoints: HttpEndpoint[] = [];
const logLines: string[] = [];
let url: string;
let secondUrl: string;

const customIdsOf = (message: { components: any[] }): string[] => message.components.flatMap((row: any) => row.components.map((b: any) => b.custom_id as string));

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  const keys = generateKeyPairSync('ed25519');
  privateKey = keys.privateKey;
  const publicHex = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const dir = await mkdtemp(path.join(tmpdir(), 'http-endpoint-'));
  feedbackFile = path.join(dir, 'feedback.jsonl');
  const config = loadHttpEndpointConfig({
    DISCORD_PUBLIC_KEY: publicHex,
    DISCORD_API_URL: standIn.apiUrl,
    HTTP_PORT: '0',
    FEEDBACK_FILE: feedbackFile,
    STATE_FILE: path.join(dir, 'state.sqlite'),
    COOLDOWN_SECONDS: '30',
  });
  answerer = new FaultyAnswerer(await openAnswerer(loadConfig({})));
  await answerer.ready();
  const logger = createLogger({ level: 'info', write: (line) => logLines.push(line) });
  for (let i = 0; i < 2; i++) endpoints.push(await startHttpEndpoint({ config, answerer, logger }));
  url = `http://127.0.0.1:${endpoints[0]!.port}/interactions`;
  secondUrl = `http://127.0.0.1:${endpoints[1]!.port}/interactions`;
}, 120_000);

afterAll(async () => {
  for (const endpoint of endpoints) await endpoint.stop();
  await standIn?.close();
});

describe('POST /interactions', () => {
  it('answers a PING with a PONG', async () => {
    const ping = { type: 1 as const, id: '1', token: 'ping-token', application_id: standIn.applicationId };
    expect(await standIn.postInteraction(url, privateKey, ping)).toEqual({ status: 200, body: { type: 1 } });
  });

  it('rejects a missing, malformed or wrong signature with 401 before anything is answered', async () => {
    const before = answerer.started.length;
    const ask = () => chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user: newUser() });
    const other = generateKeyPairSync('ed25519').privateKey;
    const attempts = [
      await standIn.postInteraction(url, other, ask()),
      await standIn.postInteraction(url, privateKey, ask(), { signature: '' }),
      await standIn.postInteraction(url, privateKey, ask(), { signature: 'zz' }),
      await standIn.postInteraction(url, privateKey, ask(), { timestamp: '1' }),
      await standIn.postInteraction(url, privateKey, ask(), { body: JSON.stringify({ ...ask(), type: 1 }) }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[0]!.body).toEqual({ error: 'invalid request signature' });
    expect(answerer.started.length).toBe(before);
  });

  it('refuses a request signed ten minutes ago, and an interaction sent again to either copy, without answering them', async () => {
    const before = answerer.started.length;
    const old = chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user: newUser() });
    const stale = await standIn.postInteraction(url, privateKey, old, { signedAt: Math.floor(Date.now() / 1000) - 600 });
    expect(stale).toEqual({ status: 401, body: { error: 'request signed too long ago' } });
    expect(answerer.started.length).toBe(before);

    const payload = chatInput(standIn, 'help', {}, { user: newUser() });
    expect((await standIn.postInteraction(url, privateKey, payload)).status).toBe(200);
    for (const target of [url, secondUrl]) {
      expect(await standIn.postInteraction(target, privateKey, payload)).toEqual({ status: 409, body: { error: 'interaction already received' } });
    }
    expect(logLines.some((line) => line.includes('http.replayed'))).toBe(true);
  });

  it('answers /ask in the HTTP response, with the same renderer and no pings', async () => {
    const response = await standIn.postInteraction(url, privateKey, chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user: newUser() }));
    expect(response.status).toBe(200);
    expect(response.body.type).toBe(4);
    expect(response.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embeds = response.body.data.embeds as any[];
    expect(embeds.at(-1).footer.text).toContain('how many countries attended in 2011?');
    expect(JSON.stringify(embeds)).toMatch(/2011/);
    expect(customIdsOf(response.body.data).some((id) => id.startsWith('more:'))).toBe(true);
  });

  it('defers a slow answer in the HTTP response and completes it through the interaction webhook', async () => {
    answerer.delayNextMs = 2_000;
    const payload = chatInput(standIn, 'ask', { question: 'how many countries attended in 2014?' }, { user: newUser() });
    const response = await standIn.postInteraction(url, privateKey, payload);
    expect(response.status).toBe(200);
    expect(response.body.type).toBe(5);
    const edit = await standIn.waitFor(
      () => standIn.forInteraction(payload.token).find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original') && r.status === 200),
      'the deferred answer',
    );
    expect(edit.authorization).toBeUndefined(); // webhooks need no bot token
    expect(standIn.originalOf(payload.token)!.embeds.at(-1).footer.text).toContain('2014');
  });

  it('answers /help privately, and autocomplete with example questions', async () => {
    const help = await standIn.postInteraction(url, privateKey, chatInput(standIn, 'help', {}, { user: newUser() }));
    expect(help.body.type).toBe(4);
    expect(help.body.data.flags).toBe(64);
    const choices = await standIn.postInteraction(url, privateKey, autocomplete(standIn, 'countries', { user: newUser() }));
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices.length).toBeGreaterThan(0);
    for (const choice of choices.body.data.choices) expect(choice.name.toLowerCase()).toContain('countries');
  });

  it('holds the cooldown across two copies of the endpoint', async () => {
    const user = newUser('hopper');
    const first = await standIn.postInteraction(url, privateKey, chatInput(standIn, 'ask', { question: 'who opened the 2014 meeting?' }, { user }));
    expect(first.body.data.embeds.length).toBeGreaterThan(0);
    const second = await standIn.postInteraction(secondUrl, privateKey, chatInput(standIn, 'ask', { question: 'and in 2011?' }, { user }));
    expect(second.body.type).toBe(4);
    expect(second.body.data.flags).toBe(64);
    expect(second.body.data.content).toMatch(/wait \d+ seconds?/i);
  });

  it('records the votes pressed on either copy, one per user per message, and pages "More results"', async () => {
    const asker = newUser('asker');
    const payload = chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user: asker });
    await standIn.postInteraction(url, privateKey, payload);
    const message = standIn.originalOf(payload.token) as StoredMessage;
    const up = customIdsOf(message).find((id) => id.startsWith('vote:up'))!;
    const [alice, bob] = [newUser('alice'), newUser('bob')];
    const votes = [
      await standIn.postInteraction(url, privateKey, buttonClick(standIn, up, message, { user: alice })),
      await standIn.postInteraction(secondUrl, privateKey, buttonClick(standIn, up, message, { user: bob })),
      await standIn.postInteraction(secondUrl, privateKey, buttonClick(standIn, up, message, { user: alice })),
    ];
    expect(votes.map((v) => [v.body.type, v.body.data.flags, v.body.data.content])).toEqual([
      [4, 64, 'Thanks, your feedback was recorded.'],
      [4, 64, 'Thanks, your feedback was recorded.'],
      [4, 64, 'Your feedback on this answer was already recorded.'],
    ]);
    const lines = (await readFeedback(feedbackFile)).filter((l) => l.messageId === message.id);
    expect(lines.map((l) => l.userId).sort()).toEqual([alice.id, bob.id].sort());

    const more = customIdsOf(message).find((id) => id.startsWith('more:'))!;
    const page = await standIn.postInteraction(secondUrl, privateKey, buttonClick(standIn, more, message, { user: asker }));
    expect(page.body.type).toBe(4);
    expect(page.body.data.embeds.length).toBeGreaterThan(0);
  });

  it('answers /ask thread:True without a bot token, and tells the asker no thread can start', async () => {
    const payload = chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?', thread: true }, { user: newUser() });
    const response = await standIn.postInteraction(url, privateKey, payload);
    expect(response.body.type).toBe(4);
    const notice = await standIn.waitFor(() => standIn.followUpsOf(payload.token)[0], 'the thread notice');
    expect(notice.content).toBe(THREAD_NO_TOKEN);
    expect(notice.flags).toBe(64);
    expect(standIn.threads.size).toBe(0);
  });

  it('answers a signed but malformed interaction with 400, and goes on answering', async () => {
    const malformed = { type: 2, id: '1300000000000000001', token: 'malformed-token', application_id: standIn.applicationId };
    expect(await standIn.postInteraction(url, privateKey, malformed as never)).toEqual({ status: 400, body: { error: 'malformed interaction' } });
    const after = await standIn.postInteraction(url, privateKey, chatInput(standIn, 'help', {}, { user: newUser() }));
    expect(after.body.type).toBe(4);
  });

  it('refuses other methods, other paths and oversized bodies', async () => {
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url.replace('/interactions', '/nowhere'), { method: 'POST' })).status).toBe(404);
    const big = await fetch(url, { method: 'POST', body: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
  });
});

describe('GET /healthz and /metrics beside it', () => {
  it('reports ready once the model is loaded, with no gateway, and counts requests by outcome', async () => {
    const base = url.replace('/interactions', '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, model: true });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/newsbot_http_interactions_total\{outcome="bad-signature"\} 5/);
    expect(metrics).toMatch(/newsbot_http_interactions_total\{outcome="ping"\} 1/);
    expect(metrics).toMatch(/newsbot_deferrals_total 1/);
  });
});

describe('two copies on different machines, sharing Redis (REDIS_URL)', () => {
  it('holds the cooldown and one vote per user across the copies', async () => {
    const redis = await startRedis();
    const copies: HttpEndpoint[] = [];
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'http-redis-'));
      const publicHex = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString('hex');
      for (let i = 0; i < 2; i++) {
        // Each "machine" has its own files; only Redis is shared.
        const config = loadHttpEndpointConfig({
          DISCORD_PUBLIC_KEY: publicHex,
          DISCORD_API_URL: standIn.apiUrl,
          HTTP_PORT: '0',
          FEEDBACK_FILE: path.join(dir, `feedback-${i}.jsonl`),
          STATE_FILE: path.join(dir, `state-${i}.sqlite`),
          REDIS_URL: redis.url,
          COOLDOWN_SECONDS: '30',
        });
        copies.push(await startHttpEndpoint({ config, answerer, logger: createLogger({ level: 'warn', write: () => undefined }) }));
      }
      const [a, b] = copies.map((c) => `http://127.0.0.1:${c.port}/interactions`) as [string, string];
      const user = newUser('redis-user');
      const asked = chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user });
      const first = await standIn.postInteraction(a, privateKey, asked);
      expect(first.body.data.embeds.length).toBeGreaterThan(0);
      const second = await standIn.postInteraction(b, privateKey, chatInput(standIn, 'ask', { question: 'and in 2014?' }, { user }));
      expect(second.body.data.content).toMatch(/wait \d+ seconds?/i);
      const voter = newUser('redis-voter');
      const answer = standIn.originalOf(asked.token)!;
      const up = customIdsOf(answer).find((id) => id.startsWith('vote:up'))!;
      const votes = [
        await standIn.postInteraction(a, privateKey, buttonClick(standIn, up, answer, { user: voter })),
        await standIn.postInteraction(b, privateKey, buttonClick(standIn, up, answer, { user: voter })),
      ];
      expect(votes.map((v) => v.body.data.content)).toEqual(['Thanks, your feedback was recorded.', 'Your feedback on this answer was already recorded.']);
    } finally {
      for (const copy of copies) await copy.stop();
      await redis.stop();
    }
  }, 60_000);
});
