import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveRig, LIVE_KEY, LIVE_REDIRECT_URLS, type LiveRig } from '../helpers/live.js';
import { launchChromium, screenshotPath, skipBrowserTests } from './helpers/browser.js';
import { api, type HostSite, startHostSite } from './helpers/servers.js';
import { ensureWidgetBuilt } from './helpers/widget-bundle.js';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return port;
}

/**
 * The live flow in a real browser: the Link widget (link token from a live key) → the bank's own
 * SCA page (bank-sim, Berlin Group XS2A) in the popup → the bank's redirect to
 * GET /connect/callback → onSuccess → the fintech backend's exchange → accounts and transactions.
 */
describe.skipIf(skipBrowserTests)('live bank in Chromium (widget → bank-sim SCA → exchange)', () => {
  let r: LiveRig;
  let apiUrl: string;
  let site: HostSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ensureWidgetBuilt();
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    r = await createLiveRig(new Date().toISOString(), { publicUrl: apiUrl });
    await r.t.app.listen({ port, host: '127.0.0.1' });
    site = await startHostSite(
      async () => {
        const res = await api(apiUrl, LIVE_KEY, 'POST', '/link/token', { user_id: 'user_live_browser' });
        expect(res.status).toBe(201);
        return { SCRIPT_URL: `${apiUrl}/v1/opendinar.js`, LINK_TOKEN: String(res.json.link_token) };
      },
      {
        '/backend/exchange': async (_req, body) => {
          const { public_token } = JSON.parse(body) as { public_token: string };
          const ex = await api(apiUrl, LIVE_KEY, 'POST', '/connect/exchange', { public_token });
          if (ex.status !== 200) return { status: ex.status, json: ex.json };
          const accounts = await api(apiUrl, LIVE_KEY, 'GET', '/accounts');
          const mine = (
            accounts.json.accounts as { id: string; connection_id: string; type: string }[]
          ).filter((a) => a.connection_id === ex.json.connection_id);
          // The current account: the savings one may hold fewer than 5 transactions in the window.
          const current = mine.find((a) => a.type === 'current');
          const txns = current
            ? await api(apiUrl, LIVE_KEY, 'GET', `/accounts/${current.id}/transactions?limit=5`)
            : null;
          return {
            status: 200,
            json: {
              ...ex.json,
              accounts: mine.length,
              transactions: (txns?.json.transactions as unknown[] | undefined)?.length ?? 0,
            },
          };
        },
      },
    );
    // The widget sends its page's address as redirect_url: a live key must have it registered.
    await r.t.deps.db
      .updateTable('api_keys')
      .set({ redirect_urls: JSON.stringify([...LIVE_REDIRECT_URLS, `${site.url}/link-token.html`]) })
      .where('id', '=', 'key_live_banks')
      .execute();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    await r?.close();
  });

  it('connects Raiffeisen through its SCA page and the callback; the backend exchanges and reads live data', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${site.url}/link-token.html`);
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/raiffeisen\/sca\//);
    await bankPage.locator('input[name="username"]').fill('jelena');
    await bankPage.locator('input[name="otp"]').fill('123456');
    await bankPage.screenshot({ path: screenshotPath('live-bank-sca') });
    await bankPage.getByRole('button', { name: 'Approve' }).click();

    await expect
      .poll(() => page.locator('#result').textContent(), { timeout: 20_000 })
      .toContain('connection_id');
    const result = JSON.parse(String(await page.locator('#result').textContent())) as Record<string, unknown>;
    expect(result).toMatchObject({ bank_id: 'raiffeisen', status: 'active' });
    expect(result.accounts).toBe(2);
    expect(result.transactions).toBe(5);
    // The bank's redirect went through OpenDinar's callback on to the app's page.
    const reqs = await r.simCall<{ requests: Array<{ method: string; path: string; status: number }> }>(
      'GET',
      '/sim/requests?bankId=raiffeisen',
    );
    expect(
      reqs.body.requests.some((q) => q.method === 'POST' && /\/sca\//.test(q.path) && q.status === 302),
    ).toBe(true);
  });
});
