import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/ids.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { listAll } from './helpers/sync.js';

interface Stream {
  description: string;
  category: string;
  frequency: string;
  amount_type: string;
  typical_amount: number;
  occurrences: number;
  first_date: string;
  last_date: string;
  next_expected_date: string;
  is_active: boolean;
  transaction_ids: string[];
}
interface Recurring {
  outgoing: Stream[];
  incoming: Stream[];
  monthly_outgoing_total: number;
  monthly_incoming_total: number;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const recurring = async (account: string, key = MANI_KEY) =>
  t.app.inject({ method: 'GET', url: `/accounts/${account}/recurring`, headers: auth(key) });
const twoDecimals = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;

describe('GET /accounts/:id/recurring on the seeded history', () => {
  let body: Recurring;
  beforeAll(async () => {
    const res = await recurring('acc_rai_001');
    expect(res.statusCode, res.body).toBe(200);
    body = res.json();
  });

  it('finds the salary as a monthly incoming stream', () => {
    const salary = body.incoming.find((s) => /^Plata - [a-z]+ \d{4}$/.test(s.description));
    expect(salary).toMatchObject({ category: 'salary', frequency: 'monthly', is_active: true });
    expect(salary!.occurrences).toBeGreaterThanOrEqual(12);
    expect(body.outgoing.some((s) => /plata/i.test(s.description))).toBe(false);
  });

  it('finds Netflix 790.00 monthly, fixed, and rent and utilities (EPS, Infostan)', () => {
    const netflix = body.outgoing.find((s) => /netflix/i.test(s.description));
    expect(netflix).toMatchObject({
      category: 'subscriptions',
      frequency: 'monthly',
      amount_type: 'fixed',
      typical_amount: 790,
      is_active: true,
    });
    const rent = body.outgoing.find((s) => s.category === 'rent');
    expect(rent).toMatchObject({ frequency: 'monthly', is_active: true });
    const utilities = body.outgoing.filter((s) => s.category === 'utilities').map((s) => s.description);
    expect(utilities.some((d) => /eps/i.test(d))).toBe(true);
    expect(utilities.some((d) => /infostan/i.test(d))).toBe(true);
  });

  it('has the documented fields plus dates, activity and the transactions of each stream', async () => {
    const ids = new Set((await listAll(t.app, 'acc_rai_001')).map((x) => x.id));
    for (const s of [...body.outgoing, ...body.incoming]) {
      expect(['weekly', 'biweekly', 'monthly', 'quarterly', 'annually']).toContain(s.frequency);
      expect(['fixed', 'variable']).toContain(s.amount_type);
      expect(s.typical_amount).toBeGreaterThan(0);
      expect(twoDecimals(s.typical_amount)).toBe(true);
      expect(s.first_date <= s.last_date && s.last_date < s.next_expected_date).toBe(true);
      expect(s.transaction_ids).toHaveLength(s.occurrences);
      for (const id of s.transaction_ids) expect(ids.has(id)).toBe(true);
    }
    expect(typeof body.monthly_outgoing_total).toBe('number');
    expect(twoDecimals(body.monthly_outgoing_total) && twoDecimals(body.monthly_incoming_total)).toBe(true);
    // Monthly streams only here, so the incoming total is at least the salary.
    const salary = body.incoming.find((s) => s.category === 'salary')!;
    expect(body.monthly_incoming_total).toBeGreaterThanOrEqual(salary.typical_amount);
    expect(body.monthly_outgoing_total).toBeGreaterThan(790);
  });
});

describe('GET /accounts/:id/recurring on custom data', () => {
  it('detects a weekly and a monthly stream, converts them to monthly totals, and ignores one-offs', async () => {
    const txns: Array<{ date: string; amount: number; description: string; category?: string }> = [];
    for (let w = 0; w < 20; w++) {
      const d = new Date(Date.UTC(2025, 10, 17 + 7 * w)).toISOString().slice(0, 10);
      txns.push({ date: d, amount: -1200, description: 'Teretana Fit Novi Sad', category: 'entertainment' });
    }
    for (const month of ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']) {
      txns.push({ date: `${month}-15`, amount: 80000, description: `Plata - ${month}` });
    }
    txns.push({ date: '2026-01-02', amount: -45000, description: 'Gigatron laptop' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(MANI_KEY),
      payload: {
        bank_id: 'aik',
        user_id: 'rec_user',
        accounts: [{ name: 'Test', type: 'current', currency: 'RSD', transactions: txns }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().accounts[0].id as string;
    const body = (await recurring(id)).json() as Recurring;
    const gym = body.outgoing.find((s) => /teretana/i.test(s.description));
    expect(gym).toMatchObject({
      frequency: 'weekly',
      typical_amount: 1200,
      occurrences: 20,
      is_active: true,
    });
    expect(body.outgoing.some((s) => /gigatron/i.test(s.description))).toBe(false);
    expect(body.incoming.find((s) => s.category === 'salary')).toMatchObject({
      frequency: 'monthly',
      typical_amount: 80000,
    });
    expect(body.monthly_outgoing_total).toBeCloseTo((1200 * 52) / 12, 2);
    expect(body.monthly_incoming_total).toBe(80000);
  });
});

describe('GET /accounts/:id/recurring access', () => {
  it("answers ACCOUNT_NOT_FOUND for another key's account and needs transactions:read", async () => {
    expect((await recurring('acc_rai_001', DEMO_KEY)).json().error_code).toBe('ACCOUNT_NOT_FOUND');
    const key = 'od_test_sk_onlyAccountsRead1';
    await t.deps.db
      .insertInto('api_keys')
      .values({
        id: 'key_accounts_only',
        developer_id: 'dev_mani_app',
        key_hash: sha256Hex(key),
        prefix: key.slice(0, 15),
        app_name: 'Accounts only',
        environment: 'sandbox',
        scopes: JSON.stringify(['accounts:read', 'balance:read']),
        status: 'active',
        created_at: t.clock.now().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const res = await recurring('acc_rai_001', key);
    expect(res.statusCode).toBe(403);
    expect(res.json().error_code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it('uses the clock day: long after the last payment the streams are no longer active', async () => {
    t.clock.advance(200 * 86_400_000);
    const body = (await recurring('acc_rai_001')).json() as Recurring;
    expect(body.outgoing.find((s) => /netflix/i.test(s.description))?.is_active).toBe(false);
    expect(body.monthly_outgoing_total).toBe(0);
  });
});
