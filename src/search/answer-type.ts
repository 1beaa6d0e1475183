/**
 * What kind of thing a question asks for, and how well a sentence's shape (`analysis/shape.ts`) holds one. A sentence
 * that states a date for a "when" question or a count of the asked-for thing for a "how many" question is far more
 * likely to answer it than one that merely shares its words. Rules are about English question words and text shapes, never about any article.
 */
import { alternatives, isMonthWord, isPluralWord, isStopWord, REGULAR_PARTICIPLE, sentenceShape, tokenize, type SentenceShape, type Token } from '../analysis/index.js';
import { yearsStated } from './time.js';
import { countryVariants, NAME_HEADS } from './names.js';

export { isCount, namesSpeaker, sentenceShape, type SentenceShape } from '../analysis/index.js';

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
  | 'age'
  | 'other';

/**
 * Kinds of answer that a passage either states or does not: when none of the best passages holds one, the articles
 * do not answer the question ("how much did it cost?" over articles that name no sum of money).
 */
export const STRICT_ANSWER_TYPES: ReadonlySet<AnswerType> = new Set(['money', 'date', 'duration', 'percentage', 'prison', 'age']);

/** Kinds of answer that are a figure: a count, or a kind a sentence states or not (a sum, a date, a share…). */
export const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set([...STRICT_ANSWER_TYPES, 'quantity']);

/** A "what"/"which" question about a prison term: the term itself, or what someone was sentenced to. */
const PRISON_TERM_ASKED = /\b(?:what|which)(?:'s|’s|\s+(?:is|was|were))?\s+(?:[\w'’-]+\s+){0,3}?(?:sentences?|terms?|jail\s+time|prison\s+time|punishment)\b|\bsentenced?\s+to\b/;

/** Nouns for a kind of organisation ("which agency", "what charity"). */
const ORGANISATION_NOUN =
  '(?:agency|agencies|organi[sz]ations?|charity|charities|group|body|bodies|police\\s+force|force|unit|department|ministry|company|companies|firm|ngo|institution|foundation|authority|authorities|hotline|watchdog|nonprofit|non-profit|office|bureau|service)';
/** Nouns for a named thing ("which operation", "what website"). */
const NAMED_THING =
  '(?:operation|operations|website|site|platform|forum|database|project|programme|program|network|app|initiative|campaign|task\\s*force|codename|code\\s+name)';

/**
 * Up to three words between "which/what" and the noun that says what is asked ("which two eu agencies", "which eu
 * police agency"), none of them a verb of the question ("what did the agency say?" asks no agency) nor a possessive
 * ("which countries' agencies…" asks for countries).
 */
const MODIFIERS = "(?:(?!(?:is|was|were|are|did|does|do|has|have|had|will|would|can|could|should|may|might)\\b)[\\w-]+\\s+){0,3}";

/** Nouns of an office a "which …" question asks the holder of ("which us attorney…"); `role.ts` reads the role from them. */
export const ROLE_NOUNS = 'official officer director minister secretary president ceo chief commander superintendent governor mayor attorney prosecutor commissioner spokesperson spokesman spokeswoman chairman chairwoman coordinator detective inspector judge'.split(' ');

/** "Which official…", "which us attorney…", "which man…": a person asked for, by role or not. */
const WHICH_PERSON = new RegExp(
  `\\b(?:which|what)\\s+${MODIFIERS}(?:${['person', 'people', 'officials', 'expert', 'speaker', 'man', 'woman', ...ROLE_NOUNS].join('|')})\\b(?!\\s+${ORGANISATION_NOUN}\\b)`,
);

/**
 * Words that end the modifiers of "the name of the … man": a small word or a thing's noun means the name asked is the
 * thing's ("the name of the website the man ran", "the name of the operation the leeds man started").
 */
const NOT_A_MODIFIER = `(?:the|a|an|this|that|which|who|whom|whose|of|in|on|at|by|for|with|from|to|and|or|${[...NAME_HEADS].join('|')}|group|ring|company|agency|unit|team|site)`;

/** Nouns for a person whose name may be asked: by sex, part in a case, kin or trade. */
const NAMED_PERSON_NOUNS = [
  ...'man woman boy girl person suspect offender victim teacher worker officer'.split(' '),
  ...'girlfriend boyfriend wife husband partner accomplice defendant administrator admin user member abuser paedophile pedophile predator teenager'.split(' '),
  ...ROLE_NOUNS,
];

/**
 * "The name of the 30 year old man…", "…of scully's girlfriend": a person's name, not the name of a thing; so is
 * "the name of the 20 year old arrested…" (`NAME_OF_AGE`), an age written as a noun.
 */
const NAME_OF_PERSON = new RegExp(
  `\\bname\\s+of\\s+(?:the|a|an|this|that|[\\w-]+['’]s)\\s+(?:(?!${NOT_A_MODIFIER}\\b)[\\w-]+\\s+){0,5}?(${NAMED_PERSON_NOUNS.join('|')})\\b(?!['’])`,
);
const NAME_OF_AGE = /\bname\s+of\s+(?:the|a|an|this|that)\s+(\d+[\s-]*(?:years?|yrs?)[\s-]*old)\b(?!['’])/;

/**
 * The kind of person whose name a question asks for ("what's the name of the wyong man…?" → "man"; "…of the 20 year
 * old arrested…?" → "20 year old"), if it does.
 */
export function namedPersonAsked(question: string): string | undefined {
  const q = question.toLowerCase();
  return NAME_OF_PERSON.exec(q)?.[1] ?? NAME_OF_AGE.exec(q)?.[1];
}

/** `WHICH_PERSON` as the question's opening words. */
const WHICH_PERSON_FIRST = new RegExp(`^${WHICH_PERSON.source.replace(/^\\b/, '')}`);

export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  // "which judge sentenced her?", "what official announced the budget?": the noun the question opens with asks for a
  // person, whatever the rest is about.
  if (WHICH_PERSON_FIRST.test(q)) return 'person';
  // Time spent is no money ("what group spent years building it?").
  if (/\b(cost|costs|budget|price|spent|spend|salary|paid\s+how\s+much|how\s+much\s+money|funding\s+amount|worth)\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|time)\b)/.test(q) && /\b(how\s+much|what|which)\b/.test(q)) {
    return 'money';
  }
  if (
    /\b(percent|percentage|per\s+cent|proportion|fraction)\b|\bwhat\s+share\b|\bshare\s+of\b|\bhow\s+big\s+a\s+share\b|\bhow\s+much\s+of\b|\bby\s+how\s+much\b|%/.test(q) ||
    // "how much have offences risen?", "how much higher were reports?": a change, mostly told as a share.
    /\bhow\s+much\s+(?:[\w'’-]+\s+){0,10}?(?:rise|rises|rose|risen|increase|increased|grow|grew|grown|fall|fell|fallen|drop|dropped|decline|declined|jump|jumped|climb|climbed|higher|lower)\b/.test(q)
  ) {
    return 'percentage';
  }
  // "which court sentenced him?" asks where, not for how long; "what" or "which" asks a term only when it is about one
  // ("what jail term…?", "what kind of sentence…?", "what was he sentenced to?"), not for the name of a man jailed,
  // the date he leaves prison or a prison gang.
  if (
    /\b(sentenced?|sentences|jailed|jail|prison|imprisoned|imprisonment|locked\s+up|behind\s+bars)\b/.test(q) &&
    (/\bhow\s+long|how\s+many\s+(years|months)\b/.test(q) || (/\b(what|which)\b/.test(q) && PRISON_TERM_ASKED.test(q))) &&
    !/\b(?:which|what)\s+court\b/.test(q)
  ) {
    return 'prison';
  }
  if (/\bhow\s+old\b|\b(?:what|which)\s+age\b|\bage\s+of\s+the\b|\bhow\s+young\b/.test(q)) return 'age';
  if (/\b(which|what)\s+(number|edition)\b|\bwhich\s+(annual|meeting)\s+number\b/.test(q)) return 'ordinal';
  if (/\bhow\s+(long|many\s+days|many\s+hours|many\s+weeks|many\s+months|quickly|soon|fast)\b|\b(duration|length)\s+of\b/.test(q)) return 'duration';
  if (/\bhow\s+(many|much)\b|\bnumber\s+of\b|\bhow\s+(large|big)\b/.test(q)) return 'quantity';
  // "who was ice director when…": the question word it opens with asks; "when" only qualifies.
  if (/^(?:who|whose)\b/.test(q) || WHICH_PERSON.test(q) || namedPersonAsked(q) !== undefined) return 'person';
  // "when" after another question word only qualifies ("what network were investigators to use when it launched?").
  if (/^(?:(?!\b(?:what|which|how|where|whats)\b).)*\bwhen\b|\bwhat\s+(date|day|month|year|time)\b|\bwhich\s+(date|day|month|year|dates|days)\b/.test(q)) return 'date';
  if (new RegExp(`\\b(which|what)\\s+${MODIFIERS}${ORGANISATION_NOUN}\\b|\\bwhich\\s+country'?s\\s+police\\b`).test(q)) return 'organisation';
  if (
    new RegExp(`\\b(which|what)\\s+${MODIFIERS}${NAMED_THING}\\b|\\b(name|code\\s*name)\\s+of\\b`).test(q) ||
    /\bwhat\s+(was|is|were|are)\s+(the\s+|it\s+|they\s+)?(\w+\s+){0,3}(called|named|dubbed|code-?named|known\s+as)\b/.test(q) ||
    /^(what|which)\b.*\b(called|named|dubbed|code-?named)\s*\??$/.test(q)
  ) {
    return 'name';
  }
  // "what's the latest attendance figure?": a figure asked for by name.
  if (/^(what|what's|whats|which|give)\b.*\b(amount|total|figure|count|headcount|number|tally|numbers|figures)\b/.test(q)) return 'quantity';
  // "who" in a question that opens with another question word qualifies a noun ("what was checked on people who work
  // with kids?").
  const relativeWho = /^(?:what|what's|whats|how|which|when|where|why)\b/.test(q);
  if (!relativeWho && /\bwho\b|\bwhose\b/.test(q)) return 'person';
  // "which philippine city…", "which single country…": up to three words may say which kind of place (`MODIFIERS`).
  if (new RegExp(`\\bwhere\\b|\\bwhich\\s+${MODIFIERS}(?:city|country|countries|place|venue|town|location|region|state|island|court)\\b|\\bwhat\\s+${MODIFIERS}(?:city|country|place|venue|town|location|region|state|island|court)\\b`).test(q)) return 'place';
  return 'other';
}

/** True when a sentence clearly holds the kind of answer asked for (a date for "when", a place for "where"…). */
export function statesAnswer(type: AnswerType, sentence: string): boolean {
  return typeMatch(type, sentenceShape(sentence), new Set()) >= 1;
}


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
  const run = countedRun(question);
  if (run.length === 0) return new Set(questionTerms);
  if (PEOPLE.has(run[0]!.word)) return new Set(PERSON_NOUNS);
  return new Set(run.flatMap((t) => alternatives(t.term)));
}

/**
 * The counted thing's plural noun when other words qualify it ("child abuse images" → image, with its synonyms): what
 * a count must be of, where a qualifier ("child") may be counted in another sense ("three children"). Undefined for a
 * counted thing of one word, of people (any person counts), or with no plural.
 */
export function countedHead(question: string): Set<string> | undefined {
  const run = countedRun(question);
  if (run.length < 2 || PEOPLE.has(run[0]!.word)) return undefined;
  const head = run.find((t) => isPluralWord(t.word));
  return head ? new Set(alternatives(head.term)) : undefined;
}

/** The words a question says it counts (`countedTerms`), as written after "how many" / "number of". */
function countedRun(question: string): Token[] {
  const m = COUNTED.exec(question);
  // The words up to the first stop word: the counted thing, with what qualifies it ("child abuse image offences").
  // Counted in written words, so a compound ("ai-generated") is one; a participle ("recorded") is the question's verb.
  const run: Token[] = [];
  let words = 0;
  const written = m ? m[1]!.split(/\s+/) : [];
  const asked = m !== null && /^how/i.test(m[0]);
  for (const [i, word] of written.entries()) {
    const tokens = tokenize(word);
    // After "the number of", a word before an auxiliary is the subject of a clause about the counted thing ("green
    // notices interpol has issued" counts notices, not interpol); after "how many" the auxiliary opens the question
    // ("how many offences did police record").
    if (words > 0 && !asked && AUXILIARIES.has(written[i + 1]?.toLowerCase() ?? '')) break;
    // A single letter names something ("op h investigations"), it does not end the run as a small word does.
    if (tokens.length === 1 && /^\p{L}$/u.test(tokens[0]!.word)) continue;
    if (!tokens.length || words === COUNTED_RUN || (words > 0 && REGULAR_PARTICIPLE.test(word.toLowerCase()))) break;
    if (tokens.some((t) => t.isNumber || isStopWord(t))) break;
    run.push(...tokens);
    words++;
  }
  return run;
}

/** The part of a whole a "how many of…" question asks for (`subsetAsked`). */
export interface SubsetAsked {
  /** As the question writes it, from its verb ("were later convicted", "lived in the us"). */
  phrase: string;
  /**
   * What a sentence counting that part writes: for each content word of the part, its stem, each synonym's and each
   * other way of writing a country it names ("spain" → "spanish"), as the stems a sentence must all hold.
   */
  forms: string[][];
}

/** True when the place asked is a country ("which country…?", "which two countries…?"), not a place inside one. */
export function asksForCountry(question: string): boolean {
  return new RegExp(`\\b(?:which|what)\\s+${MODIFIERS}(?:country|countries)\\b`).test(question.toLowerCase());
}

/** Verbs that open what a subset question says of the part it counts ("… were convicted", "… did the couple exploit"). */
const SUBSET_VERBS = new Set('is are was were been have has had do does did got get ended'.split(' '));
/** Words that time or hedge the part ("later convicted", "already dead", "convicted so far"), not what it is. */
const ASIDE_WORDS = new Set('already still actually eventually later ever far itself themselves'.split(' '));

/**
 * "How many of the 46 people arrested were later convicted?" counts a part of a whole the question states: the part
 * is what follows the verb (its first auxiliary, or else its last regular past form: "… lived in the us"), without
 * words of time or hedging. Undefined for any other question, or when the part has no content word.
 */
export function subsetAsked(question: string): SubsetAsked | undefined {
  const m = /\bhow\s+many\s+of\s+(.*)$/iu.exec(question);
  if (!m) return undefined;
  const words = m[1]!.replace(/[?!.]+\s*$/u, '').split(/\s+/);
  let at = words.findIndex((w) => SUBSET_VERBS.has(w.toLowerCase()));
  for (let i = words.length - 1; at < 0 && i > 0; i--) if (REGULAR_PARTICIPLE.test(words[i]!.toLowerCase())) at = i;
  if (at < 0) return undefined;
  const phrase = words.slice(at).join(' ');
  let from = at;
  while (from < words.length && SUBSET_VERBS.has(words[from]!.toLowerCase())) from++;
  const part = tokenize(words.slice(from).join(' ')).filter(
    (t) => !isStopWord(t) && !ASIDE_WORDS.has(t.word) && !isMonthWord(t.word) && !(t.isNumber && yearsStated(t.word).length > 0),
  );
  const forms = part.flatMap((t) => {
    // "the us" is the United States (the pronoun takes no article).
    const country = t.word === 'us' && /\bthe\s+us\b/iu.test(phrase) ? ['united', 'states'] : [t.word];
    const variants = countryVariants(country);
    const written = variants ? [country, ...variants] : [];
    return [...alternatives(t.term).map((a) => [a]), ...written.map((v) => tokenize(v.join(' ')).filter((w) => !isStopWord(w)).map((w) => w.term))];
  });
  return forms.length ? { phrase, forms } : undefined;
}

/** Verbs that open a clause after its subject ("… interpol has issued"). */
const AUXILIARIES = new Set('has have had is are was were did does do will would can could'.split(' '));

const COUNTED = /\b(?:how\s+many|(?:number|count|headcount|tally|total)\s+of)\s+(?:more\s+|different\s+|separate\s+)?(.*)$/iu;

/** True when the question says what it counts ("how many arrests…", "the latest count of file signatures…"). */
export function namesCountedThing(question: string): boolean {
  return answerType(question) === 'quantity' && COUNTED.test(question);
}

/**
 * At most this many written words after "how many" are taken as naming the counted thing ("actionable ai-generated
 * child abuse reports": five; 5 and 6 measured the same on the tuning half, 4 cut that one's noun off).
 */
const COUNTED_RUN = 6;

/** A count of a word qualifying the counted thing only ("three children" for "how many child abuse images"). */
export const QUALIFIER_COUNTED = 0.75;

/**
 * How well a sentence holds the asked-for kind of answer (`counted`: see `countedTerms`): 1 = clearly (a count of
 * the asked-for thing, a date,
 * a named person…), 0.5 = loosely (some count, a bare name), 0 = not at all or the question type has no shape.
 */
export function typeMatch(type: AnswerType, shape: SentenceShape, counted: Set<string>, head?: Set<string>): number {
  switch (type) {
    case 'quantity':
      if ([...counted].some((t) => shape.countedTerms.has(t))) return !head || [...head].some((t) => shape.countedHeads.has(t)) ? 1 : QUALIFIER_COUNTED;
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
