import type { Rng } from './prng.js';

/** Belgrade neighbourhoods: where the account holder lives and shops. */
export interface Neighborhood {
  /** As card terminals print it: ASCII, no diacritics. */
  ascii: string;
  postalCode: string;
  streets: readonly string[];
}

export const NEIGHBORHOODS: readonly Neighborhood[] = [
  {
    ascii: 'Vracar',
    postalCode: '11000',
    streets: ['Njegoševa', 'Krunska', 'Maksima Gorkog', 'Kralja Milutina', 'Južni bulevar'],
  },
  {
    ascii: 'Novi Beograd',
    postalCode: '11070',
    streets: ['Bulevar Mihajla Pupina', 'Jurija Gagarina', 'Omladinskih brigada', 'Bulevar Zorana Đinđića'],
  },
  { ascii: 'Zemun', postalCode: '11080', streets: ['Glavna', 'Cara Dušana', 'Prvomajska', 'Ugrinovačka'] },
  {
    ascii: 'Zvezdara',
    postalCode: '11050',
    streets: ['Bulevar kralja Aleksandra', 'Vojislava Ilića', 'Dimitrija Tucovića'],
  },
  { ascii: 'Vozdovac', postalCode: '11010', streets: ['Vojvode Stepe', 'Ustanička', 'Kumodraška'] },
  { ascii: 'Cukarica', postalCode: '11030', streets: ['Požeška', 'Radnička', 'Šumadijska'] },
];

const MALE_NAMES = [
  'Marko',
  'Nikola',
  'Stefan',
  'Luka',
  'Milan',
  'Aleksandar',
  'Nemanja',
  'Dušan',
  'Petar',
  'Vuk',
  'Filip',
  'Miloš',
];
const FEMALE_NAMES = [
  'Jelena',
  'Milica',
  'Ana',
  'Marija',
  'Jovana',
  'Ivana',
  'Teodora',
  'Katarina',
  'Sara',
  'Tijana',
  'Nevena',
  'Dragana',
];
const SURNAMES = [
  'Jovanović',
  'Petrović',
  'Nikolić',
  'Marković',
  'Đorđević',
  'Stojanović',
  'Ilić',
  'Stanković',
  'Pavlović',
  'Milošević',
  'Popović',
  'Živković',
  'Todorović',
  'Kostić',
  'Lazić',
  'Obradović',
];
const MOBILE_PREFIXES = ['60', '61', '62', '63', '64', '65', '66', '69'];
const MAIL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'eunet.rs'];

/** Someone's full name, e.g. for a landlord or a friend a transfer goes to. */
export function randomFullName(rng: Rng): string {
  return `${rng.pick(rng.chance(0.5) ? MALE_NAMES : FEMALE_NAMES)} ${rng.pick(SURNAMES)}`;
}

/** E-mail local parts are ASCII: Serbian letters folded the way people type them. */
export function asciiFold(s: string): string {
  return s
    .replaceAll('Đ', 'Dj')
    .replaceAll('đ', 'dj')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

export interface Holder {
  first: string;
  last: string;
  neighborhood: Neighborhood;
  street: string;
  houseNumber: number;
  email: string;
  phone: string;
}

export function randomHolder(rng: Rng): Holder {
  const first = rng.pick(rng.chance(0.5) ? MALE_NAMES : FEMALE_NAMES);
  const last = rng.pick(SURNAMES);
  const neighborhood = rng.pick(NEIGHBORHOODS);
  const local = asciiFold(`${first}.${last}`).toLowerCase();
  const email = `${local}${rng.chance(0.4) ? rng.int(70, 99) : ''}@${rng.pick(MAIL_DOMAINS)}`;
  const subscriber = String(rng.int(1_000_000, 9_999_999));
  return {
    first,
    last,
    neighborhood,
    street: rng.pick(neighborhood.streets),
    houseNumber: rng.int(1, 120),
    email,
    phone: `+381 ${rng.pick(MOBILE_PREFIXES)} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`,
  };
}
