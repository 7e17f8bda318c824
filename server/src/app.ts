import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { accountRoutes } from './accounts/routes.js';
import { bankRoutes } from './banks/routes.js';
import { connectRoutes } from './connect/routes.js';
import { registerRevocationPurger } from './connections/purge.js';
import { connectionRoutes } from './connections/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { developerRoutes } from './developers/routes.js';
import { registerDocs } from './docs/routes.js';
import { ApiError, errorBody } from './errors.js';
import { registerAuth } from './http/auth.js';
import { RequestDrain } from './http/drain.js';
import { registerEdge } from './http/edge.js';
import { registerErrorHandling, sendError, toApiError } from './http/error-handler.js';
import { registerJsonParser } from './http/json-parser.js';
import { lazyRequestLogger, safeLoggerOptions } from './http/logging.js';
import type { AppDeps } from './http/principals.js';
import { requestIdFor } from './http/request-id.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { strictBodyValidator } from './http/validation.js';
import { registerIdempotency } from './idempotency/plugin.js';
import { listenRoutes } from './listen/routes.js';
import { registerHealth } from './ops/health.js';
import { registerMetrics } from './ops/metrics.js';
import { registerRateLimits } from './ratelimit/plugin.js';
import { registerRetention } from './retention/plugin.js';
import { sandboxRoutes } from './sandbox/routes.js';
import { transactionRoutes } from './transactions/routes.js';
import { registerUsageRecording } from './usage/plugin.js';
import { webhookRoutes } from './webhooks/routes.js';
import { widgetRoutes } from './widget/routes.js';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

/** The whole HTTP surface over the given dependencies; main.ts and tests both build it here. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: safeLoggerOptions(options.logger),
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Our own closing check (below) answers in the documented shape instead of Fastify's default 503.
    return503OnClosing: false,
    trustProxy: deps.config.trustProxy,
    // A body trickled a byte at a time cannot hold a connection open: the whole request must arrive
    // within requestTimeout (checked every second), and a silent socket is closed after connectionTimeout.
    requestTimeout: deps.config.requestTimeoutMs,
    connectionTimeout: deps.config.connectionTimeoutMs,
    http: {
      connectionsCheckingInterval: Math.min(1000, deps.config.requestTimeoutMs),
      headersTimeout: Math.min(60_000, deps.config.requestTimeoutMs),
    },
    // Malformed URLs (bad percent-encoding) never reach the error handler; answer them in our shape too.
    frameworkErrors: (err, req, reply) => {
      sendError(req, reply, toApiError(err) ?? new ApiError('MALFORMED_REQUEST'));
    },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidator() } },
    ajv: {
      customOptions: {
        removeAdditional: true,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
        // Infinity and NaN ("1e309" in a query string) are not numbers: without this they pass minimum/maximum.
        strictNumbers: true,
      },
    },
    // Errors the HTTP parser finds before Fastify sees a request still answer in the documented shape.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const code = (err as NodeJS.ErrnoException).code;
      const timedOut = code === 'ERR_HTTP_REQUEST_TIMEOUT';
      const apiErr = timedOut
        ? new ApiError('REQUEST_TIMEOUT')
        : new ApiError('MALFORMED_REQUEST', `The request could not be parsed (${code ?? 'bad request'}).`);
      const body = JSON.stringify(errorBody(apiErr, deps.config.publicUrl, 'none'));
      socket.end(
        `HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Each request's pino child is made only when the request logs something (http/logging.ts).
  if (options.logger !== undefined && options.logger !== false) app.setChildLoggerFactory(lazyRequestLogger);
  app.decorate('deps', deps);
  const drain = new RequestDrain(app.server);
  app.decorate('drainRequests', (opts: { quietMs: number; maxMs: number }) => drain.drain(opts));
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Request id, shutdown check, NUL guard, CORS and the static security headers: one hook (http/edge.ts).
  registerEdge(app, { closing: () => closing || drain.draining });
  registerJsonParser(app);
  registerErrorHandling(app);
  // First: @fastify/swagger documents only routes registered after it (/healthz, /readyz, /metrics too).
  await registerDocs(app);
  // Load shedding runs before auth and every route; /healthz, /readyz and /metrics live here.
  await registerHealth(app);
  registerMetrics(app);
  registerSecurityHeaders(app);
  registerAuth(app);
  registerRateLimits(app);
  registerUsageRecording(app);
  registerRetention(app);
  registerRevocationPurger(app);
  registerIdempotency(app);

  await app.register(bankRoutes);
  await app.register(connectRoutes);
  await app.register(connectionRoutes);
  await app.register(accountRoutes);
  await app.register(transactionRoutes);
  await app.register(sandboxRoutes);
  await app.register(developerRoutes);
  await app.register(webhookRoutes);
  await app.register(listenRoutes);
  await app.register(widgetRoutes);
  await app.register(dashboardRoutes);
  return app;
}
