// merchant_name, counterparty and category_confidence on every transaction: list mode, sync mode
// and the transactions of a POST /sandbox/connections connection (both databases: the suite runs
// on SQLite and, with TEST_DATABASE_URL, on PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { syncPage } from './helpers/sync.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Enriched = {
  description: string;
  amount: number;
  category: string;
  merchant_name: string | null;
  counterparty: { name: string; account_number?: string } | null;
  category_confidence: string;
};

const get = (url: string, key = MANI_KEY) => t.app.inject({ method: 'GET', url, headers: auth(key) });

function expectShape(x: Enriched): void {
  expect(x).toHaveProperty('merchant_name');
  expect(x).toHaveProperty('counterparty');
  expect(x.merchant_name === null || (typeof x.merchant_name === 'string' && x.merchant_name !== '')).toBe(
    true,
  );
  if (x.counterparty !== null) {
    expect(typeof x.counterparty.name).toBe('string');
    expect(Object.keys(x.counterparty).every((k) => k === 'name' || k === 'account_number')).toBe(true);
  }
  expect(['high', 'medium', 'low']).toContain(x.category_confidence);
}

describe('enrichment fields', () => {
  it('list mode: every transaction has them; seeded merchants get clean names', async () => {
    const res = await get('/accounts/acc_rai_001/transactions?limit=200');
    expect(res.statusCode).toBe(200);
    const txs = res.json().transactions as Enriched[];
    for (const x of txs) expectShape(x);
    const netflix = txs.find((x) => /netflix/i.test(x.description));
    expect(netflix?.merchant_name).toBe('Netflix');
    expect(netflix?.category_confidence).toBe('high');
    expect(txs.some((x) => x.merchant_name !== null)).toBe(true);
  });

  it('sync mode: added transactions have them too', async () => {
    const page = await syncPage(t.app, 'acc_rai_001', '', 200);
    expect(page.added.length).toBeGreaterThan(0);
    for (const x of page.added as unknown as Enriched[]) expectShape(x);
  });

  it('POST /sandbox/connections: wrapped card payments, transfers and bills come out clean', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(DEMO_KEY),
      payload: {
        bank_id: 'erste',
        user_id: 'enrich_1',
        accounts: [
          {
            name: 'Tekući',
            type: 'current',
            currency: 'RSD',
            transactions: [
              {
                date: '2026-03-01',
                amount: -699,
                description: 'Kupovina karticom GOOGLE *YouTube 19.10.2026 DUBLIN IE',
              },
              {
                date: '2026-03-02',
                amount: -2345.6,
                description: 'PLAĆANJE KARTICOM 4912 LIDL SRBIJA KD 1043 NIŠ',
              },
              {
                date: '2026-03-03',
                amount: -5000,
                description: 'Prenos na račun Marko Petrović 160-0000012345678-90',
              },
              { date: '2026-03-04', amount: -5000, description: 'Bankomat isplata ATM 5165' },
              { date: '2026-03-05', amount: 95000, description: 'Plata - mart 2026' },
              {
                date: '2026-03-06',
                amount: -790,
                description: 'Shopping by card NETFLIX.COM 866-579-7172 AMSTERDAM NL',
                category: 'entertainment',
              },
            ],
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const acc = res.json().accounts[0].id as string;
    const list = (await get(`/accounts/${acc}/transactions`, DEMO_KEY)).json().transactions as Enriched[];
    const sync = (await syncPage(t.app, acc, '', 100, DEMO_KEY)).added as unknown as Enriched[];
    for (const txs of [list, sync]) {
      const by = (re: RegExp) => txs.find((x) => re.test(x.description))!;
      for (const x of txs) expectShape(x);
      expect(by(/YouTube/)).toMatchObject({
        merchant_name: 'YouTube',
        counterparty: null,
        category: 'subscriptions',
      });
      expect(by(/LIDL/)).toMatchObject({ merchant_name: 'Lidl', counterparty: null, category: 'groceries' });
      expect(by(/Petrović/)).toMatchObject({
        merchant_name: null,
        counterparty: { name: 'Marko Petrović', account_number: '160-0000012345678-90' },
        category: 'transfer',
      });
      expect(by(/Bankomat/)).toMatchObject({
        merchant_name: null,
        counterparty: null,
        category_confidence: 'high',
      });
      expect(by(/Plata/)).toMatchObject({
        counterparty: null,
        category: 'salary',
        category_confidence: 'high',
      });
      // The developer's own category stands; the categoriser would have said otherwise.
      expect(by(/NETFLIX/)).toMatchObject({
        merchant_name: 'Netflix',
        category: 'entertainment',
        category_confidence: 'medium',
      });
    }
  });
});
