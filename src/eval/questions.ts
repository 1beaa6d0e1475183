/**
 * The evaluation's questions. Two sets:
 * - `eval/questions.json`: the 86 questions about the bundled corpus's five articles (the seed set; every weight and
 *   rule was once tuned on it, so it only ever counts as tuning data). An answer must cite an article of `year`.
 * - `eval/unseen-questions.json`: questions about the evaluation articles in `eval/articles/` (and near-topic ones no
 *   article answers), written before any tuning on them, each fixed to the `tuning` or the `held-out` half. An answer
 *   must cite the article named by `article` (or, where another report of the same story states the same answer, one
 *   named by `alsoIn`).
 * A third, `eval/off-topic.json`, holds general-knowledge questions no article touches ("how tall is mount everest?"):
 * each must be refused. Both halves were written (2026-12-03) before any rule was chosen on them; rules may be chosen
 * on the tuning half only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { timeScope } from '../search/time.js';

export type Split = 'seed' | 'tuning' | 'held-out';

export interface EvalQuestion {
  id: string;
  question: string;
  /** Text the cited passage must contain (case- and space-insensitive); null for an unanswerable question. */
  answer: string | null;
  /** The article (file name without `.md`) an answer must cite, or null when any article of `year` will do. */
  article: string | null;
  /**
   * Other reports of the same story that state the same answer to the same question (checked by reading them): citing
   * one of them is right too. Empty for most questions.
   */
  alsoIn: string[];
  /** A seed question whose answer, or whether there is one, depends on which articles exist (`answerDependsOnCorpus`). */
  dependsOnCorpus?: boolean;
  /** The year of the article an answer must cite, for the seed set. */
  year: number | null;
  answerable: boolean;
  kind: string;
  split: Split;
}

export const EVAL_DIR = path.join(PROJECT_ROOT, 'eval');
export const SEED_QUESTIONS_FILE = path.join(EVAL_DIR, 'questions.json');
export const UNSEEN_QUESTIONS_FILE = path.join(EVAL_DIR, 'unseen-questions.json');
export const OFF_TOPIC_QUESTIONS_FILE = path.join(EVAL_DIR, 'off-topic.json');
/** The evaluation articles, kept apart from the product's `corpus/`. */
export const EVAL_ARTICLES_DIR = path.join(EVAL_DIR, 'articles');

interface SeedRecord {
  question: string;
  answer: string;
  year: number | null;
  answerable: boolean;
  kind?: string;
  /** Whether it is answered depends on which articles exist (a year the five bundled articles do not cover but a larger corpus does). */
  dependsOnCorpus?: boolean;
}

interface UnseenRecord {
  id: string;
  question: string;
  answer: string | null;
  article: string | null;
  alsoIn?: string[];
  answerable: boolean;
  kind: string;
  split: 'tuning' | 'held-out';
}

export function loadSeedQuestions(file = SEED_QUESTIONS_FILE): EvalQuestion[] {
  const records = JSON.parse(readFileSync(file, 'utf8')) as SeedRecord[];
  return records.map((r, i) => ({
    id: `S${String(i + 1).padStart(2, '0')}`,
    question: r.question,
    answer: r.answerable ? r.answer : null,
    article: null,
    alsoIn: [],
    year: r.year,
    answerable: r.answerable,
    kind: r.kind ?? 'other',
    split: 'seed',
    ...(r.dependsOnCorpus ? { dependsOnCorpus: true } : {}),
  }));
}

export function loadUnseenQuestions(file = UNSEEN_QUESTIONS_FILE): EvalQuestion[] {
  const records = JSON.parse(readFileSync(file, 'utf8')) as UnseenRecord[];
  return records.map((r) => ({ ...r, alsoIn: r.alsoIn ?? [], year: null }));
}

/** The general-knowledge questions every corpus must refuse, in two halves as the unseen questions are. */
export interface OffTopicQuestions {
  tuning: string[];
  'held-out': string[];
}

export function loadOffTopicQuestions(file = OFF_TOPIC_QUESTIONS_FILE): OffTopicQuestions {
  const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const half = (name: keyof OffTopicQuestions): string[] => {
    const qs = records[name];
    if (!Array.isArray(qs) || !qs.every((q) => typeof q === 'string' && q.trim())) throw new Error(`${file}: "${name}" must be an array of questions`);
    return qs as string[];
  };
  return { tuning: half('tuning'), 'held-out': half('held-out') };
}

/**
 * True for a seed question whose right answer depends on which articles exist: "the latest meeting" is the newest of
 * the five bundled articles, but a larger corpus holds newer ones; "how many countries attended in 2019?" has no
 * answer in the five, but the larger corpus holds the 2019 meeting's story. Such questions are asked of the bundled
 * corpus only.
 */
export function answerDependsOnCorpus(q: EvalQuestion): boolean {
  return q.split === 'seed' && ((q.answerable && timeScope(q.question).kind === 'latest') || q.dependsOnCorpus === true);
}
