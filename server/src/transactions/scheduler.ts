import type { FastifyBaseLogger } from 'fastify';
import { type AppDeps, connectorsOf } from '../http/principals.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { type RefreshOutcome, refreshConnection } from './refresh.js';
import { listRefreshableConnections } from './refresh-store.js';

const DAY_MS = 86_400_000;
/** ITEM.PENDING_EXPIRATION fires this long before consent_expires_at. */
export const PENDING_EXPIRATION_MS = 7 * DAY_MS;

/**
 * The shortest spacing of scheduled refreshes a connector's daily budget allows: a bank granting
 * 4 unattended reads a day, at 1 read per refresh, is refreshed at most every 6 hours (2 reads:
 * every 12). The first import counts as a refresh (it sets last_refreshed_at).
 */
export function budgetSpacingMs(
  budget: { frequencyPerDay: number; readsPerRefresh: number } | undefined,
): number {
  if (!budget) return 0;
  const perDay = Math.max(1, Math.floor(budget.frequencyPerDay / budget.readsPerRefresh));
  return Math.ceil(DAY_MS / perDay);
}

/**
 * The consent lifecycle, once per scheduler cycle: ITEM.PENDING_EXPIRATION once per consent 7
 * days before it ends; a consent past its end turns the connection to reauth_required with
 * ITEM.LOGIN_REQUIRED (without asking the bank). Each move is one conditional UPDATE, so several
 * processes never send an event twice.
 */
export async function sweepConsents(deps: AppDeps): Promise<{ expiring: number; expired: number }> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const soonIso = new Date(now.getTime() + PENDING_EXPIRATION_MS).toISOString();
  let expiring = 0;
  let expired = 0;
  await deps.db.transaction().execute(async (trx) => {
    const gone = await trx
      .updateTable('connections')
      .set({ status: 'reauth_required', last_error: 'consent_expired' })
      .where('status', '=', 'active')
      .where('consent_expires_at', 'is not', null)
      .where('consent_expires_at', '<=', nowIso)
      .returning(['id', 'developer_id', 'environment', 'bank_id'])
      .execute();
    for (const c of gone) {
      await enqueueWebhookEvent(trx, deps.clock, {
        developerId: c.developer_id,
        environment: c.environment,
        type: 'ITEM.LOGIN_REQUIRED',
        fields: { connection_id: c.id, bank_id: c.bank_id },
      });
    }
    expired = gone.length;
    const soon = await trx
      .updateTable('connections')
      .set({ expiry_notified_at: nowIso })
      .where('status', '=', 'active')
      .where('expiry_notified_at', 'is', null)
      .where('consent_expires_at', 'is not', null)
      .where('consent_expires_at', '<=', soonIso)
      .returning(['id', 'developer_id', 'environment', 'bank_id', 'consent_expires_at'])
      .execute();
    for (const c of soon) {
      await enqueueWebhookEvent(trx, deps.clock, {
        developerId: c.developer_id,
        environment: c.environment,
        type: 'ITEM.PENDING_EXPIRATION',
        fields: { connection_id: c.id, bank_id: c.bank_id, consent_expires_at: c.consent_expires_at },
      });
    }
    expiring = soon.length;
  });
  return { expiring, expired };
}

/**
 * One scheduled refresh: skipped unless the connection's last pull is older than half the
 * interval (several processes share the work) or, when longer, the spacing the bank's daily
 * budget allows.
 */
export async function refreshIfDue(
  deps: AppDeps,
  conn: { id: string; connector: string },
  intervalMs: number,
): Promise<RefreshOutcome> {
  const spacing = Math.max(intervalMs / 2, budgetSpacingMs(connectorsOf(deps).byId(conn.connector)?.budget));
  const staleBefore = new Date(deps.clock.now().getTime() - spacing).toISOString();
  return refreshConnection(deps, conn.id, { staleBefore });
}

export interface RefreshScheduler {
  stop(): Promise<void>;
}

/**
 * Refreshes every active connection once per interval, spread evenly over it so a large number of
 * connections does not hit the banks (or the database) at one instant. Safe with several
 * processes: each refresh claims the connection's lease and skips connections refreshed within
 * the last half interval.
 */
export function startRefreshScheduler(
  deps: AppDeps,
  log: FastifyBaseLogger,
  intervalSeconds: number,
): RefreshScheduler {
  const intervalMs = intervalSeconds * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  // A sleep stop() can cut short, so shutdown never waits for the rest of an interval.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    });

  async function cycle(): Promise<void> {
    const started = performance.now();
    await sweepConsents(deps);
    const ids = await listRefreshableConnections(deps.db);
    for (const [i, { id, connector }] of ids.entries()) {
      if (stopped) return;
      const due = started + (intervalMs * i) / ids.length;
      const delay = due - performance.now();
      if (delay > 0) await wait(delay);
      if (stopped) return;
      try {
        const outcome = await refreshIfDue(deps, { id, connector }, intervalMs);
        if (outcome.status === 'refreshed') {
          const changed = [...outcome.accounts.values()].reduce(
            (n, c) => n + c.added + c.removed + c.modified,
            0,
          );
          log.debug({ connection_id: id, changed }, 'scheduled refresh');
        }
      } catch (err) {
        log.error({ err, connection_id: id }, 'scheduled refresh failed');
      }
    }
    const rest = started + intervalMs - performance.now();
    if (rest > 0 && !stopped) await wait(rest);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        await cycle();
      } catch (err) {
        log.error({ err }, 'refresh scheduler cycle failed');
        if (!stopped) await wait(Math.min(intervalMs, 30_000));
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      // Let a refresh in flight commit (or roll back) before the database closes.
      await running;
    },
  };
}
