/**
 * One "bot process" for the shared-state tests: opens the state the environment names (STATE_FILE or REDIS_URL),
 * waits for the go signal on stdin so every worker starts together, then takes the one use of a cooldown key
 * and casts VOTES votes (user `<WORKER>-<i>` on message `m`), and prints what it got as one JSON line.
 */
import { openSharedState } from '../../../src/discord/shared-state.js';

const state = await openSharedState({ stateFile: process.env.STATE_FILE ?? ':memory:', redisUrl: process.env.REDIS_URL ?? null });
const votes = Number(process.env.VOTES ?? 50);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const cooldown = await state.take('cooldown:racer', 1, 60_000);
const outcomes: string[] = [];
for (let i = 0; i < votes; i++) outcomes.push((await state.vote('m', `${process.env.WORKER}-${i}`, i % 2 === 0)).outcome);
await state.close();
process.stdout.write(`${JSON.stringify({ cooldown: cooldown.ok, outcomes })}\n`);
