/**
 * The role a "who" question asks about: "who chaired the 2023 meeting?" asks for the person who *chaired*, "who is the
 * nspcc's head of child safety?" for the *head*. A story answers only if one of its sentences names a person (or a
 * body) together with that role word; a story on the same meeting that names nobody as chair does not, however close
 * its topic. Rules about English question shapes, never about any article.
 */
import { alternatives, contentTerms, isStopWord, namesCountry, REGULAR_PARTICIPLE, tokenize, type Token } from '../analysis/index.js';
import { ROLE_NOUNS } from './answer-type.js';
import { NAME_HEADS } from './names.js';

const termOf = (word: string) => tokenize(word)[0]!.term;

/** Verbs that ask who said something: any sentence quoting or naming a speaker answers them (`namesSpeaker`). */
const SPEECH = new Set(
  'said says say told tell called call described describe warned warn stressed added commented comment quoted quote noted explained urged'.split(' '),
);
/**
 * Verbs of holding an office or running an event ("who chaired…?", "who heads…?", "who opened…?"): a story that
 * answers writes them, or their noun ("chair", "head"), somewhere. Other verbs ("who announced…?") are said in too
 * many ways ("X said it would set up…") for their absence to tell; "who hosted…?" is as often answered by a place
 * ("the meeting in Bermuda").
 */
const OFFICE_VERBS = new Set(
  'chair chairs chaired head heads headed lead leads led open opens opened direct directs directed preside presides presided moderate moderates moderated run runs ran founded coordinate coordinates coordinated oversee oversees oversaw prosecute prosecutes prosecuted'.split(' '),
);
/** The verbs of office as terms: "who was running…?" asks who ran. */
const OFFICE_TERMS = new Set([...OFFICE_VERBS].map((w) => termOf(w)));
/** A verb of office in another sense: "led to" (caused), "headed for" (went). */
const OTHER_SENSE = /\b(?:lead|leads|led|leading)\s+to\b|\b(?:head|heads|headed|heading)\s+(?:to|for|towards|back|home|off|out|into)\b/gi;

/**
 * A sentence's terms (`terms`, as the index stores them) without the verbs of office it writes in another sense ("led
 * to a search warrant"): read again only for a sentence that writes one.
 */
export function officeVerbTerms(text: string, terms: ReadonlySet<string>): ReadonlySet<string> {
  const without = text.replace(OTHER_SENSE, ' ');
  return without === text ? terms : new Set(contentTerms(without));
}

/**
 * Verbs that only join "who" to the role ("who was the chair"). Not "has", "have", "had": "who had the last word?",
 * "who has to approve…?" own or must do something, not hold an office.
 */
const COPULA = new Set(['was', 'is', 'were', 'are', 'be', 'been', 'will', 'would', 'could', 'can']);
/** "who did/does/do X <verb>": "who" is what the verb acts on, not the holder of an office. */
const AUXILIARY = new Set(['did', 'does', 'do']);
/** The nouns that ask for a person in "which official…" (the role is the noun itself). */
const PERSON_ASKED = new RegExp(`^(?:which|what)\\s+(?:\\w+\\s+)?(${ROLE_NOUNS.join('|')})\\b`, 'i');

export interface AskedRole {
  /** The question asks who said something: no role word to look for. */
  speech: boolean;
  /** The role is a verb ("who opened…?"), not a noun ("who was the chair?"). */
  verb: boolean;
  /**
   * The role's words ("deputy director general"), each as its stems with their synonyms: a sentence holds the role
   * when it holds one of each group.
   */
  words: string[][];
  /** Per word, the titles that name its holder before a name instead ("Mr Justice Royce" for a judge; `TITLES_OF`). */
  titles?: Title[][];
  /** The ranks the question writes ("acting", "assistant"): a role word after one of them is the one asked. */
  ranks?: string[];
}

/**
 * Where the caller took a time phrase out of the question (`withoutTimePhrases(question, TIME_MARK)`): the role ends
 * there ("europol's director [during the 2016] task force" asks a director, not a task force's).
 */
export const TIME_MARK = '\u0001';

/** Words of titles, a role even where the corpus writes them as a name ("NCA Director General"). */
const TITLE_WORDS = new Set(
  'director general chief executive ceo head deputy assistant commissioner minister secretary president chair chairman chairwoman coordinator officer attorney prosecutor superintendent inspector commander governor premier mayor spokesperson spokesman spokeswoman marshal sheriff ambassador senator'.split(' '),
);

/** Nouns for anyone at all: no office. */
const ANYONE = new Set('man woman men women person people boy girl guy individual one'.split(' '));

/** After a role's first word, a word in "-ing" not followed by a title word is a verb about its holder, not part of the role. */
const PRESENT_PARTICIPLE = /^[a-z]{3,}ing$/;

const isAdverb = (t: Token) => /ly$/.test(t.word) && t.word.length > 4;

/**
 * A word of the question that names a country ("the us attorney", "the uk minister"): the role's place, not the role.
 * Read as written in capitals ("US", "UK") or as a name ("Australia"); a stop word never ("in", "no").
 */
const namesCountryWord = (t: Token) =>
  !isStopWord(t) && (namesCountry(t.word.toUpperCase()) || namesCountry(t.word[0]!.toUpperCase() + t.word.slice(1)));

/**
 * The role a "who" question asks about, or null when it asks none this can read ("who is jane okafor?": a name, no
 * role). `nameTerms`: the stems of the question's names, which are the thing, not the role ("who heads the *rcmp's*
 * centre?"). `unknownTerms`: the stems of its words no article uses, which qualify the role unless they are titles.
 */
export function askedRole(question: string, nameTerms: ReadonlySet<string>, unknownTerms: ReadonlySet<string> = new Set()): AskedRole | null {
  const q = question.toLowerCase().trim().replace(/^who['’]s\b/, 'who is');
  const plain = q.replaceAll(TIME_MARK, ' ');
  // "who were the notices aimed at?": "who" is the object, and the words after the verb are the thing, not a role.
  if (/\b(?:at|for|to|with|by|from|on|against|about)\s*[?.!]*$/.test(plain)) return null;
  const ranks = tokenize(plain).filter((t) => RANK.has(t.word)).map((t) => t.word);
  const role = (terms: string[], verb: boolean) => ({ ...roleOf(terms, verb), ...(ranks.length ? { ranks } : {}) });
  const which = PERSON_ASKED.exec(plain);
  const rest = which ? null : /^(?:who|whose)\s+(.*)$/.exec(q)?.[1];
  if (which) return role([tokenize(which[1]!)[0]!.term], false);
  if (!rest) return null;
  // Each token knows whether a time phrase stood before it.
  const tokens = rest
    .split(TIME_MARK)
    .flatMap((part, i) => tokenize(part).map((t, j) => ({ ...t, afterTime: i > 0 && j === 0 })))
    .filter((t) => !isAdverb(t));
  const first = tokens[0];
  if (!first) return null;
  if (SPEECH.has(first.word)) return { speech: true, verb: true, words: [] };
  // "who did the couple sell their kids to?", "who does sextortion hit hardest?": "who" is the object of a verb, no office.
  if (AUXILIARY.has(first.word)) return null;
  if (!COPULA.has(first.word)) return OFFICE_VERBS.has(first.word) ? role([first.term], true) : null;
  // "who was running the iwf?" asks who ran it.
  const second = tokens[1];
  if (second && PRESENT_PARTICIPLE.test(second.word) && OFFICE_TERMS.has(second.term)) return role([second.term], true);
  // "who was [the] [interpol's] deputy director general [in 2014]?": the noun run after the copula.
  const run: Token[] = [];
  const after = tokens.slice(1);
  for (const [i, t] of after.entries()) {
    if (t.afterTime && run.length) break;
    if (t.word === 'the' || t.word === 'a' || t.word === 'an') {
      if (run.length) break;
      continue;
    }
    // A possessive or a name belongs to the thing the role is of ("interpol's", "the nca"), unless it is a title
    // ("director general", which the corpus may write as part of a name).
    // So does the noun of a named thing before the role ("the blackwrist *site* admin").
    // So does a country ("the us attorney").
    if (/['’]s$/.test(t.word) || (nameTerms.has(t.term) && !TITLE_WORDS.has(t.word)) || NAME_HEADS.has(t.word) || (!run.length && namesCountryWord(t))) {
      if (run.length) break;
      continue;
    }
    // A participle ends the role ("who was quoted…", "who was the man arrested…"); so does one in "-ing" after the role's
    // first word ("the attorney general announcing the results"), unless a title word follows ("chief operating officer").
    const verbInIng = run.length > 0 && PRESENT_PARTICIPLE.test(t.word) && !TITLE_WORDS.has(after[i + 1]?.word ?? '');
    if (isStopWord(t) || t.isNumber || REGULAR_PARTICIPLE.test(t.word) || verbInIng) break;
    run.push(t);
  }
  // "who was the man arrested?", "who was the second man jailed?", "who was the man behind…?" ask who, not what office.
  if (run.some((t) => ANYONE.has(t.word))) return null;
  // "who was it?", "who is jane okafor?" ask no role: a name was skipped above. "who was quoted…?" asks a speaker.
  if (!run.length) return SPEECH.has(tokens.slice(1).find((t) => !isStopWord(t) && !nameTerms.has(t.term))?.word ?? '') ? { speech: true, verb: true, words: [] } : null;
  // A word no article uses that is no title qualifies the role ("the saps spokesperson"): no story can write it, so it is
  // not asked of one.
  const known = run.filter((t) => !unknownTerms.has(t.term) || TITLE_TERMS.has(t.term));
  return role((known.length ? known : run).map((t) => t.term), false);
}

/** A title as a term (what a sentence's terms hold) and as written before a name (`title`). */
interface Title {
  term: string;
  beforeName: RegExp;
}

/** Capitalised words after a title that make it an institution's name, not a person's title. */
const INSTITUTION = 'Department|Ministry|Minister|Secretary|Committee|System|Policy|Division|Section';

/** The title written before a name ("Mr Justice John Royce"), not after "of" ("the Department of Justice"). */
function title(written: string): Title {
  return { term: termOf(written), beforeName: new RegExp(`(?<!\\bof\\s+(?:the\\s+)?)\\b${written}\\s+(?!(?:${INSTITUTION})\\b)\\p{Lu}\\p{Ll}+`, 'u') };
}

/**
 * Titles that name a role's holder without its word, written before the name: a judge is "Mr Justice Royce",
 * "Magistrate Lee" — not the "Justice Department" or the "Ministry of Justice".
 */
const TITLES_OF: Record<string, Title[]> = { [termOf('judge')]: ['Justice', 'Magistrate'].map(title) };

/**
 * Other ways to write a role word: an abbreviation written out (the CEO is the "chief executive"), and a title's usual
 * abbreviation before a name (the detective sergeant is "Det. Sgt. Kim Gross").
 */
const WRITTEN_OUT: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    ceo: ['executive'],
    cto: ['technology'],
    cfo: ['financial'],
    coo: ['operating'],
    sergeant: ['sgt'],
    detective: ['det'],
    inspector: ['insp'],
    superintendent: ['supt'],
    lieutenant: ['lt'],
    commander: ['cmdr'],
    constable: ['pc'],
    professor: ['prof'],
    senator: ['sen'],
    governor: ['gov'],
  }).map(([word, others]) => [termOf(word), others.map(termOf)]),
);

/**
 * Whoever runs a thing (its boss, head or chief; who runs it) is also its chief executive ("IWF CEO Susie Hargreaves");
 * one way only, as a director or a chair need not be. A sentence saying someone "runs" something holds "who runs…?",
 * not a boss, head or chief asked: the verb is as often said of an operation, a site or a campaign (measured apart in
 * the eleventh session: no answer of either half moved).
 */
const RUNS = ['boss', 'head', 'chief'];
const HELD_BY_RUNNER = [...new Set([...RUNS.map(termOf), ...alternatives(termOf('head')), termOf('ceo'), termOf('executive')])];
const RUNNER_OF: Record<string, string[]> = {
  ...Object.fromEntries(RUNS.map((w) => [termOf(w), HELD_BY_RUNNER])),
  [termOf('run')]: [termOf('run'), ...HELD_BY_RUNNER],
};

const roleOf = (terms: string[], verb: boolean): AskedRole => ({
  speech: false,
  verb,
  words: terms.map((t) => [...new Set([...alternatives(t), ...(RUNNER_OF[t] ?? []), ...(WRITTEN_OUT[t] ?? []), ...(TITLES_OF[t] ?? []).map((x) => x.term)])]),
  titles: terms.map((t) => TITLES_OF[t] ?? []),
});

/**
 * A shortened word ("exec", "admin") is held by the title it begins ("executive", "administrator", "chairperson",
 * "headteacher", "founder"): by a title only, so "head" is not held by "headquarters", nor "secretary" by "secretariat".
 */
const SHORTENED = 4;
const TITLE_TERMS = new Set(
  [...TITLE_WORDS, ...ROLE_NOUNS, 'administrator', 'chairperson', 'headteacher', 'headmaster', 'headmistress', 'founder'].map(termOf),
);

/** Titles only a person holds: a sentence naming a body beside one does not name its holder. */
const PERSON_TITLE_TERMS = new Set(
  'spokesperson spokesman spokeswoman minister attorney judge prosecutor commissioner detective inspector superintendent sergeant ceo'.split(' ').map(termOf),
);

/**
 * Whether a body may hold the role ("chaired by the police service"): not when the question asks a title only people
 * hold ("a Meta spokesperson confirmed…" names no spokesperson) — read on the word asked, not its alternatives: a boss
 * may be a body, though a chief executive is not.
 */
export const bodyMayHold = (r: AskedRole): boolean => !r.words.some(([asked]) => asked !== undefined && PERSON_TITLE_TERMS.has(asked));

/** Words that make a role another one: the deputy director general is not the director general. */
const RANK = new Set(['deputy', 'assistant', 'vice', 'acting', 'associate', 'interim', 'former']);

const holdsWord = (alts: string[], t: string) => alts.some((a) => t === a || (a.length >= SHORTENED && t.startsWith(a) && TITLE_TERMS.has(t)));

/**
 * True when a sentence's terms hold every word of the role (a synonym, or the word written out, counts). Given the
 * sentence's text, a role word written after a rank the question does not ask ("the NCA deputy director general" for
 * "the nca's director general") is another role.
 */
export function holdsRole(r: AskedRole, terms: ReadonlySet<string>, text?: string): boolean {
  if (!r.words.every((alts) => [...terms].some((t) => holdsWord(alts, t)))) return false;
  if (text === undefined || r.verb) return true;
  const tokens = tokenize(text);
  const asked = (w: string) => r.ranks?.includes(w) || r.words.some((alts) => alts.includes(tokenize(w)[0]!.term));
  // Each role word written somewhere not right after a rank the question does not ask, or its title before a name.
  return r.words.every((alts, g) => {
    const titles = r.titles?.[g] ?? [];
    const own = titles.length ? alts.filter((a) => !titles.some((x) => x.term === a)) : alts;
    const written = tokens.some((t, i) => holdsWord(own, t.term) && !(RANK.has(tokens[i - 1]?.word ?? '') && !asked(tokens[i - 1]!.word)));
    return written || titles.some((x) => x.beforeName.test(text));
  });
}
