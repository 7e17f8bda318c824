import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MANI_KEY } from '../helpers/app.js';
import { launchChromium, screenshotPath, skipBrowserTests } from './helpers/browser.js';
import { type Recorded, recordWidgetCallbacks } from './helpers/instrument.js';
import { type ApiServer, api, startApiServer } from './helpers/servers.js';
import { ensureWidgetBuilt } from './helpers/widget-bundle.js';

const PAGE = readFileSync(fileURLToPath(new URL('./fixtures/strict-csp.html', import.meta.url)), 'utf8');

/** The page's own script: external, since the CSP refuses inline scripts too. */
const APP_JS = `
const button = document.getElementById('connect-btn');
const handler = OpenDinar.create({
  apiKey: button.dataset.apiKey,
  userId: 'user_123',
  onSuccess: (publicToken, meta) => console.log('Connected:', meta.bank_name),
  onExit: () => console.log('User closed the widget'),
});
button.addEventListener('click', () => handler.open());
`;
const SITE_CSS = `body { font-family: Georgia, serif; margin: 0; padding: 48px 24px; background: #f6f4ee; color: #222; }
#connect-btn { font-size: 18px; padding: 12px 20px; border-radius: 8px; border: 0; background: #14532d; color: #fff; }`;

/** What a security-minded fintech sends: nothing inline, the widget's script and API the only outside origin. */
function strictCsp(apiOrigin: string): string {
  return (
    `default-src 'self'; script-src 'self' ${apiOrigin}; style-src 'self'; connect-src 'self' ${apiOrigin}; ` +
    "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
  );
}

/** The fintech's page on its own origin: /strict.html with the strict CSP header, /lax.html without any. */
async function startStrictSite(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const csp = strictCsp(new URL(apiUrl).origin);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path === '/strict.html' || path === '/lax.html') {
      const html = PAGE.replace('{{SCRIPT_URL}}', `${apiUrl}/v1/opendinar.js`).replace(
        '{{API_KEY}}',
        MANI_KEY,
      );
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (path === '/strict.html') headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(html);
    } else if (path === '/app.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' }).end(APP_JS);
    } else if (path === '/site.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(SITE_CSS);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs before the page's scripts: keeps every CSP violation the page reports. */
function recordCspViolations(): void {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
  });
}

describe.skipIf(skipBrowserTests)('Link widget under a strict Content-Security-Policy', () => {
  let server: ApiServer;
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ensureWidgetBuilt();
    server = await startApiServer();
    site = await startStrictSite(server.url);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __od: Recorded }).__od);

  it("is styled and completes the sandbox connection with style-src 'self' and no 'unsafe-inline'", async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(recordWidgetCallbacks);
    await context.addInitScript(recordCspViolations);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    const response = await page.goto(`${site.url}/strict.html`);
    expect(response?.headers()['content-security-policy']).toBe(strictCsp(new URL(server.url).origin));
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');

    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);
    expect(await page.locator('opendinar-link button.bank').count()).toBe(6);

    // The stylesheet applied: the dialog is the white, rounded 420 px card over a dimmed backdrop.
    const look = await page.evaluate(() => {
      const host = document.querySelector('opendinar-link') as HTMLElement;
      const root = host.shadowRoot as ShadowRoot;
      const css = (sel: string) => getComputedStyle(root.querySelector(sel) as Element);
      const logo = css('[data-bank="raiffeisen"] .logo');
      return {
        host: [getComputedStyle(host).position, getComputedStyle(host).zIndex],
        dialog: [css('.dialog').backgroundColor, css('.dialog').borderRadius, css('.dialog').width],
        overlay: css('.overlay').backgroundColor,
        bank: [css('.bank').borderRadius, css('.bank').display],
        logo: [logo.backgroundColor, logo.color],
        adopted: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll('style').length,
        styleAttributes: root.querySelectorAll('[style]').length,
      };
    });
    expect(look).toEqual({
      host: ['fixed', '2147483647'],
      dialog: ['rgb(255, 255, 255)', '16px', '420px'],
      overlay: 'rgba(15, 23, 42, 0.6)',
      bank: ['12px', 'flex'],
      // Raiffeisen's #FFE500 with dark initials: set through CSSOM, which the CSP does not block.
      logo: ['rgb(255, 229, 0)', 'rgb(15, 23, 42)'],
      adopted: 1,
      styleElements: 0,
      styleAttributes: 6, // the bank logos' CSSOM colours serialise as style attributes
    });
    await page.screenshot({ path: screenshotPath('widget-strict-csp') });

    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bankPage = await popupOpened;
    await expect.poll(() => dialog.textContent()).toContain('Prijavite se u banci');
    await bankPage.waitForURL(/\/sandbox\/auth\.html\?/);
    await bankPage.getByLabel(/Korisničko ime/i).fill('marko');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();

    await expect.poll(async () => (await recorded(page)).success.length, { timeout: 10_000 }).toBe(1);
    expect(await dialog.textContent()).toContain('Banka je povezana');
    const [publicToken, meta] = (await recorded(page)).success[0] ?? [];
    expect(meta).toEqual({ bank_id: 'raiffeisen', bank_name: 'Raiffeisen Bank', status: 'authorized' });
    const ex = await api(server.url, MANI_KEY, 'POST', '/connect/exchange', { public_token: publicToken });
    expect(ex.status).toBe(200);
    expect(ex.json).toMatchObject({ bank_id: 'raiffeisen', status: 'active' });
    await expect.poll(() => page.locator('opendinar-link').count(), { timeout: 5000 }).toBe(0);
    expect(logs).toContain('Connected: Raiffeisen Bank');

    // Nothing the widget did was refused, neither as an event nor as a console report.
    expect(await violations(page)).toEqual([]);
    expect(logs.filter((l) => /Content Security Policy/i.test(l))).toEqual([]);

    // The detector works: an inline style attribute on this page is refused and reported.
    await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^style-src-attr inline/)]);
    expect(logs.some((l) => /Content Security Policy/i.test(l))).toBe(true);
  });

  it('falls back to a <style> element where constructable stylesheets are missing', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // An older browser: CSSStyleSheet cannot be constructed.
    await context.addInitScript(() => {
      window.CSSStyleSheet = function CSSStyleSheet() {
        throw new TypeError('Illegal constructor');
      } as unknown as typeof CSSStyleSheet;
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${site.url}/lax.html`);
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);
    const look = await page.evaluate(() => {
      const root = document.querySelector('opendinar-link')?.shadowRoot as ShadowRoot;
      const dialog = getComputedStyle(root.querySelector('.dialog') as Element);
      return {
        dialog: [dialog.backgroundColor, dialog.borderRadius],
        adopted: root.adoptedStyleSheets.length,
        first: root.firstElementChild?.tagName,
      };
    });
    expect(look).toEqual({ dialog: ['rgb(255, 255, 255)', '16px'], adopted: 0, first: 'STYLE' });
  });
});
