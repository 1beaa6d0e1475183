// Loads the exported reader through Transformers.js, as the product loads its models, and scores the README's question
// against two sentences of the bundled 2011 article: the one that answers it should score higher.
//   node research/reader/check.mjs [work dir, default /tmp/reader]
import { env, AutoTokenizer, AutoModelForSequenceClassification } from '@xenova/transformers';
import fs from 'node:fs';
const work = process.argv[2] ?? '/tmp/reader';
env.localModelPath = work + '/';
env.allowRemoteModels = false;
const tokenizer = await AutoTokenizer.from_pretrained('reader');
const model = await AutoModelForSequenceClassification.from_pretrained('reader', { quantized: true });
const question = 'how many countries attended in 2011?';
const sentences = [
  'Bringing together 190 experts from 52 countries, the three-day meeting (5 – 7 September) also identified as a priority the creation of regional working parties for the Middle East and Africa to assist law enforcement deal with the rapid expansion of access to the Internet and the wider availability of online child abuse images and video.',
  'Participants were updated on the current status and upcoming evolution of INTERPOL’s International Child Sexual Exploitation (ICSE) database which currently connects specialized investigative units in 32 countries.',
];
const inputs = tokenizer(new Array(sentences.length).fill(question), { text_pair: sentences, padding: true, truncation: true });
const { logits } = await model(inputs);
sentences.forEach((s, i) => console.log(logits.data[i].toFixed(3), s));

// Cost: every sentence of two bundled articles scored against the question one at a time, then as one padded batch.
const articles = ['corpus/2011-09-07-interpol-protecting-children-from-actual-and-virtual-abuse.md', 'corpus/2014-10-05-bernews-over-140-experts-attend-interpol-meeting.md'];
const all = articles.flatMap((f) => fs.readFileSync(f, 'utf8').split(/^---$/m).slice(2).join('').split(/(?<=[.!?])\s+/).filter((s) => s.length > 40));
let t = performance.now();
for (const s of all) await model(tokenizer([question], { text_pair: [s], truncation: true }));
const single = (performance.now() - t) / 1000;
t = performance.now();
await model(tokenizer(new Array(all.length).fill(question), { text_pair: all, padding: true, truncation: true }));
const batch = (performance.now() - t) / 1000;
console.log(`${all.length} sentences: ${single.toFixed(2)} s one at a time, ${batch.toFixed(2)} s in one padded batch`);
