import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMBEDDING_MODEL, PROJECT_ROOT } from '../../src/config.js';
import { CORPUS_CHECK_FILE, corpusFingerprint, corpusStaleness } from '../../src/index/freshness.js';
import { readManifest } from '../../src/index/index.js';
import { COMMON_WORD, tooCommon } from '../../src/index/lexical.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'freshness-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function copy(): { corpusDir: string; indexDir: string } {
  const dir = mkdtempSync(path.join(tmp, 'ws-'));
  const corpusDir = path.join(dir, 'corpus');
  const indexDir = path.join(dir, 'index');
  cpSync(path.join(PROJECT_ROOT, 'corpus'), corpusDir, { recursive: true });
  cpSync(path.join(PROJECT_ROOT, 'embeddings'), indexDir, { recursive: true });
  rmSync(path.join(indexDir, CORPUS_CHECK_FILE), { force: true });
  return { corpusDir, indexDir };
}

describe('corpusStaleness', () => {
  it('checks the whole corpus once, then trusts a fingerprint of names, sizes and times until a file changes', () => {
    const { corpusDir, indexDir } = copy();
    const manifest = readManifest(indexDir)!;
    expect(corpusStaleness(manifest, corpusDir, indexDir, DEFAULT_EMBEDDING_MODEL)).toBeNull();
    const check = JSON.parse(readFileSync(path.join(indexDir, CORPUS_CHECK_FILE), 'utf8'));
    expect(check).toEqual({ fingerprint: corpusFingerprint(corpusDir), sha256: manifest.corpus.sha256 });

    // An edited article changes the fingerprint: the full check runs and finds the index stale.
    const file = path.join(corpusDir, '2011-09-07-interpol-protecting-children-from-actual-and-virtual-abuse.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('52 countries', '53 countries'));
    expect(corpusStaleness(manifest, corpusDir, indexDir, DEFAULT_EMBEDDING_MODEL)).toMatch(/^the corpus changed since the index was built/);

    // The same text back, with a new modification time: the full check runs again and the index is current.
    writeFileSync(file, original);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(corpusStaleness(manifest, corpusDir, indexDir, DEFAULT_EMBEDDING_MODEL)).toBeNull();
  });

  it('does not trust a fingerprint recorded for another index build', () => {
    const { corpusDir, indexDir } = copy();
    const manifest = readManifest(indexDir)!;
    writeFileSync(path.join(indexDir, CORPUS_CHECK_FILE), JSON.stringify({ fingerprint: corpusFingerprint(corpusDir), sha256: 'another build' }));
    rmSync(path.join(corpusDir, '2015-11-18-interpol-rescuing-online-child-sexual-abuse-victims.md'));
    expect(corpusStaleness(manifest, corpusDir, indexDir, DEFAULT_EMBEDDING_MODEL)).toContain('(4 articles now, 5 indexed)');
  });

  it('answers, and writes nothing, when the fingerprint cannot be written (no such folder)', () => {
    const { corpusDir, indexDir } = copy();
    const manifest = readManifest(indexDir)!;
    expect(corpusStaleness(manifest, corpusDir, path.join(tmp, 'no-such-folder'), DEFAULT_EMBEDDING_MODEL)).toBeNull();
    expect(existsSync(path.join(tmp, 'no-such-folder'))).toBe(false);
  });
});

describe('tooCommon', () => {
  it('leaves out of BM25 only words in over a thousand passages and over a twentieth of them', () => {
    expect(COMMON_WORD).toEqual({ passages: 1000, share: 0.05 });
    expect(tooCommon(1200, 20_000)).toBe(true);
    expect(tooCommon(900, 1_000)).toBe(false);
    expect(tooCommon(1200, 30_000)).toBe(false);
  });
});
