/**
 * Adding articles to the corpus from what an operator has: a saved news page, a URL, a Markdown file or plain text.
 * Each becomes `corpus/<date>-<slug>.md` with its front matter, or is refused with one line saying what is missing
 * and which flag supplies it — and then nothing is written for it.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import { listArticleFiles, loadCorpus, parseArticle } from '../corpus/index.js';
import type { Article } from '../types.js';
import { extractPage, isoDate } from './page.js';

/** What the command line may fill in or override for a page. */
export interface ArticleFlags {
  title?: string;
  publisher?: string;
  /** `YYYY-MM-DD` */
  published?: string;
  url?: string;
  /** The year the article reports on, when it is not the year it was published. */
  year?: number;
}

export class AddError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddError';
  }
}

export const FETCH_LIMITS = {
  timeoutMs: 15_000,
  /** Largest page read, in bytes. */
  maxBytes: 5 * 1024 * 1024,
};

/** An article ready to be written: front-matter fields and body. */
export interface Draft {
  /** Where it came from (path or URL), for messages. */
  source: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
  year?: number;
  body: string;
}

interface Found {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  body: string;
  isArticle: boolean;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Fetches a page with a time and a size limit; throws `AddError` naming what went wrong. */
export async function fetchPage(url: string, limits = FETCH_LIMITS): Promise<{ html: string; url: string; contentType: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(limits.timeoutMs),
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.8', 'user-agent': 'news-qa-bot (npm run add)' },
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${limits.timeoutMs / 1000} s` : ((error as Error).cause as Error)?.message ?? (error as Error).message;
    throw new AddError(`${url}: could not be fetched (${reason}); save the page and add the file instead`);
  }
  if (!response.ok) throw new AddError(`${url}: the server answered ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) throw new AddError(`${url}: the page is ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let chunk = await reader?.read(); reader && chunk && !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AddError(`${url}: the page is over the ${limits.maxBytes}-byte limit`);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof AddError) throw error;
    // The connection stalled or dropped while the page was coming in.
    const reason = (error as Error).name === 'TimeoutError' ? `not all of it within ${limits.timeoutMs / 1000} s` : (error as Error).message;
    throw new AddError(`${url}: could not be fetched (${reason}); save the page and add the file instead`);
  }
  return { html: Buffer.concat(chunks).toString('utf8'), url: response.url || url, contentType: response.headers.get('content-type') ?? '' };
}

function fromHtml(html: string, pageUrl?: string): Found {
  const page = extractPage(html);
  return { ...page.meta, url: page.meta.url ?? pageUrl, body: page.text, isArticle: page.isArticle };
}

/** Plain text: paragraphs as the file has them, lines of one paragraph joined. */
function fromText(text: string): Found {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { body: paragraphs.join('\n\n'), isArticle: true };
}

/** A Markdown file: its front matter (if any) and body. */
function fromMarkdown(text: string, name: string): Found {
  if (!text.startsWith('---')) return fromText(text);
  const parsed = parseArticle(name, text);
  if (Array.isArray(parsed)) {
    // Front matter with fields missing: keep what it has; the flags may supply the rest.
    const fields = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    const body = fields ? text.slice(fields[0].length) : text;
    const get = (key: string) => new RegExp(`^${key}:\\s*"?(.*?)"?\\s*$`, 'm').exec(fields?.[1] ?? '')?.[1]?.trim() || undefined;
    return { title: get('title'), publisher: get('publisher'), published: isoDate(get('published')), url: get('url'), ...fromText(body) };
  }
  return { title: parsed.title, publisher: parsed.publisher, published: parsed.published, url: parsed.url ?? undefined, body: parsed.body.trim(), isArticle: true };
}

/** Reads one source into an article draft; throws `AddError` (one line: what is missing, which flag supplies it). */
export async function readSource(source: string, flags: ArticleFlags = {}, limits = FETCH_LIMITS): Promise<Draft> {
  let found: Found;
  if (isUrl(source)) {
    const page = await fetchPage(source, limits);
    found = /text\/plain/i.test(page.contentType) ? { ...fromText(page.html), url: page.url } : fromHtml(page.html, page.url);
  } else {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new AddError(`${source}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const ext = path.extname(source).toLowerCase();
    if (ext === '.html' || ext === '.htm' || ext === '.xhtml') found = fromHtml(text);
    else if (ext === '.md' || ext === '.markdown') found = fromMarkdown(text, path.basename(source));
    else if (ext === '.txt') found = fromText(text);
    else throw new AddError(`${source}: not a page this command reads (give an .html, .htm, .md or .txt file, or an http(s) URL)`);
  }
  if (!found.isArticle && !flags.title) {
    throw new AddError(`${source}: the page says it is not an article (a list, a product or a profile page); nothing was added`);
  }
  if (!found.body) throw new AddError(`${source}: no article text found (fewer than a few paragraphs of prose); nothing was added`);
  const draft = {
    source,
    title: flags.title ?? found.title,
    publisher: flags.publisher ?? found.publisher,
    published: flags.published ?? found.published,
    url: flags.url ?? found.url ?? null,
    year: flags.year,
    body: found.body,
  };
  const missing = [
    !draft.published && 'no publication date (supply it with --published YYYY-MM-DD)',
    !draft.title && 'no title (supply it with --title "…")',
    !draft.publisher && 'no publisher (supply it with --publisher "…")',
  ].filter(Boolean);
  if (missing.length) throw new AddError(`${source}: ${missing.join('; ')}; nothing was added`);
  const published = draft.published!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(new Date(`${published}T00:00:00Z`).getTime())) {
    throw new AddError(`${source}: the publication date "${published}" is not a date; supply it with --published YYYY-MM-DD`);
  }
  if (draft.url !== null && !/^https?:\/\/\S+$/.test(draft.url)) throw new AddError(`${source}: the link "${draft.url}" is not an http(s) URL; supply it with --url`);
  return { ...draft, title: draft.title!, publisher: draft.publisher!, published };
}

/** A URL as the same page: no scheme, `www.`, fragment, tracking parameters or trailing slash. */
export function sameUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (/^(utm_\w+|fbclid|gclid|ocid|cmpid|ref)$/i.test(key)) u.searchParams.delete(key);
    const query = u.searchParams.toString();
    // Host names are case-blind; paths are not.
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return url;
  }
}

/** The runs of five words of a text, lower-cased: shared runs mean shared sentences. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/** Share of the shorter text's five-word runs that the other holds: near 1 for the same article, republished or trimmed. */
export function textOverlap(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** Above this share of shared five-word runs, two texts are one article. */
export const DUPLICATE_OVERLAP = 0.8;

/** The corpus article a draft duplicates (same link, or nearly the same text), or null. */
export function duplicateOf(draft: Draft, corpus: Pick<Article, 'id' | 'url' | 'body'>[]): { id: string; why: string } | null {
  for (const a of corpus) {
    if (draft.url && a.url && sameUrl(draft.url) === sameUrl(a.url)) return { id: a.id, why: 'the same link' };
  }
  for (const a of corpus) {
    if (textOverlap(draft.body, a.body) >= DUPLICATE_OVERLAP) return { id: a.id, why: 'nearly the same text' };
  }
  return null;
}

const SLUG_MAX = 60;

/** `2015-11-18` + "Rescuing online child sexual abuse victims…" → `2015-11-18-rescuing-online-child-sexual-abuse-victims`. */
export function articleId(draft: Pick<Draft, 'published' | 'title'>, taken: ReadonlySet<string>): string {
  const words = draft.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // Whole words, up to 60 characters.
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + 1 + word.length > SLUG_MAX) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, SLUG_MAX);
  }
  slug ||= 'article';
  const base = `${draft.published}-${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The Markdown file of a draft: YAML front matter (quoted as needed) and the body. */
export function articleMarkdown(draft: Draft): string {
  const fields: Record<string, string | number> = { title: draft.title, publisher: draft.publisher, published: draft.published };
  if (draft.url) fields.url = draft.url;
  if (draft.year !== undefined) fields.year = draft.year;
  const yaml = toYaml(fields, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }).replace(/^published: "(\d{4}-\d{2}-\d{2})"$/m, 'published: $1');
  return `---\n${yaml}---\n\n${draft.body.trim()}\n`;
}

export interface AddResult {
  added: { id: string; file: string; draft: Draft }[];
  refused: { source: string; reason: string }[];
}

/**
 * Adds every source to the corpus folder: each either becomes a new file or is refused with one line. The corpus
 * as it is (and the articles added before it in this run) is what a duplicate is checked against.
 */
export async function addArticles(corpusDir: string, sources: string[], flags: ArticleFlags = {}, limits = FETCH_LIMITS): Promise<AddResult> {
  const corpus: Pick<Article, 'id' | 'url' | 'body'>[] = listArticleFiles(corpusDir).length ? loadCorpus(corpusDir) : [];
  const taken = new Set(corpus.map((a) => a.id));
  const result: AddResult = { added: [], refused: [] };
  for (const source of sources) {
    try {
      const draft = await readSource(source, flags, limits);
      const dup = duplicateOf(draft, corpus);
      if (dup) throw new AddError(`${source}: already in the corpus as ${dup.id} (${dup.why}); nothing was added`);
      const id = articleId(draft, taken);
      const file = path.join(corpusDir, `${id}.md`);
      const markdown = articleMarkdown(draft);
      // What is written must read back as a valid article; a temporary name keeps a half-written file out of the corpus.
      const check = parseArticle(`${id}.md`, markdown);
      if (Array.isArray(check)) throw new AddError(`${source}: ${check.join('; ')}`);
      const tmp = path.join(corpusDir, `.${id}.md.tmp`);
      writeFileSync(tmp, markdown);
      renameSync(tmp, file);
      taken.add(id);
      corpus.push({ id, url: draft.url, body: draft.body });
      result.added.push({ id, file, draft });
    } catch (error) {
      if (!(error instanceof AddError)) throw error;
      result.refused.push({ source, reason: error.message });
    }
  }
  return result;
}

/** Removes articles from the corpus folder by id (file name without `.md`); throws `AddError` for an unknown id. */
export function removeArticles(corpusDir: string, ids: string[]): string[] {
  const known = new Set(listArticleFiles(corpusDir).map((f) => f.replace(/\.md$/, '')));
  const unknown = ids.filter((id) => !known.has(id.replace(/\.md$/, '')));
  if (unknown.length) {
    throw new AddError(`no article with the id ${unknown.map((u) => `"${u}"`).join(', ')} in ${corpusDir}; \`npm run sources\` lists the ids`);
  }
  const removed: string[] = [];
  for (const id of ids.map((i) => i.replace(/\.md$/, ''))) {
    const file = path.join(corpusDir, `${id}.md`);
    if (existsSync(file)) {
      unlinkSync(file);
      removed.push(id);
    }
  }
  return removed;
}
