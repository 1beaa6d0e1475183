/**
 * What kind of thing a question asks for, and whether a sentence holds one. A sentence that states a date for a
 * "when" question or a count of the asked-for thing for a "how many" question is far more likely to answer it than
 * one that merely shares its words. Rules are about English question words and text shapes, never about any article.
 */
import { alternatives, isStopWord, tokenize } from './terms.js';

export type AnswerType = 'money' | 'quantity' | 'date' | 'duration' | 'person' | 'place' | 'ordinal' | 'other';

/**
 * Kinds of answer that a passage either states or does not: when none of the best passages holds one, the articles
 * do not answer the question ("how much did it cost?" over articles that name no sum of money).
 */
export const STRICT_ANSWER_TYPES: ReadonlySet<AnswerType> = new Set(['money', 'date', 'duration']);

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';

export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\b(cost|costs|budget|price|spent|spend|salary|paid\s+how\s+much|how\s+much\s+money|funding\s+amount|worth)\b/.test(q) && /\b(how\s+much|what|which)\b/.test(q)) {
    return 'money';
  }
  if (/\b(which|what)\s+(number|edition)\b|\bwhich\s+(annual|meeting)\s+number\b/.test(q)) return 'ordinal';
  if (/\bhow\s+(long|many\s+days|many\s+hours|quickly|soon|fast)\b|\b(duration|length)\s+of\b/.test(q)) return 'duration';
  if (/\bhow\s+(many|much)\b|\bnumber\s+of\b|\bwhat\s+(percentage|share|amount|total|figure)\b|\bhow\s+(large|big)\b/.test(q)) return 'quantity';
  if (/\bwhen\b|\bwhat\s+(date|day|month|year|time)\b|\bwhich\s+(date|day|month|year|dates|days)\b/.test(q)) return 'date';
  if (/\bwho\b|\bwhose\b|\bwhich\s+(person|official|officer|director|minister|expert|speaker)\b/.test(q)) return 'person';
  if (/\bwhere\b|\bwhich\s+(city|country|place|venue|town|location)\b|\bwhat\s+(city|country|place|venue|town|location)\b/.test(q)) return 'place';
  return 'other';
}

const DATE = new RegExp(
  `\\b\\d{1,2}(?:\\s*(?:–|-|to)\\s*\\d{1,2})?\\s+${MONTH}\\b|\\b${MONTH}\\s+\\d{1,2}\\b|\\b(?:in|since|from|until|by)\\s+(?:${MONTH}\\s+)?(?:19|20)\\d\\d\\b`,
);
const COUNT_WORD = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)';
const DURATION = new RegExp(`\\b${COUNT_WORD}[- ](?:day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes)\\b|\\bsince\\s+(?:19|20)\\d\\d\\b`, 'i');
const TITLE = /\b(?:Mr|Ms|Mrs|Dr|Prof|Commissioner|Governor|Premier|Minister|Director|Secretary|Senator|Inspector|Coordinator|Chair|President|Chief|officer)\b\.?\s+(?:[A-Z][\p{L}'’-]+)/u;
const NAME = /(?:^|[^.!?]\s)(?:[A-Z][\p{Ll}'’-]+)\s+(?:(?:de|van|von|da|del)\s+)?[A-Z][\p{Ll}'’-]+/u;
const SAID = /\b(?:said|added|concluded|noted|stressed|underscored|explained|told)\b/;
const PLACE = /\b(?:in|at)\s+(?:the\s+)?[A-Z][\p{L}]+|^[“"]?[A-Z]{3,}(?:\s[A-Z]{3,})?,\s+[A-Z][\p{L}]+/u;
const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|thousand|m|bn|k)?\s*(?:dollars?|euros?|pounds?|francs?|USD|EUR|GBP|CHF)\b|\b(?:USD|EUR|GBP|CHF)\s?\d/i;
const ORDINAL = /\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i;

/** Year-like numbers are dates, not counts. */
export function isCount(term: string): boolean {
  return !/^(19[5-9]\d|20\d\d|21\d\d)$/.test(term);
}

/** Content words after a count that may name what it counts ("2,345 identified victims"). */
const COUNT_WINDOW = 2;

/** What a sentence holds, worked out once per sentence when the index is opened (not per question). */
export interface SentenceShape {
  /** Terms that follow a count closely enough to be what it counts ("52 countries" → countri). */
  countedTerms: Set<string>;
  hasCount: boolean;
  /** 0–1 per kind of answer (person: 0.5 for a bare name, 1 for a titled or quoted one). */
  money: number;
  date: number;
  duration: number;
  person: number;
  place: number;
  ordinal: number;
}

export function sentenceShape(text: string): SentenceShape {
  const tokens = tokenize(text).filter((t) => t.isNumber || !isStopWord(t));
  const countedTerms = new Set<string>();
  let hasCount = false;
  tokens.forEach((t, i) => {
    // A day of the month ("18 – 20 November", "March 14") is a date, not a count.
    const nextIsMonth = MONTH_WORD.test(tokens[i + 1]?.word ?? '') || MONTH_WORD.test(tokens[i - 1]?.word ?? '');
    if (!t.isNumber || !isCount(t.term) || nextIsMonth) return;
    hasCount = true;
    for (const n of tokens.slice(i + 1, i + 1 + COUNT_WINDOW)) if (!n.isNumber) countedTerms.add(n.term);
  });
  const yes = (re: RegExp) => (re.test(text) ? 1 : 0);
  return {
    countedTerms,
    hasCount,
    money: yes(MONEY),
    date: yes(DATE),
    duration: yes(DURATION),
    person: TITLE.test(text) || (NAME.test(text) && SAID.test(text)) ? 1 : NAME.test(text) ? 0.5 : 0,
    place: yes(PLACE),
    ordinal: yes(ORDINAL),
  };
}

const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');

/**
 * What a "how many" question counts: the word after "how many" / "number of" ("how many experts attended…" →
 * expert) with its synonyms; without one, every content word of the question.
 */
export function countedTerms(question: string, questionTerms: Iterable<string>): Set<string> {
  const m = /\b(?:how\s+many|number\s+of|count\s+of)\s+(?:more\s+|different\s+|separate\s+)?([\p{L}][\p{L}-]*)/iu.exec(question);
  const noun = m ? tokenize(m[1]!)[0] : undefined;
  return new Set(noun && !isStopWord(noun) ? alternatives(noun.term) : questionTerms);
}

/**
 * How well a sentence holds the asked-for kind of answer (`counted`: see `countedTerms`): 1 = clearly (a count of
 * the asked-for thing, a date,
 * a named person…), 0.5 = loosely (some count, a bare name), 0 = not at all or the question type has no shape.
 */
export function typeMatch(type: AnswerType, shape: SentenceShape, counted: Set<string>): number {
  switch (type) {
    case 'quantity':
      if ([...counted].some((t) => shape.countedTerms.has(t))) return 1;
      return shape.hasCount ? 0.5 : 0;
    case 'other':
      return 0;
    default:
      return shape[type];
  }
}
