/**
 * `npm run fit`: fits the ranker's weights on the tuning questions (the seed questions and the unseen tuning half,
 * asked of the combined corpus) and writes them to `src/search/ranker-weights.ts` with the cross-validation that
 * chose the penalty and the passage scale. The held-out half is never read.
 *
 *   npm run fit                 cross-validate, fit, write the weights
 *   npm run fit -- --dry-run    cross-validate and print, write nothing
 *   npm run fit -- --check-only refit only the answer check, on searches with the ranker weights in use
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_FEATURES, checkFeatures, checkVector, openAnswerer, refusalThreshold, refusedBeforeCheck, type Answerer } from '../answer/index.js';
import { fitRefusal, REFUSAL_FIT_DEFAULTS, type CheckExample } from '../eval/refusal-fit.js';
import { loadConfig, loadEnvFile, PROJECT_ROOT } from '../config.js';
import { loadEmbedder } from '../embeddings/index.js';
import { PASSAGE_DEFAULTS } from '../passages/index.js';
import { ARTICLE_FEATURES, PASSAGE_FEATURES, RANKER_WEIGHTS, type Weights } from '../search/index.js';
import { prepareCorpus } from '../eval/corpora.js';
import { answerDependsOnCorpus, loadSeedQuestions, loadUnseenQuestions, type EvalQuestion } from '../eval/questions.js';
import { combine, crossValidate, fitRanker, fromWeights, rankingExample, topKRate, toWeights, type CrossValidation, type RankingExample } from '../eval/ranker-fit.js';
import { openIndex } from '../index/index.js';
import { timedArticles, type SearchResult, type TimedArticle } from '../search/index.js';
import { runIfMain } from './errors.js';

const WEIGHTS_FILE = path.join(PROJECT_ROOT, 'src', 'search', 'ranker-weights.ts');
const REFUSAL_FILE = path.join(PROJECT_ROOT, 'src', 'answer', 'refusal-weights.ts');

const f3 = (x: number) => x.toFixed(3);

/** Compares two lists of numbers element by element. */
function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function weightTable(names: readonly string[], w: number[], folds: number[][]): string[] {
  return names.map((n, j) => {
    const fold = folds.map((f) => f[j]!);
    return `  ${n.padEnd(16)} ${w[j]!.toFixed(3).padStart(7)}   folds ${f3(Math.min(...fold))} … ${f3(Math.max(...fold))}`;
  });
}

async function main(): Promise<void> {
  loadEnvFile();
  const dryRun = process.argv.includes('--dry-run');
  const config = loadConfig();
  const seed = loadSeedQuestions();
  const tuning = [...seed.filter((q) => !answerDependsOnCorpus(q)), ...loadUnseenQuestions().filter((q) => q.split === 'tuning')];
  const embedder = await loadEmbedder(config);
  const threshold = refusalThreshold(config.embeddingModel);
  // The seed questions on the bundled corpus (where "latest" means the newest of its five articles), and every
  // tuning question on the combined corpus.
  const searched: (Searched & { answerer: Answerer })[] = [];
  for (const [corpus, questions] of [['bundled', seed], ['combined', tuning]] as const) {
    const { config: c } = await prepareCorpus(corpus, config, embedder, PASSAGE_DEFAULTS);
    // The search's own order and sentences: the ranker and the answer check are fitted on them, the reader comes after.
    const answerer = await openAnswerer({ ...c, readerModel: null }, { embedder });
    const index = openIndex(c.indexDir);
    const results: SearchResult[] = [];
    for (const q of questions) results.push(await answerer.search(q.question));
    // Each article's time, read before the index closes (a few articles' text is read for it).
    const timedOf = timedArticles(index);
    const timed = new Map(index.articles.map((a) => [a.id, timedOf(a.id)]));
    searched.push({ answerer, questions, results, timed: (id) => timed.get(id)! });
    index.lexical.close();
  }
  const checkOnly = process.argv.includes('--check-only');
  const report = (lines: string[]) => (s: string) => (lines.push(s), console.log(s));
  const rankerLines: string[] = [];
  const ranked = checkOnly ? RANKER_WEIGHTS : fitRankerWeights(searched, report(rankerLines));

  // The answer check, on searches made with the ranker's weights (just fitted, or those in use).
  const checkLines: string[] = [];
  const say = report(checkLines);
  const checks: CheckExample[] = [];
  for (const s of searched) {
    for (const [i, q] of s.questions.entries()) {
      // With the weights in use, the searches already made are the ones to check.
      const result = checkOnly ? s.results[i]! : await s.answerer.search(q.question, { search: { weights: ranked } });
      // Off-topic questions, years no article covers and names no article mentions are refused before the check;
      // the check learns from the rest.
      if (refusedBeforeCheck(result, threshold)) continue;
      checks.push({ group: q.article ?? (q.year ? `year-${q.year}` : q.id), vector: checkVector(checkFeatures(result, threshold)), unanswerable: !q.answerable });
    }
  }
  const refusal = fitRefusal(checks);
  say(`Answer check: ${checks.length} tuning questions not refused before it (${checks.filter((c) => c.unanswerable).length} unanswerable), searched with ${checkOnly ? 'the ranker weights in use' : 'the ranker weights fitted with it (src/search/ranker-weights.ts)'}.`);
  say(`Cross-validated log-loss: ${refusal.cv.map((r) => `lambda ${r.lambda} ${f3(r.loss)}`).join(', ')}; chosen lambda ${refusal.lambda}.`);
  say('Trade-off on the tuning questions, out-of-fold probabilities (refuse at ≥ t): t, unanswerable refused, answerable wrongly refused');
  for (const p of refusal.curve) say(`  ${p.threshold.toFixed(2)}  ${p.refusedUnanswerable}/${p.unanswerable}  ${p.wronglyRefused}/${p.answerable}`);
  say(`Chosen threshold ${refusal.chosen.threshold} (most refused unanswerable minus ${REFUSAL_FIT_DEFAULTS.wrongRefusalCost} × wrongly refused).`);
  say('Check weights:');
  CHECK_FEATURES.forEach((n, j) => say(`  ${n.padEnd(16)} ${refusal.model.weights[j]!.toFixed(3).padStart(7)}`));
  say(`  intercept        ${refusal.model.bias.toFixed(3).padStart(7)}`);
  if (dryRun) return;
  writeFileSync(
    REFUSAL_FILE,
    `/**\n * Fitted answer-check weights. Written by \`npm run fit\` (src/cli/fit.ts); do not edit by hand.\n *\n${comment(checkLines)}\n */\nimport type { RefusalWeights } from './answer-check.js';\n\nexport const REFUSAL_WEIGHTS: RefusalWeights = ${JSON.stringify(refusal.weights, null, 2).replace(/"(\w+)":/g, '$1:')};\n`,
  );
  if (!checkOnly) {
    const block = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `    ${k}: ${v},`).join('\n');
    writeFileSync(
      WEIGHTS_FILE,
      `/**\n * Fitted ranker weights. Written by \`npm run fit\` (src/cli/fit.ts); do not edit by hand.\n * The answer check's fit is in src/answer/refusal-weights.ts.\n *\n${comment(rankerLines)}\n */\nimport type { Weights } from './features.js';\n\nexport const RANKER_WEIGHTS: Weights = {\n  article: {\n${block(ranked.article)}\n  },\n  passage: {\n${block(ranked.passage)}\n  },\n  relevance: {\n    bias: ${ranked.relevance.bias},\n    article: {\n${block(ranked.relevance.article).replace(/^/gm, '  ')}\n    },\n  },\n  gate: {\n${block({ ...ranked.gate })}\n  },\n};\n`,
    );
  }
  console.log(`\nwrote ${[REFUSAL_FILE, ...(checkOnly ? [] : [WEIGHTS_FILE])].map((f) => path.relative(PROJECT_ROOT, f)).join(' and ')}; run \`npm run build\` and \`npm run eval\` to measure.`);
}

const comment = (lines: string[]) => lines.map((l) => ` * ${l}`.trimEnd()).join('\n');

interface Searched {
  questions: EvalQuestion[];
  results: SearchResult[];
  timed: (id: string) => TimedArticle;
}

/** Cross-validates and fits the ranker on the searches made with the weights in use; returns the fitted weights. */
function fitRankerWeights(searched: Searched[], say: (s: string) => void): Weights {
  const examples: RankingExample[] = [];
  for (const s of searched) s.questions.forEach((q, i) => q.answerable && examples.push(rankingExample(q, s.results[i]!.hits, s.timed)));
  const reachable = examples.filter((e) => e.candidates.some((x) => x.right));
  say(`${examples.length} tuning examples (seed questions on the bundled corpus; seed and unseen tuning questions on the combined one); ${reachable.length} have a right passage among the candidates.`);
  say(`Top-1 among candidates with the current weights: ${f3(topKRate(examples, fromWeights(RANKER_WEIGHTS)))}.`);
  say('Cross-validation (5 folds of whole articles), top-1 on the left-out folds:');
  const cv = crossValidate(reachable);
  // The best mean for each penalty, then: the best mean overall; among penalties within one standard error of it, the
  // strongest (the simplest model).
  const bestPer = new Map<number, CrossValidation>();
  for (const r of cv) if (!bestPer.has(r.lambda) || r.mean > bestPer.get(r.lambda)!.mean) bestPer.set(r.lambda, r);
  for (const r of bestPer.values()) {
    say(`  lambda ${String(r.lambda).padEnd(6)} best: passage scale ${r.passageScale}, relevance needed: names ${r.gate.names} / year ${r.gate.year} / recency ${r.gate.recency}: mean ${f3(r.mean)} sd ${f3(r.sd)}`);
  }
  const best = [...bestPer.values()].reduce((a, b) => (b.mean > a.mean ? b : a));
  const se = best.sd / Math.sqrt(best.foldTop1.length);
  const lambda = [...bestPer.values()].filter((r) => r.mean >= best.mean - se).reduce((a, b) => (b.lambda > a.lambda ? b : a)).lambda;
  // At that penalty, among the settings within one standard error of the best: the gates that let time and names
  // decide most often (lowest relevance needed: "latest" means the newest likely story, unless the data say
  // otherwise beyond their noise), then the best mean.
  const gateOrder = (r: CrossValidation) => [r.gate.recency, r.gate.year, r.gate.names, -r.mean];
  const chosen = cv
    .filter((r) => r.lambda === lambda && r.mean >= best.mean - se)
    .reduce((a, b) => (compareLists(gateOrder(b), gateOrder(a)) < 0 ? b : a));
  say(`Chosen: lambda ${chosen.lambda}, passage scale ${chosen.passageScale}, relevance needed: names ${chosen.gate.names} / year ${chosen.gate.year} / recency ${chosen.gate.recency}, mean ${f3(chosen.mean)} (best mean ${f3(best.mean)} at lambda ${best.lambda}; the strongest penalty, then the lowest gates, within one standard error).`);
  const fit = combine(fitRanker(reachable, chosen.lambda), chosen.passageScale, chosen.gate);
  say(`On all tuning questions with the fitted weights: top-1 ${f3(topKRate(examples, fit))}, top-3 ${f3(topKRate(examples, fit, 3))} (candidates, before merging).`);
  say('Article weights:');
  for (const l of weightTable(ARTICLE_FEATURES, fit.article, chosen.foldWeights.map((w) => w.article))) say(l);
  say(`Relevance (pointwise, intercept ${fit.relevance.bias.toFixed(3)}):`);
  for (const l of weightTable(ARTICLE_FEATURES, fit.relevance.article, chosen.foldWeights.map((w) => w.relevance.article))) say(l);
  say('Passage weights (scaled):');
  for (const l of weightTable(PASSAGE_FEATURES, fit.passage, chosen.foldWeights.map((w) => w.passage))) say(l);
  return toWeights(fit);
}

runIfMain(import.meta.url, 'npm run fit', main);
