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
