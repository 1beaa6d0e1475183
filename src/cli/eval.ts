/**
 * `npm run eval`: answer quality on eval/questions.json, for our hybrid search and for the two plain baselines
 * (BM25 alone, embeddings alone) on the same passages.
 *
 * A question counts as answered at rank k when one of the first k results contains its expected fact
 * (case-insensitive) and cites an article of its expected year; an unanswerable question counts only when refused.
 *
 *   npm run eval                                   the configured model, default passages
 *   npm run eval -- --all-models                   the three known models (MODELS_DIR must hold the other two)
 *   npm run eval -- --sweep                        passage size / overlap grid, to choose PASSAGE_DEFAULTS
 *   npm run eval -- --verbose                      every miss, with what was returned instead
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAnswerer, type Answerer } from '../answer/index.js';
import { loadConfig, loadEnvFile, PROJECT_ROOT, type CoreConfig } from '../config.js';
import { loadEmbedder, KNOWN_MODEL_IDS, type Embedder } from '../embeddings/index.js';
import { buildIndex } from '../index/build.js';
import { PASSAGE_DEFAULTS, type PassageOptions } from '../passages/index.js';
import { buildBm25 } from '../search/bm25.js';
import { contentTerms } from '../search/index.js';
import { openIndex } from '../index/index.js';
import { runIfMain } from './errors.js';

export interface EvalQuestion {
  question: string;
  answer: string;
  year: number | null;
  answerable: boolean;
  kind?: string;
}

export interface Ranked {
  refused: boolean;
  /** Each result's text and the years of the articles it cites. */
  results: { text: string; years: number[] }[];
}

export interface Score {
  top1: number;
  top3: number;
  answerable: number;
  refusedUnanswerable: number;
  unanswerable: number;
  wronglyRefused: number;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

export function isHit(q: EvalQuestion, r: Ranked['results'][number]): boolean {
  return fold(r.text).includes(fold(q.answer)) && r.years.includes(q.year!);
}

export function score(questions: EvalQuestion[], ranked: Ranked[]): Score {
  const s: Score = { top1: 0, top3: 0, answerable: 0, refusedUnanswerable: 0, unanswerable: 0, wronglyRefused: 0 };
  questions.forEach((q, i) => {
    const r = ranked[i]!;
    if (!q.answerable) {
      s.unanswerable++;
      if (r.refused) s.refusedUnanswerable++;
      return;
    }
    s.answerable++;
    if (r.refused) s.wronglyRefused++;
    if (r.results.slice(0, 1).some((x) => isHit(q, x))) s.top1++;
    if (r.results.slice(0, 3).some((x) => isHit(q, x))) s.top3++;
  });
  return s;
}

export function loadQuestions(file = path.join(PROJECT_ROOT, 'eval', 'questions.json')): EvalQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

function row(name: string, s: Score): string {
  return `| ${name} | ${pct(s.top1, s.answerable)} | ${pct(s.top3, s.answerable)} | ${s.refusedUnanswerable}/${s.unanswerable} | ${s.wronglyRefused} |`;
}

const HEADER = '| search | top-1 | top-3 | unanswerable refused | answerable wrongly refused |\n|---|---|---|---|---|';

/** Runs the three rankers over the questions with one answerer (its index and model). */
async function evaluate(answerer: Answerer, indexDir: string, questions: EvalQuestion[], threshold?: number) {
  const index = openIndex(indexDir);
  const yearOf = new Map(index.articles.map((a) => [a.id, a.year]));
  const bm25 = buildBm25(index.passages.map((p) => p.text));
  const ours: Ranked[] = [];
  const lexical: Ranked[] = [];
  const dense: Ranked[] = [];
  const bestDense: number[] = [];
  for (const q of questions) {
    const answer = await answerer.ask(q.question, { top: 3, refusalThreshold: threshold });
    ours.push({ refused: answer.refused, results: answer.results.map((r) => ({ text: r.text, years: r.passageIds.map((id) => yearOf.get(id.split('#')[0]!)!) })) });
    const search = await answerer.search(q.question);
    bestDense.push(search.bestDense);
    const byDense = [...search.hits].sort((a, b) => b.dense - a.dense).slice(0, 3);
    dense.push({ refused: false, results: byDense.map((h) => ({ text: h.passage.text, years: [h.article.year] })) });
    const scores = bm25.scores(contentTerms(q.question));
    const order = [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]!).slice(0, 3);
    lexical.push({ refused: order.length === 0, results: order.map((i) => ({ text: index.passages[i]!.text, years: [yearOf.get(index.passages[i]!.articleId)!] })) });
  }
  return { ours, lexical, dense, bestDense };
}

function thresholdReport(questions: EvalQuestion[], bestDense: number[]): string {
  const ans = questions.map((q, i) => [q, bestDense[i]!] as const).filter(([q]) => q.answerable).map(([, d]) => d);
  const un = questions.map((q, i) => [q, bestDense[i]!] as const).filter(([q]) => !q.answerable).map(([, d]) => d);
  const sorted = [...un].sort((a, b) => a - b);
  return `best-passage similarity: answerable min ${Math.min(...ans).toFixed(3)} (5th pct ${[...ans].sort((a, b) => a - b)[Math.floor(ans.length * 0.05)]!.toFixed(3)}), unanswerable ${sorted.map((d) => d.toFixed(3)).join(' ')}`;
}

async function withIndex<T>(config: CoreConfig, embedder: Embedder, passages: PassageOptions, run: (c: CoreConfig) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qa-eval-'));
  try {
    const c = { ...config, indexDir: dir };
    await buildIndex(c, { embedder, passages });
    return await run(c);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  loadEnvFile();
  const args = process.argv.slice(2);
  const config = loadConfig();
  const questions = loadQuestions();
  const verbose = args.includes('--verbose');
  const models = args.includes('--all-models') ? KNOWN_MODEL_IDS : [config.embeddingModel];
  const grid: PassageOptions[] = args.includes('--sweep')
    ? [48, 64, 96, 128, 192, 256].flatMap((maxTokens) => [0, 1].map((overlapSentences) => ({ maxTokens, overlapSentences })))
    : [PASSAGE_DEFAULTS];
  console.log(`${questions.filter((q) => q.answerable).length} answerable and ${questions.filter((q) => !q.answerable).length} unanswerable questions\n`);
  for (const model of models) {
    const modelConfig = { ...config, embeddingModel: model };
    const embedder = await loadEmbedder(modelConfig);
    for (const passages of grid) {
      await withIndex(modelConfig, embedder, passages, async (c) => {
        const answerer = await openAnswerer(c, { embedder });
        const { ours, lexical, dense, bestDense } = await evaluate(answerer, c.indexDir, questions);
        console.log(`### ${model} · passages ≤ ${passages.maxTokens} tokens, overlap ${passages.overlapSentences}\n`);
        console.log(HEADER);
        console.log(row('ours (hybrid + time + refusal)', score(questions, ours)));
        console.log(row('BM25 alone', score(questions, lexical)));
        console.log(row('embeddings alone', score(questions, dense)));
        console.log(`\n${thresholdReport(questions, bestDense)}\n`);
        if (verbose) {
          questions.forEach((q, i) => {
            const r = ours[i]!;
            const ok = q.answerable ? r.results.slice(0, 1).some((x) => isHit(q, x)) : r.refused;
            if (!ok) {
              console.log(`MISS [${q.year ?? 'unanswerable'}] ${q.question}  (expects "${q.answer}", best sim ${bestDense[i]!.toFixed(3)})`);
              r.results.forEach((x, k) => console.log(`   ${k + 1}. (${x.years.join('+')}) ${x.text.slice(0, 150).replace(/\n/g, ' ')}`));
              if (r.refused) console.log('   refused');
            }
          });
          console.log();
        }
      });
    }
  }
}

runIfMain(import.meta.url, 'npm run eval', main);
