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

/** Counts the attempt for its email and its IP; throws RATE_LIMIT_EXCEEDED when either is over. */
export async function admitLoginAttempt(db: Executor, clock: Clock, attempt: LoginAttempt): Promise<void> {
  const byEmail = await countAttempt(db, clock, emailBucket(attempt.email), LOGIN_THROTTLE.perEmail);
  const byIp = await countAttempt(db, clock, ipBucket(attempt.ip), LOGIN_THROTTLE.perIp);
  const over = [
    byEmail.count > LOGIN_THROTTLE.perEmail.max ? byEmail.resetsAt : 0,
    byIp.count > LOGIN_THROTTLE.perIp.max ? byIp.resetsAt : 0,
  ];
  const until = Math.max(...over);
  if (until > 0) {
    const seconds = Math.max(1, Math.ceil((until - clock.now().getTime()) / 1000));
    throw new ApiError(
      'RATE_LIMIT_EXCEEDED',
      `Too many failed login attempts — retry in ${seconds} seconds.`,
      {
        'retry-after': String(seconds),
      },
    );
  }
}

/** After a successful login: the email's failures are cleared and the IP gets this attempt back. */
export async function forgiveLoginAttempt(db: Executor, clock: Clock, attempt: LoginAttempt): Promise<void> {
  // Closed windows are dead weight (a later attempt would restart them anyway); drop them here.
  const longest = Math.max(LOGIN_THROTTLE.perEmail.windowMs, LOGIN_THROTTLE.perIp.windowMs);
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<=', new Date(clock.now().getTime() - longest).toISOString())
    .execute();
  await db.deleteFrom('login_throttle').where('bucket', '=', emailBucket(attempt.email)).execute();
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('bucket', '=', ipBucket(attempt.ip))
    .where('failures', '>', 0)
    .execute();
}
