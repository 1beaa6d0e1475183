/**
 * `npm run add -- <page.html | URL | article.md | article.txt> [...] [--title T] [--publisher P] [--published D]
 * [--url U] [--year Y]`: adds articles to the corpus from saved pages (or URLs), then updates the index.
 * Each source becomes `corpus/<date>-<slug>.md`, or is refused with one line on stderr (nothing written for it);
 * the exit code is 1 when any was refused.
 */
import { loadConfig, loadEnvFile } from '../config.js';
import { QuestionError } from '../answer/index.js';
import { addArticles, type ArticleFlags } from '../ingest/add.js';
import { updateIndex } from './build-index.js';
import { runIfMain } from './errors.js';
import { shownPath } from './progress.js';

const USAGE = 'usage: npm run add -- <page.html | URL | article.md | article.txt> [...] [--title T] [--publisher P] [--published YYYY-MM-DD] [--url U] [--year YYYY]';

const HELP = `${USAGE}

Adds news articles to the corpus and updates the index. A saved page (.html) is read like a reader view: the
article's own paragraphs, without navigation, captions, comments, "related" boxes or cookie notices; its title,
publisher, date and link come from the page (JSON-LD, then Open Graph, then <title> and the canonical link).
A URL is fetched (15 s and 5 MB at most). A .md file may carry front matter; a .txt file is the article's text.

  --title "T"            the headline, when the page lacks one (or to override it)
  --publisher "P"        the publisher's name
  --published YYYY-MM-DD the publication date
  --url U                the article's link
  --year YYYY            the year the article reports on, when not the year it was published
  --help                 print this help

The flags apply to every source given. A source without a date, a title, a publisher or article text, or one
already in the corpus (same link, or nearly the same text) is refused with one line, and nothing is written for it.
`;

export type AddArgs = { help: true } | { help: false; sources: string[]; flags: ArticleFlags };

const FLAG_KEYS = { '--title': 'title', '--publisher': 'publisher', '--published': 'published', '--url': 'url', '--year': 'year' } as const;

export function parseAddArgs(argv: string[]): AddArgs {
  const sources: string[] = [];
  const flags: ArticleFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string?]) : [arg];
    if (name in FLAG_KEYS) {
      const value = (inline ?? argv[++i] ?? '').trim();
      if (value === '') throw new QuestionError(`${name} needs a value; ${USAGE}`);
      const key = FLAG_KEYS[name as keyof typeof FLAG_KEYS];
      if (key === 'published' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new QuestionError(`--published takes a date such as 2015-11-18 (got "${value}")`);
      if (key === 'year') {
        if (!/^\d{4}$/.test(value)) throw new QuestionError(`--year takes a four-digit year (got "${value}")`);
        flags.year = Number(value);
      } else if (key === 'url' && !/^https?:\/\/\S+$/.test(value)) {
        throw new QuestionError(`--url takes an http(s) link (got "${value}")`);
      } else flags[key as Exclude<keyof ArticleFlags, 'year'>] = value;
    } else if (arg.startsWith('--')) throw new QuestionError(`unknown option ${arg}; ${USAGE}`);
    else sources.push(arg);
  }
  if (sources.length === 0) throw new QuestionError(`no page given; ${USAGE}`);
  return { help: false, sources, flags };
}

async function main(): Promise<void> {
  const args = parseAddArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  loadEnvFile();
  const config = loadConfig();
  const result = await addArticles(config.corpusDir, args.sources, args.flags);
  for (const r of result.refused) process.stderr.write(`npm run add: ${r.reason}\n`);
  for (const { file, draft } of result.added) {
    const words = draft.body.split(/\s+/).length;
    console.log(`Added ${shownPath(file)}: “${draft.title}” — ${draft.publisher}, ${draft.published} (${words} words)`);
  }
  if (result.added.length) await updateIndex(config);
  if (result.refused.length) process.exitCode = 1;
}

runIfMain(import.meta.url, 'npm run add', main);
