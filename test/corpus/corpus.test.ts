import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { CorpusError, hashCorpus, loadCorpus, parseArticle } from '../../src/corpus/index.js';
import type { Article } from '../../src/types.js';

const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

function article(front: string, body = 'LYON, France – Experts met.\n'): string {
  return `---\n${front}\n---\n\n${body}`;
}

const GOOD = article('title: "A meeting"\npublisher: "INTERPOL"\npublished: "2014-10-05"\nurl: https://example.org/a');

function parsed(fileName: string, text: string): Article {
  const result = parseArticle(fileName, text);
  if (Array.isArray(result)) throw new Error(`expected an article, got problems: ${result.join('; ')}`);
  return result;
}

function problems(fileName: string, text: string): string[] {
  const result = parseArticle(fileName, text);
  if (!Array.isArray(result)) throw new Error('expected problems, got an article');
  return result;
}

describe('parseArticle', () => {
  it('reads every front-matter field and the body of a good file', () => {
    const a = parsed('2014-a.md', GOOD);
    expect(a).toEqual({
      id: '2014-a',
      title: 'A meeting',
      publisher: 'INTERPOL',
      published: '2014-10-05',
      url: 'https://example.org/a',
      body: 'LYON, France – Experts met.\n',
      year: 2014,
    });
  });

  it('takes the year from the published date', () => {
    expect(parsed('x.md', GOOD).year).toBe(2014);
  });

  it('turns an unquoted YAML date back into the ISO string the file holds', () => {
    const a = parsed('x.md', article('title: T\npublisher: P\npublished: 2011-09-07'));
    expect(a.published).toBe('2011-09-07');
    expect(a.year).toBe(2011);
  });

  it('gives a null url when the url is left out', () => {
    expect(parsed('x.md', article('title: T\npublisher: P\npublished: 2011-09-07')).url).toBeNull();
  });

  it('lets a year field override the year of the published date', () => {
    const a = parsed('x.md', article('title: T\npublisher: P\npublished: 2015-01-02\nyear: 2014'));
    expect(a.year).toBe(2014);
    expect(a.published).toBe('2015-01-02');
  });

  it('normalises CRLF line endings in the body and ends it with one newline', () => {
    const a = parsed('x.md', '---\r\ntitle: T\r\npublisher: P\r\npublished: 2011-09-07\r\n---\r\n\r\nOne.\r\n\r\nTwo.\r\n\r\n\r\n');
    expect(a.body).toBe('One.\n\nTwo.\n');
  });

  it('reports a file with no front matter', () => {
    expect(problems('nofront.md', 'Just a body.\n')).toEqual([
      'nofront.md: no front matter (the file must start with a "---" line, the fields, and a closing "---" line)',
    ]);
  });

  it('reports a missing title, publisher and published date, each with the file name', () => {
    expect(problems('empty.md', article('url: https://example.org/a'))).toEqual([
      'empty.md: missing "title"',
      'empty.md: missing "publisher"',
      'empty.md: missing "published" (an ISO date such as 2014-10-05)',
    ]);
  });

  it('reports an impossible date with the file name', () => {
    expect(problems('baddate.md', article('title: T\npublisher: P\npublished: 2014-13-45'))).toEqual([
      'baddate.md: "published" must be an ISO date such as 2014-10-05 (got "2014-13-45")',
    ]);
  });

  it('reports a date that is not ISO with the file name', () => {
    expect(problems('baddate.md', article('title: T\npublisher: P\npublished: "5 October 2014"'))).toEqual([
      'baddate.md: "published" must be an ISO date such as 2014-10-05 (got "5 October 2014")',
    ]);
  });

  it('reports a url that is not an http(s) link with the file name', () => {
    expect(problems('badurl.md', article('title: T\npublisher: P\npublished: 2014-10-05\nurl: ftp://example.org/a'))).toEqual([
      'badurl.md: "url" must be an http(s) link (got "ftp://example.org/a")',
    ]);
  });

  it('reports a year field that is not a four-digit year', () => {
    expect(problems('y.md', article('title: T\npublisher: P\npublished: 2014-10-05\nyear: soon'))).toEqual([
      'y.md: "year" must be a four-digit year (got "soon")',
    ]);
  });

  it('reports an empty body', () => {
    expect(problems('nobody.md', article('title: T\npublisher: P\npublished: 2014-10-05', '\n\n'))).toEqual([
      'nobody.md: the article body after the front matter is empty',
    ]);
  });
});

describe('loadCorpus', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('throws a CorpusError listing the bad file by name and nothing about the good one', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
    writeFileSync(path.join(dir, 'good.md'), GOOD);
    writeFileSync(path.join(dir, 'bad.md'), article('title: T\npublisher: P\npublished: 2014-13-45'));
    let error: unknown;
    try {
      loadCorpus(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorpusError);
    const { problems: found, message } = error as CorpusError;
    expect(found).toEqual(['bad.md: "published" must be an ISO date such as 2014-10-05 (got "2014-13-45")']);
    expect(message).toContain('bad.md');
    expect(message).not.toContain('good.md');
  });

  it('names an article file that cannot be read, in one line, instead of failing with a stack trace', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
    writeFileSync(path.join(dir, 'good.md'), GOOD);
    mkdirSync(path.join(dir, 'unreadable.md'));
    const error = (() => {
      try {
        loadCorpus(dir!);
      } catch (e) {
        return e as CorpusError;
      }
      throw new Error('expected a CorpusError');
    })();
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.problems).toEqual(['unreadable.md: cannot be read (EISDIR)']);
  });

  it('throws a CorpusError for a folder that does not exist', () => {
    expect(() => loadCorpus(path.join(os.tmpdir(), 'no-such-corpus-folder-xyz'))).toThrow(CorpusError);
  });

  it('throws a CorpusError for a folder with no article files', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
    writeFileSync(path.join(dir, 'README.md'), GOOD);
    expect(() => loadCorpus(dir!)).toThrow(/no article files/);
  });

  it('loads the real corpus: five articles with years 2011, 2014, 2014, 2015, 2022', () => {
    const articles = loadCorpus(CORPUS_DIR);
    expect(articles).toHaveLength(5);
    expect(articles.map((a) => a.year)).toEqual([2011, 2014, 2014, 2015, 2022]);
  });

  it('keeps reader comments and share widgets out of the real corpus bodies', () => {
    for (const a of loadCorpus(CORPUS_DIR)) {
      for (const junk of ['says:', 'Comments (', 'Bookmark and Share', 'Read More About']) {
        expect(a.body, `${a.id} contains "${junk}"`).not.toContain(junk);
      }
    }
  });

  it('keeps every body exactly as stored after the front matter', () => {
    for (const a of loadCorpus(CORPUS_DIR)) {
      const raw = readFileSync(path.join(CORPUS_DIR, `${a.id}.md`), 'utf8');
      expect(raw).toContain(a.body.trimEnd());
    }
  });
});

describe('hashCorpus', () => {
  it('is stable for the same articles and changes when one body changes', () => {
    const articles = loadCorpus(CORPUS_DIR);
    expect(hashCorpus(articles)).toBe(hashCorpus(loadCorpus(CORPUS_DIR)));
    const changed = articles.map((a, i) => (i === 0 ? { ...a, body: a.body + 'x' } : a));
    expect(hashCorpus(changed)).not.toBe(hashCorpus(articles));
  });
});
