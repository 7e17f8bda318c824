import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkRedirectUrlList } from '../connect/redirect-urls.js';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import type { Scope } from '../http/principals.js';
import { setKeyRedirectUrls } from './redirect-store.js';
import { KeyIdParams, KeySchema, UpdateKeyBody } from './schemas.js';
import { findKey } from './store.js';

/** PATCH /developers/keys/:id — replace the key's registered redirect URLs. */
export const keyRedirectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.patch(
    '/developers/keys/:id',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: "Replace an API key's registered redirect_urls (a live key's POST /connect must match one)",
        security: [{ developerSession: [] }],
        params: KeyIdParams,
        body: UpdateKeyBody,
        response: { 200: KeySchema },
      },
    },
    async (req) => {
      const { developerId } = developerOf(req);
      const urls = checkRedirectUrlList(req.body.redirect_urls);
      if (!(await setKeyRedirectUrls(db, developerId, req.params.id, urls)))
        throw new ApiError('KEY_NOT_FOUND');
      const key = await findKey(db, developerId, req.params.id);
      if (!key) throw new ApiError('KEY_NOT_FOUND');
      return {
        ...key,
        scopes: JSON.parse(key.scopes) as Scope[],
        redirect_urls: JSON.parse(key.redirect_urls) as string[],
      };
    },
  );
};
