// Injected faults: tppMessages errors, bare HTTP statuses, slow answers, dropped connections.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Sim, startSim } from './helpers/sim.js';

let s: Sim;
let consentId: string;
let balances: string;
beforeAll(async () => {
  s = await startSim();
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  await s.sim('POST', '/sim/reset');
  const c = await connect(s, 'raiffeisen');
  consentId = c.consentId;
  balances = `/raiffeisen/v1/accounts/${c.accounts[0]?.resourceId}/balances`;
});

const read = () => s.xs('GET', balances, { consentId, psuIp: '192.0.2.1' });

describe('faults', () => {
  it('error: answers a tppMessages error with the given code and status, `times` times', async () => {
    const f = await s.sim<{ id: string }>('POST', '/sim/faults', {
      kind: 'error',
      code: 'SERVICE_BLOCKED',
      pathPattern: '/balances$',
      times: 2,
    });
    expect(f.status).toBe(200);
    expect(f.body.id).toMatch(/^f\d+$/);
    for (let i = 0; i < 2; i++) {
      const res = await read();
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ tppMessages: [{ category: 'ERROR', code: 'SERVICE_BLOCKED' }] });
    }
    expect((await read()).status).toBe(200);
    expect((await s.sim<{ faults: unknown[] }>('GET', '/sim/faults')).body.faults).toEqual([]);
  });

  it('error: the status follows the code (429 ACCESS_EXCEEDED) or is given (500, 503 without a body)', async () => {
    await s.sim('POST', '/sim/faults', { kind: 'error', code: 'ACCESS_EXCEEDED', times: 1 });
    const limited = await read();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ tppMessages: [{ code: 'ACCESS_EXCEEDED' }] });
    // 5xx: the spec defines no AIS body for them, so only the status comes back.
    await s.sim('POST', '/sim/faults', {
      kind: 'error',
      code: 'INTERNAL_SERVER_ERROR',
      status: 500,
      times: 1,
    });
    const failed = await read();
    expect(failed.status).toBe(500);
    expect(failed.text).toBe('');
    await s.sim('POST', '/sim/faults', { kind: 'error', status: 503, times: 1 });
    expect((await read()).status).toBe(503);
    expect((await read()).status).toBe(200);
  });

  it('status: a bare HTTP status with an HTML body, like a gateway', async () => {
    await s.sim('POST', '/sim/faults', { kind: 'status', status: 502 });
    const res = await fetch(s.base + balances, {
      headers: { 'X-Request-ID': crypto.randomUUID(), 'Consent-ID': consentId },
    });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('502');
    // Until cleared.
    expect((await fetch(s.base + balances)).status).toBe(502);
    await s.sim('DELETE', '/sim/faults');
    expect((await read()).status).toBe(200);
  });

  it('slow: answers normally after delayMs', async () => {
    await s.sim('POST', '/sim/faults', { kind: 'slow', delayMs: 300, times: 1 });
    const started = performance.now();
    const res = await read();
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('slow: a client that gives up first is logged with status 0', async () => {
    await s.sim('POST', '/sim/faults', { kind: 'slow', delayMs: 1500, times: 1 });
    await expect(
      fetch(s.base + balances, {
        headers: { 'X-Request-ID': crypto.randomUUID(), 'Consent-ID': consentId },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    let statuses: number[] = [];
    for (let i = 0; i < 100 && statuses.length === 0; i++) {
      const log = await s.sim<{ requests: { path: string; status: number }[] }>('GET', '/sim/requests');
      statuses = log.body.requests.filter((r) => r.path === balances).map((r) => r.status);
      if (statuses.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statuses).toEqual([0]);
  });

  it('drop: destroys the connection without an answer (logged with status 0)', async () => {
    await s.sim('POST', '/sim/faults', { kind: 'drop', pathPattern: '/balances', times: 1 });
    await expect(read()).rejects.toThrow();
    expect((await read()).status).toBe(200);
    const log = await s.sim<{ requests: { path: string; status: number }[] }>(
      'GET',
      `/sim/requests?consentId=${consentId}`,
    );
    expect(log.body.requests.filter((r) => r.path === balances).map((r) => r.status)).toEqual([0, 200]);
  });

  it('matches by bankId and method, never applies to /sim/, and is removed by id', async () => {
    await s.sim('POST', '/sim/faults', { kind: 'status', status: 503, bankId: 'erste' });
    const post = await s.sim<{ id: string }>('POST', '/sim/faults', {
      kind: 'status',
      status: 504,
      method: 'post',
    });
    expect((await read()).status).toBe(200);
    const create = await fetch(`${s.base}/raiffeisen/v1/consents`, { method: 'POST' });
    expect(create.status).toBe(504);
    expect((await s.sim('GET', '/sim/clock')).status).toBe(200);
    expect((await s.sim('POST', '/sim/clock', { advanceSeconds: 1 })).status).toBe(200);
    expect((await s.sim('DELETE', `/sim/faults/${post.body.id}`)).status).toBe(200);
    const faults = await s.sim<{ faults: { bankId: string; kind: string }[] }>('GET', '/sim/faults');
    expect(faults.body.faults).toMatchObject([{ bankId: 'erste', kind: 'status' }]);
  });

  it('rejects malformed fault descriptions', async () => {
    for (const bad of [
      {},
      { kind: 'explode' },
      { kind: 'slow' },
      { kind: 'error', pathPattern: '(' },
      { kind: 'status', status: 42 },
      { kind: 'error', times: 0 },
    ]) {
      const res = await s.sim('POST', '/sim/faults', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });
});
