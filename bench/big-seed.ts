// Seeds one account with N transactions (default 1,000,000) into a migrated OpenDinar database, fast:
// batched inserts through the driver (better-sqlite3: 50,000-row transactions on one prepared
// statement; PostgreSQL: 20,000 rows per INSERT … SELECT FROM unnest(arrays)).
// The account gets a connection of its own (a copy of the sandbox key's RAI connection), so revoking
// it touches nothing else. Run: DATABASE_URL=… npx tsx bench/big-seed.ts [n]
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { transactionIdFor } from '../server/src/transactions/store.js';

export const BIG_ACCOUNT = 'acc_big_001';
export const BIG_CONNECTION = 'conn_big_001';
const TEMPLATE_ACCOUNT = 'acc_rai_001';

// Realistic, repeating merchants (enrichment memoises per description, as on real accounts).
const MERCHANTS: Array<[string, string, number]> = [
  ['MAXI 123 BEOGRAD', 'groceries', -4_350_00],
  ['LIDL SRBIJA KD 0451', 'groceries', -2_990_00],
  ['NETFLIX.COM AMSTERDAM', 'subscriptions', -790_00],
  ['Wolt Beograd', 'dining', -1_250_00],
  ['GLOVO*NARUDZBINA', 'dining', -980_00],
  ['NIS PETROL BS 12', 'transport', -5_000_00],
  ['EPS SNABDEVANJE RACUN', 'utilities', -6_400_00],
  ['INFOSTAN TEHNOLOGIJE', 'utilities', -3_100_00],
  ['Plata - firma doo', 'salary', 120_000_00],
  ['Uplata od Marko Markovic', 'transfer', 5_000_00],
  ['BANKOMAT RAIFFEISEN ATM', 'transfer', -10_000_00],
  ['DM DROGERIE MARKT', 'groceries', -1_870_00],
];
const DAYS = 1000;

interface Row {
  id: string;
  bank_txn_id: string;
  date: string;
  amount: number;
  description: string;
  category: string;
}

function* rows(n: number): Generator<Row> {
  const end = Date.UTC(2026, 3, 4);
  for (let i = 0; i < n; i++) {
    const [description, category, amount] = MERCHANTS[(i * 7) % MERCHANTS.length] as [string, string, number];
    const day = Math.floor((i * DAYS) / n);
    const bankTxnId = `big-${i}`;
    yield {
      id: transactionIdFor(BIG_ACCOUNT, bankTxnId),
      bank_txn_id: bankTxnId,
      date: new Date(end - (DAYS - 1 - day) * 86_400_000).toISOString().slice(0, 10),
      amount: amount + (i % 100),
      description,
      category,
    };
  }
}

const NOW = '2026-04-05T00:00:00.000Z';
const CONNECTION_COLUMNS = `(id, api_key_id, developer_id, environment, bank_id, user_id, connector, grant_enc,
  status, created_at, revoked_at, last_synced_at, refresh_count, sync_locked_until, consent_expires_at,
  last_refreshed_at, expiry_notified_at, last_error)`;

// What the insert trigger would have written for the big account, in one statement.
const DAY_COUNTS = `INSERT INTO transaction_day_counts (account_id, date, category, n)
  SELECT account_id, date, category, count(*) FROM transactions WHERE account_id = '${BIG_ACCOUNT}'
  GROUP BY account_id, date, category`;
const MONTH_COUNTS = `INSERT INTO transaction_month_counts (account_id, month, category, n)
  SELECT account_id, substr(date, 1, 7), category, sum(n) FROM transaction_day_counts
  WHERE account_id = '${BIG_ACCOUNT}' GROUP BY account_id, substr(date, 1, 7), category`;

export async function seedBig(
  databaseUrl: string,
  n = 1_000_000,
): Promise<{ ms: number; perSecond: number }> {
  const started = performance.now();
  if (databaseUrl.startsWith('file:') || !databaseUrl.includes('://')) {
    const db = new SQLite(databaseUrl.replace(/^file:/, ''));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`
      INSERT INTO connections ${CONNECTION_COLUMNS} SELECT '${BIG_CONNECTION}', api_key_id, developer_id, environment, bank_id,
        'big-user', connector, grant_enc, status, created_at, revoked_at, last_synced_at, refresh_count,
        sync_locked_until, consent_expires_at, last_refreshed_at, expiry_notified_at, last_error
      FROM connections WHERE id = (SELECT connection_id FROM accounts WHERE id = '${TEMPLATE_ACCOUNT}');
      INSERT INTO accounts (id, connection_id, api_key_id, bank_id, ref, name, type, currency, account_number,
        opening_balance, available_delta, change_seq, created_at)
      SELECT '${BIG_ACCOUNT}', '${BIG_CONNECTION}', api_key_id, bank_id, 'big', 'Big account', type, currency,
        '265-0000000000001-00', 0, 0, 0, created_at FROM accounts WHERE id = '${TEMPLATE_ACCOUNT}';`);
    // The count triggers (migrations 0016, 0018) are set aside during the bulk load and the counts
    // are written once at the end: the same rows, several times faster than triggers run per insert.
    const triggers = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
         AND name IN ('transactions_day_counts_ins', 'transactions_month_counts_ins')`,
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    // So is the category index (migration 0019_big_category_index): built once after the load.
    const categoryIndex = db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'transactions_category_list'`)
      .get() as { sql: string } | undefined;
    if (categoryIndex) db.exec('DROP INDEX transactions_category_list');
    const txn = db.prepare(
      `INSERT INTO transactions (id, account_id, bank_txn_id, date, amount, currency, description, category,
        pending, pending_transaction_id, created_at, updated_at)
       VALUES (?, '${BIG_ACCOUNT}', ?, ?, ?, 'RSD', ?, ?, 0, NULL, '${NOW}', '${NOW}')`,
    );
    const change = db.prepare(
      `INSERT INTO transaction_changes (account_id, seq, transaction_id, kind, created_at)
       VALUES ('${BIG_ACCOUNT}', ?, ?, 'added', '${NOW}')`,
    );
    const batch = db.transaction((chunk: Row[], firstSeq: number) => {
      chunk.forEach((r, j) => {
        txn.run(r.id, r.bank_txn_id, r.date, r.amount, r.description, r.category);
        change.run(firstSeq + j, r.id);
      });
    });
    let chunk: Row[] = [];
    let seq = 1;
    for (const r of rows(n)) {
      chunk.push(r);
      if (chunk.length === 50_000) {
        batch(chunk, seq);
        seq += chunk.length;
        chunk = [];
      }
    }
    if (chunk.length) batch(chunk, seq);
    db.exec(DAY_COUNTS);
    db.exec(MONTH_COUNTS);
    for (const t of triggers) db.exec(t.sql);
    if (categoryIndex) db.exec(categoryIndex.sql);
    db.prepare('UPDATE accounts SET change_seq = ? WHERE id = ?').run(n, BIG_ACCOUNT);
    db.close();
  } else {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`
      INSERT INTO connections ${CONNECTION_COLUMNS} SELECT '${BIG_CONNECTION}', api_key_id, developer_id, environment, bank_id,
        'big-user', connector, grant_enc, status, created_at, revoked_at, last_synced_at, refresh_count,
        sync_locked_until, consent_expires_at, last_refreshed_at, expiry_notified_at, last_error
      FROM connections WHERE id = (SELECT connection_id FROM accounts WHERE id = '${TEMPLATE_ACCOUNT}')`);
    await c.query(`
      INSERT INTO accounts (id, connection_id, api_key_id, bank_id, ref, name, type, currency, account_number,
        opening_balance, available_delta, change_seq, created_at)
      SELECT '${BIG_ACCOUNT}', '${BIG_CONNECTION}', api_key_id, bank_id, 'big', 'Big account', type, currency,
        '265-0000000000001-00', 0, 0, 0, created_at FROM accounts WHERE id = '${TEMPLATE_ACCOUNT}'`);
    await c.query('ALTER TABLE transactions DISABLE TRIGGER transactions_day_counts_ins');
    await c.query('ALTER TABLE transactions DISABLE TRIGGER transactions_month_counts_ins');
    const categoryIndex = (
      await c.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'transactions_category_list'
        AND schemaname = current_schema()`)
    ).rows[0]?.indexdef as string | undefined;
    if (categoryIndex) await c.query('DROP INDEX transactions_category_list');
    let chunk: Row[] = [];
    let seq = 1;
    const flush = async () => {
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO transactions (id, account_id, bank_txn_id, date, amount, currency, description, category,
          pending, pending_transaction_id, created_at, updated_at)
         SELECT id, '${BIG_ACCOUNT}', b, d, a, 'RSD', t, cat, 0, NULL, '${NOW}', '${NOW}'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS u(id, b, d, a, t, cat)`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.bank_txn_id),
          chunk.map((r) => r.date),
          chunk.map((r) => r.amount),
          chunk.map((r) => r.description),
          chunk.map((r) => r.category),
        ],
      );
      await c.query(
        `INSERT INTO transaction_changes (account_id, seq, transaction_id, kind, created_at)
         SELECT '${BIG_ACCOUNT}', s, id, 'added', '${NOW}' FROM unnest($1::bigint[], $2::text[]) AS u(s, id)`,
        [chunk.map((_, j) => seq + j), chunk.map((r) => r.id)],
      );
      await c.query('COMMIT');
      seq += chunk.length;
      chunk = [];
    };
    for (const r of rows(n)) {
      chunk.push(r);
      if (chunk.length === 20_000) await flush();
    }
    if (chunk.length) await flush();
    await c.query(DAY_COUNTS);
    await c.query(MONTH_COUNTS);
    await c.query('ALTER TABLE transactions ENABLE TRIGGER transactions_day_counts_ins');
    await c.query('ALTER TABLE transactions ENABLE TRIGGER transactions_month_counts_ins');
    if (categoryIndex) await c.query(categoryIndex);
    await c.query('UPDATE accounts SET change_seq = $1 WHERE id = $2', [n, BIG_ACCOUNT]);
    // Fresh statistics and visibility map, as autovacuum would leave them after a bulk load.
    await c.query('VACUUM ANALYZE transactions');
    await c.query('VACUUM ANALYZE transaction_changes');
    await c.query('VACUUM ANALYZE transaction_day_counts');
    await c.query('VACUUM ANALYZE transaction_month_counts');
    await c.end();
  }
  const ms = performance.now() - started;
  return { ms, perSecond: (n / ms) * 1000 };
}

/**
 * A probe of the background deletion after the big connection is revoked: true once the job has
 * deleted everything (connections.data_deleted_at set). Reads through its own connection.
 */
export async function purgeProbe(
  databaseUrl: string,
): Promise<{ done: () => Promise<boolean>; close: () => Promise<void> }> {
  const q = `SELECT data_deleted_at FROM connections WHERE id = '${BIG_CONNECTION}'`;
  if (databaseUrl.startsWith('file:') || !databaseUrl.includes('://')) {
    const db = new SQLite(databaseUrl.replace(/^file:/, ''), { readonly: true });
    const stmt = db.prepare(q);
    return {
      done: async () =>
        (stmt.get() as { data_deleted_at: string | null } | undefined)?.data_deleted_at != null,
      close: async () => {
        db.close();
      },
    };
  }
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  return {
    done: async () => (await c.query(q)).rows[0]?.data_deleted_at != null,
    close: () => c.end(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const r = await seedBig(url, Number(process.argv[2] ?? 1_000_000));
  console.log(`seeded in ${Math.round(r.ms)} ms (${Math.round(r.perSecond)} tx/s)`);
}
