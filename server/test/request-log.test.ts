// The request log: every API request of an app, with the full error body for failures, written
// in the usage recorder's batches; scoped to the developer; filterable; nothing of bank data kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let ana: Registered;
let bob: Registered;

beforeAll(async () => {
  t = await createTestApp({ env: { OPENDINAR_REQUEST_LOG_DAYS: '3' } });
  ana = await registerDeveloper(t.app);
  bob = await registerDeveloper(t.app);
});
afterAll(async () => t.close());

const logs = async (token: string, query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/developers/logs${query}`, headers: devAuth(token) });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    requests: Array<Record<string, unknown>>;
    has_more: boolean;
    next_before: string | null;
    retention_days: number;
    routes: string[];
  };
};

describe('GET /developers/logs', () => {
  it('shows an error made with a key, with its full error body, and a success without its body', async () => {
    const failed = await t.app.inject({
      method: 'GET',
      url: '/accounts/acc_nope/transactions?limit=500',
      headers: { ...auth(ana.key), 'x-request-id': 'req_curl_error_1' },
    });
    expect(failed.statusCode).toBe(404);
    const ok = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(ana.key) });
    expect(ok.statusCode).toBe(200);
    await t.app.usage.flush();

    const body = await logs(ana.token);
    expect(body.retention_days).toBe(3);
    const err = body.requests.find((r) => r.request_id === 'req_curl_error_1');
    expect(err).toEqual({
      id: expect.any(String),
      request_id: 'req_curl_error_1',
      method: 'GET',
      path: '/accounts/acc_nope/transactions?limit=500',
      endpoint: 'GET /accounts/:id/transactions',
      status: 404,
      error_code: 'ACCOUNT_NOT_FOUND',
      error_body: failed.json(),
      latency_ms: expect.any(Number),
      key_id: ana.keyId,
      key_prefix: ana.key.slice(0, 15),
      at: '2026-04-04T10:30:00.000Z',
    });
    const success = body.requests.find((r) => r.request_id === ok.headers['x-request-id']);
    expect(success).toMatchObject({ status: 200, error_body: null, endpoint: 'GET /accounts' });
    expect(JSON.stringify(body)).not.toContain(ana.key.slice(15));

    // A token in a path (a connect session's) is logged as its prefix only.
    const status = await t.app.inject({
      method: 'GET',
      url: '/connect/status/sess_abcdefghijklmnopqrstuvwxyz123456',
      headers: { ...auth(ana.key), 'x-request-id': 'req_status_1' },
    });
    expect(status.statusCode).toBe(404);
    await t.app.usage.flush();
    const logged = (await logs(ana.token, '?request_id=req_status_1')).requests[0];
    expect(logged?.path).toBe('/connect/status/sess_…');
    expect(body.routes).toEqual(expect.arrayContaining(['GET /accounts', 'GET /accounts/:id/transactions']));

    // By request id, from anywhere in the dashboard.
    const one = await t.app.inject({
      method: 'GET',
      url: '/developers/logs/req_curl_error_1',
      headers: devAuth(ana.token),
    });
    expect(one.json()).toEqual(err);
  });

  it('filters by key, status, route and time, and pages newest first', async () => {
    for (let i = 0; i < 3; i++)
      await t.app.inject({ method: 'GET', url: '/connections', headers: auth(ana.key) });
    await t.app.inject({ method: 'GET', url: '/accounts/acc_nope/balance', headers: auth(ana.key) });
    await t.app.usage.flush();
    expect((await logs(ana.token, '?status=4xx')).requests.every((r) => (r.status as number) >= 400)).toBe(
      true,
    );
    const notFound = (await logs(ana.token, '?status=404')).requests;
    expect(notFound.every((r) => r.status === 404)).toBe(true);
    expect(notFound.filter((r) => r.error_code === 'ACCOUNT_NOT_FOUND')).toHaveLength(2);
    expect((await logs(ana.token, '?status=2xx')).requests.every((r) => r.status === 200)).toBe(true);
    const route = await logs(ana.token, `?route=${encodeURIComponent('GET /connections')}`);
    expect(route.requests).toHaveLength(3);
    expect((await logs(ana.token, `?key_id=${bob.keyId}`)).requests).toEqual([]);
    const page1 = await logs(ana.token, '?limit=2');
    expect(page1.has_more).toBe(true);
    const page2 = await logs(ana.token, `?limit=2&before=${page1.next_before}`);
    expect(String(page2.requests[0]?.id) < String(page1.requests[1]?.id)).toBe(true);
    expect((await logs(ana.token, '?to=2026-04-03')).requests).toEqual([]);
  });

  it('keeps the last N days only, and never shows another developer anything', async () => {
    expect((await logs(bob.token)).requests).toEqual([]);
    const foreign = await t.app.inject({
      method: 'GET',
      url: '/developers/logs/req_curl_error_1',
      headers: { ...devAuth(bob.token), 'x-request-id': 'x' },
    });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/developers/logs/req_never',
      headers: { ...devAuth(bob.token), 'x-request-id': 'x' },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect(foreign.json().error_code).toBe('REQUEST_NOT_FOUND');
    for (const bad of ['?status=abc', '?limit=0', '?from=yesterday'])
      expect(
        (
          await t.app.inject({ method: 'GET', url: `/developers/logs${bad}`, headers: devAuth(ana.token) })
        ).json().error_code,
      ).toBe('INVALID_FIELD');
    t.clock.advance(3 * 86_400_000 + 1);
    const login = await t.app.inject({
      method: 'POST',
      url: '/developers/login',
      payload: { email: ana.email, password: ana.password },
    });
    expect((await logs(login.json().session_token)).requests).toEqual([]);
  });

  it('stores a batch of one developer as one row, and pages exactly through batches that overlap in time', async () => {
    const cara = await registerDeveloper(t.app);
    const base = t.clock.now().getTime();
    const record = (i: number, atMs: number) =>
      t.app.usage.record({
        method: 'GET',
        endpoint: 'GET /accounts',
        status: i % 5 === 0 ? 404 : 200,
        errorCode: i % 5 === 0 ? 'ACCOUNT_NOT_FOUND' : null,
        requestId: `req_chunk_${String(i).padStart(3, '0')}`,
        at: new Date(atMs),
        key: { apiKeyId: cara.keyId, developerId: cara.id, environment: 'sandbox' },
        log: { path: `/accounts?i=${i}`, latencyMs: 1, authorization: `Bearer ${cara.key}`, errorBody: null },
      });
    // Three flushes whose instants interleave (as two processes' batches do): i at base + i ms.
    const flushes = [
      [0, 3, 6, 9, 12, 15, 18, 21, 24, 27],
      [1, 4, 7, 10, 13, 16, 19, 22, 25, 28],
      [2, 5, 8, 11, 14, 17, 20, 23, 26, 29],
    ];
    for (const f of flushes) {
      for (const i of f) record(i, base + i);
      await t.app.usage.flush();
    }
    // One row per batch (and developer), not one per request.
    const chunks = await t.deps.db
      .selectFrom('request_log_chunks')
      .select(['requests'])
      .where('developer_id', '=', cara.id)
      .execute();
    expect(chunks.map((c) => Number(c.requests))).toEqual([10, 10, 10]);
    // Pages of 7, newest first, cross the chunks: every request once, in time order.
    const seen: string[] = [];
    let before = '';
    for (let page = 0; page < 10; page++) {
      const body = await logs(cara.token, `?limit=7${before}`);
      seen.push(...body.requests.map((r) => String(r.request_id)));
      if (!body.has_more) break;
      before = `&before=${body.next_before}`;
    }
    const expected = Array.from({ length: 30 }, (_, i) => `req_chunk_${String(29 - i).padStart(3, '0')}`);
    expect(seen).toEqual(expected);
    // Filters and a time range cut inside the chunks.
    const errors = await logs(cara.token, '?status=404');
    expect(errors.requests.map((r) => r.request_id)).toEqual(
      expected.filter((id) => Number(id.slice(-3)) % 5 === 0),
    );
    const from = new Date(base + 10).toISOString();
    const to = new Date(base + 19).toISOString();
    const range = await logs(cara.token, `?from=${from}&to=${to}&limit=100`);
    expect(range.requests.map((r) => r.request_id)).toEqual(
      expected.filter((id) => Number(id.slice(-3)) >= 10 && Number(id.slice(-3)) <= 19),
    );
    const one = await t.app.inject({
      method: 'GET',
      url: '/developers/logs/req_chunk_017',
      headers: devAuth(cara.token),
    });
    expect(one.json()).toMatchObject({ request_id: 'req_chunk_017', path: '/accounts?i=17', status: 200 });
    expect(range.routes).toEqual(['GET /accounts']);
  });
});
