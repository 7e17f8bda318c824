import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachedKeyRow } from '../src/http/key-cache.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';
import { type ServerProcess, startServerProcess } from './helpers/process.js';

const METRICS_TOKEN = 'key-cache-metrics-token-0123456789';

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A cache loader that counts its calls and runs `during` (once) while the load is in flight — a
 * change landing between a lookup's start and its result.
 */
function racingLoad<T>(value: T): { load: () => Promise<T>; loads: number; during?: () => void } {
  const r: { load: () => Promise<T>; loads: number; during?: () => void } = {
    loads: 0,
    load: async () => {
      r.loads += 1;
      const hook = r.during;
      r.during = undefined;
      hook?.();
      return value;
    },
  };
  return r;
}

describe.skipIf(!onPostgres())('PostgreSQL API-key cache (LISTEN/NOTIFY)', () => {
  let t: TestApp;
  let other: ServerProcess;
  let session: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { OPENDINAR_METRICS_TOKEN: METRICS_TOKEN } });
    other = await startServerProcess({
      DATABASE_URL: t.database.url,
      OPENDINAR_SEED_SANDBOX: 'false',
      OPENDINAR_METRICS_TOKEN: METRICS_TOKEN,
    });
    const reg = await t.app.inject({
      method: 'POST',
      url: '/developers/register',
      payload: { email: `kc-${Date.now()}@example.com`, password: 'correct horse battery', name: 'KC' },
    });
    session = auth(reg.json().session_token);
    await until('the listener', async () => t.app.keyCache?.active);
  }, 60_000);
  afterAll(async () => {
    other?.proc.kill('SIGKILL');
    await t?.close();
  });

  const newKey = async (): Promise<{ id: string; key: string }> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: session,
      payload: { app_name: 'Cached', environment: 'sandbox' },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  const otherAccounts = (key: string) =>
    fetch(`${other.url}/accounts`, { headers: auth(key) }).then(async (r) => ({
      status: r.status,
      code: ((await r.json()) as { error_code?: string }).error_code,
    }));

  const otherLookups = async (): Promise<{ hit: number; miss: number; listening: number }> => {
    const text = await fetch(`${other.url}/metrics`, { headers: auth(METRICS_TOKEN) }).then((r) => r.text());
    const value = (re: RegExp) => Number(re.exec(text)?.[1] ?? Number.NaN);
    return {
      hit: value(/^opendinar_key_cache_lookups\{result="hit"\} (\d+)/m),
      miss: value(/^opendinar_key_cache_lookups\{result="miss"\} (\d+)/m),
      listening: value(/^opendinar_key_cache_listening (\d+)/m),
    };
  };

  it('serves repeated lookups from memory', async () => {
    const before = t.app.keyCache?.hits ?? 0;
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) })).statusCode,
      ).toBe(200);
    }
    expect((t.app.keyCache?.hits ?? 0) - before).toBeGreaterThanOrEqual(4);
  });

  it('a key revoked through one process fails on another within milliseconds', async () => {
    const { id, key } = await newKey();
    await until('the other process listening', async () => (await otherLookups()).listening === 1);
    for (let i = 0; i < 3; i++) expect((await otherAccounts(key)).status).toBe(200);
    const warm = await otherLookups();
    expect(warm.hit).toBeGreaterThanOrEqual(2); // the other process answers from its cache

    const revoked = await t.app.inject({ method: 'DELETE', url: `/developers/keys/${id}`, headers: session });
    expect(revoked.statusCode).toBe(200);
    const committedAt = performance.now();
    // This process: at once (dropped before the answer).
    expect(
      (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(key) })).json().error_code,
    ).toBe('REVOKED_API_KEY');
    // The other process: on the first request that reaches it after the notification, which
    // PostgreSQL sends at commit. Measured from the commit to the first refusal.
    let tries = 0;
    await until('the other process to refuse the key', async () => {
      tries += 1;
      return (await otherAccounts(key)).code === 'REVOKED_API_KEY';
    });
    const elapsed = performance.now() - committedAt;
    expect(elapsed).toBeLessThan(1000);
    expect(tries).toBeLessThanOrEqual(3);
  });

  it('any change to a key row (not just revocation) drops it; last_used_at alone does not', async () => {
    const { id, key } = await newKey();
    for (let i = 0; i < 2; i++) expect((await otherAccounts(key)).status).toBe(200);
    const { miss } = await otherLookups();
    // Usage recording moves last_used_at: no notification, still a hit.
    await t.deps.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    expect((await otherAccounts(key)).status).toBe(200);
    // A scope change made straight in the database: the other process sees it on the next requests.
    await t.deps.db.updateTable('api_keys').set({ scopes: '[]' }).where('id', '=', id).execute();
    await until(
      'the scope change',
      async () => (await otherAccounts(key)).code === 'INSUFFICIENT_PERMISSIONS',
    );
    expect((await otherLookups()).miss).toBeGreaterThan(miss);
  });

  it('a lookup in flight when its key changes is not cached; every hit checks the version', async () => {
    const cache = t.app.keyCache;
    if (!cache) throw new Error('no key cache');
    const row: CachedKeyRow = {
      id: 'key_race',
      developer_id: 'd',
      environment: 'sandbox',
      scopes: '[]',
      status: 'active',
    };
    const r = racingLoad(row);
    const { load } = r;
    r.during = () => cache.invalidate('key_race'); // the change lands while the read is in flight
    await cache.lookup('hash_race', load);
    await cache.lookup('hash_race', load);
    expect(r.loads).toBe(2); // the first result was not stored
    await cache.lookup('hash_race', load);
    expect(r.loads).toBe(2); // the second was
    cache.invalidate('key_race');
    await cache.lookup('hash_race', load);
    expect(r.loads).toBe(3);
  });

  // Account routes: the key and the account named in the path are one cached lookup.
  const sandboxAccount = async (key: string): Promise<{ accountId: string; connectionId: string }> => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(key),
      payload: {
        bank_id: 'erste',
        user_id: 'user_kc',
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
    expect(created.statusCode).toBe(201);
    const body = created.json();
    return { accountId: body.accounts[0].id, connectionId: body.connection_id };
  };
  const otherGet = (key: string, path: string) =>
    fetch(`${other.url}${path}`, { headers: auth(key) }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Record<string, unknown>,
    }));

  it('account routes: a revoked key fails on another process within milliseconds', async () => {
    const { id, key } = await newKey();
    const { accountId } = await sandboxAccount(key);
    const path = `/accounts/${accountId}/transactions?limit=5`;
    expect((await otherGet(key, path)).status).toBe(200);
    const { hit } = await otherLookups();
    for (let i = 0; i < 3; i++) expect((await otherGet(key, path)).status).toBe(200);
    expect((await otherLookups()).hit).toBeGreaterThanOrEqual(hit + 2); // key and account from memory

    const revoked = await t.app.inject({ method: 'DELETE', url: `/developers/keys/${id}`, headers: session });
    expect(revoked.statusCode).toBe(200);
    const committedAt = performance.now();
    expect((await t.app.inject({ method: 'GET', url: path, headers: auth(key) })).json().error_code).toBe(
      'REVOKED_API_KEY',
    );
    let tries = 0;
    await until('the other process to refuse the key', async () => {
      tries += 1;
      return (await otherGet(key, path)).body.error_code === 'REVOKED_API_KEY';
    });
    expect(performance.now() - committedAt).toBeLessThan(1000);
    expect(tries).toBeLessThanOrEqual(3);
  });

  it('account routes: a change to the account is read at once here and on the next requests elsewhere', async () => {
    const { key } = await newKey();
    const { accountId, connectionId } = await sandboxAccount(key);
    const balance = `/accounts/${accountId}/balance`;
    const page = `/accounts/${accountId}/transactions?limit=5`;
    const local = (path: string) => t.app.inject({ method: 'GET', url: path, headers: auth(key) });
    // Warm both processes' caches (and the page caches) with the current account row.
    const before = Number((await local(balance)).json().balance);
    for (let i = 0; i < 2; i++) {
      expect((await local(balance)).json().balance).toBe(before);
      expect((await otherGet(key, balance)).body.balance).toBe(before);
      expect((await local(page)).json().total).toBe(1);
      expect((await otherGet(key, page)).body.total).toBe(1);
    }
    // A write outside any transaction (autocommit) to the account row.
    await t.deps.db
      .updateTable('accounts')
      .set((eb) => ({ opening_balance: eb('opening_balance', '+', 100_000) }))
      .where('id', '=', accountId)
      .execute();
    const after = before + 1000;
    expect((await local(balance)).json().balance).toBe(after); // this process: at once
    await until(
      'the other process to see the balance',
      async () => (await otherGet(key, balance)).body.balance === after,
    );
    // A transaction that adds a bank transaction and moves the change sequence (as an import does).
    await t.deps.db.transaction().execute(async (trx) => {
      const account = await trx
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow();
      const txn = await trx
        .selectFrom('transactions')
        .selectAll()
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('transactions')
        .values({ ...txn, id: `${txn.id}_kc`, bank_txn_id: `${txn.bank_txn_id}_kc` })
        .execute();
      await trx
        .updateTable('accounts')
        .set({ change_seq: Number(account.change_seq) + 1 })
        .where('id', '=', accountId)
        .execute();
    });
    expect((await local(page)).json().total).toBe(2); // the page cache keys on the fresh sequence
    await until(
      'the other process to see the new page',
      async () => (await otherGet(key, page)).body.total === 2,
    );
    // Revoking the connection deletes the account: gone everywhere.
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/connections/${connectionId}`,
      headers: auth(key),
    });
    expect(revoked.statusCode).toBe(200);
    expect((await local(page)).json().error_code).toBe('ACCOUNT_NOT_FOUND');
    await until(
      'the other process to forget the account',
      async () => (await otherGet(key, page)).body.error_code === 'ACCOUNT_NOT_FOUND',
    );
  });

  it('an account lookup in flight when the account changes, or a local commit lands, is not cached', async () => {
    const cache = t.app.keyCache;
    if (!cache) throw new Error('no key cache');
    const key: CachedKeyRow = {
      id: 'key_race2',
      developer_id: 'd',
      environment: 'sandbox',
      scopes: '[]',
      status: 'active',
    };
    const r = racingLoad({ key, account: null });
    const { load } = r;
    r.during = () => cache.invalidate('acc_race2');
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    expect(r.loads).toBe(2); // the first was not stored; the second was
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    expect(r.loads).toBe(2);
    cache.invalidateAccounts(); // a commit through this process
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    expect(r.loads).toBe(3);
    r.during = () => cache.invalidateAccounts();
    cache.invalidate('acc_race2');
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    expect(r.loads).toBe(5);
    cache.invalidate('key_race2'); // the key's own change drops it too
    await cache.lookupWithAccount('hash_race2', 'acc_race2', load);
    expect(r.loads).toBe(6);
  });

  // Developer sessions (the dashboard's and /developers routes' devses_ tokens), cached the same way.
  // Through the other process, on the real clock: its sessions are valid on both (this app's test
  // clock is earlier, so the other process would find a session opened here already expired).
  const login = async (email: string): Promise<string> => {
    const res = await fetch(`${other.url}/developers/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { session_token: string }).session_token;
  };
  const otherMe = (token: string) =>
    fetch(`${other.url}/developers/me`, { headers: auth(token) }).then(async (r) => ({
      status: r.status,
      code: ((await r.json()) as { error_code?: string }).error_code,
    }));
  /** Registers a developer (its session is not used) and answers their e-mail. */
  const newDeveloper = async (tag: string): Promise<string> => {
    const email = `${tag}-${Date.now()}@example.com`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/register',
      payload: { email, password: 'correct horse battery', name: tag },
    });
    expect(res.statusCode).toBe(201);
    return email;
  };
  const localMe = async (token: string) => {
    const r = await t.app.inject({ method: 'GET', url: '/developers/me', headers: auth(token) });
    return { status: r.statusCode, code: (r.json() as { error_code?: string }).error_code };
  };

  it('developer sessions: served from memory; a logout through one process fails on another within milliseconds', async () => {
    const email = await newDeveloper('kcs');
    const token = await login(email);
    expect((await otherMe(token)).status).toBe(200);
    const { hit } = await otherLookups();
    for (let i = 0; i < 3; i++) expect((await otherMe(token)).status).toBe(200);
    expect((await otherLookups()).hit).toBeGreaterThanOrEqual(hit + 2); // the other process: from memory
    const localHits = t.app.keyCache?.hits ?? 0;
    for (let i = 0; i < 3; i++) expect((await localMe(token)).status).toBe(200);
    expect((t.app.keyCache?.hits ?? 0) - localHits).toBeGreaterThanOrEqual(2);

    const out = await t.app.inject({ method: 'POST', url: '/developers/logout', headers: auth(token) });
    expect(out.statusCode).toBe(200);
    const committedAt = performance.now();
    expect((await localMe(token)).code).toBe('INVALID_DEV_TOKEN'); // this process: at once
    let tries = 0;
    await until('the other process to refuse the session', async () => {
      tries += 1;
      return (await otherMe(token)).code === 'INVALID_DEV_TOKEN';
    });
    expect(performance.now() - committedAt).toBeLessThan(1000);
    expect(tries).toBeLessThanOrEqual(3);
  });

  it('developer sessions: signing out everywhere on another process ends those cached here; a password change here ends the others at once', async () => {
    const email = await newDeveloper('kcs2');
    const a = await login(email);
    const b = await login(email);
    for (let i = 0; i < 2; i++) {
      expect((await localMe(a)).status).toBe(200);
      expect((await localMe(b)).status).toBe(200);
      expect((await otherMe(b)).status).toBe(200);
    }
    // The other process ends every session: here, both cached sessions go on its notifications.
    const res = await fetch(`${other.url}/developers/logout-all`, { method: 'POST', headers: auth(b) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { sessions_revoked: number }).sessions_revoked).toBeGreaterThanOrEqual(2);
    expect((await otherMe(b)).code).toBe('INVALID_DEV_TOKEN'); // that process: at once
    await until('this process to refuse both sessions', async () => {
      const [ra, rb] = [await localMe(a), await localMe(b)];
      return ra.code === 'INVALID_DEV_TOKEN' && rb.code === 'INVALID_DEV_TOKEN';
    });
    // A password change here ends the other sessions of the developer at once in this process.
    const c = await login(email);
    const d = await login(email);
    expect((await localMe(d)).status).toBe(200);
    expect((await localMe(d)).status).toBe(200);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/developers/password',
      headers: auth(c),
      payload: { current_password: 'correct horse battery', new_password: 'another horse battery' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await localMe(d)).code).toBe('INVALID_DEV_TOKEN');
    expect((await localMe(c)).status).toBe(200); // the session that changed it stays
  });

  it('a session lookup in flight when its session or developer changes is not cached', async () => {
    const cache = t.app.keyCache;
    if (!cache) throw new Error('no key cache');
    const row = {
      id: 'dss_race',
      developer_id: 'dev_race',
      expires_at: '2999-01-01T00:00:00.000Z',
      revoked_at: null,
    };
    const r = racingLoad(row);
    const { load } = r;
    r.during = () => cache.invalidate('dss_race');
    await cache.lookupSession('hash_srace', load);
    await cache.lookupSession('hash_srace', load);
    expect(r.loads).toBe(2); // the first was not stored; the second was
    await cache.lookupSession('hash_srace', load);
    expect(r.loads).toBe(2);
    cache.invalidate('dev_race'); // all of the developer's sessions
    await cache.lookupSession('hash_srace', load);
    expect(r.loads).toBe(3);
    cache.invalidateAccounts(); // an unrelated local commit keeps it
    await cache.lookupSession('hash_srace', load);
    expect(r.loads).toBe(3);
    // A key's hash and a session's never share an entry.
    await cache.lookup('hash_srace', async () => undefined);
    await cache.lookupSession('hash_srace', load);
    expect(r.loads).toBe(3);
  });

  it('while the listener is down the cache is bypassed, and it comes back', async () => {
    const cache = t.app.keyCache;
    if (!cache) throw new Error('no key cache');
    // Cut the LISTEN connection from the server side (this test database's listeners only: not
    // those of other runs on the same PostgreSQL server).
    const { sql } = await import('kysely');
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN opendinar_api_keys' and pid <> pg_backend_pid() and application_name = '' and datname = current_database()`.execute(
      t.deps.db,
    );
    await until('the listener to drop', async () => !cache.active);
    const misses = cache.misses;
    expect(
      (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) })).statusCode,
    ).toBe(200);
    expect(cache.misses - misses).toBeGreaterThanOrEqual(1);
    await until('the listener to reconnect', async () => cache.active);
  });
});
