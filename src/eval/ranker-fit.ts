/**
 * Fitting the ranker's weights: two pairwise logistic rankers over the search's own signals.
 * - Articles: for each tuning question, each right article (one holding a passage with the expected answer) is
 *   paired with the wrong articles the search ranks highest; the model learns article weights under which the right
 *   one scores higher.
 * - Passages: within each right article, each right passage is paired with the article's other candidate passages.
 * - Relevance: a pointwise logistic model of whether an article answers at all, on the same article signals.
 * A candidate's score is its article's score plus `passageScale` × its passage's score. Stories of the time a question
 * asks for then go first when their relevance passes a threshold (`timeGate`); so the article models learn only from
 * wrong articles of the same time class as the right one, and time is left to the gate. The penalty, the passage
 * scale and the two thresholds are chosen by cross-validation over folds of whole articles, so each choice is judged
 * on articles left out.
 */
import {
  answerType,
  ARTICLE_FEATURES,
  articleVector,
  PASSAGE_FEATURES,
  passageVector,
  rankCandidates,
  timeEvidence,
  timeScope,
  type Hit,
  type TimedArticle,
  type TimeScope,
  type Weights,
} from '../search/index.js';
import { foldsOf } from './folds.js';
import { fitLogistic } from './logistic.js';
import type { EvalQuestion } from './questions.js';
import { isHit } from './score.js';

/** One tuning question's candidates, as feature vectors with right/wrong labels. */
export interface RankingExample {
  question: EvalQuestion;
  /** A key that keeps questions about one article (or, for seed questions, one year) in one fold. */
  group: string;
  scope: TimeScope;
  /** Candidates in the search's order. */
  candidates: {
    article: TimedArticle;
    timeClass: number;
    articleVector: number[];
    passageVector: number[];
    writesEvent: boolean;
    /** Its story's share of the question's telling names (`Hit.tellingNames`): what the names gate reads. */
    tellingNames: number;
    right: boolean;
  }[];
}

export const RANKER_FIT_DEFAULTS = {
  /** Wrong articles paired with each right one: the ones the current ranking puts highest. */
  negativeArticles: 20,
  /** Wrong passages of a right article paired with each right passage. */
  negativePassages: 20,
  folds: 5,
  lambdas: [0.001, 0.003, 0.01, 0.03],
  /** Weight of the passage score against the article score. */
  passageScales: [0.25, 0.5, 1],
  /**
   * Relevance a story needs for the question's names, or its time, to pick it. Never 0: a story must be likely to
   * answer before its date or a name makes it the answer (1.01: the gate is off).
   */
  nameThresholds: [0.05, 0.1, 0.3, 1.01],
  yearThresholds: [0.05, 0.1, 0.2, 0.3, 0.5],
  recencyThresholds: [0.05, 0.1, 0.2, 0.3, 0.5],
};

export function rankingExample(q: EvalQuestion, hits: Hit[], timed: (id: string) => TimedArticle): RankingExample {
  return {
    question: q,
    group: q.article ?? `year-${q.year}`,
    scope: timeScope(q.question),
    candidates: hits.map((h) => ({
      article: timed(h.article.id),
      timeClass: h.timeClass,
      articleVector: articleVector(h.articleFeatures),
      passageVector: passageVector(h.features),
      writesEvent: h.writesEvent,
      tellingNames: h.tellingNames,
      right: isHit(q, { text: h.passage.text, articles: [h.article.id], years: [h.article.year] }),
    })),
  };
}

const dot = (w: number[], x: number[]) => x.reduce((s, v, j) => s + v * w[j]!, 0);

/** Pairwise logistic fit: each group's pairs (right − wrong) together weigh one. */
function fitPairs(groups: { rights: number[][]; wrongs: number[][] }[], lambda: number): number[] {
  const rows: number[][] = [];
  const rowWeights: number[] = [];
  for (const { rights, wrongs } of groups) {
    if (!rights.length || !wrongs.length) continue;
    const w = 1 / (rights.length * wrongs.length);
    for (const r of rights) for (const x of wrongs) rows.push(r.map((v, j) => v - x[j]!)), rowWeights.push(w);
  }
  return fitLogistic(rows, rows.map(() => 1), { lambda, intercept: false }, rowWeights).weights;
}

export interface RankerFit {
  article: number[];
  passage: number[];
  relevance: { bias: number; article: number[] };
  gate: Weights['gate'];
}

export function fitRanker(examples: RankingExample[], lambda: number, o = RANKER_FIT_DEFAULTS): RankerFit {
  const articleGroups = examples.flatMap((ex) => {
    const byArticle = new Map<string, { vector: number[]; timeClass: number; right: boolean }>();
    for (const c of ex.candidates) {
      const seen = byArticle.get(c.article.id);
      byArticle.set(c.article.id, { vector: c.articleVector, timeClass: c.timeClass, right: (seen?.right ?? false) || c.right });
    }
    const all = [...byArticle.values()];
    // Right and wrong stories of one time class: between classes, the time gate decides.
    return [...new Set(all.filter((a) => a.right).map((a) => a.timeClass))].map((cls) => {
      const same = all.filter((a) => a.timeClass === cls);
      return { rights: same.filter((a) => a.right).map((a) => a.vector), wrongs: same.filter((a) => !a.right).slice(0, o.negativeArticles).map((a) => a.vector) };
    });
  });
  const passageGroups = examples.flatMap((ex) => {
    const rightArticles = new Set(ex.candidates.filter((c) => c.right).map((c) => c.article.id));
    return [...rightArticles].map((id) => {
      const own = ex.candidates.filter((c) => c.article.id === id);
      return { rights: own.filter((c) => c.right).map((c) => c.passageVector), wrongs: own.filter((c) => !c.right).slice(0, o.negativePassages).map((c) => c.passageVector) };
    });
  });
  // Relevance: every right article against the wrong ones of its time class, each question weighing one.
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const g of articleGroups) {
    if (!g.rights.length || !g.wrongs.length) continue;
    for (const [set, label] of [[g.rights, 1], [g.wrongs, 0]] as const) for (const x of set) rows.push(x), labels.push(label), weights.push(1 / set.length);
  }
  const relevance = fitLogistic(rows, labels, { lambda, intercept: true }, weights);
  return {
    article: fitPairs(articleGroups, lambda),
    passage: fitPairs(passageGroups, lambda),
    relevance: { bias: relevance.bias, article: relevance.weights },
    gate: { names: 0.2, year: 0.2, recency: 0.2 },
  };
}

/** One set of weights: score = article · wA + passage · (scale · wP), with the time gate's thresholds. */
export function combine(fit: RankerFit, passageScale: number, gate: Weights['gate']): RankerFit {
  return { ...fit, passage: fit.passage.map((w) => w * passageScale), gate };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const ANSWER_DENSE = PASSAGE_FEATURES.indexOf('answerDense');

/** The candidates in the order the search would give them under these weights (names and time gates included). */
function rank(ex: RankingExample, w: RankerFit) {
  const scored = ex.candidates
    .map((c) => ({ c, article: c.article, score: dot(w.article, c.articleVector) + dot(w.passage, c.passageVector) }))
    .sort((a, b) => b.score - a.score);
  const vectorOf = new Map<TimedArticle, number[]>();
  for (const x of scored) if (!vectorOf.has(x.article)) vectorOf.set(x.article, x.c.articleVector);
  const relevance = (a: TimedArticle) => sigmoid(w.relevance.bias + dot(w.relevance.article, vectorOf.get(a)!));
  const ofArticle = (id: string) => ex.candidates.filter((c) => c.article.id === id);
  const evidence = timeEvidence(
    ex.question.question,
    answerType(ex.question.question),
    (id) => Math.max(...ofArticle(id).map((c) => c.passageVector[ANSWER_DENSE]!)),
    (id) => ofArticle(id).some((c) => c.writesEvent),
  );
  const tellingOf = new Map(ex.candidates.map((c) => [c.article, c.tellingNames]));
  return rankCandidates(scored, ex.scope, relevance, (a) => tellingOf.get(a)!, w.gate, evidence);
}

/** Share of examples whose k best-ranked candidates under the weights include a right one. */
export function topKRate(examples: RankingExample[], w: RankerFit, k = 1): number {
  if (!examples.length) return NaN;
  let right = 0;
  for (const ex of examples) if (rank(ex, w).slice(0, k).some((x) => x.c.right)) right++;
  return right / examples.length;
}

export interface CrossValidation {
  lambda: number;
  passageScale: number;
  gate: Weights['gate'];
  /** Top-1 on each left-out fold. */
  foldTop1: number[];
  mean: number;
  sd: number;
  /** Each fold's fitted weights, to see whether the weights are stable. */
  foldWeights: RankerFit[];
}

export function crossValidate(examples: RankingExample[], o = RANKER_FIT_DEFAULTS): CrossValidation[] {
  const folds = foldsOf(examples, o.folds);
  const out: CrossValidation[] = [];
  for (const lambda of o.lambdas) {
    const fits = folds.map((_, f) => fitRanker(folds.filter((__, g) => g !== f).flat(), lambda, o));
    for (const passageScale of o.passageScales) {
      for (const gate of o.nameThresholds.flatMap((names) => o.yearThresholds.flatMap((year) => o.recencyThresholds.map((recency) => ({ names, year, recency }))))) {
        {
          const foldWeights = fits.map((fit) => combine(fit, passageScale, gate));
          const foldTop1 = folds.map((test, f) => topKRate(test, foldWeights[f]!));
          const mean = foldTop1.reduce((a, b) => a + b, 0) / foldTop1.length;
          const sd = Math.sqrt(foldTop1.reduce((a, b) => a + (b - mean) ** 2, 0) / foldTop1.length);
          out.push({ lambda, passageScale, gate, foldTop1, mean, sd, foldWeights });
        }
      }
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toWeights(w: RankerFit): Weights {
  return {
    article: Object.fromEntries(ARTICLE_FEATURES.map((n, j) => [n, round(w.article[j]!)])) as Weights['article'],
    passage: Object.fromEntries(PASSAGE_FEATURES.map((n, j) => [n, round(w.passage[j]!)])) as Weights['passage'],
    relevance: {
      bias: round(w.relevance.bias),
      article: Object.fromEntries(ARTICLE_FEATURES.map((n, j) => [n, round(w.relevance.article[j]!)])) as Weights['article'],
    },
    gate: w.gate,
  };
}

export function fromWeights(w: Weights): RankerFit {
  return {
    article: ARTICLE_FEATURES.map((n) => w.article[n]),
    passage: PASSAGE_FEATURES.map((n) => w.passage[n]),
    relevance: { bias: w.relevance.bias, article: ARTICLE_FEATURES.map((n) => w.relevance.article[n]) },
    gate: w.gate,
  };
}
