/**
 * Router for buttons, switching on the closed set of custom-id actions. All state comes from the
 * custom id and the message the button is on, so buttons keep working after a restart.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { answerQuestion } from '../answering.js';
import type { BotContext } from '../context.js';
import { decodeCustomId } from '../custom-id.js';
import { interactionDelivery, sendToInteraction } from '../respond.js';
import { readQuestion, readResultTitles, renderNotice } from '../render.js';

export const STALE_BUTTON = 'This button no longer works; please ask your question again with `/ask`.';
export const VOTE_THANKS = 'Thanks, your feedback was recorded.';

export async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const button = decodeCustomId(interaction.customId);
  const question = readQuestion(interaction.message.embeds);
  if (!button || question === null) {
    await sendToInteraction(interaction, renderNotice(STALE_BUTTON, { ephemeral: true }));
    return;
  }
  switch (button.action) {
    case 'more': {
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
      await answerQuestion(
        ctx,
        {
          raw: question,
          asker: { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, via: 'more' },
          offset: button.offset,
          count: button.count,
          applyCooldown: false,
        },
        interactionDelivery(interaction, ephemeral),
      );
      return;
    }
    case 'vote': {
      const titles = readResultTitles(interaction.message.embeds);
      await ctx.feedback.append({
        time: new Date().toISOString(),
        helpful: button.helpful,
        question,
        offset: button.offset,
        results: titles,
        refused: titles.length === 0,
        userId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        messageId: interaction.message.id,
      });
      ctx.logger.info('feedback', {
        helpful: button.helpful,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        userId: interaction.user.id,
        messageId: interaction.message.id,
      });
      await sendToInteraction(interaction, renderNotice(VOTE_THANKS, { ephemeral: true }));
      return;
    }
  }
}
