import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runRetentionOnce } from '../src/retention/plugin.js';
import { devAuth, registerDeveloper } from './developers-helpers.js';
import { auth, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';
import { useInstances } from './helpers/instances.js';

// Issue 12 item 2: published rate limits, counted once across processes.
const { app, instance: secondInstance } = useInstances();

const accounts = (a: TestApp['app']) =>
  a.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) });

describe('the per-key budget', () => {
  it('publishes RateLimit headers on every answer, 429 RATE_LIMIT_EXCEEDED with Retry-After past it', async () => {
    const t = await app({ OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '3' });
    t.clock.set('2026-04-04T10:30:00.000Z');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await accounts(t.app));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
    for (const a of answers) {
      expect(a.headers['ratelimit-limit']).toBe('3');
      expect(a.headers['ratelimit-reset']).toBe('60');
    }
    expect(answers[3]!.json().error_code).toBe('RATE_LIMIT_EXCEEDED');
    expect(answers[3]!.headers['retry-after']).toBe('60');
    // Errors carry the headers too; a new window starts the count again.
    const notFound = await t.app.inject({
      method: 'GET',
      url: '/accounts/nope/balance',
      headers: auth(MANI_KEY),
    });
    expect(notFound.headers['ratelimit-limit']).toBe('3');
    t.clock.advance(60_000);
    expect((await accounts(t.app)).statusCode).toBe(200);
  });

  it('counts developer sessions separately', async () => {
    const t = await app({ OPENDINAR_RATE_LIMIT_SESSION_PER_MINUTE: '2' });
    const dev = await registerDeveloper(t.app);
    const me = () => t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(dev.token) });
    expect((await me()).headers['ratelimit-limit']).toBe('2');
    await me();
    const third = await me();
    expect(third.statusCode).toBe(429);
    expect((await accounts(t.app)).statusCode).toBe(200);
  });

  it('can be turned off (no headers, no limit)', async () => {
    const t = await app({ OPENDINAR_RATE_LIMITS: 'false', OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1' });
    const a = await accounts(t.app);
    const b = await accounts(t.app);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.headers['ratelimit-limit']).toBeUndefined();
  });
});

describe.each([
  ['the database', { OPENDINAR_RATE_LIMIT_STORE: 'database' }],
  [
    'Redis',
    {
      OPENDINAR_RATE_LIMIT_STORE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
      OPENDINAR_REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
    },
  ],
])('counted once across two server instances in %s', (_name, env) => {
  it(`a budget of 5 admits exactly 5 requests, whichever instance answers (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, async () => {
    const t = await app({ ...env, OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '5' });
    const other = await secondInstance(t);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => accounts(i % 2 ? t.app : other)));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(7);
    const remaining = answers.map((a) => Number(a.headers['ratelimit-remaining'])).sort();
    expect(remaining.slice(-5)).toEqual([0, 1, 2, 3, 4]);
  });

  it(`per-IP register and login limits are counted once too (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, async () => {
    const t = await app({
      ...env,
      OPENDINAR_RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '3',
      OPENDINAR_RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '4',
    });
    const other = await secondInstance(t);
    const ip = '198.51.100.20';
    const tag = randomBytes(4).toString('hex');
    const registered = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? t.app : other).inject({
          method: 'POST',
          url: '/developers/register',
          remoteAddress: ip,
          payload: { email: `ip-${tag}-${i}@example.com`, password: 'violet-orbit-123', name: 'N' },
        }),
      ),
    );
    expect(registered.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = registered.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.json()).toMatchObject({ error_code: 'RATE_LIMIT_EXCEEDED', error_type: 'API_ERROR' });
      expect(r.json().error_message).toContain('3 registrations per IP per hour');
      expect(r.headers['retry-after']).toBe('1800'); // the clock is at 10:30, the window ends at 11:00
    }
    // Another address is not affected.
    const elsewhere = await other.inject({
      method: 'POST',
      url: '/developers/register',
      remoteAddress: '198.51.100.21',
      payload: { email: `ip-${tag}-x@example.com`, password: 'violet-orbit-123', name: 'N' },
    });
    expect(elsewhere.statusCode).toBe(201);

    const logins = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        (i % 2 ? t.app : other).inject({
          method: 'POST',
          url: '/developers/login',
          remoteAddress: ip,
          payload: { email: `nobody-${tag}-${i}@example.com`, password: 'not-the-password' },
        }),
      ),
    );
    expect(logins.filter((r) => r.statusCode === 401)).toHaveLength(4);
    const limited = logins.filter((r) => r.statusCode === 429);
    expect(limited).toHaveLength(5);
    for (const r of limited) expect(r.json().error_message).toContain('4 sign-in requests per IP per minute');
    t.clock.advance(60_000);
    const next = await t.app.inject({
      method: 'POST',
      url: '/developers/login',
      remoteAddress: ip,
      payload: { email: `nobody-${tag}@example.com`, password: 'not-the-password' },
    });
    expect(next.statusCode).toBe(401);
  });
});

describe('per-IP limits of the public account endpoints', () => {
  const register = (t: TestApp, ip: string) =>
    t.app.inject({ method: 'POST', url: '/developers/register', remoteAddress: ip, payload: {} });

  it('count before validation, answer 429 with Retry-After, and 0 turns them off', async () => {
    const t = await app({ OPENDINAR_RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '2' });
    expect((await register(t, '192.0.2.1')).json().error_code).toBe('MISSING_FIELDS');
    expect((await register(t, '192.0.2.1')).json().error_code).toBe('MISSING_FIELDS');
    const third = await register(t, '192.0.2.1');
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(3_600_000);
    expect((await register(t, '192.0.2.1')).json().error_code).toBe('MISSING_FIELDS');

    // An operator running an integration suite from one address turns the limit off.
    const off = await app({ OPENDINAR_RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '0' });
    for (let i = 0; i < 30; i++) expect((await register(off, '192.0.2.2')).statusCode).toBe(400);
  });

  it('defaults to the database on PostgreSQL and to memory for the single embedded SQLite process', async () => {
    const { createRateLimitStore } = await import('../src/ratelimit/plugin.js');
    const { createDb } = await import('../src/db/index.js');
    const { loadConfig } = await import('../src/config.js');
    const t = await app({});
    const auto = createRateLimitStore(t.deps);
    expect(auto.kind).toBe(t.deps.dialect === 'postgres' ? 'database' : 'memory');
    await auto.close();
    const memory = createDb({ kind: 'sqlite', path: ':memory:' });
    const config = loadConfig({ DATABASE_URL: 'file::memory:' });
    const inMemory = createRateLimitStore({ db: memory.db, dialect: memory.dialect, config });
    expect(inMemory.kind).toBe('memory');
    await inMemory.close();
    const shared = createRateLimitStore({
      db: t.deps.db,
      dialect: t.deps.dialect,
      config: loadConfig({ OPENDINAR_RATE_LIMIT_STORE: 'database' }),
    });
    expect(shared.kind).toBe('database');
    await shared.close();
    await memory.close();
  });
});

describe('database counters', () => {
  it('one row per bucket and window, deleted by the retention job once the window is over', async () => {
    const t = await app({
      OPENDINAR_RATE_LIMIT_STORE: 'database',
      OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '100',
    });
    for (let i = 0; i < 3; i++) await accounts(t.app);
    const rows = () =>
      t.deps.db.selectFrom('rate_limit_windows').select(['bucket', 'window_end', 'hits']).execute();
    expect((await rows()).map((r) => [r.bucket.split(':')[0], Number(r.hits)])).toEqual([['k', 3]]);
    t.clock.advance(60_000);
    await accounts(t.app);
    expect(await rows()).toHaveLength(2); // the ended window and the current one
    t.clock.advance(61_000);
    expect((await runRetentionOnce(t.deps)).rate_limit_windows).toBe(1);
    expect((await rows()).map((r) => Number(r.hits))).toEqual([1]);
  });
});

describe('tighter budgets for expensive operations', () => {
  it('force refresh per connection', async () => {
    const t = await app({ OPENDINAR_RATE_LIMIT_SYNC_PER_HOUR_SANDBOX: '2' });
    const sync = () =>
      t.app.inject({ method: 'POST', url: '/accounts/acc_rai_001/sync', headers: auth(MANI_KEY) });
    expect((await sync()).statusCode).toBe(200);
    expect((await sync()).statusCode).toBe(200);
    const third = await sync();
    expect(third.statusCode).toBe(429);
    expect(third.json().error_message).toContain('force refreshes per connection');
    expect(third.headers['ratelimit-limit']).toBe('2');
    t.clock.advance(3_600_000);
    expect((await sync()).statusCode).toBe(200);
  });

  it('POST /sandbox/connections per key, and custom transactions per key per day', async () => {
    const t = await app({
      OPENDINAR_RATE_LIMIT_SANDBOX_CONNECTIONS_PER_HOUR: '3',
      OPENDINAR_RATE_LIMIT_CUSTOM_TRANSACTIONS_PER_DAY: '3',
    });
    const upload = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/sandbox/connections',
        headers: auth(MANI_KEY),
        payload: {
          bank_id: 'raiffeisen',
          user_id: 'u',
          accounts: [
            {
              name: 'A',
              type: 'current',
              currency: 'RSD',
              transactions: Array.from({ length: n }, () => ({
                date: '2026-04-01',
                amount: -1,
                description: 'x',
              })),
            },
          ],
        },
      });
    expect((await upload(2)).statusCode).toBe(201);
    const tooMany = await upload(2);
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().error_message).toContain('custom transactions');
    expect((await upload(0)).statusCode).toBe(201); // a third connection without transactions fits both budgets
    const fourth = await upload(0);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error_message).toContain('sandbox connections per key per hour');
  });

  it('key creation per hour, and a cap on active keys', async () => {
    const t = await app({
      OPENDINAR_RATE_LIMIT_KEY_CREATIONS_PER_HOUR: '2',
      OPENDINAR_MAX_KEYS_PER_DEVELOPER: '3',
    });
    const dev = await registerDeveloper(t.app); // its first key counts towards the cap
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/developers/keys',
        headers: devAuth(dev.token),
        payload: { app_name: 'K', environment: 'sandbox' },
      });
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(201);
    const capped = await create();
    expect(capped.statusCode).toBe(409);
    expect(capped.json().error_code).toBe('KEY_LIMIT_REACHED');
    const first = (
      await t.app.inject({ method: 'GET', url: '/developers/keys', headers: devAuth(dev.token) })
    ).json().keys[0].id;
    await t.app.inject({ method: 'DELETE', url: `/developers/keys/${first}`, headers: devAuth(dev.token) });
    const perHour = await create();
    expect(perHour.statusCode).toBe(429);
    expect(perHour.json().error_message).toContain('key creations per hour');
  });
});
