import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowserTests } from '../../server/test/browser/helpers/browser.js';
import {
  type ApiServer,
  api,
  type HostSite,
  startApiServer,
  startHostSite,
} from '../../server/test/browser/helpers/servers.js';
import { MANI_KEY } from '../../server/test/helpers/app.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React app</title></head>
<body><div id="root"></div><script src="/config.js"></script><script src="/app.js"></script></body></html>`;

describe.skipIf(skipBrowserTests)('useOpenDinarLink in Chromium', () => {
  let server: ApiServer;
  let site: HostSite;
  let browser: Browser;
  let linkToken = '';

  beforeAll(async () => {
    server = await startApiServer();
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./app.tsx', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    const made = await api(server.url, MANI_KEY, 'POST', '/link/token', { user_id: 'react_user' });
    linkToken = String(made.json.link_token);
    site = await startHostSite(
      async () => ({}),
      {},
      {
        '/react.html': { type: 'text/html; charset=utf-8', body: Buffer.from(PAGE) },
        '/app.js': { type: 'application/javascript', body: Buffer.from(bundle.outputFiles[0]?.text ?? '') },
        '/config.js': {
          type: 'application/javascript',
          body: Buffer.from(`window.CONFIG = ${JSON.stringify({ apiUrl: server.url, linkToken })};`),
        },
      },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  async function openApp(): Promise<{ page: Page; scriptRequests: () => number }> {
    const page = await browser.newPage();
    let n = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/opendinar.js')) n++;
    });
    await page.goto(`${site.url}/react.html`);
    return { page, scriptRequests: () => n };
  }

  it('loads /v1/opendinar.js once for every hook, becomes ready, and reports a script that fails to load', async () => {
    const { page, scriptRequests } = await openApp();
    await page.waitForSelector('#a[data-ready="true"]');
    await page.waitForSelector('#b[data-ready="true"]');
    expect(await page.locator('script[src$="/v1/opendinar.js"]').count()).toBe(1);
    expect(scriptRequests()).toBe(1);
    await expect.poll(() => page.locator('#broken').textContent()).toContain('Could not load');
    expect(await page.locator('#broken').getAttribute('data-ready')).toBe('false');
    await page.close();
  });

  it('open() shows the widget; approving in the bank popup calls onSuccess with a public token', async () => {
    const { page } = await openApp();
    await page.waitForSelector('#a[data-ready="true"]');
    await page.getByRole('button', { name: 'Connect a' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bank = await popupOpened;
    await bank.waitForURL(/\/sandbox\/auth\.html\?/);
    // The sandbox bank page speaks the widget's language (Serbian, or English with lang=en).
    await bank.getByLabel(/Korisničko ime|Username/i).fill('marko');
    await bank.getByLabel(/Lozinka|Password/i).fill('tajna123');
    await bank.getByRole('button', { name: /Odobri pristup|Approve access/ }).click();
    await expect
      .poll(() => page.locator('#a output').textContent(), { timeout: 20_000 })
      .toMatch(/^success public_\S+ raiffeisen$/);
    await page.close();
  });

  it('closing the widget calls onExit', async () => {
    const { page } = await openApp();
    await page.waitForSelector('#b[data-ready="true"]');
    await page.getByRole('button', { name: 'Connect b' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('#b output').textContent()).toBe('exit');
    await page.close();
  });
});
