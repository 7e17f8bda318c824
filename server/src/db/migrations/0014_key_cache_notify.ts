import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: every change to an API key (insert, delete, or an update of anything but
 * last_used_at, which usage recording moves constantly) sends NOTIFY opendinar_api_keys with the
 * key's id, at commit. Each server process LISTENs and drops its cached lookups of that key
 * (http/key-cache.ts). Columns added later are covered: the comparison is of whole rows.
 * SQLite has no cache and nothing to notify.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    CREATE OR REPLACE FUNCTION opendinar_api_keys_notify() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'last_used_at') = (to_jsonb(NEW) - 'last_used_at') THEN
        RETURN NULL;
      END IF;
      PERFORM pg_notify('opendinar_api_keys', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE TRIGGER api_keys_notify AFTER INSERT OR UPDATE OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION opendinar_api_keys_notify()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP TRIGGER IF EXISTS api_keys_notify ON api_keys`.execute(db);
  await sql`DROP FUNCTION IF EXISTS opendinar_api_keys_notify()`.execute(db);
}
