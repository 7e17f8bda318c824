import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { NUL_MESSAGE, urlHasNul } from './nul-guard.js';
import { STATIC_SECURITY_HEADERS } from './security-headers.js';

/**
 * The per-request edge work every route pays, in one callback-style onRequest hook (no promise, no
 * per-request closure, no route-options object): the request id header, the shutdown check, the NUL
 * guard, CORS and the static security headers (security-headers.ts). Merged because each hook
 * Fastify runs costs a step of its hook runner, and @fastify/cors alone (two route-options objects
 * and an options spread per request) was ~5 % of an uncached transactions page.
 *
 * CORS is what @fastify/cors did with our options (origin reflected, no credentials): every answer
 * carries `Vary: Origin` and the exposed headers, plus `Access-Control-Allow-Origin: <origin>` when
 * the request has an Origin; every OPTIONS request is a preflight answered 204 here, before auth.
 */
export interface EdgeOptions {
  /** True once the server is closing or draining: answer 503 with Connection: close. */
  closing: () => boolean;
}

const CORS_METHODS = 'GET, POST, PATCH, DELETE';
const CORS_ALLOWED_HEADERS = 'authorization, content-type, x-request-id, idempotency-key';
const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'retry-after',
  'idempotent-replayed',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
].join(', ');
const CORS_MAX_AGE = '600';

// Set in this order on every answer (before any route can set its own, which then replaces them).
const EDGE_HEADERS: Array<[string, string]> = [
  ...STATIC_SECURITY_HEADERS,
  ['vary', 'Origin'],
  ['access-control-expose-headers', CORS_EXPOSED_HEADERS],
];

export function registerEdge(app: FastifyInstance, options: EdgeOptions): void {
  const { closing } = options;
  const shuttingDown = () =>
    new ApiError('SERVICE_UNAVAILABLE', 'The server is shutting down — retry shortly.');
  app.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    reply.header('x-request-id', req.id);
    if (closing()) {
      reply.header('connection', 'close').header('retry-after', '1');
      return done(shuttingDown());
    }
    if (urlHasNul(req.url)) return done(new ApiError('INVALID_FIELD', NUL_MESSAGE));
    for (let i = 0; i < EDGE_HEADERS.length; i++) {
      const h = EDGE_HEADERS[i] as [string, string];
      reply.header(h[0], h[1]);
    }
    const origin = req.headers.origin;
    if (origin) reply.header('access-control-allow-origin', origin);
    if (req.raw.method === 'OPTIONS') {
      // A preflight (any OPTIONS): answered here, before auth, as browsers send it without credentials.
      reply.header('access-control-allow-methods', CORS_METHODS);
      reply.header('access-control-allow-headers', CORS_ALLOWED_HEADERS);
      reply.header('access-control-max-age', CORS_MAX_AGE);
      // Safari needs content-length 0 on a 204 or it waits for a body.
      reply.code(204).header('content-length', '0').send();
      return;
    }
    done();
  });
  // Lets every path accept OPTIONS (the hook above answers it); hidden from the OpenAPI document.
  app.options('*', { schema: { hide: true } }, (_req, reply) => {
    reply.send();
  });
}
