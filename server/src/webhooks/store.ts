import type { Db, Dialect, Executor } from '../db/index.js';
import { newId } from '../ids.js';

/** SQL for webhooks, their deliveries and attempts. Every query for a developer is scoped to them. */

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  created_at: string;
}

const toWebhook = (r: {
  id: string;
  url: string;
  events: string;
  disabled_at: string | null;
  created_at: string;
}): WebhookRow => ({
  id: r.id,
  url: r.url,
  events: JSON.parse(r.events) as string[],
  enabled: r.disabled_at === null,
  created_at: r.created_at,
});

export async function insertWebhook(
  db: Executor,
  w: { id: string; developerId: string; url: string; events: string[]; secretEnc: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: w.id,
      developer_id: w.developerId,
      url: w.url,
      events: JSON.stringify(w.events),
      secret_enc: w.secretEnc,
      created_at: w.createdAt,
      deleted_at: null,
    })
    .execute();
}

export async function listWebhooks(db: Executor, developerId: string): Promise<WebhookRow[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'events', 'disabled_at', 'created_at'])
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toWebhook);
}

export async function findWebhook(db: Executor, developerId: string, id: string): Promise<WebhookRow | null> {
  const row = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'events', 'disabled_at', 'created_at'])
    .where('id', '=', id)
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toWebhook(row) : null;
}

/** Soft-deletes the webhook and cancels what it still had queued; false when not found. */
export async function deleteWebhook(
  db: Db,
  developerId: string,
  id: string,
  nowIso: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('webhooks')
      .set({ deleted_at: nowIso })
      .where('id', '=', id)
      .where('developer_id', '=', developerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: 'webhook deleted', locked_until: null })
      .where('webhook_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    return true;
  });
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  created_at: string;
}

function deliveryQuery(db: Executor) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.event_id',
      'e.event_type',
      'd.status',
      'd.attempts',
      'd.last_status_code',
      'd.last_error',
      'd.last_attempt_at',
      'd.next_attempt_at',
      'd.created_at',
    ]);
}

const toDelivery = (r: DeliveryRow): DeliveryRow => ({
  ...r,
  attempts: Number(r.attempts),
  last_status_code: r.last_status_code === null ? null : Number(r.last_status_code),
  // A finished delivery has no next attempt, whatever the column last held.
  next_attempt_at: r.status === 'pending' ? r.next_attempt_at : null,
});

export async function listDeliveries(
  db: Executor,
  developerId: string,
  webhookId: string,
  limit: number,
): Promise<DeliveryRow[]> {
  const rows = await deliveryQuery(db)
    .where('d.webhook_id', '=', webhookId)
    .where('d.developer_id', '=', developerId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

export async function findDelivery(
  db: Executor,
  developerId: string,
  webhookId: string,
  deliveryId: string,
): Promise<DeliveryRow | null> {
  const row = await deliveryQuery(db)
    .where('d.id', '=', deliveryId)
    .where('d.webhook_id', '=', webhookId)
    .where('d.developer_id', '=', developerId)
    .executeTakeFirst();
  return row ? toDelivery(row) : null;
}

/** A fresh pending delivery of an existing event to one webhook (manual resend, test event). */
export async function insertDelivery(
  db: Executor,
  d: { eventId: string; webhookId: string; developerId: string; nowIso: string },
): Promise<string> {
  const id = newId('dlv');
  await db
    .insertInto('webhook_deliveries')
    .values({
      id,
      event_id: d.eventId,
      webhook_id: d.webhookId,
      developer_id: d.developerId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: d.nowIso,
      locked_until: null,
      last_attempt_at: null,
      last_status_code: null,
      last_error: null,
      created_at: d.nowIso,
    })
    .execute();
  return id;
}

// ---------------------------------------------------------------------------------------------
// Dispatcher side

export interface Claim {
  id: string;
  /** The lease we wrote; results are recorded only while it is still ours (fencing token). */
  lease: string;
}

/**
 * Atomically leases up to `limit` due deliveries. PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED and
 * the lease in one transaction, so concurrent dispatchers never see the same row. SQLite: one
 * UPDATE … RETURNING, which the single writer lock makes atomic across processes.
 */
export async function claimDue(
  db: Db,
  dialect: Dialect,
  nowIso: string,
  leaseUntilIso: string,
  limit: number,
): Promise<Claim[]> {
  if (limit <= 0) return [];
  if (dialect === 'postgres') {
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await trx
        .updateTable('webhook_deliveries')
        .set({ locked_until: leaseUntilIso })
        .where('id', 'in', ids)
        .execute();
      return ids.map((id) => ({ id, lease: leaseUntilIso }));
    });
  }
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: leaseUntilIso })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .where((e) => e.or([e('locked_until', 'is', null), e('locked_until', '<', nowIso)]))
        .orderBy('next_attempt_at')
        .limit(limit),
    )
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .returning('id')
    .execute();
  return rows.map((r) => ({ id: r.id, lease: leaseUntilIso }));
}

export interface ClaimedDelivery {
  id: string;
  event_id: string;
  attempts: number;
  created_at: string;
  url: string;
  secret_enc: string;
  /** The rotated-out secret while its grace period lasts (null otherwise). */
  previous_secret_enc: string | null;
  previous_secret_expires_at: string | null;
  webhook_deleted: boolean;
  webhook_disabled: boolean;
  payload: string;
  environment: string;
}

export async function loadClaimed(db: Executor, ids: string[]): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.event_id',
      'd.attempts',
      'd.created_at',
      'w.url',
      'w.secret_enc',
      'w.previous_secret_enc',
      'w.previous_secret_expires_at',
      'w.deleted_at',
      'w.disabled_at',
      'e.payload',
      'e.environment',
    ])
    .where('d.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    event_id: r.event_id,
    attempts: Number(r.attempts),
    created_at: r.created_at,
    url: r.url,
    secret_enc: r.secret_enc,
    previous_secret_enc: r.previous_secret_enc,
    previous_secret_expires_at: r.previous_secret_expires_at,
    webhook_deleted: r.deleted_at !== null,
    webhook_disabled: r.disabled_at !== null,
    payload: r.payload,
    environment: r.environment,
  }));
}

export interface AttemptOutcome {
  deliveryId: string;
  lease: string;
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** First RESPONSE_BODY_MAX_BYTES of the receiver's answer (null when it did not answer). */
  responseBody?: string | null;
  /** 'pending' with `nextAttemptAt` to retry; 'succeeded' or 'failed' to finish. */
  status: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt: string | null;
}

/**
 * Records attempts and the deliveries' new states in one transaction (group commit: the
 * dispatcher batches results that finish together). Each row is written only if our lease still
 * holds — a dispatcher that stalled past its lease must not overwrite the one that took over.
 * Returns, per outcome, whether it was recorded.
 */
export async function recordAttempts(db: Db, outcomes: AttemptOutcome[]): Promise<boolean[]> {
  if (outcomes.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const recorded: boolean[] = [];
    for (const o of outcomes) {
      const res = await trx
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: o.status,
          attempts: eb('attempts', '+', 1),
          last_attempt_at: o.attemptedAt,
          last_status_code: o.statusCode,
          last_error: o.error,
          locked_until: null,
          ...(o.nextAttemptAt ? { next_attempt_at: o.nextAttemptAt } : {}),
        }))
        .where('id', '=', o.deliveryId)
        .where('locked_until', '=', o.lease)
        .executeTakeFirst();
      recorded.push(Number(res.numUpdatedRows) > 0);
    }
    const rows = outcomes
      .filter((_, i) => recorded[i])
      .map((o) => ({
        id: newId('att'),
        delivery_id: o.deliveryId,
        attempted_at: o.attemptedAt,
        status_code: o.statusCode,
        error: o.error,
        duration_ms: o.durationMs,
        response_body: o.responseBody ?? null,
      }));
    // Chunked so the statement stays under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await trx
        .insertInto('webhook_attempts')
        .values(rows.slice(i, i + 100))
        .execute();
    }
    return recorded;
  });
}

export async function recordAttempt(db: Db, o: AttemptOutcome): Promise<boolean> {
  const [ok] = await recordAttempts(db, [o]);
  return ok === true;
}

/** Gives up on a claimed delivery without an attempt (its webhook was deleted or disabled meanwhile). */
export async function cancelClaimed(db: Executor, id: string, lease: string, reason: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: reason, locked_until: null })
    .where('id', '=', id)
    .where('locked_until', '=', lease)
    .execute();
}

/** Attempts of one delivery, oldest first (the dashboard shows each). */
export async function listAttempts(db: Executor, deliveryId: string) {
  const rows = await db
    .selectFrom('webhook_attempts')
    .select(['attempted_at', 'status_code', 'error', 'duration_ms', 'response_body'])
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    attempted_at: r.attempted_at,
    status_code: r.status_code === null ? null : Number(r.status_code),
    error: r.error,
    duration_ms: Number(r.duration_ms),
    response_body: r.response_body,
  }));
}

/**
 * Replaces the signing secret. The one it replaces keeps signing (second `v1=`) until
 * `previousExpiresAt`; null drops it at once. False when the webhook is not the developer's.
 */
export async function rotateWebhookSecret(
  db: Executor,
  developerId: string,
  id: string,
  r: { sealNew: string; previousExpiresAt: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('webhooks')
    .set((eb) => ({
      previous_secret_enc: r.previousExpiresAt === null ? null : eb.ref('secret_enc'),
      previous_secret_expires_at: r.previousExpiresAt,
      secret_enc: r.sealNew,
    }))
    .where('id', '=', id)
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Disables or re-enables a webhook. Disabling cancels the deliveries it still had queued (failed,
 * "webhook disabled"); events that happen while it is disabled are not queued for it at all.
 * False when the webhook is not the developer's.
 */
export async function setWebhookEnabled(
  db: Db,
  developerId: string,
  id: string,
  enabled: boolean,
  nowIso: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('webhooks')
      .select(['id', 'disabled_at'])
      .where('id', '=', id)
      .where('developer_id', '=', developerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found) return false;
    if (enabled === (found.disabled_at === null)) return true; // no change
    await trx
      .updateTable('webhooks')
      .set({ disabled_at: enabled ? null : nowIso })
      .where('id', '=', id)
      .execute();
    if (!enabled) {
      // An attempt already in flight (leased) finishes; its row is fenced by the lease, not touched here.
      await trx
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', last_error: 'webhook disabled', next_attempt_at: nowIso })
        .where('webhook_id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
        .execute();
    }
    return true;
  });
}

/**
 * "Retry now": a delivery waiting for its next automatic attempt becomes due at once — the same
 * delivery, its scheduled retry replaced, so it is attempted once, not twice. A delivery leased by
 * a dispatcher (being attempted right now) is left alone. Returns what happened.
 */
export async function retryPendingNow(
  db: Executor,
  developerId: string,
  deliveryId: string,
  nowIso: string,
): Promise<'due' | 'in_flight'> {
  const res = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: nowIso })
    .where('id', '=', deliveryId)
    .where('developer_id', '=', developerId)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? 'due' : 'in_flight';
}
