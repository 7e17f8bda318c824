import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../src/transactions/store.js';
import { collapseChanges, collapseChangeValues } from '../src/transactions/sync.js';

const row = (id: string, description = 'Maxi') => ({
  id,
  account_id: 'acc_1',
  date: '2026-04-04',
  amount: -1000,
  currency: 'RSD',
  description,
  category: 'groceries',
  pending: 0,
  pending_transaction_id: null,
});
let seq = 0;
const change = (kind: ChangeRow['kind'], id: string, present: boolean, description?: string): ChangeRow => ({
  seq: ++seq,
  kind,
  transaction_id: id,
  row: present ? row(id, description) : null,
});

describe('collapseChanges (one page of the change log → what the client applies)', () => {
  it('keeps plain added / modified / removed in order of first change', () => {
    const out = collapseChanges([
      change('added', 'a', true),
      change('removed', 'r', false),
      change('modified', 'm', true),
    ]);
    expect(out.added.map((x) => x.id)).toEqual(['a']);
    expect(out.modified.map((x) => x.id)).toEqual(['m']);
    expect(out.removed).toEqual([{ id: 'r' }]);
  });

  it('drops a transaction added and removed on the same page', () => {
    const out = collapseChanges([
      change('added', 'p', false),
      change('removed', 'p', false),
      change('added', 'k', true),
    ]);
    expect(out).toEqual({ added: [expect.objectContaining({ id: 'k' })], modified: [], removed: [] });
  });

  it('turns modified…removed into removed, and added…modified into one added with current data', () => {
    const out = collapseChanges([
      change('modified', 'x', false),
      change('added', 'y', true, 'Novi opis'),
      change('modified', 'y', true, 'Novi opis'),
      change('removed', 'x', false),
    ]);
    expect(out.removed).toEqual([{ id: 'x' }]);
    expect(out.added).toEqual([expect.objectContaining({ id: 'y', description: 'Novi opis' })]);
    expect(out.modified).toEqual([]);
  });

  it('holds back an added row already deleted by a later page (its removal arrives there)', () => {
    const out = collapseChanges([change('added', 'gone', false), change('modified', 'gone2', false)]);
    expect(out).toEqual({ added: [], modified: [], removed: [] });
  });

  it('reports a transaction modified several times once', () => {
    const out = collapseChanges([change('modified', 'm', true, 'v2'), change('modified', 'm', true, 'v2')]);
    expect(out.modified).toHaveLength(1);
  });

  it('collapses a page read as arrays (what a sync page reads) exactly as the same page as rows', () => {
    const kinds: ChangeRow['kind'][] = ['added', 'modified', 'removed'];
    const page: ChangeRow[] = [];
    // Every sequence of up to three changes to a transaction, present or already deleted, interleaved.
    for (let i = 0; i < 60; i++) {
      const id = `t${i % 17}`;
      page.push(change(kinds[(i * 7) % 3] as ChangeRow['kind'], id, (i * 5) % 4 !== 0, `d${i % 17}`));
    }
    const columns = [
      'id',
      'account_id',
      'date',
      'amount',
      'currency',
      'description',
      'category',
      'pending',
      'pending_transaction_id',
    ] as const;
    const asValues = page.map((c) => [
      c.seq,
      c.kind,
      c.transaction_id,
      ...columns.map((k) => (c.row ? c.row[k] : null)),
    ]);
    // Only the first `count` rows are the page (the one after it tells whether there is more).
    expect(collapseChangeValues([...asValues, ['x']], asValues.length)).toEqual(collapseChanges(page));
  });
});
