import { defineConfig } from 'vitest/config';

const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Two files at a time: vitest's default on a 2-core machine is one (cores − 1), which leaves a core
    // idle while a file waits on a spawned process or a socket (see server/vitest.config.ts).
    maxWorkers: 2,
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
