import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Sign-in and rate-limit hardening:
 * - login_throttle.next_attempt_at: progressive sign-in delays (developers/throttle.ts). Epoch ms
 *   before which the bucket (an e-mail or an IP) admits no further attempt; a streak of failures
 *   restarts once the bucket has been quiet for a day past it. Indexed for the retention job.
 * - rate_limit_windows: one counter row per (bucket, fixed window), keyed by the window's end (epoch
 *   ms), incremented by one atomic upsert per request and deleted by the retention job once the
 *   window is over. It replaces rate_limits (one row per bucket, overwritten when its window
 *   changed), which is no longer written and is left for a later migration to drop, so processes
 *   of the previous version keep working during a rolling upgrade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('login_throttle')
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('login_throttle_next_attempt')
    .on('login_throttle')
    .column('next_attempt_at')
    .execute();
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_end', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_windows_pk', ['bucket', 'window_end'])
    // SQLite: the primary key is the table (one b-tree, one page written per hit, not two).
    .$call((t) => (db.getExecutor().adapter instanceof SqliteAdapter ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
  await db.schema.dropIndex('login_throttle_next_attempt').execute();
  await db.schema.alterTable('login_throttle').dropColumn('next_attempt_at').execute();
}
