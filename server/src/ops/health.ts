import underPressure from '@fastify/under-pressure';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { appliedMigrationsComplete } from '../db/migrate.js';
import { ApiError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** @fastify/under-pressure: per-route handler; ours return undefined (never shed that route). */
    pressureHandler?: (
      req: FastifyRequest,
      reply: FastifyReply,
      type: string,
      value: number | undefined,
    ) => void;
  }
  interface FastifyInstance {
    /** Starts draining: /readyz answers 503 so load balancers stop sending; other routes keep working. */
    startDraining(): void;
    readonly draining: boolean;
  }
}

/** The 503 every shed request gets, in the documented error shape (Retry-After set by the plugin). */
class OverloadedError extends ApiError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'The server is overloaded — retry shortly.');
  }
}

const neverShed = () => undefined;

/**
 * Operations routes: `/healthz` (liveness: the process answers; no database, nothing about it),
 * `/readyz` (readiness: database reachable, every migration applied, not draining), and load
 * shedding with @fastify/under-pressure (503 SERVICE_UNAVAILABLE with Retry-After instead of
 * queueing without bound when the event loop, heap or RSS pass the configured limits).
 */
export async function registerHealth(app: FastifyInstance): Promise<void> {
  const { config, db } = app.deps;
  let draining = false;
  app.decorate('startDraining', () => {
    draining = true;
  });
  Object.defineProperty(app, 'draining', { get: () => draining });
  // app.close() drains too (the server stops taking requests).
  app.addHook('preClose', async () => {
    draining = true;
  });

  const shedDelay = config.shedEventLoopDelayMs ?? 0;
  const shedHeap = (config.shedHeapMb ?? 0) * 1024 * 1024;
  const shedRss = (config.shedRssMb ?? 0) * 1024 * 1024;
  const sampleMs = config.shedSampleMs ?? 1000;
  const retryAfter = String(config.shedRetryAfterSeconds ?? 5);
  // Start-up (module loading, migrations, the seed) blocks the loop for a while; the plugin's first
  // samples cover it. Event-loop delay counts from two samples after the app is ready.
  let delayCountsFrom = Number.POSITIVE_INFINITY;
  app.addHook('onReady', async () => {
    delayCountsFrom = performance.now() + 2 * sampleMs;
  });
  await app.register(underPressure, {
    ...(shedDelay > 0 && { maxEventLoopDelay: shedDelay }),
    ...(shedHeap > 0 && { maxHeapUsedBytes: shedHeap }),
    ...(shedRss > 0 && { maxRssBytes: shedRss }),
    sampleInterval: sampleMs,
    pressureHandler: async (_req, reply) => {
      // The plugin reports the first limit it finds over; check them all, minus start-up delay.
      const m = app.memoryUsage();
      const over =
        (shedDelay > 0 && m.eventLoopDelay > shedDelay && performance.now() >= delayCountsFrom) ||
        (shedHeap > 0 && m.heapUsed > shedHeap) ||
        (shedRss > 0 && m.rssBytes > shedRss);
      if (!over) return;
      reply.header('retry-after', retryAfter);
      throw new OverloadedError();
    },
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Health'],
        summary: 'Liveness: the process answers (no dependency is checked)',
        response: { 200: Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false }) },
      },
      config: { pressureHandler: neverShed },
    },
    async () => ({ status: 'ok' as const }),
  );

  let migrationsDone = false;
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Health'],
        summary: 'Readiness: database reachable, migrations applied, not draining',
        response: { 200: Type.Object({ status: Type.Literal('ready') }, { additionalProperties: false }) },
      },
    },
    async (req, reply) => {
      const notReady = (message: string) => {
        reply.header('retry-after', '5');
        return new ApiError('SERVICE_UNAVAILABLE', message);
      };
      if (draining) throw notReady('The server is draining — send requests to another instance.');
      try {
        await sql`select 1`.execute(db);
        // Migrations are never un-applied: once complete, only reachability is checked again.
        if (!migrationsDone) migrationsDone = await appliedMigrationsComplete(db);
      } catch (err) {
        req.log.error({ err }, 'readiness check: database unreachable');
        throw notReady('The database is unreachable.');
      }
      if (!migrationsDone) throw notReady('Database migrations are not applied yet.');
      return { status: 'ready' as const };
    },
  );
}
