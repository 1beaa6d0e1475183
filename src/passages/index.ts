/**
 * Stage 2: passages. An article body is cut into runs of whole sentences that stay well inside the model's input
 * limit, counted with the model's own tokenizer. Each passage keeps character offsets into the body, so a citation
 * quotes exactly and `body.slice(start, end) === text` always holds.
 */
import type { Article, Passage } from '../types.js';
import { splitSentences, type Span } from './sentences.js';

export { splitSentences, type Span } from './sentences.js';
export { storyYearMentions, yearMentions, yearsStated } from './years.js';

export interface PassageOptions {
  /** Most tokens in a passage, special tokens and prefix included. Range 32–512; see DESIGN.md for the measurement. */
  maxTokens: number;
  /** Sentences repeated from the end of one passage at the start of the next (0–3), so no fact loses its context. */
  overlapSentences: number;
}

/** The values the evaluation chose (DESIGN.md, "Passage size"). */
export const PASSAGE_DEFAULTS: PassageOptions = { maxTokens: 256, overlapSentences: 0 };

/** Counts the tokens the model sees for a piece of text. */
export type TokenCounter = (text: string) => number;

/** A sentence too long for one passage is cut at clause marks, then at word boundaries, until each piece fits. */
function fitSpan(body: string, span: Span, maxTokens: number, count: TokenCounter): Span[] {
  if (count(body.slice(span.start, span.end)) <= maxTokens) return [span];
  const text = body.slice(span.start, span.end);
  const cuts: number[] = [];
  for (const m of text.matchAll(/[,;:–—]\s+/g)) cuts.push(m.index! + m[0].length);
  if (cuts.length === 0) for (const m of text.matchAll(/\s+/g)) cuts.push(m.index! + m[0].length);
  if (cuts.length === 0) return [span];
  // Cut at the clause mark nearest the middle and recurse on both halves.
  const middle = text.length / 2;
  const cut = cuts.reduce((best, c) => (Math.abs(c - middle) < Math.abs(best - middle) ? c : best));
  const left = { start: span.start, end: span.start + text.slice(0, cut).trimEnd().length };
  const right = { start: span.start + cut, end: span.end };
  return [...fitSpan(body, left, maxTokens, count), ...fitSpan(body, right, maxTokens, count)];
}

/** The article's sentences as passages are built from them: any sentence longer than `maxTokens` already cut. */
export function articleSentences(article: Article, count: TokenCounter, options: PassageOptions = PASSAGE_DEFAULTS): Span[] {
  return splitSentences(article.body).flatMap((s) => fitSpan(article.body, s, options.maxTokens, count));
}

/** Splits one article into passages of whole sentences, each within `maxTokens`. */
/** The article a passage id (`<articleId>#<start>-<end>`) belongs to. */
export function articleOfPassage(passageId: string): string {
  return passageId.slice(0, passageId.lastIndexOf('#'));
}

export function splitPassages(article: Article, count: TokenCounter, options: PassageOptions = PASSAGE_DEFAULTS): Passage[] {
  const { body } = article;
  const sentences = articleSentences(article, count, options);
  // The tokenizer splits on white space first, so a run of sentences has the tokens of its sentences plus the
  // special tokens and prefix once: each sentence is tokenized once, not once per candidate passage.
  const overhead = count('');
  const own = sentences.map((s) => count(body.slice(s.start, s.end)) - overhead);
  const passages: Passage[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    let tokens = overhead + own[first]!;
    while (last + 1 < sentences.length && tokens + own[last + 1]! <= options.maxTokens) tokens += own[++last]!;
    const start = sentences[first]!.start;
    const end = sentences[last]!.end;
    const text = body.slice(start, end);
    passages.push({ id: `${article.id}#${start}-${end}`, articleId: article.id, start, end, text, tokens: count(text) });
    if (last === sentences.length - 1) break;
    first = Math.max(first + 1, last + 1 - options.overlapSentences);
  }
  return passages;
}
