// Does the int8 reader, run as the product would run it (Transformers.js, one sentence at a time), keep the PyTorch
// reader's gains? Reads the dev and test lanes' dump and prints the same counts as train.py.
//   node research/reader/int8.mjs [work dir, default /tmp/reader]
import { env, AutoTokenizer, AutoModelForSequenceClassification } from '@xenova/transformers';
import fs from 'node:fs';
const work = process.argv[2] ?? '/tmp/reader';
env.localModelPath = work + '/';
env.allowRemoteModels = false;
const tokenizer = await AutoTokenizer.from_pretrained('reader');
const model = await AutoModelForSequenceClassification.from_pretrained('reader', { quantized: true });
const fold = (s) => s.toLowerCase().replace(/\s+/g, ' ');
const lane = (id) => id.match(/^[A-Z]+?(?=U?\d)/)?.[0] ?? id;
const TEST = new Set(['AB', 'AC', 'AD', 'AE']);
const DEV = new Set(['AA', 'Y', 'X']);
const data = JSON.parse(fs.readFileSync(`${work}/data.json`, 'utf8'));
async function score(question, sentence) {
  const { logits } = await model(tokenizer([question], { text_pair: [sentence], truncation: true, max_length: 128 }));
  return logits.data[0];
}
for (const [name, lanes] of [['dev', DEV], ['test', TEST]]) {
  const rows = [];
  for (const d of data.filter((x) => lanes.has(lane(x.id)))) {
    const hits = d.hits.slice(0, 5);
    if (!hits.length) continue;
    const best = [];
    const at = [];
    for (const h of hits) {
      let b = -Infinity;
      let i = 0;
      for (const [k, s] of h.sents.entries()) {
        const v = await score(d.question, s);
        if (v > b) (b = v), (i = k);
      }
      best.push(b);
      at.push(i);
    }
    rows.push({ a: hits.map((h) => h.a), s: hits.map((h) => h.s), reader: best, right: hits.map((h) => h.right), readerBold: hits.map((h, k) => fold(h.sents[at[k]]).includes(fold(d.answer))) });
  }
  const top1 = (alpha) =>
    rows.reduce((n, r) => {
      const idx = r.a.flatMap((a, i) => (a === r.a[0] ? [i] : []));
      const v = idx.map((i) => (alpha === Infinity ? r.reader[i] : r.s[i] + alpha * r.reader[i]));
      return n + (r.right[idx[v.indexOf(Math.max(...v))]] ? 1 : 0);
    }, 0);
  const first = rows.filter((r) => r.right[0]);
  console.log(name, JSON.stringify({ questions: rows.length, 'search top-1': first.length, 'first story reordered': Object.fromEntries([0.5, 1, 2, 4, Infinity].map((a) => [String(a), top1(a)])), 'bold, reader': first.filter((r) => r.readerBold[0]).length }));
}
