import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/index.js';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../ids.js';

/**
 * Login throttling, counted in the database (table login_throttle) so it holds across server
 * processes. Each bucket has a fixed window that opens at its first counted attempt; inside it at
 * most `max` attempts may fail. Further attempts answer 429 RATE_LIMIT_EXCEEDED with Retry-After
 * until the window closes — without checking the password, and the same whether or not the
 * email is registered.
 */
export interface ThrottleRule {
  max: number;
  windowMs: number;
}

export const LOGIN_THROTTLE = {
  perEmail: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 20, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export const emailBucket = (email: string): string => `email:${sha256Hex(email)}`;
export const ipBucket = (ip: string): string => `ip:${sha256Hex(ip)}`;

/**
 * Counts one attempt in the bucket, atomically (one upsert), and returns the count inside the
 * current window and when that window closes. Counting before the password check means concurrent
 * guesses cannot slip past the limit; a successful login gives its attempt back (`forgive`).
 */
async function countAttempt(
  db: Executor,
  clock: Clock,
  bucket: string,
  rule: ThrottleRule,
): Promise<{ count: number; resetsAt: number }> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ bucket, window_start: nowIso, failures: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        // A window older than the rule starts over at this attempt.
        failures: sql<number>`CASE WHEN login_throttle.window_start <= ${windowOpenedAfter} THEN 1 ELSE login_throttle.failures + 1 END`,
        window_start: sql<string>`CASE WHEN login_throttle.window_start <= ${windowOpenedAfter} THEN ${nowIso} ELSE login_throttle.window_start END`,
      }),
    )
    .returning(['failures', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.failures), resetsAt: new Date(row.window_start).getTime() + rule.windowMs };
}

export interface LoginAttempt {
  email: string;
  ip: string;
}

const knownBucket = (attempt: LoginAttempt): string =>
  `known:${sha256Hex(`${attempt.email}\n${attempt.ip}`)}`;
/** An address that signed in to an account within this long is "known" to it. */
export const KNOWN_LOGIN_MS = 90 * 24 * 60 * 60_000;

function tooMany(until: number, clock: Clock): ApiError {
  const seconds = Math.max(1, Math.ceil((until - clock.now().getTime()) / 1000));
  return new ApiError(
    'RATE_LIMIT_EXCEEDED',
    `Too many failed login attempts — retry in ${seconds} seconds.`,
    {
      'retry-after': String(seconds),
    },
  );
}

/**
 * Counts the attempt for its email and its IP. Over the IP's limit → RATE_LIMIT_EXCEEDED at once
 * (that is the guesser's own address). Over the email's limit, the answer is returned instead of
 * thrown: the caller lets a correct password from an address that signed in to this account
 * before pass (`isKnownLogin`), so a stranger guessing cannot lock the owner out.
 */
export async function admitLoginAttempt(
  db: Executor,
  clock: Clock,
  attempt: LoginAttempt,
): Promise<{ emailLimited: ApiError | null }> {
  const byIp = await countAttempt(db, clock, ipBucket(attempt.ip), LOGIN_THROTTLE.perIp);
  if (byIp.count > LOGIN_THROTTLE.perIp.max) throw tooMany(byIp.resetsAt, clock);
  const byEmail = await countAttempt(db, clock, emailBucket(attempt.email), LOGIN_THROTTLE.perEmail);
  return {
    emailLimited: byEmail.count > LOGIN_THROTTLE.perEmail.max ? tooMany(byEmail.resetsAt, clock) : null,
  };
}

/** Whether this address signed in to this account successfully within KNOWN_LOGIN_MS. */
export async function isKnownLogin(db: Executor, clock: Clock, attempt: LoginAttempt): Promise<boolean> {
  const row = await db
    .selectFrom('login_throttle')
    .select('window_start')
    .where('bucket', '=', knownBucket(attempt))
    .executeTakeFirst();
  return row !== undefined && Date.parse(row.window_start) + KNOWN_LOGIN_MS > clock.now().getTime();
}

/** Remembers a successful sign-in from this address (in the same table, so every process sees it). */
export async function rememberLogin(db: Executor, clock: Clock, attempt: LoginAttempt): Promise<void> {
  const nowIso = clock.now().toISOString();
  await db
    .insertInto('login_throttle')
    .values({ bucket: knownBucket(attempt), window_start: nowIso, failures: 0 })
    .onConflict((oc) => oc.column('bucket').doUpdateSet({ window_start: nowIso }))
    .execute();
}

/** After a successful login: the email's failures are cleared and the IP gets this attempt back. */
export async function forgiveLoginAttempt(db: Executor, clock: Clock, attempt: LoginAttempt): Promise<void> {
  // Closed windows are dead weight (a later attempt would restart them anyway); drop them here.
  const longest = Math.max(LOGIN_THROTTLE.perEmail.windowMs, LOGIN_THROTTLE.perIp.windowMs);
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<=', new Date(clock.now().getTime() - longest).toISOString())
    .where('bucket', 'not like', 'known:%')
    .execute();
  await db.deleteFrom('login_throttle').where('bucket', '=', emailBucket(attempt.email)).execute();
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('bucket', '=', ipBucket(attempt.ip))
    .where('failures', '>', 0)
    .execute();
}
