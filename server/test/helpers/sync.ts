import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { auth, MANI_KEY } from './app.js';

export type Txn = {
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
};

export interface SyncBody {
  sync_status: string;
  added: Txn[];
  modified: Txn[];
  removed: { id: string }[];
  next_cursor: string;
  has_more: boolean;
}

/** One sync-mode call; fails the test on anything but 200. */
export async function syncPage(
  app: FastifyInstance,
  account: string,
  cursor: string,
  limit?: number,
  key = MANI_KEY,
): Promise<SyncBody> {
  const res = await app.inject({
    method: 'GET',
    url: `/accounts/${account}/transactions?cursor=${encodeURIComponent(cursor)}${limit ? `&limit=${limit}` : ''}`,
    headers: auth(key),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SyncBody;
}

/** Pages until has_more is false. */
export async function syncAll(
  app: FastifyInstance,
  account: string,
  cursor: string,
  limit?: number,
  key = MANI_KEY,
) {
  const pages: SyncBody[] = [];
  let c = cursor;
  for (;;) {
    const page = await syncPage(app, account, c, limit, key);
    pages.push(page);
    c = page.next_cursor;
    if (!page.has_more) return { pages, cursor: c };
  }
}

/** The whole list-mode history (newest first). */
export async function listAll(app: FastifyInstance, account: string, key = MANI_KEY): Promise<Txn[]> {
  const all: Txn[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await app.inject({
      method: 'GET',
      url: `/accounts/${account}/transactions?limit=200&offset=${offset}`,
      headers: auth(key),
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { transactions: Txn[]; has_more: boolean };
    all.push(...page.transactions);
    if (!page.has_more) return all;
  }
}

/**
 * A client's copy of an account, built only from sync pages. It fails the test if a change is
 * delivered twice (an id added while already held) or modifies/removes something never added.
 */
export class SyncReplica {
  readonly rows = new Map<string, Txn>();
  readonly everAdded = new Set<string>();
  apply(page: SyncBody): void {
    for (const r of page.removed) this.rows.delete(r.id);
    for (const a of page.added) {
      expect(this.everAdded.has(a.id), `added twice: ${a.id}`).toBe(false);
      this.everAdded.add(a.id);
      this.rows.set(a.id, a);
    }
    for (const m of page.modified) {
      expect(this.rows.has(m.id), `modified before added: ${m.id}`).toBe(true);
      this.rows.set(m.id, m);
    }
  }
}
