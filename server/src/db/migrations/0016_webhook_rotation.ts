import type { Kysely } from 'kysely';

/**
 * Webhooks: signing-secret rotation (the replaced secret keeps signing, as a second `v1=`, until
 * `previous_secret_expires_at`), disabling an endpoint (`disabled_at`, null = enabled), and the
 * first 2 KB of each attempt's response body (untrusted text, shown escaped).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = (table: string, column: string) =>
    db.schema.alterTable(table).addColumn(column, 'text').execute();
  await add('webhooks', 'previous_secret_enc');
  await add('webhooks', 'previous_secret_expires_at');
  await add('webhooks', 'disabled_at');
  await add('webhook_attempts', 'response_body');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhook_attempts').dropColumn('response_body').execute();
  for (const c of ['disabled_at', 'previous_secret_expires_at', 'previous_secret_enc']) {
    await db.schema.alterTable('webhooks').dropColumn(c).execute();
  }
}
