import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForeignKeyViolation } from '../src/db/errors.js';
import { createTestDatabase, type TestDatabase } from './helpers/app.js';

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
