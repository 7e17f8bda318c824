import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { isForeignKeyViolation } from '../db/errors.js';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import { newId, newToken } from '../ids.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { WEBHOOK_EVENT_TYPES } from './events.js';
import { listEvents, updateWebhook } from './inspect-store.js';
import { enqueueTestEvent } from './outbox.js';
import {
  AttemptSchema,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryParams,
  DeliverySchema,
  NewWebhookSchema,
  QueuedDeliverySchema,
  RotatedWebhookSchema,
  RotateSecretBody,
  UpdateWebhookBody,
  WebhookIdParams,
  WebhookSchema,
} from './schemas.js';
import {
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listAttempts,
  listDeliveries,
  listWebhooks,
  retryPendingNow,
  rotateWebhookSecret,
  setWebhookEnabled,
  type WebhookRow,
} from './store.js';
import { checkWebhookUrl } from './url-guard.js';

/** Each event fans out to every webhook of the developer; a cap keeps that fan-out bounded. */
export const MAX_WEBHOOKS_PER_DEVELOPER = 25;

const security = [{ developerSession: [] }];
const tags = ['Developer Portal — Webhooks'];

/** Stored [] means every event (including ones added later); answers spell that out. */
const eventsForDisplay = (events: string[]): string[] =>
  events.length === 0 ? [...WEBHOOK_EVENT_TYPES] : events;
const toJson = (w: WebhookRow) => ({
  id: w.id,
  url: w.url,
  events: eventsForDisplay(w.events),
  enabled: w.enabled,
  created_at: w.created_at,
});

function validEvents(raw: string[] | undefined): string[] {
  const events = [...new Set(raw ?? [])];
  const unknown = events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0) {
    throw new ApiError(
      'INVALID_FIELD',
      `events: unknown event type ${JSON.stringify(unknown[0])}; use one of ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
    );
  }
  return events;
}

/** /developers/webhooks* and the dispatcher loop of this process. */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config, box } = app.deps;

  let dispatcher: Dispatcher | null = null;
  if (config.dispatcherEnabled) {
    const d = createDispatcher(app.deps, { log: (msg, err) => app.log.error({ err }, msg) });
    dispatcher = d;
    app.addHook('onReady', async () => d.start());
    app.addHook('onClose', async () => d.stop());
  }

  app.post(
    '/developers/webhooks',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'Register a webhook; the signing secret is shown only in this response',
        security,
        body: CreateWebhookBody,
        response: { 201: NewWebhookSchema },
      },
    },
    async (req, reply) => {
      const { developerId } = developerOf(req);
      const verdict = checkWebhookUrl(req.body.url.trim(), { allowPrivate: config.webhookAllowPrivate });
      if (!verdict.ok) throw new ApiError('INVALID_WEBHOOK_URL', `Webhook URL ${verdict.reason}.`);
      // Stored as the URL parser normalises it (lower-case host, default port dropped, IPv4 spellings unified).
      const url = verdict.url.href;
      const events = validEvents(req.body.events);
      if ((await listWebhooks(db, developerId)).length >= MAX_WEBHOOKS_PER_DEVELOPER) {
        throw new ApiError(
          'INVALID_FIELD',
          `url: at most ${MAX_WEBHOOKS_PER_DEVELOPER} webhooks per developer — delete one first.`,
        );
      }
      const secret = newToken('whsec');
      const id = newId('wh');
      const createdAt = clock.now().toISOString();
      await insertWebhook(db, { id, developerId, url, events, secretEnc: box.seal(secret), createdAt });
      return reply
        .code(201)
        .send({ id, url, events: eventsForDisplay(events), secret, created_at: createdAt });
    },
  );

  app.get(
    '/developers/webhooks',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'List webhooks',
        security,
        response: { 200: Type.Object({ webhooks: Type.Array(WebhookSchema) }) },
      },
    },
    async (req) => ({ webhooks: (await listWebhooks(db, developerOf(req).developerId)).map(toJson) }),
  );

  app.delete(
    '/developers/webhooks/:id',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'Remove a webhook; its queued deliveries are cancelled',
        security,
        params: WebhookIdParams,
        response: { 200: Type.Object({ id: Type.String(), status: Type.Literal('deleted') }) },
      },
    },
    async (req) => {
      const deleted = await deleteWebhook(
        db,
        developerOf(req).developerId,
        req.params.id,
        clock.now().toISOString(),
      );
      if (!deleted) throw new ApiError('WEBHOOK_NOT_FOUND');
      return { id: req.params.id, status: 'deleted' as const };
    },
  );

  app.get(
    '/developers/webhooks/:id/deliveries',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'Recent deliveries of a webhook, newest first',
        security,
        params: WebhookIdParams,
        querystring: DeliveriesQuery,
        response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema) }) },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      if (!(await findWebhook(db, developerId, req.params.id))) throw new ApiError('WEBHOOK_NOT_FOUND');
      return { deliveries: await listDeliveries(db, developerId, req.params.id, req.query.limit ?? 50) };
    },
  );

  app.post(
    '/developers/webhooks/:id/test',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'Send a signed WEBHOOK.TEST event to this webhook only',
        security,
        params: WebhookIdParams,
        response: { 202: QueuedDeliverySchema },
      },
    },
    async (req, reply) => {
      const { developerId } = developerOf(req);
      if (!(await findWebhook(db, developerId, req.params.id))) throw new ApiError('WEBHOOK_NOT_FOUND');
      const { eventId, deliveryId } = await db
        .transaction()
        .execute((trx) =>
          enqueueTestEvent(trx, clock, { developerId, webhookId: req.params.id, environment: 'sandbox' }),
        );
      dispatcher?.wake();
      return reply.code(202).send({ delivery_id: deliveryId, event_id: eventId, status: 'pending' as const });
    },
  );

  app.post(
    '/developers/webhooks/:id/deliveries/:delivery_id/retry',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary:
          'Retry now: a delivery waiting for its next automatic retry is attempted at once (same delivery id); ' +
          'a finished one is sent again as a new delivery (same event_id, fresh retry schedule)',
        security,
        params: DeliveryParams,
        response: { 202: QueuedDeliverySchema },
      },
    },
    async (req, reply) => {
      const { developerId } = developerOf(req);
      if (!(await findWebhook(db, developerId, req.params.id))) throw new ApiError('WEBHOOK_NOT_FOUND');
      const original = await findDelivery(db, developerId, req.params.id, req.params.delivery_id);
      if (!original) throw new ApiError('DELIVERY_NOT_FOUND');
      const nowIso = clock.now().toISOString();
      if (original.status === 'pending') {
        // The scheduled retry is replaced by one now: the same delivery, attempted once (a dispatcher
        // holding it at this moment is already attempting it).
        await retryPendingNow(db, developerId, original.id, nowIso);
        dispatcher?.wake();
        return reply
          .code(202)
          .send({ delivery_id: original.id, event_id: original.event_id, status: 'pending' as const });
      }
      let deliveryId: string;
      try {
        deliveryId = await insertDelivery(db, {
          eventId: original.event_id,
          webhookId: req.params.id,
          developerId,
          nowIso,
        });
      } catch (err) {
        // The retention job removed the expired delivery and its event between our read and this write.
        if (isForeignKeyViolation(err)) throw new ApiError('DELIVERY_NOT_FOUND');
        throw err;
      }
      dispatcher?.wake();
      return reply
        .code(202)
        .send({ delivery_id: deliveryId, event_id: original.event_id, status: 'pending' as const });
    },
  );

  app.post(
    '/developers/webhooks/:id/rotate-secret',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'Roll the signing secret; the new secret is shown only in this response',
        description:
          'During the grace period (`grace_hours`, 0–168, default 24) every delivery is signed with both secrets: ' +
          '`OpenDinar-Signature: t=…,v1=<new>,v1=<old>`. After it, only the new secret signs. 0 = the old secret stops at once.',
        security,
        params: WebhookIdParams,
        body: Type.Optional(RotateSecretBody),
        response: { 200: RotatedWebhookSchema },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      const graceHours = req.body?.grace_hours ?? 24;
      const secret = newToken('whsec');
      const previousExpiresAt =
        graceHours === 0 ? null : new Date(clock.now().getTime() + graceHours * 3_600_000).toISOString();
      const rotated = await rotateWebhookSecret(db, developerId, req.params.id, {
        sealNew: box.seal(secret),
        previousExpiresAt,
      });
      const row = rotated ? await findWebhook(db, developerId, req.params.id) : null;
      if (!row) throw new ApiError('WEBHOOK_NOT_FOUND');
      return { ...toJson(row), secret, previous_secret_expires_at: previousExpiresAt };
    },
  );

  app.get(
    '/developers/webhooks/events',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: 'Your latest webhook events with their payloads, newest first',
        security,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
        }),
        response: {
          200: Type.Object({
            events: Type.Array(
              Type.Object({
                id: Type.String(),
                type: Type.String(),
                environment: Type.String(),
                payload: Type.Object({}, { additionalProperties: true }),
                created_at: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ events: await listEvents(db, developerOf(req).developerId, req.query.limit ?? 50) }),
  );

  app.get(
    '/developers/webhooks/:id/deliveries/:delivery_id/attempts',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary:
          "Every attempt of one delivery: time, HTTP status, latency, error and the first 2 KB of the receiver's answer",
        security,
        params: DeliveryParams,
        response: { 200: Type.Object({ attempts: Type.Array(AttemptSchema) }) },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      if (!(await findDelivery(db, developerId, req.params.id, req.params.delivery_id)))
        throw new ApiError('DELIVERY_NOT_FOUND');
      return { attempts: await listAttempts(db, req.params.delivery_id) };
    },
  );

  app.patch(
    '/developers/webhooks/:id',
    {
      config: { auth: 'developer' },
      schema: {
        tags,
        summary: "Change a webhook's URL and/or events, or disable / re-enable it (the signing secret stays)",
        security,
        params: WebhookIdParams,
        body: UpdateWebhookBody,
        response: { 200: WebhookSchema },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      const url = req.body.url?.trim();
      if (url !== undefined) {
        const verdict = checkWebhookUrl(url, { allowPrivate: config.webhookAllowPrivate });
        if (!verdict.ok) throw new ApiError('INVALID_WEBHOOK_URL', `Webhook URL ${verdict.reason}.`);
      }
      const events = req.body.events === undefined ? undefined : validEvents(req.body.events);
      let changed = await updateWebhook(db, developerId, req.params.id, {
        ...(url !== undefined ? { url } : {}),
        ...(events !== undefined ? { events } : {}),
      });
      if (changed && req.body.enabled !== undefined) {
        changed = await setWebhookEnabled(
          db,
          developerId,
          req.params.id,
          req.body.enabled,
          clock.now().toISOString(),
        );
      }
      const row = changed ? await findWebhook(db, developerId, req.params.id) : null;
      if (!row) throw new ApiError('WEBHOOK_NOT_FOUND');
      return toJson(row);
    },
  );
};
