import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { auth, MANI_KEY } from './app.js';

/** The public URL createTestApp configures; `docs` links and auth_url are built from it. */
export const PUBLIC_URL = 'http://localhost:3000';

/** The documented error shape, exactly these five keys, with the documented type/status/link. */
export function expectError(
  res: LightMyRequestResponse,
  code: string,
  type: 'AUTH_ERROR' | 'INVALID_REQUEST' | 'ITEM_ERROR' | 'API_ERROR',
  status: number,
  publicUrl = PUBLIC_URL,
): Record<string, unknown> {
  const body = res.json() as Record<string, unknown>;
  expect({ status: res.statusCode, code: body.error_code, type: body.error_type }).toEqual({
    status,
    code,
    type,
  });
  expect(Object.keys(body).sort()).toEqual([
    'docs',
    'error_code',
    'error_message',
    'error_type',
    'request_id',
  ]);
  expect(body.docs).toBe(`${publicUrl}/docs#${code.toLowerCase()}`);
  expect(typeof body.error_message).toBe('string');
  expect((body.error_message as string).length).toBeGreaterThan(0);
  expect(body.request_id).toBe(res.headers['x-request-id']);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return body;
}

/** A JSON number with at most two decimals. */
export function expectMoney(v: unknown): void {
  expect(typeof v).toBe('number');
  expect(Number.isFinite(v)).toBe(true);
  expect(Math.abs(Math.round((v as number) * 100) - (v as number) * 100)).toBeLessThan(1e-6);
}

export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Runs the docs' Token Flow through the HTTP surface: connect → sandbox authorize → exchange. */
export async function connectThroughSandbox(
  t: TestApp,
  opts: { key?: string; bankId?: string; userId?: string } = {},
): Promise<{ connectionId: string; sessionToken: string; publicToken: string }> {
  const headers = auth(opts.key ?? MANI_KEY);
  const started = await t.app.inject({
    method: 'POST',
    url: '/connect',
    headers,
    payload: {
      bank_id: opts.bankId ?? 'raiffeisen',
      user_id: opts.userId ?? 'user_123',
      redirect_url: 'https://app.example.com/done',
    },
  });
  expect(started.statusCode).toBe(201);
  const sessionToken = started.json().session_token as string;
  const authorized = await t.app.inject({
    method: 'POST',
    url: '/sandbox/authorize',
    payload: { session_token: sessionToken },
  });
  expect(authorized.statusCode).toBe(200);
  const publicToken = authorized.json().public_token as string;
  const exchanged = await t.app.inject({
    method: 'POST',
    url: '/connect/exchange',
    headers,
    payload: { public_token: publicToken },
  });
  expect(exchanged.statusCode).toBe(200);
  return { connectionId: exchanged.json().connection_id as string, sessionToken, publicToken };
}

/** The documented transaction object's fields. */
export const TXN_KEYS = [
  'account_id',
  'amount',
  'category',
  'currency',
  'date',
  'description',
  'id',
  'pending',
  'pending_transaction_id',
  'type',
];
