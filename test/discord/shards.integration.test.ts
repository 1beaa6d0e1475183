/**
 * `SHARDS=auto npm start` as an operator runs it: the manager process asks the stand-in how many shards to run (2),
 * spawns one process per shard through discord.js's ShardingManager, and each shard gets its own guilds, a DM
 * reaches shard 0, and the cooldown holds for a user who moves to a guild on the other shard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { interact } from './harness.js';
import { channelMessage, chatInput, newUser } from './stand-in/payloads.js';
import { DiscordStandIn, shardOf, STAND_IN_TOKEN } from './stand-in/server.js';

let standIn: DiscordStandIn;
let bot: ChildProcess;
let stderr = '';
let exited: Promise<number | null>;

const lines = () =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(async () => {
  standIn = await DiscordStandIn.start({ guilds: 2, shards: 2 });
  const dir = await mkdtemp(path.join(tmpdir(), 'discord-shards-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DISCORD_|COOLDOWN_|SHARD|STATE_FILE|REDIS_URL|METRICS_|FEEDBACK_)/.test(k)) env[k] = v;
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/discord/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...env,
      DISCORD_GUILD_ID: '',
      DISCORD_TOKEN: STAND_IN_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      SHARDS: 'auto',
      COOLDOWN_SECONDS: '30',
      FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
      STATE_FILE: path.join(dir, 'state.sqlite'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  bot.stderr!.on('data', (d) => (stderr += d));
  // 'close', not 'exit': the shards' last log lines are still in the pipe when the process exits.
  exited = new Promise((resolve) => bot.once('close', (code) => resolve(code)));
  await standIn.gateway.waitUntilLive(90_000, 2);
  await standIn.waitFor(() => lines().some((l) => l.event === 'shards.ready'), 'the manager to report every shard ready', 30_000);
}, 120_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  await standIn?.close();
});

describe('SHARDS=auto: one process per shard', () => {
  it('runs as many shards as Discord recommends, each identifying as its own shard with its own guilds', async () => {
    expect(standIn.guildIds.map((g) => shardOf(g, 2))).toEqual([0, 1]);
    const shards = standIn.gateway.stats.identifies.map((i) => i.shard).sort();
    expect(shards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(lines().find((l) => l.event === 'shards.starting')).toMatchObject({ totalShards: 2, source: 'recommended by Discord' });
    // A shard's own log line travels through its process's stderr and can reach the output after the manager's
    // "shards.ready" line.
    await standIn.waitFor(() => lines().filter((l) => l.event === 'gateway.ready').length >= 2, 'both shards to log ready', 30_000);
    const readyShards = lines()
      .filter((l) => l.event === 'gateway.ready')
      .map((l) => [l.shard, l.guilds])
      .sort();
    expect(readyShards).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('answers in each guild from the shard that owns it, and a DM from shard 0', async () => {
    const [first, second] = standIn.guildIds as [string, string];
    for (const guildId of [first, second]) {
      const reply = await interact(standIn, chatInput(standIn, 'ask', { question: 'how many countries attended in 2011?' }, { user: newUser(), guildId }));
      expect(reply.message.embeds[0].title).toBeTruthy();
    }
    const dmUser = newUser('dm-user');
    const dm = channelMessage(standIn, 'how many countries attended in 2011?', dmUser, { mentionBot: false, dm: true });
    standIn.sendMessage(dm);
    await standIn.waitFor(() => [...standIn.messages.values()].find((m) => m.message_reference?.message_id === dm.id), 'the DM answer');
    await standIn.waitFor(() => lines().filter((l) => l.event === 'question').length >= 3, 'three question log lines');
    const answeredBy = lines()
      .filter((l) => l.event === 'question')
      .map((l) => [l.via, l.guildId ?? null, l.shard]);
    expect(answeredBy).toEqual(
      expect.arrayContaining([
        ['slash', first, 0],
        ['slash', second, 1],
        ['dm', null, 0],
      ]),
    );
  }, 60_000);

  it('keeps a user on cooldown when their next question lands on the other shard', async () => {
    const [first, second] = standIn.guildIds as [string, string];
    const user = newUser('hopper');
    const answered = await interact(standIn, chatInput(standIn, 'ask', { question: 'who opened the 2014 meeting?' }, { user, guildId: first }));
    expect(answered.message.embeds.length).toBeGreaterThan(0);
    const refused = await interact(standIn, chatInput(standIn, 'ask', { question: 'and in 2011?' }, { user, guildId: second }));
    expect(refused.message.content).toMatch(/wait \d+ seconds?/i);
    // The reply can reach the stand-in before the shard's log line reaches the manager's output.
    const ofUser = () => lines().filter((l) => l.event === 'question' && l.userId === user.id);
    await standIn.waitFor(() => ofUser().length >= 2, 'two question log lines');
    const outcomes = ofUser().map((l) => [l.shard, l.outcome]);
    expect(outcomes).toEqual([
      [0, 'answered'],
      [1, 'cooldown'],
    ]);
  }, 60_000);

  it('stops every shard gracefully on SIGTERM and exits 0', async () => {
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    const done = lines().filter((l) => l.event === 'shutdown.done');
    expect(done.map((l) => l.shard ?? 'manager').sort()).toEqual([0, 1, 'manager']);
  }, 60_000);
});
