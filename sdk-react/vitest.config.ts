import { defineConfig } from 'vitest/config';

const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
    globalSetup: ['../server/test/helpers/openapi-global.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
