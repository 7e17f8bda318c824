import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAuth, registerDeveloper } from './developers-helpers.js';
import { createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

/**
 * Property: whatever is thrown at any route — random path segments, query strings, headers and
 * bodies — the answer is never a 5xx, every error is in the documented shape, and the server keeps answering.
 */
let t: TestApp;
let routes: Array<{ method: string; path: string }> = [];
interface Schema {
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
}
interface Operation {
  method: string;
  path: string;
  developer: boolean;
  body: Schema | undefined;
  numeric: string[];
}
let operations: Operation[] = [];
let devToken = '';

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
  const ops = doc.paths as Record<
    string,
    Record<
      string,
      {
        security?: Array<Record<string, unknown>>;
        parameters?: Array<{ in: string; name: string; schema?: Schema }>;
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  operations = Object.entries(ops).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      developer: Boolean(op.security?.some((s) => 'developerSession' in s)),
      body: op.requestBody?.content?.['application/json']?.schema,
      numeric: (op.parameters ?? [])
        .filter((p) => p.in === 'query' && ['integer', 'number'].includes(String(p.schema?.type)))
        .map((p) => p.name),
    })),
  );
  devToken = (await registerDeveloper(t.app)).token;
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

/** The JSON types a schema accepts (integer counts as a number). */
function allowedTypes(schema: Schema): Set<string> {
  const out = new Set<string>();
  const add = (x: Schema) => {
    for (const ty of [x.type ?? []].flat()) out.add(ty);
    if ('const' in x) out.add(jsonType(x.const));
    for (const e of x.enum ?? []) out.add(jsonType(e));
    for (const sub of [...(x.anyOf ?? []), ...(x.oneOf ?? [])]) add(sub);
  };
  add(schema);
  if (out.has('number')) out.add('integer');
  return out;
}
function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
const WRONG_VALUES: unknown[] = [
  ['raiffeisen'],
  123,
  1.5,
  1e308,
  -1e308,
  true,
  false,
  null,
  {},
  { a: 1 },
  [],
  'x',
];
const EXTREME_NUMBERS = [
  '1e309',
  '-1e309',
  '9223372036854775808',
  '1e20',
  '-1e20',
  'Infinity',
  'NaN',
  '1.5',
  '0x10',
  '-0.5',
  '99999999999999999999999',
];
const fill = (path: string) =>
  path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    path.startsWith('/accounts') && name === 'id' ? 'acc_rai_001' : 'x_1',
  );
let ip = 0;
const nextIp = () => `10.77.${Math.floor(++ip / 250) % 250}.${ip % 250}`;

describe('wrong JSON types and extreme numbers', () => {
  it('a wrong JSON type in any body field is a 400 (never coerced, never 5xx)', async () => {
    let checked = 0;
    for (const op of operations) {
      for (const [field, schema] of Object.entries(op.body?.properties ?? {})) {
        const allowed = allowedTypes(schema);
        for (const value of WRONG_VALUES) {
          if (allowed.has(jsonType(value))) continue;
          const res = await t.app.inject({
            method: op.method as 'POST',
            url: fill(op.path),
            remoteAddress: nextIp(),
            headers: op.developer ? devAuth(devToken) : { authorization: `Bearer ${MANI_KEY}` },
            payload: { [field]: value },
          });
          checkAnswer(res);
          expect(res.statusCode, `${op.method} ${op.path} ${field}=${JSON.stringify(value)}`).toBe(400);
          expect(['INVALID_FIELD', 'MISSING_FIELDS']).toContain(res.json().error_code);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('an extreme number in any numeric query parameter is INVALID_FIELD', async () => {
    let checked = 0;
    for (const op of operations) {
      for (const name of op.numeric) {
        for (const value of EXTREME_NUMBERS) {
          const res = await t.app.inject({
            method: op.method as 'GET',
            url: `${fill(op.path)}?${name}=${encodeURIComponent(value)}`,
            headers: op.developer ? devAuth(devToken) : { authorization: `Bearer ${MANI_KEY}` },
          });
          checkAnswer(res);
          expect(res.json().error_code, `${op.path}?${name}=${value}`).toBe('INVALID_FIELD');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

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
