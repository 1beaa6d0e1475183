/**
 * Stage 5: search. Ranks passages for a question by combining
 * - the dense signal: cosine similarity of question and passage embeddings (HNSW nearest neighbours), and
 * - the lexical signal: BM25 over stemmed words and exact numbers, since numbers, names and years decide questions
 *   about figures,
 * then applies what the question says about time (a year, "by <year>", "latest", "first") against each article's year,
 * and favours passages that state a number of the thing asked about when the question asks "how many".
 * A quantity asked with no time gets its figures across the years, newest first.
 */
import type { Passage } from '../types.js';
import type { ArticleMeta, VectorIndex } from '../index/index.js';
import { buildBm25 } from './bm25.js';
import { contentTerms, isStopWord, QUANTITY_QUESTION, tokenize } from './terms.js';
import { timeScope, withoutYears, type TimeScope } from './time.js';

export { timeScope, type TimeScope } from './time.js';
export { contentTerms, tokenize, QUANTITY_QUESTION } from './terms.js';
export { withoutYears } from './time.js';

export const SEARCH_DEFAULTS = {
  /** Weight of the min–max-normalised cosine similarity in the final score. */
  denseWeight: 0.55,
  /** Weight of the max-normalised BM25 score. */
  lexicalWeight: 0.45,
  /** Added to passages of the year a question names (decisive: a named year outranks any wording). */
  yearBoost: 0.6,
  /** Added, scaled from 0 (oldest) to this (newest), for "latest"/"now" questions; reversed for "first". */
  recencyBoost: 0.2,
  /** Added when a quantity question meets a passage stating a number of the thing asked about ("52 countries"). */
  quantityBoost: 0.2,
  /** Nearest neighbours and BM25 hits taken as candidates, each. */
  candidates: 100,
  /** A year's best passage joins a newest-first list of figures when it scores within this of the best. */
  trendMargin: 0.35,
};

export type SearchOptions = typeof SEARCH_DEFAULTS;

export interface Hit {
  label: number;
  passage: Passage;
  article: ArticleMeta;
  /** Cosine similarity of question and passage. */
  dense: number;
  /** Raw BM25 score. */
  lexical: number;
  /** Whether the passage states a number of something the question asks about. */
  quantity: boolean;
  /** The combined ranking score. */
  score: number;
}

export interface SearchResult {
  hits: Hit[];
  scope: TimeScope;
  /** Highest cosine similarity among all passages: how close the corpus comes to the question at all. */
  bestDense: number;
  /** True when the hits were reordered into a newest-first list of one figure across years. */
  trend: boolean;
  /** Years a question names that no article is about or mentions. */
  uncoveredYears: number[];
}

const COUNT_WINDOW = 4;

/** Year-like numbers are dates, not counts. */
function isCount(term: string): boolean {
  return !/^(19[5-9]\d|20\d\d|21\d\d)$/.test(term);
}

/** True when the text has a count followed within a few words by one of the question's terms ("52 countries"). */
export function statesQuantityOf(text: string, questionTerms: Set<string>): boolean {
  const tokens = tokenize(text).filter((t) => !isStopWord(t) || t.isNumber);
  return tokens.some((t, i) => t.isNumber && isCount(t.term) && tokens.slice(i + 1, i + 1 + COUNT_WINDOW).some((n) => !n.isNumber && questionTerms.has(n.term)));
}

export interface Searcher {
  search(questionVector: Float32Array, question: string, options?: Partial<SearchOptions>): SearchResult;
}

export function createSearcher(index: VectorIndex): Searcher {
  const bm25 = buildBm25(index.passages.map((p) => p.text));
  const articleById = new Map(index.articles.map((a) => [a.id, a]));
  const years = [...new Set(index.articles.map((a) => a.year))].sort((a, b) => a - b);
  const passageYears = index.passages.map((p) => new Set(tokenize(p.text).filter((t) => t.isNumber).map((t) => t.term)));

  function timeBonus(scope: TimeScope, label: number, year: number, o: SearchOptions): number {
    const position = years.length > 1 ? years.indexOf(year) / (years.length - 1) : 1;
    switch (scope.kind) {
      case 'year':
        return scope.years.includes(year) || scope.years.some((y) => passageYears[label]!.has(String(y))) ? o.yearBoost : 0;
      case 'by': {
        const target = years.filter((y) => y <= scope.year).pop();
        return target === year ? o.yearBoost : 0;
      }
      case 'latest':
        return o.recencyBoost * position;
      case 'earliest':
        return o.recencyBoost * (1 - position);
      default:
        return 0;
    }
  }

  return {
    search(questionVector, question, overrides = {}) {
      const o = { ...SEARCH_DEFAULTS, ...overrides };
      const scope = timeScope(question);
      const terms = contentTerms(withoutYears(question));
      const termSet = new Set(terms);
      const lexical = bm25.scores(terms);
      const dense = new Map(index.nearest(questionVector, o.candidates).map((n) => [n.label, n.similarity]));
      const lexicalTop = [...lexical.keys()].filter((i) => lexical[i]! > 0).sort((a, b) => lexical[b]! - lexical[a]!).slice(0, o.candidates);
      for (const label of lexicalTop) {
        if (!dense.has(label)) {
          const v = index.vector(label);
          let dot = 0;
          for (let i = 0; i < v.length; i++) dot += v[i]! * questionVector[i]!;
          dense.set(label, dot);
        }
      }
      const denseValues = [...dense.values()];
      const dMax = Math.max(...denseValues);
      const dMin = Math.min(...denseValues);
      const lMax = Math.max(0, ...lexicalTop.map((i) => lexical[i]!));
      const asksQuantity = QUANTITY_QUESTION.test(question);
      const hits: Hit[] = [...dense].map(([label, similarity]) => {
        const passage = index.passages[label]!;
        const article = articleById.get(passage.articleId)!;
        const quantity = asksQuantity && statesQuantityOf(passage.text, termSet);
        const score =
          o.denseWeight * (dMax > dMin ? (similarity - dMin) / (dMax - dMin) : 1) +
          o.lexicalWeight * (lMax > 0 ? lexical[label]! / lMax : 0) +
          timeBonus(scope, label, article.year, o) +
          (quantity ? o.quantityBoost : 0);
        return { label, passage, article, dense: similarity, lexical: lexical[label]!, quantity, score };
      });
      hits.sort((a, b) => b.score - a.score || a.label - b.label);

      const uncoveredYears =
        scope.kind === 'year' ? scope.years.filter((y) => !years.includes(y) && !passageYears.some((s) => s.has(String(y)))) : [];

      let trend = false;
      if (asksQuantity && scope.kind === 'none' && hits.length) {
        const best = new Map<number, Hit>();
        for (const h of hits) {
          if (h.quantity && h.score >= hits[0]!.score - o.trendMargin && !best.has(h.article.year)) best.set(h.article.year, h);
        }
        if (best.size > 1) {
          const lead = [...best.values()].sort((a, b) => b.article.year - a.article.year);
          hits.splice(0, hits.length, ...lead, ...hits.filter((h) => !lead.includes(h)));
          trend = true;
        }
      }
      return { hits, scope, bestDense: dMax, trend, uncoveredYears };
    },
  };
}
