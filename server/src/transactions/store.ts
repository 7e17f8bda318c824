import { createHash } from 'node:crypto';
import type { Executor } from '../db/index.js';
import type { TransactionsTable } from '../db/schema.js';
import { toMoney } from '../money.js';

export type TransactionRow = TransactionsTable;

/** Our id for a bank transaction is derived from (account, bank id), so re-imports never duplicate. */
export const transactionIdFor = (accountId: string, bankTxnId: string): string =>
  `txn_${createHash('sha256').update(`${accountId}\u0000${bankTxnId}`).digest('hex').slice(0, 24)}`;

export function toTransactionJson(t: TransactionRow) {
  const amount = Number(t.amount);
  return {
    id: t.id,
    account_id: t.account_id,
    date: t.date,
    amount: toMoney(amount),
    currency: t.currency,
    description: t.description,
    category: t.category,
    type: amount < 0 ? ('debit' as const) : ('credit' as const),
    pending: Number(t.pending),
    pending_transaction_id: t.pending_transaction_id,
  };
}

export interface ListFilter {
  from?: string;
  to?: string;
  category?: string;
  limit: number;
  offset: number;
}

/** List mode: newest first, with the total for the filter. */
export async function listTransactions(
  db: Executor,
  accountId: string,
  f: ListFilter,
): Promise<{ rows: TransactionRow[]; total: number }> {
  let base = db.selectFrom('transactions').where('account_id', '=', accountId);
  if (f.from) base = base.where('date', '>=', f.from);
  if (f.to) base = base.where('date', '<=', f.to);
  if (f.category) base = base.where('category', '=', f.category);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('date', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface NewTransaction {
  bankTxnId: string;
  date: string;
  amount: number;
  description: string;
  category: string;
  pending: boolean;
  pendingTransactionId?: string | null;
}

/**
 * Inserts transactions and appends one 'added' entry per row to the account's change log.
 * The account row's change_seq is bumped first: on PostgreSQL that row lock serialises writers of
 * one account, so sequence numbers commit in order and a cursor never skips a change.
 */
export async function insertTransactions(
  trx: Executor,
  account: { id: string; currency: string },
  txns: readonly NewTransaction[],
  nowIso: string,
): Promise<string[]> {
  if (txns.length === 0) return [];
  const bumped = await trx
    .updateTable('accounts')
    .set((eb) => ({ change_seq: eb('change_seq', '+', txns.length) }))
    .where('id', '=', account.id)
    .returning('change_seq')
    .executeTakeFirstOrThrow();
  const firstSeq = Number(bumped.change_seq) - txns.length + 1;
  const rows = txns.map((t) => ({
    id: transactionIdFor(account.id, t.bankTxnId),
    account_id: account.id,
    bank_txn_id: t.bankTxnId,
    date: t.date,
    amount: t.amount,
    currency: account.currency,
    description: t.description,
    category: t.category,
    pending: t.pending ? 1 : 0,
    pending_transaction_id: t.pendingTransactionId ?? null,
    created_at: nowIso,
    updated_at: nowIso,
  }));
  // Chunked to stay under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('transactions').values(rows.slice(i, i + 500)).execute();
    await trx
      .insertInto('transaction_changes')
      .values(
        rows.slice(i, i + 500).map((r, j) => ({
          account_id: account.id,
          seq: firstSeq + i + j,
          transaction_id: r.id,
          kind: 'added' as const,
          created_at: nowIso,
        })),
      )
      .execute();
  }
  return rows.map((r) => r.id);
}
