/**
 * `npm run chat`: a conversation with the articles in the terminal. Each message may follow up the previous answer
 * ("and in 2014?", "who said that?"), resolved as the Discord bot resolves replies.
 *
 * On a terminal: an interactive prompt (readline: arrow keys for history; Ctrl+D or `exit` ends). Otherwise (a pipe
 * or a file): one message a line in, one `--json` object a line out, so a conversation can be scripted; a line that
 * is not a valid question gives `{"question": …, "error": …}` and the conversation goes on.
 */
import { createInterface } from 'node:readline';
import { openAnswerer, QuestionError, type Answerer } from '../answer/index.js';
import { loadConfig, loadEnvFile } from '../config.js';
import { toJson, topValue } from './ask.js';
import { runIfMain } from './errors.js';
import { renderAnswer } from './render.js';

const HELP = `usage: npm run chat [-- --top N]

A conversation with the articles: ask a question, then follow it up ("and in 2014?", "what about experts?",
"who said that?"). When a message is read as a follow-up, the answer starts with "Understood as: …".

On a terminal: arrow keys recall earlier messages; Ctrl+D or "exit" ends.
Piped: one message a line on stdin, one JSON object a line on stdout (the fields of npm run ask -- --json).

  --top N    how many results, a whole number from 1 to 20 (default 3)
  --help     print this help
`;

export interface Conversation {
  /** Answers one message in the conversation; throws `QuestionError` for bad input (the conversation goes on). */
  say(message: string): ReturnType<Answerer['ask']>;
}

/** A conversation over `answerer`: each message is read after the previous answer's understood question. */
export function conversation(answerer: Answerer, top: number): Conversation {
  let previous: string | undefined;
  return {
    async say(message) {
      const answer = await answerer.ask(message, { top, after: previous });
      previous = answer.understood;
      return answer;
    },
  };
}

const CHAT_USAGE = 'usage: npm run chat [-- --top N]';

function parseTop(argv: string[]): number | 'help' {
  let top = 3;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--top' || arg.startsWith('--top=')) top = topValue(arg === '--top' ? argv[++i] : arg.slice('--top='.length), CHAT_USAGE);
    else throw new QuestionError(`unknown argument ${arg}; ${CHAT_USAGE}`);
  }
  return top;
}

async function main(): Promise<void> {
  const top = parseTop(process.argv.slice(2));
  if (top === 'help') {
    process.stdout.write(HELP);
    return;
  }
  loadEnvFile();
  const answerer = await openAnswerer(loadConfig());
  const chat = conversation(answerer, top);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const colour = interactive && !process.env.NO_COLOR;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, historySize: 100 });
  if (interactive) {
    process.stdout.write('Ask about the articles; follow up with "and in 2014?", "who said that?"… Ctrl+D or "exit" ends.\n');
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const message = line.trim();
    if (interactive && /^(exit|quit)$/i.test(message)) break;
    if (message !== '') {
      try {
        const answer = await chat.say(message);
        process.stdout.write(interactive ? `\n${renderAnswer(answer, { colour, corpus: answerer.sources() })}\n` : `${JSON.stringify(toJson(answer))}\n`);
      } catch (error) {
        if (!(error instanceof QuestionError)) throw error;
        process.stdout.write(interactive ? `${error.message}\n` : `${JSON.stringify({ question: line, error: error.message })}\n`);
      }
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  if (interactive) process.stdout.write('\n');
}

runIfMain(import.meta.url, 'npm run chat', main);
