import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** POST /connect, GET /connect/status/:session_token, POST /connect/exchange, POST /link/token — connection-flow issue. */
export const connectRoutes: FastifyPluginAsyncTypebox = async () => {};
