import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';

/** Issue 12 item 5: a sandbox force refresh always changes something; custom connections never do. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const sync = (accountId: string, key = MANI_KEY) =>
  t.app.inject({ method: 'POST', url: `/accounts/${accountId}/sync`, headers: auth(key) });
const today = () => t.clock.now().toISOString().slice(0, 10);

describe('sandbox force refresh', () => {
  it('makes new transactions dated today on every force refresh of a current account, even right after connecting', async () => {
    for (const id of ['acc_rai_001', 'acc_ers_001', 'acc_aik_001']) {
      for (let i = 0; i < 5; i++) {
        const cursorRes = await t.app.inject({
          method: 'GET',
          url: `/accounts/${id}/transactions?cursor=&limit=500`,
          headers: auth(MANI_KEY),
        });
        let cursor = cursorRes.json().next_cursor as string;
        for (let more = cursorRes.json().has_more; more; ) {
          const page = await t.app.inject({
            method: 'GET',
            url: `/accounts/${id}/transactions?cursor=${cursor}&limit=500`,
            headers: auth(MANI_KEY),
          });
          cursor = page.json().next_cursor;
          more = page.json().has_more;
        }
        const res = await sync(id);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().added_count).toBeGreaterThan(0);
        const delta = await t.app.inject({
          method: 'GET',
          url: `/accounts/${id}/transactions?cursor=${cursor}&limit=500`,
          headers: auth(MANI_KEY),
        });
        const added = delta.json().added as Array<{ date: string; pending_transaction_id: string | null }>;
        expect(added.filter((x) => x.pending_transaction_id === null).some((x) => x.date === today())).toBe(
          true,
        );
        t.clock.advance(60_000);
      }
    }
  });

  it('keeps a POST /sandbox/connections connection exactly as sent', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(DEMO_KEY),
      payload: {
        bank_id: 'raiffeisen',
        user_id: 'user_custom_refresh',
        accounts: [
          {
            name: 'Tekući račun',
            type: 'current',
            currency: 'RSD',
            transactions: [
              { date: '2026-03-04', amount: -420.5, description: 'Wolt Beograd', pending: true },
            ],
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().accounts[0].id as string;
    for (let i = 0; i < 3; i++) {
      t.clock.advance(86_400_000);
      expect((await sync(id, DEMO_KEY)).json()).toMatchObject({
        added_count: 0,
        modified_count: 0,
        removed_count: 0,
      });
    }
    const list = await t.app.inject({
      method: 'GET',
      url: `/accounts/${id}/transactions`,
      headers: auth(DEMO_KEY),
    });
    expect(list.json().transactions).toHaveLength(1);
  });
});
