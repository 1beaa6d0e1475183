/**
 * Text → terms, for comparing a question with sentences. Numbers keep their value ("5,140" and "5140" are one term),
 * words are stemmed with Porter's algorithm so "countries"/"country" and "attended"/"attend" meet, and words that carry
 * no meaning in a question are dropped.
 */
import { stemmer as porterStem } from 'stemmer';

const STOP_WORDS = new Set(
  ('a about above after again all also am an and any are as at be been before being below between both but by can ' +
    'could did do does doing down during each else ever few for from further get got had has have having he her here ' +
    'hers him his how i if in into is it its itself just let me more most my no nor not now of off on once only or ' +
    'other our ours out over own same she should so some such than that the their theirs them then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours tell say said says know please thanks thank many much anything something ' +
    'did does happen happened number numbers figure figures total count amount ' +
    // Greetings and fillers of a chat message ("hey, how many…"): a word no article uses would otherwise weigh as
    // the rarest word of the question.
    'hey hi hello hiya yo ok okay pls plz thx um uh hmm ' +
    // Contractions typed without their apostrophe ("whats the latest…"): no article writes them, so they would weigh
    // as the rarest word of the question.
    'whats whos wheres whens hows whys thats theres isnt arent wasnt werent dont doesnt didnt')
    .split(' '),
);

/**
 * The stem of a word: Porter's algorithm (the `stemmer` package), the same one SQLite's FTS5 `porter` tokenizer applies
 * to the lexical index, so a word counted here is the word the engine scored. A possessive "'s" is dropped first.
 */
export function stem(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = porterStem(withoutPossessive(word));
    // A vocabulary is far smaller than the words a large corpus's candidates hold; cleared when full, so bounded.
    if (STEMS.size >= STEM_MEMO_SIZE) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

/** A word without its possessive ending ("interpol's" → "interpol", "boys'" → "boys"). */
export function withoutPossessive(word: string): string {
  return word.replace(/['’]s?$/, '');
}

/** Stems already worked out, by word as written. */
const STEMS = new Map<string, string>();
const STEM_MEMO_SIZE = 200_000;

export interface Token {
  /** The index term (stem, or the digits of a number). */
  term: string;
  /** The word as written, lower-cased (numbers: as the term). */
  word: string;
  isNumber: boolean;
}

// An ordinal ("32nd", "39TH", "39Th") is one word, not a count; then numbers ("5,140", "7.5"), then words — a word's
// digits after its first letter are its own ("G8", "EC3", "P2P" are names, not "g" and a count of 8).
const TOKEN = /\d+(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])\b|\d[\d,.]*\d|\d|[\p{L}][\p{L}\p{M}\p{N}'’-]*/gu;

/** Two-word verbs that mean one word, folded so they meet their one-word forms ("took part" → "participated"). */
const PHRASES: [RegExp, string][] = [
  [/\b(take|takes|took|taking|taken) part\b/gi, 'participated'],
  [/\b(show|shows|showed|showing|shown) up\b/gi, 'attended'],
  [/\b(set|sets|setting) up\b/gi, 'establish'],
];

/** Whether a text may hold one of `PHRASES` (each ends in one of these words). */
const MAYBE_PHRASE = /\b(?:part|up)\b/i;
/** ASCII text is already in NFKC form. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A text with its letters' accents taken off ("Sûreté" → "Surete") and a typographic apostrophe made a plain one
 * ("O’Connell" → "O'Connell"), as people type them; other characters as they are.
 */
export function foldAccents(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/(\p{L})\p{Mn}+/gu, '$1').normalize('NFC').replace(/’/g, "'");
}

/**
 * Every token of a text in order, stop words included (needed to see "52 countries" as a number next to a noun).
 * Run on every candidate sentence and article of a large corpus, so the work that most texts do not need
 * (normalising, phrase folding, splitting hyphens) is skipped when a cheap test says so.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // Accents folded, as people type them ("cafes", "quebec") and as the lexical engine reads (`remove_diacritics`).
  let text = NON_ASCII.test(input) ? foldAccents(input.normalize('NFKC')) : input;
  if (MAYBE_PHRASE.test(text)) text = PHRASES.reduce((t, [re, word]) => t.replace(re, word), text);
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const first = raw.charCodeAt(0);
    const isNumber = first >= 48 && first <= 57 && /^\d[\d,.]*$/.test(raw);
    if (isNumber) {
      const term = raw.replace(/,(?=\d{3}\b)/g, '').replace(/\.$/, '');
      tokens.push({ term, word: term, isNumber });
    } else if (!raw.includes('-')) {
      const word = raw.toLowerCase();
      tokens.push({ term: stem(word), word, isNumber });
    } else {
      for (const part of raw.toLowerCase().split('-')) {
        // "covid-19": the number after the hyphen is a number still.
        if (/^\d+$/.test(part)) tokens.push({ term: part, word: part, isNumber: true });
        else if (part) tokens.push({ term: stem(part), word: part, isNumber });
      }
    }
  }
  return tokens;
}

export function isStopWord(token: Token): boolean {
  // "what's", "who's", "it's": a stop word with "'s" is one too; "doesn't" is one as "doesnt" is.
  const w = token.word;
  return !token.isNumber && (STOP_WORDS.has(w) || w.length < 2 || STOP_WORDS.has(w.replace(CONTRACTED_S, '')) || STOP_WORDS.has(w.replace(APOSTROPHES, '')));
}

const APOSTROPHES = /['’]/g;

const CONTRACTED_S = /['’]s$/;

/** The terms that carry meaning: stop words dropped (checked on the stem and on common unstemmed forms). */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopWord(t))
    .map((t) => t.term);
}

/**
 * Everyday English words that news prose says differently from the people asking ("kids" for "children",
 * "cops" for "police"). Each group is one meaning; a question word also matches the other words of its group.
 * General vocabulary only: nothing here names an article, a person or a figure.
 */
const SYNONYM_GROUPS = [
  'meeting conference gathering summit workshop session',
  'kid kids child children minor minors youngster',
  'saved rescued rescue freed',
  'cop cops police officer officers enforcement investigator investigators',
  'attend attended attendee attendees',
  'participant participants participate participated',
  'paid funded financed fund funding sponsored',
  'supported backed support backing',
  'replaced successor replace predecessor',
  'started launched began begun founded created',
  'country countries nation nations',
  'expert experts specialist specialists',
  'picture pictures image images photo photos',
  'arrested arrest arrests caught detained',
  'boss head chief director',
  'said told stated noted',
  'dead died die deceased',
];

const SYNONYMS = new Map<string, string[]>();
/** One written form of each stem met in the groups, so the lexical engine (which stems for itself) can be asked about it. */
const WORD_OF_STEM = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const words = group.split(' ');
  const stems = [...new Set(words.map(stem))];
  words.forEach((w) => WORD_OF_STEM.has(stem(w)) || WORD_OF_STEM.set(stem(w), w));
  for (const s of stems) SYNONYMS.set(s, [...new Set([...(SYNONYMS.get(s) ?? []), ...stems])]);
}

/** What the terms are made of (token pattern, folded phrases, stop words), for the analysis fingerprint (`analysis/index.ts`). */
export const TERM_RULES: readonly string[] = [String(TOKEN), ...PHRASES.map(([re, word]) => `${String(re)}→${word}`), [...STOP_WORDS].join(' ')];

/** A match through a synonym counts this much of a match of the word itself: the asker chose their word. */
export const SYNONYM_WEIGHT = 0.5;

/** A question term and the terms that mean the same (the term itself first). */
export function alternatives(term: string): string[] {
  const group = SYNONYMS.get(term);
  return group ? [term, ...group.filter((t) => t !== term)] : [term];
}

/** A question's content word: its stem (compared with sentence terms) and the word as asked (given to the engine). */
export interface QueryTerm {
  term: string;
  word: string;
}

/** The question's content words, each stem once. */
export function queryTerms(text: string): QueryTerm[] {
  const seen = new Map<string, QueryTerm>();
  for (const t of tokenize(text)) if (!isStopWord(t) && !seen.has(t.term)) seen.set(t.term, { term: t.term, word: t.word });
  return [...seen.values()];
}

/** A word the lexical engine can be asked about for a term: the question's own word, or a synonym's written form. */
export function wordForTerm(term: string, asked: QueryTerm[]): string {
  return asked.find((q) => q.term === term)?.word ?? WORD_OF_STEM.get(term) ?? term;
}

/**
 * The words to give the lexical engine: each question word with weight 1 and each synonym with `SYNONYM_WEIGHT`
 * (a word wins over a synonym), one written form per stem so no meaning is counted twice.
 */
export function expandQuery(asked: QueryTerm[]): Map<string, number> {
  const byTerm = new Map<string, number>();
  for (const q of asked) for (const a of alternatives(q.term)) byTerm.set(a, Math.max(byTerm.get(a) ?? 0, a === q.term ? 1 : SYNONYM_WEIGHT));
  return new Map([...byTerm].map(([term, weight]) => [wordForTerm(term, asked), weight]));
}
