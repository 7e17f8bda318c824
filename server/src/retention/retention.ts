import type { Config } from '../config.js';
import { STREAK_RESET_MS, throttleSettings } from '../developers/throttle.js';
import type { LoginThrottleConfig } from '../developers/throttle-config.js';

/**
 * What counts as old, as cut-off instants computed from "now". Pure: no database, no clock.
 *
 * - request_log: recorded more than `requestLogDays` ago (default 7).
 * - usage_events: recorded more than `usageRetentionDays` ago (default 90) — GET /developers/usage
 *   answers for that window only.
 * - webhook deliveries (+ their attempts): final (succeeded or failed) and last touched — last attempt,
 *   or creation when never attempted (cancelled by a webhook deletion) — more than `webhookRetentionDays`
 *   ago (default 30). A pending delivery is never deleted, however old.
 * - webhook_events: older than the same window and no longer referenced by any delivery (a manual
 *   resend of an old event creates a new delivery that keeps its event alive).
 * - connect_sessions: expired (session and public token) more than a day ago and never exchanged.
 *   An exchanged session is kept: GET /connect/status keeps answering "exchanged" and a replayed
 *   public token PUBLIC_TOKEN_ALREADY_USED; revoking the connection deletes it (one per connection).
 * - link_tokens: expired more than a day ago.
 * - dev_sessions: expired or revoked more than a day ago (both are refused at authentication anyway).
 * - login_throttle: failure streaks whose delay ran out more than a day (STREAK_RESET_MS) plus a grace
 *   ago (a later attempt restarts them anyway), and remembered sign-in addresses ("known:" rows) whose
 *   last sign-in is older than the known-login window (OPENDINAR_KNOWN_LOGIN_DAYS, default 90).
 * - rate_limit_windows: counters of fixed windows that ended more than a minute ago.
 */
export interface RetentionPolicy {
  usageRetentionDays: number;
  webhookRetentionDays: number;
  /** The request log (GET /developers/logs) keeps this many days. */
  requestLogDays: number;
  /** Grace after expiry for sessions and tokens, so "expired" answers stay meaningful for a while. */
  expiredGraceMs: number;
  /** Remembered sign-in addresses are forgotten after this many days. */
  knownLoginDays: number;
}

export const DEFAULT_USAGE_RETENTION_DAYS = 90;
export const DEFAULT_WEBHOOK_RETENTION_DAYS = 30;
export const DEFAULT_REQUEST_LOG_DAYS = 7;
export const EXPIRED_GRACE_MS = 24 * 60 * 60_000;
/** How often the job runs in a server process. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;
/** Rows per DELETE statement: small enough that no statement holds the write lock for long. */
export const RETENTION_BATCH_SIZE = 5000;

const DAY_MS = 24 * 60 * 60_000;
/** A rate-limit window is deleted this long after it ended (processes' clocks may differ a little). */
const RATE_LIMIT_WINDOW_GRACE_MS = 60_000;

export function policyFromConfig(
  config: Pick<Config, 'usageRetentionDays' | 'webhookRetentionDays' | 'requestLogDays'> & {
    loginThrottle?: LoginThrottleConfig;
  },
): RetentionPolicy {
  return {
    knownLoginDays: throttleSettings(config).knownLoginDays,
    usageRetentionDays: config.usageRetentionDays ?? DEFAULT_USAGE_RETENTION_DAYS,
    webhookRetentionDays: config.webhookRetentionDays ?? DEFAULT_WEBHOOK_RETENTION_DAYS,
    requestLogDays: config.requestLogDays ?? DEFAULT_REQUEST_LOG_DAYS,
    expiredGraceMs: EXPIRED_GRACE_MS,
  };
}

/** ISO instants: rows strictly before these are old. */
export interface Cutoffs {
  usage: string;
  webhooks: string;
  requestLog: string;
  /** For expiry-based rows (connect sessions, link tokens, dev sessions). */
  expired: string;
  /** login_throttle streaks whose next_attempt_at (epoch ms) is before this are over (restart anyway). */
  throttleNextAttemptBefore: number;
  /** Remembered sign-in addresses whose last sign-in (window_start) is before this are forgotten. */
  knownLoginBefore: string;
  /** rate_limit_windows rows whose window_end (epoch ms) is before this are over. */
  rateLimitWindowEndBefore: number;
}

export function cutoffs(policy: RetentionPolicy, now: Date): Cutoffs {
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    // On a whole minute: the per-minute roll-up (usage_minutes) goes with the rows it counts.
    usage: iso(Math.floor((t - policy.usageRetentionDays * DAY_MS) / 60_000) * 60_000),
    webhooks: iso(t - policy.webhookRetentionDays * DAY_MS),
    requestLog: iso(t - policy.requestLogDays * DAY_MS),
    expired: iso(t - policy.expiredGraceMs),
    throttleNextAttemptBefore: t - policy.expiredGraceMs - STREAK_RESET_MS,
    knownLoginBefore: iso(t - policy.knownLoginDays * DAY_MS),
    rateLimitWindowEndBefore: t - RATE_LIMIT_WINDOW_GRACE_MS,
  };
}

/**
 * Usage ids start with the recording time in base 36 (usage/writer.ts), so "id below this" selects
 * old rows through the primary key instead of scanning the table. Always paired with `at < cutoff`.
 */
export function usageIdBelow(cutoffIso: string): string {
  return `use_${new Date(cutoffIso).getTime().toString(36).padStart(9, '0')}`;
}

export interface RetentionCounts {
  usage_events: number;
  request_log: number;
  webhook_attempts: number;
  webhook_deliveries: number;
  webhook_events: number;
  connect_sessions: number;
  link_tokens: number;
  dev_sessions: number;
  login_throttle: number;
  known_logins: number;
  rate_limit_windows: number;
}
