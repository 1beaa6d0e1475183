import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QuestionError } from '../../src/answer/index.js';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Answer } from '../../src/types.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would, without a TTY and with NO_COLOR. */
function ask(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join('src', 'cli', 'ask.ts'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 10 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

const Q2011 = 'how many countries attended in 2011?';
const OFF_TOPIC = 'who won the football world cup?';
const ANSI = /\x1b\[/;
const STACK_LINE = /^\s{4}at /m;

let json: Run;
let top1: Run;
let refused: Run;
let plain: Run;

beforeAll(async () => {
  // Model-loading runs in pairs: the machine has two cores.
  [json, top1] = await Promise.all([ask([Q2011, '--json']), ask([Q2011, '--top', '1', '--json'])]);
  [refused, plain] = await Promise.all([ask([OFF_TOPIC, '--json']), ask([Q2011])]);
}, 180_000);

describe('npm run ask (child process)', () => {
  it('prints exactly one JSON object on stdout with --json and exits 0', () => {
    expect(json.code).toBe(0);
    const lines = json.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['question', 'refusal', 'refused', 'results', 'understood']);
    expect(out.refusal).toBeNull();
    expect(out.question).toBe(Q2011);
    expect(out.refused).toBe(false);
    expect(Array.isArray(out.results)).toBe(true);
    expect((out.results as unknown[]).length).toBeGreaterThan(0);
    expect((out.results as unknown[]).length).toBeLessThanOrEqual(3);
  });

  it('gives every JSON result rank, score, text, highlight and sources with title, publisher, published date and url', () => {
    const { results } = JSON.parse(json.stdout) as { results: Record<string, unknown>[] };
    results.forEach((r, i) => {
      expect(Object.keys(r).sort()).toEqual(['highlight', 'rank', 'score', 'sources', 'text']);
      expect(r.rank).toBe(i + 1);
      expect(typeof r.score).toBe('number');
      expect(typeof r.text).toBe('string');
      expect(r.text as string).toContain(r.highlight as string);
      const sources = r.sources as Record<string, unknown>[];
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) {
        expect(Object.keys(s).sort()).toEqual(['published', 'publisher', 'title', 'url']);
        expect(typeof s.title).toBe('string');
        expect(typeof s.publisher).toBe('string');
        expect(s.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(s.url === null || typeof s.url === 'string').toBe(true);
      }
    });
    expect(results[0]!.sources as { published: string }[]).toEqual(
      expect.arrayContaining([expect.objectContaining({ published: expect.stringMatching(/^2011-/) })]),
    );
  });

  it('gives one result with --top 1', () => {
    expect(top1.code).toBe(0);
    expect((JSON.parse(top1.stdout) as Answer).results).toHaveLength(1);
  });

  it('prints refused: true, why, and no results for an off-topic question', () => {
    expect(refused.code).toBe(0);
    const out = JSON.parse(refused.stdout) as Answer & { refusal: { reason: string; explanation: string } };
    expect(out.refused).toBe(true);
    expect(out.refusal).toEqual({ reason: 'off-topic', explanation: 'Nothing in the articles comes close to that question.' });
    expect(out.results).toEqual([]);
  });

  it('prints plain text without ANSI escapes when not on a terminal, marking the highlight with **', () => {
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    const { results } = JSON.parse(json.stdout) as { results: { highlight: string }[] };
    const flat = plain.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(`**${results[0]!.highlight.replace(/\s+/g, ' ')}**`);
    expect(plain.stdout).toMatch(/^1\. /);
  });

  const failures: [string, string[], Record<string, string>, RegExp][] = [
    ['an empty question', [''], {}, /The question is empty/],
    ['a question of white space only', ['   \t '], {}, /The question is empty/],
    ['a question of 2,000 characters', ['a'.repeat(2000)], {}, /2000 characters long; the limit is 1000/],
    ['a question with control characters', ['a\u0001b'], {}, /control characters/],
    ['--top 0', [Q2011, '--top', '0'], {}, /--top takes a whole number from 1 to 20/],
    ['no question at all', [], {}, /no question given/],
    ['an unknown option', [Q2011, '--verbose'], {}, /unknown option --verbose/],
    ['a missing index', [Q2011], { INDEX_DIR: '/nonexistent' }, /npm run index/],
  ];

  async function expectOneLineFailure(args: string[], env: Record<string, string>, message: RegExp): Promise<void> {
    const run = await ask(args, env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(run.stderr).toMatch(/^npm run ask: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
  }

  it.each(failures)('exits 1 with one line on stderr and no stack trace for %s', async (_, args, env, message) => {
    await expectOneLineFailure(args, env, message);
  });

  // Once printed ConfigError's multi-line list; ConfigError is one line since e7c23a4.
  it('exits 1 with one line on stderr naming every bad key for a bad config', async () => {
    await expectOneLineFailure([Q2011], { LOG_LEVEL: 'loud', EMBEDDING_MODEL: 'bad' }, /LOG_LEVEL must be one of debug, info, warn, error \(got "loud"\).*EMBEDDING_MODEL|EMBEDDING_MODEL.*LOG_LEVEL must be one of debug, info, warn, error \(got "loud"\)/);
  });

  // Once printed CorpusError's multi-line list; CorpusError is one line now.
  it('exits 1 with one line on stderr for a corpus with a bad file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ask-bad-corpus-'));
    try {
      for (const f of readdirSync(path.join(PROJECT_ROOT, 'corpus')).filter((n) => n.endsWith('.md'))) {
        copyFileSync(path.join(PROJECT_ROOT, 'corpus', f), path.join(dir, f));
      }
      writeFileSync(path.join(dir, 'zz-bad.md'), '---\ntitle: T\npublisher: P\npublished: 2014-13-45\n---\n\nBody.\n');
      await expectOneLineFailure([Q2011], { CORPUS_DIR: dir }, /zz-bad\.md: "published" must be an ISO date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 naming the bad key and no stack trace for a bad LOG_LEVEL', async () => {
    const run = await ask([Q2011], { LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('LOG_LEVEL must be one of debug, info, warn, error (got "loud")');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('npm run ask --help (child process)', () => {
  it('prints the usage and the options on stdout and exits 0', async () => {
    const run = await ask(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: npm run ask -- [--after "previous question"] "your question" [--top N] [--json]');
    expect(run.stdout).toContain('--top N');
    expect(run.stderr).toBe('');
  });

  it('exits quietly when the reader of its output stops early (npm run ask -- --help | head)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'ask.ts'), '--help'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('answers a question that starts with "--" after "--"', async () => {
    const run = await ask(['--json', '--', '--how many countries attended in 2011?']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).question).toBe('--how many countries attended in 2011?');
  });
});

describe('parseAskArgs and toJson (imported)', () => {
  let parseAskArgs: typeof import('../../src/cli/ask.js').parseAskArgs;
  let toJson: typeof import('../../src/cli/ask.js').toJson;
  const exit = vi.spyOn(process, 'exit');
  const stderr = vi.spyOn(process.stderr, 'write');

  beforeAll(async () => {
    // src/cli/ask.ts runs its main() on import (see report): keep that run from exiting the test worker or
    // writing to its stderr. With no arguments it stops at "no question given" before loading anything.
    const argv = process.argv;
    process.argv = [argv[0]!, 'ask.ts'];
    exit.mockImplementation((() => undefined) as never);
    stderr.mockImplementation(() => true);
    try {
      ({ parseAskArgs, toJson } = await import('../../src/cli/ask.js'));
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.argv = argv;
    }
  });

  afterAll(() => {
    exit.mockRestore();
    stderr.mockRestore();
  });

  it('joins the words of the question and defaults to three plain results', () => {
    expect(parseAskArgs(['how', 'many', 'countries?'])).toEqual({ help: false, question: 'how many countries?', top: 3, json: false });
  });

  it('reads --top N, --top=N and --json anywhere on the line', () => {
    expect(parseAskArgs(['--json', 'q', '--top', '5'])).toEqual({ help: false, question: 'q', top: 5, json: true });
    expect(parseAskArgs(['q', '--top=20'])).toEqual({ help: false, question: 'q', top: 20, json: false });
  });

  it.each([['0'], ['21'], ['1.5'], ['x'], ['0x3'], ['1.0'], [' 3'], ['3e0']])('rejects --top %s with the usage line', (n) => {
    expect(() => parseAskArgs(['q', '--top', n])).toThrow(QuestionError);
    expect(() => parseAskArgs(['q', '--top', n])).toThrow(
      `--top takes a whole number from 1 to 20 (got "${n}"); usage: npm run ask -- [--after "previous question"] "your question" [--top N] [--json]`,
    );
  });

  it('rejects --top with no number', () => {
    expect(() => parseAskArgs(['q', '--top'])).toThrow('--top takes a whole number from 1 to 20 (got "")');
  });

  it('rejects an unknown option and a missing question', () => {
    expect(() => parseAskArgs(['q', '--fast'])).toThrow('unknown option --fast (a question starting with "--" goes after "--"); usage: npm run ask -- [--after "previous question"] "your question" [--top N] [--json]');
    expect(() => parseAskArgs(['--json'])).toThrow('no question given; usage: npm run ask -- [--after "previous question"] "your question" [--top N] [--json]');
  });

  it('answers --help as a request for help, not an error', () => {
    expect(parseAskArgs(['--help'])).toEqual({ help: true });
    expect(parseAskArgs(['q', '-h'])).toEqual({ help: true });
  });

  it('takes every word after "--" as the question, even one starting with "--"', () => {
    expect(parseAskArgs(['--json', '--', '--why', 'so', '--top', '2?'])).toEqual({ help: false, question: '--why so --top 2?', top: 3, json: true });
    expect(() => parseAskArgs(['--'])).toThrow('no question given');
  });

  it('keeps only the documented fields of an answer', () => {
    const answer: Answer = {
      question: 'q',
      understood: 'q',
      refused: false,
      results: [
        {
          rank: 1,
          score: 0.5,
          text: 'A. B.',
          highlight: 'B.',
          highlightStart: 3,
          highlightEnd: 5,
          sources: [{ title: 't', publisher: 'p', published: '2014-10-05', url: null }],
          passageIds: ['x#0-5'],
        },
      ],
    };
    expect(toJson(answer)).toEqual({
      question: 'q',
      understood: 'q',
      refused: false,
      refusal: null,
      results: [{ rank: 1, score: 0.5, text: 'A. B.', highlight: 'B.', sources: [{ title: 't', publisher: 'p', published: '2014-10-05', url: null }] }],
    });
    expect(toJson({ question: 'q', understood: 'q', refused: true, refusal: { reason: 'name', name: 'operation tidewater' }, results: [] })).toEqual({
      question: 'q',
      understood: 'q',
      refused: true,
      refusal: { reason: 'name', name: 'operation tidewater', explanation: 'No article mentions “operation tidewater”.' },
      results: [],
    });
  });
});
