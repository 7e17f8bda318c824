/**
 * Rate-limit settings (README "Configuration", /docs#rate-limits). Every budget can be raised, and
 * 0 turns that one off; OPENDINAR_RATE_LIMITS=false turns them all off (the benches compare both).
 */
export interface RateLimitConfig {
  enabled: boolean;
  /**
   * auto: Redis when REDIS_URL is set, else PostgreSQL; memory for the single embedded SQLite process
   * (`database` when several processes share one SQLite file — see ratelimit/plugin.ts).
   */
  store: 'auto' | 'memory' | 'database' | 'redis';
  redisUrl: string | null;
  redisPrefix: string;
  keyPerMinute: number;
  sessionPerMinute: number;
  syncPerHourSandbox: number;
  syncPerHourLive: number;
  sandboxConnectionsPerHour: number;
  customTransactionsPerDay: number;
  webhookSendsPerHour: number;
  keyCreationsPerHour: number;
  maxKeysPerDeveloper: number;
  registerPerIpPerHour: number;
  loginPerIpPerMinute: number;
}

export const RATE_LIMIT_DEFAULTS = {
  keyPerMinute: 3000,
  sessionPerMinute: 600,
  syncPerHourSandbox: 60,
  syncPerHourLive: 4,
  sandboxConnectionsPerHour: 100,
  customTransactionsPerDay: 1_000_000,
  webhookSendsPerHour: 60,
  keyCreationsPerHour: 20,
  maxKeysPerDeveloper: 50,
  registerPerIpPerHour: 20,
  loginPerIpPerMinute: 60,
} as const;

/** Environment variable per budget (defaults above). */
export const RATE_LIMIT_ENV: Record<keyof typeof RATE_LIMIT_DEFAULTS, string> = {
  keyPerMinute: 'OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE',
  sessionPerMinute: 'OPENDINAR_RATE_LIMIT_SESSION_PER_MINUTE',
  syncPerHourSandbox: 'OPENDINAR_RATE_LIMIT_SYNC_PER_HOUR_SANDBOX',
  syncPerHourLive: 'OPENDINAR_RATE_LIMIT_SYNC_PER_HOUR_LIVE',
  sandboxConnectionsPerHour: 'OPENDINAR_RATE_LIMIT_SANDBOX_CONNECTIONS_PER_HOUR',
  customTransactionsPerDay: 'OPENDINAR_RATE_LIMIT_CUSTOM_TRANSACTIONS_PER_DAY',
  webhookSendsPerHour: 'OPENDINAR_RATE_LIMIT_WEBHOOK_SENDS_PER_HOUR',
  keyCreationsPerHour: 'OPENDINAR_RATE_LIMIT_KEY_CREATIONS_PER_HOUR',
  maxKeysPerDeveloper: 'OPENDINAR_MAX_KEYS_PER_DEVELOPER',
  registerPerIpPerHour: 'OPENDINAR_RATE_LIMIT_REGISTER_PER_IP_PER_HOUR',
  loginPerIpPerMinute: 'OPENDINAR_RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE',
};
