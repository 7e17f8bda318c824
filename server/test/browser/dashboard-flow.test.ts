import { execFile, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardBundleSize } from '../../../bench/dashboard-size.js';
import { runDispatcherOnce } from '../../src/webhooks/dispatcher.js';
import { launchChromium, skipBrowserTests } from './helpers/browser.js';
import { type ApiServer, startApiServer } from './helpers/servers.js';
import { ensureWidgetBuilt } from './helpers/widget-bundle.js';

const DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../artifacts/screenshots/dashboard/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The production build the server serves (the same `vite build` that `npm run build` runs). */
function buildDashboard(): void {
  execFileSync(
    process.execPath,
    [`${DASHBOARD_DIR}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'error'],
    { cwd: DASHBOARD_DIR, stdio: 'pipe' },
  );
}

/** Serious and critical WCAG A/AA violations on the whole page (axe-core injected as a script). */
async function a11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The page's CSP (script-src 'self') would refuse an injected <script>; evaluate the source instead.
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

/** The API's categories and the words the dashboard shows for them in Serbian, in filter order. */
const SERBIAN_CATEGORIES: Record<string, string> = {
  groceries: 'namirnice',
  rent: 'kirija',
  dining: 'restorani i dostava',
  utilities: 'režije',
  transport: 'prevoz',
  entertainment: 'zabava',
  subscriptions: 'pretplate',
  salary: 'plata',
  transfer: 'prenosi',
};

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe.skipIf(skipBrowserTests)('Developer dashboard in Chromium', () => {
  let server: ApiServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** What the receiver answers (the webhook controls test changes it). */
  let answer: { status: number; body: string } = { status: 200, body: 'ok' };
  const problems: string[] = [];
  const mails: { to: string; text: string; link?: string }[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWidgetBuilt();
    buildDashboard();
    server = await startApiServer({ mailer: { send: async (m) => void mails.push(m) } });
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' }).end(answer.body);
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/opendinar`;
    browser = await launchChromium();
    // The browser's language picks the first UI language: Serbian here, English on the phone below.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sr-RS' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    page.on('console', (m) => {
      // Chromium logs every 4xx answer as "Failed to load resource"; the tests provoke some on purpose
      // (INVALID_EMAIL, an expired session). Script errors, 404s and 5xx still count.
      if (m.type() === 'error' && !/Failed to load resource: .* status of 4(00|01|09|29)/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => receiver?.close(r));
    await server?.close();
  });

  const url = (path: string) => `${server.url}/dashboard/${path}`;
  const heading = () => page.locator('h1#page-title');

  /** Screenshot at desktop and phone width, then the axe check; the page stays at desktop width. */
  async function capture(name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    // Toasts from earlier steps would cover the page in the pictures.
    await page.locator('.toast-close').evaluateAll((buttons) => {
      for (const b of buttons) (b as HTMLButtonElement).click();
    });
    await page.screenshot({ path: `${SHOTS}${name}-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}${name}-phone.png` });
    await page.screenshot({ path: `${SHOTS}${name}-phone-full.png`, fullPage: true });
    // Nothing wider than the phone: no sideways scrolling of the whole page.
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth <= 390
        ? []
        : [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > 391 && !el.closest('.table-wrap, pre'))
            .slice(-5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}`,
            ),
    );
    expect(wide, `${name} fits 390px`).toEqual([]);
    // Figures never wrap inside a number, so they must fit their boxes instead.
    const cramped = await page
      .locator('.stat dd')
      .evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
      );
    expect(cramped, `${name}: figures fit at 390px`).toEqual([]);
    expect(await a11yViolations(page), `${name} at phone width`).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(100);
    expect(await a11yViolations(page), `${name} at desktop width`).toEqual([]);
  }

  async function nav(name: RegExp): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name }).click();
  }

  let sandboxKey = '';
  let connectionId = '';
  const email = `ana.${Date.now()}@example.rs`;

  it('keeps the initial JS under 60 KB gzipped', () => {
    const size = dashboardBundleSize();
    expect(size.jsGzipBytes).toBeGreaterThan(1000);
    expect(size.jsGzipBytes).toBeLessThan(60 * 1024);
  });

  it('serves the app with its strict CSP and sends a visitor to the login page', async () => {
    const res = await page.goto(url('keys'));
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/\/dashboard\/login\?next=keys$/);
    expect(await heading().textContent()).toBe('Prijava');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sr');
    await capture('login');
  });

  it('shows the API codes as field errors, then signs up and shows the first sandbox key once', async () => {
    await page.getByRole('link', { name: 'Registrujte se' }).click();
    await page.waitForURL(/\/dashboard\/signup/);
    await page.getByLabel('Ime ili firma').fill('Ana Fintech');
    await page.getByLabel('Email').fill('ana-at-example');
    await page.getByLabel('Lozinka').fill('kratka');
    await page.getByRole('button', { name: 'Napravi nalog' }).click();
    const emailInput = page.getByLabel('Email');
    await expect.poll(() => emailInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').first().textContent()).toContain('ispravnu email adresu');
    await capture('signup-errors');

    await emailInput.fill(email);
    await page.getByRole('button', { name: 'Napravi nalog' }).click();
    await expect.poll(() => page.getByLabel('Lozinka').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').textContent()).toContain('najmanje 8');

    await page.getByLabel('Lozinka').fill('dovoljno-duga-lozinka');
    await page.getByRole('button', { name: 'Napravi nalog' }).click();
    await page.waitForURL(/\/dashboard\/$/);
    sandboxKey = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(sandboxKey).toMatch(/^od_test_sk_/);
    // The quickstart snippets are filled in with it, and with this server's address.
    await page.getByTestId('qs-app').waitFor();
    const code = await page.locator('pre').allTextContents();
    expect(code.join('\n')).toContain(`export OPENDINAR_SECRET_KEY=${sandboxKey}`);
    expect(code.join('\n')).toContain(`${server.url}/v1/opendinar.js`);
    expect(code.join('\n')).not.toContain('apiKey:');
    // The first copied call works as pasted into a shell: it creates a link token for the app.
    const firstCall = code.find((c) => c.includes('/link/token')) ?? '';
    // Asynchronously: the API server runs in this process, a synchronous child would block it.
    const out = await promisify(execFile)('sh', ['-c', firstCall], { encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toMatchObject({ link_token: expect.stringMatching(/^link_/) });
    // The session is an httpOnly cookie: no script can read it, and nothing sits in storage.
    const seen = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
    }));
    expect(seen.cookie).not.toContain('devses_');
    expect(seen.cookie).toContain('od_csrf=');
    expect(seen.local).not.toContain('devses_');
    expect(seen.local).not.toContain(sandboxKey);
    expect(seen.session).not.toContain(sandboxKey);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'od_devses')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    await page
      .locator('.once')
      .getByRole('button', { name: /Kopiraj/ })
      .click();
    await page.locator('.toast', { hasText: 'Kopirano' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sandboxKey);
    await capture('overview');
  });

  it('connects a sandbox bank with the real Link widget and exchanges the public token', async () => {
    await nav(/Isprobaj Link widget/);
    expect(await heading().textContent()).toBe('Isprobajte Link widget');
    await capture('widget');
    await page.getByRole('button', { name: 'Otvori Link widget' }).click();
    const frame = page.frameLocator('iframe.widget-frame');
    const bankButton = frame.getByRole('button', { name: /Raiffeisen Bank/ });
    await bankButton.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}widget-open-desktop.png` });
    const popupOpened = context.waitForEvent('page');
    await bankButton.click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/sandbox\/auth\.html\?/);
    await bankPage.getByLabel(/Korisničko ime/i).fill('marko');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();
    const connected = page.getByTestId('connected');
    await connected.waitFor({ timeout: 20_000 });
    connectionId = (await connected.locator('code').textContent()) ?? '';
    expect(connectionId).toMatch(/^conn_/);
    await capture('widget-connected');
  });

  it('explores the new connection: accounts, balance, filtered transactions, recurring, force refresh', async () => {
    await page.getByRole('link', { name: 'Pogledajte u pregledu' }).click();
    await page.waitForURL(/\/dashboard\/explorer$/);
    await page.locator(`tr[data-connection-id="${connectionId}"]`).waitFor();
    const firstAccount = page.locator('a.account-link').first();
    await firstAccount.waitFor();
    // Account types and bank names in words, never the API's raw values.
    for (const meta of await page.locator('a.account-link .meta').allTextContents()) {
      expect(meta).toMatch(/Raiffeisen Bank · (tekući|štedni) račun · /);
      expect(meta).not.toMatch(/current|savings|raiffeisen ·/);
    }
    await capture('explorer');
    await firstAccount.click();
    await page.waitForURL(/\/dashboard\/explorer\/accounts\/acc_/);
    const rows = page.locator('table.txns tbody tr');
    await rows.first().waitFor();
    const [shown, total] =
      ((await page.locator('table.txns').locator('xpath=../preceding-sibling::p[1]').textContent()) ?? '')
        .match(/\d+/g)
        ?.map(Number) ?? [];
    expect(shown).toBe(Math.min(50, total ?? 0));
    expect(await rows.count()).toBe(shown);
    await page.locator('.stats dd').first().waitFor();

    // Filter by the category of the newest transaction (whatever this generated account holds). The
    // table and the filter show the Serbian label; the filter still sends the API's value.
    const firstTag = page.locator('table.txns tbody tr td:nth-child(3) .tag').first();
    const value = (await firstTag.getAttribute('data-category')) ?? '';
    const category = (await firstTag.textContent()) ?? '';
    expect(category).toBe(SERBIAN_CATEGORIES[value]);
    const filter = page.getByLabel('Kategorija');
    expect(await filter.locator('option').allTextContents()).toEqual([
      'Sve kategorije',
      ...Object.values(SERBIAN_CATEGORIES),
    ]);
    await filter.selectOption({ label: category });
    expect(await filter.inputValue()).toBe(value);
    await page.getByRole('button', { name: 'Primeni filtere' }).click();
    await expect
      .poll(async () => new Set(await page.locator('table.txns tbody tr td:nth-child(3)').allTextContents()))
      .toEqual(new Set([category]));
    // The recurring table speaks Serbian too.
    const recurring = page.locator('section', { has: page.locator('#rec-title') });
    await recurring.locator('dl.stats').waitFor();
    const streamTags = recurring.locator('td .tag');
    for (const tag of await streamTags.all()) {
      const v = (await tag.getAttribute('data-category')) ?? '';
      expect(await tag.textContent()).toBe(SERBIAN_CATEGORIES[v] ?? v);
    }
    for (const cell of await recurring.locator('tbody td:nth-child(3)').allTextContents())
      expect(cell).toMatch(
        /^(nedeljno|svake dve nedelje|mesečno|tromesečno|godišnje)( · (fiksan|promenljiv) iznos)?$/,
      );

    // Identity: Raiffeisen shares the account holder.
    const identity = page.locator('section', { has: page.locator('#id-title') });
    await identity.locator('dl.identity dt', { hasText: 'Ime' }).waitFor();
    expect(await identity.locator('dl.identity dt').allTextContents()).toContain('Adresa');
    expect((await identity.locator('dl.identity dd').first().textContent())?.length).toBeGreaterThan(3);
    // The account meta: the type in words.
    expect(await page.getByTestId('account-meta').textContent()).toMatch(/(tekući|štedni) račun/);

    // A rejected filter (from after to): the old rows go, the reason is said in Serbian (not the API's English).
    await filter.selectOption({ label: 'Sve kategorije' });
    await page.getByLabel('Od', { exact: true }).fill('2026-03-10');
    await page.getByLabel('Do', { exact: true }).fill('2026-03-01');
    await page.getByRole('button', { name: 'Primeni filtere' }).click();
    const txnSection = page.locator('section', { has: page.locator('#txn-title') });
    await expect
      .poll(() => txnSection.getByRole('alert').textContent())
      .toContain('Datum „od” je posle datuma „do”');
    expect(await page.locator('table.txns').count()).toBe(0);
    expect(await txnSection.textContent()).not.toContain('must not be after');
    await txnSection.screenshot({ path: `${SHOTS}account-bad-range-desktop.png` });
    await page.getByLabel('Do', { exact: true }).fill('');
    await page.getByLabel('Od', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Primeni filtere' }).click();
    await rows.first().waitFor();

    // Phone: the transactions become stacked cards; an amount never wraps and keeps tabular figures.
    await page.setViewportSize({ width: 390, height: 844 });
    const amountCell = page.locator('table.txns tbody tr td.num').first();
    const look = await amountCell.evaluate((el) => {
      const cs = getComputedStyle(el);
      const row = getComputedStyle(el.parentElement as Element);
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return { ws: cs.whiteSpace, nums: cs.fontVariantNumeric, row: row.display, lines };
    });
    expect(look).toEqual({ ws: 'nowrap', nums: 'tabular-nums', row: 'block', lines: 1 });
    // The balance figures fit their boxes (one line, nothing sticking out).
    const overflowing = await page
      .locator('.stat dd')
      .evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
      );
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: `${SHOTS}account-cards-phone.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Osveži iz banke' }).click();
    await page.locator('.toast', { hasText: 'Osveženo' }).waitFor();
    await page.getByRole('heading', { name: 'Ponavljajuća plaćanja' }).waitFor();
    await capture('account');
  });

  it('registers a webhook, sends a test event to a local receiver and shows the delivery', async () => {
    await nav(/Webhookovi/);
    await page.getByLabel('URL').fill('http://10.0.0.1/x');
    await page.getByRole('button', { name: 'Registruj' }).click();
    // Private addresses are allowed in tests (OPENDINAR_WEBHOOK_ALLOW_PRIVATE), so this one registers; delete it.
    await page.getByTestId('secret-value').waitFor();
    await page.getByLabel('URL').fill(receiverUrl);
    await page.getByRole('button', { name: 'Registruj' }).click();
    await expect.poll(() => page.locator('li.webhook').count()).toBe(2);
    const secret = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);

    const first = page.locator('li.webhook', { hasText: '10.0.0.1' });
    await first.getByRole('button', { name: 'Obriši' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('10.0.0.1');
    await dialog.getByRole('button', { name: 'Obriši' }).click();
    await expect.poll(() => page.locator('li.webhook').count()).toBe(1);

    const hook = page.locator('li.webhook').first();
    await hook.getByRole('button', { name: 'Pošalji test događaj' }).click();
    await page.locator('.toast', { hasText: 'Test' }).waitFor();
    const summary = await runDispatcherOnce(server.t.deps);
    expect(summary.succeeded).toBeGreaterThanOrEqual(1);
    const test = received.find((r) => r.body.includes('"TEST"') || r.body.includes('WEBHOOK'));
    expect(test).toBeDefined();
    // The docs' verifyWebhook, as the dashboard shows it, accepts what arrived.
    const header = String(test?.headers['opendinar-signature']);
    const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
    expect(createHmac('sha256', secret).update(`${parts.t}.${test?.body}`).digest('hex')).toBe(parts.v1);

    await hook.getByRole('button', { name: 'Osveži' }).click();
    await expect
      .poll(() => hook.locator('tr[data-delivery-status="succeeded"]').count())
      .toBeGreaterThanOrEqual(1);
    expect(await hook.locator('tbody').textContent()).toContain('HTTP 200');
    // Send it again: a new delivery is queued.
    await hook
      .getByRole('button', { name: /Pošalji ponovo/ })
      .first()
      .click();
    await expect.poll(() => hook.locator('tr[data-delivery-status="pending"]').count()).toBe(1);
    await runDispatcherOnce(server.t.deps);
    expect(received.length).toBeGreaterThanOrEqual(2);
    // Every attempt of a delivery: time, HTTP status and latency.
    await hook
      .getByRole('button', { name: /^(Pokušaji|Attempts): 1/ })
      .first()
      .click();
    await expect.poll(() => hook.locator('.attempt-list li').first().textContent()).toContain('HTTP 200');
    // The event list shows each event's payload.
    await page
      .getByRole('button', { name: /Osveži|Refresh/ })
      .last()
      .click();
    await page.locator('.events summary').first().click();
    expect(await page.getByTestId('event-payload').first().textContent()).toContain('"event_id": "evt_');
    // Edit the URL: refused when private-but-not-allowed is not the issue, saved when valid.
    await hook.getByRole('button', { name: /^(Izmeni|Edit)$/ }).click();
    await hook.getByLabel('URL', { exact: true }).fill(`${receiverUrl}?v=2`);
    await hook.getByRole('button', { name: /^(Sačuvaj|Save)$/ }).click();
    await page.locator('.toast', { hasText: /Webhook je sačuvan|Webhook saved/ }).waitFor();
    await expect.poll(() => page.locator('.webhook .url').first().textContent()).toContain('?v=2');
    // The verification snippet shown verifies this delivery, and refuses it replayed 6 minutes later.
    const snippet = (await page.locator('pre').last().textContent()) ?? '';
    expect(snippet).toContain('timingSafeEqual');
    const verify = new Function('require', `${snippet}; return verifyWebhook;`)(
      createRequire(import.meta.url),
    ) as (s: string, b: string, h: string) => boolean;
    const last = received[received.length - 1];
    const lastHeader = String(last?.headers['opendinar-signature']);
    // The signature's time is the server's (test) clock: verify as of then, and 6 minutes later.
    const realNow = Date.now;
    try {
      Date.now = () => server.t.clock.now().getTime();
      expect(verify(secret, last?.body ?? '', lastHeader)).toBe(true);
      expect(verify(secret, `${last?.body ?? ''} `, lastHeader)).toBe(false);
      Date.now = () => server.t.clock.now().getTime() + 6 * 60_000;
      expect(verify(secret, last?.body ?? '', lastHeader)).toBe(false);
    } finally {
      Date.now = realNow;
    }
    await capture('webhooks');
  });

  it('webhook controls: attempts with the response body, retry now, disable / enable, roll the signing secret', async () => {
    const hook = page.locator('li.webhook').first();
    const oldSecret = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(oldSecret).toMatch(/^whsec_/);
    // The receiver fails with an HTML-looking body: it is kept (first 2 KB) and shown as text.
    const evil = '<b id="injected">nope</b> — greška čćž';
    answer = { status: 500, body: evil };
    await hook.getByRole('button', { name: 'Pošalji test događaj' }).click();
    await page.locator('.toast', { hasText: 'Test' }).waitFor();
    expect((await runDispatcherOnce(server.t.deps)).retrying).toBe(1);
    // The open delivery list refreshes by itself (no click on "Osveži").
    const pendingRow = hook.locator('tr[data-delivery-status="pending"]');
    await expect.poll(() => pendingRow.count(), { timeout: 15_000 }).toBe(1);
    const deliveryId = await pendingRow.getAttribute('data-delivery-id');
    const rowsBefore = await hook.locator('tr[data-delivery-id]').count();
    await pendingRow.getByRole('button', { name: /^(Pokušaji|Attempts): 1/ }).click();
    const body = hook.getByTestId('response-body').first();
    await hook.locator('.attempt details summary').first().click();
    await expect.poll(() => body.textContent()).toBe(evil);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await hook.locator('.attempt').first().textContent()).toContain('HTTP 500');
    expect(await hook.locator('.attempt').first().textContent()).toMatch(/\d+ ms/);
    await capture('webhooks-attempts');

    // Retry now: the same delivery is attempted at once, once.
    answer = { status: 200, body: 'thanks' };
    const before = received.length;
    await pendingRow.getByRole('button', { name: /^(Pokušaj odmah|Retry now)/ }).click();
    await page.locator('.toast', { hasText: /Pokušava se odmah|Retrying now/ }).waitFor();
    const run = await runDispatcherOnce(server.t.deps);
    expect(run).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(received.length).toBe(before + 1);
    await expect
      .poll(() => hook.locator(`tr[data-delivery-id="${deliveryId}"]`).getAttribute('data-delivery-status'), {
        timeout: 15_000,
      })
      .toBe('succeeded');
    expect(await hook.locator('tr[data-delivery-id]').count()).toBe(rowsBefore);
    expect((await runDispatcherOnce(server.t.deps)).claimed).toBe(0);

    // Disable: a test send is not delivered; enable again.
    const toggle = hook.getByRole('switch', { name: /Uključen|Enabled/ });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page.locator('.toast', { hasText: /isključen|disabled/ }).waitFor();
    await expect.poll(() => hook.getAttribute('data-enabled')).toBe('false');
    const whileOff = received.length;
    await hook.getByRole('button', { name: 'Pošalji test događaj' }).click();
    await page.locator('.toast', { hasText: 'Test' }).waitFor();
    await runDispatcherOnce(server.t.deps);
    expect(received.length).toBe(whileOff);
    await expect
      .poll(() => hook.locator('tbody').textContent(), { timeout: 15_000 })
      .toContain('webhook disabled');
    await capture('webhooks-disabled');
    await hook.getByRole('switch', { name: /Uključen|Enabled/ }).click();
    await expect.poll(() => hook.getAttribute('data-enabled')).toBe('true');

    // Roll the signing secret with a 1-hour grace period: shown once, both secrets sign meanwhile.
    await hook.getByRole('button', { name: /Zameni tajnu za potpisivanje|Roll signing secret/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Stara tajna još potpisuje|Old secret keeps signing for/).selectOption('1');
    await dialog.getByRole('button', { name: /Zameni tajnu za potpisivanje|Roll signing secret/ }).click();
    await expect.poll(() => page.getByTestId('secret-value').textContent()).not.toBe(oldSecret);
    const newSecret = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(newSecret).toMatch(/^whsec_/);
    expect(await page.locator('.once').textContent()).toMatch(
      /Stara tajna takođe potpisuje do|old secret also signs/,
    );
    await page
      .locator('.once')
      .getByRole('button', { name: /Kopiraj|Copy/ })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newSecret);
    await hook.getByRole('button', { name: 'Pošalji test događaj' }).click();
    await page.locator('.toast', { hasText: 'Test' }).waitFor();
    await runDispatcherOnce(server.t.deps);
    const signed = received[received.length - 1];
    const header = String(signed?.headers['opendinar-signature']);
    const [t, first, last] = header.split(',');
    expect(header.match(/v1=/g)).toHaveLength(2);
    const ts = t?.slice(2);
    expect(first).toBe(`v1=${createHmac('sha256', newSecret).update(`${ts}.${signed?.body}`).digest('hex')}`);
    expect(last).toBe(`v1=${createHmac('sha256', oldSecret).update(`${ts}.${signed?.body}`).digest('hex')}`);
    answer = { status: 200, body: 'ok' };
    await capture('webhooks-rolled');
  });

  it('revokes the connection after confirming: listed as revoked, its accounts gone, the toast follows the language', async () => {
    const auth = { authorization: `Bearer ${sandboxKey}` };
    const before = (await (await fetch(`${server.url}/accounts`, { headers: auth })).json()) as {
      accounts: { id: string; connection_id: string }[];
    };
    const accountIds = before.accounts.filter((a) => a.connection_id === connectionId).map((a) => a.id);
    expect(accountIds.length).toBeGreaterThan(0);

    await nav(/Sandbox pregled/);
    const row = page.locator(`tr[data-connection-id="${connectionId}"]`);
    await row.waitFor();
    await page.locator('a.account-link').first().waitFor();
    await row.getByRole('button', { name: `Opozovi ${connectionId}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Opozvati ovu vezu?' });
    expect(await dialog.textContent()).toContain(connectionId);
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Otkaži' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await row.locator('.tag').textContent()).toBe('aktivan');

    await row.getByRole('button', { name: `Opozovi ${connectionId}` }).click();
    await dialog.getByRole('button', { name: 'Opozovi' }).click();
    await page.locator('.toast', { hasText: `Veza ${connectionId} je opozvana.` }).waitFor();
    await expect.poll(() => row.locator('.tag').textContent()).toBe('opozvan');
    expect(await row.getByRole('button').count()).toBe(0);
    await expect.poll(() => page.locator('a.account-link').count()).toBe(0);
    expect(await page.locator('#acc-title').locator('xpath=..').textContent()).toContain('Još nema računa');

    // The open toast is re-worded after a language switch, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.toast', { hasText: `Connection ${connectionId} revoked.` }).waitFor();
    await page.getByRole('button', { name: 'Srpski' }).click();
    await page.locator('.toast', { hasText: `Veza ${connectionId} je opozvana.` }).waitFor();
    await capture('explorer-revoked');

    for (const id of accountIds) {
      const res = await fetch(`${server.url}/accounts/${id}/balance`, { headers: auth });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error_code: string }).error_code).toBe('ACCOUNT_NOT_FOUND');
    }
    const listed = (await (await fetch(`${server.url}/connections`, { headers: auth })).json()) as {
      connections: { connection_id: string; status: string; revoked_at: string | null }[];
    };
    expect(listed.connections.find((c) => c.connection_id === connectionId)).toMatchObject({
      status: 'revoked',
      revoked_at: expect.any(String),
    });
  });

  it('shows usage of the requests made above, and switches to English', async () => {
    // One failing call, to see it among the recent errors with its request id and code.
    const failed = await fetch(`${server.url}/accounts/acc_nope/balance`, {
      headers: { authorization: `Bearer ${sandboxKey}` },
    });
    const failedId = failed.headers.get('x-request-id') ?? '';
    expect(((await failed.json()) as { error_code: string }).error_code).toBe('ACCOUNT_NOT_FOUND');
    await server.t.app.usage.flush();
    await nav(/Korišćenje/);
    const recent = page.locator('section', { hasText: 'Poslednje greške' }).locator('tbody');
    await expect.poll(() => recent.textContent()).toContain(failedId);
    expect(await recent.textContent()).toContain('ACCOUNT_NOT_FOUND');
    expect(await page.locator('[data-stat="error-rate"]').textContent()).not.toBe('0%');
    await expect
      .poll(async () =>
        Number((await page.locator('[data-stat="total"]').textContent())?.replace(/\D/g, '') || 0),
      )
      .toBeGreaterThan(5);
    const endpoints = await page
      .locator('section', { hasText: 'Najkorišćeniji endpointi' })
      .locator('tbody')
      .textContent();
    expect(endpoints).toContain('POST /connect/exchange');
    expect(endpoints).toContain('GET /accounts/:id/transactions');
    await page.locator('.chart canvas').first().waitFor();
    // Whole-number y ticks (no 0.5 requests); dates in the Serbian format.
    const chart = page.locator('.chart').first();
    await expect.poll(() => chart.getAttribute('data-y-ticks')).toBeTruthy();
    for (const tick of ((await chart.getAttribute('data-y-ticks')) ?? '').split('|'))
      expect(tick).toMatch(/^\d[\d.]*$/);
    const xTicks = (await chart.getAttribute('data-x-ticks')) ?? '';
    expect(xTicks).toMatch(/\d{1,2}\. [a-zčćšžđ]+/);
    // Filter by key: the sign-up key made every request above.
    const option = page.getByLabel('Ključ').locator('option', { hasText: sandboxKey.slice(0, 12) });
    await page.getByLabel('Ključ').selectOption((await option.getAttribute('value')) ?? '');
    await expect.poll(() => recent.textContent()).toContain(failedId);
    // Hourly buckets: the Serbian axis reads the 24-hour clock.
    await page.locator('select[name="range"]').selectOption('24h');
    await expect.poll(() => chart.getAttribute('data-x-ticks')).toMatch(/^\d{2}:\d{2}/);
    expect(await chart.getAttribute('data-x-ticks')).not.toMatch(/AM|PM|am|pm|pre podne|po podne/);
    await capture('usage');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await heading().textContent()).toBe('Usage');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Time range').selectOption('24h');
    await page.locator('.stats').waitFor();
    await expect.poll(() => chart.getAttribute('data-x-ticks')).toMatch(/^\d{2}:\d{2}/);
    const y24 = ((await chart.getAttribute('data-y-ticks')) ?? '').split('|');
    for (const tick of y24) expect(tick).toMatch(/^\d[\d,]*$/);
    await capture('usage-en');
  });

  it('explorer in English: account types, identity and a rejected filter in English words', async () => {
    // A second connection for the sign-up app, made as its backend would (the first was revoked above).
    const headers = { authorization: `Bearer ${sandboxKey}`, 'content-type': 'application/json' };
    const post = async (path: string, body: object, h: Record<string, string> = headers) =>
      (await (
        await fetch(`${server.url}${path}`, { method: 'POST', headers: h, body: JSON.stringify(body) })
      ).json()) as Record<string, string>;
    const started = await post('/connect', {
      bank_id: 'raiffeisen',
      user_id: 'user_en',
      redirect_url: 'https://app.example.rs/done',
    });
    const approved = await post(
      '/sandbox/authorize',
      { session_token: started.session_token ?? '' },
      { 'content-type': 'application/json' },
    );
    const exchanged = await post('/connect/exchange', { public_token: approved.public_token ?? '' });
    expect(exchanged.connection_id).toMatch(/^conn_/);

    await nav(/Sandbox explorer/);
    const account = page.locator('a.account-link').first();
    await account.waitFor();
    for (const meta of await page.locator('a.account-link .meta').allTextContents())
      expect(meta).toMatch(/Raiffeisen Bank · (current|savings) account · /);
    await capture('explorer-en');
    await account.click();
    await page.waitForURL(/\/dashboard\/explorer\/accounts\/acc_/);
    const identity = page.locator('section', { has: page.locator('#id-title') });
    await identity.locator('dl.identity dt', { hasText: 'Name' }).waitFor();
    expect(await identity.locator('h2').textContent()).toBe('Account holder');
    await page.locator('table.txns tbody tr').first().waitFor();
    await page.getByLabel('From', { exact: true }).fill('2026-03-10');
    await page.getByLabel('To', { exact: true }).fill('2026-03-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const txnSection = page.locator('section', { has: page.locator('#txn-title') });
    await expect
      .poll(() => txnSection.getByRole('alert').textContent())
      .toContain('The “from” date is after the “to” date');
    expect(await page.locator('table.txns').count()).toBe(0);
    await capture('account-en');
  });

  it('rolls the sign-up key: a new secret, the old one refused, the app keeps its connection', async () => {
    await nav(/API keys/);
    const row = page.locator('tbody tr', { hasText: sandboxKey.slice(0, 15) }).first();
    const keyId = (await row.getAttribute('data-key-id')) ?? '';
    expect(keyId).toMatch(/^key_/);
    await row.getByRole('button', { name: /Roll/ }).click();
    await page.getByRole('dialog').getByLabel('Old secret keeps working for').selectOption('0');
    await capture('keys-roll-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Roll' }).click();
    const rolled = page.getByTestId('secret-value');
    await expect.poll(async () => (await rolled.textContent()) ?? '').not.toBe('');
    const newKey = (await rolled.textContent()) ?? '';
    expect(newKey).toMatch(/^od_test_sk_/);
    expect(newKey).not.toBe(sandboxKey);
    const call = async (key: string) =>
      (await (
        await fetch(`${server.url}/connections`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as {
        error_code?: string;
        connections?: { connection_id: string }[];
      };
    expect((await call(sandboxKey)).error_code).toBe('REVOKED_API_KEY');
    expect((await call(newKey)).connections?.map((c) => c.connection_id)).toContain(connectionId);
    await expect
      .poll(() => page.locator(`tr[data-key-id="${keyId}"]`).textContent())
      .toContain(newKey.slice(0, 15));
    sandboxKey = newKey;
    // The explorer acts on the app by id: same connection, no secret in the browser.
    await nav(/Sandbox explorer/);
    await page.locator(`tr[data-connection-id="${connectionId}"]`).waitFor();
    const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
    expect(stored).not.toContain('od_test_sk_');
  });

  it('request log: an error made with curl shows with its full error body; the row fits a phone', async () => {
    const res = await fetch(`${server.url}/accounts/acc_nope/balance`, {
      headers: { authorization: `Bearer ${sandboxKey}`, 'x-request-id': 'req_from_curl_1' },
    });
    expect(res.status).toBe(404);
    await server.t.app.usage.flush();
    await nav(/Request log/);
    const row = page.locator('tr[data-request-id="req_from_curl_1"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('/accounts/acc_nope/balance');
    expect(await row.textContent()).toContain(sandboxKey.slice(0, 15));
    await row.getByRole('button', { name: /req_from_curl_1/ }).click();
    const body = JSON.parse((await page.getByTestId('error-body').textContent()) ?? '{}');
    expect(body).toMatchObject({ error_code: 'ACCOUNT_NOT_FOUND', request_id: 'req_from_curl_1' });
    await capture('logs');
    // Filtered to 4xx, the error is there; on a phone every cell of its row is on screen.
    await page.getByLabel('Status').selectOption('4xx');
    await row.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const cells = await row
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().right));
    expect(cells.every((right) => right <= 390)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    // A request id in an error links to it in the log.
    await page.goto(url('logs?request_id=req_from_curl_1'));
    await page.locator('tr[data-request-id="req_from_curl_1"]').waitFor();
    expect(await page.locator('tbody tr[data-request-id]').count()).toBe(1);
  });

  it('generates a key shown once, then revokes the sign-up key after confirming', async () => {
    await nav(/API keys/);
    await page.getByLabel('App name').fill('Live app');
    await page.getByLabel(/Live/).check();
    await page.getByRole('button', { name: 'Generate key' }).click();
    const live = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(live).toMatch(/^od_live_sk_/);
    expect(await page.locator('.once .warning').textContent()).toContain('only time');
    await capture('keys');

    const prefix = sandboxKey.slice(0, 15);
    const row = page.locator('tbody tr', { hasText: prefix }).filter({ hasText: 'Sandbox' }).first();
    await row.getByRole('button', { name: /Revoke/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    const res = await fetch(`${server.url}/accounts`, { headers: { authorization: `Bearer ${sandboxKey}` } });
    expect(((await res.json()) as { error_code: string }).error_code).toBe('REVOKED_API_KEY');
  });

  it('keyboard: the skip link is the first stop and moves focus to the content', async () => {
    await page.goto(url('webhooks'));
    await heading().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('phone: the menu button opens the navigation and a link closes it', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = page.getByRole('button', { name: /^(Menu|Meni)$/ });
    const links = page.getByRole('navigation').getByRole('link');
    expect(await links.first().isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await links.count()).toBe(9);
    await page.screenshot({ path: `${SHOTS}menu-open-phone.png` });
    expect(await a11yViolations(page)).toEqual([]);
    await links.nth(1).click();
    await page.waitForURL(/\/dashboard\/keys$/);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('account: changes the password, and resets it with the e-mailed link', { timeout: 90_000 }, async () => {
    await nav(/^Account$/);
    expect(await heading().textContent()).toBe('Account');
    await page.getByLabel('Current password').fill('wrong-password');
    await page.getByLabel('New password').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.note.error').waitFor();
    expect(await page.locator('.note.error').textContent()).toContain('INVALID_CREDENTIALS');
    await page.getByLabel('Current password').fill('dovoljno-duga-lozinka');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.toast', { hasText: 'Password changed' }).waitFor();
    await capture('settings');

    // Forgot it: a second browser (no session) asks for a link and follows it.
    const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const phone = await other.newPage();
    await phone.goto(url('login'));
    expect(await phone.locator('h1#page-title').textContent()).toBe('Log in');
    await phone.getByRole('link', { name: /Zaboravili ste lozinku|Forgot your password/ }).click();
    await phone.waitForURL(/\/dashboard\/forgot$/);
    await phone.getByLabel(/Email/).fill(email);
    await phone.getByRole('button', { name: /Pošalji link|Send the link/ }).click();
    await phone.locator('.note.info').waitFor();
    expect(await a11yViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${SHOTS}forgot-phone.png` });
    const link = mails.find((m) => m.to === email)?.link ?? '';
    expect(link).toContain('/dashboard/reset#token=pwreset_');
    await phone.goto(link);
    await phone.getByLabel(/Lozinka|Password/).fill('dovoljno-duga-lozinka');
    await phone.getByRole('button', { name: /Postavi novu lozinku|Set the new password/ }).click();
    await phone.waitForURL(/\/dashboard\/login$/);
    await phone.locator('.note.info').waitFor();
    expect(await a11yViolations(phone)).toEqual([]);
    await other.close();
    // Every session ended with the reset: this tab is sent to the login page on its next call.
    await nav(/Usage/);
    await page.waitForURL(/\/dashboard\/login/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('dovoljno-duga-lozinka');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard\/usage$/);
  });

  // A long journey (three logins with scrypt, the throttle): allow for a loaded CI machine.
  it('an expired session returns to the login page and back to where the user was', {
    timeout: 90_000,
  }, async () => {
    await page.goto(url('webhooks'));
    await heading().waitFor();
    // Let the page's own requests finish first: one answered after the clock moves would meet the
    // expired session and leave for the login page before the nav click below.
    await page.waitForLoadState('networkidle');
    server.t.clock.advance(25 * 3600_000);
    await nav(/Usage/);
    await page.waitForURL(/\/dashboard\/login\?next=usage$/);
    await page.locator('.note.info').waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toContain('incorrect');
    await page.getByLabel('Password').fill('dovoljno-duga-lozinka');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard\/usage$/);
    expect(await heading().textContent()).toBe('Usage');

    // The only sandbox app was revoked: the explorer offers to create one (only on request).
    await nav(/Sandbox explorer/);
    await page.getByRole('heading', { name: 'No sandbox app yet' }).waitFor();
    await capture('explorer-key-gate');
    const keysBefore = (await (await page.request.get(`${server.url}/developers/keys`)).json()).keys.length;
    await page.reload();
    await page.getByRole('heading', { name: 'No sandbox app yet' }).waitFor();
    expect((await (await page.request.get(`${server.url}/developers/keys`)).json()).keys.length).toBe(
      keysBefore,
    );
    await page.getByRole('button', { name: 'Create a sandbox app' }).click();
    const explorerKey = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(explorerKey).toMatch(/^od_test_sk_/);
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    expect(await page.getByLabel('App').locator('option:checked').textContent()).toContain(
      explorerKey.slice(0, 15),
    );

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/dashboard\/login/);
    expect((await context.cookies()).find((c) => c.name === 'od_devses')).toBeUndefined();

    // Too many failed logins for one email: RATE_LIMIT_EXCEEDED, with its Retry-After counting down.
    await page.getByLabel('Email').fill('nobody@example.rs');
    await page.getByLabel('Password').fill('not-the-password');
    const submit = page.getByRole('button', { name: 'Log in' });
    for (let i = 0; i < 6; i++) {
      // Once throttled the button is disabled: clicking it would wait forever.
      if (await submit.isDisabled()) break;
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/developers/login')), submit.click()]);
      await expect.poll(() => page.locator('.field-error, .note.error').count()).toBeGreaterThan(0);
      if ((await page.locator('.note.error').count()) > 0) break;
    }
    await expect
      .poll(() => page.locator('.note.error').textContent())
      .toMatch(/Too many attempts\. Try again in \d+ (s|min)\./);
    expect(await submit.isDisabled()).toBe(true);
    await capture('login-rate-limited');
  });

  it('logged no console errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
