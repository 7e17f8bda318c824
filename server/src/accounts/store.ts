import type { Executor } from '../db/index.js';
import { preparedQuery } from '../db/prepared.js';
import type { AccountsTable } from '../db/schema.js';

export type AccountRow = AccountsTable;

// Every account-scoped request runs this: compiled once (see db/prepared.ts). Revoking a connection
// deletes its accounts in the same transaction, so an account row exists only while its connection is active.
const selectAccountForKey = preparedQuery(
  (db, accountId: string, apiKeyId: string) =>
    db.selectFrom('accounts').selectAll().where('id', '=', accountId).where('api_key_id', '=', apiKeyId),
  ['sample-account', 'sample-key'],
);

/** The account if it belongs to this key (and so to one of its active connections); otherwise undefined. */
export async function findAccountForKey(
  db: Executor,
  apiKeyId: string,
  accountId: string,
): Promise<AccountRow | undefined> {
  const [row] = await selectAccountForKey(db, accountId, apiKeyId);
  return row;
}

export async function listAccountsForKey(
  db: Executor,
  apiKeyId: string,
  bankId?: string,
): Promise<AccountRow[]> {
  let q = db
    .selectFrom('accounts')
    .innerJoin('connections', 'connections.id', 'accounts.connection_id')
    .selectAll('accounts')
    .where('accounts.api_key_id', '=', apiKeyId)
    .where('connections.status', '=', 'active');
  if (bankId) q = q.where('accounts.bank_id', '=', bankId);
  return q.orderBy('accounts.created_at').orderBy('accounts.id').execute();
}

export interface BalanceTotals {
  booked: number;
  pending: number;
}

/** Sums of booked and pending transaction amounts, in minor units. */
export async function sumTransactions(db: Executor, accountId: string): Promise<BalanceTotals> {
  const rows = await db
    .selectFrom('transactions')
    .select(['pending', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('account_id', '=', accountId)
    .groupBy('pending')
    .execute();
  let booked = 0;
  let pending = 0;
  for (const r of rows) {
    if (Number(r.pending) === 1) pending = Number(r.total ?? 0);
    else booked = Number(r.total ?? 0);
  }
  return { booked, pending };
}

export async function findIdentityDocument(db: Executor, accountId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('identities')
    .select('document')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.document;
}
