import { fileURLToPath } from 'node:url';
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
    // Worker threads (the CPU pool and the writer thread, src/offload/; the usage writer) load the bundle the global
    // setup has just rebuilt from src/, not worker.ts through tsx: that costs 1–3 s of CPU per test
    // file that starts one (measured: connections.test.ts on PostgreSQL, tests 7–15 s → 3.5–5.6 s).
    env: {
      OPENDINAR_OFFLOAD_WORKER: fileURLToPath(new URL('./dist/offload-worker.js', import.meta.url)),
      OPENDINAR_USAGE_WORKER: fileURLToPath(new URL('./dist/usage-worker.js', import.meta.url)),
    },
    // Two test files at a time. Vitest's default on a 2-core machine is one (cores − 1), which left a
    // core idle whenever a file waits on a server process, a browser, a socket or PostgreSQL — most
    // of this suite's time. Files do not share state: each has its own database (SQLite file or
    // PostgreSQL schema), ports are picked free, processes get their own data directories.
    // On PostgreSQL still one file at a time. The one failure seen with two ("schema t_… does not
    // exist" while migrating) was Kysely's introspection reading every schema while the other file
    // dropped its own — fixed (src/db/pg-introspector.ts, test/migrations.test.ts). Two workers are
    // to follow two consecutive full passes: on 2026-12-07, one pass (891 s) and one run with a
    // 60 s timeout in live-budget.test.ts's simulated week at load average 13–21.
    maxWorkers: process.env.TEST_DATABASE_URL ? 1 : 2,
    // Rebuilds dist/main.js if a source is newer (process tests start the bundle); then records every
    // answer of every test app and validates them all against /openapi.json at the end.
    globalSetup: ['test/helpers/build-global.ts', 'test/helpers/openapi-global.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
