import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const baseline = (res: LightMyRequestResponse) => ({
  nosniff: res.headers['x-content-type-options'],
  referrer: res.headers['referrer-policy'],
  frame: res.headers['x-frame-options'],
});

describe('security headers', () => {
  it('JSON answers — success and every kind of error — carry nosniff, no-referrer, DENY and no-store', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) }),
      await t.app.inject({ method: 'GET', url: '/banks' }),
      await t.app.inject({ method: 'GET', url: '/accounts' }),
      await t.app.inject({ method: 'GET', url: '/accounts/acc_nope/balance', headers: auth(MANI_KEY) }),
      await t.app.inject({ method: 'GET', url: '/no/such/route' }),
      await t.app.inject({
        method: 'POST',
        url: '/connect',
        headers: { ...auth(MANI_KEY), 'content-type': 'application/json' },
        payload: '{"bank_id":',
      }),
      await t.app.inject({ method: 'GET', url: '/%E0%A4%A' }),
    ];
    for (const res of answers) {
      expect(res.headers['content-type'], res.body).toMatch(/^application\/json/);
      expect(baseline(res)).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY' });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers that hand out secrets are never cached', async () => {
    const dev = await registerDeveloper(t.app);
    const secretBearing = [
      await t.app.inject({
        method: 'POST',
        url: '/developers/login',
        remoteAddress: '10.55.0.1',
        payload: { email: dev.email, password: dev.password },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/developers/keys',
        headers: auth(dev.token),
        payload: { app_name: 'x', environment: 'sandbox' },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/developers/webhooks',
        headers: auth(dev.token),
        payload: { url: 'https://hooks.example.com/od' },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/link/token',
        headers: auth(MANI_KEY),
        payload: { user_id: 'u1' },
      }),
    ];
    for (const res of secretBearing) {
      expect(res.statusCode, res.body).toBeLessThan(300);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('pages keep their own stricter or different values; the baseline fills the rest', async () => {
    const start = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(MANI_KEY),
      payload: { bank_id: 'raiffeisen', user_id: 'u1', redirect_url: 'https://app.example.rs/done' },
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/sandbox/auth.html?session_token=${start.json().session_token}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBeDefined();
    expect(baseline(page)).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY' });
    expect(page.headers['cache-control']).toBe('no-store');

    const docs = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("default-src 'none'");
    expect(baseline(docs)).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY' });

    // The interactive reference still loads: its page, script and CSS, with swagger-ui's own CSP.
    const ui = await t.app.inject({ method: 'GET', url: '/docs/reference/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['x-content-type-options']).toBe('nosniff');
    expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'swagger-initializer.js']) {
      const res = await t.app.inject({ method: 'GET', url: `/docs/reference/static/${asset}` });
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers['content-type'], asset).toMatch(/javascript|css/);
    }

    const widget = await t.app.inject({ method: 'GET', url: '/v1/opendinar.js' });
    if (widget.statusCode === 200) {
      expect(widget.headers['cache-control']).toBe('public, max-age=300');
      expect(widget.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
