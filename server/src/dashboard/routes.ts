import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** GET /dashboard/* — the developer dashboard's static build (dashboard issue). */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async () => {};
