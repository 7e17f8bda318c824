import { defineConfig } from 'vitest/config';

const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time: vitest's default on a 2-core machine is one (cores − 1), which leaves a core
    // idle while a file waits on a spawned process or a socket (see server/vitest.config.ts).
    maxWorkers: 2,
    // The server's answers to the SDK are validated against /openapi.json too.
    globalSetup: ['../server/test/helpers/openapi-global.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
