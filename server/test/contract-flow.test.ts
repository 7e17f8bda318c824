/**
 * Contract audit (part 2): the Quickstart end to end through a freshly registered developer,
 * the Token Flow with its errors and lifetimes, connections and revocation, and the three
 * documented webhooks with their bodies and `OpenDinar-Signature` header.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRevokedConnections } from '../src/connections/purge.js';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import {
  connectThroughSandbox,
  DATE,
  expectError,
  expectMoney,
  ISO_INSTANT,
  PUBLIC_URL,
  TXN_KEYS,
} from './helpers/contract.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

/** The docs' "Node.js verification example", as written (with `import` for `require`). */
function verifyWebhook(secret: string, rawBody: string, signatureHeader: string): boolean {
  const parts = Object.fromEntries(signatureHeader.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest('hex');
  return expected === parts.v1;
}

describe('Quickstart, end to end (register → key → connect → sandbox authorize → status → exchange → accounts → transactions)', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await createTestApp();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('works as written, and the exchange fires AUTH.AUTOMATICALLY_VERIFIED to the registered webhook', async () => {
    // 1. Register: a sandbox key immediately.
    const reg = await t.app.inject({
      method: 'POST',
      url: '/developers/register',
      payload: { email: 'ana@example.rs', password: 'correct horse', name: 'Ana' },
    });
    expect(reg.statusCode).toBe(201);
    const r = reg.json();
    expect(r.developer).toEqual({
      id: expect.any(String),
      email: 'ana@example.rs',
      name: 'Ana',
      created_at: t.clock.now().toISOString(),
    });
    expect(r.session_token).toMatch(/^devses_/);
    expect(r.api_key).toMatchObject({
      environment: 'sandbox',
      app_name: expect.any(String),
      id: expect.any(String),
    });
    expect(r.api_key.key).toMatch(/^od_test_sk_/);
    const key = r.api_key.key as string;
    const dev = auth(r.session_token);

    // A webhook (all events by default), so the flow's events can be checked.
    const wh = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: dev,
      payload: { url: receiver.url },
    });
    expect(wh.statusCode).toBe(201);
    const secret = wh.json().secret as string;

    // 3. POST /connect → 201 {session_token:"sess_…", auth_url, expires_in:600, status:"pending"}.
    const started = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(key),
      payload: { bank_id: 'raiffeisen', user_id: 'user_123', redirect_url: 'https://app.example.com/done' },
    });
    expect(started.statusCode).toBe(201);
    const s = started.json();
    expect(Object.keys(s).sort()).toEqual(['auth_url', 'expires_in', 'session_token', 'status']);
    expect(s).toMatchObject({ expires_in: 600, status: 'pending' });
    expect(s.session_token).toMatch(/^sess_/);
    expect(s.auth_url).toMatch(new RegExp(`^${PUBLIC_URL}/sandbox/auth\\.html\\?`));

    // Check status: pending → exactly { status: "pending" }.
    const pending = await t.app.inject({
      method: 'GET',
      url: `/connect/status/${s.session_token}`,
      headers: auth(key),
    });
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toEqual({ status: 'pending' });

    // Sandbox-only endpoint: { "session_token": "sess_..." } (public).
    const authorized = await t.app.inject({
      method: 'POST',
      url: '/sandbox/authorize',
      payload: { session_token: s.session_token },
    });
    expect(authorized.statusCode).toBe(200);
    const a = authorized.json();
    expect(a).toEqual({
      status: 'authorized',
      public_token: expect.stringMatching(/^public_/),
      expires_in: 300,
    });

    // Authorized status: {status, public_token, expires_in:300}.
    const polled = await t.app.inject({
      method: 'GET',
      url: `/connect/status/${s.session_token}`,
      headers: auth(key),
    });
    expect(polled.json()).toEqual({ status: 'authorized', public_token: a.public_token, expires_in: 300 });

    // 4. Exchange → { connection_id: "conn_…", bank_id: "raiffeisen", status: "active" }.
    const exchanged = await t.app.inject({
      method: 'POST',
      url: '/connect/exchange',
      headers: { ...auth(key), 'content-type': 'application/json' },
      payload: JSON.stringify({ public_token: a.public_token }),
    });
    expect(exchanged.statusCode).toBe(200);
    const x = exchanged.json();
    expect(x).toEqual({
      connection_id: expect.stringMatching(/^conn_/),
      bank_id: 'raiffeisen',
      status: 'active',
    });

    const after = await t.app.inject({
      method: 'GET',
      url: `/connect/status/${s.session_token}`,
      headers: auth(key),
    });
    expect(after.json()).toEqual({ status: 'exchanged' });

    // 5. GET /accounts → the new connection's accounts.
    const accounts = (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(key) })).json()
      .accounts;
    expect(accounts.length).toBeGreaterThan(0);
    for (const acc of accounts) {
      expect(acc).toMatchObject({ object: 'account', connection_id: x.connection_id, bank_id: 'raiffeisen' });
      expect(acc.id).toMatch(/^acc_/);
      expect(['current', 'savings']).toContain(acc.type);
      expect(typeof acc.currency).toBe('string');
      expect(typeof acc.account_number).toBe('string');
      expect(typeof acc.name).toBe('string');
    }

    // GET /accounts/:id/transactions?limit=50 → list mode, newest first, documented transaction object.
    // The generated user's current account (a savings account may hold only a few transfers).
    const current = accounts.find((acc: { type: string }) => acc.type === 'current');
    expect(current).toBeDefined();
    const txRes = await t.app.inject({
      method: 'GET',
      url: `/accounts/${current.id}/transactions?limit=50`,
      headers: auth(key),
    });
    expect(txRes.statusCode).toBe(200);
    const list = txRes.json();
    expect(Object.keys(list).sort()).toEqual(['has_more', 'total', 'transactions']);
    expect(list.transactions).toHaveLength(50);
    expect(list.total).toBeGreaterThan(50);
    expect(list.has_more).toBe(true);
    for (const tx of list.transactions) {
      expect(Object.keys(tx).sort()).toEqual(expect.arrayContaining(TXN_KEYS));
      expect(tx.id).toMatch(/^txn_/);
      expect(tx.account_id).toBe(current.id);
      expect(tx.date).toMatch(DATE);
      expectMoney(tx.amount);
      expect([0, 1]).toContain(tx.pending);
      expect(tx.type).toBe(tx.amount < 0 ? 'debit' : 'credit');
    }

    // The connection is listed with the documented fields.
    const conns = (await t.app.inject({ method: 'GET', url: '/connections', headers: auth(key) })).json()
      .connections;
    expect(conns).toEqual([
      {
        connection_id: x.connection_id,
        bank_id: 'raiffeisen',
        bank_name: 'Raiffeisen Bank',
        user_id: 'user_123',
        status: 'active',
        created_at: t.clock.now().toISOString(),
        revoked_at: null,
        consent_expires_at: null,
        last_refreshed_at: t.clock.now().toISOString(),
      },
    ]);

    // AUTH.AUTOMATICALLY_VERIFIED, signed so the docs' verifyWebhook accepts it.
    await runDispatcherOnce(t.deps);
    expect(receiver.received).toHaveLength(1);
    const req = receiver.received[0];
    expect(req?.method).toBe('POST');
    expect(req?.headers['content-type']).toMatch(/^application\/json/);
    const raw = req?.raw.toString('utf8') ?? '';
    const header = String(req?.headers['opendinar-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, raw, header)).toBe(true);
    expect(verifyWebhook(secret, `${raw} `, header)).toBe(false);
    expect(
      Math.abs(Number(header.slice(2, header.indexOf(','))) - t.clock.now().getTime() / 1000),
    ).toBeLessThan(300);
    const body = JSON.parse(raw);
    expect(body).toEqual({
      webhook_type: 'AUTH',
      webhook_code: 'AUTOMATICALLY_VERIFIED',
      connection_id: x.connection_id,
      bank_id: 'raiffeisen',
      user_id: 'user_123',
      timestamp: Math.floor(t.clock.now().getTime() / 1000),
      event_id: expect.any(String),
      environment: 'sandbox',
    });
  });
});

describe('Token Flow: lifetimes, single use, errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const connect = (payload: Record<string, unknown>, key = MANI_KEY) =>
    t.app.inject({ method: 'POST', url: '/connect', headers: auth(key), payload });
  const status = (token: string, key = MANI_KEY) =>
    t.app.inject({ method: 'GET', url: `/connect/status/${token}`, headers: auth(key) });
  const exchange = (token: string, key = MANI_KEY) =>
    t.app.inject({
      method: 'POST',
      url: '/connect/exchange',
      headers: auth(key),
      payload: { public_token: token },
    });
  const authorize = (token: string) =>
    t.app.inject({ method: 'POST', url: '/sandbox/authorize', payload: { session_token: token } });
  const base = { user_id: 'user_123', redirect_url: 'https://app.example.com/done' };

  it('Start authorization: bank_id, user_id, redirect_url are required (MISSING_FIELDS)', async () => {
    for (const drop of ['bank_id', 'user_id', 'redirect_url']) {
      const payload: Record<string, unknown> = { bank_id: 'erste', ...base };
      delete payload[drop];
      const body = expectError(await connect(payload), 'MISSING_FIELDS', 'INVALID_REQUEST', 400);
      expect(body.error_message).toMatch(drop);
    }
  });

  it('unknown bank → BANK_NOT_FOUND; coming_soon bank → BANK_NOT_AVAILABLE', async () => {
    expectError(await connect({ bank_id: 'nobank', ...base }), 'BANK_NOT_FOUND', 'ITEM_ERROR', 404);
    const soon = (await t.app.inject({ method: 'GET', url: '/banks?status=coming_soon' })).json().banks;
    expect(soon.length).toBe(3);
    for (const b of soon) {
      expectError(await connect({ bank_id: b.id, ...base }), 'BANK_NOT_AVAILABLE', 'ITEM_ERROR', 400);
    }
  });

  it('a sandbox key may connect live and sandbox banks', async () => {
    for (const bank_id of ['raiffeisen', 'erste', 'aik']) {
      expect((await connect({ bank_id, ...base })).statusCode, bank_id).toBe(201);
    }
  });

  it('a live (od_live_sk_) key cannot connect a sandbox-only bank (BANK_NOT_AVAILABLE)', async () => {
    const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers,
      payload: { app_name: 'Mani Live', environment: 'live', redirect_urls: [base.redirect_url] },
    });
    expect(created.statusCode).toBe(201);
    const live = created.json().key as string;
    expect(live).toMatch(/^od_live_sk_/);
    expectError(await connect({ bank_id: 'aik', ...base }, live), 'BANK_NOT_AVAILABLE', 'ITEM_ERROR', 400);
    // The live key sees none of the sandbox key's data.
    const accounts = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(live) });
    expect(accounts.json()).toEqual({ accounts: [] });
  });

  it('unknown session → SESSION_NOT_FOUND; another key’s session → SESSION_NOT_FOUND', async () => {
    expectError(await status('sess_doesnotexist'), 'SESSION_NOT_FOUND', 'ITEM_ERROR', 404);
    expectError(await authorize('sess_doesnotexist'), 'SESSION_NOT_FOUND', 'ITEM_ERROR', 404);
    const s = (await connect({ bank_id: 'erste', ...base })).json().session_token;
    expectError(await status(s, DEMO_KEY), 'SESSION_NOT_FOUND', 'ITEM_ERROR', 404);
  });

  it('a session lives 10 minutes: SESSION_EXPIRED after (status and authorize)', async () => {
    const s = (await connect({ bank_id: 'erste', ...base })).json().session_token;
    t.clock.advance(599_000);
    expect((await status(s)).json()).toEqual({ status: 'pending' });
    t.clock.advance(2_000);
    expectError(await status(s), 'SESSION_EXPIRED', 'ITEM_ERROR', 410);
    expectError(await authorize(s), 'SESSION_EXPIRED', 'ITEM_ERROR', 410);
  });

  it('a public token lives 5 minutes: PUBLIC_TOKEN_EXPIRED after', async () => {
    const s = (await connect({ bank_id: 'erste', ...base })).json().session_token;
    const p = (await authorize(s)).json().public_token;
    t.clock.advance(301_000);
    expectError(await exchange(p), 'PUBLIC_TOKEN_EXPIRED', 'ITEM_ERROR', 410);
  });

  it('a public token is exchanged once: PUBLIC_TOKEN_ALREADY_USED on the second try', async () => {
    const s = (await connect({ bank_id: 'erste', ...base })).json().session_token;
    const p = (await authorize(s)).json().public_token;
    expect((await exchange(p)).statusCode).toBe(200);
    expectError(await exchange(p), 'PUBLIC_TOKEN_ALREADY_USED', 'ITEM_ERROR', 410);
  });

  it('unknown public token, or another key’s → INVALID_PUBLIC_TOKEN', async () => {
    expectError(await exchange('public_nope'), 'INVALID_PUBLIC_TOKEN', 'ITEM_ERROR', 404);
    const s = (await connect({ bank_id: 'erste', ...base })).json().session_token;
    const p = (await authorize(s)).json().public_token;
    expectError(await exchange(p, DEMO_KEY), 'INVALID_PUBLIC_TOKEN', 'ITEM_ERROR', 404);
    expect((await exchange(p)).statusCode).toBe(200);
  });

  it('isolation is per key: a second key of the same developer sees none of the first key’s data', async () => {
    const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    const other = (
      await t.app.inject({
        method: 'POST',
        url: '/developers/keys',
        headers,
        payload: { app_name: 'Mani 2', environment: 'sandbox' },
      })
    ).json().key as string;
    expect((await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(other) })).json()).toEqual({
      accounts: [],
    });
    expect((await t.app.inject({ method: 'GET', url: '/connections', headers: auth(other) })).json()).toEqual(
      { connections: [] },
    );
    expectError(
      await t.app.inject({ method: 'GET', url: '/accounts/acc_rai_001/balance', headers: auth(other) }),
      'ACCOUNT_NOT_FOUND',
      'ITEM_ERROR',
      404,
    );
    expectError(
      await t.app.inject({ method: 'DELETE', url: '/connections/conn_rai_001', headers: auth(other) }),
      'CONNECTION_NOT_FOUND',
      'ITEM_ERROR',
      404,
    );
    const s = (await connect({ bank_id: 'erste', ...base })).json().session_token;
    expectError(await status(s, other), 'SESSION_NOT_FOUND', 'ITEM_ERROR', 404);
    const p = (await authorize(s)).json().public_token;
    expectError(await exchange(p, other), 'INVALID_PUBLIC_TOKEN', 'ITEM_ERROR', 404);
  });

  it('exchange without public_token → MISSING_FIELDS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/connect/exchange',
      headers: auth(MANI_KEY),
      payload: {},
    });
    expectError(res, 'MISSING_FIELDS', 'INVALID_REQUEST', 400);
  });
});

describe('Connections, revocation and the webhooks they fire', () => {
  let t: TestApp;
  let receiver: Receiver;
  let secret: string;
  let onlyRevoked: Receiver;
  beforeAll(async () => {
    t = await createTestApp();
    receiver = await startReceiver();
    onlyRevoked = await startReceiver();
    const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    secret = (
      await t.app.inject({
        method: 'POST',
        url: '/developers/webhooks',
        headers,
        payload: { url: receiver.url },
      })
    ).json().secret;
    const filtered = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers,
      payload: { url: onlyRevoked.url, events: ['ITEM.CONNECTION_REVOKED'] },
    });
    expect(filtered.json().events).toEqual(['ITEM.CONNECTION_REVOKED']);
  });
  afterAll(async () => {
    await receiver.close();
    await onlyRevoked.close();
    await t.close();
  });

  const bodies = (r: Receiver) =>
    r.received.map((q) => JSON.parse(q.raw.toString('utf8')) as Record<string, unknown>);

  it('POST /accounts/:id/sync answers {object:"sync",…} and fires TRANSACTIONS.SYNC_UPDATES_AVAILABLE', async () => {
    t.clock.advance(3600_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/accounts/acc_rai_001/sync',
      headers: auth(MANI_KEY),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ object: 'sync', account_id: 'acc_rai_001' });
    expect(typeof body.sync_status).toBe('string');
    expect(Number.isInteger(body.added_count)).toBe(true);
    expect(body.added_count).toBeGreaterThan(0);
    await runDispatcherOnce(t.deps);
    const got = bodies(receiver).filter((b) => b.webhook_type === 'TRANSACTIONS');
    expect(got).toEqual([
      {
        webhook_type: 'TRANSACTIONS',
        webhook_code: 'SYNC_UPDATES_AVAILABLE',
        account_id: 'acc_rai_001',
        bank_id: 'raiffeisen',
        timestamp: Math.floor(t.clock.now().getTime() / 1000),
        event_id: expect.any(String),
        environment: 'sandbox',
      },
    ]);
    for (const r of receiver.received) {
      expect(verifyWebhook(secret, r.raw.toString('utf8'), String(r.headers['opendinar-signature']))).toBe(
        true,
      );
    }
    // The filtered webhook got nothing for this event.
    expect(onlyRevoked.received).toHaveLength(0);
  });

  it('DELETE /connections/:id revokes, hides accounts, deletes bank data and fires ITEM.CONNECTION_REVOKED', async () => {
    const accountIds = ['acc_rai_001', 'acc_rai_002'];
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/connections/conn_rai_001',
      headers: auth(MANI_KEY),
    });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ connection_id: 'conn_rai_001', status: 'revoked' });

    const conns = (await t.app.inject({ method: 'GET', url: '/connections', headers: auth(MANI_KEY) })).json()
      .connections as Record<string, unknown>[];
    const revoked = conns.find((c) => c.connection_id === 'conn_rai_001');
    expect(revoked).toMatchObject({ status: 'revoked', bank_id: 'raiffeisen', user_id: 'user_123' });
    expect(revoked?.revoked_at).toMatch(ISO_INSTANT);

    const accounts = (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) })).json()
      .accounts;
    expect(accounts.map((a: { id: string }) => a.id).sort()).toEqual(['acc_aik_001', 'acc_ers_001']);
    for (const id of accountIds) {
      for (const path of ['balance', 'transactions', 'identity', 'recurring']) {
        expectError(
          await t.app.inject({ method: 'GET', url: `/accounts/${id}/${path}`, headers: auth(MANI_KEY) }),
          'ACCOUNT_NOT_FOUND',
          'ITEM_ERROR',
          404,
        );
      }
    }
    // The rows themselves go in the background job (run here by hand).
    await purgeRevokedConnections(t.deps);
    const left = await t.deps.db
      .selectFrom('transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', 'in', accountIds)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);

    expectError(
      await t.app.inject({ method: 'DELETE', url: '/connections/conn_rai_001', headers: auth(MANI_KEY) }),
      'CONNECTION_ALREADY_REVOKED',
      'ITEM_ERROR',
      409,
    );
    expectError(
      await t.app.inject({ method: 'DELETE', url: '/connections/conn_nope', headers: auth(MANI_KEY) }),
      'CONNECTION_NOT_FOUND',
      'ITEM_ERROR',
      404,
    );

    await runDispatcherOnce(t.deps);
    const expected = {
      webhook_type: 'ITEM',
      webhook_code: 'CONNECTION_REVOKED',
      connection_id: 'conn_rai_001',
      bank_id: 'raiffeisen',
      user_id: 'user_123',
      timestamp: Math.floor(t.clock.now().getTime() / 1000),
      event_id: expect.any(String),
      environment: 'sandbox',
    };
    expect(bodies(receiver).filter((b) => b.webhook_type === 'ITEM')).toEqual([expected]);
    expect(bodies(onlyRevoked)).toEqual([expected]);
  });

  it('a connection made through the Token Flow also revokes and fires the event', async () => {
    const { connectionId } = await connectThroughSandbox(t, { bankId: 'erste', userId: 'user_9' });
    receiver.received.length = 0;
    onlyRevoked.received.length = 0;
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/connections/${connectionId}`,
      headers: auth(MANI_KEY),
    });
    expect(del.json()).toEqual({ connection_id: connectionId, status: 'revoked' });
    await runDispatcherOnce(t.deps);
    expect(bodies(onlyRevoked)).toEqual([
      expect.objectContaining({
        webhook_code: 'CONNECTION_REVOKED',
        connection_id: connectionId,
        user_id: 'user_9',
        bank_id: 'erste',
      }),
    ]);
    // The all-events webhook saw both AUTH (from the exchange) and ITEM.
    expect(
      bodies(receiver)
        .map((b) => `${b.webhook_type}.${b.webhook_code}`)
        .sort(),
    ).toEqual(['AUTH.AUTOMATICALLY_VERIFIED', 'ITEM.CONNECTION_REVOKED']);
  });
});

describe('API.md behaviour: exactly-once exchange, retried webhooks, auth_url from OPENDINAR_PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { OPENDINAR_PUBLIC_URL: 'https://api.opendinar.com' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('auth_url is built on OPENDINAR_PUBLIC_URL and the sandbox page has a login form', async () => {
    const s = (
      await t.app.inject({
        method: 'POST',
        url: '/connect',
        headers: auth(MANI_KEY),
        payload: { bank_id: 'aik', user_id: 'u', redirect_url: 'https://app.example.com/' },
      })
    ).json();
    expect(s.auth_url.startsWith('https://api.opendinar.com/sandbox/auth.html?session_token=sess_')).toBe(
      true,
    );
    const page = await t.app.inject({
      method: 'GET',
      url: `/sandbox/auth.html?session_token=${s.session_token}`,
    });
    expect(page.body).toMatch(/<input[^>]+name="username"/);
    expect(page.body).toMatch(/<input[^>]+type="password"/);
    expect(page.body).toContain('Odobri pristup');
  });

  it('concurrent exchanges of one public token: exactly one connection', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(MANI_KEY),
      payload: { bank_id: 'erste', user_id: 'race', redirect_url: 'https://app.example.com/' },
    });
    const p = (
      await t.app.inject({
        method: 'POST',
        url: '/sandbox/authorize',
        payload: { session_token: started.json().session_token },
      })
    ).json().public_token;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/connect/exchange',
          headers: auth(MANI_KEY),
          payload: { public_token: p },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expectError(r, 'PUBLIC_TOKEN_ALREADY_USED', 'ITEM_ERROR', 410, 'https://api.opendinar.com');
    }
    const conns = (await t.app.inject({ method: 'GET', url: '/connections', headers: auth(MANI_KEY) })).json()
      .connections;
    expect(conns.filter((c: { user_id: string }) => c.user_id === 'race')).toHaveLength(1);
  });

  it('a non-2xx answer is retried later with the same signed body', async () => {
    const receiver = await startReceiver(() => 500);
    try {
      const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
      const secret = (
        await t.app.inject({
          method: 'POST',
          url: '/developers/webhooks',
          headers,
          payload: { url: receiver.url },
        })
      ).json().secret;
      await t.app.inject({ method: 'DELETE', url: '/connections/conn_aik_001', headers: auth(MANI_KEY) });
      const first = await runDispatcherOnce(t.deps);
      expect(first).toMatchObject({ claimed: 1, retrying: 1 });
      expect(receiver.received).toHaveLength(1);
      // Not due again at once…
      expect((await runDispatcherOnce(t.deps)).claimed).toBe(0);
      // …but after the backoff.
      receiver.setResponder(() => 200);
      t.clock.advance(3600_000);
      expect(await runDispatcherOnce(t.deps)).toMatchObject({ claimed: 1, succeeded: 1 });
      expect(receiver.received).toHaveLength(2);
      const [a, b] = receiver.received.map((r) => r.raw.toString('utf8'));
      expect(JSON.parse(b ?? '')).toEqual(JSON.parse(a ?? ''));
      expect(JSON.parse(b ?? '')).toMatchObject({
        webhook_code: 'CONNECTION_REVOKED',
        connection_id: 'conn_aik_001',
      });
      const sig = String(receiver.received[1]?.headers['opendinar-signature']);
      expect(verifyWebhook(secret, b ?? '', sig)).toBe(true);
      // Signed at delivery time, so a receiver's 5-minute replay window accepts a late retry.
      expect(Number(sig.slice(2, sig.indexOf(',')))).toBe(Math.floor(t.clock.now().getTime() / 1000));
    } finally {
      await receiver.close();
    }
  });
});
