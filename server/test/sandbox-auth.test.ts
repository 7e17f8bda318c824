import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUTH_PAGE_SCRIPT } from '../src/sandbox/auth-page-script.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function start(bankId = 'raiffeisen', redirectUrl = 'https://app.example.rs/done?x=1') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/connect',
    headers: auth(MANI_KEY),
    payload: { bank_id: bankId, user_id: 'user_page', redirect_url: redirectUrl },
  });
  expect(res.statusCode).toBe(201);
  return res.json().session_token as string;
}

const page = (token: string) =>
  t.app.inject({ method: 'GET', url: `/sandbox/auth.html?session_token=${encodeURIComponent(token)}` });
const status = async (token: string) =>
  (await t.app.inject({ method: 'GET', url: `/connect/status/${token}`, headers: auth(MANI_KEY) })).json();

const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

describe('GET /sandbox/auth.html', () => {
  it("looks like the chosen bank's login, in Serbian, under a strict CSP with no inline code", async () => {
    const token = await start('raiffeisen');
    const res = await page(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of STRICT_CSP) expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');

    const html = res.body;
    expect(html).toContain('Raiffeisen Bank');
    expect(html).toContain('Mani App');
    expect(html).toContain('Odobri pristup');
    expect(html).toContain('Odbij');
    expect(html).toContain('Korisničko ime');
    expect(html).toContain('Lozinka');
    expect(html).toContain('class="brand-raiffeisen"');
    expect(html).toContain('<script src="/sandbox/auth.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/sandbox/auth.css">');
    // Nothing a strict CSP would block: no inline scripts, styles, style attributes or handlers.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // Raiffeisen offers identity, so the page says so; Erste does not.
    expect(html).toContain('Podaci o vlasniku računa');
    const erste = (await page(await start('erste'))).body;
    expect(erste).toContain('Erste Bank');
    expect(erste).toContain('class="brand-erste"');
    expect(erste).not.toContain('Podaci o vlasniku računa');
  });

  it('escapes the redirect_url it carries', async () => {
    const token = await start('aik', 'https://app.example.rs/cb?a="><script>alert(1)</script>');
    const html = (await page(token)).body;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(
      'data-redirect-url="https://app.example.rs/cb?a=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
  });

  it('answers unknown, missing and expired sessions with clear HTML pages, not JSON', async () => {
    const unknown = await page('sess_doesnotexist');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect(unknown.body).toContain('Sesija nije pronađena');
    expect(unknown.headers['content-security-policy']).toContain("default-src 'none'");

    const missing = await t.app.inject({ method: 'GET', url: '/sandbox/auth.html' });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('session_token');

    const token = await start('erste');
    t.clock.advance(10 * 60_000);
    const expired = await page(token);
    expect(expired.statusCode).toBe(410);
    expect(expired.headers['content-type']).toMatch(/^text\/html/);
    expect(expired.body).toContain('Sesija je istekla');
    expect(expired.body).toContain('Erste Bank');
    expect(expired.body).not.toContain('Odobri pristup');
  });

  it('says when the session was already decided', async () => {
    const approved = await start();
    await t.app.inject({ method: 'POST', url: '/sandbox/authorize', payload: { session_token: approved } });
    const a = await page(approved);
    expect(a.statusCode).toBe(409);
    expect(a.body).toContain('Pristup je već odobren');
    const denied = await start();
    await t.app.inject({ method: 'POST', url: '/sandbox/deny', payload: { session_token: denied } });
    const d = await page(denied);
    expect(d.statusCode).toBe(409);
    expect(d.body).toContain('Pristup je odbijen');
  });

  it('serves its script and stylesheet as files, with each bank brand colour', async () => {
    const js = await t.app.inject({ method: 'GET', url: '/sandbox/auth.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^application\/javascript/);
    expect(js.body).toContain('/sandbox/authorize');
    expect(js.body).toContain('/sandbox/deny');
    const css = await t.app.inject({ method: 'GET', url: '/sandbox/auth.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toContain('.brand-raiffeisen{--brand:#FFE500;--on-brand:#14141f}');
    expect(css.body).toContain('.brand-erste{--brand:#2870ED;--on-brand:#ffffff}');
  });
});

/** Loads the real page into happy-dom and runs the real auth.js, with fetch wired to the app. */
async function browse(token: string, opts: { popup: boolean }) {
  const res = await page(token);
  const window = new Window({
    url: `http://localhost:3000/sandbox/auth.html?session_token=${token}`,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(res.body);
  const assign = vi.fn();
  const close = vi.fn();
  const postMessage = vi.fn();
  Object.defineProperty(window, 'location', {
    value: { assign, href: window.location.href },
    configurable: true,
  });
  Object.defineProperty(window, 'opener', {
    value: opts.popup ? { closed: false, postMessage } : null,
    configurable: true,
  });
  window.close = close;
  const requests: string[] = [];
  window.fetch = (async (
    url: string,
    init: { method: string; body: string; headers: Record<string, string> },
  ) => {
    requests.push(`${init.method} ${url}`);
    const r = await t.app.inject({ method: 'POST', url, payload: init.body, headers: init.headers });
    return { ok: r.statusCode < 300, status: r.statusCode, json: async () => r.json() };
  }) as unknown as typeof window.fetch;
  window.eval(AUTH_PAGE_SCRIPT);
  const doc = window.document;
  const settle = async () => {
    for (
      let i = 0;
      i < 20 && requests.length > 0 && !assign.mock.calls.length && !close.mock.calls.length;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 20));
  };
  return { window, doc, assign, close, postMessage, requests, settle };
}

describe('the page script (happy-dom)', () => {
  it('needs a username and password, then approves and returns to redirect_url?status=authorized', async () => {
    const token = await start('raiffeisen', 'https://app.example.rs/done?x=1');
    const b = await browse(token, { popup: false });
    const form = b.doc.getElementById('login');
    form?.dispatchEvent(new b.window.Event('submit', { cancelable: true }));
    expect(b.requests).toEqual([]);
    expect(b.doc.getElementById('message')?.textContent).toContain('Unesite korisničko ime i lozinku');

    (b.doc.getElementById('username') as unknown as { value: string }).value = 'petar';
    (b.doc.getElementById('password') as unknown as { value: string }).value = 'bilo-sta';
    form?.dispatchEvent(new b.window.Event('submit', { cancelable: true }));
    await b.settle();
    expect(b.requests).toEqual(['POST /sandbox/authorize']);
    expect(b.assign).toHaveBeenCalledWith('https://app.example.rs/done?x=1&status=authorized');
    expect(b.close).not.toHaveBeenCalled();
    expect(await status(token)).toMatchObject({
      status: 'authorized',
      public_token: expect.stringMatching(/^public_/),
    });
    await b.window.happyDOM.close();
  });

  it('declines ("Odbij") and returns with status=denied', async () => {
    const token = await start('erste', 'https://app.example.rs/cb');
    const b = await browse(token, { popup: false });
    b.doc.getElementById('deny')?.dispatchEvent(new b.window.Event('click'));
    await b.settle();
    expect(b.requests).toEqual(['POST /sandbox/deny']);
    expect(b.assign).toHaveBeenCalledWith('https://app.example.rs/cb?status=denied');
    expect(await status(token)).toEqual({ status: 'denied' });
    await b.window.happyDOM.close();
  });

  it('as a popup: tells the opener (at the redirect origin only) and closes itself', async () => {
    const token = await start('aik', 'https://shop.example.rs/connected');
    const b = await browse(token, { popup: true });
    (b.doc.getElementById('username') as unknown as { value: string }).value = 'u';
    (b.doc.getElementById('password') as unknown as { value: string }).value = 'p';
    b.doc.getElementById('login')?.dispatchEvent(new b.window.Event('submit', { cancelable: true }));
    await b.settle();
    expect(b.close).toHaveBeenCalled();
    expect(b.assign).not.toHaveBeenCalled();
    expect(b.postMessage).toHaveBeenCalledWith(
      { source: 'opendinar', type: 'sandbox_auth', status: 'authorized', session_token: token },
      'https://shop.example.rs',
    );
    // The public token is never handed to the page's opener or URL.
    expect(JSON.stringify(b.postMessage.mock.calls)).not.toContain('public_');
    await b.window.happyDOM.close();
  });

  it('shows a Serbian message when the session expired meanwhile', async () => {
    const token = await start();
    const b = await browse(token, { popup: false });
    t.clock.advance(10 * 60_000);
    (b.doc.getElementById('username') as unknown as { value: string }).value = 'u';
    (b.doc.getElementById('password') as unknown as { value: string }).value = 'p';
    b.doc.getElementById('login')?.dispatchEvent(new b.window.Event('submit', { cancelable: true }));
    await b.settle();
    expect(b.doc.getElementById('message')?.textContent).toContain('Sesija je istekla');
    expect(b.assign).not.toHaveBeenCalled();
    await b.window.happyDOM.close();
  });
});

describe('POST /sandbox/authorize', () => {
  it('is for sandbox sessions only', async () => {
    // A session made with a live key (planted directly: no live connector exists to start one).
    const token = await start();
    await t.deps.db
      .updateTable('connect_sessions')
      .set({ environment: 'live' })
      .where('user_id', '=', 'user_page')
      .where('status', '=', 'pending')
      .execute();
    const res = await t.app.inject({
      method: 'POST',
      url: '/sandbox/authorize',
      payload: { session_token: token },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error_code).toBe('SESSION_NOT_FOUND');
    const html = await page(token);
    expect(html.statusCode).toBe(404);
  });
});
