import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MANI_KEY } from '../helpers/app.js';
import { pageA11yViolations, widgetA11yViolations } from './helpers/axe.js';
import { launchChromium, screenshotPath, skipBrowserTests } from './helpers/browser.js';
import { type Recorded, recordWidgetCallbacks } from './helpers/instrument.js';
import { type ApiServer, api, type HostSite, startApiServer, startHostSite } from './helpers/servers.js';
import { ensureWidgetBuilt } from './helpers/widget-bundle.js';

/**
 * The Link widget in a real browser against a real listening API: the docs' Quickstart page on
 * another origin, the sandbox bank page in a popup, and the fintech backend's exchange.
 */
describe.skipIf(skipBrowserTests)('Link widget in Chromium', () => {
  let server: ApiServer;
  let site: HostSite;
  let browser: Browser;
  let context: BrowserContext;
  const linkUsers: string[] = [];

  beforeAll(async () => {
    const bundle = ensureWidgetBuilt();
    server = await startApiServer();
    site = await startHostSite(
      async (req) => {
        const url = new URL(req.url ?? '/', 'http://host');
        const vars: Record<string, string> = {
          SCRIPT_URL: `${server.url}/v1/opendinar.js`,
          API_KEY: MANI_KEY,
          API_URL: `${server.url}/`,
        };
        // This page self-hosts a copy of the script, so only apiBaseUrl can lead it to the API.
        if (url.pathname === '/hostile.html') vars.SCRIPT_URL = '/vendor/opendinar.js';
        // A key that does not exist (a typo, a deleted key): the widget must say so on open.
        if (url.searchParams.get('key') === 'bad') vars.API_KEY = 'od_test_sk_doesnotexist000';
        if (url.pathname === '/link-token.html' && url.searchParams.get('token') === 'bad') {
          vars.LINK_TOKEN = 'link_neverissued0000000000';
        } else if (url.pathname === '/link-token.html') {
          // The fintech backend asks for a link token for its signed-in user and renders it into the page.
          const userId = url.searchParams.get('user') ?? 'user_link_1';
          const res = await api(server.url, MANI_KEY, 'POST', '/link/token', { user_id: userId });
          expect(res.status).toBe(201);
          linkUsers.push(userId);
          vars.LINK_TOKEN = String(res.json.link_token);
          if (url.searchParams.get('token') === 'expired') {
            // Issued 31 minutes ago: its 30-minute life is over.
            await server.t.deps.db
              .updateTable('link_tokens')
              .set({ expires_at: new Date(server.t.clock.now().getTime() - 60_000).toISOString() })
              .where('user_id', '=', userId)
              .execute();
          }
        }
        return vars;
      },
      {
        '/backend/exchange': async (_req, body) => {
          const { public_token, bank_id } = JSON.parse(body) as { public_token: string; bank_id: string };
          const ex = await api(server.url, MANI_KEY, 'POST', '/connect/exchange', { public_token });
          if (ex.status !== 200) return { status: ex.status, json: ex.json };
          const accounts = await api(server.url, MANI_KEY, 'GET', `/accounts?bank_id=${bank_id}`);
          const mine = (accounts.json.accounts as { id: string; connection_id: string }[]).filter(
            (a) => a.connection_id === ex.json.connection_id,
          );
          const first = mine[0];
          const txns = first
            ? await api(server.url, MANI_KEY, 'GET', `/accounts/${first.id}/transactions?limit=5`)
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
      { '/vendor/opendinar.js': { type: 'application/javascript', body: bundle } },
    );
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

  async function openPage(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    context = await browser.newContext({ viewport });
    await context.addInitScript(recordWidgetCallbacks);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(site.url + path);
    return page;
  }

  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __od: Recorded }).__od);
  async function firstSuccess(page: Page): Promise<Recorded['success'][number]> {
    const call = (await recorded(page)).success[0];
    if (!call) throw new Error('onSuccess was not called');
    return call;
  }
  const dialog = (page: Page) => page.getByRole('dialog');

  /** Approves on the sandbox bank page as a user would: any username and password, "Odobri pristup". */
  async function approveOnBankPage(bankPage: Page, shot?: string): Promise<void> {
    await bankPage.waitForURL(/\/sandbox\/auth\.html\?/);
    await bankPage.getByLabel(/Korisničko ime/i).fill('marko');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    if (shot) await bankPage.screenshot({ path: screenshotPath(shot) });
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();
  }

  it('Quickstart snippet: pick Raiffeisen, approve in the popup, onSuccess → backend exchange → accounts and transactions', async () => {
    const page = await openPage('/quickstart.html');
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));

    await page.getByRole('button', { name: 'Poveži banku' }).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);

    // Every bank of the catalogue; the coming-soon ones visible, disabled and labelled "Uskoro".
    const banks = page.locator('opendinar-link button.bank');
    expect(await banks.count()).toBe(6);
    for (const name of ['Banca Intesa', 'OTP Banka', 'UniCredit']) {
      const b = page.getByRole('button', { name: new RegExp(name) });
      expect(await b.isDisabled(), name).toBe(true);
      expect(await b.textContent()).toContain('Uskoro');
    }
    expect(await page.getByRole('button', { name: /Erste Bank/ }).isEnabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('widget-desktop') });
    expect(await widgetA11yViolations(page)).toEqual([]);

    // The search box narrows the list (diacritics and case do not matter).
    await page.getByRole('searchbox', { name: 'Pretražite banke' }).fill('RAIF');
    expect(await banks.count()).toBe(1);

    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bankPage = await popupOpened;
    await expect.poll(() => dialog(page).textContent()).toContain('Prijavite se u banci');
    await page.screenshot({ path: screenshotPath('widget-waiting') });
    expect(await widgetA11yViolations(page)).toEqual([]);
    await approveOnBankPage(bankPage, 'bank-page');

    await expect.poll(async () => (await recorded(page)).success.length, { timeout: 10_000 }).toBe(1);
    expect(await dialog(page).textContent()).toContain('Banka je povezana');
    await page.screenshot({ path: screenshotPath('widget-success') });
    const [publicToken, meta] = await firstSuccess(page);
    expect(publicToken).toMatch(/^public_/);
    expect(meta).toEqual({ bank_id: 'raiffeisen', bank_name: 'Raiffeisen Bank', status: 'authorized' });
    expect(logs).toContain('Connected: Raiffeisen Bank');
    await expect.poll(() => bankPage.isClosed()).toBe(true);
    // The widget closes itself shortly after success, without reporting an exit.
    await expect.poll(() => page.locator('opendinar-link').count(), { timeout: 5000 }).toBe(0);
    expect((await recorded(page)).exit).toBe(0);

    // The fintech backend exchanges the token with its key and reads the new accounts' data.
    const ex = await api(server.url, MANI_KEY, 'POST', '/connect/exchange', { public_token: publicToken });
    expect(ex.status).toBe(200);
    expect(ex.json).toMatchObject({ bank_id: 'raiffeisen', status: 'active' });
    const connectionId = String(ex.json.connection_id);
    const accounts = await api(server.url, MANI_KEY, 'GET', '/accounts?bank_id=raiffeisen');
    const mine = (accounts.json.accounts as { id: string; connection_id: string }[]).filter(
      (a) => a.connection_id === connectionId,
    );
    expect(mine.length).toBeGreaterThan(0);
    const txns = await api(server.url, MANI_KEY, 'GET', `/accounts/${mine[0]?.id}/transactions?limit=50`);
    expect(txns.status).toBe(200);
    expect((txns.json.transactions as unknown[]).length).toBeGreaterThan(0);
    const conns = await api(server.url, MANI_KEY, 'GET', '/connections');
    const conn = (conns.json.connections as { connection_id: string; user_id: string }[]).find(
      (c) => c.connection_id === connectionId,
    );
    expect(conn?.user_id).toBe('user_123');
    // One-time: a second exchange of the same token fails.
    const again = await api(server.url, MANI_KEY, 'POST', '/connect/exchange', { public_token: publicToken });
    expect(again.json.error_code).toBe('PUBLIC_TOKEN_ALREADY_USED');
  });

  it('linkToken: the secret key never reaches the browser; the backend exchanges the token from onSuccess', async () => {
    const page = await openPage('/link-token.html?user=user_link_42');
    const sentAuth: string[] = [];
    page.on('request', (r) => {
      const a = r.headers().authorization;
      if (a) sentAuth.push(a);
    });
    expect(await page.content()).not.toContain(MANI_KEY);

    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Erste Bank/ }).click();
    await approveOnBankPage(await popupOpened);

    await expect
      .poll(() => page.locator('#result').textContent(), { timeout: 10_000 })
      .toContain('connection_id');
    const result = JSON.parse(String(await page.locator('#result').textContent())) as Record<string, unknown>;
    expect(result).toMatchObject({ bank_id: 'erste', status: 'active' });
    expect(result.accounts).toBeGreaterThan(0);
    expect(result.transactions).toBeGreaterThan(0);

    expect(sentAuth.length).toBeGreaterThan(1); // POST /connect and the status polls
    for (const a of sentAuth) expect(a).toMatch(/^Bearer link_/);
    const conns = await api(server.url, MANI_KEY, 'GET', '/connections');
    const conn = (conns.json.connections as { connection_id: string; user_id: string }[]).find(
      (c) => c.connection_id === result.connection_id,
    );
    expect(conn?.user_id).toBe('user_link_42');
    expect(linkUsers).toContain('user_link_42');
  });

  it('closing: Escape and the close button call onExit and return focus to the opener', async () => {
    const page = await openPage('/quickstart.html');
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    const opener = page.getByRole('button', { name: 'Poveži banku' });

    // Keyboard only: focus the page's button, Enter opens, focus moves into the dialog.
    await opener.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('searchbox').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('OPENDINAR-LINK');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('opendinar-link').count()).toBe(0);
    expect((await recorded(page)).exit).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('connect-btn');

    await opener.click();
    await page.getByRole('button', { name: 'Zatvori' }).click();
    await expect.poll(() => page.locator('opendinar-link').count()).toBe(0);
    expect((await recorded(page)).exit).toBe(2);
    expect(logs.filter((l) => l === 'User closed the widget')).toHaveLength(2);
    expect((await recorded(page)).success).toHaveLength(0);
  });

  it('is a keyboard-operable modal: Tab stays inside, focus is visible, Enter picks a bank', async () => {
    const page = await openPage('/quickstart.html');
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);

    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
        return {
          host: host?.tagName ?? '',
          label: inner
            ? (inner.getAttribute('aria-label') ?? inner.getAttribute('data-bank') ?? inner.tagName)
            : '',
          outline: inner ? getComputedStyle(inner).outlineStyle : '',
        };
      });
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.host).toBe('OPENDINAR-LINK');
      expect(f.outline).toBe('solid'); // :focus-visible ring
      seen.add(f.label);
    }
    // Close button, search box and the three connectable banks; disabled ones are skipped.
    expect([...seen].sort()).toEqual(['INPUT', 'Zatvori', 'aik', 'erste', 'raiffeisen'].sort());
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).host).toBe('OPENDINAR-LINK');
    }
    // Enter on a bank starts the connection (a popup opens).
    while ((await focused()).label !== 'aik') await page.keyboard.press('Tab');
    const popupOpened = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const popup = await popupOpened;
    await popup.waitForURL(/\/sandbox\/auth\.html/);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.isClosed()).toBe(true);
    expect((await recorded(page)).exit).toBe(1);
  });

  it('phone width: a full-screen sheet', async () => {
    const page = await openPage('/quickstart.html', { width: 375, height: 740 });
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);
    const box = await dialog(page).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 740 });
    await page.screenshot({ path: screenshotPath('widget-phone') });
  });

  it('host-page CSS cannot break it (shadow root), speaks English, honours apiBaseUrl, makes a stable userId', async () => {
    const page = await openPage('/hostile.html');
    // No userId in the config: one is generated and kept for this browser.
    const userId = await page.evaluate(() => localStorage.getItem('opendinar_user_id'));
    expect(userId).toMatch(/^user_[0-9a-f]{24}$/);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('opendinar_user_id'))).toBe(userId);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Connect your bank' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /UniCredit/ }).textContent()).toContain('Coming soon');
    const box = await dialog(page).boundingBox();
    expect(box?.width).toBe(420);
    const style = await page.getByRole('button', { name: /Raiffeisen Bank/ }).evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      font: getComputedStyle(el).fontFamily,
    }));
    expect(style.bg).toBe('rgb(255, 255, 255)');
    expect(style.font).not.toContain('Comic');
    await page.screenshot({ path: screenshotPath('widget-hostile-page') });
  });

  it('popup blocked: redirects to the bank and resumes on return', async () => {
    const page = await openPage('/quickstart.html');
    await page.evaluate(() => {
      window.open = () => null;
    });
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    await page.getByRole('button', { name: /AIK Banka/ }).click();
    await approveOnBankPage(page);
    await page.waitForURL(/\/quickstart\.html\?status=authorized/);
    await expect.poll(async () => (await recorded(page)).success.length, { timeout: 10_000 }).toBe(1);
    const [publicToken, meta] = await firstSuccess(page);
    expect(meta.bank_id).toBe('aik');
    const ex = await api(server.url, MANI_KEY, 'POST', '/connect/exchange', { public_token: publicToken });
    expect(ex.json).toMatchObject({ bank_id: 'aik', status: 'active' });
  });

  it('declined at the bank: an error with a retry that starts again', async () => {
    const page = await openPage('/quickstart.html');
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/sandbox\/auth\.html/);
    await bankPage.getByRole('button', { name: 'Odbij' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Pristup nije odobren u banci.');
    await page.screenshot({ path: screenshotPath('widget-declined') });
    expect(await widgetA11yViolations(page)).toEqual([]);
    const retried = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Pokušaj ponovo' }).click();
    await approveOnBankPage(await retried);
    await expect.poll(async () => (await recorded(page)).success.length, { timeout: 10_000 }).toBe(1);
  });

  it('network failure: an error state, and retry recovers', async () => {
    const page = await openPage('/quickstart.html');
    await page.route('**/banks?**', (r) => r.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nema veze sa serverom');
    await page.unroute('**/banks?**');
    await page.getByRole('button', { name: 'Pokušaj ponovo' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Raiffeisen Bank/ }).isVisible()).toBe(true);
  });

  it('bad key, bad or expired link token: said on open in words (no code), onExit gets {error_code, error_message, …}', async () => {
    const cases = [
      {
        path: '/quickstart.html?key=bad',
        text: 'Aplikacija nije ispravno podešena',
        code: 'INVALID_API_KEY',
      },
      {
        path: '/link-token.html?token=bad',
        text: 'Link za povezivanje nije važeći',
        code: 'INVALID_API_KEY',
      },
      {
        path: '/link-token.html?token=expired&user=user_link_expired',
        text: 'Link za povezivanje nije važeći',
        code: 'INVALID_API_KEY',
      },
    ];
    for (const c of cases) {
      const page = await openPage(c.path);
      await page.getByRole('button', { name: 'Poveži banku' }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain(c.text);
      const shown = String(await dialog(page).textContent());
      for (const raw of ['INVALID_API_KEY', 'REVOKED_API_KEY', 'DENIED', 'error_code'])
        expect(shown).not.toContain(raw);
      // No bank can be picked, no retry is offered: only closing.
      expect(await page.locator('opendinar-link button.bank').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Pokušaj ponovo' }).count()).toBe(0);
      expect(await widgetA11yViolations(page)).toEqual([]);
      await page.screenshot({
        path: screenshotPath(`widget-refused-${c.path.includes('link') ? 'link' : 'key'}`),
      });
      await alert.getByRole('button', { name: 'Zatvori' }).click();
      await expect.poll(() => page.locator('opendinar-link').count()).toBe(0);
      const { exitErrors } = await recorded(page);
      expect(exitErrors).toHaveLength(1);
      expect(exitErrors[0]).toMatchObject({ error_code: c.code, error_message: expect.any(String) });
      expect(exitErrors[0]?.display_message).toContain(c.text);
      await context.close();
    }
  });

  it('sandbox test users on the bank page: wrong password lets the user retry; a locked account ends in ITEM_LOCKED', async () => {
    const page = await openPage('/quickstart.html');
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Raiffeisen Bank/ }).click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/sandbox\/auth\.html\?/);
    expect(await bankPage.locator('.test-users').textContent()).toContain('user_bad_password');
    expect(await pageA11yViolations(bankPage)).toEqual([]);
    await bankPage.getByLabel(/Korisničko ime/i).fill('user_bad_password');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();
    await expect.poll(() => bankPage.locator('#message').textContent()).toContain('Pogrešna lozinka');
    await bankPage.screenshot({ path: screenshotPath('bank-page-wrong-password') });
    // The form is usable again, the password cleared: a live bank lets the user try again.
    expect(await bankPage.getByRole('button', { name: 'Odobri pristup' }).isEnabled()).toBe(true);
    expect(await bankPage.getByLabel(/Lozinka/i).inputValue()).toBe('');
    expect(await dialog(page).textContent()).toContain('Prijavite se u banci');
    await bankPage.getByLabel(/Korisničko ime/i).fill('user_locked');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();
    // The widget learns it from its status poll (and closes the bank window): a translated message,
    // then onExit with the code.
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Vaš račun u banci je zaključan');
    expect(String(await dialog(page).textContent())).not.toContain('ITEM_LOCKED');
    await page.getByRole('button', { name: 'Zatvori' }).first().click();
    await expect.poll(() => page.locator('opendinar-link').count()).toBe(0);
    const { exitErrors, success } = await recorded(page);
    expect(success).toHaveLength(0);
    expect(exitErrors[0]).toMatchObject({ error_code: 'ITEM_LOCKED', error_message: expect.any(String) });
  });

  it('bank page on its own (same-tab flow), phone width: a locked account is said and the form stays shut', async () => {
    const started = await api(server.url, MANI_KEY, 'POST', '/connect', {
      bank_id: 'aik',
      user_id: 'user_locked_page',
      redirect_url: `${site.url}/quickstart.html`,
    });
    expect(started.status).toBe(201);
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const bankPage = await context.newPage();
    await bankPage.goto(String(started.json.auth_url));
    await bankPage.getByLabel(/Korisničko ime/i).fill('user_locked');
    await bankPage.getByLabel(/Lozinka/i).fill('tajna123');
    await bankPage.getByRole('button', { name: 'Odobri pristup' }).click();
    await expect.poll(() => bankPage.locator('#message').textContent()).toContain('zaključan');
    expect(await bankPage.getByRole('button', { name: 'Odobri pristup' }).isDisabled()).toBe(true);
    expect(await pageA11yViolations(bankPage)).toEqual([]);
    await bankPage.screenshot({ path: screenshotPath('bank-page-locked-phone') });
    // The app's status poll gets the documented error.
    const polled = await api(server.url, MANI_KEY, 'GET', `/connect/status/${started.json.session_token}`);
    expect(polled.status).toBe(400);
    expect(polled.json.error_code).toBe('ITEM_LOCKED');
    // Then the page sends the user back to the app.
    await bankPage.waitForURL(/\/quickstart\.html\?status=denied/, { timeout: 10_000 });
  });

  it('the bank page follows the widget language (English): test users, wrong password', async () => {
    const page = await openPage('/hostile.html');
    await page.getByRole('button', { name: 'Connect' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Erste Bank/ }).click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/sandbox\/auth\.html\?.*lang=en/);
    expect(await bankPage.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to online banking');
    expect(await bankPage.locator('.test-users').textContent()).toContain('wrong password');
    expect(await pageA11yViolations(bankPage)).toEqual([]);
    await bankPage.getByLabel('Username').fill('user_bad_password');
    await bankPage.getByLabel('Password').fill('secret123');
    await bankPage.getByRole('button', { name: 'Approve access' }).click();
    await expect.poll(() => bankPage.locator('#message').textContent()).toContain('Wrong password');
    await bankPage.screenshot({ path: screenshotPath('bank-page-wrong-password-en') });
    await bankPage.getByLabel('Username').fill('user_good');
    await bankPage.getByLabel('Password').fill('secret123');
    await bankPage.getByRole('button', { name: 'Approve access' }).click();
    await expect.poll(async () => (await recorded(page)).success.length, { timeout: 10_000 }).toBe(1);
  });

  // Last: it moves the shared server clock past the 10-minute session lifetime.
  it('expired session: the widget says so and retry starts a fresh session', async () => {
    const page = await openPage('/quickstart.html');
    await page.getByRole('button', { name: 'Poveži banku' }).click();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Erste Bank/ }).click();
    const bankPage = await popupOpened;
    await bankPage.waitForURL(/\/sandbox\/auth\.html/);
    server.t.clock.advance(11 * 60 * 1000);
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Sesija je istekla');
    expect(bankPage.isClosed()).toBe(true);
    const retried = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Pokušaj ponovo' }).click();
    await approveOnBankPage(await retried);
    await expect.poll(async () => (await recorded(page)).success.length, { timeout: 10_000 }).toBe(1);
    expect((await firstSuccess(page))[1].bank_id).toBe('erste');
  });
});
