// How much the reader should weigh beside the search, chosen on questions the probe's reader (trained by `train.py`
// without `--all`) never saw: the seven dev and test lanes and the seed questions. For each, the first story's
// passages among the search's five best hits, every sentence's search score (`Hit.sentenceScores`) and reader score;
// then right first and answer-in-bold counts for the passage weight α (passage: search score + α × its best sentence's
// reader score) and the sentence weight β (sentence shown: search score + β × reader score); then, at the chosen α and
// β, how many of each passage's sentences (the search's best first) need reading.
// Run from the repository root after `npm run build` and `npm run eval` (which indexes the combined corpus), with the
// probe's export in <work>/reader (`export.py` without `--all`):
//   node research/reader/weights.mjs [work dir, default /tmp/reader] [export folder in it, default reader]
import { openAnswerer } from '../../dist/answer/index.js';
import { loadConfig } from '../../dist/config.js';
import { loadReaderModel } from '../../dist/reader/index.js';
import { openIndex } from '../../dist/index/index.js';
import { EVAL_CACHE_DIR } from '../../dist/eval/corpora.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const work = process.argv[2] ?? '/tmp/reader';
const folder = process.argv[3] ?? 'reader';
// The probe's reader, under the id the product loads, from a models folder of its own.
const models = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-reader-'));
fs.mkdirSync(path.join(models, 'probe'));
fs.symlinkSync(path.resolve(work, folder), path.join(models, 'probe', 'reader'));
const combined = path.join(EVAL_CACHE_DIR, 'combined-Xenova_bge-small-en-v1.5-256-0');
const config = { ...loadConfig({ CORPUS_DIR: path.join(combined, 'corpus'), INDEX_DIR: path.join(combined, 'index') }), readerModel: null };
const answerer = await openAnswerer(config);
await answerer.ready();
const index = openIndex(config.indexDir);
const reader = await loadReaderModel('probe/reader', models, Infinity);
const fold = (s) => s.toLowerCase().replace(/\s+/g, ' ');
const lane = (id) => id.match(/^[A-Z]+?(?=U?\d)/)?.[0] ?? id;
const LANES = new Set(['AA', 'X', 'Y', 'AB', 'AC', 'AD', 'AE']);
const seeds = JSON.parse(fs.readFileSync('eval/questions.json', 'utf8')).filter((q) => q.answerable);
const unseen = JSON.parse(fs.readFileSync('eval/unseen-questions.json', 'utf8')).filter((q) => q.split === 'tuning' && q.answerable && LANES.has(lane(q.id)));
const rows = [];
for (const q of [...unseen, ...seeds]) {
  const r = await answerer.search(q.question);
  if (!r.hits.length) continue;
  const ok = q.article ? [q.article, ...(q.alsoIn ?? [])] : null;
  const story = r.hits[0].article.id;
  const hits = [];
  for (const h of r.hits.slice(0, 5).filter((x) => x.article.id === story)) {
    const sentences = index.sentencesOfPassage(h.label).map((l) => index.sentence(l).text);
    hits.push({
      score: h.score,
      right: (!ok || ok.includes(h.article.id)) && fold(h.passage.text).includes(fold(q.answer)),
      search: h.sentenceScores,
      reader: await reader.score(q.question, sentences),
      holds: sentences.map((t) => fold(t).includes(fold(q.answer))),
    });
  }
  rows.push(hits);
}
/** The indices of a passage's `k` sentences the search scores best (ties in passage order). */
const bestK = (h, k) => h.search.map((_, i) => i).sort((a, b) => h.search[b] - h.search[a] || a - b).slice(0, k);
let calls = 0;
/**
 * Right first / answer in bold when each passage is valued by its `k` best sentences (by the search) and the first
 * one's sentence in bold picked among its `kBold` best (every sentence read by default); counts the model calls.
 */
function count(alpha, beta, k = Infinity, kBold = k) {
  let right = 0;
  let bold = 0;
  calls = 0;
  for (const hits of rows) {
    const read = hits.map((h) => bestK(h, k));
    calls += read.reduce((n, r) => n + r.length, 0);
    const value = (j) => hits[j].score + alpha * Math.max(...read[j].map((i) => hits[j].reader[i]));
    let f = 0;
    for (let j = 1; j < hits.length; j++) if (value(j) > value(f)) f = j;
    const first = hits[f];
    const shownFrom = bestK(first, kBold);
    calls += shownFrom.filter((i) => !read[f].includes(i)).length;
    if (!first.right) continue;
    right++;
    const shown = (i) => (beta === Infinity ? first.reader[i] : first.search[i] + beta * first.reader[i]);
    if (first.holds[shownFrom.reduce((b, i) => (shown(i) > shown(b) ? i : b))]) bold++;
  }
  return `${right}/${bold}`;
}
const BETAS = [0, 0.1, 0.2, 0.3, 0.5, 1, Infinity];
console.log(`${rows.length} questions; right first / answer in bold, by α (rows) and β (columns)`);
console.log(['α \\ β', ...BETAS.map(String)].join('\t'));
for (const alpha of [0, 0.5, 1, 2, 4]) console.log([alpha, ...BETAS.map((b) => count(alpha, b))].join('\t'));
count(0.5, 0.2);
const all = calls;
console.log(`\nα 0.5, β 0.2, reading each passage's k sentences the search scores best: right first / in bold, share of model calls`);
for (const k of [1, 2, 3, 4, 6, Infinity]) console.log(`k ${k}\t${count(0.5, 0.2, k)}\t${Math.round((100 * calls) / all)} %`);
console.log(`\n…ordering on each passage's best sentence by the search, the sentence in bold among the first one's k best`);
for (const k of [2, 3, 4]) console.log(`k ${k}\t${count(0.5, 0.2, 1, k)}\t${Math.round((100 * calls) / all)} %`);
fs.rmSync(models, { recursive: true, force: true });
process.exit(0);
