import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** GET /sandbox/auth.html, POST /sandbox/authorize — connection-flow issue. */
export const sandboxAuthRoutes: FastifyPluginAsyncTypebox = async () => {};
