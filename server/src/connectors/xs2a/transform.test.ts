import { describe, expect, it } from 'vitest';
import {
  accountNumberOf,
  identityOf,
  parseAmount,
  pickBalances,
  toAccount,
  toTransaction,
  toTransactionPage,
  Xs2aBadData,
} from './transform.js';

// Shaped like the Berlin Group 1.3.11 examples and bank-sim's answers.
const ACCOUNTS = {
  accounts: [
    {
      resourceId: 'rai-3dc3d5b3-7023-4848-9853-f5400a64e80f',
      iban: 'RS35265000000012345678',
      currency: 'RSD',
      name: 'Tekući račun',
      product: 'Raiffeisen Tekući',
      cashAccountType: 'CACC',
      status: 'enabled',
      ownerName: 'Jelena Petrović',
      balances: [
        {
          balanceType: 'closingBooked',
          balanceAmount: { currency: 'RSD', amount: '84512.30' },
          referenceDate: '2026-12-05',
        },
        { balanceType: 'interimAvailable', balanceAmount: { currency: 'RSD', amount: '81200.00' } },
      ],
      _links: { balances: { href: '/raiffeisen/v1/accounts/rai-3dc3/balances' } },
    },
    {
      resourceId: 'rai-sv-1',
      iban: 'RS35265000000087654321',
      currency: 'EUR',
      product: 'Štednja',
      cashAccountType: 'SVGS',
    },
  ],
};

const TRANSACTIONS = {
  account: { iban: 'RS35265000000012345678' },
  transactions: {
    booked: [
      {
        transactionId: 'RB-20261201-0001',
        bookingDate: '2026-12-01',
        valueDate: '2026-12-01',
        transactionAmount: { currency: 'RSD', amount: '-4299.90' },
        creditorName: 'MAXI 123',
        remittanceInformationUnstructured: 'Kupovina karticom MAXI 123 BEOGRAD',
      },
      {
        transactionId: 'RB-20261130-0002',
        bookingDate: '2026-11-30',
        valueDate: '2026-11-30',
        transactionAmount: { currency: 'RSD', amount: '185000' },
        debtorName: 'Poslodavac d.o.o.',
        debtorAccount: { iban: 'RS35160000000011112222' },
        remittanceInformationUnstructured: 'Plata - novembar 2026',
      },
    ],
    pending: [
      {
        transactionId: 'RB-P-77',
        valueDate: '2026-12-05',
        transactionAmount: { currency: 'RSD', amount: '-790.00' },
        remittanceInformationUnstructuredArray: ['NETFLIX.COM', 'Amsterdam'],
      },
    ],
    _links: { next: { href: '/raiffeisen/v1/accounts/rai-3dc3/transactions?page=2&token=abc' } },
  },
};

describe('XS2A transforms', () => {
  it('parses string amounts to exact minor units', () => {
    expect(parseAmount('-1234.56', 'RSD')).toBe(-123456);
    expect(parseAmount('185000', 'RSD')).toBe(18500000);
    expect(parseAmount('0.1', 'EUR')).toBe(10);
    expect(parseAmount('12', 'JPY')).toBe(12);
    for (const bad of ['1,5', '', 'abc', '1.234', undefined])
      expect(() => parseAmount(bad, 'RSD')).toThrow(Xs2aBadData);
  });

  it('maps accounts: ids, types, domestic numbers, bank balances, ownerName', () => {
    const [cur, sav] = ACCOUNTS.accounts.map(toAccount);
    expect(cur).toMatchObject({
      ref: 'rai-3dc3d5b3-7023-4848-9853-f5400a64e80f',
      type: 'current',
      currency: 'RSD',
      name: 'Tekući račun',
      accountNumber: '265-0000000123456-78',
      balance: 8451230,
      availableBalance: 8120000,
      ownerName: 'Jelena Petrović',
    });
    expect(sav).toMatchObject({ type: 'savings', name: 'Štednja', balance: null, ownerName: null });
    expect(() => toAccount({ currency: 'RSD' })).toThrow(Xs2aBadData);
    expect(accountNumberOf('DE89370400440532013000', 'x')).toBe('DE89370400440532013000');
  });

  it('picks booked and available balances in the documented order', () => {
    expect(
      pickBalances([{ balanceType: 'expected', balanceAmount: { currency: 'EUR', amount: '10.00' } }], 'EUR'),
    ).toEqual({ balance: null, availableBalance: 1000 });
    expect(
      pickBalances(
        [{ balanceType: 'interimBooked', balanceAmount: { currency: 'EUR', amount: '5' } }],
        'EUR',
      ),
    ).toEqual({ balance: 500, availableBalance: null });
  });

  it('maps a transactions page: booked + pending, counterparties, texts, the next link', () => {
    const page = toTransactionPage(TRANSACTIONS, 'RSD', '2026-12-06');
    expect(page.next).toBe('/raiffeisen/v1/accounts/rai-3dc3/transactions?page=2&token=abc');
    expect(page.transactions).toEqual([
      {
        bankTxnId: 'RB-20261201-0001',
        date: '2026-12-01',
        amount: -429990,
        description: 'Kupovina karticom MAXI 123 BEOGRAD',
        pending: false,
        counterparty: 'MAXI 123',
        valueDate: '2026-12-01',
      },
      {
        bankTxnId: 'RB-20261130-0002',
        date: '2026-11-30',
        amount: 18500000,
        description: 'Plata - novembar 2026',
        pending: false,
        counterparty: 'Poslodavac d.o.o.',
        valueDate: '2026-11-30',
      },
      {
        bankTxnId: 'RB-P-77',
        date: '2026-12-05',
        amount: -79000,
        description: 'NETFLIX.COM Amsterdam',
        pending: true,
        counterparty: null,
        valueDate: '2026-12-05',
      },
    ]);
    expect(() => toTransactionPage({ account: {} }, 'RSD', '2026-12-06')).toThrow(Xs2aBadData);
  });

  it('gives a stable content id to a transaction without transactionId or entryReference', () => {
    const raw = {
      bookingDate: '2026-12-01',
      transactionAmount: { currency: 'RSD', amount: '-100' },
      creditorName: 'EPS',
    };
    const a = toTransaction(raw, false, 'RSD', '2026-12-06');
    expect(a.bankTxnId).toMatch(/^h-[0-9a-f]{24}$/);
    expect(toTransaction(raw, false, 'RSD', '2026-12-06').bankTxnId).toBe(a.bankTxnId);
    expect(a.description).toBe('EPS');
  });

  it('builds identity from ownerName only where the bank gives one', () => {
    expect(identityOf([{ ownerName: 'Jelena Petrović' }, { ownerName: 'Jelena Petrović' }])).toEqual({
      names: ['Jelena Petrović'],
      emails: [],
      phone_numbers: [],
      addresses: [],
    });
    expect(identityOf([{ ownerName: null }])).toBeNull();
  });
});
