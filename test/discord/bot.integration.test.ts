/**
 * The real bot (discord.js Client + the real question-answering core) against the local Discord
 * stand-in. Every assertion is on what reached the stand-in: callbacks, messages, embeds,
 * allowed_mentions, components, the gateway session.
 */
import { writeFile } from 'node:fs/promises';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openAnswerer } from '../../src/answer/index.js';
import { loadConfig } from '../../src/config.js';
import { SHUTTING_DOWN } from '../../src/discord/answering.js';
import { sweepDmChannels } from '../../src/discord/client.js';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import { APOLOGY, LIMITS, embedsLength, readQuestion } from '../../src/discord/render.js';
import { asText, interact, questionLogs, readFeedback, startHarness, type Harness, type Reply } from './harness.js';
import { autocomplete, buttonClick, channelMessage, chatInput, newUser, type TestUser } from './stand-in/payloads.js';
import { STAND_IN_TOKEN, type StoredMessage } from './stand-in/server.js';

const EPHEMERAL = 64;
const DEFERRED = 5;
const REPLY = 4;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

function ask(question: string, user: TestUser = newUser(), extra: Record<string, number | boolean> = {}): Promise<Reply> {
  return interact(h.standIn, chatInput(h.standIn, 'ask', { question, ...extra }, { user }));
}

/** The `question` log lines of one user, waiting (bounded) until `count` are written: the bot logs after replying. */
function logsOf(userId: string, count = 1): Promise<any[]> {
  return h.standIn.waitFor(() => {
    const lines = questionLogs(h.logLines).filter((l) => l.userId === userId);
    return lines.length >= count ? lines : undefined;
  }, `${count} question log line(s) of user ${userId}`);
}

function customIdsOf(message: StoredMessage): string[] {
  return message.components.flatMap((row: any) => row.components.map((b: any) => b.custom_id as string));
}

/** What every message the bot sends must satisfy. */
function expectSafe(body: any): void {
  expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(body.embeds?.length ?? 0).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embedsLength(body.embeds ?? [])).toBeLessThanOrEqual(LIMITS.embedTotal);
}

function bodiesSent(reply: Reply): any[] {
  return reply.requests
    .filter((r) => r.method !== 'GET' && r.method !== 'DELETE')
    .map((r) => (r.path.endsWith('/callback') ? r.body.data : r.body))
    .filter(Boolean);
}

describe('connecting to Discord', () => {
  it('reaches Discord only through DISCORD_API_URL, with the bot token', () => {
    const gatewayBot = h.standIn.find((r) => r.path === '/gateway/bot');
    expect(gatewayBot.length).toBeGreaterThan(0);
    expect(gatewayBot[0]!.authorization).toBe(`Bot ${STAND_IN_TOKEN}`);
  });

  it('identifies with the fewest intents: Guilds, GuildMessages and DirectMessages', () => {
    const identify = h.standIn.gateway.stats.identifies[0]!;
    expect(identify.token).toBe(STAND_IN_TOKEN);
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    expect(identify.intents & GatewayIntentBits.MessageContent).toBe(0);
  });

  it('keeps the session alive with heartbeats that are acknowledged', async () => {
    // The client measures its ping only from an acknowledged heartbeat.
    await h.standIn.waitFor(() => h.bot.client.ws.ping >= 0, 'an acknowledged heartbeat');
    expect(h.standIn.gateway.stats.heartbeatAcks).toBeGreaterThanOrEqual(1);
  });
});

describe('/ask', () => {
  it('answers with one embed per result: the passage with the answering sentence in bold, the title linked, publisher and date', async () => {
    const reply = await ask('How many experts attended the Interpol meeting in Bermuda?');
    expect(reply.callback.type).toBe(REPLY);
    const { embeds, flags } = reply.message;
    expect(flags & EPHEMERAL).toBe(0);
    expect(embeds).toHaveLength(3);
    const titles = new Map(h.answerer.sources().map((s) => [s.title, s]));
    embeds.forEach((embed: any, i: number) => {
      expect(embed.author.name.startsWith(`${i + 1}. `)).toBe(true);
      const source = titles.get(embed.title);
      expect(source).toBeDefined();
      if (source!.url) expect(embed.url).toBe(source!.url);
      expect(embed.author.name).toContain(source!.publisher);
      expect(embed.description).toMatch(/\*\*[^*]+\*\*/);
    });
    expect(embeds.map((e: any) => e.description).join(' ')).toMatch(/\*\*[^*]*140[^*]*\*\*/);
    expect(readQuestion(embeds)).toBe('How many experts attended the Interpol meeting in Bermuda?');
    expectSafe(reply.callback.data);
    const buttons = reply.message.components[0].components;
    expect(buttons.map((b: any) => b.label)).toEqual(['More results', 'Helpful', 'Not helpful']);
    if (process.env.DISCORD_SAMPLE_FILE) await writeFile(process.env.DISCORD_SAMPLE_FILE, asText(reply.message));
  });

  it('names both publishers when the articles of two publishers say the same thing', async () => {
    const reply = await ask('How many experts attended the Interpol meeting in Bermuda?');
    const merged = reply.message.embeds.find((e: any) => e.fields?.[0]?.name === 'Also reported by');
    expect(merged).toBeDefined();
    const publishers = [merged.author.name, merged.fields[0].value].join(' ');
    expect(publishers).toContain('Bernews');
    expect(publishers).toContain('Radio Habana Cuba');
  });

  it('shows up to five results privately when asked to', async () => {
    const reply = await ask('What is sextortion?', newUser(), { results: 5, private: true });
    expect(reply.message.embeds).toHaveLength(5);
    expect(reply.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expectSafe(reply.callback.data);
  });

  it('says politely that a question is not in the articles, and what the bot covers', async () => {
    const user = newUser();
    const reply = await ask('Who won the 1998 football World Cup final?', user);
    const [embed] = reply.message.embeds;
    expect(reply.message.embeds).toHaveLength(1);
    expect(embed.title).toBe('Not in the articles');
    // Why: the year it names is one no article covers.
    expect(embed.description).toContain('No article is from, reports on or mentions 1998.');
    expect(embed.description).toContain(`${h.answerer.sources().length} news articles`);
    expect(embed.description).toContain('/sources');
    expect(customIdsOf(reply.message).every((id) => id.startsWith('vote:'))).toBe(true);
    const [log] = await logsOf(user.id);
    expect(log).toMatchObject({ outcome: 'refused', refused: true, refusal: 'years', results: 0 });
  });

  it('defers the first question while the model is still loading, then edits in the answer', async () => {
    const loading = await openAnswerer(loadConfig({}));
    expect(loading.isReady()).toBe(false);
    const previous = h.answerer.inner;
    h.answerer.inner = loading;
    try {
      const reply = await ask('What is the Baseline project?');
      expect(reply.callback.type).toBe(DEFERRED);
      const edit = reply.requests.find((r) => r.method === 'PATCH')!;
      expect(edit.path).toBe(`/webhooks/${h.standIn.applicationId}/${reply.requests[0]!.path.split('/')[3]}/messages/@original`);
      expect(edit.body.embeds.length).toBeGreaterThan(0);
      expectSafe(edit.body);
      expect(reply.message.embeds.length).toBeGreaterThan(0);
    } finally {
      h.answerer.inner = previous;
    }
  });

  it('defers when the process is busy and the answer takes longer than Discord allows, then edits it', async () => {
    h.answerer.delayNextMs = 2_500;
    const user = newUser();
    const reply = await ask('How many people were arrested in Operation Strikeback?', user);
    expect(reply.callback.type).toBe(DEFERRED);
    const deferredAt = reply.requests[0]!.at;
    const editedAt = reply.requests.find((r) => r.method === 'PATCH')!.at;
    expect(editedAt - deferredAt).toBeGreaterThan(500);
    expect(reply.message.embeds.length).toBeGreaterThan(0);
    expect((await logsOf(user.id))[0]).toMatchObject({ deferred: true, outcome: 'answered' });
  });

  it('delivers the answer as a plain reply when the deferral fails, instead of an apology', async () => {
    h.answerer.delayNextMs = 2_000;
    const user = newUser();
    const payload = chatInput(h.standIn, 'ask', { question: 'What is the Baseline project?' }, { user });
    const callbackPath = `/interactions/${payload.id}/${payload.token}/callback`;
    h.standIn.failNext((r) => r.path === callbackPath && r.body?.type === DEFERRED, 400, { message: 'Invalid Form Body', code: 50035 });
    h.standIn.sendInteraction(payload);
    const message = await h.standIn.waitFor(() => h.standIn.originalOf(payload.token), 'the answer');
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.content).not.toBe(APOLOGY);
    const callbacks = h.standIn.forInteraction(payload.token).filter((r) => r.path === callbackPath);
    expect(callbacks.map((r) => [r.body.type, r.status])).toEqual([
      [DEFERRED, 400],
      [REPLY, 204],
    ]);
    expect((await logsOf(user.id))[0]).toMatchObject({ outcome: 'answered', deferred: false });
    expect(h.logLines.map((l) => JSON.parse(l)).some((l) => l.event === 'defer.failed' && l.userId === user.id)).toBe(true);
  });

  it('answers quickly without deferring once the model is loaded', async () => {
    const reply = await ask('Who led the development of the ICSE image database?');
    expect(reply.callback.type).toBe(REPLY);
  });

  it('refuses a question over the length limit with a clear private message', async () => {
    const reply = await ask('why '.repeat(100));
    expect(reply.callback.type).toBe(REPLY);
    expect(reply.callback.data.flags).toBe(EPHEMERAL);
    expect(reply.message.content).toContain('the limit is 300');
    expect(reply.message.embeds).toHaveLength(0);
  });

  it('makes a user who asks again too soon wait, without slowing anyone else down', async () => {
    const user = newUser('hasty');
    await ask('What is sextortion?', user);
    const second = await ask('What are Green Notices?', user);
    expect(second.callback.data.flags).toBe(EPHEMERAL);
    expect(second.message.content).toMatch(/Please wait \d+ seconds? before your next question/);
    const other = await ask('What are Green Notices?');
    expect(other.message.embeds.length).toBeGreaterThan(0);
    expect((await logsOf(user.id, 2)).map((l) => l.outcome)).toEqual(['answered', 'cooldown']);
  });

  it('apologises briefly and privately when answering fails, and keeps running', async () => {
    h.answerer.failNext = true;
    const reply = await ask('What is the Baseline project?');
    expect(reply.message.content).toBe(APOLOGY);
    expect(reply.callback.data.flags).toBe(EPHEMERAL);
    const error = h.logLines.map((l) => JSON.parse(l)).find((l) => l.event === 'handler.failed');
    expect(error.error.message).toContain('injected failure');
    const next = await ask('What is the Baseline project?');
    expect(next.message.embeds.length).toBeGreaterThan(0);
  });

  it('replaces a public "thinking…" placeholder with a private apology when a slow answer fails', async () => {
    h.answerer.delayNextMs = 2_000;
    h.answerer.failNext = true;
    const reply = await ask('What is the Baseline project?');
    expect(reply.callback.type).toBe(DEFERRED);
    expect(reply.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original'))).toBe(true);
    expect(reply.message.content).toBe(APOLOGY);
    expect(reply.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expectSafe(reply.requests.at(-1)!.body);
  });

  it('logs one line per question with ids, latency and result count, but not the question text', async () => {
    const user = newUser();
    await ask('How many countries came to the 2011 meeting?', user);
    const lines = await logsOf(user.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ via: 'slash', guildId: h.standIn.guildId, channelId: h.standIn.channelId, outcome: 'answered', results: 3 });
    expect(lines[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(h.logLines.join('\n')).not.toContain('How many countries came to the 2011 meeting?');
  });
});

describe('/ask with hostile questions', () => {
  const hostile: [string, string][] = [
    ['an empty question', ''],
    ['6,000 characters', 'a'.repeat(6000)],
    ['zero-width and right-to-left characters', '\u200Bwhat is\u200D sextortion\u202E?\u2066'],
    ['emoji only', '😀🎉🔥'],
    ['@everyone', '@everyone what is sextortion?'],
    ['a code fence', '```\nrm -rf / what is the Baseline project?\n```'],
    ['a markdown link', '[click me](https://evil.example) what are Green Notices?'],
    ['only digits', '2345'],
    ['a user and a role mention', '<@123456789012345678> <@&987654321098765432> how many countries attended in 2011?'],
    ['control characters', 'what\u0000is\u0007this?'],
  ];

  it.each(hostile)('answers or politely refuses %s, never pinging anyone', async (_name, question) => {
    const reply = await ask(question);
    for (const body of bodiesSent(reply)) expectSafe(body);
    const answered = reply.message.embeds.length > 0;
    if (answered) {
      expect(readQuestion(reply.message.embeds)).not.toBeNull();
    } else {
      expect(reply.message.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.message.content).toMatch(/^The question .*please|^The question is \d+ characters long/);
      expect(reply.message.content.length).toBeLessThan(200);
    }
  });

  it('is still alive and answering after all of them', async () => {
    const reply = await ask('What is sextortion?');
    expect(reply.message.embeds.length).toBeGreaterThan(0);
  });
});

describe('autocomplete on the question', () => {
  it('offers example questions matching what the user has typed', async () => {
    const payload = autocomplete(h.standIn, 'bermuda', { user: newUser() });
    const reply = await interact(h.standIn, payload);
    expect(reply.callback.type).toBe(8);
    const choices = reply.callback.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.value.toLowerCase()).toContain('bermuda');
  });

  it('offers nothing rather than failing for text no example matches', async () => {
    const reply = await interact(h.standIn, autocomplete(h.standIn, 'zzzz qqqq', { user: newUser() }));
    expect(reply.callback.data.choices).toEqual([]);
  });
});

describe('/sources and /help', () => {
  it('lists every article with title, publisher, date and link', async () => {
    const reply = await interact(h.standIn, chatInput(h.standIn, 'sources', {}, { user: newUser() }));
    const text = reply.message.embeds.map((e: any) => e.description).join('\n');
    for (const source of h.answerer.sources()) {
      expect(text).toContain(source.publisher);
      if (source.url) expect(text).toContain(`(${source.url})`);
    }
    expect(text).toContain('5 Oct 2014');
    expectSafe(reply.callback.data);
  });

  it('explains how to ask, with examples', async () => {
    const reply = await interact(h.standIn, chatInput(h.standIn, 'help', {}, { user: newUser() }));
    const [embed] = reply.message.embeds;
    expect(embed.description).toContain('/ask question:');
    expect(embed.fields[0].name).toBe('Examples');
    expectSafe(reply.callback.data);
  });
});

describe('memory', () => {
  it('keeps no user, member or DM channel in memory for each user it answers', async () => {
    const client = h.bot.client;
    const users = Array.from({ length: 40 }, (_, i) => newUser(`visitor${i}`));
    const sent = users.flatMap((user, i) => [
      channelMessage(h.standIn, `<@${h.standIn.botUser.id}>`, user, { mentionBot: true }),
      channelMessage(h.standIn, `hello ${i}`, user, { mentionBot: false, dm: true }),
    ]);
    for (const m of sent) h.standIn.sendMessage(m);
    await h.standIn.waitFor(
      () => sent.filter((m) => [...h.standIn.messages.values()].some((r) => r.message_reference?.message_id === m.id)).length >= users.length * 2,
      'a reply to every message',
      60_000,
    );
    const ids = new Set(users.map((u) => u.id));
    expect([...client.users.cache.keys()].filter((id) => ids.has(id))).toEqual([]);
    expect([...client.guilds.cache.first()!.members.cache.keys()].filter((id) => ids.has(id))).toEqual([]);
    sweepDmChannels(client);
    expect(client.channels.cache.filter((c) => c.isDMBased()).size).toBe(0);
  });
});

describe('notices in a channel', () => {
  it('sends a user repeating a too-long question by mention one public notice, not one per message', async () => {
    const user = newUser('repeater');
    const long = `<@${h.standIn.botUser.id}> ${'why '.repeat(100)}`;
    const sent = Array.from({ length: 5 }, () => channelMessage(h.standIn, long, user, { mentionBot: true }));
    for (const m of sent) h.standIn.sendMessage(m);
    await h.standIn.waitFor(() => questionLogs(h.logLines).filter((l) => l.userId === user.id).length === 5, 'five questions logged');
    const replies = [...h.standIn.messages.values()].filter((m) => sent.some((s) => m.message_reference?.message_id === s.id));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.content).toContain('the limit is 300');
  });
});

/** Sends every press at once; resolves with each one's interaction callback once all are acknowledged. */
async function pressAll(presses: ReturnType<typeof buttonClick>[]) {
  for (const p of presses) h.standIn.sendInteraction(p);
  return h.standIn.waitFor(() => {
    const done = presses.map((p) => h.standIn.forInteraction(p.token).find((r) => r.path.endsWith('/callback') && r.status !== 0));
    return done.every(Boolean) ? (done as NonNullable<(typeof done)[number]>[]) : undefined;
  }, `all ${presses.length} presses acknowledged`);
}

describe('buttons under an answer', () => {
  let first: Reply;

  beforeAll(async () => {
    first = await ask('What is sextortion?');
  });

  it('"More results" shows the next results for the same question', async () => {
    const moreId = customIdsOf(first.message).find((id) => id.startsWith('more:'))!;
    expect(decodeCustomId(moreId)).toEqual({ action: 'more', offset: 3, count: 3 });
    const more = await interact(h.standIn, buttonClick(h.standIn, moreId, first.message, { user: newUser() }));
    expect(more.message.embeds.map((e: any) => e.author.name.split('.')[0])).toEqual(['4', '5', '6']);
    expect(readQuestion(more.message.embeds)).toBe('What is sextortion?');
    const firstPassages = new Set(first.message.embeds.map((e: any) => e.description));
    for (const e of more.message.embeds) expect(firstPassages.has(e.description)).toBe(false);
    expectSafe(more.callback.data);
  });

  it('"Helpful" and "Not helpful" append the vote with the question to the feedback file; a changed vote replaces the first', async () => {
    const [up, down] = customIdsOf(first.message).filter((id) => id.startsWith('vote:'));
    const voter = newUser();
    const thanks = await interact(h.standIn, buttonClick(h.standIn, up!, first.message, { user: voter }));
    expect(thanks.message.content).toContain('Thanks');
    expect(thanks.callback.data.flags).toBe(EPHEMERAL);
    await interact(h.standIn, buttonClick(h.standIn, down!, first.message, { user: voter }));
    const votes = (await readFeedback(h.feedbackFile)).filter((v) => v.userId === voter.id);
    expect(votes.map((v) => v.helpful)).toEqual([true, false]);
    expect(votes.map((v) => v.replaces ?? false)).toEqual([false, true]);
    expect(votes[0]).toMatchObject({ question: 'What is sextortion?', messageId: first.message.id, offset: 0, refused: false });
    expect(votes[0].results).toHaveLength(3);
  });

  it('records a vote on a refusal as a refused question', async () => {
    const refusal = await ask('Who won the 1998 football World Cup final?');
    const down = customIdsOf(refusal.message).find((id) => id === 'vote:down.0')!;
    const voter = newUser();
    await interact(h.standIn, buttonClick(h.standIn, down, refusal.message, { user: voter }));
    const [vote] = (await readFeedback(h.feedbackFile)).filter((v) => v.userId === voter.id);
    expect(vote).toMatchObject({ helpful: false, refused: true, question: 'Who won the 1998 football World Cup final?' });
  });

  it('shows more results privately to someone who is not the asker, publicly to the asker', async () => {
    const asker = newUser('asker');
    const own = await ask('What is ICSE?', asker);
    const moreId = customIdsOf(own.message).find((id) => id.startsWith('more:'))!;
    const byOther = await interact(h.standIn, buttonClick(h.standIn, moreId, own.message, { user: newUser('passer-by') }));
    expect(byOther.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const byAsker = await interact(h.standIn, buttonClick(h.standIn, moreId, own.message, { user: asker }));
    expect(byAsker.callback.data.flags ?? 0).toBe(0);
    expect(byAsker.message.embeds.length).toBeGreaterThan(0);
  });

  it('answers a user pressing "More results" twelve times once, and shows nothing for the other presses', async () => {
    const asker = newUser('presser');
    const own = await ask('What are Green Notices?', asker);
    const moreId = customIdsOf(own.message).find((id) => id.startsWith('more:'))!;
    const presses = Array.from({ length: 12 }, () => buttonClick(h.standIn, moreId, own.message, { user: asker }));
    const types = (await pressAll(presses)).map((c) => c.body.type);
    expect(types.filter((t) => t === REPLY)).toHaveLength(1);
    expect(types.filter((t) => t === 6)).toHaveLength(11); // DEFERRED_UPDATE_MESSAGE: acknowledged, nothing shown
    const shown = [...h.standIn.messages.values()].filter((m) => presses.some((p) => m.interactionId === p.id));
    expect(shown).toHaveLength(1);
  });

  it('writes one line for thirty presses of "Helpful" by one user, and ignores presses past the limit', async () => {
    const up = customIdsOf(first.message).find((id) => id.startsWith('vote:up'))!;
    const voter = newUser('keen');
    const presses = Array.from({ length: 30 }, () => buttonClick(h.standIn, up, first.message, { user: voter }));
    const callbacks = await pressAll(presses);
    expect(callbacks.filter((c) => c.body.type === REPLY)).toHaveLength(10);
    expect(callbacks.filter((c) => c.body.type === 6)).toHaveLength(20);
    const votes = (await readFeedback(h.feedbackFile)).filter((v) => v.userId === voter.id);
    expect(votes).toHaveLength(1);
  });

  it('tells the user when a button no longer works instead of failing', async () => {
    const stale = await interact(h.standIn, buttonClick(h.standIn, 'legacy:thing', first.message, { user: newUser() }));
    expect(stale.message.content).toContain('no longer works');
    expect(stale.callback.data.flags).toBe(EPHEMERAL);
  });
});

describe('mentions and direct messages', () => {
  async function reply(payload: any): Promise<any> {
    h.standIn.sendMessage(payload);
    return h.standIn.waitFor(
      () => h.standIn.find((r) => r.method === 'POST' && r.path.endsWith('/messages') && r.body?.message_reference?.message_id === payload.id)[0],
      `a reply to message ${payload.id}`,
    );
  }

  it('answers a question that mentions the bot as a reply to that message', async () => {
    const author = newUser();
    const payload = channelMessage(h.standIn, `<@${h.standIn.applicationId}> how many countries came to the 2011 meeting?`, author, { mentionBot: true });
    const posted = await reply(payload);
    expect(posted.path).toBe(`/channels/${h.standIn.channelId}/messages`);
    expect(posted.body.embeds.length).toBeGreaterThan(0);
    expect(readQuestion(posted.body.embeds)).toBe('how many countries came to the 2011 meeting?');
    expectSafe(posted.body);
    expect((await logsOf(author.id))[0]).toMatchObject({ via: 'mention', guildId: h.standIn.guildId, channelId: h.standIn.channelId });
  });

  it('answers a direct message in the DM', async () => {
    const user = newUser();
    const payload = channelMessage(h.standIn, 'What is the Baseline project?', user, { mentionBot: false, dm: true });
    const posted = await reply(payload);
    expect(posted.path).toBe(`/channels/${payload.channel_id}/messages`);
    expect(posted.body.embeds.length).toBeGreaterThan(0);
    expectSafe(posted.body);
  });

  it('explains how to ask when mentioned without a question', async () => {
    const posted = await reply(channelMessage(h.standIn, `<@${h.standIn.applicationId}>`, newUser(), { mentionBot: true }));
    expect(posted.body.content).toContain('Ask me a question');
    expectSafe(posted.body);
  });

  it('quotes a question holding @everyone and a role mention harmlessly', async () => {
    const text = `<@${h.standIn.applicationId}> @everyone <@&987654321098765432> what is sextortion?`;
    const posted = await reply(channelMessage(h.standIn, text, newUser(), { mentionBot: true }));
    expect(posted.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(readQuestion(posted.body.embeds)).toContain('@everyone');
  });

  it('ignores channel messages that do not mention the bot, including @everyone', async () => {
    const before = h.standIn.requests.length;
    h.standIn.sendMessage(channelMessage(h.standIn, 'what is sextortion?', newUser(), { mentionBot: false }));
    h.standIn.sendMessage(channelMessage(h.standIn, '@everyone what is sextortion?', newUser(), { mentionBot: false }));
    // A later message that is answered proves the two before it were processed (the gateway is ordered).
    await reply(channelMessage(h.standIn, `<@${h.standIn.applicationId}> what is sextortion?`, newUser(), { mentionBot: true }));
    const posts = h.standIn.find((r) => r.method === 'POST' && r.path.includes('/channels/'), before);
    expect(posts.filter((r) => r.path.endsWith('/messages'))).toHaveLength(1);
  });
});

describe('gateway resilience', () => {
  it('reconnects when the websocket drops mid-session and answers the next question', async () => {
    const { stats } = h.standIn.gateway;
    const connectionsBefore = stats.connections;
    const resumesBefore = stats.resumes.length;
    h.standIn.gateway.dropConnection();
    await h.standIn.waitFor(() => stats.connections > connectionsBefore && h.standIn.gateway.live, 'a reconnection');
    // An abnormal close (no close frame) is resumed on the same session rather than identified afresh.
    expect(stats.resumes.length).toBe(resumesBefore + 1);
    expect(stats.resumes.at(-1)!.sessionId).toBe(`session-${stats.identifies.length}`);
    const reply = await ask('What are Green Notices used for?');
    expect(reply.message.embeds.length).toBeGreaterThan(0);
  });

  it('gets questions asked while it was disconnected, replayed on RESUME', async () => {
    h.standIn.gateway.dropConnection();
    const pending = ask('What is the Baseline project?');
    const reply = await pending;
    expect(h.standIn.gateway.stats.resumes.at(-1)!.replayed).toBeGreaterThan(0);
    expect(reply.message.embeds.length).toBeGreaterThan(0);
  });
});

describe('restart and shutdown', () => {
  it('finishes an answer in flight before closing the gateway', async () => {
    onTestFailed(() => {
      console.error(JSON.stringify(h.standIn.gateway.timeline.slice(-10)));
      console.error(h.logLines.slice(-15).join('\n'));
      console.error(h.debugLines.slice(-40).join('\n'));
      console.error(JSON.stringify(h.standIn.requests.slice(-8).map((r) => [r.method, r.path.slice(0, 60), r.status, r.at])));
    });
    h.answerer.delayNextMs = 1_000;
    const question = 'How many participants came to the 2022 meeting?';
    const pending = ask(question);
    await h.standIn.waitFor(() => h.answerer.started.includes(question), 'the question to be in flight');
    const timelineBefore = h.standIn.gateway.timeline.length;
    const stopping = h.bot.stop();
    // A question arriving while the bot shuts down is turned away politely, not dropped.
    const late = await ask('What is sextortion?');
    expect(late.message.content).toBe(SHUTTING_DOWN);
    expect(late.callback.data.flags).toBe(EPHEMERAL);
    await stopping;
    const reply = await pending;
    expect(reply.message.embeds.length).toBeGreaterThan(0);
    const lastReplyAt = Math.max(...reply.requests.map((r) => r.at));
    const closed = h.standIn.gateway.timeline.slice(timelineBefore).find((e) => e.event.startsWith('close:'));
    expect(closed).toBeDefined();
    expect(lastReplyAt).toBeLessThanOrEqual(closed!.at);
    expect(h.logLines.map((l) => JSON.parse(l).event)).toContain('shutdown.done');
  });

  it('keeps buttons working after a restart: state comes from the custom id and the message', async () => {
    const before = await (async () => {
      await h.restart();
      return ask('How many victims have been identified through the ICSE database?');
    })();
    await h.restart();
    const moreId = customIdsOf(before.message).find((id) => id.startsWith('more:'))!;
    const more = await interact(h.standIn, buttonClick(h.standIn, moreId, before.message, { user: newUser() }));
    expect(more.message.embeds.map((e: any) => e.author.name.split('.')[0])).toEqual(['4', '5', '6']);
    const voter = newUser();
    const upId = customIdsOf(before.message).find((id) => id.startsWith('vote:up'))!;
    await interact(h.standIn, buttonClick(h.standIn, upId, before.message, { user: voter }));
    const [vote] = (await readFeedback(h.feedbackFile)).filter((v) => v.userId === voter.id);
    expect(vote.question).toBe('How many victims have been identified through the ICSE database?');
  });

  it('never writes the token into a log line', () => {
    expect(h.logLines.length).toBeGreaterThan(10);
    for (const line of h.logLines) expect(line).not.toContain(STAND_IN_TOKEN);
  });
});
