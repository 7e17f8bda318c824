import type { Kysely } from 'kysely';

/**
 * Sandbox test users (server/src/sandbox/test-users.ts): a connect session can end in an error the
 * user met at the bank (`user_locked` → ITEM_LOCKED). The code is kept on the session so that its
 * status polls answer that error instead of a plain `denied`. Null for every other session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('connect_sessions').addColumn('error_code', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('connect_sessions').dropColumn('error_code').execute();
}
