import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Big accounts (a million transactions): a per-account count of transactions per (date, category),
 * kept by triggers on `transactions`, so every writer (imports, refreshes, revocation, retention,
 * account deletion) keeps it exact without knowing about it. It answers a page's `total` without
 * counting the account's rows, and resolves a deep `offset` to a date by summing at most one row
 * per (day, category) — the page query then starts at that date (index (account_id, date, id)) and
 * skips only the rows of that one day.
 * SQLite: row triggers (cheap in-process). PostgreSQL: statement-level triggers with transition
 * tables, so a 1,000-row INSERT does one grouped upsert rather than a thousand.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('transaction_day_counts')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('transaction_day_counts_pk', ['account_id', 'date', 'category'])
    .execute();
  await sql`
    INSERT INTO transaction_day_counts (account_id, date, category, n)
    SELECT account_id, date, category, count(*) FROM transactions GROUP BY account_id, date, category`.execute(
    db,
  );
  if (!pg) {
    await sql`
      CREATE TRIGGER transactions_day_counts_ins AFTER INSERT ON transactions BEGIN
        INSERT INTO transaction_day_counts (account_id, date, category, n)
        VALUES (NEW.account_id, NEW.date, NEW.category, 1)
        ON CONFLICT (account_id, date, category) DO UPDATE SET n = n + 1;
      END`.execute(db);
    await sql`
      CREATE TRIGGER transactions_day_counts_del AFTER DELETE ON transactions BEGIN
        UPDATE transaction_day_counts SET n = n - 1
        WHERE account_id = OLD.account_id AND date = OLD.date AND category = OLD.category;
        DELETE FROM transaction_day_counts
        WHERE account_id = OLD.account_id AND date = OLD.date AND category = OLD.category AND n <= 0;
      END`.execute(db);
    await sql`
      CREATE TRIGGER transactions_day_counts_upd AFTER UPDATE OF account_id, date, category ON transactions
      WHEN OLD.account_id IS NOT NEW.account_id OR OLD.date IS NOT NEW.date OR OLD.category IS NOT NEW.category
      BEGIN
        UPDATE transaction_day_counts SET n = n - 1
        WHERE account_id = OLD.account_id AND date = OLD.date AND category = OLD.category;
        DELETE FROM transaction_day_counts
        WHERE account_id = OLD.account_id AND date = OLD.date AND category = OLD.category AND n <= 0;
        INSERT INTO transaction_day_counts (account_id, date, category, n)
        VALUES (NEW.account_id, NEW.date, NEW.category, 1)
        ON CONFLICT (account_id, date, category) DO UPDATE SET n = n + 1;
      END`.execute(db);
    return;
  }
  await sql`
    CREATE FUNCTION opendinar_day_counts_add() RETURNS trigger AS $$
    BEGIN
      INSERT INTO transaction_day_counts (account_id, date, category, n)
      SELECT account_id, date, category, count(*) FROM new_rows
      GROUP BY account_id, date, category ORDER BY account_id, date, category
      ON CONFLICT (account_id, date, category) DO UPDATE SET n = transaction_day_counts.n + EXCLUDED.n;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE FUNCTION opendinar_day_counts_remove() RETURNS trigger AS $$
    BEGIN
      UPDATE transaction_day_counts d SET n = d.n - o.c
      FROM (SELECT account_id, date, category, count(*) AS c FROM old_rows
            GROUP BY account_id, date, category) o
      WHERE d.account_id = o.account_id AND d.date = o.date AND d.category = o.category;
      DELETE FROM transaction_day_counts
      WHERE n <= 0 AND account_id IN (SELECT DISTINCT account_id FROM old_rows);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE FUNCTION opendinar_day_counts_move() RETURNS trigger AS $$
    BEGIN
      UPDATE transaction_day_counts d SET n = d.n - o.c
      FROM (SELECT o.account_id, o.date, o.category, count(*) AS c
            FROM old_rows o JOIN new_rows w ON w.id = o.id
            WHERE (o.account_id, o.date, o.category) IS DISTINCT FROM (w.account_id, w.date, w.category)
            GROUP BY o.account_id, o.date, o.category) o
      WHERE d.account_id = o.account_id AND d.date = o.date AND d.category = o.category;
      DELETE FROM transaction_day_counts
      WHERE n <= 0 AND account_id IN (SELECT DISTINCT account_id FROM old_rows);
      INSERT INTO transaction_day_counts (account_id, date, category, n)
      SELECT w.account_id, w.date, w.category, count(*)
      FROM old_rows o JOIN new_rows w ON w.id = o.id
      WHERE (o.account_id, o.date, o.category) IS DISTINCT FROM (w.account_id, w.date, w.category)
      GROUP BY w.account_id, w.date, w.category ORDER BY w.account_id, w.date, w.category
      ON CONFLICT (account_id, date, category) DO UPDATE SET n = transaction_day_counts.n + EXCLUDED.n;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE TRIGGER transactions_day_counts_ins AFTER INSERT ON transactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opendinar_day_counts_add()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER transactions_day_counts_del AFTER DELETE ON transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opendinar_day_counts_remove()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER transactions_day_counts_upd AFTER UPDATE ON transactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION opendinar_day_counts_move()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const t of ['ins', 'del', 'upd']) {
    await sql
      .raw(`DROP TRIGGER IF EXISTS transactions_day_counts_${t}${pg ? ' ON transactions' : ''}`)
      .execute(db);
  }
  if (pg) {
    for (const f of ['add', 'remove', 'move']) {
      await sql.raw(`DROP FUNCTION IF EXISTS opendinar_day_counts_${f}()`).execute(db);
    }
  }
  await db.schema.dropTable('transaction_day_counts').ifExists().execute();
}
