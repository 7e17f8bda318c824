/**
 * Contract audit (part 1): error shape and codes, authentication, prefixes, banks, /docs anchors,
 * request ids, the documented sandbox data. Every expectation here is a sentence of
 * seeds/opendinar-api-docs.txt or API.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ERROR_CODES } from '../src/errors.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { expectError, expectMoney, ISO_INSTANT, PUBLIC_URL } from './helpers/contract.js';
import { createDevSession } from './helpers/webhooks.js';

/** The docs' error-code table, verbatim: code → [error_type, HTTP]. */
const DOCS_ERROR_TABLE: Record<string, [string, number]> = {
  MISSING_API_KEY: ['AUTH_ERROR', 401],
  INVALID_API_KEY: ['AUTH_ERROR', 401],
  REVOKED_API_KEY: ['AUTH_ERROR', 401],
  MISSING_DEV_TOKEN: ['AUTH_ERROR', 401],
  INVALID_DEV_TOKEN: ['AUTH_ERROR', 401],
  EXPIRED_DEV_TOKEN: ['AUTH_ERROR', 401],
  INSUFFICIENT_PERMISSIONS: ['AUTH_ERROR', 403],
  MISSING_FIELDS: ['INVALID_REQUEST', 400],
  INVALID_EMAIL: ['INVALID_REQUEST', 400],
  PASSWORD_TOO_SHORT: ['INVALID_REQUEST', 400],
  INVALID_CURSOR: ['INVALID_REQUEST', 400],
  EMAIL_TAKEN: ['INVALID_REQUEST', 409],
  BANK_NOT_FOUND: ['ITEM_ERROR', 404],
  BANK_NOT_AVAILABLE: ['ITEM_ERROR', 400],
  SESSION_NOT_FOUND: ['ITEM_ERROR', 404],
  SESSION_EXPIRED: ['ITEM_ERROR', 410],
  INVALID_PUBLIC_TOKEN: ['ITEM_ERROR', 404],
  PUBLIC_TOKEN_ALREADY_USED: ['ITEM_ERROR', 410],
  PUBLIC_TOKEN_EXPIRED: ['ITEM_ERROR', 410],
  ACCOUNT_NOT_FOUND: ['ITEM_ERROR', 404],
  IDENTITY_UNAVAILABLE: ['ITEM_ERROR', 404],
  CONNECTION_NOT_FOUND: ['ITEM_ERROR', 404],
  CONNECTION_ALREADY_REVOKED: ['ITEM_ERROR', 409],
  INTERNAL_ERROR: ['API_ERROR', 500],
};

/** API.md's extra codes. */
const API_MD_EXTRAS: Record<string, [string, number]> = {
  INVALID_FIELD: ['INVALID_REQUEST', 400],
  INVALID_JSON: ['INVALID_REQUEST', 400],
  ROUTE_NOT_FOUND: ['INVALID_REQUEST', 404],
  INVALID_CREDENTIALS: ['AUTH_ERROR', 401],
  INVALID_WEBHOOK_URL: ['INVALID_REQUEST', 400],
  WEBHOOK_NOT_FOUND: ['ITEM_ERROR', 404],
  KEY_NOT_FOUND: ['ITEM_ERROR', 404],
  RATE_LIMIT_EXCEEDED: ['API_ERROR', 429],
};

const DOCUMENTED_TYPES = new Set(['AUTH_ERROR', 'INVALID_REQUEST', 'ITEM_ERROR', 'API_ERROR']);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, key: string | null = MANI_KEY) =>
  t.app.inject({ method: 'GET', url, headers: key === null ? {} : auth(key) });

describe('error codes: the server table matches the docs and API.md', () => {
  it.each(Object.entries({ ...DOCS_ERROR_TABLE, ...API_MD_EXTRAS }))('%s', (code, [type, status]) => {
    const spec = (ERROR_CODES as Record<string, { type: string; status: number }>)[code];
    expect(spec).toBeDefined();
    expect([spec?.type, spec?.status]).toEqual([type, status]);
  });

  it('every code the server can answer has one of the four documented error types', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(DOCUMENTED_TYPES.has(spec.type), code).toBe(true);
    }
  });
});

describe('/docs has an anchor for every error link', () => {
  it('the page holds id="<code lower case>" for each code, so every `docs` link lands somewhere', async () => {
    const res = await get('/docs', null);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(res.body, code).toMatch(new RegExp(`id=["']?${code.toLowerCase()}["'\\s>]`));
      // The anchored entry documents the code's type and HTTP status.
      const at = res.body.indexOf(`id="${code.toLowerCase()}"`);
      const entry = res.body.slice(at, res.body.indexOf('</tr>', at));
      expect(entry, code).toContain(spec.type);
      expect(entry, code).toContain(`>${spec.status}<`);
    }
    // Each anchor is unique, so a link lands on the error and nowhere else.
    const ids = [...res.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });
});

describe('the docs error example: INVALID_API_KEY', () => {
  it('answers the documented body shape and values', async () => {
    const res = await get('/accounts', 'od_test_sk_nope');
    const body = expectError(res, 'INVALID_API_KEY', 'AUTH_ERROR', 401);
    expect(body.error_message).toBe('The API key provided is not valid.');
    expect(body.docs).toBe(`${PUBLIC_URL}/docs#invalid_api_key`);
  });

  it('the docs link follows OPENDINAR_PUBLIC_URL', async () => {
    const other = await createTestApp({ env: { OPENDINAR_PUBLIC_URL: 'https://api.opendinar.com' } });
    try {
      const res = await other.app.inject({ method: 'GET', url: '/accounts' });
      expect(res.json().docs).toBe('https://api.opendinar.com/docs#missing_api_key');
    } finally {
      await other.close();
    }
  });
});

describe('X-Request-Id', () => {
  it('is on every response, success and error, and equals request_id', async () => {
    const ok = await get('/banks', null);
    expect(ok.headers['x-request-id']).toMatch(/\S/);
    const err = await get('/accounts', null);
    expect(err.json().request_id).toBe(err.headers['x-request-id']);
    expect(ok.headers['x-request-id']).not.toBe(err.headers['x-request-id']);
  });

  it.each([
    ['GET', '/docs'],
    ['GET', '/v1/opendinar.js'],
    ['GET', '/sandbox/auth.html'],
    ['GET', '/openapi.json'],
    ['OPTIONS', '/banks'],
    ['GET', '/no/such/route'],
    ['POST', '/connect'],
  ])('is on %s %s too', async (method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.headers['x-request-id']).toMatch(/\S/);
  });

  it('an id that is too long or not printable is replaced, not echoed', async () => {
    for (const id of ['x'.repeat(129), 'a\tb']) {
      const res = await t.app.inject({ method: 'GET', url: '/accounts', headers: { 'x-request-id': id } });
      expect(res.headers['x-request-id']).not.toBe(id);
      expect(res.json().request_id).toBe(res.headers['x-request-id']);
    }
  });

  it('a printable client id up to 128 chars is echoed back', async () => {
    const id = 'client-req-42';
    const res = await t.app.inject({ method: 'GET', url: '/accounts', headers: { 'x-request-id': id } });
    expect(res.headers['x-request-id']).toBe(id);
    expect(res.json().request_id).toBe(id);
    const long = 'x'.repeat(128);
    const res2 = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': long } });
    expect(res2.headers['x-request-id']).toBe(long);
  });
});

describe('authentication (docs: Authentication, Error Codes; API.md: Authentication)', () => {
  const protectedRoutes: [string, string][] = [
    ['POST', '/connect'],
    ['GET', '/connect/status/sess_x'],
    ['POST', '/connect/exchange'],
    ['GET', '/connections'],
    ['DELETE', '/connections/conn_rai_001'],
    ['GET', '/accounts'],
    ['GET', '/accounts/acc_rai_001/balance'],
    ['GET', '/accounts/acc_rai_001/identity'],
    ['POST', '/accounts/acc_rai_001/sync'],
    ['GET', '/accounts/acc_rai_001/transactions'],
    ['GET', '/accounts/acc_rai_001/recurring'],
    ['POST', '/sandbox/connections'],
  ];

  it.each(protectedRoutes)('%s %s without Authorization → MISSING_API_KEY', async (method, url) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      payload: method === 'GET' || method === 'DELETE' ? undefined : {},
    });
    expectError(res, 'MISSING_API_KEY', 'AUTH_ERROR', 401);
  });

  it.each(protectedRoutes)('%s %s with an unknown key → INVALID_API_KEY', async (method, url) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: auth('od_live_sk_doesnotexist'),
      payload: method === 'GET' || method === 'DELETE' ? undefined : {},
    });
    expectError(res, 'INVALID_API_KEY', 'AUTH_ERROR', 401);
  });

  it('the documented header form works with both sandbox keys', async () => {
    for (const key of [MANI_KEY, DEMO_KEY]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/accounts',
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  const devRoutes: [string, string][] = [
    ['POST', '/developers/logout'],
    ['GET', '/developers/me'],
    ['GET', '/developers/keys'],
    ['POST', '/developers/keys'],
    ['DELETE', '/developers/keys/key_x'],
    ['GET', '/developers/usage'],
    ['POST', '/developers/webhooks'],
    ['GET', '/developers/webhooks'],
    ['DELETE', '/developers/webhooks/wh_x'],
  ];

  it.each(devRoutes)(
    '%s %s: MISSING_DEV_TOKEN without a token, INVALID_DEV_TOKEN with a bad one',
    async (method, url) => {
      const payload = method === 'POST' ? {} : undefined;
      expectError(
        await t.app.inject({ method: method as 'GET', url, payload }),
        'MISSING_DEV_TOKEN',
        'AUTH_ERROR',
        401,
      );
      expectError(
        await t.app.inject({ method: method as 'GET', url, payload, headers: auth('devses_bogus') }),
        'INVALID_DEV_TOKEN',
        'AUTH_ERROR',
        401,
      );
    },
  );

  it('an API key is not a developer session, and a developer session is not an API key', async () => {
    expectError(await get('/developers/me', MANI_KEY), 'INVALID_DEV_TOKEN', 'AUTH_ERROR', 401);
    const { token } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    expectError(await get('/accounts', token), 'INVALID_API_KEY', 'AUTH_ERROR', 401);
  });

  it.each([
    ['GET', '/banks'],
    ['GET', '/banks/raiffeisen'],
    ['GET', '/sandbox/auth.html?session_token=sess_x'],
    ['GET', '/v1/opendinar.js'],
    ['GET', '/docs'],
    ['GET', '/openapi.json'],
    ['GET', '/healthz'],
  ])('public: %s %s needs no key', async (method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).not.toBe(401);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('public POST /sandbox/authorize, /developers/register, /developers/login answer without auth errors', async () => {
    for (const url of ['/sandbox/authorize', '/developers/register', '/developers/login']) {
      const res = await t.app.inject({ method: 'POST', url, payload: {} });
      expect(res.json().error_type, url).not.toBe('AUTH_ERROR');
    }
  });
});

describe('request errors: MISSING_FIELDS, INVALID_FIELD, INVALID_JSON, ROUTE_NOT_FOUND, INTERNAL_ERROR', () => {
  it('MISSING_FIELDS for a missing required body field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(MANI_KEY),
      payload: { bank_id: 'raiffeisen', user_id: 'u' },
    });
    const body = expectError(res, 'MISSING_FIELDS', 'INVALID_REQUEST', 400);
    expect(body.error_message).toMatch(/redirect_url/);
  });

  it('INVALID_FIELD names the field', async () => {
    const res = await get('/banks?status=closed', null);
    const body = expectError(res, 'INVALID_FIELD', 'INVALID_REQUEST', 400);
    expect(body.error_message).toMatch(/status/);
  });

  it('INVALID_JSON for a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/connect/exchange',
      headers: { ...auth(MANI_KEY), 'content-type': 'application/json' },
      payload: '{"public_token": ',
    });
    expectError(res, 'INVALID_JSON', 'INVALID_REQUEST', 400);
  });

  it('ROUTE_NOT_FOUND for an unknown method + path, as JSON', async () => {
    expectError(await get('/nope', null), 'ROUTE_NOT_FOUND', 'INVALID_REQUEST', 404);
    expectError(
      await t.app.inject({ method: 'PATCH', url: '/banks' }),
      'ROUTE_NOT_FOUND',
      'INVALID_REQUEST',
      404,
    );
  });

  it('INTERNAL_ERROR (API_ERROR, 500) for an unexpected failure, without a stack trace', async () => {
    const app = await buildApp(t.deps);
    app.get('/contract-boom', { config: { auth: 'public' } }, async () => {
      throw new Error('secret internals at /srv/x.ts:12');
    });
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/contract-boom' });
      const body = expectError(res, 'INTERNAL_ERROR', 'API_ERROR', 500);
      expect(JSON.stringify(body)).not.toMatch(/secret internals|x\.ts/);
    } finally {
      await app.close();
    }
  });
});

describe('Banks (public)', () => {
  const BANK_KEYS = [
    'bic',
    'color',
    'country',
    'feat_accounts',
    'feat_balance',
    'feat_identity',
    'feat_transactions',
    'id',
    'market_share_pct',
    'name',
    'status',
  ];

  it('GET /banks/raiffeisen equals the docs example', async () => {
    const res = await get('/banks/raiffeisen', null);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: 'raiffeisen',
      name: 'Raiffeisen Bank',
      country: 'RS',
      bic: 'RZBSRSBG',
      status: 'live',
      color: '#FFE500',
      market_share_pct: 11.19,
      feat_accounts: 1,
      feat_transactions: 1,
      feat_balance: 1,
      feat_identity: 1,
    });
  });

  it('GET /banks lists the docs’ supported-banks table with its statuses and features', async () => {
    const res = await get('/banks', null);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { banks: Record<string, unknown>[]; total: number };
    expect(Object.keys(body).sort()).toEqual(['banks', 'total']);
    expect(body.total).toBe(body.banks.length);
    const byName = new Map(body.banks.map((b) => [b.name as string, b]));
    const table: [string, string, string][] = [
      ['Raiffeisen Bank', 'live', 'Accounts, Balance, Transactions, Identity'],
      ['Erste Bank', 'live', 'Accounts, Balance, Transactions'],
      ['AIK Banka', 'sandbox', 'Accounts, Balance, Transactions'],
      ['Banca Intesa', 'coming_soon', ''],
      ['OTP Banka', 'coming_soon', ''],
      ['UniCredit', 'coming_soon', ''],
    ];
    for (const [name, status, features] of table) {
      const b = byName.get(name);
      expect(b, name).toBeDefined();
      expect(Object.keys(b ?? {}).sort()).toEqual(BANK_KEYS);
      expect(b?.status, name).toBe(status);
      expect(b?.country).toBe('RS');
      const f = (flag: string) => (features.includes(flag) ? 1 : 0);
      expect([b?.feat_accounts, b?.feat_balance, b?.feat_transactions, b?.feat_identity], name).toEqual([
        f('Accounts'),
        f('Balance'),
        f('Transactions'),
        f('Identity'),
      ]);
    }
    expect(byName.get('Erste Bank')?.id).toBe('erste');
    expect(byName.get('AIK Banka')?.id).toBe('aik');
  });

  it('?search=erste is case-insensitive on name', async () => {
    for (const q of ['erste', 'ERSTE', 'Erste']) {
      const body = (await get(`/banks?search=${q}`, null)).json();
      expect(body.banks.map((b: { id: string }) => b.id)).toEqual(['erste']);
      expect(body.total).toBe(1);
    }
  });

  it('?status filters by live, sandbox, coming_soon', async () => {
    for (const status of ['live', 'sandbox', 'coming_soon']) {
      const body = (await get(`/banks?status=${status}`, null)).json();
      expect(body.banks.length).toBeGreaterThan(0);
      expect(body.banks.every((b: { status: string }) => b.status === status)).toBe(true);
    }
  });

  it('limit (1–100, default 50) and offset (≥ 0) page the list; total counts all matches', async () => {
    const all = (await get('/banks', null)).json();
    expect(all.banks.length).toBe(Math.min(50, all.total));
    const page = (await get('/banks?limit=2&offset=1', null)).json();
    expect(page.total).toBe(all.total);
    expect(page.banks.map((b: { id: string }) => b.id)).toEqual(
      all.banks.slice(1, 3).map((b: { id: string }) => b.id),
    );
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'offset=-1', 'offset=x']) {
      expectError(await get(`/banks?${bad}`, null), 'INVALID_FIELD', 'INVALID_REQUEST', 400);
    }
    expect((await get('/banks?limit=100', null)).statusCode).toBe(200);
  });

  it('GET /banks/:id for an unknown id → BANK_NOT_FOUND', async () => {
    expectError(await get('/banks/nobank', null), 'BANK_NOT_FOUND', 'ITEM_ERROR', 404);
  });
});

describe('Sandbox data (docs: Sandbox)', () => {
  it('the two test keys belong to apps "Mani App" and "Demo Developer"', async () => {
    const rows = await t.deps.db
      .selectFrom('api_keys')
      .select(['app_name', 'environment', 'prefix', 'developer_id'])
      .where('id', 'in', ['key_mani_app', 'key_demo_developer'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.app_name, r.environment])).toEqual([
      ['Demo Developer', 'sandbox'],
      ['Mani App', 'sandbox'],
    ]);
    // …and GET /developers/keys shows them to their owner with the app name and prefix.
    const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    const keys = (await t.app.inject({ method: 'GET', url: '/developers/keys', headers })).json().keys;
    expect(keys).toEqual([
      expect.objectContaining({ app_name: 'Mani App', environment: 'sandbox', status: 'active' }),
    ]);
    expect(MANI_KEY.startsWith(keys[0].prefix)).toBe(true);
    expect(keys[0].prefix.startsWith('od_test_sk_')).toBe(true);
  });

  it('the four pre-seeded accounts with their bank, currency and type', async () => {
    const res = await get('/accounts');
    expect(res.statusCode).toBe(200);
    const accounts = res.json().accounts as Record<string, unknown>[];
    const view = accounts
      .map((a) => [a.id, a.bank_id, a.currency, a.type])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(view).toEqual([
      ['acc_aik_001', 'aik', 'RSD', 'current'],
      ['acc_ers_001', 'erste', 'RSD', 'current'],
      ['acc_rai_001', 'raiffeisen', 'RSD', 'current'],
      ['acc_rai_002', 'raiffeisen', 'EUR', 'savings'],
    ]);
    for (const a of accounts) {
      expect(a).toMatchObject({ object: 'account' });
      expect(a.id).toMatch(/^acc_/);
      expect(a.connection_id).toMatch(/^conn_/);
      for (const f of ['name', 'account_number']) expect(typeof a[f], f).toBe('string');
    }
  });

  it('three active seeded connections (raiffeisen, erste, aik); the Demo Developer key starts with none', async () => {
    const mani = (await get('/connections')).json().connections as { bank_id: string; status: string }[];
    expect(
      mani
        .filter((c) => c.status === 'active')
        .map((c) => c.bank_id)
        .sort(),
    ).toEqual(['aik', 'erste', 'raiffeisen']);
    expect((await get('/connections', DEMO_KEY)).json()).toEqual({ connections: [] });
    expect((await get('/accounts', DEMO_KEY)).json()).toEqual({ accounts: [] });
  });

  it('?bank_id=raiffeisen filters accounts to one bank', async () => {
    const ids = (await get('/accounts?bank_id=raiffeisen')).json().accounts.map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual(['acc_rai_001', 'acc_rai_002']);
  });

  it('each seeded account has ≥ 12 months of history ending today, and balance = opening + history', async () => {
    for (const id of ['acc_rai_001', 'acc_rai_002', 'acc_ers_001', 'acc_aik_001']) {
      const body = (await get(`/accounts/${id}/transactions?limit=1`)).json();
      expect(body.transactions[0].date <= '2026-04-04').toBe(true);
      expect(body.transactions[0].date >= '2026-03-28').toBe(true);
      const oldest = (await get(`/accounts/${id}/transactions?limit=1&offset=${body.total - 1}`)).json();
      expect(oldest.transactions[0].date <= '2025-04-04', id).toBe(true);
      const balance = (await get(`/accounts/${id}/balance`)).json();
      expectMoney(balance.balance);
      expectMoney(balance.available_balance);
    }
  });

  it('Raiffeisen has identity data; Erste and AIK answer IDENTITY_UNAVAILABLE', async () => {
    const res = await get('/accounts/acc_rai_001/identity');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ object: 'identity', account_id: 'acc_rai_001' });
    for (const f of ['names', 'emails', 'phone_numbers', 'addresses']) {
      expect(Array.isArray(body[f]), f).toBe(true);
    }
    expect(body.names.length).toBeGreaterThan(0);
    for (const id of ['acc_ers_001', 'acc_aik_001']) {
      expectError(await get(`/accounts/${id}/identity`), 'IDENTITY_UNAVAILABLE', 'ITEM_ERROR', 404);
    }
  });

  it('the balance object matches the docs example shape', async () => {
    const res = await get('/accounts/acc_rai_001/balance');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(
      expect.arrayContaining([
        'account_id',
        'available_balance',
        'balance',
        'currency',
        'object',
        'retrieved_at',
      ]),
    );
    expect(body).toMatchObject({ object: 'balance', account_id: 'acc_rai_001', currency: 'RSD' });
    expect(body.retrieved_at).toMatch(ISO_INSTANT);
    expect(body.retrieved_at).toBe(t.clock.now().toISOString());
    expect((await get('/accounts/acc_rai_002/balance')).json().currency).toBe('EUR');
  });

  it('another key’s account answers ACCOUNT_NOT_FOUND everywhere, as if it did not exist', async () => {
    for (const path of ['balance', 'identity', 'transactions', 'recurring']) {
      expectError(
        await get(`/accounts/acc_rai_001/${path}`, DEMO_KEY),
        'ACCOUNT_NOT_FOUND',
        'ITEM_ERROR',
        404,
      );
      expectError(await get(`/accounts/acc_nope/${path}`), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
    }
    expectError(
      await t.app.inject({ method: 'POST', url: '/accounts/acc_rai_001/sync', headers: auth(DEMO_KEY) }),
      'ACCOUNT_NOT_FOUND',
      'ITEM_ERROR',
      404,
    );
    expectError(
      await t.app.inject({ method: 'DELETE', url: '/connections/conn_rai_001', headers: auth(DEMO_KEY) }),
      'CONNECTION_NOT_FOUND',
      'ITEM_ERROR',
      404,
    );
  });
});

describe('Link widget script', () => {
  it('GET /v1/opendinar.js is application/javascript and defines OpenDinar.create', async () => {
    const res = await get('/v1/opendinar.js', null);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.body).toMatch(/OpenDinar/);
    expect(res.body).toMatch(/create/);
    // "lightweight (~15kb)"
    expect(Buffer.byteLength(res.body)).toBeLessThan(40_000);
  });
});

describe('Sandbox auth page', () => {
  it('GET /sandbox/auth.html for a live session is the fake bank login with "Odobri pristup"', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(DEMO_KEY),
      payload: { bank_id: 'erste', user_id: 'u1', redirect_url: 'https://app.example.com/cb' },
    });
    const { session_token, auth_url } = started.json();
    expect(auth_url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    const url = new URL(auth_url);
    const page = await get(`${url.pathname}${url.search}`, null);
    expect(page.statusCode).toBe(200);
    expect(url.pathname).toBe('/sandbox/auth.html');
    expect(url.searchParams.get('session_token')).toBe(session_token);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Odobri pristup');
  });
});

describe('JSON in and out (API.md: Conventions)', () => {
  it.each([
    '/banks',
    '/banks/erste',
    '/accounts',
    '/accounts?bank_id=erste',
    '/connections',
    '/accounts/acc_rai_001/balance',
    '/accounts/acc_rai_001/identity',
    '/accounts/acc_rai_001/transactions',
    '/accounts/acc_rai_001/transactions?limit=5&category=groceries',
    '/accounts/acc_rai_001/transactions?cursor=',
    '/accounts/acc_rai_001/transactions?cursor=&limit=5',
    '/accounts/acc_rai_001/recurring',
    '/openapi.json',
    '/healthz',
  ])('GET %s answers application/json', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.body)).not.toThrow();
  });

  it('OPTIONS (a bare preflight, no Origin) never answers a non-JSON error page', async () => {
    for (const url of ['/banks', '/accounts', '/nope']) {
      const res = await t.app.inject({ method: 'OPTIONS', url });
      if (res.statusCode >= 400) {
        expect(res.headers['content-type'], url).toMatch(/^application\/json/);
        expect(res.json().error_code, url).toEqual(expect.any(String));
      } else {
        expect(res.body, url).toBe('');
      }
    }
  });

  it('a browser preflight from any origin is allowed for the documented methods and headers', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/connect',
      headers: {
        origin: 'https://shop.example.rs',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example.rs');
    expect(String(res.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toMatch(/authorization/);
  });

  it('the OpenAPI document lists every documented path', async () => {
    const paths = Object.keys((await get('/openapi.json', null)).json().paths);
    for (const p of [
      '/banks',
      '/banks/{id}',
      '/connect',
      '/connect/status/{session_token}',
      '/connect/exchange',
      '/connections',
      '/connections/{id}',
      '/accounts',
      '/accounts/{id}/balance',
      '/accounts/{id}/identity',
      '/accounts/{id}/sync',
      '/accounts/{id}/transactions',
      '/accounts/{id}/recurring',
      '/sandbox/authorize',
      '/sandbox/connections',
      '/developers/register',
      '/developers/login',
      '/developers/logout',
      '/developers/me',
      '/developers/keys',
      '/developers/keys/{id}',
      '/developers/usage',
      '/developers/webhooks',
      '/developers/webhooks/{id}',
    ]) {
      expect(paths, p).toContain(p);
    }
  });
});
