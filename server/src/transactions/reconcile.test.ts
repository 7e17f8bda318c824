import { describe, expect, it } from 'vitest';
import type { ConnectorTransaction } from '../connectors/types.js';
import { changeCount, type HeldTransaction, normalizeText, postingScore, reconcile } from './reconcile.js';

const t = (over: Partial<ConnectorTransaction> & { bankTxnId: string }): ConnectorTransaction => ({
  date: '2026-12-01',
  amount: -123_45,
  description: 'Kupovina karticom MAXI 123 BEOGRAD',
  pending: false,
  ...over,
});
const h = (over: Partial<HeldTransaction> & { bankTxnId: string }): HeldTransaction => ({
  id: `txn_${over.bankTxnId}`,
  ...t(over),
  ...over,
});
const win = (transactions: ConnectorTransaction[]) => ({
  from: '2026-11-01',
  to: '2026-12-06',
  transactions,
});

describe('reconcile', () => {
  it('leaves identical rows alone and adds new ones', () => {
    const r = reconcile(
      [h({ bankTxnId: 'A' })],
      win([t({ bankTxnId: 'A' }), t({ bankTxnId: 'B', amount: -5 })]),
    );
    expect(r.added.map((x) => x.bankTxnId)).toEqual(['B']);
    expect(r.modified).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(changeCount(r)).toEqual({ added: 1, modified: 0, removed: 0 });
  });

  it('reports a corrected amount or text as modified', () => {
    const r = reconcile(
      [h({ bankTxnId: 'A' }), h({ bankTxnId: 'C', description: 'Kirija' })],
      win([t({ bankTxnId: 'A', amount: -200_00 }), t({ bankTxnId: 'C', description: 'Kirija decembar' })]),
    );
    expect(r.modified.map((m) => m.held.bankTxnId)).toEqual(['A', 'C']);
  });

  it('posts a pending row in place when the bank keeps its id', () => {
    const r = reconcile(
      [h({ bankTxnId: 'P', pending: true })],
      win([t({ bankTxnId: 'P', date: '2026-12-02' })]),
    );
    expect(r.postedInPlace).toHaveLength(1);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
  });

  it('pairs a pending row with its booked version under a new id (amount, date, text)', () => {
    const held = [
      h({
        bankTxnId: 'P1',
        pending: true,
        date: '2026-12-03',
        description: 'Kupovina karticom MAXI 123 BEOGRAD',
      }),
      h({ bankTxnId: 'P2', pending: true, date: '2026-12-03', amount: -790_00, description: 'NETFLIX.COM' }),
    ];
    const r = reconcile(
      held,
      win([
        // Booked two days later, with the bank's booked id and a slightly longer text.
        t({ bankTxnId: 'B1', date: '2026-12-05', description: 'Kupovina karticom MAXI 123 BEOGRAD 03.12.' }),
        t({ bankTxnId: 'B2', date: '2026-12-04', amount: -790_00, description: 'Netflix.com Amsterdam' }),
      ]),
    );
    expect(r.posted.map((p) => [p.held.bankTxnId, p.booked.bankTxnId]).sort()).toEqual([
      ['P1', 'B1'],
      ['P2', 'B2'],
    ]);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(changeCount(r)).toEqual({ added: 2, modified: 0, removed: 2 });
  });

  it('does not pair different amounts, far dates or unrelated texts', () => {
    const p = t({ bankTxnId: 'P', pending: true, date: '2026-12-03' });
    expect(postingScore(p, t({ bankTxnId: 'X', date: '2026-12-03', amount: -1 }))).toBe(-1);
    expect(postingScore(p, t({ bankTxnId: 'X', date: '2026-12-20' }))).toBe(-1);
    expect(postingScore(p, t({ bankTxnId: 'X', date: '2026-12-03', description: 'EPS Snabdevanje' }))).toBe(
      -1,
    );
    expect(
      postingScore(p, t({ bankTxnId: 'X', date: '2026-12-04', description: 'x', counterparty: 'MAXI' })),
    ).toBe(-1);
    expect(
      postingScore(
        { ...p, counterparty: 'Delhaize Serbia' },
        t({ bankTxnId: 'X', date: '2026-12-04', description: 'POS 55', counterparty: 'DELHAIZE SERBIA' }),
      ),
    ).toBeGreaterThan(0);
  });

  it('prefers the closest exact match when two booked rows fit one pending', () => {
    const r = reconcile(
      [h({ bankTxnId: 'P', pending: true, date: '2026-12-03' })],
      win([t({ bankTxnId: 'B-late', date: '2026-12-08' }), t({ bankTxnId: 'B-near', date: '2026-12-04' })]),
    );
    expect(r.posted.map((p) => p.booked.bankTxnId)).toEqual(['B-near']);
    expect(r.added.map((a) => a.bankTxnId)).toEqual(['B-late']);
  });

  it('removes held rows the bank dropped inside the window, never outside it', () => {
    const r = reconcile(
      [
        h({ bankTxnId: 'gone', pending: true, date: '2026-12-04' }),
        h({ bankTxnId: 'old', date: '2026-01-04' }),
      ],
      win([]),
    );
    expect(r.removed.map((x) => x.bankTxnId)).toEqual(['gone']);
  });

  it('counts an id listed twice once', () => {
    const r = reconcile([], win([t({ bankTxnId: 'A' }), t({ bankTxnId: 'A' })]));
    expect(r.added).toHaveLength(1);
  });

  it('normalises Serbian text for matching', () => {
    expect(normalizeText('Đorđe  ČAČAK-Šabac')).toBe('djordje cacak sabac');
  });
});
