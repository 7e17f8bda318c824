/**
 * Writes data/recurring-dev-periodic.json: development histories (14–40 months) for the streams
 * that independent statements showed hardest — QUARTERLY and ANNUAL streams and MONTHLY streams
 * that are hard to see. Same hand as the rules (NOT held out), written before the detector was
 * changed for this round, from how Serbian statements print such payments:
 * - quarterly insurance premiums, property-tax instalments (due 14 Feb / 15 May / 14 Aug / 14 Nov),
 *   building maintenance, an accountant's fee, a garage let by the quarter, a 3-month console plan:
 *   paid by hand days or weeks before or after the due date, an instalment now and then paid
 *   together with the next, price changes at the policy's renewal or with the year's tax decision;
 * - annual renewals (domain, compulsory car insurance, vehicle registration tax and roadworthiness
 *   test in the same week, antivirus, app plans billed beside the same store's monthly plan,
 *   memberships, a dividend) with a price change between years and only 2–3 payments in a history;
 * - FX-converted card subscriptions (EUR and USD) whose dinar amount varies every month;
 * - monthly bills whose wording changes: the bank's export format changes mid-history, card
 *   fragments, city suffixes, processor reference codes, invoice and reference numbers, Cyrillic;
 *   skipped months, a bill paid late together with the next, price rises, payments early or late
 *   around the due date;
 * - one-off purchases at a stream's payee (a phone bought at the operator's shop, travel insurance
 *   at the insurer, a second domain, a passport fee, an in-app purchase, a shake at the gym) that
 *   must not join or become streams, and look-alike negatives (car service and dentist every few
 *   months, a summer booking each year, clothes each season) at varying amounts.
 * Seeded (eval/random.ts mulberry32), deterministic.
 * Re-run: `npx tsx eval/dev/generate-dev-periodic-histories.ts`.
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
const quarterOf = (d: string): number => Math.ceil(Number(d.slice(5, 7)) / 3);
const ROMAN = ['I', 'II', 'III', 'IV'];
const ref = (): string => `97 ${int(10, 99)}-${int(1000, 9999)}-${int(100000, 999999)}`;
const code = (n: number): string =>
  Array.from({ length: n }, () => pick([...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'])).join('');

type Frequency = TrueStream['frequency'];
type Category = CategoryName;

/** How one bank's export prints card payments, online card payments, orders and credits. */
interface Format {
  card: (m: string, city: string, d: string) => string;
  online: (m: string, cc: string, fx: string, d: string) => string;
  order: (payee: string, purpose: string, d: string) => string;
  credit: (payer: string, purpose: string, d: string) => string;
}
const time = (): string => `${pad(int(7, 22))}:${pad(int(0, 59))}`;
const FORMATS: Record<string, Format> = {
  intesaOld: {
    card: (m, c, d) => `Kupovina karticom 4058****1182 ${m} ${c} ${dmy(d)}`,
    online: (m, cc, fx, d) => `Internet kupovina ${m} ${cc} ${dmy(d)} ${fx}`,
    order: (p, w, d) => pick([`Plaćanje računa ${p} ${w} ${dmy(d)}`, `Nalog za prenos ${p} ${w} ${ref()}`]),
    credit: (p, w) => `Priliv ${p} ${w}`,
  },
  intesaNew: {
    card: (m, c, d) =>
      `POS ${dmy(d)} ${time()} KARTICA ****1182 ${m.toUpperCase()} ${ascii(c).toUpperCase()} SRB`,
    online: (m, cc, fx, d) => `POS ${dmy(d)} KARTICA ****1182 ${m.toUpperCase()} ${cc} ${fx}`,
    order: (p, w) => pick([`IPS odliv ${p} ${w}`, `Elektronski nalog ${p} svrha: ${w}`]),
    credit: (p, w) => `IPS priliv ${p} ${w}`,
  },
  otp: {
    card: (m, c, d) => `POS KUPOVINA ${dmy(d)} ${ascii(m).toUpperCase()} ${ascii(c).toUpperCase()} RS`,
    online: (m, cc, fx, d) => `E-COMMERCE ${dmy(d)} ${ascii(m).toUpperCase()} ${cc} ${fx}`,
    order: (p, w) =>
      pick([
        `NALOG ZA PLACANJE ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()} ${ref()}`,
        `IPS PLACANJE ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
      ]),
    credit: (p, w) => `PRILIV ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
  },
  raiffeisenEn: {
    card: (m, c) => `Shopping by card ${ascii(m)} ${ascii(c)} SRB`,
    online: (m, cc, fx, d) => `Card payment ${m.toUpperCase()} ${cc} ${d} ${fx}`,
    order: (p, w) =>
      pick([`Payment order ${ascii(p)} ${ascii(w)}`, `Instant payment ${ascii(p)} ${ascii(w)}`]),
    credit: (p, w) => `Incoming payment ${ascii(p)} ${ascii(w)}`,
  },
  raiffeisenSr: {
    card: (m, c, d) => `Plaćanje karticom ${m} ${c} ${dmy(d)}`,
    online: (m, cc, fx) => `Plaćanje karticom na internetu ${m} ${cc} ${fx}`,
    order: (p, w) => pick([`Nalog za plaćanje ${p} ${w}`, `Instant plaćanje ${p} ${w}`]),
    credit: (p, w) => `Uplata ${p} ${w}`,
  },
  aik: {
    card: (m, c) => `PLAĆANJE KARTICOM ${pick(['4912', '4912 ***'])} ${m.toUpperCase()} ${c.toUpperCase()}`,
    online: (m, cc, fx) => `PLAĆANJE NA INTERNETU ${m.toUpperCase()} ${cc} ${fx}`,
    order: (p, w) => pick([`Prenos na račun ${p.toUpperCase()} ${w}`, `IPS QR plaćanje ${p} ${w}`]),
    credit: (p, w) => `Uplata ${p} ${w}`,
  },
  postanska: {
    card: (m, c) => `Куповина картицом ${toCyr(m)} ${toCyr(c)}`,
    online: (m, cc, fx) => `Куповина на интернету ${m} ${cc} ${fx}`,
    order: (p, w) => pick([`Налог за пренос ${toCyr(p)} ${toCyr(w)}`, `ИПС плаћање ${toCyr(p)} ${toCyr(w)}`]),
    credit: (p, w) => `Прилив ${toCyr(p)} ${toCyr(w)}`,
  },
  unicredit: {
    card: (m, c, d) => `DEBIT CARD TRX ${dmy(d)} ${ascii(m).toUpperCase()} ${ascii(c).toUpperCase()} RS`,
    online: (m, cc, fx, d) => `DEBIT CARD TRX ${dmy(d)} ${m.toUpperCase()} ${cc} ${fx}`,
    order: (p, w) => pick([`E-BANKING ${ascii(p).toUpperCase()} ${ascii(w)}`, `m-banking IPS ${p} ${w}`]),
    credit: (p, w) => `Uplata na račun ${p} ${w}`,
  },
  nlb: {
    card: (m, c) => `Transakcija na POS terminalu ${m} ${c}`,
    online: (m, cc, fx) => `Plaćanje na internetu ${m.toUpperCase()} ${cc} ${fx}`,
    order: (p, w, d) => pick([`Odliv - ${p} - ${w} - ${dmy(d)}`, `IPS ${p} - ${w}`]),
    credit: (p, w) => `Priliv - ${p} - ${w}`,
  },
};

/** A persona's bank: its export format, and for some a new format from a date (an e-banking upgrade). */
interface Persona {
  formats: [Format, Format];
  switchAt: string;
  city: string;
}
const fmt = (p: Persona, d: string): Format => (d < p.switchAt ? p.formats[0] : p.formats[1]);

/** Exchange rates by day number: the dinar is near-pegged to the euro; the dollar moves more. */
const eurRate = (n: number): number => 117.1 + 0.15 * Math.sin(n / 41) + 0.06 * Math.sin(n / 4.7);
const usdRate = (n: number): number => 105 + 6 * Math.sin(n / 170) + 0.5 * Math.sin(n / 6.3);

interface Spec {
  key: string;
  direction: 'outgoing' | 'incoming';
  frequency: Frequency;
  category: Category;
  /** Minor units in dinars (or in the foreign currency when `fx`). */
  amount: number;
  fx?: 'EUR' | 'USD';
  /** Day of month (monthly/quarterly/annual). */
  day: number;
  /** Month (1–12) of the first slot of a quarterly or annual stream. */
  anchor?: number;
  /** Days paid before / after the due day: offset drawn from [-early, late]. */
  early?: number;
  late?: number;
  /** Weekend → Monday (debits, salaries, automatic renewals on cards post on the next workday). */
  workday?: boolean;
  start?: string;
  end?: string;
  /** Share of slots skipped at random (never the first or the last). */
  skip?: number;
  /** Share of slots paid late together with the next slot's payment (same day, two lines). */
  together?: number;
  /** Price changes: from date, multiply by 1 + share. */
  rises?: Array<[string, number]>;
  /** Every payment varies by up to this share (a bill). */
  variable?: number;
  /** Each year a new price (tax decision, dividend): yearly factor drawn once per year in [1 − x, 1 + x]. */
  yearly?: number;
  /** Keep paras (a tax, a converted amount) instead of whole dinars. */
  paras?: boolean;
  desc: (p: Persona, d: string, i: number, fx: string) => string;
  /** A look-alike: payments printed, never labelled a stream. */
  decoy?: boolean;
}

/** One-off payment at a stream's payee (must not join or become a stream). */
interface OneOff {
  amount: number;
  fx?: 'EUR' | 'USD';
  category: Category;
  desc: (p: Persona, d: string, fx: string) => string;
}

// ---------- the catalogue ----------
type Make = (p: Persona) => { spec: Spec; oneOffs?: OneOff[] };

const insurers = [
  ['Dunav osiguranje', 'DUNAV OSIGURANJE ADO', 'Dunav osiguranje a.d.o. Beograd'],
  ['Generali osiguranje Srbija', 'GENERALI OSIGURANJE SRBIJA ADO', 'Generali osiguranje'],
  ['DDOR Novi Sad', 'DDOR NOVI SAD ADO', 'DDOR osiguranje'],
  ['Wiener Städtische osiguranje', 'WIENER STADTISCHE OSIGURANJE', 'Wiener Stadtische'],
  ['UNIQA osiguranje', 'UNIQA OSIGURANJE ADO', 'Uniqa neživotno osiguranje'],
];

const QUARTERLY: Make[] = [
  // Home or life insurance premium paid by quarterly instalment by hand.
  () => {
    const names = pick(insurers);
    const policy = String(int(10000000, 99999999));
    const what = pick(['osiguranje stana', 'životno osiguranje', 'kasko', 'osiguranje kuće']);
    const anchor = int(1, 3);
    return {
      spec: {
        key: 'premija-kv',
        direction: 'outgoing',
        frequency: 'quarterly',
        category: 'utilities',
        amount: int(28, 95) * 10000,
        day: int(1, 28),
        anchor,
        early: 12,
        late: 18,
        together: 0.08,
        rises: [[`${2025 + int(0, 1)}-${pad(anchor + 1)}-01`, int(3, 9) / 100]],
        desc: (p, d) =>
          fmt(p, d).order(
            pick(names),
            pick([
              `premija polisa ${policy} rata ${quarterOf(d)}/4`,
              `polisa br. ${policy}`,
              `${what} ${ROMAN[quarterOf(d) - 1]} kvartal`,
              `${what} ${mmyyyy(d)}`,
            ]),
            d,
          ),
      },
      oneOffs: [
        {
          amount: int(12, 45) * 10000,
          category: 'utilities',
          desc: (p, d) =>
            fmt(p, d).order(pick(names), `putno osiguranje ${pick(['Grčka', 'Turska', 'EU'])}`, d),
        },
      ],
    };
  },
  // Property tax: four instalments a year, due 14 Feb / 15 May / 14 Aug / 14 Nov; the amount is set
  // each year by the tax decision; paid late more often than early; now and then two at once.
  () => {
    const office = pick([
      ['Gradska uprava grada Beograda', 'Sekretarijat za finansije', 'GRAD BEOGRAD LPA'],
      ['Grad Novi Sad Gradska poreska uprava', 'GRADSKA PORESKA UPRAVA NOVI SAD'],
      ['Grad Niš LPA', 'Lokalna poreska administracija Niš'],
      ['Grad Kragujevac poreska uprava', 'LPA KRAGUJEVAC'],
    ]);
    const pib = String(int(100000000, 999999999));
    return {
      spec: {
        key: 'porez-imovina',
        direction: 'outgoing',
        frequency: 'quarterly',
        category: 'utilities',
        amount: int(1800, 14000) * 100 + int(0, 99),
        day: pick([14, 15]),
        anchor: 2,
        early: 6,
        late: 25,
        together: 0.12,
        yearly: 0.12,
        paras: true,
        desc: (p, d) =>
          fmt(p, d).order(
            pick(office),
            pick([
              `porez na imovinu ${ROMAN[quarterOf(d) - 1]} kvartal ${d.slice(0, 4)}`,
              `porez na imovinu fizičkih lica ${pib}`,
              `poziv ${ref()} porez imovina`,
              `porez imovina ${quarterOf(d)}. rata`,
            ]),
            d,
          ),
      },
      oneOffs: [
        {
          amount: int(3, 12) * 10000 + int(0, 99),
          category: 'utilities',
          desc: (p, d) =>
            fmt(p, d).order(pick(office), pick(['komunalna taksa za firmu', 'lokalna taksa']), d),
        },
      ],
    };
  },
  // Building maintenance billed by the quarter, paid whenever someone remembers.
  () => {
    const street = pick(['Njegoševa 12', 'Bulevar oslobođenja 88', 'Vojvode Stepe 201', 'Cara Dušana 7']);
    const names = [
      `Stambena zajednica ${street}`,
      `SZ ${street.toUpperCase()}`,
      `Skupština stanara ${street}`,
    ];
    return {
      spec: {
        key: 'zgrada-kv',
        direction: 'outgoing',
        frequency: 'quarterly',
        category: 'utilities',
        amount: int(18, 60) * 10000,
        day: int(1, 10),
        anchor: int(1, 3),
        early: 3,
        late: 28,
        skip: 0.06,
        rises: [['2026-01-01', pick([0, 0.1, 0.2])]],
        desc: (p, d) =>
          fmt(p, d).order(
            pick(names),
            pick([
              'održavanje zgrade',
              `tekuće održavanje ${ROMAN[quarterOf(d) - 1]} kv`,
              `kvartal ${quarterOf(d)}`,
            ]),
            d,
          ),
      },
      oneOffs: [
        {
          amount: int(20, 90) * 100000,
          category: 'utilities',
          desc: (p, d) => fmt(p, d).order(pick(names), 'popravka lifta vanredno', d),
        },
      ],
    };
  },
  // A freelancer's accountant billed by the quarter.
  () => {
    const names = pick([
      ['Knjigovodstvena agencija Bilans', 'KNJIGOVODSTVENA AGENCIJA BILANS DOO'],
      ['Agencija Konto plus', 'KONTO PLUS'],
    ]);
    return {
      spec: {
        key: 'knjigovodja',
        direction: 'outgoing',
        frequency: 'quarterly',
        category: 'utilities',
        amount: int(9, 24) * 100000,
        day: int(5, 20),
        anchor: int(1, 3),
        early: 5,
        late: 15,
        rises: [['2026-01-01', 0.1]],
        desc: (p, d) =>
          fmt(p, d).order(
            pick(names),
            pick([`faktura ${int(100, 999)}/${d.slice(2, 4)}`, 'knjigovodstvene usluge']),
            d,
          ),
      },
    };
  },
  // Garage let by the quarter: money in.
  () => {
    const tenant = pick(['Miloš Stanković', 'Vesna Ristić', 'Bojan Nikolić']);
    return {
      spec: {
        key: 'garaza',
        direction: 'incoming',
        frequency: 'quarterly',
        category: 'rent',
        amount: int(9, 18) * 100000,
        day: int(1, 10),
        anchor: int(1, 3),
        early: 2,
        late: 12,
        desc: (p, d) =>
          fmt(p, d).credit(
            pick([tenant, ascii(tenant).toUpperCase()]),
            pick(['zakup garaže', `garaža ${ROMAN[quarterOf(d) - 1]} kvartal`, '']),
            d,
          ),
      },
    };
  },
  // A console plan billed every three months on a card, in euros.
  () => ({
    spec: {
      key: 'psplus-3m',
      direction: 'outgoing',
      frequency: 'quarterly',
      category: 'subscriptions',
      amount: 2499,
      fx: 'EUR',
      day: int(1, 28),
      anchor: int(1, 3),
      early: 0,
      late: 2,
      rises: [['2025-09-01', 0.2]],
      desc: (p, d, _i, fx) =>
        fmt(p, d).online(
          pick(['PlayStation Network', 'PLAYSTATIONNETWORK', 'Sony Interactive PSN']),
          'GB',
          fx,
          d,
        ),
    },
    oneOffs: [
      {
        amount: int(999, 6999),
        fx: 'EUR',
        category: 'entertainment',
        desc: (p, d, fx) => fmt(p, d).online('PlayStation Network', 'GB', fx, d),
      },
    ],
  }),
];

const ANNUAL: Make[] = [
  // A domain renewed each year by card (auto-renewal), with a price change.
  () => {
    const site = pick(['mojsajt.rs', 'petrovic.rs', 'radionica-drvo.rs', 'fotograf-ns.rs']);
    const reg = pick([
      ['LOOPIA RS', 'Loopia doo'],
      ['mCloud doo', 'MCLOUD DOMENI'],
      ['Orion Telekom domeni', 'ORION TELEKOM'],
    ]);
    return {
      spec: {
        key: 'domen',
        direction: 'outgoing',
        frequency: 'annually',
        category: 'subscriptions',
        amount: int(12, 25) * 10000,
        day: int(1, 28),
        anchor: int(1, 12),
        early: 2,
        late: 4,
        rises: [['2025-06-01', int(5, 25) / 100]],
        desc: (p, d) =>
          chance(0.5)
            ? fmt(p, d).card(`${pick(reg)} ${site}`, p.city, d)
            : fmt(p, d).order(
                pick(reg),
                pick([`produženje domena ${site}`, `domen ${site} ${d.slice(0, 4)}`]),
                d,
              ),
      },
      oneOffs: [
        {
          amount: int(12, 25) * 10000,
          category: 'subscriptions',
          desc: (p, d) => fmt(p, d).order(pick(reg), `registracija domena novi-${site}`, d),
        },
      ],
    };
  },
  // Compulsory car insurance, the registration taxes and the roadworthiness test: three annual
  // streams in the same fortnight, paid by hand.
  () => {
    const ins = pick(insurers);
    const plate = `${pick(['BG', 'NS', 'NI', 'KG'])} ${int(100, 9999)}-${pick(['AB', 'KT', 'ŠĐ', 'MN'])}`;
    return {
      spec: {
        key: 'ao-osiguranje',
        direction: 'outgoing',
        frequency: 'annually',
        category: 'transport',
        amount: int(140, 260) * 10000,
        day: int(1, 28),
        anchor: int(1, 12),
        early: 12,
        late: 6,
        rises: [[`${2025 + int(0, 1)}-01-01`, int(4, 12) / 100]],
        desc: (p, d) =>
          pick([
            () => fmt(p, d).order(pick(ins), `AO polisa ${plate}`, d),
            () => fmt(p, d).card(`${pick(ins)} filijala`, p.city, d),
            () => fmt(p, d).order(pick(ins), `obavezno osiguranje vozila ${d.slice(0, 4)}`, d),
          ])(),
      },
    };
  },
  () => ({
    spec: {
      key: 'registracija',
      direction: 'outgoing',
      frequency: 'annually',
      category: 'transport',
      amount: int(6, 14) * 100000 + int(0, 99) * 100,
      day: int(1, 28),
      anchor: int(1, 12),
      early: 14,
      late: 4,
      yearly: 0.06,
      desc: (p, d) =>
        fmt(p, d).order(
          pick(['Budžet Republike Srbije', 'MUP RS', 'Republička administrativna taksa']),
          pick([
            'registracija vozila',
            'taksa za registraciju vozila',
            `porez na upotrebu motornog vozila ${d.slice(0, 4)}`,
          ]),
          d,
        ),
    },
    oneOffs: [
      {
        amount: int(40, 80) * 10000,
        category: 'transport',
        desc: (p, d) => fmt(p, d).order('MUP RS', pick(['taksa za pasoš', 'izdavanje lične karte']), d),
      },
    ],
  }),
  () => {
    const station = pick([
      'Tehnički pregled Auto centar Miki',
      'TEHNICKI PREGLED DUGA',
      'AMSS tehnički pregled',
    ]);
    return {
      spec: {
        key: 'tehnicki',
        direction: 'outgoing',
        frequency: 'annually',
        category: 'transport',
        amount: int(45, 75) * 10000,
        day: int(1, 28),
        anchor: int(1, 12),
        early: 14,
        late: 5,
        rises: [['2026-01-01', int(0, 10) / 100]],
        desc: (p, d) => fmt(p, d).card(station, p.city, d),
      },
    };
  },
  // Antivirus renewed in euros or dollars by card.
  () => {
    const av = pick([
      {
        names: ['ESET SRBIJA', 'ESET, spol. s r.o.', 'ESET*HOME SECURITY'],
        cur: 'EUR' as const,
        price: 3999,
        cc: 'SK',
      },
      {
        names: ['KASPERSKY LAB', 'Kaspersky Standard', 'DRI*KASPERSKY'],
        cur: 'EUR' as const,
        price: 2999,
        cc: 'IE',
      },
      {
        names: ['NORTON *AP12345678', 'NORTONLIFELOCK', 'Norton 360'],
        cur: 'USD' as const,
        price: 4999,
        cc: 'US',
      },
    ]);
    return {
      spec: {
        key: 'antivirus',
        direction: 'outgoing',
        frequency: 'annually',
        category: 'subscriptions',
        amount: av.price,
        fx: av.cur,
        day: int(1, 28),
        anchor: int(1, 12),
        early: 0,
        late: 2,
        rises: [['2025-03-01', pick([0.1, 0.2, 0.25])]],
        paras: true,
        desc: (p, d, _i, fx) => fmt(p, d).online(pick(av.names), av.cc, fx, d),
      },
    };
  },
  // An annual app plan billed under the same store line as a monthly plan (see MONTHLY apple/google).
  () => ({
    spec: {
      key: 'app-godisnje',
      direction: 'outgoing',
      frequency: 'annually',
      category: 'subscriptions',
      amount: pick([2999, 4999, 5999, 8499]),
      fx: 'EUR',
      day: int(1, 28),
      anchor: int(1, 12),
      early: 0,
      late: 1,
      rises: [['2025-11-01', 0.1]],
      paras: true,
      desc: (p, d, _i, fx) =>
        fmt(p, d).online(
          pick(['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill Cork']),
          'IE',
          fx,
          d,
        ),
    },
  }),
  () => {
    const svc = pick([
      { names: ['GOOGLE *Google One', 'GOOGLE*GOOGLE ONE g.co/helppay#'], price: 1999, cc: 'IE' },
      { names: ['DUOLINGO', 'Duolingo Inc', 'DUOLINGO*SUPER'], price: 7999, cc: 'US' },
      { names: ['AMAZON PRIME*2K4L', 'Amazon Prime DE', 'AMZNPrime DE'], price: 8990, cc: 'DE' },
      { names: ['ADOBE *PHOTOGPHY PLAN', 'Adobe Systems Software', 'ADOBE *ADOBE'], price: 14388, cc: 'IE' },
    ]);
    return {
      spec: {
        key: 'app-godisnje-2',
        direction: 'outgoing',
        frequency: 'annually',
        category: 'subscriptions',
        amount: svc.price,
        fx: 'EUR',
        day: int(1, 28),
        anchor: int(1, 12),
        early: 0,
        late: 2,
        rises: [['2025-08-01', pick([0, 0.15])]],
        paras: true,
        desc: (p, d, _i, fx) => fmt(p, d).online(pick(svc.names), svc.cc, fx, d),
      },
      oneOffs: [
        {
          amount: int(199, 2999),
          fx: 'EUR',
          category: 'subscriptions',
          desc: (p, d, fx) => fmt(p, d).online(svc.names[0]!, svc.cc, fx, d),
        },
      ],
    };
  },
  // Memberships paid by hand once a year.
  () => {
    const club = pick([
      ['AMSS članarina', 'Auto-moto savez Srbije', 'AMSS'],
      ['Planinarsko društvo Železničar', 'PD ZELEZNICAR'],
      ['Teniski klub Partizan', 'TK PARTIZAN'],
      ['Biblioteka grada Beograda', 'BIBLIOTEKA GRADA BEOGRADA'],
      ['Udruženje arhitekata Srbije', 'UAS'],
    ]);
    return {
      spec: {
        key: 'clanarina',
        direction: 'outgoing',
        frequency: 'annually',
        category: 'entertainment',
        amount: int(15, 90) * 10000,
        day: int(1, 28),
        anchor: int(1, 12),
        early: 10,
        late: 20,
        rises: [['2025-09-01', pick([0, 0.2, 0.33])]],
        desc: (p, d) =>
          chance(0.6)
            ? fmt(p, d).order(
                pick(club),
                pick([`članarina ${d.slice(0, 4)}`, 'godišnja članarina', 'clanarina']),
                d,
              )
            : fmt(p, d).card(pick(club), p.city, d),
      },
    };
  },
  // A dividend once a year: money in, the amount set each year.
  () => ({
    spec: {
      key: 'dividenda',
      direction: 'incoming',
      frequency: 'annually',
      category: 'salary',
      amount: int(40, 300) * 10000 + int(0, 99),
      day: int(10, 28),
      anchor: pick([6, 7, 8]),
      early: 3,
      late: 10,
      yearly: 0.2,
      paras: true,
      desc: (p, d) =>
        fmt(p, d).credit(
          pick(['NIS a.d. Novi Sad', 'NIS AD NOVI SAD', 'Centralni registar hartija']),
          pick([`isplata dividende ${d.slice(0, 4)}`, 'dividenda']),
          d,
        ),
    },
  }),
];

const foreign = (
  key: string,
  names: string[],
  cc: string,
  cur: 'EUR' | 'USD',
  price: number,
  rises: Array<[string, number]> = [],
  oneOff?: [number, number],
): Make => {
  return () => {
    const day = int(1, 28);
    return {
      spec: {
        key,
        direction: 'outgoing',
        frequency: 'monthly',
        category: 'subscriptions',
        amount: price,
        fx: cur,
        day,
        early: 0,
        late: 2,
        rises,
        paras: true,
        skip: 0.03,
        desc: (p, d, _i, fx) => fmt(p, d).online(pick(names), cc, fx, d),
      },
      oneOffs: oneOff
        ? [
            {
              amount: int(oneOff[0], oneOff[1]),
              fx: cur,
              category: 'subscriptions',
              desc: (p, d, fx) => fmt(p, d).online(names[0]!, cc, fx, d),
            },
          ]
        : [],
    };
  };
};

const MONTHLY: Make[] = [
  foreign(
    'chatgpt',
    ['OPENAI *CHATGPT SUBSCR', 'OpenAI ChatGPT', 'OPENAI *CHATGPT SUBSCR SAN FRANCISCO'],
    'US',
    'USD',
    2000,
  ),
  foreign('github', ['GITHUB, INC.', 'GitHub Inc San Francisco', 'GITHUB INC'], 'US', 'USD', 400, [
    ['2025-10-01', 1.5],
  ]),
  foreign('midjourney', ['MIDJOURNEY INC.', 'Midjourney Inc'], 'US', 'USD', 1000),
  // Spotify prints a new reference code on every charge.
  () => {
    const made = foreign('spotify', ['Spotify'], 'SE', 'EUR', 599, [['2025-07-01', 0.167]])({} as Persona);
    made.spec.desc = (p, d, _i, fx) =>
      fmt(p, d).online(
        pick([`Spotify P${code(9)}`, `SPOTIFY P${code(9)}`, `PAYPAL *SPOTIFY ${code(6)}`]),
        'SE',
        fx,
        d,
      );
    return made;
  },
  foreign(
    'youtube',
    ['GOOGLE *YouTubePremium g.co/helppay#', 'GOOGLE*YOUTUBE PREMIUM', 'Google YouTube Premium'],
    'IE',
    'EUR',
    799,
    [],
    [99, 1499],
  ),
  foreign(
    'icloud',
    ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill Cork'],
    'IE',
    'EUR',
    299,
    [],
    [99, 999],
  ),
  foreign('skyshowtime', ['SKYSHOWTIME', 'SkyShowtime LTD', 'SKYSHOWTIME.COM LONDON'], 'GB', 'EUR', 599, [
    ['2026-02-01', 0.33],
  ]),
  // Phone bill: wording changes month to month (number, invoice number, month); a phone bought at the shop.
  () => {
    const op = pick([
      { names: ['Yettel', 'YETTEL DOO BEOGRAD', 'Yettel Srbija'], shop: 'Yettel shop' },
      { names: ['Telekom Srbija', 'TELEKOM SRBIJA AD', 'mts račun'], shop: 'mts prodavnica' },
      { names: ['A1 Srbija', 'A1 SRBIJA DOO', 'A1 Srbija d.o.o.'], shop: 'A1 shop' },
    ]);
    const number = `06${int(0, 9)}${int(1000000, 9999999)}`;
    return {
      spec: {
        key: 'telefon',
        direction: 'outgoing',
        frequency: 'monthly',
        category: 'utilities',
        amount: int(12, 45) * 10000,
        day: int(5, 25),
        early: 6,
        late: 8,
        variable: 0.08,
        skip: 0.04,
        together: 0.04,
        rises: [['2025-04-01', 0.06]],
        desc: (p, d) =>
          fmt(p, d).order(
            pick(op.names),
            pick([
              `račun ${number} ${mmyyyy(d)}`,
              `${int(100000000, 999999999)}`,
              `pretplata ${monthName(d)}`,
              number,
            ]),
            d,
          ),
      },
      oneOffs: [
        {
          amount: int(15, 90) * 100000,
          category: 'utilities',
          desc: (p, d) => fmt(p, d).card(op.shop, p.city, d),
        },
      ],
    };
  },
  // Cable TV and internet, fixed price with rises, paid by hand.
  () => {
    const names = pick([
      ['SBB', 'SBB DOO BEOGRAD', 'Serbia Broadband'],
      ['Supernova', 'SUPERNOVA DOO', 'Supernova d.o.o.'],
      ['Orion telekom', 'ORION TELEKOM TIM'],
    ]);
    const client = String(int(1000000, 9999999));
    return {
      spec: {
        key: 'internet',
        direction: 'outgoing',
        frequency: 'monthly',
        category: 'utilities',
        amount: int(25, 50) * 10000,
        day: int(10, 25),
        early: 8,
        late: 9,
        skip: 0.05,
        together: 0.05,
        rises: [
          ['2025-03-01', 0.05],
          ['2026-03-01', 0.07],
        ],
        desc: (p, d) =>
          fmt(p, d).order(
            pick(names),
            pick([
              `korisnik ${client}`,
              `faktura ${client}-${d.slice(2, 4)}${d.slice(5, 7)}`,
              `račun za ${monthName(d)}`,
            ]),
            d,
          ),
      },
      oneOffs: [
        {
          amount: int(30, 120) * 10000,
          category: 'utilities',
          desc: (p, d) => fmt(p, d).order(pick(names), 'oprema ruter', d),
        },
      ],
    };
  },
  // Electricity: varying and seasonal, paid by hand.
  () => ({
    spec: {
      key: 'struja',
      direction: 'outgoing',
      frequency: 'monthly',
      category: 'utilities',
      amount: int(35, 90) * 10000,
      day: int(15, 28),
      early: 7,
      late: 10,
      variable: 0.3,
      skip: 0.05,
      together: 0.06,
      desc: (p, d) =>
        fmt(p, d).order(
          pick(['EPS Snabdevanje', 'JP EPS', 'ЕПС Снабдевање', 'EPS SNABDEVANJE DOO']),
          pick([
            `ED ${int(1000000000, 9999999999)}`,
            `struja ${monthName(d)}`,
            `račun ${mmyyyy(d)} poziv ${ref()}`,
          ]),
          d,
        ),
    },
  }),
  // Gym by card on varying days early in the month; a protein shake at the same gym now and then.
  () => {
    const gym = pick(['Fitness centar Hercules', 'GYM BOX 24', 'Teretana Atlas', 'Lemon Gym']);
    return {
      spec: {
        key: 'teretana',
        direction: 'outgoing',
        frequency: 'monthly',
        category: 'entertainment',
        amount: int(28, 55) * 10000,
        day: int(1, 8),
        early: 4,
        late: 9,
        skip: 0.1,
        rises: [['2025-09-01', 0.1]],
        desc: (p, d) => fmt(p, d).card(gym, p.city, d),
      },
      oneOffs: [
        {
          amount: int(25, 45) * 1000,
          category: 'entertainment',
          desc: (p, d) => fmt(p, d).card(gym, p.city, d),
        },
        {
          amount: int(25, 45) * 1000,
          category: 'entertainment',
          desc: (p, d) => fmt(p, d).card(gym, p.city, d),
        },
        {
          amount: int(300, 900) * 100,
          category: 'entertainment',
          desc: (p, d) => fmt(p, d).card(gym, p.city, d),
        },
      ],
    };
  },
  // Kindergarten or school fee by payment order, the purpose names the child and the month.
  () => {
    const child = pick(['Luka', 'Mia', 'Vuk', 'Sara']);
    return {
      spec: {
        key: 'vrtic',
        direction: 'outgoing',
        frequency: 'monthly',
        category: 'utilities',
        amount: int(60, 160) * 10000,
        day: int(1, 15),
        early: 5,
        late: 12,
        skip: 0.08,
        variable: 0.05,
        desc: (p, d) =>
          fmt(p, d).order(
            pick([
              'PU Radosno detinjstvo',
              'PU RADOSNO DETINJSTVO NOVI SAD',
              'Predškolska ustanova Radosno detinjstvo',
            ]),
            pick([`${child} ${monthName(d)}`, `boravak ${mmyyyy(d)}`, `poziv ${ref()}`]),
            d,
          ),
      },
    };
  },
  // Rent to a person, by hand a few days either side of the 1st, with a rise.
  () => {
    const who = pick(['Snežana Đokić', 'Dragan Milošević', 'Zorica Babić']);
    return {
      spec: {
        key: 'kirija',
        direction: 'outgoing',
        frequency: 'monthly',
        category: 'rent',
        amount: int(30, 70) * 100000,
        day: 1,
        early: 5,
        late: 7,
        rises: [['2025-11-01', 0.1]],
        desc: (p, d) =>
          fmt(p, d).order(
            pick([who, ascii(who).toUpperCase(), ascii(who)]),
            pick([`kirija ${monthName(d)}`, `stanarina ${mmyyyy(d)}`, 'zakup stana', '']),
            d,
          ),
      },
    };
  },
  // Salary, monthly income, posted on the next workday.
  () => {
    const firm = pick(['Nordeus doo', 'NIS a.d.', 'Delta Holding doo', 'Telenor Servisi']);
    return {
      spec: {
        key: 'plata',
        direction: 'incoming',
        frequency: 'monthly',
        category: 'salary',
        amount: int(80, 250) * 100000,
        day: int(5, 28),
        early: 0,
        late: 1,
        workday: true,
        variable: 0.04,
        rises: [['2026-01-01', 0.07]],
        desc: (p, d) =>
          fmt(p, d).credit(
            pick([firm, firm.toUpperCase()]),
            pick([`zarada ${mmyyyy(d)}`, 'isplata zarade', 'zarada']),
            d,
          ),
      },
    };
  },
];

/** Look-alikes: payments at a payee visited every few months, never a stream. */
const DECOYS: Make[] = [
  () => {
    const s = pick(['Auto servis Jovanović', 'VULKANIZER MIKI', 'Auto centar Zvezdara']);
    return {
      spec: {
        key: 'servis',
        direction: 'outgoing',
        frequency: 'quarterly',
        category: 'transport',
        amount: 1500000,
        day: int(1, 28),
        anchor: int(1, 3),
        early: 35,
        late: 40,
        variable: 0.7,
        skip: 0.3,
        decoy: true,
        desc: (p, d) => fmt(p, d).card(s, p.city, d),
      },
    };
  },
  () => ({
    spec: {
      key: 'zubar',
      direction: 'outgoing',
      frequency: 'quarterly',
      category: 'groceries',
      amount: 900000,
      day: int(1, 28),
      anchor: int(1, 3),
      early: 30,
      late: 30,
      variable: 0.75,
      skip: 0.25,
      decoy: true,
      desc: (p, d) => fmt(p, d).card(pick(['Stomatološka ordinacija Osmeh', 'STOM ORD OSMEH']), p.city, d),
    },
  }),
  () => ({
    spec: {
      key: 'booking',
      direction: 'outgoing',
      frequency: 'annually',
      category: 'entertainment',
      amount: 45000,
      fx: 'EUR',
      day: int(1, 28),
      anchor: pick([5, 6, 7]),
      early: 20,
      late: 20,
      variable: 0.6,
      decoy: true,
      paras: true,
      desc: (p, d, _i, fx) => fmt(p, d).online(pick(['Booking.com', 'BOOKING.COM AMSTERDAM']), 'NL', fx, d),
    },
  }),
  () => ({
    spec: {
      key: 'garderoba',
      direction: 'outgoing',
      frequency: 'quarterly',
      category: 'groceries',
      amount: 800000,
      day: int(1, 28),
      anchor: int(1, 3),
      early: 25,
      late: 25,
      variable: 0.65,
      decoy: true,
      desc: (p, d) => fmt(p, d).card(pick(['ZARA', 'H&M', 'LC WAIKIKI']), p.city, d),
    },
  }),
  () => ({
    spec: {
      key: 'knjizara',
      direction: 'outgoing',
      frequency: 'annually',
      category: 'entertainment',
      amount: 700000,
      day: int(1, 15),
      anchor: 9,
      early: 10,
      late: 10,
      variable: 0.6,
      decoy: true,
      desc: (p, d) => fmt(p, d).card(pick(['Vulkan knjižare', 'Knjižara Delfi']), p.city, d),
    },
  }),
];

/** Everyday noise: payees visited irregularly. */
const NOISE: Array<{ m: string; category: Category; perWeek: number; lo: number; hi: number }> = [
  { m: 'MAXI 0412', category: 'groceries', perWeek: 1.2, lo: 400, hi: 9500 },
  { m: 'IDEA 1187', category: 'groceries', perWeek: 0.9, lo: 250, hi: 6800 },
  { m: 'LIDL SRBIJA KD', category: 'groceries', perWeek: 0.7, lo: 900, hi: 12000 },
  { m: 'Pekara Hleb i kifle', category: 'dining', perWeek: 1, lo: 90, hi: 480 },
  { m: 'Apoteka Benu 14', category: 'groceries', perWeek: 0.3, lo: 350, hi: 4800 },
  { m: 'NIS PETROL BS 185', category: 'transport', perWeek: 0.4, lo: 2500, hi: 7000 },
  { m: 'Kafeterija Magazin', category: 'dining', perWeek: 0.6, lo: 220, hi: 950 },
  { m: 'WOLT', category: 'dining', perWeek: 0.35, lo: 900, hi: 3800 },
  { m: 'CarGo', category: 'transport', perWeek: 0.3, lo: 350, hi: 1400 },
  { m: 'DM DROGERIE MARKT 22', category: 'groceries', perWeek: 0.3, lo: 300, hi: 4200 },
];
const FRIENDS = ['Marko Petrović', 'Jelena Ilić', 'Ivana Lazić', 'Nikola Đorđević', 'Milica Savić'];
const CITIES = ['BEOGRAD', 'NOVI BEOGRAD', 'NOVI SAD', 'NIŠ', 'KRAGUJEVAC', 'SUBOTICA', 'ČAČAK', 'ZEMUN'];

interface HistoryPlan {
  today: string;
  months: number;
  persona: Persona;
  makes: Make[];
  note: string;
}

/** Draws `n` distinct entries of `xs`. */
function sample<T>(xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
}

/** First day ≥ from in a month ≡ anchor (mod step), as a day number of that month's 1st. */
function anchoredFrom(from: number, anchor: number, step: number): number {
  const d = new Date(from * DAY);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  while ((((m - anchor) % step) + step) % step !== 0) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return Date.UTC(y, m - 1, 1) / DAY;
}

function expand(id: string, h: HistoryPlan, seed: number): LabelledHistory {
  rnd = mulberry32(seed);
  const to = toDay(h.today);
  const fd = new Date(to * DAY);
  fd.setUTCMonth(fd.getUTCMonth() - h.months);
  const from = Math.floor(fd.getTime() / DAY);
  const rows: Array<Omit<LabelledTransaction, 'id'>> = [];
  const streams: PlannedStream[] = [];
  const p = h.persona;
  const fxText = (cur: 'EUR' | 'USD', minor: number): string =>
    pick([`${cur} ${money(minor)}`, `${money(minor)} ${cur}`, `iznos ${money(minor)} ${cur}`]);
  const toDinars = (cur: 'EUR' | 'USD', minor: number, n: number): number =>
    Math.round((minor / 100) * (cur === 'EUR' ? eurRate(n) : usdRate(n)) * (1.01 + rnd() * 0.01) * 100);
  for (const make of h.makes) {
    const { spec: s, oneOffs = [] } = make(p);
    const sFrom = s.start ? Math.max(from, toDay(s.start)) : from;
    const sTo = s.end ? Math.min(to, toDay(s.end)) : to;
    const step = s.frequency === 'quarterly' ? 3 : s.frequency === 'annually' ? 12 : 1;
    const first = s.anchor ? anchoredFrom(sFrom, s.anchor, step) : sFrom;
    const plan = scheduledDays(s.frequency, s.day, first, sTo);
    const days = plan.map((n) => n + int(-(s.early ?? 0), s.late ?? 0));
    const skipped = new Set<number>();
    for (let i = 1; i < plan.length - 1; i++) {
      if (s.skip && chance(s.skip)) skipped.add(i);
      // Paid late, together with the next slot's payment.
      else if (s.together && chance(s.together) && !skipped.has(i + 1)) days[i] = days[i + 1]!;
    }
    const yearFactor = new Map<string, number>();
    const mine: number[] = [];
    let description = '';
    plan.forEach((_, i) => {
      if (skipped.has(i)) return;
      let n = days[i]!;
      if (s.workday) {
        if (weekday(n) === 6) n += 2;
        else if (weekday(n) === 0) n += 1;
      }
      if (n < from || n > to) return;
      const date = toDate(n);
      let amount = s.amount;
      for (const [since, share] of s.rises ?? []) if (date >= since) amount *= 1 + share;
      if (s.yearly) {
        const y = date.slice(0, 4);
        if (!yearFactor.has(y)) yearFactor.set(y, 1 + (rnd() * 2 - 1) * s.yearly);
        amount *= yearFactor.get(y)!;
      }
      if (s.variable) amount *= 1 + (rnd() * 2 - 1) * s.variable;
      let fx = '';
      if (s.fx) {
        const minor = Math.round(amount);
        fx = fxText(s.fx, minor);
        amount = toDinars(s.fx, minor, n);
      } else amount = s.paras ? Math.round(amount) : Math.round(amount / 100) * 100;
      const desc = s.desc(p, date, i, fx).replace(/\s+/g, ' ').trim();
      rows.push({
        date,
        amount: (s.direction === 'outgoing' ? -1 : 1) * amount,
        description: desc,
        category: s.category,
        pending: false,
      });
      mine.push(rows.length - 1);
      description = desc;
    });
    // One-offs at the same payee, on random days of the history.
    for (const o of oneOffs) {
      if (!chance(0.7)) continue;
      const n = int(from, to);
      const date = toDate(n);
      let amount = o.amount;
      let fx = '';
      if (o.fx) {
        fx = fxText(o.fx, o.amount);
        amount = toDinars(o.fx, o.amount, n);
      }
      rows.push({
        date,
        amount: -amount,
        description: o.desc(p, date, fx).replace(/\s+/g, ' ').trim(),
        category: o.category,
        pending: false,
      });
    }
    if (s.decoy) continue;
    const least = s.frequency === 'annually' || s.frequency === 'quarterly' ? 2 : 3;
    if (mine.length < least) continue;
    const variable = mine.some((r) => rows[r]!.amount !== rows[mine[0]!]!.amount);
    const period = s.frequency === 'monthly' ? 31 : s.frequency === 'quarterly' ? 92 : 366;
    streams.push({
      key: s.key,
      description,
      direction: s.direction,
      frequency: s.frequency,
      amount_type: variable ? 'variable' : 'fixed',
      // Active while the next payment is not overdue by a whole period (same rule as the API's).
      is_active: !s.end && to - toDay(rows[mine[mine.length - 1]!]!.date) <= 2 * period,
      rows: mine,
    });
  }
  // Everyday noise.
  for (let n = from; n <= to; n++) {
    const date = toDate(n);
    for (const z of NOISE) {
      if (!chance(z.perWeek / 7)) continue;
      rows.push({
        date,
        amount: -(int(z.lo, z.hi) * 100 + int(0, 99)),
        description: fmt(p, date).card(z.m, p.city, date).replace(/\s+/g, ' ').trim(),
        category: z.category,
        pending: false,
      });
    }
    if (chance(0.05)) {
      rows.push({
        date,
        amount: -int(5, 150) * 10000,
        description: fmt(p, date)
          .order(pick(FRIENDS), pick(['', 'vraćam', 'za poklon', 'hvala']), date)
          .trim(),
        category: 'transfer',
        pending: false,
      });
    }
  }
  return assembleHistory(id, h, rows, streams);
}

// ---------- the histories: each a persona and a draw from the catalogue ----------
const FORMAT_PAIRS: Array<[string, string]> = [
  ['intesaOld', 'intesaNew'],
  ['raiffeisenSr', 'raiffeisenEn'],
  ['otp', 'otp'],
  ['aik', 'aik'],
  ['postanska', 'postanska'],
  ['unicredit', 'unicredit'],
  ['nlb', 'nlb'],
  ['intesaOld', 'intesaOld'],
];
const HISTORY_COUNT = 32;
rnd = mulberry32(20261207);
const plans: HistoryPlan[] = Array.from({ length: HISTORY_COUNT }, (_, k) => {
  const [a, b] = FORMAT_PAIRS[k % FORMAT_PAIRS.length]!;
  const months = pick([14, 15, 18, 20, 24, 26, 30, 36, 40]);
  const today = `${pick(['2026-09', '2026-11', '2027-01', '2027-03'])}-${pad(int(1, 28))}`;
  const switchAt = a === b ? '9999-12-31' : pick(['2025-10-01', '2026-01-15', '2026-04-01']);
  // Planned at plan time (not at expand time) so every history draws its own instances.
  const makes = [
    ...sample(QUARTERLY, int(1, 3)),
    ...sample(ANNUAL, int(2, 4)),
    ...sample(MONTHLY, int(5, 9)),
    ...sample(DECOYS, int(1, 3)),
  ];
  const persona: Persona = {
    formats: [FORMATS[a]!, FORMATS[b]!],
    switchAt,
    city: pick(CITIES),
  };
  return {
    today,
    months,
    persona,
    makes,
    note: `${a}${a === b ? '' : ` → ${b} from ${switchAt}`}, ${persona.city}, ${months} months: quarterly/annual renewals paid by hand, hard monthly wording, one-offs at stream payees, look-alikes`,
  };
});
const histories = plans.map((h, i) => expand(`P${String(i + 1).padStart(2, '0')}`, h, 4242 + i * 7919));
const body = `[\n${histories.map((h) => JSON.stringify(h)).join(',\n')}\n]\n`;
writeFileSync(new URL('./data/recurring-dev-periodic.json', import.meta.url), body);
const count = (f: string): number =>
  histories.reduce((n, h) => n + h.streams.filter((s) => s.frequency === f).length, 0);
console.log(
  `wrote ${histories.length} histories, ${histories.reduce((n, h) => n + h.transactions.length, 0)} txns, ${histories.reduce((n, h) => n + h.streams.length, 0)} streams (monthly ${count('monthly')}, quarterly ${count('quarterly')}, annual ${count('annually')})`,
);
