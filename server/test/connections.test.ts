import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { purgeRevokedConnections } from '../src/connections/purge.js';
import { connectorsOf } from '../src/http/principals.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Headers = Record<string, string>;
const get = (url: string, headers: Headers = auth(MANI_KEY)) => t.app.inject({ method: 'GET', url, headers });
const del = (url: string, headers: Headers = auth(MANI_KEY)) =>
  t.app.inject({ method: 'DELETE', url, headers });
const expectError = (
  res: { statusCode: number; json(): { error_code: string } },
  status: number,
  code: string,
) => {
  expect({ status: res.statusCode, code: res.json().error_code }).toEqual({ status, code });
};

async function connect(bankId: string, userId: string, key = MANI_KEY): Promise<string> {
  const s = await t.app.inject({
    method: 'POST',
    url: '/connect',
    headers: auth(key),
    payload: { bank_id: bankId, user_id: userId, redirect_url: 'https://app.example.rs/' },
  });
  const a = await t.app.inject({
    method: 'POST',
    url: '/sandbox/authorize',
    payload: { session_token: s.json().session_token },
  });
  const ex = await t.app.inject({
    method: 'POST',
    url: '/connect/exchange',
    headers: auth(key),
    payload: { public_token: a.json().public_token },
  });
  expect(ex.statusCode).toBe(200);
  return ex.json().connection_id as string;
}

async function bankDataFor(connectionId: string) {
  const { db } = t.deps;
  const accounts = await db
    .selectFrom('accounts')
    .select('id')
    .where('connection_id', '=', connectionId)
    .execute();
  const ids = accounts.map((a) => a.id);
  const count = async (table: 'transactions' | 'transaction_changes' | 'identities') =>
    ids.length === 0
      ? 0
      : Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('account_id', 'in', ids)
              .executeTakeFirstOrThrow()
          ).n,
        );
  return {
    accounts: ids.length,
    transactions: await count('transactions'),
    changes: await count('transaction_changes'),
    identities: await count('identities'),
  };
}

const revokedEvents = async (connectionId: string) =>
  (
    await t.deps.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('event_type', '=', 'ITEM.CONNECTION_REVOKED')
      .execute()
  ).filter((e) => JSON.parse(e.payload).connection_id === connectionId);

describe('GET /connections', () => {
  it("lists the key's connections with bank names; another key sees none", async () => {
    const res = await get('/connections');
    expect(res.statusCode).toBe(200);
    const list = res.json().connections as Array<Record<string, unknown>>;
    expect(list.map((c) => c.connection_id).sort()).toEqual(['conn_aik_001', 'conn_ers_001', 'conn_rai_001']);
    expect(list.find((c) => c.connection_id === 'conn_rai_001')).toEqual({
      connection_id: 'conn_rai_001',
      bank_id: 'raiffeisen',
      bank_name: 'Raiffeisen Bank',
      user_id: 'user_123',
      status: 'active',
      created_at: '2026-04-04T10:30:00.000Z',
      revoked_at: null,
      // Sandbox consents never expire; the seed counts as the first pull.
      consent_expires_at: null,
      last_refreshed_at: '2026-04-04T10:30:00.000Z',
    });
    expect((await get('/connections', auth(DEMO_KEY))).json()).toEqual({ connections: [] });
    expectError(await get('/connections', {}), 401, 'MISSING_API_KEY');
  });

  it('lists newest first', async () => {
    t.clock.advance(60_000);
    const first = await connect('erste', 'user_a');
    t.clock.advance(60_000);
    const second = await connect('aik', 'user_b');
    const ids = ((await get('/connections')).json().connections as Array<{ connection_id: string }>).map(
      (c) => c.connection_id,
    );
    expect(ids.slice(0, 2)).toEqual([second, first]);
    expect(ids).toHaveLength(5);
  });
});

describe('DELETE /connections/:id', () => {
  it('revokes: hides the accounts at once, deletes the bank data in the background, keeps the listing, fires ITEM.CONNECTION_REVOKED, tells the connector', async () => {
    const before = await bankDataFor('conn_rai_001');
    expect(before.accounts).toBe(2);
    expect(before.transactions).toBeGreaterThan(100);
    expect(before.changes).toBe(before.transactions);
    expect(before.identities).toBe(2);
    const sandbox = connectorsOf(t.deps).sandbox;
    const revokeSpy = vi.spyOn(sandbox, 'revoke');

    t.clock.advance(5_000);
    const res = await del('/connections/conn_rai_001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ connection_id: 'conn_rai_001', status: 'revoked' });
    expect(revokeSpy).toHaveBeenCalledTimes(1);
    expect(JSON.parse(revokeSpy.mock.calls[0]?.[0] ?? '{}')).toMatchObject({
      seed: 'conn_rai_001',
      bankId: 'raiffeisen',
    });
    revokeSpy.mockRestore();

    // The accounts are gone from every list and answer ACCOUNT_NOT_FOUND.
    for (const path of [
      '/accounts/acc_rai_001/balance',
      '/accounts/acc_rai_001/transactions',
      '/accounts/acc_rai_001/identity',
      '/accounts/acc_rai_002/balance',
    ]) {
      expectError(await get(path), 404, 'ACCOUNT_NOT_FOUND');
    }
    const accounts = ((await get('/accounts')).json().accounts as Array<{ id: string }>).map((a) => a.id);
    expect(accounts).not.toContain('acc_rai_001');
    expect(accounts).toContain('acc_ers_001');

    // Listed as revoked, with the time.
    const listed = ((await get('/connections')).json().connections as Array<Record<string, unknown>>).find(
      (c) => c.connection_id === 'conn_rai_001',
    );
    expect(listed).toMatchObject({
      status: 'revoked',
      revoked_at: t.clock.now().toISOString(),
      created_at: '2026-04-04T10:30:00.000Z',
      user_id: 'user_123',
    });

    // The identity and the grant are deleted at once; the accounts, transactions and change log wait
    // for the background job (hidden from every query meanwhile).
    expect(await bankDataFor('conn_rai_001')).toMatchObject({ accounts: 2, identities: 0 });
    expect((await bankDataFor('conn_rai_001')).transactions).toBeGreaterThan(100);
    const purged = await purgeRevokedConnections(t.deps);
    expect(purged).toEqual({
      connections: 1,
      transactions: before.transactions,
      changes: before.changes,
    });
    // The rows themselves are deleted, and so is the grant.
    expect(await bankDataFor('conn_rai_001')).toEqual({
      accounts: 0,
      transactions: 0,
      changes: 0,
      identities: 0,
    });
    for (const id of ['acc_rai_001', 'acc_rai_002']) {
      expect(
        await t.deps.db.selectFrom('transactions').select('id').where('account_id', '=', id).execute(),
      ).toEqual([]);
    }
    const row = await t.deps.db
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', 'conn_rai_001')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'revoked',
      grant_enc: null,
      data_deleted_at: t.clock.now().toISOString(),
      purge_lease_until: null,
    });
    // Nothing left to do: a second pass deletes nothing.
    expect(await purgeRevokedConnections(t.deps)).toEqual({ connections: 0, transactions: 0, changes: 0 });

    const events = await revokedEvents('conn_rai_001');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toEqual({
      webhook_type: 'ITEM',
      webhook_code: 'CONNECTION_REVOKED',
      connection_id: 'conn_rai_001',
      bank_id: 'raiffeisen',
      user_id: 'user_123',
      timestamp: Math.floor(t.clock.now().getTime() / 1000),
    });
  });

  it('answers CONNECTION_ALREADY_REVOKED the second time, with no second event', async () => {
    expectError(await del('/connections/conn_rai_001'), 409, 'CONNECTION_ALREADY_REVOKED');
    expect(await revokedEvents('conn_rai_001')).toHaveLength(1);
  });

  it('answers CONNECTION_NOT_FOUND for unknown or foreign connections, changing nothing', async () => {
    expectError(await del('/connections/conn_nope'), 404, 'CONNECTION_NOT_FOUND');
    expectError(await del('/connections/conn_ers_001', auth(DEMO_KEY)), 404, 'CONNECTION_NOT_FOUND');
    // Even an already revoked one looks absent to another key.
    expectError(await del('/connections/conn_rai_001', auth(DEMO_KEY)), 404, 'CONNECTION_NOT_FOUND');
    expect((await get('/accounts/acc_ers_001/balance')).statusCode).toBe(200);
    expect(await revokedEvents('conn_ers_001')).toHaveLength(0);
  });

  it('deletes the connect session of a connection made through the flow, keeping the list entry', async () => {
    const id = await connect('raiffeisen', 'user_gdpr');
    const sessions = () =>
      t.deps.db.selectFrom('connect_sessions').select('id').where('connection_id', '=', id).execute();
    expect(await sessions()).toHaveLength(1);
    const data = await bankDataFor(id);
    expect(data.transactions).toBeGreaterThan(0);
    expect((await del(`/connections/${id}`)).statusCode).toBe(200);
    expect(await sessions()).toHaveLength(0);
    await purgeRevokedConnections(t.deps);
    expect(await bankDataFor(id)).toEqual({ accounts: 0, transactions: 0, changes: 0, identities: 0 });
    const listed = ((await get('/connections')).json().connections as Array<Record<string, unknown>>).find(
      (c) => c.connection_id === id,
    );
    expect(listed).toMatchObject({ bank_id: 'raiffeisen', user_id: 'user_gdpr', status: 'revoked' });
  });

  it('lets exactly one of several concurrent revokes win', async () => {
    const id = await connect('aik', 'user_race_revoke');
    const results = await Promise.all(Array.from({ length: 6 }, () => del(`/connections/${id}`)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200))
      expectError(r, 409, 'CONNECTION_ALREADY_REVOKED');
    expect(await revokedEvents(id)).toHaveLength(1);
  });
});
