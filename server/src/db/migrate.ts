import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './index.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_login_throttle.js';
import * as m0003 from './migrations/0003_retention.js';
import * as m0010 from './migrations/0010_live_banks.js';
import * as m0011 from './migrations/0011_key_rolling.js';
import * as m0011pw from './migrations/0011_password_resets.js';
import * as m0011log from './migrations/0011_request_log.js';
import * as m0012 from './migrations/0012_hardening.js';
import * as m0014 from './migrations/0014_key_cache_notify.js';
import * as m0016auth from './migrations/0016_auth_limits.js';
import * as m0016big from './migrations/0016_big_accounts.js';
import * as m0016sandbox from './migrations/0016_sandbox_test_users.js';
import * as m0016wh from './migrations/0016_webhook_rotation.js';
import * as m0017acc from './migrations/0017_account_cache_notify.js';
import * as m0017revoke from './migrations/0017_background_revoke.js';
import * as m0017usage from './migrations/0017_usage_request_log_index.js';
import * as m0018month from './migrations/0018_month_counts.js';
import * as m0018usage from './migrations/0018_usage_minutes.js';
import * as m0019category from './migrations/0019_big_category_index.js';
import * as m0019rl from './migrations/0019_drop_rate_limits.js';
import * as m0020usage from './migrations/0020_usage_instants.js';
import * as m0021log from './migrations/0021_request_log_chunks.js';
import * as m0022session from './migrations/0022_session_cache_notify.js';
import * as m0023counts from './migrations/0023_count_triggers.js';

/** Migrations are imported statically so they work the same under tsx, the bundle and tests. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_login_throttle': m0002,
  '0003_retention': m0003,
  '0010_live_banks': m0010,
  '0011_key_rolling': m0011,
  '0011_password_resets': m0011pw,
  '0011_request_log': m0011log,
  '0012_hardening': m0012,
  '0014_key_cache_notify': m0014,
  // Applied in name order (Kysely sorts): the four 0016 migrations are independent of one another.
  '0016_auth_limits': m0016auth,
  '0016_big_accounts': m0016big,
  '0016_sandbox_test_users': m0016sandbox,
  '0016_webhook_rotation': m0016wh,
  '0017_account_cache_notify': m0017acc,
  '0017_background_revoke': m0017revoke,
  '0017_usage_request_log_index': m0017usage,
  '0018_month_counts': m0018month,
  '0018_usage_minutes': m0018usage,
  '0019_big_category_index': m0019category,
  '0019_drop_rate_limits': m0019rl,
  '0020_usage_instants': m0020usage,
  '0021_request_log_chunks': m0021log,
  '0022_session_cache_notify': m0022session,
  '0023_count_triggers': m0023counts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; safe to run on every start and from several processes. */
export async function migrateToLatest(db: Db, options: { schema?: string } = {}): Promise<void> {
  // With a PostgreSQL schema per test, the migrator's own tables must live in that schema too:
  // unqualified, Kysely finds another schema's lock table and skips creating its own.
  const migrator = new Migrator({
    db,
    provider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}

/** True when every migration this build knows has run (the migrator's table, via the search path). */
export async function appliedMigrationsComplete(db: Db): Promise<boolean> {
  let names: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    names = rows.map((r) => r.name);
  } catch {
    // No migration table yet: nothing has run. (A dead database fails the `select 1` first.)
    return false;
  }
  const applied = new Set(names);
  return Object.keys(migrations).every((name) => applied.has(name));
}
