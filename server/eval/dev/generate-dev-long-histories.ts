/**
 * Writes data/recurring-dev-long.json: LONG development histories (24–36 months) for recurring
 * detection, written by the same hand as the rules (NOT held out) and BEFORE the detector was read
 * for this round. Each history is one account at one bank, printed in that bank's own style, with
 * heavy everyday noise (hundreds of card purchases a year at shops visited irregularly, some of
 * them the same payee as a stream), many monthly streams whose text changes month to month
 * (wrappers, dates, card fragments, processor prefixes, reference numbers, Cyrillic/Latin),
 * bills paid by hand on varying days (sometimes two months at once), skipped months, price rises,
 * FX-converted card subscriptions, streams that start or stop mid-history, annual, quarterly,
 * weekly and biweekly streams, and hard negatives (frequent irregular merchants, roughly monthly
 * but irregular visits, annual-looking one-offs). Seeded PRNG, deterministic.
 * Re-run: `npx tsx eval/dev/generate-dev-long-histories.ts`.
 */
import { writeFileSync } from 'node:fs';
import type { CategoryName } from '../../src/transactions/category-names.js';
import type {
  LabelledHistory,
  LabelledTransaction,
  TrueStream,
} from '../data/generate-recurring-histories.js';
import { mulberry32 } from '../random.js';
import { assembleHistory, type PlannedStream } from './assemble.js';
import { DAY, dmy, mmyyyy, money, monthName, pad, toDate, toDay, weekday } from './formats.js';
import { scheduledDays } from './schedule.js';
import { ascii, toCyr } from './script-variants.js';

let rnd = mulberry32(1);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number): boolean => rnd() < p;

type Frequency = TrueStream['frequency'];
type Category = CategoryName;

/** How one bank prints card payments (local and foreign) and payment orders. */
interface Bank {
  name: string;
  /** Card purchase at a local shop: merchant text, city. */
  card: (m: string, city: string, d: string) => string;
  /** Card purchase abroad / online: merchant text, country, foreign amount text, date. */
  online: (m: string, cc: string, fx: string, d: string) => string;
  /** Payment order / IPS to a payee with a purpose. */
  order: Array<(payee: string, purpose: string, d: string) => string>;
  /** Money in from a payer with a purpose. */
  credit: (payer: string, purpose: string, d: string) => string;
  /** Direct debit by the bank itself (loan, standing order). */
  debit: (what: string, d: string) => string;
}

const ref = (): string => `97 ${int(10, 99)}${int(1000, 9999)}${int(100000, 999999)}`;
const acct = (): string =>
  `${pick(['160', '170', '205', '265', '325', '340'])}-${int(1000, 9999999)}-${int(10, 99)}`;
const time = (): string => `${pad(int(7, 22))}:${pad(int(0, 59))}`;
const COMMON_ORDERS: Array<(p: string, w: string, d: string) => string> = [
  (p, w) => `IPS QR plaćanje ${p} ${w}`,
  (p, w) => `Nalog za prenos ${p} ${w} poziv na broj ${ref()}`,
  (p, w) => `E-banking nalog: ${p}, ${w}`,
];

const BANKS: Bank[] = [
  {
    name: 'intesa',
    card: (m, c, d) => `Kupovina karticom 4058****${pick(['1182', '7731'])} ${m} ${c} ${dmy(d)}`,
    online: (m, cc, fx, d) => `Internet kupovina ${m} ${cc} ${dmy(d)} ${fx}`,
    order: [
      (p, w, d) => `Plaćanje računa ${p} ${w} ${dmy(d)}`,
      (p, w) => `IPS NBS prenos ${p} ${w}`,
      ...COMMON_ORDERS,
    ],
    credit: (p, w) => `Priliv ${p} ${w}`,
    debit: (w, d) => `${w} ${dmy(d)}`,
  },
  {
    name: 'otp',
    card: (m, c, d) =>
      `POS KUPOVINA ${dmy(d)} ${time()} ${ascii(m).toUpperCase()} ${ascii(c).toUpperCase()} RS`,
    online: (m, cc, fx, d) => `E-COMMERCE ${dmy(d)} ${ascii(m).toUpperCase()} ${cc} ${fx}`,
    order: [
      (p, w) => `ODLIV IPS ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
      (p, w) => `NALOG ZA PLACANJE ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()} ${ref()}`,
      (p, w) => `IPS PLACANJE ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
    ],
    credit: (p, w) => `PRILIV ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
    debit: (w) => ascii(w).toUpperCase(),
  },
  {
    name: 'raiffeisen-en',
    card: (m, c, d) =>
      pick([`Shopping by card ${ascii(m)} ${ascii(c)} SRB`, `Card payment ${ascii(m)} ${d}`]),
    online: (m, cc, fx, d) =>
      pick([`Card payment ${m.toUpperCase()} ${cc} ${d}`, `Shopping by card ${m} ${cc} ${fx}`]),
    order: [
      (p, w) => `Payment order ${ascii(p)} ${ascii(w)}`,
      (p, w) => `Instant payment ${ascii(p)} ${ascii(w)}`,
      (p, w, d) => `Transfer order ${ascii(p)} ${ascii(w)} ${d}`,
    ],
    credit: (p, w) => `Incoming payment ${ascii(p)} ${ascii(w)}`,
    debit: (w, d) => `Direct debit ${ascii(w)} ${d}`,
  },
  {
    name: 'aik',
    card: (m, c) => `PLAĆANJE KARTICOM ${pick(['4912', '5120'])} ${m.toUpperCase()} ${c.toUpperCase()}`,
    online: (m, cc, fx) => `PLAĆANJE NA INTERNETU ${m.toUpperCase()} ${cc} ${fx}`,
    order: [
      (p, w) => `Prenos na račun ${p.toUpperCase()} ${acct()} ${w}`,
      (p, w) => `Instant plaćanje ${p} ${w}`,
      ...COMMON_ORDERS,
    ],
    credit: (p, w) => `Uplata ${p} ${w}`,
    debit: (w) => w,
  },
  {
    name: 'postanska-cyr',
    card: (m, c) => `Куповина картицом ${toCyr(m)} ${toCyr(c)}`,
    online: (m, cc, fx) => `Куповина на интернету ${m} ${cc} ${fx}`,
    order: [
      (p, w) => `Налог за пренос ${toCyr(p)} ${toCyr(w)}`,
      (p, w) => `ИПС плаћање ${toCyr(p)} ${toCyr(w)}`,
      (p, w) => `Plaćanje ${p} ${w}`,
    ],
    credit: (p, w) => `Прилив ${toCyr(p)} ${toCyr(w)}`,
    debit: (w) => toCyr(w),
  },
  {
    name: 'nlb',
    card: (m, c) => `Transakcija na POS terminalu ${m} ${c}`,
    online: (m, cc, fx) => `Plaćanje na internetu ${m.toUpperCase()} ${cc} ${fx}`,
    order: [
      (p, w, d) => `Odliv - ${p} - ${w} - ${dmy(d)}`,
      (p, w) => `Trajni nalog ${p} ${w}`,
      ...COMMON_ORDERS,
    ],
    credit: (p, w) => `Priliv - ${p} - ${w}`,
    debit: (w) => w,
  },
  {
    name: 'unicredit',
    card: (m, c, d) => `DEBIT CARD TRX ${dmy(d)} ${ascii(m).toUpperCase()} ${ascii(c).toUpperCase()} RS`,
    online: (m, cc, fx, d) => `DEBIT CARD TRX ${dmy(d)} ${m.toUpperCase()} ${cc} ${fx}`,
    order: [(p, w) => `E-BANKING ${ascii(p).toUpperCase()} ${ascii(w)}`, (p, w) => `m-banking IPS ${p} ${w}`],
    credit: (p, w) => `Uplata na račun ${p} ${w}`,
    debit: (w) => w,
  },
  {
    name: 'procredit',
    card: (m, c, d) => `Plaćanje karticom 5120***${pick(['3340', '8812'])} ${m} ${c} ${dmy(d)} ${time()}`,
    online: (m, cc, fx, d) => `Plaćanje karticom 5120***${pick(['3340', '8812'])} ${m} ${cc} ${dmy(d)} ${fx}`,
    order: [(p, w) => `IPS ${p} - ${w}`, (p, w, d) => `Nalog ${p} ${w} ${dmy(d)}`, ...COMMON_ORDERS],
    credit: (p, w) => `Priliv od ${p} ${w}`,
    debit: (w) => w,
  },
];

const CITIES: Record<string, string> = {
  bg: 'BEOGRAD',
  nbg: 'NOVI BEOGRAD',
  ns: 'NOVI SAD',
  nis: 'NIŠ',
  kg: 'KRAGUJEVAC',
  su: 'SUBOTICA',
  ca: 'ČAČAK',
  va: 'VALJEVO',
};

/** A foreign card subscription: name variants as processors print it, country, price (foreign minor units). */
interface Foreign {
  names: string[];
  cc: string;
  cur: 'EUR' | 'USD';
  price: number;
  /** Price changes: from date, new price. */
  prices?: Array<[string, number]>;
}

interface Spec {
  key: string;
  direction: 'outgoing' | 'incoming';
  frequency: Frequency;
  category: Category;
  desc: (date: string, i: number, foreignMinor: number) => string;
  /** Minor units (dinars × 100). */
  amount: number;
  variable?: number;
  /** Winter months (Nov–Mar) cost this share more. */
  seasonal?: number;
  foreign?: Foreign;
  day: number;
  jitter?: number;
  /** Weekend payments move to Monday (salaries, direct debits). */
  workday?: boolean;
  start?: string;
  end?: string;
  miss?: number[];
  /** Period indices paid late, together with the next period's payment on its day. */
  late?: number[];
  rises?: Array<[string, number]>;
  decoy?: boolean;
}

/** Exchange rates by day number: the dinar is near-pegged to the euro; the dollar moves more. */
const eurRate = (n: number): number => 117.1 + 0.12 * Math.sin(n / 37) + 0.05 * Math.sin(n / 5.3);
const usdRate = (n: number): number => 104 + 5 * Math.sin(n / 190) + 0.4 * Math.sin(n / 7.1);

/** Everyday noise scale: about 250–550 irregular payments a year per account. */
const NOISE_SCALE = 0.4;
/** Everyday noise: a payee visited irregularly. */
interface Noise {
  m: string;
  category: Category;
  /** Expected visits per week (Poisson-ish by day). */
  perWeek: number;
  lo: number;
  hi: number;
  /** Online (foreign) instead of a local card purchase. */
  online?: { cc: string; cur: 'EUR' | 'USD' };
  /** Payment order to a person or company instead of a card. */
  order?: string;
  /** Money in. */
  credit?: boolean;
}

interface Persona {
  bank: Bank;
  city: string;
  /** Multiplies every noise payee's visits. */
  busy: number;
  noise: Noise[];
}

const GROCERY: Noise[] = [
  { m: 'MAXI 0412', category: 'groceries', perWeek: 1.6, lo: 400, hi: 9500 },
  { m: 'IDEA 1187', category: 'groceries', perWeek: 1.2, lo: 250, hi: 6800 },
  { m: 'LIDL SRBIJA KD', category: 'groceries', perWeek: 0.9, lo: 900, hi: 12000 },
  { m: 'UNIVEREXPORT 212', category: 'groceries', perWeek: 0.6, lo: 300, hi: 5500 },
  { m: 'DIS MARKET 23', category: 'groceries', perWeek: 0.4, lo: 1200, hi: 14000 },
  { m: 'Pekara Hleb i kifle', category: 'dining', perWeek: 1.4, lo: 90, hi: 480 },
  { m: 'Pekabeta 31', category: 'dining', perWeek: 0.6, lo: 80, hi: 390 },
  { m: 'Apoteka Benu 14', category: 'groceries', perWeek: 0.35, lo: 350, hi: 4800 },
  { m: 'DM DROGERIE MARKT 22', category: 'groceries', perWeek: 0.4, lo: 300, hi: 4200 },
  { m: 'NIS PETROL BS 185', category: 'transport', perWeek: 0.6, lo: 2500, hi: 7000 },
  { m: 'Kafeterija Magazin', category: 'dining', perWeek: 0.8, lo: 220, hi: 950 },
  { m: 'Trafika Štampa 9', category: 'groceries', perWeek: 0.5, lo: 120, hi: 700 },
  { m: 'Pijaca Bajlonijeva', category: 'groceries', perWeek: 0.3, lo: 400, hi: 3000 },
];
const EXTRA: Noise[] = [
  { m: 'WOLT', category: 'dining', perWeek: 0.5, lo: 900, hi: 3800 },
  { m: 'Glovo', category: 'dining', perWeek: 0.3, lo: 800, hi: 3200 },
  { m: 'McDonalds 0314', category: 'dining', perWeek: 0.25, lo: 450, hi: 1600 },
  { m: 'CarGo', category: 'transport', perWeek: 0.5, lo: 350, hi: 1400 },
  { m: 'OMV 2231', category: 'transport', perWeek: 0.2, lo: 2000, hi: 6500 },
  { m: 'ZARA', category: 'groceries', perWeek: 0.06, lo: 2500, hi: 14000 },
  { m: 'H&M', category: 'groceries', perWeek: 0.05, lo: 1500, hi: 9000 },
  { m: 'Cineplexx', category: 'entertainment', perWeek: 0.08, lo: 600, hi: 2400 },
  { m: 'Gigatron', category: 'groceries', perWeek: 0.03, lo: 1500, hi: 60000 },
  { m: 'JYSK', category: 'groceries', perWeek: 0.03, lo: 900, hi: 25000 },
  { m: 'ALIEXPRESS', category: 'groceries', perWeek: 0.15, lo: 4, hi: 60, online: { cc: 'NL', cur: 'EUR' } },
  { m: 'TEMU.COM', category: 'groceries', perWeek: 0.1, lo: 8, hi: 45, online: { cc: 'IE', cur: 'EUR' } },
  { m: 'Mozzart', category: 'entertainment', perWeek: 0.2, lo: 200, hi: 2000 },
  { m: 'Frizerski salon Stil', category: 'groceries', perWeek: 0.22, lo: 1200, hi: 2600 },
  { m: 'Vulkan knjižare', category: 'entertainment', perWeek: 0.06, lo: 900, hi: 5200 },
  { m: 'Yandex Go', category: 'transport', perWeek: 0.25, lo: 300, hi: 1300 },
];
/** Transfers to people and ATM cash: irregular. */
const PEOPLE: Noise[] = [
  { m: 'ATM', category: 'transfer', perWeek: 0.35, lo: 20, hi: 200 },
  { m: '', category: 'transfer', perWeek: 0.25, lo: 500, hi: 15000, order: 'person' },
  { m: '', category: 'transfer', perWeek: 0.08, lo: 1000, hi: 20000, order: 'person', credit: true },
];
const FRIENDS = [
  'Marko Petrović',
  'Jelena Ilić',
  'Ivana Lazić',
  'Nikola Đorđević',
  'Stefan Pavlović',
  'Milica Savić',
  'Dušan Kovačević',
  'Ana Marković',
];

const S = {
  card: (
    key: string,
    category: Category,
    amount: number,
    day: number,
    names: string[],
    o: Partial<Spec> = {},
  ): ((p: Persona) => Spec) => {
    return (p) => ({
      key,
      direction: 'outgoing',
      frequency: 'monthly',
      category,
      amount,
      day,
      desc: (d) => p.bank.card(pick(names), p.city, d),
      ...o,
    });
  },
  foreign: (key: string, f: Foreign, day: number, o: Partial<Spec> = {}): ((p: Persona) => Spec) => {
    return (p) => ({
      key,
      direction: 'outgoing',
      frequency: 'monthly',
      category: 'subscriptions',
      amount: 0,
      day,
      foreign: f,
      jitter: 1,
      desc: (d, _i, minor) => p.bank.online(pick(f.names), f.cc, `${f.cur} ${money(minor)}`, d),
      ...o,
    });
  },
  bill: (
    key: string,
    category: Category,
    amount: number,
    day: number,
    payees: string[],
    purpose: (d: string, i: number) => string,
    o: Partial<Spec> = {},
  ): ((p: Persona) => Spec) => {
    return (p) => {
      // Each payer uses one to three of the bank's order forms for a given bill.
      const forms = [pick(p.bank.order), pick(p.bank.order), pick(p.bank.order)].slice(0, int(1, 3));
      return {
        key,
        direction: 'outgoing',
        frequency: 'monthly',
        category,
        amount,
        day,
        jitter: 7,
        desc: (d, i) => pick(forms)(pick(payees), purpose(d, i), d),
        ...o,
      };
    };
  },
  debit: (
    key: string,
    category: Category,
    amount: number,
    day: number,
    what: (d: string, i: number) => string,
    o: Partial<Spec> = {},
  ): ((p: Persona) => Spec) => {
    return (p) => ({
      key,
      direction: 'outgoing',
      frequency: 'monthly',
      category,
      amount,
      day,
      workday: true,
      desc: (d, i) => p.bank.debit(what(d, i), d),
      ...o,
    });
  },
  income: (
    key: string,
    category: Category,
    amount: number,
    day: number,
    payers: string[],
    purpose: (d: string, i: number) => string,
    o: Partial<Spec> = {},
  ): ((p: Persona) => Spec) => {
    return (p) => ({
      key,
      direction: 'incoming',
      frequency: 'monthly',
      category,
      amount,
      day,
      workday: true,
      jitter: 2,
      desc: (d, i) => p.bank.credit(pick(payers), purpose(d, i), d),
      ...o,
    });
  },
};

// ---------- a catalogue of streams, as Serbian households have them ----------
const EPS = (amount: number, o: Partial<Spec> = {}) =>
  S.bill(
    'eps',
    'utilities',
    amount,
    20,
    ['EPS Snabdevanje', 'JP EPS', 'EPS SNABDEVANJE DOO BEOGRAD'],
    (d) => pick([`račun za struju ${mmyyyy(d)}`, `ED broj ${int(100000, 999999)}`, `struja ${monthName(d)}`]),
    { variable: 0.12, seasonal: 0.6, ...o },
  );
const INFOSTAN = (amount: number, o: Partial<Spec> = {}) =>
  S.bill(
    'infostan',
    'utilities',
    amount,
    25,
    ['JKP Infostan tehnologije', 'INFOSTAN', 'Infostan Beograd'],
    (d) =>
      pick([
        `zaduženje ${mmyyyy(d)}`,
        `uplatnica ${monthName(d)}`,
        `račun ${d.slice(5, 7)}.${d.slice(0, 4)}`,
      ]),
    { variable: 0.1, ...o },
  );
const PHONE = (key: string, payee: string[], amount: number, day: number, o: Partial<Spec> = {}) =>
  S.bill(
    key,
    'utilities',
    amount,
    day,
    payee,
    (d) => pick([`račun ${mmyyyy(d)}`, `pretplata ${monthName(d)}`, '']),
    {
      jitter: 5,
      ...o,
    },
  );
const TOPLANA = (payee: string[], amount: number, o: Partial<Spec> = {}) =>
  S.bill('toplana', 'utilities', amount, 15, payee, (d) => `grejanje ${mmyyyy(d)}`, { variable: 0.03, ...o });
const VODOVOD = (payee: string[], amount: number, o: Partial<Spec> = {}) =>
  S.bill('vodovod', 'utilities', amount, 18, payee, (d) => `voda ${monthName(d)} ${d.slice(0, 4)}`, {
    variable: 0.2,
    ...o,
  });
const ZGRADA = (amount: number, o: Partial<Spec> = {}) =>
  S.bill(
    'zgrada',
    'utilities',
    amount,
    10,
    ['Stambena zajednica Bulevar 112', 'SZ BULEVAR 112', 'Upravnik zgrade Profi Menadžment doo'],
    (d) => pick([`održavanje ${mmyyyy(d)}`, 'tekuće održavanje', `investiciono ${monthName(d)}`]),
    { jitter: 9, ...o },
  );
const RENT = (landlord: string, amount: number, o: Partial<Spec> = {}) =>
  S.bill(
    'kirija',
    'rent',
    amount,
    3,
    [landlord, ascii(landlord), landlord.toUpperCase()],
    (d) =>
      pick([
        `kirija ${monthName(d)}`,
        `stanarina ${mmyyyy(d)}`,
        `zakup stana ${monthName(d)} ${d.slice(0, 4)}`,
      ]),
    { jitter: 4, ...o },
  );
const LOAN = (key: string, partija: string, amount: number, day: number, o: Partial<Spec> = {}) =>
  S.debit(
    key,
    'transfer',
    amount,
    day,
    (d) =>
      pick([
        `Naplata rate kredita ${partija}`,
        `Rata kredita partija ${partija} za ${mmyyyy(d)}`,
        `Otplata kredita ${partija}`,
      ]),
    o,
  );
const SAVINGS = (amount: number, day: number, o: Partial<Spec> = {}) =>
  S.debit(
    'stednja',
    'transfer',
    amount,
    day,
    (d) => pick(['Trajni nalog - prenos na štednju', `Prenos na štedni račun ${mmyyyy(d)}`]),
    o,
  );
const SALARY = (employer: string, amount: number, day: number, o: Partial<Spec> = {}) =>
  S.income(
    'plata',
    'salary',
    amount,
    day,
    [employer, employer.toUpperCase()],
    (d) =>
      pick([
        `zarada za ${mmyyyy(d)}`,
        `isplata zarade ${monthName(d)}`,
        'zarada',
        `Plata ${d.slice(5, 7)}-${d.slice(0, 4)}`,
      ]),
    {
      variable: 0.03,
      rises: [
        ['2025-01-01', 0.06],
        ['2026-01-01', 0.07],
      ],
      ...o,
    },
  );
const NETFLIX: Foreign = {
  names: ['NETFLIX.COM', 'Netflix.com Amsterdam', 'NETFLIX INTERNATIONAL B.V.', 'NETFLIX.COM 866-579-7172'],
  cc: 'NL',
  cur: 'EUR',
  price: 999,
  prices: [['2025-06-01', 1199]],
};
const SPOTIFY: Foreign = {
  names: ['Spotify P2A3F6', 'SPOTIFY', 'PAYPAL *SPOTIFY', 'Spotify AB Stockholm'],
  cc: 'SE',
  cur: 'EUR',
  price: 599,
  prices: [['2025-09-01', 699]],
};
const YOUTUBE: Foreign = {
  names: ['GOOGLE *YouTubePremium', 'GOOGLE*YOUTUBE PREMIUM G.CO/HELPPAY#', 'Google YouTube Premium'],
  cc: 'IE',
  cur: 'EUR',
  price: 799,
};
const GOOGLE_ONE: Foreign = {
  names: ['GOOGLE *Google One', 'GOOGLE*GOOGLE ONE G.CO/HELPPAY#', 'Google One storage'],
  cc: 'IE',
  cur: 'EUR',
  price: 199,
};
const ICLOUD: Foreign = {
  names: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill Cork'],
  cc: 'IE',
  cur: 'EUR',
  price: 299,
};
const CHATGPT: Foreign = {
  names: ['OPENAI *CHATGPT SUBSCR', 'OpenAI ChatGPT Plus', 'OPENAI LLC SAN FRANCISCO'],
  cc: 'US',
  cur: 'USD',
  price: 2000,
};
const M365: Foreign = {
  names: ['MICROSOFT*365 PERSONAL', 'MSFT * E0400ABCD', 'Microsoft*Subscription'],
  cc: 'IE',
  cur: 'EUR',
  price: 700,
};
const PSPLUS: Foreign = {
  names: ['PlayStation Network', 'SONY INTERACTIVE EU', 'PLAYSTATION*NETWORK'],
  cc: 'GB',
  cur: 'EUR',
  price: 899,
};
const PATREON: Foreign = {
  names: ['PATREON* MEMBERSHIP', 'Patreon Membership', 'PAYPAL *PATREON'],
  cc: 'US',
  cur: 'USD',
  price: 500,
};
const CANVA: Foreign = {
  names: ['CANVA* I04321', 'Canva Pty Ltd', 'CANVA.COM'],
  cc: 'AU',
  cur: 'EUR',
  price: 1199,
};
const DUOLINGO: Foreign = {
  names: ['DUOLINGO', 'Duolingo Inc', 'APPLE.COM/BILL DUOLINGO'],
  cc: 'US',
  cur: 'USD',
  price: 1299,
};
const HBO: Foreign = { names: ['HBO MAX', 'WarnerMedia Max', 'MAX.COM'], cc: 'NL', cur: 'EUR', price: 599 };
const COPILOT: Foreign = {
  names: ['GITHUB, INC.', 'GitHub Copilot', 'GITHUB.COM'],
  cc: 'US',
  cur: 'USD',
  price: 1000,
};

interface HistorySpec {
  today: string;
  months: number;
  note: string;
  bank: number;
  city: string;
  busy: number;
  noise: Noise[];
  streams: Array<(p: Persona) => Spec>;
}

const HISTORIES: HistorySpec[] = [
  {
    today: '2026-11-28',
    months: 36,
    note: 'Belgrade family, Intesa: 14 monthly streams (bills by hand ±7 days, FX subscriptions, loan, savings), annual car registration, heavy grocery noise',
    bank: 0,
    city: CITIES.bg!,
    busy: 1.2,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Comtrade System Integration doo', 14500000, 8),
      EPS(650000, { late: [7, 19] }),
      INFOSTAN(820000, { miss: [13] }),
      PHONE('mts', ['Telekom Srbija', 'TELEKOM SRBIJA AD', 'mts'], 289900, 18, {
        rises: [
          ['2025-02-01', 0.06],
          ['2026-02-01', 0.05],
        ],
      }),
      PHONE('sbb', ['SBB doo', 'SBB SOLUDIGITAL', 'Serbia Broadband'], 349900, 10, {
        rises: [['2026-04-01', 0.08]],
      }),
      ZGRADA(180000),
      LOAN('kredit', '105-0000004411234-56', 3215000, 5),
      SAVINGS(1000000, 11, { start: '2024-06-01' }),
      S.foreign('netflix', NETFLIX, 14),
      S.foreign('spotify', SPOTIFY, 3, { end: '2026-05-10' }),
      S.foreign('icloud', ICLOUD, 22),
      S.card('vrtic', 'utilities', 1450000, 5, ['PU Radosno detinjstvo', 'PU RADOSNO DETINJSTVO'], {
        jitter: 4,
        miss: [8, 20, 32],
        rises: [
          ['2025-09-01', 0.1],
          ['2026-09-01', 0.08],
        ],
      }),
      S.card('teretana', 'entertainment', 390000, 2, ['Fitness centar Forma', 'FORMA FITNESS'], {
        jitter: 3,
        start: '2025-01-15',
      }),
      (p) => ({
        ...S.card('registracija', 'transport', 2300000, 14, ['Tehnički pregled Auto Centar Ivanović'])(p),
        frequency: 'annually',
        variable: 0.07,
        jitter: 9,
      }),
      // Hard negative: the same gym, protein shakes bought irregularly.
      (p) => ({
        ...S.card('teretana-bar', 'entertainment', 35000, 4, ['Fitness centar Forma', 'FORMA FITNESS'])(p),
        frequency: 'weekly',
        variable: 0.4,
        jitter: 3,
        miss: Array.from({ length: 160 }, (_, i) => i).filter((i) => i % 3 !== 0 || i % 7 === 0),
        decoy: true,
      }),
    ],
  },
  {
    today: '2026-10-15',
    months: 30,
    note: 'Novi Sad, OTP upper-case ASCII: 12 monthly (toplana, vodovod, phone, rent by hand, FX), quarterly property tax, biweekly cleaning, annual Gigatron look-alike one-offs',
    bank: 1,
    city: CITIES.ns!,
    busy: 1,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('NIS a.d. Novi Sad', 12800000, 10),
      RENT('Dragan Mitić', 4500000, { rises: [['2025-09-01', 0.1]], miss: [17] }),
      TOPLANA(['JKP Novosadska toplana', 'NOVOSADSKA TOPLANA'], 520000),
      VODOVOD(['JKP Vodovod i kanalizacija Novi Sad', 'VODOVOD I KANALIZACIJA NS'], 210000),
      PHONE('yettel', ['Yettel doo', 'YETTEL BEOGRAD', 'Yettel Srbija'], 199900, 16),
      PHONE('a1', ['A1 Srbija doo', 'A1 SRBIJA'], 259900, 6, { rises: [['2026-01-01', 0.06]] }),
      EPS(480000, { jitter: 10 }),
      S.foreign('youtube', YOUTUBE, 27),
      S.foreign('chatgpt', CHATGPT, 9, { start: '2025-03-01' }),
      S.foreign('google-one', GOOGLE_ONE, 1),
      S.card('parking', 'transport', 200000, 1, ['Parking servis Novi Sad', 'JKP PARKING SERVIS NS'], {
        jitter: 5,
      }),
      S.income(
        'decji',
        'transfer',
        350000,
        12,
        ['Gradska uprava za socijalnu zaštitu', 'Republika Srbija'],
        () => 'dečiji dodatak',
        {
          end: '2026-03-20',
        },
      ),
      (p) => ({
        ...S.bill(
          'porez',
          'utilities',
          840000,
          15,
          ['Grad Novi Sad', 'LPA Novi Sad'],
          (d) => `porez na imovinu ${d.slice(0, 4)}`,
        )(p),
        frequency: 'quarterly',
        jitter: 10,
      }),
      (p) => ({
        key: 'cistacica',
        direction: 'outgoing',
        frequency: 'biweekly',
        category: 'transfer',
        amount: 400000,
        day: 5,
        jitter: 1,
        variable: 0.08,
        miss: [14, 40],
        desc: (d) =>
          pick(p.bank.order)(
            pick(['Snežana Ilić', 'Snezana Ilic']),
            pick(['čišćenje', 'spremanje stana', '']),
            d,
          ),
      }),
      // Annual-looking one-offs: a big purchase each late November at different amounts.
      (p) => ({
        ...S.card('gigatron-bf', 'groceries', 5500000, 26, ['Gigatron', 'GIGATRON PROMENADA'])(p),
        frequency: 'annually',
        variable: 0.35,
        jitter: 4,
        decoy: true,
      }),
    ],
  },
  {
    today: '2027-01-20',
    months: 34,
    note: 'Raiffeisen English export, Niš: 13 monthly incl. two phone lines at one operator and two loans at one bank, weekly lessons, annual insurance',
    bank: 2,
    city: CITIES.nis!,
    busy: 1,
    noise: [...GROCERY.slice(0, 10), ...EXTRA.slice(0, 10), ...PEOPLE],
    streams: [
      SALARY('Philip Morris Operations ad Niš', 11200000, 15),
      PHONE('mts-mob', ['Telekom Srbija', 'TELEKOM SRBIJA'], 189900, 20),
      PHONE('mts-net', ['Telekom Srbija', 'TELEKOM SRBIJA'], 449900, 20, { rises: [['2025-02-01', 0.07]] }),
      LOAN('kredit-stan', '265-1100310098765-12', 5430000, 1),
      LOAN('kredit-auto', '265-1100310055512-80', 1874000, 1, { start: '2025-04-01' }),
      TOPLANA(['JKP Gradska toplana Niš', 'GRADSKA TOPLANA NIS'], 610000),
      VODOVOD(['JKP Naissus', 'JKP NAISSUS NIS'], 180000),
      EPS(720000),
      S.bill(
        'cistoca',
        'utilities',
        95000,
        12,
        ['JKP Mediana', 'JKP MEDIANA NIS'],
        (d) => `odnošenje smeća ${mmyyyy(d)}`,
        { jitter: 10 },
      ),
      S.foreign('m365', M365, 19),
      S.foreign('psplus', PSPLUS, 7, { end: '2026-02-15' }),
      S.foreign('patreon', PATREON, 1, { jitter: 0 }),
      S.card('bazen', 'entertainment', 300000, 4, ['SC Čair bazen', 'SPORTSKI CENTAR CAIR'], {
        jitter: 5,
        miss: [6, 7, 18, 19, 30, 31],
      }),
      (p) => ({
        key: 'engleski',
        direction: 'outgoing',
        frequency: 'weekly',
        category: 'transfer',
        amount: 200000,
        day: 3,
        jitter: 1,
        miss: [24, 25, 26, 27, 28, 29, 76, 77, 78, 79, 80, 81],
        start: '2025-09-01',
        desc: (d) =>
          pick(p.bank.order)(
            pick(['Marija Ilić', 'MARIJA ILIC']),
            pick(['časovi engleskog', 'engleski', '']),
            d,
          ),
      }),
      (p) => ({
        ...S.bill(
          'kasko',
          'utilities',
          6200000,
          8,
          ['Dunav osiguranje ado', 'DUNAV OSIGURANJE'],
          (d) => `kasko polisa ${d.slice(0, 4)}`,
        )(p),
        frequency: 'annually',
        jitter: 6,
        rises: [
          ['2025-06-01', 0.08],
          ['2026-06-01', 0.1],
        ],
      }),
    ],
  },
  {
    today: '2026-09-30',
    months: 28,
    note: 'AIK, Kragujevac: monthly bills with card-number fragments, rent, pension to a parent by IPS, annual domain FX, hard negatives: fuel every 9–16 days and hairdresser every 3–8 weeks',
    bank: 3,
    city: CITIES.kg!,
    busy: 0.9,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Fiat Srbija doo', 10300000, 7, { variable: 0.08 }),
      RENT('Vesna Tomić', 3200000),
      S.bill(
        'majka',
        'transfer',
        1500000,
        1,
        ['Ljiljana Jovanović', 'LJILJANA JOVANOVIC'],
        () => pick(['za mamu', 'pomoć', '']),
        { jitter: 5 },
      ),
      S.bill(
        'energetika',
        'utilities',
        560000,
        15,
        ['JKP Energetika Kragujevac', 'ENERGETIKA KG'],
        (d) => `grejanje ${mmyyyy(d)}`,
        {
          variable: 0.04,
          miss: [9],
        },
      ),
      VODOVOD(['JKP Vodovod i kanalizacija Kragujevac', 'VODOVOD KG'], 160000),
      EPS(590000),
      PHONE('yettel', ['Yettel doo', 'YETTEL'], 249900, 12),
      S.card('vrtic', 'utilities', 1100000, 8, ['PU Nata Veljković', 'PU NATA VELJKOVIC'], {
        jitter: 6,
        miss: [10, 22],
      }),
      S.foreign('netflix', NETFLIX, 21),
      S.foreign('canva', CANVA, 15, { start: '2025-05-01' }),
      (p) => ({
        ...S.foreign(
          'domen',
          { names: ['NAMECHEAP.COM', 'NAMECHEAP PHOENIX'], cc: 'US', cur: 'USD', price: 1498 },
          4,
        )(p),
        frequency: 'annually',
      }),
      (p) => ({
        key: 'fuel-decoy',
        direction: 'outgoing',
        frequency: 'weekly',
        category: 'transport',
        amount: 450000,
        day: 2,
        jitter: 3,
        variable: 0.35,
        miss: Array.from({ length: 130 }, (_, i) => i).filter((i) => i % 5 === 2 || i % 7 === 4),
        decoy: true,
        desc: (d) => p.bank.card(pick(['MOL BS 44', 'MOL SRBIJA']), p.city, d),
      }),
    ],
  },
  {
    today: '2026-12-12',
    months: 36,
    note: 'Poštanska, Cyrillic wrapper, pensioner in Čačak: pension, bills by hand on varying days, two months at once, annual fee and quarterly insurance; few card purchases but many shop visits',
    bank: 4,
    city: CITIES.ca!,
    busy: 0.8,
    noise: [...GROCERY.slice(0, 9), ...PEOPLE],
    streams: [
      S.income(
        'penzija',
        'salary',
        4650000,
        25,
        ['PIO fond', 'Републички фонд ПИО'],
        (d) => `penzija ${mmyyyy(d)}`,
        {
          jitter: 3,
          rises: [
            ['2025-01-01', 0.046],
            ['2026-01-01', 0.062],
          ],
        },
      ),
      EPS(420000, { jitter: 9, late: [5, 17, 29] }),
      S.bill(
        'vodovod',
        'utilities',
        140000,
        20,
        ['JKP Vodovod Čačak', 'Водовод Чачак'],
        (d) => `вода ${mmyyyy(d)}`,
        { variable: 0.25, jitter: 9 },
      ),
      S.bill(
        'komunalac',
        'utilities',
        120000,
        20,
        ['JKP Komunalac Čačak', 'Комуналац Чачак'],
        (d) => `смеће ${mmyyyy(d)}`,
        { jitter: 9, late: [5, 17, 29] },
      ),
      S.bill('toplana', 'utilities', 390000, 15, ['JKP Toplana Čačak'], (d) => `грејање ${mmyyyy(d)}`, {
        jitter: 9,
        variable: 0.02,
      }),
      PHONE('telekom', ['Telekom Srbija', 'Телеком Србија'], 149900, 22, { jitter: 9 }),
      S.bill(
        'unuka',
        'transfer',
        500000,
        1,
        ['Milica Savić', 'Милица Савић'],
        () => pick(['džeparac', 'за студије', '']),
        { jitter: 3, start: '2024-10-01' },
      ),
      (p) => ({
        ...S.debit(
          'kartica',
          'transfer',
          150000,
          15,
          (d) => `Godišnja članarina za karticu ${d.slice(0, 4)}`,
        )(p),
        frequency: 'annually',
      }),
      (p) => ({
        ...S.bill(
          'osiguranje',
          'utilities',
          380000,
          10,
          ['Generali osiguranje Srbija', 'GENERALI OSIGURANJE'],
          (d, i) => `polisa 221334 rata ${(i % 4) + 1}`,
        )(p),
        frequency: 'quarterly',
        jitter: 5,
      }),
    ],
  },
  {
    today: '2026-08-31',
    months: 26,
    note: 'NLB, student-to-professional in Novi Beograd: streams start mid-history (new job, new flat), old ones stop; many subscriptions; weekly lunch decoy at one bakery',
    bank: 5,
    city: CITIES.nbg!,
    busy: 1.4,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      S.income(
        'stipendija',
        'salary',
        1200000,
        20,
        ['Fond za mlade talente', 'Ministarstvo prosvete'],
        () => 'stipendija',
        { end: '2025-06-25' },
      ),
      SALARY('Nordeus doo', 23000000, 5, { start: '2025-07-01' }),
      RENT('Ivana Lukić', 5500000, { start: '2025-08-01' }),
      RENT('Goran Perić', 2500000, { end: '2025-07-10', day: 5 }),
      INFOSTAN(610000, { start: '2025-08-01' }),
      EPS(400000, { start: '2025-08-01' }),
      PHONE('sbb', ['SBB doo', 'SBB'], 299900, 10, { start: '2025-08-01' }),
      PHONE('yettel', ['Yettel doo', 'YETTEL'], 99900, 16, { rises: [['2025-08-01', 1]] }),
      S.foreign('spotify', SPOTIFY, 6),
      S.foreign('netflix', NETFLIX, 11, { start: '2025-08-01' }),
      S.foreign('chatgpt', CHATGPT, 18, { start: '2025-09-01' }),
      S.foreign('copilot', COPILOT, 24, { start: '2025-10-01' }),
      S.foreign('hbo', HBO, 2, { end: '2026-01-05' }),
      S.foreign('duolingo', DUOLINGO, 13, { end: '2025-12-20' }),
      S.card('teretana', 'entertainment', 450000, 1, ['Gym Factory Novi Beograd', 'GYM FACTORY'], {
        jitter: 4,
        start: '2025-09-01',
        miss: [10],
      }),
      SAVINGS(3000000, 7, { start: '2025-10-01' }),
      (p) => ({
        key: 'pekara-decoy',
        direction: 'outgoing',
        frequency: 'weekly',
        category: 'dining',
        amount: 65000,
        day: 3,
        jitter: 2,
        variable: 0.3,
        miss: Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 4 === 1 || i % 6 === 0),
        decoy: true,
        desc: (d) => p.bank.card(pick(['Pekara Mlinar', 'PEKARA MLINAR']), p.city, d),
      }),
    ],
  },
  {
    today: '2027-03-05',
    months: 32,
    note: 'UniCredit, Subotica: monthly bills by IPS, rent income (transfer), two incoming monthly (salary in two parts), quarterly accountant, annual domain and antivirus, biweekly incoming',
    bank: 6,
    city: CITIES.su!,
    busy: 1,
    noise: [...GROCERY, ...EXTRA.slice(3), ...PEOPLE],
    streams: [
      S.income(
        'akontacija',
        'salary',
        5000000,
        20,
        ['Zlatna Panonija ad', 'ZLATNA PANONIJA'],
        (d) => `akontacija ${monthName(d)}`,
      ),
      S.income(
        'konacna',
        'salary',
        6100000,
        5,
        ['Zlatna Panonija ad', 'ZLATNA PANONIJA'],
        (d) => `konačni obračun ${mmyyyy(d)}`,
        { variable: 0.06 },
      ),
      S.income(
        'kirija-prihod',
        'transfer',
        3000000,
        3,
        ['Bojan Kiš', 'BOJAN KIS'],
        (d) => `kirija ${monthName(d)}`,
        { jitter: 5, workday: false },
      ),
      S.bill(
        'toplana',
        'utilities',
        470000,
        15,
        ['JKP Subotička toplana', 'SUBOTICKA TOPLANA'],
        (d) => `${mmyyyy(d)}`,
        { variable: 0.03 },
      ),
      VODOVOD(['JKP Vodovod i kanalizacija Subotica'], 230000),
      EPS(610000),
      PHONE('mts', ['Telekom Srbija', 'mts'], 329900, 25, { rises: [['2026-02-01', 0.06]] }),
      ZGRADA(250000),
      S.foreign('youtube', YOUTUBE, 12),
      S.foreign('m365', M365, 3),
      S.card('sah', 'entertainment', 200000, 10, ['Šahovski klub Spartak', 'SK SPARTAK'], {
        jitter: 6,
        miss: [5, 6, 17, 18, 29, 30],
      }),
      (p) => ({
        ...S.bill(
          'knjigovodja',
          'transfer',
          1500000,
          12,
          ['Bilans doo', 'Knjigovodstvena agencija Bilans'],
          (d) => `usluge ${mmyyyy(d)}`,
        )(p),
        frequency: 'quarterly',
        jitter: 4,
      }),
      (p) => ({
        ...S.foreign(
          'kaspersky',
          { names: ['KASPERSKY LAB', 'Kaspersky Total Security'], cc: 'GB', cur: 'EUR', price: 2999 },
          9,
        )(p),
        frequency: 'annually',
      }),
      (p) => ({
        ...S.income('honorar', 'salary', 1800000, 4, ['Studio Pixel doo'], () => 'honorar po ugovoru')(p),
        frequency: 'biweekly',
        variable: 0.05,
        start: '2026-01-01',
        jitter: 1,
      }),
      // Annual-looking one-off pairs: summer holiday at the same agency, very different amounts.
      (p) => ({
        ...S.bill(
          'agencija',
          'entertainment',
          9000000,
          5,
          ['Turistička agencija Kon Tiki', 'KON TIKI TRAVEL'],
          () => 'aranžman',
        )(p),
        frequency: 'annually',
        jitter: 15,
        variable: 0.45,
        decoy: true,
      }),
    ],
  },
  {
    today: '2026-11-10',
    months: 24,
    note: 'ProCredit, Valjevo: bills by hand with ±10-day spread and skips, monthly credit-card repayment (variable), Apple one-off purchases under the iCloud billing text (hard), weekly pocket money',
    bank: 7,
    city: CITIES.va!,
    busy: 1.1,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Gorenje doo Valjevo', 9100000, 12),
      EPS(530000, { jitter: 10, miss: [6] }),
      VODOVOD(['JKP Vodovod Valjevo', 'VODOVOD VALJEVO'], 150000, { jitter: 10 }),
      PHONE('sbb', ['SBB doo', 'SBB'], 279900, 14, { jitter: 10, miss: [11] }),
      S.debit('kreditna', 'transfer', 2500000, 15, (d) => `Uplata na kreditnu karticu ${mmyyyy(d)}`, {
        variable: 0.5,
        jitter: 2,
      }),
      S.foreign('icloud', ICLOUD, 17),
      S.foreign('netflix', NETFLIX, 2, { miss: [9] }),
      S.card('fudbal', 'entertainment', 300000, 5, ['Škola fudbala Budućnost', 'SKOLA FUDBALA BUDUCNOST'], {
        jitter: 6,
        miss: [7, 19],
      }),
      (p) => ({
        key: 'dzeparac',
        direction: 'outgoing',
        frequency: 'weekly',
        category: 'transfer',
        amount: 100000,
        day: 1,
        jitter: 1,
        start: '2025-09-01',
        rises: [['2026-03-01', 0.5]],
        desc: (d) => pick(p.bank.order)(pick(['Luka Petrović', 'LUKA PETROVIC']), pick(['džeparac', '']), d),
      }),
      // Hard negative: app purchases under the same billing text, irregular and at other amounts.
      (p) => ({
        ...S.foreign(
          'apple-apps',
          { names: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM'], cc: 'IE', cur: 'EUR', price: 499 },
          2,
        )(p),
        frequency: 'weekly',
        variable: 0.7,
        jitter: 3,
        miss: Array.from({ length: 110 }, (_, i) => i).filter((i) => i % 6 !== 0),
        decoy: true,
      }),
    ],
  },
  {
    today: '2026-10-01',
    months: 36,
    note: 'Intesa, Belgrade couple: 15 monthly streams, several stopping and starting, price rises, quarterly building fund, annual insurance twice (AO and house), weekly Lotto',
    bank: 0,
    city: CITIES.bg!,
    busy: 1.5,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Telekom Srbija ad', 15200000, 20),
      S.income(
        'plata2',
        'salary',
        9800000,
        10,
        ['Dom zdravlja Voždovac', 'DZ VOZDOVAC'],
        (d) => `zarada ${mmyyyy(d)}`,
        { variable: 0.04 },
      ),
      INFOSTAN(910000),
      EPS(700000),
      PHONE('mts', ['Telekom Srbija', 'mts'], 399900, 19, {
        rises: [
          ['2025-02-01', 0.06],
          ['2026-02-01', 0.05],
        ],
      }),
      PHONE('yettel', ['Yettel doo'], 159900, 8),
      LOAN('kredit', '160-0000000778123-04', 4120000, 25, { end: '2026-02-28' }),
      S.foreign('netflix', NETFLIX, 5),
      S.foreign('spotify', SPOTIFY, 17, { start: '2024-12-01' }),
      S.foreign('youtube', YOUTUBE, 23, { end: '2025-03-30' }),
      S.foreign('chatgpt', CHATGPT, 29, { start: '2025-11-01' }),
      S.card('teretana', 'entertainment', 500000, 3, ['Teretana Iron Gym', 'IRON GYM'], {
        jitter: 4,
        end: '2025-12-10',
      }),
      S.card('pilates', 'entertainment', 600000, 3, ['Pilates studio Balans'], {
        jitter: 4,
        start: '2026-01-01',
      }),
      S.card('arena', 'subscriptions', 149900, 9, ['Arena Premium', 'ARENA SPORT PREMIUM'], {
        jitter: 1,
        start: '2025-08-01',
        end: '2026-06-10',
      }),
      S.bill(
        'dadilja',
        'transfer',
        4000000,
        28,
        ['Jelena Nikolić', 'JELENA NIKOLIC'],
        (d) => `čuvanje ${monthName(d)}`,
        { jitter: 3, start: '2025-03-01' },
      ),
      (p) => ({
        ...S.bill(
          'zgrada-fond',
          'utilities',
          600000,
          10,
          ['Stambena zajednica Vojvode Stepe 210'],
          () => 'investiciono održavanje',
        )(p),
        frequency: 'quarterly',
        jitter: 8,
      }),
      (p) => ({
        ...S.bill(
          'ao',
          'utilities',
          2800000,
          20,
          ['Triglav osiguranje ado', 'TRIGLAV OSIGURANJE'],
          (d) => `AO polisa ${d.slice(0, 4)}`,
        )(p),
        frequency: 'annually',
        jitter: 5,
        rises: [
          ['2025-03-01', 0.1],
          ['2026-03-01', 0.1],
        ],
      }),
      (p) => ({
        ...S.bill(
          'kuca',
          'utilities',
          950000,
          2,
          ['Triglav osiguranje ado', 'TRIGLAV OSIGURANJE'],
          (d) => `osiguranje stana ${d.slice(0, 4)}`,
        )(p),
        frequency: 'annually',
        jitter: 5,
      }),
      (p) => ({
        ...S.card('loto', 'entertainment', 40000, 4, ['Državna lutrija Srbije', 'DRZAVNA LUTRIJA'])(p),
        frequency: 'weekly',
        jitter: 0,
        miss: [30, 31, 90, 91],
      }),
    ],
  },
  {
    today: '2026-12-30',
    months: 30,
    note: 'OTP, Novi Sad freelancer: biweekly FX income with a skip, monthly Payoneer fee, many FX subscriptions in USD with rate moves, quarterly tax, weekly gym classes, frequent WOLT decoy',
    bank: 1,
    city: CITIES.ns!,
    busy: 1.3,
    noise: [...GROCERY, ...EXTRA, ...EXTRA.slice(0, 4), ...PEOPLE],
    streams: [
      (p) => ({
        ...S.income(
          'upwork',
          'salary',
          8200000,
          3,
          ['UPWORK ESCROW INC', 'Upwork Global'],
          () => 'priliv iz inostranstva',
        )(p),
        frequency: 'biweekly',
        variable: 0.12,
        jitter: 1,
        miss: [20, 45],
      }),
      RENT('Marko Radić', 4000000),
      TOPLANA(['JKP Novosadska toplana', 'NOVOSADSKA TOPLANA'], 480000),
      EPS(450000),
      PHONE('sbb', ['SBB doo'], 319900, 9),
      S.foreign('chatgpt', CHATGPT, 3),
      S.foreign('copilot', COPILOT, 14),
      S.foreign('patreon', PATREON, 1, { jitter: 0, start: '2025-05-01' }),
      S.foreign('gone', GOOGLE_ONE, 20),
      S.foreign('canva', CANVA, 26, { end: '2026-04-01' }),
      S.foreign(
        'midjourney',
        { names: ['MIDJOURNEY INC.', 'Midjourney Inc'], cc: 'US', cur: 'USD', price: 1000 },
        11,
        { start: '2025-02-01', end: '2025-10-15' },
      ),
      (p) => ({
        ...S.bill(
          'porez',
          'utilities',
          1100000,
          15,
          ['Poreska uprava', 'PORESKA UPRAVA FILIJALA NS'],
          (d) => `porez po rešenju ${d.slice(0, 4)}`,
        )(p),
        frequency: 'quarterly',
        jitter: 6,
        variable: 0.05,
      }),
      (p) => ({
        ...S.card('joga', 'entertainment', 150000, 4, ['Joga centar Prana', 'JOGA PRANA'])(p),
        frequency: 'weekly',
        jitter: 1,
        miss: [10, 30, 31, 32, 60, 82, 83, 84, 85],
      }),
    ],
  },
  {
    today: '2026-07-20',
    months: 25,
    note: 'AIK, Niš family: school and kindergarten fees with summer skips, bills by hand, life insurance debit, Telenor-era rename (Yettel), annual-looking shoe and TV purchases (decoys)',
    bank: 3,
    city: CITIES.nis!,
    busy: 1.1,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Elektronska industrija Niš', 8400000, 18),
      S.income(
        'plata2',
        'salary',
        7600000,
        8,
        ['Osnovna škola Vožd Karađorđe', 'OS VOZD KARADJORDJE'],
        (d) => `plata ${mmyyyy(d)}`,
      ),
      TOPLANA(['JKP Gradska toplana Niš'], 560000),
      EPS(640000),
      VODOVOD(['JKP Naissus'], 190000),
      PHONE('yettel', ['Telenor doo', 'Yettel doo', 'YETTEL'], 279900, 12),
      S.debit('zivotno', 'utilities', 350000, 10, () => 'Wiener Städtische životno osiguranje polisa 88123'),
      S.bill(
        'vrtic',
        'utilities',
        1000000,
        8,
        ['PU Pčelica Niš', 'PU PCELICA'],
        (d) => `vrtić ${monthName(d)}`,
        { miss: [1, 13, 25] },
      ),
      S.bill(
        'muzicka',
        'utilities',
        500000,
        10,
        ['Muzička škola Vojislav Vučković'],
        (d) => `školarina ${monthName(d)}`,
        {
          miss: [1, 2, 13, 14],
        },
      ),
      S.foreign('netflix', NETFLIX, 28),
      S.foreign('psplus', PSPLUS, 12, { start: '2025-12-01' }),
      (p) => ({
        ...S.card('cipele', 'groceries', 1100000, 12, ['Deichmann', 'DEICHMANN 112'])(p),
        frequency: 'annually',
        variable: 0.3,
        jitter: 12,
        decoy: true,
      }),
    ],
  },
  {
    today: '2026-12-05',
    months: 36,
    note: 'UniCredit, Kragujevac, heavy card user (~450 purchases a year): 11 monthly streams, three of them at shops also visited irregularly, annual registration and annual gym plan',
    bank: 6,
    city: CITIES.kg!,
    busy: 2,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Grupa Zastava Vozila', 9700000, 9),
      EPS(560000),
      VODOVOD(['JKP Vodovod i kanalizacija Kragujevac'], 170000),
      PHONE('mts', ['Telekom Srbija'], 259900, 15),
      S.card('dopuna', 'utilities', 100000, 20, ['Yettel dopuna', 'YETTEL PREPAID'], { jitter: 4 }),
      S.card('maxi-dostava', 'groceries', 490000, 1, ['MAXI 0412'], {
        jitter: 0,
        variable: 0,
        start: '2025-05-01',
        end: '2026-07-01',
      }),
      S.foreign('spotify', SPOTIFY, 8),
      S.foreign('youtube', YOUTUBE, 16),
      S.card('frizer', 'groceries', 180000, 12, ['Frizerski salon Stil'], { jitter: 2, start: '2025-10-01' }),
      S.bill('stan', 'rent', 3000000, 5, ['Nenad Ristić', 'NENAD RISTIC'], (d) => `kirija ${monthName(d)}`, {
        end: '2025-11-10',
      }),
      LOAN('kredit', '325-9500600123456-11', 2890000, 10, { start: '2025-12-01' }),
      (p) => ({
        ...S.card('registracija', 'transport', 2600000, 3, [
          'Tehnički pregled Zastava Auto',
          'TEH. PREGLED ZASTAVA',
        ])(p),
        frequency: 'annually',
        variable: 0.06,
        jitter: 7,
      }),
      (p) => ({
        ...S.card('teretana-god', 'entertainment', 3600000, 20, ['Fitness centar Olimp', 'OLIMP FITNESS'])(p),
        frequency: 'annually',
        jitter: 3,
      }),
    ],
  },
  {
    today: '2026-06-15',
    months: 27,
    note: 'ProCredit, Belgrade: monthly donations and membership by IPS, a monthly transfer to a parent on varying days, annual membership fee, biweekly cleaning with holiday gaps, frequent irregular transfers to the same friend (decoy)',
    bank: 7,
    city: CITIES.bg!,
    busy: 1,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Delhaize Serbia doo', 10400000, 25),
      INFOSTAN(760000),
      EPS(610000),
      PHONE('a1', ['A1 Srbija doo'], 229900, 6),
      S.bill('donacija', 'transfer', 100000, 1, ['Fondacija Budi human', 'BUDI HUMAN'], () => 'donacija', {
        jitter: 1,
      }),
      S.bill(
        'otac',
        'transfer',
        2000000,
        10,
        ['Zoran Marković', 'ZORAN MARKOVIC'],
        () => pick(['za tatu', '']),
        { jitter: 9 },
      ),
      S.foreign('m365', M365, 25),
      S.foreign('netflix', NETFLIX, 15),
      (p) => ({
        ...S.bill(
          'planinari',
          'entertainment',
          500000,
          28,
          ['PSD Kopaonik', 'Planinarsko društvo Kopaonik'],
          (d) => `članarina ${d.slice(0, 4)}`,
        )(p),
        frequency: 'annually',
        jitter: 10,
      }),
      (p) => ({
        key: 'cistacica',
        direction: 'outgoing',
        frequency: 'biweekly',
        category: 'transfer',
        amount: 350000,
        day: 4,
        jitter: 1,
        miss: [13, 14, 38, 39],
        desc: (d) =>
          pick(p.bank.order)(
            pick(['Dragana Kostić', 'DRAGANA KOSTIC']),
            pick(['spremanje', 'čišćenje stana', '']),
            d,
          ),
      }),
      (p) => ({
        key: 'drug-decoy',
        direction: 'outgoing',
        frequency: 'weekly',
        category: 'transfer',
        amount: 250000,
        day: 5,
        jitter: 3,
        variable: 0.6,
        miss: Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 3 !== 1 || i % 5 === 0),
        decoy: true,
        desc: (d) =>
          pick(p.bank.order)(
            pick(['Stefan Pavlović', 'STEFAN PAVLOVIC']),
            pick(['kafa', 'za račun', 'vraćam', '']),
            d,
          ),
      }),
    ],
  },
  {
    today: '2027-02-14',
    months: 33,
    note: 'Raiffeisen English export, Belgrade renter with bank-style wrappers in English, monthly salary with December bonus, monthly rent with a re-negotiated price, quarterly water, biweekly incoming child support',
    bank: 2,
    city: CITIES.bg!,
    busy: 1.2,
    noise: [...GROCERY, ...EXTRA, ...PEOPLE],
    streams: [
      SALARY('Raiffeisen banka ad', 13800000, 28),
      RENT('Sanja Đurić', 6000000, { rises: [['2025-10-01', 0.0833]] }),
      INFOSTAN(690000),
      EPS(520000),
      PHONE('mts', ['Telekom Srbija', 'mts'], 349900, 12),
      S.foreign('netflix', NETFLIX, 9),
      S.foreign('spotify', SPOTIFY, 9),
      S.foreign('icloud', ICLOUD, 26, { start: '2025-01-01' }),
      S.card('bazen', 'entertainment', 400000, 5, ['SC Tašmajdan bazen', 'TASMAJDAN SPORTS CENTRE'], {
        jitter: 5,
        miss: [6, 18, 30],
      }),
      (p) => ({
        ...S.income(
          'alimentacija',
          'transfer',
          1500000,
          5,
          ['Petar Đurić', 'PETAR DJURIC'],
          () => 'izdržavanje',
        )(p),
        frequency: 'biweekly',
        jitter: 1,
        workday: true,
        miss: [30],
      }),
      (p) => ({
        ...S.bill(
          'voda-kv',
          'utilities',
          450000,
          10,
          ['JKP BVK', 'BEOGRADSKI VODOVOD'],
          (d) => `voda kvartal ${d.slice(0, 4)}`,
        )(p),
        frequency: 'quarterly',
        variable: 0.15,
        jitter: 5,
      }),
    ],
  },
];

function expand(id: string, h: HistorySpec, seed: number): LabelledHistory {
  rnd = mulberry32(seed);
  const persona: Persona = { bank: BANKS[h.bank]!, city: h.city, busy: h.busy, noise: h.noise };
  const specs = h.streams.map((f) => f(persona));
  const to = toDay(h.today);
  const fd = new Date(to * DAY);
  fd.setUTCMonth(fd.getUTCMonth() - h.months);
  const from = Math.floor(fd.getTime() / DAY);
  const rows: Array<Omit<LabelledTransaction, 'id'>> = [];
  const streams: PlannedStream[] = [];
  for (const s of specs) {
    const sFrom = s.start ? Math.max(from, toDay(s.start)) : from;
    const sTo = s.end ? Math.min(to, toDay(s.end)) : to;
    const mine: number[] = [];
    let description = '';
    const plan = scheduledDays(s.frequency, s.day, sFrom, sTo);
    const days = plan.map((planned) => planned + (s.jitter ? int(-s.jitter, s.jitter) : 0));
    // Paid late: on the next period's day, together with it.
    for (const i of s.late ?? []) if (days[i + 1] !== undefined) days[i] = days[i + 1]!;
    plan.forEach((_, i) => {
      if (s.miss?.includes(i)) return;
      let n = days[i]!;
      if (s.workday) {
        if (weekday(n) === 6) n += 2;
        else if (weekday(n) === 0) n += 1;
      }
      if (n < from || n > to) return;
      const date = toDate(n);
      let amount = s.amount;
      let foreignMinor = 0;
      if (s.foreign) {
        let price = s.foreign.price;
        for (const [since, p] of s.foreign.prices ?? []) if (date >= since) price = p;
        if (s.variable) price = Math.round(price * (1 + (rnd() * 2 - 1) * s.variable));
        foreignMinor = price;
        // Card scheme rate plus the bank's 1–2 % markup, in dinars.
        const rate = (s.foreign.cur === 'EUR' ? eurRate(n) : usdRate(n)) * (1.01 + rnd() * 0.01);
        amount = Math.round((price / 100) * rate * 100);
      } else {
        for (const [since, share] of s.rises ?? []) if (date >= since) amount *= 1 + share;
        const month = Number(date.slice(5, 7));
        if (s.seasonal && (month >= 11 || month <= 3)) amount *= 1 + s.seasonal;
        if (s.variable) amount *= 1 + (rnd() * 2 - 1) * s.variable;
        // Round like real bills: dinars, never paras, for bills and salaries.
        amount = Math.round(amount / 100) * 100;
      }
      const desc = s.desc(date, i, foreignMinor).replace(/\s+/g, ' ').trim();
      rows.push({
        date,
        amount: (s.direction === 'outgoing' ? -1 : 1) * Math.round(amount),
        description: desc,
        category: s.category,
        pending: false,
      });
      mine.push(rows.length - 1);
      description = desc;
    });
    if (s.decoy) continue;
    const variable = mine.some((r) => rows[r]!.amount !== rows[mine[0]!]!.amount);
    const least = s.frequency === 'annually' || s.frequency === 'quarterly' ? 2 : 3;
    if (mine.length < least) continue;
    streams.push({
      key: s.key,
      description,
      direction: s.direction,
      frequency: s.frequency,
      amount_type: variable ? 'variable' : 'fixed',
      is_active: !s.end,
      rows: mine,
    });
  }
  // Everyday noise, payee by payee, day by day.
  for (let n = from; n <= to; n++) {
    const date = toDate(n);
    for (const z of h.noise) {
      if (!chance((NOISE_SCALE * z.perWeek * h.busy) / 7)) continue;
      const amount = int(z.lo, z.hi);
      let description: string;
      let minor = amount * 100 + int(0, 99);
      if (z.m === 'ATM') {
        description = pick([
          `Isplata gotovine ATM ${int(1000, 9999)} ${h.city}`,
          `ATM isplata ${pick(['AIK', 'INTESA', 'OTP'])} ${h.city} ${dmy(date)}`,
          'Podizanje gotovine bankomat',
        ]);
        minor = Math.max(1, Math.round(amount / 10)) * 1000 * 100; // 1,000–20,000 dinars in thousands
      } else if (z.order) {
        const friend = pick(FRIENDS);
        const purpose = pick(['', 'vraćam', 'za poklon', 'račun', 'hvala', 'pozajmica']);
        description = z.credit
          ? persona.bank.credit(friend, purpose, date)
          : pick(persona.bank.order)(friend, purpose, date);
      } else if (z.online) {
        const rate = z.online.cur === 'EUR' ? eurRate(n) : usdRate(n);
        const foreignMinor = amount * 100 + int(0, 99);
        description = persona.bank.online(z.m, z.online.cc, `${z.online.cur} ${money(foreignMinor)}`, date);
        minor = Math.round((foreignMinor / 100) * rate * 1.015 * 100);
      } else {
        description = persona.bank.card(z.m, h.city, date);
      }
      rows.push({
        date,
        amount: (z.credit ? 1 : -1) * minor,
        description: description.replace(/\s+/g, ' ').trim(),
        category: z.category,
        pending: false,
      });
    }
  }
  return assembleHistory(id, h, rows, streams);
}

const histories = HISTORIES.map((h, i) => expand(`L${String(i + 1).padStart(2, '0')}`, h, 31337 + i * 7919));
const body = `[\n${histories.map((h) => JSON.stringify(h)).join(',\n')}\n]\n`;
writeFileSync(new URL('./data/recurring-dev-long.json', import.meta.url), body);
for (const h of histories) {
  const inStreams = h.streams.reduce((n, s) => n + s.transaction_ids.length, 0);
  const by = (f: string): number => h.streams.filter((s) => s.frequency === f).length;
  console.log(
    `${h.id} ${h.transactions.length} txns, noise ${((1 - inStreams / h.transactions.length) * 100).toFixed(0)} %, streams ${h.streams.length} (monthly ${by('monthly')}, weekly ${by('weekly')}, biweekly ${by('biweekly')}, quarterly ${by('quarterly')}, annual ${by('annually')})`,
  );
}
console.log(
  `wrote ${histories.length} histories, ${histories.reduce((n, h) => n + h.streams.length, 0)} streams`,
);
