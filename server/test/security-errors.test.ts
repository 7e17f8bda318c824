import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/schema.js';
import { ERROR_CODES } from '../src/errors.js';
import { sha256Hex } from '../src/ids.js';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

/** The documented error shape, and nothing of the server's insides. */
function expectDocumentedError(res: LightMyRequestResponse, code: keyof typeof ERROR_CODES): void {
  expect(res.statusCode).toBe(ERROR_CODES[code].status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual([
    'docs',
    'error_code',
    'error_message',
    'error_type',
    'request_id',
  ]);
  expect(body.error_code).toBe(code);
  expect(body.error_type).toBe(ERROR_CODES[code].type);
  expect(body.request_id).toBe(res.headers['x-request-id']);
  expectNoInternals(res.body);
}

const INTERNALS =
  /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\bstack\b|select |insert |update |delete from|sqlite|postgres|kysely|TypeError|decipher|authenticate data|malformed sealed/i;

function expectNoInternals(text: string): void {
  expect(text).not.toMatch(INTERNALS);
}

describe('unexpected failures answer INTERNAL_ERROR without leaking internals', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    t = await createTestApp();
    app = await buildApp(t.deps, { logger: { level: 'error', stream } });
    // Routes that fail the ways real code can; registered before ready, like any plugin route.
    app.get('/test-only/throw-sql', async () => {
      const err = new Error('SQLITE_ERROR: no such column: secret_enc in SELECT * FROM webhooks') as Error & {
        code: string;
      };
      err.code = 'SQLITE_ERROR';
      throw err;
    });
    app.get('/test-only/throw-string', async () => {
      throw 'a thrown string with od_test_sk_abcdefgh12345678';
    });
    app.get('/test-only/throw-502', async () => {
      throw Object.assign(new Error('upstream bank said: connection refused at 10.0.0.7:443'), {
        statusCode: 502,
      });
    });
    app.get('/test-only/reject-later', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return JSON.parse('{"broken"') as unknown;
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('a thrown database error: 500 INTERNAL_ERROR, generic message, logged with the request id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/test-only/throw-sql',
      headers: { 'x-request-id': 'rq-sql' },
    });
    expectDocumentedError(res, 'INTERNAL_ERROR');
    expect(res.json().error_message).toBe(ERROR_CODES.INTERNAL_ERROR.message);
    const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.request_id === 'rq-sql' && l.err);
    expect(logged?.err.message).toContain('no such column');
  });

  it('a thrown non-Error, an error carrying a 5xx status, a late SyntaxError in a handler', async () => {
    for (const url of ['/test-only/throw-string', '/test-only/throw-502']) {
      expectDocumentedError(await app.inject({ method: 'GET', url }), 'INTERNAL_ERROR');
    }
    // Logged, with the key in the thrown text scrubbed.
    expect(logLines.some((l) => l.includes('a thrown string with od_test_sk_[redacted]'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('abcdefgh12345678');
    // A SyntaxError from our own code is not the client's bad JSON, but either way no internals leave.
    const late = await app.inject({ method: 'GET', url: '/test-only/reject-later' });
    expect(late.statusCode).toBeGreaterThanOrEqual(400);
    expectNoInternals(late.body);
  });

  it('a sealed value that no longer opens (tampered or wrong key) answers INTERNAL_ERROR', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(MANI_KEY),
      payload: { bank_id: 'raiffeisen', user_id: 'u_tamper', redirect_url: 'https://app.example.rs/done' },
    });
    const sess = start.json().session_token as string;
    await app.inject({ method: 'POST', url: '/sandbox/authorize', payload: { session_token: sess } });
    await t.deps.db
      .updateTable('connect_sessions')
      .set({ public_token_enc: 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA' })
      .where('token_hash', '=', sha256Hex(sess))
      .execute();
    const res = await app.inject({ method: 'GET', url: `/connect/status/${sess}`, headers: auth(MANI_KEY) });
    expectDocumentedError(res, 'INTERNAL_ERROR');
  });

  it('a database that went away: INTERNAL_ERROR on API routes, SERVICE_UNAVAILABLE on /readyz', async () => {
    // A database handle whose connection is gone: every query throws.
    const dead = new SQLite(':memory:');
    dead.close();
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: dead }) });
    const broken = await buildApp(
      {
        ...t.deps,
        db,
        config: { ...t.deps.config, usageRecording: false },
      },
      { logger: { level: 'error', stream } },
    );
    await broken.ready();
    try {
      expectDocumentedError(
        await broken.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) }),
        'INTERNAL_ERROR',
      );
      expectDocumentedError(
        await broken.inject({
          method: 'POST',
          url: '/developers/login',
          payload: { email: 'a@example.com', password: 'whatever-password' },
        }),
        'INTERNAL_ERROR',
      );
      expectDocumentedError(
        await broken.inject({
          method: 'GET',
          url: '/developers/me',
          headers: auth('devses_abcdefgh12345678'),
        }),
        'INTERNAL_ERROR',
      );
      expectDocumentedError(await broken.inject({ method: 'GET', url: '/readyz' }), 'SERVICE_UNAVAILABLE');
      // Liveness says only that the process answers.
      expect((await broken.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // The thrown errors were logged, not sent: the log has them, the bodies above do not.
      expect(logLines.some((l) => l.includes('database connection is not open'))).toBe(true);
    } finally {
      await broken.close();
    }
  });
});

describe('bad input from a signed-in developer is a documented 4xx, never a 500', () => {
  let t: TestApp;
  let session: string;

  beforeAll(async () => {
    t = await createTestApp();
    session = (await registerDeveloper(t.app)).token;
  });
  afterAll(async () => t.close());

  const routes: Array<{ method: 'GET' | 'POST' | 'DELETE'; path: string }> = [
    { method: 'POST', path: '/developers/keys' },
    { method: 'DELETE', path: '/developers/keys/{x}' },
    { method: 'GET', path: '/developers/usage' },
    { method: 'POST', path: '/developers/webhooks' },
    { method: 'DELETE', path: '/developers/webhooks/{x}' },
    { method: 'GET', path: '/developers/webhooks/{x}/deliveries' },
    { method: 'POST', path: '/developers/webhooks/{x}/test' },
    { method: 'POST', path: '/developers/webhooks/{x}/deliveries/{x}/retry' },
  ];
  const value = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('', 'live', 'sandbox', 'hour', 'day', '2026-02-30', '-1', '1e999', 'http://127.0.0.1/x'),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  );
  const body = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 80 }),
    fc
      .record(
        { app_name: value, environment: value, scopes: value, url: value, events: value },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
  );
  const query = fc.array(
    fc.tuple(
      fc.constantFrom('from', 'to', 'key_id', 'granularity', 'limit', 'x'),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 3 },
  );

  it('answers every malformed request in the documented shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ maxLength: 30 }), query, body, async (pick, seg, q, payload) => {
        const route = routes[pick % routes.length] as (typeof routes)[number];
        const path = route.path.replaceAll('{x}', encodeURIComponent(seg) || 'x');
        const qs = q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const res = await t.app.inject({
          method: route.method,
          url: qs ? `${path}?${qs}` : path,
          headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
          ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(Object.keys(res.json()).sort()).toEqual([
            'docs',
            'error_code',
            'error_message',
            'error_type',
            'request_id',
          ]);
        }
        expectNoInternals(res.body);
      }),
      { numRuns: 400 },
    );
  });
});

describe('webhook delivery failures inside the server stay inside', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('a secret that cannot be opened: the developer sees a generic last_error, the log the cause', async () => {
    const dev = await registerDeveloper(t.app);
    const hook = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: auth(dev.token),
      payload: { url: 'https://hooks.example.com/od' },
    });
    const id = hook.json().id as string;
    await t.deps.db
      .updateTable('webhooks')
      .set({ secret_enc: 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA' })
      .where('id', '=', id)
      .execute();
    await t.app.inject({ method: 'POST', url: `/developers/webhooks/${id}/test`, headers: auth(dev.token) });
    const logged: string[] = [];
    await runDispatcherOnce(t.deps, { log: (msg, err) => logged.push(`${msg}: ${(err as Error).message}`) });
    const list = await t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${id}/deliveries`,
      headers: auth(dev.token),
    });
    const [delivery] = list.json().deliveries;
    expect(delivery.last_error).toBe('internal error (not sent)');
    expectNoInternals(list.body);
    expect(logged.join('\n')).toMatch(/failed before sending: .*authenticate data/);
  });
});
