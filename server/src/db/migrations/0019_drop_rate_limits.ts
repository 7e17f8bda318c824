import type { Kysely } from 'kysely';

/**
 * Drops rate_limits (migration 0012: one fixed-window counter row per bucket). Since 0016 nothing
 * reads or writes it — limits are counted in rate_limit_windows, taken in budget leases
 * (ratelimit/lease.ts) — and 0016 kept it only so processes of the version before could run beside
 * the new ones during a rolling upgrade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
}
