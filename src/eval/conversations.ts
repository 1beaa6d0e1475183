/**
 * The conversations set (`eval/conversations.json`): chats of 2–4 turns over the bundled articles, each turn with
 * the same question asked in full. Each turn is scored like a single question twice: as typed in the conversation
 * (a follow-up resolved against the previous answer) and in full, with no conversation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answerer } from '../answer/index.js';
import { articleOfPassage } from '../passages/index.js';
import type { VectorIndex } from '../index/index.js';
import type { Answer } from '../types.js';
import { EVAL_DIR, type EvalQuestion } from './questions.js';
import { isRightFirst, type Ranked } from './score.js';

export const CONVERSATIONS_FILE = path.join(EVAL_DIR, 'conversations.json');

export type TurnKind = 'first' | 'time' | 'thing' | 'reference' | 'switch';
export const TURN_KINDS: TurnKind[] = ['first', 'time', 'thing', 'reference', 'switch'];

export interface Turn {
  /** What the user types. */
  say: string;
  /** The same question asked so that it stands alone. */
  full: string;
  kind: TurnKind;
  answer: string | null;
  year: number | null;
  answerable: boolean;
}

export interface EvalConversation {
  id: string;
  split: 'tuning' | 'held-out';
  turns: Turn[];
}

export function loadConversations(file = CONVERSATIONS_FILE): EvalConversation[] {
  return JSON.parse(readFileSync(file, 'utf8')) as EvalConversation[];
}

export interface TurnResult {
  conversation: EvalConversation;
  turn: Turn;
  /** Answered as typed, after the previous turn's answer. */
  chat: Answer;
  /** The full question, asked alone. */
  full: Answer;
  chatRight: boolean;
  fullRight: boolean;
}

const asQuestion = (t: Turn, id: string): EvalQuestion => ({
  id,
  question: t.full,
  answer: t.answerable ? t.answer : null,
  article: null,
  alsoIn: [],
  year: t.year,
  answerable: t.answerable,
  kind: t.kind,
  split: 'seed',
});

/** Plays every conversation through `answerer` and asks each turn in full as well. */
export async function playConversations(answerer: Answerer, index: VectorIndex, conversations: EvalConversation[]): Promise<TurnResult[]> {
  const yearOf = new Map(index.articles.map((a) => [a.id, a.year]));
  const ranked = (a: Answer): Ranked => ({
    refused: a.refused,
    results: a.results.map((r) => {
      const articles = r.passageIds.map(articleOfPassage);
      return { text: r.text, articles, years: articles.map((x) => yearOf.get(x)!) };
    }),
  });
  const out: TurnResult[] = [];
  for (const conversation of conversations) {
    let previous: string | undefined;
    for (const [i, turn] of conversation.turns.entries()) {
      const chat = await answerer.ask(turn.say, { after: previous });
      previous = chat.understood;
      const full = await answerer.ask(turn.full);
      const q = asQuestion(turn, `${conversation.id}.${i + 1}`);
      out.push({ conversation, turn, chat, full, chatRight: isRightFirst(q, ranked(chat)), fullRight: isRightFirst(q, ranked(full)) });
    }
  }
  return out;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

/** One row: turns right first time as typed in the chat, asked in full, and their ratio. */
function row(label: string, results: TurnResult[]): string {
  const chat = results.filter((r) => r.chatRight).length;
  const full = results.filter((r) => r.fullRight).length;
  const ratio = full ? (chat / full).toFixed(2) : 'n/a';
  return `| ${label} | ${results.length} | ${pct(chat, results.length)} (${chat}) | ${pct(full, results.length)} (${full}) | ${ratio} |`;
}

/** Standing-alone messages (first turns and topic switches) whose understood question is exactly what was typed. */
export function untouched(results: TurnResult[]): { kept: number; of: number } {
  const alone = results.filter((r) => r.turn.kind === 'first' || r.turn.kind === 'switch');
  return { kept: alone.filter((r) => r.chat.understood === r.chat.question && r.chat.question === r.turn.say.replace(/\s+/g, ' ').trim()).length, of: alone.length };
}

export function conversationTable(results: TurnResult[]): string {
  const lines = ['| conversations · turns | turns | right first, as typed in the chat | right first, asked in full | ratio |', '|---|---|---|---|---|'];
  for (const split of ['tuning', 'held-out'] as const) {
    const ofSplit = results.filter((r) => r.conversation.split === split);
    lines.push(row(`**${split}** · all`, ofSplit));
    for (const kind of TURN_KINDS) lines.push(row(`${split} · ${kind}`, ofSplit.filter((r) => r.turn.kind === kind)));
  }
  const alone = untouched(results);
  return `${lines.join('\n')}\n\nMessages that stand on their own (first turns and topic switches) left exactly as typed: ${alone.kept}/${alone.of}\n`;
}

export function printConversationMisses(results: TurnResult[]): void {
  for (const r of results) {
    if (r.chatRight && (r.turn.kind !== 'switch' || r.chat.understood === r.chat.question)) continue;
    const expected = r.turn.answerable ? `expects "${r.turn.answer}" from ${r.turn.year}` : 'unanswerable';
    console.log(`MISS ${r.conversation.id} [${r.turn.kind}] "${r.turn.say}" → understood "${r.chat.understood}" (full: "${r.turn.full}"; ${expected}; full ${r.fullRight ? 'right' : 'wrong'})`);
    const top = r.chat.results[0];
    console.log(top ? `   1. ${top.sources[0]?.published} ${top.highlight.slice(0, 160)}` : '   refused');
  }
}
