// Migration 0021: the request log's rows become chunks of one entry each, and read back unchanged
// (through GET /developers/logs and the request_log view) on either database.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../src/db/migrations/0021_request_log_chunks.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let dev: Registered;

beforeAll(async () => {
  t = await createTestApp();
  dev = await registerDeveloper(t.app);
});
afterAll(async () => t.close());

describe('migration 0021_request_log_chunks', () => {
  it('turns every old request-log row into a chunk, read back as it was', async () => {
    const db = t.deps.db as unknown as Kysely<unknown>;
    await down(db);
    const rows = [
      {
        id: 'use_00mnkc6x2000001oldrows1',
        developer_id: dev.id,
        api_key_id: dev.keyId,
        key_prefix: null,
        method: 'GET',
        path: '/accounts?q="quoted"\\back',
        endpoint: 'GET /accounts',
        status: 200,
        error_code: null,
        error_body: null,
        latency_ms: 1.5,
        request_id: 'req_old_1',
        at: '2026-04-04T10:00:00.000Z',
      },
      {
        id: 'use_00mnkc6x3000002oldrows1',
        developer_id: dev.id,
        api_key_id: dev.keyId,
        key_prefix: dev.key.slice(0, 15),
        method: 'GET',
        path: '/accounts/acc_nope/balance',
        endpoint: 'GET /accounts/:id/balance',
        status: 404,
        error_code: 'ACCOUNT_NOT_FOUND',
        error_body: JSON.stringify({ error_code: 'ACCOUNT_NOT_FOUND', message: 'ü "x"' }),
        latency_ms: 2.25,
        request_id: 'req_old_2',
        at: '2026-04-04T10:00:01.000Z',
      },
    ];
    for (const r of rows)
      await sql`insert into request_log (id, developer_id, api_key_id, key_prefix, method, path, endpoint, status, error_code, error_body, latency_ms, request_id, at)
        values (${r.id}, ${r.developer_id}, ${r.api_key_id}, ${r.key_prefix}, ${r.method}, ${r.path}, ${r.endpoint}, ${r.status}, ${r.error_code}, ${r.error_body}, ${r.latency_ms}, ${r.request_id}, ${r.at})`.execute(
        db,
      );
    await up(db);
    const chunks = await t.deps.db
      .selectFrom('request_log_chunks')
      .select(['id', 'requests', 'min_at', 'max_at'])
      .where('developer_id', '=', dev.id)
      .orderBy('id')
      .execute();
    expect(chunks.map((c) => [c.id, Number(c.requests), c.min_at, c.max_at])).toEqual(
      rows.map((r) => [r.id, 1, r.at, r.at]),
    );
    const view = await t.deps.db
      .selectFrom('request_log')
      .selectAll()
      .where('developer_id', '=', dev.id)
      .orderBy('id')
      .execute();
    expect(view.map((v) => ({ ...v, status: Number(v.status), latency_ms: Number(v.latency_ms) }))).toEqual(
      rows,
    );
    const res = await t.app.inject({ method: 'GET', url: '/developers/logs', headers: devAuth(dev.token) });
    expect(res.statusCode).toBe(200);
    const listed = res.json().requests as Array<Record<string, unknown>>;
    expect(listed.map((r) => r.request_id)).toEqual(['req_old_2', 'req_old_1']);
    expect(listed[0]).toMatchObject({
      path: '/accounts/acc_nope/balance',
      error_body: { error_code: 'ACCOUNT_NOT_FOUND', message: 'ü "x"' },
      latency_ms: 2.25,
      key_prefix: dev.key.slice(0, 15),
    });
    expect(listed[1]).toMatchObject({ path: '/accounts?q="quoted"\\back', key_prefix: null, status: 200 });
  });

  it('going back down keeps every logged request as a row of its own', async () => {
    const db = t.deps.db as unknown as Kysely<unknown>;
    const before = await t.deps.db.selectFrom('request_log').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await down(db);
    const after = await t.deps.db.selectFrom('request_log').selectAll().orderBy('id').execute();
    const norm = (rows: typeof before) =>
      rows.map((v) => ({ ...v, status: Number(v.status), latency_ms: Number(v.latency_ms) }));
    expect(norm(after)).toEqual(norm(before));
    await up(db);
    const again = await t.deps.db.selectFrom('request_log').selectAll().orderBy('id').execute();
    expect(norm(again)).toEqual(norm(before));
  });
});
