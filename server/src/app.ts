import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { accountRoutes } from './accounts/routes.js';
import { bankRoutes } from './banks/routes.js';
import { connectRoutes } from './connect/routes.js';
import { connectionRoutes } from './connections/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { developerRoutes } from './developers/routes.js';
import { registerDocs } from './docs/routes.js';
import { ApiError, errorBody } from './errors.js';
import { healthRoutes } from './health/routes.js';
import { registerAuth } from './http/auth.js';
import { registerErrorHandling, sendError, toApiError } from './http/error-handler.js';
import { registerJsonParser } from './http/json-parser.js';
import { safeLoggerOptions } from './http/logging.js';
import { NUL_MESSAGE, urlHasNul } from './http/nul-guard.js';
import type { AppDeps } from './http/principals.js';
import { requestIdFor } from './http/request-id.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { listenRoutes } from './listen/routes.js';
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
    // Malformed URLs (bad percent-encoding) never reach the error handler; answer them in our shape too.
    frameworkErrors: (err, req, reply) => {
      sendError(req, reply, toApiError(err) ?? new ApiError('MALFORMED_REQUEST'));
    },
    ajv: {
      customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
    // Errors the HTTP parser finds before Fastify sees a request still answer in the documented shape.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify(
        errorBody(
          new ApiError(
            'MALFORMED_REQUEST',
            `The request could not be parsed (${(err as NodeJS.ErrnoException).code ?? 'bad request'}).`,
          ),
          deps.config.publicUrl,
          'none',
        ),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // The cheap per-request edge checks share one callback-style hook (no promise per request).
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    if (closing) {
      reply.header('connection', 'close').header('retry-after', '1');
      return done(new ApiError('SERVICE_UNAVAILABLE', 'The server is shutting down — retry shortly.'));
    }
    if (urlHasNul(req.url)) return done(new ApiError('INVALID_FIELD', NUL_MESSAGE));
    done();
  });
  // Browsers call the API directly (the Link widget). Auth is a bearer token, never a cookie, so
  // reflecting any origin without credentials exposes nothing a script could not already send.
  await app.register(cors, {
    origin: true,
    credentials: false,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
    // A bare OPTIONS (no Origin / Access-Control-Request-Method) would otherwise get a text/plain
    // 400 "Invalid Preflight Request", the one answer outside the documented error shape.
    strictPreflight: false,
  });
  registerJsonParser(app);
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerAuth(app);
  registerUsageRecording(app);
  registerRetention(app);
  await registerDocs(app);

  await app.register(healthRoutes);
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
