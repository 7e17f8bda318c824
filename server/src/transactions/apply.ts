import { sumTransactions } from '../accounts/store.js';
import { balanceColumns } from '../connections/import.js';
import type { ConnectorAccount, ConnectorTransaction } from '../connectors/types.js';
import type { Executor } from '../db/index.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import { CATEGORY_NAMES, type CategoryName } from './category-names.js';
import type { HeldTransaction, Reconciliation } from './reconcile.js';
import {
  existingBankTxnIds,
  insertTransactions,
  type NewTransaction,
  removeTransactions,
  type TransactionRow,
  updateTransaction,
} from './store.js';

const isCategoryName = (c: string): c is CategoryName => (CATEGORY_NAMES as readonly string[]).includes(c);

/** A stored row as the reconciler sees it. */
export function toHeld(t: TransactionRow): HeldTransaction {
  return {
    id: t.id,
    bankTxnId: t.bank_txn_id,
    date: t.date,
    amount: Number(t.amount),
    description: t.description,
    ...(isCategoryName(t.category) && { category: t.category }),
    pending: Number(t.pending) === 1,
  };
}

/** Banks rarely categorise; our categoriser fills in what they leave out. */
export function toNewTransaction(t: ConnectorTransaction): NewTransaction {
  return {
    bankTxnId: t.bankTxnId,
    date: t.date,
    amount: t.amount,
    description: t.description,
    category: t.category ?? categorizeTransaction({ description: t.description, amount: t.amount }),
    pending: t.pending,
  };
}

/**
 * Writes one account's reconciliation inside the caller's transaction: removals first (pending
 * rows that posted under a new id, rows the bank dropped), then corrections and in-place postings
 * ('modified'), then new rows (posted versions carry pending_transaction_id). Every change lands
 * in the account's change log, so cursor sync sees exactly this diff.
 */
export async function applyReconciliation(
  trx: Executor,
  account: { id: string; currency: string },
  r: Reconciliation,
  nowIso: string,
): Promise<{ added: number; modified: number; removed: number }> {
  const removed = await removeTransactions(
    trx,
    account.id,
    [...r.posted.map((p) => p.held.id), ...r.removed.map((h) => h.id)],
    nowIso,
  );
  let modified = 0;
  for (const { held, fetched } of [...r.modified, ...r.postedInPlace]) {
    const patch = {
      amount: fetched.amount,
      date: fetched.date,
      description: fetched.description,
      pending: fetched.pending ? 1 : 0,
      ...(fetched.description !== held.description && {
        category:
          fetched.category ??
          categorizeTransaction({ description: fetched.description, amount: fetched.amount }),
      }),
    };
    if (await updateTransaction(trx, account.id, held.id, patch, nowIso)) modified++;
  }
  const incoming: NewTransaction[] = [
    ...r.posted.map((p) => ({ ...toNewTransaction(p.booked), pendingTransactionId: p.held.id })),
    ...r.added.map(toNewTransaction),
  ];
  // A row the bank lists again but dated outside what we compared (or twice) is never added twice.
  const known = await existingBankTxnIds(
    trx,
    account.id,
    incoming.map((t) => t.bankTxnId),
  );
  const seen = new Set<string>();
  const fresh = incoming.filter((t) => {
    if (known.has(t.bankTxnId) || seen.has(t.bankTxnId)) return false;
    seen.add(t.bankTxnId);
    return true;
  });
  const added = (await insertTransactions(trx, account, fresh, nowIso)).length;
  return { added, modified, removed: removed.length };
}

/** Makes the stored balance columns match what the bank reports, after the rows changed. */
export async function updateBalances(
  trx: Executor,
  accountId: string,
  reported: Pick<ConnectorAccount, 'balance' | 'availableBalance'>,
): Promise<void> {
  if (reported.balance === null || reported.balance === undefined) return;
  const sums = await sumTransactions(trx, accountId);
  await trx.updateTable('accounts').set(balanceColumns(reported, sums)).where('id', '=', accountId).execute();
}
