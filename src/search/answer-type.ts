/**
 * What kind of thing a question asks for, and whether a sentence holds one. A sentence that states a date for a
 * "when" question or a count of the asked-for thing for a "how many" question is far more likely to answer it than
 * one that merely shares its words. Rules are about English question words and text shapes, never about any article.
 */
import { alternatives, isStopWord, tokenize, type Token } from './terms.js';

export type AnswerType =
  | 'money'
  | 'percentage'
  | 'prison'
  | 'quantity'
  | 'date'
  | 'duration'
  | 'person'
  | 'organisation'
  | 'place'
  | 'name'
  | 'ordinal'
  | 'other';

/**
 * Kinds of answer that a passage either states or does not: when none of the best passages holds one, the articles
 * do not answer the question ("how much did it cost?" over articles that name no sum of money).
 */
export const STRICT_ANSWER_TYPES: ReadonlySet<AnswerType> = new Set(['money', 'date', 'duration', 'percentage', 'prison']);

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';

/** Nouns for a kind of organisation ("which agency", "what charity"). */
const ORGANISATION_NOUN =
  '(?:agency|agencies|organi[sz]ations?|charity|charities|group|body|bodies|police\\s+force|force|unit|department|ministry|company|companies|firm|ngo|institution|foundation|authority|authorities|hotline|watchdog|nonprofit|non-profit|office|bureau|service)';
/** Nouns for a named thing ("which operation", "what website"). */
const NAMED_THING =
  '(?:operation|operations|website|site|platform|forum|database|project|programme|program|network|app|initiative|campaign|task\\s*force|codename|code\\s+name)';

export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\b(cost|costs|budget|price|spent|spend|salary|paid\s+how\s+much|how\s+much\s+money|funding\s+amount|worth)\b/.test(q) && /\b(how\s+much|what|which)\b/.test(q)) {
    return 'money';
  }
  if (/\b(percent|percentage|per\s+cent|proportion|fraction)\b|\bwhat\s+share\b|\bhow\s+big\s+a\s+share\b|\bhow\s+much\s+of\b|\bby\s+how\s+much\b|%/.test(q)) {
    return 'percentage';
  }
  if (/\b(sentenced?|sentences|jailed|jail|prison|imprisoned|imprisonment|locked\s+up|behind\s+bars)\b/.test(q) && /\b(how\s+long|how\s+many\s+(years|months)|what|which)\b/.test(q)) {
    return 'prison';
  }
  if (/\b(which|what)\s+(number|edition)\b|\bwhich\s+(annual|meeting)\s+number\b/.test(q)) return 'ordinal';
  if (/\bhow\s+(long|many\s+days|many\s+hours|many\s+weeks|many\s+months|quickly|soon|fast)\b|\b(duration|length)\s+of\b/.test(q)) return 'duration';
  if (/\bhow\s+(many|much)\b|\bnumber\s+of\b|\bhow\s+(large|big)\b/.test(q)) return 'quantity';
  if (/\bwhen\b|\bwhat\s+(date|day|month|year|time)\b|\bwhich\s+(date|day|month|year|dates|days)\b/.test(q)) return 'date';
  if (new RegExp(`\\b(which|what)\\s+(\\w+\\s+)?${ORGANISATION_NOUN}\\b|\\bwhich\\s+country'?s\\s+police\\b`).test(q)) return 'organisation';
  if (
    new RegExp(`\\b(which|what)\\s+(\\w+\\s+)?${NAMED_THING}\\b|\\b(name|code\\s*name)\\s+of\\b`).test(q) ||
    /\bwhat\s+(was|is|were|are)\s+(the\s+|it\s+|they\s+)?(\w+\s+){0,3}(called|named|dubbed|code-?named|known\s+as)\b/.test(q) ||
    /^(what|which)\b.*\b(called|named|dubbed|code-?named)\s*\??$/.test(q)
  ) {
    return 'name';
  }
  // "what's the latest attendance figure?": a figure asked for by name.
  if (/^(what|what's|whats|which|give)\b.*\b(amount|total|figure|count|number|tally|numbers|figures)\b/.test(q)) return 'quantity';
  if (/\bwho\b|\bwhose\b|\bwhich\s+(person|official|officer|director|minister|expert|speaker|judge|man|woman)\b/.test(q)) return 'person';
  if (/\bwhere\b|\bwhich\s+(city|country|countries|place|venue|town|location|region|state|island)\b|\bwhat\s+(city|country|place|venue|town|location|region|state|island)\b/.test(q)) return 'place';
  return 'other';
}

const DATE = new RegExp(
  `\\b\\d{1,2}(?:\\s*(?:–|-|to)\\s*\\d{1,2})?\\s+${MONTH}\\b|\\b${MONTH}\\s+\\d{1,2}\\b|\\b(?:in|since|from|until|by)\\s+(?:${MONTH}\\s+)?(?:19|20)\\d\\d\\b`,
);
const COUNT_WORD = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)';
const DURATION = new RegExp(`\\b${COUNT_WORD}[- ](?:day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes)\\b|\\bsince\\s+(?:19|20)\\d\\d\\b`, 'i');
const TITLE = /\b(?:Mr|Ms|Mrs|Dr|Prof|Commissioner|Governor|Premier|Minister|Director|Secretary|Senator|Inspector|Coordinator|Chair|President|Chief|officer)\b\.?\s+(?:[A-Z][\p{L}'’-]+)/u;
const NAME_WORD = "[A-Z](?:[\\p{Ll}]+(?:[-'’][A-Z]?[\\p{Ll}]+)?|['’][A-Z][\\p{Ll}]+|\\.)";
const NAME = new RegExp(`(?:^|[^.!?]\\s)${NAME_WORD}\\s+(?:(?:de|van|von|da|del|[A-Z]\\.)\\s+)?${NAME_WORD}`, 'u');
const SAID = /\b(?:said|says|added|concluded|noted|stressed|underscored|explained|told|opened|opening|announced|warned|according\s+to)\b/i;
const PLACE = /\b(?:in|at)\s+(?:the\s+)?[A-Z][\p{L}]+|^[“"]?[A-Z]{3,}(?:\s[A-Z]{3,})?,\s+[A-Z][\p{L}]+/u;
const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|thousand|m|bn|k)?\s*(?:dollars?|euros?|pounds?|francs?|USD|EUR|GBP|CHF)\b|\b(?:USD|EUR|GBP|CHF)\s?\d/i;
const PERCENTAGE = /\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b|percentage\s+points?\b)|\b(?:half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters|one\s+in\s+(?:\w+|\d+)|\d+\s+in\s+\d+|(?:two|three|four|five|ten)fold|doubled|tripled|quadrupled|halved)\b/i;
const PERCENTAGE_FIGURE = /\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b)/gi;
const PRISON = /\b(?:sentenced|jailed|imprisoned|imprisonment|prison|jail|life\s+sentence|behind\s+bars)\b/i;
const NAMED = /\b(?:Operation|Project|Task\s?Force|Taskforce|Programme|Program|Initiative|Campaign)\s+[\p{Lu}\d][\p{L}\d'’-]*|\b(?:called|named|dubbed|code-?named|known\s+as)\s+[“"‘']?[\p{Lu}\d]|[“"‘'][\p{Lu}][^“”"]{1,40}[”"’']/u;
/** A capitalised word inside a sentence (not its first word): some proper name. */
const PROPER_INSIDE = /[\p{Ll},;:]\s+(?:[\p{Lu}][\p{Ll}]+|[\p{Lu}]{2,})\b/u;
const ORGANISATION =
  /\b(?:[\p{Lu}][\p{L}'’-]+\s+)+(?:Police|Agency|Bureau|Foundation|Centre|Center|Ministry|Department|Office|Commission|Service|Council|Unit|Force|Association|Organi[sz]ation|Coalition|Institute|Trust|Network|Alliance|Authority|Constabulary|Guard)\b|\b(?:Europol|Interpol|INTERPOL|UNICEF|UNODC|Eurojust)\b|\b[\p{Lu}]{2,6}\b(?!\s+\d)/u;
const ORDINAL = /\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i;

/** True when a sentence clearly holds the kind of answer asked for (a date for "when", a place for "where"…). */
export function statesAnswer(type: AnswerType, sentence: string): boolean {
  return typeMatch(type, sentenceShape(sentence), new Set()) >= 1;
}

/** True when a sentence says who said something: a verb of saying and a titled or full name ("said officer Anders Persson"). */
export function namesSpeaker(text: string): boolean {
  return SAID.test(text) && (TITLE.test(text) || NAME.test(text));
}

/** Year-like numbers are dates, not counts. */
export function isCount(term: string): boolean {
  return !/^(19[5-9]\d|20\d\d|21\d\d)$/.test(term);
}

/** Numbers written as words ("a quarter million", "two dozen"); "one" is left out, being a pronoun as often. */
const NUMBER_WORDS = new Set(
  ('two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen ' +
    'nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions ' +
    'billion billions dozen dozens quarter')
    .split(' '),
);

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
  percentage: number;
  /** 1: a prison term (a prison word and a duration), 0.5: a prison word alone. */
  prison: number;
  /** 1: a named operation/project or "called X", 0.5: some capitalised name inside the sentence. */
  name: number;
  organisation: number;
}

export function sentenceShape(text: string): SentenceShape {
  // A share ("25%") is not a count of the word after it.
  const tokens = tokenize(text.replace(PERCENTAGE_FIGURE, ' ')).filter((t) => t.isNumber || !isStopWord(t));
  const countedTerms = new Set<string>();
  let hasCount = false;
  const isCountToken = (t: Token) => (t.isNumber && isCount(t.term)) || NUMBER_WORDS.has(t.word);
  tokens.forEach((t, i) => {
    // A day of the month ("18 – 20 November", "March 14") is a date, not a count.
    const nextIsMonth = MONTH_WORD.test(tokens[i + 1]?.word ?? '') || MONTH_WORD.test(tokens[i - 1]?.word ?? '');
    if (!isCountToken(t) || nextIsMonth) return;
    hasCount = true;
    // What follows the whole number ("a quarter million video clips" → video, clip).
    const after = tokens.slice(i + 1).filter((n) => !n.isNumber && !NUMBER_WORDS.has(n.word));
    for (const n of after.slice(0, COUNT_WINDOW)) countedTerms.add(n.term);
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
    percentage: yes(PERCENTAGE),
    prison: PRISON.test(text) ? (DURATION.test(text) ? 1 : 0.5) : 0,
    name: NAMED.test(text) ? 1 : PROPER_INSIDE.test(text) ? 0.5 : 0,
    organisation: yes(ORGANISATION),
  };
}

const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');

/** "How many people…" is answered by a count of any kind of person. */
const PEOPLE = new Set(['people', 'persons', 'individuals', 'humans']);
const PERSON_NOUNS = (
  'people person individual participant attendee delegate expert specialist officer investigator agent suspect offender ' +
  'perpetrator predator abuser man woman men women child children kid minor boy girl victim survivor user member customer ' +
  'employee staff worker student teacher adult'
)
  .split(' ')
  .map((w) => tokenize(w)[0]!.term);

/**
 * What a "how many" question counts: the word after "how many" / "number of" ("how many experts attended…" →
 * expert) with its synonyms; without one, every content word of the question.
 */
export function countedTerms(question: string, questionTerms: Iterable<string>): Set<string> {
  const m = /\b(?:how\s+many|number\s+of|count\s+of)\s+(?:more\s+|different\s+|separate\s+)?(.*)$/iu.exec(question);
  // The words up to the first stop word: the counted thing, with what qualifies it ("child abuse image offences").
  const run: Token[] = [];
  for (const t of m ? tokenize(m[1]!) : []) {
    if (t.isNumber || isStopWord(t) || run.length === COUNTED_RUN) break;
    run.push(t);
  }
  if (run.length === 0) return new Set(questionTerms);
  if (PEOPLE.has(run[0]!.word)) return new Set(PERSON_NOUNS);
  return new Set(run.flatMap((t) => alternatives(t.term)));
}

/** At most this many words after "how many" are taken as naming the counted thing. */
const COUNTED_RUN = 4;

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
    case 'person':
      // "who ran it?" is as often answered by an agency as by a person.
      return Math.max(shape.person, shape.organisation / 2);
    case 'other':
      return 0;
    default:
      return shape[type];
  }
}
