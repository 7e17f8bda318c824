import { setTimeout as sleep } from 'node:timers/promises';
import { dayOf } from '../clock.js';
import { connectorById } from '../connectors/registry.js';
import type { ConnectorRefresh, ConnectorTransaction } from '../connectors/types.js';
import type { AppDeps } from '../http/principals.js';
import { timedRefresh } from '../ops/metrics.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { categorizeTransaction } from './categorize/categorize.js';
import { CATEGORY_NAMES, type CategoryName } from './category-names.js';
import {
  accountsOfConnection,
  claimRefreshLease,
  completeRefresh,
  connectionStatus,
  type LeasedConnection,
  releaseRefreshLease,
} from './refresh-store.js';
import {
  existingBankTxnIds,
  insertTransactions,
  listPendingTransactions,
  type NewTransaction,
  removeTransactions,
  type TransactionRow,
  transactionIdFor,
} from './store.js';

/** Long enough for a slow bank; a crashed process's lease lapses after it. */
const LEASE_MS = 120_000;

export interface AccountRefreshCounts {
  added: number;
  modified: number;
  removed: number;
}

export type RefreshOutcome =
  | { status: 'refreshed'; accounts: Map<string, AccountRefreshCounts> }
  /** Another refresh holds the lease (or, for scheduled ones, the connection is fresh enough). */
  | { status: 'busy' }
  /** Not active any more (revoked meanwhile). */
  | { status: 'gone' };

export interface RefreshOptions {
  /** Wait this long for a running refresh of the same connection to finish, then run our own. */
  waitMs?: number;
  /** Scheduled refreshes skip connections synced after this instant. */
  staleBefore?: string;
}

/**
 * Pulls new data for every account of a connection from its connector and applies it in one
 * transaction: pending transactions that posted are removed and their posted versions added
 * (pending_transaction_id set), new transactions are categorised and added, every change is
 * appended to the account's change log, and TRANSACTIONS.SYNC_UPDATES_AVAILABLE is enqueued per
 * account that changed. One refresh per connection at a time (a lease on the connection row).
 */
export function refreshConnection(
  deps: AppDeps,
  connectionId: string,
  opts: RefreshOptions = {},
): Promise<RefreshOutcome> {
  return timedRefresh(() => refreshUntimed(deps, connectionId, opts));
}

async function refreshUntimed(
  deps: AppDeps,
  connectionId: string,
  opts: RefreshOptions,
): Promise<RefreshOutcome> {
  const { db, clock, box } = deps;
  const waitUntil = performance.now() + (opts.waitMs ?? 0);
  let leased: LeasedConnection | undefined;
  let untilIso = '';
  for (;;) {
    const now = clock.now();
    untilIso = new Date(now.getTime() + LEASE_MS).toISOString();
    leased = await claimRefreshLease(db, connectionId, {
      nowIso: now.toISOString(),
      untilIso,
      ...(opts.staleBefore !== undefined && { staleBefore: opts.staleBefore }),
    });
    if (leased || performance.now() >= waitUntil) break;
    if (!(await isActive(deps, connectionId))) return { status: 'gone' };
    await sleep(50);
  }
  if (!leased) return (await isActive(deps, connectionId)) ? { status: 'busy' } : { status: 'gone' };

  const conn = leased;
  try {
    const now = clock.now();
    const nowIso = now.toISOString();
    const accounts = await accountsOfConnection(db, conn.id);
    const connector = connectorById(conn.connector);
    // Custom sandbox connections (and any connection without a bank behind it) have nothing to pull.
    const pulls: Array<{
      account: (typeof accounts)[number];
      pending: TransactionRow[];
      pulled: ConnectorRefresh;
    }> = [];
    if (connector && conn.grant_enc) {
      const grant = box.open(conn.grant_enc);
      for (const account of accounts) {
        const pending = await listPendingTransactions(db, account.id);
        const pulled = await connector.refresh(grant, account, {
          today: dayOf(now),
          refreshNo: Number(conn.refresh_count) + 1,
          since: dayOf(new Date(conn.last_synced_at ?? conn.created_at)),
          pending: pending.map(toConnectorTransaction),
        });
        pulls.push({ account, pending, pulled });
      }
    }

    const counts = new Map<string, AccountRefreshCounts>(
      accounts.map((a) => [a.id, { added: 0, modified: 0, removed: 0 }]),
    );
    const committed = await db.transaction().execute(async (trx) => {
      // First statement: locks the connection row (a concurrent revocation waits for us) and proves the lease is still ours.
      if (!(await completeRefresh(trx, conn.id, untilIso, nowIso))) return false;
      for (const { account, pulled } of pulls) {
        const c = counts.get(account.id) as AccountRefreshCounts;
        // Pending rows read again inside the transaction: only those still here can post.
        const stillPending = new Map(
          (await listPendingTransactions(trx, account.id)).map((p) => [p.bank_txn_id, p.id]),
        );
        const postedIds = pulled.posted.flatMap((p) => {
          const id = stillPending.get(p.pendingBankTxnId);
          return id === undefined ? [] : [id];
        });
        c.removed = (await removeTransactions(trx, account.id, postedIds, nowIso)).length;

        const incoming: NewTransaction[] = [
          ...pulled.posted.map((p) => ({
            ...toNewTransaction(p.posted),
            pendingTransactionId: transactionIdFor(account.id, p.pendingBankTxnId),
          })),
          ...pulled.newTransactions.map(toNewTransaction),
        ];
        const known = await existingBankTxnIds(
          trx,
          account.id,
          incoming.map((t) => t.bankTxnId),
        );
        const fresh = incoming.filter((t) => !known.has(t.bankTxnId));
        c.added = (await insertTransactions(trx, account, fresh, nowIso)).length;

        if (c.added + c.removed + c.modified > 0) {
          await enqueueWebhookEvent(trx, clock, {
            developerId: conn.developer_id,
            environment: conn.environment,
            type: 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
            fields: { account_id: account.id, bank_id: account.bank_id },
          });
        }
      }
      return true;
    });
    // Not committed: our lease lapsed and another refresh took over, or the connection was revoked meanwhile.
    if (!committed) return (await isActive(deps, conn.id)) ? { status: 'busy' } : { status: 'gone' };
    return { status: 'refreshed', accounts: counts };
  } catch (err) {
    await releaseRefreshLease(db, conn.id, untilIso).catch(() => {});
    throw err;
  }
}

async function isActive(deps: AppDeps, connectionId: string): Promise<boolean> {
  return (await connectionStatus(deps.db, connectionId)) === 'active';
}

const isCategoryName = (c: string): c is CategoryName => (CATEGORY_NAMES as readonly string[]).includes(c);

function toConnectorTransaction(t: TransactionRow): ConnectorTransaction {
  return {
    bankTxnId: t.bank_txn_id,
    date: t.date,
    amount: Number(t.amount),
    description: t.description,
    ...(isCategoryName(t.category) && { category: t.category }),
    pending: true,
  };
}

/** Banks rarely categorise; our categoriser fills in what they leave out. */
function toNewTransaction(t: ConnectorTransaction): NewTransaction {
  return {
    bankTxnId: t.bankTxnId,
    date: t.date,
    amount: t.amount,
    description: t.description,
    category: t.category ?? categorizeTransaction({ description: t.description, amount: t.amount }),
    pending: t.pending,
  };
}
