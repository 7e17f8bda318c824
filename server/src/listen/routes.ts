import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import { deliveryBody } from '../webhooks/dispatcher.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/events.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

/** How often an open stream looks for new events of its developer (any server process may write them). */
export const STREAM_POLL_MS = 300;
const HEARTBEAT_MS = 15_000;

const TriggerBody = Type.Object({
  event: Type.Unsafe<WebhookEventType>({
    type: 'string',
    enum: [...WEBHOOK_EVENT_TYPES],
    description: 'The event type to fire',
  }),
  account_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'One of your sandbox accounts: the event names it, its connection and bank',
    }),
  ),
});

/**
 * Local webhook testing (`opendinar listen` / `opendinar trigger`): a Server-Sent Events stream of
 * the developer's webhook events, and a way to fire a sandbox event on demand.
 */
export const listenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.deps;
  // Open streams end before the server closes (a hijacked response would otherwise hold it open).
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get(
    '/developers/events/stream',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal — Webhooks'],
        summary: 'Stream your webhook events live (Server-Sent Events), as `opendinar listen` does',
        description:
          'Answers `text/event-stream`: first an `event: ready`, then one `event: webhook` per event created for ' +
          'you from now on, whose `id` is the event_id and whose `data` is the exact JSON body a webhook receives ' +
          '(sign it yourself to forward it). Comment lines keep the connection alive.',
      },
    },
    async (req, reply) => {
      const developer = developerOf(req);
      const since = clock.now().toISOString();
      const seen = new Set<string>();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-request-id': req.id,
        'x-content-type-options': 'nosniff',
      });
      res.write(`event: ready\ndata: ${JSON.stringify({ since, request_id: req.id })}\n\n`);
      let closed = false;
      let busy = false;
      const poll = async () => {
        if (busy || closed) return;
        busy = true;
        try {
          const rows = await db
            .selectFrom('webhook_events')
            .select(['id', 'payload', 'environment', 'event_type', 'created_at'])
            .where('developer_id', '=', developer.developerId)
            .where('created_at', '>=', since)
            .orderBy('created_at')
            .orderBy('id')
            .limit(200)
            .execute();
          for (const row of rows) {
            if (seen.has(row.id) || closed) continue;
            seen.add(row.id);
            const body = deliveryBody(row.payload, row.id, row.environment).toString('utf8');
            res.write(`event: webhook\nid: ${row.id}\ndata: ${body}\n\n`);
          }
        } catch (err) {
          req.log.warn({ err, request_id: req.id }, 'event stream poll failed');
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(poll, STREAM_POLL_MS);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stop = () => {
        closed = true;
        clearInterval(timer);
        clearInterval(heartbeat);
        open.delete(end);
      };
      const end = () => {
        stop();
        res.end();
      };
      open.add(end);
      res.on('close', stop);
      await poll();
    },
  );

  app.post(
    '/developers/events/trigger',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal — Webhooks'],
        summary: 'Fire a sandbox webhook event to your webhooks and open event streams',
        body: TriggerBody,
        response: {
          202: Type.Object({
            event_id: Type.String(),
            event: Type.String(),
            environment: Type.Literal('sandbox'),
          }),
        },
      },
    },
    async (req, reply) => {
      const developer = developerOf(req);
      const { event, account_id } = req.body;
      let fields: Record<string, string>;
      if (account_id !== undefined) {
        const account = await db
          .selectFrom('accounts')
          .innerJoin('connections', 'connections.id', 'accounts.connection_id')
          .select([
            'accounts.id',
            'accounts.bank_id',
            'connections.id as connection_id',
            'connections.user_id',
          ])
          .where('accounts.id', '=', account_id)
          .where('accounts.revoked_at', 'is', null)
          .where('connections.developer_id', '=', developer.developerId)
          .where('connections.environment', '=', 'sandbox')
          .executeTakeFirst();
        if (!account) throw new ApiError('ACCOUNT_NOT_FOUND');
        fields = event.startsWith('TRANSACTIONS.')
          ? { account_id: account.id, bank_id: account.bank_id }
          : { connection_id: account.connection_id, bank_id: account.bank_id, user_id: account.user_id };
      } else {
        fields = event.startsWith('TRANSACTIONS.')
          ? { account_id: 'acc_sandbox_trigger', bank_id: 'raiffeisen' }
          : { connection_id: 'conn_sandbox_trigger', bank_id: 'raiffeisen', user_id: 'user_sandbox_trigger' };
      }
      const eventId = await db.transaction().execute((trx) =>
        enqueueWebhookEvent(trx, clock, {
          developerId: developer.developerId,
          environment: 'sandbox',
          type: event,
          fields,
        }),
      );
      return reply.code(202).send({ event_id: eventId, event, environment: 'sandbox' as const });
    },
  );
};
