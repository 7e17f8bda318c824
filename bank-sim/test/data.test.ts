// Generated data: valid IBANs, determinism, and a big account (`big10000`) served quickly page by page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIban, rsIban, serbianAccountNumber } from '../src/data/iban.js';
import { allPages, connect, isoDaysBefore, type Sim, START, startSim } from './helpers/sim.js';

let s: Sim;
beforeAll(async () => {
  s = await startSim();
});
afterAll(async () => {
  await s.close();
});

describe('Serbian IBANs', () => {
  it('computes the national control digits and the IBAN check digits (always 35 for RS)', () => {
    // The example of the SWIFT IBAN registry: RS35 2600 0560 1001 6113 79.
    expect(serbianAccountNumber('260', '0056010016113')).toBe('260005601001611379');
    expect(rsIban('260005601001611379')).toBe('RS35260005601001611379');
    expect(isValidIban('RS35260005601001611379')).toBe(true);
    expect(isValidIban('RS35260005601001611378')).toBe(false);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });
});

describe('stability while the clock moves', () => {
  it('a past window lists the same transactions days later; new days bring new ones', async () => {
    const { consentId, accounts } = await connect(s, 'erste', 'stable');
    const id = accounts[0]?.resourceId as string;
    const window = (from: string, to: string) =>
      allPages(
        s,
        `/erste/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${from}&dateTo=${to}`,
        {
          consentId,
          psuIp: '192.0.2.1',
        },
      );
    const from = isoDaysBefore(START, 60);
    const to = isoDaysBefore(START, 5);
    const before = await window(from, to);
    expect(before.booked.length).toBeGreaterThan(30);
    await s.sim('POST', '/sim/clock', { advanceDays: 10 });
    const after = await window(from, to);
    expect(after.booked).toEqual(before.booked);
    const newer = await window(isoDaysBefore(START, -1), isoDaysBefore(START, -10));
    expect(newer.booked.length).toBeGreaterThan(0);
    await s.sim('POST', '/sim/reset');
  });
});

describe('big accounts', () => {
  it('big10000 has exactly 10,000 booked transactions, served quickly in pages of 100', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen', 'big10000');
    expect(accounts).toHaveLength(1);
    const id = accounts[0]?.resourceId as string;
    const started = performance.now();
    const all = await allPages(
      s,
      `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${isoDaysBefore(START, 89)}`,
      { consentId },
    );
    const ms = performance.now() - started;
    expect(all.pages).toHaveLength(100);
    expect(all.booked).toHaveLength(10_000);
    expect(new Set(all.booked.map((t) => t.transactionId)).size).toBe(10_000);
    // Generous bound for a loaded 2-core machine (typically well under 5 s, spec validation included).
    expect(ms).toBeLessThan(30_000);
    const balances = await s.xs<{ balances: { balanceType: string; balanceAmount: { amount: string } }[] }>(
      'GET',
      `/raiffeisen/v1/accounts/${id}/balances`,
      { consentId },
    );
    const closing = Number(balances.body.balances[0]?.balanceAmount.amount);
    expect(closing).toBeGreaterThan(0);
  });
});
