import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaOf } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/app.js';

describe('a migrated database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('has no rate_limits table (0019_drop_rate_limits): limits are counted in rate_limit_windows', async () => {
    const names = (await database.handle.db.introspection.getTables()).map((t) => t.name);
    expect(names).toContain('developers');
    expect(names).toContain('rate_limit_windows');
    expect(names).not.toContain('rate_limits');
  });
});

// Two test files at a time each create, migrate and drop their own schema in one PostgreSQL database.
// The migrator introspects before it migrates; Kysely's introspector read every schema and looked each
// up again by name, so a schema the other file dropped meanwhile failed the migration with
// `schema "t_…" does not exist` (db/pg-introspector.ts).
describe.skipIf(!onPostgres())('PostgreSQL: other schemas dropped meanwhile', () => {
  const url = process.env.TEST_DATABASE_URL as string;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  /**
   * Creates a schema with `tables` tables and drops it, as other test files do: at least `cycles` times,
   * and on until `enough()` — so the overlap does not depend on how fast the machine is.
   */
  async function churn(cycles: number, tables: number, enough: () => boolean): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (let i = 0; i < cycles || !enough(); i++) {
        const s = `t_${randomBytes(6).toString('hex')}`;
        const ddl = Array.from(
          { length: tables },
          (_, j) => `CREATE TABLE ${s}.x${j} (id bigserial primary key)`,
        );
        await c.query(`CREATE SCHEMA ${s}; ${ddl.join('; ')}`);
        await c.query(`DROP SCHEMA ${s} CASCADE`);
      }
    } finally {
      await c.end();
    }
  }

  it("the migrator never trips over another connection's DROP SCHEMA, and introspects its own schema only", async () => {
    const schema = schemaOf({ kind: 'postgres', url: database.url });
    let done = false;
    const errors: string[] = [];
    let runs = 0;
    const MIN_RUNS = 30;
    const other = churn(20, 10, () => runs >= MIN_RUNS).finally(() => {
      done = true;
    });
    // Each run on the migrated schema is the migrator's set-up alone: introspection, lock, nothing to apply.
    while (!done) {
      try {
        await migrateToLatest(database.handle.db, { schema });
      } catch (err) {
        errors.push((err as Error).message);
      }
      runs += 1;
    }
    await other;
    expect(errors).toEqual([]);
    expect(runs).toBeGreaterThanOrEqual(MIN_RUNS);
    const tables = await database.handle.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([schema]));
    expect(tables.map((t) => t.name)).toContain('kysely_migration');
  });
});
