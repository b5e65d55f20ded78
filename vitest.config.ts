import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // expect.poll's default (1 s) is shorter than a loaded 2-core CI machine needs for a round trip
    // Chromium → browser-mode host (tsx) → SQLite → re-render; the e2e tests poll the page with it.
    // A longer wait only lets a slow-but-correct run pass: every poll still asserts the same end state.
    expect: { poll: { timeout: 10_000 } },
  },
});
