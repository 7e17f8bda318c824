import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DEFAULT_SCRYPT_COST } from '../src/developers/passwords.js';
import { devAuth, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';
import { TEST_SCRYPT_COST } from './helpers/process.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

let ipCounter = 0;
/** A fresh client address per scenario, so per-IP limits of one test never leak into another. */
const freshIp = () => `192.0.2.${++ipCounter}`;

const register = (payload: unknown, ip = freshIp()) =>
  t.app.inject({
    method: 'POST',
    url: '/developers/register',
    payload: payload as object,
    remoteAddress: ip,
  });
const login = (email: string, password: string, ip = freshIp()) =>
  t.app.inject({ method: 'POST', url: '/developers/login', payload: { email, password }, remoteAddress: ip });

describe('register → key → login → me → logout', () => {
  it('registers, returns a working sandbox key, and the session lifecycle works', async () => {
    const res = await register({
      email: '  Jelena.Petrovic@Example.RS ',
      password: 'lozinka-123',
      name: '  Jelena  ',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.developer).toEqual({
      id: expect.stringMatching(/^dev_/),
      email: 'jelena.petrovic@example.rs',
      name: 'Jelena',
      created_at: '2026-04-04T10:30:00.000Z',
    });
    expect(body.session_token).toMatch(/^devses_[A-Za-z0-9]{32}$/);
    expect(body.api_key).toMatchObject({
      id: expect.stringMatching(/^key_/),
      environment: 'sandbox',
      app_name: 'Jelena',
      status: 'active',
    });
    expect(body.api_key.key).toMatch(/^od_test_sk_[A-Za-z0-9]{32,}$/);
    expect(body.api_key.scopes).toEqual(['accounts:read', 'balance:read', 'transactions:read']);

    // The first key works on the banking API straight away: a new key sees no accounts.
    const accounts = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(body.api_key.key) });
    expect(accounts.statusCode).toBe(200);
    expect(accounts.json()).toEqual({ accounts: [] });

    const me = await t.app.inject({
      method: 'GET',
      url: '/developers/me',
      headers: devAuth(body.session_token),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body.developer);

    const lg = await login('JELENA.petrovic@example.rs', 'lozinka-123');
    expect(lg.statusCode).toBe(200);
    expect(lg.json()).toEqual({
      session_token: expect.stringMatching(/^devses_/),
      expires_at: '2026-04-05T10:30:00.000Z',
    });
    const second = lg.json().session_token as string;
    expect(second).not.toBe(body.session_token);

    const out = await t.app.inject({ method: 'POST', url: '/developers/logout', headers: devAuth(second) });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ status: 'logged_out' });
    const dead = await t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(second) });
    expect(dead.statusCode).toBe(401);
    expect(dead.json().error_code).toBe('INVALID_DEV_TOKEN');
    const again = await t.app.inject({ method: 'POST', url: '/developers/logout', headers: devAuth(second) });
    expect(again.json().error_code).toBe('INVALID_DEV_TOKEN');
    // Logging one session out leaves the others alone.
    const stillAlive = await t.app.inject({
      method: 'GET',
      url: '/developers/me',
      headers: devAuth(body.session_token),
    });
    expect(stillAlive.statusCode).toBe(200);
  });

  it('needs a developer token on the management endpoints', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/developers/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error_code).toBe('MISSING_DEV_TOKEN');
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/developers/me',
      headers: devAuth('devses_nope'),
    });
    expect(bogus.json().error_code).toBe('INVALID_DEV_TOKEN');
    // An API key is not a developer session.
    const key = await registerDeveloper(t.app);
    const withKey = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: auth(key.key) });
    expect(withKey.json().error_code).toBe('INVALID_DEV_TOKEN');
  });
});

describe('registration validation', () => {
  it('refuses a taken email, whatever its case and surrounding spaces', async () => {
    expect(
      (await register({ email: 'marko@example.com', password: 'violet-orbit-1', name: 'Marko' })).statusCode,
    ).toBe(201);
    for (const email of ['MARKO@example.com', ' marko@EXAMPLE.com ']) {
      const res = await register({ email, password: 'violet-orbit-2', name: 'Other' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error_code).toBe('EMAIL_TAKEN');
    }
  });

  it('lets only one of two simultaneous registrations of an email win', async () => {
    const payload = { email: 'race@example.com', password: 'violet-orbit-1', name: 'Race' };
    const results = await Promise.all([register(payload), register(payload), register(payload)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('validates the email', async () => {
    for (const email of [
      'plainaddress',
      'a@b',
      'a@@b.com',
      'a b@c.com',
      'a@b..com',
      '@example.com',
      'ana@-x.com',
      `${'a'.repeat(250)}@x.com`,
    ]) {
      const res = await register({ email, password: 'violet-orbit-1', name: 'X' });
      expect(res.statusCode, email).toBe(400);
      expect(res.json().error_code, email).toBe('INVALID_EMAIL');
    }
  });

  it('needs a password of at least 8 characters, and not an absurd one', async () => {
    const short = await register({ email: 'short@example.com', password: 'seven77', name: 'S' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error_code).toBe('PASSWORD_TOO_SHORT');
    // Characters, not bytes: seven Cyrillic letters are still too short.
    const cyr = await register({ email: 'cyr@example.com', password: 'лозинка', name: 'C' });
    expect(cyr.json().error_code).toBe('PASSWORD_TOO_SHORT');
    const long = await register({ email: 'long@example.com', password: 'x'.repeat(1025), name: 'L' });
    expect(long.statusCode).toBe(400);
    expect(long.json().error_code).toBe('INVALID_FIELD');
    expect((await register({ email: 'eight@example.com', password: '1234567x', name: 'E' })).statusCode).toBe(
      201,
    );
  });

  it('needs every field', async () => {
    for (const payload of [
      { email: 'a@example.com', password: 'violet-orbit-1' },
      { email: 'a@example.com', name: 'A' },
      { password: 'violet-orbit-1', name: 'A' },
      { email: 'a@example.com', password: 'violet-orbit-1', name: '   ' },
      {},
    ]) {
      const res = await register(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error_code, JSON.stringify(payload)).toBe('MISSING_FIELDS');
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/developers/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
      remoteAddress: freshIp(),
    });
    expect(notJson.json().error_code).toBe('INVALID_JSON');
  });
});

describe('login', () => {
  it('answers INVALID_CREDENTIALS alike for an unknown email, a wrong password and a seeded account', async () => {
    await registerDeveloper(t.app, { email: 'known@example.com', password: 'right-password' });
    const unknown = await login('nobody@example.com', 'right-password');
    const wrong = await login('known@example.com', 'wrong-password');
    const seeded = await login('mani-app@sandbox.opendinar.rs', '!');
    for (const res of [unknown, wrong, seeded]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error_code).toBe('INVALID_CREDENTIALS');
      expect(res.json().error_message).toBe(wrong.json().error_message);
    }
  });

  it('spends about the same time on an unknown email as on a wrong password', async () => {
    // At the production cost: the test apps' low cost (TEST_SCRYPT_COST) would leave nothing to measure.
    const prod = await createTestApp({ seed: false, config: { passwordScryptCost: DEFAULT_SCRYPT_COST } });
    try {
      await registerDeveloper(prod.app, { email: 'timing@example.com', password: 'right-password' });
      const row = await prod.deps.db
        .selectFrom('developers')
        .select('password_hash')
        .where('email', '=', 'timing@example.com')
        .executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith(`scrypt$${2 ** DEFAULT_SCRYPT_COST}$8$1$`)).toBe(true);
      const time = async (email: string) => {
        const started = performance.now();
        await prod.app.inject({
          method: 'POST',
          url: '/developers/login',
          payload: { email, password: 'wrong-password' },
          remoteAddress: freshIp(),
        });
        return performance.now() - started;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        known.push(await time('timing@example.com'));
        unknown.push(await time(`ghost${i}@example.com`));
      }
      // Without the dummy hash an unknown email answers in ~1 ms against ~100 ms of scrypt.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
      expect(median(known)).toBeGreaterThan(median(unknown) * 0.4);
    } finally {
      await prod.close();
    }
  });

  it('hashes new passwords at the configured scrypt cost (OPENDINAR_PASSWORD_SCRYPT_COST, production 2^15)', async () => {
    expect(loadConfig({}).passwordScryptCost).toBe(15);
    expect(loadConfig({ OPENDINAR_PASSWORD_SCRYPT_COST: '12' }).passwordScryptCost).toBe(12);
    for (const bad of ['3', '17', '15.5', 'high'])
      expect(() => loadConfig({ OPENDINAR_PASSWORD_SCRYPT_COST: bad })).toThrow(
        /OPENDINAR_PASSWORD_SCRYPT_COST/,
      );
    // The test apps hash at N = 2^4; such a hash verifies like any other.
    await registerDeveloper(t.app, { email: 'cheap@example.com', password: 'cheap-password-1' });
    const row = await t.deps.db
      .selectFrom('developers')
      .select('password_hash')
      .where('email', '=', 'cheap@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith(`scrypt$${2 ** Number(TEST_SCRYPT_COST)}$8$1$`)).toBe(true);
    expect((await login('cheap@example.com', 'cheap-password-1')).statusCode).toBe(200);
    expect((await login('cheap@example.com', 'cheap-password-2')).statusCode).toBe(401);
  });

  it('never stores passwords, session tokens or keys in the clear', async () => {
    const dev = await registerDeveloper(t.app, { email: 'secrets@example.com', password: 'my-Secret-pw-42' });
    const lg = await login('secrets@example.com', 'my-Secret-pw-42');
    const dump = JSON.stringify(
      await Promise.all([
        t.deps.db.selectFrom('developers').selectAll().execute(),
        t.deps.db.selectFrom('dev_sessions').selectAll().execute(),
        t.deps.db.selectFrom('api_keys').selectAll().execute(),
        t.deps.db.selectFrom('login_throttle').selectAll().execute(),
      ]),
    );
    for (const secret of ['my-Secret-pw-42', dev.token, dev.key, lg.json().session_token])
      expect(dump).not.toContain(secret);
    const row = await t.deps.db
      .selectFrom('developers')
      .select('password_hash')
      .where('email', '=', 'secrets@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });
});

describe('session lifetime', () => {
  it('expires a session after 24 hours by the clock', async () => {
    const dev = await registerDeveloper(t.app);
    t.clock.advance(24 * 3600_000 - 1000);
    expect(
      (await t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(dev.token) })).statusCode,
    ).toBe(200);
    t.clock.advance(1000);
    const res = await t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(dev.token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error_code).toBe('EXPIRED_DEV_TOKEN');
    // Logging in again gives a fresh 24 hours.
    const lg = await login(dev.email, dev.password);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/developers/me',
          headers: devAuth(lg.json().session_token),
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('login throttling', () => {
  it('after 5 failures for an email, whatever the IP, each further attempt waits — 1 s, then doubling', async () => {
    const dev = await registerDeveloper(t.app, { email: 'locked@example.com', password: 'right-password' });
    for (let i = 0; i < 5; i++) expect((await login(dev.email, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await login(dev.email, 'right-password');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error_code).toBe('RATE_LIMIT_EXCEEDED');
    expect(locked.json().error_type).toBe('API_ERROR');
    expect(Number(locked.headers['retry-after'])).toBe(1);
    // Case does not get around it either.
    expect((await login('LOCKED@example.com', 'right-password')).statusCode).toBe(429);

    t.clock.advance(1000);
    expect((await login(dev.email, 'wrong-again')).statusCode).toBe(401); // the 6th failure: 2 s
    const later = await login(dev.email, 'right-password');
    expect(later.statusCode).toBe(429);
    expect(Number(later.headers['retry-after'])).toBe(2);

    t.clock.advance(2000);
    const ok = await login(dev.email, 'right-password');
    expect(ok.statusCode).toBe(200);
  });

  it('treats an unknown email the same way (no hint that it does not exist)', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('ghost-throttle@example.com', 'x-password')).statusCode).toBe(401);
    const res = await login('ghost-throttle@example.com', 'x-password');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('clears the email count on a successful login', async () => {
    const dev = await registerDeveloper(t.app, { email: 'forgiven@example.com', password: 'right-password' });
    for (let i = 0; i < 4; i++) expect((await login(dev.email, 'wrong-password')).statusCode).toBe(401);
    expect((await login(dev.email, 'right-password')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(dev.email, 'wrong-password')).statusCode).toBe(401);
    expect((await login(dev.email, 'wrong-password')).statusCode).toBe(429);
  });

  it('spaces out an IP after 20 failures across emails; other IPs are unaffected', async () => {
    const dev = await registerDeveloper(t.app, {
      email: 'ip-victim@example.com',
      password: 'right-password',
    });
    const ip = '203.0.113.7';
    for (let i = 0; i < 20; i++)
      expect((await login(`spray${i}@example.com`, 'guess-1234', ip)).statusCode).toBe(401);
    const blocked = await login(dev.email, 'right-password', ip);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(dev.email, 'right-password', '203.0.113.8')).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    expect((await login(dev.email, 'right-password', ip)).statusCode).toBe(200);
  });

  it('shares the counts between server processes on one database', async () => {
    const dev = await registerDeveloper(t.app, {
      email: 'two-servers@example.com',
      password: 'right-password',
    });
    const second = t.database.connect();
    const other = await buildApp({ ...t.deps, db: second.db });
    try {
      for (let i = 0; i < 5; i++) expect((await login(dev.email, 'wrong-password')).statusCode).toBe(401);
      const res = await other.inject({
        method: 'POST',
        url: '/developers/login',
        payload: { email: dev.email, password: 'right-password' },
        remoteAddress: freshIp(),
      });
      expect(res.statusCode).toBe(429);
    } finally {
      await other.close();
      await second.close();
    }
  });

  it('caps requests per IP on register in the documented error shape', async () => {
    const ip = '198.51.100.77';
    // Invalid bodies are counted too: the limit runs before validation.
    for (let i = 0; i < 20; i++) expect((await register({}, ip)).json().error_code).toBe('MISSING_FIELDS');
    const res = await register({ email: 'flood@example.com', password: 'violet-orbit-1', name: 'F' }, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({
      error_code: 'RATE_LIMIT_EXCEEDED',
      error_type: 'API_ERROR',
      request_id: res.headers['x-request-id'],
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await register({ email: 'flood@example.com', password: 'violet-orbit-1', name: 'F' })).statusCode,
    ).toBe(201);
  });
});

describe('docs', () => {
  it('documents the developer portal, with the throttling rules and session lifetime', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('id="developer-portal"');
    expect(res.body).toContain('5 failures for an email');
    expect(res.body).toContain('24 hours');
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of [
      '/developers/register',
      '/developers/login',
      '/developers/keys',
      '/developers/keys/{id}',
      '/developers/usage',
    ]) {
      expect(spec.paths[path], path).toBeDefined();
    }
  });
});
