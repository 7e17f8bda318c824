import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { DEFAULT_SCRYPT_COST, MAX_SCRYPT_COST, MIN_SCRYPT_COST } from './developers/passwords.js';
import {
  LOGIN_THROTTLE_DEFAULTS,
  LOGIN_THROTTLE_ENV,
  type LoginThrottleConfig,
} from './developers/throttle-config.js';
import { RATE_LIMIT_DEFAULTS, RATE_LIMIT_ENV, type RateLimitConfig } from './ratelimit/config.js';

/** Thrown for a bad environment variable; main prints its message as one line and exits. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  publicUrl: string;
  /** 32-byte key for AES-GCM and MACs; `null` means "generate/keep one in the data directory". */
  secretKey: Buffer | null;
  dataDir: string;
  webhookAllowPrivate: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Scheduled refresh of every active connection; 0 turns it off. */
  syncIntervalSeconds: number;
  /** Whether to run the webhook dispatcher loop in this process. */
  dispatcherEnabled: boolean;
  seedSandbox: boolean;
  /** Per-request usage recording (on by default; the bench turns it off to measure its cost). */
  usageRecording: boolean;
  /** Memory for serialised transaction-list pages (OPENDINAR_PAGE_CACHE_MB, default 32; 0 turns it off). */
  pageCacheMb: number;
  /** Trust X-Forwarded-For from a reverse proxy (per-IP throttles then see the client's address). */
  trustProxy: boolean;
  /** The whole request (headers and body) must arrive within this (OPENDINAR_REQUEST_TIMEOUT_MS, default 30 s). */
  requestTimeoutMs: number;
  /** A socket with no traffic for this long is closed (OPENDINAR_CONNECTION_TIMEOUT_MS, default 60 s). */
  connectionTimeoutMs: number;
  /** SIGTERM drain: close once nothing is in flight and nothing arrived for this long (OPENDINAR_SHUTDOWN_QUIET_MS, default 300). */
  shutdownQuietMs: number;
  /** Published rate limits (ratelimit/config.ts). */
  rateLimits: RateLimitConfig;
  /** Password hashing: scrypt N = 2^this for new hashes (OPENDINAR_PASSWORD_SCRYPT_COST, default 15; tests lower it). */
  passwordScryptCost?: number;
  /** Sign-in throttle: progressive delays and known addresses (developers/throttle-config.ts; defaults when absent). */
  loginThrottle?: LoginThrottleConfig;
  /** Webhook dispatcher: how often it looks for due deliveries (OPENDINAR_WEBHOOK_POLL_MS). */
  webhookPollMs?: number;
  /** First retry ceiling; doubles per failure (OPENDINAR_WEBHOOK_RETRY_BASE_MS, default 30 s). */
  webhookRetryBaseMs?: number;
  /** Per-delivery timeout (OPENDINAR_WEBHOOK_TIMEOUT_MS, default 10 s). */
  webhookTimeoutMs?: number;
  /** Retention job: usage events older than this many days are deleted (OPENDINAR_USAGE_RETENTION_DAYS, default 90). */
  usageRetentionDays?: number;
  /** Retention job: finished webhook deliveries (and their events) older than this (OPENDINAR_WEBHOOK_RETENTION_DAYS, default 30). */
  webhookRetentionDays?: number;
  /** Bearer token for GET /metrics (OPENDINAR_METRICS_TOKEN); unset: no /metrics route at all. */
  metricsToken?: string | null;
  /** Load shedding: 503 when the event-loop delay passes this (OPENDINAR_SHED_EVENT_LOOP_DELAY_MS, default 0 = off; e.g. 1000 in production). */
  shedEventLoopDelayMs?: number;
  /** Load shedding: 503 when the V8 heap in use passes this many MB (OPENDINAR_SHED_HEAP_MB, default 0 = off). */
  shedHeapMb?: number;
  /** Load shedding: 503 when the resident set passes this many MB (OPENDINAR_SHED_RSS_MB, default 0 = off). */
  shedRssMb?: number;
  /** How often the load-shedding figures are sampled (OPENDINAR_SHED_SAMPLE_MS, default 1000). */
  shedSampleMs?: number;
  /** Retry-After of a shed request (OPENDINAR_SHED_RETRY_AFTER_SECONDS, default 5). */
  shedRetryAfterSeconds?: number;
  /** On SIGTERM: seconds /readyz answers 503 before the server stops taking requests (OPENDINAR_DRAIN_SECONDS, default 0). */
  drainSeconds?: number;
  /** Cache API-key lookups: PostgreSQL invalidated by LISTEN/NOTIFY, an SQLite file by PRAGMA data_version (OPENDINAR_KEY_CACHE, default true). */
  keyCache?: boolean;
  /** `npm run start:cluster`: worker processes (OPENDINAR_WORKERS, default: one per CPU). */
  workers?: number;
  /** Worker threads for sandbox generation and categorisation (OPENDINAR_WORKER_THREADS; offload/pool.ts). */
  workerThreads?: number;
  /** Nice value of the worker threads (OPENDINAR_WORKER_NICE, default 0; offload/priority.ts). */
  workerNice?: number;
  /** PostgreSQL read pool's connections (OPENDINAR_PG_READ_POOL, default 0 = none; db/index.ts readPoolOf). */
  pgReadPool?: number;
  /** Exchanges the PostgreSQL writer thread runs at once (OPENDINAR_PG_WRITER_CONNECTIONS, default 1; offload/writer.ts). */
  pgWriterConnections?: number;
  /** Request log (GET /developers/logs) window in days (OPENDINAR_REQUEST_LOG_DAYS, default 7); older rows are deleted. */
  requestLogDays?: number;
  /** Development: the default mailer logs e-mailed links (OPENDINAR_MAIL_LOG_LINKS; default on unless NODE_ENV=production). */
  mailLogLinks?: boolean;
  /** Live banks reached through XS2A (OPENDINAR_BANKS_CONFIG); empty: live keys connect nothing. */
  liveBanks?: Record<string, LiveBankConfig>;
}

/** One live bank reached through its Berlin Group XS2A interface (OPENDINAR_BANKS_CONFIG). */
export interface LiveBankConfig {
  /** XS2A root, without the trailing /v1 (e.g. https://api.bank.rs/xs2a). */
  baseUrl: string;
  xs2aVersion: string;
  /** Known quirks: 'raiffeisen' | 'erste' | 'aik' | 'standard' (see connectors/xs2a/README.md). */
  profile: string;
  /** Client certificate (QWAC) for mTLS, PEM file paths. */
  tls?: { cert?: string; key?: string; ca?: string };
  /** Per-request timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Consent length in days asked for (default 180, the banks' cap). */
  consentDays?: number;
}

type Env = Record<string, string | undefined>;

export const XS2A_PROFILES = ['raiffeisen', 'erste', 'aik', 'standard'] as const;

/** Reads and checks the JSON file OPENDINAR_BANKS_CONFIG names: bank id → LiveBankConfig. */
export function loadBanksConfig(path: string): Record<string, LiveBankConfig> {
  const name = 'OPENDINAR_BANKS_CONFIG';
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(name, `cannot read ${path}: ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(name, `${path} must hold a JSON object: bank id → {baseUrl, xs2aVersion, profile}`);
  }
  const out: Record<string, LiveBankConfig> = {};
  for (const [bankId, v] of Object.entries(raw as Record<string, unknown>)) {
    const where = `${path}: bank "${bankId}"`;
    if (!/^[a-z0-9_-]+$/.test(bankId)) throw new ConfigError(name, `${where}: bank ids are lower-case words`);
    if (typeof v !== 'object' || v === null) throw new ConfigError(name, `${where} must be an object`);
    const b = v as Record<string, unknown>;
    if (typeof b.baseUrl !== 'string' || !/^https?:\/\//.test(b.baseUrl)) {
      throw new ConfigError(name, `${where}: baseUrl must be an http(s) URL`);
    }
    try {
      new URL(b.baseUrl);
    } catch {
      throw new ConfigError(name, `${where}: baseUrl is not a valid URL`);
    }
    const version = b.xs2aVersion ?? '1.3.11';
    if (typeof version !== 'string' || !/^1\.3(\.\d+)?$/.test(version)) {
      throw new ConfigError(
        name,
        `${where}: xs2aVersion must be 1.3.x (NextGenPSD2 1.3), got ${JSON.stringify(version)}`,
      );
    }
    const profile = b.profile ?? 'standard';
    if (typeof profile !== 'string' || !(XS2A_PROFILES as readonly string[]).includes(profile)) {
      throw new ConfigError(name, `${where}: profile must be one of ${XS2A_PROFILES.join(', ')}`);
    }
    const cfg: LiveBankConfig = { baseUrl: b.baseUrl.replace(/\/+$/, ''), xs2aVersion: version, profile };
    if (b.tls !== undefined) {
      if (typeof b.tls !== 'object' || b.tls === null)
        throw new ConfigError(name, `${where}: tls must be an object`);
      const tls: NonNullable<LiveBankConfig['tls']> = {};
      for (const k of ['cert', 'key', 'ca'] as const) {
        const p = (b.tls as Record<string, unknown>)[k];
        if (p === undefined) continue;
        if (typeof p !== 'string') throw new ConfigError(name, `${where}: tls.${k} must be a file path`);
        const abs = resolve(dirname(path), p);
        if (!existsSync(abs)) throw new ConfigError(name, `${where}: tls.${k} file ${abs} does not exist`);
        tls[k] = abs;
      }
      if ((tls.cert === undefined) !== (tls.key === undefined)) {
        throw new ConfigError(name, `${where}: tls.cert and tls.key go together`);
      }
      cfg.tls = tls;
    }
    for (const k of ['timeoutMs', 'consentDays'] as const) {
      const n = b[k];
      if (n === undefined) continue;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > (k === 'timeoutMs' ? 120_000 : 180)) {
        throw new ConfigError(name, `${where}: ${k} out of range`);
      }
      cfg[k] = n;
    }
    out[bankId] = cfg;
  }
  return out;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function database(env: Env, dataDir: string): DatabaseConfig {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return { kind: 'sqlite', path: resolve(dataDir, 'opendinar.db') };
  if (raw.startsWith('file:')) {
    const path = raw.slice('file:'.length);
    if (!path) throw new ConfigError('DATABASE_URL', 'file: needs a path, e.g. file:./data/opendinar.db');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { kind: 'postgres', url: raw };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `must be file:PATH or postgres://…, got "${raw.replace(/\/\/[^@]*@/, '//***@')}"`,
  );
}

function secretKey(env: Env): Buffer | null {
  const raw = env.OPENDINAR_SECRET_KEY;
  if (raw === undefined || raw === '') return null;
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  const b = Buffer.from(raw, 'base64');
  if (b.length === 32) return b;
  throw new ConfigError('OPENDINAR_SECRET_KEY', 'must be 32 bytes as 64 hex characters or base64');
}

function publicUrl(env: Env, port: number): string {
  const raw = env.OPENDINAR_PUBLIC_URL;
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError('OPENDINAR_PUBLIC_URL', `must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function metricsToken(env: Env): string | null {
  const raw = env.OPENDINAR_METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (!/^[\x21-\x7e]{16,256}$/.test(raw)) {
    throw new ConfigError('OPENDINAR_METRICS_TOKEN', 'must be 16 to 256 printable characters without spaces');
  }
  return raw;
}

function rateLimits(env: Env): RateLimitConfig {
  const store = (env.OPENDINAR_RATE_LIMIT_STORE || 'auto').toLowerCase();
  if (!['auto', 'memory', 'database', 'redis'].includes(store)) {
    throw new ConfigError(
      'OPENDINAR_RATE_LIMIT_STORE',
      `must be auto, memory, database or redis, got "${store}"`,
    );
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError('REDIS_URL', 'must be a redis:// URL');
  if (store === 'redis' && !redisUrl)
    throw new ConfigError('OPENDINAR_RATE_LIMIT_STORE', 'redis needs REDIS_URL');
  const budgets = Object.fromEntries(
    Object.entries(RATE_LIMIT_DEFAULTS).map(([name, fallback]) => [
      name,
      integer(env, RATE_LIMIT_ENV[name as keyof typeof RATE_LIMIT_DEFAULTS], fallback, 0, 1_000_000_000),
    ]),
  ) as Record<keyof typeof RATE_LIMIT_DEFAULTS, number>;
  return {
    enabled: boolean(env, 'OPENDINAR_RATE_LIMITS', true),
    store: store as RateLimitConfig['store'],
    redisUrl,
    redisPrefix: env.OPENDINAR_REDIS_PREFIX || 'opendinar:',
    ...budgets,
  };
}

/** OPENDINAR_WORKER_THREADS: default one less than the cores, at least 1 and at most 4; 0 = none (offload/pool.ts). */
export function workerThreadsFrom(env: Env): number {
  return integer(
    env,
    'OPENDINAR_WORKER_THREADS',
    Math.max(1, Math.min(4, availableParallelism() - 1)),
    0,
    64,
  );
}

/**
 * OPENDINAR_WORKER_NICE: the nice value (0–19) the worker threads — the CPU pool, the SQLite writer,
 * the usage writer — give themselves, so requests on the event loop get the CPU first. Default 0 (as
 * the main thread): on a machine shared with other busy processes a niced SQLite writer thread is
 * starved while it holds the write lock, and the main thread's writes wait for it (offload/priority.ts).
 */
export function workerNiceFrom(env: Env): number {
  return integer(env, 'OPENDINAR_WORKER_NICE', 0, 0, 19);
}

/**
 * OPENDINAR_PG_WRITER_CONNECTIONS: how many new connections' exchanges the PostgreSQL writer thread
 * runs at once (1–8, default 1; offload/writer.ts). One keeps the database's share of the cores for
 * the reads: each exchange is ~20 ms of PostgreSQL CPU (a year of history, its indexes and counts).
 */
export function pgWriterConnectionsFrom(env: Env): number {
  return integer(env, 'OPENDINAR_PG_WRITER_CONNECTIONS', 1, 1, 8);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates every environment variable once; throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(env.OPENDINAR_DATA_DIR || './data');
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    database: database(env, dataDir),
    publicUrl: publicUrl(env, port),
    secretKey: secretKey(env),
    dataDir,
    webhookAllowPrivate: boolean(env, 'OPENDINAR_WEBHOOK_ALLOW_PRIVATE', false),
    logLevel: logLevel as Config['logLevel'],
    syncIntervalSeconds: integer(env, 'OPENDINAR_SYNC_INTERVAL_SECONDS', 0, 0, 7 * 86400),
    dispatcherEnabled: boolean(env, 'OPENDINAR_DISPATCHER', true),
    seedSandbox: boolean(env, 'OPENDINAR_SEED_SANDBOX', true),
    usageRecording: boolean(env, 'OPENDINAR_USAGE_RECORDING', true),
    pageCacheMb: integer(env, 'OPENDINAR_PAGE_CACHE_MB', 32, 0, 4096),
    trustProxy: boolean(env, 'OPENDINAR_TRUST_PROXY', false),
    rateLimits: rateLimits(env),
    passwordScryptCost: integer(
      env,
      'OPENDINAR_PASSWORD_SCRYPT_COST',
      DEFAULT_SCRYPT_COST,
      MIN_SCRYPT_COST,
      MAX_SCRYPT_COST,
    ),
    loginThrottle: Object.fromEntries(
      Object.entries(LOGIN_THROTTLE_ENV).map(([k, [name, min, max]]) => [
        k,
        integer(env, name, LOGIN_THROTTLE_DEFAULTS[k as keyof LoginThrottleConfig], min, max),
      ]),
    ) as unknown as LoginThrottleConfig,
    requestTimeoutMs: integer(env, 'OPENDINAR_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
    connectionTimeoutMs: integer(env, 'OPENDINAR_CONNECTION_TIMEOUT_MS', 60_000, 1000, 600_000),
    shutdownQuietMs: integer(env, 'OPENDINAR_SHUTDOWN_QUIET_MS', 300, 0, 60_000),
    webhookPollMs: integer(env, 'OPENDINAR_WEBHOOK_POLL_MS', 1000, 10, 60_000),
    webhookRetryBaseMs: integer(env, 'OPENDINAR_WEBHOOK_RETRY_BASE_MS', 30_000, 100, 3_600_000),
    webhookTimeoutMs: integer(env, 'OPENDINAR_WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    usageRetentionDays: integer(env, 'OPENDINAR_USAGE_RETENTION_DAYS', 90, 1, 36_500),
    webhookRetentionDays: integer(env, 'OPENDINAR_WEBHOOK_RETENTION_DAYS', 30, 1, 36_500),
    metricsToken: metricsToken(env),
    shedEventLoopDelayMs: integer(env, 'OPENDINAR_SHED_EVENT_LOOP_DELAY_MS', 0, 0, 60_000),
    shedHeapMb: integer(env, 'OPENDINAR_SHED_HEAP_MB', 0, 0, 1_048_576),
    shedRssMb: integer(env, 'OPENDINAR_SHED_RSS_MB', 0, 0, 1_048_576),
    shedSampleMs: integer(env, 'OPENDINAR_SHED_SAMPLE_MS', 1000, 10, 60_000),
    shedRetryAfterSeconds: integer(env, 'OPENDINAR_SHED_RETRY_AFTER_SECONDS', 5, 1, 3600),
    drainSeconds: integer(env, 'OPENDINAR_DRAIN_SECONDS', 0, 0, 600),
    keyCache: boolean(env, 'OPENDINAR_KEY_CACHE', true),
    workers: integer(env, 'OPENDINAR_WORKERS', availableParallelism(), 1, 256),
    workerThreads: workerThreadsFrom(env),
    workerNice: workerNiceFrom(env),
    pgWriterConnections: pgWriterConnectionsFrom(env),
    pgReadPool: integer(env, 'OPENDINAR_PG_READ_POOL', 0, 0, 64),
    requestLogDays: integer(env, 'OPENDINAR_REQUEST_LOG_DAYS', 7, 1, 90),
    mailLogLinks: boolean(env, 'OPENDINAR_MAIL_LOG_LINKS', env.NODE_ENV !== 'production'),
    liveBanks: env.OPENDINAR_BANKS_CONFIG ? loadBanksConfig(resolve(env.OPENDINAR_BANKS_CONFIG)) : {},
  };
}

/** The configured key, or one generated once into the data directory (embedded default). */
export function resolveSecretKey(config: Config): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = resolve(config.dataDir, 'secret.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 32) throw new ConfigError('OPENDINAR_SECRET_KEY', `unset and ${file} is corrupt`);
    return key;
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32)));
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}
