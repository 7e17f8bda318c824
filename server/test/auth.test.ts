import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/ids.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Adds a key for the Mani App developer straight into the database, as key generation would. */
async function addKey(plain: string, scopes: string[], status: 'active' | 'revoked' = 'active') {
  await t.deps.db
    .insertInto('api_keys')
    .values({
      id: `key_${sha256Hex(plain).slice(0, 12)}`,
      developer_id: 'dev_mani_app',
      key_hash: sha256Hex(plain),
      prefix: plain.slice(0, 15),
      app_name: 'scoped',
      environment: 'sandbox',
      scopes: JSON.stringify(scopes),
      status,
      created_at: t.clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

describe('API keys', () => {
  it('stores keys only as SHA-256 hashes', async () => {
    const rows = await t.deps.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(MANI_KEY);
    expect(rows.find((r) => r.id === 'key_mani_app')?.key_hash).toBe(sha256Hex(MANI_KEY));
  });

  it('answers REVOKED_API_KEY for a revoked key', async () => {
    await addKey('od_test_sk_revokedKey0001', ['accounts:read'], 'revoked');
    const res = await t.app.inject({
      method: 'GET',
      url: '/accounts',
      headers: auth('od_test_sk_revokedKey0001'),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error_code).toBe('REVOKED_API_KEY');
  });

  it('enforces scopes per endpoint', async () => {
    const key = 'od_test_sk_balanceOnly0001';
    await addKey(key, ['balance:read']);
    // The key was created for the same developer but is a different key: it sees no accounts of the Mani key.
    const denied = [
      '/accounts',
      '/accounts/acc_rai_001/identity',
      '/accounts/acc_rai_001/transactions',
      '/accounts/acc_rai_001/recurring',
    ];
    for (const url of denied) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth(key) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error_code).toBe('INSUFFICIENT_PERMISSIONS');
    }
    const allowed = await t.app.inject({
      method: 'GET',
      url: '/accounts/acc_rai_001/balance',
      headers: auth(key),
    });
    expect(allowed.json().error_code).toBe('ACCOUNT_NOT_FOUND');
  });
});
