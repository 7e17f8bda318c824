import { execFileSync } from 'node:child_process';

/**
 * Process-level tests start the server bundle (dist/main.js, see SERVER_ENTRY in process.ts).
 * Before any test runs, rebuild it when a source is newer than the bundle — a no-op when up to date
 * (CI builds first) — so a single `npx vitest run test/x.test.ts` never runs stale code either.
 */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [new URL('../../../scripts/ensure-built.mjs', import.meta.url).pathname, 'server'],
    {
      stdio: 'inherit',
    },
  );
}
