import { setTimeout as sleep } from 'node:timers/promises';
import { dayOf } from '../clock.js';
import {
  type ConnectorAccount,
  ConnectorError,
  type ReadContext,
  type TransactionWindow,
} from '../connectors/types.js';
import { addDays } from '../connectors/xs2a/transform.js';
import { type AppDeps, connectorsOf } from '../http/principals.js';
import { timedRefresh } from '../ops/metrics.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { applyReconciliation, toHeld, updateBalances } from './apply.js';
import { reconcile } from './reconcile.js';
import {
  accountsOfConnection,
  claimRefreshLease,
  completeRefresh,
  connectionStatus,
  type LeasedConnection,
  markRefreshFailed,
  releaseRefreshLease,
} from './refresh-store.js';
import { listHeldForWindow, listPendingTransactions } from './store.js';

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
  /** The app's user is present (POST /accounts/:id/sync {user_ip}): sent as PSU-IP-Address. */
  psuIpAddress?: string;
  /** A force refresh (POST /accounts/:id/sync) rather than a scheduled one. */
  forced?: boolean;
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
    const today = dayOf(now);
    const accounts = await accountsOfConnection(db, conn.id);
    const connector = connectorsOf(deps).byId(conn.connector);
    // Custom sandbox connections (and any connection without a bank behind it) have nothing to pull.
    const pulls: Array<{
      account: (typeof accounts)[number];
      window: TransactionWindow;
      reported?: ConnectorAccount;
    }> = [];
    if (connector && conn.grant_enc) {
      const grant = box.open(conn.grant_enc);
      const ctx: ReadContext = {
        today,
        refreshNo: Number(conn.refresh_count) + 1,
        since: dayOf(new Date(conn.last_synced_at ?? conn.created_at)),
        ...(opts.psuIpAddress !== undefined && { psuIpAddress: opts.psuIpAddress }),
        ...(opts.forced && { forced: true }),
      };
      try {
        // Every bank call happens here, before the write transaction.
        const reported = connector.reportsBalances ? await connector.listAccounts(grant, ctx) : undefined;
        for (const account of accounts) {
          const pending = await listPendingTransactions(db, account.id);
          const since = ctx.since ?? today;
          const oldestPending = pending[0]?.date;
          let from = addDays(since, -LOOKBACK_DAYS);
          if (oldestPending !== undefined && oldestPending < from) from = oldestPending;
          const floor = connector.historyFrom(today, ctx);
          if (from < floor) from = floor;
          const held = (await listHeldForWindow(db, account.id, from)).map(toHeld);
          const window = await connector.listTransactions(
            grant,
            account,
            { from, to: today },
            { ...ctx, held },
          );
          const r = reported?.find((a) => a.ref === account.ref);
          pulls.push({ account, window, ...(r && { reported: r }) });
        }
      } catch (err) {
        if (err instanceof ConnectorError) await recordFailure(deps, conn, untilIso, err);
        throw err;
      }
    }

    const counts = new Map<string, AccountRefreshCounts>(
      accounts.map((a) => [a.id, { added: 0, modified: 0, removed: 0 }]),
    );
    const committed = await db.transaction().execute(async (trx) => {
      // First statement: locks the connection row (a concurrent revocation waits for us) and proves the lease is still ours.
      if (!(await completeRefresh(trx, conn.id, untilIso, nowIso))) return false;
      for (const { account, window, reported } of pulls) {
        // Held rows read again inside the transaction: the diff is against what is stored now.
        const held = (await listHeldForWindow(trx, account.id, window.from)).map(toHeld);
        const c = await applyReconciliation(trx, account, reconcile(held, window), nowIso);
        counts.set(account.id, c);
        if (reported) await updateBalances(trx, account.id, reported);
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

/** How far before the last pull a refresh looks again (late bookings, corrections). */
const LOOKBACK_DAYS = 7;

/**
 * A bank failure during a refresh: a consent the bank no longer honours turns the connection to
 * reauth_required and fires ITEM.LOGIN_REQUIRED (once, while we still hold the lease); any other
 * failure is only noted. The data already held stays readable.
 */
async function recordFailure(
  deps: AppDeps,
  conn: LeasedConnection,
  untilIso: string,
  err: ConnectorError,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const moved = await markRefreshFailed(trx, conn.id, untilIso, err.kind, err.needsReauth);
    if (moved && err.needsReauth) {
      await enqueueWebhookEvent(trx, deps.clock, {
        developerId: conn.developer_id,
        environment: conn.environment,
        type: 'ITEM.LOGIN_REQUIRED',
        fields: { connection_id: conn.id, bank_id: conn.bank_id },
      });
    }
  });
}

async function isActive(deps: AppDeps, connectionId: string): Promise<boolean> {
  return (await connectionStatus(deps.db, connectionId)) === 'active';
}
