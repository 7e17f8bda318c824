import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { Redis } from 'ioredis';
import { countActiveKeys } from '../developers/key-cap.js';
import { ApiError } from '../errors.js';
import type { AppDeps } from '../http/principals.js';
import { sha256Hex } from '../ids.js';
import type { RateLimitConfig } from './config.js';
import { exactCounter, leasedCounter } from './lease.js';
import { databaseStore, type Hit, memoryStore, type RateLimitStore, redisStore } from './store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Chooses where counters live so that every process sharing the data counts a request once. */
export function createRateLimitStore(deps: Pick<AppDeps, 'db' | 'dialect' | 'config'>): RateLimitStore {
  const rl = deps.config.rateLimits;
  // Chosen by the database that was opened (deps.db), not the configured URL. PostgreSQL is shared by
  // every process, so it counts there. The embedded SQLite default is one process: it counts in memory,
  // because a counter write per request would make every read wait behind an open write transaction
  // (SQLite has one writer; see test/read-isolation.test.ts). Several processes on one SQLite file set
  // OPENDINAR_RATE_LIMIT_STORE=database (or Redis) and accept that.
  const kind =
    rl.store !== 'auto'
      ? rl.store
      : rl.redisUrl
        ? 'redis'
        : deps.dialect === 'sqlite'
          ? 'memory'
          : 'database';
  if (kind === 'redis') {
    const redis = new Redis(rl.redisUrl ?? '', { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    return redisStore(redis, rl.redisPrefix);
  }
  return kind === 'database' ? databaseStore(deps.db) : memoryStore();
}

function setHeaders(reply: FastifyReply, limit: number, hit: Hit, nowMs: number): number {
  const resetSeconds = Math.max(1, Math.ceil((hit.resetAtMs - nowMs) / 1000));
  reply.header('ratelimit-limit', limit);
  reply.header('ratelimit-remaining', Math.max(0, limit - hit.count));
  reply.header('ratelimit-reset', resetSeconds);
  return resetSeconds;
}

function exceeded(what: string, resetSeconds: number): ApiError {
  return new ApiError(
    'RATE_LIMIT_EXCEEDED',
    `Rate limit exceeded (${what}) — retry in ${resetSeconds} seconds.`,
    {
      'retry-after': String(resetSeconds),
    },
  );
}

interface Budget {
  bucket: string;
  limit: number;
  windowMs: number;
  what: string;
  weight?: number;
}

/**
 * Published rate limits (/docs#rate-limits): a budget per API key and per developer session on
 * every authenticated route, with `RateLimit-Limit/-Remaining/-Reset` on every answer, and tighter
 * budgets for expensive operations. Over budget → 429 RATE_LIMIT_EXCEEDED with Retry-After.
 */
export function registerRateLimits(app: FastifyInstance): void {
  const { config, clock, db } = app.deps;
  const rl: RateLimitConfig = config.rateLimits;
  if (!rl.enabled) return;
  const store = createRateLimitStore(app.deps);
  app.addHook('onClose', async () => store.close());
  // The general budget is on every request: in a shared store it is counted through per-process
  // leases (ratelimit/lease.ts — one claim per slice of requests, never more than the limit across
  // processes); the tighter budgets and the per-IP ones below stay exact, one increment per request.
  const general = store.kind === 'memory' ? exactCounter(store) : leasedCounter(store);

  // The general budget: callback-style, and served from memory without a promise (the hot path).
  app.addHook('onRequest', (req, reply, done) => {
    let bucket: string;
    let limit: number;
    if (req.key) {
      bucket = `k:${req.key.apiKeyId}`;
      limit = rl.keyPerMinute;
    } else if (req.developer) {
      bucket = `s:${req.developer.sessionId}`;
      limit = rl.sessionPerMinute;
    } else return done();
    if (limit === 0) return done();
    const now = clock.now().getTime();
    const check = (hit: Hit) => {
      const reset = setHeaders(reply, limit, hit, now);
      done(hit.count > limit ? exceeded(`${limit} requests per minute`, reset) : undefined);
    };
    const result = general.take(bucket, limit, MINUTE, now);
    if (result instanceof Promise) result.then(check, (err: Error) => done(err));
    else check(result);
  });

  async function spend(reply: FastifyReply, budgets: Budget[]): Promise<void> {
    for (const b of budgets) {
      if (b.limit === 0) continue;
      const now = clock.now().getTime();
      const hit = await store.hit(b.bucket, b.windowMs, now, b.weight ?? 1);
      if (hit.count > b.limit && (b.weight ?? 1) > 0) {
        throw exceeded(b.what, setHeaders(reply, b.limit, hit, now));
      }
    }
  }

  const tighter: Record<string, (req: FastifyRequest) => Budget[] | Promise<Budget[]>> = {
    '/accounts/:id/sync': (req) => {
      const connectionId = req.account?.connection_id;
      if (!connectionId || !req.key) return [];
      const live = req.key.environment === 'live';
      const limit = live ? rl.syncPerHourLive : rl.syncPerHourSandbox;
      return [
        {
          bucket: `sync:${connectionId}`,
          limit,
          windowMs: HOUR,
          what: `${limit} force refreshes per connection per hour`,
        },
      ];
    },
    '/sandbox/connections': (req) => {
      if (!req.key) return [];
      const body = req.body as { accounts?: Array<{ transactions?: unknown[] }> };
      const transactions = (body.accounts ?? []).reduce((n, a) => n + (a.transactions?.length ?? 0), 0);
      return [
        {
          bucket: `sbx:${req.key.apiKeyId}`,
          limit: rl.sandboxConnectionsPerHour,
          windowMs: HOUR,
          what: `${rl.sandboxConnectionsPerHour} sandbox connections per key per hour`,
        },
        {
          bucket: `sbxtx:${req.key.apiKeyId}`,
          limit: rl.customTransactionsPerDay,
          windowMs: DAY,
          weight: transactions,
          what: `${rl.customTransactionsPerDay} custom transactions per key per day`,
        },
      ];
    },
    '/developers/webhooks/:id/test': (req) => webhookSends(req),
    '/developers/webhooks/:id/deliveries/:delivery_id/retry': (req) => webhookSends(req),
    '/developers/webhooks/:id/rotate-secret': (req) => webhookSends(req),
    '/developers/keys': async (req) => {
      if (!req.developer) return [];
      const { developerId } = req.developer;
      if (rl.maxKeysPerDeveloper > 0 && (await countActiveKeys(db, developerId)) >= rl.maxKeysPerDeveloper) {
        throw new ApiError(
          'KEY_LIMIT_REACHED',
          `At most ${rl.maxKeysPerDeveloper} active API keys per account — revoke one first.`,
        );
      }
      return [
        {
          bucket: `keys:${developerId}`,
          limit: rl.keyCreationsPerHour,
          windowMs: HOUR,
          what: `${rl.keyCreationsPerHour} key creations per hour`,
        },
      ];
    },
  };
  const webhookSends = (req: FastifyRequest): Budget[] =>
    req.developer
      ? [
          {
            bucket: `whsend:${req.developer.developerId}`,
            limit: rl.webhookSendsPerHour,
            windowMs: HOUR,
            what: `${rl.webhookSendsPerHour} webhook test sends, re-sends and secret rotations per hour`,
          },
        ]
      : [];

  // The public account endpoints, per client address (hashed: no address is stored), counted before
  // the body is even validated — as the published limits are, in the shared store.
  const perIp: Record<string, { name: string; limit: number; windowMs: number; what: string }> = {
    '/developers/register': {
      name: 'reg',
      limit: rl.registerPerIpPerHour,
      windowMs: HOUR,
      what: `${rl.registerPerIpPerHour} registrations per IP per hour`,
    },
    '/developers/login': {
      name: 'login',
      limit: rl.loginPerIpPerMinute,
      windowMs: MINUTE,
      what: `${rl.loginPerIpPerMinute} sign-in requests per IP per minute`,
    },
    '/developers/password/forgot': {
      name: 'pwforgot',
      limit: rl.loginPerIpPerMinute,
      windowMs: MINUTE,
      what: `${rl.loginPerIpPerMinute} password-reset requests per IP per minute`,
    },
    '/developers/password/reset': {
      name: 'pwreset',
      limit: rl.loginPerIpPerMinute,
      windowMs: MINUTE,
      what: `${rl.loginPerIpPerMinute} password resets per IP per minute`,
    },
  };

  app.addHook('onRoute', (route) => {
    const ipBudget = perIp[route.url];
    if (ipBudget && ipBudget.limit > 0 && [route.method].flat().includes('POST')) {
      const b = ipBudget;
      const check: onRequestAsyncHookHandler = async (req, reply) =>
        spend(reply, [
          { bucket: `${b.name}:${sha256Hex(req.ip)}`, limit: b.limit, windowMs: b.windowMs, what: b.what },
        ]);
      route.onRequest = [check, ...[route.onRequest ?? []].flat()];
    }
    const budgets = tighter[route.url];
    if (!budgets || ![route.method].flat().includes('POST')) return;
    const check: preHandlerAsyncHookHandler = async (req, reply) => spend(reply, await budgets(req));
    route.preHandler = [check, ...[route.preHandler ?? []].flat()];
  });
}
