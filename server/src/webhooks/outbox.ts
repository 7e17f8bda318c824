import type { Clock } from '../clock.js';
import type { Executor } from '../db/index.js';
import type { Environment } from '../http/principals.js';
import { newId } from '../ids.js';
import type { WebhookEventType } from './events.js';

export interface OutboxEvent {
  developerId: string;
  environment: Environment;
  type: WebhookEventType;
  /** Event-specific fields (connection_id, bank_id, user_id / account_id); type, code and timestamp are added here. */
  fields: Record<string, string | number | null>;
}

/**
 * Writes an event and one pending delivery per subscribed webhook. Call it with the transaction
 * that makes the change, so the change and its event commit (or vanish) together.
 */
export async function enqueueWebhookEvent(trx: Executor, clock: Clock, event: OutboxEvent): Promise<string> {
  const now = clock.now();
  const id = newId('evt');
  const [webhookType, webhookCode] = event.type.split('.') as [string, string];
  const payload = {
    webhook_type: webhookType,
    webhook_code: webhookCode,
    ...event.fields,
    timestamp: Math.floor(now.getTime() / 1000),
  };
  await trx
    .insertInto('webhook_events')
    .values({
      id,
      developer_id: event.developerId,
      environment: event.environment,
      event_type: event.type,
      payload: JSON.stringify(payload),
      created_at: now.toISOString(),
    })
    .execute();
  const hooks = await trx
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('developer_id', '=', event.developerId)
    .where('deleted_at', 'is', null)
    .where('disabled_at', 'is', null) // a disabled endpoint gets nothing queued
    .execute();
  const subscribed = hooks.filter((h) => {
    const events = JSON.parse(h.events) as string[];
    return events.length === 0 || events.includes(event.type);
  });
  if (subscribed.length > 0) {
    await trx
      .insertInto('webhook_deliveries')
      .values(
        subscribed.map((h) => ({
          id: newId('dlv'),
          event_id: id,
          webhook_id: h.id,
          developer_id: event.developerId,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now.toISOString(),
          created_at: now.toISOString(),
        })),
      )
      .execute();
  }
  return id;
}

/**
 * A WEBHOOK.TEST event for one webhook only (POST /developers/webhooks/:id/test), so a developer can
 * check their endpoint and signature verification without waiting for a real event.
 */
export async function enqueueTestEvent(
  trx: Executor,
  clock: Clock,
  t: { developerId: string; webhookId: string; environment: Environment },
): Promise<{ eventId: string; deliveryId: string }> {
  const now = clock.now();
  const eventId = newId('evt');
  const deliveryId = newId('dlv');
  const payload = {
    webhook_type: 'WEBHOOK',
    webhook_code: 'TEST',
    webhook_id: t.webhookId,
    timestamp: Math.floor(now.getTime() / 1000),
  };
  await trx
    .insertInto('webhook_events')
    .values({
      id: eventId,
      developer_id: t.developerId,
      environment: t.environment,
      event_type: 'WEBHOOK.TEST',
      payload: JSON.stringify(payload),
      created_at: now.toISOString(),
    })
    .execute();
  await trx
    .insertInto('webhook_deliveries')
    .values({
      id: deliveryId,
      event_id: eventId,
      webhook_id: t.webhookId,
      developer_id: t.developerId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { eventId, deliveryId };
}
