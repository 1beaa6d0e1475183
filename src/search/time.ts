/**
 * What time a question is about. "in 2011", "the 2014 meeting" → that year; "by 2015", "as of 2015" → the newest
 * year up to it; "now", "latest", "currently", "most recent" → the newest; "first", "earliest" → the oldest.
 */

export type TimeScope =
  | { kind: 'none' }
  | { kind: 'year'; years: number[] }
  | { kind: 'by'; year: number }
  | { kind: 'latest' }
  | { kind: 'earliest' };

const YEAR = /\b(19[5-9]\d|20\d\d|21\d\d)\b/g;
const BY_YEAR = /\b(by|as of|up to|until|till|through|before|prior to)\s+(the\s+end\s+of\s+)?(19[5-9]\d|20\d\d|21\d\d)\b/i;
const LATEST = /\b(now|nowadays|today|latest|newest|current(ly)?|most recent(ly)?|recent(ly)?|these days|so far|to date|this year|last meeting|last time)\b/i;
const EARLIEST = /\b(first|earliest|oldest|initial(ly)?|originally)\b\s*(meeting|conference|time|one|year|report|article|gathering)?/i;

export function timeScope(question: string): TimeScope {
  const by = BY_YEAR.exec(question);
  if (by) return { kind: 'by', year: Number(by[3]) };
  const years = [...question.matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length) return { kind: 'year', years: [...new Set(years)] };
  if (LATEST.test(question)) return { kind: 'latest' };
  if (EARLIEST.test(question) && /\b(first|earliest|oldest)\s+(meeting|conference|gathering|one|time|year)\b/i.test(question)) {
    return { kind: 'earliest' };
  }
  return { kind: 'none' };
}

const YEAR_PHRASE = /\s*\b(?:(?:back\s+)?in|of|at|during|by|for|from|as\s+of|since|until|before|after)?\s*(?:the\s+)?(?:year\s+)?(?:19[5-9]\d|20\d\d|21\d\d)\b('s)?/gi;

const LATEST_PHRASE = new RegExp(`\\s*\\b(?:the\\s+)?(?:${LATEST.source.replace(/^\\b\(|\)\\b$/g, '')})\\b`, 'gi');

/**
 * The question without its time phrases ("how many countries attended in 2011?" → "how many countries attended?",
 * "who opened the latest meeting?" → "who opened meeting?"). Time is matched against article dates by `timeScope`;
 * as words it only blurs the question's embedding and matches stray words ("recent") in unrelated passages.
 */
export function withoutTimePhrases(question: string): string {
  const stripped = question.replace(YEAR_PHRASE, '').replace(LATEST_PHRASE, '').replace(/\s+([?.!,])/g, '$1').trim();
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : question;
}
