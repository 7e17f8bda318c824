// First load of the developer dashboard in headless Chromium (Debian's /usr/bin/chromium, never a
// downloaded browser): a fresh browser context each time, so nothing is cached.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { median, spawnServer } from './lib.js';

const CHROMIUM = '/usr/bin/chromium';

export interface DashboardLoad {
  domContentLoadedMs: number;
  loadMs: number;
  /** The login form is on screen and usable (the app has rendered). */
  interactiveMs: number;
  runs: number;
}

export async function benchDashboardLoad(runs = 5): Promise<DashboardLoad | null> {
  if (!existsSync(CHROMIUM)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-bench-dash-'));
  const server = await spawnServer(['server/dist/main.js'], {
    DATABASE_URL: `file:${join(dir, 'd.db')}`,
    OPENDINAR_DATA_DIR: dir,
    OPENDINAR_DISPATCHER: 'false',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const dcl: number[] = [];
  const load: number[] = [];
  const interactive: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.url}/dashboard/login`);
      await page.getByRole('button').first().waitFor();
      const ready = performance.now() - started;
      const timing = await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return { dcl: nav?.domContentLoadedEventEnd ?? 0, load: nav?.loadEventEnd ?? 0 };
      });
      await context.close();
      if (i === 0) continue; // the first run warms the server's file cache
      dcl.push(timing.dcl);
      load.push(timing.load);
      interactive.push(ready);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { domContentLoadedMs: median(dcl), loadMs: median(load), interactiveMs: median(interactive), runs };
}
