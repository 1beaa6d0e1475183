/**
 * Stage 2½: text analysis — a text's terms (`terms.ts`) and what a sentence holds (`shape.ts`), used by the index,
 * which works them out once for every sentence and article at build and stores them beside the passages
 * (`passages.sqlite`), and by the search, which reads them instead of tokenising every candidate sentence and article
 * again (and analyses the question the same way).
 *
 * The stored facts are only as good as the analysis that made them: the manifest records `ANALYSIS_FINGERPRINT`, and
 * the searcher refuses an index made by another analysis, so a change here means `npm run index`.
 */
import { createHash } from 'node:crypto';
import { sentenceShape, SHAPE_RULES, type SentenceShape } from './shape.js';
import { contentTerms, TERM_RULES } from './terms.js';

export * from './places.js';
export * from './shape.js';
export * from './tagger.js';
export * from './terms.js';

/**
 * Bumped when the analysis's code changes, or the way the index counts how a word is written (`countWordCase`); its
 * patterns and word lists, and its output on the probe sentences below, are in the fingerprint already.
 */
export const ANALYSIS_VERSION = 11;

/** A sentence's facts as stored: its distinct content terms, space-separated in order, and its shape as JSON. */
export interface StoredSentenceFacts {
  terms: string;
  shape: string;
}

export interface SentenceFacts {
  terms: Set<string>;
  shape: SentenceShape;
}

/** The facts of one sentence, in the stored form. */
export function analyseSentence(text: string): StoredSentenceFacts {
  const shape = sentenceShape(text);
  return {
    terms: [...new Set(contentTerms(text))].join(' '),
    shape: JSON.stringify({ ...shape, countedTerms: [...shape.countedTerms], countedHeads: [...shape.countedHeads] }),
  };
}

/** Stored facts back into the form the search uses (the same values `analyseSentence`'s analysis gave). */
export function readSentenceFacts(stored: StoredSentenceFacts): SentenceFacts {
  const shape = JSON.parse(stored.shape) as Omit<SentenceShape, 'countedTerms' | 'countedHeads'> & { countedTerms: string[]; countedHeads: string[] };
  const sets = { countedTerms: new Set(shape.countedTerms), countedHeads: new Set(shape.countedHeads) };
  return { terms: new Set(stored.terms ? stored.terms.split(' ') : []), shape: { ...shape, ...sets } };
}

/** The distinct content terms of an article's text (its title and passages: `indexedText`). */
export function articleTerms(text: string): string[] {
  return [...new Set(contentTerms(text))];
}

/**
 * Sentences that exercise every part of the analysis (numbers, ordinals, hyphens, possessives, folded phrases, stop
 * words, and each kind of answer a sentence can hold); their facts, hashed with the version and the rules'
 * patterns and word lists, fingerprint it.
 */
const PROBE = [
  'On 12 March 2011, 52 countries and 5,140 officers took part in Operation Blue-Harbour’s 3rd review, Mr Anders Persson said.',
  'Europol said 25% of the 7.5 million images came from the “Little Nest” forum in Lyon; he was jailed for six years.',
  'The UNICEF Foundation set up a $2 million fund, which showed up in the first report since 2007.',
  'Internet cafés in Québec were checked by the Sûreté, O’Connell said, and 46 suspects were arrested.',
];

export const ANALYSIS_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify([ANALYSIS_VERSION, TERM_RULES, SHAPE_RULES, PROBE.map(analyseSentence), PROBE.map(articleTerms)]))
  .digest('hex')
  .slice(0, 16);
