import { Rng } from './prng.js';

/** A neighbourhood: where the account holder lives and shops. */
export interface Neighborhood {
  /** As card terminals print it: ASCII, no diacritics. */
  ascii: string;
  postalCode: string;
  streets: readonly string[];
}

/** A Serbian city the account holder lives in, with its neighbourhoods. */
export interface City {
  /** As addresses print it ("Niš"). */
  name: string;
  /** As card terminals print it ("Nis"). */
  ascii: string;
  /** The central street with the banks' busiest ATMs. */
  centre: string;
  neighborhoods: readonly Neighborhood[];
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

const OTHER_CITIES: readonly City[] = [
  {
    name: 'Novi Sad',
    ascii: 'Novi Sad',
    centre: 'Zmaj Jovina',
    neighborhoods: [
      {
        ascii: 'Liman',
        postalCode: '21000',
        streets: ['Bulevar cara Lazara', 'Narodnog fronta', 'Fruškogorska'],
      },
      { ascii: 'Detelinara', postalCode: '21000', streets: ['Rumenačka', 'Janka Čmelika', 'Balzakova'] },
      { ascii: 'Grbavica', postalCode: '21000', streets: ['Puškinova', 'Gogoljeva', 'Bulevar oslobođenja'] },
    ],
  },
  {
    name: 'Niš',
    ascii: 'Nis',
    centre: 'Obrenoviceva',
    neighborhoods: [
      { ascii: 'Medijana', postalCode: '18000', streets: ['Vizantijski bulevar', 'Bulevar Nemanjića'] },
      { ascii: 'Pantelej', postalCode: '18000', streets: ['Vojvode Mišića', 'Bulevar 12. februar'] },
      { ascii: 'Crveni krst', postalCode: '18000', streets: ['Knjaževačka', 'Vojvode Putnika'] },
    ],
  },
  {
    name: 'Kragujevac',
    ascii: 'Kragujevac',
    centre: 'Kralja Petra I',
    neighborhoods: [
      { ascii: 'Aerodrom', postalCode: '34000', streets: ['Kneza Mihaila', 'Radoja Domanovića'] },
      {
        ascii: 'Bubanj',
        postalCode: '34000',
        streets: ['Kralja Aleksandra I Karađorđevića', 'Save Kovačevića'],
      },
    ],
  },
  {
    name: 'Subotica',
    ascii: 'Subotica',
    centre: 'Korzo',
    neighborhoods: [
      { ascii: 'Prozivka', postalCode: '24000', streets: ['Segedinski put', 'Bajski put'] },
      { ascii: 'Centar', postalCode: '24000', streets: ['Matije Korvina', 'Štrosmajerova'] },
    ],
  },
];

export const BELGRADE: City = {
  name: 'Beograd',
  ascii: 'Beograd',
  centre: 'Knez Mihailova',
  neighborhoods: NEIGHBORHOODS,
};

/** Where sandbox people live: Belgrade most often, then the other large cities. */
export const CITIES: readonly City[] = [BELGRADE, ...OTHER_CITIES];
const CITY_WEIGHTS: ReadonlyArray<readonly [City, number]> = [
  [BELGRADE, 5],
  ...OTHER_CITIES.map((c, i) => [c, [2, 1.3, 1, 0.8][i] ?? 1] as const),
];

/**
 * The city of a seed, from its own random stream (so every other draw of the person is the same
 * as before cities existed), and a neighbourhood and street there for a holder outside Belgrade.
 */
export function cityOf(seed: string): City {
  return new Rng(seed, 'city').weighted(CITY_WEIGHTS);
}

export function moveHolder(holder: Holder, seed: string, city: City): Holder {
  if (city === BELGRADE) return { ...holder, city };
  const rng = new Rng(seed, 'city', 'home');
  const neighborhood = rng.pick(city.neighborhoods);
  return { ...holder, city, neighborhood, street: rng.pick(neighborhood.streets) };
}

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
  /** Belgrade until `moveHolder` places the holder in their city. */
  city?: City;
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
