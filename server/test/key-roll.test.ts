// Rolling an API key: a new secret for the same key id. The app's data (connections, accounts,
// cursors, webhooks, usage) stays; the old secret works until the overlap ends, then answers
// REVOKED_API_KEY everywhere — on every server process at once, since the state is in the database.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { DbHandle } from '../src/db/index.js';
import { sha256Hex } from '../src/ids.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let second: { app: FastifyInstance; handle: DbHandle };
let ana: Registered;
let bob: Registered;
let accountId: string;
let connectionId: string;

beforeAll(async () => {
  t = await createTestApp();
  // A second server process on the same database.
  const handle = t.database.connect();
  const app = await buildApp({ ...t.deps, db: handle.db, dialect: handle.dialect });
  await app.ready();
  second = { app, handle };
  ana = await registerDeveloper(t.app);
  bob = await registerDeveloper(t.app);
  const created = await t.app.inject({
    method: 'POST',
    url: '/sandbox/connections',
    headers: auth(ana.key),
    payload: {
      bank_id: 'raiffeisen',
      user_id: 'user_roll',
      accounts: [
        {
          name: 'Tekući račun',
          type: 'current',
          currency: 'RSD',
          transactions: [
            { date: '2026-03-01', amount: 95000, description: 'Plata - mart 2026' },
            { date: '2026-03-02', amount: -1650, description: 'DIS market Vracar' },
          ],
        },
      ],
    },
  });
  expect(created.statusCode).toBe(201);
  accountId = created.json().accounts[0].id;
  connectionId = created.json().connection_id;
});
afterAll(async () => {
  await second.app.close();
  await second.handle.close();
  await t.close();
});

const get = (url: string, key: string, app = t.app) =>
  app.inject({ method: 'GET', url, headers: { ...auth(key), 'x-request-id': 'req_fixed_for_compare' } });
const roll = (token: string, keyId: string, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/developers/keys/${keyId}/roll`,
    headers: devAuth(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const listKeys = async (token: string) =>
  (await t.app.inject({ method: 'GET', url: '/developers/keys', headers: devAuth(token) })).json()
    .keys as Array<Record<string, unknown>>;

/** Every kind of banking endpoint the old secret must fail on, including the account-scoped lookup. */
const endpoints = () => [
  '/connections',
  '/accounts',
  `/accounts/${accountId}/balance`,
  `/accounts/${accountId}/transactions?limit=1`,
];

describe('POST /developers/keys/:id/roll', () => {
  let newKey: string;
  let cursor: string;

  it('gives the same key id a new secret, keeping connections, accounts, cursors, webhooks and usage', async () => {
    // Before the roll: a cursor, a webhook and some usage made with the old secret.
    const first = await get(`/accounts/${accountId}/transactions?cursor=`, ana.key);
    expect(first.statusCode).toBe(200);
    cursor = first.json().next_cursor;
    const hook = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: devAuth(ana.token),
      payload: { url: 'http://127.0.0.1:9/hook' },
    });
    expect(hook.statusCode).toBe(201);
    await t.app.usage.flush();
    const usageBefore = (
      await t.app.inject({ method: 'GET', url: '/developers/usage', headers: devAuth(ana.token) })
    ).json().total_requests as number;
    expect(usageBefore).toBeGreaterThan(0);

    const res = await roll(ana.token, ana.keyId, { expires_in_hours: 2 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    newKey = body.key;
    expect(body).toEqual({
      redirect_urls: [],
      id: ana.keyId,
      key: expect.stringMatching(/^od_test_sk_[A-Za-z0-9]{32}$/),
      prefix: body.key.slice(0, 15),
      app_name: expect.any(String),
      environment: 'sandbox',
      status: 'active',
      scopes: ['accounts:read', 'balance:read', 'transactions:read'],
      created_at: '2026-04-04T10:30:00.000Z',
      last_used_at: expect.any(String),
      previous_prefix: ana.key.slice(0, 15),
      previous_expires_at: '2026-04-04T12:30:00.000Z',
    });
    expect(newKey).not.toBe(ana.key);

    // Stored only as hashes: the new one on the key, the old one among rolled secrets.
    const key = await t.deps.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', ana.keyId)
      .executeTakeFirstOrThrow();
    expect(key.key_hash).toBe(sha256Hex(newKey));
    const rolled = await t.deps.db.selectFrom('api_key_rolled_secrets').selectAll().execute();
    expect(rolled.map((r) => r.key_hash)).toEqual([sha256Hex(ana.key)]);
    expect(JSON.stringify([key, rolled])).not.toContain(newKey);
    expect(JSON.stringify([key, rolled])).not.toContain(ana.key);

    // The new secret sees everything; the cursor issued before the roll still works with it.
    const conns = await get('/connections', newKey);
    expect(conns.json().connections.map((c: { connection_id: string }) => c.connection_id)).toEqual([
      connectionId,
    ]);
    const accounts = await get('/accounts', newKey);
    expect(accounts.json().accounts.map((a: { id: string }) => a.id)).toEqual([accountId]);
    const next = await get(
      `/accounts/${accountId}/transactions?cursor=${encodeURIComponent(cursor)}`,
      newKey,
    );
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ added: [], modified: [], removed: [] });
    // Webhooks and usage are the developer's and the key id's: unchanged.
    const hooks = await t.app.inject({
      method: 'GET',
      url: '/developers/webhooks',
      headers: devAuth(ana.token),
    });
    expect(hooks.json().webhooks).toHaveLength(1);
    await t.app.usage.flush();
    const usage = await t.app.inject({
      method: 'GET',
      url: `/developers/usage?key_id=${ana.keyId}`,
      headers: devAuth(ana.token),
    });
    expect(usage.statusCode).toBe(200);
    expect(usage.json().total_requests).toBeGreaterThan(usageBefore);
  });

  it('lets the old secret work during the overlap, on every process, and lists both prefixes', async () => {
    for (const url of endpoints()) {
      expect((await get(url, ana.key)).statusCode).toBe(200);
      expect((await get(url, ana.key, second.app)).statusCode).toBe(200);
      expect((await get(url, newKey, second.app)).statusCode).toBe(200);
    }
    const listed = (await listKeys(ana.token)).find((k) => k.id === ana.keyId);
    expect(listed).toMatchObject({
      prefix: newKey.slice(0, 15),
      previous_prefix: ana.key.slice(0, 15),
      previous_expires_at: '2026-04-04T12:30:00.000Z',
    });
  });

  it('ends the overlap on time: the old secret answers REVOKED_API_KEY everywhere, the new one works', async () => {
    t.clock.advance(2 * 3_600_000 - 1);
    expect((await get('/accounts', ana.key)).statusCode).toBe(200);
    t.clock.advance(1);
    for (const url of endpoints()) {
      for (const app of [t.app, second.app]) {
        const old = await get(url, ana.key, app);
        expect(old.statusCode).toBe(401);
        expect(old.json().error_code).toBe('REVOKED_API_KEY');
        expect((await get(url, newKey, app)).statusCode).toBe(200);
      }
    }
    const connect = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(ana.key),
      payload: { bank_id: 'raiffeisen', user_id: 'u1', redirect_url: 'https://example.com/cb' },
    });
    expect(connect.json().error_code).toBe('REVOKED_API_KEY');
    const listed = (await listKeys(ana.token)).find((k) => k.id === ana.keyId);
    expect(listed).not.toHaveProperty('previous_prefix');
    expect(listed).not.toHaveProperty('previous_expires_at');
    // The refused request still counts in the key's usage (resolved through the rolled secret).
    await t.app.usage.flush();
    const usage = (
      await t.app.inject({ method: 'GET', url: '/developers/usage', headers: devAuth(ana.token) })
    ).json();
    expect(usage.recent_errors.some((e: { error_code: string }) => e.error_code === 'REVOKED_API_KEY')).toBe(
      true,
    );
  });

  it('with expires_in_hours 0 (or omitted) the old secret fails at once, on every process', async () => {
    const before = newKey;
    const res = await roll(ana.token, ana.keyId, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().previous_expires_at).toBe(t.clock.now().toISOString());
    newKey = res.json().key;
    for (const app of [t.app, second.app]) {
      expect((await get('/accounts', before, app)).json().error_code).toBe('REVOKED_API_KEY');
      expect((await get('/accounts', ana.key, app)).json().error_code).toBe('REVOKED_API_KEY');
      expect((await get('/accounts', newKey, app)).statusCode).toBe(200);
    }
    const again = await roll(ana.token, ana.keyId, { expires_in_hours: 0 });
    expect(again.statusCode).toBe(200);
    expect((await get('/accounts', newKey)).json().error_code).toBe('REVOKED_API_KEY');
    newKey = again.json().key;
    expect((await get(`/accounts/${accountId}/balance`, newKey)).statusCode).toBe(200);
  });

  it('keeps other developers out: their key sees nothing, byte-identical to a missing id', async () => {
    for (const [mine, missing] of [
      [`/accounts/${accountId}/balance`, '/accounts/acc_does_not_exist/balance'],
      [`/accounts/${accountId}/transactions`, '/accounts/acc_does_not_exist/transactions'],
    ] as const) {
      const a = await get(mine, bob.key);
      const b = await get(missing, bob.key);
      expect(a.statusCode).toBe(404);
      expect(a.body).toBe(b.body);
    }
    const revoke = (id: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/connections/${id}`,
        headers: { ...auth(bob.key), 'x-request-id': 'req_fixed_for_compare' },
      });
    expect((await revoke(connectionId)).body).toBe((await revoke('conn_does_not_exist')).body);
    expect((await get('/accounts', bob.key)).json().accounts).toEqual([]);
    // Another app of the same developer sees nothing either.
    const other = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: devAuth(ana.token),
      payload: { app_name: 'Other app', environment: 'sandbox' },
    });
    const otherKey = other.json().key as string;
    expect((await get('/accounts', otherKey)).json().accounts).toEqual([]);
    expect((await get(`/accounts/${accountId}/balance`, otherKey)).body).toBe(
      (await get('/accounts/acc_does_not_exist/balance', otherKey)).body,
    );
  });

  it("answers KEY_NOT_FOUND for someone else's key, an unknown id or a revoked key, and checks the hours", async () => {
    const foreign = await roll(bob.token, ana.keyId, { expires_in_hours: 1 });
    const unknown = await roll(bob.token, 'key_does_not_exist', { expires_in_hours: 1 });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error_code).toBe('KEY_NOT_FOUND');
    expect(unknown.json().error_code).toBe('KEY_NOT_FOUND');
    for (const bad of [-1, 169, 1.5, 'soon']) {
      const res = await roll(ana.token, ana.keyId, { expires_in_hours: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error_code).toBe('INVALID_FIELD');
    }
    await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${bob.keyId}`,
      headers: devAuth(bob.token),
    });
    expect((await roll(bob.token, bob.keyId, {})).json().error_code).toBe('KEY_NOT_FOUND');
    expect((await roll(ana.token, ana.keyId)).json().error_code).toBe('MISSING_FIELDS');
    expect((await roll('devses_nope', ana.keyId, {})).json().error_code).toBe('INVALID_DEV_TOKEN');
  });

  it('revoking a rolled key stops the overlapping old secret too', async () => {
    const before = newKey;
    const res = await roll(ana.token, ana.keyId, { expires_in_hours: 24 });
    expect(res.statusCode).toBe(200);
    newKey = res.json().key;
    expect((await get('/accounts', before)).statusCode).toBe(200);
    await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${ana.keyId}`,
      headers: devAuth(ana.token),
    });
    expect((await get('/accounts', before)).json().error_code).toBe('REVOKED_API_KEY');
    expect((await get('/accounts', newKey)).json().error_code).toBe('REVOKED_API_KEY');
    expect((await listKeys(ana.token)).find((k) => k.id === ana.keyId)).not.toHaveProperty('previous_prefix');
  });
});
