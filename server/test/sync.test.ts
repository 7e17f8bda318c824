import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { enrich } from '../src/enrich/enrich.js';
import { encodeCursor } from '../src/transactions/cursor.js';
import { updateTransaction } from '../src/transactions/store.js';
import { syncTransactions } from '../src/transactions/sync.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { listAll, type SyncBody, syncAll, syncPage, type Txn } from './helpers/sync.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const byId = (a: Txn, b: Txn) => (a.id < b.id ? -1 : 1);
const get = (url: string, key = MANI_KEY) => t.app.inject({ method: 'GET', url, headers: auth(key) });
const errorCode = async (url: string, key = MANI_KEY) => {
  const res = await get(url, key);
  return { status: res.statusCode, code: res.json().error_code as string };
};

describe('cursor sync: the first (historical) sync', () => {
  it('delivers exactly the list-mode history, 100 per page by default, then HISTORICAL_UPDATE_COMPLETE', async () => {
    const { pages } = await syncAll(t.app, 'acc_rai_001', '');
    const list = await listAll(t.app, 'acc_rai_001');
    expect(list.length).toBeGreaterThan(300);
    expect(pages.length).toBe(Math.ceil(list.length / 100));
    for (const p of pages.slice(0, -1)) {
      expect(p.added).toHaveLength(100);
      expect(p.has_more).toBe(true);
      expect(p.sync_status).toBe('HISTORICAL_UPDATE_IN_PROGRESS');
    }
    const last = pages.at(-1) as SyncBody;
    expect(last.has_more).toBe(false);
    expect(last.sync_status).toBe('HISTORICAL_UPDATE_COMPLETE');
    const added = pages.flatMap((p) => p.added);
    expect(pages.flatMap((p) => [...p.modified, ...p.removed])).toEqual([]);
    // Same ids and every field identical.
    expect([...added].sort(byId)).toEqual([...list].sort(byId));
  });

  it('pages by limit (max 500) and rejects limits outside 1–500', async () => {
    const { pages } = await syncAll(t.app, 'acc_ers_001', '', 37);
    const list = await listAll(t.app, 'acc_ers_001');
    expect(pages.every((p) => p.added.length <= 37)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.added.length === 37)).toBe(true);
    const ids = pages.flatMap((p) => p.added.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(list.map((x) => x.id).sort());

    const big = await syncPage(t.app, 'acc_ers_001', '', 500);
    expect(big.added).toHaveLength(Math.min(500, list.length));
    expect(await errorCode('/accounts/acc_ers_001/transactions?cursor=&limit=501')).toEqual({
      status: 400,
      code: 'INVALID_FIELD',
    });
    expect(await errorCode('/accounts/acc_ers_001/transactions?cursor=&limit=0')).toEqual({
      status: 400,
      code: 'INVALID_FIELD',
    });
  });

  it('a later call with next_cursor returns nothing when nothing changed, and its cursor stays usable', async () => {
    const { cursor } = await syncAll(t.app, 'acc_aik_001', '', 500);
    const again = await syncPage(t.app, 'acc_aik_001', cursor);
    expect(again).toMatchObject({
      added: [],
      modified: [],
      removed: [],
      has_more: false,
      sync_status: 'HISTORICAL_UPDATE_COMPLETE',
    });
    const third = await syncPage(t.app, 'acc_aik_001', again.next_cursor);
    expect(third.added).toEqual([]);
    // Using an older cursor again replays from its position (cursors are positions, not one-shot tokens).
    expect((await syncPage(t.app, 'acc_aik_001', cursor)).added).toEqual([]);
  });
});

describe('cursor sync: changes after the cursor', () => {
  it('a changed description or amount arrives in modified, once, with the new data', async () => {
    const { cursor } = await syncAll(t.app, 'acc_rai_002', '', 500);
    const target = (await listAll(t.app, 'acc_rai_002'))[3] as Txn;
    await t.deps.db.transaction().execute(async (trx) => {
      expect(
        await updateTransaction(
          trx,
          'acc_rai_002',
          target.id,
          { description: 'Ispravljen opis' },
          t.clock.now().toISOString(),
        ),
      ).toBe(true);
      expect(
        await updateTransaction(
          trx,
          'acc_rai_002',
          target.id,
          { amount: -12345 },
          t.clock.now().toISOString(),
        ),
      ).toBe(true);
    });
    const delta = await syncPage(t.app, 'acc_rai_002', cursor);
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([]);
    expect(delta.modified).toEqual([
      {
        ...target,
        description: 'Ispravljen opis',
        amount: -123.45,
        type: 'debit',
        // The enrichment follows the corrected text.
        ...enrich('Ispravljen opis', -12345, target.category),
      },
    ]);
    const after = await syncPage(t.app, 'acc_rai_002', delta.next_cursor);
    expect(after.modified).toEqual([]);
    // Unknown transaction: nothing logged.
    await t.deps.db.transaction().execute(async (trx) => {
      expect(
        await updateTransaction(
          trx,
          'acc_rai_002',
          'txn_nope',
          { description: 'x' },
          t.clock.now().toISOString(),
        ),
      ).toBe(false);
    });
    expect((await syncPage(t.app, 'acc_rai_002', delta.next_cursor)).modified).toEqual([]);
  });
});

describe('cursor validation', () => {
  let cursor: string;
  beforeAll(async () => {
    cursor = (await syncPage(t.app, 'acc_rai_001', '', 5)).next_cursor;
  });

  it('is opaque base64url, not a transaction id', () => {
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toMatch(/^txn_/);
  });

  it('rejects a tampered cursor', async () => {
    const raw = Buffer.from(cursor, 'base64url').toString('utf8');
    const forged = Buffer.from(
      raw.replace(/\|(\d+)\|h\|/, (_m, n) => `|${Number(n) + 50}|h|`),
      'utf8',
    ).toString('base64url');
    expect(forged).not.toBe(cursor);
    expect(await errorCode(`/accounts/acc_rai_001/transactions?cursor=${forged}`)).toEqual({
      status: 400,
      code: 'INVALID_CURSOR',
    });
    const flipped = cursor.slice(0, -2) + (cursor.endsWith('A') ? 'B' : 'A') + cursor.slice(-1);
    expect((await errorCode(`/accounts/acc_rai_001/transactions?cursor=${flipped}`)).code).toBe(
      'INVALID_CURSOR',
    );
  });

  it("rejects another account's cursor, even of the same key", async () => {
    const other = (await syncPage(t.app, 'acc_rai_002', '', 5)).next_cursor;
    expect(await errorCode(`/accounts/acc_rai_001/transactions?cursor=${other}`)).toEqual({
      status: 400,
      code: 'INVALID_CURSOR',
    });
  });

  it('rejects garbage and the docs-style txn id', async () => {
    for (const bad of ['txn_rai_014', 'garbage', '%01%02', 'a'.repeat(300), '....']) {
      expect((await errorCode(`/accounts/acc_rai_001/transactions?cursor=${bad}`)).code).toBe(
        'INVALID_CURSOR',
      );
    }
    expect((await errorCode(`/accounts/acc_rai_001/transactions?cursor=${'a'.repeat(600)}`)).code).toBe(
      'INVALID_FIELD',
    );
    // NUL is refused at the edge for every parameter (PostgreSQL cannot hold it).
    expect((await errorCode('/accounts/acc_rai_001/transactions?cursor=%00%01')).code).toBe('INVALID_FIELD');
  });

  it('rejects an authentic-looking cursor for a position the account never reached', async () => {
    const account = await t.deps.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', 'acc_rai_001')
      .executeTakeFirstOrThrow();
    const beyond = encodeCursor(t.deps.box, {
      accountId: account.id,
      accountCreatedAt: account.created_at,
      seq: Number(account.change_seq) + 1,
      phase: 'c',
    });
    expect((await errorCode(`/accounts/acc_rai_001/transactions?cursor=${beyond}`)).code).toBe(
      'INVALID_CURSOR',
    );
    const atEnd = encodeCursor(t.deps.box, {
      accountId: account.id,
      accountCreatedAt: account.created_at,
      seq: Number(account.change_seq),
      phase: 'c',
    });
    expect((await get(`/accounts/acc_rai_001/transactions?cursor=${atEnd}`)).statusCode).toBe(200);
    const earlierAccount = encodeCursor(t.deps.box, {
      accountId: account.id,
      accountCreatedAt: '2020-01-01T00:00:00.000Z',
      seq: 1,
      phase: 'c',
    });
    expect((await errorCode(`/accounts/acc_rai_001/transactions?cursor=${earlierAccount}`)).code).toBe(
      'INVALID_CURSOR',
    );
  });

  it('another key cannot sync the account at all (as if it did not exist)', async () => {
    expect(await errorCode(`/accounts/acc_rai_001/transactions?cursor=${cursor}`, DEMO_KEY)).toEqual({
      status: 404,
      code: 'ACCOUNT_NOT_FOUND',
    });
    expect((await errorCode('/accounts/acc_rai_001/transactions?cursor=', DEMO_KEY)).code).toBe(
      'ACCOUNT_NOT_FOUND',
    );
  });

  it('a cursor keeps working after the server is rebuilt on the same database (restart)', async () => {
    // A second handle on the same database, as a restarted (or second) process would have.
    const handle = t.database.connect();
    const restarted = await buildApp({ ...t.deps, db: handle.db });
    await restarted.ready();
    try {
      const res = await restarted.inject({
        method: 'GET',
        url: `/accounts/acc_rai_001/transactions?cursor=${cursor}&limit=5`,
        headers: auth(MANI_KEY),
      });
      expect(res.statusCode).toBe(200);
      const page = res.json() as SyncBody;
      const expected = await syncPage(t.app, 'acc_rai_001', cursor, 5);
      expect(page.added.map((x) => x.id)).toEqual(expected.added.map((x) => x.id));
      expect(page.added).toHaveLength(5);
    } finally {
      await restarted.close();
      await handle.close();
    }
  });
});

describe('a cursor ahead of a cached account row', () => {
  it('is checked against the database before being refused (the key cache may trail a commit by milliseconds)', async () => {
    const readAccount = () =>
      t.deps.db.selectFrom('accounts').selectAll().where('id', '=', 'acc_rai_002').executeTakeFirstOrThrow();
    const { cursor } = await syncAll(t.app, 'acc_rai_002', '', 500);
    const stale = await readAccount();
    // A change commits; the next page's cursor is beyond the stale row's change_seq.
    const target = (await listAll(t.app, 'acc_rai_002'))[5] as Txn;
    await t.deps.db.transaction().execute(async (trx) => {
      const at = t.clock.now().toISOString();
      expect(await updateTransaction(trx, 'acc_rai_002', target.id, { description: 'Novi opis' }, at)).toBe(
        true,
      );
    });
    const fresh = await readAccount();
    expect(Number(fresh.change_seq)).toBeGreaterThan(Number(stale.change_seq));
    const next = await syncPage(t.app, 'acc_rai_002', cursor, 1);
    const deps = { db: t.deps.db, box: t.deps.box };
    // Served as if by a process whose cached row predates the refresh: the cursor is still valid.
    const page = await syncTransactions(deps, stale, { cursor: next.next_cursor, limit: 100 });
    expect(page).toEqual(await syncPage(t.app, 'acc_rai_002', next.next_cursor, 100));
    // A position the log never reached is still refused, stale row or not.
    const beyond = encodeCursor(t.deps.box, {
      accountId: stale.id,
      accountCreatedAt: stale.created_at,
      seq: Number(fresh.change_seq) + 1,
      phase: 'c',
    });
    await expect(syncTransactions(deps, stale, { cursor: beyond, limit: 100 })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });
});

describe('sync mode parameters', () => {
  it('refuses list-mode filters alongside a cursor instead of silently ignoring them', async () => {
    const t = await createTestApp();
    try {
      for (const qs of ['from=2026-01-01', 'to=2026-01-01', 'category=groceries', 'offset=10']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/accounts/acc_rai_001/transactions?cursor=&${qs}`,
          headers: { authorization: `Bearer ${MANI_KEY}` },
        });
        expect(res.statusCode, qs).toBe(400);
        expect(res.json().error_code).toBe('INVALID_FIELD');
        expect(res.json().error_message).toContain(qs.split('=')[0]);
      }
    } finally {
      await t.close();
    }
  });
});
