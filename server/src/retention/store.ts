import type { Db } from '../db/index.js';
import { type Cutoffs, RETENTION_BATCH_SIZE, type RetentionCounts, usageIdBelow } from './retention.js';

/**
 * The deletes of the retention job. Each statement is `DELETE … WHERE key IN (SELECT key … LIMIT n)`,
 * repeated until a statement deletes fewer than n rows: a large backlog is worked off in many
 * short statements, so neither SQLite's write lock nor PostgreSQL row locks are held for long, and
 * a statement interrupted halfway loses nothing (the next run picks up where it stopped).
 */

async function inBatches(batchSize: number, deleteBatch: () => Promise<bigint | number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = Number(await deleteBatch());
    total += n;
    if (n < batchSize) return total;
  }
}

const FINAL = ['succeeded', 'failed'] as const;

export async function deleteOldRows(
  db: Db,
  c: Cutoffs,
  batchSize: number = RETENTION_BATCH_SIZE,
): Promise<RetentionCounts> {
  const usage_events = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('usage_events')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('usage_events')
          .select('id')
          // The id range walks the primary key; `at` keeps the condition exact whatever the id.
          .where('id', '<', usageIdBelow(c.usage))
          .where('at', '<', c.usage)
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  // The roll-up of those rows (its minutes end before the cutoff, which is on a whole minute).
  await db.deleteFrom('usage_minutes').where('minute', '<', c.usage.slice(0, 16)).execute();
  await db.deleteFrom('usage_instants').where('minute', '<', c.usage.slice(0, 16)).execute();

  // The request log is stored as chunks (a batch's requests of one developer, migration 0021): a
  // chunk goes once its last request is past the window; the count is of requests.
  let request_log = 0;
  await inBatches(batchSize, async () => {
    const old = await db
      .selectFrom('request_log_chunks')
      .select(['id', 'requests'])
      // A chunk's id is its first request's (time-prefixed): the range walks the primary key.
      .where('id', '<', usageIdBelow(c.requestLog))
      .where('max_at', '<', c.requestLog)
      .limit(batchSize)
      .execute();
    if (old.length === 0) return 0;
    await db
      .deleteFrom('request_log_chunks')
      .where(
        'id',
        'in',
        old.map((o) => o.id),
      )
      .execute();
    for (const o of old) request_log += Number(o.requests);
    return old.length;
  });

  // A delivery is old once it is final and its last attempt (or its creation, when it was
  // cancelled before any attempt) is past the window. Final never turns back into pending
  // (a retry is a new delivery), so the attempts pass and the deliveries pass agree.
  const oldFinalDeliveries = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', 'in', FINAL)
    .where((eb) => eb(eb.fn.coalesce('last_attempt_at', 'created_at'), '<', c.webhooks));

  const webhook_attempts = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('webhook_attempts')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_attempts')
          .select('id')
          .where('delivery_id', 'in', oldFinalDeliveries)
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  const webhook_deliveries = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('webhook_deliveries')
      .where('id', 'in', oldFinalDeliveries.limit(batchSize))
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  // Events go once nothing references them: a pending delivery, or a recent resend, keeps its event.
  const webhook_events = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('webhook_events')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_events as e')
          .select('e.id')
          .where('e.created_at', '<', c.webhooks)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('webhook_deliveries as d').select('d.id').whereRef('d.event_id', '=', 'e.id'),
              ),
            ),
          )
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  // Never-exchanged sessions past both deadlines. Exchanged ones stay (status polls answer
  // "exchanged", replays PUBLIC_TOKEN_ALREADY_USED) until their connection is revoked.
  const connect_sessions = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('connect_sessions')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('connect_sessions')
          .select('id')
          .where('expires_at', '<', c.expired)
          .where((w) =>
            w.or([w('public_token_expires_at', 'is', null), w('public_token_expires_at', '<', c.expired)]),
          )
          .where('connection_id', 'is', null)
          .where('status', '!=', 'exchanged')
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  const link_tokens = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('link_tokens')
      .where('id', 'in', (eb) =>
        eb.selectFrom('link_tokens').select('id').where('expires_at', '<', c.expired).limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  const dev_sessions = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('dev_sessions')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('dev_sessions')
          .select('id')
          .where((w) => w.or([w('expires_at', '<', c.expired), w('revoked_at', '<', c.expired)]))
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  const login_throttle = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('login_throttle')
      .where('bucket', 'in', (eb) =>
        eb
          .selectFrom('login_throttle')
          .select('bucket')
          .where('next_attempt_at', '<', c.throttleNextAttemptBefore)
          // "known:" rows remember where an account signed in (developers/throttle.ts), not a streak.
          .where('bucket', 'not like', 'known:%')
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  const known_logins = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('login_throttle')
      .where('bucket', 'in', (eb) =>
        eb
          .selectFrom('login_throttle')
          .select('bucket')
          .where('window_start', '<', c.knownLoginBefore)
          .where('bucket', 'like', 'known:%')
          .limit(batchSize),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  const rate_limit_windows = await inBatches(batchSize, async () => {
    const r = await db
      .deleteFrom('rate_limit_windows')
      .where(({ eb, refTuple, selectFrom }) =>
        eb(
          refTuple('bucket', 'window_end'),
          'in',
          selectFrom('rate_limit_windows')
            .select(['bucket', 'window_end'])
            .where('window_end', '<', c.rateLimitWindowEndBefore)
            .limit(batchSize)
            .$asTuple('bucket', 'window_end'),
        ),
      )
      .executeTakeFirst();
    return r.numDeletedRows;
  });

  return {
    usage_events,
    request_log,
    webhook_attempts,
    webhook_deliveries,
    webhook_events,
    connect_sessions,
    link_tokens,
    dev_sessions,
    login_throttle,
    known_logins,
    rate_limit_windows,
  };
}
