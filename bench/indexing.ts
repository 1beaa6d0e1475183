/**
 * Indexing throughput of the core (`buildIndex`: split → embed → HNSW → save, model already loaded) in passages/s,
 * as a ratio to raw batched model throughput (bare onnxruntime forward passes, pre-tokenized) on the very same
 * passages. To measure more than the ~50 passages of the bundled corpus, the corpus is replicated under /tmp with
 * its paragraphs rotated per copy (so every copy's passages are new text for the model).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { openIndex } from '../src/index/index.js';
import { emit, isMain, log } from './lib/child.js';
import { loadFloorSession, loadTokenizer } from './lib/model.js';
import { fmt, now, table } from './lib/stats.js';

function replicateCorpus(copies: number): string {
  const src = path.join(PROJECT_ROOT, 'corpus');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
  for (const f of fs.readdirSync(src).filter((x) => x.endsWith('.md'))) {
    const raw = fs.readFileSync(path.join(src, f), 'utf8');
    const m = /^(---\r?\n[\s\S]*?\r?\n---\r?\n)([\s\S]*)$/.exec(raw)!;
    const paras = m[2].split(/\n\s*\n/).filter((p) => p.trim());
    for (let k = 0; k < copies; k++) {
      const rotated = [...paras.slice(k % paras.length), ...paras.slice(0, k % paras.length)];
      const name = k === 0 ? f : f.replace(/\.md$/, `-copy${k}.md`);
      fs.writeFileSync(path.join(dir, name), `${m[1]}\n${rotated.join('\n\n')}\n`);
    }
  }
  return dir;
}

export async function measureIndexing(copies = Number(process.env.BENCH_INDEX_COPIES ?? 1), rounds = Number(process.env.BENCH_INDEX_ROUNDS ?? 2)) {
  const { buildIndex } = await import('../src/index/build.js');
  const { loadEmbedder, PASSAGE_BATCH_SIZE } = await import('../src/embeddings/index.js');
  const corpusDir = replicateCorpus(copies);
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-index-'));
  const config = { ...loadConfig({}), corpusDir, indexDir };
  const embedder = await loadEmbedder(config);
  const floor = await loadFloorSession();
  const tokenizer = await loadTokenizer();
  // Warm both: one core build of a tiny throwaway corpus is not needed; one forward pass each is enough.
  await embedder.embedPassages(['warm up passage one', 'warm up passage two']);
  await floor.run(tokenizer.encode(['warm up passage one', 'warm up passage two']));

  log(`indexing: ${copies} cop${copies === 1 ? 'y' : 'ies'} of the corpus, best of ${rounds} rounds`);
  // Rounds alternate core and raw so that machine noise hits both alike; the best (fastest) round of each counts.
  let coreMs = Infinity;
  let summary!: Awaited<ReturnType<typeof buildIndex>>;
  let texts: string[] = [];
  const batches = [...new Set([1, PASSAGE_BATCH_SIZE, 8, 32])].sort((x, y) => x - y);
  const rawMs = new Map<number, number>(batches.map((b) => [b, Infinity]));
  let sortedMs = Infinity;
  let embedOnlyMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    fs.rmSync(indexDir, { recursive: true, force: true });
    const t0 = now();
    summary = await buildIndex(config, { embedder });
    coreMs = Math.min(coreMs, now() - t0);
    // Everything the core embedded: its passages and, when it indexes them too, its sentences (same order as the core).
    const saved = openIndex(indexDir);
    texts = [
      ...Array.from({ length: saved.passageCount }, (_, i) => saved.passage(i).text),
      ...Array.from({ length: saved.sentenceCount }, (_, i) => saved.sentence(i).text),
    ];
    saved.lexical.close();
    // The core's own embedder on the same texts and batch size, without splitting, HNSW or saving.
    const t2 = now();
    await embedder.embedPassages(texts);
    embedOnlyMs = Math.min(embedOnlyMs, now() - t2);
    // Raw: only session.run is timed; tokenization happens before the clock starts.
    for (const batch of batches) {
      const encoded = [];
      for (let i = 0; i < texts.length; i += batch) encoded.push(tokenizer.encode(texts.slice(i, i + batch)));
      const t1 = now();
      for (const e of encoded) await floor.run(e);
      rawMs.set(batch, Math.min(rawMs.get(batch)!, now() - t1));
    }
    // Batches of 8 with texts sorted by length first: shows what padding costs.
    const byLength = [...texts].sort((x, y) => x.length - y.length);
    const sortedEnc = [];
    for (let i = 0; i < byLength.length; i += 8) sortedEnc.push(tokenizer.encode(byLength.slice(i, i + 8)));
    const t3 = now();
    for (const e of sortedEnc) await floor.run(e);
    sortedMs = Math.min(sortedMs, now() - t3);
  }
  const raw = batches.map((batch) => ({ batch, ms: rawMs.get(batch)!, perS: (texts.length / rawMs.get(batch)!) * 1000 }));
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.rmSync(indexDir, { recursive: true, force: true });
  const coreTexts = (summary as { embedded?: number }).embedded ?? summary.passages;
  const corePerS = (coreTexts / coreMs) * 1000;
  const best = raw.reduce((a, b) => (b.perS > a.perS ? b : a));
  const sortedPerS = (texts.length / sortedMs) * 1000;
  const same = raw.find((r) => r.batch === PASSAGE_BATCH_SIZE)!;
  const rows = [
    [`core buildIndex (batches of ${PASSAGE_BATCH_SIZE} per article, + HNSW + save)`, coreTexts, fmt(coreMs / 1000, 2), fmt(corePerS, 1), '', ''],
    [`core embedder.embedPassages alone (batches of ${PASSAGE_BATCH_SIZE}, no split/HNSW/save)`, texts.length, fmt(embedOnlyMs / 1000, 2), fmt((texts.length / embedOnlyMs) * 1000, 1), fmt(corePerS / ((texts.length / embedOnlyMs) * 1000)), ''],
    ...raw.map((r) => [`raw onnxruntime, batch ${r.batch}`, texts.length, fmt(r.ms / 1000, 2), fmt(r.perS, 1), fmt(corePerS / r.perS), '']),
  ];
  rows.push([`raw onnxruntime, batch 8, texts sorted by length (less padding)`, texts.length, fmt(sortedMs / 1000, 2), fmt(sortedPerS, 1), fmt(corePerS / sortedPerS), '']);
  // The best raw way to run the model on these texts, length-sorted batches included.
  const bestRawPerS = Math.max(best.perS, sortedPerS);
  const bestRawLabel = sortedPerS > best.perS ? 'batch 8 sorted by length' : `batch ${best.batch}`;
  rows[0][5] = fmt(corePerS / bestRawPerS);
  const text = table(['indexing (texts = passages + sentences)', 'texts', 's', 'texts/s', 'core / this', 'core / best raw'], rows);
  return {
    copies,
    articles: summary.articles,
    passages: summary.passages,
    textsEmbedded: coreTexts,
    rawTexts: texts.length,
    coreMs,
    corePerS,
    raw,
    embedOnlyMs,
    rawSortedBatchPerS: sortedPerS,
    bestRawBatch: best.batch,
    ratioToBestRaw: corePerS / bestRawPerS,
    bestRawPerS,
    bestRawLabel,
    ratioToSameBatchRaw: corePerS / same.perS,
    table: text,
  };
}

if (isMain(import.meta.url)) {
  measureIndexing().then(emit, (err) => {
    console.error(err);
    process.exit(1);
  });
}
