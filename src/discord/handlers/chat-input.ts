/** Router for slash commands: one case per command name of the closed `CommandName` union. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { answerQuestion } from '../answering.js';
import { askCommand, isCommandName, type CommandName } from '../commands/index.js';
import { DEFAULT_RESULTS } from '../commands/ask.js';
import { readOptions } from '../commands/define.js';
import type { BotContext } from '../context.js';
import { interactionDelivery, sendToInteraction } from '../respond.js';
import { renderHelp, renderNotice, renderSources } from '../render.js';
import { startAnswerThread } from '../thread.js';

export async function handleChatInput(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const name = interaction.commandName;
  if (!isCommandName(name)) {
    await sendToInteraction(interaction, renderNotice('I do not know that command any more; try `/help`.', { ephemeral: true }));
    return;
  }
  const command: CommandName = name;
  switch (command) {
    case 'ask': {
      const options = readOptions(askCommand, interaction.options);
      const ephemeral = options.private ?? false;
      const outcome = await answerQuestion(
        ctx,
        {
          raw: options.question,
          asker: { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, via: 'slash' },
          offset: 0,
          count: options.results ?? DEFAULT_RESULTS,
          applyCooldown: true,
        },
        interactionDelivery(interaction, ephemeral),
      );
      if (options.thread && (outcome === 'answered' || outcome === 'refused')) await startAnswerThread(ctx, interaction, options.question, ephemeral);
      return;
    }
    case 'sources':
      await sendToInteraction(interaction, renderSources(ctx.answerer.sources(), { ephemeral: true }));
      return;
    case 'help':
      await sendToInteraction(
        interaction,
        renderHelp({
          examples: ctx.examples,
          corpus: ctx.answerer.sources(),
          cooldownSeconds: ctx.config.cooldownSeconds,
          questionMaxLength: ctx.config.questionMaxLength,
          ephemeral: true,
        }),
      );
      return;
  }
}
