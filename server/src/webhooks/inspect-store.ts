import type { Executor } from '../db/index.js';

/** The developer's latest webhook events, newest first, with their payloads. */
export async function listEvents(db: Executor, developerId: string, limit: number) {
  const rows = await db
    .selectFrom('webhook_events')
    .select(['id', 'event_type', 'environment', 'payload', 'created_at'])
    .where('developer_id', '=', developerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.event_type,
    environment: r.environment,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    created_at: r.created_at,
  }));
}

/** Changes a live webhook's URL and/or events; false when it is not the developer's. */
export async function updateWebhook(
  db: Executor,
  developerId: string,
  id: string,
  change: { url?: string; events?: string[] },
): Promise<boolean> {
  const set: { url?: string; events?: string } = {};
  if (change.url !== undefined) set.url = change.url;
  if (change.events !== undefined) set.events = JSON.stringify(change.events);
  if (Object.keys(set).length === 0) return true;
  const r = await db
    .updateTable('webhooks')
    .set(set)
    .where('id', '=', id)
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
