// An account as seen on one bank day: which transactions are booked, which pending, and the balances.
import { isoDay } from '../dates.js';
import { type Account, generatedOn, type Tx, warmUp } from './generator.js';

export interface LedgerView {
  /** Newest booking day first. */
  booked: Tx[];
  /** Newest value day first. */
  pending: Tx[];
}

function effective(account: Account, tx: Tx): Tx {
  const o = account.overrides.get(tx.id);
  return o ? { ...tx, id: o.newId ?? tx.id, bookingDay: o.bookingDay } : tx;
}

const byBookingDesc = (a: Tx, b: Tx) =>
  (b.bookingDay ?? 0) - (a.bookingDay ?? 0) || b.valueDay - a.valueDay || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const byValueDesc = (a: Tx, b: Tx) => b.valueDay - a.valueDay || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function ledgerAt(account: Account, today: number): LedgerView {
  warmUp(account);
  const booked: Tx[] = [];
  const pending: Tx[] = [];
  const place = (tx: Tx) => {
    if (tx.bookingDay !== null && tx.bookingDay <= today) booked.push(tx);
    else if (tx.valueDay <= today) pending.push(tx);
  };
  for (let day = account.openedDay; day <= today; day++) {
    for (const tx of generatedOn(account, day)) place(effective(account, tx));
  }
  for (const tx of account.added) place(tx);
  booked.sort(byBookingDesc);
  pending.sort(byValueDesc);
  return { booked, pending };
}

export interface Balances {
  closingBookedMinor: number;
  interimAvailableMinor: number;
  expectedMinor: number;
}

/** closingBooked: booked up to yesterday; interimAvailable: booked up to now minus pending debits; expected: all. */
export function balancesAt(account: Account, today: number): Balances {
  const { booked, pending } = ledgerAt(account, today);
  let closing = account.openingMinor;
  let bookedNow = account.openingMinor;
  for (const tx of booked) {
    bookedNow += tx.amountMinor;
    if ((tx.bookingDay ?? today) < today) closing += tx.amountMinor;
  }
  let pendingDebits = 0;
  let pendingAll = 0;
  for (const tx of pending) {
    pendingAll += tx.amountMinor;
    if (tx.amountMinor < 0) pendingDebits += tx.amountMinor;
  }
  return {
    closingBookedMinor: closing,
    interimAvailableMinor: bookedNow + pendingDebits,
    expectedMinor: bookedNow + pendingAll,
  };
}

/** Minor units → "-1234.56". */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "-1234.5" / "12" / "-0.07" → minor units, or null. */
export function parseAmount(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(-?)(\d{1,14})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] === '-' ? -minor : minor;
}

/** A transaction as an XS2A `transactions` object. */
export function renderTx(tx: Tx, currency: string, booked: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { transactionId: tx.id };
  if (booked && tx.bookingDay !== null) out.bookingDate = isoDay(tx.bookingDay);
  out.valueDate = isoDay(tx.valueDay);
  out.transactionAmount = { currency, amount: formatMinor(tx.amountMinor) };
  if (tx.creditorName) out.creditorName = tx.creditorName;
  if (tx.creditorIban) out.creditorAccount = { iban: tx.creditorIban };
  if (tx.debtorName) out.debtorName = tx.debtorName;
  if (tx.debtorIban) out.debtorAccount = { iban: tx.debtorIban };
  out.remittanceInformationUnstructured = tx.remittance;
  return out;
}
