import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { parseArticle } from '../../src/corpus/index.js';
import { addArticles, articleId, articleMarkdown, duplicateOf, readSource, removeArticles, sameUrl, textOverlap } from '../../src/ingest/add.js';

const PAGES = path.join(import.meta.dirname, 'pages');
const page = (name: string) => path.join(PAGES, `${name}.html`);
const BUNDLED_2011 = path.join(PROJECT_ROOT, 'corpus', '2011-09-07-interpol-protecting-children-from-actual-and-virtual-abuse.md');

let tmp: string;
let server: Server;
let base: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'add-test-'));
  // A local web server: the pages as a site would serve them, a page too large, one that never answers, a 404.
  server = createServer((req, res) => {
    if (req.url === '/news/safeguarding') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(page('jsonld-newsarticle')));
    else if (req.url === '/huge') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>' + 'x'.repeat(200_000) + '</p>');
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 5_000).unref();
    else if (req.url === '/stall') {
      // Headers and the start of the page, then nothing.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The start of a page that never ends');
    }
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
/** An empty corpus folder, or one holding the bundled 2011 article. */
function corpus(withArticle = false): string {
  const dir = path.join(tmp, `corpus-${++n}`);
  mkdirSync(dir, { recursive: true });
  if (withArticle) cpSync(BUNDLED_2011, path.join(dir, path.basename(BUNDLED_2011)));
  return dir;
}

describe('addArticles', () => {
  it.each([
    ['jsonld-newsarticle', '2019-11-14-safeguarding-children-from-harm-a-priority-for-global', { title: 'Safeguarding children from harm: a priority for global experts', publisher: 'INTERPOL', published: '2019-11-14' }],
    ['opengraph-only', '2023-08-07-interpol-operation-dismantles-global-child-abuse-networks', { title: 'INTERPOL Operation Dismantles Global Child Abuse Networks', publisher: 'OCCRP', published: '2023-08-07' }],
    ['comments-cookie', '2017-10-19-fbi-84-minors-recovered-120-arrested-in-human-trafficking', { title: 'FBI: 84 minors recovered, 120 arrested in human trafficking operation', publisher: 'KSN (KSNW Wichita)', published: '2017-10-19' }],
  ])('writes %s as corpus/<date>-<slug>.md with the page’s own front matter, readable as an article', async (name, id, fields) => {
    const dir = corpus();
    const result = await addArticles(dir, [page(name)]);
    expect(result.refused).toEqual([]);
    expect(readdirSync(dir)).toEqual([`${id}.md`]);
    const article = parseArticle(`${id}.md`, readFileSync(path.join(dir, `${id}.md`), 'utf8'));
    expect(Array.isArray(article)).toBe(false);
    expect(article).toMatchObject({ id, ...fields });
    expect((article as { url: string }).url).toMatch(/^https?:\/\//);
  });

  it('refuses a page without a date with one line naming the flag, and writes nothing; the flags then supply it', async () => {
    const dir = corpus();
    const refused = await addArticles(dir, [page('bare')]);
    expect(refused.added).toEqual([]);
    expect(refused.refused).toEqual([
      { source: page('bare'), reason: `${page('bare')}: no publication date (supply it with --published YYYY-MM-DD); no publisher (supply it with --publisher "…"); nothing was added` },
    ]);
    expect(readdirSync(dir)).toEqual([]);
    const added = await addArticles(dir, [page('bare')], { published: '2012-06-12', publisher: 'Council of Europe' });
    expect(added.added.map((a) => a.id)).toEqual(['2012-06-12-interpol-meeting-targeted-at-identifying-child-sexual']);
    expect(readFileSync(added.added[0]!.file, 'utf8')).toMatch(/^---\ntitle: "INTERPOL meeting targeted at identifying child sexual abusers and saving victims"\npublisher: "Council of Europe"\npublished: 2012-06-12\nurl: "https:\/\/www\.coe\.int\/.*"\n---\n\n12\.06\.2012 - The INTERPOL/);
  });

  it('refuses a page that is not an article, and one with no article text', async () => {
    const dir = corpus();
    const result = await addArticles(dir, [page('section-front')]);
    expect(result.refused[0]!.reason).toContain('says it is not an article');
    const empty = path.join(tmp, 'empty.html');
    writeFileSync(empty, '<html><head><title>Hello</title><meta property="article:published_time" content="2020-01-01"></head><body><p>Too short.</p></body></html>');
    expect((await addArticles(dir, [empty])).refused[0]!.reason).toBe(`${empty}: no article text found (fewer than a few paragraphs of prose); nothing was added`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a page already in the corpus, by its link or by nearly the same text, and writes nothing', async () => {
    const dir = corpus();
    await addArticles(dir, [page('jsonld-newsarticle')]);
    const again = await addArticles(dir, [page('jsonld-newsarticle')]);
    expect(again.refused[0]!.reason).toContain('already in the corpus as 2019-11-14-safeguarding-children-from-harm-a-priority-for-global (the same link)');
    // The same text under another link (a republished copy) is a duplicate too.
    const copy = path.join(tmp, 'copy.html');
    writeFileSync(copy, readFileSync(page('jsonld-newsarticle'), 'utf8').replaceAll('https://www.interpol.int/', 'https://mirror.example.org/'));
    expect((await addArticles(dir, [copy])).refused[0]!.reason).toContain('(nearly the same text)');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('adds plain text and Markdown with the flags, and keeps a Markdown file’s own front matter', async () => {
    const dir = corpus();
    const txt = path.join(tmp, 'story.txt');
    writeFileSync(txt, readFileSync(BUNDLED_2011, 'utf8').replace(/^---[\s\S]*?---\n/, ''));
    const noFlags = await addArticles(dir, [txt]);
    expect(noFlags.refused[0]!.reason).toContain('no publication date (supply it with --published YYYY-MM-DD); no title (supply it with --title "…"); no publisher');
    const withFlags = await addArticles(dir, [txt], { title: 'Protecting children', publisher: 'INTERPOL', published: '2011-09-07' });
    expect(withFlags.added[0]!.id).toBe('2011-09-07-protecting-children');
    const other = corpus();
    const md = await addArticles(other, [BUNDLED_2011]);
    expect(md.added[0]!.draft).toMatchObject({ title: 'Protecting children from actual and virtual abuse focus of INTERPOL expert meeting', published: '2011-09-07' });
  });

  it('refuses a file of another kind, and a file that does not exist', async () => {
    const dir = corpus();
    const pdf = path.join(tmp, 'a.pdf');
    writeFileSync(pdf, '%PDF');
    const result = await addArticles(dir, [pdf, path.join(tmp, 'missing.html')]);
    expect(result.refused.map((r) => r.reason)).toEqual([
      `${pdf}: not a page this command reads (give an .html, .htm, .md or .txt file, or an http(s) URL)`,
      `${path.join(tmp, 'missing.html')}: cannot be read (ENOENT)`,
    ]);
  });
});

describe('pages from a URL (a local server)', () => {
  it('fetches a page and takes its link from the page', async () => {
    const draft = await readSource(`${base}/news/safeguarding`);
    expect(draft).toMatchObject({ title: 'Safeguarding children from harm: a priority for global experts', published: '2019-11-14' });
    expect(draft.url).toBe('https://www.interpol.int/en/News-and-Events/News/2019/Safeguarding-children-from-harm-a-priority-for-global-experts');
  });

  it('refuses a page over the size limit, one that does not answer in time, a 404 and one that stalls half-way, each in one line', async () => {
    await expect(readSource(`${base}/huge`, {}, { timeoutMs: 5_000, maxBytes: 100_000 })).rejects.toThrow(`${base}/huge: the page is over the 100000-byte limit`);
    await expect(readSource(`${base}/slow`, {}, { timeoutMs: 300, maxBytes: 100_000 })).rejects.toThrow(`${base}/slow: could not be fetched (no answer within 0.3 s)`);
    await expect(readSource(`${base}/gone`)).rejects.toThrow(`${base}/gone: the server answered 404 Not Found`);
    await expect(readSource(`${base}/stall`, {}, { timeoutMs: 300, maxBytes: 100_000 })).rejects.toThrow(`${base}/stall: could not be fetched (not all of it within 0.3 s)`);
  });
});

describe('helpers', () => {
  it('takes two links to one page as the same', () => {
    expect(sameUrl('https://www.example.org/a/b/?utm_source=x#top')).toBe(sameUrl('http://example.org/a/b'));
    expect(sameUrl('https://example.org/a?id=1')).not.toBe(sameUrl('https://example.org/a?id=2'));
  });

  it('measures shared text by runs of five words', () => {
    const text = readFileSync(BUNDLED_2011, 'utf8');
    expect(textOverlap(text, text.slice(0, 2000))).toBeGreaterThan(0.95);
    expect(textOverlap(text, 'An entirely different story about the weather in a small town this weekend and next week.')).toBe(0);
    expect(duplicateOf({ source: 's', title: 't', publisher: 'p', published: '2020-01-01', url: null, body: text.slice(500, 3000) }, [{ id: 'x', url: null, body: text }])).toEqual({ id: 'x', why: 'nearly the same text' });
  });

  it('names a file after the date and the title, and never over another', () => {
    const draft = { published: '2014-10-05', title: 'Over 140 Experts Attend Interpol Meeting!' };
    expect(articleId(draft, new Set())).toBe('2014-10-05-over-140-experts-attend-interpol-meeting');
    expect(articleId(draft, new Set(['2014-10-05-over-140-experts-attend-interpol-meeting']))).toBe('2014-10-05-over-140-experts-attend-interpol-meeting-2');
    expect(articleId({ published: '2020-01-01', title: '—' }, new Set())).toBe('2020-01-01-article');
  });

  it('quotes front matter so any title reads back', () => {
    const md = articleMarkdown({ source: 's', title: 'He said: "no" — #1', publisher: 'A: B', published: '2020-01-01', url: null, body: 'Text.' });
    expect(parseArticle('x.md', md)).toMatchObject({ title: 'He said: "no" — #1', publisher: 'A: B', published: '2020-01-01', body: 'Text.\n' });
  });

  it('removes by id, and refuses an unknown id without removing anything', () => {
    const dir = corpus(true);
    const id = path.basename(BUNDLED_2011, '.md');
    expect(() => removeArticles(dir, [id, 'nope'])).toThrow('no article with the id "nope"');
    expect(readdirSync(dir)).toHaveLength(1);
    expect(removeArticles(dir, [id])).toEqual([id]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** Runs a CLI command of the project as a child process with the given corpus and index folders. */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join('src', 'cli', `${script}.ts`), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 180_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run add, sources, remove (child processes, end to end)', () => {
  it('adds a saved page, updates the index, answers a question about it, lists it, and removes it', async () => {
    const dir = corpus(true);
    const env = { CORPUS_DIR: dir, INDEX_DIR: path.join(tmp, `index-${n}`) };
    const add = await run('add', [page('opengraph-only'), page('section-front')], env);
    expect(add.code).toBe(1);
    expect(add.stderr.trim()).toBe(`npm run add: ${page('section-front')}: the page says it is not an article (a list, a product or a profile page); nothing was added`);
    expect(add.stdout).toContain('Added ');
    expect(add.stdout).toContain('“INTERPOL Operation Dismantles Global Child Abuse Networks” — OCCRP, 2023-08-07');
    expect(add.stdout).toMatch(/Indexed 2 articles, \d+ passages, \d+ sentences/);

    const ask = await run('ask', ['how many websites did the interpol operation take down?', '--json'], env);
    expect(ask.code).toBe(0);
    const answer = JSON.parse(ask.stdout);
    expect(answer.results[0].sources[0]).toMatchObject({ publisher: 'OCCRP', published: '2023-08-07' });

    const sources = await run('sources', ['--json'], env);
    const rows = JSON.parse(sources.stdout) as { id: string; passages: number | null }[];
    expect(rows.map((r) => r.id)).toEqual(['2023-08-07-interpol-operation-dismantles-global-child-abuse-networks', path.basename(BUNDLED_2011, '.md')]);
    expect(rows.every((r) => (r.passages ?? 0) > 0)).toBe(true);

    const remove = await run('remove', ['2023-08-07-interpol-operation-dismantles-global-child-abuse-networks'], env);
    expect(remove.code).toBe(0);
    expect(remove.stdout).toMatch(/Indexed 1 articles/);
    const unknown = await run('remove', ['nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`npm run remove: no article with the id "nope" in ${dir}; \`npm run sources\` lists the ids`);
  }, 240_000);
});
