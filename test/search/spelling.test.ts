import { describe, expect, it } from 'vitest';
import { correctSpelling, oneEditAway } from '../../src/search/spelling.js';

/** A corpus that writes these words, in this many passages. */
function corpus(words: Record<string, number>) {
  return {
    documentFrequency: (w: string) => words[w.toLowerCase()] ?? 0,
    wordCase: (w: string) => (w.toLowerCase() in words ? { inside: 1, capitalised: 0, upper: 0 } : undefined),
    writtenWords: (ws: Iterable<string>) => [...ws].filter((w) => w in words),
    wordsOfLength: (min: number, max: number) => Object.keys(words).filter((w) => w.length >= min && w.length <= max),
  };
}

describe('oneEditAway', () => {
  it('holds the word with a letter dropped, added, changed, or two neighbours swapped', () => {
    const edits = oneEditAway('count');
    for (const w of ['cont', 'coount', 'cound', 'cuont']) expect(edits.has(w)).toBe(true);
    expect(edits.has('count')).toBe(false);
    expect(edits.has('cnout')).toBe(false);
  });
});

describe('correctSpelling', () => {
  const lexical = corpus({ countries: 40, trafficking: 12, strikeback: 2, attended: 9, country: 30 });

  it('reads a slip as the word the corpus uses one edit away, keeping the rest of the question', () => {
    expect(correctSpelling('how many coutnries attended in 2011?', lexical)).toBe('how many countries attended in 2011?');
    expect(correctSpelling('what is trafficing?', lexical)).toBe('what is trafficking?');
    expect(correctSpelling("what was operation strikebak's aim?", lexical)).toBe("what was operation strikeback's aim?");
  });

  it('leaves words the corpus uses, short words, and English words no article uses', () => {
    expect(correctSpelling('how many countries attended?', lexical)).toBe('how many countries attended?');
    expect(correctSpelling('how many contry?', lexical)).toBe('how many country?');
    expect(correctSpelling('what was the headcount at the playpen site?', lexical)).toBe('what was the headcount at the playpen site?');
    expect(correctSpelling('what is ctry?', lexical)).toBe('what is ctry?');
  });

  it('reads a long word with no corpus word one edit away as one two edits away; a shorter one stays as typed', () => {
    expect(correctSpelling('what was operation strikbak?', lexical)).toBe('what was operation strikeback?');
    expect(correctSpelling('how many countrs atended?', lexical)).toBe('how many country attended?');
    expect(correctSpelling('what is trffcking?', lexical)).toBe('what is trafficking?');
    expect(correctSpelling('how many cuntres?', lexical)).toBe('how many cuntres?');
  });

  it('picks the commonest of several words one edit away', () => {
    // "offencs" is one edit from both.
    expect(correctSpelling('how many offencs?', corpus({ offence: 3, offences: 20 }))).toBe('how many offences?');
    expect(correctSpelling('how many offencs?', corpus({ offence: 20, offences: 3 }))).toBe('how many offence?');
  });
});

describe('correctSpelling: a possessive typed without its apostrophe', () => {
  // "rcmp" is written as a name (in capitals); "rcmps" never.
  const lexical = {
    documentFrequency: (w: string) => (['rcmp', 'rcmps', 'centre', 'news'].includes(w.toLowerCase()) ? 3 : 0),
    wordCase: (w: string) =>
      w.toLowerCase() === 'rcmp' ? { inside: 5, capitalised: 5, upper: 5 } : ['centre', 'news'].includes(w.toLowerCase()) ? { inside: 5, capitalised: 0, upper: 0 } : undefined,
    writtenWords: (ws: Iterable<string>) => [...ws].filter((w) => ['rcmp', 'centre', 'news'].includes(w)),
    wordsOfLength: () => [],
  };

  it("reads a name's possessive as typed with it, and leaves a plural of a common word", () => {
    expect(correctSpelling('how many reports did the rcmps centre get', lexical)).toBe("how many reports did the rcmp's centre get");
    expect(correctSpelling('what news came out', lexical)).toBe('what news came out');
  });
});

describe('correctSpelling: a name typed as two words', () => {
  // The corpus writes "Blackwrist" and "Taskforce" as names, "task force" apart too, and "black" and "wrist" alone.
  const lexical = {
    documentFrequency: (w: string) => ({ black: 3, wrist: 1, blackwrist: 2, task: 4, force: 6, taskforce: 2, 'task force': 3 } as Record<string, number>)[w.toLowerCase()] ?? 0,
    wordCase: (w: string) =>
      ({ blackwrist: { inside: 2, capitalised: 2, upper: 0 }, taskforce: { inside: 2, capitalised: 2, upper: 0 }, black: { inside: 3, capitalised: 0, upper: 0 } } as Record<string, { inside: number; capitalised: number; upper: number }>)[w.toLowerCase()],
    writtenWords: () => [],
    wordsOfLength: () => [],
  };

  it('joins two words the corpus writes together as a name and never apart', () => {
    expect(correctSpelling('what was operation black wrist named after?', lexical)).toBe('what was operation blackwrist named after?');
    expect(correctSpelling('who set up the task force?', lexical)).toBe('who set up the task force?');
    expect(correctSpelling('what is a black car?', lexical)).toBe('what is a black car?');
  });
});
