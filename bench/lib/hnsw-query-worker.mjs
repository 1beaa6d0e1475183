// Worker for the scale benchmark's multi-core throughput: loads its own copy of a saved HNSW index,
// waits for "go", runs its share of queries `rounds` times, and reports the elapsed milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

const { file, dim, space, queries, ef, rounds, k } = workerData;
const index = new hnswlib.HierarchicalNSW(space, dim);
index.readIndexSync(file);
index.setEf(ef);
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (msg) => {
  if (msg.type !== 'go') return;
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      index.searchKnn(q, k);
      n++;
    }
  }
  parentPort.postMessage({ type: 'done', ms: performance.now() - t0, n });
});
