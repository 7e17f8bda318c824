import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepConsents } from '../src/transactions/scheduler.js';
import { expectError } from './helpers/contract.js';
import { createLiveRig, LIVE, type LiveRig } from './helpers/live.js';

/**
 * The live path end to end against a running bank-sim (Berlin Group XS2A 1.3.11): connect →
 * bank SCA page → callback / status poll → exchange → reads, cursor sync through pending → booked
 * with new ids, faults, budget, consent expiry → reauth_required → update mode with the same ids.
 */
let r: LiveRig;
beforeAll(async () => {
  r = await createLiveRig();
});
afterAll(async () => r?.close());

const DAY = 86_400_000;
type Json = Record<string, unknown>;
const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  r.t.app.inject({ method, url, headers: LIVE, ...(payload !== undefined && { payload: payload as Json }) });

async function start(bankId: string, userId: string, extra: Json = {}) {
  const res = await inject('POST', '/connect', {
    bank_id: bankId,
    user_id: userId,
    redirect_url: 'https://app.example.rs/done',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { session_token: string; auth_url: string };
}

/** Goes through the bank's own SCA page as a browser would and follows its redirect into OpenDinar. */
async function approveOnBankPage(authUrl: string, username: string, action: 'approve' | 'deny' = 'approve') {
  expect(authUrl.startsWith(r.simBase)).toBe(true);
  const page = await fetch(authUrl);
  const html = await page.text();
  expect(html).toContain('name="username"');
  expect(html).toContain('name="otp"');
  const form = /action="([^"]+)"/.exec(html)?.[1] as string;
  const res = await fetch(`${r.simBase}${form}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, otp: '123456', action }).toString(),
  });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location') as string);
  expect(back.pathname).toBe('/connect/callback');
  // The user's browser now arrives at OpenDinar's callback.
  return r.t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
}

async function exchange(sessionToken: string) {
  const status = await inject('GET', `/connect/status/${sessionToken}`);
  expect(status.json().status).toBe('authorized');
  const ex = await inject('POST', '/connect/exchange', { public_token: status.json().public_token });
  expect(ex.statusCode, ex.body).toBe(200);
  return ex.json().connection_id as string;
}

async function accountsOf(connectionId: string) {
  const res = await inject('GET', '/accounts');
  return (res.json().accounts as Array<Json>).filter((a) => a.connection_id === connectionId);
}

async function syncAll(accountId: string, cursor = '') {
  const added: Json[] = [];
  const modified: Json[] = [];
  const removed: Json[] = [];
  let next = cursor;
  for (;;) {
    const res = await inject('GET', `/accounts/${accountId}/transactions?cursor=${next}&limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    added.push(...b.added);
    modified.push(...b.modified);
    removed.push(...b.removed);
    next = b.next_cursor;
    if (!b.has_more) break;
  }
  return { added, modified, removed, cursor: next };
}

describe('live banks through XS2A (bank-sim)', () => {
  let connectionId = '';
  let rsdAccount = '';
  let cursor = '';

  it('POST /connect answers the bank SCA page; the bank redirect completes it and 302s to redirect_url', async () => {
    const s = await start('raiffeisen', 'user_live');
    expect(s.auth_url).toMatch(/\/raiffeisen\/sca\//);
    expect((await inject('GET', `/connect/status/${s.session_token}`)).json()).toEqual({ status: 'pending' });
    const cb = await approveOnBankPage(s.auth_url, 'ana');
    expect(cb.statusCode).toBe(302);
    expect(cb.headers.location).toBe('https://app.example.rs/done?status=authorized');
    connectionId = await exchange(s.session_token);

    const conns = (await inject('GET', '/connections')).json().connections as Json[];
    const c = conns.find((x) => x.connection_id === connectionId) as Json;
    expect(c.status).toBe('active');
    expect(c.consent_expires_at).toMatch(/^2027-06-0\dT23:59:59\.999Z$/);
    expect(c.last_refreshed_at).toBe(r.t.clock.now().toISOString());

    const accounts = await accountsOf(connectionId);
    expect(accounts.map((a) => a.currency).sort()).toEqual(['EUR', 'RSD']);
    rsdAccount = (accounts.find((a) => a.currency === 'RSD') as Json).id as string;
    const psu = await r.simCall<{ accounts: Array<{ resourceId: string; iban: string; currency: string }> }>(
      'GET',
      '/sim/psus/ana?bank=raiffeisen',
    );
    const rsdIban = psu.body.accounts.find((a) => a.currency === 'RSD')?.iban as string;
    expect((accounts.find((a) => a.currency === 'RSD') as Json).account_number).toBe(
      `${rsdIban.slice(4, 7)}-${rsdIban.slice(7, 20)}-${rsdIban.slice(20)}`,
    );

    // Balance as the bank reports it (closingBooked / interimAvailable).
    const bal = (await inject('GET', `/accounts/${rsdAccount}/balance`)).json();
    const resourceId = psu.body.accounts.find((a) => a.currency === 'RSD')?.resourceId as string;
    const consent = (
      await r.simCall<{ consents: Array<{ consentId: string; username: string }> }>('GET', '/sim/consents')
    ).body.consents.find((c) => c.username === 'ana')?.consentId as string;
    const bankSays = (await (
      await fetch(`${r.simBase}/raiffeisen/v1/accounts/${resourceId}/balances`, {
        headers: {
          'x-request-id': crypto.randomUUID(),
          'consent-id': consent,
          'psu-ip-address': '203.0.113.9',
        },
      })
    ).json()) as { balances: Array<{ balanceType: string; balanceAmount: { amount: string } }> };
    const amountOf = (type: string) =>
      Number(bankSays.balances.find((x) => x.balanceType === type)?.balanceAmount.amount);
    expect(bal.balance).toBe(amountOf('closingBooked'));
    expect(bal.available_balance).toBe(amountOf('interimAvailable'));

    // Identity offered (ownerName) by Raiffeisen.
    const id = await inject('GET', `/accounts/${rsdAccount}/identity`);
    expect(id.statusCode, id.body).toBe(200);
    expect((id.json().names as string[]).length).toBe(1);

    // Recurring detection runs on live data too (salary, rent, Netflix…).
    const rec = await inject('GET', `/accounts/${rsdAccount}/recurring`);
    expect(rec.statusCode, rec.body).toBe(200);
    // AUTH.AUTOMATICALLY_VERIFIED, as for the sandbox.
    const verified = await r.t.deps.db
      .selectFrom('webhook_events')
      .select('payload')
      .where('event_type', '=', 'AUTH.AUTOMATICALLY_VERIFIED')
      .where('environment', '=', 'live')
      .execute();
    expect(verified.map((e) => JSON.parse(e.payload).connection_id)).toContain(connectionId);

    // History: 90 days unattended, all of it, pages of 100 followed.
    const s1 = await syncAll(rsdAccount);
    expect(s1.added.length).toBeGreaterThan(50);
    expect(s1.added.some((x) => x.pending === 1)).toBe(true);
    cursor = s1.cursor;
  });

  it('cursor sync: pending → booked under a new id is removed + added (pending_transaction_id), no duplicates, no losses', async () => {
    const psu = await r.simCall<{ accounts: Array<{ resourceId: string; currency: string }> }>(
      'GET',
      '/sim/psus/ana?bank=raiffeisen',
    );
    const resourceId = psu.body.accounts.find((a) => a.currency === 'RSD')?.resourceId as string;
    const made = await r.simCall<{ transactions: Array<{ transactionId: string }> }>(
      'POST',
      `/sim/accounts/${resourceId}/transactions`,
      {
        transactions: [
          {
            amount: '-2499.90',
            remittanceInformationUnstructured: 'Kupovina karticom MAXI 123 BEOGRAD',
            status: 'pending',
            creditorName: 'MAXI',
          },
          { amount: '-790.00', remittanceInformationUnstructured: 'NETFLIX.COM', status: 'booked' },
        ],
      },
    );
    expect(made.status).toBe(201);
    r.t.clock.advance(6 * 3_600_000);
    const first = await inject('POST', `/accounts/${rsdAccount}/sync`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ added_count: 2, removed_count: 0 });
    const d1 = await syncAll(rsdAccount, cursor);
    expect(d1.added.map((x) => x.description).sort()).toEqual([
      'Kupovina karticom MAXI 123 BEOGRAD',
      'NETFLIX.COM',
    ]);
    const pendingTx = d1.added.find((x) => x.pending === 1) as Json;

    // The bank books the card payment a day later, with a fresh transactionId.
    r.t.clock.advance(DAY);
    const booked = await r.simCall(
      'POST',
      `/sim/accounts/${resourceId}/transactions/${made.body.transactions[0]?.transactionId}/book`,
      {
        newTransactionId: true,
      },
    );
    expect(booked.status).toBe(200);
    const second = await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' });
    expect(second.statusCode, second.body).toBe(200);
    const d2 = await syncAll(rsdAccount, d1.cursor);
    expect(d2.removed).toEqual([{ id: pendingTx.id }]);
    const posted = d2.added.find((x) => x.pending_transaction_id === pendingTx.id) as Json;
    expect(posted).toMatchObject({
      pending: 0,
      amount: -2499.9,
      description: 'Kupovina karticom MAXI 123 BEOGRAD',
    });
    // The PSU-present read went with PSU-IP-Address.
    const reqs = await r.simCall<{ requests: Array<{ path: string; psuIpAddress: string | null }> }>(
      'GET',
      '/sim/requests?bankId=raiffeisen',
    );
    expect(reqs.body.requests.some((q) => q.psuIpAddress === '203.0.113.7')).toBe(true);

    // A third pull with nothing new changes nothing.
    const third = await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' });
    expect(third.json()).toMatchObject({ added_count: 0, modified_count: 0, removed_count: 0 });
    // List mode holds each bank transaction once.
    const list = (await inject('GET', `/accounts/${rsdAccount}/transactions?limit=200`)).json();
    const ids = (list.transactions as Json[]).map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    cursor = (await syncAll(rsdAccount, d2.cursor)).cursor;
  });

  it('bank faults map to clear errors and change nothing', async () => {
    const before = (await inject('GET', `/accounts/${rsdAccount}/transactions?limit=1`)).json().total;
    // 5xx three times: retried with backoff, then 503 BANK_UNAVAILABLE with Retry-After.
    await r.simCall('POST', '/sim/faults', { bankId: 'raiffeisen', kind: 'status', status: 503, times: 3 });
    r.delays.length = 0;
    const down = await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' });
    expectError(down, 'BANK_UNAVAILABLE', 'ITEM_ERROR', 503);
    expect(down.headers['retry-after']).toBeDefined();
    expect(r.delays).toEqual([100, 200]);
    // One transient failure is absorbed by a retry.
    await r.simCall('POST', '/sim/faults', { bankId: 'raiffeisen', kind: 'drop', times: 1 });
    expect(
      (await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' })).statusCode,
    ).toBe(200);
    // Slow beyond the timeout on every attempt.
    await r.simCall('POST', '/sim/faults', { bankId: 'raiffeisen', kind: 'slow', delayMs: 2500, times: 3 });
    expectError(
      await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' }),
      'BANK_UNAVAILABLE',
      'ITEM_ERROR',
      503,
    );
    // An unexpected error answer.
    await r.simCall('POST', '/sim/faults', {
      bankId: 'raiffeisen',
      kind: 'error',
      status: 400,
      code: 'FORMAT_ERROR',
      times: 1,
    });
    expectError(
      await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' }),
      'BANK_UNAVAILABLE',
      'ITEM_ERROR',
      503,
    );
    await r.simCall('DELETE', '/sim/faults');
    expect((await inject('GET', `/accounts/${rsdAccount}/transactions?limit=1`)).json().total).toBe(before);
    const conn = ((await inject('GET', '/connections')).json().connections as Json[]).find(
      (c) => c.connection_id === connectionId,
    );
    expect(conn?.status).toBe('active');
    expectError(
      await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: 'not-an-ip' }),
      'INVALID_FIELD',
      'INVALID_REQUEST',
      400,
    );
  });

  it('a used-up daily budget answers 429 BANK_ACCESS_LIMIT with Retry-After', async () => {
    r.t.clock.advance(DAY);
    let last = await inject('POST', `/accounts/${rsdAccount}/sync`);
    for (let i = 0; i < 6 && last.statusCode === 200; i++)
      last = await inject('POST', `/accounts/${rsdAccount}/sync`);
    expectError(last, 'BANK_ACCESS_LIMIT', 'ITEM_ERROR', 429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // With the user present the budget does not apply.
    expect(
      (await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' })).statusCode,
    ).toBe(200);
  });

  it('consent revoked at the bank → reauth_required, ITEM.LOGIN_REQUIRED, reads still served, sync 400 ITEM_LOGIN_REQUIRED', async () => {
    r.t.clock.advance(DAY);
    const consents = await r.simCall<{
      consents: Array<{ consentId: string; consentStatus: string; username: string }>;
    }>('GET', '/sim/consents');
    const mine = consents.body.consents.find((c) => c.consentStatus === 'valid' && c.username === 'ana');
    await r.simCall('POST', `/sim/consents/${mine?.consentId}/revoke`);
    expectError(
      await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' }),
      'ITEM_LOGIN_REQUIRED',
      'ITEM_ERROR',
      400,
    );
    const conn = ((await inject('GET', '/connections')).json().connections as Json[]).find(
      (c) => c.connection_id === connectionId,
    );
    expect(conn?.status).toBe('reauth_required');
    // The bank said CONSENT_INVALID; its consent status said why.
    const row = await r.t.deps.db
      .selectFrom('connections')
      .select('last_error')
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toBe('consent_revoked');
    expect((await inject('GET', `/accounts/${rsdAccount}/transactions?limit=5`)).statusCode).toBe(200);
    expect((await inject('GET', `/accounts/${rsdAccount}/balance`)).statusCode).toBe(200);
    expectError(
      await inject('POST', `/accounts/${rsdAccount}/sync`),
      'ITEM_LOGIN_REQUIRED',
      'ITEM_ERROR',
      400,
    );
    const events = await r.t.deps.db
      .selectFrom('webhook_events')
      .select(['event_type', 'payload'])
      .where('event_type', '=', 'ITEM.LOGIN_REQUIRED')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload).connection_id)).toEqual([connectionId]);
  });

  it('update mode: re-authorising the same connection keeps connection, account and transaction ids', async () => {
    const before = await syncAll(rsdAccount);
    const beforeIds = before.added.map((x) => x.id).sort();
    // bank_id must match.
    expectError(
      await inject('POST', '/connect', {
        bank_id: 'erste',
        user_id: 'user_live',
        redirect_url: 'https://app.example.rs/done',
        connection_id: connectionId,
      }),
      'INVALID_FIELD',
      'INVALID_REQUEST',
      400,
    );
    // Through a link token made for the connection (the widget path).
    const lt = await inject('POST', '/link/token', { user_id: 'user_live', connection_id: connectionId });
    expect(lt.statusCode, lt.body).toBe(201);
    const link = { authorization: `Bearer ${lt.json().link_token}` };
    const s = await r.t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: link,
      payload: { bank_id: 'raiffeisen', redirect_url: 'https://app.example.rs/done' },
    });
    expect(s.statusCode, s.body).toBe(201);
    // The user approves at the bank but never comes back: the status poll asks the bank.
    const consents = await r.simCall<{ consents: Array<{ consentId: string; consentStatus: string }> }>(
      'GET',
      '/sim/consents',
    );
    await r.simCall('POST', `/sim/consents/${consents.body.consents[0]?.consentId}/approve`, {
      username: 'ana',
    });
    const status = await r.t.app.inject({
      method: 'GET',
      url: `/connect/status/${s.json().session_token}`,
      headers: link,
    });
    expect(status.json().status).toBe('authorized');
    const ex = await inject('POST', '/connect/exchange', { public_token: status.json().public_token });
    expect(ex.statusCode, ex.body).toBe(200);
    expect(ex.json().connection_id).toBe(connectionId);
    const conn = ((await inject('GET', '/connections')).json().connections as Json[]).find(
      (c) => c.connection_id === connectionId,
    );
    expect(conn?.status).toBe('active');
    expect((await accountsOf(connectionId)).map((a) => a.id)).toContain(rsdAccount);
    const after = await syncAll(rsdAccount);
    const afterIds = new Set(after.added.map((x) => x.id));
    // Every transaction held before is still there under the same id.
    expect(beforeIds.filter((id) => !afterIds.has(id))).toEqual([]);
    expect(
      (await inject('POST', `/accounts/${rsdAccount}/sync`, { user_ip: '203.0.113.7' })).statusCode,
    ).toBe(200);
  });

  it('consent expiry: ITEM.PENDING_EXPIRATION 7 days before, then reauth_required by the scheduler sweep', async () => {
    const conn = ((await inject('GET', '/connections')).json().connections as Json[]).find(
      (c) => c.connection_id === connectionId,
    );
    const expires = Date.parse(conn?.consent_expires_at as string);
    r.t.clock.set(new Date(expires - 6 * DAY));
    expect(await sweepConsents(r.t.deps)).toEqual({ expiring: 1, expired: 0 });
    expect(await sweepConsents(r.t.deps)).toEqual({ expiring: 0, expired: 0 });
    r.t.clock.set(new Date(expires + 1000));
    expect(await sweepConsents(r.t.deps)).toEqual({ expiring: 0, expired: 1 });
    const after = ((await inject('GET', '/connections')).json().connections as Json[]).find(
      (c) => c.connection_id === connectionId,
    );
    expect(after?.status).toBe('reauth_required');
  });

  it('erste (no bookingStatus=both, no ownerName): booked and pending fetched separately; identity unavailable; revoke deletes the consent', async () => {
    const s = await start('erste', 'user_erste');
    const cb = await approveOnBankPage(s.auth_url, 'marko');
    expect(cb.headers.location).toBe('https://app.example.rs/done?status=authorized');
    const id = await exchange(s.session_token);
    const accounts = await accountsOf(id);
    expect(accounts.length).toBe(2);
    const rsd = accounts.find((a) => a.currency === 'RSD') as Json;
    expectError(
      await inject('GET', `/accounts/${rsd.id}/identity`),
      'IDENTITY_UNAVAILABLE',
      'ITEM_ERROR',
      404,
    );
    const reqs = await r.simCall<{ requests: Array<{ method: string; path: string; status: number }> }>(
      'GET',
      '/sim/requests?bankId=erste',
    );
    expect(
      reqs.body.requests.filter((q) => q.path.includes('/transactions')).every((q) => q.status === 200),
    ).toBe(true);
    const del = await inject('DELETE', `/connections/${id}`);
    expect(del.statusCode).toBe(200);
    const consents = await r.simCall<{
      consents: Array<{ bankId: string; consentStatus: string; username: string }>;
    }>('GET', '/sim/consents');
    expect(
      consents.body.consents.find((c) => c.bankId === 'erste' && c.username === 'marko')?.consentStatus,
    ).toBe('terminatedByTpp');
  });

  it('a user who declines at the bank: callback 302 with status=denied, status poll denied', async () => {
    const s = await start('raiffeisen', 'user_no');
    const cb = await approveOnBankPage(s.auth_url, 'ana', 'deny');
    expect(cb.headers.location).toBe('https://app.example.rs/done?status=denied');
    expect((await inject('GET', `/connect/status/${s.session_token}`)).json()).toEqual({ status: 'denied' });
  });
});
