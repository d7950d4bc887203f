import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Decides whether Elasticsearch tests can run and stops the node they start (tests/support/).
    globalSetup: ['tests/support/build.ts', 'tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
