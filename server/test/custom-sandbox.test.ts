import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/ids.js';
import { MAX_CUSTOM_TRANSACTIONS } from '../src/sandbox/custom-connections.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { listAll, syncAll } from './helpers/sync.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const LIVE_KEY = 'od_live_sk_customLiveKey12345';
const create = (payload: unknown, key = DEMO_KEY) =>
  t.app.inject({
    method: 'POST',
    url: '/sandbox/connections',
    headers: auth(key),
    payload: payload as Record<string, unknown>,
  });
const get = (url: string, key = DEMO_KEY) => t.app.inject({ method: 'GET', url, headers: auth(key) });

const account = (transactions: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'Tekući račun',
  type: 'current',
  currency: 'RSD',
  transactions,
  ...extra,
});
const valid = () => ({
  bank_id: 'raiffeisen',
  user_id: 'user_custom',
  accounts: [
    account(
      [
        { date: '2026-03-01', amount: 95000, description: 'Plata - mart 2026' },
        { date: '2026-03-02', amount: -1650, description: 'DIS market Vracar' },
        { date: '2026-03-03', amount: -790, description: 'NETFLIX.COM', category: 'entertainment' },
        { date: '2026-03-04', amount: -420.5, description: 'Wolt Beograd', pending: true },
      ],
      { opening_balance: 10000.25 },
    ),
    { name: 'Štednja', type: 'savings', currency: 'EUR', transactions: [] },
  ],
});

describe('POST /sandbox/connections', () => {
  let body: {
    connection_id: string;
    bank_id: string;
    status: string;
    accounts: Array<{ id: string; name: string }>;
  };

  it('creates a connection holding exactly the data sent', async () => {
    const res = await create(valid());
    expect(res.statusCode, res.body).toBe(201);
    body = res.json();
    expect(body).toMatchObject({ bank_id: 'raiffeisen', status: 'active' });
    expect(body.connection_id).toMatch(/^conn_/);
    expect(body.accounts.map((a) => a.name)).toEqual(['Tekući račun', 'Štednja']);

    const listed = (await get('/accounts')).json().accounts as Array<{
      id: string;
      name: string;
      account_number: string;
    }>;
    expect(listed.map((a) => a.id).sort()).toEqual(body.accounts.map((a) => a.id).sort());
    const accounts = body.accounts.map((a) => listed.find((l) => l.id === a.id));
    expect(accounts[0]).toMatchObject({
      connection_id: body.connection_id,
      bank_id: 'raiffeisen',
      type: 'current',
      currency: 'RSD',
    });
    expect(accounts[1]).toMatchObject({ type: 'savings', currency: 'EUR' });
    expect(accounts[0]?.account_number).toMatch(/^265-\d{13}-\d{2}$/);

    const txns = await listAll(t.app, body.accounts[0]!.id, DEMO_KEY);
    expect(txns.map((x) => [x.date, x.amount, x.description, x.pending, x.currency])).toEqual([
      ['2026-03-04', -420.5, 'Wolt Beograd', 1, 'RSD'],
      ['2026-03-03', -790, 'NETFLIX.COM', 0, 'RSD'],
      ['2026-03-02', -1650, 'DIS market Vracar', 0, 'RSD'],
      ['2026-03-01', 95000, 'Plata - mart 2026', 0, 'RSD'],
    ]);
    // Categories sent are kept; the others come from the categoriser.
    expect(Object.fromEntries(txns.map((x) => [x.description, x.category]))).toEqual({
      'Wolt Beograd': 'dining',
      'NETFLIX.COM': 'entertainment',
      'DIS market Vracar': 'groceries',
      'Plata - mart 2026': 'salary',
    });
    expect(await listAll(t.app, body.accounts[1]!.id, DEMO_KEY)).toEqual([]);

    const balance = (await get(`/accounts/${body.accounts[0]!.id}/balance`)).json();
    expect(balance.balance).toBe(10000.25 + 95000 - 1650 - 790);
  });

  it('syncs like any account, and a force refresh has nothing new to pull', async () => {
    const id = body.accounts[0]!.id;
    const { pages, cursor } = await syncAll(t.app, id, '', undefined, DEMO_KEY);
    expect(pages.flatMap((p) => p.added)).toHaveLength(4);
    const res = await t.app.inject({ method: 'POST', url: `/accounts/${id}/sync`, headers: auth(DEMO_KEY) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ object: 'sync', account_id: id, added_count: 0, removed_count: 0 });
    const after = await syncAll(t.app, id, cursor, undefined, DEMO_KEY);
    expect(after.pages[0]!.added).toEqual([]);
    expect(after.pages[0]!.removed).toEqual([]);
  });

  it('fires AUTH.AUTOMATICALLY_VERIFIED like an exchange', async () => {
    const evts = await t.deps.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('event_type', '=', 'AUTH.AUTOMATICALLY_VERIFIED')
      .execute();
    const mine = evts.find((e) => JSON.parse(e.payload).connection_id === body.connection_id);
    expect(mine?.developer_id).toBe('dev_demo_developer');
    expect(JSON.parse(mine!.payload)).toMatchObject({
      webhook_type: 'AUTH',
      webhook_code: 'AUTOMATICALLY_VERIFIED',
      bank_id: 'raiffeisen',
      user_id: 'user_custom',
    });
  });

  it('is invisible to other keys', async () => {
    expect((await get(`/accounts/${body.accounts[0]!.id}/transactions`, MANI_KEY)).json().error_code).toBe(
      'ACCOUNT_NOT_FOUND',
    );
  });
});

describe('POST /sandbox/connections validation', () => {
  const expectError = async (payload: unknown, code: string, message?: RegExp) => {
    const res = await create(payload);
    expect(res.json().error_code, res.body).toBe(code);
    if (message) expect(res.json().error_message).toMatch(message);
    return res;
  };
  const withTxn = (txn: Record<string, unknown>) => ({
    ...valid(),
    accounts: [account([{ date: '2026-03-01', amount: -1, description: 'x', ...txn }])],
  });

  it('rejects dates that are not real calendar days', async () => {
    for (const date of ['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '2026-1-1', 'yesterday']) {
      await expectError(withTxn({ date }), 'INVALID_FIELD', /accounts\.0\.transactions\.0\.date/);
    }
    expect((await create(withTxn({ date: '2024-02-29' }))).statusCode).toBe(201);
  });

  it('rejects amounts with more than two decimals, and non-numbers', async () => {
    await expectError(withTxn({ amount: 1.234 }), 'INVALID_FIELD', /transactions\.0\.amount.*two decimals/);
    await expectError(withTxn({ amount: 'a lot' }), 'INVALID_FIELD');
    await expectError(
      { ...valid(), accounts: [account([], { opening_balance: 0.001 })] },
      'INVALID_FIELD',
      /opening_balance/,
    );
  });

  it('rejects a bad currency, type, category, or empty description', async () => {
    await expectError(
      { ...valid(), accounts: [account([], { currency: 'rsd' })] },
      'INVALID_FIELD',
      /currency/,
    );
    await expectError(
      { ...valid(), accounts: [account([], { currency: 'DINAR' })] },
      'INVALID_FIELD',
      /currency/,
    );
    await expectError({ ...valid(), accounts: [account([], { type: 'credit' })] }, 'INVALID_FIELD', /type/);
    await expectError(withTxn({ category: 'food' }), 'INVALID_FIELD', /category/);
    await expectError(withTxn({ description: '' }), 'INVALID_FIELD', /description/);
  });

  it('needs the fields and at least one account', async () => {
    await expectError({ user_id: 'u', accounts: [account([])] }, 'MISSING_FIELDS', /bank_id/);
    await expectError({ bank_id: 'aik', user_id: 'u' }, 'MISSING_FIELDS', /accounts/);
    await expectError({ bank_id: 'aik', user_id: 'u', accounts: [] }, 'INVALID_FIELD', /accounts/);
    await expectError(
      { ...valid(), accounts: [{ name: 'x', type: 'current', currency: 'RSD' }] },
      'MISSING_FIELDS',
      /transactions/,
    );
  });

  it('needs a known, connectable bank', async () => {
    const unknown = await expectError({ ...valid(), bank_id: 'bank_of_nowhere' }, 'BANK_NOT_FOUND');
    expect(unknown.statusCode).toBe(404);
    const soon = await expectError({ ...valid(), bank_id: 'intesa' }, 'BANK_NOT_AVAILABLE');
    expect(soon.statusCode).toBe(400);
  });

  it('accepts 50,000 transactions quickly and refuses one more with a clear message', async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        amount: -((i % 9000) + 1) / 4,
        description: ['Maxi 123 Beograd', 'Wolt', 'NIS Petrol', 'Glovo', 'EPS Snabdevanje'][i % 5] as string,
      }));
    const over = await expectError(
      { ...valid(), accounts: [account(many(30_000)), account(many(MAX_CUSTOM_TRANSACTIONS - 30_000 + 1))] },
      'INVALID_FIELD',
      /at most 50000 transactions per request \(got 50001\)/,
    );
    expect(over.statusCode).toBe(400);

    const started = performance.now();
    const res = await create({ ...valid(), accounts: [account(many(MAX_CUSTOM_TRANSACTIONS))] });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const total = (await get(`/accounts/${res.json().accounts[0].id}/transactions`)).json().total;
    expect(total).toBe(MAX_CUSTOM_TRANSACTIONS);
    // Generous for a shared CI machine; typically a few seconds.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('keeps the normal body limit on other routes', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/accounts/acc_rai_001/sync',
      headers: { ...auth(MANI_KEY), 'content-type': 'application/json' },
      payload: JSON.stringify({ big }),
    });
    expect(res.json().error_code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('POST /sandbox/connections access', () => {
  beforeAll(async () => {
    await t.deps.db
      .insertInto('api_keys')
      .values({
        id: 'key_live_custom',
        developer_id: 'dev_demo_developer',
        key_hash: sha256Hex(LIVE_KEY),
        prefix: LIVE_KEY.slice(0, 15),
        app_name: 'Live',
        environment: 'live',
        scopes: JSON.stringify(['accounts:read', 'balance:read', 'transactions:read']),
        status: 'active',
        created_at: t.clock.now().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  });

  it('refuses live keys with NOT_SANDBOX_KEY and creates nothing', async () => {
    const before = await t.deps.db.selectFrom('connections').select('id').execute();
    const res = await create(valid(), LIVE_KEY);
    expect(res.statusCode).toBe(403);
    expect(res.json().error_code).toBe('NOT_SANDBOX_KEY');
    expect(await t.deps.db.selectFrom('connections').select('id').execute()).toHaveLength(before.length);
  });

  it('needs an API key', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/sandbox/connections', payload: valid() });
    expect(res.json().error_code).toBe('MISSING_API_KEY');
  });
});
