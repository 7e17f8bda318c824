// The daily budget: 4 unattended reads per account per bank day; PSU-present reads and next pages free.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allPages, connect, isoDaysBefore, type Sim, START, startSim } from './helpers/sim.js';

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

const from = isoDaysBefore(START, 30);

describe('frequencyPerDay budget', () => {
  it('allows 4 unattended reads of an account a day; the 5th answers 429 ACCESS_EXCEEDED', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    const id = accounts[0]?.resourceId;
    const reads = [
      `/raiffeisen/v1/accounts/${id}`,
      `/raiffeisen/v1/accounts/${id}/balances`,
      `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${from}`,
      `/raiffeisen/v1/accounts/${id}/balances`,
    ];
    for (const path of reads) expect((await s.xs('GET', path, { consentId })).status, path).toBe(200);
    const fifth = await s.xs('GET', `/raiffeisen/v1/accounts/${id}/balances`, { consentId });
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({ tppMessages: [{ category: 'ERROR', code: 'ACCESS_EXCEEDED' }] });
    // Retry-After: until bank midnight UTC (the clock stands at 10:00).
    expect(fifth.headers.get('retry-after')).toBe(String(14 * 3600));

    // The account list is not an account resource: not counted, still served.
    expect((await s.xs('GET', '/raiffeisen/v1/accounts?withBalance=true', { consentId })).status).toBe(200);
    // The other account has its own budget.
    expect(
      (await s.xs('GET', `/raiffeisen/v1/accounts/${accounts[1]?.resourceId}/balances`, { consentId }))
        .status,
    ).toBe(200);
    // With the PSU present (PSU-IP-Address) reads are not counted and not refused.
    for (let i = 0; i < 3; i++) {
      const present = await s.xs('GET', `/raiffeisen/v1/accounts/${id}/balances`, {
        consentId,
        psuIp: '192.0.2.7',
      });
      expect(present.status).toBe(200);
    }
  });

  it('does not count reads made with the PSU present', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    const path = `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/balances`;
    for (let i = 0; i < 6; i++)
      expect((await s.xs('GET', path, { consentId, psuIp: '192.0.2.7' })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await s.xs('GET', path, { consentId })).status).toBe(200);
    expect((await s.xs('GET', path, { consentId })).status).toBe(429);
  });

  it('counts the next pages of one listing once', async () => {
    const { consentId, accounts } = await connect(s, 'aik', 'big200');
    const id = accounts[0]?.resourceId;
    const listing = `/aik/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${isoDaysBefore(START, 89)}`;
    for (let i = 0; i < 4; i++) {
      const all = await allPages(s, listing, { consentId });
      expect(all.pages).toHaveLength(8);
      expect(all.booked).toHaveLength(200);
    }
    const fifth = await s.xs('GET', listing, { consentId });
    expect(fifth.status).toBe(429);
    const log = await s.sim<{ requests: { status: number; path: string }[] }>(
      'GET',
      `/sim/requests?bankId=aik&consentId=${consentId}`,
    );
    const reads = log.body.requests.filter((r) => r.path.endsWith('/transactions'));
    expect(reads.filter((r) => r.status === 200)).toHaveLength(32);
    expect(reads.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('a page token works after the budget is used up, but only for its own consent', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen', 'big150');
    const id = accounts[0]?.resourceId;
    const listing = `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${isoDaysBefore(START, 89)}`;
    const first = await s.xs<{ transactions: { _links: { next?: { href: string } } } }>('GET', listing, {
      consentId,
    });
    const next = first.body.transactions._links.next?.href as string;
    for (let i = 0; i < 3; i++) await s.xs('GET', `/raiffeisen/v1/accounts/${id}`, { consentId });
    expect((await s.xs('GET', `/raiffeisen/v1/accounts/${id}`, { consentId })).status).toBe(429);
    expect((await s.xs('GET', next, { consentId })).status).toBe(200);
    const other = await connect(s, 'raiffeisen', 'big150');
    const stolen = await s.xs('GET', next, { consentId: other.consentId });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ tppMessages: [{ code: 'FORMAT_ERROR' }] });
  });

  it('resets at bank midnight (UTC), moved by /sim/clock', async () => {
    const { consentId, accounts } = await connect(s, 'erste');
    const path = `/erste/v1/accounts/${accounts[0]?.resourceId}/balances`;
    for (let i = 0; i < 4; i++) expect((await s.xs('GET', path, { consentId })).status).toBe(200);
    expect((await s.xs('GET', path, { consentId })).status).toBe(429);
    // 13:59:59 later it is still the same bank day.
    await s.sim('POST', '/sim/clock', { advanceSeconds: 14 * 3600 - 1 });
    expect((await s.xs('GET', path, { consentId })).status).toBe(429);
    const clock = await s.sim<{ now: string }>('POST', '/sim/clock', { advanceSeconds: 1 });
    expect(clock.body.now).toBe('2026-12-07T00:00:00.000Z');
    for (let i = 0; i < 4; i++) expect((await s.xs('GET', path, { consentId })).status).toBe(200);
    expect((await s.xs('GET', path, { consentId })).status).toBe(429);
  });

  it('uses the consent frequencyPerDay when it is below 4', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen', 'psu', {
      access: { allPsd2: 'allAccounts' },
      recurringIndicator: true,
      validUntil: '2027-01-31',
      frequencyPerDay: 2,
      combinedServiceIndicator: false,
    });
    const path = `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/balances`;
    expect((await s.xs('GET', path, { consentId })).status).toBe(200);
    expect((await s.xs('GET', path, { consentId })).status).toBe(200);
    expect((await s.xs('GET', path, { consentId })).status).toBe(429);
  });
});
