import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { PURGE_LEASE_MS, purgeChunk, purgeRevokedConnections } from '../src/connections/purge.js';
import { claimPurge } from '../src/connections/store.js';
import type { Db } from '../src/db/index.js';
import { connectorsOf } from '../src/http/principals.js';
import { insertTransactions, type NewTransaction } from '../src/transactions/store.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';

// DELETE /connections/:id answers at once and hides the accounts everywhere; the rows are deleted
// afterwards by a background job (connections/purge.ts), driven here by hand.

const CATEGORIES = ['groceries', 'dining', 'transport', 'utilities'];

function manyTransactions(n: number, prefix: string): NewTransaction[] {
  return Array.from({ length: n }, (_, i) => ({
    bankTxnId: `${prefix}-${i}`,
    date: new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 9) * 86_400_000).toISOString().slice(0, 10),
    amount: -(100 + i),
    description: `Shop ${i % 17}`,
    category: CATEGORIES[i % CATEGORIES.length] as string,
    pending: false,
  }));
}

async function addHistory(t: TestApp, accountId: string, n: number): Promise<void> {
  const now = t.clock.now().toISOString();
  await t.deps.db
    .transaction()
    .execute((trx) =>
      insertTransactions(trx, { id: accountId, currency: 'RSD' }, manyTransactions(n, accountId), now),
    );
}

const countOf = async (
  db: Db,
  table: 'transactions' | 'transaction_changes' | 'identities',
  accountId: string,
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** transaction_day_counts and transaction_month_counts summed for the account, and their numbers of rows. */
async function dayCounts(db: Db, accountId: string): Promise<{ sum: number; rows: number }> {
  let sum = 0;
  let rows = 0;
  for (const table of ['transaction_day_counts', 'transaction_month_counts'] as const) {
    const r = await db
      .selectFrom(table)
      .select((eb) => [eb.fn.sum<number>('n').as('sum'), eb.fn.countAll<number>().as('rows')])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    sum += Number(r.sum ?? 0);
    rows += Number(r.rows);
  }
  return { sum, rows };
}

/** The day counts equal a count of the rows, per (date, category); the month counts per (month, category). */
async function expectExactDayCounts(db: Db, accountId: string): Promise<void> {
  const counted = await db
    .selectFrom('transactions')
    .select(['date', 'category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .groupBy(['date', 'category'])
    .orderBy('date')
    .orderBy('category')
    .execute();
  const kept = await db
    .selectFrom('transaction_day_counts')
    .select(['date', 'category', 'n'])
    .where('account_id', '=', accountId)
    .orderBy('date')
    .orderBy('category')
    .execute();
  expect(kept.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(counted.map((r) => ({ ...r, n: Number(r.n) })));
  const byMonth = new Map<string, { month: string; category: string; n: number }>();
  for (const r of counted) {
    const k = `${r.date.slice(0, 7)} ${r.category}`;
    const m = byMonth.get(k) ?? { month: r.date.slice(0, 7), category: r.category, n: 0 };
    m.n += Number(r.n);
    byMonth.set(k, m);
  }
  const months = await db
    .selectFrom('transaction_month_counts')
    .select(['month', 'category', 'n'])
    .where('account_id', '=', accountId)
    .orderBy('month')
    .orderBy('category')
    .execute();
  expect(months.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(
    [...byMonth.values()].sort((x, y) =>
      x.month === y.month ? (x.category < y.category ? -1 : 1) : x.month < y.month ? -1 : 1,
    ),
  );
}

const accountsOf = async (db: Db, connectionId: string) =>
  (
    await db
      .selectFrom('accounts')
      .select('id')
      .where('connection_id', '=', connectionId)
      .orderBy('id')
      .execute()
  ).map((a) => a.id);

const connectionRow = (db: Db, id: string) =>
  db
    .selectFrom('connections')
    .select(['status', 'data_deleted_at', 'purge_lease_until', 'grant_enc'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('background revocation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());
  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: auth(MANI_KEY), ...(payload && { payload }) });

  it('answers at once; the accounts then answer exactly as deleted ones; the job deletes every row', async () => {
    const account = 'acc_ers_001';
    await addHistory(t, account, 1_800);
    const cursor = (await req('GET', `/accounts/${account}/transactions?cursor=&limit=10`)).json()
      .next_cursor;
    const before = {
      transactions: await countOf(t.deps.db, 'transactions', account),
      changes: await countOf(t.deps.db, 'transaction_changes', account),
    };
    expect(before.transactions).toBeGreaterThan(1_800);

    const res = await req('DELETE', '/connections/conn_ers_001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ connection_id: 'conn_ers_001', status: 'revoked' });

    // Every account endpoint answers as for an account that never existed (only the request id differs).
    const calls: Array<['GET' | 'POST', string, object?]> = [
      ['GET', '/balance'],
      ['GET', '/identity'],
      ['GET', '/transactions'],
      ['GET', '/transactions?offset=1500&category=dining'],
      ['GET', '/transactions?cursor='],
      ['GET', `/transactions?cursor=${encodeURIComponent(cursor)}`],
      ['GET', '/recurring'],
      ['POST', '/sync', {}],
    ];
    for (const [method, path, body] of calls) {
      const revoked = await req(method, `/accounts/${account}${path}`, body);
      const never = await req(method, `/accounts/acc_never_was${path}`, body);
      const strip = (b: Record<string, unknown>) => ({ ...b, request_id: undefined });
      expect({ path, status: revoked.statusCode, body: strip(revoked.json()) }).toEqual({
        path,
        status: 404,
        body: strip(never.json()),
      });
      expect(revoked.json().error_code).toBe('ACCOUNT_NOT_FOUND');
    }
    const listed = (await req('GET', '/accounts')).json().accounts.map((a: { id: string }) => a.id);
    expect(listed).not.toContain(account);
    expect(listed).toContain('acc_rai_001');

    // Hidden, not yet deleted (except the identity and the grant), and the counts still exact.
    expect(await countOf(t.deps.db, 'transactions', account)).toBe(before.transactions);
    expect(await countOf(t.deps.db, 'identities', account)).toBe(0);
    expect(await connectionRow(t.deps.db, 'conn_ers_001')).toMatchObject({
      status: 'revoked',
      grant_enc: null,
      data_deleted_at: null,
    });
    await expectExactDayCounts(t.deps.db, account);

    const done = await purgeRevokedConnections(t.deps);
    expect(done).toEqual({ connections: 1, ...before });
    expect(await accountsOf(t.deps.db, 'conn_ers_001')).toEqual([]);
    expect(await countOf(t.deps.db, 'transactions', account)).toBe(0);
    expect(await countOf(t.deps.db, 'transaction_changes', account)).toBe(0);
    expect(await dayCounts(t.deps.db, account)).toEqual({ sum: 0, rows: 0 });
    expect(await connectionRow(t.deps.db, 'conn_ers_001')).toMatchObject({
      data_deleted_at: t.clock.now().toISOString(),
      purge_lease_until: null,
    });
    // The listing keeps it, revoked; revoking again is still a conflict.
    const conn = (await req('GET', '/connections'))
      .json()
      .connections.find((c: { connection_id: string }) => c.connection_id === 'conn_ers_001');
    expect(conn).toMatchObject({ status: 'revoked' });
    expect((await req('DELETE', '/connections/conn_ers_001')).json().error_code).toBe(
      'CONNECTION_ALREADY_REVOKED',
    );
    // The other connections' data is untouched.
    expect(await countOf(t.deps.db, 'transactions', 'acc_rai_001')).toBeGreaterThan(0);
  });

  it('a refresh that pulled from the bank before the revocation writes nothing after it', async () => {
    const [account] = await accountsOf(t.deps.db, 'conn_aik_001');
    if (!account) throw new Error('seed has an AIK account');
    const sandbox = connectorsOf(t.deps).sandbox;
    const original = sandbox.listTransactions.bind(sandbox);
    let revokeStatus = 0;
    // The bank call of the refresh: the connection is revoked while it is in flight, and the bank
    // answers with a transaction we never held, which a committed refresh would add.
    const spy = vi.spyOn(sandbox, 'listTransactions').mockImplementation(async (...args) => {
      if (revokeStatus === 0) revokeStatus = (await req('DELETE', '/connections/conn_aik_001')).statusCode;
      const window = await original(...args);
      return {
        ...window,
        transactions: [
          ...window.transactions,
          { bankTxnId: 'late-1', date: window.to, amount: -500, description: 'Late one', pending: false },
        ],
      };
    });
    const events = async () =>
      (
        await t.deps.db
          .selectFrom('webhook_events')
          .select('payload')
          .where('event_type', '=', 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE')
          .execute()
      ).filter((e) => JSON.parse(e.payload).account_id === account).length;
    const eventsBefore = await events();
    const changesBefore = await countOf(t.deps.db, 'transaction_changes', account);
    try {
      t.clock.advance(86_400_000);
      const res = await req('POST', `/accounts/${account}/sync`, {});
      expect(revokeStatus).toBe(200);
      expect(res.statusCode).toBe(404);
      expect(res.json().error_code).toBe('ACCOUNT_NOT_FOUND');
    } finally {
      spy.mockRestore();
    }
    expect(await countOf(t.deps.db, 'transaction_changes', account)).toBe(changesBefore);
    expect(await events()).toBe(eventsBefore);
    await purgeRevokedConnections(t.deps);
    expect(await countOf(t.deps.db, 'transactions', account)).toBe(0);
    expect(await dayCounts(t.deps.db, account)).toEqual({ sum: 0, rows: 0 });
  });
});

describe('background revocation of many small connections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  /** A sandbox connection of one account with `n` transactions, revoked; its id and account. */
  const revokedConnection = async (n: number): Promise<{ id: string; account: string }> => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(MANI_KEY),
      payload: {
        bank_id: 'erste',
        user_id: 'user_purge',
        accounts: [
          {
            name: 'Tekući račun',
            type: 'current',
            currency: 'RSD',
            transactions: Array.from({ length: n }, (_, i) => ({
              date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
              amount: -(100 + i),
              description: `Shop ${i}`,
            })),
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { connection_id: id, accounts } = created.json();
    t.clock.advance(1000); // revocations in order: the job takes the oldest first
    const res = await t.app.inject({ method: 'DELETE', url: `/connections/${id}`, headers: auth(MANI_KEY) });
    expect(res.statusCode).toBe(200);
    return { id, account: accounts[0].id };
  };

  it('one chunk finishes connection after connection while its budget lasts, and holds the one it stops in', async () => {
    const small = [await revokedConnection(30), await revokedConnection(30), await revokedConnection(30)];
    const big = await revokedConnection(250);
    // Another process holds a lease on one of them: the chunk must leave it alone.
    const heldElsewhere = await revokedConnection(30);
    const now = t.clock.now();
    const later = new Date(now.getTime() + PURGE_LEASE_MS).toISOString();
    await t.deps.db
      .updateTable('connections')
      .set({ purge_lease_until: later })
      .where('id', '=', heldElsewhere.id)
      .execute();
    // Everything revoked before (the seed's, earlier tests') out of the way: only ours are pending.
    await t.deps.db
      .updateTable('connections')
      .set({ data_deleted_at: now.toISOString() })
      .where('status', '=', 'revoked')
      .where(
        'id',
        'not in',
        [...small, big, heldElsewhere].map((c) => c.id),
      )
      .execute();

    const lease = new Date(now.getTime() + 1000).toISOString();
    const claimed = await claimPurge(t.deps.db, t.deps.dialect, {
      nowIso: now.toISOString(),
      untilIso: lease,
    });
    expect(claimed?.id).toBe(small[0]?.id); // oldest revocation first
    const chunk = {
      lease,
      next: new Date(now.getTime() + 2000).toISOString(),
      nowIso: now.toISOString(),
      point: null,
      dialect: t.deps.dialect,
    };
    // 30 + 30 + 30 transactions, then 210 of the big one's 250: four connections touched in one
    // transaction. The small accounts' day and month counts go too (a budget of their own).
    let countRows = 0;
    for (const c of small) countRows += (await dayCounts(t.deps.db, c.account)).rows;
    expect(countRows).toBeGreaterThan(0);
    expect(countRows).toBeLessThan(300);
    const first = await t.deps.db
      .transaction()
      .execute((trx) => purgeChunk(trx, { ...chunk, connectionId: small[0]?.id ?? '', rows: 300 }));
    expect(first).toMatchObject({ step: 'more', connectionId: big.id, finished: 3, transactions: 300 });
    for (const c of small) {
      expect(await countOf(t.deps.db, 'transactions', c.account)).toBe(0);
      expect(await accountsOf(t.deps.db, c.id)).toEqual([]);
      expect(await connectionRow(t.deps.db, c.id)).toMatchObject({ data_deleted_at: chunk.nowIso });
    }
    for (const c of small) expect(await dayCounts(t.deps.db, c.account)).toEqual({ sum: 0, rows: 0 });
    expect(await countOf(t.deps.db, 'transactions', big.account)).toBe(40);
    // The one it stopped in is ours until `next`; the one leased elsewhere is untouched.
    expect(await connectionRow(t.deps.db, big.id)).toMatchObject({
      purge_lease_until: chunk.next,
      data_deleted_at: null,
    });
    expect(await countOf(t.deps.db, 'transactions', heldElsewhere.account)).toBe(30);
    expect(await connectionRow(t.deps.db, heldElsewhere.id)).toMatchObject({ purge_lease_until: later });

    // The next chunk carries on from its point, finishes it and finds nothing else free: done.
    const second = await t.deps.db.transaction().execute((trx) =>
      purgeChunk(trx, {
        ...chunk,
        lease: chunk.next,
        next: new Date(now.getTime() + 3000).toISOString(),
        connectionId: big.id,
        point: first.point,
        rows: 1000,
      }),
    );
    expect(second).toMatchObject({ step: 'done', finished: 1, transactions: 40 });
    expect(await countOf(t.deps.db, 'transactions', big.account)).toBe(0);
    expect(await countOf(t.deps.db, 'transaction_changes', big.account)).toBe(0);
    expect(await dayCounts(t.deps.db, big.account)).toEqual({ sum: 0, rows: 0 });
    expect(await countOf(t.deps.db, 'transactions', heldElsewhere.account)).toBe(30);

    // Once the other lease lapses, the job finishes that one too.
    t.clock.advance(PURGE_LEASE_MS + 1000);
    expect(await purgeRevokedConnections(t.deps)).toMatchObject({ connections: 1, transactions: 30 });
    expect(await accountsOf(t.deps.db, heldElsewhere.id)).toEqual([]);
  });

  it('an account with more day and month counts than a chunk may delete finishes them over several chunks', async () => {
    const c = await revokedConnection(60);
    const counts = await dayCounts(t.deps.db, c.account);
    expect(counts.rows).toBeGreaterThan(16); // frozen at revocation: more than two chunks of 8
    let now = t.clock.now();
    const lease = new Date(now.getTime() + 1000).toISOString();
    expect(
      (await claimPurge(t.deps.db, t.deps.dialect, { nowIso: now.toISOString(), untilIso: lease }))?.id,
    ).toBe(c.id);
    let chunk = { connectionId: c.id, lease, point: null as Parameters<typeof purgeChunk>[1]['point'] };
    const seen: Array<{ transactions: number; countRows: number }> = [];
    for (let i = 0; i < 50; i++) {
      now = new Date(now.getTime() + 1000);
      const next = new Date(now.getTime() + 1000).toISOString();
      const r = await t.deps.db
        .transaction()
        .execute((trx) =>
          purgeChunk(trx, { ...chunk, next, nowIso: now.toISOString(), rows: 8, dialect: t.deps.dialect }),
        );
      expect(r.transactions).toBeLessThanOrEqual(8);
      seen.push({ transactions: r.transactions, countRows: (await dayCounts(t.deps.db, c.account)).rows });
      if (r.step !== 'more') break;
      chunk = { connectionId: r.connectionId, lease: next, point: r.point };
    }
    // Seven full chunks of history (60 = 7 × 8 + 4), none touching the counts; then the counts 8 at
    // a time (the last history chunk starts them), then the account.
    expect(seen.slice(0, 7).map((x) => x.transactions)).toEqual([8, 8, 8, 8, 8, 8, 8]);
    expect(seen.slice(0, 7).every((x) => x.countRows === counts.rows)).toBe(true);
    expect(seen[7]?.transactions).toBe(4);
    expect(seen.length).toBeGreaterThanOrEqual(7 + Math.ceil(counts.rows / 8));
    expect(await dayCounts(t.deps.db, c.account)).toEqual({ sum: 0, rows: 0 });
    expect(await accountsOf(t.deps.db, c.id)).toEqual([]);
    expect(await connectionRow(t.deps.db, c.id)).toMatchObject({ data_deleted_at: now.toISOString() });
  });
});

describe('background revocation across processes and restarts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  // PostgreSQL only: two SQLite handles in one process would wait on each other synchronously (the
  // driver blocks the thread); there the lease is what keeps processes apart (next test).
  it.runIf(onPostgres())(
    'several processes share the deletion: each connection once, all deleted',
    async () => {
      await addHistory(t, 'acc_ers_001', 1_200);
      for (const id of ['conn_ers_001', 'conn_aik_001']) {
        const res = await t.app.inject({
          method: 'DELETE',
          url: `/connections/${id}`,
          headers: auth(MANI_KEY),
        });
        expect(res.statusCode).toBe(200);
      }
      const accounts = [
        ...(await accountsOf(t.deps.db, 'conn_ers_001')),
        ...(await accountsOf(t.deps.db, 'conn_aik_001')),
      ];
      const other = t.database.connect();
      try {
        const [a, b] = await Promise.all([
          purgeRevokedConnections(t.deps),
          purgeRevokedConnections({ ...t.deps, db: other.db }),
        ]);
        expect((a?.connections ?? 0) + (b?.connections ?? 0)).toBe(2);
      } finally {
        await other.close();
      }
      for (const account of accounts) {
        expect(await countOf(t.deps.db, 'transactions', account)).toBe(0);
        expect(await countOf(t.deps.db, 'transaction_changes', account)).toBe(0);
        expect(await dayCounts(t.deps.db, account)).toEqual({ sum: 0, rows: 0 });
      }
      expect(await accountsOf(t.deps.db, 'conn_ers_001')).toEqual([]);
      expect(await accountsOf(t.deps.db, 'conn_aik_001')).toEqual([]);
    },
  );

  it('a deletion cut short by a crash is resumed at the next start once its lease lapses', async () => {
    const account = 'acc_rai_001';
    await addHistory(t, account, 4_000);
    const before = {
      transactions: await countOf(t.deps.db, 'transactions', account),
      changes: await countOf(t.deps.db, 'transaction_changes', account),
    };
    await expectExactDayCounts(t.deps.db, account);
    const countsBefore = await dayCounts(t.deps.db, account);
    // The database fails the chunk holding change-log entry 2,500 (not the first: PostgreSQL's chunks
    // are 2,000 rows), as a crash in the middle would.
    const failAt = 2500;
    if (onPostgres()) {
      await sql`CREATE FUNCTION fail_purge() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`.execute(t.deps.db);
      await sql`CREATE TRIGGER fail_purge BEFORE DELETE ON transaction_changes FOR EACH ROW
        WHEN (OLD.account_id = ${sql.lit(account)} AND OLD.seq = ${sql.lit(failAt)})
        EXECUTE FUNCTION fail_purge()`.execute(t.deps.db);
    } else {
      await sql`CREATE TRIGGER fail_purge BEFORE DELETE ON transaction_changes
        WHEN OLD.account_id = ${sql.lit(account)} AND OLD.seq = ${sql.lit(failAt)}
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(t.deps.db);
    }
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/connections/conn_rai_001',
      headers: auth(MANI_KEY),
    });
    expect(res.statusCode).toBe(200);
    await expect(purgeRevokedConnections(t.deps)).rejects.toThrow(/injected failure/);
    await sql`DROP TRIGGER fail_purge${sql.raw(onPostgres() ? ' ON transaction_changes' : '')}`.execute(
      t.deps.db,
    );

    // The chunks before the failing one committed (as many changes as transactions each, oldest
    // change-log entries first), the failing one rolled back. The revoked account's day and month
    // counts are left as they were while its history goes (migration 0023); they go last.
    const deleted = before.transactions - (await countOf(t.deps.db, 'transactions', account));
    expect(deleted).toBeGreaterThan(0);
    expect(deleted).toBeLessThanOrEqual(failAt - 1);
    expect(before.changes - (await countOf(t.deps.db, 'transaction_changes', account))).toBe(deleted);
    const firstLeft = await t.deps.db
      .selectFrom('transaction_changes')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('account_id', '=', account)
      .executeTakeFirstOrThrow();
    expect(Number(firstLeft.seq)).toBe(deleted + 1);
    expect(await dayCounts(t.deps.db, account)).toEqual(countsBefore);
    const held = await connectionRow(t.deps.db, 'conn_rai_001');
    expect(held.data_deleted_at).toBeNull();
    expect(held.purge_lease_until).not.toBeNull();
    // While the lease holds, nobody else takes the connection over.
    expect(await purgeRevokedConnections(t.deps)).toEqual({ connections: 0, transactions: 0, changes: 0 });

    // Restart: a new server process (its own database handle, background jobs on) after the lease lapsed.
    await t.app.close();
    t.clock.advance(PURGE_LEASE_MS + 1);
    const handle = t.database.connect();
    const app = await buildApp({
      ...t.deps,
      db: handle.db,
      config: { ...t.deps.config, dispatcherEnabled: true },
    });
    try {
      await app.ready();
      expect(app.revocationPurger).not.toBeNull();
      await app.revocationPurger?.settled();
    } finally {
      await app.close();
      await handle.close();
    }
    expect(await accountsOf(t.deps.db, 'conn_rai_001')).toEqual([]);
    for (const id of [account, 'acc_rai_002']) {
      expect(await countOf(t.deps.db, 'transactions', id)).toBe(0);
      expect(await countOf(t.deps.db, 'transaction_changes', id)).toBe(0);
      expect(await dayCounts(t.deps.db, id)).toEqual({ sum: 0, rows: 0 });
    }
    expect((await connectionRow(t.deps.db, 'conn_rai_001')).data_deleted_at).toBe(
      t.clock.now().toISOString(),
    );
  });
});
