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
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
