// The /sim control API: transactions added and booked (with a new id), PSU lookup, request log, clock, reset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  connect,
  isoDaysBefore,
  type Sim,
  START,
  startSim,
  type TxJson,
  type TxPage,
} from './helpers/sim.js';

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

const today = START.slice(0, 10);

async function listing(consentId: string, resourceId: string, status = 'both') {
  const res = await s.xs<TxPage>(
    'GET',
    `/raiffeisen/v1/accounts/${resourceId}/transactions?bookingStatus=${status}&dateFrom=${isoDaysBefore(START, 3)}`,
    { consentId, psuIp: '192.0.2.1' },
  );
  expect(res.status, res.text).toBe(200);
  return { booked: res.body.transactions.booked ?? [], pending: res.body.transactions.pending ?? [] };
}

describe('/sim/accounts/{id}/transactions', () => {
  it('adds booked and pending transactions that the XS2A listing and balances then show', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    const id = accounts[0]?.resourceId as string;
    const balance = async () => {
      const res = await s.xs<{ balances: { balanceType: string; balanceAmount: { amount: string } }[] }>(
        'GET',
        `/raiffeisen/v1/accounts/${id}/balances`,
        { consentId, psuIp: '192.0.2.1' },
      );
      return Number(res.body.balances.find((b) => b.balanceType === 'expected')?.balanceAmount.amount);
    };
    const before = await balance();
    const added = await s.sim<{ transactions: (TxJson & { status: string })[] }>(
      'POST',
      `/sim/accounts/${id}/transactions`,
      {
        transactions: [
          {
            amount: '-1234.5',
            remittanceInformationUnstructured: 'Kupovina karticom SHOPPI 7 BEOGRAD',
            status: 'pending',
            creditorName: 'SHOPPI 7 BEOGRAD',
          },
          {
            amount: '25000.00',
            remittanceInformationUnstructured: 'Povraćaj poreza',
            debtorName: 'Poreska uprava',
            transactionId: 'refund-1',
          },
        ],
      },
    );
    expect(added.status).toBe(201);
    const [card, refund] = added.body.transactions;
    expect(card).toMatchObject({
      status: 'pending',
      valueDate: today,
      transactionAmount: { currency: 'RSD', amount: '-1234.50' },
    });
    expect(card?.bookingDate).toBeUndefined();
    expect(refund).toMatchObject({ transactionId: 'refund-1', status: 'booked', bookingDate: today });
    expect(await balance()).toBeCloseTo(before + 25000 - 1234.5, 2);

    const seen = await listing(consentId, id);
    expect(seen.pending.map((t) => t.transactionId)).toContain(card?.transactionId);
    expect(seen.booked.map((t) => t.transactionId)).toContain('refund-1');

    const dup = await s.sim('POST', `/sim/accounts/${id}/transactions`, {
      transactions: [{ amount: '1.00', remittanceInformationUnstructured: 'x', transactionId: 'refund-1' }],
    });
    expect(dup.status).toBe(409);
    for (const bad of [
      { amount: '12,50', remittanceInformationUnstructured: 'x' },
      { amount: '-1.00' },
      { amount: '-1.00', remittanceInformationUnstructured: 'x', status: 'later' },
      { amount: '-1.00', remittanceInformationUnstructured: 'x', bookingDate: '2026-13-01' },
    ]) {
      expect((await s.sim('POST', `/sim/accounts/${id}/transactions`, { transactions: [bad] })).status).toBe(
        400,
      );
    }
    expect((await s.sim('POST', '/sim/accounts/nope/transactions', { transactions: [] })).status).toBe(404);
  });

  it('books a pending transaction keeping its id, or with a new transactionId', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    const id = accounts[0]?.resourceId as string;
    const added = await s.sim<{ transactions: TxJson[] }>('POST', `/sim/accounts/${id}/transactions`, {
      transactions: [
        { amount: '-500.00', remittanceInformationUnstructured: 'Kupovina karticom A', status: 'pending' },
        { amount: '-700.00', remittanceInformationUnstructured: 'Kupovina karticom B', status: 'pending' },
      ],
    });
    const [a, b] = added.body.transactions.map((t) => t.transactionId) as [string, string];

    const same = await s.sim<{ transaction: TxJson & { status: string } }>(
      'POST',
      `/sim/accounts/${id}/transactions/${a}/book`,
      {},
    );
    expect(same.status).toBe(200);
    expect(same.body.transaction).toMatchObject({ transactionId: a, status: 'booked', bookingDate: today });

    const renamed = await s.sim<{ previousTransactionId: string; transaction: TxJson }>(
      'POST',
      `/sim/accounts/${id}/transactions/${b}/book`,
      { newTransactionId: true },
    );
    const newId = renamed.body.transaction.transactionId;
    expect(newId).not.toBe(b);
    expect(renamed.body.previousTransactionId).toBe(b);

    const seen = await listing(consentId, id);
    const pendingIds = seen.pending.map((t) => t.transactionId);
    const bookedIds = seen.booked.map((t) => t.transactionId);
    expect(pendingIds).not.toContain(a);
    expect(pendingIds).not.toContain(b);
    expect(bookedIds).toContain(a);
    expect(bookedIds).toContain(newId);
    expect(bookedIds).not.toContain(b);

    expect((await s.sim('POST', `/sim/accounts/${id}/transactions/${a}/book`, {})).status).toBe(409);
  });

  it('books a generated pending card purchase with a new id; it stays booked as the clock moves on', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    const id = accounts[0]?.resourceId as string;
    const { pending } = await listing(consentId, id);
    const target = pending[0] as TxJson;
    expect(target).toBeDefined();
    const res = await s.sim<{ transaction: TxJson }>(
      'POST',
      `/sim/accounts/${id}/transactions/${target.transactionId}/book`,
      {
        newTransactionId: true,
      },
    );
    const newId = res.body.transaction.transactionId;
    expect(res.body.transaction).toMatchObject({
      valueDate: target.valueDate,
      transactionAmount: target.transactionAmount,
      remittanceInformationUnstructured: target.remittanceInformationUnstructured,
      bookingDate: today,
    });
    await s.sim('POST', '/sim/clock', { advanceDays: 5 });
    const later = await s.xs<TxPage>(
      'GET',
      `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${today}`,
      { consentId, psuIp: '192.0.2.1' },
    );
    const ids = (later.body.transactions.booked ?? []).map((t) => t.transactionId);
    expect(ids).toContain(newId);
    expect(ids).not.toContain(target.transactionId);
  });

  it('generated pending purchases book by themselves 1-3 days later, keeping their id', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    const id = accounts[0]?.resourceId as string;
    const { pending } = await listing(consentId, id);
    await s.sim('POST', '/sim/clock', { advanceDays: 4 });
    const after = await s.xs<TxPage>(
      'GET',
      `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${isoDaysBefore(START, 3)}`,
      { consentId, psuIp: '192.0.2.1' },
    );
    const booked = new Map((after.body.transactions.booked ?? []).map((t) => [t.transactionId, t]));
    for (const p of pending) {
      const b = booked.get(p.transactionId);
      expect(b?.transactionAmount).toEqual(p.transactionAmount);
      expect(b?.bookingDate && b.bookingDate > p.valueDate).toBe(true);
    }
  });
});

describe('/sim basics', () => {
  it('looks PSUs up by bank, deterministically', async () => {
    const a = await s.sim<{
      accounts: { resourceId: string; iban: string; currency: string; name: string }[];
    }>('GET', '/sim/psus/milan?bank=erste');
    expect(a.status).toBe(200);
    expect(a.body.accounts.map((x) => x.currency)).toEqual(['RSD', 'EUR']);
    expect(a.body.accounts[0]?.iban).toMatch(/^RS35340\d{15}$/);
    await s.sim('POST', '/sim/reset');
    const b = await s.sim('GET', '/sim/psus/milan?bank=erste');
    expect(b.body).toEqual(a.body);
    const raiffeisen = await s.sim<{ accounts: { iban: string }[] }>('GET', '/sim/psus/milan');
    expect(raiffeisen.body.accounts[0]?.iban).toMatch(/^RS35265/);
    expect((await s.sim('GET', '/sim/psus/milan?bank=nobank')).status).toBe(400);
    const big = await s.sim<{ accounts: unknown[] }>('GET', '/sim/psus/big10000');
    expect(big.body.accounts).toHaveLength(1);
  });

  it('logs XS2A requests with status, consent and PSU-IP-Address, filtered by bank and consent', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen');
    await s.xs('GET', `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/balances`, {
      consentId,
      psuIp: '198.51.100.4',
    });
    await connect(s, 'erste');
    const log = await s.sim<{ requests: Record<string, unknown>[] }>(
      'GET',
      `/sim/requests?bankId=raiffeisen&consentId=${consentId}`,
    );
    expect(log.body.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/raiffeisen/v1/accounts', 200],
      ['GET', `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/balances`, 200],
    ]);
    expect(log.body.requests[1]).toMatchObject({ consentId, psuIpAddress: '198.51.100.4', at: START });
    const all = await s.sim<{ requests: { bankId: string }[] }>('GET', '/sim/requests');
    expect(new Set(all.body.requests.map((r) => r.bankId))).toEqual(new Set(['raiffeisen', 'erste']));
    await s.sim('POST', '/sim/reset');
    expect((await s.sim<{ requests: unknown[] }>('GET', '/sim/requests')).body.requests).toEqual([]);
  });

  it('moves the clock and resets everything', async () => {
    expect((await s.sim('GET', '/sim/clock')).body).toEqual({ now: START });
    expect((await s.sim('POST', '/sim/clock', { advanceDays: 2, advanceSeconds: 30 })).body).toEqual({
      now: '2026-12-08T10:00:30.000Z',
    });
    expect((await s.sim('POST', '/sim/clock', { now: '2027-01-01T08:00:00Z' })).body).toEqual({
      now: '2027-01-01T08:00:00.000Z',
    });
    expect((await s.sim('POST', '/sim/clock', { now: 'soon' })).status).toBe(400);
    const { consentId } = await connect(s, 'raiffeisen');
    await s.sim('POST', '/sim/faults', { kind: 'status', status: 503 });
    await s.sim('POST', '/sim/reset');
    expect((await s.sim('GET', '/sim/clock')).body).toEqual({ now: START });
    expect((await s.sim<{ consents: unknown[] }>('GET', '/sim/consents')).body.consents).toEqual([]);
    expect((await s.sim<{ faults: unknown[] }>('GET', '/sim/faults')).body.faults).toEqual([]);
    const gone = await s.xs('GET', `/raiffeisen/v1/consents/${consentId}/status`);
    expect(gone.status).toBe(403);
    expect((await s.sim('GET', '/sim/nothing')).status).toBe(404);
  });
});
