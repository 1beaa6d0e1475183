/**
 * Whether the saved index still answers for the corpus folder, without reading the whole corpus at every start.
 *
 * The full check reads and hashes every article (`hashCorpus`), which grows with the corpus. After a full check
 * succeeds, a fingerprint of the folder — each file's name, size and modification time — is remembered beside the
 * index (`.corpus-check.json`, not committed: modification times differ between clones). At the next start a
 * matching fingerprint (one `stat` per file) stands for the full check; any added, removed, resized or touched file
 * changes it, and the full check runs again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listArticleFiles, loadCorpus } from '../corpus/index.js';
import { staleness } from './build.js';
import type { Manifest } from './manifest.js';

export const CORPUS_CHECK_FILE = '.corpus-check.json';

interface CorpusCheck {
  /** The fingerprint of the corpus folder the full check passed on. */
  fingerprint: string;
  /** The manifest's corpus hash it passed against. */
  sha256: string;
}

/** Names, sizes and modification times of the corpus's article files, hashed. */
export function corpusFingerprint(corpusDir: string): string {
  const h = createHash('sha256');
  for (const name of listArticleFiles(corpusDir)) {
    const st = statSync(path.join(corpusDir, name));
    h.update(`${name}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

/**
 * Why the index in `indexDir` does not answer for the corpus in `corpusDir` with `modelId` (one sentence naming the
 * rebuild command), or null when it does.
 */
export function corpusStaleness(manifest: Manifest, corpusDir: string, indexDir: string, modelId: string): string | null {
  const quick = staleness(manifest, null, modelId);
  if (quick) return quick;
  const file = path.join(indexDir, CORPUS_CHECK_FILE);
  const fingerprint = corpusFingerprint(corpusDir);
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as CorpusCheck;
    if (saved.fingerprint === fingerprint && saved.sha256 === manifest.corpus.sha256) return null;
  } catch {
    // No fingerprint yet, or an unreadable one: the full check decides.
  }
  const stale = staleness(manifest, loadCorpus(corpusDir), modelId);
  if (stale === null) {
    try {
      writeFileSync(file, `${JSON.stringify({ fingerprint, sha256: manifest.corpus.sha256 } satisfies CorpusCheck)}\n`);
    } catch {
      // A read-only index folder: every start runs the full check, which is only slower.
    }
  }
  return stale;
}
