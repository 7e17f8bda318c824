/**
 * Writes data/recurring-dev.json: DEVELOPMENT histories for recurring detection, written by the same
 * hand as the rules (NOT held out). They stress the classes that independent statements showed
 * to be weak: weekly and biweekly payments with posting jitter and holiday gaps, quarterly and
 * annual payments over short histories, amounts that drift (FX-converted subscriptions, price
 * rises), descriptions that change every month (bank wrappings, dates, card fragments, terminal
 * ids, processor prefixes, city/country suffixes, Cyrillic, Latin without diacritics) and streams
 * that ended. Seeded PRNG, deterministic. Re-run: `npx tsx eval/dev/generate-dev-histories.ts`.
 */
import { writeFileSync } from 'node:fs';
import type {
  LabelledHistory,
  LabelledTransaction,
  TrueStream,
} from '../data/generate-recurring-histories.js';
import { mulberry32 } from '../random.js';
import { assembleHistory } from './assemble.js';
import { scheduledDays } from './schedule.js';
import { ascii, toCyr } from './script-variants.js';

let rnd = mulberry32(7);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const DAY = 86_400_000;
const toDay = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY;
const toDate = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const weekday = (n: number): number => new Date(n * DAY).getUTCDay();
const dmy = (d: string): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

type Frequency = TrueStream['frequency'];
type Wrap = (name: string, date: string) => string;
/** Card wrappings: one is drawn per payment, so a payee's text changes from month to month. */
const CARD_WRAPS: Wrap[] = [
  (n, d) => `Kupovina karticom ${n} ${dmy(d)}`,
  (n, d) =>
    `POS KUPOVINA ${dmy(d)} ${int(8, 22)}:${String(int(0, 59)).padStart(2, '0')} ${ascii(n).toUpperCase()}`,
  (n) => `PLAĆANJE KARTICOM ${pick(['4912', '5120', '4058'])} ${n.toUpperCase()}`,
  (n) => `Shopping by card ${ascii(n)}`,
  (n) => `${ascii(n).toUpperCase()} TID ${int(10000000, 99999999)}`,
  (n) => `Debitna kartica VISA *${pick(['1182', '7731'])} ${n}`,
  (n) => `Куповина картицом ${toCyr(n)}`,
];
const FOREIGN_WRAPS: Wrap[] = [
  (n) => `E-COMMERCE ${n.toUpperCase()} ${pick(['IE', 'NL', 'LU'])}`,
  (n, d) => `Card payment ${n.toUpperCase()} ${d}`,
  (n) =>
    `Kupovina karticom 4058******${pick(['1182', '7731'])} ${n.toUpperCase()} ${pick(['AMSTERDAM NL', 'DUBLIN IE', 'LUXEMBOURG LU'])}`,
  (n, d) => `Internet kupovina ${n} ${dmy(d)} EUR ${int(5, 15)},${int(10, 99)}`,
];
const PERSON_WRAPS: Wrap[] = [
  (n) => `IPS NBS prenos ${n}`,
  (n) => `Instant plaćanje ${ascii(n)}`,
  (n) => `Prenos na račun ${n.toUpperCase()} 160-00000${int(10000, 99999)}-${int(10, 99)}`,
  (n) => `${toCyr(n)}`,
  (n, d) => `Nalog za prenos ${ascii(n)} ${dmy(d)}`,
];
const cardWrap =
  (name: string): ((d: string) => string) =>
  (d) =>
    pick(CARD_WRAPS)(name, d);
const foreignWrap =
  (name: string): ((d: string) => string) =>
  (d) =>
    pick(FOREIGN_WRAPS)(name, d);
const personWrap =
  (name: string, what = ''): ((d: string) => string) =>
  (d) =>
    `${pick(PERSON_WRAPS)(name, d)} ${what}`.trim();

interface Spec {
  key: string;
  direction: 'outgoing' | 'incoming';
  frequency: Frequency;
  category: string;
  desc: (date: string, i: number) => string;
  amount: number;
  /** Relative noise per payment. */
  variable?: number;
  /** FX: a random walk of this share per payment (a EUR price charged in dinars). */
  fx?: number;
  /** Day of month, or weekday for weekly/biweekly. */
  day: number;
  jitter?: number;
  start?: string;
  end?: string;
  /** Period indices skipped. */
  miss?: number[];
  /** Price rises by this share from this date. */
  rise?: { from: string; share: number };
  /** Payments that only look like a stream (irregular extra visits): never labelled. */
  decoy?: boolean;
}

const NOISE_SHOPS = [
  'Kupovina karticom MAXI 0412 BEOGRAD',
  'POS KUPOVINA LIDL SRBIJA KD NOVI SAD',
  'IDEA 1187 NIS',
  'Pekara Trpković',
  'WOLT BEOGRAD',
  'NIS PETROL BS 185',
  'DM DROGERIE 22',
  'Apoteka Benu 14',
  'Kafeterija Magazin',
  'Univerexport 212',
];

function expand(
  id: string,
  today: string,
  months: number,
  specs: Spec[],
  seed: number,
  note: string,
): LabelledHistory {
  rnd = mulberry32(seed);
  const to = toDay(today);
  const fd = new Date(to * DAY);
  fd.setUTCMonth(fd.getUTCMonth() - months);
  const from = Math.floor(fd.getTime() / DAY);
  const rows: Array<Omit<LabelledTransaction, 'id'>> = [];
  const streams: Array<Omit<TrueStream, 'transaction_ids'> & { rows: number[] }> = [];
  for (const s of specs) {
    const sFrom = s.start ? Math.max(from, toDay(s.start)) : from;
    const sTo = s.end ? Math.min(to, toDay(s.end)) : to;
    const mine: number[] = [];
    let level = 1;
    let description = '';
    scheduledDays(s.frequency, s.day, sFrom, sTo).forEach((planned, i) => {
      if (s.fx) level *= 1 + (rnd() * 2 - 1) * s.fx;
      if (s.miss?.includes(i)) return;
      let n = planned + (s.jitter ? int(-s.jitter, s.jitter) : 0);
      if (weekday(n) === 6) n += 2;
      else if (weekday(n) === 0) n += 1;
      if (n < from || n > to) return;
      const date = toDate(n);
      let amount = s.amount * level;
      if (s.rise && date >= s.rise.from) amount *= 1 + s.rise.share;
      if (s.variable) amount *= 1 + (rnd() * 2 - 1) * s.variable;
      const desc = s.desc(date, i);
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
    // Fixed only when every payment is exactly the same amount: an FX-converted or re-priced
    // subscription is variable (the convention of the independent labels and of amount_type).
    const variable = mine.some((r) => rows[r]!.amount !== rows[mine[0]!]!.amount);
    if (s.decoy) continue;
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
  // Everyday noise: shops at random, a few one-offs.
  for (let n = from; n <= to; n++) {
    if (rnd() < 0.45)
      rows.push({
        date: toDate(n),
        amount: -Math.round(25000 + rnd() ** 2 * 800000),
        description: pick(NOISE_SHOPS),
        category: 'groceries',
        pending: false,
      });
    if (rnd() < 0.04)
      rows.push({
        date: toDate(n),
        amount: -int(1, 8) * 200000,
        description: `Isplata gotovine ATM ${int(1000, 9999)} BEOGRAD`,
        category: 'transfer',
        pending: false,
      });
  }
  return assembleHistory(
    id,
    { today, note },
    rows,
    streams.filter((s) => s.rows.length >= 2),
  );
}

const out = (
  key: string,
  frequency: Frequency,
  category: string,
  amount: number,
  day: number,
  desc: Spec['desc'],
  o: Partial<Spec> = {},
): Spec => ({ key, direction: 'outgoing', frequency, category, amount, day, desc, ...o });
const inc = (
  key: string,
  frequency: Frequency,
  category: string,
  amount: number,
  day: number,
  desc: Spec['desc'],
  o: Partial<Spec> = {},
): Spec => ({ key, direction: 'incoming', frequency, category, amount, day, desc, ...o });
const months = [
  'januar',
  'februar',
  'mart',
  'april',
  'maj',
  'jun',
  'jul',
  'avgust',
  'septembar',
  'oktobar',
  'novembar',
  'decembar',
];
const salary = (amount: number, employer: string) =>
  inc(
    'plata',
    'monthly',
    'salary',
    amount,
    10,
    (d) => `Zarada ${d.slice(5, 7)}/${d.slice(0, 4)} ${employer}`,
    { jitter: 1 },
  );

const H: Array<[string, number, string, Spec[]]> = [
  [
    '2026-11-20',
    7,
    'weekly gym by card in many wrappings, weekly cleaner by IPS in changing wording, FX Spotify',
    [
      salary(12000000, 'Comtrade doo'),
      out('teretana', 'weekly', 'entertainment', 150000, 1, cardWrap('Teretana Iron Gym'), { jitter: 2 }),
      out('cistacica', 'weekly', 'transfer', 300000, 5, personWrap('Milena Jovanović', 'čišćenje'), {
        jitter: 2,
        variable: 0.1,
        miss: [10, 11],
      }),
      out('spotify', 'monthly', 'subscriptions', 69900, 14, foreignWrap('Spotify P3C4D5'), { fx: 0.02 }),
    ],
  ],
  [
    '2026-10-15',
    6,
    'weekly market at the green market (variable), weekly pocket money, biweekly babysitter',
    [
      out('pijaca', 'weekly', 'groceries', 220000, 6, cardWrap('Pijaca Kalenić'), {
        variable: 0.3,
        jitter: 1,
      }),
      out('dzeparac', 'weekly', 'transfer', 100000, 0, personWrap('Luka Petrović', 'džeparac'), {
        jitter: 1,
      }),
      out('dadilja', 'biweekly', 'transfer', 1200000, 5, personWrap('Jelena Nikolić', 'čuvanje'), {
        jitter: 2,
      }),
      out('netflix', 'monthly', 'subscriptions', 119900, 3, foreignWrap('Netflix.com'), { fx: 0.015 }),
    ],
  ],
  [
    '2026-12-01',
    9,
    'weekly lessons with summer break, quarterly tax over nine months, Microsoft by processor',
    [
      out('klavir', 'weekly', 'transfer', 250000, 3, personWrap('Ana Stojanović', 'časovi klavira'), {
        jitter: 1,
        miss: [8, 9, 10, 11, 12],
      }),
      out(
        'porez',
        'quarterly',
        'utilities',
        612000,
        15,
        (d) =>
          pick([
            `Porez na imovinu ${d.slice(0, 4)}`,
            `Uplatnica porez na imovinu LPA Novi Sad ${dmy(d)}`,
            'ПОРЕЗ НА ИМОВИНУ',
          ]),
        { jitter: 5 },
      ),
      out(
        'microsoft',
        'monthly',
        'subscriptions',
        99900,
        22,
        (d) =>
          pick([
            `MICROSOFT*365 PERSONAL ${dmy(d)}`,
            'MSFT * E0400ABCD DUBLIN IE',
            `Card payment MICROSOFT*SUBSCRIPTION ${d}`,
          ]),
        { fx: 0.02 },
      ),
      salary(9800000, 'NIS ad'),
    ],
  ],
  [
    '2026-09-30',
    26,
    'annual car insurance and registration with price rises, annual domain, quarterly insurance',
    [
      out(
        'osiguranje',
        'annually',
        'utilities',
        2400000,
        12,
        (d) =>
          pick([`Dunav osiguranje polisa AO ${d.slice(0, 4)}`, `DUNAV OSIGURANJE ADO BEOGRAD ${dmy(d)}`]),
        { jitter: 6, variable: 0.04, rise: { from: '2026-01-01', share: 0.12 } },
      ),
      out(
        'registracija',
        'annually',
        'transport',
        1850000,
        20,
        (d) => `Registracija vozila ${d.slice(0, 4)} tehnički pregled Auto centar`,
        { jitter: 8, variable: 0.06 },
      ),
      out('domen', 'annually', 'subscriptions', 190000, 4, foreignWrap('Namecheap.com'), {
        jitter: 3,
        fx: 0.04,
      }),
      out(
        'triglav',
        'quarterly',
        'utilities',
        930000,
        25,
        (d, i) =>
          pick([
            `Triglav osiguranje rata ${(i % 4) + 1}/4`,
            'TRIGLAV OSIGURANJE ADO',
            `Трајни налог Триглав осигурање ${dmy(d)}`,
          ]),
        { jitter: 4 },
      ),
      out(
        'infostan',
        'monthly',
        'utilities',
        700000,
        20,
        (d) => `Infostan ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`,
        { variable: 0.15, jitter: 2 },
      ),
    ],
  ],
  [
    '2026-08-10',
    8,
    'biweekly income in changing wording, weekly tutoring in Latin without diacritics and Cyrillic, ended stream',
    [
      inc(
        'honorar',
        'biweekly',
        'salary',
        5400000,
        5,
        (d) =>
          pick([
            'Uplata honorara STUDIO PIXEL DOO',
            `Priliv Honorar Studio Pixel ${d.slice(5, 7)}/${d.slice(0, 4)}`,
            'Studio Pixel doo - isplata po ugovoru',
          ]),
        { jitter: 1, variable: 0.05 },
      ),
      out(
        'tutor',
        'weekly',
        'transfer',
        200000,
        2,
        (d) =>
          pick([
            'Jovan Markovic casovi',
            'IPS Jovan Marković časovi matematike',
            'Јован Марковић часови',
            `Prenos JOVAN MARKOVIC ${dmy(d)}`,
          ]),
        { jitter: 1 },
      ),
      out('hbo', 'monthly', 'subscriptions', 69900, 8, foreignWrap('HBO Max'), { end: '2026-04-20' }),
      out(
        'yettel',
        'monthly',
        'utilities',
        199900,
        16,
        (d) => `Yettel račun ${d.slice(5, 7)}/${d.slice(0, 4)}`,
        { jitter: 2 },
      ),
    ],
  ],
  [
    '2027-01-15',
    15,
    'quarterly Google One FX, annual Adobe, weekly swim class with jitter and skipped weeks, monthly rent',
    [
      out(
        'google-one',
        'quarterly',
        'subscriptions',
        89000,
        9,
        (d) =>
          pick([
            `GOOGLE *Google One ${dmy(d)}`,
            'GOOGLE*GOOGLE ONE G.CO/HELPPAY# IE',
            `Card payment GOOGLE *Google One ${d}`,
          ]),
        { fx: 0.03 },
      ),
      out(
        'adobe',
        'annually',
        'subscriptions',
        2900000,
        18,
        (d) => pick(['ADOBE *ANNUAL PLAN', `Internet kupovina ADOBE SYSTEMS ${dmy(d)} EUR 239,88`]),
        { fx: 0.03, jitter: 2 },
      ),
      out('bazen', 'weekly', 'entertainment', 80000, 4, cardWrap('SC Šumice bazen'), {
        jitter: 2,
        miss: [5, 17, 30, 31, 45],
      }),
      out(
        'kirija',
        'monthly',
        'rent',
        4200000,
        1,
        (d) => `Kirija ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)} - Dragan Mitić`,
        { jitter: 2 },
      ),
      salary(11000000, 'Telenor doo'),
    ],
  ],
  [
    '2026-12-20',
    13,
    'biweekly cleaning by IPS QR, weekly fitness classes, monthly kindergarten, price change',
    [
      out('cistacica2', 'biweekly', 'transfer', 400000, 3, personWrap('Snežana Ilić', 'spremanje'), {
        jitter: 2,
      }),
      out('fitnes', 'weekly', 'entertainment', 120000, 2, cardWrap('Fitnes studio Forma'), {
        jitter: 1,
        variable: 0.05,
        miss: [26, 27, 28],
      }),
      out(
        'vrtic',
        'monthly',
        'utilities',
        1450000,
        5,
        (d) => `Uplatnica PU Radosno detinjstvo ${months[Number(d.slice(5, 7)) - 1]}`,
        { jitter: 3, rise: { from: '2026-09-01', share: 0.1 } },
      ),
      out(
        'youtube',
        'monthly',
        'subscriptions',
        59900,
        27,
        (d) =>
          pick([
            `GOOGLE *YouTubePremium ${dmy(d)}`,
            'GOOGLE*YOUTUBE PREMIUM G.CO/HELPPAY',
            'Google YouTube Premium',
          ]),
        { fx: 0.015 },
      ),
    ],
  ],
  [
    '2026-11-05',
    5,
    'short history: weekly and biweekly only, quarterly seen twice (not labelled), monthly sport club',
    [
      out('dzeparac2', 'weekly', 'transfer', 150000, 5, personWrap('Mina Kostić', 'džeparac'), { jitter: 1 }),
      inc(
        'freelance',
        'biweekly',
        'salary',
        3800000,
        4,
        (d) =>
          pick([
            'Priliv iz inostranstva UPWORK ESCROW INC',
            `UPWORK ESCROW ref ${int(100000, 999999)} EUR`,
            'Uplata iz inostranstva - Upwork',
          ]),
        { fx: 0.02 },
      ),
      out(
        'klub',
        'monthly',
        'entertainment',
        300000,
        10,
        (d) => pick(['FK Radnički članarina', `Članarina FK Radnički ${months[Number(d.slice(5, 7)) - 1]}`]),
        { jitter: 3 },
      ),
      out('sbb', 'monthly', 'utilities', 349900, 8, (d) => `SBB račun ${d.slice(5, 7)}/${d.slice(0, 4)}`, {
        jitter: 2,
      }),
    ],
  ],
  [
    '2026-10-01',
    36,
    'three annual payments (association fee, tax on car, antivirus FX), quarterly dues to building',
    [
      out(
        'udruzenje',
        'annually',
        'entertainment',
        500000,
        20,
        (d) => `Godišnja članarina Planinarsko društvo ${d.slice(0, 4)}`,
        { jitter: 10 },
      ),
      out('kaspersky', 'annually', 'subscriptions', 320000, 7, foreignWrap('Kaspersky Lab'), {
        fx: 0.05,
        jitter: 2,
      }),
      out(
        'zgrada',
        'quarterly',
        'utilities',
        450000,
        1,
        (d) =>
          pick([`Stambena zajednica Njegoševa 12 kvartal ${d.slice(0, 4)}`, 'Upravnik zgrade Njegoševa 12']),
        { jitter: 6 },
      ),
      salary(8700000, 'Gradska uprava'),
    ],
  ],
  [
    '2026-12-10',
    12,
    'weekly pocket money with amount changes, weekly lunch subscription, monthly Netflix varying wrappers',
    [
      out('dzeparac3', 'weekly', 'transfer', 100000, 6, personWrap('Vuk Đorđević', 'džeparac'), {
        rise: { from: '2026-06-01', share: 0.5 },
      }),
      out('rucak', 'weekly', 'dining', 350000, 1, cardWrap('Ketering Mama Kuva'), {
        variable: 0.15,
        jitter: 1,
        miss: [20, 21],
      }),
      out(
        'netflix2',
        'monthly',
        'subscriptions',
        119900,
        11,
        (d) =>
          pick([
            `NETFLIX.COM 866-579-7172 NL ${dmy(d)}`,
            'Shopping by card Netflix.com Amsterdam',
            'Kupovina karticom NETFLIX INTERNATIONAL B.V.',
          ]),
        { fx: 0.01 },
      ),
    ],
  ],
  [
    '2026-11-25',
    20,
    'one insurer, two policies: annual car policy and quarterly life policy in the same wording; weekly Saturday shop among other visits to the same shop',
    [
      out(
        'ddor-kasko',
        'annually',
        'utilities',
        4800000,
        3,
        (d) => pick([`DDOR NOVI SAD ADO ${dmy(d)}`, 'DDOR osiguranje ADO Novi Sad']),
        { jitter: 5 },
      ),
      out(
        'ddor-zivot',
        'quarterly',
        'utilities',
        750000,
        20,
        (d) => pick([`DDOR NOVI SAD ADO ${dmy(d)}`, 'DDOR osiguranje ADO Novi Sad']),
        { jitter: 3 },
      ),
      out('subota', 'weekly', 'groceries', 620000, 6, cardWrap('Roda Megamarket Zemun'), { variable: 0.25 }),
      out('roda-extra', 'weekly', 'groceries', 150000, 3, cardWrap('Roda Megamarket Zemun'), {
        variable: 0.6,
        jitter: 3,
        miss: [
          1, 2, 4, 5, 7, 9, 10, 11, 13, 15, 16, 18, 19, 21, 22, 23, 25, 27, 28, 30, 31, 33, 34, 36, 38, 39,
          40, 42, 44, 45, 47, 48, 50, 52, 53, 55, 57, 58, 60, 61, 63, 65, 66, 68, 70, 72, 73, 75, 77, 78, 80,
          82, 84, 85,
        ],
        decoy: true,
      }),
      salary(10500000, 'Delta Holding'),
    ],
  ],
  [
    '2026-10-30',
    14,
    'weekly training paid late or early by up to three days, monthly FX subscription with a price change and a skipped month',
    [
      out('trening', 'weekly', 'entertainment', 200000, 2, cardWrap('Box klub Radnički'), { jitter: 3 }),
      out(
        'chatgpt',
        'monthly',
        'subscriptions',
        235000,
        17,
        (d) =>
          pick([
            `OPENAI *CHATGPT SUBSCR ${dmy(d)}`,
            'Card payment OPENAI CHATGPT SAN FRANCISCO US',
            'E-COMMERCE OPENAI LLC US',
          ]),
        { fx: 0.02, jitter: 4, miss: [6], rise: { from: '2026-05-01', share: 0.3 } },
      ),
      out(
        'kirija2',
        'monthly',
        'rent',
        3800000,
        3,
        (d) =>
          pick([
            'Stanarina - Petar Jović',
            `IPS NBS prenos Petar Jović stanarina ${months[Number(d.slice(5, 7)) - 1]}`,
          ]),
        { jitter: 3 },
      ),
    ],
  ],
  [
    '2026-12-15',
    30,
    'Apple: a monthly iCloud plan and an annual app subscription under one processor; quarterly water bill (variable)',
    [
      out(
        'icloud',
        'monthly',
        'subscriptions',
        39900,
        5,
        (d) => pick(['APPLE.COM/BILL ITUNES.COM IE', `Kupovina karticom APPLE.COM/BILL CORK IE ${dmy(d)}`]),
        { fx: 0.01 },
      ),
      out(
        'apple-annual',
        'annually',
        'subscriptions',
        599900,
        12,
        (d) => pick(['APPLE.COM/BILL ITUNES.COM IE', `Kupovina karticom APPLE.COM/BILL CORK IE ${dmy(d)}`]),
        { fx: 0.02 },
      ),
      out(
        'voda',
        'quarterly',
        'utilities',
        420000,
        10,
        (d) => `JKP Vodovod Kragujevac račun ${d.slice(5, 7)}/${d.slice(0, 4)}`,
        { variable: 0.15, jitter: 4 },
      ),
    ],
  ],
  // ---- second batch, written after the first round of fixes and before any further change ----
  [
    '2026-11-18',
    10,
    'weekly breakfast at a bakery (varying amount) among other bakery purchases; monthly bill moved its day mid-year',
    [
      out('pekara', 'weekly', 'dining', 42000, 2, cardWrap('Pekara Don Kafa'), { variable: 0.2, jitter: 1 }),
      out('pekara-extra', 'weekly', 'dining', 90000, 5, cardWrap('Pekara Don Kafa'), {
        variable: 0.5,
        jitter: 2,
        miss: [
          0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 16, 18, 19, 21, 23, 24, 26, 27, 29, 30, 32, 33, 35, 36, 38, 39,
          41, 42,
        ],
        decoy: true,
      }),
      out(
        'telekom',
        'monthly',
        'utilities',
        259900,
        5,
        (d) => `Telekom Srbija račun ${d.slice(5, 7)}/${d.slice(0, 4)}`,
        { jitter: 2 },
      ),
    ],
  ],
  [
    '2026-09-12',
    9,
    'short history: quarterly rates seen three times, annual not seen twice (not labelled); salary in two parts (advance and final)',
    [
      out(
        'rata',
        'quarterly',
        'utilities',
        1120000,
        28,
        (d, i) => `Generali osiguranje rata ${i + 1} ${d.slice(0, 4)}`,
        { jitter: 3 },
      ),
      inc(
        'akontacija',
        'monthly',
        'salary',
        4000000,
        18,
        (d) => `Akontacija zarade ${months[Number(d.slice(5, 7)) - 1]} - Metalac ad`,
        { jitter: 1 },
      ),
      inc(
        'konacna',
        'monthly',
        'salary',
        5200000,
        4,
        (d) => `Konačna isplata zarade ${d.slice(5, 7)}/${d.slice(0, 4)} Metalac ad`,
        { jitter: 1, variable: 0.05 },
      ),
    ],
  ],
  [
    '2027-02-10',
    26,
    'annual premium rising 20 % a year, annual fee with 12-day jitter, inactive monthly gym ended three months ago',
    [
      out(
        'putno',
        'annually',
        'utilities',
        1500000,
        1,
        (d) => pick([`Wiener Stadtische osiguranje ${d.slice(0, 4)}`, 'WIENER STADTISCHE ADO BEOGRAD']),
        { jitter: 5, rise: { from: '2026-01-01', share: 0.2 } },
      ),
      out(
        'clanarina',
        'annually',
        'transfer',
        150000,
        15,
        (d) => `Godišnja članarina za karticu ${d.slice(0, 4)}`,
        { jitter: 12 },
      ),
      out('gym', 'monthly', 'entertainment', 400000, 1, cardWrap('Gym Factory Niš'), {
        jitter: 2,
        end: '2026-11-05',
      }),
      salary(9000000, 'Grad Niš'),
    ],
  ],
  [
    '2026-12-28',
    12,
    'weekly lessons with two holiday gaps of two weeks, biweekly FX income with a skipped payment, monthly with six days of jitter',
    [
      out(
        'engleski',
        'weekly',
        'transfer',
        180000,
        4,
        (d) =>
          pick([
            'Časovi engleskog - Marija Ilić',
            'IPS Marija Ilic engleski',
            `Marija Ilić ${dmy(d)}`,
            'МАРИЈА ИЛИЋ ЧАСОВИ',
          ]),
        { miss: [16, 17, 48, 49] },
      ),
      inc(
        'remote',
        'biweekly',
        'salary',
        6200000,
        5,
        (d) => pick(['DEEL INC PAYROLL', `Priliv iz inostranstva DEEL ${dmy(d)} USD`, 'Deel Inc. - isplata']),
        { fx: 0.02, miss: [9] },
      ),
      out(
        'vrtic2',
        'monthly',
        'utilities',
        1200000,
        10,
        (d) => `Predškolska ustanova Pčelica ${months[Number(d.slice(5, 7)) - 1]}`,
        { jitter: 6 },
      ),
    ],
  ],
  [
    '2026-10-20',
    11,
    'weekly lottery ticket, weekly car wash with varying price, monthly FX VPN via PayPal and directly',
    [
      out('loto', 'weekly', 'entertainment', 40000, 2, cardWrap('Državna lutrija Srbije'), { jitter: 1 }),
      out('perionica', 'weekly', 'transport', 90000, 6, cardWrap('Auto perionica Sjaj'), {
        variable: 0.25,
        jitter: 1,
        miss: [7, 19, 33],
      }),
      out(
        'vpn',
        'monthly',
        'subscriptions',
        129900,
        9,
        (d) => pick([`PAYPAL *NORDVPN ${dmy(d)}`, 'NORDVPN.COM PANAMA', `E-COMMERCE NORDVPN ${d}`]),
        { fx: 0.02 },
      ),
    ],
  ],
  // ---- third batch (session 6), written before the quarterly/annual pair rules: short histories
  // where a quarterly or annual plan is seen only twice or three times, and decoys — two
  // unrelated purchases at one shop about a quarter or a year apart at similar amounts ----
  [
    '2026-11-25',
    7,
    'short history: quarterly insurance seen twice, quarterly property tax three times (varying), two electronics purchases a quarter apart (decoy)',
    [
      out(
        'dunav',
        'quarterly',
        'utilities',
        980000,
        20,
        (d) =>
          pick([
            `Dunav osiguranje polisa 4471 rata ${dmy(d)}`,
            'DUNAV OSIGURANJE ADO',
            'Дунав осигурање рата',
          ]),
        { jitter: 2, start: '2026-07-01' },
      ),
      out(
        'porez3',
        'quarterly',
        'utilities',
        735000,
        15,
        (d) =>
          pick([
            'Porez na imovinu I kvartal',
            `Uplata poreza na imovinu ${dmy(d)}`,
            'ПОРЕЗ НА ИМОВИНУ ГРАД НОВИ САД',
          ]),
        { jitter: 3, variable: 0.04 },
      ),
      out('gigatron', 'quarterly', 'groceries', 6499000, 9, cardWrap('Gigatron Promenada'), {
        variable: 0.08,
        start: '2026-06-01',
        end: '2026-10-01',
        decoy: true,
      }),
      salary(11000000, 'NIS ad'),
    ],
  ],
  [
    '2026-12-20',
    15,
    'annual domain (FX) and vehicle registration seen twice; shoes bought each November and a TV shop twice a year apart (decoys); quarterly sports club fee seen twice',
    [
      out(
        'domen',
        'annually',
        'subscriptions',
        155000,
        3,
        (d) =>
          pick([
            `NAMECHEAP.COM PHOENIX US ${dmy(d)}`,
            'Card payment NAMECHEAP.COM',
            'E-COMMERCE NAMECHEAP US',
          ]),
        { fx: 0.03 },
      ),
      out(
        'registracija',
        'annually',
        'transport',
        3150000,
        22,
        (d) => `Registracija vozila NS-${pick(['441', '442'])}-KT ${d.slice(0, 4)}`,
        { jitter: 6, rise: { from: '2026-06-01', share: 0.07 } },
      ),
      out('cipele', 'annually', 'groceries', 1299000, 14, cardWrap('Sport Vision Big Fashion'), {
        variable: 0.06,
        jitter: 8,
        decoy: true,
      }),
      out('tv', 'annually', 'groceries', 5999000, 2, cardWrap('Tehnomanija Novi Sad'), {
        variable: 0.1,
        jitter: 4,
        decoy: true,
      }),
      out(
        'klub',
        'quarterly',
        'entertainment',
        600000,
        5,
        personWrap('Sportski klub Vojvodina', 'članarina'),
        {
          start: '2026-08-01',
        },
      ),
      salary(9800000, 'Univerzitet u Novom Sadu'),
    ],
  ],
  [
    '2026-10-05',
    9,
    'quarterly interest on savings (incoming, varying), quarterly accountant fee by IPS seen three times, two pharmacy bills a quarter apart (decoy), one-off pairs at a furniture shop',
    [
      inc(
        'kamata',
        'quarterly',
        'transfer',
        42000,
        31,
        (d) => `Kamata na štednju ${d.slice(5, 7)}/${d.slice(0, 4)}`,
        {
          variable: 0.1,
        },
      ),
      out(
        'knjigovodja',
        'quarterly',
        'transfer',
        1800000,
        12,
        (d) => pick(['IPS NBS prenos Knjigovodstvena agencija Bilans doo', `Bilans doo usluge ${dmy(d)}`]),
        { jitter: 2 },
      ),
      out('apoteka', 'quarterly', 'groceries', 480000, 17, cardWrap('Apoteka Zegin'), {
        variable: 0.1,
        start: '2026-02-01',
        end: '2026-06-01',
        decoy: true,
      }),
      out('jysk', 'quarterly', 'groceries', 2590000, 24, cardWrap('JYSK Kragujevac'), {
        variable: 0.12,
        start: '2026-03-01',
        end: '2026-07-01',
        decoy: true,
      }),
    ],
  ],
  [
    '2026-12-10',
    15,
    'quarterly property tax paid by hand up to two weeks off its due date, quarterly bus-card top-ups at varying amounts near a quarter apart (decoy)',
    [
      out(
        'porez4',
        'quarterly',
        'utilities',
        840000,
        15,
        (d) =>
          pick([
            `Porez na imovinu ${d.slice(0, 4)} GU Niš`,
            'Uplata poreza na imovinu',
            'ПОРЕЗ НА ИМОВИНУ НИШ',
          ]),
        { jitter: 13 },
      ),
      out('busplus', 'quarterly', 'transport', 300000, 20, cardWrap('BusPlus dopuna'), {
        jitter: 20,
        variable: 0.45,
        decoy: true,
      }),
      salary(8800000, 'Dom zdravlja Niš'),
    ],
  ],
];

const histories = H.map(([today, m, note, specs], i) =>
  expand(`d${String(i + 1).padStart(2, '0')}`, today, m, specs, 9000 + i * 104729, note),
);
// One history per line (as eval/data/ does): small yet diffable; data/ folders are not formatted.
const body = `[\n${histories.map((h) => JSON.stringify(h)).join(',\n')}\n]\n`;
writeFileSync(new URL('./data/recurring-dev.json', import.meta.url), body);
console.log(
  `wrote ${histories.length} histories, ${histories.reduce((n, h) => n + h.streams.length, 0)} streams`,
);
