import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { poolOf } from '../db/index.js';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../ids.js';

/**
 * Prometheus metrics. Two registries:
 * - the process registry (this module): Node's own metrics (event-loop delay, memory, GC, handles),
 *   and what background work reports wherever it runs — dispatcher attempts, refresh durations;
 * - one registry per app: HTTP request histograms and the gauges read from its database at scrape
 *   time (webhook queue, connection pool).
 * `GET /metrics` serves both, and only when OPENDINAR_METRICS_TOKEN is set (bearer token).
 */
export const processRegistry = new Registry();
let defaultsCollected = false;

/** Webhook delivery attempts by outcome (succeeded, retrying, failed, lost). */
export const dispatcherAttempts = new Counter({
  name: 'opendinar_webhook_attempts_total',
  help: 'Webhook delivery attempts by outcome (succeeded, retrying, failed, lost: lease lost or not recordable).',
  labelNames: ['outcome'] as const,
  registers: [processRegistry],
});

/** Connection refreshes (on demand and scheduled) by result. */
export const refreshDuration = new Histogram({
  name: 'opendinar_refresh_duration_seconds',
  help: 'Duration of connection refreshes by result (refreshed, busy, gone, error).',
  labelNames: ['result'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processRegistry],
});

export const refreshFailures = new Counter({
  name: 'opendinar_refresh_failures_total',
  help: 'Connection refreshes that failed with an error.',
  registers: [processRegistry],
});

/** Times a refresh and counts it by result; rethrows its error after counting it. */
export async function timedRefresh<T extends { status: string }>(run: () => Promise<T>): Promise<T> {
  const end = refreshDuration.startTimer();
  try {
    const outcome = await run();
    end({ result: outcome.status });
    return outcome;
  } catch (err) {
    end({ result: 'error' });
    refreshFailures.inc();
    throw err;
  }
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever the lengths.
  return timingSafeEqual(Buffer.from(sha256Hex(given), 'hex'), Buffer.from(sha256Hex(expected), 'hex'));
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * GET /metrics and the request-histogram hook. With no token configured nothing is registered:
 * /metrics answers 404 ROUTE_NOT_FOUND and requests pay nothing for metrics.
 */
export function registerMetrics(app: FastifyInstance): void {
  const token = app.deps.config.metricsToken;
  if (!token) return;
  if (!defaultsCollected) {
    defaultsCollected = true;
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  const { db, clock } = app.deps;
  const registry = new Registry();
  const requests = new Histogram({
    name: 'opendinar_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status; _count is the request count (rate() it).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // One labelled child per (method, route, status): the label lookup is paid once, not per request.
  const children = new Map<string, ReturnType<typeof requests.labels>>();
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.is404 ? '(unmatched)' : (req.routeOptions.url ?? '(unmatched)');
    const k = `${req.method} ${reply.statusCode} ${route}`;
    let child = children.get(k);
    if (!child) {
      child = requests.labels(req.method, route, String(reply.statusCode));
      children.set(k, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });

  const queueDepth = new Gauge({
    name: 'opendinar_webhook_queue_depth',
    help: 'Webhook deliveries waiting to be sent (pending, due or scheduled for a retry).',
    registers: [registry],
  });
  const oldestPending = new Gauge({
    name: 'opendinar_webhook_oldest_pending_age_seconds',
    help: 'Age of the oldest pending webhook delivery (0 when none).',
    registers: [registry],
  });
  const dbUp = new Gauge({
    name: 'opendinar_database_up',
    help: '1 when the last scrape could query the database, else 0.',
    registers: [registry],
  });
  const pool = poolOf(db);
  if (pool) {
    new Gauge({
      name: 'opendinar_db_pool_connections',
      help: 'Database pool connections by state (total, idle, in_use) and queued requests (waiting).',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'opendinar_db_pool_max',
      help: 'Configured maximum of the database pool.',
      registers: [registry],
      collect() {
        this.set(pool.options.max ?? 10);
      },
    });
  }

  // Auth decorates app.keyCache after this runs: read it at scrape time.
  if (poolOf(db)) {
    new Gauge({
      name: 'opendinar_key_cache_lookups',
      help: 'API-key lookups through the PostgreSQL key cache since start, by result (hit, miss).',
      labelNames: ['result'] as const,
      registers: [registry],
      collect() {
        this.set({ result: 'hit' }, app.keyCache?.hits ?? 0);
        this.set({ result: 'miss' }, app.keyCache?.misses ?? 0);
      },
    });
    new Gauge({
      name: 'opendinar_key_cache_listening',
      help: '1 while the key cache LISTENs for key changes (0: bypassed, every lookup reads the database).',
      registers: [registry],
      collect() {
        this.set(app.keyCache?.active ? 1 : 0);
      },
    });
  }

  async function scrapeDatabase(): Promise<void> {
    try {
      const row = await db
        .selectFrom('webhook_deliveries')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirst();
      queueDepth.set(Number(row?.n ?? 0));
      const oldest = row?.oldest ? Date.parse(String(row.oldest)) : Number.NaN;
      oldestPending.set(Number.isNaN(oldest) ? 0 : Math.max(0, (clock.now().getTime() - oldest) / 1000));
      dbUp.set(1);
    } catch (err) {
      app.log.warn({ err }, 'metrics: database gauges unavailable');
      dbUp.set(0);
    }
  }

  app.get(
    '/metrics',
    { schema: { hide: true }, config: { auth: 'public', pressureHandler: () => undefined } },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const given = BEARER.exec(req.headers.authorization ?? '')?.[1];
      if (!given || !sameToken(given, token)) {
        throw new ApiError('INVALID_METRICS_TOKEN', undefined, { 'www-authenticate': 'Bearer' });
      }
      await scrapeDatabase();
      const merged = Registry.merge([processRegistry, registry]);
      reply.type(merged.contentType).header('cache-control', 'no-store');
      return merged.metrics();
    },
  );
}
