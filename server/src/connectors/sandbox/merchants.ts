import type { CategoryName } from '../../transactions/category-names.js';
import type { SandboxBank } from './account-number.js';
import type { City, Neighborhood } from './identity.js';
import type { Rng } from './prng.js';

export type Category = CategoryName;

/** Where a card was used, as the terminal reports it (ASCII, like card networks print it). */
export interface Outlet {
  label: string;
  city: string;
  online: boolean;
  /** The label already names the place (e.g. "DIS market Vracar"), so natural-style banks skip the city. */
  placeInLabel?: boolean;
}

/** When and with which card a card payment was made, as the bank prints it. */
export interface CardUse {
  /** YYYY-MM-DD */
  date: string;
  /** The card's first four and last four digits ("4176", "0213"). */
  first4: string;
  last4: string;
}

/** A processor that wraps online merchants on card statements ("PAYPAL *STEAM"). */
const PROCESSOR_PREFIX: Readonly<Record<string, string>> = {
  Steam: 'PAYPAL *',
  'Eventim.rs': 'SUMUP *',
};

/**
 * How each bank prints a card payment (invented, after the shape of real statements).
 * Raiffeisen: "Kupovina karticom 4176****0213 MAXI 0176 BEOGRAD SRB", online
 * "Internet kupovina 4176****0213 WOLT BEOGRAD SRB"; Erste: "Kartično plaćanje Maxi 0176 Beograd"
 * in shops, "Card payment Wolt Beograd 2026-10-19" online, "DIS market Vracar" as registered;
 * AIK: "Kupovina POS 19.10.2026 MAXI 0176 BEOGRAD SRB", online
 * "Kupovina internet 19.10.2026 *0213 WOLT BEOGRAD RS". Without `use` (older callers) the
 * plain shapes "POS KUPOVINA …" / "… Beograd" / "KUPOVINA POS … SRB" stay.
 */
export function cardDescription(bank: SandboxBank, o: Outlet, use?: CardUse): string {
  const label = use && o.online ? `${PROCESSOR_PREFIX[o.label] ?? ''}${o.label}` : o.label;
  const upper = `${label} ${o.city}`.toUpperCase();
  if (use === undefined) {
    switch (bank) {
      case 'raiffeisen':
        return o.online ? upper : `POS KUPOVINA ${upper}`;
      case 'erste':
        return o.placeInLabel ? o.label : `${o.label} ${o.city}`;
      case 'aik':
        return o.online ? `KUPOVINA INTERNET ${upper}` : `KUPOVINA POS ${upper} SRB`;
    }
  }
  const masked = `${use.first4}****${use.last4}`;
  const dotted = `${use.date.slice(8, 10)}.${use.date.slice(5, 7)}.${use.date.slice(0, 4)}`;
  switch (bank) {
    case 'raiffeisen':
      return o.online
        ? `Internet kupovina ${masked} ${upper} SRB`
        : `Kupovina karticom ${masked} ${upper} SRB`;
    case 'erste':
      if (o.online) return `Card payment ${label} ${o.city} ${use.date}`;
      return `Kartično plaćanje ${o.placeInLabel ? o.label : `${o.label} ${o.city}`}`;
    case 'aik':
      return o.online
        ? `Kupovina internet ${dotted} *${use.last4} ${upper} RS`
        : `Kupovina POS ${dotted} ${upper} SRB`;
  }
}

/** Each bank's card range (first four digits) in the sandbox: Visa, Mastercard, DinaCard. */
const CARD_FIRST4: Readonly<Record<SandboxBank, string>> = { raiffeisen: '4176', erste: '5351', aik: '9891' };

/** The card of an account: its bank's range and four digits taken from the account reference. */
export function cardOf(bank: SandboxBank, accountRef: string, date: string): CardUse {
  let last4 = '';
  // The IBAN ends in the account's control number: the four digits before it.
  for (let i = accountRef.length - 3; i >= 0 && last4.length < 4; i--) {
    const c = accountRef.charCodeAt(i);
    if (c >= 48 && c <= 57) last4 = accountRef[i] + last4;
  }
  return { date, first4: CARD_FIRST4[bank], last4: last4.padStart(4, '0') };
}

export function atmDescription(bank: SandboxBank, place: string, city = 'Beograd'): string {
  switch (bank) {
    case 'raiffeisen':
      return `ISPLATA GOTOVINE ATM RBA ${place.toUpperCase()} ${city.toUpperCase()}`;
    case 'erste':
      return `Isplata gotovine - bankomat Erste ${place}`;
    case 'aik':
      return `ATM ISPLATA AIK ${place.toUpperCase()} ${city.toUpperCase()}`;
  }
}

export function transferOutDescription(bank: SandboxBank, name: string): string {
  switch (bank) {
    case 'raiffeisen':
      return `Prenos - ${name}`;
    case 'erste':
      return `Uplata na račun - ${name}`;
    case 'aik':
      return `Nalog za prenos - ${name}`;
  }
}

export function transferInDescription(bank: SandboxBank, name: string): string {
  switch (bank) {
    case 'raiffeisen':
      return `Uplata - ${name}`;
    case 'erste':
      return `Priliv - ${name}`;
    case 'aik':
      return `Priliv na račun - ${name}`;
  }
}

export function interestDescription(bank: SandboxBank): string {
  switch (bank) {
    case 'raiffeisen':
      return 'Kamata';
    case 'erste':
      return 'Kamata - pripis';
    case 'aik':
      return 'Obračunata kamata';
  }
}

/** How receipts round: shop totals end in .99 or odd para, delivery in whole dinars, fuel anywhere. */
export type AmountStyle = 'retail' | 'whole' | 'fuel' | 'cash' | 'hundreds';

const CASH_NOTES = [2_000, 3_000, 5_000, 5_000, 10_000] as const;
export const CASH_MEAN = CASH_NOTES.reduce((a, b) => a + b, 0) / CASH_NOTES.length;

/** A positive amount in minor units from a value in major units. */
export function minorAmount(rng: Rng, major: number, style: AmountStyle): number {
  switch (style) {
    case 'whole':
      return Math.max(1, Math.round(major)) * 100;
    case 'fuel':
      return Math.max(1, Math.round(major * 100));
    case 'cash':
      return rng.pick(CASH_NOTES) * 100;
    case 'hundreds':
      return Math.max(1, Math.round(major / 100)) * 100 * 100;
    case 'retail': {
      const dinars = Math.max(1, Math.floor(major));
      const r = rng.next();
      const para = r < 0.45 ? 0 : r < 0.7 ? 99 : rng.int(1, 98);
      return dinars * 100 + para;
    }
  }
}

/** One kind of everyday spending for a person: how often, how much, where. */
export interface SpendKind {
  id: string;
  category: Category;
  /** Expected occurrences per week before weekday shaping. */
  weeklyRate: number;
  /** Range in major units (RSD), drawn log-uniformly. */
  min: number;
  max: number;
  style: AmountStyle;
  outlets: ReadonlyArray<readonly [Outlet, number]>;
  /** Card payments show as pending for a day or two; cash withdrawals and transfers book at once. */
  channel: 'card' | 'atm' | 'transfer';
}

/** The statement line for one occurrence of a spend kind at one of its outlets. */
export function spendDescription(bank: SandboxBank, kind: SpendKind, outlet: Outlet, use?: CardUse): string {
  switch (kind.channel) {
    case 'card':
      return cardDescription(bank, outlet, use);
    case 'atm':
      return atmDescription(bank, outlet.label, outlet.city);
    case 'transfer':
      return transferOutDescription(bank, outlet.label);
  }
}

const BG = 'Beograd';
const web = (label: string, city = BG): Outlet => ({ label, city, online: true });
const storeNo = (rng: Rng, digits: number): string =>
  String(rng.int(1, 10 ** digits - 1)).padStart(digits, '0');

/** Weekday shape per category (Mon … Sun), each averaging 1: big shops on Saturday, dinners on Friday. */
export const WEEKDAY_SHAPE: Readonly<Record<Category, readonly number[]>> = {
  groceries: [0.9, 0.9, 0.9, 0.95, 1.1, 1.4, 0.85],
  dining: [0.8, 0.8, 0.9, 1.0, 1.3, 1.3, 0.9],
  transport: [1.1, 1.1, 1.1, 1.1, 1.1, 0.75, 0.75],
  entertainment: [0.6, 0.6, 0.7, 0.9, 1.4, 1.6, 1.2],
  transfer: [1, 1, 1, 1, 1.2, 1, 0.8],
  rent: [1, 1, 1, 1, 1, 1, 1],
  utilities: [1, 1, 1, 1, 1, 1, 1],
  subscriptions: [1, 1, 1, 1, 1, 1, 1],
  salary: [1, 1, 1, 1, 1, 1, 1],
};

export interface Lifestyle {
  hasCar: boolean;
  /** Multiplies food delivery frequency (0.4 cooks at home … 1.8 orders most evenings). */
  delivery: number;
}

/** The everyday spending of someone living in `home`, with their own favourite shops. */
export function buildSpendKinds(
  rng: Rng,
  home: Neighborhood,
  city: City,
  life: Lifestyle,
  friends: readonly string[],
): SpendKind[] {
  // Shops print the holder's city; online merchants are registered in Belgrade.
  const shop = (label: string): Outlet => ({ label, city: city.ascii, online: false });
  const maxi = shop(`Maxi ${storeNo(rng, 4)}`);
  const supermarkets: Array<readonly [Outlet, number]> = [
    [maxi, 3],
    [shop(`Idea ${storeNo(rng, 4)}`), 2],
    [shop(`Lidl ${storeNo(rng, 4)}`), 2.5],
    [shop(`Univerexport ${storeNo(rng, 3)}`), 1],
    [shop(`Roda ${storeNo(rng, 2)}`), 1],
  ];
  const favourites = rng.sample(supermarkets, 3);
  const dis: Outlet = {
    label: `DIS market ${home.ascii}`,
    city: city.ascii,
    online: false,
    placeInLabel: true,
  };
  const corner: Array<readonly [Outlet, number]> = [
    [dis, 3],
    [maxi, 2],
    [shop(`Idea ${storeNo(rng, 4)}`), 2],
    [shop(`Aman ${storeNo(rng, 3)}`), 1],
  ];
  const bakeries = rng.sample(
    ['Pekara Trpkovic', 'Hleb i kifle', 'Pekara Toma', 'Pekara Mlinar', 'Pekara Plazma'],
    2,
  );
  const fuel = life.hasCar
    ? rng.weighted<Outlet>([
        [shop(`NIS Petrol BS ${storeNo(rng, 3)}`), 7],
        [shop(`OMV ${storeNo(rng, 4)}`), 1.5],
        [shop(`MOL ${storeNo(rng, 3)}`), 1.5],
      ])
    : null;

  const kinds: SpendKind[] = [
    {
      id: 'supermarket',
      category: 'groceries',
      weeklyRate: 1.2,
      min: 3_500,
      max: 11_000,
      style: 'retail',
      outlets: favourites,
      channel: 'card',
    },
    {
      id: 'corner',
      category: 'groceries',
      weeklyRate: 2,
      min: 350,
      max: 2_500,
      style: 'retail',
      outlets: corner,
      channel: 'card',
    },
    {
      id: 'bakery',
      // Bakeries are dining in the labelling guide (server/eval/LABELLING.md).
      category: 'dining',
      weeklyRate: 1.6,
      min: 120,
      max: 650,
      style: 'whole',
      outlets: bakeries.map((b) => [shop(b), 1] as const),
      channel: 'card',
    },
    {
      id: 'pharmacy',
      category: 'groceries',
      weeklyRate: 0.6,
      min: 350,
      max: 3_500,
      style: 'retail',
      outlets: [
        [shop('Apoteka Benu'), 2],
        [shop('Apoteka Beograd'), 1],
        [shop('Apoteka Zegin'), 1],
        [shop('Lilly drogerie'), 1.5],
        [shop('dm drogerie markt'), 1.5],
      ],
      channel: 'card',
    },
    {
      id: 'delivery',
      category: 'dining',
      weeklyRate: 1.3 * life.delivery,
      min: 950,
      max: 3_400,
      style: 'whole',
      outlets: [
        [web('Wolt'), 2],
        [web('Glovo'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'cafe',
      category: 'dining',
      weeklyRate: 1,
      min: 250,
      max: 750,
      style: 'whole',
      outlets: [
        [shop('Kafeterija'), 2],
        [shop('Koffein'), 1],
        [shop('Greenet'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'fastfood',
      category: 'dining',
      weeklyRate: 0.5,
      min: 550,
      max: 1_800,
      style: 'whole',
      outlets: [
        [shop(`McDonalds ${storeNo(rng, 2)}`), 2],
        [shop('Walter'), 1.5],
        [shop('Burrito Madre'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'restaurant',
      category: 'dining',
      weeklyRate: 0.3,
      min: 2_500,
      max: 8_500,
      style: 'whole',
      outlets: [
        [shop('Manufaktura'), 1],
        [shop('Mala fabrika ukusa'), 1],
        [shop('Zavicaj'), 1],
        [shop('Dva jelena'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'ride',
      category: 'transport',
      weeklyRate: life.hasCar ? 0.5 : 1.1,
      min: 380,
      max: 1_650,
      style: 'whole',
      outlets: [
        [web('CarGo'), 4],
        [web('Yandex Go'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'busplus',
      category: 'transport',
      weeklyRate: life.hasCar ? 0.05 : 0.2,
      min: 150,
      max: 2_200,
      style: 'whole',
      outlets: [[web('BusPlus'), 1]],
      channel: 'card',
    },
    {
      id: 'cinema',
      category: 'entertainment',
      weeklyRate: 0.18,
      min: 650,
      max: 2_600,
      style: 'whole',
      outlets: [
        [shop('Cineplexx Usce'), 2],
        [shop('Cineplexx Galerija'), 1],
        [shop('Cineplexx Delta City'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'tickets',
      category: 'entertainment',
      weeklyRate: 0.06,
      min: 1_500,
      max: 7_000,
      style: 'whole',
      outlets: [
        [web('Eventim.rs'), 1],
        [web('Tickets.rs'), 1],
      ],
      channel: 'card',
    },
    {
      id: 'books',
      category: 'entertainment',
      weeklyRate: 0.1,
      min: 900,
      max: 3_500,
      style: 'retail',
      outlets: [
        [shop('Vulkan knjizare'), 1],
        [shop('Delfi knjizare'), 1],
      ],
      channel: 'card',
    },
  ];
  kinds.push(
    {
      id: 'atm',
      category: 'transfer',
      weeklyRate: 0.55,
      min: 2_000,
      max: 10_000,
      style: 'cash',
      outlets: [
        [{ label: home.ascii, city: city.ascii, online: false }, 3],
        [{ label: city.centre, city: city.ascii, online: false }, 1],
      ],
      channel: 'atm',
    },
    {
      id: 'transfer-out',
      category: 'transfer',
      weeklyRate: 0.2,
      min: 1_000,
      max: 10_000,
      style: 'hundreds',
      outlets: friends.map((f) => [{ label: f, city: city.ascii, online: false }, 1] as const),
      channel: 'transfer',
    },
  );
  if (fuel)
    kinds.push({
      id: 'fuel',
      category: 'transport',
      weeklyRate: 0.55,
      min: 3_000,
      max: 7_500,
      style: 'fuel',
      outlets: [[fuel, 1]],
      channel: 'card',
    });
  return kinds;
}

/** Card spending of a foreign-currency current account, amounts in euros: trips and online shops. */
export const EURO_SPEND_KINDS: readonly SpendKind[] = [
  {
    id: 'booking',
    category: 'entertainment',
    weeklyRate: 0.12,
    min: 80,
    max: 450,
    style: 'fuel',
    outlets: [[web('Booking.com', 'Amsterdam'), 1]],
    channel: 'card',
  },
  {
    id: 'airbnb',
    category: 'entertainment',
    weeklyRate: 0.05,
    min: 120,
    max: 600,
    style: 'fuel',
    outlets: [[web('Airbnb', 'Dublin'), 1]],
    channel: 'card',
  },
  {
    id: 'flights',
    category: 'transport',
    weeklyRate: 0.1,
    min: 40,
    max: 250,
    style: 'fuel',
    outlets: [
      [web('Wizz Air', 'Budapest'), 2],
      [web('Air Serbia', 'Beograd'), 1],
    ],
    channel: 'card',
  },
  {
    id: 'steam',
    category: 'entertainment',
    weeklyRate: 0.15,
    min: 5,
    max: 60,
    style: 'fuel',
    outlets: [[web('Steam', 'Bellevue'), 1]],
    channel: 'card',
  },
];
