import { Type } from '@sinclair/typebox';

export const WebhookIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const DeliveryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  delivery_id: Type.String({ minLength: 1, maxLength: 64 }),
});

export const CreateWebhookBody = Type.Object({
  url: Type.String({ maxLength: 2048, description: 'HTTPS URL — cannot be localhost or a private IP' }),
  events: Type.Optional(
    Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: 20,
      description:
        'Event types to receive (e.g. AUTH.AUTOMATICALLY_VERIFIED). Defaults to all events if omitted or empty.',
    }),
  ),
});

const Instant = Type.String({ description: 'ISO-8601 UTC' });

export const WebhookSchema = Type.Object({
  id: Type.String({ description: 'wh_…' }),
  url: Type.String(),
  events: Type.Array(Type.String()),
  created_at: Instant,
});

export const NewWebhookSchema = Type.Object({
  id: Type.String({ description: 'wh_…' }),
  url: Type.String(),
  events: Type.Array(Type.String()),
  secret: Type.String({ description: 'whsec_… signing secret; shown only in this response' }),
  created_at: Instant,
});

export const DeliverySchema = Type.Object({
  id: Type.String({ description: 'dlv_…' }),
  event_id: Type.String({ description: 'evt_… (also sent in the body and the OpenDinar-Event-Id header)' }),
  event_type: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  last_attempt_at: Type.Union([Instant, Type.Null()]),
  next_attempt_at: Type.Union([Instant, Type.Null()]),
  created_at: Instant,
});

export const DeliveriesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const QueuedDeliverySchema = Type.Object({
  delivery_id: Type.String(),
  event_id: Type.String(),
  status: Type.Literal('pending'),
});
