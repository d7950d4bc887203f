import { defineConfig } from 'vitest/config';

// Test tiers (`npm test` runs them all; `npm run test:<tier>` one):
// unit — pure functions, no servers, seconds; integration — pipeline, embedded engine, API and CLI
// as real processes; elasticsearch — the only tier that fetches and starts a node; e2e — Chromium.
const unit = [
  'tests/unit/**/*.test.ts',
  'tests/search/**/*.test.ts',
  'tests/analysis/analyzer.test.ts',
  'tests/analysis/tokenizer.test.ts',
  'tests/embedded/edit-distance.test.ts',
  'tests/embedded/query-syntax.test.ts',
  'tests/entities/tag.test.ts',
  'tests/entities/tagger.test.ts',
  'tests/entities/tagging-bounds.test.ts',
  'tests/pipeline/job.test.ts',
  'tests/pipeline/passage-text.test.ts',
  'tests/pipeline/segmentation.test.ts',
];
const elasticsearch = [
  'tests/elasticsearch/**/*.test.ts',
  'tests/faults/**/*.test.ts',
  'tests/conformance/elasticsearch.test.ts',
  'tests/conformance/parity.test.ts',
];
const e2e = ['tests/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    // Builds dist/ and web/dist; decides whether Elasticsearch tests can run and stops the node
    // they start (tests/support/).
    globalSetup: ['tests/support/build.ts', 'tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: [...unit, ...elasticsearch, ...e2e],
        },
      },
      { extends: true, test: { name: 'elasticsearch', include: elasticsearch } },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
