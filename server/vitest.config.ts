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
    // Two test files at a time. Vitest's default on a 2-core machine is one (cores − 1), which left a
    // core idle whenever a file waits on a server process, a browser, a socket or PostgreSQL — most
    // of this suite's time. Files do not share state: each has its own database (SQLite file or
    // PostgreSQL schema), ports are picked free, processes get their own data directories.
    // On PostgreSQL one file at a time for now: with two, one CI run saw a fresh schema reported
    // missing during its migration (cause not found yet; see the closing note of 2026-12-07).
    maxWorkers: process.env.TEST_DATABASE_URL ? 1 : 2,
    // Rebuilds dist/main.js if a source is newer (process tests start the bundle); then records every
    // answer of every test app and validates them all against /openapi.json at the end.
    globalSetup: ['test/helpers/build-global.ts', 'test/helpers/openapi-global.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
