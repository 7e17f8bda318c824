import type { SandboxBank } from './account-number.js';
import {
  daysInMonth,
  formatIsoDate,
  fromMonthIndex,
  fromYmd,
  monthIndex,
  nextWorkingDay,
  SERBIAN_MONTHS,
  weekday,
  ymd,
} from './calendar.js';
import {
  type Category,
  cardOf,
  EURO_SPEND_KINDS,
  interestDescription,
  minorAmount,
  type SpendKind,
  spendDescription,
  transferInDescription,
  WEEKDAY_SHAPE,
} from './merchants.js';
import { EPS_SEASON, INFOSTAN_SEASON, NETFLIX_AMOUNT, type Person, SPOTIFY_AMOUNT } from './person.js';
import { Rng } from './prng.js';

/**
 * Per-account transaction streams. Randomness is keyed by (seed, account ref, month) and each
 * month is drawn whole, then clipped to the window, so a given day's transactions are the same
 * whatever window of history is asked for (bank ids stay stable as `today` moves on).
 */
export interface Draft {
  day: number;
  /** Minor units, debit negative. */
  amount: number;
  description: string;
  category: Category;
  /** Card payments may still be pending in the last days. */
  card: boolean;
}

export interface StreamCtx {
  seed: string;
  ref: string;
  bank: SandboxBank;
  person: Person;
  /** First and last day of the history, inclusive. */
  start: number;
  end: number;
}

/** A savings account the primary current account feeds every month. */
export interface SavingsLink {
  ref: string;
  currency: 'RSD' | 'EUR';
  /** Share of the person's savings budget, minor RSD per month. */
  monthlyRsd: number;
  /** Whether a current account in the same profile sends the money (else it is paid in cash). */
  fromCurrent: boolean;
}

/** Months overlapping [start, end] as month indices. */
function monthsOf(ctx: StreamCtx): number[] {
  const a = ymd(ctx.start);
  const b = ymd(ctx.end);
  const out: number[] = [];
  for (let i = monthIndex(a.y, a.m); i <= monthIndex(b.y, b.m); i++) out.push(i);
  return out;
}

const dayIn = (y: number, m: number, d: number): number => fromYmd(y, m, Math.min(d, daysInMonth(y, m)));

export const salaryDay = (person: Person, y: number, m: number): number =>
  nextWorkingDay(fromYmd(y, m, person.payDay));

/** Bank selling rate for EUR in dinars: around 117.2 with a slow drift plus the bank's spread. */
export function eurSellRate(day: number): number {
  return (117.15 + 0.12 * Math.sin(day / 37) + 0.06 * Math.sin(day / 11)) * 1.006;
}

/** This month's deposit into a linked savings account, or null when the person skips a month. */
export function savingsDeposit(
  seed: string,
  person: Person,
  link: SavingsLink,
  y: number,
  m: number,
): { day: number; amount: number; rsdCost: number } | null {
  const rng = new Rng(seed, link.ref, 'deposit', y, m);
  if (rng.chance(0.1)) return null;
  const day = nextWorkingDay(salaryDay(person, y, m) + 1);
  const factor = rng.pick([0.5, 1, 1, 1, 1.5]);
  const budget = Math.max(link.monthlyRsd, 6_000_00) * factor;
  if (link.currency === 'RSD') {
    const amount = Math.max(1, Math.round(budget / 1_000_00)) * 1_000_00;
    return { day, amount, rsdCost: amount };
  }
  const rate = eurSellRate(day);
  const amount = Math.max(1, Math.round(budget / rate / 10_00)) * 10_00;
  return { day, amount, rsdCost: Math.round(amount * rate) };
}

/**
 * Now and then (about one month in seven) money goes back from savings to the current account, a
 * few days after that month's deposit and within the month: a fifth to two fifths of the deposit,
 * so the savings balance never drops below where the month began. Depends only on its month, so a
 * refresh window and the history agree. EUR savings are sold at the bank's buying rate.
 */
export function savingsWithdrawal(
  seed: string,
  person: Person,
  link: SavingsLink,
  y: number,
  m: number,
): { day: number; amount: number; rsdValue: number } | null {
  if (!link.fromCurrent) return null;
  const dep = savingsDeposit(seed, person, link, y, m);
  if (!dep) return null;
  const rng = new Rng(seed, link.ref, 'withdrawal', y, m);
  if (!rng.chance(0.15)) return null;
  const day = nextWorkingDay(dep.day + rng.int(3, 12));
  if (ymd(day).m !== m) return null;
  const unit = link.currency === 'RSD' ? 1_000_00 : 10_00;
  const amount = Math.max(1, Math.floor((dep.amount * rng.between(0.2, 0.4)) / unit)) * unit;
  if (link.currency === 'RSD') return { day, amount, rsdValue: amount };
  return { day, amount, rsdValue: Math.round(amount * eurBuyRate(day)) };
}

/** Bank buying rate for EUR in dinars (the mid rate less the bank's spread). */
function eurBuyRate(day: number): number {
  return (eurSellRate(day) / 1.006) * 0.994;
}

function savingsCreditToCurrentDescription(bank: SandboxBank, currency: 'RSD' | 'EUR'): string {
  if (currency === 'RSD') return 'Prenos sa štednog računa';
  switch (bank) {
    case 'raiffeisen':
      return 'Prodaja deviza - prenos na tekući račun';
    case 'erste':
      return 'Kupoprodaja deviza - prenos na tekući račun';
    case 'aik':
      return 'Konverzija EUR/RSD - prenos na tekući račun';
  }
}

function savingsDebitDescription(bank: SandboxBank, currency: 'RSD' | 'EUR'): string {
  if (currency === 'RSD') return 'Prenos na štedni račun';
  switch (bank) {
    case 'raiffeisen':
      return 'Kupovina deviza - prenos na štednju';
    case 'erste':
      return 'Kupoprodaja deviza - štednja EUR';
    case 'aik':
      return 'Konverzija RSD/EUR - štednja';
  }
}

const clip = (ctx: StreamCtx, drafts: Draft[]): Draft[] =>
  drafts.filter((d) => d.day >= ctx.start && d.day <= ctx.end);

/** Runs `onDay` for every day of every month in the window with that month's generator, then clips. */
function everyday(ctx: StreamCtx, onDay: (rng: Rng, day: number, into: Draft[]) => void): Draft[] {
  const out: Draft[] = [];
  for (const mi of monthsOf(ctx)) {
    const { y, m } = fromMonthIndex(mi);
    const rng = new Rng(ctx.seed, ctx.ref, 'everyday', mi);
    const first = fromYmd(y, m, 1);
    for (let day = first; day < first + daysInMonth(y, m); day++) onDay(rng, day, out);
  }
  return clip(ctx, out);
}

/** Occurrences of everyday spending on one day, for kinds scaled by `freq` and `size`. */
function everydayOn(
  ctx: StreamCtx,
  rng: Rng,
  day: number,
  kinds: readonly SpendKind[],
  freq: number,
  size: number,
  into: Draft[],
): void {
  const wd = weekday(day);
  for (const kind of kinds) {
    const p = ((kind.weeklyRate * freq) / 7) * (WEEKDAY_SHAPE[kind.category][wd] ?? 1);
    if (rng.chance(p)) into.push(spendOnce(ctx, rng, day, kind, size));
  }
}

/** One occurrence of a spend kind: an outlet, an amount scaled by `size`, the bank's wording. */
export function spendOnce(ctx: StreamCtx, rng: Rng, day: number, kind: SpendKind, size: number): Draft {
  const outlet = rng.weighted(kind.outlets);
  const amount = minorAmount(rng, rng.logUniform(kind.min, kind.max) * size, kind.style);
  return {
    day,
    amount: -amount,
    description: spendDescription(ctx.bank, kind, outlet, cardOf(ctx.bank, ctx.ref, formatIsoDate(day))),
    category: kind.category,
    card: kind.channel === 'card',
  };
}

/** The main dinar account: salary, rent, bills, subscriptions, savings transfers, everyday life. */
export function primaryCurrentStream(ctx: StreamCtx, links: readonly SavingsLink[]): Draft[] {
  const { person: p } = ctx;
  const daily = everyday(ctx, (rng, day, into) => {
    everydayOn(ctx, rng, day, p.spend, p.spendScale, p.spendScale, into);
    if (rng.chance(p.transferIn.weeklyRate / 7)) {
      const amount = minorAmount(rng, rng.logUniform(p.transferIn.min, p.transferIn.max), 'hundreds');
      into.push({
        day,
        amount,
        description: transferInDescription(ctx.bank, rng.pick(p.friends)),
        category: 'transfer',
        card: false,
      });
    }
  });
  return byDay(primaryScheduled(ctx, links), daily);
}

/**
 * The primary account's dated items in [start, end]: salary, rent, subscriptions, bills and the
 * transfers to savings. Each depends only on its month, so any window gives the same items for
 * the days it covers — a refresh generates the ones that fell due since the last pull this way.
 */
export function primaryScheduled(ctx: StreamCtx, links: readonly SavingsLink[]): Draft[] {
  const { person: p } = ctx;
  const out: Draft[] = [];
  for (const mi of monthsOf(ctx)) {
    const { y, m } = fromMonthIndex(mi);
    const prev = fromMonthIndex(mi - 1);
    const rng = new Rng(ctx.seed, ctx.ref, 'month', mi);
    const bill = (
      day: number,
      amount: number,
      description: string,
      category: Category,
      card = false,
    ): void => {
      out.push({ day, amount: -amount, description, category, card });
    };
    out.push({
      day: salaryDay(p, y, m),
      amount: p.salary,
      description: `Plata - ${SERBIAN_MONTHS[prev.m - 1]} ${prev.y}`,
      category: 'salary',
      card: false,
    });
    bill(nextWorkingDay(fromYmd(y, m, p.rent.day)), p.rent.amount, p.rent.description, 'rent');
    bill(dayIn(y, m, p.netflixDay), NETFLIX_AMOUNT, netflixDescription(ctx.bank), 'subscriptions', true);
    if (p.spotifyDay !== null)
      bill(dayIn(y, m, p.spotifyDay), SPOTIFY_AMOUNT, spotifyDescription(ctx.bank), 'subscriptions', true);
    // Bills arrive for last month's use and are paid a few days either side of the usual date.
    const eps = Math.round(p.eps.amount * (EPS_SEASON[prev.m - 1] ?? 1) * rng.between(0.88, 1.12));
    bill(nextWorkingDay(dayIn(y, m, p.eps.day + rng.int(-2, 2))), eps, p.eps.description, 'utilities');
    const infostan = Math.round(
      p.infostan.amount * (INFOSTAN_SEASON[prev.m - 1] ?? 1) * rng.between(0.94, 1.06),
    );
    bill(
      nextWorkingDay(dayIn(y, m, p.infostan.day + rng.int(-2, 2))),
      infostan,
      p.infostan.description,
      'utilities',
    );
    const roaming = m === 7 || m === 8 ? 0.45 : 0.15;
    const phoneExtra = rng.chance(roaming) ? rng.int(50_00, 900_00) : 0;
    bill(
      nextWorkingDay(dayIn(y, m, p.phone.day)),
      p.phone.amount + phoneExtra,
      p.phone.description,
      'utilities',
    );
    if (p.internet)
      bill(
        nextWorkingDay(dayIn(y, m, p.internet.day)),
        p.internet.amount,
        p.internet.description,
        'utilities',
      );
    for (const link of links) {
      const dep = savingsDeposit(ctx.seed, p, link, y, m);
      if (dep) bill(dep.day, dep.rsdCost, savingsDebitDescription(ctx.bank, link.currency), 'transfer');
      const back = savingsWithdrawal(ctx.seed, p, link, y, m);
      if (back) {
        const description = savingsCreditToCurrentDescription(ctx.bank, link.currency);
        out.push({ day: back.day, amount: back.rsdValue, description, category: 'transfer', card: false });
      }
    }
  }
  return clip(ctx, out);
}

/** A second dinar account: topped up now and then, used for a little card spending. */
export function secondaryCurrentStream(ctx: StreamCtx): Draft[] {
  const cardKinds = ctx.person.spend.filter((k) => k.channel === 'card');
  const daily = everyday(ctx, (rng, day, into) => everydayOn(ctx, rng, day, cardKinds, 0.15, 1, into));
  return byDay(secondaryScheduled(ctx), daily);
}

/** The second dinar account's monthly top-up, in [start, end]. */
export function secondaryScheduled(ctx: StreamCtx): Draft[] {
  const { person: p } = ctx;
  const own = `${p.holder.first} ${p.holder.last}`;
  const recurring: Draft[] = [];
  for (const mi of monthsOf(ctx)) {
    const { y, m } = fromMonthIndex(mi);
    const rng = new Rng(ctx.seed, ctx.ref, 'month', mi);
    const amount = minorAmount(rng, rng.between(12_000, 25_000), 'hundreds');
    recurring.push({
      day: nextWorkingDay(salaryDay(p, y, m) + 1),
      amount,
      description: transferInDescription(ctx.bank, own),
      category: 'transfer',
      card: false,
    });
  }
  return clip(ctx, recurring);
}

/** A euro current account: money from abroad in, travel and online shopping out. */
export function euroCurrentStream(ctx: StreamCtx): Draft[] {
  const daily = everyday(ctx, (rng, day, into) => everydayOn(ctx, rng, day, EURO_SPEND_KINDS, 1, 1, into));
  return byDay(euroScheduled(ctx), daily);
}

/** Money from abroad on the euro account, in [start, end]. */
export function euroScheduled(ctx: StreamCtx): Draft[] {
  const recurring: Draft[] = [];
  for (const mi of monthsOf(ctx)) {
    const { y, m } = fromMonthIndex(mi);
    const rng = new Rng(ctx.seed, ctx.ref, 'month', mi);
    if (!rng.chance(0.6)) continue;
    const amount = minorAmount(rng, rng.between(150, 600), 'fuel');
    const day = nextWorkingDay(dayIn(y, m, rng.int(1, 26)));
    const from = rng.pick(ctx.person.friends);
    recurring.push({
      day,
      amount,
      description: `Priliv iz inostranstva - ${from}`,
      category: 'transfer',
      card: false,
    });
  }
  return clip(ctx, recurring);
}

/** The month's transfer back to the current account as the savings account books it, if any. */
function savingsDebit(ctx: StreamCtx, link: SavingsLink, y: number, m: number): Draft | null {
  const back = savingsWithdrawal(ctx.seed, ctx.person, link, y, m);
  if (!back) return null;
  return {
    day: back.day,
    amount: -back.amount,
    description: 'Prenos na tekući račun',
    category: 'transfer',
    card: false,
  };
}

/** The month's deposit as the savings account books it (the other side of the primary's debit). */
function savingsCredit(ctx: StreamCtx, link: SavingsLink, y: number, m: number): Draft | null {
  const dep = savingsDeposit(ctx.seed, ctx.person, link, y, m);
  if (!dep) return null;
  const description = link.fromCurrent ? 'Prenos sa tekućeg računa' : 'Uplata na štednju';
  return { day: dep.day, amount: dep.amount, description, category: 'transfer', card: false };
}

/**
 * The savings account's deposits and transfers back in [start, end], for a refresh. Interest and the summer
 * withdrawal depend on the running balance, which a window cannot know; the history has them.
 */
export function savingsScheduled(ctx: StreamCtx, link: SavingsLink): Draft[] {
  const out: Draft[] = [];
  for (const mi of monthsOf(ctx)) {
    const { y, m } = fromMonthIndex(mi);
    const dep = savingsCredit(ctx, link, y, m);
    if (dep) out.push(dep);
    const back = savingsDebit(ctx, link, y, m);
    if (back) out.push(back);
  }
  return clip(ctx, out);
}

/**
 * A savings account: monthly deposits, now and then a transfer back to the current account,
 * interest credited on the last day of the month, and a summer withdrawal for the holidays. Interest depends on the balance, so this runs forward
 * from the opening balance.
 */
export function savingsStream(ctx: StreamCtx, link: SavingsLink, opening: number): Draft[] {
  const out: Draft[] = [];
  const profileRng = new Rng(ctx.seed, ctx.ref, 'savings');
  const annualRate =
    link.currency === 'EUR' ? profileRng.between(0.004, 0.012) : profileRng.between(0.025, 0.04);
  let balance = opening;
  const inWindow = (day: number): boolean => day >= ctx.start && day <= ctx.end;
  for (const mi of monthsOf(ctx)) {
    const { y, m } = fromMonthIndex(mi);
    const rng = new Rng(ctx.seed, ctx.ref, 'month', mi);
    const month: Draft[] = [];
    const dep = savingsCredit(ctx, link, y, m);
    if (dep && inWindow(dep.day)) month.push(dep);
    const back = savingsDebit(ctx, link, y, m);
    if (back && inWindow(back.day)) month.push(back);
    const withdrawalDay = nextWorkingDay(fromYmd(y, m, rng.int(1, 20)));
    if (m === 7 && rng.chance(0.6) && inWindow(withdrawalDay)) {
      const wanted =
        Math.round(link.currency === 'EUR' ? rng.between(300, 1_200) : rng.between(30_000, 120_000)) * 100;
      month.push({
        day: withdrawalDay,
        amount: -wanted,
        description: 'Isplata sa štednog računa',
        category: 'transfer',
        card: false,
      });
    }
    month.sort((a, b) => a.day - b.day);
    for (const d of month) {
      // Never take out more than 40% of what is there (a transfer back is already capped by its deposit).
      if (d.amount < 0 && d !== back)
        d.amount = -Math.min(-d.amount, Math.floor((balance * 0.4) / 10_00) * 10_00);
      if (d.amount === 0) continue;
      balance += d.amount;
      out.push(d);
    }
    const last = fromYmd(y, m, daysInMonth(y, m));
    if (inWindow(last)) {
      const interest = Math.round((balance * annualRate) / 12);
      if (interest > 0) {
        balance += interest;
        out.push({
          day: last,
          amount: interest,
          description: interestDescription(ctx.bank),
          category: 'transfer',
          card: false,
        });
      }
    }
  }
  return out;
}

/** Recurring items first within a day (booked overnight), then the day's card and cash activity. */
function byDay(recurring: Draft[], daily: Draft[]): Draft[] {
  const all = [
    ...recurring.map((d, i) => ({ d, o: i })),
    ...daily.map((d, i) => ({ d, o: recurring.length + i })),
  ];
  all.sort((a, b) => a.d.day - b.d.day || a.o - b.o);
  return all.map((x) => x.d);
}

function netflixDescription(bank: SandboxBank): string {
  switch (bank) {
    case 'raiffeisen':
      return 'NETFLIX.COM AMSTERDAM';
    case 'erste':
      return 'Netflix.com Amsterdam';
    case 'aik':
      return 'KUPOVINA INTERNET NETFLIX.COM AMSTERDAM';
  }
}

function spotifyDescription(bank: SandboxBank): string {
  switch (bank) {
    case 'raiffeisen':
      return 'SPOTIFY STOCKHOLM';
    case 'erste':
      return 'Spotify Stockholm';
    case 'aik':
      return 'KUPOVINA INTERNET SPOTIFY STOCKHOLM';
  }
}

/** Everyday card kinds for a refresh: the person's own shops in dinars, trips for euro accounts. */
export function refreshKinds(person: Person, currency: 'RSD' | 'EUR'): readonly SpendKind[] {
  return currency === 'EUR' ? EURO_SPEND_KINDS : person.spend.filter((k) => k.channel === 'card');
}
