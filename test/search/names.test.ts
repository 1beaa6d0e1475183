import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNamePhrases, countWordCase, openLexicalIndex, writeLexicalIndex, type LexicalIndex } from '../../src/index/lexical.js';
import { abbreviatesKind, acronymNames, acronymsOf, corpusWrites, countryPlacesNamed, countryVariants, isVerbForm, nameMatch, questionNames, quotedSpans, unknownEditions, unknownHeadedNames } from '../../src/search/names.js';
import { rankCandidates, RANKER_WEIGHTS, sourceOf, type TimedArticle } from '../../src/search/index.js';

/** A lexical index of these passages for the enclosing `describe`, written before its tests and removed after them. */
function lexicalIndexOf(passages: string[], use: (lexical: LexicalIndex) => void): void {
  let dir: string;
  let lexical: LexicalIndex;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qa-names-'));
    const file = path.join(dir, 'lexical.sqlite');
    writeLexicalIndex(file, passages, countWordCase(passages), countNamePhrases(passages));
    use((lexical = openLexicalIndex(file, passages.length)));
  });
  afterAll(() => {
    lexical.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

describe('quotedSpans', () => {
  it('finds words put in double or single quotes', () => {
    expect(quotedSpans('how many members did "little nest" have?')).toEqual(['little nest']);
    expect(quotedSpans("how many members did 'little nest' have?")).toEqual(['little nest']);
    expect(quotedSpans('what did ‘worst of’ list hold?')).toEqual(['worst of']);
  });

  it('takes no apostrophe inside a word for a quote mark', () => {
    expect(quotedSpans("what's the latest headcount of participants at interpol's meeting?")).toEqual([]);
    expect(quotedSpans("what's the iwf's 'worst of' list?")).toEqual(['worst of']);
  });
});

describe('questionNames', () => {
  const PASSAGES = [
    'According to UNODC, one in three victims is a child. UNODC said the figure was an estimate.',
    'The agency acted according to its rules, and UNODC staff wrote the report on Operation Predator.',
    'Operation Predator began in 2003.',
    'The INTERPOL Specialists Group on Crimes Against Children met in Lyon for a week.',
    'Police in 40 countries took part in Operation Global Chain.',
    'Officers in Kansas City and Little Rock joined Operation Daylight, funded by the Australian AID initiative.',
    'The Sûreté du Québec took part as well.',
    'The rescue of 40 children, and every rescue after it, was part of Operation Rescue.',
    'It began as Operation Koala in Europe and Operation Joint Hammer in the United States, a joint effort.',
    'NAIROBI, Kenya, Nov 23 – Police warned parents.',
    'Ministers of the G8 met in Munich, and the G8 pledged to act.',
  ];
  let lexical: LexicalIndex;
  lexicalIndexOf(PASSAGES, (l) => (lexical = l));
  const names = (q: string) => questionNames(q, lexical, () => 1).map((n) => n.words.join(' '));

  it('takes a name written with digits ("G8") as the corpus writes it', () => {
    expect(names('what did the g8 ministers pledge?')).toEqual(['g8']);
  });

  it('takes a capitalised run of the corpus for a name, but not its opening word where only a sentence start capitalises it', () => {
    // "According to UNODC" opens a sentence; "according" is written in lower case inside one.
    expect(names('according to unodc how many victims are children?')).toEqual(['unodc']);
    expect(names('when did operation predator begin?')).toEqual(['operation predator']);
  });

  it('takes an unknown word after "operation" for a name, but not the people of a thing ("the forum admin")', () => {
    expect(names('how many were arrested in operation kestrelwood?')).toEqual(['operation kestrelwood']);
    expect(names('who was the forum admin?')).toEqual([]);
    // …nor a verb after the noun ("the site rack up").
    expect(names('how many hits did the site rack up?')).toEqual([]);
  });

  it('reads a word no passage uses right before "platform", "forum"… as an unknown name, not a word the corpus writes', () => {
    expect(unknownHeadedNames('how many users did the kestrelwood platform have?', lexical)).toEqual([['kestrelwood']]);
    expect(unknownHeadedNames('how many staff did the unodc platform have?', lexical)).toEqual([]);
    // A possessive says whose the thing is, not what it is called.
    expect(unknownHeadedNames("how many kids did kestrelwood's operation predator find?", lexical)).toEqual([]);
    expect(unknownHeadedNames("HOW MANY KIDS DID KESTRELWOOD'S OPERATION PREDATOR FIND?", lexical)).toEqual([]);
    // Nor is what a possessive noun has its name ("the site's main mods", against "the site kestrel nest").
    expect(unknownHeadedNames("how many of them were the site's main kestrelmods?", lexical)).toEqual([]);
    expect(unknownHeadedNames('how many users did the site kestrel nest have?', lexical)).toEqual([['kestrel', 'nest']]);
    // Nor are the words after a name the corpus writes with the noun ("Operation Rescue", of a common lower-case word).
    expect(unknownHeadedNames('how many members did the site the operation rescue cops got into have?', lexical)).toEqual([]);
  });

  it('reads a run with a common word the corpus capitalises only in other names ("Kansas City") as an unknown name', () => {
    expect(unknownHeadedNames('how many users did the lolita city dark web site have?', lexical)).toEqual([['lolita', 'city', 'dark', 'web']]);
    expect(unknownHeadedNames('how many members did the little nest forum have?', lexical)).toEqual([['little', 'nest']]);
    // Inside one of the corpus's names, or written in capitals, the common word still says the thing is known.
    expect(unknownHeadedNames('how did police pass the operation daylight intel on?', lexical)).toEqual([]);
    expect(unknownHeadedNames('what was the aussie aid project called?', lexical)).toEqual([]);
  });

  it('knows a name the corpus writes with accents when it is typed without them', () => {
    expect(names('how many officers did the surete send?')).toEqual(['surete']);
  });

  it('takes a name the corpus writes after "Operation" without it too ("Operation X" / "X")', () => {
    expect(names('when was the 2024 global chain operation carried out?')).toEqual(['global chain']);
    expect(names('when did operation global chain start?')).toEqual(['operation global chain']);
  });

  it('takes no month for a name, shortened as a dateline writes it ("Nov 23")', () => {
    expect(names("what did interpol's nov 2017 meeting look at?")).toEqual(['interpol']);
  });

  it('takes each of two names the corpus writes side by side, joined by small words, as a name', () => {
    // "Operation Koala in Europe and Operation Joint Hammer in the United States": "joint" alone is a common word.
    expect(names('how many victims did operation joint hammer identify?')).toEqual(['operation joint hammer']);
    expect(names('how many victims did joint hammer identify?')).toEqual(['joint hammer']);
  });

  it('takes a long name the corpus writes as one name whole', () => {
    expect(names('when did the interpol specialists group on crimes against children meet?')).toEqual(['interpol specialists group on crimes against children']);
  });
});

describe('corpusWrites', () => {
  let lexical: LexicalIndex;
  lexicalIndexOf(['Police arrested 12 men or women in the raid.', 'Every arrest was made at dawn.'], (l) => (lexical = l));

  it('knows a word by its stem, but not one whose stem is a stop word ("ore" is no "or")', () => {
    expect(corpusWrites(lexical, 'arrests')).toBe(true);
    expect(corpusWrites(lexical, 'ore')).toBe(false);
    // Unknown, it is said with the noun that names it.
    expect(questionNames('how many were arrested in operation ore?', lexical, () => 1).map((n) => n.words.join(' '))).toEqual(['operation ore']);
  });
});

describe('countryVariants', () => {
  it('gives a country named in a question its other forms, and matches a text writing any of them', () => {
    expect(countryVariants(['romanian'])).toContainEqual(['romania']);
    expect(countryVariants(['south', 'korean'])).toContainEqual(['south', 'korea']);
    expect(countryVariants(['united', 'kingdom'])).toEqual(expect.arrayContaining([['british'], ['great', 'britain']]));
    // A form two countries share is the UN member's.
    expect(countryVariants(['indian'])).toContainEqual(['india']);
    // Two-letter codes are English words ("it", "in", "no"), not countries.
    expect(countryVariants(['it'])).toBeUndefined();
    // …but the news forms that name one country alone are its names: "nz" is held by a story writing "New Zealand".
    expect(countryVariants(['nz'])).toContainEqual(['new', 'zealand']);
    expect(countryVariants(['new', 'zealand'])).toContainEqual(['nz']);
    // Its people in the plural, and the nouns for a people that are not its demonym ("danes" for Denmark, "Danish").
    expect(countryVariants(['germans'])).toContainEqual(['germany']);
    expect(countryVariants(['danes'])).toEqual(expect.arrayContaining([['denmark'], ['danish']]));
    expect(countryVariants(['brits'])).toContainEqual(['united', 'kingdom']);
    expect(countryVariants(['britishs'])).toBeUndefined();
    // A country's adjective that is not its demonym ("the philippine police", of "Filipino").
    expect(countryVariants(['philippine'])).toEqual(expect.arrayContaining([['philippines'], ['filipino']]));
    const romanian = { words: ['romanian'], rarest: 'romanian', weight: 3, known: true, variants: countryVariants(['romanian']) };
    expect(nameMatch(romanian, 'Police in Romania freed 12 children.')).toBe(1);
    expect(nameMatch({ ...romanian, variants: undefined }, 'Police in Romania freed 12 children.')).toBe(0);
  });
});

describe('isVerbForm', () => {
  it('reads a word ending in -ing or -ed as a verb only when an English verb is left, with its "e" or single consonant', () => {
    for (const verb of ['targeting', 'involving', 'running', 'arrested', 'carried', 'led']) expect(isVerbForm(verb), verb).toBe(true);
    for (const name of ['starling', 'viking', 'sterling', 'seabed', 'spring', 'hundred']) expect(isVerbForm(name), name).toBe(false);
  });
});

describe('countryPlacesNamed', () => {
  let lexical: LexicalIndex;
  lexicalIndexOf(['Police in Accra made arrests.', 'Lions roam the savannah near the border, where the savannah meets the river.'], (l) => (lexical = l));

  it('gives a country its capital and states, in any of its forms, and a text writing one capitalised holds the country', () => {
    const places = countryPlacesNamed(['indian'], lexical)!.map((p) => p.join(' '));
    expect(places).toEqual(expect.arrayContaining(['new delhi', 'uttar pradesh', 'karnataka']));
    // A place of two countries ("Victoria": an Australian state, the Seychelles' capital) and a country's name
    // ("Georgia", a US state) name neither.
    expect(countryPlacesNamed(['australia'], lexical)!.map((p) => p.join(' '))).not.toContain('victoria');
    expect(countryPlacesNamed(['american'], lexical)!.map((p) => p.join(' '))).not.toContain('georgia');
    const india = { words: ['india'], rarest: 'india', weight: 3, known: true, places: countryPlacesNamed(['india'], lexical) };
    expect(nameMatch(india, 'Top states were Uttar Pradesh (170) and Karnataka (144).')).toBe(1);
    // A place is written as a name is, capitalised.
    expect(nameMatch(india, 'The records went to goa soon after.')).toBe(0);
    expect(nameMatch(india, 'The records went to goa, then to Karnataka.')).toBe(1);
  });

  it('leaves out a lone word the corpus mostly writes in lower case (Ghana\'s "Savannah" region), not one it capitalises', () => {
    const ghana = countryPlacesNamed(['ghana'], lexical)!.map((p) => p.join(' '));
    expect(ghana).toEqual(expect.arrayContaining(['accra', 'volta']));
    expect(ghana).not.toContain('savannah');
    // "Central" and "Western" are regions of several countries: they name none.
    expect(ghana).not.toContain('central');
  });
});

describe('unknownEditions', () => {
  const PASSAGES = [
    'Operation Tern Shield II led to 40 arrests in six countries.',
    'The earlier Operation Tern Shield III of the coast guard is not this one.',
    'Operation Harbour Sweep XI recovered 84 minors.',
    'Operation Harbour Sweep recovered 79 children the year before.',
    'The court heard from Andreas V. and Heiko V.',
  ];
  let lexical: LexicalIndex;
  lexicalIndexOf(PASSAGES, (l) => (lexical = l));

  it('reads a numbered edition of a name the corpus writes only with other numbers as a name no article mentions', () => {
    expect(unknownEditions('how many arrests did operation tern shield iv make?', lexical)).toEqual([['shield', 'iv']]);
    expect(unknownEditions('how many arrests did tern shield iv make?', lexical)).toEqual([['shield', 'iv']]);
    expect(unknownEditions('how many arrests did operation tern shield ii make?', lexical)).toEqual([]);
    expect(unknownEditions('how many arrests did operation tern shield iii make?', lexical)).toEqual([]);
  });

  it('leaves alone an edition of a name the corpus also writes bare, and a single letter after a name (an initial)', () => {
    // The bare "Operation Harbour Sweep" may be the eighth.
    expect(unknownEditions('how many minors did operation harbour sweep viii recover?', lexical)).toEqual([]);
    expect(unknownEditions('what did andreas v say?', lexical)).toEqual([]);
  });
});

describe('nameMatch', () => {
  /** A known name whose rarest word is its first. */
  const name = (words: string[]) => ({ words, rarest: words[0]!, weight: 3, known: true });

  it('matches a name typed without its accents, or with them, as the text writes it', () => {
    expect(nameMatch(name(['surete', 'du', 'quebec']), 'The Sûreté du Québec (SQ) took part.')).toBe(1);
    expect(nameMatch(name(['québec']), 'Police in Quebec took part.')).toBe(1);
    expect(nameMatch(name(['quebec']), 'Police in Quito took part.')).toBe(0);
    expect(nameMatch(name(["o'connell"]), 'Harold O’Connell opened it.')).toBe(1);
  });

  it('matches a name whose last word is typed in the plural or the singular', () => {
    expect(nameMatch(name(['task', 'forces']), 'The ICAC Task Force arrested 40 people.')).toBe(1);
    expect(nameMatch(name(['task', 'force']), 'Sixty-one ICAC Task Forces took part.')).toBe(1);
    expect(nameMatch(name(['task', 'force']), 'The task is to force them out.')).toBe(0);
  });

  it('matches a long word of a name written as two words, and two words written as one', () => {
    expect(nameMatch(name(['victim', 'identification', 'taskforce']), 'the 13th Victim Identification Task Force met')).toBe(1);
    expect(nameMatch(name(['boystown']), 'the platform "Boys Town" was shut down')).toBe(1);
    expect(nameMatch(name(['website']), 'a web-site hosted abroad')).toBe(1);
    expect(nameMatch(name(['task', 'force', 'argos']), 'Taskforce Argos officers')).toBe(1);
    expect(nameMatch(name(['welcometovideo']), 'the Welcome to Video site')).toBe(1);
    // A first or last part of fewer than three letters, and a word under seven letters, are not split off: "Operation
    // Sun Set" is not "sunset".
    expect(nameMatch(name(['cyberattack']), 'a cy berattack')).toBe(0);
    expect(nameMatch(name(['sunset']), 'Operation Sun Set')).toBe(0);
  });

  it('matches a long word of a name with "you" written as "u", either way round', () => {
    expect(nameMatch(name(['thinkuknow']), 'the ThinkYouKnow campaign')).toBe(1);
    expect(nameMatch(name(['thinkyouknow']), 'the ThinkUKnow website')).toBe(1);
    expect(nameMatch(name(['thinkuknow']), 'Think U Know sessions')).toBe(1);
    expect(nameMatch(name(['thinkuknow']), 'think you know')).toBe(1);
    // Only inside a long word: "u" typed alone is no name's "you", and the other letters must still agree.
    expect(nameMatch(name(['thinkuknow']), 'ThinkWeKnow')).toBe(0);
    expect(nameMatch(name(['u', 'turn']), 'a you turn')).toBe(0);
  });

  it('takes a last word in the other number only as a name is written, capitalised, not a verb after a noun', () => {
    const rescue = { words: ['operation', 'rescue'], rarest: 'rescue', weight: 2, known: true };
    expect(nameMatch(rescue, 'INTERPOL-led operation rescues 500 victims of human trafficking')).toBe(0);
    expect(nameMatch(rescue, 'It was the largest arrest count of Operation Rescue’s two years.')).toBe(1);
    expect(nameMatch(rescue, 'the operation rescue team')).toBe(1);
  });

  it('takes a name’s rarest word alone for the name only when it is no common English word', () => {
    const name = (words: string[], rarest: string) => ({ words, rarest, weight: 3, known: true });
    expect(nameMatch(name(['operation', 'strikeback'], 'strikeback'), 'Strikeback led to 30 arrests.')).toBe(0.75);
    expect(nameMatch(name(['operation', 'cross', 'country'], 'cross'), 'A cross-border operation rescued 50 children.')).toBe(0);
    expect(nameMatch(name(['operation', 'cross', 'country'], 'cross'), 'Operation Cross Country recovered 84 minors.')).toBe(1);
  });
});

describe('acronymNames and acronymsOf', () => {
  it('reads the names the texts give an acronym in full, small words and all, and a name’s acronyms', () => {
    const texts = [
      'The Internet Watch Foundation (IWF) said so.',
      'Reports to the National Center for Missing & Exploited Children’s (NCMEC) CyberTipline rose.',
      'Reports of child sexual abuse material (CSAM) rose.',
    ];
    expect(acronymNames('IWF', texts)).toEqual([['internet', 'watch', 'foundation']]);
    expect(acronymNames('NCMEC', texts)).toEqual([
      ['national', 'center', 'for', 'missing', '&', 'exploited', 'children'],
      ['national', 'center', 'for', 'missing', 'and', 'exploited', 'children'],
    ]);
    // A kind of thing has no name in full.
    expect(acronymNames('CSAM', texts)).toEqual([]);
    expect(acronymsOf(['national', 'crime', 'agency'])).toEqual(['nca']);
    expect(acronymsOf(['department', 'of', 'defense'])).toEqual(['dd', 'dod']);
    expect(acronymsOf(['interpol'])).toEqual([]);
    expect(acronymNames('DOD', ['The Department of Defense (DOD) said.'])).toEqual([['department', 'of', 'defense']]);
  });

  it('reads a name whose words give the acronym more than their initials, and no more words than spell it', () => {
    const texts = ['Since 2014, the first Victim Identification Taskforce (VIDTF) met at Europol.', 'Officers of the Child Exploitation Unit (CEU) attended.'];
    expect(acronymNames('VIDTF', texts)).toEqual([['victim', 'identification', 'taskforce']]);
    expect(acronymNames('CEU', texts)).toEqual([['child', 'exploitation', 'unit']]);
    // Letters out of order, or a word giving none, spell nothing.
    expect(acronymNames('VTIF', ['the Victim Identification Taskforce (VTIF)'])).toEqual([]);
    expect(acronymNames('VIDTF', ['the Victim Identification Task Group (VIDTF)'])).toEqual([]);
  });
});

describe('abbreviatesKind', () => {
  it('tells an acronym of a kind of thing from one of a name by how the texts introduce it', () => {
    const texts = ['Reports of child sexual abuse material (CSAM) rose.', 'The Internet Watch Foundation (IWF) said so.', 'The United Nations Office on Drugs and Crime (UNODC) agreed.'];
    expect(abbreviatesKind('CSAM', texts)).toBe(true);
    expect(abbreviatesKind('IWF', texts)).toBe(false);
    expect(abbreviatesKind('UNODC', texts)).toBe(false);
    // Mostly introduced in lower case, once in Title Case: still a kind of thing.
    expect(abbreviatesKind('CSAM', [...texts, 'Sharing of Child Sexual Abuse Material (CSAM) grew.', 'An alarming rise in child sexual abuse material (CSAM).'])).toBe(true);
  });
});

describe('sourceOf', () => {
  it('reads the source a question names, up to its punctuation or the question it opens', () => {
    expect(sourceOf("what share were kids, according to the iwf's 2007 report?")).toBe("the iwf's 2007 report");
    expect(sourceOf('according to ice how many girls are exploited?')).toBe('ice');
    expect(sourceOf('per the guardian, how long had it run?')).toBe('the guardian');
    expect(sourceOf('how many reports a week, going by thorn in 2014?')).toBe('thorn in 2014');
    expect(sourceOf('how many were arrested?')).toBe('');
  });
});

describe('rankCandidates and the names a story holds', () => {
  it('puts first a story writing two of three names of like rarity, over a likelier one writing none', () => {
    const story = (id: string): TimedArticle => ({ id, year: 2010, statedYears: new Set(), reportsOn: 2010 });
    const [writesTwo, writesNone] = [story('facebook-ceop-button'), story('other')];
    const ranked = rankCandidates(
      [
        { article: writesNone, score: 9 },
        { article: writesTwo, score: 6 },
      ],
      { kind: 'none' },
      () => 0.6,
      // "ceop", "facebook" and a third name of the same weight: two thirds held.
      (a) => (a === writesTwo ? 2 / 3 : 0),
      RANKER_WEIGHTS.gate,
    );
    expect(ranked.map((c) => c.article.id)).toEqual(['facebook-ceop-button', 'other']);
  });
});
