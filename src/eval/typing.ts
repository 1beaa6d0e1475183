/**
 * The evaluation's questions typed as people type in a chat: in capitals, in Title Case, after a greeting, without
 * punctuation or apostrophes. A search that reads case or punctuation as meaning answers them differently; the table
 * shows how many stay right first (`npm run eval -- --typing`).
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
  { name: 'no punctuation or apostrophes', type: (q) => q.replace(/[?!.,;:'’"“”]/g, '') },
];

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
