import { ApplicationCommandOptionType } from 'discord.js';
import { QUESTION_MAX_LENGTH_LIMIT } from '../../config.js';
import { MAX_RESULTS_PER_MESSAGE } from '../render.js';
import type { CommandDefinition } from './define.js';

export const DEFAULT_RESULTS = 3;

export const askCommand = {
  name: 'ask',
  description: 'Ask a question about the news articles; get the passages that answer it.',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "How many experts attended the Bermuda meeting?"',
      required: true,
      autocomplete: true,
      // The configured QUESTION_MAX_LENGTH replaces this when the commands are registered (`commandRegistrations`),
      // so Discord stops a user at the limit instead of the bot refusing afterwards.
      max_length: QUESTION_MAX_LENGTH_LIMIT,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'results',
      description: `How many passages to show (1-${MAX_RESULTS_PER_MESSAGE}, default ${DEFAULT_RESULTS})`,
      min_value: 1,
      max_value: MAX_RESULTS_PER_MESSAGE,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Only you see the answer (default: false)',
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'thread',
      description: 'Answer in a new thread named after the question, to ask follow-ups there (default: false)',
    },
  ],
} as const satisfies CommandDefinition;
