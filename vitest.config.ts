import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once per run: CLI tests spawn the built CLI, never a stale one.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Black-box and git tests spawn processes; two cores are plenty for two workers.
    maxWorkers: 2,
  },
});
