/**
 * Stage 1: the corpus. One Markdown file per article in `corpus/`, with YAML front matter
 * (`title`, `publisher`, `published` as an ISO date, optional `url`, optional `year`) and the article body after it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Article } from '../types.js';

export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    // One line naming every bad file, so a terminal or a log shows it whole.
    super(`the corpus has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}, nothing was indexed: ${problems.join('; ')}`);
    this.name = 'CorpusError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** YAML turns an unquoted `2014-10-05` into a Date; bring it back to the ISO string the file holds. */
function asDateString(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return typeof v === 'string' ? v.trim() : undefined;
}

/**
 * Parses one article file's text. Returns the article, or the list of what is wrong with it (each prefixed by the file name).
 */
export function parseArticle(fileName: string, text: string): Article | string[] {
  const problems: string[] = [];
  const match = FRONT_MATTER.exec(text);
  if (!match) return [`${fileName}: no front matter (the file must start with a "---" line, the fields, and a closing "---" line)`];
  let fields: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(match[1]!);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return [`${fileName}: front matter must be "key: value" lines`];
    }
    fields = parsed as Record<string, unknown>;
  } catch (error) {
    return [`${fileName}: front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`];
  }
  const str = (key: string): string | undefined => {
    const v = fields[key];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' ? v.trim() : String(v).trim();
  };
  const title = str('title');
  const publisher = str('publisher');
  if (!title) problems.push(`${fileName}: missing "title"`);
  if (!publisher) problems.push(`${fileName}: missing "publisher"`);
  const published = asDateString(fields.published);
  if (!published) problems.push(`${fileName}: missing "published" (an ISO date such as 2014-10-05)`);
  else if (!ISO_DATE.test(published) || !isRealDate(published)) {
    problems.push(`${fileName}: "published" must be an ISO date such as 2014-10-05 (got "${published}")`);
  }
  const url = str('url') ?? null;
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) problems.push(`${fileName}: "url" must be an http(s) link (got "${url}")`);
  let year = published && ISO_DATE.test(published) ? Number(published.slice(0, 4)) : NaN;
  if (fields.year !== undefined) {
    const y = Number(fields.year);
    if (!Number.isInteger(y) || y < 1900 || y > 2200) problems.push(`${fileName}: "year" must be a four-digit year (got "${String(fields.year)}")`);
    else year = y;
  }
  const body = text.slice(match[0].length).replace(/\r\n/g, '\n').replace(/^\s+/, '').replace(/\s+$/, '') + '\n';
  if (body.trim() === '') problems.push(`${fileName}: the article body after the front matter is empty`);
  if (problems.length) return problems;
  return { id: fileName.replace(/\.md$/, ''), title: title!, publisher: publisher!, published: published!, url, body, year };
}

/** Lists the article files of a corpus folder, sorted by name (so every order derived from it is stable). */
export function listArticleFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new CorpusError([`${dir}: the corpus folder does not exist or cannot be read`]);
  }
  return names.filter((n) => n.endsWith('.md') && !n.startsWith('.') && n.toLowerCase() !== 'readme.md').sort();
}

/**
 * Reads every article of a corpus folder. Throws `CorpusError` listing every bad file (by name, with what is wrong)
 * when any file is bad, so nothing is ever indexed half-way.
 */
export function loadCorpus(dir: string): Article[] {
  const files = listArticleFiles(dir);
  if (files.length === 0) throw new CorpusError([`${dir}: no article files (*.md) found`]);
  const articles: Article[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, file), 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    const result = parseArticle(file, text);
    if (Array.isArray(result)) problems.push(...result);
    else articles.push(result);
  }
  if (problems.length) throw new CorpusError(problems);
  return articles;
}

/** A hash of everything about the corpus that the index depends on: file names and their exact contents. */
export function hashCorpus(articles: Article[]): string {
  const h = createHash('sha256');
  for (const a of articles) {
    h.update(JSON.stringify([a.id, a.title, a.publisher, a.published, a.url, a.year, a.body]));
  }
  return h.digest('hex');
}
