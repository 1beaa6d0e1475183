// Does the reader tell an unanswerable question from an answerable one where the answer check's signals cannot?
// For every tuning question (the seed questions that do not depend on the corpus, and the unseen tuning half) asked of
// the combined corpus and not refused by a rule before the check: the check's features as the product computes them
// (on the search's own order), and what the reader makes of the sentences it reads as the product reads them
// (`readResult`): the best score among them, and the score of the sentence it shows in bold.
// Run from the repository root after `npm run build` and `npm run eval` (which indexes the combined corpus):
//   node research/reader/refusal.mjs <out.json>                 with the product's reader
//   node research/reader/refusal.mjs <out.json> <work dir> [folder]   with a probe's (<work>/<folder>, default reader,
//                                                                    from export.py)
import { checkFeatures, checkVector, openAnswerer, refusalThreshold, refusedBeforeCheck } from '../../dist/answer/index.js';
import { loadConfig } from '../../dist/config.js';
import { loadReaderModel, readResult } from '../../dist/reader/index.js';
import { openIndex } from '../../dist/index/index.js';
import { EVAL_CACHE_DIR } from '../../dist/eval/corpora.js';
import { answerDependsOnCorpus, loadSeedQuestions, loadUnseenQuestions } from '../../dist/eval/questions.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [out, work, folder = 'reader'] = process.argv.slice(2);
if (!out) throw new Error('usage: node research/reader/refusal.mjs <out.json> [probe work dir]');
const combined = path.join(EVAL_CACHE_DIR, 'combined-Xenova_bge-small-en-v1.5-256-0');
const base = loadConfig({ CORPUS_DIR: path.join(combined, 'corpus'), INDEX_DIR: path.join(combined, 'index') });
const config = { ...base, readerModel: null };
const answerer = await openAnswerer(config);
await answerer.ready();
const index = openIndex(config.indexDir);
let reader;
if (work) {
  // The probe's reader, under an id of its own, from a models folder of its own.
  const models = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-reader-'));
  fs.mkdirSync(path.join(models, 'probe'));
  fs.symlinkSync(path.resolve(work, folder), path.join(models, 'probe', 'reader'));
  reader = await loadReaderModel('probe/reader', models, Infinity);
} else {
  reader = await loadReaderModel(base.readerModel, base.modelsDir, Infinity);
}
const threshold = refusalThreshold(config.embeddingModel);
const questions = [
  ...loadSeedQuestions()
    .filter((q) => !answerDependsOnCorpus(q))
    .map((q, i) => ({ ...q, id: `SEED${i + 1}` })),
  ...loadUnseenQuestions().filter((q) => q.split === 'tuning'),
];
const rows = [];
for (const q of questions) {
  const result = await answerer.search(q.question);
  if (refusedBeforeCheck(result, threshold)) continue;
  const scores = new Map();
  const recording = {
    ...reader,
    async score(question, sentences) {
      const s = await reader.score(question, sentences);
      sentences.forEach((t, i) => scores.set(t, s[i]));
      return s;
    },
  };
  const read = await readResult(result, q.question, recording, index);
  const first = read.hits[0];
  const bold = first.passage.text.slice(first.sentence.start, first.sentence.end);
  rows.push({
    id: q.id,
    answerable: q.answerable,
    group: q.article ?? (q.year ? `year-${q.year}` : q.id),
    vector: checkVector(checkFeatures(result, threshold)),
    readMax: Math.max(...scores.values()),
    readBold: scores.get(bold) ?? null,
  });
}
fs.writeFileSync(out, JSON.stringify(rows));
console.log(`${rows.length} questions not refused before the check (${rows.filter((r) => !r.answerable).length} unanswerable) → ${out}`);
process.exit(0);
