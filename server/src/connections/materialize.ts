import type { ConnectorProfile } from '../connectors/types.js';
import type { Executor } from '../db/index.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import type { Environment } from '../http/principals.js';
import { newId } from '../ids.js';
import { categorizeOffThread } from '../offload/pool.js';
import type { CategoryName } from '../transactions/category-names.js';
import { insertTransactions } from '../transactions/store.js';
import { balanceColumns } from './import.js';

export interface NewConnection {
  connectionId?: string;
  apiKeyId: string;
  developerId: string;
  environment: Environment;
  bankId: string;
  userId: string;
  connector: string;
  grantEnc: string | null;
  /** Fixed account ids (the documented sandbox seed); otherwise generated. */
  accountIds?: string[];
  /** Assigns a category to transactions that arrive without one; the categoriser by default. */
  categorize?: (t: { description: string; amount: number }) => string;
  /** The bank consent's end (live banks); null when it does not expire. */
  consentExpiresAt?: string | null;
}

/**
 * Stores a new connection with everything its connector returned — accounts, identity, history
 * (each transaction also entered in the change log) — using the caller's transaction.
 */
export async function createConnectionWithData(
  trx: Executor,
  input: NewConnection,
  profile: ConnectorProfile,
  nowIso: string,
): Promise<{ connectionId: string; accounts: Array<{ id: string; name: string }> }> {
  const connectionId = input.connectionId ?? newId('conn');
  const categorize = input.categorize ?? categorizeTransaction;
  await trx
    .insertInto('connections')
    .values({
      id: connectionId,
      api_key_id: input.apiKeyId,
      developer_id: input.developerId,
      environment: input.environment,
      bank_id: input.bankId,
      user_id: input.userId,
      connector: input.connector,
      grant_enc: input.grantEnc,
      status: 'active',
      created_at: nowIso,
      revoked_at: null,
      last_synced_at: nowIso,
      refresh_count: 0,
      sync_locked_until: null,
      consent_expires_at: input.consentExpiresAt ?? null,
      last_refreshed_at: input.connector === 'custom' ? null : nowIso,
      expiry_notified_at: null,
      last_error: null,
    })
    .execute();
  const created: Array<{ id: string; name: string }> = [];
  for (const [i, acc] of profile.accounts.entries()) {
    const id = input.accountIds?.[i] ?? newId('acc');
    await insertAccountWithData(
      trx,
      { id, connectionId, apiKeyId: input.apiKeyId, bankId: input.bankId },
      acc,
      profile.identity,
      categorize,
      nowIso,
    );
    created.push({ id, name: acc.name });
  }
  return { connectionId, accounts: created };
}

/** One account with its history (and the holder's identity), for a new connection or a new account in update mode. */
export async function insertAccountWithData(
  trx: Executor,
  ids: { id: string; connectionId: string; apiKeyId: string; bankId: string },
  acc: ConnectorProfile['accounts'][number],
  identity: ConnectorProfile['identity'],
  categorize: (t: { description: string; amount: number }) => string,
  nowIso: string,
): Promise<void> {
  const { id } = ids;
  const sums = { booked: 0, pending: 0 };
  for (const t of acc.transactions) {
    if (t.pending) sums.pending += t.amount;
    else sums.booked += t.amount;
  }
  const balances = balanceColumns(acc, sums);
  await trx
    .insertInto('accounts')
    .values({
      id,
      connection_id: ids.connectionId,
      api_key_id: ids.apiKeyId,
      bank_id: ids.bankId,
      ref: acc.ref,
      name: acc.name,
      type: acc.type,
      currency: acc.currency,
      account_number: acc.accountNumber,
      opening_balance: balances.opening_balance,
      available_delta: balances.available_delta,
      change_seq: 0,
      created_at: nowIso,
    })
    .execute();
  if (identity) {
    await trx
      .insertInto('identities')
      .values({ account_id: id, document: JSON.stringify(identity) })
      .execute();
  }
  const txns =
    categorize === categorizeTransaction ? await withCategories(acc.transactions) : acc.transactions;
  await insertTransactions(
    trx,
    { id, currency: acc.currency },
    txns.map((t) => ({ ...t, category: t.category ?? categorize(t) })),
    nowIso,
  );
}

/**
 * The profile with the categoriser's category on every transaction the bank sent without one,
 * computed on a worker thread when there are many (offload/pool.ts): the same categories as
 * categorizeTransaction on the main thread, without stalling it for a large import.
 */
export async function categorizeProfile(profile: ConnectorProfile): Promise<ConnectorProfile> {
  const done = await withCategories(profile.accounts.flatMap((a) => a.transactions));
  let k = 0;
  return {
    ...profile,
    accounts: profile.accounts.map((a) => {
      k += a.transactions.length;
      return { ...a, transactions: done.slice(k - a.transactions.length, k) };
    }),
  };
}

async function withCategories<T extends { description: string; amount: number; category?: CategoryName }>(
  txns: readonly T[],
): Promise<T[]> {
  const missing = txns.filter((t) => t.category === undefined);
  if (missing.length === 0) return [...txns];
  const categories = await categorizeOffThread(missing);
  let k = 0;
  return txns.map((t) =>
    t.category === undefined ? { ...t, category: categories[k++] as CategoryName } : t,
  );
}
