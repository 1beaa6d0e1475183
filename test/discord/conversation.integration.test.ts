/**
 * Follow-ups in Discord, against the stand-in with the real discord.js client and the real core: a reply to an
 * answer, a chain of replies, a thread started by `/ask`, a follow-up after a restart, replies to other people,
 * and DMs. The context is read back from Discord (the answer's footer), never from the bot's memory.
 */
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuestion, UNDERSTOOD_PREFIX } from '../../src/discord/render.js';
import { REPLY_UNREADABLE } from '../../src/discord/handlers/message.js';
import { THREAD_NEEDS_PUBLIC } from '../../src/discord/thread.js';
import { interact, startHarness, type Harness } from './harness.js';
import { channelMessage, chatInput, newUser, type MessageOptions, type TestUser } from './stand-in/payloads.js';
import type { StoredMessage } from './stand-in/server.js';

const COUNTRIES_2011 = 'how many countries attended in 2011?';
const EPHEMERAL = 64;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ COOLDOWN_SECONDS: '0' });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Posts a user's message and waits for the bot's reply to it. */
async function say(content: string, author: TestUser, options: MessageOptions): Promise<StoredMessage> {
  const payload = channelMessage(h.standIn, content, author, options);
  h.standIn.sendMessage(payload);
  return h.standIn.waitFor(() => [...h.standIn.messages.values()].find((m) => m.message_reference?.message_id === payload.id), `the reply to "${content}"`);
}

/** Posts a message and checks, after the bot has answered a later probe, that nothing replied to it. */
async function sayUnanswered(content: string, author: TestUser, options: MessageOptions): Promise<void> {
  const payload = channelMessage(h.standIn, content, author, options);
  h.standIn.sendMessage(payload);
  // Messages are handled in order: once a later mention (in the channel, outside any thread) is answered and
  // nothing is left in flight, the first one has been seen and, had it been answered, its reply sent.
  await say(`<@${h.standIn.applicationId}> what is sextortion?`, author, { mentionBot: true });
  await h.standIn.waitFor(() => h.bot.context.inFlight.size === 0, 'nothing in flight');
  expect([...h.standIn.messages.values()].some((m) => m.message_reference?.message_id === payload.id)).toBe(false);
}

const yearsOf = (m: StoredMessage) => m.embeds.map((e: any) => Number(/\d{4}$/.exec(e.author.name)?.[0]));
const understood = (m: StoredMessage) => (m.content.startsWith(UNDERSTOOD_PREFIX) ? m.content.slice(UNDERSTOOD_PREFIX.length) : null);

/** A reply as a reader sees it, shortened: the "Understood as" line, the first result's author, title and bold sentence, the footer. */
function firstResultText(m: StoredMessage): string {
  const e = m.embeds[0];
  const footer = m.embeds.at(-1)?.footer?.text;
  const bold = /\*\*[^]*?\*\*/.exec(e.description ?? '')?.[0] ?? e.description;
  return [m.content, e.author?.name, e.title, bold, m.embeds.length > 1 ? `(${m.embeds.length - 1} more results)` : '', footer]
    .filter(Boolean)
    .map((line) => `    ${line.replace(/\n+/g, '\n    ')}`)
    .join('\n');
}

async function slashAnswer(question: string, user: TestUser, extra: Record<string, boolean> = {}): Promise<StoredMessage> {
  return (await interact(h.standIn, chatInput(h.standIn, 'ask', { question, ...extra }, { user }))).message;
}

describe('replies to an answer', () => {
  it('answers a reply to an /ask answer in context, says how it understood it, and stores that in the footer', async () => {
    const user = newUser();
    const first = await slashAnswer(COUNTRIES_2011, user);
    const follow = await say('and in 2014?', user, { mentionBot: false, replyTo: first });
    expect(understood(follow)).toBe('how many countries attended in 2014?');
    expect(readQuestion(follow.embeds)).toBe('how many countries attended in 2014?');
    expect(yearsOf(follow)[0]).toBe(2014);
    expect(follow.embeds[0].description).toContain('**');
    expect(follow.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('follows a chain of three replies, each from the answer before', async () => {
    const user = newUser();
    const first = await say(`<@${h.standIn.applicationId}> ${COUNTRIES_2011}`, user, { mentionBot: true });
    expect(understood(first)).toBeNull();
    const second = await say('and experts?', user, { mentionBot: false, replyTo: first });
    expect(understood(second)).toBe('how many experts attended in 2011?');
    const third = await say('and in 2014?', user, { mentionBot: false, replyTo: second });
    expect(understood(third)).toBe('how many experts attended in 2014?');
    expect(yearsOf(third)[0]).toBe(2014);
    const fourth = await say('which article is that from?', user, { mentionBot: false, replyTo: third });
    expect(understood(fourth)).toBe('which article is that from? (after “how many experts attended in 2014?”)');
    expect(fourth.embeds[0].title).toBe(third.embeds[0].title);
    if (process.env.DISCORD_CHAIN_SAMPLE_FILE) {
      const typed = [`@NewsBot ${COUNTRIES_2011}`, 'and experts?', 'and in 2014?', 'which article is that from?'];
      const turns = [first, second, third, fourth].map((m, i) => `${i === 0 ? '' : '↪ (reply to the answer above) '}${typed[i]}\n\n${firstResultText(m)}`);
      await writeFile(process.env.DISCORD_CHAIN_SAMPLE_FILE, turns.join('\n\n'));
    }
  });

  it('answers a follow-up after the bot restarted: the context is read back from Discord', async () => {
    const user = newUser();
    const first = await slashAnswer(COUNTRIES_2011, user);
    await h.restart();
    const follow = await say('what about 2015?', user, { mentionBot: false, replyTo: first });
    expect(understood(follow)).toBe('how many countries attended in 2015?');
    expect(yearsOf(follow)[0]).toBe(2015);
  });

  it('leaves a reply that stands on its own exactly as typed', async () => {
    const user = newUser();
    const first = await slashAnswer(COUNTRIES_2011, user);
    const follow = await say('who hosted the 2014 meeting?', user, { mentionBot: false, replyTo: first });
    expect(follow.content).toBe('');
    expect(readQuestion(follow.embeds)).toBe('who hosted the 2014 meeting?');
  });

  it('ignores a reply to someone else’s message, unless it mentions the bot — then it is a new question', async () => {
    const user = newUser();
    const other = channelMessage(h.standIn, 'how many countries attended in 2011?', newUser('someone'), { mentionBot: false });
    h.standIn.sendMessage(other);
    await sayUnanswered('and in 2014?', user, { mentionBot: false, replyTo: other });
    const mentioned = await say(`<@${h.standIn.applicationId}> and in 2014?`, user, { mentionBot: true, replyTo: other });
    expect(understood(mentioned)).toBeNull();
    expect(readQuestion(mentioned.embeds)).toBe('and in 2014?');
  });

  it('tells the user how to be read when a reply had its mention turned off (Discord withholds its text)', async () => {
    const user = newUser();
    const first = await slashAnswer(COUNTRIES_2011, user);
    const notice = await say('and in 2014?', user, { mentionBot: false, replyTo: first, ping: false });
    expect(notice.content).toBe(REPLY_UNREADABLE);
    expect(notice.embeds).toEqual([]);
  });
});

describe('direct messages', () => {
  it('continues when a DM replies to an answer, and takes a plain new DM as a new question', async () => {
    const user = newUser();
    const first = await say(COUNTRIES_2011, user, { mentionBot: false, dm: true });
    const follow = await say('and in 2014?', user, { mentionBot: false, dm: true, replyTo: first });
    expect(understood(follow)).toBe('how many countries attended in 2014?');
    const fresh = await say('and in 2014?', user, { mentionBot: false, dm: true });
    expect(understood(fresh)).toBeNull();
    expect(readQuestion(fresh.embeds)).toBe('and in 2014?');
  });
});

describe('/ask in a thread', () => {
  it('starts a thread named after the question, and answers a message there in context', async () => {
    const user = newUser();
    const first = await slashAnswer(COUNTRIES_2011, user, { thread: true });
    const thread = await h.standIn.waitFor(() => h.standIn.threads.get(first.id), 'the thread on the answer');
    expect(thread.name).toBe(COUNTRIES_2011);
    // Without the Message Content intent, a message in the thread needs the mention for Discord to send its text.
    await sayUnanswered('and in 2014?', user, { mentionBot: false, threadId: thread.id });
    const follow = await say(`<@${h.standIn.applicationId}> and in 2014?`, user, { mentionBot: true, threadId: thread.id });
    expect(follow.channel_id).toBe(thread.id);
    expect(understood(follow)).toBe('how many countries attended in 2014?');
    // The next message continues from the newest answer in the thread, not the one that started it.
    const next = await say(`<@${h.standIn.applicationId}> and experts?`, user, { mentionBot: true, threadId: thread.id });
    expect(understood(next)).toBe('how many experts attended in 2014?');
    // A reply in the thread to the answer that started it (a message of the parent channel) continues that answer.
    const back = await say('and in 2015?', user, { mentionBot: false, threadId: thread.id, replyTo: first });
    expect(back.channel_id).toBe(thread.id);
    expect(understood(back)).toBe('how many countries attended in 2015?');
  });

  it('cannot start a thread from a private answer, and says so', async () => {
    const reply = await interact(h.standIn, chatInput(h.standIn, 'ask', { question: COUNTRIES_2011, private: true, thread: true }, { user: newUser() }));
    const notice = await h.standIn.waitFor(() => h.standIn.followUpsOf(reply.callback ? reply.requests[0]!.path.split('/')[3]! : '').at(-1), 'the notice');
    expect(notice.content).toBe(THREAD_NEEDS_PUBLIC);
    expect(notice.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.standIn.threads.has(reply.message.id)).toBe(false);
  });
});

describe('with the Message Content intent turned on', () => {
  let hc: Harness;
  beforeAll(async () => {
    hc = await startHarness({ COOLDOWN_SECONDS: '0', DISCORD_MESSAGE_CONTENT: 'true' });
  }, 120_000);
  afterAll(async () => {
    await hc?.close();
  });

  it('identifies with it, and answers a message in its thread that does not mention it', async () => {
    expect(hc.standIn.gateway.stats.identifies.at(-1)!.intents & (1 << 15)).toBe(1 << 15);
    const user = newUser();
    const first = (await interact(hc.standIn, chatInput(hc.standIn, 'ask', { question: COUNTRIES_2011, thread: true }, { user }))).message;
    const thread = await hc.standIn.waitFor(() => hc.standIn.threads.get(first.id), 'the thread');
    const payload = channelMessage(hc.standIn, 'and in 2014?', user, { mentionBot: false, threadId: thread.id });
    hc.standIn.sendMessage(payload);
    const follow = await hc.standIn.waitFor(() => [...hc.standIn.messages.values()].find((m) => m.message_reference?.message_id === payload.id), 'the answer in the thread');
    expect(understood(follow)).toBe('how many countries attended in 2014?');
  });
});
