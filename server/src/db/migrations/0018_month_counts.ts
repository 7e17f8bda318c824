import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Month roll-up of transaction_day_counts (migration 0016): transactions per account, month
 * ('YYYY-MM') and category, kept by triggers on `transactions` beside the day counts, so every writer
 * keeps it exact without knowing about it. A list page's `total` sums one row per (month, category)
 * — ~30 times fewer than per day — and a deep `offset` is located by month first, then by day within
 * that one month (transactions/store.ts listTransactions); a date filter reads whole months here and
 * only its partial edge months from the day counts.
 * SQLite: row triggers. PostgreSQL: statement-level triggers with transition tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('transaction_month_counts')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('transaction_month_counts_pk', ['account_id', 'month', 'category'])
    .execute();
  await sql`
    INSERT INTO transaction_month_counts (account_id, month, category, n)
    SELECT account_id, substr(date, 1, 7), category, sum(n) FROM transaction_day_counts
    GROUP BY account_id, substr(date, 1, 7), category`.execute(db);
  if (!pg) {
    await sql`
      CREATE TRIGGER transactions_month_counts_ins AFTER INSERT ON transactions BEGIN
        INSERT INTO transaction_month_counts (account_id, month, category, n)
        VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.category, 1)
        ON CONFLICT (account_id, month, category) DO UPDATE SET n = n + 1;
      END`.execute(db);
    await sql`
      CREATE TRIGGER transactions_month_counts_del AFTER DELETE ON transactions BEGIN
        UPDATE transaction_month_counts SET n = n - 1
        WHERE account_id = OLD.account_id AND month = substr(OLD.date, 1, 7) AND category = OLD.category;
        DELETE FROM transaction_month_counts
        WHERE account_id = OLD.account_id AND month = substr(OLD.date, 1, 7) AND category = OLD.category
          AND n <= 0;
      END`.execute(db);
    await sql`
      CREATE TRIGGER transactions_month_counts_upd AFTER UPDATE OF account_id, date, category ON transactions
      WHEN OLD.account_id IS NOT NEW.account_id OR substr(OLD.date, 1, 7) IS NOT substr(NEW.date, 1, 7)
        OR OLD.category IS NOT NEW.category
      BEGIN
        UPDATE transaction_month_counts SET n = n - 1
        WHERE account_id = OLD.account_id AND month = substr(OLD.date, 1, 7) AND category = OLD.category;
        DELETE FROM transaction_month_counts
        WHERE account_id = OLD.account_id AND month = substr(OLD.date, 1, 7) AND category = OLD.category
          AND n <= 0;
        INSERT INTO transaction_month_counts (account_id, month, category, n)
        VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.category, 1)
        ON CONFLICT (account_id, month, category) DO UPDATE SET n = n + 1;
      END`.execute(db);
    return;
  }
  await sql`
    CREATE FUNCTION opendinar_month_counts_add() RETURNS trigger AS $$
    BEGIN
      INSERT INTO transaction_month_counts (account_id, month, category, n)
      SELECT account_id, substr(date, 1, 7), category, count(*) FROM new_rows
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (account_id, month, category) DO UPDATE SET n = transaction_month_counts.n + EXCLUDED.n;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE FUNCTION opendinar_month_counts_remove() RETURNS trigger AS $$
    BEGIN
      UPDATE transaction_month_counts m SET n = m.n - o.c
      FROM (SELECT account_id, substr(date, 1, 7) AS month, category, count(*) AS c FROM old_rows
            GROUP BY 1, 2, 3) o
      WHERE m.account_id = o.account_id AND m.month = o.month AND m.category = o.category;
      DELETE FROM transaction_month_counts
      WHERE n <= 0 AND account_id IN (SELECT DISTINCT account_id FROM old_rows);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE FUNCTION opendinar_month_counts_move() RETURNS trigger AS $$
    BEGIN
      UPDATE transaction_month_counts m SET n = m.n - o.c
      FROM (SELECT o.account_id, substr(o.date, 1, 7) AS month, o.category, count(*) AS c
            FROM old_rows o JOIN new_rows w ON w.id = o.id
            WHERE (o.account_id, substr(o.date, 1, 7), o.category)
              IS DISTINCT FROM (w.account_id, substr(w.date, 1, 7), w.category)
            GROUP BY 1, 2, 3) o
      WHERE m.account_id = o.account_id AND m.month = o.month AND m.category = o.category;
      DELETE FROM transaction_month_counts
      WHERE n <= 0 AND account_id IN (SELECT DISTINCT account_id FROM old_rows);
      INSERT INTO transaction_month_counts (account_id, month, category, n)
      SELECT w.account_id, substr(w.date, 1, 7), w.category, count(*)
      FROM old_rows o JOIN new_rows w ON w.id = o.id
      WHERE (o.account_id, substr(o.date, 1, 7), o.category)
        IS DISTINCT FROM (w.account_id, substr(w.date, 1, 7), w.category)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (account_id, month, category) DO UPDATE SET n = transaction_month_counts.n + EXCLUDED.n;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE TRIGGER transactions_month_counts_ins AFTER INSERT ON transactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opendinar_month_counts_add()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER transactions_month_counts_del AFTER DELETE ON transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opendinar_month_counts_remove()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER transactions_month_counts_upd AFTER UPDATE ON transactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION opendinar_month_counts_move()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const t of ['ins', 'del', 'upd']) {
    await sql
      .raw(`DROP TRIGGER IF EXISTS transactions_month_counts_${t}${pg ? ' ON transactions' : ''}`)
      .execute(db);
  }
  if (pg) {
    for (const f of ['add', 'remove', 'move']) {
      await sql.raw(`DROP FUNCTION IF EXISTS opendinar_month_counts_${f}()`).execute(db);
    }
  }
  await db.schema.dropTable('transaction_month_counts').ifExists().execute();
}
