import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sandboxAuthRoutes } from './auth-routes.js';
import { customConnectionRoutes } from './custom-connections.js';

export const sandboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(sandboxAuthRoutes);
  await app.register(customConnectionRoutes);
};
