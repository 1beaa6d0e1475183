/**
 * The benchmark's view of the corpus and the evaluation questions: the core's own loader and `npm run eval`'s
 * scoring rule, so the peers index exactly the same article texts and are judged exactly as the core is.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { loadSeedQuestions, type EvalQuestion } from '../../src/eval/questions.js';
import { isHit, type RankedResult } from '../../src/eval/score.js';

export type { EvalQuestion } from '../../src/eval/questions.js';

export interface Doc {
  id: string;
  title: string;
  /** The article's year (front-matter date unless its front matter says `year:`), as the core uses it. */
  year: number;
  body: string;
}

export function loadDocs(dir = path.join(PROJECT_ROOT, 'corpus')): Doc[] {
  return loadCorpus(dir).map((a) => ({ id: a.id, title: a.title, year: a.year, body: a.body }));
}

export const loadEvalQuestions = (): EvalQuestion[] => loadSeedQuestions();

/** One ranked hit as the scorer sees it: the passage text and the ids and years of the articles it is cited from. */
export type Hit = RankedResult;

/**
 * Correct at k, by `npm run eval`'s rule: answerable → one of the first k hits contains the answer and is cited from
 * an article of the expected year; unanswerable → correct only when refused (the peers never refuse).
 */
export function correctAt(q: EvalQuestion, hits: Hit[], refused: boolean, k: number): boolean {
  if (!q.answerable) return refused;
  return !refused && hits.slice(0, k).some((h) => isHit(q, h));
}
