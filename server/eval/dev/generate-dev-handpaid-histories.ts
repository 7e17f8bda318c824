/**
 * Writes data/recurring-dev-handpaid.json: a FOURTH recurring development set (same hand as the
 * rules, NOT held out), written in session 9 BEFORE the detector was changed for it, and unlike
 * the other dev generators in its wordings (six further bank export styles, a bank change
 * mid-history), its seed and its emphasis: streams a person pays BY HAND.
 * - Quarterly: property tax (porez na imovinu, due 45 days after the quarter starts; paid from the
 *   first day to well past the due date, two quarters at once, a quarter skipped, the yearly
 *   decision changes the amount), insurance premiums in instalments, building management fees,
 *   an accountant's fee; the wording typed differs from payment to payment.
 * - Monthly: bills with varying amounts, new invoice / reference numbers, month names and dates
 *   in the text, paid on varying days, a month skipped and two paid together; rent to a person,
 *   kindergarten, a gym, salaries on varying days; a few card subscriptions.
 * - Weekly / biweekly: a cleaner, a tutor, training sessions, pocket money, a babysitter, paid
 *   on a day that moves, weeks skipped for holidays.
 * - Look-alike negatives: shops and restaurants visited irregularly (some roughly monthly),
 *   fuel about weekly at varying gaps, transfers to friends sharing a first name, one-offs at a
 *   stream's payee, two payees of one city sharing the city and the legal form.
 * Seeded PRNG, deterministic. Re-run: `npx tsx eval/dev/generate-dev-handpaid-histories.ts`.
 */
import { writeFileSync } from 'node:fs';
import type { CategoryName } from '../../src/transactions/category-names.js';
import type { LabelledTransaction, TrueStream } from '../data/generate-recurring-histories.js';
import { mulberry32 } from '../random.js';
import { assembleHistory, type PlannedStream } from './assemble.js';
import { dmy, mmyyyy, monthName, pad, toDate, toDay, weekday } from './formats.js';
import { ascii, toCyr } from './script-variants.js';

let rnd = mulberry32(909);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number): boolean => rnd() < p;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');

type Frequency = TrueStream['frequency'];
type Row = Omit<LabelledTransaction, 'id'>;

/** One bank's export: card payments, orders typed in e-banking, credits. */
interface Bank {
  name: string;
  card: (m: string, city: string, d: string) => string;
  order: (payee: string, purpose: string, d: string) => string;
  credit: (payer: string, purpose: string, d: string) => string;
}

// biome-ignore format: one bank per block reads as a table
const BANKS: Bank[] = [
  {
    name: 'erste',
    card: (m, c, d) => pick([`Kupovina ${m} ${c} SRB Mastercard ****${digits(4)}`, `POS ${m} ${c} ${dmy(d)}`]),
    order: (p, w) => pick([`Nalog za plaćanje - ${p} - svrha: ${w}`, `IPS QR ${p} ${w}`, `Nalog za plaćanje - ${p} - ${w}`]),
    credit: (p, w) => `Uplata - ${p} - ${w}`,
  },
  {
    name: 'halkbank',
    card: (m, c, d) => `POS ${dmy(d)} ${ascii(m).toUpperCase()} ${ascii(c).toUpperCase()}`,
    order: (p, w) => pick([`TRANSFER ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()} POZ NA BR 97${digits(12)}`, `TRANSFER ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`]),
    credit: (p, w) => `PRILIV SREDSTAVA ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
  },
  {
    name: 'eurobank',
    card: (m, c) => `Placanje karticom Visa ${ascii(m)}, ${ascii(c)}`,
    order: (p, w, d) => pick([`e-Nalog ${ascii(p)} / ${ascii(w)}`, `e-Nalog ${ascii(p)} / ${ascii(w)} ${dmy(d)}`]),
    credit: (p, w) => `Priliv ${ascii(p)} / ${ascii(w)}`,
  },
  {
    name: 'yettel-mobile',
    card: (m, c) => `Kartično plaćanje: ${m} (${c})`,
    order: (p, w) => pick([`Prenos sredstava ${p}: ${w}`, `Instant prenos ${p}: ${w}`]),
    credit: (p, w) => `Primljena uplata ${p}: ${w}`,
  },
  {
    name: 'postanska-cyr',
    card: (m, c) => `ПОС ${toCyr(m)} ${toCyr(c)}`,
    order: (p, w) => pick([`Уплатница ${toCyr(p)} ${toCyr(w)} 97 ${digits(10)}`, `Налог ${toCyr(p)} ${toCyr(w)}`, `Plaćanje ${p} ${w}`]),
    credit: (p, w) => `Прилив ${toCyr(p)} ${toCyr(w)}`,
  },
  {
    name: 'addiko-en',
    card: (m, c, d) => `POS purchase ${ascii(m)} ${ascii(c)} RS ${d}`,
    order: (p, w) => pick([`Outgoing payment ${ascii(p)} ${ascii(w)}`, `Outgoing instant payment ${ascii(p)} - ${ascii(w)}`]),
    credit: (p, w) => `Inflow ${ascii(p)} ${ascii(w)}`,
  },
];

const CITIES = ['Novi Sad', 'Niš', 'Kragujevac', 'Beograd', 'Subotica', 'Čačak', 'Zrenjanin', 'Kraljevo'];
const roman = ['I', 'II', 'III', 'IV'];
const quarterOf = (d: string): number => Math.floor((Number(d.slice(5, 7)) - 1) / 3);

interface Ctx {
  bank: (day: number) => Bank;
  city: string;
  from: number;
  to: number;
}
/** One planned payment of a stream. */
interface Event {
  day: number;
  amount: number; // positive minor units
  desc: string;
}
interface Spec {
  key: string;
  direction: 'outgoing' | 'incoming';
  frequency: Frequency;
  category: CategoryName;
  /** A negative: payments that must yield no stream. */
  decoy?: boolean;
  events: (c: Ctx) => Event[];
}

const rsd = (lo: number, hi: number): number => int(lo, hi) * 100;
/** The start of each calendar month (or quarter) from..to, as days. */
function periodStarts(c: Ctx, months: number): number[] {
  const out: number[] = [];
  const f = new Date(c.from * 86_400_000);
  for (let k = 0; ; k++) {
    const n =
      Date.UTC(f.getUTCFullYear(), Math.floor(f.getUTCMonth() / months) * months + k * months, 1) /
      86_400_000;
    if (n > c.to) break;
    if (n >= c.from - 40) out.push(n);
  }
  return out;
}
const inRange = (c: Ctx, evs: Event[]): Event[] => evs.filter((e) => e.day >= c.from && e.day <= c.to);

// ---------- quarterly ----------
const propertyTax = (): Spec => {
  const grad = pick([
    'Grad Novi Sad',
    'Gradska uprava Niš',
    'Grad Kragujevac',
    'Opština Zvezdara',
    'Opstina Stari grad',
    'LPA Čačak',
  ]);
  let yearly = rsd(3200, 14000);
  const late = chance(0.4); // a payer who is often late
  return {
    key: 'porez-imovina',
    direction: 'outgoing',
    frequency: 'quarterly',
    category: 'utilities',
    events: (c) => {
      const out: Event[] = [];
      let carry: number | null = null;
      let year = '';
      for (const q of periodStarts(c, 3)) {
        const d = toDate(q);
        if (d.slice(0, 4) !== year) {
          year = d.slice(0, 4);
          if (chance(0.6)) yearly = Math.round((yearly * (1 + int(-3, 12) / 100)) / 100) * 100;
        }
        const amount = Math.round(yearly / 4);
        const purpose = () =>
          pick([
            `Porez na imovinu ${roman[quarterOf(d)]} kvartal ${year}`,
            `porez na imovinu ${roman[quarterOf(d)]}/${year}`,
            `POREZ NA IMOVINU ZA ${quarterOf(d) + 1}. TROMESECJE ${year}`,
            `porez imovina ${year} rata ${quarterOf(d) + 1}`,
            `Porez na imovinu fizickih lica`,
          ]);
        if (carry === null && chance(0.12)) {
          carry = q;
          continue;
        } // paid with the next one
        const day = q + (late ? int(20, 75) : int(2, 50));
        if (carry !== null) {
          if (chance(0.5)) out.push({ day, amount: amount * 2, desc: `${grad}|${purpose()}` });
          else {
            out.push({ day, amount, desc: `${grad}|${purpose()}` });
            out.push({ day: day + int(0, 1), amount, desc: `${grad}|${purpose()}` });
          }
          carry = null;
        } else out.push({ day, amount, desc: `${grad}|${purpose()}` });
      }
      return inRange(c, out);
    },
  };
};
const insuranceQuarterly = (): Spec => {
  const who = pick([
    'Dunav osiguranje',
    'Generali Osiguranje Srbija',
    'DDOR Novi Sad',
    'Wiener Städtische',
    'Triglav osiguranje',
    'Sava osiguranje',
  ]);
  const policy = digits(8);
  let amount = rsd(2400, 9800);
  return {
    key: 'osiguranje-kv',
    direction: 'outgoing',
    frequency: 'quarterly',
    category: 'utilities',
    events: (c) => {
      const out: Event[] = [];
      const due = int(1, 28);
      let k = 0;
      for (const q of periodStarts(c, 3)) {
        if (k++ % 4 === 0 && k > 1 && chance(0.5)) amount = Math.round((amount * 1.06) / 100) * 100;
        if (chance(0.06)) continue; // a quarter skipped (paid later in one sum, not at all)
        const w = pick([
          `polisa ${policy} rata ${((k - 1) % 4) + 1}/4`,
          `premija ${policy}`,
          `osiguranje stana polisa br. ${policy}`,
          `rata osiguranja ${mmyyyy(toDate(q))}`,
        ]);
        out.push({ day: q + due + int(-12, 25), amount, desc: `${who}|${w}` });
      }
      return inRange(c, out);
    },
  };
};
const buildingQuarterly = (): Spec => {
  const who = pick([
    'Stambena zajednica Bulevar oslobođenja 12',
    'SZ Njegoševa 41',
    'Stambena zajednica Cara Dušana 7',
    'Profesionalni upravnik Habitat doo',
  ]);
  const base = rsd(1500, 4500);
  return {
    key: 'zgrada-kv',
    direction: 'outgoing',
    frequency: 'quarterly',
    category: 'utilities',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 3).flatMap((q) => {
          if (chance(0.08)) return [];
          const d = toDate(q + 40);
          return [
            {
              day: q + int(5, 60),
              amount: base + (chance(0.3) ? rsd(100, 900) : 0),
              desc: `${who}|${pick(['održavanje zgrade', 'tekuće održavanje', 'investiciono održavanje', 'upravljanje'])} ${pick([`${roman[quarterOf(d)]} kvartal`, `Q${quarterOf(d) + 1}/${d.slice(0, 4)}`, `za ${monthName(toDate(q))}-${monthName(toDate(q + 70))}`])}`,
            },
          ];
        }),
      ),
  };
};
const accountantQuarterly = (): Spec => {
  const who = pick(['Knjigovodstvena agencija Bilans', 'Agencija Konto Plus', 'Racunovodstvo Mila']);
  return {
    key: 'knjigovodja-kv',
    direction: 'outgoing',
    frequency: 'quarterly',
    category: 'utilities',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 3).map((q) => ({
          day: q + int(8, 35),
          amount: rsd(9000, 9000) + (chance(0.4) ? rsd(500, 3000) : 0),
          desc: `${who}|faktura ${int(1, 400)}/${toDate(q).slice(2, 4)} ${pick(['knjigovodstvene usluge', 'usluge za kvartal', ''])}`,
        })),
      ),
  };
};
const rentIncomeQuarterly = (): Spec => {
  const who = pick(['Lokal Dizajn doo', 'Pekara Zrno doo', 'Frizerski studio Aura']);
  const amount = rsd(60000, 150000);
  return {
    key: 'zakup-kv',
    direction: 'incoming',
    frequency: 'quarterly',
    category: 'transfer',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 3).map((q) => ({
          day: q + int(0, 20),
          amount,
          desc: `${who}|zakup poslovnog prostora ${pick(['kvartal', 'tromesečno', `${roman[quarterOf(toDate(q))]} kv`])} ${toDate(q).slice(0, 4)}`,
        })),
      ),
  };
};

// ---------- monthly ----------
const billMonthly = (): Spec => {
  const b = pick([
    {
      p: 'JKP Informatika Novi Sad',
      w: () => `racun br ${digits(9)} za ${mmyyyy(dNow)}`,
      lo: 2500,
      hi: 7800,
    },
    {
      p: 'EPS Snabdevanje',
      w: () =>
        pick([
          `ED broj ${digits(10)}`,
          `struja ${monthName(dNow)}`,
          `racun ${mmyyyy(dNow)} ED ${digits(10)}`,
        ]),
      lo: 2800,
      hi: 14500,
    },
    {
      p: 'JKP Vodovod i kanalizacija Kragujevac',
      w: () => `${pick(['voda', 'vodovod'])} ${monthName(dNow)} ${dNow.slice(0, 4)} korisnik ${digits(6)}`,
      lo: 900,
      hi: 3200,
    },
    { p: 'Gradska toplana Niš', w: () => `grejanje ${mmyyyy(dNow)} šifra ${digits(7)}`, lo: 3500, hi: 9800 },
    {
      p: 'JKP Infostan Tehnologije',
      w: () => pick([`uplata po racunu ${digits(11)}`, `infostan ${monthName(dNow)}`]),
      lo: 3900,
      hi: 9000,
    },
    { p: 'Srbijagas', w: () => `gas ${mmyyyy(dNow)} merno mesto ${digits(8)}`, lo: 1200, hi: 11000 },
    { p: 'Telekom Srbija', w: () => `racun ${digits(12)} ${mmyyyy(dNow)}`, lo: 2900, hi: 4200 },
    { p: 'SBB doo', w: () => `pretplata ${monthName(dNow)} korisnik ${digits(7)}`, lo: 3300, hi: 3300 },
    { p: 'A1 Srbija', w: () => `mobilni racun ${dmy(dNow)}`, lo: 1500, hi: 2600 },
    { p: 'JKP Čistoća Čačak', w: () => `odvoz smeća ${mmyyyy(dNow)}`, lo: 700, hi: 950 },
  ]);
  const due = int(5, 25);
  return {
    key: `racun-${b.p}`,
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'utilities',
    events: (c) => {
      const out: Event[] = [];
      let carry = false;
      for (const m of periodStarts(c, 1)) {
        dNow = toDate(m);
        if (!carry && chance(0.1)) {
          carry = true;
          continue;
        } // two paid together next month
        const day = m + due + int(-8, 14);
        const amount = b.lo === b.hi ? rsd(b.lo, b.hi) : rsd(b.lo, b.hi) + int(0, 99);
        out.push({ day, amount, desc: `${b.p}|${b.w()}` });
        if (carry) {
          out.push({ day: day + int(0, 2), amount: rsd(b.lo, b.hi) + int(0, 99), desc: `${b.p}|${b.w()}` });
          carry = false;
        }
      }
      return inRange(c, out);
    },
  };
};
let dNow = '2026-01-01';
const rentMonthly = (): Spec => {
  const who = pick(['Marko Jovanović', 'Jelena Nikolić', 'Dragan Petrović', 'Snežana Ilić']);
  let amount = rsd(250, 600) * 100;
  return {
    key: 'kirija',
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'rent',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 1).flatMap((m, k) => {
          if (k === 12 && chance(0.5)) amount += 500000;
          const d = toDate(m);
          return [
            {
              day: m + int(0, 9),
              amount,
              desc: `${pick([who, who.toUpperCase(), ascii(who)])}|${pick([`kirija ${monthName(d)}`, `zakup stana ${mmyyyy(d)}`, 'stanarina', `kirija za ${monthName(d)} ${d.slice(0, 4)}`])}`,
            },
          ];
        }),
      ),
  };
};
const kindergartenMonthly = (): Spec => {
  const who = pick(['PU Radosno detinjstvo', 'Predškolska ustanova Pčelica', 'Vrtić Mali princ doo']);
  return {
    key: 'vrtic',
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'utilities',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 1).flatMap((m) => {
          const d = toDate(m);
          if (d.slice(5, 7) === '08' && chance(0.6)) return []; // closed in August
          return [
            {
              day: m + int(8, 24),
              amount: rsd(4200, 9500),
              desc: `${who}|${pick(['boravak', 'uplatnica', 'vrtić'])} ${pick([monthName(d), mmyyyy(d)])} poziv ${digits(9)}`,
            },
          ];
        }),
      ),
  };
};
const gymMonthly = (): Spec => {
  const who = pick(['Fitness centar Pulse', 'GYM BOX', 'Teretana Spartak', 'Sportski centar Olimp']);
  const amount = rsd(2800, 4500);
  return {
    key: 'teretana',
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'entertainment',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 1).flatMap((m) =>
          chance(0.07) ? [] : [{ day: m + int(0, 12), amount, desc: `@CARD:${who}` }],
        ),
      ),
  };
};
const salaryMonthly = (): Spec => {
  const who = pick([
    'Nelt Co doo',
    'Telenor servisi',
    'Gorenje doo Valjevo',
    'JP Pošta Srbije',
    'Dom zdravlja Novi Sad',
    'Ministarstvo prosvete',
  ]);
  const base = rsd(70000, 190000);
  return {
    key: 'plata',
    direction: 'incoming',
    frequency: 'monthly',
    category: 'salary',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 1).map((m) => {
          const d = toDate(m - 15);
          return {
            day: m + int(3, 16),
            amount: base + rsd(0, 12000),
            desc: `${who}|${pick([`zarada za ${mmyyyy(d)}`, `isplata zarade ${monthName(d)}`, `LD ${mmyyyy(d)}`, 'neto zarada'])}`,
          };
        }),
      ),
  };
};
const pensionMonthly = (): Spec => ({
  key: 'penzija',
  direction: 'incoming',
  frequency: 'monthly',
  category: 'salary',
  events: (c) => {
    const amount = rsd(28000, 60000);
    return inRange(
      c,
      periodStarts(c, 1).map((m) => ({
        day: m + int(4, 12),
        amount,
        desc: `RF PIO|penzija ${mmyyyy(toDate(m - 15))}`,
      })),
    );
  },
});
const subscriptionMonthly = (): Spec => {
  const s = pick([
    { v: ['SPOTIFY', 'Spotify P2B3C4D5 Stockholm SE', 'PAYPAL *SPOTIFY'], a: 69900 },
    { v: ['HBO MAX', 'HBOMAX.COM', 'HBO Max Amsterdam NL'], a: 59900 },
    { v: ['Google *YouTubePremium', 'GOOGLE*YOUTUBE PREMIUM g.co/helppay#'], a: 59900 },
    { v: ['DISNEY PLUS', 'DisneyPlus Amsterdam NL'], a: 109900 },
    { v: ['Apple.com/bill', 'APPLE.COM/BILL ITUNES.COM IE'], a: 34900 },
  ]);
  const day = int(1, 28);
  return {
    key: `sub-${s.v[0]}`,
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'subscriptions',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 1).map((m) => ({
          day: m + day - 1 + int(0, 2),
          amount: s.a + int(-400, 400),
          desc: `@CARD:${pick(s.v)}`,
        })),
      ),
  };
};
const loanMonthly = (): Spec => {
  const partija = `${int(100, 999)}-${digits(13)}-${int(10, 99)}`;
  const amount = rsd(9000, 42000);
  return {
    key: 'kredit',
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'transfer',
    events: (c) =>
      inRange(
        c,
        periodStarts(c, 1).map((m) => ({
          day: m + int(0, 3) + 9,
          amount,
          desc: pick([
            `Banka|Rata kredita ${partija}`,
            `Banka|Naplata anuiteta partija ${partija} ${mmyyyy(toDate(m))}`,
          ]),
        })),
      ),
  };
};

// ---------- weekly / biweekly ----------
const personWeekly = (): Spec => {
  const p = pick([
    {
      who: 'Milica Stanković',
      w: ['čišćenje', 'ciscenje stana', 'spremanje'],
      lo: 2500,
      hi: 3500,
      cat: 'transfer' as const,
    },
    {
      who: 'Nenad Kostić',
      w: ['časovi matematike', 'cas matematike', 'privatni čas'],
      lo: 2000,
      hi: 2000,
      cat: 'transfer' as const,
    },
    {
      who: 'Ivana Lazić',
      w: ['engleski', 'casovi engleskog', 'čas engleskog jezika'],
      lo: 1800,
      hi: 2400,
      cat: 'transfer' as const,
    },
  ]);
  const wd = int(1, 5);
  const fixed = rsd(p.lo, p.hi);
  return {
    key: `weekly-${p.who}`,
    direction: 'outgoing',
    frequency: 'weekly',
    category: p.cat,
    events: (c) => {
      const out: Event[] = [];
      let n = c.from;
      while (weekday(n) !== wd) n++;
      for (; n <= c.to; n += 7) {
        if (chance(0.07)) continue; // holiday / ill
        const d = n + pick([0, 0, 0, 0, 1, -1, 2]);
        out.push({
          day: d,
          amount: p.lo === p.hi ? fixed : rsd(p.lo, p.hi),
          desc: `${pick([p.who, p.who.toUpperCase(), ascii(p.who)])}|${pick(p.w)}`,
        });
      }
      return inRange(c, out);
    },
  };
};
const pocketWeekly = (): Spec => {
  const child = pick(['Luka', 'Sara', 'Vuk', 'Mia']);
  const amount = rsd(1000, 2000);
  return {
    key: 'dzeparac',
    direction: 'outgoing',
    frequency: 'weekly',
    category: 'transfer',
    events: (c) => {
      const out: Event[] = [];
      let n = c.from;
      while (weekday(n) !== 5) n++;
      for (; n <= c.to; n += 7)
        out.push({
          day: n + (chance(0.15) ? int(1, 3) : 0),
          amount,
          desc: `${child} ${pick(['Petrović', 'Petrovic'])}|džeparac`,
        });
      return inRange(c, out);
    },
  };
};
const trainingWeekly = (): Spec => {
  const who = pick([
    'Teniski klub Partizan',
    'Plivački klub Vojvodina',
    'Škola fudbala Zvezdice',
    'Dance studio Ritam',
  ]);
  const amount = rsd(1200, 2500);
  return {
    key: 'trening',
    direction: 'outgoing',
    frequency: 'weekly',
    category: 'entertainment',
    events: (c) => {
      const out: Event[] = [];
      let n = c.from;
      const wd = int(1, 6);
      while (weekday(n) !== wd) n++;
      for (; n <= c.to; n += 7) {
        if (toDate(n).slice(5, 7) === '08') continue; // summer break
        if (chance(0.06)) continue;
        out.push({ day: n, amount, desc: `@CARD:${who}` });
      }
      return inRange(c, out);
    },
  };
};
const babysitterBiweekly = (): Spec => {
  const who = pick(['Tamara Đorđević', 'Ana Milić']);
  return {
    key: 'bebisiterka',
    direction: 'outgoing',
    frequency: 'biweekly',
    category: 'transfer',
    events: (c) => {
      const out: Event[] = [];
      let n = c.from + int(0, 13);
      for (; n <= c.to; n += 14)
        out.push({
          day: n + pick([0, 0, 1, -1]),
          amount: rsd(6000, 9000),
          desc: `${pick([who, ascii(who)])}|${pick(['čuvanje deteta', 'cuvanje', 'bebisiterka dve nedelje'])}`,
        });
      return inRange(c, out);
    },
  };
};

// ---------- annual ----------
const annual = (): Spec => {
  const a = pick([
    { p: 'MUP RS registracija vozila', cat: 'transport' as const, lo: 9000, hi: 9000 },
    { p: 'Kasko AMS osiguranje', cat: 'utilities' as const, lo: 38000, hi: 46000 },
    { p: 'RNIDS domen', cat: 'subscriptions' as const, lo: 1900, hi: 1900 },
    { p: 'Planinarsko društvo Kopaonik članarina', cat: 'entertainment' as const, lo: 3000, hi: 3500 },
  ]);
  const doy = int(20, 330);
  return {
    key: `annual-${a.p}`,
    direction: 'outgoing',
    frequency: 'annually',
    category: a.cat,
    events: (c) => {
      const out: Event[] = [];
      let amount = rsd(a.lo, a.hi);
      for (let y = 2022; y <= 2027; y++) {
        out.push({ day: toDay(`${y}-01-01`) + doy + int(-12, 12), amount, desc: `${a.p}|${y}` });
        amount = Math.round((amount * (1 + int(0, 8) / 100)) / 100) * 100;
      }
      return inRange(c, out);
    },
  };
};

// ---------- look-alike negatives ----------
const shopDecoy = (): Spec => {
  const s = pick([
    { m: 'Restoran Dva jelena', lo: 2500, hi: 9000, gap: [18, 48] },
    { m: 'Frizerski salon Lana', lo: 1500, hi: 1900, gap: [22, 45] },
    { m: 'Apoteka Zegin 12', lo: 400, hi: 3800, gap: [6, 30] },
    { m: 'Veterinarska ambulanta Njuška', lo: 1800, hi: 6500, gap: [25, 70] },
    { m: 'Knjižara Vulkan', lo: 900, hi: 3800, gap: [20, 60] },
  ]);
  return {
    key: `decoy-${s.m}`,
    direction: 'outgoing',
    frequency: 'monthly',
    category: 'dining',
    decoy: true,
    events: (c) => {
      const out: Event[] = [];
      for (let n = c.from + int(0, 20); n <= c.to; n += int(s.gap[0]!, s.gap[1]!))
        out.push({ day: n, amount: rsd(s.lo, s.hi) + int(0, 99), desc: `@CARD:${s.m}` });
      return out;
    },
  };
};
const fuelDecoy = (): Spec => {
  const m = pick(['NIS Petrol BS 045', 'OMV Stanica 1123', 'Lukoil 77', 'MOL Srbija 14']);
  return {
    key: 'decoy-fuel',
    direction: 'outgoing',
    frequency: 'weekly',
    category: 'transport',
    decoy: true,
    events: (c) => {
      const out: Event[] = [];
      for (let n = c.from + int(0, 6); n <= c.to; n += int(3, 15))
        out.push({ day: n, amount: rsd(2500, 7500) + int(0, 99), desc: `@CARD:${m}` });
      return out;
    },
  };
};
const friendsDecoy = (): Spec => ({
  key: 'decoy-friends',
  direction: 'outgoing',
  frequency: 'monthly',
  category: 'transfer',
  decoy: true,
  events: (c) => {
    const out: Event[] = [];
    const names = ['Marko Ilić', 'Marko Savić', 'Marko Babić', 'Stefan Ilić'];
    for (let n = c.from + int(0, 30); n <= c.to; n += int(10, 55))
      out.push({
        day: n,
        amount: rsd(10, 150) * 100,
        desc: `${pick(names)}|${pick(['vraćam', 'za poklon', 'pozajmica', 'rođendan', ''])}`,
      });
    return out;
  },
});
const taxOneOffs = (): Spec => ({
  key: 'decoy-oneoff',
  direction: 'outgoing',
  frequency: 'annually',
  category: 'utilities',
  decoy: true,
  events: (c) =>
    Array.from({ length: int(1, 3) }, () => ({
      day: int(c.from, c.to),
      amount: rsd(500, 25000),
      desc: pick([
        'Gradska uprava|taksa za građevinsku dozvolu',
        'EPS Snabdevanje|priključak',
        'Dunav osiguranje|putno osiguranje',
        'Republička administrativna taksa|pasoš',
      ]),
    })),
});

const NOISE: Array<{ m: string; category: CategoryName; perWeek: number; lo: number; hi: number }> = [
  { m: 'Maxi 221', category: 'groceries', perWeek: 1.4, lo: 300, hi: 8500 },
  { m: 'Idea 0912', category: 'groceries', perWeek: 1.0, lo: 200, hi: 6000 },
  { m: 'Lidl Srbija KD', category: 'groceries', perWeek: 0.8, lo: 800, hi: 11000 },
  { m: 'Univerexport 7', category: 'groceries', perWeek: 0.5, lo: 250, hi: 5000 },
  { m: 'Pekara Trpković', category: 'dining', perWeek: 1.2, lo: 90, hi: 450 },
  { m: 'Kafe Bistro Pjaca', category: 'dining', perWeek: 0.5, lo: 250, hi: 1500 },
  { m: 'Wolt', category: 'dining', perWeek: 0.4, lo: 900, hi: 3500 },
  { m: 'DM drogerie markt', category: 'groceries', perWeek: 0.3, lo: 300, hi: 4000 },
  { m: 'Zara Delta City', category: 'groceries', perWeek: 0.05, lo: 2500, hi: 12000 },
  { m: 'CarGo', category: 'transport', perWeek: 0.4, lo: 350, hi: 1300 },
  { m: 'Cineplexx', category: 'entertainment', perWeek: 0.06, lo: 600, hi: 2200 },
  { m: 'Tehnomanija', category: 'groceries', perWeek: 0.03, lo: 1500, hi: 45000 },
];

const CATALOGUE = {
  quarterly: [propertyTax, insuranceQuarterly, buildingQuarterly, accountantQuarterly, rentIncomeQuarterly],
  monthly: [
    billMonthly,
    billMonthly,
    billMonthly,
    rentMonthly,
    kindergartenMonthly,
    gymMonthly,
    salaryMonthly,
    pensionMonthly,
    subscriptionMonthly,
    loanMonthly,
  ],
  weekly: [personWeekly, pocketWeekly, trainingWeekly, babysitterBiweekly],
  annual: [annual],
  decoys: [shopDecoy, shopDecoy, fuelDecoy, friendsDecoy, taxOneOffs],
};
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
};

function history(id: string, k: number): ReturnType<typeof assembleHistory> {
  const months = pick([15, 18, 21, 24, 30, 36]);
  const today = `${pick(['2026-10', '2026-12', '2027-02'])}-${pad(int(1, 28))}`;
  const to = toDay(today) - int(0, 3);
  const from = to - Math.round(months * 30.44);
  const [a, b] = [BANKS[k % BANKS.length]!, chance(0.3) ? pick(BANKS) : BANKS[k % BANKS.length]!];
  const switchDay = from + Math.floor((to - from) * (0.3 + rnd() * 0.4));
  const c: Ctx = { bank: (day) => (day < switchDay ? a : b), city: pick(CITIES), from, to };
  const specs: Spec[] = [
    ...sample(CATALOGUE.quarterly, int(1, 3)).map((f) => f()),
    ...sample(CATALOGUE.monthly, int(4, 7)).map((f) => f()),
    ...sample(CATALOGUE.weekly, int(0, 2)).map((f) => f()),
    ...(chance(0.5) ? [annual()] : []),
    ...sample(CATALOGUE.decoys, int(2, 4)).map((f) => f()),
  ];
  const rows: Row[] = [];
  const streams: PlannedStream[] = [];
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.key)) continue; // one instance of a kind per history
    seen.add(s.key);
    const mine: number[] = [];
    let description = '';
    for (const e of s.events(c)) {
      if (e.day > to) continue;
      const date = toDate(e.day);
      const bank = c.bank(e.day);
      const desc = (
        e.desc.startsWith('@CARD:')
          ? bank.card(e.desc.slice(6), c.city, date)
          : e.desc.startsWith('Banka|')
            ? e.desc.slice(6) // the bank's own debit: no payee
            : (s.direction === 'incoming' ? bank.credit : bank.order)(
                e.desc.split('|')[0]!,
                e.desc.split('|')[1] ?? '',
                date,
              )
      )
        .replace(/\s+/g, ' ')
        .trim();
      rows.push({
        date,
        amount: s.direction === 'incoming' ? e.amount : -e.amount,
        description: desc,
        category: s.category,
        pending: false,
      });
      mine.push(rows.length - 1);
      description = desc;
    }
    if (s.decoy) continue;
    const least =
      s.frequency === 'quarterly' || s.frequency === 'annually' ? 2 : s.frequency === 'monthly' ? 3 : 4;
    if (mine.length < least) continue;
    const variable = mine.some((r) => rows[r]!.amount !== rows[mine[0]!]!.amount);
    const period = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 92, annually: 366 }[s.frequency];
    const last = toDay(rows[mine[mine.length - 1]!]!.date);
    streams.push({
      key: s.key,
      description,
      direction: s.direction,
      frequency: s.frequency,
      amount_type: variable ? 'variable' : 'fixed',
      // Active while the next payment is not overdue by a whole period (as the other dev sets label it).
      is_active: to - last <= 2 * period,
      rows: mine,
    });
  }
  // Everyday noise.
  for (let n = from; n <= to; n++) {
    for (const z of NOISE) {
      if (!chance(z.perWeek / 7)) continue;
      rows.push({
        date: toDate(n),
        amount: -(int(z.lo, z.hi) * 100 + int(0, 99)),
        description: c.bank(n).card(z.m, c.city, toDate(n)).replace(/\s+/g, ' ').trim(),
        category: z.category,
        pending: false,
      });
    }
    if (chance(0.03))
      rows.push({
        date: toDate(n),
        amount: -rsd(1, 4) * 500,
        description: pick(['Isplata gotovine ATM', 'Bankomat isplata', 'ATM withdrawal']),
        category: 'transfer',
        pending: false,
      });
  }
  return assembleHistory(
    id,
    {
      today,
      note: `${a.name}${a === b ? '' : ` → ${b.name}`}, ${c.city}, ${months} months: streams paid by hand (quarterly tax, premiums, fees; monthly bills; weekly people), look-alikes`,
    },
    rows,
    streams,
  );
}

const HISTORY_COUNT = 36;
const histories = Array.from({ length: HISTORY_COUNT }, (_, k) => {
  rnd = mulberry32(909 + k * 104_729);
  return history(`H${String(k + 1).padStart(2, '0')}`, k);
});
writeFileSync(
  new URL('./data/recurring-dev-handpaid.json', import.meta.url),
  `[\n${histories.map((h) => JSON.stringify(h)).join(',\n')}\n]\n`,
);
const count = (f: Frequency): number =>
  histories.reduce((n, h) => n + h.streams.filter((s) => s.frequency === f).length, 0);
console.log(
  `wrote ${histories.length} histories, ${histories.reduce((n, h) => n + h.transactions.length, 0)} txns, ${histories.reduce((n, h) => n + h.streams.length, 0)} streams (weekly ${count('weekly')}, biweekly ${count('biweekly')}, monthly ${count('monthly')}, quarterly ${count('quarterly')}, annual ${count('annually')})`,
);
