import type { Executor } from '../db/index.js';
import type { IdempotencyKeysTable } from '../db/schema.js';

export type IdempotencyRow = IdempotencyKeysTable;

/** Claims (owner, key) for a request now in flight; false when a row for it already exists. */
export async function claimIdempotencyKey(
  db: Executor,
  row: Pick<IdempotencyRow, 'owner' | 'idem_key' | 'request_hash' | 'created_at' | 'expires_at'>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ ...row, state: 'in_flight', response_status: null, response_enc: null })
    .onConflict((oc) => oc.columns(['owner', 'idem_key']).doNothing())
    .returning('owner')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findIdempotencyKey(
  db: Executor,
  owner: string,
  idemKey: string,
): Promise<IdempotencyRow | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('owner', '=', owner)
    .where('idem_key', '=', idemKey)
    .executeTakeFirst();
}

/**
 * Takes over a row that has expired or whose request was abandoned (its process died): only if it
 * is still the row we saw (same created_at), so two takers cannot both win.
 */
export async function takeOverIdempotencyKey(
  db: Executor,
  seen: IdempotencyRow,
  fresh: Pick<IdempotencyRow, 'request_hash' | 'created_at' | 'expires_at'>,
): Promise<boolean> {
  const res = await db
    .updateTable('idempotency_keys')
    .set({ ...fresh, state: 'in_flight', response_status: null, response_enc: null })
    .where('owner', '=', seen.owner)
    .where('idem_key', '=', seen.idem_key)
    .where('created_at', '=', seen.created_at)
    .where('state', '=', seen.state)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function completeIdempotencyKey(
  db: Executor,
  owner: string,
  idemKey: string,
  createdAt: string,
  status: number,
  responseEnc: string,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: status, response_enc: responseEnc })
    .where('owner', '=', owner)
    .where('idem_key', '=', idemKey)
    .where('created_at', '=', createdAt)
    .execute();
}

/** Gives the key back (the request failed in a way worth retrying, e.g. a 5xx). */
export async function releaseIdempotencyKey(
  db: Executor,
  owner: string,
  idemKey: string,
  createdAt: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('owner', '=', owner)
    .where('idem_key', '=', idemKey)
    .where('created_at', '=', createdAt)
    .where('state', '=', 'in_flight')
    .execute();
}

/** Retention: rows past their 24 hours. */
export async function deleteExpiredIdempotencyKeys(db: Executor, nowIso: string): Promise<number> {
  const res = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', nowIso).executeTakeFirst();
  return Number(res.numDeletedRows);
}
