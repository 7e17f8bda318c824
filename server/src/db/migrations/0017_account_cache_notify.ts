import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: every change to an account row (insert, update — its change sequence and balances
 * move on every import — or delete, as a revoke does) sends NOTIFY opendinar_api_keys with the
 * account's id, at commit, on the channel the key cache already LISTENs to (0014). Each server
 * process drops its cached key-and-account lookups of that account (http/key-cache.ts).
 * SQLite has no cache and nothing to notify.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    CREATE OR REPLACE FUNCTION opendinar_accounts_notify() RETURNS trigger AS $$
    BEGIN
      PERFORM pg_notify('opendinar_api_keys', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE TRIGGER accounts_notify AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION opendinar_accounts_notify()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP TRIGGER IF EXISTS accounts_notify ON accounts`.execute(db);
  await sql`DROP FUNCTION IF EXISTS opendinar_accounts_notify()`.execute(db);
}
