/**
 * Renders an `Answer` for a terminal: rank, cited sources, the passage with its answering sentence highlighted
 * (bold + yellow on a colour terminal, **double asterisks** otherwise).
 */
import { refusalLead } from '../refusal-text.js';
import type { Answer, Source } from '../types.js';

export interface RenderOptions {
  colour: boolean;
  /** The corpus, to say what it covers when a question is refused. */
  corpus?: Source[];
}

/** What the articles cover, from the corpus itself: how many, which years, the newest title. */
export function coverage(corpus: Source[]): string {
  if (corpus.length === 0) return '';
  const years = corpus.map((s) => s.published.slice(0, 4)).sort();
  const span = years[0] === years[years.length - 1] ? years[0] : `${years[0]}–${years[years.length - 1]}`;
  const newest = [...corpus].sort((a, b) => b.published.localeCompare(a.published))[0]!;
  return ` They are ${corpus.length} news article${corpus.length === 1 ? '' : 's'} (${span}), the newest “${newest.title}” (${newest.publisher}); \`npm run sources\` lists them.`;
}

const BOLD_YELLOW = '\x1b[1;33m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

function wrap(text: string, width = 100): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && (current + ' ' + word).replace(/\x1b\[[0-9;]*m/g, '').length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out.map((l) => (l ? `   ${l}` : '')).join('\n');
    })
    .join('\n');
}

export function renderAnswer(answer: Answer, options: RenderOptions): string {
  const understood = answer.understood !== answer.question ? `Understood as: ${answer.understood}\n\n` : '';
  return understood + renderResults(answer, options);
}

function renderResults(answer: Answer, { colour, corpus = [] }: RenderOptions): string {
  if (answer.refused) return `${refusalLead(answer.refusal, 'The articles do not cover that question.')}${coverage(corpus)}\n`;
  const mark = colour ? (s: string) => `${BOLD_YELLOW}${s}${RESET}` : (s: string) => `**${s}**`;
  const dim = colour ? (s: string) => `${DIM}${s}${RESET}` : (s: string) => s;
  const blocks = answer.results.map((r) => {
    const cited = r.sources.map((s) => `${s.title} — ${s.publisher}, ${s.published}${s.url ? ` <${s.url}>` : ''}`);
    const text = r.text.slice(0, r.highlightStart) + mark(r.highlight) + r.text.slice(r.highlightEnd);
    return [`${r.rank}. ${cited[0]}`, ...cited.slice(1).map((c) => `   also: ${c}`), dim(`   score ${r.score.toFixed(3)}`), wrap(text)].join('\n');
  });
  const framing = answer.newestFirst ? 'The articles give this figure for several years; newest first:\n\n' : '';
  return `${framing}${blocks.join('\n\n')}\n`;
}
