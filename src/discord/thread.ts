/**
 * `/ask … thread:True`: the answer starts a public thread named after the question, so the conversation that
 * follows stays together; messages there continue it (`conversation.ts`). Needs the Create Public Threads
 * permission; a private answer, a DM or a channel that is already a thread cannot hold one, and the asker is told.
 */
import { ThreadAutoArchiveDuration, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { renderNotice, truncateAtSentence } from './render.js';
import { sendToInteraction } from './respond.js';

/** Discord's longest thread name. */
export const THREAD_NAME_MAX = 100;

export const THREAD_NEEDS_PUBLIC = 'A private answer cannot start a thread; ask without `private:True` to discuss it in a thread.';
export const THREAD_NOT_HERE = 'Threads can only be started in a server’s text channel, not in a DM or inside another thread.';
export const THREAD_NO_TOKEN = 'This copy of the bot cannot start threads (it runs without its bot token); ask without `thread:True`.';
export const THREAD_FAILED = 'I could not start a thread here; I may be missing the Create Public Threads permission in this channel.';

export function threadName(question: string): string {
  return truncateAtSentence(question.replace(/\s+/g, ' ').trim(), THREAD_NAME_MAX) || 'Question';
}

export async function startAnswerThread(ctx: BotContext, interaction: ChatInputCommandInteraction, question: string, ephemeral: boolean): Promise<void> {
  const notice = (text: string) => sendToInteraction(interaction, renderNotice(text, { ephemeral: true }));
  if (ephemeral) return notice(THREAD_NEEDS_PUBLIC);
  // The HTTP endpoint may run without DISCORD_TOKEN: it answers interactions through their webhooks, but starting
  // a thread is a bot call.
  if (!ctx.config.token) return notice(THREAD_NO_TOKEN);
  const channel = interaction.channel;
  if (!interaction.inGuild() || !channel || channel.isThread() || channel.isDMBased()) return notice(THREAD_NOT_HERE);
  try {
    const answer = await interaction.fetchReply();
    const thread = await answer.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    ctx.logger.info('thread.started', { guildId: interaction.guildId, channelId: interaction.channelId, threadId: thread.id, userId: interaction.user.id });
  } catch (error) {
    ctx.logger.warn('thread.failed', { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id, error });
    await notice(THREAD_FAILED);
  }
}
