import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, key = MANI_KEY) => t.app.inject({ method: 'GET', url, headers: auth(key) });

describe('GET /accounts', () => {
  it('lists the four documented sandbox accounts for the Mani App key', async () => {
    const res = await get('/accounts');
    expect(res.statusCode).toBe(200);
    const accounts = res.json().accounts as Array<Record<string, string>>;
    const summary = accounts.map((a) => [a.id, a.bank_id, a.currency, a.type]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['acc_rai_001', 'raiffeisen', 'RSD', 'current'],
        ['acc_rai_002', 'raiffeisen', 'EUR', 'savings'],
        ['acc_ers_001', 'erste', 'RSD', 'current'],
        ['acc_aik_001', 'aik', 'RSD', 'current'],
      ]),
    );
    expect(accounts).toHaveLength(4);
    for (const a of accounts) {
      expect(a.object).toBe('account');
      expect(a.connection_id).toMatch(/^conn_/);
      expect(a.account_number).toMatch(/^\d{3}-\d{13}-\d{2}$/);
    }
  });

  it('filters by bank_id', async () => {
    const res = await get('/accounts?bank_id=raiffeisen');
    expect(
      res
        .json()
        .accounts.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual(['acc_rai_001', 'acc_rai_002']);
    expect((await get('/accounts?bank_id=otp')).json().accounts).toEqual([]);
  });

  it('shows another key none of them (isolation)', async () => {
    expect((await get('/accounts', DEMO_KEY)).json()).toEqual({ accounts: [] });
    for (const path of [
      '/accounts/acc_rai_001/balance',
      '/accounts/acc_rai_001/identity',
      '/accounts/acc_rai_001/transactions',
    ]) {
      const res = await get(path, DEMO_KEY);
      expect(res.statusCode).toBe(404);
      expect(res.json().error_code).toBe('ACCOUNT_NOT_FOUND');
    }
  });
});

describe('GET /accounts/:id/balance', () => {
  it('agrees with the transaction history', async () => {
    const res = await get('/accounts/acc_rai_001/balance');
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ object: 'balance', account_id: 'acc_rai_001', currency: 'RSD' });
    expect(b.retrieved_at).toBe('2026-04-04T10:30:00.000Z');
    expect(b.balance).toBeGreaterThan(0);
    expect(b.available_balance).toBeLessThanOrEqual(b.balance);
    expect(String(b.balance)).toMatch(/^-?\d+(\.\d{1,2})?$/);

    const acc = await t.deps.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', 'acc_rai_001')
      .executeTakeFirstOrThrow();
    const rows = await t.deps.db
      .selectFrom('transactions')
      .select(['amount', 'pending'])
      .where('account_id', '=', 'acc_rai_001')
      .execute();
    const booked = rows.filter((r) => Number(r.pending) === 0).reduce((s, r) => s + Number(r.amount), 0);
    expect(Math.round(b.balance * 100)).toBe(Number(acc.opening_balance) + booked);
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown account', async () => {
    const res = await get('/accounts/acc_nope/balance');
    expect(res.statusCode).toBe(404);
    expect(res.json().error_code).toBe('ACCOUNT_NOT_FOUND');
  });
});

describe('GET /accounts/:id/identity', () => {
  it('returns Raiffeisen identity data', async () => {
    const res = await get('/accounts/acc_rai_001/identity');
    expect(res.statusCode).toBe(200);
    const id = res.json();
    expect(id).toMatchObject({ object: 'identity', account_id: 'acc_rai_001' });
    expect(id.names.length).toBeGreaterThan(0);
    expect(id.addresses[0]).toMatchObject({ country: 'RS' });
  });

  it.each(['acc_ers_001', 'acc_aik_001'])('answers IDENTITY_UNAVAILABLE for %s', async (acc) => {
    const res = await get(`/accounts/${acc}/identity`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error_code).toBe('IDENTITY_UNAVAILABLE');
  });
});
