/**
 * The benchmark's own, minimal view of the corpus and the evaluation questions, independent of the core,
 * so the peers index exactly the same article texts, and one scoring rule for everybody.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../src/config.js';

export interface Doc {
  id: string;
  title: string;
  /** Front-matter `published` year. */
  year: number;
  body: string;
}

export interface EvalQuestion {
  question: string;
  answer: string;
  year: number | null;
  answerable: boolean;
  kind?: string;
}

export function loadDocs(dir = path.join(PROJECT_ROOT, 'corpus')): Doc[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
      if (!m) throw new Error(`${f}: no front matter`);
      const meta = YAML.parse(m[1]) as Record<string, unknown>;
      const published = String(meta.published instanceof Date ? meta.published.toISOString() : meta.published);
      return { id: f.replace(/\.md$/, ''), title: String(meta.title), year: Number(published.slice(0, 4)), body: m[2] };
    });
}

export function loadEvalQuestions(file = path.join(PROJECT_ROOT, 'eval', 'questions.json')): EvalQuestion[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EvalQuestion[];
}

/** One ranked hit as the scorer sees it: the passage text and the years of the articles it is cited from. */
export interface Hit {
  text: string;
  years: number[];
}

/** Case and whitespace folded, as `npm run eval` does. */
const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * Correct at k: answerable → one of the first k hits contains `answer` (case- and whitespace-insensitive) and is cited from an
 * article published in `year`; unanswerable → correct only when refused (the peers never refuse).
 */
export function correctAt(q: EvalQuestion, hits: Hit[], refused: boolean, k: number): boolean {
  if (!q.answerable) return refused;
  if (refused) return false;
  const answer = fold(q.answer);
  return hits.slice(0, k).some((h) => fold(h.text).includes(answer) && (q.year === null || h.years.includes(q.year)));
}
