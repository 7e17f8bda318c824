import type { AccountRow } from '../accounts/store.js';
import type { Executor } from '../db/index.js';
import { ApiError } from '../errors.js';
import type { SecretBox } from '../secrets.js';
import { decodeCursor, encodeCursor, type SyncCursor } from './cursor.js';
import { type ChangeRow, readChanges, toTransactionJson } from './store.js';

type TransactionJson = ReturnType<typeof toTransactionJson>;

export type SyncStatus = 'HISTORICAL_UPDATE_IN_PROGRESS' | 'HISTORICAL_UPDATE_COMPLETE';

export interface SyncPage {
  sync_status: SyncStatus;
  added: TransactionJson[];
  modified: TransactionJson[];
  removed: { id: string }[];
  next_cursor: string;
  has_more: boolean;
}

export interface CollapsedChanges {
  added: TransactionJson[];
  modified: TransactionJson[];
  removed: { id: string }[];
}

/**
 * Turns one page of the change log into what a client applies: each transaction appears once, in
 * the order of its first change on the page, with its current data.
 * - added … removed on the same page: nothing (the client never needs to know it existed);
 * - modified … removed: removed;
 * - added … modified: added (with the modified data);
 * - a row already deleted by a change after this page: nothing yet — its removal comes later.
 */
export function collapseChanges(changes: readonly ChangeRow[]): CollapsedChanges {
  const byTxn = new Map<string, { first: ChangeRow['kind']; removed: boolean; row: ChangeRow['row'] }>();
  for (const c of changes) {
    const seen = byTxn.get(c.transaction_id);
    if (!seen) byTxn.set(c.transaction_id, { first: c.kind, removed: c.kind === 'removed', row: c.row });
    else if (c.kind === 'removed') seen.removed = true;
  }
  const out: CollapsedChanges = { added: [], modified: [], removed: [] };
  for (const [id, s] of byTxn) {
    if (s.removed) {
      if (s.first !== 'added') out.removed.push({ id });
    } else if (s.row) {
      (s.first === 'added' ? out.added : out.modified).push(toTransactionJson(s.row));
    }
  }
  return out;
}

/** Sync mode of GET /accounts/:id/transactions: the changes after the cursor, `limit` log entries at a time. */
export async function syncTransactions(
  deps: { db: Executor; box: SecretBox },
  account: AccountRow,
  req: { cursor: string; limit: number },
): Promise<SyncPage> {
  const from = await startingPoint(deps, account, req.cursor);
  // One row beyond the page tells whether there is more without a count.
  const changes = await readChanges(deps.db, account.id, from.seq, req.limit + 1);
  const hasMore = changes.length > req.limit;
  const page = hasMore ? changes.slice(0, req.limit) : changes;
  const lastSeq = page.length > 0 ? (page[page.length - 1] as ChangeRow).seq : from.seq;
  const phase: SyncCursor['phase'] = from.phase === 'h' && hasMore ? 'h' : 'c';
  return {
    sync_status: phase === 'h' ? 'HISTORICAL_UPDATE_IN_PROGRESS' : 'HISTORICAL_UPDATE_COMPLETE',
    ...collapseChanges(page),
    next_cursor: encodeCursor(deps.box, {
      accountId: account.id,
      accountCreatedAt: account.created_at,
      seq: lastSeq,
      phase,
    }),
    has_more: hasMore,
  };
}

/** Where to continue: the start of the log for an empty cursor, else the authenticated position. */
async function startingPoint(
  deps: { db: Executor; box: SecretBox },
  account: AccountRow,
  text: string,
): Promise<SyncCursor> {
  if (text === '') return { accountId: account.id, accountCreatedAt: account.created_at, seq: 0, phase: 'h' };
  const c = decodeCursor(deps.box, text);
  // A cursor of another account (or of an earlier account with the same id), or a position this
  // account's log never reached, was not issued for it.
  if (!c || c.accountId !== account.id || c.accountCreatedAt !== account.created_at) {
    throw new ApiError('INVALID_CURSOR');
  }
  // The account row may come from the PostgreSQL key cache, a few milliseconds behind a commit
  // (another process's, before its NOTIFY arrives; or this one's, before its COMMIT's answer is
  // read) while the change log read for the previous page already saw it: ask the database before
  // calling a position beyond the cached one never issued.
  if (c.seq > Number(account.change_seq) && c.seq > (await currentChangeSeq(deps.db, account.id))) {
    throw new ApiError('INVALID_CURSOR');
  }
  return c;
}

async function currentChangeSeq(db: Executor, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select('change_seq')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return Number(row?.change_seq ?? 0);
}
