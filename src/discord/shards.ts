/**
 * `SHARDS=auto|N`: the gateway bot as discord.js's own `ShardingManager`, one process per shard. This process only
 * supervises: it works out the shard count (`auto` asks Discord's `GET /gateway/bot`), spawns each shard as
 * `npm start`'s own entry point (which loads the index once, read-only, and identifies as its shard), logs what
 * becomes of the shards, respawns one that dies, and on SIGINT/SIGTERM stops them all gracefully. Everything the
 * shards must agree on (cooldowns, throttles, votes) is in the shared state (`shared-state.ts`).
 */
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import type { Logger } from './log.js';

/** Discord allows one IDENTIFY per 5 s per bucket (max_concurrency 1 for most bots): shards start this far apart. */
export const SHARD_SPAWN_DELAY_MS = 5_500;
/** A shard that has not connected this long after it was spawned makes the start fail. */
export const SHARD_READY_TIMEOUT_MS = 60_000;
/** A shard still draining its answers this long after SIGTERM is killed. */
const SHARD_STOP_TIMEOUT_MS = 30_000;

/** The shard count Discord recommends for this bot (its guild count / 1,000, at least 1). */
export async function recommendedShards(config: Pick<DiscordConfig, 'apiUrl' | 'token'>): Promise<number> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

export interface ShardSupervisor {
  manager: ShardingManager;
  /** Stops every shard (each finishes its answers in flight), then resolves. */
  stop(): Promise<void>;
}

/** Spawns the shards of `file` (the gateway bot's entry point) and resolves once all are connected. */
export async function superviseShards(
  config: Pick<DiscordConfig, 'apiUrl' | 'token' | 'shards'>,
  file: string,
  logger: Logger,
): Promise<ShardSupervisor> {
  const totalShards = config.shards === 'auto' ? await recommendedShards(config) : (config.shards ?? 1);
  const manager = new ShardingManager(file, {
    token: config.token,
    totalShards,
    mode: 'process',
    respawn: true,
    // Under `tsx` (the tests) the shards need the same loader as this process.
    execArgv: process.execArgv,
  });
  let stopping = false;
  manager.on('shardCreate', (shard: Shard) => {
    logger.info('shard.spawned', { shardId: shard.id, totalShards });
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      if (!stopping) logger.warn('shard.died', { shardId: shard.id, code, respawning: manager.respawn });
    });
  });
  logger.info('shards.starting', { totalShards, source: config.shards === 'auto' ? 'recommended by Discord' : 'SHARDS' });
  const stop = async () => {
    stopping = true;
    manager.respawn = false;
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const killer = setTimeout(() => child.kill('SIGKILL'), SHARD_STOP_TIMEOUT_MS);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(killer);
      }),
    );
  };
  try {
    await manager.spawn({ amount: totalShards, delay: SHARD_SPAWN_DELAY_MS, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    // A shard that cannot start (a bad token, a state file it cannot open) will not start on respawn either.
    await stop();
    throw error;
  }
  logger.info('shards.ready', { totalShards });
  return { manager, stop };
}
