/**
 * Messages: a direct message to the bot, a channel message that mentions the bot by name, a reply to one of the
 * bot's answers, or a message in a thread the bot started is answered like `/ask`, as a reply to that message.
 * A reply or a thread message continues the conversation (`conversation.ts`): "and in 2014?" is read after the
 * answer it follows. Everything else is ignored.
 */
import type { Message } from 'discord.js';
import { answerQuestion, sendNotice } from '../answering.js';
import { DEFAULT_RESULTS } from '../commands/ask.js';
import type { BotContext } from '../context.js';
import { continuedConversation, inBotThread, repliesToBot } from '../conversation.js';
import { messageDelivery } from '../respond.js';
import { escapeMarkdown, renderNotice } from '../render.js';

/** Said to a user whose reply Discord sent without its text: the reply's mention was off and the bot may not read it. */
export const REPLY_UNREADABLE =
  'I can only read a reply to my answer when it keeps the mention on (the “@ ON” switch of Discord’s reply) or mentions me. Please reply again with the mention on.';

/** The question in a message: the text with the bot's own mentions removed. */
export function questionFromMessage(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

export async function handleMessage(ctx: BotContext, message: Message, botId: string): Promise<void> {
  if (message.author.bot || message.author.id === botId || message.system) return;
  const inGuild = message.inGuild();
  // In a server only a direct mention of the bot (a reply's mention included), a reply to the bot, or a message in
  // a thread it started counts; @everyone, @here and role pings do not.
  const mentioned = message.mentions.users.has(botId);
  const reply = repliesToBot(message, botId);
  const thread = inGuild && inBotThread(message, botId);
  if (inGuild && !mentioned && !reply && !thread) return;
  const raw = questionFromMessage(message.content, botId);
  const delivery = messageDelivery(message);
  if (raw === '') {
    // Without the Message Content intent, Discord withholds the text of a reply whose mention was turned off and of
    // thread messages that do not mention the bot. A reply is clearly meant for the bot: say how to be read.
    if (!mentioned && reply && !ctx.config.messageContent) {
      await sendNotice(ctx, { userId: message.author.id }, delivery, renderNotice(REPLY_UNREADABLE));
      return;
    }
    if (!mentioned && thread) return;
    const example = ctx.examples[0] ?? 'What are the articles about?';
    await sendNotice(
      ctx,
      { userId: message.author.id },
      delivery,
      renderNotice(`Ask me a question about the news articles after the mention, e.g. “${escapeMarkdown(example)}”, or use \`/ask\`. \`/help\` shows more.`),
    );
    return;
  }
  await answerQuestion(
    ctx,
    {
      raw,
      asker: { userId: message.author.id, guildId: message.guildId, channelId: message.channelId, via: inGuild ? 'mention' : 'dm' },
      offset: 0,
      count: DEFAULT_RESULTS,
      applyCooldown: true,
      ...(reply || thread ? { context: () => continuedConversation(ctx, message, botId) } : {}),
    },
    delivery,
  );
}
