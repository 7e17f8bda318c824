import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForeignKeyViolation, isPoolExhausted } from '../src/db/errors.js';
import { createDb } from '../src/db/index.js';
import { toApiError } from '../src/http/error-handler.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/app.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

describe('isForeignKeyViolation', () => {
  it('recognises the real foreign-key error of this database, and nothing else', async () => {
    const insert = () =>
      database.handle.db
        .insertInto('webhook_deliveries')
        .values({
          id: 'dlv_orphan',
          event_id: 'evt_missing',
          webhook_id: 'wh_x',
          developer_id: 'dev_x',
          status: 'pending',
          attempts: 0,
          next_attempt_at: '2026-01-01T00:00:00.000Z',
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
    const err = await insert().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect(isForeignKeyViolation(err)).toBe(true);
    expect(isForeignKeyViolation(new Error('boom'))).toBe(false);
    expect(isForeignKeyViolation(null)).toBe(false);
  });
});

describe.skipIf(!onPostgres())('a PostgreSQL pool with no free connection', () => {
  it('fails the waiting query with an error answered 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    const handle = createDb({ kind: 'postgres', url }, { poolSize: 1, connectionTimeoutMs: 100 });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      // The pool's one connection is held by a transaction while a second query waits for it.
      const holding = handle.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await held;
      });
      const err = await sql`select 1`.execute(handle.db).then(
        () => null,
        (e: unknown) => e,
      );
      release();
      await holding;
      expect(isPoolExhausted(err)).toBe(true);
      const api = toApiError(err as Error);
      expect(api?.code).toBe('SERVICE_UNAVAILABLE');
      expect(api?.status).toBe(503);
      expect(api?.headers['retry-after']).toBe('1');
      expect(isPoolExhausted(new Error('boom'))).toBe(false);
    } finally {
      release();
      await handle.close();
    }
  });
});
