import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

/** A path as a user reads it: relative inside the project, absolute outside it. */
export function shownPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** A one-line progress bar on stderr, drawn only on a terminal so logs and CI output stay clean. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const width = 30;
  let last = '';
  return {
    update(done: number, total: number) {
      if (!stream.isTTY || total === 0) return;
      const filled = Math.round((done / total) * width);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
      if (line !== last) stream.write(`\r${line}`);
      last = line;
    },
    done() {
      if (stream.isTTY && last) stream.write('\r\x1b[2K');
    },
  };
}
