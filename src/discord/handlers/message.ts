/**
 * Messages: a direct message to the bot, or a channel message that mentions the bot by name,
 * is answered like `/ask`, as a reply to that message. Everything else is ignored.
 */
import type { Message } from 'discord.js';
import { answerQuestion, sendNotice } from '../answering.js';
import { DEFAULT_RESULTS } from '../commands/ask.js';
import type { BotContext } from '../context.js';
import { messageDelivery } from '../respond.js';
import { escapeMarkdown, renderNotice } from '../render.js';

/** The question in a message: the text with the bot's own mentions removed. */
export function questionFromMessage(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

export async function handleMessage(ctx: BotContext, message: Message, botId: string): Promise<void> {
  if (message.author.bot || message.author.id === botId || message.system) return;
  const inGuild = message.inGuild();
  // In a server only a direct mention of the bot counts; @everyone, @here and role pings do not.
  if (inGuild && !message.mentions.users.has(botId)) return;
  const raw = questionFromMessage(message.content, botId);
  const delivery = messageDelivery(message);
  if (raw === '') {
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
    },
    delivery,
  );
}
