import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** GET /sandbox/auth.html, POST /sandbox/authorize (connection flow), POST /sandbox/connections (sync issue). */
export const sandboxRoutes: FastifyPluginAsyncTypebox = async () => {};
