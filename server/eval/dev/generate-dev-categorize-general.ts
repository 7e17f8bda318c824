/**
 * Writes data/categorize-dev-general.tsv: a DEVELOPMENT set (same hand as the rules, NOT held out)
 * for the classes an independent batch named weak in aggregate: earned income worded in many ways
 * (pensions, fees, honoraria, bonuses, allowances, stipends from many kinds of payers) beside money
 * in that is not earned; digital subscriptions printed behind processors, app stores and foreign
 * wordings, and services nobody listed; unknown local businesses of every category that carry a
 * Serbian cue word (so groceries and transfer are not the fallbacks they should not be). Cyrillic
 * and Latin without diacritics. Labels follow eval/LABELLING.md.
 * Re-run: `npx tsx eval/dev/generate-dev-categorize-general.ts`.
 */
import { writeFileSync } from 'node:fs';
import type { CategoryName } from '../../src/transactions/category-names.js';
import { mulberry32 } from '../random.js';
import { ascii, toCyr } from './script-variants.js';

const rnd = mulberry32(20261207);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const pad = (n: number): string => String(n).padStart(2, '0');
const date = (): string => `${pad(int(1, 28))}.${pad(int(1, 12))}.2026`;
const CITIES = ['BEOGRAD', 'NOVI SAD', 'NIS', 'KRAGUJEVAC', 'CACAK', 'ZRENJANIN', 'SABAC', 'LESKOVAC'];
/** One text in one of the scripts Serbian statements print: as written, without diacritics, Cyrillic. */
const script = (s: string): string => {
  const r = rnd();
  return r < 0.45 ? s : r < 0.8 ? ascii(s) : toCyr(s);
};

type Cat = CategoryName;
const rows: Array<[string, string, Cat]> = [];
const add = (desc: string, amount: number, cat: Cat): void => {
  rows.push([desc.replace(/\s+/g, ' ').trim(), amount.toFixed(2), cat]);
};

// --- Money in: earned income in many wordings, from many kinds of payers. ---
const INCOMING: Array<(t: string) => string> = [
  (t) => `Priliv ${t}`,
  (t) => `Uplata ${t}`,
  (t) => `IPS priliv ${t}`,
  (t) => `${t}`,
  (t) => `Odobrenje računa ${t} ${date()}`,
  (t) => `Instant uplata ${t}`,
  (t) => `Incoming payment ${t}`,
  (t) => `Priliv po nalogu ${t} 170-00000${int(10000, 99999)}-${int(10, 99)}`,
];
const earned = [
  'Republički fond PIO isplata penzije',
  'Penzija za novembar',
  'Isplata penzije PIO',
  'Fond PIO penzija 11/2026',
  'Invalidska penzija',
  'Porodična penzija za oktobar',
  'Autorski honorar Radio Beograd',
  'Honorar za predavanje Fakultet tehničkih nauka',
  'Isplata po ugovoru o delu',
  'Ugovor o delu br. 14/2026',
  'Naknada po autorskom ugovoru',
  'Honorar prevod Prevodilačka agencija Lingva',
  'Bonus za kvartal',
  'Godišnji bonus Q3',
  'Isplata bonusa zaposlenima',
  'Stimulacija za oktobar',
  'Trinaesta plata',
  'Regres za godišnji odmor',
  'Topli obrok i regres',
  'Dnevnice za službeni put',
  'Isplata dnevnica Nemačka',
  'Naknada zarade bolovanje',
  'Studentska stipendija Ministarstvo prosvete',
  'Stipendija Fonda za mlade talente',
  'Isplata zarade 2. deo',
  'Akontacija zarade',
  'Konačni obračun zarade',
  'Naknada za rad u komisiji',
  'Naknada članu nadzornog odbora',
  'Isplata po računu za konsultantske usluge',
  'Honorar novinar Novosti',
  'Payroll ACME Software',
  'Salary payment November',
  'Contractor payment Deel',
  'Wage transfer Nordic Dev AB',
  'Bonus payment Q4',
  'Invoice 2026-11 consulting services',
  'Freelance payment Upwork',
  'Pension payment',
  'Isplata nagrade za rad',
  'Jubilarna nagrada',
  'Zarada za novembar Preduzetnik Marko Ilić PR',
];
for (const t of earned) add(pick(INCOMING)(script(t)), int(8000, 260000), 'salary');
// Money in that is not earned: a transfer by the guide.
const unearned = [
  'Povraćaj sredstava Gigatron',
  'Refund Booking.com',
  'Povrat poreza',
  'Kamata na štednju',
  'Oročena štednja dospeće',
  'Isplata kredita Banka Intesa',
  'Prenos sa deviznog računa',
  'Otkup deviza',
  'Uplata od Jelena Marković',
  'Dobitak Mozzart',
  'Poklon za rođendan',
  'Povrat pozajmice',
  'Dečiji dodatak',
  'Refundacija troškova Wolt',
  'Revolut transfer',
  'Sopstveni prenos',
  'Vraćanje duga Nikola',
  'Isplata osiguranja šteta DDOR',
];
for (const t of unearned) add(pick(INCOMING)(script(t)), int(1000, 90000), 'transfer');

// --- Digital subscriptions: processors, app stores, foreign wordings, services nobody listed. ---
const SUB_WRAP: Array<(m: string) => string> = [
  (m) => `E-COMMERCE ${m} ${pick(['IE', 'NL', 'US', 'GB', 'CY', 'LU'])}`,
  (m) => `Internet kupovina ${m} ${date()}`,
  (m) => `Card payment ${m} ${pick(['DUBLIN IE', 'NEW YORK US', 'LONDON GB', 'LIMASSOL CY'])}`,
  (m) => `Kupovina na internetu ${m} ${int(3, 25)},${pad(int(0, 99))} EUR`,
  (m) => `Plaćanje karticom ${m} ${pick(['USA', 'IRL', 'NLD', 'GBR'])}`,
  (m) => `POS ${m} ${pick(['CA US', 'AMSTERDAM', 'STOCKHOLM SE', 'BERLIN DE'])}`,
  (m) => `Online plaćanje ${m}`,
];
const subs = [
  'PADDLE.NET* NOTEPLAN',
  'PADDLE.NET *SETAPP',
  '2CO.COM*SURFSHARK',
  '2CO.COM|BITDEFENDER',
  'FS *FASTSPRING ALFRED',
  'DRI*NORTON',
  'DRI*AVAST SOFTWARE',
  'GOOGLE *YOUTUBEPREMIUM',
  'GOOGLE *Duolingo',
  'GOOGLE *Tinder',
  'APPLE.COM/BILL ITUNES.COM',
  'APPLE.COM/BILL 866-712-7753',
  'ITUNES.COM/BILL',
  'APP STORE Calm',
  'Google Play Headspace',
  'Google Play pretplata',
  'PAYPAL *PATREON',
  'PAYPAL *NORDVPN',
  'PAYPAL *TIDAL',
  'STRIPE *SUBSTACK',
  'NOTION LABS INC',
  'GRAMMARLY CO',
  'ZOOM.US 888-799-9666',
  'SLACK T0123ABC',
  'GITHUB INC',
  'JETBRAINS S.R.O.',
  'FIGMA MONTHLY',
  'MEDIUM MEMBERSHIP',
  'AUDIBLE UK',
  'CRUNCHYROLL',
  'MUBI',
  'DAZN LIMITED',
  'PARAMOUNT+',
  '1PASSWORD',
  'PROTON AG',
  'EXPRESSVPN',
  'LINKEDIN PREMIUM',
  'TWITCH INTERACTIVE',
  'OPENAI *CHATGPT SUBSCR',
  'MIDJOURNEY INC',
  'Pretplata Storytel',
  'Mesečna pretplata Arena Premium',
  'Pretplata na portal Nova.rs',
  'Godišnja pretplata Antivirus ESET',
  'Subscription renewal Evernote',
  'Recurring payment Babbel',
  'Monthly plan Strava',
  'Abonnement Deezer',
  'SPOTIFY P1A2B3C4D5',
  'NETFLIX.COM',
  'HBO MAX',
  'DISNEY PLUS',
  'MICROSOFT*XBOX GAME PASS',
  'MSFT * E0300ABCDE',
];
for (const m of subs) add(pick(SUB_WRAP)(m), -int(250, 4200), 'subscriptions');
// One-off digital purchases and goods abroad that must not become subscriptions.
add(`Internet kupovina STEAM PURCHASE ${date()}`, -int(800, 5000), 'entertainment');
add('E-COMMERCE TEMU.COM IE', -int(1500, 9000), 'groceries');
add('Card payment AMAZON MKTPLACE LUXEMBOURG LU', -int(2000, 12000), 'groceries');
add('Internet kupovina SHEIN.COM', -int(2000, 9000), 'groceries');
add('E-COMMERCE BOOKING.COM NL', -int(9000, 40000), 'entertainment');

// --- Unknown local businesses with a cue word, every category, card at a terminal. ---
const CARD: Array<(m: string) => string> = [
  (m) => `Kupovina karticom ${m} ${date()}`,
  (m) => `POS KUPOVINA ${date()} ${ascii(m).toUpperCase()} ${pick(CITIES)} RS`,
  (m) => `PLAĆANJE KARTICOM ${int(4000, 5999)} ${m.toUpperCase()} ${pick(CITIES)}`,
  (m) => `Куповина картицом ${toCyr(m)}`,
  (m) => `Transakcija na POS terminalu ${ascii(m)} ${pick(CITIES)}`,
  (m) => `DINACARD ${int(1000, 9999)} ${ascii(m).toUpperCase()}`,
  (m) => `Mastercard kupovina ${m} ${pick(CITIES)}`,
];
const local = (cat: Cat, lo: number, hi: number, payees: string[]): void => {
  for (const p of payees) add(pick(CARD)(p), -int(lo, hi), cat);
};
local('transport', 500, 18000, [
  'Auto servis Brzi',
  'Vulkanizer Točak',
  'Autoperionica Sjaj',
  'Benzinska pumpa Krnjevo',
  'Taksi Lux',
  'Parking garaža Obilićev venac',
  'Tehnički pregled Auto Ivić',
  'Auto delovi Mika',
  'Autobuska stanica Niš',
  'Železnička stanica Prokop',
  'Rent a car Drive',
  'Autopraonica Eko',
  'Gorivo Petrol Stop',
  'Mehaničarska radnja Zeka',
]);
local('entertainment', 400, 9000, [
  'Teretana Spartak',
  'Fitnes centar Forma',
  'Gym Iron',
  'Bazen Tašmajdan',
  'Bioskop Fontana',
  'Kladionica Srećko',
  'Knjižara Laguna',
  'Hotel Zlatibor',
  'Apartmani Sunce',
  'Igraonica Balončić',
  'Kuglana Strike',
  'Pozorište Boško Buha',
  'Escape room Enigma',
  'Sportski centar Voždovac',
  'Joga studio Prana',
  'Klizalište Pionir',
  'Pilates studio Core',
  'Kazino Admiral',
]);
local('dining', 250, 6000, [
  'Restoran Zavičaj',
  'Kafana Kod Dva Bela Goluba',
  'Pekara Zrno',
  'Poslastičarnica Bosiljčić',
  'Picerija Napoli',
  'Roštilj Kod Čede',
  'Kafić Oaza',
  'Bureksdžinica Sarajevo',
  'Ćevapi Leskovac',
  'Menza Studentski grad',
  'Splav Bahus',
  'Buregdžinica Pera',
  'Gril bar Sofra',
  'Kafeterija Kutak',
]);
local('groceries', 150, 12000, [
  'Prodavnica Bata',
  'Market Lenka',
  'Apoteka Lek',
  'Butik Elegant',
  'Mesara Zlatibor',
  'Obuća Korak',
  'Parfimerija Lepota',
  'Stomatolog dr Perić',
  'Očna optika Vizija',
  'Gvožđara Šraf',
  'Elektro materijal Struja',
  'Cvećara Ruža',
  'Pijaca Bajloni tezga 12',
  'Trafika Kiosk 7',
]);
// Unknown organisations by order with a cue word: utilities, rent, transport.
const ORDER: Array<(p: string) => string> = [
  (p) => `IPS NBS prenos ${p}`,
  (p) => `Nalog za prenos ${p} 160-00000${int(10000, 99999)}-${int(10, 99)}`,
  (p) => `Instant plaćanje ${p}`,
  (p) => `Trajni nalog ${p}`,
  (p) => `E-banking nalog: ${p}`,
];
const order = (cat: Cat, lo: number, hi: number, payees: string[]): void => {
  for (const p of payees) add(pick(ORDER)(script(p)), -int(lo, hi), cat);
};
order('utilities', 800, 30000, [
  'Stambena zajednica Bulevar 12 održavanje',
  'JKP Vodovod Leskovac račun',
  'Toplana Šabac grejanje',
  'Osiguranje vozila Milenijum',
  'Porez na imovinu Opština Zemun',
  'Vrtić Bambi školarina',
  'Kablovska televizija Kopernikus',
  'Upravnik zgrade Profi Stan',
  'Internet provajder Beotel račun',
]);
order('rent', 20000, 90000, ['Kirija za stan decembar', 'Zakup stana Agencija Kvadrat', 'Stanarina za sobu']);
order('transfer', 2000, 60000, [
  'Rata kredita 11/2026',
  'Otplata kreditne kartice',
  'Prenos na štedni račun',
  'Uplata na Revolut',
  'Provizija za vođenje računa',
  'Pozajmica Milan Jović',
]);

const header = [
  '# DEVELOPMENT set (generalisation) for the categoriser, written by the same hand as the rules (NOT held out).',
  '# Generated by eval/dev/generate-dev-categorize-general.ts; labels follow eval/LABELLING.md.',
  'description\tamount\tcategory',
];
writeFileSync(
  new URL('./data/categorize-dev-general.tsv', import.meta.url),
  `${[...header, ...rows.map((r) => r.join('\t'))].join('\n')}\n`,
);
console.log(`${rows.length} rows → eval/dev/data/categorize-dev-general.tsv`);
