/** Asks every question of one corpus: our answers, the two plain baselines, and the search behind our answers. */
import { buildAnswer, type Answerer } from '../answer/index.js';
import type { VectorIndex } from '../index/index.js';
import { articleOfPassage } from '../passages/index.js';
import type { SearchResult } from '../search/index.js';
import { queryTerms } from '../analysis/index.js';
import type { EvalQuestion } from './questions.js';
import type { Ranked } from './score.js';

export interface Collected {
  ours: Ranked;
  /** BM25 alone (the FTS5 engine, the question's words). */
  lexical: Ranked;
  /** Embeddings alone (the same candidates, by dense similarity). */
  dense: Ranked;
  search: SearchResult;
}

/** `threshold` is the refusal threshold the answerer uses for this model (`refusalThreshold(model)`). */
export async function collect(answerer: Answerer, index: VectorIndex, questions: EvalQuestion[], threshold: number): Promise<Collected[]> {
  const yearOf = new Map(index.articles.map((a) => [a.id, a.year]));
  const cite = (text: string, articles: string[]) => ({ text, articles, years: articles.map((a) => yearOf.get(a)!) });
  const out: Collected[] = [];
  for (const q of questions) {
    // One search serves both our answer and the dense baseline.
    const search = await answerer.search(q.question);
    const answer = buildAnswer(q.question, search, index, 3, threshold);
    const ours: Ranked = {
      refused: answer.refused,
      results: answer.results.map((r) => ({ ...cite(r.text, r.passageIds.map(articleOfPassage)), highlight: r.highlight })),
    };
    const byDense = [...search.hits].sort((a, b) => b.dense - a.dense).slice(0, 3);
    const dense: Ranked = { refused: false, results: byDense.map((h) => cite(h.passage.text, [h.article.id])) };
    const scores = index.lexical.scores(new Map(queryTerms(q.question).map((t) => [t.word, 1])));
    const order = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3).map(([label]) => index.passage(label));
    const lexical: Ranked = { refused: order.length === 0, results: order.map((p) => cite(p.text, [p.articleId])) };
    out.push({ ours, lexical, dense, search });
  }
  return out;
}
