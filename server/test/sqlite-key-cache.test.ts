// The embedded database's key (and key + account) lookup cache (http/sqlite-key-cache.ts): hits
// while nothing is committed, and never serves a row a commit changed — from this process's writer
// or from another connection on the same file (another server process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/db/index.js';
import { sha256Hex } from '../src/ids.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';
import { expectError } from './helpers/contract.js';

const PAGE = '/accounts/acc_rai_001/transactions?limit=3';

describe.skipIf(onPostgres())('SQLite API-key cache (PRAGMA data_version)', () => {
  let t: TestApp;
  let other: DbHandle;
  beforeAll(async () => {
    t = await createTestApp();
    other = t.database.connect(); // as another process on the same file would write
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });
  const get = (url = PAGE) => t.app.inject({ method: 'GET', url, headers: auth(MANI_KEY) });

  it('answers repeated requests from the cache while nothing is committed', async () => {
    const cache = t.app.sqliteKeyCache;
    expect(cache).not.toBeNull();
    expect((await get()).statusCode).toBe(200);
    const before = cache?.hits ?? 0;
    for (let i = 0; i < 5; i++) expect((await get()).statusCode).toBe(200);
    expect((cache?.hits ?? 0) - before).toBeGreaterThanOrEqual(4);
  });

  it('sees an account revoked by another connection on the very next request', async () => {
    expect((await get()).statusCode).toBe(200);
    await other.db
      .updateTable('accounts')
      .set({ revoked_at: t.clock.now().toISOString() })
      .where('id', '=', 'acc_rai_001')
      .execute();
    expectError(await get(), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
    await other.db
      .updateTable('accounts')
      .set({ revoked_at: null })
      .where('id', '=', 'acc_rai_001')
      .execute();
    expect((await get()).statusCode).toBe(200);
  });

  it('sees new transactions (a new change sequence) committed by another connection at once', async () => {
    const a = await get();
    await other.db
      .updateTable('transactions')
      .set({ description: 'CHANGED ELSEWHERE' })
      .where('id', '=', a.json().transactions[0].id)
      .execute();
    await other.db
      .updateTable('accounts')
      .set((eb) => ({ change_seq: eb('change_seq', '+', 1) }))
      .where('id', '=', 'acc_rai_001')
      .execute();
    expect((await get()).json().transactions[0].description).toBe('CHANGED ELSEWHERE');
  });

  it('applies scope checks to a key answered from the cache, as to one read from the file', async () => {
    const hash = sha256Hex(MANI_KEY);
    const [row] = await other.db
      .selectFrom('api_keys')
      .select('scopes')
      .where('key_hash', '=', hash)
      .execute();
    expect((await get()).statusCode).toBe(200);
    await other.db
      .updateTable('api_keys')
      .set({ scopes: JSON.stringify(['accounts:read']) })
      .where('key_hash', '=', hash)
      .execute();
    const cache = t.app.sqliteKeyCache;
    const hits = cache?.hits ?? 0;
    // The first read after the commit misses; the rest are hits — each still refused.
    for (let i = 0; i < 3; i++) expectError(await get(), 'INSUFFICIENT_PERMISSIONS', 'AUTH_ERROR', 403);
    expect((cache?.hits ?? 0) - hits).toBeGreaterThanOrEqual(2);
    await other.db
      .updateTable('api_keys')
      .set({ scopes: row?.scopes ?? '[]' })
      .where('key_hash', '=', hash)
      .execute();
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
  });

  it('answers an account the key does not own from the cache as from the file', async () => {
    const missing = '/accounts/acc_nope_404/transactions?limit=3';
    for (let i = 0; i < 3; i++) expectError(await get(missing), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
  });

  it('caches developer sessions, and refuses one ended by another connection on the very next request', async () => {
    const cache = t.app.sqliteKeyCache;
    const reg = await t.app.inject({
      method: 'POST',
      url: '/developers/register',
      payload: { email: `skc-${Date.now()}@example.com`, password: 'correct horse battery', name: 'SKC' },
    });
    const token = reg.json().session_token as string;
    const me = () => t.app.inject({ method: 'GET', url: '/developers/me', headers: auth(token) });
    expect((await me()).statusCode).toBe(200);
    const hits = cache?.hits ?? 0;
    for (let i = 0; i < 3; i++) expect((await me()).statusCode).toBe(200);
    expect((cache?.hits ?? 0) - hits).toBeGreaterThanOrEqual(2);
    // Ended as a logout in another process would end it: refused at once, though it was cached.
    await other.db
      .updateTable('dev_sessions')
      .set({ revoked_at: t.clock.now().toISOString() })
      .where('token_hash', '=', sha256Hex(token))
      .execute();
    expectError(await me(), 'INVALID_DEV_TOKEN', 'AUTH_ERROR', 401);
    expectError(await me(), 'INVALID_DEV_TOKEN', 'AUTH_ERROR', 401);
  });

  it('refuses a key revoked by another connection on the very next request', async () => {
    expect((await get('/accounts')).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    await other.db
      .updateTable('api_keys')
      .set({ status: 'revoked' })
      .where('key_hash', '=', sha256Hex(MANI_KEY))
      .execute();
    expectError(await get('/accounts'), 'REVOKED_API_KEY', 'AUTH_ERROR', 401);
    expectError(await get(), 'REVOKED_API_KEY', 'AUTH_ERROR', 401);
  });
});
