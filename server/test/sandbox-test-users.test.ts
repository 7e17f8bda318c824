import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

/** Sandbox test users typed on the bank page (server/src/sandbox/test-users.ts), through the HTTP API. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Json = Record<string, unknown>;

const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: auth(MANI_KEY), ...(payload && { payload }) });

async function start(userId: string, bankId = 'raiffeisen'): Promise<string> {
  const res = await inject('POST', '/connect', {
    bank_id: bankId,
    user_id: userId,
    redirect_url: 'https://app.example.rs/done',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().session_token as string;
}

const login = (sessionToken: string, username?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/sandbox/authorize',
    payload: { session_token: sessionToken, ...(username !== undefined && { username }) },
  });

function expectError(res: { statusCode: number; json(): Json }, code: string, status: number): Json {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body).toMatchObject({
    error_code: code,
    error_type: expect.any(String),
    error_message: expect.any(String),
  });
  return body;
}

async function connectionCount(): Promise<number> {
  return ((await inject('GET', '/connections')).json().connections as Json[]).length;
}

describe('sandbox test users', () => {
  it('user_good (and any other name) connects as before', async () => {
    for (const name of ['user_good', 'ana.petrovic']) {
      const token = await start(`tu_good_${name}`);
      const res = await login(token, name);
      expect(res.statusCode, res.body).toBe(200);
      const ex = await inject('POST', '/connect/exchange', { public_token: res.json().public_token });
      expect(ex.statusCode, ex.body).toBe(200);
      const conn = ((await inject('GET', '/connections')).json().connections as Json[]).find(
        (c) => c.connection_id === ex.json().connection_id,
      );
      expect(conn?.consent_expires_at).toBeNull();
    }
  });

  it('user_bad_password: 401 INVALID_CREDENTIALS, session stays pending, then a right login connects', async () => {
    const before = await connectionCount();
    const token = await start('tu_bad_pw');
    expectError(await login(token, 'user_bad_password'), 'INVALID_CREDENTIALS', 401);
    expectError(await login(token, 'USER_BAD_PASSWORD'), 'INVALID_CREDENTIALS', 401);
    expect((await inject('GET', `/connect/status/${token}`)).json()).toEqual({ status: 'pending' });
    expect(await connectionCount()).toBe(before);
    // Like a live bank: the user types the right details and goes on.
    const ok = await login(token, 'user_good');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await inject('GET', `/connect/status/${token}`)).json().status).toBe('authorized');
  });

  it('user_locked: the session ends; status polls answer 400 ITEM_LOCKED; the page says locked', async () => {
    const before = await connectionCount();
    const token = await start('tu_locked');
    expectError(await login(token, 'user_locked'), 'ITEM_LOCKED', 400);
    const polled = expectError(await inject('GET', `/connect/status/${token}`), 'ITEM_LOCKED', 400);
    expect(polled.error_type).toBe('ITEM_ERROR');
    // It ended: neither another login nor a decline can change it.
    expectError(await login(token, 'user_good'), 'SESSION_ALREADY_COMPLETED', 409);
    expect(await connectionCount()).toBe(before);
    const page = await t.app.inject({ method: 'GET', url: `/sandbox/auth.html?session_token=${token}` });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Račun je zaključan');
    const en = await t.app.inject({
      method: 'GET',
      url: `/sandbox/auth.html?session_token=${token}&lang=en`,
    });
    expect(en.body).toContain('Account locked');
    expect(en.body).toContain('<html lang="en">');
  });

  it('user_bank_down: the exchange answers 503 BANK_UNAVAILABLE with Retry-After; the token stays usable', async () => {
    const before = await connectionCount();
    const token = await start('tu_down');
    const ok = await login(token, 'user_bank_down');
    expect(ok.statusCode, ok.body).toBe(200);
    const publicToken = ok.json().public_token as string;
    for (let i = 0; i < 2; i++) {
      const ex = await inject('POST', '/connect/exchange', { public_token: publicToken });
      expectError(ex, 'BANK_UNAVAILABLE', 503);
      expect(ex.headers['retry-after']).toBe('60');
    }
    expect(await connectionCount()).toBe(before);
    expect((await inject('GET', `/connect/status/${token}`)).json().status).toBe('authorized');
  });

  it('user_consent_expiring: consent_expires_at a minute ahead; after it, held data served, sync ITEM_LOGIN_REQUIRED, reauth_required, ITEM.LOGIN_REQUIRED', async () => {
    const token = await start('tu_expiring');
    const ok = await login(token, 'user_consent_expiring');
    expect(ok.statusCode, ok.body).toBe(200);
    const authorizedAt = t.clock.now().getTime();
    const ex = await inject('POST', '/connect/exchange', { public_token: ok.json().public_token });
    expect(ex.statusCode, ex.body).toBe(200);
    const connectionId = ex.json().connection_id as string;
    const findConn = async () =>
      ((await inject('GET', '/connections')).json().connections as Json[]).find(
        (c) => c.connection_id === connectionId,
      );
    const conn = await findConn();
    expect(conn?.status).toBe('active');
    expect(Date.parse(String(conn?.consent_expires_at)) - authorizedAt).toBe(60_000);
    const account = ((await inject('GET', '/accounts')).json().accounts as Json[]).find(
      (a) => a.connection_id === connectionId,
    );
    expect(account).toBeDefined();
    const accountId = String(account?.id);
    // Within the minute a sync works.
    expect((await inject('POST', `/accounts/${accountId}/sync`)).statusCode).toBe(200);
    const heldBefore = (await inject('GET', `/accounts/${accountId}/transactions?limit=200`)).json();

    t.clock.advance(61_000);
    expectError(await inject('POST', `/accounts/${accountId}/sync`), 'ITEM_LOGIN_REQUIRED', 400);
    expect((await findConn())?.status).toBe('reauth_required');
    const row = await t.deps.db
      .selectFrom('connections')
      .select('last_error')
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toBe('consent_expired');
    // Reads keep serving what is held.
    const held = await inject('GET', `/accounts/${accountId}/transactions?limit=200`);
    expect(held.statusCode).toBe(200);
    expect(heldBefore.total).toBeGreaterThan(0);
    expect(held.json().total).toBe(heldBefore.total);
    expect((await inject('GET', `/accounts/${accountId}/balance`)).statusCode).toBe(200);
    expect((await inject('GET', `/accounts/${accountId}/identity`)).statusCode).toBe(200);
    expectError(await inject('POST', `/accounts/${accountId}/sync`), 'ITEM_LOGIN_REQUIRED', 400);
    const events = await t.deps.db
      .selectFrom('webhook_events')
      .select(['event_type', 'payload'])
      .where('event_type', '=', 'ITEM.LOGIN_REQUIRED')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload).connection_id)).toEqual([connectionId]);
  });

  it('the bank page lists the test users, in the widget language', async () => {
    const token = await start('tu_page');
    const sr = (await t.app.inject({ method: 'GET', url: `/sandbox/auth.html?session_token=${token}` })).body;
    for (const u of [
      'user_good',
      'user_bad_password',
      'user_locked',
      'user_bank_down',
      'user_consent_expiring',
    ])
      expect(sr).toContain(`<code>${u}</code>`);
    expect(sr).toContain('pogrešna lozinka');
    const en = (
      await t.app.inject({ method: 'GET', url: `/sandbox/auth.html?session_token=${token}&lang=en` })
    ).body;
    expect(en).toContain('Sign in to online banking');
    expect(en).toContain('Approve access');
    expect(en).toContain('wrong password');
    expect(en).not.toContain('Odobri pristup');
  });
});

describe('GET /connect/check (the widget asks on open)', () => {
  const check = (token: string) =>
    t.app.inject({ method: 'GET', url: '/connect/check', headers: { authorization: `Bearer ${token}` } });

  it('accepts a key and a live link token; refuses a bad key, an unknown or expired link token', async () => {
    expect((await check(MANI_KEY)).json()).toEqual({
      valid: true,
      credential: 'api_key',
      environment: 'sandbox',
    });
    const link = await inject('POST', '/link/token', { user_id: 'tu_check' });
    const linkToken = link.json().link_token as string;
    expect((await check(linkToken)).json()).toEqual({
      valid: true,
      credential: 'link_token',
      environment: 'sandbox',
    });
    expectError(await check('od_test_sk_doesnotexist000'), 'INVALID_API_KEY', 401);
    expectError(await check('link_neverissued'), 'INVALID_API_KEY', 401);
    t.clock.advance(31 * 60_000);
    const expired = expectError(await check(linkToken), 'INVALID_API_KEY', 401);
    expect(String(expired.error_message)).toContain('expired');
  });
});
