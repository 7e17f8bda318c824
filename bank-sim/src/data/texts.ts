// Serbian names, merchants and remittance texts used by the data generator.

export const MONTHS = [
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
] as const;

export const FIRST_NAMES = [
  'Marko',
  'Jelena',
  'Nikola',
  'Milica',
  'Stefan',
  'Ana',
  'Luka',
  'Jovana',
  'Nemanja',
  'Ivana',
  'Aleksandar',
  'Marija',
  'Dušan',
  'Teodora',
  'Miloš',
  'Katarina',
] as const;

export const LAST_NAMES = [
  'Petrović',
  'Jovanović',
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
  'Kovačević',
] as const;

export const EMPLOYERS = [
  'Delta Holding d.o.o.',
  'NIS a.d. Novi Sad',
  'Telekom Srbija a.d.',
  'Nordeus d.o.o.',
  'Microsoft Development Center Serbia',
  'Zdravstveni centar Beograd',
  'Osnovna škola Vuk Karadžić',
  'Gradska uprava Grada Novog Sada',
] as const;

/** Card merchants: name as it appears on the statement, and the amount range in dinars. */
export const MERCHANTS: readonly { name: string; min: number; max: number }[] = [
  { name: 'MAXI 123 BEOGRAD', min: 600, max: 7500 },
  { name: 'MAXI 418 NOVI SAD', min: 500, max: 6000 },
  { name: 'IDEA 45 BEOGRAD', min: 400, max: 5500 },
  { name: 'LIDL SRBIJA 0112 BEOGRAD', min: 700, max: 8000 },
  { name: 'UNIVEREXPORT 17 NOVI SAD', min: 300, max: 4000 },
  { name: 'DM DROGERIE 052 BEOGRAD', min: 450, max: 3800 },
  { name: 'APOTEKA BENU 31 BEOGRAD', min: 350, max: 4200 },
  { name: 'NIS PETROL BS 2104 BEOGRAD', min: 2500, max: 8500 },
  { name: 'WOLT BEOGRAD', min: 900, max: 3200 },
  { name: 'GLOVO NOVI SAD', min: 800, max: 2900 },
  { name: 'PEKARA TOMA BEOGRAD', min: 120, max: 650 },
  { name: 'GIGATRON 14 BEOGRAD', min: 2500, max: 12000 },
  { name: 'CINEPLEXX USCE BEOGRAD', min: 600, max: 2400 },
  { name: 'BOLT.EU TALLINN', min: 350, max: 1600 },
  { name: 'LILLY DROGERIE 88 NIS', min: 300, max: 3500 },
] as const;

export const LANDLORDS = ['Jovan Nikolić', 'Snežana Ilić', 'Dragan Pavlović', 'Vesna Todorović'] as const;
