/**
 * Picks the sentence of a passage that best answers the question, so a reply can make it stand out: the sentence
 * holding the most (rarest) question words, with a bonus for stating a number of the thing a "how many" question
 * asks about. Pure string work: no model call.
 */
import { splitSentences } from '../passages/index.js';
import { contentTerms, QUANTITY_QUESTION, statesQuantityOf, withoutYears } from '../search/index.js';

export interface Highlight {
  text: string;
  start: number;
  end: number;
}

/** Weight of a sentence stating the asked-for quantity, in units of an average word's idf. */
const QUANTITY_SENTENCE_BONUS = 3;

export function bestSentence(passage: string, question: string, idf: (term: string) => number): Highlight {
  const sentences = splitSentences(passage);
  const terms = new Set(contentTerms(withoutYears(question)));
  const asksQuantity = QUANTITY_QUESTION.test(question);
  let best = { score: -1, start: 0, end: passage.length };
  for (const s of sentences) {
    const text = passage.slice(s.start, s.end);
    const present = new Set(contentTerms(text).filter((t) => terms.has(t)));
    let score = [...present].reduce((sum, t) => sum + Math.max(idf(t), 0.1), 0);
    if (asksQuantity && statesQuantityOf(text, terms)) score += QUANTITY_SENTENCE_BONUS;
    if (score > best.score) best = { score, start: s.start, end: s.end };
  }
  return { text: passage.slice(best.start, best.end), start: best.start, end: best.end };
}

/** Share of content words two sentences have in common (Jaccard); 1 for the same sentence. */
export function wordOverlap(a: string, b: string): number {
  const x = new Set(contentTerms(a));
  const y = new Set(contentTerms(b));
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / Math.max(x.size + y.size - shared, 1);
}
