/**
 * A slip of the keyboard in a question ("coutnries", "trafficing") is read as the word the corpus uses that is one
 * edit away (a letter dropped, added, changed, or two swapped), the commonest such word when there are several; a long
 * word with none one edit away, as the word two edits away (`TWO_EDITS_MIN_LENGTH`). Only
 * a word the corpus never uses and English does not know is read so: an English word no article uses ("headcount",
 * "playpen") is a question about something the articles may not hold, and the refusal rules need to see it.
 * Candidate words are looked up in the index's table of written words; nothing is corrected towards a dictionary,
 * which would "correct" the names the corpus is about.
 */
import { distance } from 'fastest-levenshtein';
import type { LexicalIndex } from '../index/index.js';
import { wordKey } from '../index/index.js';
import { corpusWrites, englishWords, isNameByCorpus, withoutBareApostrophe } from './names.js';

/** Shorter words have too many neighbours one edit away to guess which was meant. */
export const SPELLING_MIN_LENGTH = 5;

/**
 * A word this long with no corpus word one edit away is read as one two edits away ("sunflour" → "sunflower"), as
 * search engines' fuzzy matching allows two edits in long words; shorter words have too many neighbours two edits
 * away. With two slips in the longest word of each unseen question of this length or more, the word is read back in
 * 1,384 of 1,854 and misread in 73 (DESIGN.md).
 */
export const TWO_EDITS_MIN_LENGTH = 8;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from a word: a letter deleted, two neighbours swapped, a letter replaced or inserted. */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

/**
 * Two words typed apart that the corpus writes together as a name ("black wrist" → "blackwrist", "boys town" →
 * "boystown", "dream board" → "dreamboard") and never apart, joined: the name is one word to every rule after this.
 */
export function joinSplitNames(question: string, lexical: Pick<LexicalIndex, 'wordCase' | 'documentFrequency'>): string {
  const words = [...question.matchAll(/\p{L}+/gu)];
  let out = '';
  let at = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    const between = question.slice(a.index! + a[0].length, b.index!);
    if (between !== ' ' || a[0].length < 3 || b[0].length < 3) continue;
    // …and never writes apart ("task force" stays two words where the corpus also has a "Taskforce").
    if (!isNameByCorpus(lexical.wordCase(wordKey(a[0] + b[0]))) || lexical.documentFrequency(`${a[0]} ${b[0]}`) > 0) continue;
    out += question.slice(at, a.index!) + a[0] + b[0];
    at = b.index! + b[0].length;
    i++;
  }
  return out + question.slice(at);
}

/** The question with each slip read as the corpus's word (unchanged when it has none). */
export function correctSpelling(question: string, lexical: Pick<LexicalIndex, 'documentFrequency' | 'wordCase' | 'writtenWords' | 'wordsOfLength'>): string {
  const english = englishWords();
  return joinSplitNames(question, lexical).replace(/\p{L}[\p{L}\p{M}'’]*/gu, (written) => {
    const key = wordKey(written);
    // A possessive typed without its apostrophe ("britains part") reads as the name's possessive, as typed with it.
    const bare = /^[a-z]+$/.test(written) ? withoutBareApostrophe(key, lexical) : key;
    if (bare !== key) return `${bare}'s`;
    if (key.length < SPELLING_MIN_LENGTH || !/^[a-z]+$/.test(key) || english.has(key) || corpusWrites(lexical, key)) return written;
    let best: { word: string; df: number } | undefined;
    let candidates = lexical.writtenWords(oneEditAway(key));
    if (candidates.length === 0 && key.length >= TWO_EDITS_MIN_LENGTH) {
      candidates = lexical.wordsOfLength(key.length - 2, key.length + 2).filter((w) => distance(key, w) <= 2);
    }
    for (const candidate of candidates) {
      const df = lexical.documentFrequency(candidate);
      if (!best || df > best.df || (df === best.df && candidate < best.word)) best = { word: candidate, df };
    }
    return best ? best.word + written.slice(key.length) : written;
  });
}
