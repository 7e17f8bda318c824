import { FIRST_NAMES, MERCHANTS } from './merchants.js';
import {
  ACCOUNT_NUMBER,
  CASH_KEY,
  CITIES,
  counterpartyKey,
  fold,
  LEGAL_FORMS,
  normalizeMerchant,
} from './normalize.js';

/**
 * Grouping key: the merchant key of the normalisation pipeline, so one payee is one group
 * whichever bank wrapping, date, card fragment or city its lines carry; a listed brand collapses
 * to its name ("NETFLIX.COM 866-579-7172 NL" and "Netflix International B.V." → "netflix"). Text
 * that is nothing but wrapping falls back to the older word key.
 */
export function recurringKey(description: string): string {
  let key = keyMemo.get(description);
  if (key === undefined) {
    key = withTown(stripKeyWrapping(counterpartyKey(description)), description);
    // Bounded: cleared when full (every /recurring call re-keys the same account's descriptions).
    if (keyMemo.size >= KEY_MEMO_LIMIT) keyMemo.clear();
    keyMemo.set(description, key);
  }
  return key;
}

/**
 * Wrapping words some exports print before the payee that the merchant key still starts with:
 * channel wordings ("IPS skeniraj …", "Elektronsko plaćanje …", "Kartična transakcija …"),
 * direction words before a name ("… od Marka", "Instant payment to …", "Primalac: …") and
 * the one-person trade and public-body forms ("STR", "SZR", "JKP", "PU"). One payee paid through two of them is still one payee,
 * so they leave the grouping key — from the front only, and never the whole key. Folded words.
 */
// biome-ignore format: a word list
export const KEY_LEADING_WRAPPING: readonly string[] = [
  'payment card purchase', 'elektronsko placanje', 'e banking placanje', 'e bank', 'odobrenje racuna', 'odobrenje',
  'karticna transakcija', 'card transaction', 'card purchase', 'card payment', 'promet karticom', 'payment',
  'qr placanje', 'qr kodom', 'qr', 'skeniraj', 'pokazi', 'primalac', 'terminal', 'kartica', 'uplata od', 'uplata',
  'auto zaduzenje', 'automatsko zaduzenje', 'trajno zaduzenje', 'direktno zaduzenje', 'zaduzenje', 'od', 'to', 'from',
  'ka', 'str', 'sur', 'szr', 'pr',
  // Public bodies' forms, printed before the name by one wording and left out by another.
  'jkp', 'jp', 'pu', 'ju',
];
/** A bank's name printed before its own card or channel word ("ERSTE DEBIT MC …", "OTP POS …"). */
// biome-ignore format: a word list
const KEY_BANKS = new Set([
  'erste', 'addiko', 'otp', 'mobi', 'aik', 'intesa', 'raiffeisen', 'unicredit', 'nlb', 'halkbank', 'eurobank',
  'procredit', 'postanska', 'komercijalna', 'bank',
]);
// biome-ignore format: a word list
const KEY_CARD_WORDS = new Set([
  'debit', 'mc', 'mastercard', 'visa', 'maestro', 'dina', 'kartica', 'card', 'pos', 'ips', 'prenos', 'kupovina',
  'transakcija', 'placanje',
]);
/** Trailing words that name the payment order's fields, not the payee ("… šifra", "… (IPS)"). */
const KEY_TRAILING_WRAPPING = new Set(['sifra', 'ips', 'pnb', 'svrha']);
/** A masked card number ("5xxx", "516789xxxxxx0511", "4405****0474"). */
const CARD_MASK = /^[0-9x*]*(?:xx|\*\*)[0-9x*]*$/;

/** The merchant key without the wrapping above (the key itself when nothing else would remain). */
export function stripKeyWrapping(key: string): string {
  let words = key.split(' ').filter((w) => !CARD_MASK.test(w));
  for (let changed = true; changed && words.length > 1; ) {
    changed = false;
    if (KEY_BANKS.has(words[0]!) && KEY_CARD_WORDS.has(words[1]!) && words.length > 2) {
      let n = 1;
      while (n < words.length - 1 && KEY_CARD_WORDS.has(words[n]!)) n++;
      words = words.slice(n);
      changed = true;
      continue;
    }
    for (const phrase of KEY_LEADING_WRAPPING_WORDS) {
      if (phrase.length < words.length && phrase.every((w, i) => words[i] === w)) {
        words = words.slice(phrase.length);
        changed = true;
        break;
      }
    }
  }
  while (words.length > 1 && KEY_TRAILING_WRAPPING.has(words[words.length - 1]!)) words.pop();
  return words.length > 0 ? words.join(' ') : key;
}
/**
 * Words of a public utility's generic name: every town has a "JKP Vodovod", a "Gradska toplana", a
 * "Čistoća". The normaliser strips the town printed after a merchant (a shop's branch), which for
 * these leaves "vodovod" for both Pančevo's and Zrenjanin's water company.
 */
// biome-ignore format: a word list
const GENERIC_UTILITY_WORDS = new Set([
  'vodovod', 'kanalizacija', 'i', 'toplana', 'gradska', 'gradsko', 'cistoca', 'komunalac', 'parking', 'servis',
  'zelenilo', 'trznica', 'pijace', 'gradske', 'stambeno', 'pogrebno', 'groblja',
]);
// biome-ignore format: a word list
const UTILITY_NAME_WORDS = new Set([
  'vodovod', 'toplana', 'cistoca', 'komunalac', 'zelenilo', 'trznica', 'pijace', 'stambeno', 'pogrebno', 'groblja',
]);
/** Domestic towns as whole folded words, longest first ("novi sad" before "sad"). */
const TOWN_PATTERN = new RegExp(
  `(?:^|[^a-z])(${[...new Set(CITIES)]
    .map((c) => c.replace(/\./g, ''))
    .filter((c) => /^[a-z ]+$/.test(c))
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![a-z])`,
);
/** Marks the town kept in a utility's key; no link word (links need letters only). */
const TOWN_MARK = '@';

/**
 * A utility's generic key with the town its text prints ("JKP Vodovod Pančevo" → "vodovod @pancevo"):
 * two towns' companies are two payees. Without a town in the text the key stays as it was, and links
 * to one town's key by its words (see linkGroups), so one payee printed with and without its town is
 * still one stream.
 */
function withTown(key: string, description: string): string {
  const words = key.split(' ');
  if (!words.some((w) => UTILITY_NAME_WORDS.has(w)) || !words.every((w) => GENERIC_UTILITY_WORDS.has(w))) {
    return key;
  }
  const town = TOWN_PATTERN.exec(fold(description).replace(/\./g, ''));
  return town === null ? key : `${key} ${TOWN_MARK}${town[1]!.replace(/ /g, '_')}`;
}

/** The town marked in a grouping key, or null. */
function townOf(key: string): string | null {
  const at = key.indexOf(TOWN_MARK);
  return at < 0 ? null : key.slice(at + 1);
}

const KEY_LEADING_WRAPPING_WORDS = KEY_LEADING_WRAPPING.map((p) => p.split(' '));

const KEY_MEMO_LIMIT = 50_000;
const keyMemo = new Map<string, string>();
const accountMemo = new Map<string, string | null>();

/** The account number printed in a description, if any (memoised like the key). */
function accountIn(description: string): string | null {
  let account = accountMemo.get(description);
  if (account === undefined) {
    account = ACCOUNT_NUMBER.exec(description)?.[0] ?? null;
    if (accountMemo.size >= KEY_MEMO_LIMIT) accountMemo.clear();
    accountMemo.set(description, account);
  }
  return account;
}

/**
 * Recurring-payment detection: finds subscriptions, bills and income that repeat on a calendar
 * rhythm. Pure and linear in the number of transactions (one grouping pass, then work per group).
 * All amounts are integer minor units; the route converts them at the JSON edge.
 */

export type Frequency = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'annually';
export type AmountType = 'fixed' | 'variable';

export interface RecurringInput {
  id: string;
  date: string; // YYYY-MM-DD
  amount: number; // minor units, negative = debit
  description: string;
  category: string;
  pending: boolean;
}

export interface RecurringStream {
  description: string;
  category: string;
  frequency: Frequency;
  amount_type: AmountType;
  typical_amount: number; // minor units, positive
  occurrences: number;
  first_date: string;
  last_date: string;
  next_expected_date: string;
  is_active: boolean;
  transaction_ids: string[];
}

export interface RecurringResult {
  outgoing: RecurringStream[];
  incoming: RecurringStream[];
  monthly_outgoing_total: number;
  monthly_incoming_total: number;
}

interface Rhythm {
  frequency: Frequency;
  days: number; // nominal period length
  months: number; // calendar months per period (0 = counted in days)
  single: readonly [number, number]; // accepted gap between consecutive payments (weekends, late posting)
  double: readonly [number, number] | null; // gap when exactly one period was missed
  minOccurrences: number;
  perMonth: number; // factor converting one payment to a monthly amount
  binned?: true; // found by one payment per period (periodBins), not by gaps or a day grid
}

// biome-ignore format: one rhythm per line reads as a table
const RHYTHMS: readonly Rhythm[] = [
  { frequency: 'weekly', days: 7, months: 0, single: [5, 9], double: [12, 16], minOccurrences: 4, perMonth: 52 / 12 },
  { frequency: 'biweekly', days: 14, months: 0, single: [11, 17], double: [25, 31], minOccurrences: 3, perMonth: 26 / 12 },
  { frequency: 'monthly', days: 30.44, months: 1, single: [24, 38], double: [54, 68], minOccurrences: 3, perMonth: 1 },
  { frequency: 'quarterly', days: 91.3, months: 3, single: [80, 102], double: [170, 195], minOccurrences: 2, perMonth: 1 / 3 },
  { frequency: 'annually', days: 365.25, months: 12, single: [345, 385], double: null, minOccurrences: 2, perMonth: 1 / 12 },
];

/** Share of gaps that must fit the rhythm; the rest may be a stray extra payment. */
const MIN_FIT_SHARE = 0.8;
/** Amounts within this share of their price level count as the same price (fixed). */
const SAME_PRICE = 0.05;
/**
 * Mean lateness allowed per payment, as a share of the period (with a floor in days). A fixed
 * amount vouches for the rhythm; varying amounts at loose intervals are a habit (hairdresser,
 * vet), not a bill with a billing cycle.
 */
const LOOSENESS = { fixed: { share: 0.2, floor: 2 }, variable: { share: 0.12, floor: 1.5 } } as const;
/**
 * The floor (days) for amounts that vary widely (not like instalments, see instalmentAmounts): on
 * a weekly grid ±2 days holds most days of the week, so a pump or a shop visited about once a week
 * at any amount sits 1.2 days off it on average by chance; a person paid weekly about the same
 * sum, even on a day that moves, keeps the 1.5-day floor.
 */
const WIDE_AMOUNTS_FLOOR = 1;
const LONG_FREQUENCIES: ReadonlySet<Frequency> = new Set(['quarterly', 'annually']);
/** Tight price clusters (a plan among purchases at any price): split at gaps over this ratio. */
const TIGHT_GAP = 1.03;
/** Payments a tight cluster needs to be tried: a plan seen for half a year or more. */
const TIGHT_MIN_CLUSTER = 6;
/** Payments to a payee among which a two-payment cluster may still be a (quarterly or annual) stream. */
const CARVED_PAIR_MAX_GROUP = 4;
/** Payments at one amount needed before they may be split from the rest of their payee's. */
const MIN_CLUSTER = 4;
/** Mean spacing (days) from which leftover payments of a billing payee may be a longer plan. */
const LONG_PERIOD_DAYS = 80;
/** Share of payments that must sit in runs of one price for the stream to be fixed. */
const FIXED_SHARE = 0.85;
/** Beyond this spread (p90 − p10 over the median) the amounts look like shopping, not a bill. */
const MAX_SPREAD = 1.5;
/**
 * Two payments only (a quarterly or annual plan over a short history) are a stream only on
 * strict evidence: a payee that bills periodically (an insurer, a tax, a registration, a
 * domain, a subscription, a bill) at about the same amount (a premium rise, an FX conversion),
 * or exactly the same amount twice. Two purchases at one shop a few dinars apart stay no stream.
 */
const PAIR_MAX_RATIO = 1.25;
/** Categories whose payees bill on a cycle (bills, taxes, insurance; software; rent; income). */
const PERIODIC_CATEGORIES: ReadonlySet<string> = new Set(['utilities', 'subscriptions', 'rent', 'salary']);
/** Words (folded, as stems) that name a periodic charge whatever the category says. */
const PERIODIC_WORDS =
  /\b(?:osiguran|polis|registracij|tehnick\w* pregled|domen|domain|hosting|licenc|licens|license|godisnj|annual|yearly|pretplat|subscri|clanarin|membership|porez|taks|kasko|antivirus|kvartal|tromesecn|rata\b|kamat)/;

/** Whether any of these payments carries a category whose payees bill on a cycle (cheap). */
function periodicCategory(occ: readonly Occurrence[]): boolean {
  for (const o of occ) if (PERIODIC_CATEGORIES.has(o.category)) return true;
  return false;
}

/** Whether a payee of these payments bills on a cycle (its category or a word in its text). */
function periodicPayee(occ: readonly Occurrence[]): boolean {
  for (const o of occ) if (PERIODIC_CATEGORIES.has(o.category)) return true;
  for (const o of occ) if (PERIODIC_WORDS.test(fold(o.description))) return true;
  return false;
}

/**
 * How two payments may stand alone as a stream: 'alone' = they are every payment to the payee
 * (nothing else paid to it in between), 'beside' = the payee already has a stream (a second,
 * longer plan), 'carved' = a price cluster carved out of a few other payments to a payee that
 * bills on a cycle (a renewal beside a one-off at the same registrar, store or office), 'never'
 * = a price cluster carved out of a payee's other payments.
 */
type PairRule = 'alone' | 'beside' | 'carved' | 'never';

/** Strict checks for a two-payment stream (quarterly or annual); see PAIR_MAX_RATIO. */
function pairHolds(occ: readonly Occurrence[], rhythm: Rhythm, today: number, rule: PairRule): boolean {
  if (rule === 'never' || rhythm.months < 3) return false;
  const [a, b] = [occ[0]!.amount, occ[1]!.amount];
  const gap = occ[1]!.day - occ[0]!.day;
  // The interval itself: about one period (a quarter ± 11 days, a year ± 20 days).
  if (!within(gap, rhythm.single)) return false;
  // Beside a stream of the same payee the pair is still held to the same evidence: a shop with
  // a weekly stream may have two look-alike purchases a year apart.
  const periodic = periodicPayee(occ);
  if (rule === 'carved' && !periodic) return false;
  // A year apart a renewal's price may rise by a third (ANNUAL_MAX_RATIO); a quarter apart it holds.
  const ratio = rhythm.months === 12 ? ANNUAL_MAX_RATIO : PAIR_MAX_RATIO;
  if (a !== b && !(periodic && Math.max(a, b) <= Math.min(a, b) * ratio)) return false;
  // A quarterly pair must still be running: two payments a quarter apart that then stopped are
  // as likely a coincidence as a plan (an annual pair cannot show that within most histories).
  if (rhythm.frequency === 'quarterly') {
    const next = dayNumber(addMonths(occ[1]!.date, rhythm.months));
    if (today > next + rhythm.single[1] - rhythm.days) return false;
  }
  return true;
}

interface Occurrence {
  id: string;
  day: number; // days since epoch
  date: string;
  amount: number; // positive
  description: string;
  category: string;
}

const DAY_MS = 86_400_000;
const digitsAt = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};
/** Days since 1970-01-01 of a YYYY-MM-DD date, by civil-calendar arithmetic (no Date object). */
function dayNumber(date: string): number {
  const m = digitsAt(date, 5, 7);
  const y = digitsAt(date, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + digitsAt(date, 8, 10) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Calendar month arithmetic with the day clamped to the month's length (Jan 31 + 1 → Feb 28). */
function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(Number(date.slice(8, 10)), lastDay));
  return target.toISOString().slice(0, 10);
}

const median = (sorted: ArrayLike<number>): number => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** Sorted copy as a typed array: a numeric sort without a comparator call per comparison. */
const sortedCopy = (xs: readonly number[]): Float64Array => Float64Array.from(xs).sort();
const within = (x: number, [lo, hi]: readonly [number, number]): boolean => x >= lo && x <= hi;

/** Whole periods a gap spans when it is 2 or 3 periods within the rhythm's tolerance, else 0. */
function skippedPeriods(gap: number, rhythm: Rhythm): number {
  if (rhythm.double === null) return 0;
  const tolerance = Math.max(rhythm.single[1] - rhythm.days, rhythm.days - rhythm.single[0]);
  const k = Math.round(gap / rhythm.days);
  return (k === 2 || k === 3) && Math.abs(gap - k * rhythm.days) <= tolerance ? k : 0;
}

/** Whether consecutive gaps follow the rhythm: most within a period, a few skipped periods. */
function gapsFit(occ: readonly Occurrence[], rhythm: Rhythm): boolean {
  let fit = 0;
  let missed = 0;
  for (let i = 1; i < occ.length; i++) {
    const gap = occ[i]!.day - occ[i - 1]!.day;
    if (within(gap, rhythm.single)) fit++;
    else if (skippedPeriods(gap, rhythm) > 0) missed++;
  }
  const gaps = occ.length - 1;
  const allowedMissed = Math.max(1, Math.floor(gaps / 3));
  return missed <= allowedMissed && (fit + missed) / gaps >= MIN_FIT_SHARE;
}

/** The rhythm the gaps follow, tolerating shifted days and skipped periods (at most a third). */
function findRhythm(occ: readonly Occurrence[]): Rhythm | null {
  const gaps: number[] = [];
  for (let i = 1; i < occ.length; i++) gaps.push(occ[i]!.day - occ[i - 1]!.day);
  if (gaps.length === 0) return null;
  const typicalGap = median(sortedCopy(gaps));
  const rhythm = RHYTHMS.find((r) => within(typicalGap, r.single));
  if (!rhythm) return longOnCalendar(occ, typicalGap) ?? binnedRhythm(occ);
  if (occ.length < rhythm.minOccurrences) return null;
  if (gapsFit(occ, rhythm)) return rhythm;
  if (rhythm.months === 0) return fitsGrid(occ, rhythm) ? rhythm : null;
  // Off the gaps, on the month grid (a bill paid by hand): a payee that bills on a cycle, or one
  // price, so that a habit at loose intervals and varying amounts (vet, hairdresser) stays none.
  if (rhythm.months === 1) return monthGrid(occ).fits && billLike(occ) ? rhythm : binnedRhythm(occ);
  // Off the gaps, on the calendar only: held to the evidence of a pair (a periodic payee, or one
  // price), so that a few top-ups or shop visits that fall near a quarter grid stay no stream.
  if (rhythm.months >= 3 && longGridHolds(occ, rhythm)) return rhythm;
  return binnedRhythm(occ);
}

// ---------------------------------------------------------------------------------------------
// One payment per period (bills, taxes and premiums paid by hand)

/** Monthly and quarterly rhythms as found by period bins. */
const BINNED: readonly Rhythm[] = RHYTHMS.filter((r) => r.months === 1 || r.months === 3).map((r) => ({
  ...r,
  binned: true,
}));
/** Payments a binned stream needs: five months of a bill, three quarters of a tax or a premium. */
const BIN_MIN_PAYMENTS: Readonly<Record<number, number>> = { 1: 5, 3: 3 };
/**
 * How concentrated the payment day within its period must be: the mean distance from the median
 * position, as a share of the period. A bill paid by hand one to three weeks around its due date
 * stays within about a sixth of a month; visits at random spread over the whole period (a quarter
 * of it on average).
 */
const BIN_MAX_SPREAD = 0.2;

interface PeriodBins {
  fits: boolean;
  /** Each payment's period (from the best phase). */
  slots: Int32Array;
  /** Each payment's position in its period (days from the period's start). */
  positions: Float64Array;
}

/**
 * A payee paid by hand once a period: whatever the day, one payment falls in each month (or
 * quarter) — early one time, three weeks late the next, a quarter's tax paid on the 2nd or on the
 * 75th day. Gaps then range from a few days to two periods and no day grid holds, but counting
 * payments per period does: the periods are laid from the first payment at the phase (each whole
 * day of the period is tried) that leaves the fewest empty and doubled periods. A doubled period
 * next to an empty one before it, its two payments within days, is a late payment made with the
 * next (both count); a single
 * payment of about twice the usual amount after an empty period pays both. It fits when at most
 * one period in six (at least one) stays empty, at most one in six holds an
 * extra, and the payment days sit together within their periods (BIN_MAX_SPREAD). Linear:
 * period length × payments.
 */
function periodBins(occ: readonly Occurrence[], rhythm: Rhythm): PeriodBins {
  const n = occ.length;
  const period = rhythm.days;
  const slots = new Int32Array(n);
  const positions = new Float64Array(n);
  const none = { fits: false, slots, positions };
  const span = Math.floor((occ[n - 1]!.day - occ[0]!.day) / period) + 1;
  if (n < BIN_MIN_PAYMENTS[rhythm.months]! || span < (rhythm.months === 1 ? 6 : 3)) return none;
  const usual = median(sortedCopy(occ.map((o) => o.amount)));
  const first = occ[0]!.day;
  let best = Number.POSITIVE_INFINITY;
  let bestCentre = Number.POSITIVE_INFINITY;
  let bestPhase = 0;
  let bestEmpty = 0;
  let bestExtra = 0;
  let centre = 0; // of the phase scored last: total distance of the payments from their periods' middles
  const score = (phase: number): [number, number] => {
    centre = 0;
    let empty = 0;
    let extra = 0;
    let last = Math.floor(phase / period) - 1;
    let inSlot = 0;
    let emptyBefore = false;
    let together = false; // the slot's two payments within days of each other
    const close = (): void => {
      if (inSlot === 2 && emptyBefore && together)
        empty--; // a late payment made with the next
      else if (inSlot > 1) extra += inSlot - 1;
    };
    for (let i = 0; i < n; i++) {
      const slot = Math.floor((occ[i]!.day - first + phase) / period);
      if (slot !== last) {
        if (i > 0) close();
        const gap = slot - last - 1;
        emptyBefore = i > 0 && gap >= 1;
        if (i > 0) empty += gap;
        // One payment of about twice the usual amount after an empty period pays both.
        if (emptyBefore && Math.abs(occ[i]!.amount - 2 * usual) <= 0.15 * usual) empty--;
        inSlot = 0;
        last = slot;
      } else together = occ[i]!.day - occ[i - 1]!.day <= PAID_TOGETHER_DAYS;
      centre += Math.abs(occ[i]!.day - first + phase - (slot + 0.5) * period);
      inSlot++;
    }
    close();
    return [Math.max(0, empty), extra];
  };
  for (let phase = 0; phase < Math.ceil(period); phase++) {
    const [empty, extra] = score(phase);
    // The fewest empty and doubled periods; among those, the payments nearest their periods'
    // middles (so that a due date near a boundary does not split the payments' positions).
    if (empty + extra < best || (empty + extra === best && centre < bestCentre)) {
      best = empty + extra;
      bestCentre = centre;
      bestPhase = phase;
      bestEmpty = empty;
      bestExtra = extra;
    }
  }
  for (let i = 0; i < n; i++) {
    const x = occ[i]!.day - first + bestPhase;
    slots[i] = Math.floor(x / period);
    positions[i] = x - slots[i]! * period;
  }
  const sorted = sortedCopy(Array.from(positions));
  const mid = median(sorted);
  let spread = 0;
  for (const p of positions) spread += Math.abs(p - mid);
  const periods = slots[n - 1]! - slots[0]! + 1;
  const fits =
    bestEmpty <= Math.max(1, Math.floor(periods / 6)) &&
    bestExtra <= Math.floor(periods / 6) &&
    spread / n <= BIN_MAX_SPREAD * period;
  return { fits, slots, positions };
}

/**
 * Categories of payees paid by hand on a due date (bills, taxes, insurance, fees; rent; income):
 * a card subscription bills itself on its day and needs no bins.
 */
const HAND_PAID_CATEGORIES: ReadonlySet<string> = new Set(['utilities', 'rent', 'salary']);
function paidByHand(occ: readonly Occurrence[]): boolean {
  for (const o of occ) if (HAND_PAID_CATEGORIES.has(o.category)) return true;
  return false;
}

/** Share of a binned quarterly stream's payments that must sit near the payee's usual amount. */
const BIN_NEAR_SHARE = 0.75;
/** "Near the usual amount": within this share of the median, or of twice it (two paid at once). */
const BIN_NEAR = 0.25;

/**
 * An instalment holds its amount: most payments within a quarter of the payee's own median (or
 * of twice it: two instalments paid at once). Fees paid now and then at one office (a passport,
 * an ID card, a vehicle inspection at different stations) vary far more.
 */
function instalmentAmounts(occ: readonly Occurrence[]): boolean {
  const usual = median(sortedCopy(occ.map((o) => o.amount)));
  let near = 0;
  for (const o of occ) {
    if (Math.abs(o.amount - usual) <= BIN_NEAR * usual || Math.abs(o.amount - 2 * usual) <= BIN_NEAR * usual)
      near++;
  }
  return near >= BIN_NEAR_SHARE * occ.length;
}

/**
 * Monthly, then quarterly, by period bins, for a payee whose payments say it bills on a cycle:
 * monthly for a periodic payee or about one price (billLike); quarterly only for a payee whose
 * category is paid by hand on a due date (utilities: taxes, insurance, building fees; rent; income) and whose
 * amounts hold like instalments — a word such as "taksa" or "pregled" alone, or a few visits at
 * one price a season apart, is no plan.
 */
function binnedRhythm(occ: readonly Occurrence[]): Rhythm | null {
  const n = occ.length;
  const spanDays = occ[n - 1]!.day - occ[0]!.day;
  for (const rhythm of BINNED) {
    // Cheap checks first (a shop visited weekly has far more payments than periods): no fold of
    // any text, no phase search, for a group that cannot fit.
    const periods = Math.floor(spanDays / rhythm.days) + 1;
    if (n < BIN_MIN_PAYMENTS[rhythm.months]! || n > periods + Math.floor(periods / 3) + 1) continue;
    if (rhythm.months === 1 ? !billLike(occ) : !paidByHand(occ) || !instalmentAmounts(occ)) continue;
    if (periodBins(occ, rhythm).fits) return rhythm;
  }
  return null;
}

const LONG_RHYTHMS = RHYTHMS.filter((r) => LONG_FREQUENCIES.has(r.frequency));
/** Payments a quarterly or annual stream found on the calendar alone (no typical gap) needs. */
const LONG_CALENDAR_MIN = 3;

/**
 * Instalments paid late together with the next one leave gaps of 0 and of half a year between a
 * quarter's payments, so the typical gap names no rhythm. Tried on the calendar grid instead,
 * quarterly then annual (when the typical gap is at least two months): three payments or more,
 * with the evidence of a pair (a payee that bills on a cycle, or one price).
 */
function longOnCalendar(occ: readonly Occurrence[], typicalGap: number): Rhythm | null {
  if (occ.length < LONG_CALENDAR_MIN || typicalGap < 2 * RHYTHMS[2]!.single[0]) return null;
  for (const rhythm of LONG_RHYTHMS) {
    if (longGridHolds(occ, rhythm)) return rhythm;
  }
  return null;
}

/**
 * An annual plan's price moves by a premium rise or an exchange rate, not by half: a payee that
 * bills on a cycle within ANNUAL_MAX_RATIO (three yearly rises and a varying fee), any other
 * within PAIR_MAX_RATIO. A holiday booked every summer or a purchase every autumn at very
 * different amounts is no annual stream.
 */
const ANNUAL_MAX_RATIO = 1.6;
function annualAmountsHold(occ: readonly Occurrence[]): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const o of occ) {
    if (o.amount < lo) lo = o.amount;
    if (o.amount > hi) hi = o.amount;
  }
  return hi <= lo * PAIR_MAX_RATIO || (hi <= lo * ANNUAL_MAX_RATIO && periodicPayee(occ));
}

/** A payee that bills on a cycle, or amounts within ANNUAL_MAX_RATIO of one another. */
function quarterlyAmountsHold(occ: readonly Occurrence[]): boolean {
  if (periodicPayee(occ)) return true;
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const o of occ) {
    if (o.amount < lo) lo = o.amount;
    if (o.amount > hi) hi = o.amount;
  }
  return hi <= lo * ANNUAL_MAX_RATIO;
}

/** A payee that bills on a cycle (category or wording), or payments at about one price. */
const billLike = (occ: readonly Occurrence[]): boolean => periodicPayee(occ) || steadyAmounts(occ);

/** All amounts within PAIR_MAX_RATIO of one another. */
function steadyAmounts(occ: readonly Occurrence[]): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const o of occ) {
    if (o.amount < lo) lo = o.amount;
    if (o.amount > hi) hi = o.amount;
  }
  return hi <= lo * PAIR_MAX_RATIO;
}

/**
 * Days a quarterly or annual payment may sit off its calendar grid (paid early or late): a
 * premium or a tax instalment paid by hand up to three weeks either side of its due date, an
 * annual renewal (a registration, a membership) up to a month.
 */
const LONG_GRID_TOLERANCE: Readonly<Record<number, number>> = { 3: 21, 12: 30 };
/**
 * The tolerance for a payee that does not bill on a cycle (a person, a shop) at one price: three
 * transfers of one amount to a friend three to four months apart are no plan.
 */
const NARROW_LONG_GRID_TOLERANCE = 16;

/** Days between two instalments paid together (one late with the next): the same visit to the bank. */
const PAID_TOGETHER_DAYS = 3;

/** Off the gaps, on the calendar only: a periodic payee within the wide tolerance, one price within the narrow one. */
function longGridHolds(occ: readonly Occurrence[], rhythm: Rhythm): boolean {
  if (periodicPayee(occ)) return fitsCalendarGrid(occ, rhythm, LONG_GRID_TOLERANCE[rhythm.months]!);
  return steadyAmounts(occ) && fitsCalendarGrid(occ, rhythm, NARROW_LONG_GRID_TOLERANCE);
}

/**
 * Each payment's slot on a grid of periods from the first payment and its offset from the grid's
 * phase. Shared by the fit, the deviation and dropExtras.
 */
function longGrid(occ: readonly Occurrence[], rhythm: Rhythm): { slots: Int32Array; offsets: Float64Array } {
  const first = occ[0]!.day;
  const offsets = new Float64Array(occ.length);
  const slots = new Int32Array(occ.length);
  for (let i = 0; i < occ.length; i++) {
    const x = occ[i]!.day - first;
    slots[i] = Math.round(x / rhythm.days);
    offsets[i] = x - slots[i]! * rhythm.days;
  }
  // The phase halfway between the earliest and the latest payment: the one that keeps every
  // payment nearest its slot (a median phase would count a late first payment against the rest).
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of offsets) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const phase = (lo + hi) / 2;
  for (let i = 0; i < occ.length; i++) offsets[i] = offsets[i]! - phase;
  return { slots, offsets };
}

/**
 * Quarterly and annual payments made by hand (a tax paid some days before or after its due
 * date): one paid two weeks late and the next on time leave gaps of 105 and 77 days, neither a
 * quarter, though each payment is within two weeks of its date. Measured against a grid of
 * periods from the first payment instead: every payment within the tolerance, one payment per
 * slot — or two when the slot before is empty (an instalment paid late, together with the next)
 * —, at most a third of the slots empty.
 */
function fitsCalendarGrid(occ: readonly Occurrence[], rhythm: Rhythm, tolerance: number): boolean {
  const { slots, offsets } = longGrid(occ, rhythm);
  let filled = 0;
  let paidTogether = false;
  for (let i = 0; i < occ.length; i++) {
    if (Math.abs(offsets[i]!) > tolerance) return false;
    if (i === 0 || slots[i]! > slots[i - 1]!) {
      filled++;
      paidTogether = false;
      continue;
    }
    // A second payment in a slot, within days of the first: the slot before must be empty, and it
    // fills it.
    const before = i >= 2 ? slots[i - 2]! : Number.NEGATIVE_INFINITY;
    if (paidTogether || slots[i]! - before < 2 || occ[i]!.day - occ[i - 1]!.day > PAID_TOGETHER_DAYS)
      return false;
    paidTogether = true;
    filled++;
  }
  const span = slots[occ.length - 1]! - slots[0]! + 1;
  return span - filled <= Math.max(1, Math.floor(span / 3));
}

/** Days in month `m` (1–12) of year `y`, Gregorian. */
function monthLength(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days a monthly payment may sit off its day of the month (a bill paid by hand before or after its due date). */
const MONTH_GRID_TOLERANCE = 10;
/** Mean offset (days) from the month grid allowed for a monthly stream paid by hand. */
const MONTH_GRID_LOOSENESS = 6.5;
/** Payments a monthly stream needs before it is measured on the month grid instead of by its gaps. */
const MONTH_GRID_MIN = 5;
/** Months a stream on the month grid must span: over fewer, a few visits fall on it by chance. */
const MONTH_GRID_MIN_SPAN = 6;

interface MonthGrid {
  fits: boolean;
  /** Signed offset of each payment from its slot (days). */
  offsets: Float64Array;
  slots: Int32Array;
}

/**
 * Bills paid by hand: a household pays the electricity, water or phone bill once a month on
 * whatever day suits it, a week before or after the due date, now and then two months at once.
 * Consecutive gaps then run from two to seven weeks, though each payment is within ten days of
 * its day of the month. Measured against the calendar instead: a due day of the month (the one
 * that holds the most payments, clamped in short months), most payments within the tolerance of
 * it, at most a quarter of the months empty, and at most one month in six holding a second
 * payment (a late bill paid with the next one). A habit at loose intervals (hairdresser,
 * pharmacy) leaves months empty and others doubled, and fails; linear (31 due days × payments).
 */
function monthGrid(occ: readonly Occurrence[]): MonthGrid {
  const n = occ.length;
  // Too few payments, or too short a span, to fit whatever the days: no work.
  if (
    n < MONTH_GRID_MIN ||
    occ[n - 1]!.day - occ[0]!.day < (MONTH_GRID_MIN_SPAN - 1) * 28 - 2 * MONTH_GRID_TOLERANCE
  ) {
    return { fits: false, offsets: new Float64Array(0), slots: new Int32Array(0) };
  }
  const offsets = new Float64Array(n);
  const slots = new Int32Array(n);
  // Each payment's month and the months either side: first day number and length.
  const starts = new Float64Array(3 * n);
  const lengths = new Int32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const date = occ[i]!.date;
    const y = digitsAt(date, 0, 4);
    const m = digitsAt(date, 5, 7);
    const start = occ[i]!.day - digitsAt(date, 8, 10) + 1;
    const prevLength = m === 1 ? 31 : monthLength(y, m - 1);
    const length = monthLength(y, m);
    starts[3 * i] = start - prevLength;
    lengths[3 * i] = prevLength;
    starts[3 * i + 1] = start;
    lengths[3 * i + 1] = length;
    starts[3 * i + 2] = start + length;
    lengths[3 * i + 2] = m === 12 ? 31 : monthLength(y, m + 1);
  }
  // Offset of payment i from due day `due` of the nearest of its three months; slot via `slotOut`.
  const offsetOf = (i: number, due: number, slotOut?: Int32Array): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      const off = occ[i]!.day - (starts[3 * i + k]! + Math.min(due, lengths[3 * i + k]!) - 1);
      if (Math.abs(off) < Math.abs(best)) {
        best = off;
        if (slotOut) slotOut[i] = k;
      }
    }
    return best;
  };
  // The due day that holds most payments within the tolerance, then the smallest total offset
  // (each day of the month is tried, as the weekday grid tries each phase).
  let bestDue = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let due = 1; due <= 31; due++) {
    let missed = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const off = Math.abs(offsetOf(i, due));
      if (off > MONTH_GRID_TOLERANCE) missed++;
      else total += off;
    }
    const score = missed * (MONTH_GRID_TOLERANCE + 1) * (n + 1) + total;
    if (score < bestScore) {
      bestScore = score;
      bestDue = due;
    }
  }
  for (let i = 0; i < n; i++) {
    offsets[i] = offsetOf(i, bestDue, slots);
    const date = occ[i]!.date;
    slots[i] = digitsAt(date, 0, 4) * 12 + digitsAt(date, 5, 7) - 2 + slots[i]!;
  }
  let fit = 0;
  let filled = 0;
  let doubled = 0;
  let lastSlot = Number.NEGATIVE_INFINITY;
  let firstSlot = Number.NaN;
  for (let i = 0; i < n; i++) {
    if (Math.abs(offsets[i]!) > MONTH_GRID_TOLERANCE) continue;
    fit++;
    if (Number.isNaN(firstSlot)) firstSlot = slots[i]!;
    if (slots[i]! === lastSlot) doubled++;
    else filled++;
    lastSlot = slots[i]!;
  }
  const span = lastSlot - firstSlot + 1;
  const fits =
    span >= MONTH_GRID_MIN_SPAN &&
    fit / n >= MIN_FIT_SHARE &&
    span - filled <= Math.floor(span / 4) &&
    doubled <= Math.floor(span / 6);
  return { fits, offsets, slots };
}

/** Days a weekly or biweekly payment may sit off its weekday grid (posting a day or two late). */
const GRID_TOLERANCE = 2;

/**
 * Weekly and biweekly payments with posting jitter: the gap between two jittered payments varies
 * twice as much as each payment does, so they are measured against a fixed grid of periods
 * instead (phase = median offset). Most payments must sit on the grid, and at most a third of the
 * grid's slots may be empty (skipped weeks).
 */
function fitsGrid(occ: readonly Occurrence[], rhythm: Rhythm): boolean {
  const { offsets, slots } = onGrid(occ, rhythm.days);
  let fit = 0;
  let filled = 0;
  let doubled = 0;
  let lastSlot = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < occ.length; i++) {
    if (Math.abs(offsets[i]!) > GRID_TOLERANCE) continue;
    fit++;
    const slot = slots[i]!;
    if (slot !== lastSlot) filled++;
    else doubled++;
    lastSlot = slot;
  }
  const span = Math.round((occ[occ.length - 1]!.day - occ[0]!.day) / rhythm.days) + 1;
  // A shop visited at random falls within two days of some weekday grid four times in five, but
  // leaves weeks empty and others doubled; a weekly shop with extra trips between fills every
  // week. Both more than one doubled week in six and more than one empty in eight: a habit.
  const empty = span - filled;
  return (
    fit / occ.length >= MIN_FIT_SHARE &&
    empty <= Math.max(1, Math.floor(span / 3)) &&
    (doubled <= Math.floor(span / 6) || empty <= Math.floor(span / 8))
  );
}

/**
 * Signed offset of a payment from the nearest slot of a grid (slots at phase + k·period). Banks
 * post a weekend payment on the Monday after (or the Friday before): a Monday payment may belong
 * to the Saturday or Sunday before it, a Friday payment to the weekend after it, whichever is
 * nearer a slot (a weekend day itself at most a day off its slot: jitter and the shift do not add). Returns the offset; the slot goes to `slotOut[0]`.
 */
function gridOffset(day: number, phase: number, period: number, slotOut?: Float64Array): number {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
  const shift = weekday === 1 ? -1 : weekday === 5 ? 1 : 0;
  let best = Number.POSITIVE_INFINITY;
  let bestSlot = 0;
  for (let k = 0; k <= (shift === 0 ? 0 : 2); k++) {
    const x = day + shift * k - phase;
    const slot = Math.round(x / period);
    const off = x - slot * period;
    // A shifted payment must have been due on the weekend itself, or a day off it.
    if (k > 0 && Math.abs(off) > 1) continue;
    if (Math.abs(off) < Math.abs(best)) {
      best = off;
      bestSlot = slot;
    }
  }
  if (slotOut) slotOut[0] = bestSlot;
  return best;
}

/**
 * The weekday grid that holds most payments within the tolerance (each whole-day phase of the
 * period is tried, so a late first payment does not shift the grid), each payment's signed
 * offset from its slot and the slot's number. Linear: period × payments.
 */
function onGrid(occ: readonly Occurrence[], period: number): { offsets: Float64Array; slots: Float64Array } {
  const offsets = new Float64Array(occ.length);
  const slots = new Float64Array(occ.length);
  let bestPhase = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let phase = 0; phase < period; phase++) {
    // Most payments on the grid first, then the smallest total offset of those on it: a capped
    // sum alone can prefer a grid that drops a whole weekday of payments.
    let off = 0;
    let missed = 0;
    for (const o of occ) {
      const d = Math.abs(gridOffset(o.day, phase, period));
      if (d > GRID_TOLERANCE) missed++;
      else off += d;
    }
    const score = missed * (GRID_TOLERANCE + 1) * (occ.length + 1) + off;
    if (score < bestScore) {
      bestScore = score;
      bestPhase = phase;
    }
  }
  const slot = new Float64Array(1);
  for (let i = 0; i < occ.length; i++) {
    offsets[i] = gridOffset(occ[i]!.day, bestPhase, period, slot);
    slots[i] = slot[0]!;
  }
  return { offsets, slots };
}

/**
 * Splits amounts (in date order) into price levels; a subscription has one level per price
 * change, a utility bill a new level almost every month.
 */
function priceLevels(amounts: readonly number[]): number[][] {
  const levels: number[][] = [];
  let anchor = Number.NaN;
  for (const a of amounts) {
    if (levels.length > 0 && Math.abs(a - anchor) <= anchor * SAME_PRICE) levels[levels.length - 1]!.push(a);
    else {
      levels.push([a]);
      anchor = a;
    }
  }
  return levels;
}

function describeAmounts(amounts: readonly number[]): { type: AmountType; typical: number } | null {
  const sorted = sortedCopy(amounts);
  const mid = median(sorted);
  const lo = sorted[Math.floor((sorted.length - 1) * 0.1)]!;
  const hi = sorted[Math.ceil((sorted.length - 1) * 0.9)]!;
  const levels = priceLevels(amounts);
  const last = levels[levels.length - 1]!;
  // Fixed: the price holds for long runs (Netflix 790 → 1.190 is two runs; about one change per
  // six payments at most); a lone different payment (a December bonus) is tolerated.
  // The first and the last level may be cut by the statement's edges: a price rise right after the
  // history starts leaves one payment at the old price.
  const runs = levels.filter((l, i) => l.length >= 2 || i === levels.length - 1 || i === 0);
  const inRuns = runs.reduce((n, l) => n + l.length, 0);
  const isFixed =
    runs.length <= 1 + Math.max(1, Math.floor(amounts.length / 6)) && inRuns >= amounts.length * FIXED_SHARE;
  // The current price: the latest payments at the latest level.
  if (isFixed) return { type: 'fixed', typical: Math.round(median(sortedCopy(last.slice(-3)))) };
  if ((hi - lo) / mid > MAX_SPREAD) return null;
  // Variable: the recent half-year says more about the next bill than the whole history.
  return { type: 'variable', typical: Math.round(median(sortedCopy(amounts.slice(-6)))) };
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[values.length - 1]!;
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** Whether two consecutive payments are closer than the rhythm's shortest gap. */
function hasShortGap(occ: readonly Occurrence[], rhythm: Rhythm): boolean {
  for (let i = 1; i < occ.length; i++) if (occ[i]!.day - occ[i - 1]!.day < rhythm.single[0]) return true;
  return false;
}

/**
 * Drops payments that come too soon after the previous one (an extra transfer to the same
 * payee); of two such, the one whose amount is nearer the usual amount stays.
 */
function dropExtras(occ: readonly Occurrence[], rhythm: Rhythm): Occurrence[] {
  const usual = median(sortedCopy(occ.map((o) => o.amount)));
  const kept: Occurrence[] = [];
  if (rhythm.binned) {
    // One payment per period; a second stays when the period before is empty and it was paid
    // within days of the first (the two together), else the usual amount stays.
    const { slots } = periodBins(occ, rhythm);
    let lastSlot = Number.NaN;
    let emptyBefore = false;
    for (let i = 0; i < occ.length; i++) {
      const o = occ[i]!;
      const prev = kept[kept.length - 1];
      if (prev && slots[i] === lastSlot) {
        if (emptyBefore && o.day - prev.day <= PAID_TOGETHER_DAYS) {
          kept.push(o);
          emptyBefore = false;
        } else if (Math.abs(o.amount - usual) < Math.abs(prev.amount - usual)) kept[kept.length - 1] = o;
        continue;
      }
      emptyBefore = prev !== undefined && slots[i]! - lastSlot >= 2;
      kept.push(o);
      lastSlot = slots[i]!;
    }
    return kept;
  }
  if (rhythm.months === 0) {
    // Weekly and biweekly: off the weekday grid is an extra; of two in one slot the usual amount stays.
    const { offsets, slots } = onGrid(occ, rhythm.days);
    let lastSlot = Number.NaN;
    for (let i = 0; i < occ.length; i++) {
      const o = occ[i]!;
      if (Math.abs(offsets[i]!) > GRID_TOLERANCE) continue;
      const slot = slots[i]!;
      const prev = kept[kept.length - 1];
      if (prev && slot === lastSlot) {
        if (Math.abs(o.amount - usual) < Math.abs(prev.amount - usual)) kept[kept.length - 1] = o;
      } else kept.push(o);
      lastSlot = slot;
    }
    return kept;
  }
  if (rhythm.months >= 3) {
    // Quarterly and annual: one payment per slot of the calendar grid from the first payment (a
    // payment two weeks late next to one on time is no extra); a second payment in a slot stays
    // when the slot before is empty (an instalment paid late, together with the next), else the
    // usual amount stays, then the one nearer its slot.
    const { slots, offsets } = longGrid(occ, rhythm);
    let lastSlot = Number.NaN;
    let emptyBefore = false;
    let lastOffset = 0;
    for (let i = 0; i < occ.length; i++) {
      const o = occ[i]!;
      const slot = slots[i]!;
      const prev = kept[kept.length - 1];
      if (prev && slot === lastSlot) {
        if (emptyBefore) {
          kept.push(o);
          emptyBefore = false;
          continue;
        }
        const d = Math.abs(o.amount - usual) - Math.abs(prev.amount - usual);
        if (d < 0 || (d === 0 && Math.abs(offsets[i]!) < lastOffset)) {
          kept[kept.length - 1] = o;
          lastOffset = Math.abs(offsets[i]!);
        }
        continue;
      }
      emptyBefore = prev !== undefined && slot - lastSlot >= 2;
      kept.push(o);
      lastSlot = slot;
      lastOffset = Math.abs(offsets[i]!);
    }
    return kept;
  }
  // The month grid when the gaps do not fit (a bill paid by hand), or when a gap is shorter than a
  // month's: a payment a week late and the next on time are one a month, not one and an extra.
  const grid =
    rhythm.months === 1 && (!gapsFit(occ, rhythm) || hasShortGap(occ, rhythm)) ? monthGrid(occ) : null;
  if (grid?.fits) {
    // Monthly on the month grid: off the grid is an extra; a second payment in a month stays when
    // the month before is empty (a late bill paid with the next one), else the usual amount stays.
    let lastSlot = Number.NaN;
    let emptyBefore = false;
    for (let i = 0; i < occ.length; i++) {
      const o = occ[i]!;
      if (Math.abs(grid.offsets[i]!) > MONTH_GRID_TOLERANCE) continue;
      const slot = grid.slots[i]!;
      const prev = kept[kept.length - 1];
      if (prev && slot === lastSlot) {
        if (emptyBefore) {
          kept.push(o);
          emptyBefore = false;
        } else if (Math.abs(o.amount - usual) < Math.abs(prev.amount - usual)) kept[kept.length - 1] = o;
        continue;
      }
      emptyBefore = prev !== undefined && slot - lastSlot >= 2;
      kept.push(o);
      lastSlot = slot;
    }
    return kept;
  }
  for (const o of occ) {
    const prev = kept[kept.length - 1];
    if (prev && o.day - prev.day < rhythm.single[0]) {
      if (Math.abs(o.amount - usual) < Math.abs(prev.amount - usual)) kept[kept.length - 1] = o;
    } else kept.push(o);
  }
  return kept;
}

/**
 * Average distance in days of each gap from a whole number of periods; for weekly and biweekly
 * rhythms the distance of each payment from the weekday grid when that is smaller (jitter).
 */
function meanGapDeviation(occ: readonly Occurrence[], rhythm: Rhythm): number {
  if (rhythm.months === 0) return Math.min(gapDeviation(occ, rhythm), gridDeviation(occ, rhythm));
  // Quarterly and annual payments paid by hand: each payment's distance from the calendar grid
  // (a late payment next to an early one is two small offsets, not one large gap error).
  if (rhythm.months >= 3) return Math.min(gapDeviation(occ, rhythm), longGridDeviation(occ, rhythm));
  return gapDeviation(occ, rhythm);
}

/** Mean distance in days of each payment from the calendar grid of a quarterly or annual rhythm. */
function longGridDeviation(occ: readonly Occurrence[], rhythm: Rhythm): number {
  const { offsets } = longGrid(occ, rhythm);
  let total = 0;
  for (const r of offsets) total += Math.abs(r);
  return total / occ.length;
}

/** Mean distance in days of each payment from its day of the month on the month grid. */
function monthGridDeviation(occ: readonly Occurrence[]): number {
  const { offsets } = monthGrid(occ);
  let total = 0;
  for (const r of offsets) total += Math.abs(r);
  return total / occ.length;
}

/** Average distance in days of each payment from its slot on the period grid (weekly, biweekly). */
function gridDeviation(occ: readonly Occurrence[], rhythm: Rhythm): number {
  const { offsets } = onGrid(occ, rhythm.days);
  let total = 0;
  for (const r of offsets) total += Math.abs(r);
  return total / occ.length;
}

function gapDeviation(occ: readonly Occurrence[], rhythm: Rhythm): number {
  let total = 0;
  for (let i = 1; i < occ.length; i++) {
    const gap = occ[i]!.day - occ[i - 1]!.day;
    total += Math.abs(gap - Math.max(1, Math.round(gap / rhythm.days)) * rhythm.days);
  }
  return total / (occ.length - 1);
}

function buildStream(
  all: readonly Occurrence[],
  today: number,
  pairs: PairRule = 'never',
): RecurringStream | null {
  const rhythm = findRhythm(all);
  if (!rhythm) return null;
  const stream = streamFor(all, rhythm, today, pairs);
  if (stream !== null || rhythm.binned || (rhythm.months !== 1 && rhythm.months !== 3)) return stream;
  // A rhythm read off the gaps or a day grid that then proves too loose (a fee paid by hand two
  // to seven weeks into its quarter): one payment per period may still hold.
  const binned = binnedRhythm(all);
  return binned === null ? null : streamFor(all, binned, today, pairs);
}

/** Whether the payments sit too far off their rhythm for their amounts (LOOSENESS, WIDE_AMOUNTS_FLOOR). */
function tooLoose(occ: readonly Occurrence[], rhythm: Rhythm, type: AmountType): boolean {
  const loose = LOOSENESS[type];
  const deviation = meanGapDeviation(occ, rhythm);
  if (deviation > Math.max(loose.floor, loose.share * rhythm.days)) return true;
  // Widely varying amounts get the lower floor (checked only when it decides: weekly rhythms).
  return (
    type === 'variable' &&
    deviation > Math.max(WIDE_AMOUNTS_FLOOR, loose.share * rhythm.days) &&
    !instalmentAmounts(occ)
  );
}

function streamFor(
  all: readonly Occurrence[],
  rhythm: Rhythm,
  today: number,
  pairs: PairRule,
): RecurringStream | null {
  const occ = dropExtras(all, rhythm);
  if (occ.length < rhythm.minOccurrences) return null;
  if (occ.length === 2 && (all.length !== 2 || !pairHolds(occ, rhythm, today, pairs))) return null;
  const values = occ.map((o) => o.amount);
  const amounts = describeAmounts(values);
  if (!amounts) return null;
  if (rhythm.months === 12 && !annualAmountsHold(occ)) return null;
  // A few payments a quarter apart at any amount (gifts to a friend, visits to a dentist) are no
  // plan: a quarterly stream bills on a cycle or holds its price within a premium rise.
  if (rhythm.months === 3 && !quarterlyAmountsHold(occ)) return null;
  const loose = LOOSENESS[amounts.type];
  if (rhythm.binned) {
    // Found by period bins: after the extras went, the kept payments must still fill the periods.
    if (!periodBins(occ, rhythm).fits) return null;
  } else if (tooLoose(occ, rhythm, amounts.type)) {
    // A monthly bill paid by hand: on the month grid, each payment within ten days of its day.
    if (rhythm.months !== 1 || !monthGrid(occ).fits || !billLike(occ)) return null;
    if (monthGridDeviation(occ) > MONTH_GRID_LOOSENESS) return null;
  }
  const first = occ[0]!;
  const last = occ[occ.length - 1]!;
  const next = rhythm.months > 0 ? addMonths(last.date, rhythm.months) : dateOfDay(last.day + rhythm.days);
  // Ended: a whole further period (plus the lateness we tolerate) went by after the expected date.
  const grace = rhythm.single[1];
  const stream: RecurringStream = {
    description: last.description,
    category: mostCommon(occ.map((o) => o.category)),
    frequency: rhythm.frequency,
    // Reported fixed only when every payment is exactly the same amount: any change (an
    // FX-converted price, a price rise) makes the stream variable.
    amount_type: values.every((v) => v === values[0]) ? 'fixed' : 'variable',
    typical_amount: amounts.typical,
    occurrences: occ.length,
    first_date: first.date,
    last_date: last.date,
    next_expected_date: next,
    is_active: today <= dayNumber(next) + grace,
    transaction_ids: occ.map((o) => o.id),
  };
  if (amounts.type === 'fixed') onePrice.add(stream);
  return stream;
}

/**
 * Streams whose payments hold one price level at a time (a subscription, even FX-converted or
 * re-priced), as opposed to a bill that changes every month. Internal: it decides whether a
 * payee's payments are split into several plans; `amount_type` reports exact equality.
 */
const onePrice = new WeakSet<RecurringStream>();

/**
 * Groups amounts that sit close together (sorted, split at gaps over 20%); each cluster keeps the
 * day order of `occ`. The amount order comes from one typed-array sort of (amount, index) codes.
 */
function amountClusters(occ: readonly Occurrence[], gap = 1.2): Occurrence[][] {
  const INDEX = 2 ** 21;
  if (occ.length >= INDEX) return [[...occ]];
  const codes = new Float64Array(occ.length);
  for (let i = 0; i < occ.length; i++) codes[i] = occ[i]!.amount * INDEX + i;
  codes.sort();
  const clusterOf = new Int32Array(occ.length);
  let clusters = 0;
  let prev = -1;
  for (let k = 0; k < codes.length; k++) {
    const i = codes[k]! % INDEX;
    const amount = occ[i]!.amount;
    if (prev < 0 || amount > prev * gap) clusters++;
    clusterOf[i] = clusters - 1;
    prev = amount;
  }
  const out: Occurrence[][] = Array.from({ length: clusters }, () => []);
  for (let i = 0; i < occ.length; i++) out[clusterOf[i]!]!.push(occ[i]!);
  return out;
}

/**
 * The streams in one merchant group. Usually one; when the whole group is no fixed-price stream,
 * its price clusters are tried alone: two subscriptions billed by one merchant (two Apple plans)
 * become two streams, and a subscription among stray purchases at the same merchant is found —
 * a cluster must hold one price on a clean rhythm, and be most of the group unless it is long,
 * so that a few look-alike amounts among groceries or cash withdrawals never become a stream.
 */
function streamsOfGroup(occ: Occurrence[], today: number, cash = false): RecurringStream[] {
  const whole = buildStream(occ, today, 'alone');
  if (whole && onePrice.has(whole)) return cash ? [whole] : withLongerPlans([whole], occ, today);
  // Cash has no payee: round amounts repeat at ATMs by chance, so cash is one stream or none.
  if (cash) return whole ? [whole] : [];
  const fromClusters: RecurringStream[] = [];
  let covered = 0;
  const tryClusters = (clusters: Occurrence[][]): void => {
    for (const cluster of clusters) {
      if (cluster.length === occ.length || cluster.length < 2) continue;
      if (cluster.length < MIN_CLUSTER && cluster.length * 2 < occ.length) continue;
      // A pair beside at most two other payments (a renewal and a one-off at one registrar): a
      // pair on strict evidence; among more payments, two at one price a year apart are chance.
      const stream = buildStream(cluster, today, occ.length <= CARVED_PAIR_MAX_GROUP ? 'carved' : 'never');
      // A quarter or a year apart, a few purchases at one price among a shop's other visits fall
      // by chance: carved out of other payments, a long plan needs a payee that bills on a cycle.
      if (stream && LONG_FREQUENCIES.has(stream.frequency) && !periodicPayee(cluster)) continue;
      if (stream && onePrice.has(stream)) {
        fromClusters.push(stream);
        covered += stream.occurrences;
      }
    }
  };
  const clusters = amountClusters(occ);
  tryClusters(clusters);
  // A payee paid by hand billing two plans at different amounts and rhythms (a utility's monthly
  // bill and its quarterly one at four times the amount): neither price is fixed, so the whole
  // fails and no cluster holds one price; clusters holding like instalments, when they make
  // streams of two different frequencies, are those plans.
  if (!whole && fromClusters.length === 0 && clusters.length >= 2 && paidByHand(occ)) {
    const plans: RecurringStream[] = [];
    for (const cluster of clusters) {
      if (cluster.length < 3 || !instalmentAmounts(cluster)) continue;
      const stream = buildStream(cluster, today, 'never');
      if (stream && !plans.some((p) => p.frequency === stream.frequency)) plans.push(stream);
    }
    if (plans.length >= 2) return plans;
  }
  // A subscription billed under the same text as one-off purchases at every price (Apple's and
  // Google's billing lines, a processor): its price sits inside the purchases' range, so the
  // loose clusters hold both; tight ones (gaps over 3 %) find the plan. Long runs of a payee
  // that bills on a cycle only: a shop's purchases at one price fall into a month by chance.
  if (!whole && fromClusters.length === 0 && occ.length >= 2 * TIGHT_MIN_CLUSTER && periodicCategory(occ)) {
    tryClusters(
      amountClusters(occ, TIGHT_GAP).filter((c) => c.length >= TIGHT_MIN_CLUSTER && periodicPayee(c)),
    );
  }
  if (whole) {
    // A variable bill stays one stream unless it is really several fixed ones.
    return fromClusters.length >= 2 && covered >= occ.length * 0.8 ? fromClusters : [whole];
  }
  return fromClusters.length > 0 ? withLongerPlans(fromClusters, occ, today) : fromClusters;
}

/**
 * A payee that already bills a fixed plan may bill a second, longer one (Apple: a monthly
 * iCloud plan and an annual app; one insurer: a monthly and an annual policy). Quarterly and
 * annual payments are few by nature, so among the payments no stream took, a cluster of one
 * price spaced a quarter or more apart is tried on its own. Only for a payee with a stream:
 * two look-alike amounts a year apart at a shop or an ATM stay no stream.
 */
function withLongerPlans(streams: RecurringStream[], occ: Occurrence[], today: number): RecurringStream[] {
  let inStreams = 0;
  for (const s of streams) inStreams += s.occurrences;
  if (occ.length - inStreams < 2) return streams;
  const taken = new Set<string>();
  for (const s of streams) for (const id of s.transaction_ids) taken.add(id);
  const rest = occ.filter((o) => !taken.has(o.id));
  for (const cluster of amountClusters(rest)) {
    if (cluster.length < 2) continue;
    const spacing = (cluster[cluster.length - 1]!.day - cluster[0]!.day) / (cluster.length - 1);
    if (spacing < LONG_PERIOD_DAYS) continue;
    const stream = buildStream(cluster, today, 'beside');
    if (stream && onePrice.has(stream)) streams.push(stream);
  }
  return streams;
}

const monthlyAmount = (s: RecurringStream): number =>
  s.typical_amount * RHYTHMS.find((r) => r.frequency === s.frequency)!.perMonth;

function orderStreams(streams: RecurringStream[]): RecurringStream[] {
  return streams.sort(
    (a, b) =>
      Number(b.is_active) - Number(a.is_active) ||
      monthlyAmount(b) - monthlyAmount(a) ||
      a.description.localeCompare(b.description),
  );
}

const monthlyTotal = (streams: readonly RecurringStream[]): number =>
  Math.round(streams.reduce((sum, s) => (s.is_active ? sum + monthlyAmount(s) : sum), 0));

/**
 * The booked transactions in day order (input order within a day), by a counting sort over the
 * days the statement spans: linear in transactions plus days, no comparison sort.
 */
function byDay(transactions: readonly RecurringInput[]): { booked: RecurringInput[]; days: Int32Array } {
  // Pending amounts and dates may still change; only booked payments define a rhythm.
  const booked = transactions.filter((t) => !t.pending && t.amount !== 0);
  if (booked.length === 0) return { booked, days: new Int32Array(0) };
  const days = new Int32Array(booked.length);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < booked.length; i++) {
    const day = dayNumber(booked[i]!.date);
    days[i] = day;
    if (day < min) min = day;
    if (day > max) max = day;
  }
  // A span far longer than the list (dates decades apart) is cheaper to sort by comparison.
  if (max - min > 4 * booked.length + 4096) {
    const order = Array.from(booked.keys()).sort((a, b) => days[a]! - days[b]! || a - b);
    return { booked: order.map((i) => booked[i]!), days: Int32Array.from(order, (i) => days[i]!) };
  }
  const starts = new Int32Array(max - min + 2);
  for (let i = 0; i < booked.length; i++) starts[days[i]! - min + 1]!++;
  for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
  const out = new Array<RecurringInput>(booked.length);
  const outDays = new Int32Array(booked.length);
  for (let i = 0; i < booked.length; i++) {
    const at = starts[days[i]! - min]!++;
    out[at] = booked[i]!;
    outDays[at] = days[i]!;
  }
  return { booked: out, days: outDays };
}

/** Within one day, order by id (deterministic whatever the input order); days are already sorted. */
function orderSameDay(occ: Occurrence[]): void {
  for (let i = 1; i < occ.length; i++) {
    const o = occ[i]!;
    let j = i - 1;
    while (j >= 0 && occ[j]!.day === o.day && occ[j]!.id > o.id) {
      occ[j + 1] = occ[j]!;
      j--;
    }
    occ[j + 1] = o;
  }
}

/**
 * Words that say how or why money moved, or through which bank or ATM, not to whom: two keys
 * sharing only these are no evidence of one payee. Keys are already lower-case Latin without
 * diacritics.
 */
// biome-ignore format: a word list
const LINK_STOPWORDS = new Set([
  'uplata', 'uplat', 'prenos', 'priliv', 'isplata', 'isplat', 'placanj', 'placanje', 'racun', 'racuna', 'na', 'za', 'od', 'po',
  'doo', 'ado', 'kvartal', 'kvartala', 'deo', 'dio', 'polovin', 'ugovor', 'ugovoru', 'ips', 'nbs', 'pos', 'trajni', 'nalog',
  'kupovin', 'kartic', 'karticom', 'online', 'rata', 'mesecn', 'godisnj', 'ii', 'iii', 'iv', 'beograd', 'novi', 'sad', 'nis',
  'uslug', 'usluga', 'usluge', 'faktur', 'faktura',
  'srbij', 'srbije', 'broj', 'poziv', 'ref', 'clanarin', 'pretplat', 'bankomat', 'atm', 'gotovin', 'gotovine', 'cash',
  'erst', 'erste', 'raiffeisen', 'aik', 'intes', 'intesa', 'unicredit', 'otp', 'addiko', 'halkbank', 'nlb', 'eurobank', 'procredit',
  'januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar',
]);
/**
 * Places and legal forms say where a payee sits and what kind of body it is, not which one:
 * "JKP Komunalac Čačak" and "JKP Vodovod Čačak" share "jkp" and "cacak" and are two payees.
 */
const PLACE_AND_FORM_WORDS: ReadonlySet<string> = new Set(
  [...CITIES, ...LEGAL_FORMS].flatMap((phrase) => {
    const words = phrase.replace(/\./g, '').split(' ');
    // A town of two words is also printed as one ("NOVISAD", "NOVIBEOGRAD").
    return words.length > 1 ? [...words, words.join('')] : words;
  }),
);
/** Grouping keys of listed brands (a brand's key is its dictionary name). */
const BRAND_KEYS: ReadonlySet<string> = new Set(
  MERCHANTS.filter((m) => m.strength === 'brand').map((m) => m.name),
);
/** Letters of a leading link word that links two groups on its own (a name, not "sc" or "pu"). */
const MIN_LEAD_WORD = 5;
/** A word in more groups than this (of one direction) is too common to link payees by. */
const LINK_MAX_GROUPS = 24;

const textWordsMemo = new Map<string, readonly string[]>();
/** Link words of a description's merchant key (memoised like the grouping key: one normalisation per text). */
function textWords(description: string): readonly string[] {
  let words = textWordsMemo.get(description);
  if (words === undefined) {
    words = linkWords(normalizeMerchant(description, false).key);
    if (textWordsMemo.size >= KEY_MEMO_LIMIT) textWordsMemo.clear();
    textWordsMemo.set(description, words);
  }
  return words;
}

/**
 * Link words of a key: a crude stem (final vowel dropped, so "Luka"/"Luku" meet; with a soft j before
 * it, so "štednju"/"štedni" meet), no wrapping words.
 */
function linkWords(key: string): string[] {
  const out: string[] = [];
  for (const word of key.split(' ')) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) continue;
    let stem = word.length >= 4 && /[aeiou]$/.test(word) ? word.slice(0, -1) : word;
    // "štednju" / "štedni", "osiguranje" / "osiguran": a case ending after a soft j goes with it.
    if (stem.length >= 6 && stem !== word && stem.endsWith('j')) stem = stem.slice(0, -1);
    if (LINK_STOPWORDS.has(word) || LINK_STOPWORDS.has(stem) || out.includes(stem)) continue;
    if (PLACE_AND_FORM_WORDS.has(word)) continue;
    out.push(stem);
  }
  return out;
}

/**
 * Components of groups that name one payee in different wordings ("IPS Ana Petrović čišćenje",
 * "Ana Petrovic ciscenje stana", "Prenos na račun ANA PETROVIC"; roman-numeral quarters): two
 * groups of one direction are linked when they share two link words, or one when either has only
 * one. Rare words only, so the pairs tried stay linear in the number of groups.
 */
function linkGroups(
  keys: readonly string[],
  accounts: ReadonlyArray<readonly string[]> = [],
  firstDescriptions: readonly string[] = [],
): Int32Array {
  const parent = Int32Array.from(keys, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Keys carry their direction ("out:" / "in:"), and so do their words: directions never link.
  const words = keys.map((k, i) => {
    const dir = k.slice(0, k.indexOf(':') + 1);
    const own = linkWords(k.slice(dir.length));
    // A listed brand's key is its name alone ("poreska uprava"); the words its text carried beside
    // it ("porez na imovinu") still name what is paid, as another wording of the payee prints them.
    const first = firstDescriptions[i];
    if (first !== undefined && BRAND_KEYS.has(k.slice(dir.length))) {
      for (const w of textWords(first)) if (!own.includes(w)) own.push(w);
    }
    return own.map((w) => dir + w);
  });
  // An account number printed in the text names the payee's account (a loan's "partija", a
  // landlord's account): one shared account links two wordings on its own. Marked with '#'.
  accounts.forEach((list, i) => {
    const dir = keys[i]!.slice(0, keys[i]!.indexOf(':') + 1);
    for (const a of list) words[i]!.push(`${dir}#${a}`);
  });
  const groupsOf = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      let list = groupsOf.get(w);
      if (list === undefined) {
        list = [];
        groupsOf.set(w, list);
      }
      if (list.length <= LINK_MAX_GROUPS) list.push(i);
    }
  });
  // Whether a key's first link word may link on its own: a name of five letters or more that is
  // no first name ("Stefan Pavlović" and "Stefan Ilić" are two people).
  const lead = keys.map((k, i) => {
    // The key's first word that made a link word (its stem is words[i][0]).
    const stem = words[i]![0]?.slice(k.indexOf(':') + 1);
    if (stem === undefined) return false;
    const first = k
      .slice(k.indexOf(':') + 1)
      .split(' ')
      .find((w) => w.startsWith(stem));
    return first !== undefined && first.length >= MIN_LEAD_WORD && !FIRST_NAMES.has(first);
  });
  // Two different listed brands are two payees whatever words they share ("HBO Max", "Maxi").
  const brand = keys.map((k) => BRAND_KEYS.has(k.slice(k.indexOf(':') + 1)));
  // Two towns' utilities are two payees whatever words they share.
  const town = keys.map(townOf);
  for (let i = 0; i < keys.length; i++) {
    const shared = new Map<number, number>();
    for (const w of words[i]!) {
      const list = groupsOf.get(w)!;
      if (list.length > LINK_MAX_GROUPS) continue;
      const weight = w.includes('#') ? 2 : 1;
      // The name a payee's text starts with, in both ("SC Tašmajdan bazen", "TASMAJDAN SPORTS
      // CENTRE"): one such word is enough when it is long enough to be a name, not a filler.
      const leads = lead[i] && w === words[i]![0];
      for (const j of list) {
        if (j > i)
          shared.set(j, (shared.get(j) ?? 0) + (leads && lead[j] && words[j]![0] === w ? 2 : weight));
      }
    }
    for (const [j, n] of shared) {
      if (brand[i] && brand[j]) continue;
      if (town[i] !== null && town[j] !== null && town[i] !== town[j]) continue;
      if (n >= Math.min(2, words[i]!.length, words[j]!.length)) parent[find(i)] = find(j);
    }
  }
  for (let i = 0; i < keys.length; i++) parent[i] = find(i);
  return parent;
}

/** Account numbers kept per group for linking (a group printing many is no one payee's). */
const MAX_ACCOUNTS_PER_GROUP = 4;

/**
 * A payee paid monthly in several wordings that did not link leaves one wording now and then: every
 * third month by chance reads as a quarterly stream at the monthly price. A quarterly or annual
 * stream whose group shares a link word with a group holding a monthly (or more frequent) stream
 * at about the same amount (PAIR_MAX_RATIO) is such a subset and goes. Linear: one pass to index
 * the frequent streams by word, one to check the long ones.
 */
function dropWordingSubsets(keys: readonly string[], streamsOf: RecurringStream[][]): void {
  const frequentByWord = new Map<string, number[]>();
  const wordsOf = keys.map((k) => {
    const dir = k.slice(0, k.indexOf(':') + 1);
    return linkWords(k.slice(dir.length)).map((w) => dir + w);
  });
  keys.forEach((_, i) => {
    for (const stream of streamsOf[i]!) {
      if (LONG_FREQUENCIES.has(stream.frequency)) continue;
      for (const w of wordsOf[i]!) {
        let list = frequentByWord.get(w);
        if (list === undefined) {
          list = [];
          frequentByWord.set(w, list);
        }
        if (list.length < LINK_MAX_GROUPS) list.push(stream.typical_amount);
      }
    }
  });
  if (frequentByWord.size === 0) return;
  const near = (a: number, b: number): boolean => Math.max(a, b) <= Math.min(a, b) * PAIR_MAX_RATIO;
  keys.forEach((_, i) => {
    const streams = streamsOf[i]!;
    if (!streams.some((s) => LONG_FREQUENCIES.has(s.frequency))) return;
    streamsOf[i] = streams.filter(
      (s) =>
        !LONG_FREQUENCIES.has(s.frequency) ||
        !wordsOf[i]!.some((w) => frequentByWord.get(w)?.some((amount) => near(amount, s.typical_amount))),
    );
  });
}

const isCash = (groupKey: string): boolean => groupKey.slice(groupKey.indexOf(':') + 1) === CASH_KEY;

const covered = (streams: readonly RecurringStream[]): number =>
  streams.reduce((n, s) => n + s.occurrences, 0);

export function detectRecurringStreams(
  transactions: readonly RecurringInput[],
  today: string,
): RecurringResult {
  const todayDay = dayNumber(today);
  const groups = new Map<string, Occurrence[]>();
  // Each description is keyed once per direction: later lines go straight to their group.
  const outByDescription = new Map<string, Occurrence[]>();
  const inByDescription = new Map<string, Occurrence[]>();
  const { booked, days } = byDay(transactions);
  const all: Occurrence[] = [];
  const groupOf: number[] = []; // each occurrence's group, by its index in `groups`
  const groupIndex = new Map<Occurrence[], number>();
  const accounts: string[][] = []; // account numbers printed in each group's descriptions
  for (let i = 0; i < booked.length; i++) {
    const t = booked[i]!;
    const byDescription = t.amount < 0 ? outByDescription : inByDescription;
    let group = byDescription.get(t.description);
    if (group === undefined) {
      const groupKey = (t.amount < 0 ? 'out:' : 'in:') + recurringKey(t.description);
      group = groups.get(groupKey);
      if (group === undefined) {
        group = [];
        groups.set(groupKey, group);
        groupIndex.set(group, groupIndex.size);
      }
      byDescription.set(t.description, group);
      const account = accountIn(t.description);
      if (account !== null) {
        const gi = groupIndex.get(group)!;
        accounts[gi] ??= [];
        const list = accounts[gi]!;
        if (list.length < MAX_ACCOUNTS_PER_GROUP && !list.includes(account)) list.push(account);
      }
    }
    const o: Occurrence = {
      id: t.id,
      day: days[i]!,
      date: t.date,
      amount: Math.abs(t.amount),
      description: t.description,
      category: t.category,
    };
    group.push(o);
    all.push(o);
    groupOf.push(groupIndex.get(group)!);
  }

  const keys = [...groups.keys()];
  const lists = [...groups.values()];
  const streamsOf: RecurringStream[][] = lists.map((occ, i) => {
    if (occ.length < 2) return [];
    orderSameDay(occ);
    return streamsOfGroup(occ, todayDay, isCash(keys[i]!));
  });
  // One payee in several wordings: the linked groups together, when that puts more payments in
  // streams than the groups did apart, or the same payments in fewer streams.
  // The merged lists are filled in day order by one pass over all payments.
  for (let i = 0; i < keys.length; i++) accounts[i] ??= [];
  const root = linkGroups(
    keys,
    accounts,
    lists.map((occ) => occ[0]!.description),
  );
  const members = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    if (root[i] === i) continue;
    let m = members.get(root[i]!);
    if (m === undefined) {
      m = [root[i]!];
      members.set(root[i]!, m);
    }
    m.push(i);
  }
  if (members.size > 0) {
    const merged = new Map<number, Occurrence[]>();
    for (const r of members.keys()) merged.set(r, []);
    for (let k = 0; k < all.length; k++) merged.get(root[groupOf[k]!]!)?.push(all[k]!);
    for (const [r, group] of members) {
      const occ = merged.get(r)!;
      orderSameDay(occ);
      const together = streamsOfGroup(occ, todayDay, isCash(keys[r]!));
      let apart = 0;
      let apartStreams = 0;
      for (const i of group) {
        apart += covered(streamsOf[i]!);
        apartStreams += streamsOf[i]!.length;
      }
      // More payments in streams, or the same payments in fewer streams (a weekly payee in two
      // alternating wordings is one weekly stream, not two biweekly ones).
      const inStreams = covered(together);
      if (
        inStreams > apart ||
        (inStreams === apart && together.length > 0 && together.length < apartStreams)
      ) {
        for (const i of group) streamsOf[i] = [];
        streamsOf[r] = together;
      }
    }
  }

  dropWordingSubsets(keys, streamsOf);
  const outgoing: RecurringStream[] = [];
  const incoming: RecurringStream[] = [];
  keys.forEach((groupKey, i) => {
    const target = groupKey.startsWith('out:') ? outgoing : incoming;
    for (const stream of streamsOf[i]!) target.push(stream);
  });
  return {
    outgoing: orderStreams(outgoing),
    incoming: orderStreams(incoming),
    monthly_outgoing_total: monthlyTotal(outgoing),
    monthly_incoming_total: monthlyTotal(incoming),
  };
}
