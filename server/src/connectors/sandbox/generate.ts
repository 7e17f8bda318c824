import {
  accountBody,
  BANK_CODES,
  formatAccountNumber,
  ibanOf,
  parseAccountRef,
  type SandboxBank,
} from './account-number.js';
import { addMonths, formatIsoDate, parseIsoDate } from './calendar.js';
import { makePerson, type Person } from './person.js';
import { hashHex, Rng } from './prng.js';
import {
  type Draft,
  euroCurrentStream,
  euroScheduled,
  primaryCurrentStream,
  primaryScheduled,
  refreshKinds,
  type SavingsLink,
  type StreamCtx,
  savingsScheduled,
  savingsStream,
  secondaryCurrentStream,
  secondaryScheduled,
  spendOnce,
} from './streams.js';

/**
 * The sandbox bank's data, generated deterministically: a seed string fixes a person (salary,
 * rent, bills, habits, favourite shops) and every transaction of their accounts, so the same
 * seed and options give byte-identical output and the sandbox needs no stored fixtures.
 */

export type SandboxBankId = 'raiffeisen' | 'erste' | 'aik';

export interface GeneratedTransaction {
  /** The bank's own id, unique per account, stable for the same (seed, account, occurrence). */
  bankTxnId: string;
  /** YYYY-MM-DD */
  date: string;
  /** Integer minor units (para / euro cents); debit negative, credit positive. */
  amount: number;
  /** As a Serbian bank statement prints it. */
  description: string;
  category:
    | 'groceries'
    | 'rent'
    | 'dining'
    | 'utilities'
    | 'transport'
    | 'entertainment'
    | 'subscriptions'
    | 'salary'
    | 'transfer';
  /** True only for a few card payments of the last 1–3 days. */
  pending: boolean;
}

export interface GeneratedAccount {
  /** Connector-side account reference: the account's IBAN ("RS35265…"), stable per seed + index. */
  ref: string;
  name: string;
  type: 'current' | 'savings';
  currency: 'RSD' | 'EUR';
  /** "265-0001123456789-12": bank code, 13-digit body, MOD 97-10 control number. */
  accountNumber: string;
  /** Minor units, chosen so the running balance stays positive. */
  openingBalance: number;
  /** Minor units ≤ 0: available = balance + availableDelta (card holds not yet in the feed). */
  availableDelta: number;
  /** Full history, oldest first. */
  transactions: GeneratedTransaction[];
}

export interface GeneratedIdentity {
  names: string[];
  emails: string[];
  phone_numbers: string[];
  addresses: Array<{ street: string; city: string; postal_code: string; country: 'RS' }>;
}

export interface GeneratedProfile {
  accounts: GeneratedAccount[];
  identity: GeneratedIdentity | null;
}

export interface GenerateOptions {
  /** Any string; same seed + same options → identical output. */
  seed: string;
  bankId: SandboxBankId;
  /** YYYY-MM-DD: history ends on this day (inclusive). */
  today: string;
  /** History length in months, default 13, at least 12. */
  months?: number;
  /** Default: from the seed — a RSD current account, sometimes with a EUR savings account. */
  accounts?: Array<{ type: 'current' | 'savings'; currency: 'RSD' | 'EUR' }>;
  /** Identity only where the bank supports it — the caller decides. */
  withIdentity: boolean;
}

export interface RefreshResult {
  newTransactions: GeneratedTransaction[];
  posted: Array<{ pendingBankTxnId: string; posted: GeneratedTransaction }>;
}

type AccountSpec = { type: 'current' | 'savings'; currency: 'RSD' | 'EUR' };

const ID_PREFIX: Readonly<Record<SandboxBank, string>> = { raiffeisen: 'RB', erste: 'ER', aik: 'AK' };
const BANKS: readonly SandboxBankId[] = ['raiffeisen', 'erste', 'aik'];
/** Chance that a card payment is still pending, by age in days (today, yesterday, the day before). */
const PENDING_BY_AGE = [0.85, 0.55, 0.2] as const;

export function generateSandboxProfile(opts: GenerateOptions): GeneratedProfile {
  if (!BANKS.includes(opts.bankId)) throw new RangeError(`unknown sandbox bank: ${opts.bankId}`);
  const months = opts.months ?? 13;
  if (!Number.isInteger(months) || months < 12) throw new RangeError('months must be an integer ≥ 12');
  const end = parseIsoDate(opts.today);
  const start = addMonths(end, -months) + 1;
  const bank = opts.bankId;
  const person = makePerson(opts.seed);
  const specs = opts.accounts ?? defaultAccounts(opts.seed);
  const { numbers, refs, primary, links } = layoutOf(opts.seed, bank, person, specs);

  const nameCounts = new Map<string, number>();
  const accounts = specs.map((spec, i): GeneratedAccount => {
    const ref = refs[i] as string;
    const ctx: StreamCtx = { seed: opts.seed, ref, bank, person, start, end };
    const link = links.get(i);
    let drafts: Draft[];
    let opening: number;
    if (link) {
      opening = savingsOpening(opts.seed, ref, spec.currency);
      drafts = savingsStream(ctx, link, opening);
    } else {
      if (i === primary) drafts = primaryCurrentStream(ctx, primary >= 0 ? [...links.values()] : []);
      else if (spec.currency === 'RSD') drafts = secondaryCurrentStream(ctx);
      else drafts = euroCurrentStream(ctx);
      opening = currentOpening(opts.seed, ref, spec.currency, drafts);
    }
    const transactions = finalize(ctx, drafts, spec.type === 'current');
    const balance = opening + transactions.reduce((s, t) => s + t.amount, 0);
    const baseName = accountName(bank, spec);
    const nth = (nameCounts.get(baseName) ?? 0) + 1;
    nameCounts.set(baseName, nth);
    return {
      ref,
      name: nth === 1 ? baseName : `${baseName} ${nth}`,
      type: spec.type,
      currency: spec.currency,
      accountNumber: numbers[i] as string,
      openingBalance: opening,
      availableDelta: spec.type === 'current' ? cardHolds(opts.seed, ref, end, spec.currency, balance) : 0,
      transactions,
    };
  });

  return { accounts, identity: opts.withIdentity ? identityOf(person) : null };
}

/**
 * A sync against the sandbox bank: a few card payments made today, and pending payments that
 * have now posted (older ones always, yesterday's often, today's rarely). A posted payment keeps
 * its date, amount, description and category and gets its own booked id.
 */
export function generateRefresh(opts: {
  seed: string;
  accountRef: string;
  currency: 'RSD' | 'EUR';
  today: string;
  refreshNo: number;
  /** A forced refresh (POST /accounts/:id/sync): a current account always gets at least one new payment. */
  atLeastOne?: boolean;
  /** Last day the bank's data was pulled through; scheduled items after it are generated too. */
  since?: string;
  /** The profile's accounts as the grant defines them (default: from the seed). */
  accounts?: AccountSpec[];
  pending: Array<{
    bankTxnId: string;
    date: string;
    amount: number;
    description: string;
    category: GeneratedTransaction['category'];
  }>;
}): RefreshResult {
  const today = parseIsoDate(opts.today);
  const parsed = parseAccountRef(opts.accountRef);
  const bank = parsed?.bank ?? 'raiffeisen';
  const type = parsed?.type ?? (opts.currency === 'RSD' ? 'current' : 'savings');
  const rng = new Rng(opts.seed, opts.accountRef, 'refresh', today, opts.refreshNo);

  const newTransactions: GeneratedTransaction[] = [];
  if (type === 'current') {
    const person = makePerson(opts.seed);
    const kinds = refreshKinds(person, opts.currency);
    const ctx: StreamCtx = { seed: opts.seed, ref: opts.accountRef, bank, person, start: today, end: today };
    const drawn = rng.weighted<number>([
      [0, 0.15],
      [1, 0.4],
      [2, 0.3],
      [3, 0.15],
    ]);
    const count = opts.atLeastOne ? Math.max(1, drawn) : drawn;
    const size = opts.currency === 'RSD' ? person.spendScale : 1;
    for (let i = 0; i < count; i++) {
      const kind = rng.weighted(kinds.map((k) => [k, k.weeklyRate] as const));
      const draft = spendOnce(ctx, rng, today, kind, size);
      const id = `${ID_PREFIX[bank]}-${opts.today.replaceAll('-', '')}-R${opts.refreshNo}.${i + 1}-${hashHex(6, opts.accountRef, opts.today, opts.refreshNo, i, draft.description)}`;
      newTransactions.push({
        bankTxnId: id,
        date: opts.today,
        amount: draft.amount,
        description: draft.description,
        category: draft.category,
        pending: rng.chance(0.8),
      });
    }
  }

  if (opts.since !== undefined) {
    const specs = opts.accounts ?? defaultAccounts(opts.seed);
    newTransactions.push(
      ...scheduledSince(opts.seed, bank, opts.accountRef, specs, parseIsoDate(opts.since), today),
    );
  }

  const posted: RefreshResult['posted'] = [];
  for (const p of opts.pending) {
    const age = ageInDays(p.date, today);
    const chance = age >= 2 ? 1 : age === 1 ? 0.6 : age === 0 ? 0.25 : 0;
    if (!new Rng(opts.seed, opts.accountRef, 'post', today, opts.refreshNo, p.bankTxnId).chance(chance))
      continue;
    posted.push({
      pendingBankTxnId: p.bankTxnId,
      posted: {
        bankTxnId: `${p.bankTxnId}-K`,
        date: p.date,
        amount: p.amount,
        description: p.description,
        category: p.category,
        pending: false,
      },
    });
  }
  return { newTransactions, posted };
}

/** Days between a YYYY-MM-DD date and `today`; an unreadable date counts as old. */
function ageInDays(date: string, today: number): number {
  try {
    return today - parseIsoDate(date);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The profile's accounts: numbers, refs, which one is the primary (salary) account, savings links. */
function layoutOf(seed: string, bank: SandboxBank, person: Person, specs: readonly AccountSpec[]) {
  const numbers = accountNumbers(seed, bank, specs);
  const refs = numbers.map(ibanOf);
  const primary = specs.findIndex((s) => s.type === 'current' && s.currency === 'RSD');
  const savingsCount = specs.filter((s) => s.type === 'savings').length;
  const links = new Map<number, SavingsLink>();
  specs.forEach((s, i) => {
    if (s.type !== 'savings') return;
    links.set(i, {
      ref: refs[i] as string,
      currency: s.currency,
      monthlyRsd: person.savingsBudget / savingsCount,
      fromCurrent: primary >= 0,
    });
  });
  return { numbers, refs, primary, links };
}

/**
 * What fell due on the account in (since, today]: salary, rent, bills, subscriptions, transfers to
 * and from savings — the dated items of its history generator, for days the history did not cover.
 * Booked ids derive from (account, day, description, amount), so pulling a window twice adds nothing.
 */
function scheduledSince(
  seed: string,
  bank: SandboxBank,
  accountRef: string,
  specs: readonly AccountSpec[],
  since: number,
  today: number,
): GeneratedTransaction[] {
  if (today <= since) return [];
  const person = makePerson(seed);
  const { refs, primary, links } = layoutOf(seed, bank, person, specs);
  const i = refs.indexOf(accountRef);
  const spec = specs[i];
  if (!spec) return [];
  const ctx: StreamCtx = { seed, ref: accountRef, bank, person, start: since + 1, end: today };
  const link = links.get(i);
  const drafts = link
    ? savingsScheduled(ctx, link)
    : i === primary
      ? primaryScheduled(ctx, [...links.values()])
      : spec.currency === 'RSD'
        ? secondaryScheduled(ctx)
        : euroScheduled(ctx);
  // In day order, as the history lists them (sort is stable: same-day items keep their order).
  return [...drafts]
    .sort((a, b) => a.day - b.day)
    .map((d) => {
      const date = formatIsoDate(d.day);
      return {
        bankTxnId: `${ID_PREFIX[bank]}-${date.replaceAll('-', '')}-S-${hashHex(8, accountRef, d.day, d.description, d.amount)}`,
        date,
        amount: d.amount,
        description: d.description,
        category: d.category,
        // Card subscriptions (Netflix) show as pending on the day they are taken, like any card payment.
        pending: d.card && d.day === today,
      };
    });
}

function defaultAccounts(seed: string): AccountSpec[] {
  const rng = new Rng(seed, 'accounts');
  const specs: AccountSpec[] = [{ type: 'current', currency: 'RSD' }];
  if (rng.chance(0.4)) specs.push({ type: 'savings', currency: 'EUR' });
  return specs;
}

/** Account numbers for the specs, distinct within the profile and stable per seed + index. */
function accountNumbers(seed: string, bank: SandboxBank, specs: readonly AccountSpec[]): string[] {
  const seen = new Set<string>();
  return specs.map((spec, i) => {
    const rng = new Rng(seed, bank, 'account', i);
    for (;;) {
      const nine = String(rng.int(0, 999_999_999)).padStart(9, '0');
      const number = formatAccountNumber(BANK_CODES[bank], accountBody(bank, spec.type, nine));
      if (!seen.has(number.slice(0, 17))) {
        seen.add(number.slice(0, 17));
        return number;
      }
    }
  });
}

function accountName(bank: SandboxBank, spec: AccountSpec): string {
  if (spec.type === 'current') {
    if (spec.currency === 'EUR') return bank === 'erste' ? 'Devizni tekući račun EUR' : 'Devizni račun EUR';
    return bank === 'erste' ? 'Dinarski tekući račun' : bank === 'aik' ? 'Tekući račun RSD' : 'Tekući račun';
  }
  if (spec.currency === 'EUR') return bank === 'erste' ? 'Devizna štednja EUR' : 'Štedni račun EUR';
  return bank === 'raiffeisen'
    ? 'Dinarski štedni račun'
    : bank === 'erste'
      ? 'Dinarska štednja'
      : 'Štedni račun RSD';
}

function savingsOpening(seed: string, ref: string, currency: 'RSD' | 'EUR'): number {
  const rng = new Rng(seed, ref, 'opening');
  return currency === 'EUR' ? rng.int(1_000_00, 9_000_00) : rng.int(80_000_00, 600_000_00);
}

/** A plausible starting balance, raised if needed so the running balance never drops below a cushion. */
function currentOpening(
  seed: string,
  ref: string,
  currency: 'RSD' | 'EUR',
  drafts: readonly Draft[],
): number {
  const rng = new Rng(seed, ref, 'opening');
  const base = currency === 'EUR' ? rng.int(200_00, 1_500_00) : rng.int(15_000_00, 80_000_00);
  const cushion = currency === 'EUR' ? rng.int(30_00, 120_00) : rng.int(3_000_00, 8_000_00);
  let running = 0;
  let lowest = 0;
  for (const d of drafts) {
    running += d.amount;
    if (running < lowest) lowest = running;
  }
  return Math.max(base, cushion - lowest);
}

/** Card holds the bank reports only in the available balance; never more than the balance. */
function cardHolds(seed: string, ref: string, end: number, currency: 'RSD' | 'EUR', balance: number): number {
  const rng = new Rng(seed, ref, 'holds', end);
  if (rng.chance(0.45)) return 0;
  const hold = currency === 'EUR' ? rng.int(5_00, 80_00) : rng.int(300, 3_500) * 100;
  return -Math.min(hold, Math.max(0, balance));
}

/** Ids (date + running number within the day + a reference hash) and pending flags. */
function finalize(ctx: StreamCtx, drafts: readonly Draft[], isCurrent: boolean): GeneratedTransaction[] {
  const prefix = ID_PREFIX[ctx.bank];
  let seq = 0;
  let lastDay = Number.NaN;
  const out = drafts.map((d): GeneratedTransaction => {
    seq = d.day === lastDay ? seq + 1 : 1;
    lastDay = d.day;
    const date = formatIsoDate(d.day);
    const bankTxnId = `${prefix}-${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}-${hashHex(6, ctx.ref, d.day, seq, d.description)}`;
    const age = ctx.end - d.day;
    const chance = d.card ? (PENDING_BY_AGE[age] ?? 0) : 0;
    const pending = chance > 0 && new Rng(ctx.seed, ctx.ref, 'pending', bankTxnId).chance(chance);
    return { bankTxnId, date, amount: d.amount, description: d.description, category: d.category, pending };
  });
  // A live-looking current account shows at least one payment still being processed.
  if (isCurrent && !out.some((t) => t.pending)) {
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i] as Draft;
      if (ctx.end - d.day >= PENDING_BY_AGE.length) break;
      if (d.card) {
        (out[i] as GeneratedTransaction).pending = true;
        break;
      }
    }
  }
  return out;
}

function identityOf(person: Person): GeneratedIdentity {
  const h = person.holder;
  return {
    names: [`${h.first} ${h.last}`],
    emails: [h.email],
    phone_numbers: [h.phone],
    addresses: [
      {
        street: `${h.street} ${h.houseNumber}`,
        city: h.city?.name ?? 'Beograd',
        postal_code: h.neighborhood.postalCode,
        country: 'RS',
      },
    ],
  };
}
