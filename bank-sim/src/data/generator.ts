// Deterministic PSU data, seeded by bank + username. Generated lazily: a PSU's accounts when first asked
// for, an account's transactions one bank day at a time (cached), so the history is stable while the
// bank clock moves (new days bring new transactions; old ones never change).
import { createHash } from 'node:crypto';
import { partsOf } from '../dates.js';
import type { BankProfile } from '../profiles.js';
import { rsIban, serbianAccountNumber } from './iban.js';
import { digits, intIn, pick, type Rng, rngFor } from './random.js';
import { EMPLOYERS, FIRST_NAMES, LANDLORDS, LAST_NAMES, MERCHANTS, MONTHS } from './texts.js';

export interface Tx {
  id: string;
  valueDay: number;
  /** The bank day it is (or will be) booked on; null = pending until booked through /sim. */
  bookingDay: number | null;
  /** Signed amount in minor units (para / cents). */
  amountMinor: number;
  creditorName?: string;
  creditorIban?: string;
  debtorName?: string;
  debtorIban?: string;
  remittance: string;
}

export type AccountKind = 'current' | 'savings' | 'big';

interface Counterparties {
  employer: string;
  employerIban: string;
  salaryMinor: number;
  landlord: string;
  landlordIban: string;
  rentMinor: number;
  epsIban: string;
  infostanIban: string;
  telekomIban: string;
  ownIbanForSavings: string;
}

export interface Account {
  resourceId: string;
  bankId: string;
  username: string;
  iban: string;
  currency: 'RSD' | 'EUR';
  name: string;
  product: string;
  cashAccountType: 'CACC' | 'SVGS';
  ownerName: string;
  kind: AccountKind;
  /** First bank day with history. */
  openedDay: number;
  /** Balance before the first transaction, minor units. */
  openingMinor: number;
  /** Transactions added through /sim (mutable). */
  added: Tx[];
  /** Generated transactions booked early through /sim: original id → new id (or null) and booking day. */
  overrides: Map<string, { newId: string | null; bookingDay: number }>;
  /** Generated transactions per bank day. */
  dayCache: Map<number, Tx[]>;
  /** For `big…` users: the fixed transaction set, by value day. */
  fixed: Map<number, Tx[]> | null;
  /** Number of fixed transactions for `big…` users. */
  bigCount: number;
  counterparties: Counterparties;
}

export interface Psu {
  bankId: string;
  username: string;
  ownerName: string;
  accounts: Account[];
}

/** How many days of booked history an ordinary account has before the bank's start day. */
export const HISTORY_DAYS = 400;
/** `big…` accounts: their transactions fall in this many days before the bank's start day. */
export const BIG_SPREAD_DAYS = 60;
const BIG_MAX = 200_000;

export function resourceIdFor(bankId: string, username: string, index: number): string {
  return createHash('sha256').update(`${bankId}\u0000${username}\u0000${index}`).digest('hex').slice(0, 24);
}

function ibanFrom(r: Rng, bankCode: string): string {
  return rsIban(serbianAccountNumber(bankCode, digits(r, 13)));
}

export function bigCountOf(username: string): number | null {
  const m = /^big(\d+)/.exec(username);
  if (!m) return null;
  return Math.min(Number(m[1]), BIG_MAX);
}

/** The PSU's accounts at one bank. `startDay` is the bank day the simulation started on. */
export function generatePsu(profile: BankProfile, username: string, startDay: number): Psu {
  const person = rngFor(`person:${username}`);
  const ownerName = `${pick(person, FIRST_NAMES)} ${pick(person, LAST_NAMES)}`;
  const r = rngFor(`psu:${profile.id}:${username}`);
  const currentIban = ibanFrom(r, profile.bankCode);
  const savingsIban = ibanFrom(r, profile.bankCode);
  const counterparties: Counterparties = {
    employer: pick(r, EMPLOYERS),
    employerIban: ibanFrom(r, pick(r, ['160', '170', '205', '265', '325', '340'])),
    salaryMinor: intIn(r, 1300, 1700) * 10_000,
    landlord: pick(r, LANDLORDS),
    landlordIban: ibanFrom(r, pick(r, ['160', '205', '325'])),
    rentMinor: intIn(r, 35, 60) * 100_000,
    epsIban: rsIban(serbianAccountNumber('160', '0000000050014')),
    infostanIban: rsIban(serbianAccountNumber('205', '0000000033441')),
    telekomIban: rsIban(serbianAccountNumber('160', '0000000012345')),
    ownIbanForSavings: currentIban,
  };
  const base = {
    bankId: profile.id,
    username,
    ownerName,
    counterparties,
  };
  const big = bigCountOf(username);
  if (big !== null) {
    return {
      bankId: profile.id,
      username,
      ownerName,
      accounts: [
        {
          ...base,
          added: [],
          resourceId: resourceIdFor(profile.id, username, 0),
          iban: currentIban,
          currency: 'RSD',
          name: 'Tekući račun',
          product: 'Tekući račun RSD',
          cashAccountType: 'CACC',
          kind: 'big',
          openedDay: startDay - BIG_SPREAD_DAYS - 1,
          openingMinor: 0,
          overrides: new Map(),
          dayCache: new Map(),
          fixed: null,
          bigCount: big,
        },
      ],
    };
  }
  return {
    bankId: profile.id,
    username,
    ownerName,
    accounts: [
      {
        ...base,
        added: [],
        resourceId: resourceIdFor(profile.id, username, 0),
        iban: currentIban,
        currency: 'RSD',
        name: 'Tekući račun',
        product: 'Tekući račun RSD',
        cashAccountType: 'CACC',
        kind: 'current',
        openedDay: startDay - HISTORY_DAYS,
        openingMinor: intIn(r, 150_000, 250_000) * 100,
        overrides: new Map(),
        dayCache: new Map(),
        fixed: null,
        bigCount: 0,
      },
      {
        ...base,
        added: [],
        resourceId: resourceIdFor(profile.id, username, 1),
        iban: savingsIban,
        currency: 'EUR',
        name: 'Štedni račun',
        product: 'Devizna štednja EUR',
        cashAccountType: 'SVGS',
        kind: 'savings',
        openedDay: startDay - HISTORY_DAYS,
        openingMinor: intIn(r, 1_500, 4_000) * 100,
        overrides: new Map(),
        dayCache: new Map(),
        fixed: null,
        bigCount: 0,
      },
    ],
  };
}

const cents = (r: Rng, minUnits: number, maxUnits: number) => intIn(r, minUnits * 100, maxUnits * 100);

function monthLabel(year: number, month: number, back = 0): string {
  const m = (month - back + 12) % 12;
  const y = month - back < 0 ? year - 1 : year;
  return `${MONTHS[m]} ${y}`;
}

/** Card purchases book 1-3 days after the purchase. */
function cardLag(r: Rng): number {
  const x = r();
  return x < 0.5 ? 1 : x < 0.85 ? 2 : 3;
}

function currentAccountDay(account: Account, day: number): Tx[] {
  const r = rngFor(`day:${account.resourceId}:${day}`);
  const { year, month, dom } = partsOf(day);
  const cp = account.counterparties;
  const out: Tx[] = [];
  const prefix = account.resourceId.slice(0, 8);
  const stamp = day.toString(36);
  const id = () => `${prefix}-${stamp}-${out.length}`;
  const transfer = (tx: Omit<Tx, 'id' | 'valueDay' | 'bookingDay'>) =>
    out.push({ id: id(), valueDay: day, bookingDay: day, ...tx });
  const card = (merchant: string, amountMinor: number) =>
    out.push({
      id: id(),
      valueDay: day,
      bookingDay: day + cardLag(r),
      amountMinor: -amountMinor,
      creditorName: merchant,
      remittance: merchant === 'NETFLIX.COM' ? 'NETFLIX.COM' : `Kupovina karticom ${merchant}`,
    });

  if (dom === 3) {
    transfer({
      amountMinor: -cp.rentMinor,
      creditorName: cp.landlord,
      creditorIban: cp.landlordIban,
      remittance: `Kirija - ${monthLabel(year, month)}`,
    });
  }
  if (dom === 7) card('NETFLIX.COM', 79_000);
  if (dom === 10) {
    transfer({
      amountMinor: cp.salaryMinor + intIn(r, 0, 9_999) * 100 + intIn(r, 0, 99),
      debtorName: cp.employer,
      debtorIban: cp.employerIban,
      remittance: `Plata - ${monthLabel(year, month, 1)}`,
    });
  }
  if (dom === 15) {
    transfer({
      amountMinor: -cents(r, 3_500, 9_500),
      creditorName: 'JP Elektroprivreda Srbije',
      creditorIban: cp.epsIban,
      remittance: `EPS Snabdevanje - račun za struju za ${monthLabel(year, month, 1)}`,
    });
  }
  if (dom === 18) {
    transfer({
      amountMinor: -cents(r, 2_500, 6_000),
      creditorName: 'JKP Infostan tehnologije',
      creditorIban: cp.infostanIban,
      remittance: `Infostan - komunalne usluge za ${monthLabel(year, month, 1)}`,
    });
  }
  if (dom === 20) {
    transfer({
      amountMinor: -cents(r, 2_499, 4_999),
      creditorName: 'Telekom Srbija a.d.',
      creditorIban: cp.telekomIban,
      remittance: `Telekom Srbija - mts račun za ${monthLabel(year, month, 1)}`,
    });
  }
  if (r() < 1 / 14) {
    transfer({
      amountMinor: -pick(r, [2_000, 5_000, 10_000]) * 100,
      remittance: `Isplata gotovine ATM ${pick(r, ['KNEZ MIHAILOVA 1 BEOGRAD', 'ZMAJ JOVINA 4 NOVI SAD', 'OBILICEV VENAC 9 NIS'])}`,
    });
  }
  const roll = r();
  let purchases = roll < 0.4 ? 0 : roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3;
  // The last days before the bank started always have a card purchase, so there is something pending.
  const startDay = account.openedDay + HISTORY_DAYS;
  if (day > startDay - 3 && day <= startDay) purchases = Math.max(purchases, 1);
  for (let i = 0; i < purchases; i++) {
    const m = pick(r, MERCHANTS);
    card(m.name, cents(r, m.min, m.max));
  }
  return out;
}

function savingsAccountDay(account: Account, day: number): Tx[] {
  const r = rngFor(`day:${account.resourceId}:${day}`);
  const { month, dom } = partsOf(day);
  const prefix = account.resourceId.slice(0, 8);
  const out: Tx[] = [];
  if (dom === 11) {
    out.push({
      id: `${prefix}-${day.toString(36)}-0`,
      valueDay: day,
      bookingDay: day,
      amountMinor: cents(r, 100, 300),
      debtorName: account.ownerName,
      debtorIban: account.counterparties.ownIbanForSavings,
      remittance: 'Prenos na štednju',
    });
  }
  if (dom === 1 && month % 3 === 0) {
    out.push({
      id: `${prefix}-${day.toString(36)}-1`,
      valueDay: day,
      bookingDay: day,
      amountMinor: intIn(r, 50, 500),
      remittance: 'Kamata na štednju',
    });
  }
  return out;
}

function bigTransactions(account: Account): Map<number, Tx[]> {
  const r = rngFor(`big:${account.resourceId}`);
  const byDay = new Map<number, Tx[]>();
  const prefix = account.resourceId.slice(0, 8);
  const lastDay = account.openedDay + BIG_SPREAD_DAYS;
  let sum = 0;
  for (let i = 0; i < account.bigCount; i++) {
    const day = lastDay - Math.floor((i * BIG_SPREAD_DAYS) / account.bigCount);
    let tx: Tx;
    if (r() < 0.04) {
      tx = {
        id: `${prefix}-big-${i}`,
        valueDay: day,
        bookingDay: day,
        amountMinor: cents(r, 20_000, 90_000),
        debtorName: account.counterparties.employer,
        debtorIban: account.counterparties.employerIban,
        remittance: `Uplata po fakturi ${intIn(r, 100, 999)}/${partsOf(day).year}`,
      };
    } else {
      const m = pick(r, MERCHANTS);
      tx = {
        id: `${prefix}-big-${i}`,
        valueDay: day,
        bookingDay: day,
        amountMinor: -cents(r, m.min, m.max),
        creditorName: m.name,
        remittance: `Kupovina karticom ${m.name}`,
      };
    }
    sum += tx.amountMinor;
    const list = byDay.get(day);
    if (list) list.push(tx);
    else byDay.set(day, [tx]);
  }
  account.openingMinor = 500_000_00 + Math.max(0, -sum);
  return byDay;
}

/** The generated transactions whose value day is `day` (cached). */
export function generatedOn(account: Account, day: number): readonly Tx[] {
  if (day < account.openedDay) return [];
  if (account.kind === 'big') {
    if (!account.fixed) account.fixed = bigTransactions(account);
    return account.fixed.get(day) ?? [];
  }
  let txs = account.dayCache.get(day);
  if (!txs) {
    txs = account.kind === 'current' ? currentAccountDay(account, day) : savingsAccountDay(account, day);
    account.dayCache.set(day, txs);
  }
  return txs;
}

/** Prepare the account's generated data (sets the opening balance of `big…` accounts). */
export function warmUp(account: Account): void {
  if (account.kind === 'big' && !account.fixed) account.fixed = bigTransactions(account);
}
