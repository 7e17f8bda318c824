import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** /developers/register, login, logout, me, keys, usage — developer-portal issue. */
export const developerRoutes: FastifyPluginAsyncTypebox = async () => {};
