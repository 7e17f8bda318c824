import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

// Issue 12 item 4: no type coercion of JSON bodies, bounded numbers, https-only and registered redirects.
let t: TestApp;
let dev: Registered;
beforeAll(async () => {
  t = await createTestApp();
  dev = await registerDeveloper(t.app);
});
afterAll(async () => t.close());

const expectInvalid = (res: { statusCode: number; json(): Record<string, unknown> }, field?: string) => {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.error_code).toBe('INVALID_FIELD');
  expect(Object.keys(body).sort()).toEqual([
    'docs',
    'error_code',
    'error_message',
    'error_type',
    'request_id',
  ]);
  if (field) expect(body.error_message).toContain(field);
};

describe('JSON bodies are not coerced', () => {
  it.each([
    [{ bank_id: ['raiffeisen'], user_id: 'u1', redirect_url: 'https://app.example/cb' }, 'bank_id'],
    [{ bank_id: 'raiffeisen', user_id: 7, redirect_url: 'https://app.example/cb' }, 'user_id'],
    [{ bank_id: 'raiffeisen', user_id: 'u1', redirect_url: null }, 'redirect_url'],
    [{ bank_id: true, user_id: 'u1', redirect_url: 'https://app.example/cb' }, 'bank_id'],
  ])('POST /connect %j → INVALID_FIELD', async (payload, field) => {
    expectInvalid(
      await t.app.inject({ method: 'POST', url: '/connect', headers: auth(MANI_KEY), payload }),
      field,
    );
  });

  it('POST /developers/keys with "app_name": 123 → INVALID_FIELD', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: devAuth(dev.token),
      payload: { app_name: 123, environment: 'sandbox' },
    });
    expectInvalid(res, 'app_name');
  });

  it('query strings are still read as numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/banks?limit=2&offset=1' });
    expect(res.statusCode).toBe(200);
  });
});

describe('numeric query parameters are integers within their bounds', () => {
  it.each([
    'limit=1e309',
    'limit=0',
    'limit=1.5',
    'limit=NaN',
    'limit=-1',
    'offset=9223372036854775808',
    'offset=1e20',
    'offset=1000001',
    'offset=-1',
    'offset=Infinity',
  ])('GET /accounts/:id/transactions?%s → INVALID_FIELD', async (qs) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/accounts/acc_rai_001/transactions?${qs}`,
      headers: auth(MANI_KEY),
    });
    expectInvalid(res, qs.split('=')[0]);
  });

  it('offset up to the documented maximum answers 200 (an empty page beyond the data)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/accounts/acc_rai_001/transactions?offset=1000000',
      headers: auth(MANI_KEY),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().transactions).toEqual([]);
  });

  it.each(['offset=1e20', 'offset=10001', 'limit=1e309'])('GET /banks?%s → INVALID_FIELD', async (qs) => {
    expectInvalid(await t.app.inject({ method: 'GET', url: `/banks?${qs}` }));
  });
});

describe('custom sandbox amounts are bounded', () => {
  const upload = (amount: number, opening = 0) =>
    t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(MANI_KEY),
      payload: {
        bank_id: 'raiffeisen',
        user_id: 'big',
        accounts: [
          {
            name: 'Big',
            type: 'current',
            currency: 'RSD',
            opening_balance: opening,
            transactions: [{ date: '2026-04-01', amount, description: 'x' }],
          },
        ],
      },
    });

  it.each([1e300, -1e300, 1_000_000_000.01])('amount %d → INVALID_FIELD', async (amount) => {
    expectInvalid(await upload(amount), 'amount');
  });

  it('opening_balance beyond the bound → INVALID_FIELD', async () => {
    expectInvalid(await upload(1, 1e20), 'opening_balance');
  });

  it('the largest amounts still give a balance that answers 200', async () => {
    const res = await upload(1_000_000_000, 1_000_000_000);
    expect(res.statusCode).toBe(201);
    const accountId = res.json().accounts[0].id as string;
    const balance = await t.app.inject({
      method: 'GET',
      url: `/accounts/${accountId}/balance`,
      headers: auth(MANI_KEY),
    });
    expect(balance.statusCode).toBe(200);
    expect(balance.json().balance).toBe(2_000_000_000);
  });
});

describe('redirect_url', () => {
  const connect = (key: string, redirect_url: string) =>
    t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(key),
      payload: { bank_id: 'raiffeisen', user_id: 'u1', redirect_url },
    });

  it.each([
    'http://app.example/cb',
    'javascript:alert(1)',
    'ftp://app.example/cb',
    'https://user:pw@app.example/cb',
    '//app.example/cb',
  ])('%s is refused', async (url) => {
    expectInvalid(await connect(MANI_KEY, url), 'redirect_url');
  });

  it.each([
    'https://app.example/cb',
    'http://localhost:5173/cb',
    'http://127.0.0.1/cb',
    'http://[::1]:8080/x',
  ])('%s is accepted for a sandbox key', async (url) => {
    expect((await connect(MANI_KEY, url)).statusCode).toBe(201);
  });

  it('a live key may only redirect to its registered URLs (scheme, host, port, path; query ignored)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: devAuth(dev.token),
      payload: { app_name: 'Live', environment: 'live', redirect_urls: ['https://app.example/done'] },
    });
    expect(created.statusCode).toBe(201);
    const live = created.json();
    expect(live.redirect_urls).toEqual(['https://app.example/done']);
    // Live banks may not be connectable here; the redirect check comes first either way.
    expectInvalid(await connect(live.key, 'https://evil.example/done'), 'redirect_urls');
    expectInvalid(await connect(live.key, 'https://app.example:8443/done'), 'redirect_urls');
    expectInvalid(await connect(live.key, 'https://app.example/done/more'), 'redirect_urls');
    const ok = await connect(live.key, 'https://app.example/done?state=1#x');
    expect(ok.json().error_code).not.toBe('INVALID_FIELD');

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/developers/keys/${live.id}`,
      headers: devAuth(dev.token),
      payload: { redirect_urls: ['https://other.example/cb'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().redirect_urls).toEqual(['https://other.example/cb']);
    expectInvalid(await connect(live.key, 'https://app.example/done'), 'redirect_urls');
    const listed = await t.app.inject({
      method: 'GET',
      url: '/developers/keys',
      headers: devAuth(dev.token),
    });
    const row = listed.json().keys.find((k: { id: string }) => k.id === live.id);
    expect(row.redirect_urls).toEqual(['https://other.example/cb']);
  });

  it('PATCH refuses http URLs and someone else’s key', async () => {
    expectInvalid(
      await t.app.inject({
        method: 'PATCH',
        url: `/developers/keys/${dev.keyId}`,
        headers: devAuth(dev.token),
        payload: { redirect_urls: ['http://app.example/cb'] },
      }),
      'redirect_urls.0',
    );
    const other = await registerDeveloper(t.app);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/developers/keys/${dev.keyId}`,
      headers: devAuth(other.token),
      payload: { redirect_urls: ['https://app.example/cb'] },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error_code).toBe('KEY_NOT_FOUND');
  });
});
