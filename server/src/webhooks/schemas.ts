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
  enabled: Type.Boolean({
    description: 'false while disabled: no deliveries, and events meanwhile are not queued for it',
  }),
  created_at: Instant,
});

export const UpdateWebhookBody = Type.Object({
  url: Type.Optional(Type.String({ maxLength: 2048 })),
  events: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  enabled: Type.Optional(
    Type.Boolean({
      description:
        'false disables the endpoint (queued deliveries are cancelled, new events are not queued for it); true re-enables it',
    }),
  ),
});

/** Union with null: the body may be left out (openapi.ts documents it as an optional body). */
export const RotateSecretBody = Type.Union([
  Type.Object({
    grace_hours: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 168,

        description:
          'How long the old secret keeps signing too (a second v1= in OpenDinar-Signature); default 24, 0 = it stops at once.',
      }),
    ),
  }),
  Type.Null(),
]);

export const RotatedWebhookSchema = Type.Composite([
  WebhookSchema,
  Type.Object({
    secret: Type.String({ description: 'The new whsec_… signing secret; shown only in this response' }),
    previous_secret_expires_at: Type.Union([Instant, Type.Null()], {
      description: 'Until when deliveries are also signed with the old secret; null when grace_hours is 0',
    }),
  }),
]);

export const AttemptSchema = Type.Object({
  attempted_at: Type.String({ format: 'date-time' }),
  status_code: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  duration_ms: Type.Number({ description: "Until the receiver's status line arrived" }),
  response_body: Type.Union([Type.String(), Type.Null()], {
    description:
      "First 2 KB (2048 bytes, cut at a UTF-8 character boundary) of the receiver's answer; null when it did not answer. Untrusted text.",
  }),
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
