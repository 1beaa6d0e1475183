// Writes what the reader probe trains and is tested on: for each answerable tuning question, the search's eight best
// hits (their passages split into sentences, their scores, whether each holds the expected answer).
// Run from the repository root after `npm run build` and `npm run eval` (which indexes the combined corpus):
//   node research/reader/dump.mjs [out.json]
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
const questions = JSON.parse(fs.readFileSync('eval/unseen-questions.json', 'utf8')).filter((q) => q.split === 'tuning' && q.answerable);
const out = [];
for (const q of questions) {
  const r = await answerer.search(q.question);
  const ok = [q.article, ...(q.alsoIn ?? [])];
  out.push({
    id: q.id,
    question: q.question,
    answer: q.answer,
    hits: r.hits.slice(0, 8).map((h) => {
      const spans = splitSentences(h.passage.text);
      return {
        a: h.article.id,
        s: h.score,
        bold: [h.sentence.start, h.sentence.end],
        sents: spans.map((sp) => h.passage.text.slice(sp.start, sp.end)),
        starts: spans.map((sp) => sp.start),
        right: ok.includes(h.article.id) && fold(h.passage.text).includes(fold(q.answer)),
        ra: ok.includes(h.article.id),
      };
    }),
  });
}
const file = process.argv[2] ?? '/tmp/reader/data.json';
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(out));
console.log(`${out.length} questions → ${file}`);
process.exit(0);
