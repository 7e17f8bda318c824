import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** /developers/webhooks* — developer-portal issue. */
export const webhookRoutes: FastifyPluginAsyncTypebox = async () => {};
