/**
 * Checks a user's question before any work is done, so every front end refuses bad input the same way
 * with one clear sentence.
 */
import { QUESTION_MAX_LENGTH_LIMIT } from '../config.js';

/** Longest question the core accepts, in characters (front ends may set a lower limit). */
export const QUESTION_MAX_LENGTH = QUESTION_MAX_LENGTH_LIMIT;

export class QuestionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuestionError';
  }
}

// C0/C1 control characters other than tab, line feed and carriage return.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Zero-width and bidirectional formatting characters: invisible, so dropped rather than refused.
const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Returns the question trimmed, with invisible formatting characters removed and whitespace folded.
 * Throws `QuestionError` for an empty question, one over `maxLength` characters, or one holding control characters.
 */
export function checkQuestion(raw: string, maxLength: number = QUESTION_MAX_LENGTH): string {
  if (CONTROL_CHARS.test(raw)) {
    throw new QuestionError('The question contains control characters; please type it as plain text.');
  }
  const question = raw.replace(INVISIBLE_FORMATTING, '').replace(/\s+/g, ' ').trim();
  if (question === '') throw new QuestionError('The question is empty; please ask something about the articles.');
  if (question.length > maxLength) {
    throw new QuestionError(
      `The question is ${question.length} characters long; the limit is ${maxLength}. Please shorten it.`,
    );
  }
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new QuestionError('The question has no words or numbers in it; please ask something about the articles.');
  }
  return question;
}
