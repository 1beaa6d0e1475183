/** Every slash command of the bot; imported by the bot (routing) and by deploy-commands (registration). */
import { askCommand } from './ask.js';
import { helpCommand } from './help.js';
import { sourcesCommand } from './sources.js';
import { toRegistration } from './define.js';

export { askCommand, helpCommand, sourcesCommand };

export const COMMANDS = [askCommand, sourcesCommand, helpCommand] as const;

/** The closed set of command names the chat-input router switches on. */
export type CommandName = (typeof COMMANDS)[number]['name'];

export function isCommandName(name: string): name is CommandName {
  return COMMANDS.some((c) => c.name === name);
}

export function commandRegistrations() {
  return COMMANDS.map(toRegistration);
}
