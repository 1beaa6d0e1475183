import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Loading the real embedding model takes a few seconds on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Model-backed suites each load onnxruntime; run files one at a time to keep memory and cores sane.
    fileParallelism: false,
  },
});
