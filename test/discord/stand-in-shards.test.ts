/**
 * The stand-in's gateway sharding, checked with a real discord.js Client: one session per shard, each shard's
 * READY and GUILD_CREATE carrying only its guilds, events routed to the shard owning their guild (DMs to shard 0),
 * per-shard RESUME, and 4010 for an IDENTIFY whose shard does not fit.
 */
import { Client, Events, GatewayIntentBits, Routes, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Op } from './stand-in/gateway.js';
import { channelMessage, chatInput, newUser } from './stand-in/payloads.js';
import { DiscordStandIn, STAND_IN_TOKEN, shardOf } from './stand-in/server.js';

const INTENTS = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;

interface Raw {
  t: string;
  d: any;
  shardId: number;
}

let standIn: DiscordStandIn | undefined;
let client: Client | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await client?.destroy();
  client = undefined;
  await standIn?.close();
  standIn = undefined;
});

/** Starts the stand-in and logs a client in on it, recording every dispatch with the shard it arrived on. */
async function connect(options: Parameters<typeof DiscordStandIn.start>[0], shards?: { shards: number[]; shardCount: number }) {
  const s = (standIn = await DiscordStandIn.start(options));
  const c = (client = new Client({ intents: INTENTS, rest: { api: s.apiUrl }, ...shards }));
  const raws: Raw[] = [];
  const interactions: Interaction[] = [];
  c.on(Events.Raw, (packet: { t: string | null; d: any }, shardId: number) => {
    if (packet.t) raws.push({ t: packet.t, d: packet.d, shardId });
  });
  c.on(Events.InteractionCreate, (interaction) => void interactions.push(interaction));
  await c.login(STAND_IN_TOKEN);
  await s.waitFor(() => c.isReady(), 'the client to be ready');
  return { s, c, raws, interactions };
}

/** A bare gateway connection: what it received, and how it was closed. */
function rawGateway(url: string) {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const received: { op: number; t: string | null; d: any }[] = [];
  socket.on('message', (data) => received.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const hello = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  const identify = async (d: Record<string, unknown>) => {
    await hello;
    socket.send(JSON.stringify({ op: Op.Identify, d: { token: STAND_IN_TOKEN, intents: INTENTS, properties: { os: 'linux', browser: 't', device: 't' }, ...d } }));
  };
  return { received, closed, identify };
}

describe('one shard (default options)', () => {
  it('identifies shard [0, 1], gets the one guild, and receives guild events and DMs on it', async () => {
    const { s, c, raws } = await connect({});
    expect(s.guildIds).toEqual([s.guildId]);
    expect(s.channelIdOf(s.guildId)).toBe(s.channelId);
    expect(s.gateway.stats.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
    await s.gateway.waitUntilLive();
    expect(s.gateway.live).toBe(true);
    expect(raws.find((r) => r.t === 'READY')!.d).toMatchObject({ shard: [0, 1], guilds: [{ id: s.guildId, unavailable: true }] });
    expect(c.guilds.cache.get(s.guildId)!.shardId).toBe(0);

    const user = newUser();
    const slash = chatInput(s, 'ask', { question: 'what?' }, { user });
    s.sendInteraction(slash);
    const dm = channelMessage(s, 'hello', user, { mentionBot: false, dm: true });
    s.sendMessage(dm);
    await s.waitFor(() => raws.some((r) => r.d?.id === dm.id), 'the DM');
    expect(raws.filter((r) => r.d?.id === slash.id || r.d?.id === dm.id).map((r) => r.shardId)).toEqual([0, 0]);
  });

  it('takes an IDENTIFY without `shard` as shard [0, 1]', async () => {
    const s = (standIn = await DiscordStandIn.start());
    const bare = rawGateway(s.gatewayUrl);
    await bare.identify({});
    await s.gateway.waitUntilLive();
    const ready = await s.waitFor(() => bare.received.find((p) => p.t === 'READY'), 'READY');
    expect(ready.d).toMatchObject({ shard: [0, 1], guilds: [{ id: s.guildId }] });
    expect(s.gateway.stats.identifies[0]!.shard).toEqual([0, 1]);
  });
});

describe('two guilds on two shards', () => {
  const twoShards = { shards: [0, 1], shardCount: 2 };
  // Except where max_concurrency 1 is the point, both shards identify at once instead of 5 s apart.

  it('recommends two shards and puts the two guilds on different shards', async () => {
    const s = (standIn = await DiscordStandIn.start({ guilds: 2, shards: 2 }));
    const response = await fetch(`${s.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${STAND_IN_TOKEN}` } });
    expect((await response.json()).shards).toBe(2);
    expect(s.guildIds).toHaveLength(2);
    expect(s.guildIds[0]).toBe(s.guildId);
    expect(s.guildIds.map((g) => shardOf(g, 2))).toEqual([0, 1]);
    expect(new Set(s.guildIds.map((g) => s.channelIdOf(g))).size).toBe(2);
    expect(shardOf(null, 2)).toBe(0);
  });

  it('readies each shard with only its own guild, with max_concurrency 1 as a small bot gets', async () => {
    const { s, c, raws } = await connect({ guilds: 2, shards: 2 }, twoShards);
    await s.gateway.waitUntilLive(15_000, 2);
    expect(s.gateway.liveShards()).toEqual([0, 1]);
    expect(s.gateway.live).toBe(true);
    expect(s.gateway.stats.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const [first, second] = s.guildIds as [string, string];
    for (const [shardId, guildId] of [
      [0, first],
      [1, second],
    ] as const) {
      const ready = raws.find((r) => r.t === 'READY' && r.shardId === shardId)!;
      expect(ready.d.shard).toEqual([shardId, 2]);
      expect(ready.d.guilds).toEqual([expect.objectContaining({ id: guildId, unavailable: true })]);
      expect(raws.filter((r) => r.t === 'GUILD_CREATE' && r.shardId === shardId).map((r) => r.d.id)).toEqual([guildId]);
      expect(c.guilds.cache.get(guildId)!.shardId).toBe(shardId);
    }
  });

  it('routes guild events to the shard owning the guild, DMs and a thread made over REST included', async () => {
    const { s, c, raws, interactions } = await connect({ guilds: 2, shards: 2, maxConcurrency: 2 }, twoShards);
    const second = s.guildIds[1]!;
    const user = newUser();

    const slash = chatInput(s, 'ask', { question: 'what?' }, { user, guildId: second });
    expect(slash).toMatchObject({ guild_id: second, channel_id: s.channelIdOf(second) });
    s.sendInteraction(slash);
    const interaction = await s.waitFor(() => interactions.find((i) => i.id === slash.id), 'the interaction');
    expect(interaction.guild?.shardId).toBe(1);

    const inSecond = channelMessage(s, 'hi', user, { mentionBot: false, guildId: second });
    const inFirst = channelMessage(s, 'hi', user, { mentionBot: false });
    const dm = channelMessage(s, 'hello', user, { mentionBot: false, dm: true });
    for (const m of [inSecond, inFirst, dm]) s.sendMessage(m);
    await s.waitFor(() => raws.filter((r) => r.t === 'MESSAGE_CREATE').length === 3, 'three messages');
    const shardOfMessage = (id: string) => raws.find((r) => r.t === 'MESSAGE_CREATE' && r.d.id === id)!.shardId;
    expect([inSecond, inFirst, dm].map((m) => shardOfMessage(m.id))).toEqual([1, 0, 0]);
    expect(raws.find((r) => r.d?.id === slash.id)!.shardId).toBe(1);

    const thread: any = await c.rest.post(Routes.threads(s.channelIdOf(second), inSecond.id), { body: { name: 'follow-up' } });
    expect(thread.guild_id).toBe(second);
    await s.waitFor(() => raws.find((r) => r.t === 'THREAD_CREATE'), 'THREAD_CREATE');
    expect(raws.filter((r) => r.t === 'THREAD_CREATE').map((r) => [r.d.id, r.shardId])).toEqual([[inSecond.id, 1]]);
    expect(s.guildOfChannel(thread.id)).toBe(second);
    const inThread = channelMessage(s, 'more', user, { mentionBot: false, threadId: thread.id });
    expect(inThread).toMatchObject({ channel_id: thread.id, guild_id: second });
    await expect(c.rest.post(Routes.threads(dm.channel_id, dm.id), { body: { name: 'in a DM' } })).rejects.toMatchObject({ code: 50003 });
  });

  it('cuts the Message Content of a guild message by the intents of the shard receiving it', async () => {
    const s = (standIn = await DiscordStandIn.start({ guilds: 2, shards: 2 }));
    const [zero, one] = [rawGateway(s.gatewayUrl), rawGateway(s.gatewayUrl)];
    await zero.identify({ shard: [0, 2], intents: INTENTS | GatewayIntentBits.MessageContent });
    await one.identify({ shard: [1, 2] });
    await s.gateway.waitUntilLive(15_000, 2);
    const user = newUser();
    s.sendMessage(channelMessage(s, 'first guild', user, { mentionBot: false }));
    s.sendMessage(channelMessage(s, 'second guild', user, { mentionBot: false, guildId: s.guildIds[1] }));
    const contentOn = (shard: typeof zero) => s.waitFor(() => shard.received.find((p) => p.t === 'MESSAGE_CREATE'), 'MESSAGE_CREATE').then((p) => p.d.content);
    expect(await contentOn(zero)).toBe('first guild');
    expect(await contentOn(one)).toBe('');
  });

  it('resumes a dropped shard on its own session and replays what it missed, the other shard untouched', async () => {
    const { s, raws, interactions } = await connect({ guilds: 2, shards: 2, maxConcurrency: 2 }, twoShards);
    const { stats } = s.gateway;
    const connectionsBefore = stats.connections;
    s.gateway.dropConnection(1);
    expect(s.gateway.liveShards()).toEqual([0]);
    expect(s.gateway.live).toBe(false);
    const slash = chatInput(s, 'ask', { question: 'while away' }, { user: newUser(), guildId: s.guildIds[1] });
    s.sendInteraction(slash);
    await s.waitFor(() => interactions.some((i) => i.id === slash.id), 'the interaction, replayed');
    await s.gateway.waitUntilLive(15_000, 2);
    expect(stats.connections).toBe(connectionsBefore + 1);
    expect(stats.resumes).toHaveLength(1);
    expect(stats.resumes[0]).toMatchObject({ shard: 1, sessionId: raws.find((r) => r.t === 'READY' && r.shardId === 1)!.d.session_id });
    expect(stats.resumes[0]!.replayed).toBeGreaterThan(0);
    expect(raws.find((r) => r.d?.id === slash.id)!.shardId).toBe(1);
  });

  it('closes with 4010 an IDENTIFY with another shard count or a shard id outside it', async () => {
    const { s } = await connect({ guilds: 2, shards: 2, maxConcurrency: 2 }, twoShards);
    const wrongCount = rawGateway(s.gatewayUrl);
    await wrongCount.identify({ shard: [0, 3] });
    expect(await wrongCount.closed).toEqual({ code: 4010, reason: 'Invalid shard' });
    const outside = rawGateway(s.gatewayUrl);
    await outside.identify({ shard: [2, 2] });
    expect((await outside.closed).code).toBe(4010);
    expect(s.gateway.stats.identifies.slice(-2).map((i) => i.shard)).toEqual([
      [0, 3],
      [2, 2],
    ]);
    expect(s.gateway.liveShards()).toEqual([0, 1]);
  });
});
