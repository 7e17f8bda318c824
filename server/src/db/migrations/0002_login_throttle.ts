import type { Kysely } from 'kysely';

/**
 * Failed-login counters, one row per throttle bucket ("email:<sha256>" or "ip:<sha256>"), kept in
 * the database so every server process sees the same counts. A fixed window opens at the first
 * failure; `failures` counts attempts inside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_window').on('login_throttle').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
