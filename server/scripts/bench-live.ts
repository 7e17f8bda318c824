/**
 * Live-bank import bench: OpenDinar (SQLite, or PostgreSQL with TEST_DATABASE_URL) against an
 * in-process bank-sim. Connects bank-sim user `big10000` (one RSD account with 10,000 booked
 * transactions) at Raiffeisen with a live key, then times the first import (POST /connect/exchange)
 * and a forced refresh (POST /accounts/:id/sync), with the requests each made to the bank.
 *
 *   cd server && npx tsx scripts/bench-live.ts [username]
 */
import { createLiveRig, LIVE } from '../test/helpers/live.js';

const username = process.argv[2] ?? 'big10000';

async function main(): Promise<void> {
  const r = await createLiveRig(new Date().toISOString());
  try {
    const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
      r.t.app.inject({ method, url, headers: LIVE, ...(payload && { payload }) });
    const bankRequests = async () =>
      (await r.simCall<{ requests: unknown[] }>('GET', '/sim/requests?bankId=raiffeisen')).body.requests
        .length;

    const s = await inject('POST', '/connect', {
      bank_id: 'raiffeisen',
      user_id: 'bench',
      redirect_url: 'https://app.example.rs/x',
    });
    const consents = await r.simCall<{ consents: Array<{ consentId: string }> }>('GET', '/sim/consents');
    await r.simCall('POST', `/sim/consents/${consents.body.consents[0]?.consentId}/approve`, { username });
    const status = (await inject('GET', `/connect/status/${s.json().session_token}`)).json();
    const before = await bankRequests();
    let t0 = performance.now();
    const ex = await inject('POST', '/connect/exchange', { public_token: status.public_token });
    const importMs = performance.now() - t0;
    if (ex.statusCode !== 200) throw new Error(ex.body);
    const importRequests = (await bankRequests()) - before;
    const accounts = (
      (await inject('GET', '/accounts')).json().accounts as Array<{ id: string; connection_id: string }>
    ).filter((a) => a.connection_id === ex.json().connection_id);
    let total = 0;
    for (const a of accounts)
      total += (await inject('GET', `/accounts/${a.id}/transactions?limit=1`)).json().total;

    r.t.clock.advance(6 * 3_600_000);
    const before2 = await bankRequests();
    t0 = performance.now();
    const sync = await inject('POST', `/accounts/${accounts[0]?.id}/sync`, {});
    const refreshMs = performance.now() - t0;
    if (sync.statusCode !== 200) throw new Error(sync.body);
    const refreshRequests = (await bankRequests()) - before2;
    const db = process.env.TEST_DATABASE_URL ? 'postgresql' : 'sqlite';
    console.log(
      JSON.stringify({
        db,
        username,
        transactions_imported: total,
        first_import_ms: Math.round(importMs),
        first_import_bank_requests: importRequests,
        refresh_ms: Math.round(refreshMs),
        refresh_bank_requests: refreshRequests,
        refresh_counts: sync.json(),
      }),
    );
  } finally {
    await r.close();
  }
}

void main();
