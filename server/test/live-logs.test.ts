import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createLiveRig, LIVE, type LiveRig } from './helpers/live.js';

/**
 * The live path never logs what identifies a bank customer: consent ids (a bearer credential at the
 * bank), IBANs and account holders' names — not on success, not when the bank fails.
 */
describe('live banks: no consent id, IBAN or name in the logs', () => {
  let r: LiveRig;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    r = await createLiveRig(new Date().toISOString());
    const stream = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    // The same buildApp main.ts uses (same redaction), logging everything, on the rig's dependencies.
    app = await buildApp(r.t.deps, { logger: { level: 'trace', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await r?.close();
  });

  it('a whole connection, reads and bank failures log none of them', async () => {
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      app.inject({ method, url, headers: LIVE, ...(payload && { payload }) });
    const s = await call('POST', '/connect', {
      bank_id: 'raiffeisen',
      user_id: 'user_logs',
      redirect_url: 'https://app.example.rs/done',
    });
    expect(s.statusCode, s.body).toBe(201);
    const consents = await r.simCall<{ consents: Array<{ consentId: string }> }>('GET', '/sim/consents');
    const consentId = consents.body.consents[0]?.consentId as string;
    await r.simCall('POST', `/sim/consents/${consentId}/approve`, { username: 'jelena.logs' });
    const status = (await call('GET', `/connect/status/${s.json().session_token}`)).json();
    expect(status.status).toBe('authorized');
    const ex = await call('POST', '/connect/exchange', { public_token: status.public_token });
    expect(ex.statusCode, ex.body).toBe(200);
    const accounts = (await call('GET', '/accounts')).json().accounts as Array<{
      id: string;
      connection_id: string;
    }>;
    const mine = accounts.filter((a) => a.connection_id === ex.json().connection_id);
    expect(mine.length).toBeGreaterThan(0);
    const id = mine[0]?.id as string;
    expect((await call('GET', `/accounts/${id}/identity`)).statusCode).toBe(200);
    // The bank fails: a 500 on every read, then a consent the PSU revoked.
    await r.simCall('POST', '/sim/faults', { kind: 'status', status: 500, pathPattern: '/accounts' });
    expect((await call('POST', `/accounts/${id}/sync`)).statusCode).toBe(503);
    await r.simCall('DELETE', '/sim/faults');
    await r.simCall('POST', `/sim/consents/${consentId}/revoke`);
    expect((await call('POST', `/accounts/${id}/sync`)).statusCode).toBe(400);

    const psu = await r.simCall<{ accounts: Array<{ iban: string; ownerName?: string }> }>(
      'GET',
      '/sim/psus/jelena.logs?bank=raiffeisen',
    );
    const needles = [consentId, ...psu.body.accounts.map((a) => a.iban)];
    const names = (await call('GET', `/accounts/${id}/identity`)).json().names as string[];
    needles.push(...names);
    expect(needles.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeGreaterThan(10);
    for (const needle of needles) {
      const hits = lines.filter((l) => l.includes(needle));
      expect(hits, `"${needle}" reached the logs`).toEqual([]);
    }
  });
});
