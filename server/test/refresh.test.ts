import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../src/clock.js';
import { sha256Hex } from '../src/ids.js';
import { refreshConnection } from '../src/transactions/refresh.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { listAll, SyncReplica, syncAll, syncPage } from './helpers/sync.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const DAY = 86_400_000;
const forceSync = (account: string, key = MANI_KEY) =>
  t.app.inject({ method: 'POST', url: `/accounts/${account}/sync`, headers: auth(key) });
const events = (type: string) =>
  t.deps.db
    .selectFrom('webhook_events')
    .selectAll()
    .where('event_type', '=', type)
    .orderBy('created_at')
    .execute();

/** Force-syncs (moving a day on between tries) until the account gained something. */
async function syncUntilAdded(account: string) {
  for (let i = 0; i < 8; i++) {
    const res = await forceSync(account);
    expect(res.statusCode, res.body).toBe(200);
    if (res.json().added_count > 0) return res.json();
    t.clock.advance(DAY);
  }
  throw new Error('no refresh added anything');
}

describe('POST /accounts/:id/sync', () => {
  it('adds plausible transactions dated today; they arrive in the next sync delta and in list mode', async () => {
    const { cursor } = await syncAll(t.app, 'acc_rai_001', '', 500);
    const before = await listAll(t.app, 'acc_rai_001');
    const body = await syncUntilAdded('acc_rai_001');
    expect(body).toMatchObject({
      object: 'sync',
      account_id: 'acc_rai_001',
      sync_status: 'HISTORICAL_UPDATE_COMPLETE',
    });
    expect(body.added_count).toBeGreaterThan(0);
    expect(body).toHaveProperty('modified_count');
    expect(body).toHaveProperty('removed_count');

    const { pages } = await syncAll(t.app, 'acc_rai_001', cursor);
    const added = pages.flatMap((p) => p.added);
    const removed = pages.flatMap((p) => p.removed);
    const today = dayOf(t.clock.now());
    const fresh = added.filter((x) => x.pending_transaction_id === null);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((x) => x.date === today)).toBe(true);

    const after = await listAll(t.app, 'acc_rai_001');
    const afterIds = new Set(after.map((x) => x.id));
    for (const x of added) expect(after.find((y) => y.id === x.id)).toEqual(x);
    for (const r of removed) expect(afterIds.has(r.id)).toBe(false);
    expect(after.length).toBe(before.length + added.length - removed.length);
    for (const x of fresh) {
      expect(x.description.length).toBeGreaterThan(0);
      expect(x.amount).not.toBe(0);
      expect(x.category).toMatch(
        /^(groceries|rent|dining|utilities|transport|entertainment|subscriptions|salary|transfer)$/,
      );
    }
  });

  it('posts pending transactions: the pending one in removed, a posted one with pending_transaction_id in added, no duplicate in list mode', async () => {
    const pendingBefore = (await listAll(t.app, 'acc_rai_001')).filter((x) => x.pending === 1);
    expect(pendingBefore.length).toBeGreaterThan(0);
    const { cursor } = await syncAll(t.app, 'acc_rai_001', '', 500);
    // Three days later every pending transaction of before has posted.
    t.clock.advance(3 * DAY);
    const res = await forceSync('acc_rai_001');
    expect(res.json().removed_count).toBeGreaterThanOrEqual(pendingBefore.length);

    const { pages } = await syncAll(t.app, 'acc_rai_001', cursor);
    const removedIds = new Set(pages.flatMap((p) => p.removed.map((r) => r.id)));
    const added = pages.flatMap((p) => p.added);
    const list = await listAll(t.app, 'acc_rai_001');
    for (const p of pendingBefore) {
      expect(removedIds.has(p.id)).toBe(true);
      const posted = added.filter((x) => x.pending_transaction_id === p.id);
      expect(posted).toHaveLength(1);
      expect(posted[0]).toMatchObject({
        pending: 0,
        amount: p.amount,
        description: p.description,
        date: p.date,
      });
      expect(list.filter((x) => x.id === p.id)).toHaveLength(0);
      expect(list.filter((x) => x.pending_transaction_id === p.id)).toHaveLength(1);
    }
  });

  it('enqueues TRANSACTIONS.SYNC_UPDATES_AVAILABLE for an account that changed, and none when nothing changed', async () => {
    const seen = (await events('TRANSACTIONS.SYNC_UPDATES_AVAILABLE')).length;
    t.clock.advance(DAY);
    const body = await syncUntilAdded('acc_ers_001');
    const after = await events('TRANSACTIONS.SYNC_UPDATES_AVAILABLE');
    expect(after.length).toBeGreaterThan(seen);
    const payload = JSON.parse(after.at(-1)!.payload);
    expect(payload).toMatchObject({
      webhook_type: 'TRANSACTIONS',
      webhook_code: 'SYNC_UPDATES_AVAILABLE',
      account_id: 'acc_ers_001',
      bank_id: 'erste',
    });
    expect(typeof payload.timestamp).toBe('number');
    expect(after.at(-1)!.developer_id).toBe('dev_mani_app');
    expect(body.added_count).toBeGreaterThan(0);

    // The EUR savings account gets no card spending: a refresh that changes nothing fires nothing for it.
    const pending = (await listAll(t.app, 'acc_rai_002')).filter((x) => x.pending === 1);
    expect(pending).toHaveLength(0);
    const quiet = await forceSync('acc_rai_002');
    expect(quiet.json()).toMatchObject({ added_count: 0, removed_count: 0, modified_count: 0 });
    const forSavings = (await events('TRANSACTIONS.SYNC_UPDATES_AVAILABLE')).filter(
      (e) => JSON.parse(e.payload).account_id === 'acc_rai_002',
    );
    expect(forSavings).toHaveLength(0);
  });

  it('answers as if the account did not exist for another key, and needs accounts:read', async () => {
    expect((await forceSync('acc_rai_001', DEMO_KEY)).json().error_code).toBe('ACCOUNT_NOT_FOUND');
    expect((await forceSync('acc_nope')).statusCode).toBe(404);
    const narrowKey = 'od_test_sk_onlyTransactions123';
    await t.deps.db
      .insertInto('api_keys')
      .values({
        id: 'key_narrow',
        developer_id: 'dev_mani_app',
        key_hash: sha256Hex(narrowKey),
        prefix: narrowKey.slice(0, 15),
        app_name: 'Narrow',
        environment: 'sandbox',
        scopes: JSON.stringify(['transactions:read']),
        status: 'active',
        created_at: t.clock.now().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const res = await forceSync('acc_rai_001', narrowKey);
    expect(res.statusCode).toBe(403);
    expect(res.json().error_code).toBe('INSUFFICIENT_PERMISSIONS');
    expect(
      (await t.app.inject({ method: 'POST', url: '/accounts/acc_rai_001/sync' })).json().error_code,
    ).toBe('MISSING_API_KEY');
  });
});

describe('one refresh per connection at a time', () => {
  it('a held lease makes another refresh wait its turn (or report busy), never run alongside', async () => {
    const until = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await t.deps.db
      .updateTable('connections')
      .set({ sync_locked_until: until })
      .where('id', '=', 'conn_aik_001')
      .execute();
    const before = await t.deps.db
      .selectFrom('connections')
      .select('refresh_count')
      .where('id', '=', 'conn_aik_001')
      .executeTakeFirstOrThrow();
    expect(await refreshConnection(t.deps, 'conn_aik_001')).toEqual({ status: 'busy' });
    // A waiting refresh runs as soon as the holder lets go.
    const waiting = refreshConnection(t.deps, 'conn_aik_001', { waitMs: 5_000 });
    await new Promise((r) => setTimeout(r, 150));
    await t.deps.db
      .updateTable('connections')
      .set({ sync_locked_until: null })
      .where('id', '=', 'conn_aik_001')
      .execute();
    expect((await waiting).status).toBe('refreshed');
    const after = await t.deps.db
      .selectFrom('connections')
      .select(['refresh_count', 'sync_locked_until'])
      .where('id', '=', 'conn_aik_001')
      .executeTakeFirstOrThrow();
    expect(Number(after.refresh_count)).toBe(Number(before.refresh_count) + 1);
    expect(after.sync_locked_until).toBeNull();
  });

  it('an expired lease (crashed process) does not block', async () => {
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    await t.deps.db
      .updateTable('connections')
      .set({ sync_locked_until: past })
      .where('id', '=', 'conn_aik_001')
      .execute();
    expect((await refreshConnection(t.deps, 'conn_aik_001')).status).toBe('refreshed');
  });

  it('concurrent force syncs of one connection each run once, in turn, without duplicating a transaction', async () => {
    const before = await t.deps.db
      .selectFrom('connections')
      .select('refresh_count')
      .where('id', '=', 'conn_rai_001')
      .executeTakeFirstOrThrow();
    const results = await Promise.all([
      forceSync('acc_rai_001'),
      forceSync('acc_rai_001'),
      forceSync('acc_rai_002'),
    ]);
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const after = await t.deps.db
      .selectFrom('connections')
      .select('refresh_count')
      .where('id', '=', 'conn_rai_001')
      .executeTakeFirstOrThrow();
    expect(Number(after.refresh_count)).toBe(Number(before.refresh_count) + 3);
    const rows = await t.deps.db
      .selectFrom('transactions')
      .select('bank_txn_id')
      .where('account_id', '=', 'acc_rai_001')
      .execute();
    expect(new Set(rows.map((r) => r.bank_txn_id)).size).toBe(rows.length);
    const seqs = await t.deps.db
      .selectFrom('transaction_changes')
      .select('seq')
      .where('account_id', '=', 'acc_rai_001')
      .orderBy('seq')
      .execute();
    const account = await t.deps.db
      .selectFrom('accounts')
      .select('change_seq')
      .where('id', '=', 'acc_rai_001')
      .executeTakeFirstOrThrow();
    // The change log has no holes and ends at the account's change_seq.
    expect(seqs.map((s) => Number(s.seq))).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(Number(account.change_seq)).toBe(seqs.length);
  });

  it('a revoked connection is not refreshed', async () => {
    await t.deps.db
      .updateTable('connections')
      .set({ status: 'revoked' })
      .where('id', '=', 'conn_aik_001')
      .execute();
    try {
      expect((await refreshConnection(t.deps, 'conn_aik_001')).status).toBe('gone');
      expect((await forceSync('acc_aik_001')).json().error_code).toBe('ACCOUNT_NOT_FOUND');
    } finally {
      await t.deps.db
        .updateTable('connections')
        .set({ status: 'active' })
        .where('id', '=', 'conn_aik_001')
        .execute();
    }
  });
});

describe('sync while refreshes run', () => {
  it('a client paging through during concurrent refreshes never skips or repeats a change', async () => {
    const replica = new SyncReplica();
    let cursor = '';
    let refreshing = true;
    const refresher = (async () => {
      for (let i = 0; i < 6; i++) {
        t.clock.advance(DAY);
        const res = await forceSync(i % 2 === 0 ? 'acc_rai_001' : 'acc_rai_002');
        expect(res.statusCode).toBe(200);
      }
      refreshing = false;
    })();
    // Small pages so the refreshes land between them.
    let callsDuring = 0;
    for (; refreshing || callsDuring === 0; callsDuring++) {
      const page = await syncPage(t.app, 'acc_rai_001', cursor, 25);
      replica.apply(page);
      cursor = page.next_cursor;
    }
    await refresher;
    expect(callsDuring).toBeGreaterThan(3);
    for (;;) {
      const page = await syncPage(t.app, 'acc_rai_001', cursor, 25);
      replica.apply(page);
      cursor = page.next_cursor;
      if (!page.has_more) break;
    }
    const truth = await listAll(t.app, 'acc_rai_001');
    expect(replica.rows.size).toBe(truth.length);
    for (const row of truth) expect(replica.rows.get(row.id)).toEqual(row);
  });
});

describe('a sync after days without one', () => {
  it('adds what fell due meanwhile — salary, rent, bills — once each, dated on their own days', async () => {
    const account = 'acc_rai_001';
    expect((await forceSync(account)).statusCode).toBe(200); // the last pull is today
    const lastPull = dayOf(t.clock.now());
    const beforeIds = new Set((await listAll(t.app, account)).map((x) => x.id));

    t.clock.advance(40 * DAY);
    const today = dayOf(t.clock.now());
    expect((await forceSync(account)).statusCode).toBe(200);
    const after = await listAll(t.app, account);
    // New rows, except pending payments that posted (those keep the day they were made).
    const fresh = after.filter((x) => !beforeIds.has(x.id) && x.pending_transaction_id === null);
    expect(fresh.every((x) => x.date > lastPull && x.date <= today)).toBe(true);
    const salaries = fresh.filter((x) => x.category === 'salary');
    expect(salaries.length).toBeGreaterThanOrEqual(1);
    expect(salaries.every((x) => x.description.startsWith('Plata - ') && x.amount > 0)).toBe(true);
    expect(fresh.some((x) => x.category === 'rent')).toBe(true);
    expect(fresh.some((x) => x.category === 'utilities')).toBe(true);

    // Pulling again the same day adds none of them a second time.
    expect((await forceSync(account)).statusCode).toBe(200);
    const again = await listAll(t.app, account);
    const scheduledKeys = (rows: typeof after) =>
      rows
        .filter((x) => ['salary', 'rent', 'utilities'].includes(x.category))
        .map((x) => `${x.date} ${x.amount} ${x.description}`);
    expect(scheduledKeys(again)).toEqual(scheduledKeys(after));
    expect(new Set(scheduledKeys(again)).size).toBe(scheduledKeys(again).length);
  });
});
