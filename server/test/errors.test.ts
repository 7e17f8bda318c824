import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

function expectErrorShape(
  res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> },
  code: string,
) {
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual([
    'docs',
    'error_code',
    'error_message',
    'error_type',
    'request_id',
  ]);
  expect(body.error_code).toBe(code);
  expect(body.request_id).toBe(res.headers['x-request-id']);
  expect(body.docs).toBe(`http://localhost:3000/docs#${code.toLowerCase()}`);
  expect(res.statusCode).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES].status);
}

describe('error shape', () => {
  it('answers unknown routes and wrong methods with ROUTE_NOT_FOUND', async () => {
    expectErrorShape(await t.app.inject({ method: 'GET', url: '/no-such-route' }), 'ROUTE_NOT_FOUND');
    expectErrorShape(await t.app.inject({ method: 'DELETE', url: '/banks' }), 'ROUTE_NOT_FOUND');
  });

  it('echoes a client X-Request-Id, and replaces an unacceptable one', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-request-id': 'my-trace-42' },
    });
    expect(res.headers['x-request-id']).toBe('my-trace-42');
    expect(res.json().request_id).toBe('my-trace-42');
    const long = await t.app.inject({
      method: 'GET',
      url: '/banks',
      headers: { 'x-request-id': 'x'.repeat(129) },
    });
    expect(long.headers['x-request-id']).not.toBe('x'.repeat(129));
    expect(String(long.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the error reference with an anchor per code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    for (const code of Object.keys(ERROR_CODES)) expect(res.body).toContain(`id="${code.toLowerCase()}"`);
  });

  it('serves an OpenAPI document generated from the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/banks', '/banks/{id}', '/accounts', '/accounts/{id}/transactions']),
    );
  });

  it('reports liveness (without naming the database) and readiness', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });
});

describe('authentication errors', () => {
  it.each([
    [undefined, 'MISSING_API_KEY'],
    ['', 'MISSING_API_KEY'],
    ['Bearer od_test_sk_doesnotexist123', 'INVALID_API_KEY'],
    ['Bearer garbage', 'INVALID_API_KEY'],
    ['Basic abc', 'INVALID_API_KEY'],
  ])('Authorization %s → %s', async (header, code) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/accounts',
      headers: header === undefined ? {} : { authorization: header },
    });
    expectErrorShape(res, code);
    expect(res.json().error_type).toBe('AUTH_ERROR');
  });
});

describe('NUL characters', () => {
  it('refuses NUL in path, query and JSON body with INVALID_FIELD (PostgreSQL cannot store it)', async () => {
    const headers = {
      authorization: 'Bearer od_test_sk_9x2mABC123sandbox',
      'content-type': 'application/json',
    };
    for (const url of ['/accounts/%00a/balance', '/banks?search=ab%00c', '/banks/x%00']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error_code).toBe('INVALID_FIELD');
    }
    const body = await t.app.inject({
      method: 'POST',
      url: '/developers/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a\\u0000@b.rs","password":"12345678"}',
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().error_code).toBe('INVALID_FIELD');
    // An escaped backslash followed by "u0000" is ordinary text, not NUL.
    const ok = await t.app.inject({ method: 'GET', url: '/banks?search=%5Cu0000' });
    expect(ok.statusCode).toBe(200);
  });
});
