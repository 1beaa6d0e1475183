// Writes what the reader probe trains and is tested on: for each answerable tuning question, the search's eight best
// hits (their passages split into sentences, their scores, whether each holds the expected answer); the seed questions
// after them. With --unanswerable, the unanswerable tuning questions too (no hit holds an answer), for a reader that
// learns what no sentence answering looks like (`train.py --pointwise`).
// Run from the repository root after `npm run build` and `npm run eval` (which indexes the combined corpus):
//   node research/reader/dump.mjs [out.json] [--unanswerable]
import { openAnswerer } from '../../dist/answer/index.js';
import { loadConfig, loadEnvFile } from '../../dist/config.js';
import { splitSentences } from '../../dist/passages/sentences.js';
import { EVAL_CACHE_DIR } from '../../dist/eval/corpora.js';
import fs from 'node:fs';
import path from 'node:path';

const combined = path.join(EVAL_CACHE_DIR, 'combined-Xenova_bge-small-en-v1.5-256-0');
process.env.CORPUS_DIR ??= path.join(combined, 'corpus');
process.env.INDEX_DIR ??= path.join(combined, 'index');
loadEnvFile();
const answerer = await openAnswerer(loadConfig());
const fold = (s) => s.toLowerCase().replace(/\s+/g, ' ');
// The seed questions (eval/questions.json) are tuning data too; they name no article, so a passage holding the answer
// counts as right for them.
const seeds = JSON.parse(fs.readFileSync('eval/questions.json', 'utf8'))
  .filter((q) => q.answerable)
  .map((q, i) => ({ ...q, id: `SEED${i + 1}` }));
const withUnanswerable = process.argv.includes('--unanswerable');
const questions = [
  ...JSON.parse(fs.readFileSync('eval/unseen-questions.json', 'utf8')).filter((q) => q.split === 'tuning' && (q.answerable || withUnanswerable)),
  ...seeds,
];
const out = [];
for (const q of questions) {
  const r = await answerer.search(q.question);
  const ok = q.article ? [q.article, ...(q.alsoIn ?? [])] : null;
  const holds = (h) => q.answerable && fold(h.passage.text).includes(fold(q.answer));
  out.push({
    id: q.id,
    question: q.question,
    answer: q.answer ?? null,
    answerable: q.answerable,
    hits: r.hits.slice(0, 8).map((h) => {
      const spans = splitSentences(h.passage.text);
      return {
        a: h.article.id,
        s: h.score,
        bold: [h.sentence.start, h.sentence.end],
        sents: spans.map((sp) => h.passage.text.slice(sp.start, sp.end)),
        starts: spans.map((sp) => sp.start),
        right: (!ok || ok.includes(h.article.id)) && holds(h),
        ra: !ok || ok.includes(h.article.id),
      };
    }),
  });
}
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/tmp/reader/data.json';
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(out));
console.log(`${out.length} questions → ${file}`);
process.exit(0);
