import type { CommandDefinition } from './define.js';

export const helpCommand = {
  name: 'help',
  description: 'How to ask the bot, with example questions.',
} as const satisfies CommandDefinition;
