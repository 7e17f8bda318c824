import { createHash } from 'node:crypto';
import type { ConnectorAccount, ConnectorIdentity, ConnectorTransaction } from '../types.js';

/**
 * Pure mapping of Berlin Group NextGenPSD2 1.3.x AIS payloads to the connector boundary. Every
 * function either returns what the bank said in our units or throws Xs2aBadData, never guesses.
 */
export class Xs2aBadData extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Xs2aBadData';
  }
}

/** ISO 4217 minor-unit exponents that differ from 2. */
const EXPONENT: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, HUF: 2, BHD: 3, KWD: 3, TND: 3 };

/** "-1234.56" (XS2A amounts are strings) → integer minor units, exact (no float arithmetic). */
export function parseAmount(amount: unknown, currency: string): number {
  if (typeof amount !== 'string' && typeof amount !== 'number') {
    throw new Xs2aBadData('an amount is missing');
  }
  const s = String(amount).trim();
  const m = /^(-?)(\d{1,15})(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) throw new Xs2aBadData(`an amount is not a decimal number: ${JSON.stringify(s).slice(0, 20)}`);
  const exp = EXPONENT[currency] ?? 2;
  const frac = (m[3] ?? '').padEnd(exp, '0');
  if (frac.length > exp) throw new Xs2aBadData(`an amount has more decimals than ${currency} allows`);
  const minor = Number(m[2]) * 10 ** exp + (frac === '' ? 0 : Number(frac));
  return m[1] === '-' ? -minor : minor;
}

const isDate = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** A Serbian IBAN (RS + 2 check digits + 18 digits) as the domestic account number "265-0001123456789-12". */
export function accountNumberOf(iban: string | undefined, fallback: string): string {
  const m = /^RS\d{2}(\d{3})(\d{13})(\d{2})$/.exec((iban ?? '').replace(/\s+/g, ''));
  if (!m) return iban ?? fallback;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

interface Xs2aAmount {
  currency?: string;
  amount?: string;
}
interface Xs2aBalance {
  balanceType?: string;
  balanceAmount?: Xs2aAmount;
  referenceDate?: string;
}

/**
 * The booked balance and the available balance out of an XS2A balances array. Booked: closingBooked,
 * else interimBooked, else openingBooked; available: interimAvailable, else closingAvailable,
 * else expected, else forwardAvailable.
 */
export function pickBalances(
  balances: unknown,
  currency: string,
): { balance: number | null; availableBalance: number | null } {
  const list = Array.isArray(balances) ? (balances as Xs2aBalance[]) : [];
  const find = (...types: string[]): number | null => {
    for (const type of types) {
      const b = list.find((x) => x.balanceType === type);
      if (b?.balanceAmount) return parseAmount(b.balanceAmount.amount, b.balanceAmount.currency ?? currency);
    }
    return null;
  };
  return {
    balance: find('closingBooked', 'interimBooked', 'openingBooked'),
    availableBalance: find('interimAvailable', 'closingAvailable', 'expected', 'forwardAvailable'),
  };
}

interface Xs2aAccount {
  resourceId?: string;
  iban?: string;
  currency?: string;
  name?: string;
  product?: string;
  cashAccountType?: string;
  status?: string;
  ownerName?: string;
  balances?: Xs2aBalance[];
}

/** One entry of GET /v1/accounts. Deleted / blocked accounts are dropped by the caller (status). */
export function toAccount(raw: unknown): ConnectorAccount & { status: string } {
  const a = raw as Xs2aAccount;
  if (!a || typeof a.resourceId !== 'string' || a.resourceId === '') {
    throw new Xs2aBadData('an account has no resourceId');
  }
  if (typeof a.currency !== 'string' || !/^[A-Z]{3}$/.test(a.currency)) {
    throw new Xs2aBadData('an account has no ISO 4217 currency');
  }
  const type = a.cashAccountType === 'SVGS' ? 'savings' : 'current';
  const { balance, availableBalance } = pickBalances(a.balances, a.currency);
  return {
    ref: a.resourceId,
    name: a.name?.trim() || a.product?.trim() || (type === 'savings' ? 'Štedni račun' : 'Tekući račun'),
    type,
    currency: a.currency,
    accountNumber: accountNumberOf(a.iban, a.resourceId),
    balance,
    availableBalance,
    ownerName: typeof a.ownerName === 'string' && a.ownerName.trim() !== '' ? a.ownerName.trim() : null,
    status: a.status ?? 'enabled',
  };
}

interface Xs2aTransaction {
  transactionId?: string;
  entryReference?: string;
  bookingDate?: string;
  valueDate?: string;
  transactionAmount?: Xs2aAmount;
  creditorName?: string;
  debtorName?: string;
  remittanceInformationUnstructured?: string;
  remittanceInformationUnstructuredArray?: string[];
  remittanceInformationStructured?: string | { reference?: string };
  additionalInformation?: string;
}

/**
 * One entry of the `booked` or `pending` list. The bank's id is `transactionId` (else
 * `entryReference`); a bank that gives neither gets a content hash, stable as long as the bank
 * repeats the same fields. Pending entries often lack a booking date: the value date stands in,
 * then `fallbackDate` (the day asked for).
 */
export function toTransaction(
  raw: unknown,
  pending: boolean,
  currency: string,
  fallbackDate: string,
): ConnectorTransaction {
  const t = raw as Xs2aTransaction;
  if (!t || typeof t !== 'object') throw new Xs2aBadData('a transaction is not an object');
  if (!t.transactionAmount) throw new Xs2aBadData('a transaction has no transactionAmount');
  const cur = t.transactionAmount.currency ?? currency;
  const amount = parseAmount(t.transactionAmount.amount, cur);
  const date = isDate(t.bookingDate) ? t.bookingDate : isDate(t.valueDate) ? t.valueDate : fallbackDate;
  const counterparty = (amount < 0 ? t.creditorName : t.debtorName)?.trim() || null;
  const structured =
    typeof t.remittanceInformationStructured === 'string'
      ? t.remittanceInformationStructured
      : t.remittanceInformationStructured?.reference;
  const description =
    t.remittanceInformationUnstructured?.trim() ||
    t.remittanceInformationUnstructuredArray?.join(' ').trim() ||
    structured?.trim() ||
    counterparty ||
    t.additionalInformation?.trim() ||
    (amount < 0 ? 'Plaćanje' : 'Uplata');
  const id =
    (typeof t.transactionId === 'string' && t.transactionId) ||
    (typeof t.entryReference === 'string' && t.entryReference) ||
    `h-${createHash('sha256')
      .update([pending ? 'p' : 'b', date, amount, description, counterparty ?? ''].join('\u0000'))
      .digest('hex')
      .slice(0, 24)}`;
  return {
    bankTxnId: id,
    date,
    amount,
    description,
    pending,
    counterparty,
    valueDate: isDate(t.valueDate) ? t.valueDate : null,
  };
}

/** The `transactions` object of a transactions answer: booked and pending lists and the next page. */
export function toTransactionPage(
  body: unknown,
  currency: string,
  fallbackDate: string,
): { transactions: ConnectorTransaction[]; next: string | undefined } {
  const report = (
    body as { transactions?: { booked?: unknown; pending?: unknown; _links?: { next?: unknown } } }
  )?.transactions;
  if (!report || typeof report !== 'object')
    throw new Xs2aBadData('the transactions answer has no transactions report');
  const list = (x: unknown, name: string): unknown[] => {
    if (x === undefined) return [];
    if (!Array.isArray(x)) throw new Xs2aBadData(`transactions.${name} is not a list`);
    return x;
  };
  const transactions = [
    ...list(report.booked, 'booked').map((t) => toTransaction(t, false, currency, fallbackDate)),
    ...list(report.pending, 'pending').map((t) => toTransaction(t, true, currency, fallbackDate)),
  ];
  const next = report._links?.next as { href?: unknown } | string | undefined;
  const href = typeof next === 'string' ? next : typeof next?.href === 'string' ? next.href : undefined;
  return { transactions, next: href };
}

/** The holder's identity from the accounts' ownerName (the only identity XS2A AIS offers). */
export function identityOf(
  accounts: ReadonlyArray<Pick<ConnectorAccount, 'ownerName'>>,
): ConnectorIdentity | null {
  const names = [...new Set(accounts.map((a) => a.ownerName).filter((n): n is string => !!n))];
  if (names.length === 0) return null;
  return { names, emails: [], phone_numbers: [], addresses: [] };
}

/** YYYY-MM-DD `days` after (or before, negative) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
