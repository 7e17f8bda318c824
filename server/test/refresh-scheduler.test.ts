import { afterEach, describe, expect, it } from 'vitest';
import { startRefreshScheduler } from '../src/transactions/scheduler.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const DAY = 86_400_000;
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const refreshCounts = async (app: TestApp) =>
  Object.fromEntries(
    (await app.deps.db.selectFrom('connections').select(['id', 'refresh_count']).orderBy('id').execute()).map(
      (c) => [c.id, Number(c.refresh_count)],
    ),
  );

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('scheduled refresh', () => {
  it('refreshes every active connection once per interval, spread over it, and stops cleanly', async () => {
    t = await createTestApp();
    const app = t;
    app.clock.advance(DAY);
    const scheduler = startRefreshScheduler(app.deps, app.app.log, 1);
    const started = performance.now();
    expect(await until(async () => Object.values(await refreshCounts(app)).every((n) => n >= 1), 3000)).toBe(
      true,
    );
    // Spread: three connections over one second, so the last one starts well after the first.
    expect(performance.now() - started).toBeGreaterThan(500);
    await scheduler.stop();
    const stopped = await refreshCounts(app);
    app.clock.advance(DAY);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await refreshCounts(app)).toEqual(stopped);
  });

  it('skips connections refreshed within the last half interval (several processes share the work)', async () => {
    t = await createTestApp();
    const app = t;
    // The seed just synced everything and the clock has not moved: nothing is due.
    const scheduler = startRefreshScheduler(app.deps, app.app.log, 1);
    await new Promise((r) => setTimeout(r, 1300));
    await scheduler.stop();
    expect(Object.values(await refreshCounts(app)).every((n) => n === 0)).toBe(true);
  });

  it('runs from the app when OPENDINAR_SYNC_INTERVAL_SECONDS > 0 and stops with it', async () => {
    t = await createTestApp({ config: { syncIntervalSeconds: 1 } });
    const app = t;
    app.clock.advance(DAY);
    expect(await until(async () => Object.values(await refreshCounts(app)).every((n) => n >= 1), 4000)).toBe(
      true,
    );
  });
});
