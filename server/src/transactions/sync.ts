import type { AccountRow } from '../accounts/store.js';
import type { Executor } from '../db/index.js';
import { ApiError } from '../errors.js';
import type { SecretBox } from '../secrets.js';
import { decodeCursor, encodeCursor, type SyncCursor } from './cursor.js';
import {
  CHANGE_FIELDS_AT,
  type ChangeRow,
  type ChangeValues,
  readChangeValues,
  toTransactionJson,
  valuesToTransactionJson,
} from './store.js';

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
  return collapse(
    changes,
    changes.length,
    (c) => c.kind,
    (c) => c.transaction_id,
    (c) => (c.row ? toTransactionJson(c.row) : null),
  );
}

/** The same over rows of readChangeValues (what a sync page reads): no object per row in between. */
export function collapseChangeValues(changes: readonly ChangeValues[], count: number): CollapsedChanges {
  return collapse(
    changes,
    count,
    (c) => c[1] as ChangeRow['kind'],
    (c) => c[2] as string,
    (c) => (c[CHANGE_FIELDS_AT] === null ? null : valuesToTransactionJson(c, CHANGE_FIELDS_AT)),
  );
}

function collapse<C>(
  changes: readonly C[],
  count: number,
  kindOf: (c: C) => ChangeRow['kind'],
  idOf: (c: C) => string,
  jsonOf: (c: C) => TransactionJson | null,
): CollapsedChanges {
  const byTxn = new Map<string, { first: ChangeRow['kind']; removed: boolean; change: C }>();
  for (let i = 0; i < count; i++) {
    const c = changes[i] as C;
    const id = idOf(c);
    const kind = kindOf(c);
    const seen = byTxn.get(id);
    if (!seen) byTxn.set(id, { first: kind, removed: kind === 'removed', change: c });
    else if (kind === 'removed') seen.removed = true;
  }
  const out: CollapsedChanges = { added: [], modified: [], removed: [] };
  for (const [id, s] of byTxn) {
    if (s.removed) {
      if (s.first !== 'added') out.removed.push({ id });
      continue;
    }
    const json = jsonOf(s.change);
    if (json) (s.first === 'added' ? out.added : out.modified).push(json);
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
  const changes = await readChangeValues(deps.db, account.id, from.seq, req.limit + 1);
  const hasMore = changes.length > req.limit;
  const count = hasMore ? req.limit : changes.length;
  const lastSeq = count > 0 ? Number((changes[count - 1] as ChangeValues)[0]) : from.seq;
  const phase: SyncCursor['phase'] = from.phase === 'h' && hasMore ? 'h' : 'c';
  return {
    sync_status: phase === 'h' ? 'HISTORICAL_UPDATE_IN_PROGRESS' : 'HISTORICAL_UPDATE_COMPLETE',
    ...collapseChangeValues(changes, count),
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
