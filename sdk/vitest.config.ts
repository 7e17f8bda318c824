import { defineConfig } from 'vitest/config';

const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The server's answers to the SDK are validated against /openapi.json too.
    globalSetup: ['../server/test/helpers/openapi-global.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
