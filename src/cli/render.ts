/**
 * Renders an `Answer` for a terminal: rank, cited sources, the passage with its answering sentence highlighted
 * (bold + yellow on a colour terminal, **double asterisks** otherwise).
 */
import type { Answer } from '../types.js';

export interface RenderOptions {
  colour: boolean;
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

function renderResults(answer: Answer, { colour }: RenderOptions): string {
  if (answer.refused) {
    return 'The articles do not cover that question. They report INTERPOL\'s Specialists Group on Crimes Against Children meetings; run with a question about those (for example "how many countries attended in 2011?").\n';
  }
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
