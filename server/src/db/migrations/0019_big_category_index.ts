import type { Kysely } from 'kysely';

/**
 * Big accounts: the list page filtered by category reads the index (account_id, category, date, id)
 * instead of (account_id, date, id) — that index does not hold the category, so every row a page
 * skipped or passed over (5 of 6 on an account where the category is 1 in 6) was read from the
 * table only to be tested and dropped: ~1,000 rows for a deep page inside a busy day, ~900 for a
 * plain offset of 100. With it, a filtered page reads its own rows, and an offset skips index
 * entries only (transactions/store.ts listTransactions).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('transactions_category_list')
    .on('transactions')
    .columns(['account_id', 'category', 'date', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('transactions_category_list').ifExists().execute();
}
