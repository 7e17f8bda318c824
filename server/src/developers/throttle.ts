import { type RawBuilder, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/index.js';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { LOGIN_THROTTLE_DEFAULTS, type LoginThrottleConfig } from './throttle-config.js';

/**
 * Sign-in throttling with progressive delays, kept in the database (table login_throttle) so it
 * holds across server processes. Each bucket — an e-mail, and the client IP — counts failed
 * sign-ins in a row. The first `free` failures cost nothing; from then on each failure makes the
 * bucket's next attempt wait: first delay, twice that, four times … up to the maximum. The wait is
 * a "next attempt allowed at" instant in the row, not a sleep: an attempt before it answers 429
 * RATE_LIMIT_EXCEEDED with Retry-After at once — the same whether or not the e-mail is registered.
 * A streak restarts once its bucket has been quiet for STREAK_RESET_MS past its last delay.
 */
export const STREAK_RESET_MS = 24 * 60 * 60_000;

export const emailBucket = (email: string): string => `email:${sha256Hex(email)}`;
export const ipBucket = (ip: string): string => `ip:${sha256Hex(ip)}`;

export const throttleSettings = (config: { loginThrottle?: LoginThrottleConfig }): LoginThrottleConfig =>
  config.loginThrottle ?? LOGIN_THROTTLE_DEFAULTS;

/** The wait after the `failures`-th failure in a row, in ms. */
export function delayAfter(failures: number, free: number, s: LoginThrottleConfig): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 40);
  return Math.min(s.maxDelaySeconds, s.firstDelaySeconds * 2 ** doublings) * 1000;
}

/** delayAfter as SQL over a failure-count expression (thresholds are settings, inlined as literals). */
function delaySql(failures: RawBuilder<number>, free: number, s: LoginThrottleConfig): RawBuilder<number> {
  const branches = [sql`WHEN ${failures} < ${sql.lit(free)} THEN 0`];
  for (let n = free; delayAfter(n, free, s) < s.maxDelaySeconds * 1000; n++) {
    branches.push(sql`WHEN ${failures} = ${sql.lit(n)} THEN ${sql.lit(delayAfter(n, free, s))}`);
  }
  return sql<number>`CASE ${sql.join(branches, sql` `)} ELSE ${sql.lit(s.maxDelaySeconds * 1000)} END`;
}

type Claim = { admitted: true } | { admitted: false; retryAtMs: number };

/**
 * Counts one attempt in the bucket if the bucket admits one now — atomically, in one upsert whose
 * update only happens when `next_attempt_at` has passed — and moves `next_attempt_at` to when the
 * following attempt may come should this one fail. Counting before the password is checked means
 * concurrent guesses cannot slip through together; a successful sign-in gives its count back.
 */
async function claim(
  db: Executor,
  nowMs: number,
  bucket: string,
  free: number,
  s: LoginThrottleConfig,
): Promise<Claim> {
  const nowIso = new Date(nowMs).toISOString();
  const stale = sql<boolean>`login_throttle.next_attempt_at <= ${nowMs - STREAK_RESET_MS}`;
  const next = sql<number>`login_throttle.failures + 1`;
  const row = await db
    .insertInto('login_throttle')
    .values({ bucket, window_start: nowIso, failures: 1, next_attempt_at: nowMs + delayAfter(1, free, s) })
    .onConflict((oc) =>
      oc
        .column('bucket')
        .doUpdateSet({
          failures: sql<number>`CASE WHEN ${stale} THEN 1 ELSE ${next} END`,
          next_attempt_at: sql<number>`CAST(${nowMs} AS bigint) + CASE WHEN ${stale} THEN ${sql.lit(delayAfter(1, free, s))} ELSE ${delaySql(next, free, s)} END`,
          // The instant the current streak began.
          window_start: sql<string>`CASE WHEN ${stale} THEN ${nowIso} ELSE login_throttle.window_start END`,
        })
        .where('login_throttle.next_attempt_at', '<=', nowMs),
    )
    .returning('failures')
    .executeTakeFirst();
  if (row) return { admitted: true };
  const held = await db
    .selectFrom('login_throttle')
    .select('next_attempt_at')
    .where('bucket', '=', bucket)
    .executeTakeFirst();
  return { admitted: false, retryAtMs: Number(held?.next_attempt_at ?? nowMs) };
}

export interface LoginAttempt {
  email: string;
  ip: string;
}

const knownBucket = (attempt: LoginAttempt): string =>
  `known:${sha256Hex(`${attempt.email}\n${attempt.ip}`)}`;

function tooMany(untilMs: number, nowMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
  return new ApiError(
    'RATE_LIMIT_EXCEEDED',
    `Too many failed sign-in attempts — retry in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    {
      'retry-after': String(seconds),
    },
  );
}

/**
 * Counts the attempt for its IP, then its e-mail. An IP that must wait → RATE_LIMIT_EXCEEDED at
 * once (that is the guesser's own address). An e-mail that must wait is returned instead of thrown
 * (and the attempt is not counted for it): the caller lets a correct password from an address that
 * signed in to this account before pass (`isKnownLogin`), so a stranger guessing cannot lock the
 * owner out.
 */
export async function admitLoginAttempt(
  db: Executor,
  clock: Clock,
  settings: LoginThrottleConfig,
  attempt: LoginAttempt,
): Promise<{ emailLimited: ApiError | null }> {
  const now = clock.now().getTime();
  const byIp = await claim(db, now, ipBucket(attempt.ip), settings.freeFailuresPerIp, settings);
  if (!byIp.admitted) throw tooMany(byIp.retryAtMs, now);
  const byEmail = await claim(db, now, emailBucket(attempt.email), settings.freeFailuresPerEmail, settings);
  return { emailLimited: byEmail.admitted ? null : tooMany(byEmail.retryAtMs, now) };
}

/** Whether this address signed in to this account successfully within the known-login window. */
export async function isKnownLogin(
  db: Executor,
  clock: Clock,
  settings: LoginThrottleConfig,
  attempt: LoginAttempt,
): Promise<boolean> {
  const row = await db
    .selectFrom('login_throttle')
    .select('window_start')
    .where('bucket', '=', knownBucket(attempt))
    .executeTakeFirst();
  return (
    row !== undefined &&
    Date.parse(row.window_start) + settings.knownLoginDays * 86_400_000 > clock.now().getTime()
  );
}

/**
 * Remembers a successful sign-in from this address (in the same table, so every process sees it;
 * `window_start` is the last sign-in). The retention job deletes it after the known-login window.
 */
export async function rememberLogin(db: Executor, clock: Clock, attempt: LoginAttempt): Promise<void> {
  const nowIso = clock.now().toISOString();
  await db
    .insertInto('login_throttle')
    .values({ bucket: knownBucket(attempt), window_start: nowIso, failures: 0 })
    .onConflict((oc) => oc.column('bucket').doUpdateSet({ window_start: nowIso }))
    .execute();
}

/**
 * After a successful sign-in: the e-mail's streak is over, and the IP gets this attempt's count back
 * (only the count: an address that sprays many accounts stays as slow as its failures made it).
 */
export async function forgiveLoginAttempt(db: Executor, attempt: LoginAttempt): Promise<void> {
  await db.deleteFrom('login_throttle').where('bucket', '=', emailBucket(attempt.email)).execute();
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('bucket', '=', ipBucket(attempt.ip))
    .where('failures', '>', 0)
    .execute();
}
