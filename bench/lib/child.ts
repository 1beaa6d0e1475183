/** Each measurement runs as its own process and prints its result as one JSON line last; run.ts collects them. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** True when this module is the process's entry point. */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}

/** Prints the result for a parent run.ts, or a readable table when run alone. */
export function emit(result: { table: string }): void {
  if (process.env.BENCH_CHILD === '1') process.stdout.write(`\n${JSON.stringify(result)}\n`);
  else console.log(`${result.table}\n`);
}

/** Runs `bench/<file>` with tsx in a fresh process and returns its JSON result. */
export function runMeasurement<T>(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, path.join(BENCH_DIR, file), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env, BENCH_CHILD: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${file} exited with code ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? ''));
      } catch (err) {
        reject(new Error(`${file}: no JSON result (${String(err)})`));
      }
    });
  });
}

export function log(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}
