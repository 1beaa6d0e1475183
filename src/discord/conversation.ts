/**
 * Which conversation a message continues, read back from Discord itself (never from process memory, so it
 * survives restarts and works across processes): the question an answer was given for is in its footer, as the
 * core understood it, so a chain of follow-ups carries on from answer to answer.
 *
 * - A reply to one of the bot's answers continues that answer.
 * - A message in a thread the bot started continues the newest answer in the thread (or the answer the thread was
 *   started from).
 * - Anything else starts a new conversation.
 */
import type { Message } from 'discord.js';
import type { BotContext } from './context.js';
import { readQuestion } from './render.js';

/** How far back in a thread the bot looks for its last answer. */
export const THREAD_LOOKBACK = 25;

export type Continued = { after: string; via: 'reply' | 'thread' };

/** True when `message` replies to a message of the bot (with or without the reply's mention). */
export function repliesToBot(message: Message, botId: string): boolean {
  return Boolean(message.reference?.messageId) && message.mentions.repliedUser?.id === botId;
}

/** True when `message` is posted in a thread the bot started (from an `/ask` answer). */
export function inBotThread(message: Message, botId: string): boolean {
  return message.channel.isThread() && message.channel.ownerId === botId;
}

/**
 * The understood question of the answer `message` follows up, or null when it starts a new conversation (or the
 * answer cannot be read: deleted, or no permission to read the history — then it is answered on its own, and
 * the failure logged).
 */
export async function continuedConversation(ctx: BotContext, message: Message, botId: string): Promise<Continued | null> {
  try {
    if (repliesToBot(message, botId)) {
      // The replied-to answer may be in another channel than the reply: a thread's first message is in its parent.
      const { channelId, messageId } = message.reference!;
      const channel = channelId === message.channelId ? message.channel : await message.client.channels.fetch(channelId);
      const answer = channel && 'messages' in channel ? await channel.messages.fetch(messageId!) : null;
      const after = answer ? readQuestion(answer.embeds) : null;
      if (after !== null) return { after, via: 'reply' };
    }
    if (inBotThread(message, botId) && message.channel.isThread()) {
      const recent = await message.channel.messages.fetch({ limit: THREAD_LOOKBACK, before: message.id });
      // Newest first: the last answer the bot gave in the thread.
      for (const m of [...recent.values()].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))) {
        const after = m.author.id === botId ? readQuestion(m.embeds) : null;
        if (after !== null) return { after, via: 'thread' };
      }
      const starter = await message.channel.fetchStarterMessage();
      const after = starter && starter.author.id === botId ? readQuestion(starter.embeds) : null;
      return after === null ? null : { after, via: 'thread' };
    }
  } catch (error) {
    ctx.logger.warn('conversation.unreadable', { messageId: message.id, channelId: message.channelId, userId: message.author.id, error });
  }
  return null;
}
