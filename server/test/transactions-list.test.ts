import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_NAMES } from '../src/transactions/category-names.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: auth(MANI_KEY) });
type Txn = {
  id: string;
  date: string;
  amount: number;
  category: string;
  description: string;
  type: string;
  pending: number;
  currency: string;
};

describe('GET /accounts/:id/transactions (list mode)', () => {
  it('returns 50 newest-first transactions by default with total and has_more', async () => {
    const res = await get('/accounts/acc_rai_001/transactions');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.transactions).toHaveLength(50);
    expect(body.has_more).toBe(true);
    expect(body.total).toBeGreaterThan(300);
    const dates = body.transactions.map((x: Txn) => x.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe('2026-04-04');
    for (const x of body.transactions as Txn[]) {
      expect(x.type).toBe(x.amount < 0 ? 'debit' : 'credit');
      expect(x.currency).toBe('RSD');
      expect(String(x.amount)).toMatch(/^-?\d+(\.\d{1,2})?$/);
      expect(CATEGORY_NAMES).toContain(x.category);
      expect([0, 1]).toContain(x.pending);
    }
  });

  it('covers at least 12 months of realistic history', async () => {
    const all: Txn[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await get(`/accounts/acc_rai_001/transactions?limit=200&offset=${offset}`)).json();
      all.push(...page.transactions);
      if (!page.has_more) break;
    }
    expect(all.length).toBe((await get('/accounts/acc_rai_001/transactions')).json().total);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    expect(all.at(-1)!.date <= '2025-04-04').toBe(true);
    const text = all.map((x) => x.description).join('\n');
    expect(text).toMatch(/Plata - [a-z]+ 2026/);
    expect(all.filter((x) => /netflix/i.test(x.description)).every((x) => x.amount === -790)).toBe(true);
    expect(all.filter((x) => /netflix/i.test(x.description)).length).toBeGreaterThanOrEqual(12);
    for (const merchant of [/maxi/i, /wolt|glovo/i, /eps/i, /infostan/i]) expect(text).toMatch(merchant);
    expect(all.some((x) => x.pending === 1)).toBe(true);
    expect(new Set(all.map((x) => x.category)).size).toBeGreaterThanOrEqual(6);
  });

  it('filters by inclusive date range and category', async () => {
    const march = (
      await get('/accounts/acc_rai_001/transactions?from=2026-03-01&to=2026-03-31&limit=200')
    ).json();
    expect(march.total).toBeGreaterThan(10);
    expect(march.transactions.every((x: Txn) => x.date >= '2026-03-01' && x.date <= '2026-03-31')).toBe(true);
    const oneDay = (await get('/accounts/acc_rai_001/transactions?from=2026-04-04&to=2026-04-04')).json();
    expect(oneDay.transactions.every((x: Txn) => x.date === '2026-04-04')).toBe(true);
    const salary = (await get('/accounts/acc_rai_001/transactions?category=salary&limit=200')).json();
    expect(salary.total).toBeGreaterThanOrEqual(12);
    expect(salary.transactions.every((x: Txn) => x.category === 'salary' && x.amount > 0)).toBe(true);
  });

  it('pages with limit and offset without overlap', async () => {
    const a = (await get('/accounts/acc_ers_001/transactions?limit=10&offset=0')).json();
    const b = (await get('/accounts/acc_ers_001/transactions?limit=10&offset=10')).json();
    const ids = [...a.transactions, ...b.transactions].map((x: Txn) => x.id);
    expect(new Set(ids).size).toBe(20);
    const both = (await get('/accounts/acc_ers_001/transactions?limit=20')).json();
    expect(both.transactions.map((x: Txn) => x.id)).toEqual(ids);
  });

  it('reports EUR amounts for the savings account', async () => {
    const body = (await get('/accounts/acc_rai_002/transactions')).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.transactions.every((x: Txn) => x.currency === 'EUR')).toBe(true);
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['from=2026-13-01', 'from'],
    ['to=yesterday', 'to'],
    ['from=2026-04-01&to=2026-03-01', 'from'],
    ['category=shopping', 'category'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-5', 'offset'],
  ])('refuses %s with INVALID_FIELD', async (qs, field) => {
    const res = await get(`/accounts/acc_rai_001/transactions?${qs}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error_code).toBe('INVALID_FIELD');
    expect(res.json().error_message).toContain(field);
  });
});
