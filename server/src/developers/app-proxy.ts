import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { InjectOptions } from 'fastify';
import { ApiError } from '../errors.js';
import { developerOf, dropProxyCredential, issueProxyCredential, PROXY_HEADER } from '../http/auth.js';
import { findKeyHashForProxy } from './store.js';

/**
 * The banking calls the dashboard's explorer and "try the widget" page make for one of the
 * developer's sandbox apps, by key id: the browser never holds a secret, and nothing is minted on
 * reload. Each call runs in-process through the real route (same validation, scoping, errors and
 * usage log), authenticated as the key by a one-use credential that never leaves the process.
 */
const ALLOWED: ReadonlyArray<readonly [string, RegExp]> = [
  ['GET', /^connections$/],
  ['DELETE', /^connections\/[^/]+$/],
  ['GET', /^accounts$/],
  ['GET', /^accounts\/[^/]+\/(balance|identity|transactions|recurring)$/],
  ['POST', /^accounts\/[^/]+\/sync$/],
  ['POST', /^link\/token$/],
  ['POST', /^connect\/exchange$/],
  ['POST', /^sandbox\/connections$/],
];

export const ProxyParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 128 }),
  '*': Type.String({ maxLength: 500 }),
});

export const appProxyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;
  app.route({
    method: ['GET', 'POST', 'DELETE'],
    url: '/developers/keys/:id/api/*',
    config: { auth: 'developer' },
    schema: {
      // Dashboard-internal (answers whatever the banking endpoint answers): kept out of /openapi.json.
      hide: true,
      tags: ['Developer Portal'],
      summary: 'Dashboard only: call a banking endpoint as one of your sandbox keys, by key id',
      description:
        'GET connections, accounts, account balance / identity / transactions / recurring; DELETE a connection; ' +
        'POST sync, link/token, connect/exchange, sandbox/connections. Answers exactly what the banking endpoint answers.',
      security: [{ developerSession: [] }],
      params: ProxyParams,
    },
    handler: async (req, reply) => {
      const path = req.params['*'];
      if (!ALLOWED.some(([m, re]) => m === req.method && re.test(path)))
        throw new ApiError('ROUTE_NOT_FOUND');
      const key = await findKeyHashForProxy(db, developerOf(req).developerId, req.params.id);
      if (!key || key.status !== 'active') throw new ApiError('KEY_NOT_FOUND');
      if (key.environment !== 'sandbox') throw new ApiError('NOT_SANDBOX_KEY');
      const credential = issueProxyCredential(key.key_hash);
      try {
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        const inner: InjectOptions = {
          method: req.method as 'GET' | 'POST' | 'DELETE',
          url: `/${path}${query}`,
          headers: { [PROXY_HEADER]: credential, 'x-request-id': req.id },
        };
        if (req.method === 'POST') inner.payload = (req.body ?? {}) as object;
        const res = await app.inject(inner);
        const type = res.headers['content-type'];
        if (typeof type === 'string') reply.header('content-type', type);
        return reply.code(res.statusCode).send(res.body);
      } finally {
        dropProxyCredential(credential);
      }
    },
  });
};
