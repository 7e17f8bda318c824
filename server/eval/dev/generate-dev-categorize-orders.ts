/**
 * Writes data/categorize-dev-orders.tsv: a DEVELOPMENT set (same hand as the rules, NOT held out)
 * of payments whose wording looks like a transfer — IPS / e-banking / payment orders, standing
 * orders and IPS QR payments to companies, public bodies and shops, with a purpose — beside real
 * transfers (people, own accounts, loans, cash, fees) whose purpose names something bought.
 * Labels follow eval/LABELLING.md: decide by what the money was for, not by the channel; a
 * payment to a person is a transfer unless it says rent. Written before the categoriser was
 * changed for this class. Seeded PRNG. Re-run: `npx tsx eval/dev/generate-dev-categorize-orders.ts`.
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
const ref = (): string => `97 ${int(10, 99)}-${int(1000, 9999)}-${int(100, 999)}`;
const acct = (): string =>
  `${pick(['160', '170', '205', '265', '325', '340'])}-${int(100000, 9999999)}-${int(10, 99)}`;

/** Order wordings as Serbian banks print them; the payee and the purpose are filled in. */
const ORDER: Array<(p: string, w: string) => string> = [
  (p, w) => `IPS NBS prenos ${p} ${w}`,
  (p, w) => `Nalog za prenos ${p} ${acct()} ${w}`,
  (p, w) => `Nalog za plaćanje ${p} ${w} poziv na broj ${ref()}`,
  (p, w) => `Instant plaćanje ${p} ${w}`,
  (p, w) => `Trajni nalog ${p} ${w}`,
  (p, w) => `E-banking nalog: ${p}, ${w}`,
  (p, w) => `Odliv - ${p} - ${w}`,
  (p, w) => `IPS QR plaćanje ${p} ${w}`,
  (p, w) => `ODLIV IPS ${ascii(p).toUpperCase()} ${ascii(w).toUpperCase()}`,
  (p, w) => `Payment order ${ascii(p)} ${ascii(w)}`,
  (p, w) => `Instant payment ${ascii(p)} ${ascii(w)}`,
  (p, w) => `Налог за пренос ${toCyr(p)} ${toCyr(w)}`,
  (p, w) => `Prenos na račun ${p.toUpperCase()} ${w} ${date()}`,
  (p, w) => `m-banking IPS ${p} ${w}`,
  (p, w) => `Plaćanje računa ${p} ${w}`,
];
/** Paying a shop by IPS at the till ("IPS Pokaži"/"IPS Skeniraj"): the shop is the payee. */
const IPS_POS: Array<(m: string) => string> = [
  (m) => `IPS Skeniraj plaćanje ${m}`,
  (m) => `IPS Pokaži ${m} ${date()}`,
  (m) => `Plaćanje IPS QR kodom na prodajnom mestu ${m}`,
  (m) => `IPS POS ${ascii(m).toUpperCase()}`,
];
const CREDIT: Array<(p: string, w: string) => string> = [
  (p, w) => `Priliv ${p} ${w}`,
  (p, w) => `IPS priliv ${p} ${w}`,
  (p, w) => `Uplata na račun od ${p} ${w}`,
  (p, w) => `Incoming payment ${ascii(p)} ${ascii(w)}`,
];

type Cat = CategoryName;
const rows: Array<[string, number, Cat]> = [];
const add = (desc: string, amount: number, cat: Cat): void => {
  rows.push([desc.replace(/\s+/g, ' ').trim(), amount, cat]);
};
/** [payee, purpose] pairs paid by order. */
const order = (cat: Cat, lo: number, hi: number, pairs: Array<[string, string]>): void => {
  for (const [p, w] of pairs) add(pick(ORDER)(p, w), -int(lo, hi), cat);
};
const ipsPos = (cat: Cat, lo: number, hi: number, shops: string[]): void => {
  for (const m of shops) add(pick(IPS_POS)(m), -int(lo, hi), cat);
};
const credit = (cat: Cat, lo: number, hi: number, pairs: Array<[string, string]>): void => {
  for (const [p, w] of pairs) add(pick(CREDIT)(p, w), int(lo, hi), cat);
};

// Household bills, taxes, insurance, schools: utilities.
order('utilities', 900, 30000, [
  ['JKP Infostan tehnologije', 'zaduženje 10/2026'],
  ['EPS Snabdevanje doo', 'račun za električnu energiju'],
  ['Elektroprivreda Srbije', 'ED broj 2044183'],
  ['Telekom Srbija ad', 'račun za 11/2026'],
  ['Yettel doo Beograd', 'mesečni račun'],
  ['A1 Srbija doo', 'pretplata za telefon'],
  ['SBB doo', 'kablovska i internet'],
  ['JKP Beogradske elektrane', 'grejanje novembar'],
  ['JKP Gradska toplana Niš', 'daljinsko grejanje'],
  ['JKP Vodovod i kanalizacija Novi Sad', 'voda 09/2026'],
  ['JKP Gradska čistoća', 'odvoz smeća'],
  ['Stambena zajednica Kralja Petra 15', 'održavanje zgrade'],
  ['Profesionalni upravnik Domus doo', 'upravljanje zgradom'],
  ['Poreska uprava', 'porez na imovinu IV kvartal'],
  ['Grad Kragujevac LPA', 'porez na imovinu fizičkih lica'],
  ['Budžet Republike Srbije', 'republička administrativna taksa'],
  ['MUP Republike Srbije', 'taksa za ličnu kartu'],
  ['Ministarstvo unutrašnjih poslova', 'saobraćajna kazna'],
  ['PU Radosno detinjstvo', 'vrtić za novembar'],
  ['Osnovna škola Vuk Karadžić', 'užina i osiguranje učenika'],
  ['Ekonomski fakultet Beograd', 'školarina druga rata'],
  ['Dunav osiguranje ado', 'premija osiguranja stana'],
  ['DDOR Novi Sad ado', 'polisa 1102334'],
  ['Generali osiguranje Srbija', 'životno osiguranje rata'],
  ['Wiener Städtische osiguranje', 'polisa dobrovoljnog zdravstvenog'],
  ['Srbijagas doo', 'gas za oktobar'],
  ['Javni medijski servis RTS', 'taksa'],
  ['Orion telekom', 'internet pretplata'],
  ['Uniqa osiguranje', 'putno osiguranje'],
  ['Energetika doo Kragujevac', 'grejanje 11/2026'],
]);
// Transport: fuel cards, tolls, parking, flights, trains, driving school, car service by invoice.
order('transport', 500, 90000, [
  ['Autoškola Safe Drive doo', 'obuka B kategorija'],
  ['Putevi Srbije', 'dopuna TAG uređaja'],
  ['JKP Parking servis', 'povlašćena parking karta'],
  ['Air Serbia ad', 'avio karta BEG-ZRH'],
  ['Srbijavoz ad', 'karta Beograd Novi Sad'],
  ['Auto servis Đokić doo', 'faktura 214/2026 mali servis'],
  ['Tehnički pregled Auto Centar Ivanović', 'registracija vozila'],
  ['NIS ad Novi Sad', 'gorivo po kartici za oktobar'],
  ['Vulkanizer Mića szr', 'zimske gume'],
  ['Lasta ad', 'mesečna karta'],
  ['Rent a car Budget doo', 'najam vozila'],
  ['Auto delovi Dijamant doo', 'predračun 55/2026'],
  ['JGSP Novi Sad', 'mesečna pretplatna karta'],
  ['Wizz Air Hungary', 'karta Niš Malme'],
]);
// Groceries by the guide: shops paid by IPS at the till, health services and goods by invoice.
ipsPos('groceries', 150, 12000, [
  'Maxi 0412',
  'Lidl Srbija KD',
  'DIS market',
  'Univerexport 212',
  'Apoteka Benu',
  'Mini market Kod Jovana',
  'Idea 1187',
  'DM drogerie markt',
]);
order('groceries', 1500, 120000, [
  ['Stomatološka ordinacija Osmeh', 'plomba i pregled'],
  ['Poliklinika Medigroup doo', 'specijalistički pregled'],
  ['Laboratorija Beolab', 'analiza krvi'],
  ['Gigatron doo', 'uplata po predračunu 10045'],
  ['Tehnomanija doo', 'predračun za frižider'],
  ['Forma Ideale doo', 'avans za nameštaj'],
  ['Optika Vid doo', 'naočare'],
  ['Apotekarska ustanova Beograd', 'lekovi'],
  ['Dom zdravlja Novi Sad', 'participacija'],
  ['Emmezeta doo', 'predračun kuhinja'],
  ['Kupujem prodajem doo', 'uplata za oglas i robu'],
  ['Mesara Zlatiborac doo', 'faktura za meso'],
]);
// Dining: catering, a restaurant booked for a celebration, cafés paid by IPS at the till.
order('dining', 1500, 90000, [
  ['Ketering Ukusno doo', 'ketering za slavu'],
  ['Restoran Ambar', 'avans za proslavu rođendana'],
  ['Poslastičarnica Pelivan', 'torta po porudžbini'],
  ['Kafana Stara Srbija doo', 'predračun za svadbu'],
  ['Picerija Gusto', 'porudžbina'],
]);
ipsPos('dining', 300, 5000, ['Kafe bar Ritam', 'Pekara Mlinar', 'Restoran Dačo', 'Caffe Central']);
// Entertainment: travel, gyms and clubs, tickets, hotels paid by order.
order('entertainment', 1500, 250000, [
  ['Turistička agencija Kon Tiki', 'aranžman Grčka jul'],
  ['Big Blue Travel doo', 'uplata za letovanje druga rata'],
  ['Fitness centar Forma', 'članarina novembar'],
  ['Sportski klub Crvena zvezda', 'članarina škola košarke'],
  ['Plesna škola Ritam', 'školarina za ples'],
  ['Narodno pozorište', 'karte za predstavu'],
  ['Hotel Zira doo', 'avans za smeštaj'],
  ['Apartmani Zlatibor doo', 'smeštaj 3 noćenja'],
  ['Plivački klub Partizan', 'članarina'],
  ['Tickets.rs', 'ulaznice za koncert'],
  ['Planinarsko društvo Kopaonik', 'godišnja članarina'],
  ['Ski centar Kopaonik', 'ski pass porodični'],
  ['Teniski klub Novak', 'treninzi za decu'],
]);
// Subscriptions paid by order: newspapers and magazines.
order('subscriptions', 800, 9000, [
  ['Politika AD', 'pretplata na dnevni list'],
  ['Nedeljnik Vreme', 'godišnja pretplata'],
  ['Dnevni list Danas', 'digitalna pretplata'],
  ['Nedeljnik doo', 'pretplata na časopis'],
  ['Kurir digital', 'pretplata premium'],
]);
// Rent: to agencies, student dorms, and landlords named with the word.
order('rent', 15000, 90000, [
  ['City Expert doo', 'zakup stana decembar'],
  ['Studentski centar Beograd', 'stanarina dom'],
  ['Agencija za nekretnine Kvadrat', 'kirija za novembar'],
  ['Milorad Jović', 'kirija decembar'],
  ['Stambeni fond doo', 'zakupnina stana'],
  ['Petra Savić', 'stanarina'],
]);
// Earned income that arrives as a plain transfer.
credit('salary', 20000, 250000, [
  ['Studio Pixel doo', 'honorar po ugovoru o delu'],
  ['Tehnogroup doo', 'isplata zarade 11/2026'],
  ['Univerzitet u Nišu', 'autorski honorar'],
  ['Comtrade doo', 'regres'],
  ['Fond PIO', 'penzija novembar'],
  ['Gradska uprava Novi Sad', 'studentska stipendija'],
]);

// Real transfers: to and from people (also when the purpose names something bought), own
// accounts, savings, loans, cards, cash, exchange, wallets, bank fees, donations.
order('transfer', 500, 60000, [
  ['Marko Petrović', 'za ručak'],
  ['Jelena Ilić', 'moj deo računa za struju'],
  ['Nikola Đorđević', 'karte za koncert'],
  ['Milica Savić', 'poklon za rođendan'],
  ['Stefan Pavlović', 'vraćam pozajmicu'],
  ['Ana Marković', 'za gorivo'],
  ['Dušan Kovačević', 'pica od sinoć'],
  ['Ivana Lazić', 'za letovanje'],
  ['Snežana Ilić', 'čišćenje stana'],
  ['Vesna Tomić', 'čuvanje dece'],
  ['Luka Petrović', 'džeparac'],
  ['Zoran Marković', 'za tatu'],
  ['Dragana Kostić', 'deo za poklon'],
  ['Petar Jović', 'vraćam dug'],
  ['Jovana Marić', ''],
  ['Aleksandar Stanković', 'hvala'],
  ['sopstveni račun', 'prenos na devizni račun'],
  ['Banca Intesa', 'prenos na štedni račun'],
  ['Banca Intesa ad', 'rata kredita 00-410-0123456'],
  ['OTP banka Srbija', 'uplata na kreditnu karticu'],
  ['Raiffeisen banka', 'otplata keš kredita'],
  ['Revolut', 'top-up'],
  ['Wise Europe', 'dopuna računa'],
  ['Fondacija Budi human', 'donacija za lečenje'],
  ['Crveni krst Srbije', 'donacija'],
  ['UNICEF Srbija', 'mesečna donacija'],
]);
add('Kupovina deviza EUR po kursu 117,35', -117350, 'transfer');
add('Prenos sa tekućeg na štedni račun', -20000, 'transfer');
add('Naknada za instant plaćanje', -50, 'transfer');
add('Provizija za nalog za prenos', -120, 'transfer');
add('Naplata rate kredita partija 265-3030', -32150, 'transfer');
add('Isplata gotovine na šalteru banke', -30000, 'transfer');
add('Trajni nalog prenos na račun štednje', -10000, 'transfer');
add('Mesečna naknada za paket računa', -399, 'transfer');
credit('transfer', 500, 80000, [
  ['Marko Jovanović', 'vraća pozajmicu'],
  ['Jelena Ilić', 'za ručak'],
  ['Petar Đurić', 'izdržavanje deteta'],
  ['Gigatron doo', 'povrat novca reklamacija'],
  ['Nikola Perić', 'kirija za stan'],
  ['Banca Intesa', 'prenos sa štednog računa'],
  ['Tehnomanija doo', 'storno'],
  ['Republika Srbija', 'dečiji dodatak'],
  ['Ana Ilić', 'deo za poklon'],
]);

const body = `# DEVELOPMENT set (same hand as the rules, NOT held out): payments whose wording looks like a transfer, and real transfers.\n# Generated by eval/dev/generate-dev-categorize-orders.ts; labels follow eval/LABELLING.md.\ndescription\tamount\tcategory\n${rows.map(([d, a, c]) => `${d}\t${a.toFixed(2)}\t${c}`).join('\n')}\n`;
writeFileSync(new URL('./data/categorize-dev-orders.tsv', import.meta.url), body);
console.log(`wrote ${rows.length} rows`);
