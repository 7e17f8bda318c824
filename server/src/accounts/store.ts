import type { Executor } from '../db/index.js';
import { preparedQuery, readRows } from '../db/prepared.js';
import type { AccountsTable } from '../db/schema.js';

export type AccountRow = AccountsTable;

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
    .where('connections.status', '!=', 'revoked');
  if (bankId) q = q.where('accounts.bank_id', '=', bankId);
  return q.orderBy('accounts.created_at').orderBy('accounts.id').execute();
}

export interface BalanceTotals {
  booked: number;
  pending: number;
}

/** Sums of booked and pending transaction amounts, in minor units. */
export async function sumTransactions(db: Executor, accountId: string): Promise<BalanceTotals> {
  // On the read-only connection (SQLite): a balance does not wait for another connection's import.
  const rows = await readRows(
    db,
    db
      .selectFrom('transactions')
      .select(['pending', (eb) => eb.fn.sum<number>('amount').as('total')])
      .where('account_id', '=', accountId)
      .groupBy('pending'),
  );
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

const ACCOUNT_COLUMNS = [
  'accounts.id',
  'accounts.connection_id',
  'accounts.api_key_id',
  'accounts.bank_id',
  'accounts.ref',
  'accounts.name',
  'accounts.type',
  'accounts.currency',
  'accounts.account_number',
  'accounts.opening_balance',
  'accounts.available_delta',
  'accounts.change_seq',
  'accounts.created_at',
] as const;

// Auth for account endpoints: the key by its hash and, in the same round trip, the account named
// in the path if (and only if) that key owns it.
const selectKeyWithAccount = preparedQuery(
  (db, accountId: string, keyHash: string) =>
    db
      .selectFrom('api_keys')
      .leftJoin('accounts', (join) =>
        join
          .on('accounts.id', '=', accountId)
          .onRef('accounts.api_key_id', '=', 'api_keys.id')
          // A revoked connection's accounts answer as deleted while the background job deletes them.
          .on('accounts.revoked_at', 'is', null),
      )
      .where('api_keys.key_hash', '=', keyHash)
      .select([
        'api_keys.id as key_id',
        'api_keys.developer_id as key_developer_id',
        'api_keys.environment as key_environment',
        'api_keys.scopes as key_scopes',
        'api_keys.status as key_status',
      ])
      .select(ACCOUNT_COLUMNS),
  ['sample-account', 'sample-hash'],
);

export interface KeyWithAccount {
  key: {
    id: string;
    developer_id: string;
    environment: 'sandbox' | 'live';
    scopes: string;
    status: 'active' | 'revoked';
  };
  account: AccountRow | null;
}

export async function findKeyWithAccount(
  db: Executor,
  keyHash: string,
  accountId: string,
): Promise<KeyWithAccount | undefined> {
  const [row] = await selectKeyWithAccount(db, accountId, keyHash);
  if (!row) return undefined;
  const { key_id, key_developer_id, key_environment, key_scopes, key_status, ...account } = row;
  return {
    key: {
      id: key_id,
      developer_id: key_developer_id,
      environment: key_environment,
      scopes: key_scopes,
      status: key_status,
    },
    // A LEFT JOIN with no match gives an all-null account.
    account: account.id === null ? null : (account as AccountRow),
  };
}
