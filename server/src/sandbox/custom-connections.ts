import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** POST /sandbox/connections — sync-engine issue. */
export const customConnectionRoutes: FastifyPluginAsyncTypebox = async () => {};
