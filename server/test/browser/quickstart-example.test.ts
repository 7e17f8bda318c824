import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, skipBrowserTests } from './helpers/browser.js';
import { type ApiServer, startApiServer } from './helpers/servers.js';
import { ensureWidgetBuilt } from './helpers/widget-bundle.js';

const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/quickstart/', import.meta.url));
const WEBHOOK_SECRET = 'whsec_quickstart_test_secret';

type VerifyWebhook = (
  secret: string,
  rawBody: string | Buffer,
  header: string,
  nowSeconds?: number,
) => boolean;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return port;
}

function sign(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * examples/quickstart run as a user runs it (`node examples/quickstart/server.mjs`) against a listening
 * OpenDinar with the sandbox seed: its page opens the Link widget with its backend's link token, the
 * sandbox bank approves, its /exchange exchanges the public token and cursor-syncs into its own store.
 */
describe.skipIf(skipBrowserTests)('examples/quickstart in Chromium', () => {
  let server: ApiServer;
  let child: ChildProcess;
  let exampleUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let output = '';

  beforeAll(async () => {
    ensureWidgetBuilt();
    server = await startApiServer();
    const port = await freePort();
    exampleUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [`${EXAMPLE_DIR}server.mjs`], {
      env: {
        ...process.env,
        PORT: String(port),
        OPENDINAR_URL: server.url,
        OPENDINAR_WEBHOOK_SECRET: WEBHOOK_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Ready when it says it listens (no sleep): the line is printed from the listen callback.
    await new Promise<void>((resolve, reject) => {
      const onData = (c: Buffer) => {
        output += c.toString('utf8');
        if (output.includes('listening on')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (c: Buffer) => {
        output += c.toString('utf8');
      });
      child.once('exit', (code) => reject(new Error(`example exited with ${code}: ${output}`)));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await server?.close();
  });

  it('page → widget → sandbox bank → /exchange → cursor sync → GET /transactions', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    const sentAuth: string[] = [];
    page.on('request', (r) => {
      const a = r.headers().authorization;
      if (a) sentAuth.push(a);
    });
    await page.goto(`${exampleUrl}/`);
    // The secret key stays on the example's backend.
    expect(await page.content()).not.toContain('od_test_sk_');
    expect(await page.locator('script[src]').getAttribute('src')).toBe(`${server.url}/v1/opendinar.js`);

    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/sandbox\/auth\.html\?/);
    await bankPage.getByLabel(/Korisničko ime/i).fill('marko');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();

    await expect
      .poll(() => page.locator('#result').textContent(), { timeout: 20_000 })
      .toContain('connection_id');
    await page.screenshot({ path: screenshotPath('quickstart-example') });
    const result = JSON.parse(String(await page.locator('#result').textContent())) as Record<string, unknown>;
    expect(result).toMatchObject({ bank_id: 'raiffeisen', status: 'active' });
    expect(result.accounts).toBeGreaterThan(0);
    expect(result.transactions).toBeGreaterThan(0);
    expect(sentAuth.filter((a) => a.includes('od_test_sk_'))).toEqual([]);

    const res = await fetch(`${exampleUrl}/transactions`);
    expect(res.status).toBe(200);
    const store = (await res.json()) as { accounts: { id: string }[]; transactions: { id: string }[] };
    expect(store.transactions.length).toBeGreaterThan(0);
    expect(store.transactions.length).toBe(result.transactions);
    expect(new Set(store.transactions.map((t) => t.id)).size).toBe(store.transactions.length);
    expect(store.accounts.length).toBe(result.accounts);
  });

  it('POST /webhooks accepts a valid signature on the raw body and rejects tampered, old or missing ones', async () => {
    const body = JSON.stringify({
      webhook_type: 'ITEM',
      webhook_code: 'CONNECTION_REVOKED',
      connection_id: 'conn_x',
      timestamp: 1,
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (b: string, signature?: string) =>
      fetch(`${exampleUrl}/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'opendinar-signature': signature } : {}),
        },
        body: b,
      }).then((r) => r.status);
    expect(await post(body, sign(WEBHOOK_SECRET, now, body))).toBe(200);
    expect(await post(body.replace('conn_x', 'conn_y'), sign(WEBHOOK_SECRET, now, body))).toBe(400);
    expect(await post(body, sign(WEBHOOK_SECRET, now - 301, body))).toBe(400);
    expect(await post(body, sign('whsec_other', now, body))).toBe(400);
    expect(await post(body)).toBe(400);
    // Whitespace matters: the signature is over the raw bytes, not a re-serialised object.
    expect(await post(`${body} `, sign(WEBHOOK_SECRET, now, body))).toBe(400);
  });

  it('verifyWebhook: valid, tampered body, old timestamp, wrong secret, malformed header', async () => {
    const mod = (await import(pathToFileURL(`${EXAMPLE_DIR}webhook.mjs`).href)) as {
      verifyWebhook: VerifyWebhook;
    };
    const { verifyWebhook } = mod;
    const body =
      '{"webhook_type":"TRANSACTIONS","webhook_code":"SYNC_UPDATES_AVAILABLE","account_id":"acc_1"}';
    const t = 1_800_000_000;
    const header = sign(WEBHOOK_SECRET, t, body);
    expect(verifyWebhook(WEBHOOK_SECRET, body, header, t)).toBe(true);
    expect(verifyWebhook(WEBHOOK_SECRET, Buffer.from(body), header, t + 300)).toBe(true);
    expect(verifyWebhook(WEBHOOK_SECRET, body.replace('acc_1', 'acc_2'), header, t)).toBe(false);
    expect(verifyWebhook(WEBHOOK_SECRET, body, header, t + 301)).toBe(false);
    expect(verifyWebhook('whsec_other', body, header, t)).toBe(false);
    expect(verifyWebhook(WEBHOOK_SECRET, body, `t=${t},v1=zz`, t)).toBe(false);
    expect(verifyWebhook(WEBHOOK_SECRET, body, `v1=${header.split('v1=')[1]}`, t)).toBe(false);
    expect(verifyWebhook(WEBHOOK_SECRET, body, '', t)).toBe(false);
    // A second v1 (as during a secret roll) is accepted when one of them matches.
    expect(
      verifyWebhook(WEBHOOK_SECRET, body, `t=${t},v1=${'0'.repeat(64)},${header.split(',')[1]}`, t),
    ).toBe(true);
  });
});
