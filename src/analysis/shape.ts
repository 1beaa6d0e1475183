/**
 * What a sentence holds, by its shape: counts (and what they count), dates, durations, names of people, places,
 * organisations and operations, sums of money, percentages, prison terms. Rules about English text shapes, never about
 * any article; worked out for every sentence when the index is built (`analysis/index.ts`).
 */
import { namesCountry } from './places.js';
import { isStopWord, tokenize, type Token } from './terms.js';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';

/**
 * A season as a time of year ("in the summer of 2014", "since autumn 2019", "until the spring"); "fall" only after "the",
 * where it is no verb.
 */
const SEASON = `\\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]y|[Oo]ver)\\s+(?:(?:the\\s+)?(?:early\\s+|late\\s+)?(?:spring|summer|autumn|winter)|the\\s+(?:early\\s+|late\\s+)?fall)\\b(?:\\s+(?:of\\s+)?(?:19|20)\\d\\d\\b)?`;

// A preposition may open the sentence ("In 2015, …", "In early March…"); a month is capitalised, as a name is.
const DATE = new RegExp(
  `\\b\\d{1,2}(?:\\s*(?:–|-|to)\\s*\\d{1,2})?\\s+${MONTH}\\b|\\b${MONTH}\\.?\\s+\\d{1,2}\\b|\\b(?:(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]y)\\s+(?:(?:early|late|mid-?)\\s*)?|(?:[Ii]n|[Bb]y|[Aa]t|[Uu]ntil)\\s+the\\s+(?:start|end|beginning|middle)\\s+of\\s+)(?:${MONTH}\\s+)?(?:19|20)\\d\\d\\b|\\b${MONTH}\\.?\\s+(?:19|20)\\d\\d\\b|\\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]etween)\\s+(?:early\\s+|late\\s+|mid-?)?${MONTH}\\b|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|${SEASON}`,
);
const COUNT_WORD = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)';
const DURATION = new RegExp(`\\b${COUNT_WORD}[- ](?:day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes)\\b|\\bsince\\s+(?:19|20)\\d\\d\\b`, 'i');
const TITLE =
  /\b(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame|Lord|Lady|MP|Commissioner|Governor|Premier|Minister|Director|Secretary|Senator|Rep|Sen|Representative|Attorney|Judge|Justice|Mayor|Sheriff|Ambassador|Inspector|Detective|Sergeant|Constable|Superintendent|Commander|Coordinator|Chair|Chairman|Chairwoman|President|Chief|officer)\b\.?\s+(?:[A-Z][\p{L}'’-]+)/u;
const NAME_WORD = "[A-Z](?:[\\p{Ll}]+(?:[-'’][A-Z]?[\\p{Ll}]+)?|['’][A-Z][\\p{Ll}]+|\\.)";
const NAME = new RegExp(`(?:^|[^.!?]\\s)${NAME_WORD}\\s+(?:(?:de|van|von|da|del|[A-Z]\\.)\\s+)?${NAME_WORD}`, 'u');
const SAID = /\b(?:said|says|added|commented|stated|concluded|noted|stressed|underscored|explained|told|opened|opening|announced|warned|according\s+to)\b/i;
const PLACE = new RegExp(`\\b(?:in|at)\\s+(?:the\\s+)?(?!${MONTH}\\b)(?:[A-Z][\\p{L}]+|[A-Z]\\.(?:[A-Z]\\.?)+)|^[“"]?[A-Z]{3,}(?:\\s[A-Z]{3,})?,\\s+[A-Z][\\p{L}]+`, 'u');
/** A sum of money: a currency sign, code or word after the figure, the word qualified by its country ("1,800 US dollars", "Australian dollars"). */
const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|thousand|m|bn|k)?\s*(?:(?:U\.?S\.?|[a-z]+an|Hong\s+Kong|New\s+Zealand)\s+)?(?:dollars?|euros?|pounds?|francs?|USD|EUR|GBP|CHF)\b|\b(?:USD|EUR|GBP|CHF)\s?\d/i;
const PERCENTAGE = /\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b|percentage\s+points?\b)|\b(?:half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters|one[-\s]in[-\s](?:\w+|\d+)|\d+[-\s]in[-\s]\d+|(?:two|three|four|five|ten)fold|doubled|tripled|quadrupled|halved)\b/i;
const PERCENTAGE_FIGURE = /\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b)/gi;
const PRISON = /\b(?:sentenced|sentences?|jailed|imprisoned|imprisonment|prison|jail|behind\s+bars)\b/i;
/** A term with no length: life. */
const LIFE_TERM = /\b(?:life\s+(?:sentence|imprisonment|in\s+prison|term)|for\s+life|to\s+life)\b/i;
const NAMED = /\b(?:Operation|Project|Task\s?Force|Taskforce|Programme|Program|Initiative|Campaign)\s+[\p{Lu}\d][\p{L}\d'’-]*|\b(?:called|named|dubbed|code-?named|known\s+as)\s+[“"‘']?[\p{Lu}\d]|[“"‘'][\p{Lu}][^“”"]{1,40}[”"’']/u;
/** A capitalised word inside a sentence (not its first word): some proper name. */
const PROPER_INSIDE = /[\p{Ll},;:]\s+(?:[\p{Lu}][\p{Ll}]+|[\p{Lu}]{2,})\b/u;
const ORGANISATION =
  /\b(?:[\p{Lu}][\p{L}'’-]+\s+)+(?:Police|Agency|Bureau|Foundation|Centre|Center|Ministry|Department|Office|Commission|Service|Council|Unit|Force|Association|Organi[sz]ation|Coalition|Institute|Trust|Network|Alliance|Authority|Constabulary|Guard)\b|\b(?:Europol|Interpol|INTERPOL|UNICEF|UNODC|Eurojust)\b|\b[\p{Lu}]{2,6}\b(?!\s+\d)/u;
/** An age: "a 23-year-old", "aged 40", "between the ages of 40 and 64", "in his 40s", "under 18". */
const AGE_NUMBER = '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)';
const AGE = new RegExp(
  `\\b${AGE_NUMBER}[- ](?:years?|months?)[- ]olds?\\b|\\bas\\s+young\\s+as\\s+(?:${AGE_NUMBER}|a\\s+few)\\b|\\b${AGE_NUMBER}\\s+(?:years?|months?)\\s+(?:old|of\\s+age)\\b|\\baged?\\s+(?:between\\s+|from\\s+|of\\s+)?${AGE_NUMBER}\\b|\\bages\\s+(?:of\\s+|between\\s+|from\\s+)?${AGE_NUMBER}\\b|\\b(?:in\\s+)?(?:his|her|their)\\s+(?:early\\s+|late\\s+|mid-?)?(?:teens|\\d0s|twenties|thirties|forties|fifties|sixties|seventies)\\b|\\b(?:under|over)\\s+(?:the\\s+age\\s+of\\s+)?${AGE_NUMBER}\\b(?!\\s*(?:%|per\\s?cent|million|thousand|[a-z]))|\\b(?:toddlers?|infants?|babies|baby|teenagers?|teenaged?|pre-?teens?)\\b`,
  'i',
);
const ORDINAL = /\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i;

/** True when a sentence says who said something: a verb of saying and a titled or full name ("said officer Anders Persson"). */
export function namesSpeaker(text: string): boolean {
  return SAID.test(text) && (TITLE.test(text) || NAME.test(text));
}

/**
 * True when a sentence names a person, not only describes one ("a 30-year-old man from Sydney"): a titled name, a
 * name right before or after a verb of saying ("John Smith said"), one set off by commas or opening an apposition
 * ("…, Ruecha Tokputza, …", "John Smith, a 30-year-old…", "Steven Wilson, Head of EC3"), or one given as named
 * ("named as John Smith"). A capitalised pair after a preposition is not one ("from New South Wales"), nor one set
 * off by commas that is a country or opens with "The" ("Officers from Canada, New Zealand, Germany…", "…in The Hague,
 * headquarters of…").
 */
export function namesPerson(text: string): boolean {
  if (TITLE.test(text) || NAMED_PERSON.test(text)) return true;
  return [...text.matchAll(SET_OFF)].some((m) => !m[1]!.startsWith('The ') && !namesCountry(m[1]!));
}
/** An office written right after a name and its comma ("Steven Wilson, Head of EC3", "Rob Wainwright, head of Europol"). */
const OFFICE_AFTER_NAME = `(?:${'head chief director deputy president chair chairman chairwoman spokesperson spokesman spokeswoman commissioner secretary minister executive founder manager superintendent inspector detective'
  .split(' ')
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|')})`;
const NAME_PAIR = `${NAME_WORD}\\s+(?:(?:de|van|von|da|del|[A-Z]\\.)\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD})?`;
/** A capitalised pair set off by commas ("…, Ruecha Tokputza, …"), matched with lookarounds so that each pair of a list is read. */
const SET_OFF = new RegExp(`(?<=,\\s)(${NAME_PAIR})(?=,)`, 'gu');
/** The verbs of saying beside which a capitalised pair is a person ("John Smith said", "commented Tony Hogg"). */
const SAYING = 'said|says|told|added|commented|stated';
const NAMED_PERSON = new RegExp(
  [
    `(?:^|[^.!?]\\s)${NAME_PAIR}\\s+(?:${SAYING})\\b`,
    `\\b(?:${SAYING})\\s+${NAME_PAIR}`,
    `\\bnamed\\s+(?:as\\s+)?${NAME_PAIR}`,
    `(?:^|[^.!?]\\s)${NAME_PAIR},\\s+(?:(?:a|an|the)\\b|\\d|${OFFICE_AFTER_NAME}\\b)`,
  ].join('|'),
  'u',
);

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

/** Stop words that stay inside what a count counts ("52 other countries"). */
const COUNTED_INSIDE = new Set(['other', 'more', 'further', 'own']);

/** Words that join a count's subject to what happened to it ("46 suspects *were* arrested", "*have been* charged"). */
const AUXILIARIES = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'being', 'be']);
/** A regular past participle in lower case ("arrested", "recorded"): the verb of a count's subject or of a question. */
export const REGULAR_PARTICIPLE = /^[a-z]{3,}ed$/;
/** Past participles of a few common irregular verbs ("caught", "held"). */
const IRREGULAR_PARTICIPLES = new Set(['caught', 'held', 'found', 'taken', 'seen', 'sent', 'sold', 'brought', 'kept', 'shown', 'given']);
const isParticiple = (word: string) => REGULAR_PARTICIPLE.test(word) || IRREGULAR_PARTICIPLES.has(word);

/** Content words after a count that may name what it counts ("2,345 identified victims"). */
const COUNT_WINDOW = 2;

/**
 * Words that put what a sentence counts before its figure: "the number of sextortion cases … rose to 26,718". The
 * content words after them (up to the first small word, at most `COUNTED_AHEAD`) are counted when the sentence holds a
 * figure.
 */
const COUNT_NOUNS = new Set(['number', 'total', 'tally', 'count']);
const COUNTED_AHEAD = 4;

/** Content words read after a count for what it counts ("tens of thousands of child pornography images"). */
const HEAD_WINDOW = 5;

/** Plurals not made with "s". */
const IRREGULAR_PLURALS = new Set(['children', 'men', 'women', 'people', 'police', 'staff']);

/**
 * True when a lower-case word reads as a plural noun: an irregular plural, or a word of four letters or more ending in
 * "s" but not in "ss", "us" or "is" ("reports", "countries"; not "process", "status", "analysis"). What a count of more
 * than one is of is written in the plural, before the words that qualify it ("245 reports containing … images").
 */
export function isPluralWord(word: string): boolean {
  return IRREGULAR_PLURALS.has(word) || /^[a-z-]{3,}(?<![siu])s$/.test(word);
}

/**
 * What a count is of: among the content words from `from` on (up to the first small word or number, or a participle
 * after one; at most `window`), the first plural, else the last ("one man").
 */
function countedHead(tokens: Token[], from: number, window: number): string | undefined {
  let head: string | undefined;
  for (let j = from, taken = 0; j < tokens.length && taken < window; j++) {
    const t = tokens[j]!;
    if (t.isNumber || NUMBER_WORDS.has(t.word) || (taken > 0 && isParticiple(t.word))) break;
    if (isStopWord(t)) {
      if (COUNTED_INSIDE.has(t.word)) continue;
      break;
    }
    if (isPluralWord(t.word)) return t.term;
    head = t.term;
    taken++;
  }
  return head;
}

/** How many words apart a count and a year may be for the count to be that year's ("8,600 confirmed webpages in 2022"). */
const YEAR_FIGURE_WINDOW = 5;

/**
 * True when the text writes a count within a few words of the year ("from 139 in 2021 to…", "assessed in 2022
 * (375,230)", "8,600 confirmed webpages in 2022"): the count is that year's. A share beside it is not a count ("19%
 * more than in 2022"), nor is another year.
 */
export function statesCountBeside(text: string, year: number): boolean {
  const tokens = tokenize(text.replace(PERCENTAGE_FIGURE, ' % '));
  const isCountToken = (t: Token) => (t.isNumber && isCount(t.term)) || NUMBER_WORDS.has(t.word);
  return tokens.some(
    (t, i) =>
      t.isNumber &&
      t.term === String(year) &&
      tokens.slice(Math.max(0, i - YEAR_FIGURE_WINDOW), i + YEAR_FIGURE_WINDOW + 1).some((n, k) => k !== Math.min(i, YEAR_FIGURE_WINDOW) && isCountToken(n)),
  );
}

/** What a sentence holds, worked out once per sentence when the index is built (not per question). */
export interface SentenceShape {
  /** Terms that follow a count closely enough to be what it counts ("52 countries" → countri). */
  countedTerms: Set<string>;
  /**
   * What each count is of, the first plural of its counted words ("tens of thousands of child pornography images
   * were…" → imag, "four arrests and three children" → arrest, children; `countedHead`), and what happened to it
   * ("46 suspects were *arrested*").
   */
  countedHeads: Set<string>;
  hasCount: boolean;
  /** 0–1 per kind of answer (person: 0.5 for a bare name, 1 for a titled or quoted one). */
  money: number;
  date: number;
  duration: number;
  person: number;
  place: number;
  ordinal: number;
  /** Some age: "a 23-year-old", "aged 40", "between the ages of 40 and 64", "toddlers". */
  age: number;
  percentage: number;
  /** 1: a prison term (a prison word and a duration), 0.5: a prison word alone. */
  prison: number;
  /** 1: a named operation/project or "called X", 0.5: some capitalised name inside the sentence. */
  name: number;
  organisation: number;
}

export function sentenceShape(text: string): SentenceShape {
  // A share ("25%") is not a count of the word after it.
  const all = tokenize(text.replace(PERCENTAGE_FIGURE, ' '));
  const countedTerms = new Set<string>();
  const countedHeads = new Set<string>();
  let hasCount = false;
  const isNumberWord = (t: Token | undefined) => !!t && (t.isNumber || NUMBER_WORDS.has(t.word));
  const isCountToken = (t: Token) => (t.isNumber && isCount(t.term)) || NUMBER_WORDS.has(t.word);
  const isMonth = (t: Token | undefined) => MONTH_WORD.test(t?.word ?? '');
  all.forEach((t, i) => {
    // A day of the month ("18 – 20 November", "March 14") is a date, not a count.
    if (!isCountToken(t) || isMonth(all[i + 1]) || isMonth(all[i - 1])) return;
    hasCount = true;
    // What the whole number counts ("a quarter million video clips", "hundreds of thousands of images"): the words
    // after it up to the first stop word — "250,000 images of child abuse" counts images, not children.
    let j = i + 1;
    while (isNumberWord(all[j]) || (all[j]?.word === 'of' && NUMBER_WORDS.has(all[j - 1]!.word))) j++;
    const head = countedHead(all, j, HEAD_WINDOW);
    if (head) countedHeads.add(head);
    let taken = 0;
    for (; j < all.length && taken < COUNT_WINDOW; j++) {
      const n = all[j]!;
      if (isNumberWord(n)) break;
      if (isStopWord(n)) {
        if (COUNTED_INSIDE.has(n.word)) continue;
        break;
      }
      countedTerms.add(n.term);
      taken++;
    }
    // "337 suspected users have been arrested" counts arrests too: a participle after the counted words' auxiliaries.
    if (taken > 0) {
      while (j < all.length && !AUXILIARIES.has(all[j]!.word) && !isStopWord(all[j]!) && !isNumberWord(all[j])) j++;
      let k = j;
      while (k < all.length && AUXILIARIES.has(all[k]!.word)) k++;
      const verb = all[k];
      if (k > j && verb && isParticiple(verb.word)) {
        countedTerms.add(verb.term);
        countedHeads.add(verb.term);
      }
    }
  });
  if (hasCount) {
    all.forEach((t, i) => {
      if (!COUNT_NOUNS.has(t.word) || all[i + 1]?.word !== 'of') return;
      const head = countedHead(all, i + 2, COUNTED_AHEAD);
      if (head) countedHeads.add(head);
      for (let j = i + 2; j < all.length && j < i + 2 + COUNTED_AHEAD; j++) {
        const n = all[j]!;
        if (isStopWord(n) || isNumberWord(n)) break;
        countedTerms.add(n.term);
      }
    });
  }
  const yes = (re: RegExp) => (re.test(text) ? 1 : 0);
  return {
    countedTerms,
    countedHeads,
    hasCount,
    money: yes(MONEY),
    date: yes(DATE),
    duration: yes(DURATION),
    person: TITLE.test(text) || (NAME.test(text) && SAID.test(text)) ? 1 : NAME.test(text) ? 0.5 : 0,
    place: yes(PLACE),
    ordinal: yes(ORDINAL),
    age: yes(AGE),
    percentage: yes(PERCENTAGE),
    prison: PRISON.test(text) ? (DURATION.test(text) || LIFE_TERM.test(text) ? 1 : 0.5) : 0,
    name: NAMED.test(text) ? 1 : PROPER_INSIDE.test(text) ? 0.5 : 0,
    organisation: yes(ORGANISATION),
  };
}

const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');

/** True for a month's name or its abbreviation ("may", "aug"), in any case. */
export const isMonthWord = (word: string): boolean => MONTH_WORD.test(word);

/** What the shape rules are made of (patterns and word lists), for the analysis fingerprint (`analysis/index.ts`). */
export const SHAPE_RULES: readonly string[] = [
  ...[DATE, DURATION, TITLE, NAME, SAID, PLACE, MONEY, PERCENTAGE, PERCENTAGE_FIGURE, PRISON, LIFE_TERM, NAMED, PROPER_INSIDE, ORGANISATION, ORDINAL, AGE, MONTH_WORD].map(String),
  [...NUMBER_WORDS].join(' '),
  [...COUNTED_INSIDE].join(' '),
  String(COUNT_WINDOW),
  [...COUNT_NOUNS].join(' '),
  String(COUNTED_AHEAD),
];
