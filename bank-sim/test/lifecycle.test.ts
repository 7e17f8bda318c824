// Consent lifecycle driven from /sim: approve without the browser, expiry by the clock, revoke, expire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, consentBody, createConsent, type Sim, startSim } from './helpers/sim.js';

let s: Sim;
beforeAll(async () => {
  s = await startSim();
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  await s.sim('POST', '/sim/reset');
});

const status = async (bankId: string, consentId: string) =>
  (await s.xs<{ consentStatus: string }>('GET', `/${bankId}/v1/consents/${consentId}/status`)).body
    .consentStatus;

describe('consent lifecycle', () => {
  it('approve through /sim makes the consent valid (the TPP learns it by polling the status)', async () => {
    const { consentId } = await createConsent(s, 'raiffeisen');
    expect(await status('raiffeisen', consentId)).toBe('received');
    const approved = await s.sim('POST', `/sim/consents/${consentId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ consentId, consentStatus: 'valid', username: 'psu' });
    expect(await status('raiffeisen', consentId)).toBe('valid');
    const twice = await s.sim('POST', `/sim/consents/${consentId}/approve`, {});
    expect(twice.status).toBe(409);
    expect((await s.sim('POST', '/sim/consents/nope/approve', {})).status).toBe(404);
  });

  it('expires when the bank clock passes validUntil: status expired, account calls 401 CONSENT_EXPIRED', async () => {
    const { consentId, accounts } = await connect(
      s,
      'raiffeisen',
      'psu',
      consentBody({ validUntil: '2026-12-10' }),
    );
    const path = `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/balances`;
    await s.sim('POST', '/sim/clock', { now: '2026-12-10T23:59:59Z' });
    expect(await status('raiffeisen', consentId)).toBe('valid');
    expect((await s.xs('GET', path, { consentId })).status).toBe(200);
    await s.sim('POST', '/sim/clock', { advanceSeconds: 1 });
    expect(await status('raiffeisen', consentId)).toBe('expired');
    const res = await s.xs('GET', path, { consentId });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ tppMessages: [{ category: 'ERROR', code: 'CONSENT_EXPIRED' }] });
    const list = await s.xs('GET', '/raiffeisen/v1/accounts', { consentId });
    expect(list.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_EXPIRED' }] });
    // Moving the clock back does not revive it.
    await s.sim('POST', '/sim/clock', { now: '2026-12-08T10:00:00Z' });
    expect(await status('raiffeisen', consentId)).toBe('expired');
  });

  it('a 180-day consent is still valid on day 180 and expired on day 181', async () => {
    const { consentId } = await connect(s, 'erste', 'psu', consentBody({ validUntil: '2030-01-01' }));
    await s.sim('POST', '/sim/clock', { advanceDays: 180 });
    expect(await status('erste', consentId)).toBe('valid');
    await s.sim('POST', '/sim/clock', { advanceDays: 1 });
    expect(await status('erste', consentId)).toBe('expired');
  });

  it('/sim expire and revoke; account calls answer CONSENT_EXPIRED / CONSENT_INVALID', async () => {
    const a = await connect(s, 'raiffeisen');
    const b = await connect(s, 'raiffeisen');
    expect((await s.sim('POST', `/sim/consents/${a.consentId}/expire`)).body).toEqual({
      consentId: a.consentId,
      consentStatus: 'expired',
    });
    expect((await s.sim('POST', `/sim/consents/${b.consentId}/revoke`)).body).toEqual({
      consentId: b.consentId,
      consentStatus: 'revokedByPsu',
    });
    expect(await status('raiffeisen', b.consentId)).toBe('revokedByPsu');
    const expired = await s.xs('GET', `/raiffeisen/v1/accounts/${a.accounts[0]?.resourceId}`, {
      consentId: a.consentId,
    });
    expect(expired.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_EXPIRED' }] });
    const revoked = await s.xs('GET', `/raiffeisen/v1/accounts/${b.accounts[0]?.resourceId}`, {
      consentId: b.consentId,
    });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_INVALID' }] });
    // Final states stay final.
    expect((await s.sim('POST', `/sim/consents/${b.consentId}/expire`)).status).toBe(409);
    expect((await s.xs('DELETE', `/raiffeisen/v1/consents/${b.consentId}`)).status).toBe(204);
    expect(await status('raiffeisen', b.consentId)).toBe('revokedByPsu');
  });

  it('GET /sim/consents lists consents newest first with bank, status, validUntil, username', async () => {
    const first = await connect(s, 'raiffeisen', 'ana');
    await s.sim('POST', '/sim/clock', { advanceSeconds: 5 });
    const second = await createConsent(s, 'erste');
    const list = await s.sim<{ consents: Record<string, unknown>[] }>('GET', '/sim/consents');
    expect(list.body.consents).toEqual([
      {
        consentId: second.consentId,
        bankId: 'erste',
        consentStatus: 'received',
        validUntil: '2027-03-01',
        frequencyPerDay: 4,
        username: null,
        createdAt: '2026-12-06T10:00:05.000Z',
      },
      {
        consentId: first.consentId,
        bankId: 'raiffeisen',
        consentStatus: 'valid',
        validUntil: '2027-03-01',
        frequencyPerDay: 4,
        username: 'ana',
        createdAt: '2026-12-06T10:00:00.000Z',
      },
    ]);
  });
});
