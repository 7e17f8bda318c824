import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { AccountIdParams } from '../accounts/schemas.js';
import { ApiError } from '../errors.js';
import { accountOf } from '../http/auth.js';
import { sendJsonText } from '../http/json-text.js';
import { TransactionPageCache } from './page-cache.js';
import { recurringRoutes } from './recurring-routes.js';
import { refreshRoutes } from './refresh-routes.js';
import { SyncResponseSchema, TransactionListSchema, TransactionsQuery } from './schemas.js';
import { type ListFilter, listTransactions, listTransactionsNow, valuesToTransactionJson } from './store.js';
import { syncTransactions } from './sync.js';

export const transactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  const pages = new TransactionPageCache(app.deps.config.pageCacheMb * 1024 * 1024);
  // Compiled once (Fastify caches it too, but the lookup is per call).
  let serializeList: ((page: unknown) => string) | undefined;
  await app.register(refreshRoutes);
  await app.register(recurringRoutes);

  app.get(
    '/accounts/:id/transactions',
    {
      config: { auth: 'key', scope: 'transactions:read', accountParam: true },
      schema: {
        tags: ['Transactions'],
        summary: 'List transactions (newest first), or sync changes with ?cursor=',
        description:
          'Without `cursor`: list mode, filtered by from/to/category and paged by limit/offset. ' +
          'With `cursor` (even empty): sync mode, returning added/modified/removed since the cursor.',
        security: [{ apiKey: [] }],
        params: AccountIdParams,
        querystring: TransactionsQuery,
        response: { 200: Type.Union([TransactionListSchema, SyncResponseSchema]) },
      },
    },
    (req, reply) => {
      const q = req.query;
      const account = accountOf(req);
      if (q.cursor !== undefined) {
        // A sync returns every change; a filter would silently drop some of them from the mirror.
        const listOnly = (['from', 'to', 'category', 'offset'] as const).find((k) => q[k] !== undefined);
        if (listOnly) {
          throw new ApiError(
            'INVALID_FIELD',
            `Invalid query parameter '${listOnly}': not allowed with cursor (sync mode returns every change; filter your copy instead).`,
          );
        }
        const cursor = q.cursor;
        return (async () => {
          // The route's response is a union of two shapes; serialise each with its own compiled schema
          // rather than letting the union make every page try both.
          const page = await syncTransactions(app.deps, account, { cursor, limit: q.limit ?? 100 });
          // Set only once the page exists: an error thrown before must keep the error serializer.
          // A custom serializer skips Fastify's JSON content-type default: set it ourselves.
          reply.type('application/json; charset=utf-8');
          reply.serializer(reply.compileSerializationSchema(SyncResponseSchema));
          return page;
        })();
      }
      const limit = q.limit ?? 50;
      if (limit > 200) {
        throw new ApiError('INVALID_FIELD', "Invalid query parameter 'limit': must be between 1 and 200.");
      }
      if (q.from && q.to && q.from > q.to) {
        throw new ApiError('INVALID_FIELD', "Invalid query parameter 'from': must not be after 'to'.");
      }
      const offset = q.offset ?? 0;
      const filter: ListFilter = { limit, offset };
      if (q.from) filter.from = q.from;
      if (q.to) filter.to = q.to;
      if (q.category) filter.category = q.category;
      // JSON answers are never cached by clients (security-headers.ts): said here, the onSend hook has nothing to do.
      reply.header('cache-control', 'no-store');
      const cached = pages.get(account, filter);
      if (cached !== undefined) {
        sendJsonText(reply, cached);
        return;
      }
      const send = (rows: unknown[][], total: number): void => {
        const transactions = new Array(rows.length);
        for (let i = 0; i < rows.length; i++) transactions[i] = valuesToTransactionJson(rows[i] as unknown[]);
        serializeList ??= reply.compileSerializationSchema(TransactionListSchema) as (
          page: unknown,
        ) => string;
        const body = serializeList({ transactions, total, has_more: offset + rows.length < total });
        pages.set(account, filter, body);
        sendJsonText(reply, body);
      };
      // SQLite: read and answered in this step, without a promise (the read-only connection is synchronous).
      const now = listTransactionsNow(db, account.id, filter);
      if (now !== undefined) {
        send(now.rows, now.total);
        return;
      }
      return listTransactions(db, account.id, filter).then(({ rows, total }) => send(rows, total));
    },
  );
};
