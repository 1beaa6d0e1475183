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

/** The registration bodies; the question option of /ask is limited to the bot's configured question length. */
export function commandRegistrations(limits: { questionMaxLength?: number } = {}) {
  return COMMANDS.map((command) => {
    const body = toRegistration(command);
    if (command.name === askCommand.name && limits.questionMaxLength !== undefined) {
      body.options = body.options?.map((o) => (o.name === 'question' ? { ...o, max_length: limits.questionMaxLength } : o)) as typeof body.options;
    }
    return body;
  });
}
