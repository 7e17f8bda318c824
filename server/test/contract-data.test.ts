/**
 * Contract audit (part 3): scopes, the transaction object and list mode, the docs' cursor-sync
 * example flow, force refresh, recurring, custom sandbox connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { DATE, expectError, expectMoney, TXN_KEYS } from './helpers/contract.js';
import { createDevSession } from './helpers/webhooks.js';

const CATEGORIES = [
  'groceries',
  'rent',
  'dining',
  'utilities',
  'transport',
  'entertainment',
  'subscriptions',
  'salary',
  'transfer',
];

interface Txn {
  id: string;
  account_id: string;
  date: string;
  amount: number;
  currency: string;
  description: string;
  category: string;
  type: string;
  pending: number;
  pending_transaction_id: string | null;
}

interface SyncPage {
  sync_status: string;
  added: Txn[];
  modified: Txn[];
  removed: { id: string }[];
  next_cursor: string;
  has_more: boolean;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, key = MANI_KEY) => t.app.inject({ method: 'GET', url, headers: auth(key) });

function expectTransaction(tx: Txn, accountId: string): void {
  expect(Object.keys(tx).sort()).toEqual(expect.arrayContaining(TXN_KEYS));
  expect(tx.id).toMatch(/^txn_/);
  expect(tx.account_id).toBe(accountId);
  expect(tx.date).toMatch(DATE);
  expectMoney(tx.amount);
  expect(typeof tx.currency).toBe('string');
  expect(typeof tx.description).toBe('string');
  expect(CATEGORIES).toContain(tx.category);
  expect(tx.type).toBe(tx.amount < 0 ? 'debit' : 'credit');
  expect([0, 1]).toContain(tx.pending);
  expect(tx.pending_transaction_id === null || /^txn_/.test(tx.pending_transaction_id)).toBe(true);
}

describe('scopes (API.md: Authentication)', () => {
  let balanceOnly: string;
  let accountsOnly: string;
  let txOnly: string;
  let defaultKey: string;

  beforeAll(async () => {
    const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    const make = async (scopes?: string[]) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/developers/keys',
        headers,
        payload: { app_name: 'Scoped', environment: 'sandbox', ...(scopes ? { scopes } : {}) },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { key: string; scopes: string[] };
    };
    const d = await make();
    expect(d.scopes.sort()).toEqual(['accounts:read', 'balance:read', 'transactions:read']);
    defaultKey = d.key;
    balanceOnly = (await make(['balance:read'])).key;
    accountsOnly = (await make(['accounts:read'])).key;
    txOnly = (await make(['transactions:read'])).key;
  });

  /** route → the scope it needs */
  const routes: [string, string, string][] = [
    ['GET', '/accounts', 'accounts:read'],
    ['GET', '/accounts/acc_x/identity', 'accounts:read'],
    ['POST', '/accounts/acc_x/sync', 'accounts:read'],
    ['GET', '/accounts/acc_x/balance', 'balance:read'],
    ['GET', '/accounts/acc_x/transactions', 'transactions:read'],
    ['GET', '/accounts/acc_x/recurring', 'transactions:read'],
  ];

  it.each(routes)('%s %s needs %s (403 INSUFFICIENT_PERMISSIONS without it)', async (method, url, scope) => {
    const keys: Record<string, string> = {
      'balance:read': balanceOnly,
      'accounts:read': accountsOnly,
      'transactions:read': txOnly,
    };
    for (const [s, key] of Object.entries(keys)) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: auth(key) });
      if (s === scope) {
        // Allowed: gets past the scope check (the account itself does not exist for this key).
        expect(res.json().error_code ?? 'ok', `${s}`).not.toBe('INSUFFICIENT_PERMISSIONS');
      } else {
        expectError(res, 'INSUFFICIENT_PERMISSIONS', 'AUTH_ERROR', 403);
      }
    }
    const res = await t.app.inject({ method: method as 'GET', url, headers: auth(defaultKey) });
    expect(res.json().error_code ?? 'ok').not.toBe('INSUFFICIENT_PERMISSIONS');
  });
});

describe('Transactions, list mode', () => {
  it('GET /accounts/acc_rai_001/transactions?limit=50: the documented object, newest first', async () => {
    const res = await get('/accounts/acc_rai_001/transactions?limit=50');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { transactions: Txn[]; total: number; has_more: boolean };
    expect(body.transactions).toHaveLength(50);
    expect(body.total).toBeGreaterThan(50);
    expect(body.has_more).toBe(true);
    for (const tx of body.transactions) {
      expectTransaction(tx, 'acc_rai_001');
      expect(tx.currency).toBe('RSD');
    }
    const dates = body.transactions.map((x) => x.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Some are still pending (1), most cleared (0).
    const all = (await get(`/accounts/acc_rai_001/transactions?limit=200`)).json().transactions as Txn[];
    expect(all.some((x) => x.pending === 1)).toBe(true);
    expect(all.some((x) => x.pending === 0)).toBe(true);
    expect(all.some((x) => x.amount > 0)).toBe(true);
  });

  it('default limit is 50', async () => {
    expect((await get('/accounts/acc_rai_001/transactions')).json().transactions).toHaveLength(50);
  });

  it('limit 1–200; beyond → INVALID_FIELD', async () => {
    expect((await get('/accounts/acc_rai_001/transactions?limit=200')).json().transactions).toHaveLength(200);
    for (const bad of ['limit=0', 'limit=201', 'limit=-5', 'limit=abc', 'limit=1.5']) {
      const body = expectError(
        await get(`/accounts/acc_rai_001/transactions?${bad}`),
        'INVALID_FIELD',
        'INVALID_REQUEST',
        400,
      );
      expect(body.error_message).toMatch(/limit/);
    }
  });

  it('from / to are inclusive YYYY-MM-DD dates', async () => {
    const res = await get('/accounts/acc_rai_001/transactions?from=2026-03-01&to=2026-03-31&limit=200');
    const txs = res.json().transactions as Txn[];
    expect(txs.length).toBeGreaterThan(0);
    expect(txs.every((x) => x.date >= '2026-03-01' && x.date <= '2026-03-31')).toBe(true);
    expect(txs.some((x) => x.date === '2026-03-01') || txs.some((x) => x.date === '2026-03-31')).toBe(true);
    const day = txs[0]?.date ?? '';
    const oneDay = (await get(`/accounts/acc_rai_001/transactions?from=${day}&to=${day}`)).json()
      .transactions as Txn[];
    expect(oneDay.length).toBeGreaterThan(0);
    expect(oneDay.every((x) => x.date === day)).toBe(true);
  });

  it('bad dates, from > to, unknown category → INVALID_FIELD', async () => {
    for (const q of [
      'from=2026-02-30',
      'to=2026-13-01',
      'from=04-04-2026',
      'from=yesterday',
      'from=2026-04-05&to=2026-04-01',
      'category=shopping',
    ]) {
      expectError(
        await get(`/accounts/acc_rai_001/transactions?${q}`),
        'INVALID_FIELD',
        'INVALID_REQUEST',
        400,
      );
    }
  });

  it.each(CATEGORIES)('category=%s filters to that category', async (category) => {
    const res = await get(`/accounts/acc_rai_001/transactions?category=${category}&limit=200`);
    expect(res.statusCode).toBe(200);
    const txs = res.json().transactions as Txn[];
    expect(txs.every((x) => x.category === category)).toBe(true);
  });

  it('the seeded history has the documented streams and everyday spending', async () => {
    const descriptions: string[] = [];
    for (const id of ['acc_rai_001', 'acc_ers_001', 'acc_aik_001']) {
      let offset = 0;
      for (;;) {
        const body = (await get(`/accounts/${id}/transactions?limit=200&offset=${offset}`)).json();
        descriptions.push(...body.transactions.map((x: Txn) => x.description));
        if (!body.has_more) break;
        offset += 200;
      }
    }
    const text = descriptions.join('\n');
    // Recurring streams: all of them.
    for (const s of [/Plata - [a-zčćšžđ]+ \d{4}/, /Netflix/i, /EPS/, /Infostan/i, /mts|Telekom|Yettel|A1/i]) {
      expect(text, String(s)).toMatch(s);
    }
    // Everyday spending: each person has their own favourite shops, so the examples need not all appear.
    const everyday = [/Maxi/i, /Idea/i, /Lidl/i, /DIS/i, /Wolt/i, /Glovo/i, /NIS/i, /CarGo/i, /BusPlus/i];
    const seen = everyday.filter((s) => s.test(text)).map(String);
    expect(seen.length, seen.join(' ')).toBeGreaterThanOrEqual(7);
  });
});

describe('Cursor-based sync: the docs’ example flow', () => {
  let tt: TestApp;
  beforeAll(async () => {
    tt = await createTestApp();
  });
  afterAll(async () => {
    await tt.close();
  });
  const sync = async (cursor: string, limit?: number): Promise<SyncPage> => {
    const res = await tt.app.inject({
      method: 'GET',
      url: `/accounts/acc_rai_001/transactions?cursor=${encodeURIComponent(cursor)}${limit ? `&limit=${limit}` : ''}`,
      headers: auth(MANI_KEY),
    });
    expect(res.statusCode).toBe(200);
    return res.json() as SyncPage;
  };

  it('?cursor= returns the full history, then next_cursor returns only what is new', async () => {
    // First call — empty cursor. Paged by limit (default 100), until HISTORICAL_UPDATE_COMPLETE.
    let page = await sync('');
    expect(Object.keys(page).sort()).toEqual([
      'added',
      'has_more',
      'modified',
      'next_cursor',
      'removed',
      'sync_status',
    ]);
    expect(page.added.length).toBe(100);
    const history: Txn[] = [...page.added];
    while (page.has_more) {
      page = await sync(page.next_cursor);
      history.push(...page.added);
    }
    expect(page.sync_status).toBe('HISTORICAL_UPDATE_COMPLETE');
    expect(typeof page.next_cursor).toBe('string');
    expect(page.next_cursor.length).toBeGreaterThan(0);
    for (const tx of history) expectTransaction(tx, 'acc_rai_001');
    const total = (
      await tt.app.inject({
        method: 'GET',
        url: '/accounts/acc_rai_001/transactions?limit=1',
        headers: auth(MANI_KEY),
      })
    ).json().total;
    expect(new Set(history.map((x) => x.id)).size).toBe(total);

    // Nothing new yet.
    const idle = await sync(page.next_cursor);
    expect(idle).toMatchObject({
      added: [],
      modified: [],
      removed: [],
      has_more: false,
      sync_status: 'HISTORICAL_UPDATE_COMPLETE',
    });

    // New data from the bank: only the new transactions come back.
    const pendingBefore = history.filter((x) => x.pending === 1).map((x) => x.id);
    tt.clock.advance(3 * 24 * 3600_000);
    const refreshed = await tt.app.inject({
      method: 'POST',
      url: '/accounts/acc_rai_001/sync',
      headers: auth(MANI_KEY),
    });
    expect(refreshed.statusCode).toBe(200);
    const added = refreshed.json().added_count as number;
    expect(added).toBeGreaterThan(0);
    const delta = await sync(idle.next_cursor);
    expect(delta.added.length).toBe(added);
    const known = new Set(history.map((x) => x.id));
    expect(delta.added.every((x) => !known.has(x.id))).toBe(true);
    for (const tx of delta.added) expectTransaction(tx, 'acc_rai_001');

    // Pending that posted: a new posted transaction naming the pending one, and the pending one removed.
    if (delta.removed.length > 0) {
      for (const { id } of delta.removed) {
        expect(pendingBefore).toContain(id);
        const posted = delta.added.find((x) => x.pending_transaction_id === id);
        expect(posted, `posted for ${id}`).toBeDefined();
        expect(posted?.pending).toBe(0);
      }
    }
    // The same cursor replays the same delta (cursors are stable).
    const again = await sync(idle.next_cursor);
    expect(again.added.map((x) => x.id)).toEqual(delta.added.map((x) => x.id));
  });

  it('some pending transactions post within a few refreshes, linked by pending_transaction_id', async () => {
    let cursor = (await sync('', 500)).next_cursor;
    for (let p = await sync(cursor, 500); ; p = await sync(cursor, 500)) {
      cursor = p.next_cursor;
      if (!p.has_more) break;
    }
    const removed: string[] = [];
    const linked: string[] = [];
    for (let i = 0; i < 10 && removed.length === 0; i++) {
      tt.clock.advance(24 * 3600_000);
      await tt.app.inject({ method: 'POST', url: '/accounts/acc_rai_001/sync', headers: auth(MANI_KEY) });
      const d = await sync(cursor);
      cursor = d.next_cursor;
      removed.push(...d.removed.map((r) => r.id));
      linked.push(...d.added.flatMap((x) => (x.pending_transaction_id ? [x.pending_transaction_id] : [])));
    }
    expect(removed.length).toBeGreaterThan(0);
    expect(linked.sort()).toEqual(expect.arrayContaining(removed.sort()));
  });

  it('a cursor never issued for this account → INVALID_CURSOR; limit in sync mode 1–500', async () => {
    for (const c of ['txn_rai_014', 'garbage', 'x'.repeat(200)]) {
      expectError(
        await tt.app.inject({
          method: 'GET',
          url: `/accounts/acc_rai_001/transactions?cursor=${c}`,
          headers: auth(MANI_KEY),
        }),
        'INVALID_CURSOR',
        'INVALID_REQUEST',
        400,
      );
    }
    // A cursor issued for another account is not valid here.
    const other = (
      await tt.app.inject({
        method: 'GET',
        url: '/accounts/acc_ers_001/transactions?cursor=',
        headers: auth(MANI_KEY),
      })
    ).json().next_cursor as string;
    expectError(
      await tt.app.inject({
        method: 'GET',
        url: `/accounts/acc_rai_001/transactions?cursor=${encodeURIComponent(other)}`,
        headers: auth(MANI_KEY),
      }),
      'INVALID_CURSOR',
      'INVALID_REQUEST',
      400,
    );
    expect((await sync('', 500)).added).toHaveLength(500);
    expectError(
      await tt.app.inject({
        method: 'GET',
        url: '/accounts/acc_rai_001/transactions?cursor=&limit=501',
        headers: auth(MANI_KEY),
      }),
      'INVALID_FIELD',
      'INVALID_REQUEST',
      400,
    );
  });
});

describe('Recurring transactions', () => {
  const FREQ = ['weekly', 'biweekly', 'monthly', 'quarterly', 'annually'];
  const PER_MONTH: Record<string, number> = {
    weekly: 52 / 12,
    biweekly: 26 / 12,
    monthly: 1,
    quarterly: 1 / 3,
    annually: 1 / 12,
  };

  it('the documented shape, Netflix 790.00 monthly fixed, one salary stream "Plata - …"', async () => {
    let netflix: Record<string, unknown> | undefined;
    let salary: Record<string, unknown>[] = [];
    for (const id of ['acc_rai_001', 'acc_rai_002', 'acc_ers_001', 'acc_aik_001']) {
      const res = await get(`/accounts/${id}/recurring`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      for (const k of ['outgoing', 'incoming', 'monthly_outgoing_total', 'monthly_incoming_total']) {
        expect(body, k).toHaveProperty(k);
      }
      expectMoney(body.monthly_outgoing_total);
      expectMoney(body.monthly_incoming_total);
      for (const [dir, streams] of [
        ['outgoing', body.outgoing],
        ['incoming', body.incoming],
      ] as const) {
        let sum = 0;
        for (const s of streams as Record<string, unknown>[]) {
          for (const f of [
            'description',
            'category',
            'frequency',
            'amount_type',
            'typical_amount',
            'occurrences',
            'first_date',
            'last_date',
            'next_expected_date',
            'is_active',
            'transaction_ids',
          ]) {
            expect(s, `${dir}.${f}`).toHaveProperty(f);
          }
          expect(FREQ).toContain(s.frequency);
          expect(['fixed', 'variable']).toContain(s.amount_type);
          expectMoney(s.typical_amount);
          expect(s.typical_amount as number).toBeGreaterThan(0);
          expect(Number.isInteger(s.occurrences)).toBe(true);
          expect(s.first_date).toMatch(DATE);
          expect(s.next_expected_date).toMatch(DATE);
          expect(typeof s.is_active).toBe('boolean');
          expect((s.transaction_ids as string[]).length).toBe(s.occurrences);
          if (s.is_active) sum += (s.typical_amount as number) * (PER_MONTH[s.frequency as string] ?? 0);
        }
        const total = dir === 'outgoing' ? body.monthly_outgoing_total : body.monthly_incoming_total;
        expect(Math.abs(total - sum)).toBeLessThan(0.02 * Math.max(1, streams.length));
      }
      netflix ??= (body.outgoing as Record<string, unknown>[]).find((s) =>
        /netflix/i.test(String(s.description)),
      );
      salary = salary.concat(
        (body.incoming as Record<string, unknown>[]).filter((s) => /^Plata - /.test(String(s.description))),
      );
    }
    expect(netflix).toMatchObject({
      category: 'subscriptions',
      frequency: 'monthly',
      amount_type: 'fixed',
      typical_amount: 790,
    });
    expect(salary.length).toBeGreaterThan(0);
    for (const s of salary) {
      expect(s).toMatchObject({ category: 'salary', frequency: 'monthly' });
      // "Plata - januar 2026", "Plata - februar 2026", … are one stream.
      expect(s.occurrences as number).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('POST /sandbox/connections (API.md)', () => {
  it('201 {connection_id, bank_id, status:"active", accounts:[{id, name}]} holding exactly the data; categories filled in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(DEMO_KEY),
      payload: {
        bank_id: 'erste',
        user_id: 'tester_1',
        accounts: [
          {
            name: 'Moj tekući',
            type: 'current',
            currency: 'RSD',
            opening_balance: 1000,
            transactions: [
              { date: '2026-03-01', amount: -1650.0, description: 'DIS market Vracar' },
              { date: '2026-03-05', amount: 95000, description: 'Plata - mart 2026', category: 'salary' },
              { date: '2026-04-04', amount: -790, description: 'Netflix', pending: true },
            ],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      connection_id: expect.stringMatching(/^conn_/),
      bank_id: 'erste',
      status: 'active',
      accounts: [{ id: expect.stringMatching(/^acc_/), name: 'Moj tekući' }],
    });
    const acc = body.accounts[0].id;
    const txs = (await get(`/accounts/${acc}/transactions`, DEMO_KEY)).json().transactions as Txn[];
    expect(txs.map((x) => [x.date, x.amount, x.description, x.pending])).toEqual([
      ['2026-04-04', -790, 'Netflix', 1],
      ['2026-03-05', 95000, 'Plata - mart 2026', 0],
      ['2026-03-01', -1650, 'DIS market Vracar', 0],
    ]);
    expect(txs.map((x) => x.category)).toEqual(['subscriptions', 'salary', 'groceries']);
    const balance = (await get(`/accounts/${acc}/balance`, DEMO_KEY)).json();
    expect(balance).toMatchObject({ object: 'balance', account_id: acc, currency: 'RSD' });
    // Posted history + opening balance; the pending debit only lowers what is available.
    expect(balance.balance).toBe(1000 - 1650 + 95000);
    expect(balance.available_balance).toBe(1000 - 1650 + 95000 - 790);
    // The account is listed; Mani App does not see it.
    expect((await get('/accounts', DEMO_KEY)).json().accounts.map((a: { id: string }) => a.id)).toContain(
      acc,
    );
    expectError(await get(`/accounts/${acc}/balance`), 'ACCOUNT_NOT_FOUND', 'ITEM_ERROR', 404);
  });
});

describe('Cursors survive a server restart; posted pending transactions leave list mode', () => {
  it('a cursor from one server works on a second one over the same database', async () => {
    const a = await createTestApp();
    const { buildApp } = await import('../src/app.js');
    const handle = a.database.connect();
    const b = await buildApp({ ...a.deps, db: handle.db });
    await b.ready();
    try {
      const first = (
        await a.app.inject({
          method: 'GET',
          url: '/accounts/acc_ers_001/transactions?cursor=&limit=500',
          headers: auth(MANI_KEY),
        })
      ).json() as SyncPage;
      let page = first;
      while (page.has_more) {
        page = (
          await a.app.inject({
            method: 'GET',
            url: `/accounts/acc_ers_001/transactions?cursor=${encodeURIComponent(page.next_cursor)}&limit=500`,
            headers: auth(MANI_KEY),
          })
        ).json() as SyncPage;
      }
      a.clock.advance(2 * 24 * 3600_000);
      const refreshed = await b.inject({
        method: 'POST',
        url: '/accounts/acc_ers_001/sync',
        headers: auth(MANI_KEY),
      });
      expect(refreshed.statusCode).toBe(200);
      const delta = await b.inject({
        method: 'GET',
        url: `/accounts/acc_ers_001/transactions?cursor=${encodeURIComponent(page.next_cursor)}`,
        headers: auth(MANI_KEY),
      });
      expect(delta.statusCode).toBe(200);
      const d = delta.json() as SyncPage;
      expect(d.added.length).toBe(refreshed.json().added_count);
      // Removed (posted) pending ids are gone from list mode; their posted twins name them.
      const list = (
        await b.inject({
          method: 'GET',
          url: '/accounts/acc_ers_001/transactions?limit=200',
          headers: auth(MANI_KEY),
        })
      ).json().transactions as Txn[];
      for (const { id } of d.removed) {
        expect(list.some((x) => x.id === id)).toBe(false);
        expect(list.some((x) => x.pending_transaction_id === id && x.pending === 0)).toBe(true);
      }
    } finally {
      await b.close();
      await handle.close();
      await a.close();
    }
  });
});
