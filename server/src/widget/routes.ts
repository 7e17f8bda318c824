import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** GET /v1/opendinar.js — the Link widget bundle (connection-flow issue). */
export const widgetRoutes: FastifyPluginAsyncTypebox = async () => {};
