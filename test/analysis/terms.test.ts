import { describe, expect, it } from 'vitest';
import { queryTerms, tokenize } from '../../src/analysis/index.js';

describe('queryTerms', () => {
  it('drops the greetings and fillers of a chat message, which no article uses', () => {
    const words = (q: string) => queryTerms(q).map((t) => t.word);
    expect(words('hey, ok so how many countries attended?')).toEqual(words('how many countries attended?'));
    expect(words('hi bot pls how many countries attended? thx')).toEqual(words('bot how many countries attended?'));
  });

  it('drops a contraction typed without its apostrophe, as it drops it with one', () => {
    const words = (q: string) => queryTerms(q).map((t) => t.word);
    expect(words('whats the latest count of reports')).toEqual(words("what's the latest count of reports"));
    expect(words('wheres the meeting, isnt it in lyon')).toEqual(['meeting', 'lyon']);
  });

  it('drops a negative contraction typed with its apostrophe, as it drops it without one', () => {
    const words = (q: string) => queryTerms(q).map((t) => t.word);
    expect(words("what if a platform doesn't report it?")).toEqual(words('what if a platform doesnt report it?'));
    expect(words("what if a platform doesn't report it?")).toEqual(['platform', 'report']);
  });
});

describe('tokenize', () => {
  it('reads a word with accents as the same word typed without them ("cafés", "cafes")', () => {
    const terms = (text: string) => tokenize(text).map((t) => [t.term, t.word]);
    expect(terms('Internet cafés in Québec')).toEqual(terms('internet cafes in quebec'));
    // A typographic apostrophe is the one people type.
    expect(terms('Harold O’Connell said')).toEqual(terms("harold o'connell said"));
  });

  it('reads an ordinal in capitals as the same one word as in lower case', () => {
    expect(tokenize('the 39TH meeting').map((t) => t.term)).toEqual(tokenize('the 39th meeting').map((t) => t.term));
    expect(tokenize('39TH')).toHaveLength(1);
    expect(tokenize('the 39Th meeting').map((t) => t.term)).toEqual(tokenize('the 39th meeting').map((t) => t.term));
  });

  it('reads a word with digits after its first letter as one word, not a letter and a count ("G8", "EC3", "P2P")', () => {
    const read = (text: string) => tokenize(text).map((t) => [t.word, t.isNumber]);
    expect(read('the G8 ministers')).toEqual([['the', false], ['g8', false], ['ministers', false]]);
    expect(read("Europol's EC3 and a P2P network")).toEqual([["europol's", false], ['ec3', false], ['and', false], ['a', false], ['p2p', false], ['network', false]]);
    // A number after a hyphen is still a number; one before a word is a count as ever.
    expect(read('covid-19 cases')).toEqual([['covid', false], ['19', true], ['cases', false]]);
    expect(read('8 countries')).toEqual([['8', true], ['countries', false]]);
  });
});
