/**
 * Runs the real bot (real discord.js Client, real question-answering core) against the stand-in,
 * configured exactly as users configure it: through `loadDiscordConfig` and `DISCORD_API_URL`.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAnswerer, type Answerer, type AskOptions } from '../../src/answer/index.js';
import { loadConfig, loadDiscordConfig } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import type { Answer } from '../../src/types.js';
import { DiscordStandIn, STAND_IN_TOKEN, type RecordedRequest, type StoredMessage } from './stand-in/server.js';

/**
 * The real core with injectable conditions a test cannot otherwise cause on demand:
 * a busy process (a slow answer) and an internal failure.
 */
export class FaultyAnswerer implements Answerer {
  delayNextMs = 0;
  failNext = false;
  /** Questions whose answering has started, in order. */
  readonly started: string[] = [];
  constructor(public inner: Answerer) {}
  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.started.push(question);
    const delay = this.delayNextMs;
    const fail = this.failNext;
    this.delayNextMs = 0;
    this.failNext = false;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (fail) throw new Error('injected failure: the index could not be read');
    return this.inner.ask(question, options);
  }
  search(...args: Parameters<Answerer['search']>) {
    return this.inner.search(...args);
  }
  sources() {
    return this.inner.sources();
  }
  ready() {
    return this.inner.ready();
  }
  isReady() {
    return this.inner.isReady();
  }
}

export interface Harness {
  standIn: DiscordStandIn;
  answerer: FaultyAnswerer;
  bot: Bot;
  logLines: string[];
  /** discord.js debug lines (gateway, REST), kept for diagnosing a failed test. */
  debugLines: string[];
  feedbackFile: string;
  env: Record<string, string>;
  /** Starts another bot process-equivalent (new Client, fresh memory) on the same stand-in. */
  restart(): Promise<Bot>;
  close(): Promise<void>;
}

export async function startHarness(extraEnv: Record<string, string> = {}): Promise<Harness> {
  const standIn = await DiscordStandIn.start();
  const dir = await mkdtemp(path.join(tmpdir(), 'discord-bot-test-'));
  const feedbackFile = path.join(dir, 'feedback.jsonl');
  const env = {
    DISCORD_TOKEN: STAND_IN_TOKEN,
    DISCORD_API_URL: standIn.apiUrl,
    FEEDBACK_FILE: feedbackFile,
    STATE_FILE: path.join(dir, 'state.sqlite'),
    COOLDOWN_SECONDS: '30',
    QUESTION_MAX_LENGTH: '300',
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  const config = loadDiscordConfig(env);
  const logLines: string[] = [];
  const logger = createLogger({ level: config.logLevel, secrets: [config.token], write: (line) => logLines.push(line) });
  const answerer = new FaultyAnswerer(await openAnswerer(loadConfig({})));
  await answerer.ready();
  const debugLines: string[] = [];
  const launch = async () => {
    const started = await startBot({ config, answerer, logger });
    started.client.on('debug', (line) => debugLines.push(`${new Date().toISOString()} ${line}`));
    return started;
  };
  let bot = await launch();
  const harness: Harness = {
    standIn,
    answerer,
    bot,
    logLines,
    debugLines,
    feedbackFile,
    env,
    async restart() {
      await harness.bot.stop();
      bot = await launch();
      harness.bot = bot;
      return bot;
    },
    async close() {
      await harness.bot.stop();
      await standIn.close();
    },
  };
  return harness;
}

export interface Reply {
  /** The interaction callback body (`type` 4 reply, 5 deferral, 8 autocomplete). */
  callback: any;
  /** The message the user finally sees (after the deferral was edited), or the follow-up. */
  message: StoredMessage;
  /** Every REST request this interaction caused, in order. */
  requests: RecordedRequest[];
}

/** Dispatches an interaction and waits until the user sees its final reply. */
export async function interact(standIn: DiscordStandIn, payload: { id: string; token: string; channel_id: string }): Promise<Reply> {
  standIn.sendInteraction(payload);
  return standIn.waitFor(() => {
    const requests = standIn.forInteraction(payload.token);
    const callback = requests.find((r) => r.path.endsWith('/callback'));
    if (!callback || callback.status === 0) return undefined;
    const message = standIn.originalOf(payload.token);
    if (callback.body.type === 5) {
      const followUp = requests.find((r) => r.method === 'POST' && !r.path.endsWith('/callback') && r.status === 200);
      const edit = requests.find((r) => r.method === 'PATCH' && r.status === 200);
      if (followUp) return { callback: callback.body, message: standIn.followUpsOf(payload.token).at(-1)!, requests };
      if (!edit || !message) return undefined;
      return { callback: callback.body, message, requests };
    }
    return { callback: callback.body, message: message!, requests };
  }, `the reply to interaction ${payload.id}`);
}

export async function readFeedback(file: string): Promise<any[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** The `question` log lines, parsed. */
export function questionLogs(lines: string[]): any[] {
  return lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'question');
}

/** A reply as a person reads it in Discord, for the README sample. */
export function asText(message: StoredMessage): string {
  const parts: string[] = [];
  if (message.content) parts.push(message.content);
  for (const e of message.embeds) {
    if (e.author?.name) parts.push(e.author.name);
    if (e.title) parts.push(e.url ? `${e.title} <${e.url}>` : e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(`${f.name}: ${f.value}`);
    if (e.footer?.text) parts.push(e.footer.text);
    parts.push('');
  }
  const buttons = message.components.flatMap((row: any) => row.components.map((b: any) => `[${b.emoji?.name ? `${b.emoji.name} ` : ''}${b.label}]`));
  if (buttons.length) parts.push(buttons.join(' '));
  return parts.join('\n');
}
