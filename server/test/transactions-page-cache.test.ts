// List-mode pages are cached by the account's change sequence (transactions/page-cache.ts). These
// tests make a page hot, change the data by every write path, and check the next answer shows it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { enrich } from '../src/enrich/enrich.js';
import { updateTransaction } from '../src/transactions/store.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { expectError } from './helpers/contract.js';

const DAY = 86_400_000;
const PAGE = '/accounts/acc_rai_001/transactions?limit=5';

let t: TestApp;
let other: FastifyInstance;
let closeOther: () => Promise<void>;
beforeAll(async () => {
  t = await createTestApp();
  // A second instance over the same database, as a second server process would be, with its own cache.
  const handle = t.database.connect();
  other = await buildApp({ ...t.deps, db: handle.db });
  await other.ready();
  closeOther = async () => {
    await other.close();
    await handle.close();
  };
});
afterAll(async () => {
  await closeOther();
  await t.close();
});

const get = async (url: string, app: FastifyInstance = t.app, key = MANI_KEY) => {
  const res = await app.inject({ method: 'GET', url, headers: auth(key) });
  return res;
};
const page = async (url = PAGE, app: FastifyInstance = t.app) => {
  const res = await get(url, app);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json() as { transactions: Array<Record<string, unknown>>; total: number; has_more: boolean };
};

/** Force-syncs through `app`, a day later each time, until the bank gave the account something new. */
async function addThroughSync(app: FastifyInstance) {
  for (let i = 0; i < 8; i++) {
    t.clock.advance(DAY);
    const res = await app.inject({
      method: 'POST',
      url: '/accounts/acc_rai_001/sync',
      headers: auth(MANI_KEY),
    });
    expect(res.statusCode, res.body).toBe(200);
    if (res.json().added_count > 0) return;
  }
  throw new Error('no refresh added anything');
}

describe('transactions list cache', () => {
  it('answers a repeated page byte for byte, and each filter and page separately', async () => {
    const a = await get(PAGE);
    const b = await get(PAGE);
    expect(b.body).toBe(a.body);
    const second = await page('/accounts/acc_rai_001/transactions?limit=5&offset=5');
    expect(second.transactions[0]!.id).not.toBe(a.json().transactions[0].id);
    const groceries = await page('/accounts/acc_rai_001/transactions?limit=5&category=groceries');
    expect(groceries.transactions.every((x) => x.category === 'groceries')).toBe(true);
    expect(groceries.total).toBeLessThan(a.json().total);
  });

  it('shows new transactions on the next request after a sync on this instance', async () => {
    const before = await page();
    await addThroughSync(t.app);
    const after = await page();
    expect(after.total).toBeGreaterThan(before.total);
    expect(String(after.transactions[0]!.date) > String(before.transactions[0]!.date)).toBe(true);
  });

  it('shows a change made through another instance (another process) on the next request', async () => {
    const before = await page(); // hot on this instance
    await addThroughSync(other);
    const after = await page();
    expect(after.total).toBeGreaterThan(before.total);
    expect(await page(PAGE, other)).toEqual(after);
  });

  it('shows a modified transaction (a bank correction) on the next request', async () => {
    const before = await page();
    const target = before.transactions[0]!;
    const changed = await t.deps.db
      .transaction()
      .execute((trx) =>
        updateTransaction(
          trx,
          'acc_rai_001',
          target.id as string,
          { description: 'CORRECTED BY BANK' },
          t.clock.now().toISOString(),
        ),
      );
    expect(changed).toBe(true);
    const after = await page();
    expect(after.transactions[0]).toEqual({
      ...target,
      description: 'CORRECTED BY BANK',
      // The enrichment follows the corrected text.
      ...enrich('CORRECTED BY BANK', Math.round((target.amount as number) * 100), target.category as string),
    });
    expect(after.total).toBe(before.total);
  });

  it('never serves a cached page to a key that does not own the account', async () => {
    await page(); // hot for the Mani App key
    expectError(await get(PAGE, t.app, DEMO_KEY), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
  });

  it('answers ACCOUNT_NOT_FOUND once the connection is deleted, on every instance', async () => {
    await page();
    await page(PAGE, other);
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/connections/conn_rai_001',
      headers: auth(MANI_KEY),
    });
    expect(del.statusCode, del.body).toBe(200);
    expectError(await get(PAGE), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
    expectError(await get(PAGE, other), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
  });
});

describe('transactions list with the cache off (OPENDINAR_PAGE_CACHE_MB=0)', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp({ env: { OPENDINAR_PAGE_CACHE_MB: '0' } });
  });
  afterAll(async () => u.close());

  it('answers the same page as with it on', async () => {
    expect(u.deps.config.pageCacheMb).toBe(0);
    const res = await u.app.inject({ method: 'GET', url: PAGE, headers: auth(MANI_KEY) });
    expect(res.statusCode).toBe(200);
    const fresh = await createTestApp();
    try {
      const cached = await fresh.app.inject({ method: 'GET', url: PAGE, headers: auth(MANI_KEY) });
      expect(res.body).toBe(cached.body);
    } finally {
      await fresh.close();
    }
  });
});
