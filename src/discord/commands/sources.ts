import type { CommandDefinition } from './define.js';

export const sourcesCommand = {
  name: 'sources',
  description: 'List the news articles the bot answers from.',
} as const satisfies CommandDefinition;
