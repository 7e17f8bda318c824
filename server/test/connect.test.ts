import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchProfile } from '../src/connections/import.js';
import { connectorsOf } from '../src/http/principals.js';
import { sha256Hex } from '../src/ids.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';

const LIVE_KEY = 'od_live_sk_connectflowLive0001';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A live key for the same developer as Mani App.
  await t.deps.db
    .insertInto('api_keys')
    .values({
      id: 'key_live_test',
      developer_id: 'dev_mani_app',
      key_hash: sha256Hex(LIVE_KEY),
      prefix: LIVE_KEY.slice(0, 15),
      app_name: 'Mani App (live)',
      environment: 'live',
      redirect_urls: JSON.stringify(['https://x.rs/']),
      scopes: JSON.stringify(['accounts:read', 'balance:read', 'transactions:read']),
      status: 'active',
      created_at: t.clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
});
afterAll(async () => t.close());

const MINUTE = 60_000;
type Headers = Record<string, string>;

const post = (url: string, payload: unknown, headers: Headers = auth(MANI_KEY)) =>
  t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
const get = (url: string, headers: Headers = auth(MANI_KEY)) => t.app.inject({ method: 'GET', url, headers });

async function start(bankId = 'raiffeisen', headers: Headers = auth(MANI_KEY), userId = 'user_flow') {
  const res = await post(
    '/connect',
    { bank_id: bankId, user_id: userId, redirect_url: 'https://app.example.rs/done' },
    headers,
  );
  expect(res.statusCode).toBe(201);
  return res.json() as { session_token: string; auth_url: string; expires_in: number; status: string };
}

async function authorize(sessionToken: string) {
  const res = await post('/sandbox/authorize', { session_token: sessionToken }, {});
  expect(res.statusCode).toBe(200);
  return res.json() as { status: string; public_token: string; expires_in: number };
}

const expectError = (
  res: { statusCode: number; json(): { error_code: string } },
  status: number,
  code: string,
) => {
  expect({ status: res.statusCode, code: res.json().error_code }).toEqual({ status, code });
};

const eventsOfType = (type: string) =>
  t.deps.db.selectFrom('webhook_events').selectAll().where('event_type', '=', type).execute();

describe('POST /connect', () => {
  it('opens a 10-minute pending session with an auth_url on the sandbox bank page', async () => {
    const s = await start();
    expect(s.session_token).toMatch(/^sess_[A-Za-z0-9]{32}$/);
    expect(s).toMatchObject({ expires_in: 600, status: 'pending' });
    expect(s.auth_url).toBe(`http://localhost:3000/sandbox/auth.html?session_token=${s.session_token}`);
    // Stored hashed only.
    const row = await t.deps.db
      .selectFrom('connect_sessions')
      .selectAll()
      .where('token_hash', '=', sha256Hex(s.session_token))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(s.session_token);
    expect(row).toMatchObject({
      status: 'pending',
      bank_id: 'raiffeisen',
      user_id: 'user_flow',
      api_key_id: 'key_mani_app',
    });
    expect(row.expires_at).toBe('2026-04-04T10:40:00.000Z');
  });

  it('lets a sandbox key connect live and sandbox-status banks', async () => {
    for (const bank of ['raiffeisen', 'erste', 'aik']) await start(bank);
  });

  it('answers MISSING_FIELDS naming what is missing', async () => {
    const none = await post('/connect', {});
    expectError(none, 400, 'MISSING_FIELDS');
    expect(none.json().error_message).toContain('bank_id');
    expect(none.json().error_message).toContain('redirect_url');
    const noUser = await post('/connect', { bank_id: 'erste', redirect_url: 'https://x.rs/' });
    expectError(noUser, 400, 'MISSING_FIELDS');
    expect(noUser.json().error_message).toContain('user_id');
  });

  it('refuses a redirect_url that is not an http(s) URL', async () => {
    for (const redirect_url of ['javascript:alert(1)', 'not a url', 'ftp://x.rs/', '/relative']) {
      const res = await post('/connect', { bank_id: 'erste', user_id: 'u', redirect_url });
      expectError(res, 400, 'INVALID_FIELD');
      expect(res.json().error_message).toContain('redirect_url');
    }
  });

  it('answers BANK_NOT_FOUND and BANK_NOT_AVAILABLE', async () => {
    expectError(
      await post('/connect', { bank_id: 'nobank', user_id: 'u', redirect_url: 'https://x.rs/' }),
      404,
      'BANK_NOT_FOUND',
    );
    for (const bank_id of ['intesa', 'otp', 'unicredit']) {
      expectError(
        await post('/connect', { bank_id, user_id: 'u', redirect_url: 'https://x.rs/' }),
        400,
        'BANK_NOT_AVAILABLE',
      );
    }
  });

  it('lets a live key connect only live banks, and only through a live connector (none yet)', async () => {
    const live = auth(LIVE_KEY);
    const rai = await post(
      '/connect',
      { bank_id: 'raiffeisen', user_id: 'u', redirect_url: 'https://x.rs/' },
      live,
    );
    expectError(rai, 400, 'BANK_NOT_AVAILABLE');
    expect(rai.json().error_message).toMatch(/no live connector is configured for Raiffeisen Bank/i);
    const aik = await post('/connect', { bank_id: 'aik', user_id: 'u', redirect_url: 'https://x.rs/' }, live);
    expectError(aik, 400, 'BANK_NOT_AVAILABLE');
    expect(aik.json().error_message).toMatch(/sandbox only/);
    expectError(
      await post('/connect', { bank_id: 'otp', user_id: 'u', redirect_url: 'https://x.rs/' }, live),
      400,
      'BANK_NOT_AVAILABLE',
    );
    expect(
      await t.deps.db
        .selectFrom('connect_sessions')
        .select('id')
        .where('api_key_id', '=', 'key_live_test')
        .execute(),
    ).toEqual([]);
  });

  it('needs a key', async () => {
    expectError(
      await post('/connect', { bank_id: 'erste', user_id: 'u', redirect_url: 'https://x.rs/' }, {}),
      401,
      'MISSING_API_KEY',
    );
    expectError(
      await post(
        '/connect',
        { bank_id: 'erste', user_id: 'u', redirect_url: 'https://x.rs/' },
        auth('od_test_sk_unknownKey123'),
      ),
      401,
      'INVALID_API_KEY',
    );
  });
});

describe('the token flow', () => {
  it('goes pending → authorized → exchanged, and the connection has data', async () => {
    const s = await start('raiffeisen');
    expect((await get(`/connect/status/${s.session_token}`)).json()).toEqual({ status: 'pending' });

    const a = await authorize(s.session_token);
    expect(a.public_token).toMatch(/^public_[A-Za-z0-9]{32}$/);
    expect(a).toMatchObject({ status: 'authorized', expires_in: 300 });

    t.clock.advance(60_000);
    const polled = await get(`/connect/status/${s.session_token}`);
    expect(polled.json()).toEqual({ status: 'authorized', public_token: a.public_token, expires_in: 240 });

    const ex = await post('/connect/exchange', { public_token: a.public_token });
    expect(ex.statusCode).toBe(200);
    expect(ex.json()).toEqual({
      connection_id: expect.stringMatching(/^conn_/),
      bank_id: 'raiffeisen',
      status: 'active',
    });
    const connectionId = ex.json().connection_id as string;
    expect((await get(`/connect/status/${s.session_token}`)).json()).toEqual({ status: 'exchanged' });

    // The public token is stored hashed (and sealed until the exchange, then dropped).
    const row = await t.deps.db
      .selectFrom('connect_sessions')
      .selectAll()
      .where('token_hash', '=', sha256Hex(s.session_token))
      .executeTakeFirstOrThrow();
    expect(row.public_token_hash).toBe(sha256Hex(a.public_token));
    expect(JSON.stringify(row)).not.toContain(a.public_token);
    expect(row).toMatchObject({
      status: 'exchanged',
      connection_id: connectionId,
      public_token_enc: null,
      grant_enc: null,
    });

    const conn = await t.deps.db
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    expect(conn).toMatchObject({
      api_key_id: 'key_mani_app',
      bank_id: 'raiffeisen',
      user_id: 'user_flow',
      connector: 'sandbox',
      status: 'active',
    });
    expect(conn.grant_enc).toMatch(/^v1\./);

    const accounts = (await get('/accounts?bank_id=raiffeisen')).json().accounts as Array<{
      id: string;
      connection_id: string;
    }>;
    const mine = accounts.filter((x) => x.connection_id === connectionId);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.length).toBeLessThanOrEqual(2);
    for (const acc of mine) {
      const txns = await get(`/accounts/${acc.id}/transactions?from=2025-01-01&to=2026-04-04&limit=200`);
      expect(txns.statusCode).toBe(200);
      const dates = (txns.json().transactions as Array<{ date: string }>).map((x) => x.date);
      expect(txns.json().total).toBeGreaterThan(20);
      // ≥ 12 months of history ending today.
      const all = await t.deps.db
        .selectFrom('transactions')
        .select(['date'])
        .where('account_id', '=', acc.id)
        .orderBy('date')
        .execute();
      expect((all[0]?.date ?? '9999') <= '2025-04-04').toBe(true);
      expect((dates[0] ?? '9999') <= '2026-04-04').toBe(true);
    }
    // Raiffeisen has identity data.
    const first = mine[0] as { id: string };
    const identity = await get(`/accounts/${first.id}/identity`);
    expect(identity.statusCode).toBe(200);
    expect(identity.json().names.length).toBeGreaterThan(0);
  });

  it('gives Erste accounts no identity', async () => {
    const s = await start('erste');
    const a = await authorize(s.session_token);
    const ex = await post('/connect/exchange', { public_token: a.public_token });
    const accounts = (await get('/accounts?bank_id=erste')).json().accounts as Array<{
      id: string;
      connection_id: string;
    }>;
    const mine = accounts.filter((x) => x.connection_id === ex.json().connection_id);
    expect(mine.length).toBeGreaterThan(0);
    const id = await get(`/accounts/${mine[0]?.id}/identity`);
    expectError(id, 404, 'IDENTITY_UNAVAILABLE');
  });

  it('generates history deterministically from the session (same seed → same data), different across sessions', async () => {
    const { createSandboxConnector } = await import('../src/connectors/sandbox/connector.js');
    const c = createSandboxConnector({ identityBanks: ['raiffeisen'] });
    const g1 = await c.completeAuthorization({ bankId: 'aik', userId: 'u', sessionId: 'cs_same', state: '' });
    const g2 = await c.completeAuthorization({ bankId: 'aik', userId: 'u', sessionId: 'cs_same', state: '' });
    const g3 = await c.completeAuthorization({
      bankId: 'aik',
      userId: 'u',
      sessionId: 'cs_other',
      state: '',
    });
    const p1 = await fetchProfile(c, g1.grant, '2026-04-04');
    expect(await fetchProfile(c, g2.grant, '2026-04-04')).toEqual(p1);
    expect((await fetchProfile(c, g3.grant, '2026-04-04')).accounts[0]?.accountNumber).not.toBe(
      p1.accounts[0]?.accountNumber,
    );
  });

  it('answers the exchange fast (profile generation is part of it)', async () => {
    const s = await start('raiffeisen');
    const a = await authorize(s.session_token);
    const began = performance.now();
    const ex = await post('/connect/exchange', { public_token: a.public_token });
    const ms = performance.now() - began;
    expect(ex.statusCode).toBe(200);
    expect(ms).toBeLessThan(2000);
  });

  it('fires AUTH.AUTOMATICALLY_VERIFIED in the outbox with connection_id, bank_id, user_id', async () => {
    // A subscribed webhook, so a delivery row is written too.
    await t.deps.db
      .insertInto('webhooks')
      .values({
        id: 'wh_connect_test',
        developer_id: 'dev_mani_app',
        url: 'https://hooks.example.rs/x',
        events: '[]',
        secret_enc: t.deps.box.seal('whsec_x'),
        created_at: t.clock.now().toISOString(),
        deleted_at: null,
      })
      .execute();
    const before = (await eventsOfType('AUTH.AUTOMATICALLY_VERIFIED')).length;
    const s = await start('aik', auth(MANI_KEY), 'user_hook');
    const a = await authorize(s.session_token);
    expect((await eventsOfType('AUTH.AUTOMATICALLY_VERIFIED')).length).toBe(before);
    const ex = await post('/connect/exchange', { public_token: a.public_token });
    const events = await eventsOfType('AUTH.AUTOMATICALLY_VERIFIED');
    expect(events.length).toBe(before + 1);
    const evt = events.find((e) => JSON.parse(e.payload).connection_id === ex.json().connection_id);
    expect(evt).toBeDefined();
    expect(JSON.parse(evt?.payload ?? '{}')).toEqual({
      webhook_type: 'AUTH',
      webhook_code: 'AUTOMATICALLY_VERIFIED',
      connection_id: ex.json().connection_id,
      bank_id: 'aik',
      user_id: 'user_hook',
      timestamp: Math.floor(t.clock.now().getTime() / 1000),
    });
    expect(evt).toMatchObject({ developer_id: 'dev_mani_app', environment: 'sandbox' });
    const deliveries = await t.deps.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('event_id', '=', evt?.id ?? '')
      .execute();
    expect(deliveries.map((d) => [d.webhook_id, d.status])).toEqual([['wh_connect_test', 'pending']]);

    // A failed exchange (already used) writes no event.
    const again = await post('/connect/exchange', { public_token: a.public_token });
    expectError(again, 410, 'PUBLIC_TOKEN_ALREADY_USED');
    expect((await eventsOfType('AUTH.AUTOMATICALLY_VERIFIED')).length).toBe(before + 1);
    await t.deps.db.deleteFrom('webhook_deliveries').where('webhook_id', '=', 'wh_connect_test').execute();
    await t.deps.db.deleteFrom('webhooks').where('id', '=', 'wh_connect_test').execute();
  });
});

describe('a failed exchange changes nothing', () => {
  it('rolls the claim back when the bank fails, so the token still works and no event or connection exists', async () => {
    const sandbox = connectorsOf(t.deps).sandbox;
    const s = await start('erste', auth(MANI_KEY), 'user_bank_down');
    const a = await authorize(s.session_token);
    const spy = vi.spyOn(sandbox, 'listTransactions').mockRejectedValueOnce(new Error('bank unavailable'));
    // On an SQLite file the sandbox history is generated on the writer thread from the connector's
    // recipe (no listTransactions call): a recipe that cannot be generated fails there instead.
    const recipe = sandbox.profileRecipe?.bind(sandbox);
    const recipeSpy = recipe
      ? vi.spyOn(sandbox, 'profileRecipe').mockImplementationOnce((grant, today) => {
          const r = recipe(grant, today);
          return { ...r, options: { ...r.options, bankId: 'no_such_bank' as 'erste' } };
        })
      : undefined;
    const failed = await post('/connect/exchange', { public_token: a.public_token });
    spy.mockRestore();
    recipeSpy?.mockRestore();
    expectError(failed, 500, 'INTERNAL_ERROR');
    const userRows = await t.deps.db
      .selectFrom('connections')
      .select('id')
      .where('user_id', '=', 'user_bank_down')
      .execute();
    expect(userRows).toEqual([]);
    const events = (await eventsOfType('AUTH.AUTOMATICALLY_VERIFIED')).filter(
      (e) => JSON.parse(e.payload).user_id === 'user_bank_down',
    );
    expect(events).toEqual([]);
    expect((await get(`/connect/status/${s.session_token}`)).json()).toMatchObject({ status: 'authorized' });
    const retried = await post('/connect/exchange', { public_token: a.public_token });
    expect(retried.statusCode).toBe(200);
    expect(
      (await eventsOfType('AUTH.AUTOMATICALLY_VERIFIED')).filter(
        (e) => JSON.parse(e.payload).user_id === 'user_bank_down',
      ),
    ).toHaveLength(1);
  });
});

describe('expiry (moved clock)', () => {
  it('expires a pending session after 10 minutes: SESSION_EXPIRED on status, authorize and the page', async () => {
    const s = await start();
    t.clock.advance(10 * MINUTE - 1000);
    expect((await get(`/connect/status/${s.session_token}`)).json()).toEqual({ status: 'pending' });
    t.clock.advance(1000);
    expectError(await get(`/connect/status/${s.session_token}`), 410, 'SESSION_EXPIRED');
    expectError(
      await post('/sandbox/authorize', { session_token: s.session_token }, {}),
      410,
      'SESSION_EXPIRED',
    );
    expectError(await post('/sandbox/deny', { session_token: s.session_token }, {}), 410, 'SESSION_EXPIRED');
  });

  it('expires the public token after 5 minutes: PUBLIC_TOKEN_EXPIRED on exchange and status', async () => {
    const s = await start();
    const a = await authorize(s.session_token);
    t.clock.advance(5 * MINUTE);
    expectError(
      await post('/connect/exchange', { public_token: a.public_token }),
      410,
      'PUBLIC_TOKEN_EXPIRED',
    );
    expectError(await get(`/connect/status/${s.session_token}`), 410, 'PUBLIC_TOKEN_EXPIRED');
    expect(
      await t.deps.db
        .selectFrom('connect_sessions')
        .select('connection_id')
        .where('token_hash', '=', sha256Hex(s.session_token))
        .executeTakeFirstOrThrow(),
    ).toEqual({ connection_id: null });
  });

  it('accepts the public token just before its 5 minutes are up', async () => {
    const s = await start();
    const a = await authorize(s.session_token);
    t.clock.advance(5 * MINUTE - 1000);
    expect((await get(`/connect/status/${s.session_token}`)).json()).toMatchObject({
      status: 'authorized',
      expires_in: 1,
    });
    expect((await post('/connect/exchange', { public_token: a.public_token })).statusCode).toBe(200);
  });

  it('keeps an authorized token valid past the session deadline (the token has its own 5 minutes)', async () => {
    const s = await start();
    t.clock.advance(9 * MINUTE);
    const a = await authorize(s.session_token);
    t.clock.advance(3 * MINUTE);
    expect((await post('/connect/exchange', { public_token: a.public_token })).statusCode).toBe(200);
  });
});

describe('exchange errors', () => {
  it('answers INVALID_PUBLIC_TOKEN for unknown tokens and MISSING_FIELDS without one', async () => {
    expectError(
      await post('/connect/exchange', { public_token: 'public_doesnotexist' }),
      404,
      'INVALID_PUBLIC_TOKEN',
    );
    expectError(await post('/connect/exchange', { public_token: 'garbage' }), 404, 'INVALID_PUBLIC_TOKEN');
    expectError(await post('/connect/exchange', {}), 400, 'MISSING_FIELDS');
  });

  it('answers PUBLIC_TOKEN_ALREADY_USED on a second exchange', async () => {
    const s = await start();
    const a = await authorize(s.session_token);
    expect((await post('/connect/exchange', { public_token: a.public_token })).statusCode).toBe(200);
    expectError(
      await post('/connect/exchange', { public_token: a.public_token }),
      410,
      'PUBLIC_TOKEN_ALREADY_USED',
    );
  });

  it('answers SESSION_NOT_FOUND for unknown session tokens', async () => {
    expectError(await get('/connect/status/sess_nope'), 404, 'SESSION_NOT_FOUND');
    expectError(
      await post('/sandbox/authorize', { session_token: 'sess_nope' }, {}),
      404,
      'SESSION_NOT_FOUND',
    );
    expectError(await post('/sandbox/authorize', {}, {}), 400, 'MISSING_FIELDS');
  });
});

describe('isolation: sessions, tokens and connections belong to the key that started them', () => {
  it('hides them from another key exactly as if they did not exist', async () => {
    const s = await start();
    expectError(await get(`/connect/status/${s.session_token}`, auth(DEMO_KEY)), 404, 'SESSION_NOT_FOUND');
    const a = await authorize(s.session_token);
    expectError(await get(`/connect/status/${s.session_token}`, auth(DEMO_KEY)), 404, 'SESSION_NOT_FOUND');
    expectError(
      await post('/connect/exchange', { public_token: a.public_token }, auth(DEMO_KEY)),
      404,
      'INVALID_PUBLIC_TOKEN',
    );
    // The foreign attempt did not burn the token.
    const ex = await post('/connect/exchange', { public_token: a.public_token });
    expect(ex.statusCode).toBe(200);
    const id = ex.json().connection_id as string;
    expectError(
      await post('/connect/exchange', { public_token: a.public_token }, auth(DEMO_KEY)),
      404,
      'INVALID_PUBLIC_TOKEN',
    );
    expect((await get('/connections', auth(DEMO_KEY))).json().connections).toEqual([]);
    expectError(
      await t.app.inject({ method: 'DELETE', url: `/connections/${id}`, headers: auth(DEMO_KEY) }),
      404,
      'CONNECTION_NOT_FOUND',
    );
    expect((await get('/accounts', auth(DEMO_KEY))).json().accounts).toEqual([]);
  });
});

describe('the sandbox user declines', () => {
  it('marks the session denied; polls answer {status:"denied"}; it cannot be approved afterwards', async () => {
    const s = await start();
    const d = await post('/sandbox/deny', { session_token: s.session_token }, {});
    expect(d.statusCode).toBe(200);
    expect(d.json()).toEqual({ status: 'denied' });
    expect((await get(`/connect/status/${s.session_token}`)).json()).toEqual({ status: 'denied' });
    // Idempotent, and final.
    expect((await post('/sandbox/deny', { session_token: s.session_token }, {})).json()).toEqual({
      status: 'denied',
    });
    expectError(
      await post('/sandbox/authorize', { session_token: s.session_token }, {}),
      409,
      'SESSION_ALREADY_COMPLETED',
    );
    // Still reported as denied after the session's 10 minutes.
    t.clock.advance(11 * MINUTE);
    expect((await get(`/connect/status/${s.session_token}`)).json()).toEqual({ status: 'denied' });
  });

  it('approving twice returns the same public token; declining after approval is refused', async () => {
    const s = await start();
    const a1 = await authorize(s.session_token);
    t.clock.advance(10_000);
    const a2 = await authorize(s.session_token);
    expect(a2).toEqual({ status: 'authorized', public_token: a1.public_token, expires_in: 290 });
    expectError(
      await post('/sandbox/deny', { session_token: s.session_token }, {}),
      409,
      'SESSION_ALREADY_COMPLETED',
    );
    await post('/connect/exchange', { public_token: a1.public_token });
    expectError(
      await post('/sandbox/authorize', { session_token: s.session_token }, {}),
      409,
      'SESSION_ALREADY_COMPLETED',
    );
  });
});

describe('link tokens keep the secret key out of browsers', () => {
  async function linkToken(userId = 'user_browser') {
    const res = await post('/link/token', { user_id: userId });
    expect(res.statusCode).toBe(201);
    return res.json() as { link_token: string; expires_in: number; user_id: string };
  }

  it('issues a 30-minute link_ token, stored hashed', async () => {
    const lt = await linkToken();
    expect(lt).toEqual({
      link_token: expect.stringMatching(/^link_[A-Za-z0-9]{32}$/),
      expires_in: 1800,
      user_id: 'user_browser',
    });
    const row = await t.deps.db
      .selectFrom('link_tokens')
      .selectAll()
      .where('token_hash', '=', sha256Hex(lt.link_token))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      api_key_id: 'key_mani_app',
      user_id: 'user_browser',
      environment: 'sandbox',
    });
    expect(JSON.stringify(row)).not.toContain(lt.link_token);
    expectError(await post('/link/token', {}), 400, 'MISSING_FIELDS');
    expectError(await post('/link/token', { user_id: 'x' }, {}), 401, 'MISSING_API_KEY');
  });

  it('can start and poll a session (user_id forced to the token’s); the key exchanges', async () => {
    const lt = await linkToken('user_browser');
    const linkAuth = auth(lt.link_token);
    const started = await post(
      '/connect',
      { bank_id: 'erste', user_id: 'someone_else', redirect_url: 'https://app.example.rs/' },
      linkAuth,
    );
    expect(started.statusCode).toBe(201);
    const s = started.json() as { session_token: string };
    const withoutUser = await post(
      '/connect',
      { bank_id: 'erste', redirect_url: 'https://app.example.rs/' },
      linkAuth,
    );
    expect(withoutUser.statusCode).toBe(201);
    expect((await get(`/connect/status/${s.session_token}`, linkAuth)).json()).toEqual({ status: 'pending' });
    const a = await authorize(s.session_token);
    expect((await get(`/connect/status/${s.session_token}`, linkAuth)).json()).toMatchObject({
      status: 'authorized',
      public_token: a.public_token,
    });

    // The exchange needs the real key.
    expectError(
      await post('/connect/exchange', { public_token: a.public_token }, linkAuth),
      401,
      'INVALID_API_KEY',
    );
    const ex = await post('/connect/exchange', { public_token: a.public_token });
    expect(ex.statusCode).toBe(200);
    const conn = (await get('/connections'))
      .json()
      .connections.find((c: { connection_id: string }) => c.connection_id === ex.json().connection_id);
    expect(conn.user_id).toBe('user_browser');
  });

  it('cannot see sessions of the key’s other users', async () => {
    const s = await start('erste', auth(MANI_KEY), 'user_other');
    const lt = await linkToken('user_browser');
    expectError(
      await get(`/connect/status/${s.session_token}`, auth(lt.link_token)),
      404,
      'SESSION_NOT_FOUND',
    );
    expect((await get(`/connect/status/${s.session_token}`)).json()).toEqual({ status: 'pending' });
  });

  it('is rejected by every other endpoint with INVALID_API_KEY', async () => {
    const lt = await linkToken();
    const h = auth(lt.link_token);
    const attempts = [
      t.app.inject({ method: 'GET', url: '/connections', headers: h }),
      t.app.inject({ method: 'DELETE', url: '/connections/conn_rai_001', headers: h }),
      t.app.inject({ method: 'GET', url: '/accounts', headers: h }),
      t.app.inject({ method: 'GET', url: '/accounts/acc_rai_001/balance', headers: h }),
      t.app.inject({ method: 'GET', url: '/accounts/acc_rai_001/transactions', headers: h }),
      t.app.inject({ method: 'POST', url: '/link/token', payload: { user_id: 'x' }, headers: h }),
      t.app.inject({
        method: 'POST',
        url: '/connect/exchange',
        payload: { public_token: 'public_x' },
        headers: h,
      }),
    ];
    for (const res of await Promise.all(attempts)) expectError(res, 401, 'INVALID_API_KEY');
  });

  it('expires after 30 minutes', async () => {
    const lt = await linkToken();
    t.clock.advance(30 * MINUTE);
    const res = await post(
      '/connect',
      { bank_id: 'erste', redirect_url: 'https://app.example.rs/' },
      auth(lt.link_token),
    );
    expectError(res, 401, 'INVALID_API_KEY');
    expect(res.json().error_message).toMatch(/expired/);
  });
});

describe('CORS (the widget calls the connect endpoints from browsers)', () => {
  it('answers the preflight for POST /connect with an Authorization header', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/connect',
      headers: {
        origin: 'https://shop.example.rs',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example.rs');
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    const actual = await post(
      '/connect',
      { bank_id: 'erste', user_id: 'u', redirect_url: 'https://shop.example.rs/' },
      { ...auth(MANI_KEY), origin: 'https://shop.example.rs' },
    );
    expect(actual.statusCode).toBe(201);
    expect(actual.headers['access-control-allow-origin']).toBe('https://shop.example.rs');
  });
});

describe('/docs', () => {
  it('documents the flow, link tokens, the sandbox page and revocation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    for (const needle of [
      'id="connect"',
      'POST /link/token',
      'POST /sandbox/deny',
      'Odobri pristup',
      'CONNECTION_ALREADY_REVOKED',
      'id="session_already_completed"',
    ]) {
      expect(res.body).toContain(needle);
    }
    const openapi = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/connect',
      '/connect/status/{session_token}',
      '/connect/exchange',
      '/link/token',
      '/connections',
      '/connections/{id}',
      '/sandbox/authorize',
      '/sandbox/deny',
    ]) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
  });
});
