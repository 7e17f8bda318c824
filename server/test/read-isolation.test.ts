// Hot reads (key lookup, account scoping, the transactions page) must neither wait for a write
// transaction in progress nor see its uncommitted rows — on SQLite they run on a second, read-only
// connection (db/sqlite-reader.ts), on PostgreSQL on another pooled connection.

import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../src/db/index.js';
import { insertTransactions } from '../src/transactions/store.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  // The PostgreSQL read pool is off by default (it cost reads' p99 on a 2-core box); on here, for
  // the second describe.
  const prev = process.env.OPENDINAR_PG_READ_POOL;
  process.env.OPENDINAR_PG_READ_POOL = '4';
  try {
    t = await createTestApp();
  } finally {
    if (prev === undefined) delete process.env.OPENDINAR_PG_READ_POOL;
    else process.env.OPENDINAR_PG_READ_POOL = prev;
  }
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

// PostgreSQL: the hot reads have a pool of their own (db/index.ts readPoolOf), so they answer while
// every connection of the main pool is held — by the connection flows' transactions, a revoked
// connection's deletion, a slow write — instead of queueing behind them.
describe.skipIf(!onPostgres())(
  'PostgreSQL reads while the main pool is busy (OPENDINAR_PG_READ_POOL=4)',
  () => {
    it('transaction pages and the balance answer with every main-pool connection held', async () => {
      const reads = () =>
        Promise.all(
          [
            '/accounts/acc_rai_001/transactions?limit=5&offset=3',
            '/accounts/acc_rai_001/balance',
            '/accounts/acc_rai_001/transactions?limit=20',
          ].map((url) => t.app.inject({ method: 'GET', url, headers: auth(MANI_KEY) })),
        );
      // A few rounds first: the rate limiter's budget leases (ratelimit/lease.ts; the test clock stands
      // still, so they do not lapse) then cover the reads below without a claim on the main pool.
      const before: number[] = [];
      for (let i = 0; i < 5; i++) before.push(...(await reads()).map((r) => r.statusCode));
      const pool = poolOf(t.deps.db) as pg.Pool;
      const max = (pool as unknown as { options: { max: number } }).options.max;
      const held = await Promise.all(Array.from({ length: max }, () => pool.connect()));
      let statuses: number[] | undefined;
      try {
        expect(pool.idleCount).toBe(0);
        // Before the read pool, these waited for a main-pool connection: until one was released.
        const res = await Promise.race([
          reads(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('reads queued behind the main pool')), 3000),
          ),
        ]);
        statuses = res.map((r) => r.statusCode);
      } finally {
        for (const c of held) c.release();
      }
      expect(new Set(before)).toEqual(new Set([200]));
      expect(statuses).toEqual([200, 200, 200]);
    });
  },
);
