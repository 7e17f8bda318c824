import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../src/dashboard/routes.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const DASH = { 'x-opendinar-client': 'dashboard' };

function cookiesOf(res: { headers: Record<string, unknown> }): string[] {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? (h as string[]) : [String(h)];
}
function cookieValue(cookies: string[], name: string): string | null {
  const c = cookies.find((x) => x.startsWith(`${name}=`));
  return c ? (c.split(';')[0] ?? '').slice(name.length + 1) : null;
}

describe('GET /dashboard (static build)', () => {
  let dir: string;
  let app: FastifyInstance;
  let missing: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dash-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dash</title><div id="app"></div>');
    writeFileSync(join(dir, 'widget-frame.html'), '<!doctype html><title>frame</title>');
    writeFileSync(join(dir, 'assets', 'main-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
    app = Fastify();
    await app.register(dashboardRoutes, { distDir: dir });
    missing = Fastify();
    await missing.register(dashboardRoutes, { distDir: join(dir, 'nope') });
  });
  afterAll(async () => {
    await app.close();
    await missing.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /dashboard and for app routes, uncached, with a strict CSP', async () => {
    for (const url of [
      '/dashboard',
      '/dashboard/',
      '/dashboard/keys',
      '/dashboard/explorer/accounts/acc_1?x=1',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<div id="app">');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      for (const d of [
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ]) {
        expect(csp, d).toContain(d);
      }
      expect(csp).not.toContain('unsafe');
    }
  });

  it('serves hashed assets with a long immutable cache and other files revalidated', async () => {
    const js = await app.inject({ url: '/dashboard/assets/main-AbC123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe('console.log(1)');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const txt = await app.inject({ url: '/dashboard/robots.txt' });
    expect(txt.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing hashed asset instead of the app page', async () => {
    const res = await app.inject({ url: '/dashboard/assets/main-old.js' });
    expect(res.statusCode).toBe(404);
  });

  it('never serves files outside the build directory', async () => {
    for (const url of [
      '/dashboard/../package.json',
      '/dashboard/%2e%2e/%2e%2e/etc/passwd',
      '/dashboard/assets/..%2f..%2findex.html',
    ]) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('root:');
      expect(res.body, url).not.toContain('"name"');
    }
  });

  it('lets only the dashboard frame the Link widget page, whose styles may be inline', async () => {
    const res = await app.inject({ url: '/dashboard/widget-frame.html' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('explains how to build when dist is missing', async () => {
    const res = await missing.inject({ url: '/dashboard/keys' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('npm run build');
  });
});

describe('dashboard session cookie and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  async function register(email: string, headers: Record<string, string> = DASH) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/register',
      headers,
      payload: { email, password: 'correct horse', name: 'Cookie Co' },
    });
    expect(res.statusCode).toBe(201);
    return res;
  }

  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie only for the dashboard', async () => {
    const plain = await register('plain@example.rs', {});
    expect(cookiesOf(plain)).toEqual([]);

    const res = await register('dash@example.rs');
    const cookies = cookiesOf(res);
    const ses = cookies.find((c) => c.startsWith('od_devses='));
    const csrf = cookies.find((c) => c.startsWith('od_csrf='));
    expect(ses).toMatch(/; HttpOnly;/);
    expect(ses).toMatch(/SameSite=Strict/);
    expect(ses).toMatch(/Path=\//);
    expect(ses).not.toMatch(/Secure/); // publicUrl is http in this test
    expect(cookieValue(cookies, 'od_devses')).toBe(res.json().session_token);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
  });

  it('authenticates GETs with the cookie alone and requires a matching X-CSRF-Token to change anything', async () => {
    const cookies = cookiesOf(await register('csrf@example.rs'));
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const csrf = cookieValue(cookies, 'od_csrf') ?? '';

    const me = await t.app.inject({ url: '/developers/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('csrf@example.rs');

    const body = { app_name: 'x', environment: 'sandbox' };
    const none = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: { cookie },
      payload: body,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error_code).toBe('INVALID_CSRF_TOKEN');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: { cookie, 'x-csrf-token': `${csrf.slice(0, -2)}xx` },
      payload: body,
    });
    expect(wrong.json().error_code).toBe('INVALID_CSRF_TOKEN');
    // Another session's CSRF value does not fit this session.
    const other = cookieValue(cookiesOf(await register('other@example.rs')), 'od_csrf') ?? '';
    const crossed = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: { cookie, 'x-csrf-token': other },
      payload: body,
    });
    expect(crossed.json().error_code).toBe('INVALID_CSRF_TOKEN');

    const ok = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: body,
    });
    expect(ok.statusCode).toBe(201);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${ok.json().id}`,
      headers: { cookie },
    });
    expect(del.json().error_code).toBe('INVALID_CSRF_TOKEN');
  });

  it('prefers the Authorization header (no CSRF needed for bearer clients)', async () => {
    const res = await register('bearer@example.rs');
    const token = res.json().session_token as string;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: { authorization: `Bearer ${token}`, cookie: 'od_devses=devses_forged_value_here' },
      payload: { app_name: 'y', environment: 'sandbox' },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await t.app.inject({
      url: '/developers/me',
      headers: { authorization: 'Bearer devses_nope', cookie: `od_devses=${token}` },
    });
    expect(bad.json().error_code).toBe('INVALID_DEV_TOKEN');
  });

  it('login sets the cookies; logout clears them and ends the session', async () => {
    await register('cycle@example.rs', {});
    const login = await t.app.inject({
      method: 'POST',
      url: '/developers/login',
      headers: DASH,
      payload: { email: 'cycle@example.rs', password: 'correct horse' },
    });
    expect(login.statusCode).toBe(200);
    const cookies = cookiesOf(login);
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const csrf = cookieValue(cookies, 'od_csrf') ?? '';
    expect(cookieValue(cookies, 'od_devses')).toBe(login.json().session_token);

    const out = await t.app.inject({
      method: 'POST',
      url: '/developers/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    const cleared = cookiesOf(out);
    expect(cleared.find((c) => c.startsWith('od_devses=;'))).toMatch(/Max-Age=0/);
    expect(cleared.find((c) => c.startsWith('od_csrf=;'))).toMatch(/Max-Age=0/);
    const after = await t.app.inject({ url: '/developers/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error_code).toBe('INVALID_DEV_TOKEN');
  });

  it('an expired cookie session answers EXPIRED_DEV_TOKEN; no cookie answers MISSING_DEV_TOKEN', async () => {
    const cookie = cookiesOf(await register('old@example.rs'))
      .map((c) => c.split(';')[0])
      .join('; ');
    t.clock.advance(25 * 3600_000);
    const res = await t.app.inject({ url: '/developers/me', headers: { cookie } });
    expect(res.json().error_code).toBe('EXPIRED_DEV_TOKEN');
    const none = await t.app.inject({ url: '/developers/me', headers: { cookie: 'od_devses=garbage' } });
    expect(none.json().error_code).toBe('MISSING_DEV_TOKEN');
  });
});

describe('Secure cookies behind https', () => {
  it('adds Secure when the public URL is https', async () => {
    const t = await createTestApp({ env: { OPENDINAR_PUBLIC_URL: 'https://api.opendinar.test' } });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/developers/register',
        headers: DASH,
        payload: { email: 's@example.rs', password: 'correct horse', name: 'S' },
      });
      for (const c of cookiesOf(res)) expect(c).toMatch(/; Secure/);
    } finally {
      await t.close();
    }
  });
});
