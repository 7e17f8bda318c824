import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (VITEST_JSON) so .ci/summary.mjs can print one closing line.
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: browser and process-level tests run beside each other on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Records every answer of every test app and validates them all against /openapi.json at the end.
    globalSetup: ['test/helpers/openapi-global.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
