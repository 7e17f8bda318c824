import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowserTests } from './helpers/browser.js';
import { type ApiServer, startApiServer } from './helpers/servers.js';

describe.skipIf(skipBrowserTests)('/docs/reference in Chromium', () => {
  let server: ApiServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startApiServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the operations with no Content-Security-Policy violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    await page.goto(`${server.url}/docs/reference/`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
    // Open one operation so its responses (error schemas included) render too.
    await page.locator('.opblock-summary').first().click();
    await page.waitForSelector('.responses-table', { timeout: 30_000 });
    violations.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
    const ops = await page.locator('.opblock-summary-path').count();
    expect(ops).toBeGreaterThan(20);
    expect(violations, consoleErrors.join('\n')).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });
});
