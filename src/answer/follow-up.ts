/**
 * Follow-ups in a conversation: "and in 2014?", "what about victims?", "who said that?". `resolveFollowUp` reads a
 * new message against the question the previous answer answered and says how to take it:
 *
 * - a new time replaces the previous question's time ("and in 2014?", "the year before?", "and the latest?");
 * - a new thing replaces the thing counted or asked about ("and experts?", "what about victims?");
 * - a reference to the previous answer ("where was that?", "who said that?", "which article is that from?") is
 *   answered from the previous answer's article;
 * - anything else stands on its own and is left exactly as written.
 *
 * The rules are about English connectives, time words and word classes (from `compromise`'s tagger), never about
 * any article. A reference is written back as `<message> (after “<previous question>”)`: the understood question
 * says everything its answer depends on, so a front end can store it (a Discord footer) and ask it again later.
 */
import { contentTerms, tagged, type TaggedWord as Term } from '../analysis/index.js';
import { yearsStated } from '../search/time.js';

/**
 * What a reference asks of the previous answer: who is quoted, where or when it happened, which article it is, or
 * anything else about the same thing ("who opened it?", "why?"), answered from the same article.
 */
export type ReferenceKind = 'speaker' | 'place' | 'date' | 'source' | 'topic';

export type Resolution =
  /**
   * The message stands on its own: `question` is the message as written. `needsYear`: it would have been a
   * follow-up had the previous question named a year ("the year before?"); pass `previousYear` to resolve it.
   */
  | { kind: 'new'; question: string; needsYear?: true }
  /** The previous question with its time or its thing replaced. */
  | { kind: 'time' | 'thing'; question: string }
  /** A question about the previous answer: `question` is the understood form, `previous` what it refers to. */
  | { kind: 'reference'; question: string; about: ReferenceKind; message: string; previous: string };

/** What a reference's understood form looks like: `who said that? (after “how many countries attended in 2011?”)`. */
const AFTER = /^(.*\S)\s+\(after “(.+)”\)$/s;

/** Writes a reference as one question that holds its context. */
export function referenceQuestion(message: string, previous: string): string {
  return `${message} (after “${previous}”)`;
}

/** Reads back a reference written by `referenceQuestion`: the message and the question it refers to. */
export function parseReference(question: string): { message: string; previous: string } | null {
  const m = AFTER.exec(question);
  return m ? { message: m[1]!, previous: m[2]! } : null;
}

// ---------------------------------------------------------------------------------------------
// Reading the message

/** Words that open or close a chat follow-up without adding to it ("ok and …", "… then?"). */
const LEAD =
  /^(?:(?:and|ok|okay|so|then|but|also|right|cool|great|thanks|thank you|hmm+|oh|alright|well|what about|how about|what of|same(?: question| thing)?(?: but)?(?: for| in| with| about)?|what was it|what were they|what is it|and what about|and how about)\b(?!-)[\s,:;.!]*)+/i;
const TRAIL = /[\s,]*\b(?:then|too|as well|instead|please|though)\s*$/i;

/** The message without chat connectives and end punctuation; `connected` when it had any. */
function core(message: string): { text: string; connected: boolean } {
  const trimmed = message.trim().replace(/[?!.…\s]+$/u, '');
  const led = trimmed.replace(LEAD, '');
  const text = led.replace(TRAIL, '').trim();
  return { text, connected: text.length < trimmed.length };
}

const YEAR = '(?:19[5-9]\\d|20\\d\\d|21\\d\\d)';
/** Nouns that only carry a time ("the 2014 meeting", "the latest one"): generic English event words. */
const EVENT = '(?:one|meeting|conference|edition|event|session|gathering|report|year|time|figures?|numbers?|count|ones)';
const NUMBER_WORD: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

type TimeChange = { kind: 'year'; year: number } | { kind: 'shift'; by: number } | { kind: 'latest' } | { kind: 'earliest' };

const TIME_PATTERNS: [RegExp, (m: RegExpExecArray) => TimeChange][] = [
  [new RegExp(`^(?:(?:back\\s+)?in|for|during|of|at|from)?\\s*(?:the\\s+)?(?:year\\s+)?(${YEAR})(?:\\s+${EVENT})?$`, 'i'), (m) => ({ kind: 'year', year: Number(m[1]) })],
  [new RegExp(`^(?:in\\s+|for\\s+|at\\s+)?(?:the\\s+)?${EVENT}\\s+(?:of|in)\\s+(${YEAR})$`, 'i'), (m) => ({ kind: 'year', year: Number(m[1]) })],
  [new RegExp(`^(?:in\\s+|for\\s+|at\\s+)?(?:the\\s+|a\\s+)?${EVENT}\\s+(before|after|earlier|later)(?:\\s+(?:that|it|this))?$`, 'i'), (m) => ({ kind: 'shift', by: /before|earlier/i.test(m[1]!) ? -1 : 1 })],
  [new RegExp(`^(?:in\\s+|for\\s+|at\\s+)?(?:the\\s+)?(previous|prior|preceding|next|following)\\s+${EVENT}$`, 'i'), (m) => ({ kind: 'shift', by: /next|following/i.test(m[1]!) ? 1 : -1 })],
  [/^(\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(before|after|earlier|later|on)(?:\s+(?:that|it|this))?$/i, (m) => {
    const n = NUMBER_WORD[m[1]!.toLowerCase()] ?? Number(m[1]);
    return { kind: 'shift', by: /before|earlier/i.test(m[2]!) ? -n : n };
  }],
  [new RegExp(`^(?:in\\s+|for\\s+|at\\s+)?(?:the\\s+)?(?:latest|newest|most\\s+recent(?:ly)?|recent(?:ly)?|current(?:ly)?|now|today|nowadays|these\\s+days|lately|present)(?:\\s+${EVENT})?$|^(?:in\\s+|for\\s+|at\\s+)?the\\s+last\\s+(?:one|meeting|conference|edition|event|session|gathering|report)$`, 'i'), () => ({ kind: 'latest' })],
  // "and last year?" / "and last time?" in a conversation about 2014: the year (or meeting) before the one discussed.
  [/^(?:in\s+|for\s+|at\s+)?(?:the\s+)?last\s+(?:year|time)$|^(?:in\s+|at\s+)?the\s+time\s+before(?:\s+that)?$/i, () => ({ kind: 'shift', by: -1 })],
  [new RegExp(`^(?:in\\s+|for\\s+|at\\s+)?(?:the\\s+)?(?:first|earliest|oldest)(?:\\s+${EVENT})?$`, 'i'), () => ({ kind: 'earliest' })],
];

function timeChange(raw: string): TimeChange | null {
  // "in '14" is 2014; "how many in 2011?" asks the previous count of another year.
  const text = raw.replace(/['’](\d\d)\b/g, '20$1').replace(HOW_MANY, '');
  for (const [re, make] of TIME_PATTERNS) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return null;
}

/** Splits "experts in 2014" into a thing and a time; the whole text as a thing when no time ends it. */
function thingAndTime(text: string): { thing: string; time: TimeChange | null } {
  const words = text.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const time = timeChange(words.slice(i).join(' '));
    if (time) return { thing: words.slice(0, i).join(' '), time };
  }
  return { thing: text, time: null };
}

/** References to the previous answer, asked as a whole message ("who said that?", "where was it held?"). */
const THAT = '(?:that|this|it|they|these|those|he|she|them|there)';
/** Where an answer was published ("which article is that from?"). */
const OUTLET = '(?:article|story|report|source|paper|piece|outlet|publication|site|website|newspaper|publisher)';
const REFERENCES: [ReferenceKind, RegExp][] = [
  ['source', new RegExp(`^(?:which|what)\\s+${OUTLET}(?:\\s+(?:is|was|are|were|did|does)\\s+${THAT}(?:\\s+(?:from|in|come\\s+from))?|\\s+(?:said|says|reported|published|wrote)\\s+(?:that|this|it|so))?$|^(?:from\\s+)?(?:which|what)\\s+${OUTLET}\\s+(?:is|was)\\s+(?:that|this|it)\\s+from$|^(?:who|which\\s+\\w+)\\s+(?:reported|published|wrote|says|said\\s+so\\s+in\\s+the\\s+news)\\s+${THAT}$|^where\\s+(?:is|was|did|does)\\s+(?:that|this|it)\\s+(?:from|come\\s+from|reported|published|written)$|^when\\s+(?:was|is)\\s+${THAT}\\s+(?:published|reported|written|posted)$|^(?:source|sources|link|citation)s?$|^(?:what(?:'s| is)\\s+the\\s+)?(?:source|link)(?:\\s+for\\s+${THAT})?$`, 'i')],
  ['speaker', new RegExp(`^(?:who|whom)\\s+(?:said|says|say|told|stated|claimed|wrote|is\\s+quoted|was\\s+quoted|is\\s+speaking|was\\s+speaking|did\\s+say)\\s+(?:that|this|it|so)$|^who\\s+(?:was|is)\\s+(?:that|this|it|he|she)$|^who(?:'s|\\s+is)\\s+(?:that|this|speaking|talking)$|^whose\\s+(?:words|quote|statement)\\s+(?:are|is|were|was)\\s+(?:that|these|those|this)$|^who\\s+(?:said|says)\\s+so$|^who\\s+(?:was|is|were|are)\\s+(?:quoted|speaking|talking)$|^(?:said\\s+)?by\\s+whom$`, 'i')],
  ['place', new RegExp(`^where\\s*(?:was|is|were|are|did|does)?\\s*${THAT}(?:\\s+(?:held|hosted|take\\s+place|taking\\s+place|took\\s+place|happen|happening|happened|located|based|organi[sz]ed|from))?$|^where$|^(?:in\\s+)?(?:which|what)\\s+(?:city|country|place|town|venue|location)\\s*(?:was|is|were|did)?\\s*${THAT}(?:\\s+(?:held|in|hosted|take\\s+place|happen))?$`, 'i')],
  ['date', new RegExp(`^when\\s*(?:was|is|were|are|did|does)?\\s*${THAT}(?:\\s+(?:held|happen|happening|take\\s+place|took\\s+place|hosted|organi[sz]ed))?$|^when$|^(?:on\\s+)?(?:which|what)\\s+(?:date|day|dates|days|month)\\s*(?:was|is|were|did)?\\s*${THAT}(?:\\s+(?:held|happen|take\\s+place))?$`, 'i')],
];

function reference(text: string): ReferenceKind | null {
  for (const [kind, re] of REFERENCES) if (re.test(text)) return kind;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Word classes (compromise's tagger)

/** A dateline: "LYON, France –", "BANGKOK, Thailand –". */
const DATELINE = /^[“"]?[\p{Lu}]{3,}(?:\s[\p{Lu}]{3,})?(?:\s*[/,]\s*[\p{Lu}][\p{L}]+)*,\s+[\p{Lu}][\p{L}]+/u;

/**
 * True when a sentence names a place: a dateline, or a word the tagger knows as a place or a people ("Bermuda",
 * "Lyon", "the Philippines", "Danish"). Stricter
 * than the sentence shapes' "in <Capitalised word>", which "capabilities in Victim Identification" also has: a "where
 * was that?" is answered only by a place.
 */
export function namesPlace(text: string): boolean {
  return DATELINE.test(text.trim()) || tagged(text).some((t) => t.tags.has('Place') || t.tags.has('Demonym'));
}

/** The people a text names, as the tagger reads them ("Stephen Kavanagh", "Ilana de Wild"), their words in order. */
export function peopleNamed(text: string): string[] {
  return tagged(text)
    .filter((t) => t.tags.has('Person'))
    .map((t) => t.text);
}


const isYear = (t: Term) => new RegExp(`^${YEAR}$`).test(t.text);
const isNoun = (t: Term) => !isYear(t) && (t.tags.has('Noun') || t.tags.has('Acronym') || t.tags.has('ProperNoun')) && !t.tags.has('Pronoun');
const isModifier = (t: Term) =>
  !isYear(t) && (t.tags.has('Adjective') || t.tags.has('Possessive') || t.tags.has('Value') || (t.tags.has('PastTense') && !t.tags.has('Copula')) || t.tags.has('Gerund'));
const isQuestionWord = (t: Term) => t.tags.has('QuestionWord') || /^(who|what|when|where|which|why|how|whose|whom)$/i.test(t.text);

/**
 * A short noun phrase standing alone ("experts", "new victims", "the ICSE database"), or null. A past participle
 * after it ("offenders arrested") is dropped: the previous question's verb stays.
 */
function nounPhrase(text: string, participle = true): { text: string; plural: boolean } | null {
  // Tagged after an article, so a word that may be a verb alone is read as the noun it is here ("and arrests?").
  const lead = /^(?:the|a|an)\s/i.test(text) ? '' : 'the ';
  let ts = tagged(lead + text)
    .slice(lead ? 1 : 0)
    .map((t) => ({ ...t, start: t.start - lead.length, end: t.end - lead.length }));
  while (participle && ts.length > 1 && ts[ts.length - 1]!.tags.has('PastTense') && !isNoun(ts[ts.length - 1]!)) ts = ts.slice(0, -1);
  if (ts.length === 0 || ts.length > 5) return null;
  text = text.slice(0, ts[ts.length - 1]!.end);
  let i = 0;
  if (ts[0]!.tags.has('Determiner')) i = 1;
  const rest = ts.slice(i);
  if (rest.length === 0 || !isNoun(rest[rest.length - 1]!)) return null;
  if (!rest.every((t) => isNoun(t) || isModifier(t) || /^(of|and|&)$/i.test(t.text))) return null;
  if (ts.some(isQuestionWord)) return null;
  const head = rest[rest.length - 1]!;
  return { text: text.trim(), plural: head.tags.has('Plural') || (!head.tags.has('Singular') && /[^s]s$/i.test(head.text)) };
}

/** The span of the thing a "how many"/"how much"/"number of" question counts: modifiers up to the last noun. */
function countedSpan(question: string): { start: number; end: number } | null {
  const ts = tagged(question);
  for (let i = 0; i < ts.length; i++) {
    const two = `${ts[i]!.text} ${ts[i + 1]?.text ?? ''}`.toLowerCase();
    if (!/^(?:how (?:many|much)|number of|amount of|total of)$/.test(two)) continue;
    let j = i + 2;
    if (ts[j]?.tags.has('Determiner')) j++;
    let end = -1;
    for (let k = j; k < ts.length && (isNoun(ts[k]!) || isModifier(ts[k]!)); k++) {
      if (isNoun(ts[k]!)) end = k;
      else if (end >= 0) break;
    }
    if (end >= j) return { start: ts[j]!.start, end: ts[end]!.end };
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rewriting the previous question

const YEAR_RE = new RegExp(`\\b${YEAR}\\b`, 'g');
const TIME_PHRASE = new RegExp(
  `\\s*\\b(?:(?:back\\s+)?in|of|at|during|for|from|by|as\\s+of|up\\s+to|until|till|through|since|before)?\\s*(?:the\\s+)?(?:year\\s+)?${YEAR}(?:\\s?[-–/]\\s?(?:\\d{4}|\\d{2}))?\\b|\\s*\\b(?:at\\s+|in\\s+|for\\s+)?(?:the\\s+)?(?:latest|newest|most\\s+recent(?:ly)?|recently|currently|now|today|nowadays|these\\s+days|lately)\\b(?:\\s+(?:one|meeting|conference|edition|event|session|gathering|report|year|time))?|\\s*\\b(?:at\\s+|in\\s+)?the\\s+(?:first|earliest|oldest)\\s+(?:one|meeting|conference|edition|event|session|gathering|report|year|time)\\b`,
  'gi',
);

const finish = (q: string) => `${q.replace(/\s+([?.!,])/g, '$1').replace(/\s{2,}/g, ' ').trim().replace(/[?.!]*$/, '')}?`;

/** The previous question with its time replaced. */
function withTime(previous: string, change: TimeChange, previousYear: number | null): string | null {
  let target: { kind: 'year'; year: number } | { kind: 'latest' } | { kind: 'earliest' };
  if (change.kind === 'shift') {
    if (previousYear === null) return null;
    target = { kind: 'year', year: previousYear + change.by };
  } else target = change;
  const years = yearsStated(previous);
  // One year named: put the new one in its place, keeping the sentence as it was ("the 2011 meeting" → "the 2014 meeting").
  if (target.kind === 'year' && years.length === 1) return finish(previous.replace(YEAR_RE, String(target.year)));
  const bare = previous.replace(TIME_PHRASE, '').replace(/[?.!\s]+$/, '');
  const phrase = target.kind === 'year' ? `in ${target.year}` : target.kind === 'latest' ? 'most recently' : 'the first time';
  return finish(`${bare} ${phrase}`);
}

/**
 * The previous question with the thing it counts replaced by `thing` ("how many countries attended?" + "and
 * experts?"); null when it counts nothing, or `thing` is not something counted ("and the chair?").
 */
function withThing(previous: string, thing: { text: string; plural: boolean }): string | null {
  const counted = countedSpan(previous);
  if (!counted || !thing.plural) return null;
  const bare = thing.text.replace(/^(?:the|a|an)\s+/i, '');
  return finish(previous.slice(0, counted.start) + bare + previous.slice(counted.end));
}

/**
 * How to take `message` after an answer to `previous` (the question as that answer understood it; null when there
 * is no previous answer). `previousYear` is the year of the previous answer's first source, for "the year before"
 * when the previous question named none.
 */
export function resolveFollowUp(message: string, previous: string | null, previousYear: number | null = null): Resolution {
  const asWritten: Resolution = { kind: 'new', question: message };
  if (previous === null) return asWritten;
  // A reference's context is the question it referred to: "and in 2014?" after "who said that? (after “…2011?”)".
  const stored = parseReference(previous);
  const base = stored?.previous ?? previous;
  const { text, connected } = core(message);
  if (text === '') return asWritten;
  const said = message.trim();
  const refer = (about: ReferenceKind, asked: string, of: string): Resolution => ({ kind: 'reference', question: referenceQuestion(asked, of), about, message: asked, previous: of });

  const about = reference(text);
  if (about) return refer(about, said, base);

  const baseYears = yearsStated(base);
  const yearOfBase = baseYears.length === 1 ? baseYears[0]! : previousYear;
  let needsYear = false;
  const timed = (question: string, change: TimeChange) => {
    const out = withTime(question, change, yearOfBase);
    needsYear ||= out === null;
    return out;
  };
  const unresolved = (): Resolution => (needsYear ? { ...asWritten, needsYear: true } : asWritten);
  const time = timeChange(text);
  if (time) {
    const question = timed(base, time);
    if (!question) return unresolved();
    // After a question about an answer ("who said that?", "and the chair?"), the same question of the other time.
    const again = stored && resolveFollowUp(stored.message, stored.previous);
    return again?.kind === 'reference' ? refer(again.about, again.message, question) : { kind: 'time', question };
  }
  const modifier = MODIFIER.exec(text);
  // A qualification replaces the one the previous question had: "in total?" after "…per day on average…" asks the
  // total, not a daily total.
  if (modifier) return { kind: 'thing', question: finish(`${base.replace(QUALIFIER, ' ').replace(/[?.!\s]+$/, '')} ${modifier[0]!.toLowerCase()}`) };
  const verb = withVerb(base, text);
  if (verb) return { kind: 'thing', question: verb };
  // A bare noun phrase needs a connective or a question mark to be a follow-up: "experts?", "and experts".
  const thing = connected || /\?\s*$/.test(message) ? thingAndTime(text.replace(HOW_MANY, '')) : null;
  // "how many experts attended in 2014?" is a question of its own: after "how many", only a noun phrase follows up.
  const phrase = thing && nounPhrase(thing.thing, !HOW_MANY.test(text));
  if (thing && phrase) {
    const replaced = withThing(base, phrase);
    const question = replaced && thing.time ? timed(replaced, thing.time) : replaced;
    if (question) return { kind: 'thing', question };
  }
  // A thing not counted ("and the chair?" after "who opened the 2014 meeting?"), or a question too short to name
  // its own subject ("who opened it?", "why?"): asked of the previous answer's article…
  if ((phrase && !thing!.time) || aboutSameThing(text)) return refer('topic', said, base);
  // …or of another time's ("and what was said about it in 2015?").
  const split = thingAndTime(text);
  if (split.time && PRONOUN.test(split.thing) && aboutSameThing(split.thing)) {
    const question = timed(base, split.time);
    if (question) return refer('topic', finish(split.thing), question);
  }
  return unresolved();
}

/**
 * "and identified?" after "how many people were arrested?": the previous question with its verb replaced; null
 * unless the message is one past participle and the previous question has one to replace.
 */
function withVerb(previous: string, text: string): string | null {
  if (/\s/.test(text)) return null;
  const [word] = tagged(`they were ${text}`).slice(2);
  if (!word || !word.tags.has('PastTense') || isNoun(word)) return null;
  const verbs = tagged(previous).filter((t) => t.tags.has('PastTense') && !t.tags.has('Copula') && !t.tags.has('Auxiliary') && !/^(?:had|been|did|was|were)$/i.test(t.text));
  const last = verbs[verbs.length - 1];
  return last ? finish(previous.slice(0, last.start) + text + previous.slice(last.end)) : null;
}

/** "and how many countries?": the thing counted, asked again of the previous question. */
const HOW_MANY = /^(?:how\s+many|how\s+much)\s+/i;

/**
 * Words that qualify nothing but a figure ("in total", "on average"): a follow-up made of one asks the previous
 * question again with it, in place of the previous question's own.
 */
const FIGURE_QUALIFIERS = 'in\\s+total|on\\s+average|per\\s+(?:year|day)|each\\s+year|altogether|overall';
/** Words that ask the previous question again with a qualification: "and in total?", "on average?". */
const MODIFIER = new RegExp(`^(?:${FIGURE_QUALIFIERS}|all\\s+together|in\\s+all|worldwide|globally|around\\s+the\\s+world|a\\s+year|a\\s+day)$`, 'i');
/**
 * The figure qualifiers inside a question, to be replaced by a new one; the other words a follow-up may qualify with
 * say more inside a question ("in all countries", "a year-long operation", "from around the world") and stay.
 */
const QUALIFIER = new RegExp(`\\s+\\b(?:${FIGURE_QUALIFIERS})\\b(?!-)`, 'gi');

const PRONOUN = /\b(?:it|its|they|them|their|he|him|his|she|her|hers|there|that|this|these|those)\b/i;
/** An English question word anywhere in a text. */
export const QUESTION_WORD = /\b(?:who|whom|whose|what|when|where|which|why|how)\b/i;

/**
 * A question about the same thing as the previous one, too short to name its own: a pronoun in place of it ("who
 * opened it?", "what was his job?", "how many countries was it connected to?"), or a question word with at most one
 * word of its own ("why?", "how many arrests?", "from how many countries?"). One that names a year or says more is
 * a new question.
 */
function aboutSameThing(text: string): boolean {
  if (yearsStated(text).length) return false;
  const own = contentTerms(text).length;
  if (PRONOUN.test(text)) return own <= 3 && text.split(/\s+/).length <= 9;
  // "what is sextortion?" names its subject: a question of its own.
  if (DEFINITION.test(text)) return false;
  return QUESTION_WORD.test(text) && own <= 1;
}

const DEFINITION = /^(?:what|who|where)(?:'s|\s+(?:is|are|was|were))\s+\S/i;
