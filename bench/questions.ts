/**
 * Varied, distinct questions for the latency and burst measurements: the evaluation questions first, then
 * templated questions over the corpus's topics (different lengths, years, question words, some off-topic).
 * Distinct on purpose: the core caches query vectors, and a warm-latency figure must not be a cache hit.
 */
import { loadEvalQuestions } from './lib/corpus.js';

const TOPICS = [
  'the ICSE database',
  'Operation Strikeback',
  'sextortion',
  'the Baseline project',
  'Green Notices',
  'victim identification',
  'the Bermuda conference',
  'travelling sex offenders',
  'child sex trafficking',
  'cyber-bullying',
  'the specialist group on crimes against children',
  'online child abuse images',
  'regional working parties for the Middle East and Africa',
  'partnerships with the private sector',
  'the General Secretariat in Lyon',
  'rescued victims',
  'Michael DeSilva',
  'Anders Persson',
  'the technology industry',
  'law enforcement training',
  'digital signatures of abuse material',
  'arrests in the Philippines',
  'the victim identification workshop',
  'international police cooperation',
  'images of child sexual exploitation',
  'the expert meeting in 2022',
  'the number of identified victims',
  'specialised police units',
];

const FRAMES = [
  (t: string) => `What is ${t}?`,
  (t: string) => `who talked about ${t}`,
  (t: string) => `When was ${t} discussed?`,
  (t: string) => `how many countries were involved with ${t} in 2014?`,
  (t: string) => `Tell me what the articles say about ${t} at the Interpol meeting`,
  (t: string) => `what did interpol say about ${t} in 2022`,
  (t: string) => `Why does ${t} matter for protecting children online, according to the experts?`,
  (t: string) => `${t} latest figures`,
  (t: string) => `where was ${t} presented`,
  (t: string) => `Was ${t} mentioned in 2011 or in 2015, and what was said?`,
  (t: string) => `give me numbers on ${t}`,
  (t: string) => `How did ${t} change between the first and the latest meeting?`,
  (t: string) => `Which organisations worked on ${t}?`,
  (t: string) => `is there anything about ${t} by 2015`,
  (t: string) => `${t}?`,
  (t: string) => `Summarise the role of ${t} in the fight against child sexual abuse and exploitation across all the meetings`,
  (t: string) => `what was the outcome of ${t}`,
  (t: string) => `How many experts discussed ${t}?`,
];

const OFF_TOPIC = [
  'who won the 2018 world cup?',
  'what is the capital of australia',
  'how do I bake sourdough bread?',
  'What is the price of bitcoin today?',
  'when was the eiffel tower built',
  'Recommend a good science fiction novel',
  'how tall is mount everest',
  'what is the weather in lyon tomorrow',
];

/** `n` distinct questions, deterministic order: eval questions, off-topic ones, then topic × frame. */
export function variedQuestions(n: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (q: string) => {
    const key = q.trim().toLowerCase();
    if (!seen.has(key) && out.length < n) {
      seen.add(key);
      out.push(q);
    }
  };
  for (const q of loadEvalQuestions()) push(q.question);
  for (const q of OFF_TOPIC) push(q);
  // Walk frames and topics diagonally so any prefix of the list mixes both.
  for (let k = 0; k < TOPICS.length * FRAMES.length && out.length < n; k++) {
    const f = k % FRAMES.length;
    const t = (k + Math.floor(k / FRAMES.length)) % TOPICS.length;
    push(FRAMES[f](TOPICS[t]));
  }
  if (out.length < n) throw new Error(`only ${out.length} distinct questions available, ${n} asked`);
  return out;
}
