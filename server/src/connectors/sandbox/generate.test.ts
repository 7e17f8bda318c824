import { describe, expect, it } from 'vitest';
import { controlDigits, ibanOf, isValidAccountNumber } from './account-number.js';
import { addMonths, formatIsoDate, isWorkingDay, parseIsoDate, SERBIAN_MONTHS } from './calendar.js';
import {
  type GeneratedAccount,
  type GeneratedTransaction,
  type GenerateOptions,
  generateRefresh,
  generateSandboxProfile,
  type SandboxBankId,
} from './generate.js';
import { CITIES } from './identity.js';

const TODAY = '2026-04-04';
const BANKS: SandboxBankId[] = ['raiffeisen', 'erste', 'aik'];
const CATEGORIES = new Set([
  'groceries',
  'rent',
  'dining',
  'utilities',
  'transport',
  'entertainment',
  'subscriptions',
  'salary',
  'transfer',
]);
const RSD_CURRENT = { type: 'current', currency: 'RSD' } as const;
const EUR_SAVINGS = { type: 'savings', currency: 'EUR' } as const;

const demo = (over: Partial<GenerateOptions> = {}) =>
  generateSandboxProfile({
    seed: 'acc_rai_001',
    bankId: 'raiffeisen',
    today: TODAY,
    withIdentity: true,
    accounts: [RSD_CURRENT, EUR_SAVINGS],
    ...over,
  });

/** How the current account books money coming back from savings (RSD, or EUR sold at each bank). */
const BACK_FROM_SAVINGS =
  /^(Prenos sa štednog računa|(Prodaja|Kupoprodaja) deviza - prenos na tekući račun|Konverzija EUR\/RSD - prenos na tekući račun)$/;
const monthKey = (date: string): string => date.slice(0, 7);
const runningBalances = (a: GeneratedAccount): number[] => {
  let b = a.openingBalance;
  return a.transactions.map((t) => (b += t.amount));
};
/** Calendar months fully inside the history (the partial first month and the current one left out). */
function fullMonths(a: GeneratedAccount, today: string): string[] {
  const months = [...new Set(a.transactions.map((t) => monthKey(t.date)))].sort();
  return months.slice(1).filter((m) => m !== monthKey(today));
}
/** Many different profiles, across banks and account mixes. */
function* manyProfiles(n: number) {
  for (let i = 0; i < n; i++) {
    const bankId = BANKS[i % 3] as SandboxBankId;
    const accounts =
      i % 4 === 0
        ? undefined
        : i % 4 === 1
          ? [RSD_CURRENT, EUR_SAVINGS]
          : i % 4 === 2
            ? [
                RSD_CURRENT,
                { type: 'current', currency: 'EUR' } as const,
                { type: 'savings', currency: 'RSD' } as const,
              ]
            : [RSD_CURRENT];
    const today = formatIsoDate(parseIsoDate(TODAY) + i * 7);
    yield {
      today,
      profile: generateSandboxProfile({
        seed: `seed-${i}`,
        bankId,
        today,
        withIdentity: false,
        ...(accounts ? { accounts } : {}),
      }),
    };
  }
}

describe('generateSandboxProfile', () => {
  it('is deterministic: the same options give identical output, another seed other data', () => {
    const a = demo();
    expect(JSON.stringify(demo())).toBe(JSON.stringify(a));
    const b = demo({ seed: 'acc_rai_002' });
    expect(b.accounts[0]?.accountNumber).not.toBe(a.accounts[0]?.accountNumber);
    expect(b.accounts[0]?.transactions.map((t) => t.amount)).not.toEqual(
      a.accounts[0]?.transactions.map((t) => t.amount),
    );
  });

  it('covers at least 12 months ending today, oldest first, inclusive of today', () => {
    for (const months of [12, 13, 18]) {
      const acc = demo({ months }).accounts[0] as GeneratedAccount;
      const dates = acc.transactions.map((t) => t.date);
      expect([...dates].sort()).toEqual(dates);
      const first = parseIsoDate(dates[0] as string);
      const last = parseIsoDate(dates[dates.length - 1] as string);
      expect(last).toBeLessThanOrEqual(parseIsoDate(TODAY));
      expect(last).toBeGreaterThanOrEqual(parseIsoDate(TODAY) - 3);
      expect(first).toBeGreaterThan(addMonths(parseIsoDate(TODAY), -months));
      expect(first).toBeLessThanOrEqual(addMonths(parseIsoDate(TODAY), -months) + 7);
    }
    expect(() => demo({ months: 11 })).toThrow(RangeError);
    expect(() => demo({ today: '2026-02-30' })).toThrow(RangeError);
  });

  it('credits one stable salary a month on a working day 5th–14th, named for the month before', () => {
    for (const bankId of BANKS) {
      const acc = generateSandboxProfile({
        seed: `acc_${bankId}`,
        bankId,
        today: TODAY,
        withIdentity: false,
        accounts: [RSD_CURRENT],
      }).accounts[0] as GeneratedAccount;
      const salaries = acc.transactions.filter((t) => t.category === 'salary');
      expect(salaries.length).toBeGreaterThanOrEqual(12);
      expect(new Set(salaries.map((t) => monthKey(t.date))).size).toBe(salaries.length);
      for (const m of fullMonths(acc, TODAY)) expect(salaries.some((t) => monthKey(t.date) === m)).toBe(true);
      expect(new Set(salaries.map((t) => t.amount)).size).toBe(1);
      const amount = salaries[0]?.amount ?? 0;
      expect(amount).toBeGreaterThanOrEqual(95_000_00);
      expect(amount).toBeLessThanOrEqual(190_000_00);
      for (const s of salaries) {
        const day = parseIsoDate(s.date);
        expect(isWorkingDay(day)).toBe(true);
        expect(Number(s.date.slice(8))).toBeGreaterThanOrEqual(5);
        expect(Number(s.date.slice(8))).toBeLessThanOrEqual(14);
        const prev = formatIsoDate(addMonths(day, -1));
        expect(s.description).toBe(
          `Plata - ${SERBIAN_MONTHS[Number(prev.slice(5, 7)) - 1]} ${prev.slice(0, 4)}`,
        );
        expect(s.pending).toBe(false);
      }
    }
    const jan = demo().accounts[0]?.transactions.find(
      (t) => t.category === 'salary' && t.date.startsWith('2026-02'),
    );
    expect(jan?.description).toBe('Plata - januar 2026');
  });

  it('charges Netflix exactly 790.00 RSD once every month, in every bank', () => {
    for (const bankId of BANKS) {
      const acc = generateSandboxProfile({ seed: `nf-${bankId}`, bankId, today: TODAY, withIdentity: false })
        .accounts[0] as GeneratedAccount;
      const netflix = acc.transactions.filter((t) => /netflix/i.test(t.description));
      expect(netflix.length).toBeGreaterThanOrEqual(12);
      for (const t of netflix) {
        expect(t.amount).toBe(-79_000);
        expect(t.category).toBe('subscriptions');
      }
      expect(new Set(netflix.map((t) => t.description)).size).toBe(1);
      expect(new Set(netflix.map((t) => monthKey(t.date))).size).toBe(netflix.length);
      for (const m of fullMonths(acc, TODAY)) expect(netflix.some((t) => monthKey(t.date) === m)).toBe(true);
    }
  });

  it('pays rent and bills every month: fixed rent, EPS higher in winter, phone near-fixed', () => {
    const acc = demo().accounts[0] as GeneratedAccount;
    const rent = acc.transactions.filter((t) => t.category === 'rent');
    expect(rent.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rent.map((t) => t.amount)).size).toBe(1);
    expect(-(rent[0]?.amount ?? 0)).toBeGreaterThanOrEqual(35_000_00);
    expect(-(rent[0]?.amount ?? 0)).toBeLessThanOrEqual(60_000_00);
    expect(rent[0]?.description).toMatch(/^(Kirija - stan|Zakup stana)/);
    const eps = acc.transactions.filter((t) => t.description.startsWith('EPS'));
    const avg = (months: string[]) => {
      const xs = eps.filter((t) => months.includes(t.date.slice(5, 7))).map((t) => -t.amount);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(avg(['01', '02'])).toBeGreaterThan(1.4 * avg(['05', '06', '09']));
    const phone = acc.transactions.filter((t) => /mts|Yettel|A1/.test(t.description));
    expect(phone.length).toBeGreaterThanOrEqual(12);
    expect(Math.min(...phone.map((t) => -t.amount))).toBeGreaterThanOrEqual(1_299_00);
    expect(acc.transactions.some((t) => t.description.startsWith('Infostan'))).toBe(true);
  });

  it('spends at real Serbian merchants several times a week, in the bank’s own wording', () => {
    const wording: Record<SandboxBankId, RegExp> = {
      raiffeisen: /^Kupovina karticom 4176\*{4}\d{4} [A-Z0-9 .]+ BEOGRAD SRB$/,
      erste: /^Kartično plaćanje (DIS market \w+|[A-Z][\w .]+ Beograd)$/,
      aik: /^Kupovina POS \d{2}\.\d{2}\.\d{4} [A-Z0-9 .]+ BEOGRAD SRB$/,
    };
    for (const bankId of BANKS) {
      const acc = generateSandboxProfile({ seed: 'shops', bankId, today: TODAY, withIdentity: false })
        .accounts[0] as GeneratedAccount;
      const groceries = acc.transactions.filter((t) => t.category === 'groceries');
      expect(groceries.length / 56).toBeGreaterThan(2); // per week over 13 months
      expect(groceries.some((t) => /maxi|idea|lidl|dis market|roda|univerexport/i.test(t.description))).toBe(
        true,
      );
      expect(acc.transactions.some((t) => /wolt|glovo/i.test(t.description))).toBe(true);
      expect(
        acc.transactions.some((t) => t.category === 'transfer' && /ATM|bankomat/i.test(t.description)),
      ).toBe(true);
      expect(groceries.filter((t) => wording[bankId].test(t.description)).length).toBeGreaterThan(
        groceries.length * 0.5,
      );
      for (const t of acc.transactions) {
        expect(CATEGORIES.has(t.category)).toBe(true);
        expect(Number.isInteger(t.amount)).toBe(true);
        expect(t.amount).not.toBe(0);
      }
    }
  });

  it('keeps every running balance positive and a year’s spending below a year’s income', () => {
    for (const { today, profile } of manyProfiles(90)) {
      for (const acc of profile.accounts) {
        const balances = runningBalances(acc);
        expect(Math.min(acc.openingBalance, ...balances)).toBeGreaterThan(0);
        expect(acc.availableDelta).toBeLessThanOrEqual(0);
        expect(
          (balances[balances.length - 1] ?? acc.openingBalance) + acc.availableDelta,
        ).toBeGreaterThanOrEqual(0);
      }
      const main = profile.accounts[0] as GeneratedAccount;
      const year = new Set(fullMonths(main, today).slice(-12));
      const inYear = main.transactions.filter((t) => year.has(monthKey(t.date)));
      const income = inYear.filter((t) => t.amount > 0).reduce((s, t) => s + t.amount, 0);
      const spending = -inYear.filter((t) => t.amount < 0).reduce((s, t) => s + t.amount, 0);
      expect(spending).toBeLessThanOrEqual(income);
      expect(spending).toBeGreaterThan(income * 0.5);
    }
  });

  it('gives every transaction of an account its own bank id', () => {
    for (const { profile } of manyProfiles(12)) {
      for (const acc of profile.accounts) {
        expect(new Set(acc.transactions.map((t) => t.bankTxnId)).size).toBe(acc.transactions.length);
      }
    }
  });

  it('keeps bank ids and amounts of past days when today moves on', () => {
    const before = demo().accounts[0] as GeneratedAccount;
    const after = demo({ today: '2026-04-20' }).accounts[0] as GeneratedAccount;
    const from = after.transactions[0]?.date ?? '';
    const key = (t: GeneratedTransaction) => `${t.bankTxnId}|${t.date}|${t.amount}|${t.description}`;
    const overlapBefore = before.transactions.filter((t) => t.date >= from).map(key);
    const overlapAfter = after.transactions.filter((t) => t.date <= TODAY).map(key);
    expect(overlapAfter).toEqual(overlapBefore);
    expect(overlapBefore.length).toBeGreaterThan(400);
  });

  it('issues valid Serbian account numbers with the bank’s prefix and the IBAN as ref', () => {
    expect(isValidAccountNumber('260-0056010016113-79')).toBe(true); // the IBAN registry's Serbian example
    expect(controlDigits('2600056010016113')).toBe('79');
    expect(ibanOf('260-0056010016113-79')).toBe('RS35260005601001611379');
    expect(isValidAccountNumber('260-0056010016113-78')).toBe(false);
    const prefixes: Record<SandboxBankId, string> = { raiffeisen: '265', erste: '340', aik: '105' };
    for (const bankId of BANKS) {
      const accounts = generateSandboxProfile({
        seed: 'numbers',
        bankId,
        today: TODAY,
        withIdentity: false,
        accounts: [RSD_CURRENT, EUR_SAVINGS, RSD_CURRENT],
      }).accounts;
      expect(new Set(accounts.map((a) => a.accountNumber)).size).toBe(3);
      for (const a of accounts) {
        expect(a.accountNumber).toMatch(new RegExp(`^${prefixes[bankId]}-\\d{13}-\\d{2}$`));
        expect(isValidAccountNumber(a.accountNumber)).toBe(true);
        expect(a.ref).toBe(`RS35${a.accountNumber.replaceAll('-', '')}`);
      }
      expect(accounts.map((a) => a.name)).toEqual([
        accounts[0]?.name,
        accounts[1]?.name,
        `${accounts[0]?.name} 2`,
      ]);
    }
  });

  it('marks only a few card payments of the last three days as pending', () => {
    let pendingSeen = 0;
    for (const { today, profile } of manyProfiles(30)) {
      for (const acc of profile.accounts) {
        const pending = acc.transactions.filter((t) => t.pending);
        if (acc.type === 'current' && acc.currency === 'RSD') expect(pending.length).toBeGreaterThan(0);
        expect(pending.length).toBeLessThanOrEqual(12);
        for (const t of pending) {
          expect(parseIsoDate(today) - parseIsoDate(t.date)).toBeLessThanOrEqual(2);
          expect(['salary', 'rent', 'utilities']).not.toContain(t.category);
        }
        pendingSeen += pending.length;
      }
    }
    expect(pendingSeen).toBeGreaterThan(30);
  });

  it('keeps a EUR savings account quiet: monthly deposits and interest in euro cents', () => {
    const [current, savings] = demo().accounts as [GeneratedAccount, GeneratedAccount];
    expect(savings).toMatchObject({ type: 'savings', currency: 'EUR', availableDelta: 0 });
    expect(savings.transactions.length).toBeLessThanOrEqual(13 * 3);
    const interest = savings.transactions.filter((t) => t.description.includes('Kamata'));
    expect(interest.length).toBeGreaterThanOrEqual(12);
    for (const t of interest) expect(t.amount).toBeGreaterThan(0);
    for (const t of savings.transactions) expect(Math.abs(t.amount)).toBeLessThan(2_000_00);
    // Each deposit from the current account shows there as the dinar cost of the euros.
    const deposits = savings.transactions.filter((t) => t.description === 'Prenos sa tekućeg računa');
    expect(deposits.length).toBeGreaterThan(6);
    for (const d of deposits) {
      const debit = current.transactions.find((t) => t.date === d.date && t.description.includes('štednju'));
      expect(debit).toBeDefined();
      expect(-(debit?.amount ?? 0) / d.amount).toBeGreaterThan(116);
      expect(-(debit?.amount ?? 0) / d.amount).toBeLessThan(120);
    }
  });

  it('returns identity only when asked, with Serbian contact details', () => {
    expect(demo({ withIdentity: false }).identity).toBeNull();
    const id = demo().identity;
    expect(id?.names[0]).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    expect(id?.emails[0]).toMatch(/^[a-z.0-9]+@[a-z.]+$/);
    expect(id?.phone_numbers[0]).toMatch(/^\+381 6\d \d{3} \d{4}$/);
    const city = CITIES.find((c) => c.name === id?.addresses[0]?.city);
    expect(city).toBeDefined();
    expect(id?.addresses[0]).toMatchObject({
      country: 'RS',
      postal_code: city?.neighborhoods[0]?.postalCode,
    });
  });

  it('people live in several Serbian cities and their shops print that city', () => {
    const cities = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const p = generateSandboxProfile({
        seed: `city-${i}`,
        bankId: 'aik',
        today: TODAY,
        withIdentity: true,
      });
      const city = p.identity?.addresses[0]?.city as string;
      cities.add(city);
      const terminal = CITIES.find((c) => c.name === city)?.ascii.toUpperCase() as string;
      const pos = p.accounts[0]?.transactions.filter((t) => t.description.startsWith('Kupovina POS')) ?? [];
      expect(pos.length).toBeGreaterThan(50);
      expect(pos.every((t) => t.description.endsWith(`${terminal} SRB`))).toBe(true);
    }
    expect(cities.size).toBeGreaterThanOrEqual(4);
    expect(cities.has('Beograd')).toBe(true);
  });

  it('defaults to one or two accounts from the seed', () => {
    const shapes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const p = generateSandboxProfile({ seed: `d${i}`, bankId: 'erste', today: TODAY, withIdentity: false });
      shapes.add(p.accounts.map((a) => `${a.type}/${a.currency}`).join(','));
    }
    expect(shapes).toEqual(new Set(['current/RSD', 'current/RSD,savings/EUR']));
  });
});

describe('generateRefresh', () => {
  const acc = demo().accounts[0] as GeneratedAccount;
  const pending = acc.transactions.filter((t) => t.pending);
  const refresh = (over: Partial<Parameters<typeof generateRefresh>[0]> = {}) =>
    generateRefresh({
      seed: 'acc_rai_001',
      accountRef: acc.ref,
      currency: 'RSD',
      today: '2026-04-05',
      refreshNo: 1,
      pending,
      ...over,
    });

  it('is deterministic in (seed, account, today, refreshNo)', () => {
    expect(refresh()).toEqual(refresh());
    const variants = [
      refresh({ refreshNo: 2 }),
      refresh({ today: '2026-04-06' }),
      refresh({ seed: 'other' }),
    ].map((r) => JSON.stringify(r.newTransactions));
    expect(new Set([JSON.stringify(refresh().newTransactions), ...variants]).size).toBeGreaterThan(1);
  });

  it('adds a few card payments dated today with fresh ids', () => {
    const history = new Set(acc.transactions.map((t) => t.bankTxnId));
    const ids = new Set<string>();
    let total = 0;
    for (let n = 1; n <= 20; n++) {
      const r = refresh({ refreshNo: n });
      expect(r.newTransactions.length).toBeLessThanOrEqual(3);
      for (const t of r.newTransactions) {
        expect(t.date).toBe('2026-04-05');
        expect(t.amount).toBeLessThan(0);
        expect(CATEGORIES.has(t.category)).toBe(true);
        expect(t.description).toMatch(
          /^(Kupovina karticom|Internet kupovina) 4176\*{4}\d{4} [A-Z0-9 .*]+ (BEOGRAD|NOVI SAD|NIS|KRAGUJEVAC|SUBOTICA) SRB$/,
        );
        expect(history.has(t.bankTxnId) || ids.has(t.bankTxnId)).toBe(false);
        ids.add(t.bankTxnId);
        total++;
      }
    }
    expect(total).toBeGreaterThan(10);
  });

  it('posts pending payments with the same date, amount, description and category under a new id', () => {
    expect(pending.length).toBeGreaterThan(0);
    const r = refresh({ today: '2026-04-08' }); // all pending are now ≥ 2 days old
    expect(r.posted.map((p) => p.pendingBankTxnId)).toEqual(pending.map((p) => p.bankTxnId));
    for (const { pendingBankTxnId, posted } of r.posted) {
      const p = pending.find((x) => x.bankTxnId === pendingBankTxnId) as GeneratedTransaction;
      expect(posted).toMatchObject({
        date: p.date,
        amount: p.amount,
        description: p.description,
        category: p.category,
        pending: false,
      });
      expect(posted.bankTxnId).not.toBe(p.bankTxnId);
    }
    const future = refresh({ today: '2026-04-01' });
    expect(future.posted).toEqual([]);
  });

  describe('with since: what fell due after the last pull', () => {
    const SINCE = TODAY;
    const LATER = '2026-05-20';
    const later = demo({ today: LATER });
    const inWindow = (t: { date: string }) => t.date > SINCE && t.date <= LATER;
    const key = (t: GeneratedTransaction) => `${t.date} ${t.amount} ${t.description}`;
    const scheduled = (accountIndex: number, since = SINCE, today = LATER) => {
      const a = demo().accounts[accountIndex] as GeneratedAccount;
      return generateRefresh({
        seed: 'acc_rai_001',
        accountRef: a.ref,
        currency: a.currency,
        today,
        refreshNo: 1,
        since,
        accounts: [RSD_CURRENT, EUR_SAVINGS],
        pending: [],
      }).newTransactions.filter((t) => t.bankTxnId.includes('-S-'));
    };

    it('adds salary, rent and bills dated on their days — the same items a longer history holds', () => {
      const got = scheduled(0);
      const history = (later.accounts[0] as GeneratedAccount).transactions.filter(inWindow);
      expect(got.every(inWindow)).toBe(true);
      const historyKeys = new Set(history.map(key));
      for (const t of got) expect(historyKeys.has(key(t)), key(t)).toBe(true);
      for (const category of ['salary', 'rent', 'utilities'] as const) {
        const want = history.filter((t) => t.category === category).map(key);
        expect(want.length, category).toBeGreaterThan(0);
        expect(got.filter((t) => t.category === category).map(key)).toEqual(want);
      }
      expect(got.some((t) => t.description.startsWith('Plata - '))).toBe(true);
    });

    it('feeds the savings account the deposits the current account sends', () => {
      const got = scheduled(1);
      const history = (later.accounts[1] as GeneratedAccount).transactions.filter(inWindow);
      const deposits = history.filter((t) => t.description === 'Prenos sa tekućeg računa').map(key);
      expect(deposits.length).toBeGreaterThan(0);
      expect(got.map(key)).toEqual(deposits);
    });

    it('gives the same ids for the same day however the windows are cut, and nothing for an empty window', () => {
      const whole = scheduled(0);
      const split = [...scheduled(0, SINCE, '2026-04-25'), ...scheduled(0, '2026-04-25', LATER)];
      expect(split).toEqual(whole);
      expect(new Set(whole.map((t) => t.bankTxnId)).size).toBe(whole.length);
      expect(scheduled(0, LATER, LATER)).toEqual([]);
      const historyIds = new Set(demo().accounts.flatMap((a) => a.transactions.map((t) => t.bankTxnId)));
      expect(whole.some((t) => historyIds.has(t.bankTxnId))).toBe(false);
    });
  });

  it('a savings account now and then transfers money back to the current account, booked on both sides', () => {
    let withdrawals = 0;
    let months = 0;
    for (let i = 0; i < 12; i++) {
      const bankId = BANKS[i % 3] as SandboxBankId;
      const savings = i % 2 ? EUR_SAVINGS : ({ type: 'savings', currency: 'RSD' } as const);
      const profile = generateSandboxProfile({
        seed: `wd-${i}`,
        bankId,
        today: TODAY,
        withIdentity: false,
        accounts: [RSD_CURRENT, savings],
      });
      const [current, sav] = profile.accounts as [GeneratedAccount, GeneratedAccount];
      months += fullMonths(sav, TODAY).length;
      const back = sav.transactions.filter((t) => t.description === 'Prenos na tekući račun');
      withdrawals += back.length;
      for (const t of back) {
        expect(t.amount).toBeLessThan(0);
        expect(t.category).toBe('transfer');
        // The current account books the credit the same day, in dinars.
        const credit = current.transactions.filter(
          (c) => c.date === t.date && c.amount > 0 && BACK_FROM_SAVINGS.test(c.description),
        );
        expect(credit, `${bankId} ${t.date}`).toHaveLength(1);
        if (savings.currency === 'RSD') expect(credit[0]!.amount).toBe(-t.amount);
        else expect(credit[0]!.amount / -t.amount).toBeGreaterThan(110);
      }
      for (const b of runningBalances(sav)) expect(b).toBeGreaterThan(0);
    }
    // Occasional: some, but far from every month.
    expect(withdrawals).toBeGreaterThan(0);
    expect(withdrawals).toBeLessThan(months / 3);
  });

  it('a refresh with since brings the same transfers back, on both accounts, every time', () => {
    const accounts = [RSD_CURRENT, { type: 'savings', currency: 'RSD' } as const];
    const since = '2025-04-04';
    let found = 0;
    for (let i = 0; i < 6; i++) {
      const profile = generateSandboxProfile({
        seed: `wd-${i}`,
        bankId: 'erste',
        today: TODAY,
        withIdentity: false,
        accounts,
      });
      const [current, sav] = profile.accounts as [GeneratedAccount, GeneratedAccount];
      const refresh = (a: GeneratedAccount) =>
        generateRefresh({
          seed: `wd-${i}`,
          accountRef: a.ref,
          currency: a.currency,
          today: TODAY,
          refreshNo: 1,
          since,
          accounts,
          pending: [],
        }).newTransactions.filter((t) => t.bankTxnId.includes('-S-'));
      const back = refresh(sav).filter((t) => t.description === 'Prenos na tekući račun');
      expect(refresh(sav)).toEqual(refresh(sav));
      const history = sav.transactions.filter(
        (t) => t.date > since && t.description === 'Prenos na tekući račun',
      );
      expect(back.map((t) => [t.date, t.amount])).toEqual(history.map((t) => [t.date, t.amount]));
      const credits = refresh(current).filter((t) => t.description === 'Prenos sa štednog računa');
      expect(credits.map((t) => [t.date, -t.amount])).toEqual(back.map((t) => [t.date, t.amount]));
      found += back.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('adds nothing new to a savings account without since', () => {
    const savings = demo().accounts[1] as GeneratedAccount;
    for (let n = 1; n <= 5; n++) {
      expect(
        generateRefresh({
          seed: 'acc_rai_001',
          accountRef: savings.ref,
          currency: 'EUR',
          today: '2026-04-05',
          refreshNo: n,
          pending: [],
        }).newTransactions,
      ).toEqual([]);
    }
  });
});
