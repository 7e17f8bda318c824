import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: every update or deletion of a developer session (a logout, a password change or reset
 * ending sessions, an account deletion's cascade) sends NOTIFY opendinar_api_keys with the session's
 * id, at commit, on the channel the key cache already LISTENs to (0014). Each server process drops
 * its cached lookup of that session (http/key-cache.ts), so an ended session fails everywhere within
 * milliseconds. An insert needs none: a token nobody has used is in no cache (misses are not cached).
 * SQLite has nothing to notify: its cache is checked against every commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    CREATE OR REPLACE FUNCTION opendinar_dev_sessions_notify() RETURNS trigger AS $$
    BEGIN
      PERFORM pg_notify('opendinar_api_keys', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE TRIGGER dev_sessions_notify AFTER UPDATE OR DELETE ON dev_sessions
    FOR EACH ROW EXECUTE FUNCTION opendinar_dev_sessions_notify()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP TRIGGER IF EXISTS dev_sessions_notify ON dev_sessions`.execute(db);
  await sql`DROP FUNCTION IF EXISTS opendinar_dev_sessions_notify()`.execute(db);
}
