// The dashboard acts on one of the developer's apps by key id, through the developer session:
// the browser never holds a secret, and the answers are those of the real banking endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let ana: Registered;
let bob: Registered;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  ana = await registerDeveloper(t.app);
  bob = await registerDeveloper(t.app);
  const created = await t.app.inject({
    method: 'POST',
    url: '/sandbox/connections',
    headers: auth(ana.key),
    payload: {
      bank_id: 'erste',
      user_id: 'user_dash',
      accounts: [
        {
          name: 'Tekući račun',
          type: 'current',
          currency: 'RSD',
          transactions: [{ date: '2026-03-02', amount: -1650, description: 'DIS market Vracar' }],
        },
      ],
    },
  });
  accountId = created.json().accounts[0].id;
});
afterAll(async () => t.close());

const call = (
  token: string,
  keyId: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url: `/developers/keys/${keyId}/api/${path}`,
    headers: { ...devAuth(token), 'x-request-id': 'req_same' },
    ...(payload ? { payload } : {}),
  });

describe('/developers/keys/:id/api/*', () => {
  it("answers the banking endpoints as the key would, with the session's developer only", async () => {
    const accounts = await call(ana.token, ana.keyId, 'GET', 'accounts');
    expect(accounts.statusCode).toBe(200);
    expect(accounts.json().accounts.map((a: { id: string }) => a.id)).toEqual([accountId]);
    const page = await call(ana.token, ana.keyId, 'GET', `accounts/${accountId}/transactions?limit=1`);
    expect(page.json()).toMatchObject({ total: 1, has_more: false });
    const bad = await call(ana.token, ana.keyId, 'GET', `accounts/${accountId}/transactions?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error_code: 'INVALID_FIELD', request_id: 'req_same' });
    const link = await call(ana.token, ana.keyId, 'POST', 'link/token', { user_id: 'user_1' });
    expect(link.statusCode).toBe(201);
    expect(link.json().link_token).toMatch(/^link_/);
  });

  it('keeps working after the key is rolled (it follows the key id, not a secret)', async () => {
    const rolled = await t.app.inject({
      method: 'POST',
      url: `/developers/keys/${ana.keyId}/roll`,
      headers: devAuth(ana.token),
      payload: { expires_in_hours: 0 },
    });
    expect(rolled.statusCode).toBe(200);
    const res = await call(ana.token, ana.keyId, 'GET', `accounts/${accountId}/balance`);
    expect(res.statusCode).toBe(200);
    expect(res.json().account_id).toBe(accountId);
  });

  it("answers another developer's key id exactly like an unknown one", async () => {
    const foreign = await call(bob.token, ana.keyId, 'GET', 'accounts');
    const unknown = await call(bob.token, 'key_unknown', 'GET', 'accounts');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error_code).toBe('KEY_NOT_FOUND');
    expect(foreign.body).toBe(unknown.body);
    // Bob's own app cannot see Ana's account either: byte-identical to a missing id.
    const mine = await call(bob.token, bob.keyId, 'GET', `accounts/${accountId}/balance`);
    const missing = await call(bob.token, bob.keyId, 'GET', 'accounts/acc_missing/balance');
    expect(mine.statusCode).toBe(404);
    expect(mine.body).toBe(missing.body);
  });

  it('refuses other paths, revoked and live keys, and forged proxy headers', async () => {
    expect((await call(ana.token, ana.keyId, 'GET', 'developers/me')).json().error_code).toBe(
      'ROUTE_NOT_FOUND',
    );
    expect((await call(ana.token, ana.keyId, 'POST', 'accounts', {})).json().error_code).toBe(
      'ROUTE_NOT_FOUND',
    );
    const live = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: devAuth(ana.token),
      payload: { app_name: 'Live', environment: 'live' },
    });
    expect((await call(ana.token, live.json().id, 'GET', 'accounts')).json().error_code).toBe(
      'NOT_SANDBOX_KEY',
    );
    await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${live.json().id}`,
      headers: devAuth(ana.token),
    });
    expect((await call(ana.token, live.json().id, 'GET', 'accounts')).json().error_code).toBe(
      'KEY_NOT_FOUND',
    );
    const forged = await t.app.inject({
      method: 'GET',
      url: '/accounts',
      headers: { 'x-opendinar-proxy': 'a'.repeat(64) },
    });
    expect(forged.json().error_code).toBe('MISSING_API_KEY');
    expect((await call('devses_nope', ana.keyId, 'GET', 'accounts')).json().error_code).toBe(
      'INVALID_DEV_TOKEN',
    );
  });
});
