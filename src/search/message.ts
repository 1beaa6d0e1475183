/**
 * The question a chat message asks. People wrap it: "hi there, how many…", "quick question: how many…", "how
 * many…? thanks in advance!". Those words are not the question's, yet they move its embedding and its BM25 words. A
 * greeting before a comma is dropped when all its words are fillers; a lead-in ending in a colon and a sign-off after
 * the last question mark when every word of them is common English — no name, no number, no rare word — so
 * "interpol: how many…?" and "how many countries attended? in 2011" keep what they say.
 */
import { isStopWord, tokenize } from '../analysis/index.js';
import { commonEnglishWords } from './names.js';

/** The words a question opens with. */
const WH_WORDS = 'how|what|when|where|which|who|whom|whose|why';

/** A lead-in holding one of these asks something itself ("what time is it: …"). */
const QUESTION_WORD = new RegExp(`\\b(?:${WH_WORDS})\\b`, 'i');

/** Most words a lead-in or a sign-off may have. */
const MAX_WRAPPING_WORDS = 6;

/** Only common English words, and a few of them: wrapping, not part of the question. */
function isWrapping(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const common = commonEnglishWords();
  return words.length > 0 && words.length <= MAX_WRAPPING_WORDS && words.every((w) => common.has(w.toLowerCase().replace(/['’]s$/, '')));
}

/**
 * A greeting or filler before the question, ended by a comma or an exclamation mark ("hi there, how many…", "hey,
 * operation rescue 2011, how many…"); not a question word with a word set off after it ("who, exactly, chaired…?").
 */
const GREETING = new RegExp(`^((?:(?!\\b(?:${WH_WORDS}|is|are|was|were|did|does|do|can|could)\\b)[^,!:?]){1,40})[,!]\\s*(?=[\\p{L}\\p{N}])`, 'iu');

export function questionOfMessage(message: string): string {
  let question = message;
  // Only words that say nothing ("hi there", "ok so"): "at the meeting, who spoke?" keeps its place.
  const greeting = GREETING.exec(question);
  if (greeting && tokenize(greeting[1]!).every((t) => !t.isNumber && isStopWord(t))) question = question.slice(greeting[0].length);
  const colon = question.indexOf(':');
  const lead = question.slice(0, colon);
  if (colon > 0 && isWrapping(lead) && !QUESTION_WORD.test(lead) && /[\p{L}\p{N}]/u.test(question.slice(colon + 1))) {
    question = question.slice(colon + 1).trim();
  }
  const mark = question.lastIndexOf('?');
  if (mark > 0 && mark < question.length - 1 && isWrapping(question.slice(mark + 1))) question = question.slice(0, mark + 1);
  return question;
}
