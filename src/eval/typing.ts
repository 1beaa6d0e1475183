/**
 * The evaluation's questions typed as people type in a chat: in capitals, in Title Case, after a greeting or a
 * preamble, with a sign-off, without punctuation or apostrophes, with a slip of the keyboard. A search that reads
 * case, punctuation or spelling as meaning answers them differently; the table shows how many stay right first
 * (`npm run eval -- --typing`).
 */
import type { Answerer } from '../answer/index.js';
import type { VectorIndex } from '../index/index.js';
import { collect } from './collect.js';
import type { EvalQuestion } from './questions.js';
import { isRightFirst } from './score.js';

export const TYPINGS: { name: string; type: (question: string) => string }[] = [
  { name: 'as written', type: (q) => q },
  { name: 'IN CAPITALS', type: (q) => q.toUpperCase() },
  { name: 'In Title Case', type: (q) => q.replace(/(?<![\p{L}'’])\p{L}/gu, (c) => c.toUpperCase()) },
  { name: 'after a greeting ("hey, …")', type: (q) => `hey, ${q}` },
  { name: 'after a preamble ("quick question: …")', type: (q) => `quick question: ${q}` },
  { name: 'with a sign-off ("… thanks in advance!")', type: (q) => `${q} thanks in advance!` },
  { name: 'no punctuation or apostrophes', type: (q) => q.replace(/[?!.,;:'’"“”]/g, '') },
  { name: 'a typo (longest word, two letters swapped)', type: (q) => slipInLongestWord(q, (w, i) => w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1)) },
  { name: 'a typo (longest word, a letter dropped)', type: (q) => slipInLongestWord(q, (w, i) => w.slice(0, i) + w.slice(i + 1)) },
];

/** The question with a slip in the middle of its longest word ("countries" → "counrties", "couties"). */
function slipInLongestWord(question: string, slip: (word: string, middle: number) => string): string {
  const words = [...question.matchAll(/\p{L}{5,}/gu)];
  if (!words.length) return question;
  const longest = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const w = longest[0];
  return question.slice(0, longest.index) + slip(w, Math.floor(w.length / 2)) + question.slice(longest.index! + w.length);
}

export interface TypingRow {
  name: string;
  /** Per question set: right first (answered, or refused when unanswerable), and how many differ from "as written". */
  sets: { right: number; changed: number; total: number }[];
}

/** Asks each set of questions in each typing. */
export async function typingRows(answerer: Answerer, index: VectorIndex, sets: EvalQuestion[][], threshold: number): Promise<TypingRow[]> {
  const asWritten: boolean[][] = [];
  const rows: TypingRow[] = [];
  for (const typing of TYPINGS) {
    const row: TypingRow = { name: typing.name, sets: [] };
    for (const [s, questions] of sets.entries()) {
      const typed = questions.map((q) => ({ ...q, question: typing.type(q.question) }));
      const right = (await collect(answerer, index, typed, threshold)).map((c, i) => isRightFirst(questions[i]!, c.ours));
      asWritten[s] ??= right;
      row.sets.push({ right: right.filter(Boolean).length, changed: right.filter((r, i) => r !== asWritten[s]![i]).length, total: questions.length });
    }
    rows.push(row);
  }
  return rows;
}

export function typingTable(labels: string[], rows: TypingRow[]): string {
  const head = `| typed | ${labels.map((l) => `${l}: right first · changed`).join(' | ')} |\n|---|${labels.map(() => '---').join('|')}|`;
  const body = rows.map((r) => `| ${r.name} | ${r.sets.map((x) => `${x.right}/${x.total} · ${x.changed}`).join(' | ')} |`);
  return [head, ...body].join('\n');
}
