import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { ApiError } from '../errors.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Health'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
      },
    },
    async (req) => {
      try {
        await sql`select 1`.execute(app.deps.db);
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        throw new ApiError('SERVICE_UNAVAILABLE', 'The database is unreachable.');
      }
      return { status: 'ok' as const, database: app.deps.dialect };
    },
  );
};
