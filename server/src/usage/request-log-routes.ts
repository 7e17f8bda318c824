import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { RequestLogTable } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import { parseRange } from './range.js';
import { listRequestLog, requestLogEndpoints } from './request-log-store.js';

const DAY_MS = 86_400_000;

const LogQuery = Type.Object({
  key_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Only this key (app)' })),
  status: Type.Optional(
    Type.String({
      pattern: '^([1-5]\\d\\d|[2-5]xx)$',
      description: 'An exact status (404) or a class (2xx, 4xx, 5xx)',
    }),
  ),
  route: Type.Optional(
    Type.String({ maxLength: 300, description: 'A route pattern, e.g. GET /accounts/:id/balance' }),
  ),
  request_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  from: Type.Optional(Type.String({ maxLength: 40, description: 'Inclusive: date or ISO-8601 instant' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'Inclusive: date or ISO-8601 instant' })),
  before: Type.Optional(Type.String({ maxLength: 64, description: 'next_before of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

const LogEntry = Type.Object({
  id: Type.String(),
  request_id: Type.String(),
  method: Type.String(),
  path: Type.String(),
  endpoint: Type.String({ description: 'Route pattern' }),
  status: Type.Integer(),
  error_code: Type.Union([Type.String(), Type.Null()]),
  error_body: Type.Union([
    Type.Object({}, { additionalProperties: true, description: 'The full error body sent' }),
    Type.Null(),
  ]),
  latency_ms: Type.Number(),
  key_id: Type.String(),
  key_prefix: Type.Union([Type.String(), Type.Null()], {
    description: 'Prefix of the secret or link token used; null for the dashboard’s own calls',
  }),
  at: Type.String({ format: 'date-time' }),
});

const toEntry = (r: RequestLogTable) => ({
  id: r.id,
  request_id: r.request_id,
  method: r.method,
  path: r.path,
  endpoint: r.endpoint,
  status: r.status,
  error_code: r.error_code,
  error_body: r.error_body === null ? null : (JSON.parse(r.error_body) as object),
  latency_ms: r.latency_ms,
  key_id: r.api_key_id,
  key_prefix: r.key_prefix,
  at: r.at,
});

/** GET /developers/logs: every API request of your apps over the last few days (Stripe's "Logs"). */
export const requestLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.deps;
  const days = config.requestLogDays ?? 7;

  app.get(
    '/developers/logs',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: `Request log: every API request of your apps over the last ${days} days, newest first`,
        description:
          'Each request with its id, method, path, route, status, latency, key and, for errors, the full error body. ' +
          'Response bodies are never stored. Written in batches: a request shows up within about a second.',
        security: [{ developerSession: [] }],
        querystring: LogQuery,
        response: {
          200: Type.Object({
            requests: Type.Array(LogEntry),
            has_more: Type.Boolean(),
            next_before: Type.Union([Type.String(), Type.Null()]),
            retention_days: Type.Integer(),
            routes: Type.Array(Type.String(), { description: 'Route patterns seen in the window' }),
          }),
        },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      const q = req.query;
      const range = parseRange(q.from, q.to);
      const oldest = new Date(clock.now().getTime() - days * DAY_MS).toISOString();
      const from = range.from !== undefined && range.from > oldest ? range.from : oldest;
      const limit = q.limit ?? 50;
      let status: number | undefined;
      let statusClass: 2 | 3 | 4 | 5 | undefined;
      if (q.status?.endsWith('xx')) statusClass = Number(q.status[0]) as 2 | 3 | 4 | 5;
      else if (q.status !== undefined) status = Number(q.status);
      const rows = await listRequestLog(db, {
        developerId,
        from,
        limit: limit + 1,
        ...(range.toExclusive !== undefined ? { to: range.toExclusive } : {}),
        ...(q.key_id !== undefined ? { keyId: q.key_id } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(statusClass !== undefined ? { statusClass } : {}),
        ...(q.route !== undefined ? { endpoint: q.route } : {}),
        ...(q.request_id !== undefined ? { requestId: q.request_id } : {}),
        ...(q.before !== undefined ? { before: q.before } : {}),
      });
      const page = rows.slice(0, limit);
      return {
        requests: page.map(toEntry),
        has_more: rows.length > limit,
        next_before: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
        retention_days: days,
        routes: await requestLogEndpoints(db, developerId, oldest),
      };
    },
  );

  app.get(
    '/developers/logs/:request_id',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'One logged request by its request id (X-Request-Id / request_id of an error)',
        security: [{ developerSession: [] }],
        params: Type.Object({ request_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: LogEntry },
      },
    },
    async (req) => {
      const oldest = new Date(clock.now().getTime() - days * DAY_MS).toISOString();
      const [row] = await listRequestLog(db, {
        developerId: developerOf(req).developerId,
        from: oldest,
        requestId: req.params.request_id,
        limit: 1,
      });
      if (!row) throw new ApiError('REQUEST_NOT_FOUND');
      return toEntry(row);
    },
  );
};
