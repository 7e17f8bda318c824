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
    let loads = 0;
    const load = async () => {
      loads += 1;
      // The change lands while the read is in flight.
      if (loads === 1) cache.invalidate('key_race');
      return row;
    };
    await cache.lookup('hash_race', load);
    await cache.lookup('hash_race', load);
    expect(loads).toBe(2); // the first result was not stored
    await cache.lookup('hash_race', load);
    expect(loads).toBe(2); // the second was
    cache.invalidate('key_race');
    await cache.lookup('hash_race', load);
    expect(loads).toBe(3);
  });

  it('while the listener is down the cache is bypassed, and it comes back', async () => {
    const cache = t.app.keyCache;
    if (!cache) throw new Error('no key cache');
    // Cut the LISTEN connection from the server side.
    const { sql } = await import('kysely');
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN opendinar_api_keys' and pid <> pg_backend_pid() and application_name = ''`.execute(
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
