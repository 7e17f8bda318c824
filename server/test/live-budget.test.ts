import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRefreshableConnections } from '../src/transactions/refresh-store.js';
import { refreshIfDue, sweepConsents } from '../src/transactions/scheduler.js';
import { expectError } from './helpers/contract.js';
import { createLiveRig, LIVE, type LiveRig } from './helpers/live.js';

/** Exchange-time faults, paging, and the daily budget over a simulated week (both clocks move together). */
let r: LiveRig;
beforeAll(async () => {
  r = await createLiveRig('2026-12-06T10:00:00.000Z');
});
afterAll(async () => r?.close());

const HOUR = 3_600_000;
type Json = Record<string, unknown>;
const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  r.t.app.inject({ method, url, headers: LIVE, ...(payload !== undefined && { payload: payload as Json }) });

/** Connect through the bank without a browser: /sim approves the consent, the status poll notices. */
async function authorizeWithoutRedirect(bankId: string, userId: string, username: string): Promise<string> {
  const s = await inject('POST', '/connect', {
    bank_id: bankId,
    user_id: userId,
    redirect_url: 'https://app.example.rs/x',
  });
  expect(s.statusCode, s.body).toBe(201);
  const consents = await r.simCall<{ consents: Array<{ consentId: string }> }>('GET', '/sim/consents');
  await r.simCall('POST', `/sim/consents/${consents.body.consents[0]?.consentId}/approve`, { username });
  const st = await inject('GET', `/connect/status/${s.json().session_token}`);
  expect(st.json().status).toBe('authorized');
  return st.json().public_token as string;
}

const connectionCount = async () =>
  Number(
    (
      await r.t.deps.db
        .selectFrom('connections')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('environment', '=', 'live')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('live banks: exchange faults, paging, budget', () => {
  const ids: Record<string, string> = {};

  it('a bank failing during the exchange answers a clear error, stores nothing, and the token still works', async () => {
    const token = await authorizeWithoutRedirect('erste', 'user_week_e', 'mila');
    await r.simCall('POST', '/sim/faults', {
      bankId: 'erste',
      pathPattern: 'transactions',
      kind: 'status',
      status: 502,
      times: 3,
    });
    expectError(
      await inject('POST', '/connect/exchange', { public_token: token }),
      'BANK_UNAVAILABLE',
      'ITEM_ERROR',
      503,
    );
    expect(await connectionCount()).toBe(0);
    await r.simCall('POST', '/sim/faults', {
      bankId: 'erste',
      pathPattern: 'transactions',
      kind: 'drop',
      times: 3,
    });
    expectError(
      await inject('POST', '/connect/exchange', { public_token: token }),
      'BANK_UNAVAILABLE',
      'ITEM_ERROR',
      503,
    );
    expect(await connectionCount()).toBe(0);
    await r.simCall('DELETE', '/sim/faults');
    const ok = await inject('POST', '/connect/exchange', { public_token: token });
    expect(ok.statusCode, ok.body).toBe(200);
    ids.erste = ok.json().connection_id;
    expect(await connectionCount()).toBe(1);
  });

  it('follows every _links.next page (Erste: 50 a page; booked and pending asked separately)', async () => {
    const reqs = await r.simCall<{ requests: Array<{ method: string; path: string; status: number }> }>(
      'GET',
      '/sim/requests?bankId=erste',
    );
    const tx = reqs.body.requests.filter((q) => q.status === 200 && q.path.includes('/transactions'));
    const accounts = (await inject('GET', '/accounts')).json().accounts as Json[];
    const rsd = accounts.find((a) => a.connection_id === ids.erste && a.currency === 'RSD') as Json;
    const total = (await inject('GET', `/accounts/${rsd.id}/transactions?limit=1`)).json().total as number;
    expect(total).toBeGreaterThan(50);
    // More requests than one per (account × booking status): the next pages were followed.
    expect(tx.length).toBeGreaterThan(4);
  });

  it('scheduled refreshes over a simulated week stay inside 4 unattended reads a day per consent', async () => {
    const token = await authorizeWithoutRedirect('raiffeisen', 'user_week_r', 'vuk');
    ids.raiffeisen = (
      await inject('POST', '/connect/exchange', { public_token: token })
    ).json().connection_id;
    const refreshed: Record<string, number> = {};
    for (let h = 0; h < 7 * 24; h++) {
      r.t.clock.advance(HOUR);
      await sweepConsents(r.t.deps);
      for (const c of await listRefreshableConnections(r.t.deps.db)) {
        // The scheduler at a 1-hour interval: without the budget it would pull 24 times a day.
        const out = await refreshIfDue(r.t.deps, c, HOUR);
        if (out.status === 'refreshed') refreshed[c.id] = (refreshed[c.id] ?? 0) + 1;
      }
    }
    // Raiffeisen: one read per refresh → every 6 hours; Erste: booked + pending → every 12 hours.
    expect(refreshed[ids.raiffeisen as string]).toBe(28);
    expect(refreshed[ids.erste as string]).toBe(14);
    const reqs = await r.simCall<{ requests: Array<{ status: number; path: string }> }>(
      'GET',
      '/sim/requests',
    );
    expect(reqs.body.requests.filter((q) => q.status === 429)).toEqual([]);
    const conns = (await inject('GET', '/connections')).json().connections as Json[];
    for (const c of conns) expect(c.status).toBe('active');
    // 168 scheduler ticks and 42 real refreshes through bank-sim (about 1,700 queries): 6–20 s on an
    // idle machine, over a minute on PostgreSQL when the 2-core machine is also running other work.
  }, 240_000);
});
