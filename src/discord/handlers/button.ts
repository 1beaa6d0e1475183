/**
 * Router for buttons, switching on the closed set of custom-id actions. All state comes from the
 * custom id and the message the button is on, so buttons keep working after a restart.
 *
 * Presses are throttled: "More results" per user, and once per page of a message per user; votes per user and one
 * per user per message. A press over a limit is acknowledged and otherwise ignored, so a spammer gets nothing and
 * the channel sees nothing. "More results" pressed by anyone but the asker answers privately.
 */
import { MessageFlags, type ButtonInteraction, type Message } from 'discord.js';
import { answerQuestion } from '../answering.js';
import type { BotContext } from '../context.js';
import { decodeCustomId } from '../custom-id.js';
import { FeedbackError, type VoteOutcome } from '../feedback.js';
import { interactionDelivery, sendToInteraction } from '../respond.js';
import { readQuestion, readResultTitles, renderNotice } from '../render.js';

export const STALE_BUTTON = 'This button no longer works; please ask your question again with `/ask`.';
export const VOTE_THANKS: Record<VoteOutcome, string> = {
  recorded: 'Thanks, your feedback was recorded.',
  unchanged: 'Your feedback on this answer was already recorded.',
  replaced: 'Thanks, your feedback on this answer was changed.',
};
export const VOTE_FAILED = 'Sorry, your feedback could not be recorded right now; please try again later.';

/** Who asked the question a message answers, when Discord says (the user of the interaction it answers). */
function askerOf(message: Message): string | null {
  return message.interactionMetadata?.user.id ?? null;
}

/** Acknowledges a press without answering it: nothing is shown to anyone. */
async function ignore(interaction: ButtonInteraction): Promise<void> {
  await interaction.deferUpdate();
}

export async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const button = decodeCustomId(interaction.customId);
  const question = readQuestion(interaction.message.embeds);
  if (!button || question === null) {
    await sendToInteraction(interaction, renderNotice(STALE_BUTTON, { ephemeral: true }));
    return;
  }
  const userId = interaction.user.id;
  const where = { guildId: interaction.guildId, channelId: interaction.channelId, userId, messageId: interaction.message.id };
  switch (button.action) {
    case 'more': {
      if (!(await ctx.throttles.morePage.take(`${userId}:${interaction.message.id}:${button.offset}`)).ok || !(await ctx.throttles.more.take(userId)).ok) {
        ctx.logger.info('button.throttled', { action: 'more', ...where });
        await ignore(interaction);
        return;
      }
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral) || askerOf(interaction.message) !== userId;
      await answerQuestion(
        ctx,
        {
          raw: question,
          asker: { userId, guildId: interaction.guildId, channelId: interaction.channelId, via: 'more' },
          offset: button.offset,
          count: button.count,
          applyCooldown: false,
        },
        interactionDelivery(interaction, ephemeral),
      );
      return;
    }
    case 'vote': {
      if (!(await ctx.throttles.votes.take(userId)).ok) {
        ctx.logger.info('button.throttled', { action: 'vote', ...where });
        await ignore(interaction);
        return;
      }
      const titles = readResultTitles(interaction.message.embeds);
      let outcome: VoteOutcome;
      try {
        outcome = await ctx.feedback.record({
          time: new Date().toISOString(),
          helpful: button.helpful,
          question,
          offset: button.offset,
          results: titles,
          refused: titles.length === 0,
          userId,
          guildId: interaction.guildId,
          channelId: interaction.channelId,
          messageId: interaction.message.id,
        });
      } catch (error) {
        if (!(error instanceof FeedbackError) && !(error as NodeJS.ErrnoException).code) throw error;
        ctx.logger.warn('feedback.failed', { ...where, error });
        await sendToInteraction(interaction, renderNotice(VOTE_FAILED, { ephemeral: true }));
        return;
      }
      ctx.logger.info('feedback', { helpful: button.helpful, outcome, ...where });
      await sendToInteraction(interaction, renderNotice(VOTE_THANKS[outcome], { ephemeral: true }));
      return;
    }
  }
}
