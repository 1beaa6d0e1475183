/**
 * `npm run ask -- [--after "previous question"] "question" [--top N] [--json]`: answers one question from the saved
 * index, with no Discord and no token; with `--after`, as a follow-up of the previous question. `--json` prints
 * exactly one JSON object on stdout; errors go to stderr as one line, exit code 1;
 * `--help` prints the usage on stdout, exit code 0.
 */
import { explainRefusal, openAnswerer, QuestionError } from '../answer/index.js';
import { loadConfig, loadEnvFile } from '../config.js';
import type { Answer } from '../types.js';
import { runIfMain } from './errors.js';
import { renderAnswer } from './render.js';

const USAGE = 'usage: npm run ask -- [--after "previous question"] "your question" [--top N] [--json]';

const HELP = `${USAGE}

Answers one question from the saved index, with the passages that answer it.

  --top N          how many results, a whole number from 1 to 20 (default 3)
  --after "Q"      read the question as a follow-up of Q, the previous question
                   ("and in 2014?" after "how many countries attended in 2011?")
  --json           print exactly one JSON object on stdout
  --help           print this help
  --               end of options: every word after it is the question, even one starting with "--"
`;

/** The value of `--top`: a whole number from 1 to 20; throws `QuestionError` ending with `usage` otherwise. */
export function topValue(raw: string | undefined, usage: string): number {
  // Digits only: Number() would also take "0x3", "1.0" or " 3".
  if (!/^\d{1,2}$/.test(raw ?? '') || Number(raw) < 1 || Number(raw) > 20) {
    throw new QuestionError(`--top takes a whole number from 1 to 20 (got "${raw ?? ''}"); ${usage}`);
  }
  return Number(raw);
}

export type AskArgs = { help: true } | { help: false; question: string; top: number; json: boolean; after?: string };

/** Parses the command line; throws `QuestionError` with the usage line when it is wrong. */
export function parseAskArgs(argv: string[]): AskArgs {
  let top = 3;
  let json = false;
  let after: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--top' || arg.startsWith('--top=')) top = topValue(arg === '--top' ? argv[++i] : arg.slice('--top='.length), USAGE);
    else if (arg === '--after' || arg.startsWith('--after=')) {
      const raw = arg === '--after' ? argv[++i] : arg.slice('--after='.length);
      if (raw === undefined || raw.trim() === '') throw new QuestionError(`--after takes the previous question; ${USAGE}`);
      after = raw;
    } else if (arg === '--help' || arg === '-h') return { help: true };
    else if (arg.startsWith('--')) throw new QuestionError(`unknown option ${arg} (a question starting with "--" goes after "--"); ${USAGE}`);
    else words.push(arg);
  }
  if (words.length === 0) throw new QuestionError(`no question given; ${USAGE}`);
  return { help: false, question: words.join(' '), top, json, ...(after === undefined ? {} : { after }) };
}

/** The `--json` shape: exactly the fields documented in README. */
export function toJson(answer: Answer): object {
  return {
    question: answer.question,
    understood: answer.understood,
    refused: answer.refused,
    // Why it was refused: the reason's fields and the sentence a reader is shown; null when answered.
    refusal: answer.refusal ? { ...answer.refusal, explanation: explainRefusal(answer.refusal) } : null,
    results: answer.results.map((r) => ({ rank: r.rank, score: r.score, text: r.text, highlight: r.highlight, sources: r.sources })),
  };
}

async function main(): Promise<void> {
  const args = parseAskArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  loadEnvFile();
  const config = loadConfig();
  const answerer = await openAnswerer(config);
  const answer = await answerer.ask(args.question, { top: args.top, after: args.after });
  if (args.json) process.stdout.write(`${JSON.stringify(toJson(answer))}\n`);
  else process.stdout.write(renderAnswer(answer, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, corpus: answerer.sources() }));
}

runIfMain(import.meta.url, 'npm run ask', main);
