import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The day and month count triggers (0016, 0018), made cheap for the revoked-data deletion, which under
 * churn (connections revoked as fast as they are made) fell behind on PostgreSQL.
 *
 * 1. A revoked account's counts are frozen: a deletion of its transactions leaves them alone, and
 *    the deletion job removes them last, once its history is gone (transactions/store.ts
 *    deleteCountsChunk). Nothing reads a revoked account's counts (it answers ACCOUNT_NOT_FOUND), and
 *    keeping them exact was most of the deletion's cost: two statements per deleted transaction on
 *    SQLite, two per chunk and table on PostgreSQL.
 * 2. PostgreSQL: the removals are planned afresh on every call (EXECUTE). PL/pgSQL caches a
 *    statement's plan on its first calls in a session; made while the counts table was small, it was
 *    a sequential scan of the table, kept as the table grew (~6 ms a chunk, and a deletion of nothing
 *    — an account row's cascade — scanned it too). Now: index lookups of just the keys the statement
 *    touched; rows at zero are deleted by those keys (was: every zero row of the accounts); an UPDATE
 *    that moved no row between keys (most: a pending transaction posting) does nothing.
 * The insert triggers are unchanged (an upsert is planned on its arbiter index; nothing inserts into
 * a revoked account).
 */
interface Counts {
  table: string;
  /** The PostgreSQL functions' prefix; the SQLite triggers are transactions_<name>_del and so on. */
  prefix: string;
  name: string;
  /** The key column, and its value from a transaction row of alias `r`. */
  key: string;
  keyOf: (r: string) => string;
}

const COUNTS: Counts[] = [
  {
    table: 'transaction_day_counts',
    prefix: 'opendinar_day_counts',
    name: 'day_counts',
    key: 'date',
    keyOf: (r) => `${r}.date`,
  },
  {
    table: 'transaction_month_counts',
    prefix: 'opendinar_month_counts',
    name: 'month_counts',
    key: 'month',
    keyOf: (r) => `substr(${r}.date, 1, 7)`,
  },
];

/** A counts row `d` matching a grouped row `o` (columns account_id, k, category). */
const keysMatch = (c: Counts) =>
  `d.account_id = o.account_id AND d.${c.key} = o.k AND d.category = o.category`;

/** The rows of an UPDATE that moved between keys: old `o`, new `w`. */
const movedRows = (c: Counts) => `FROM old_rows o JOIN new_rows w ON w.id = o.id
      WHERE (o.account_id, ${c.keyOf('o')}, o.category) IS DISTINCT FROM (w.account_id, ${c.keyOf('w')}, w.category)`;

/** PostgreSQL: subtracts `source` (rows account_id, k, category, c), then deletes the keys it left at zero. */
function subtractThenDelete(c: Counts, source: string, using = ''): string {
  const on = keysMatch(c);
  return `
      EXECUTE $q$
        UPDATE ${c.table} d SET n = d.n - o.c FROM (${source}) o WHERE ${on}$q$ ${using};
      EXECUTE $q$
        DELETE FROM ${c.table} d USING (SELECT DISTINCT account_id, k, category FROM (${source}) s) o
        WHERE ${on} AND d.n <= 0$q$ ${using};`;
}

function pgRemove(c: Counts): string {
  const source = `SELECT account_id, ${c.keyOf('r')} AS k, category, count(*) AS c FROM old_rows r
        WHERE r.account_id = ANY($1) GROUP BY 1, 2, 3`;
  return `
    CREATE OR REPLACE FUNCTION ${c.prefix}_remove() RETURNS trigger AS $$
    DECLARE
      acc text;
      live text[] := '{}';
    BEGIN
      -- Usually one account; a revoked one's counts are left to the deletion job.
      FOR acc IN SELECT DISTINCT account_id FROM old_rows LOOP
        IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = acc AND revoked_at IS NOT NULL) THEN
          live := live || acc;
        END IF;
      END LOOP;
      IF cardinality(live) = 0 THEN RETURN NULL; END IF;
      ${subtractThenDelete(c, source, 'USING live')}
      RETURN NULL;
    END $$ LANGUAGE plpgsql`;
}

function pgMove(c: Counts): string {
  const moved = movedRows(c);
  const source = `SELECT o.account_id, ${c.keyOf('o')} AS k, o.category, count(*) AS c ${moved} GROUP BY 1, 2, 3`;
  return `
    CREATE OR REPLACE FUNCTION ${c.prefix}_move() RETURNS trigger AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 ${moved}) THEN RETURN NULL; END IF;
      ${subtractThenDelete(c, source)}
      EXECUTE $q$
        INSERT INTO ${c.table} (account_id, ${c.key}, category, n)
        SELECT w.account_id, ${c.keyOf('w')}, w.category, count(*) ${moved}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (account_id, ${c.key}, category) DO UPDATE SET n = ${c.table}.n + EXCLUDED.n$q$;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`;
}

/** SQLite: the row trigger on DELETE, skipping a revoked account's rows when `live` is set. */
function sqliteDelete(c: Counts, live: boolean): string {
  const where = `account_id = OLD.account_id AND ${c.key} = ${c.keyOf('OLD')} AND category = OLD.category`;
  return `
    CREATE TRIGGER transactions_${c.name}_del AFTER DELETE ON transactions
    ${live ? 'WHEN NOT EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id AND revoked_at IS NOT NULL)' : ''}
    BEGIN
      UPDATE ${c.table} SET n = n - 1 WHERE ${where};
      DELETE FROM ${c.table} WHERE ${where} AND n <= 0;
    END`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const c of COUNTS) {
    if (pg) {
      await sql.raw(pgRemove(c)).execute(db);
      await sql.raw(pgMove(c)).execute(db);
    } else {
      await sql.raw(`DROP TRIGGER transactions_${c.name}_del`).execute(db);
      await sql.raw(sqliteDelete(c, true)).execute(db);
    }
  }
}

/** Back to 0016's and 0018's bodies. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const c of COUNTS) {
    if (!pg) {
      await sql.raw(`DROP TRIGGER transactions_${c.name}_del`).execute(db);
      await sql.raw(sqliteDelete(c, false)).execute(db);
      continue;
    }
    const on = keysMatch(c);
    const moved = movedRows(c);
    await sql
      .raw(`
    CREATE OR REPLACE FUNCTION ${c.prefix}_remove() RETURNS trigger AS $$
    BEGIN
      UPDATE ${c.table} d SET n = d.n - o.c
      FROM (SELECT account_id, ${c.keyOf('r')} AS k, category, count(*) AS c FROM old_rows r GROUP BY 1, 2, 3) o
      WHERE ${on};
      DELETE FROM ${c.table} WHERE n <= 0 AND account_id IN (SELECT DISTINCT account_id FROM old_rows);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`)
      .execute(db);
    await sql
      .raw(`
    CREATE OR REPLACE FUNCTION ${c.prefix}_move() RETURNS trigger AS $$
    BEGIN
      UPDATE ${c.table} d SET n = d.n - o.c
      FROM (SELECT o.account_id, ${c.keyOf('o')} AS k, o.category, count(*) AS c ${moved} GROUP BY 1, 2, 3) o
      WHERE ${on};
      DELETE FROM ${c.table} WHERE n <= 0 AND account_id IN (SELECT DISTINCT account_id FROM old_rows);
      INSERT INTO ${c.table} (account_id, ${c.key}, category, n)
      SELECT w.account_id, ${c.keyOf('w')}, w.category, count(*) ${moved}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (account_id, ${c.key}, category) DO UPDATE SET n = ${c.table}.n + EXCLUDED.n;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`)
      .execute(db);
  }
}
