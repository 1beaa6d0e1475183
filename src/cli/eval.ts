/**
 * `npm run eval`: answer quality on the bundled corpus and on the combined corpus (bundled + the evaluation articles
 * of `eval/articles/`, indexed into a temporary folder), for our search and for two plain baselines (BM25 alone,
 * embeddings alone) on the same passages.
 *
 * A question counts as answered at rank k when one of the first k results contains its expected text and cites its
 * expected article (or, for the seed questions, an article of its expected year); an unanswerable question counts
 * only when refused.
 *
 *   npm run eval                          the configured model, default passages
 *   npm run eval -- --all-models          the three known models (MODELS_DIR must hold the other two)
 *   npm run eval -- --sweep               passage size / overlap grid, to choose PASSAGE_DEFAULTS
 *   npm run eval -- --verbose             every miss of the seed and tuning questions, with what was returned instead,
 *                                         and each answer right first whose bold sentence is not the answer (BOLD)
 *   npm run eval -- --verbose --held-out  …and of the held-out half (reading them spends the half: see README)
 *   npm run eval -- --refusal-curve       unanswerable refused vs answerable wrongly refused at each refusal threshold
 *   npm run eval -- --typing              the unseen questions typed as people type (capitals, a greeting…), each half
 *
 * The conversations of `eval/conversations.json` are played on the bundled corpus: each turn as typed after the
 * previous answer, and in full; `--verbose` prints the tuning half's misses (`--held-out`: the held-out half's too).
 * Every run also asks the README's question on each corpus and says whether the 2011 meeting's article answers first,
 * and the general-knowledge questions of `eval/off-topic.json` on each, counting those refused in each half
 * (`--verbose`: which of the tuning half were answered, and from what; `--held-out`: of the held-out half too).
 */
import { checkFeatures, openAnswerer, refusalThreshold, refusedBeforeCheck, unanswerableProbability, type Answerer } from '../answer/index.js';
import { REFUSAL_WEIGHTS } from '../answer/refusal-weights.js';
import { loadConfig, loadEnvFile } from '../config.js';
import { loadEmbedder, KNOWN_MODEL_IDS } from '../embeddings/index.js';
import { loadReaderModel } from '../reader/index.js';
import { openIndex } from '../index/index.js';
import { PASSAGE_DEFAULTS, type PassageOptions } from '../passages/index.js';
import { collect, type Collected } from '../eval/collect.js';
import { prepareCorpus, type CorpusName } from '../eval/corpora.js';
import { answerDependsOnCorpus, loadOffTopicQuestions, loadSeedQuestions, loadUnseenQuestions, type EvalQuestion } from '../eval/questions.js';
import { isRightFirst, score, showsAnswer, TABLE_HEADER, tableRow } from '../eval/score.js';
import { conversationTable, loadConversations, playConversations, printConversationMisses, type TurnResult } from '../eval/conversations.js';
import { typingRows, typingTable } from '../eval/typing.js';
import { runIfMain } from './errors.js';
import type { Answer } from '../types.js';

/** The question sets asked of each corpus. */
const SETS: { corpus: CorpusName; label: string; pick: (q: EvalQuestion) => boolean }[] = [
  { corpus: 'bundled', label: 'bundled · seed', pick: (q) => q.split === 'seed' },
  { corpus: 'combined', label: 'combined · seed', pick: (q) => q.split === 'seed' && !answerDependsOnCorpus(q) },
  { corpus: 'combined', label: 'combined · unseen tuning', pick: (q) => q.split === 'tuning' },
  { corpus: 'combined', label: 'combined · unseen held-out', pick: (q) => q.split === 'held-out' },
];

/** The thresholds shown, the fitted one among them, and "check off" (only the rules before the check refuse). */
const CURVE_THRESHOLDS = [...new Set([0.5, 0.6, 0.7, 0.8, 0.9, 0.95, REFUSAL_WEIGHTS.threshold])].sort((a, b) => a - b).concat(1.01);

/** At each threshold of the answer check: unanswerable refused, answerable wrongly refused (rules before the check included). */
function refusalCurve(label: string, questions: EvalQuestion[], collected: Collected[], threshold: number): string {
  const p = collected.map((c) => (refusedBeforeCheck(c.search, threshold) ? Infinity : unanswerableProbability(checkFeatures(c.search, threshold))));
  const cells = CURVE_THRESHOLDS.map((t) => {
    const refused = (i: number) => p[i]! >= t;
    const un = questions.filter((q, i) => !q.answerable && refused(i)).length;
    const wrong = questions.filter((q, i) => q.answerable && refused(i)).length;
    return `${un}/${questions.filter((q) => !q.answerable).length} · ${wrong}`;
  });
  return `| ${label} | ${cells.join(' | ')} |`;
}

function printMisses(questions: EvalQuestion[], collected: Collected[]): void {
  questions.forEach((q, i) => {
    const c = collected[i]!;
    if (isRightFirst(q, c.ours)) {
      const shown = c.ours.results[0]?.highlight;
      // Right first, but the sentence in bold is not the one with the answer.
      if (q.answerable && shown !== undefined && !showsAnswer(q, shown)) {
        console.log(`BOLD ${q.id} [${q.kind}] ${q.question}  (expects "${q.answer}"; shows "${shown.slice(0, 120).replace(/\n/g, ' ')}")`);
      }
      return;
    }
    const expected = q.answerable ? `expects "${q.answer}" from ${q.article ?? q.year}` : 'unanswerable';
    console.log(`MISS ${q.id} [${q.kind}] ${q.question}  (${expected}; best sim ${c.search.bestDense.toFixed(3)})`);
    c.ours.results.forEach((x, k) => console.log(`   ${k + 1}. (${x.articles.join(' + ')}) ${x.text.slice(0, 160).replace(/\n/g, ' ')}`));
    if (c.ours.refused) console.log('   refused');
  });
}

/** The README's example question, which must answer with the 2011 meeting's article on every corpus. */
const README_QUESTION = 'how many countries attended in 2011?';
const README_FACT = '52 countries';

function headlineCheck(answer: Answer): string {
  const first = answer.results[0];
  if (answer.refused || !first) return 'REFUSED';
  const source = first.sources[0]!;
  const ok = source.published.startsWith('2011') && first.highlight.includes(README_FACT);
  return `${ok ? 'ok' : 'WRONG'} (${source.published}, ${source.title})`;
}

/** How many of the off-topic questions a corpus refuses, and (for `--verbose`) what it answered the others with. */
async function offTopicCheck(answerer: Answerer, label: string, questions: string[]): Promise<{ line: string; answered: string[] }> {
  const answered: string[] = [];
  for (const q of questions) {
    const a = await answerer.ask(q, { top: 1 });
    if (!a.refused) answered.push(`OFFTOPIC ${label} ${q}  (answered from ${a.results[0]?.sources.map((x) => `${x.published} “${x.title}”`).join(' + ')}: "${a.results[0]?.highlight.slice(0, 100).replace(/\n/g, ' ')}")`);
  }
  return { line: `${label} ${questions.length - answered.length}/${questions.length}`, answered };
}

async function main(): Promise<void> {
  loadEnvFile();
  const args = process.argv.slice(2);
  const config = loadConfig();
  const questions = [...loadSeedQuestions(), ...loadUnseenQuestions()];
  const offTopicQuestions = loadOffTopicQuestions();
  const verbose = args.includes('--verbose');
  const showHeldOut = args.includes('--held-out');
  const models = args.includes('--all-models') ? KNOWN_MODEL_IDS : [config.embeddingModel];
  const grid: PassageOptions[] = args.includes('--sweep')
    ? [64, 96, 128, 192, 256].flatMap((maxTokens) => [0, 1].map((overlapSentences) => ({ maxTokens, overlapSentences })))
    : [PASSAGE_DEFAULTS];
  const count = (pick: (q: EvalQuestion) => boolean) => {
    const qs = questions.filter(pick);
    return `${qs.filter((q) => q.answerable).length} answerable + ${qs.filter((q) => !q.answerable).length} unanswerable`;
  };
  console.log(`seed: ${count((q) => q.split === 'seed')}; unseen tuning: ${count((q) => q.split === 'tuning')}; unseen held-out: ${count((q) => q.split === 'held-out')}\n`);
  for (const model of models) {
    const modelConfig = { ...config, embeddingModel: model };
    const embedder = await loadEmbedder(modelConfig);
    // One reader for every corpus; the typing run asks each question nine ways, five of which read alike (capitals,
    // a greeting, a preamble, a sign-off), so it keeps every score it has made.
    const reader = config.readerModel ? await loadReaderModel(config.readerModel, config.modelsDir, args.includes('--typing') ? Infinity : undefined) : undefined;
    for (const passages of grid) {
      console.log(`### ${model} · passages ≤ ${passages.maxTokens} tokens, overlap ${passages.overlapSentences}\n`);
      const rows = { ours: [] as string[], lexical: [] as string[], dense: [] as string[] };
      const bold: string[] = [];
      const misses: [EvalQuestion[], Collected[]][] = [];
      const curve: string[] = [];
      let turns: TurnResult[] = [];
      let typing = '';
      const headline: string[] = [];
      const offTopic: string[] = [];
      const offTopicAnswered: string[] = [];
      for (const corpus of ['bundled', 'combined'] as const) {
        const { config: c, summary } = await prepareCorpus(corpus, modelConfig, embedder, passages);
        process.stderr.write(`${corpus} corpus: ${summary.articles} articles, ${summary.passages} passages (${summary.embedded} texts embedded now)\n`);
        const answerer = await openAnswerer(c, { embedder, reader });
        const index = openIndex(c.indexDir);
        for (const set of SETS.filter((s) => s.corpus === corpus)) {
          const qs = questions.filter(set.pick);
          const collected = await collect(answerer, index, qs, refusalThreshold(model));
          const ours = score(qs, collected.map((x) => x.ours));
          rows.ours.push(tableRow(set.label, 'ours', ours));
          bold.push(`${set.label} ${ours.bold}/${ours.top1}`);
          rows.lexical.push(tableRow(set.label, 'BM25 alone', score(qs, collected.map((x) => x.lexical))));
          rows.dense.push(tableRow(set.label, 'embeddings alone', score(qs, collected.map((x) => x.dense))));
          if (verbose && (showHeldOut || !set.label.includes('held-out'))) misses.push([qs, collected]);
          if (args.includes('--refusal-curve')) curve.push(refusalCurve(set.label, qs, collected, refusalThreshold(model)));
        }
        headline.push(`${corpus}: ${headlineCheck(await answerer.ask(README_QUESTION, { top: 1 }))}`);
        for (const half of ['tuning', 'held-out'] as const) {
          const off = await offTopicCheck(answerer, `${corpus} · ${half}`, offTopicQuestions[half]);
          offTopic.push(off.line);
          // Reading the held-out half's answers spends it, as for the unseen questions.
          if (half === 'tuning' || showHeldOut) offTopicAnswered.push(...off.answered);
        }
        if (corpus === 'bundled') turns = await playConversations(answerer, index, loadConversations());
        if (corpus === 'combined' && args.includes('--typing')) {
          const halves = SETS.filter((x) => x.corpus === 'combined' && x.label.includes('unseen'));
          typing = typingTable(halves.map((x) => x.label.replace('combined · ', '')), await typingRows(answerer, index, halves.map((x) => questions.filter(x.pick)), refusalThreshold(model)));
        }
        index.lexical.close();
      }
      console.log([TABLE_HEADER, ...rows.ours, ...rows.lexical, ...rows.dense].join('\n') + '\n');
      console.log(`The expected answer inside the sentence shown in bold, of our answers right first: ${bold.join('; ')}\n`);
      console.log(`README's question, "${README_QUESTION}" (the 2011 meeting's "${README_FACT}" expected first): ${headline.join('; ')}\n`);
      console.log(`Off-topic questions refused (general knowledge, eval/off-topic.json): ${offTopic.join('; ')}\n`);
      if (typing) console.log(`The unseen questions typed as people type (combined corpus; "changed": right first in one typing and not the other):\n\n${typing}\n`);
      if (curve.length) {
        console.log('Refusal: unanswerable refused · answerable wrongly refused, refusing when the check gives at least t\n');
        console.log(`| corpus · questions | ${CURVE_THRESHOLDS.map((t) => (t > 1 ? 'check off' : t === REFUSAL_WEIGHTS.threshold ? `**t = ${t}** (fitted)` : `t = ${t}`)).join(' | ')} |\n|---|${CURVE_THRESHOLDS.map(() => '---').join('|')}|`);
        console.log(curve.join('\n') + '\n');
      }
      console.log(`Conversations (bundled corpus, ${new Set(turns.map((t) => t.conversation.id)).size} conversations):\n`);
      console.log(conversationTable(turns));
      for (const [qs, collected] of misses) printMisses(qs, collected);
      if (verbose) offTopicAnswered.forEach((line) => console.log(line));
      if (verbose) printConversationMisses(turns.filter((t) => showHeldOut || t.conversation.split !== 'held-out'));
    }
  }
}

runIfMain(import.meta.url, 'npm run eval', main);
