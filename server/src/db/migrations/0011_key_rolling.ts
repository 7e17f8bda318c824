import type { Kysely } from 'kysely';

/**
 * Secrets replaced by `POST /developers/keys/:id/roll`. The key id (the app's data) stays; the old
 * secret's SHA-256 is kept here so it works until `expires_at` and answers REVOKED_API_KEY after,
 * rather than INVALID_API_KEY. The current secret stays in api_keys.key_hash, so the hot lookup is
 * unchanged; this table is read only when that lookup misses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_key_rolled_secrets')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('rolled_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('api_key_rolled_secrets_key')
    .on('api_key_rolled_secrets')
    .columns(['api_key_id', 'expires_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_key_rolled_secrets').execute();
}
