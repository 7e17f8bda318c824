import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

/**
 * Property: whatever is thrown at any route — random path segments, query strings, headers and
 * bodies — the answer is never a 5xx, every error is in the documented shape, and the server keeps answering.
 */
let t: TestApp;
let routes: Array<{ method: string; path: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'delete', 'put', 'patch'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(async () => t.close());

const segment = fc.oneof(
  fc.constantFrom(
    'acc_rai_001',
    'acc_ers_001',
    'conn_rai_001',
    'raiffeisen',
    'coming',
    '..',
    '%00',
    '%E2%82',
    "'; drop table--",
    '',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.stringMatching(/^[a-z_]{1,12}$/),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom('', '2026-02-30', '-1', '1e999', 'null', '[]'),
);
const queryName = fc.constantFrom(
  'limit',
  'offset',
  'from',
  'to',
  'category',
  'cursor',
  'search',
  'status',
  'bank_id',
  'key_id',
  'x',
  '__proto__',
);
const authHeader = fc.constantFrom(
  undefined,
  `Bearer ${MANI_KEY}`,
  'Bearer od_test_sk_AAAAAAAAAAAAAAAA',
  'Bearer devses_nope',
  'Bearer link_nope',
  'Basic Zm9vOmJhcg==',
  'Bearer ',
  'Bearer \u00e9\u00e9',
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc
    .record(
      {
        bank_id: fc.oneof(fc.constantFrom('raiffeisen', 'otp', 'x'), fc.string(), fc.integer()),
        user_id: fc.oneof(fc.string(), fc.constant(null)),
        redirect_url: fc.oneof(fc.webUrl(), fc.string()),
        email: fc.oneof(fc.emailAddress(), fc.string()),
        password: fc.string(),
        url: fc.oneof(fc.webUrl(), fc.string()),
        public_token: fc.string(),
        session_token: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
  'application/json; charset=utf-8',
);

function checkAnswer(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const parsed = JSON.parse(res.body);
    expect(Object.keys(parsed).sort()).toEqual([
      'docs',
      'error_code',
      'error_message',
      'error_type',
      'request_id',
    ]);
    expect(parsed.request_id).toBe(res.headers['x-request-id']);
  }
}

describe('fuzzing every route', () => {
  it('never answers 5xx or an undocumented error shape', async () => {
    expect(routes.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(queryName, queryValue), { maxLength: 4 }),
        authHeader,
        body,
        contentType,
        async (pick, segs, query, authorization, payload, type) => {
          const route = routes[pick % routes.length]!;
          let i = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => segs[i++] || 'x');
          const qs = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const headers: Record<string, string> = {};
          if (authorization !== undefined) headers.authorization = authorization;
          if (type && payload !== undefined) headers['content-type'] = type;
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: qs ? `${path}?${qs}` : path,
            headers,
            ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
          });
          checkAnswer(res);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('answers random paths and methods in the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
        fc.array(segment, { maxLength: 5 }),
        async (method, segs) => {
          const res = await t.app.inject({ method: method as 'GET', url: `/${segs.join('/')}` });
          if (method === 'HEAD' || method === 'OPTIONS') expect(res.statusCode).toBeLessThan(500);
          else checkAnswer(res);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps answering afterwards', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
  });
});
