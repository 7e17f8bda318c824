import type { FastifyInstance } from 'fastify';
import { DEFAULT_RECORDER_OPTIONS, type RecorderOptions, UsageRecorder } from './recorder.js';
import { carriedKeyHash } from './writer.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Usage recording; `await app.usage.flush()` writes everything recorded so far. */
    usage: UsageRecorder;
  }
}

/** Endpoint name for requests that matched no route (the raw path would explode the breakdown). */
export const unmatchedEndpoint = (method: string): string => `${method} (unmatched route)`;

/**
 * Records every request made with an API key: route pattern, status, error code, request id,
 * key, environment and time. Called on the root instance, so the hook is global and `app.usage`
 * is visible everywhere. Requests whose key was refused (revoked) or whose route does not exist
 * are resolved to their key by hash when the batch is written; keys that do not exist are not recorded.
 */
export function registerUsageRecording(
  app: FastifyInstance,
  options: RecorderOptions = DEFAULT_RECORDER_OPTIONS,
): void {
  // OPENDINAR_WORKER_THREADS=0 keeps every task on the main thread, usage writes included.
  const recorder = new UsageRecorder(app.deps.db, app.deps.dialect, app.log, {
    ...options,
    worker: options.worker && (app.deps.config.workerThreads ?? 1) > 0,
  });
  app.decorate('usage', recorder);

  // Off only when the operator says so (the bench measures recording's cost this way).
  if (!app.deps.config.usageRecording) return;

  const clock = app.deps.clock;
  // Hot path: no regular expression, hash or object per request — the path is cleaned of tokens, the
  // credential's prefix read and keys known by hash resolved when the batch is written.
  app.addHook('onResponse', (req, reply, done) => {
    const key = req.key;
    let keyId: string | null;
    let developerOrHash: string;
    let environment: string | null = null;
    if (key) {
      keyId = key.apiKeyId;
      developerOrHash = key.developerId;
      environment = key.environment;
    } else {
      // No accepted key (refused, public or unknown route): the hash of an API key it carried, if any.
      const hash = carriedKeyHash(req.headers.authorization);
      if (hash === null) return done();
      keyId = null;
      developerOrHash = hash;
    }
    const method = req.method;
    recorder.push(
      method,
      // routeOptions builds a fresh object on every access: read the pattern once.
      req.is404 ? unmatchedEndpoint(method) : `${method} ${req.routeOptions.url}`,
      reply.statusCode,
      req.errorCode,
      req.id,
      clock.now().getTime(),
      req.url,
      reply.elapsedTime,
      req.headers.authorization ?? null,
      keyId,
      developerOrHash,
      environment,
      req.errorBody,
    );
    done();
  });

  app.addHook('onReady', async () => {
    recorder.start();
  });
  // onClose runs before main.ts closes the database, so a graceful shutdown loses nothing.
  app.addHook('onClose', async () => {
    await recorder.stop();
  });
}
