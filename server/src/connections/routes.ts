import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** GET /connections, DELETE /connections/:id — connection-flow issue. */
export const connectionRoutes: FastifyPluginAsyncTypebox = async () => {};
