/** Whether an answer is right, and the counts the evaluation reports. */
import type { EvalQuestion } from './questions.js';

export interface RankedResult {
  text: string;
  /** Ids of the articles the result cites. */
  articles: string[];
  /** Years of those articles. */
  years: number[];
  /** The sentence shown in bold, for a system that marks one. */
  highlight?: string;
}

export interface Ranked {
  refused: boolean;
  results: RankedResult[];
}

export interface Score {
  top1: number;
  top3: number;
  /** Of the answers right first, those whose bold sentence holds the expected answer. */
  bold: number;
  answerable: number;
  refusedUnanswerable: number;
  unanswerable: number;
  wronglyRefused: number;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * A result answers a question when it contains the expected text and cites the expected article (or another report
 * of the story stating the same answer, `alsoIn`), or for a seed question an article of the expected year.
 */
export function isHit(q: EvalQuestion, r: RankedResult): boolean {
  if (q.answer === null || !fold(r.text).includes(fold(q.answer))) return false;
  return q.article !== null ? [q.article, ...q.alsoIn].some((a) => r.articles.includes(a)) : r.years.includes(q.year!);
}

/** The sentence shown in bold holds the expected answer. */
export const showsAnswer = (q: EvalQuestion, highlight: string): boolean => q.answer !== null && fold(highlight).includes(fold(q.answer));

/** True when the question is handled right at rank 1: answered first time, or refused when unanswerable. */
export function isRightFirst(q: EvalQuestion, r: Ranked): boolean {
  return q.answerable ? !r.refused && r.results.slice(0, 1).some((x) => isHit(q, x)) : r.refused;
}

export function score(questions: EvalQuestion[], ranked: Ranked[]): Score {
  const s: Score = { top1: 0, top3: 0, bold: 0, answerable: 0, refusedUnanswerable: 0, unanswerable: 0, wronglyRefused: 0 };
  questions.forEach((q, i) => {
    const r = ranked[i]!;
    if (!q.answerable) {
      s.unanswerable++;
      if (r.refused) s.refusedUnanswerable++;
      return;
    }
    s.answerable++;
    // A refused answer shows the reader no passage, whatever the search ranked first: it is never right.
    if (r.refused) {
      s.wronglyRefused++;
      return;
    }
    const first = r.results[0];
    if (first && isHit(q, first)) {
      s.top1++;
      if (first.highlight !== undefined && showsAnswer(q, first.highlight)) s.bold++;
    }
    if (r.results.slice(0, 3).some((x) => isHit(q, x))) s.top3++;
  });
  return s;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

export const TABLE_HEADER = '| corpus · questions | search | top-1 | top-3 | unanswerable refused | answerable wrongly refused |\n|---|---|---|---|---|---|';

export function tableRow(set: string, name: string, s: Score): string {
  return `| ${set} | ${name} | ${pct(s.top1, s.answerable)} (${s.top1}/${s.answerable}) | ${pct(s.top3, s.answerable)} | ${s.refusedUnanswerable}/${s.unanswerable} | ${s.wronglyRefused} |`;
}
