import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auth, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';
import { useInstances } from './helpers/instances.js';

// Issue 14: the per-key budget in a shared store is counted through per-process leases
// (ratelimit/lease.ts). Through HTTP, on the real database (and Redis): one process is exact, and
// several instances on one database never admit more than the limit in a window.
const { app, instance } = useInstances();

const accounts = (a: FastifyInstance) =>
  a.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) });
const remaining = (r: LightMyRequestResponse) => Number(r.headers['ratelimit-remaining']);
const db = onPostgres() ? 'PostgreSQL' : 'SQLite';

function expectRefused(r: LightMyRequestResponse, limit: number, retryAfter: string | string[]) {
  expect(r.statusCode).toBe(429);
  expect(r.json()).toMatchObject({
    error_type: 'API_ERROR',
    error_code: 'RATE_LIMIT_EXCEEDED',
    error_message: expect.stringContaining(`${limit} requests per minute`),
    docs: expect.stringContaining('#rate_limit_exceeded'),
    request_id: expect.any(String),
  });
  expect([retryAfter].flat()).toContain(r.headers['retry-after']);
  expect(r.headers['ratelimit-limit']).toBe(String(limit));
  expect(r.headers['ratelimit-remaining']).toBe('0');
}

const stores: Array<[string, Record<string, string>]> = [
  ['the database', { OPENDINAR_RATE_LIMIT_STORE: 'database' }],
  [
    'Redis',
    {
      OPENDINAR_RATE_LIMIT_STORE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
      OPENDINAR_REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
    },
  ],
];

describe.each(stores)('the per-key budget leased from %s', (_name, env) => {
  it(`is exact for one process: every answer's RateLimit-Remaining, then 429 on request N + 1 (${db})`, async () => {
    const limit = 200;
    const t = await app({ ...env, OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: String(limit) });
    t.clock.set('2026-04-04T10:30:15.000Z');
    const answers: LightMyRequestResponse[] = [];
    // Bursts (requests waiting on a claim together) and single requests served from a slice.
    for (let burst = 0; answers.length < limit; burst++) {
      const n = Math.min(burst % 2 ? 1 : 25, limit - answers.length);
      answers.push(...(await Promise.all(Array.from({ length: n }, () => accounts(t.app)))));
    }
    expect(answers.filter((a) => a.statusCode !== 200)).toEqual([]);
    // Each of the 200 requests saw its own place in the budget: 199 left, …, 0 left.
    expect(answers.map(remaining).sort((a, b) => b - a)).toEqual(
      Array.from({ length: limit }, (_, i) => limit - 1 - i),
    );
    expectRefused(await accounts(t.app), limit, '45');
    // The budget stays spent for the rest of the window — also once the slice has gone stale.
    t.clock.advance(30_000);
    expectRefused(await accounts(t.app), limit, '15');
    // A new window starts the count again.
    t.clock.advance(15_000);
    const next = await accounts(t.app);
    expect(next.statusCode).toBe(200);
    expect(remaining(next)).toBe(limit - 1);
  });

  it(`admits at most the limit across three instances on one database, and says so in its headers (${db})`, async () => {
    const limit = 300;
    const t = await app({ ...env, OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: String(limit) });
    t.clock.set('2026-04-04T10:31:00.000Z');
    const apps = [t.app, await instance(t), await instance(t)];
    // Each instance starts with slices from an earlier window, so leases are under way at once.
    await Promise.all(apps.map((a) => accounts(a)));
    t.clock.advance(60_000);
    let allowed = 0;
    const refused: LightMyRequestResponse[] = [];
    // 16 rounds of 30 concurrent requests, 10 on each instance (480 in all, 300 allowed at most);
    // the clock moves 40 ms a round, so slices both run out and go stale.
    for (let round = 0; round < 16; round++) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => accounts(apps[i % 3] as FastifyInstance)),
      );
      for (const a of answers) {
        if (a.statusCode === 200) allowed += 1;
        else refused.push(a);
      }
      // RateLimit-Remaining never claims more than the budget left across the instances once what
      // each knows of the shared total is fresh (a lease is 100 ms): ask each one after 150 ms.
      if (round % 4 === 3) {
        t.clock.advance(150);
        for (const a of apps) {
          const r = await accounts(a);
          if (r.statusCode === 200) {
            allowed += 1;
            expect(remaining(r)).toBeLessThanOrEqual(limit - allowed);
          } else refused.push(r);
        }
      }
      t.clock.advance(40);
    }
    // Never more than the limit; and what the instances held unused when the budget ran out (what
    // each had claimed for requests that went elsewhere) is a small part of it.
    expect(allowed).toBeLessThanOrEqual(limit);
    expect(allowed).toBeGreaterThanOrEqual(limit - 3 * Math.ceil(limit / 16));
    expect(refused.length).toBe(16 * 30 + 12 - allowed);
    // The clock is between 10:32:00 and 10:32:01.24: the window ends at 10:33.
    for (const r of refused) expectRefused(r, limit, ['59', '60']);
  });
});
