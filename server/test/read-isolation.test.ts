// Hot reads (key lookup, account scoping, the transactions page) must neither wait for a write
// transaction in progress nor see its uncommitted rows — on SQLite they run on a second, read-only
// connection (db/sqlite-reader.ts), on PostgreSQL on another pooled connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTransactions } from '../src/transactions/store.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const list = () =>
  t.app.inject({
    method: 'GET',
    url: '/accounts/acc_rai_001/transactions?limit=1',
    headers: auth(MANI_KEY),
  });

describe('reads while a write transaction is open', () => {
  it('answer at once with the last committed data, and see the write once it commits', async () => {
    const before = (await list()).json() as { total: number; transactions: Array<{ id: string }> };
    const account = await t.deps.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', 'acc_rai_001')
      .executeTakeFirstOrThrow();
    const nowIso = t.clock.now().toISOString();
    let during: { status: number; total: number } | undefined;
    await t.deps.db.transaction().execute(async (trx) => {
      await insertTransactions(
        trx,
        account,
        [
          {
            bankTxnId: 'ISOLATION-1',
            date: nowIso.slice(0, 10),
            amount: -100_00,
            description: 'UNCOMMITTED PAYMENT',
            category: 'dining',
            pending: false,
          },
        ],
        nowIso,
      );
      // Before the reader existed this request waited for the transaction, which waited for it.
      const res = await Promise.race([
        list(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('read blocked by writer')), 3000),
        ),
      ]);
      during = { status: res.statusCode, total: (res.json() as { total: number }).total };
    });
    expect(during).toEqual({ status: 200, total: before.total });
    const after = (await list()).json() as { total: number; transactions: Array<{ description: string }> };
    expect(after.total).toBe(before.total + 1);
  });
});
