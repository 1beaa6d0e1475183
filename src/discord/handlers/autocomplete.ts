/** Router for autocomplete: only `/ask question` offers choices (example questions matching the typed text). */
import type { AutocompleteInteraction } from 'discord.js';
import { isCommandName, type CommandName } from '../commands/index.js';
import type { BotContext } from '../context.js';
import { matchExamples } from '../examples.js';
import { renderChoices } from '../render.js';

export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const name = interaction.commandName;
  if (!isCommandName(name)) {
    await interaction.respond([]);
    return;
  }
  const command: CommandName = name;
  switch (command) {
    case 'ask': {
      const focused = interaction.options.getFocused(true);
      const typed = focused.name === 'question' && typeof focused.value === 'string' ? focused.value : '';
      await interaction.respond(renderChoices(matchExamples(typed, ctx.examples)));
      return;
    }
    case 'sources':
    case 'help':
      await interaction.respond([]);
      return;
  }
}
