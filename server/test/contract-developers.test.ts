/**
 * Contract audit (part 4): the Developer Portal — auth, keys, usage, webhooks — with every
 * documented error code these endpoints can answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';
import { expectError, ISO_INSTANT } from './helpers/contract.js';
import { createDevSession } from './helpers/webhooks.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const del = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'DELETE', url, headers });

let n = 0;
/**
 * A registered developer with a session and a sandbox key. Registration is limited to 20 per
 * 10 minutes per IP, so only the first few go through POST /developers/register; the rest log in
 * to a developer created the same way (and all get their key from POST /developers/keys).
 */
async function register(): Promise<{
  token: string;
  key: string;
  keyId: string;
  email: string;
  headers: Record<string, string>;
}> {
  const email = `dev${++n}@example.com`;
  const res = await post('/developers/register', { email, password: 'violet-orbit-123', name: `Dev ${n}` });
  expect(res.statusCode).toBe(201);
  const b = res.json();
  return {
    token: b.session_token,
    key: b.api_key.key,
    keyId: b.api_key.id,
    email,
    headers: auth(b.session_token),
  };
}
async function developer(): Promise<{ key: string; keyId: string; headers: Record<string, string> }> {
  const { headers } = await createDevSession(t.deps.db, t.clock);
  const res = await post('/developers/keys', { app_name: 'App', environment: 'sandbox' }, headers);
  expect(res.statusCode).toBe(201);
  return { key: res.json().key, keyId: res.json().id, headers };
}

describe('Register / Login / Logout / Get account', () => {
  it('register: 201 with developer, devses_ session and an od_test_sk_ sandbox key', async () => {
    const res = await post('/developers/register', {
      email: 'mila@example.com',
      password: 'violet-orbit-123',
      name: 'Mila',
    });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(Object.keys(b.developer).sort()).toEqual(['created_at', 'email', 'id', 'name']);
    expect(b.developer.created_at).toMatch(ISO_INSTANT);
    expect(b.session_token).toMatch(/^devses_/);
    expect(b.api_key).toMatchObject({
      id: expect.any(String),
      app_name: expect.any(String),
      environment: 'sandbox',
    });
    expect(b.api_key.key).toMatch(/^od_test_sk_/);
    // The new key works at once.
    expect((await get('/accounts', auth(b.api_key.key))).statusCode).toBe(200);
  });

  it('register errors: MISSING_FIELDS, INVALID_EMAIL, PASSWORD_TOO_SHORT (8), EMAIL_TAKEN (409)', async () => {
    for (const drop of ['email', 'password', 'name']) {
      const payload: Record<string, string> = {
        email: 'x@example.com',
        password: 'violet-orbit-123',
        name: 'X',
      };
      delete payload[drop];
      expectError(await post('/developers/register', payload), 'MISSING_FIELDS', 'INVALID_REQUEST', 400);
    }
    for (const email of ['not-an-email', 'a@', '@b.com', 'a b@c.com']) {
      expectError(
        await post('/developers/register', { email, password: 'violet-orbit-123', name: 'X' }),
        'INVALID_EMAIL',
        'INVALID_REQUEST',
        400,
      );
    }
    expectError(
      await post('/developers/register', { email: 'short@example.com', password: '1234567', name: 'X' }),
      'PASSWORD_TOO_SHORT',
      'INVALID_REQUEST',
      400,
    );
    expect(
      (await post('/developers/register', { email: 'eight@example.com', password: '1234567x', name: 'X' }))
        .statusCode,
    ).toBe(201);
    expectError(
      await post('/developers/register', {
        email: 'eight@example.com',
        password: 'violet-orbit-123',
        name: 'Y',
      }),
      'EMAIL_TAKEN',
      'INVALID_REQUEST',
      409,
    );
  });

  it('login: devses_ token valid for 24 hours; wrong password → INVALID_CREDENTIALS', async () => {
    const { email } = await register();
    const res = await post('/developers/login', { email, password: 'violet-orbit-123' });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.session_token).toMatch(/^devses_/);
    expect(b.expires_at).toBe(new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString());
    expectError(
      await post('/developers/login', { email, password: 'wrong-password' }),
      'INVALID_CREDENTIALS',
      'AUTH_ERROR',
      401,
    );
    expectError(
      await post('/developers/login', { email: 'nobody@example.com', password: 'violet-orbit-123' }),
      'INVALID_CREDENTIALS',
      'AUTH_ERROR',
      401,
    );
    expectError(await post('/developers/login', { email }), 'MISSING_FIELDS', 'INVALID_REQUEST', 400);

    // GET /developers/me
    const me = await get('/developers/me', auth(b.session_token));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: expect.any(String),
      email,
      name: expect.any(String),
      created_at: expect.stringMatching(ISO_INSTANT),
    });

    // 24 hours later: EXPIRED_DEV_TOKEN.
    t.clock.advance(24 * 3600_000 - 1000);
    expect((await get('/developers/me', auth(b.session_token))).statusCode).toBe(200);
    t.clock.advance(2000);
    expectError(await get('/developers/me', auth(b.session_token)), 'EXPIRED_DEV_TOKEN', 'AUTH_ERROR', 401);
  });

  it('logout: {status:"logged_out"}, and the token stops working at once', async () => {
    const { headers } = await register();
    const res = await post('/developers/logout', undefined, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'logged_out' });
    const after = await get('/developers/me', headers);
    expect(after.statusCode).toBe(401);
    expect(['INVALID_DEV_TOKEN', 'EXPIRED_DEV_TOKEN']).toContain(after.json().error_code);
  });
});

describe('API keys', () => {
  it('list: prefix, app name, environment, status — never the full key', async () => {
    const { headers, key, keyId } = await register();
    const res = await get('/developers/keys', headers);
    expect(res.statusCode).toBe(200);
    const keys = res.json().keys;
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(
      expect.arrayContaining([
        'app_name',
        'created_at',
        'environment',
        'id',
        'last_used_at',
        'prefix',
        'scopes',
        'status',
      ]),
    );
    expect(keys[0]).toMatchObject({ id: keyId, environment: 'sandbox', status: 'active' });
    expect(key.startsWith(keys[0].prefix)).toBe(true);
    expect(keys[0].prefix.length).toBeLessThan(key.length);
    expect(JSON.stringify(res.json())).not.toContain(key);
    expect(keys[0].last_used_at).toBeNull();
    await get('/accounts', auth(key));
    await t.app.usage.flush(); // last_used_at is written with the batched usage records
    expect((await get('/developers/keys', headers)).json().keys[0].last_used_at).toBe(
      t.clock.now().toISOString(),
    );
  });

  it('generate: 201 with the same fields plus `key` (od_test_sk_ / od_live_sk_), shown once', async () => {
    const { headers } = await developer();
    for (const [environment, prefix] of [
      ['sandbox', 'od_test_sk_'],
      ['live', 'od_live_sk_'],
    ] as const) {
      const res = await post('/developers/keys', { app_name: `App ${environment}`, environment }, headers);
      expect(res.statusCode).toBe(201);
      const b = res.json();
      expect(b).toMatchObject({
        app_name: `App ${environment}`,
        environment,
        status: 'active',
        last_used_at: null,
      });
      expect(b.key.startsWith(prefix)).toBe(true);
      expect(b.key.startsWith(b.prefix)).toBe(true);
      expect(b.prefix.startsWith(prefix)).toBe(true);
      expect(b.scopes.sort()).toEqual(['accounts:read', 'balance:read', 'transactions:read']);
      expect(b.created_at).toMatch(ISO_INSTANT);
    }
    expectError(
      await post('/developers/keys', { environment: 'sandbox' }, headers),
      'MISSING_FIELDS',
      'INVALID_REQUEST',
      400,
    );
    expectError(
      await post('/developers/keys', { app_name: 'X', environment: 'production' }, headers),
      'INVALID_FIELD',
      'INVALID_REQUEST',
      400,
    );
    expectError(
      await post('/developers/keys', { app_name: 'X', environment: 'sandbox', scopes: ['admin'] }, headers),
      'INVALID_FIELD',
      'INVALID_REQUEST',
      400,
    );
  });

  it('revoke: {id, status:"revoked"}; the key answers 401 REVOKED_API_KEY from the next request on', async () => {
    const { headers, key, keyId } = await developer();
    expect((await get('/accounts', auth(key))).statusCode).toBe(200);
    const res = await del(`/developers/keys/${keyId}`, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: keyId, status: 'revoked' });
    expectError(await get('/accounts', auth(key)), 'REVOKED_API_KEY', 'AUTH_ERROR', 401);
    expect((await get('/developers/keys', headers)).json().keys[0].status).toBe('revoked');
  });

  it('KEY_NOT_FOUND for an unknown key or another developer’s', async () => {
    const a = await developer();
    const b = await developer();
    expectError(await del('/developers/keys/key_nope', a.headers), 'KEY_NOT_FOUND', 'ITEM_ERROR', 404);
    expectError(await del(`/developers/keys/${b.keyId}`, a.headers), 'KEY_NOT_FOUND', 'ITEM_ERROR', 404);
    expectError(await del('/developers/keys/key_mani_app', a.headers), 'KEY_NOT_FOUND', 'ITEM_ERROR', 404);
    expect((await get('/accounts', auth(b.key))).statusCode).toBe(200);
    expect((await get('/accounts', auth(MANI_KEY))).statusCode).toBe(200);
  });
});

describe('Usage', () => {
  it('totals, by-endpoint breakdown (route patterns), error rate and recent errors for all your keys', async () => {
    const { headers, key } = await developer();
    const second = (
      await post('/developers/keys', { app_name: 'Second', environment: 'sandbox' }, headers)
    ).json().key;
    await get('/accounts', auth(key));
    await get('/accounts/acc_missing/transactions', auth(key));
    await get('/accounts/acc_missing/transactions?limit=5', auth(second));
    const bad = await get('/accounts/acc_other/balance', auth(second));
    await t.app.usage.flush();
    const res = await get('/developers/usage', headers);
    expect(res.statusCode).toBe(200);
    const u = res.json();
    for (const f of ['total_requests', 'error_rate', 'by_endpoint', 'recent_errors', 'billable_requests']) {
      expect(u, f).toHaveProperty(f);
    }
    expect(u.total_requests).toBe(4);
    expect(u.error_rate).toBeCloseTo(0.75, 5);
    expect(u.billable_requests).toBe(0); // sandbox keys are not billed
    const by = Object.fromEntries(u.by_endpoint.map((e: { endpoint: string }) => [e.endpoint, e]));
    expect(by['GET /accounts/:id/transactions']).toEqual({
      endpoint: 'GET /accounts/:id/transactions',
      requests: 2,
      errors: 2,
    });
    expect(by['GET /accounts']).toEqual({ endpoint: 'GET /accounts', requests: 1, errors: 0 });
    expect(by['GET /accounts/:id/balance']).toMatchObject({ requests: 1, errors: 1 });
    expect(u.recent_errors).toHaveLength(3);
    for (const e of u.recent_errors) {
      expect(Object.keys(e).sort()).toEqual(
        expect.arrayContaining(['at', 'endpoint', 'error_code', 'request_id', 'status']),
      );
      expect(e).toMatchObject({ error_code: 'ACCOUNT_NOT_FOUND', status: 404 });
      expect(e.at).toMatch(ISO_INSTANT);
    }
    expect(u.recent_errors.map((e: { request_id: string }) => e.request_id)).toContain(bad.json().request_id);
  });

  it('live keys are billed (successful requests), sandbox keys are not', async () => {
    const { headers, key } = await developer();
    const live = (await post('/developers/keys', { app_name: 'Live', environment: 'live' }, headers)).json()
      .key;
    await get('/accounts', auth(key));
    await get('/accounts', auth(live));
    await get('/connections', auth(live));
    await get('/accounts/acc_x/balance', auth(live));
    await t.app.usage.flush();
    const u = (await get('/developers/usage', headers)).json();
    expect(u.total_requests).toBe(4);
    expect(u.billable_requests).toBe(2);
  });
});

describe('Webhooks API', () => {
  it('register: 201 {id, url, events, secret:"whsec_…", created_at}; events default to all', async () => {
    const { headers } = await developer();
    const res = await post('/developers/webhooks', { url: 'https://hooks.example.com/od' }, headers);
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toEqual({
      id: expect.any(String),
      url: 'https://hooks.example.com/od',
      events: expect.arrayContaining([
        'AUTH.AUTOMATICALLY_VERIFIED',
        'ITEM.CONNECTION_REVOKED',
        'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
      ]),
      secret: expect.stringMatching(/^whsec_/),
      created_at: expect.stringMatching(ISO_INSTANT),
    });
    const filtered = await post(
      '/developers/webhooks',
      { url: 'https://hooks.example.com/revoked', events: ['ITEM.CONNECTION_REVOKED'] },
      headers,
    );
    expect(filtered.json().events).toEqual(['ITEM.CONNECTION_REVOKED']);

    // List: no secret.
    const list = (await get('/developers/webhooks', headers)).json();
    expect(Object.keys(list)).toEqual(['webhooks']);
    expect(list.webhooks).toHaveLength(2);
    for (const w of list.webhooks) {
      expect(Object.keys(w).sort()).toEqual(expect.arrayContaining(['created_at', 'events', 'id', 'url']));
      expect(w).not.toHaveProperty('secret');
    }
    expect(JSON.stringify(list)).not.toContain(b.secret);

    // Remove: {id, status:"deleted"}; then WEBHOOK_NOT_FOUND.
    const removed = await del(`/developers/webhooks/${b.id}`, headers);
    expect(removed.json()).toEqual({ id: b.id, status: 'deleted' });
    expect((await get('/developers/webhooks', headers)).json().webhooks).toHaveLength(1);
    expectError(await del(`/developers/webhooks/${b.id}`, headers), 'WEBHOOK_NOT_FOUND', 'ITEM_ERROR', 404);
    const other = await developer();
    expectError(
      await del(`/developers/webhooks/${filtered.json().id}`, other.headers),
      'WEBHOOK_NOT_FOUND',
      'ITEM_ERROR',
      404,
    );
  });

  it('url is required (MISSING_FIELDS); unknown event names → INVALID_FIELD', async () => {
    const { headers } = await developer();
    expectError(
      await post('/developers/webhooks', { events: [] }, headers),
      'MISSING_FIELDS',
      'INVALID_REQUEST',
      400,
    );
    expectError(
      await post(
        '/developers/webhooks',
        { url: 'https://hooks.example.com/x', events: ['ITEM.NOPE'] },
        headers,
      ),
      'INVALID_FIELD',
      'INVALID_REQUEST',
      400,
    );
  });
});

describe('Webhook URL rules (production default: OPENDINAR_WEBHOOK_ALLOW_PRIVATE off)', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ env: { OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'false' } });
  });
  afterAll(async () => {
    await strict.close();
  });

  it.each([
    'http://hooks.example.com/x',
    'https://localhost/x',
    'https://127.0.0.1/x',
    'https://10.1.2.3/x',
    'https://192.168.0.10/x',
    'https://172.16.5.4/x',
    'https://169.254.169.254/latest',
    'https://[::1]/x',
    'https://0.0.0.0/x',
    'ftp://hooks.example.com/x',
    'https://100.64.0.1/x',
    'https://224.0.0.1/x',
    'https://240.0.0.1/x',
    'https://255.255.255.255/x',
    'https://198.18.0.1/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[::ffff:a00:1]/x',
    'https://[fc00::1]/x',
    'https://[fe80::1]/x',
    'https://2130706433/x',
    'https://0x7f000001/x',
    'https://127.1/x',
    'https://localhost./x',
    'https://api.localhost/x',
    'https://user:pass@10.0.0.1/x',
    'not a url',
  ])('%s → INVALID_WEBHOOK_URL', async (url) => {
    const { headers } = await createDevSession(strict.deps.db, strict.clock);
    const res = await strict.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers,
      payload: { url },
    });
    const body = expectError(res, 'INVALID_WEBHOOK_URL', 'INVALID_REQUEST', 400);
    expect(body.docs).toBe('http://localhost:3000/docs#invalid_webhook_url');
  });

  it('an https URL on a public address is accepted', async () => {
    const reg = await strict.app.inject({
      method: 'POST',
      url: '/developers/register',
      payload: { email: 'public@example.com', password: 'violet-orbit-123', name: 'P' },
    });
    const res = await strict.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: auth(reg.json().session_token),
      payload: { url: 'https://93.184.216.34/hook' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('RATE_LIMIT_EXCEEDED', () => {
  it('answers API_ERROR 429 with a Retry-After header once the register limit is hit', async () => {
    const rl = await createTestApp();
    try {
      let last = null as Awaited<ReturnType<typeof rl.app.inject>> | null;
      for (let i = 0; i < 40; i++) {
        last = await rl.app.inject({
          method: 'POST',
          url: '/developers/register',
          payload: { email: 'bad', password: 'x', name: 'x' },
        });
        if (last.statusCode === 429) break;
      }
      expect(last).not.toBeNull();
      const res = last as NonNullable<typeof last>;
      const body = res.json();
      expect({ status: res.statusCode, code: body.error_code, type: body.error_type }).toEqual({
        status: 429,
        code: 'RATE_LIMIT_EXCEEDED',
        type: 'API_ERROR',
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(body.docs).toBe('http://localhost:3000/docs#rate_limit_exceeded');
      expect(body.request_id).toBe(res.headers['x-request-id']);
    } finally {
      await rl.close();
    }
  });
});
