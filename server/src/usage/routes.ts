import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { findKey } from '../developers/store.js';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import { parseRange } from './range.js';
import { recentErrors, type UsageFilter, usageFigures } from './store.js';

/** How many of the latest failed requests GET /developers/usage lists. */
export const RECENT_ERRORS_LIMIT = 20;

const UsageQuery = Type.Object({
  from: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'Inclusive: a date (YYYY-MM-DD, whole UTC day) or an ISO-8601 instant',
    }),
  ),
  to: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'Inclusive: a date (YYYY-MM-DD, whole UTC day) or an ISO-8601 instant',
    }),
  ),
  key_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'Only requests made with this key (one of yours)',
    }),
  ),
  granularity: Type.Optional(
    Type.Union([Type.Literal('hour'), Type.Literal('day')], {
      default: 'day',
      description: 'Bucket size of time_series (UTC)',
    }),
  ),
});

const UsageResponse = Type.Object({
  total_requests: Type.Integer(),
  error_rate: Type.Number({ description: 'Failed (HTTP ≥ 400) requests / total, 0 when there are none' }),
  billable_requests: Type.Integer({ description: 'Successful (2xx) requests made with live keys' }),
  by_endpoint: Type.Array(
    Type.Object({ endpoint: Type.String(), requests: Type.Integer(), errors: Type.Integer() }),
  ),
  recent_errors: Type.Array(
    Type.Object({
      request_id: Type.String(),
      endpoint: Type.String(),
      error_code: Type.Union([Type.String(), Type.Null()]),
      status: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  time_series: Type.Array(
    Type.Object({ bucket: Type.String(), requests: Type.Integer(), errors: Type.Integer() }),
  ),
});

export const usageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.get(
    '/developers/usage',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary:
          'Request counts, error rate, per-endpoint breakdown, recent errors and a time series for your keys',
        security: [{ developerSession: [] }],
        querystring: UsageQuery,
        response: { 200: UsageResponse },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      const { key_id: keyId, granularity = 'day' } = req.query;
      if (keyId !== undefined && !(await findKey(db, developerId, keyId)))
        throw new ApiError('KEY_NOT_FOUND');
      const filter: UsageFilter = {
        developerId,
        ...parseRange(req.query.from, req.query.to),
        ...(keyId !== undefined ? { keyId } : {}),
      };
      const [{ totals, byEndpoint, series }, errors] = await Promise.all([
        usageFigures(db, filter, granularity),
        recentErrors(db, filter, RECENT_ERRORS_LIMIT),
      ]);
      return {
        total_requests: totals.total,
        error_rate: totals.total === 0 ? 0 : Math.round((totals.errors / totals.total) * 10_000) / 10_000,
        billable_requests: totals.billable,
        by_endpoint: byEndpoint,
        recent_errors: errors,
        time_series: series,
      };
    },
  );
};
