import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAccountedFor } from '../src/docs/openapi.js';
import { OPERATIONS, TAGS, WEBHOOK_EVENTS } from '../src/docs/operations.js';
import { ERROR_CODES } from '../src/errors.js';
import { WEBHOOK_EVENT_TYPES } from '../src/webhooks/events.js';
import { createTestApp, type TestApp } from './helpers/app.js';

type Op = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema: Record<string, unknown>;
    description?: string;
  }[];
  requestBody?: {
    content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }>;
  };
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: Record<string, unknown> }> }
  >;
};
interface Doc {
  openapi: string;
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, Record<string, unknown>> };
  webhooks: Record<string, { post: Op }>;
}

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp({ seed: false, env: { OPENDINAR_PUBLIC_URL: 'https://api.opendinar.rs' } });
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Doc;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe('route table (src/docs/operations.ts)', () => {
  it('accounts for every registered route: documented in OPERATIONS or hidden on purpose', () => {
    const missing = [...t.app.openApiRoutes.values()].filter((f) => !isAccountedFor(f)).map((f) => f.key);
    expect(missing, 'add these routes to OPERATIONS (or HIDDEN_ROUTES) in src/docs/operations.ts').toEqual(
      [],
    );
  });

  it('has no entry for a route that does not exist', () => {
    const registered = new Set(t.app.openApiRoutes.keys());
    expect(Object.keys(OPERATIONS).filter((k) => !registered.has(k))).toEqual([]);
  });

  it('documents every operation the document has, with a unique operationId and a known tag', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations().length).toBe(Object.keys(OPERATIONS).length);
    const tagNames = new Set(doc.tags.map((x) => x.name));
    for (const { op } of operations()) expect(tagNames.has(op.tags?.[0] ?? '')).toBe(true);
    for (const tag of doc.tags) expect(tag.description.length).toBeGreaterThan(10);
    expect(Object.keys(TAGS).every((n) => tagNames.has(n))).toBe(true);
  });

  it('describes every webhook event the server can send under `webhooks`', () => {
    for (const type of [
      ...WEBHOOK_EVENT_TYPES,
      'WEBHOOK.TEST',
      'ITEM.LOGIN_REQUIRED',
      'ITEM.PENDING_EXPIRATION',
    ]) {
      expect(WEBHOOK_EVENTS[type], type).toBeDefined();
      const body = doc.webhooks[type]?.post.requestBody?.content['application/json']?.schema as unknown as {
        $ref: string;
      };
      const schema = doc.components.schemas[body.$ref.split('/').pop() ?? ''] as {
        properties: Record<string, { const?: string }>;
      };
      expect(`${schema.properties.webhook_type?.const}.${schema.properties.webhook_code?.const}`).toBe(type);
      expect(Object.keys(schema.properties)).toEqual(
        expect.arrayContaining(['event_id', 'environment', 'timestamp']),
      );
    }
  });
});

describe('the document tells the truth', () => {
  it('is OpenAPI 3.1 with the relative server first and OPENDINAR_PUBLIC_URL second', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers.map((s) => s.url)).toEqual(['/', 'https://api.opendinar.rs']);
  });

  it('declares every error status with the one Error component and the codes of that status', () => {
    for (const { key, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([s]) => Number(s) >= 400);
      expect(errors.length, key).toBeGreaterThan(0);
      for (const [status, res] of errors) {
        const schema = res.content?.['application/json']?.schema as {
          allOf: { $ref: string }[];
          properties: { error_code: { enum: (keyof typeof ERROR_CODES)[] } };
        };
        expect(schema.allOf[0]?.$ref, key).toBe('#/components/schemas/Error');
        for (const code of schema.properties.error_code.enum)
          expect(ERROR_CODES[code].status).toBe(Number(status));
        expect(res.headers).toHaveProperty('X-Request-Id');
        if (status === '429' || status === '503') expect(res.headers).toHaveProperty('Retry-After');
      }
      for (const res of Object.values(op.responses)) expect(res.headers).toHaveProperty('X-Request-Id');
    }
    const codes = (op: string, status: string) => {
      const [method = '', path = ''] = op.split(' ');
      const schema = doc.paths[path]?.[method.toLowerCase()]?.responses[status]?.content?.['application/json']
        ?.schema as { properties: { error_code: { enum: string[] } } } | undefined;
      return schema?.properties.error_code.enum;
    };
    expect(codes('GET /accounts/{id}/transactions', '400')).toEqual(
      expect.arrayContaining(['INVALID_CURSOR', 'INVALID_FIELD']),
    );
    expect(codes('GET /accounts/{id}/transactions', '401')).toEqual(
      expect.arrayContaining(['MISSING_API_KEY', 'INVALID_API_KEY', 'REVOKED_API_KEY']),
    );
    expect(codes('POST /connect/exchange', '410')).toEqual([
      'PUBLIC_TOKEN_ALREADY_USED',
      'PUBLIC_TOKEN_EXPIRED',
    ]);
    expect(codes('POST /developers/login', '429')).toEqual(['RATE_LIMIT_EXCEEDED']);
    expect(doc.paths['/developers/login']?.post?.responses['200']?.headers).toHaveProperty(
      'X-RateLimit-Remaining',
    );
    const error = doc.components.schemas.Error as { properties: { error_code: { enum: string[] } } };
    expect(error.properties.error_code.enum).toEqual(Object.keys(ERROR_CODES));
  });

  it('marks public operations with security: [] and the others with their scheme', () => {
    const publicOps = operations()
      .filter(({ op }) => op.security?.length === 0)
      .map(({ key }) => key);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'GET /banks',
        'GET /banks/{id}',
        'GET /healthz',
        'POST /developers/register',
        'POST /developers/login',
        'POST /sandbox/authorize',
        'POST /sandbox/deny',
        'GET /v1/opendinar.js',
      ]),
    );
    for (const { key, op } of operations()) expect(op.security, key).toBeDefined();
  });

  it('shares components and closes response objects', () => {
    for (const name of ['Account', 'Transaction', 'Connection', 'Webhook', 'Bank', 'Error', 'ApiKey'])
      expect(doc.components.schemas[name], name).toBeDefined();
    expect(doc.components.schemas.Transaction?.additionalProperties).toBe(false);
    const list = doc.paths['/accounts']?.get?.responses['200']?.content?.['application/json']?.schema as {
      properties: { accounts: { items: { $ref: string } } };
    };
    expect(list.properties.accounts.items.$ref).toBe('#/components/schemas/Account');
  });

  it('fixes the parameter mismatches: banks paging optional, transactions limit, register body', () => {
    const banks = doc.paths['/banks']?.get?.parameters ?? [];
    for (const name of ['limit', 'offset'])
      expect(banks.find((p) => p.name === name)?.required).not.toBe(true);
    const limit = doc.paths['/accounts/{id}/transactions']?.get?.parameters?.find((p) => p.name === 'limit');
    expect(limit?.schema.maximum).toBe(500);
    expect(`${limit?.description ?? ''} ${String(limit?.schema.description ?? '')}`).toMatch(/200.*500/s);
    const body =
      doc.paths['/developers/register']?.post?.requestBody?.content['application/json']?.schema.properties;
    expect(body?.email?.format).toBe('email');
    expect(body?.password?.minLength).toBe(8);
  });

  it('passes a third-party linter (Redocly CLI, pinned) with zero errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opendinar-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const res = spawnSync(
        fileURLToPath(new URL('../../node_modules/.bin/redocly', import.meta.url)),
        ['lint', file, '--format=json'],
        {
          encoding: 'utf8',
          cwd: dir,
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            NO_COLOR: '1',
          },
          timeout: 120_000,
        },
      );
      const report = JSON.parse(res.stdout) as {
        totals: { errors: number; warnings: number };
        problems: unknown[];
      };
      expect(report.totals.errors, JSON.stringify(report.problems, null, 1).slice(0, 3000)).toBe(0);
      expect(res.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
