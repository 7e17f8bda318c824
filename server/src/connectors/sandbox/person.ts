import { cityOf, type Holder, moveHolder, randomFullName, randomHolder } from './identity.js';
import { buildSpendKinds, CASH_MEAN, type SpendKind } from './merchants.js';
import { logUniformMean, Rng } from './prng.js';

/**
 * The account holder behind a seed: income, fixed costs and habits, sized so a year's spending
 * stays below a year's salary. Everything here depends on the seed alone, so a refresh can
 * rebuild the same person from (seed, account ref) without the rest of the profile.
 */
export interface Bill {
  description: string;
  /** Typical amount, minor units. */
  amount: number;
  /** Day of month it is debited (moved to the next working day). */
  day: number;
}

export interface Person {
  holder: Holder;
  /** Net monthly salary, minor units; the same every month. */
  salary: number;
  /** Nominal payday 5–10; a weekend or holiday moves it to the next working day. */
  payDay: number;
  rent: Bill;
  phone: Bill;
  internet: Bill | null;
  /** Electricity: `amount` is a mild month's bill; winter bills run up to twice that. */
  eps: Bill;
  infostan: Bill;
  netflixDay: number;
  spotifyDay: number | null;
  spend: SpendKind[];
  /** Applied to both frequency and size of everyday spending to land on the person's budget. */
  spendScale: number;
  /** Occasional money in from friends and family. */
  transferIn: { weeklyRate: number; min: number; max: number };
  friends: string[];
  /** Monthly amount (minor RSD) the person can put into savings accounts, 0 if none. */
  savingsBudget: number;
}

export const NETFLIX_AMOUNT = 79_000;
export const SPOTIFY_AMOUNT = 59_900;

/** Electricity use by calendar month (Jan … Dec): heating and lighting in winter, some A/C in summer. */
export const EPS_SEASON = [1.9, 1.7, 1.3, 1.0, 0.85, 0.9, 1.1, 1.1, 0.85, 1.0, 1.3, 1.7] as const;
const EPS_MEAN = EPS_SEASON.reduce((a, b) => a + b, 0) / 12;
/** Infostan bills carry district heating, a bit more from November to March. */
export const INFOSTAN_SEASON = [1.15, 1.15, 1.15, 1, 1, 1, 1, 1, 1, 1, 1.15, 1.15] as const;
const INFOSTAN_MEAN = INFOSTAN_SEASON.reduce((a, b) => a + b, 0) / 12;

const WEEKS_PER_MONTH = 30.44 / 7;
const PHONE_PLANS = [1_299, 1_599, 1_999, 2_499, 2_999] as const;

export function makePerson(seed: string): Person {
  const rng = new Rng(seed, 'person');
  const city = cityOf(seed);
  const holder = moveHolder(randomHolder(rng), seed, city);
  const friends = Array.from({ length: 4 }, () => randomFullName(rng));

  const salary = rng.int(110_000, 185_000) * 100 + rng.int(0, 99);
  const rentAmount =
    Math.round(rng.between(35_000, Math.min(60_000, 0.36 * (salary / 100))) / 1_000) * 1_000 * 100;
  const landlord = randomFullName(rng);
  const rentDescription = rng.chance(0.5) ? `Kirija - stan, ${landlord}` : `Zakup stana - ${landlord}`;
  const rent: Bill = { description: rentDescription, amount: rentAmount, day: rng.int(1, 5) };

  const operator = rng.weighted<string>([
    ['Telekom Srbija - mts račun', 4],
    ['Yettel - mesečni račun', 3],
    ['A1 Srbija - račun', 2],
  ]);
  const phone: Bill = { description: operator, amount: rng.pick(PHONE_PLANS) * 100, day: rng.int(18, 27) };
  const internet: Bill | null = rng.chance(0.75)
    ? {
        description: 'SBB - račun za usluge',
        amount: rng.pick([2_890, 3_290, 3_690, 4_190]) * 100,
        day: rng.int(10, 20),
      }
    : null;
  const eps: Bill = {
    description: 'EPS Snabdevanje - električna energija',
    amount: rng.int(3_000, 4_800) * 100,
    day: rng.int(15, 25),
  };
  const infostan: Bill = {
    description: 'Infostan tehnologije',
    amount: rng.int(6_500, 10_500) * 100,
    day: rng.int(12, 22),
  };
  const netflixDay = rng.int(1, 28);
  const spotifyDay = rng.chance(0.5) ? rng.int(1, 28) : null;

  const hasCar = rng.chance(0.55);
  const spend = buildSpendKinds(
    rng,
    holder.neighborhood,
    city,
    { hasCar, delivery: rng.between(0.4, 1.8) },
    friends,
  );

  // Budget: fixed costs first, everyday spending gets what a chosen share of salary leaves
  // (never less than a frugal minimum), savings get part of the rest; all ≤ ~86% of salary.
  const fixed =
    rent.amount +
    eps.amount * EPS_MEAN +
    infostan.amount * INFOSTAN_MEAN +
    phone.amount * 1.05 +
    (internet?.amount ?? 0) +
    NETFLIX_AMOUNT +
    (spotifyDay === null ? 0 : SPOTIFY_AMOUNT);
  const everydayBudget = Math.max(32_000_00, salary * rng.between(0.68, 0.8) - fixed);
  const rawEveryday = spend.reduce((sum, k) => sum + k.weeklyRate * WEEKS_PER_MONTH * meanAmount(k) * 100, 0);
  const spendScale = Math.sqrt(Math.min(3, Math.max(0.35, everydayBudget / rawEveryday)));
  const room = 0.86 * salary - fixed - rawEveryday * spendScale * spendScale;
  const savingsBudget = Math.max(0, Math.min(0.12 * salary, room));

  return {
    holder,
    salary,
    payDay: rng.int(5, 10),
    rent,
    phone,
    internet,
    eps,
    infostan,
    netflixDay,
    spotifyDay,
    spend,
    spendScale,
    transferIn: { weeklyRate: 0.12, min: 1_000, max: 8_000 },
    friends,
    savingsBudget: savingsBudget < 3_000_00 ? 0 : Math.round(savingsBudget),
  };
}

/** Mean of one occurrence in major units, matching how `minorAmount` draws it. */
export function meanAmount(k: SpendKind): number {
  return k.style === 'cash' ? CASH_MEAN : logUniformMean(k.min, k.max);
}
