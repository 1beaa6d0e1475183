import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const CHAT = ['--import', 'tsx', path.join('src', 'cli', 'chat.ts')];

/** Runs `npm run chat` with `input` piped on stdin (not a terminal). */
function chatPiped(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      CHAT,
      { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 10 * 1024 * 1024, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe('npm run chat, piped (one message a line in, one JSON object a line out)', () => {
  it('resolves each message after the previous answer, and goes on past a bad line', async () => {
    const run = await chatPiped(['how many countries attended in 2011?', 'and in 2014?', '', '\u0001', 'who hosted the 2014 meeting?', 'when was it?'].join('\n') + '\n');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    // The empty line is skipped; the control character gets an error object and the conversation continues.
    expect(lines).toHaveLength(5);
    expect(lines[0]!.understood).toBe('how many countries attended in 2011?');
    expect(lines[1]!).toMatchObject({ question: 'and in 2014?', understood: 'how many countries attended in 2014?', refused: false });
    expect(lines[1]!.results[0].sources[0].published.startsWith('2014')).toBe(true);
    expect(lines[2]!.error).toContain('control characters');
    expect(lines[3]!.understood).toBe('who hosted the 2014 meeting?');
    expect(lines[4]!.understood).toBe('when was it? (after “who hosted the 2014 meeting?”)');
    expect(lines[4]!.results[0].sources[0].published.startsWith('2014')).toBe(true);
  }, 120_000);
});

const plain = (text: string) => text.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '');

/**
 * Runs `npm run chat` on a pseudo-terminal (util-linux `script`), typing `keys` one step at a time once the prompt
 * is up; returns everything the terminal showed, without colour codes.
 */
function chatOnTerminal(keys: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, ...CHAT].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: PROJECT_ROOT, env: { ...process.env, TERM: 'xterm' } });
    let out = '';
    let typed = 0;
    const type = () => {
      // One key sequence each time a fresh prompt is shown.
      const prompts = plain(out).split('\n> ').length - 1;
      if (typed < keys.length && prompts > typed) child.stdin.write(keys[typed++]!);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8').replace(/\r/g, '');
      type();
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`chat on a terminal did not finish; it showed:\n${out}`));
    }, 90_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(plain(out));
    });
  });
}

describe('npm run chat, on a terminal', () => {
  it('answers, shows "Understood as" for a follow-up, recalls a message with the up arrow, and ends on "exit"', async () => {
    const shown = await chatOnTerminal(['how many countries attended in 2011?\r', 'and in 2014?\r', '\x1b[A\r', 'exit\r']);
    expect(shown).toContain('follow up with');
    expect(shown).toContain('52 countries');
    expect(shown.split('Understood as: how many countries attended in 2014?')).toHaveLength(3);
    expect(shown).toContain('33 countries');
  }, 120_000);

  it('ends on Ctrl+D', async () => {
    const shown = await chatOnTerminal(['\x04']);
    expect(shown).toContain('Ctrl+D');
  }, 120_000);
});
