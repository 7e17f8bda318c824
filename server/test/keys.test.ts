import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { sha256Hex } from '../src/ids.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let ana: Registered;
let bob: Registered;
beforeAll(async () => {
  t = await createTestApp();
  ana = await registerDeveloper(t.app);
  bob = await registerDeveloper(t.app);
});
afterAll(async () => t.close());

const createKey = (token: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/developers/keys',
    headers: devAuth(token),
    payload: payload as object,
  });
const listKeys = async (token: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: devAuth(token) });
  expect(res.statusCode).toBe(200);
  return res.json().keys as Array<Record<string, unknown>>;
};

describe('GET /developers/keys', () => {
  it('lists the first sandbox key by prefix, never the full key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: devAuth(ana.token) });
    expect(res.json()).toEqual({
      keys: [
        {
          id: ana.keyId,
          prefix: ana.key.slice(0, 15),
          app_name: expect.any(String),
          environment: 'sandbox',
          status: 'active',
          scopes: ['accounts:read', 'balance:read', 'transactions:read'],
          created_at: '2026-04-04T10:30:00.000Z',
          last_used_at: null,
          redirect_urls: [],
        },
      ],
    });
    expect(res.body).not.toContain(ana.key);
    expect(res.body).not.toContain(ana.key.slice(15));
  });
});

describe('POST /developers/keys', () => {
  it('generates a live key shown once, stored only as its hash', async () => {
    const res = await createKey(ana.token, { app_name: 'Budžet App', environment: 'live' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^od_live_sk_[A-Za-z0-9]{32,}$/),
      prefix: body.key.slice(0, 15),
      app_name: 'Budžet App',
      environment: 'live',
      status: 'active',
      scopes: ['accounts:read', 'balance:read', 'transactions:read'],
      created_at: '2026-04-04T10:30:00.000Z',
      last_used_at: null,
      redirect_urls: [],
    });
    const row = await t.deps.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256Hex(body.key));
    expect(JSON.stringify(row)).not.toContain(body.key);

    const listed = (await listKeys(ana.token)).find((k) => k.id === body.id);
    expect(listed).toMatchObject({ prefix: body.key.slice(0, 15), environment: 'live', status: 'active' });
    expect(listed).not.toHaveProperty('key');

    // The live key works on the banking API.
    const accounts = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(body.key) });
    expect(accounts.json()).toEqual({ accounts: [] });
  });

  it('generates a sandbox key with the test prefix and distinct random keys', async () => {
    const a = (await createKey(ana.token, { app_name: 'A', environment: 'sandbox' })).json();
    const b = (await createKey(ana.token, { app_name: 'A', environment: 'sandbox' })).json();
    expect(a.key).toMatch(/^od_test_sk_[A-Za-z0-9]{32,}$/);
    expect(a.key).not.toBe(b.key);
  });

  it('accepts only the documented scopes, at least one', async () => {
    const ok = await createKey(ana.token, {
      app_name: 'Balances',
      environment: 'sandbox',
      scopes: ['balance:read'],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().scopes).toEqual(['balance:read']);
    for (const scopes of [
      ['payments:write'],
      [],
      ['balance:read', 'balance:read'],
      'balance:read,accounts:read',
      [42],
    ]) {
      const res = await createKey(ana.token, { app_name: 'Bad', environment: 'sandbox', scopes });
      expect(res.statusCode, JSON.stringify(scopes)).toBe(400);
      expect(res.json().error_code, JSON.stringify(scopes)).toBe('INVALID_FIELD');
    }
  });

  it('validates app_name and environment', async () => {
    const env = await createKey(ana.token, { app_name: 'X', environment: 'production' });
    expect(env.json().error_code).toBe('INVALID_FIELD');
    expect(env.json().error_message).toContain('environment');
    expect((await createKey(ana.token, { environment: 'live' })).json().error_code).toBe('MISSING_FIELDS');
    expect((await createKey(ana.token, { app_name: 'X' })).json().error_code).toBe('MISSING_FIELDS');
    expect((await createKey(ana.token, { app_name: '   ', environment: 'live' })).json().error_code).toBe(
      'MISSING_FIELDS',
    );
    expect(
      (await createKey(ana.token, { app_name: 'x'.repeat(101), environment: 'live' })).json().error_code,
    ).toBe('INVALID_FIELD');
  });
});

describe('scopes are enforced', () => {
  it('a balance-only key cannot list accounts but can read balances', async () => {
    const key = (
      await createKey(ana.token, {
        app_name: 'Balances only',
        environment: 'sandbox',
        scopes: ['balance:read'],
      })
    ).json().key;
    const list = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(key) });
    expect(list.statusCode).toBe(403);
    expect(list.json().error_code).toBe('INSUFFICIENT_PERMISSIONS');
    const tx = await t.app.inject({
      method: 'GET',
      url: '/accounts/acc_rai_001/transactions',
      headers: auth(key),
    });
    expect(tx.json().error_code).toBe('INSUFFICIENT_PERMISSIONS');
    // Past the scope check: the account simply is not this key's.
    const balance = await t.app.inject({
      method: 'GET',
      url: '/accounts/acc_rai_001/balance',
      headers: auth(key),
    });
    expect(balance.json().error_code).toBe('ACCOUNT_NOT_FOUND');
  });
});

describe('DELETE /developers/keys/:id', () => {
  it('revokes a key with effect from the very next request, in every process', async () => {
    const created = (await createKey(ana.token, { app_name: 'Short-lived', environment: 'sandbox' })).json();
    expect(
      (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(created.key) })).statusCode,
    ).toBe(200);

    const second = t.database.connect();
    const other = await buildApp({ ...t.deps, db: second.db });
    try {
      expect(
        (await other.inject({ method: 'GET', url: '/accounts', headers: auth(created.key) })).statusCode,
      ).toBe(200);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/developers/keys/${created.id}`,
        headers: devAuth(ana.token),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: created.id, status: 'revoked' });
      for (const app of [t.app, other]) {
        const after = await app.inject({ method: 'GET', url: '/accounts', headers: auth(created.key) });
        expect(after.statusCode).toBe(401);
        expect(after.json().error_code).toBe('REVOKED_API_KEY');
      }
    } finally {
      await other.close();
      await second.close();
    }
    expect((await listKeys(ana.token)).find((k) => k.id === created.id)?.status).toBe('revoked');
    // Revoking again is harmless.
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${created.id}`,
      headers: devAuth(ana.token),
    });
    expect(again.json()).toEqual({ id: created.id, status: 'revoked' });
  });

  it("answers KEY_NOT_FOUND for another developer's key and leaves it working", async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${bob.keyId}`,
      headers: devAuth(ana.token),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error_code).toBe('KEY_NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(bob.key) })).statusCode).toBe(
      200,
    );
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: '/developers/keys/key_doesnotexist',
      headers: devAuth(ana.token),
    });
    expect(unknown.json().error_code).toBe('KEY_NOT_FOUND');
    // Nor can a developer touch the seeded keys.
    const seeded = await t.app.inject({
      method: 'DELETE',
      url: '/developers/keys/key_mani_app',
      headers: devAuth(ana.token),
    });
    expect(seeded.json().error_code).toBe('KEY_NOT_FOUND');
  });

  it("lists only the developer's own keys", async () => {
    const bobs = await listKeys(bob.token);
    expect(bobs.map((k) => k.id)).toEqual([bob.keyId]);
    expect((await listKeys(ana.token)).map((k) => k.id)).not.toContain(bob.keyId);
  });
});
