/**
 * Writes recurring-histories.json: hand-written account specs (below) expanded into dated
 * transactions with a seeded PRNG, each history labelled with the streams it truly contains.
 * Re-run after editing a spec: `npx tsx eval/data/generate-recurring-histories.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../random.js';

type Frequency = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'annually';
type Direction = 'outgoing' | 'incoming';

export interface LabelledTransaction {
  id: string;
  date: string;
  amount: number;
  description: string;
  category: string;
  pending: boolean;
}
export interface TrueStream {
  key: string;
  description: string;
  direction: Direction;
  frequency: Frequency;
  amount_type: 'fixed' | 'variable';
  is_active: boolean;
  transaction_ids: string[];
}
export interface LabelledHistory {
  id: string;
  today: string;
  note: string;
  transactions: LabelledTransaction[];
  streams: TrueStream[];
}

// ---------- seeded randomness and dates ----------
let rnd = mulberry32(1);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const DAY = 86_400_000;
const toDay = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY;
const toDate = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const weekday = (n: number): number => new Date(n * DAY).getUTCDay(); // 0 = Sunday
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const MONTHS_CYR = ['јануар', 'фебруар', 'март', 'април', 'мај', 'јун', 'јул', 'август', 'септембар', 'октобар', 'новембар', 'децембар'];
const mm = (d: string): string => d.slice(5, 7);
const yyyy = (d: string): string => d.slice(0, 4);
const monthName = (d: string): string => MONTHS[Number(mm(d)) - 1]!;

// ---------- stream templates ----------
interface StreamSpec {
  key: string;
  direction: Direction;
  frequency: Frequency;
  category: string;
  desc: (date: string, i: number) => string;
  amount: number; // minor units, positive
  variable?: number; // relative noise per payment (0.15 = ±15%)
  seasonal?: number; // extra share in winter months (electricity, heating)
  day?: number; // day of month (monthly/quarterly/annually) or weekday (weekly/biweekly)
  shift?: 'next' | 'prev'; // what happens when the day falls on a weekend
  jitter?: number; // ± days of posting noise
  start?: string; // first possible date (default: history start)
  end?: string; // last payment no later than this: an ended stream
  miss?: number[]; // period indices skipped
  priceChange?: { from: string; amount: number };
  spike?: { index: number; factor: number }; // a one-off bonus in an otherwise fixed stream
  pendingLast?: boolean; // the latest payment is still pending (not part of the stream)
  extras?: number; // stray payments to the same payee at other amounts (not part of the stream)
  growth?: number; // price rises by this share every period (annual premium re-priced each year)
  decoy?: boolean; // payments that only look like a stream (irregular transfers): labelled no stream
}

const T = {
  plata: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'plata', direction: 'incoming', frequency: 'monthly', category: 'salary', amount, day: 10, shift: 'prev',
    desc: (d) => `Plata - ${monthName(d)} ${yyyy(d)}`, ...o }),
  plataCyr: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'plata', direction: 'incoming', frequency: 'monthly', category: 'salary', amount, day: 5, shift: 'prev',
    desc: (d) => `Плата за ${MONTHS_CYR[Number(mm(d)) - 1]} ${yyyy(d)}.`, ...o }),
  zarada: (employer: string, amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'zarada', direction: 'incoming', frequency: 'monthly', category: 'salary', amount, day: 15, shift: 'prev',
    desc: (d) => `Zarada ${mm(d)}/${yyyy(d)} - ${employer}`, ...o }),
  penzija: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'penzija', direction: 'incoming', frequency: 'monthly', category: 'income', amount, day: 12, shift: 'next',
    desc: (d) => `Penzija PIO fond ${mm(d)}/${yyyy(d)}`, ...o }),
  honorar: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'honorar', direction: 'incoming', frequency: 'biweekly', category: 'income', amount, day: 5,
    desc: (_d, i) => `Isplata honorara - Studio Pixel doo ref ${40210 + i}`, ...o }),
  zakupPrihod: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'zakup-prihod', direction: 'incoming', frequency: 'monthly', category: 'income', amount, day: 3, jitter: 2,
    desc: (d) => `Uplata zakupa stana - ${monthName(d)}`, ...o }),
  deciji: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'deciji', direction: 'incoming', frequency: 'monthly', category: 'income', amount, day: 20, shift: 'next',
    desc: (d) => `Dečiji dodatak ${mm(d)}.${yyyy(d)}`, ...o }),
  kirija: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'kirija', direction: 'outgoing', frequency: 'monthly', category: 'rent', amount, day: 1, shift: 'next',
    desc: (d) => `Kirija ${monthName(d)} ${yyyy(d)}`, ...o }),
  zakup: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'zakup', direction: 'outgoing', frequency: 'monthly', category: 'rent', amount, day: 2, shift: 'next',
    desc: (d) => `Zakup stana - ${monthName(d)} ${yyyy(d)}`, ...o }),
  netflix: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'netflix', direction: 'outgoing', frequency: 'monthly', category: 'subscriptions', amount: 79000, day: 14,
    desc: () => 'NETFLIX.COM', ...o }),
  spotify: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'spotify', direction: 'outgoing', frequency: 'monthly', category: 'subscriptions', amount: 59900, day: 22,
    desc: (_d, i) => `Spotify P${(2831 + i * 7) % 9999}A Stockholm`, ...o }),
  hbo: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'hbo', direction: 'outgoing', frequency: 'monthly', category: 'subscriptions', amount: 69900, day: 3,
    desc: () => 'HBO Max', ...o }),
  youtube: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'youtube', direction: 'outgoing', frequency: 'monthly', category: 'subscriptions', amount: 49900, day: 27,
    desc: () => 'Google YouTube Premium g.co/helppay', ...o }),
  eps: (base: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'eps', direction: 'outgoing', frequency: 'monthly', category: 'utilities', amount: base, variable: 0.12, seasonal: 0.6,
    day: 18, shift: 'next', jitter: 2, desc: (d) => `EPS Snabdevanje racun ${mm(d)}/${yyyy(d)}`, ...o }),
  infostan: (base: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'infostan', direction: 'outgoing', frequency: 'monthly', category: 'utilities', amount: base, variable: 0.15, seasonal: 0.3,
    day: 20, shift: 'next', jitter: 2, desc: (d) => `Infostan - ${monthName(d)} ${yyyy(d)}`, ...o }),
  telekom: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'telekom', direction: 'outgoing', frequency: 'monthly', category: 'phone', amount: 249900, day: 25, shift: 'next',
    desc: (_d, i) => `Telekom Srbija mts racun br. ${718220 + i * 13}`, ...o }),
  yettel: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'yettel', direction: 'outgoing', frequency: 'monthly', category: 'phone', amount: 199900, day: 16, shift: 'next',
    desc: (d) => `Yettel racun ${mm(d)}/${yyyy(d)}`, ...o }),
  a1: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'a1', direction: 'outgoing', frequency: 'monthly', category: 'phone', amount: 229900, variable: 0.2, day: 12, shift: 'next',
    desc: () => 'A1 Srbija - mesecni racun', ...o }),
  sbb: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'sbb', direction: 'outgoing', frequency: 'monthly', category: 'internet', amount: 349900, day: 8, shift: 'next',
    desc: (d) => `SBB EON paket ${monthName(d)}`, ...o }),
  fitpass: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'fitpass', direction: 'outgoing', frequency: 'monthly', category: 'fitness', amount: 490000, day: 1, jitter: 1,
    desc: () => 'FITPASS DOO Beograd', ...o }),
  stambena: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'stambena', direction: 'outgoing', frequency: 'monthly', category: 'housing', amount: 150000, day: 10, shift: 'next',
    desc: (d) => `Stambena zajednica Bulevar 12 - ${mm(d)}/${yyyy(d)}`, ...o }),
  kredit: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'kredit', direction: 'outgoing', frequency: 'monthly', category: 'loan', amount, day: 28, shift: 'prev',
    desc: (_d, i) => `Rata kredita 265-1100310000${i} Raiffeisen`, ...o }),
  generali: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'generali', direction: 'outgoing', frequency: 'quarterly', category: 'insurance', amount, day: 15, shift: 'next',
    desc: (_d, i) => `Generali osiguranje polisa 77-20419 rata ${(i % 4) + 1}/4`, ...o }),
  dunav: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'dunav', direction: 'outgoing', frequency: 'quarterly', category: 'insurance', amount, day: 5, shift: 'next',
    desc: () => 'Dunav osiguranje - kasko', ...o }),
  registracija: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'registracija', direction: 'outgoing', frequency: 'annually', category: 'transport', amount, variable: 0.02, day: 9, shift: 'next',
    desc: (d) => `Registracija vozila BG-${1000 + Number(yyyy(d)) % 100}-KT`, ...o }),
  godisnja: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'godisnja', direction: 'outgoing', frequency: 'annually', category: 'subscriptions', amount, day: 19,
    desc: (d) => `Godišnja pretplata Microsoft 365 ${yyyy(d)}`, ...o }),
  pijaca: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'pijaca', direction: 'outgoing', frequency: 'weekly', category: 'groceries', amount: 250000, variable: 0.3, day: 6, jitter: 1,
    desc: () => 'Pijaca Zeleni venac', ...o }),
  dzeparac: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'dzeparac', direction: 'outgoing', frequency: 'weekly', category: 'transfer', amount: 200000, day: 5,
    desc: () => 'Džeparac - Luka Petrović', ...o }),
  cuvanje: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'cuvanje', direction: 'outgoing', frequency: 'biweekly', category: 'transfer', amount: 1200000, day: 1,
    desc: () => 'Čuvanje deteta - Milica Ilić', ...o }),
  // Streams in the wrappings banks print (card, IPS, standing order, slip), with day jitter,
  // FX-priced amounts, skipped periods and ended streams: weekly, biweekly, quarterly, annual.
  trening: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'trening', direction: 'outgoing', frequency: 'weekly', category: 'entertainment', amount: 150000, day: 2, jitter: 1,
    desc: (d) => `Kupovina karticom 4058******7712 SC VOZDOVAC TERETANA ${d.slice(8, 10)}.${mm(d)}.${yyyy(d)} BEOGRAD`, ...o }),
  cistacica: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'cistacica', direction: 'outgoing', frequency: 'weekly', category: 'transfer', amount: 300000, day: 4, jitter: 2,
    desc: (_d, i) => `IPS NBS prenos na racun Milena Jovanovic 160-00000${41200 + i}-52 ciscenje`, ...o }),
  bazar: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'bazar', direction: 'outgoing', frequency: 'weekly', category: 'groceries', amount: 280000, variable: 0.25, day: 6, jitter: 1,
    desc: (d) => `POS KUPOVINA ${d.slice(8, 10)}.${mm(d)}.${yyyy(d)} ZELENA PIJACA FUTOSKA NOVI SAD`, ...o }),
  upwork: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'upwork', direction: 'incoming', frequency: 'biweekly', category: 'income', amount, variable: 0.03, day: 3, jitter: 2,
    desc: (_d, i) => `Priliv iz inostranstva UPWORK ESCROW INC ref ${880310 + i * 17} EUR`, ...o }),
  dadilja: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'dadilja', direction: 'outgoing', frequency: 'biweekly', category: 'transfer', amount: 1500000, day: 5, jitter: 1,
    desc: (d) => `Trajni nalog ${d.slice(8, 10)}.${mm(d)}.${yyyy(d)} - Jelena Nikolic - cuvanje deteta`, ...o }),
  porez: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'porez', direction: 'outgoing', frequency: 'quarterly', category: 'utilities', amount, day: 14, jitter: 4,
    desc: (d) => `Uplatnica porez na imovinu GU Beograd poziv na broj 97 ${mm(d)}${yyyy(d)}4412`, ...o }),
  googleOne: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'google-one', direction: 'outgoing', frequency: 'quarterly', category: 'subscriptions', amount: 89000, variable: 0.03, day: 9,
    desc: (d) => `Card payment GOOGLE *Google One ${yyyy(d)}-${mm(d)}-09 G.CO/HELPPAY IE`, ...o }),
  kasko: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'kasko', direction: 'outgoing', frequency: 'annually', category: 'utilities', amount, variable: 0.04, day: 21, jitter: 3,
    desc: (d) => `Kartično plaćanje DDOR NOVI SAD KASKO POLISA ${yyyy(d)} NOVI SAD`, ...o }),
  domen: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'domen', direction: 'outgoing', frequency: 'annually', category: 'subscriptions', amount: 180000, variable: 0.04, day: 2, jitter: 2,
    desc: (d) => `Kupovina POS ${d.slice(8, 10)}.${mm(d)}.${yyyy(d)} NAMECHEAP.COM PHOENIX US`, ...o }),
  // Payees whose wording changes from one payment to the next (person paid by IPS, by app, by
  // e-banking, in Cyrillic or Latin, with or without diacritics, account numbers, roman-numeral
  // quarters), card vs IPS wrappings of one shop, and annual premiums re-priced every year.
  ana: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'ana', direction: 'outgoing', frequency: 'weekly', category: 'transfer', amount: 250000, variable: 0.15, day: 5, jitter: 1, shift: 'next',
    desc: () => pick(['IPS Ana Petrović čišćenje', 'Ana Petrovic ciscenje stana', 'IPS prenos Ana Petrović 160-0000004412-33', 'Ана Петровић чишћење', 'Prenos na račun ANA PETROVIC']), ...o }),
  luka: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'luka', direction: 'outgoing', frequency: 'weekly', category: 'transfer', amount: 150000, variable: 0.3, day: 0, shift: 'next',
    desc: (d) => pick(['Džeparac Luka', `Dzeparac za Luku ${d.slice(8, 10)}.${mm(d)}.`, 'Uplata Luka Petrović džeparac', 'IPS Luka Petrovic džeparac']), ...o }),
  aman: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'aman', direction: 'outgoing', frequency: 'weekly', category: 'groceries', amount: 650000, variable: 0.35, day: 4, jitter: 1,
    desc: (d) => pick([`Kupovina karticom 4058******7712 AMAN ONLINE PRODAVNICA BEOGRAD`, `POS ${d.slice(8, 10)}.${mm(d)}.${yyyy(d)} AMAN DOO BEOGRAD SRB`, `Card payment AMAN ONLINE ${d}`]), ...o }),
  pixel: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'pixel', direction: 'incoming', frequency: 'biweekly', category: 'income', amount, variable: 0.1, day: 5, shift: 'next', jitter: 1,
    desc: (d) => pick(['Uplata honorara STUDIO PIXEL DOO', `Priliv Honorar Studio Pixel ${mm(d)}/${yyyy(d)}`, 'Studio Pixel doo - isplata po ugovoru']), ...o }),
  casovi: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'casovi', direction: 'outgoing', frequency: 'biweekly', category: 'transfer', amount: 400000, variable: 0.1, day: 2, jitter: 1,
    desc: () => pick(['IPS Jovan Marković časovi matematike', 'Jovan Markovic casovi', 'Prenos Jovan Markovic 325-9300600000123-44']), ...o }),
  porezKvartal: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'porez-kvartal', direction: 'outgoing', frequency: 'quarterly', category: 'utilities', amount, variable: 0.12, day: 15, jitter: 5, shift: 'next',
    desc: (d, i) => pick([`Porez na imovinu ${['I', 'II', 'III', 'IV'][i % 4]} kvartal ${yyyy(d)}`, `Порез на имовину ${['I', 'II', 'III', 'IV'][i % 4]} квартал`, `Porez na imovinu ${['I', 'II', 'III', 'IV'][i % 4]} kvartal ${yyyy(d)} GU Beograd`]), ...o }),
  wiener: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'wiener', direction: 'outgoing', frequency: 'annually', category: 'utilities', amount, growth: 0.09, day: 11, jitter: 4, shift: 'next',
    desc: (d) => pick([`Wiener Stadtische polisa kućno osiguranje ${yyyy(d)}`, `WIENER STADTISCHE OSIGURANJE AD ${yyyy(d)}`]), ...o }),
  dunavZivot: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'dunav-zivot', direction: 'outgoing', frequency: 'quarterly', category: 'utilities', amount, day: 1, shift: 'next',
    desc: (d) => pick(['Trajni nalog Dunav osiguranje zivot', `Dunav osiguranje polisa zivotnog osiguranja ${yyyy(d)}`, 'DUNAV OSIGURANJE ADO']), ...o }),
  klavir: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'klavir', direction: 'outgoing', frequency: 'weekly', category: 'transfer', amount: 200000, day: 2, jitter: 1,
    desc: () => pick(['Petrović Ana časovi klavira', 'IPS Ana Petrovic klavir', 'Ana Petrović - klavir', 'ANA PETROVIC CASOVI']), ...o }),
  fitZone: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'fit-zone', direction: 'outgoing', frequency: 'weekly', category: 'entertainment', amount: 120000, day: 1, jitter: 1, shift: 'next',
    desc: (d) => pick([`Kupovina karticom 4058******7712 FIT ZONE TERETANA ${d.slice(8, 10)}.${mm(d)}.${yyyy(d)} BEOGRAD`, 'IPS QR FIT ZONE DOO']), ...o }),
  triglav: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'triglav', direction: 'outgoing', frequency: 'quarterly', category: 'utilities', amount, day: 25, jitter: 3, shift: 'prev',
    desc: (_d, i) => pick([`Triglav osiguranje rata ${(i % 4) + 1}/4 polisa 1234`, 'TRIGLAV OSIGURANJE ADO BEOGRAD']), ...o }),
  tenis: (amount: number, o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'tenis', direction: 'outgoing', frequency: 'annually', category: 'entertainment', amount, growth: 0.1, day: 15, jitter: 6, shift: 'next',
    desc: (d) => pick([`Teniski klub Partizan godisnja clanarina ${yyyy(d)}`, 'TK PARTIZAN članarina']), ...o }),
  mama: (o: Partial<StreamSpec> = {}): StreamSpec => ({
    key: 'mama', direction: 'incoming', frequency: 'biweekly', category: 'transfer', amount: 1000000, variable: 0.5, day: 3, jitter: 6, decoy: true,
    desc: () => pick(['Uplata od mame', 'Mama - za račune', 'IPS Jelena Petrović poklon']), ...o }),
};

// ---------- occurrence dates ----------
function addMonthsDay(y: number, m: number, day: number): number {
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(day, last)) / DAY;
}

function shiftWeekend(n: number, how: StreamSpec['shift']): number {
  const wd = weekday(n);
  if (how === 'next') return wd === 6 ? n + 2 : wd === 0 ? n + 1 : n;
  if (how === 'prev') return wd === 6 ? n - 1 : wd === 0 ? n - 2 : n;
  return n;
}

function scheduledDays(s: StreamSpec, from: number, to: number): number[] {
  const days: number[] = [];
  if (s.frequency === 'weekly' || s.frequency === 'biweekly') {
    const step = s.frequency === 'weekly' ? 7 : 14;
    let n = from;
    while (weekday(n) !== (s.day ?? 1)) n++;
    for (; n <= to; n += step) days.push(n);
    return days;
  }
  const stepMonths = s.frequency === 'monthly' ? 1 : s.frequency === 'quarterly' ? 3 : 12;
  const start = new Date(from * DAY);
  for (let k = 0; ; k += stepMonths) {
    const n = addMonthsDay(start.getUTCFullYear(), start.getUTCMonth() + k, s.day ?? 1);
    if (n > to + 40) break;
    if (n >= from) days.push(n);
  }
  return days;
}

function winterShare(date: string): number {
  const m = Number(mm(date));
  return m === 12 || m <= 2 ? 1 : m === 11 || m === 3 ? 0.5 : 0;
}

// ---------- noise ----------
const GROCERS = ['MAXI 0412 Beograd', 'IDEA 1187 Novi Sad', 'LIDL Srbija KD 1022', 'DIS MARKET 54', 'Univerexport 212', 'Roda Mega 07'];
const DINING = ['WOLT Beograd', 'GLOVO*Order', 'Kafeterija Magazin 1907', 'Walter Bg 22', 'Pekara Trpkovic'];
const ONE_OFFS: Array<[string, string, number, number]> = [
  ['Gigatron Beograd', 'shopping', 800000, 9000000], ['IKEA Beograd', 'shopping', 500000, 6000000],
  ['Tehnomanija 33', 'shopping', 300000, 4000000], ['Air Serbia web', 'travel', 1500000, 6000000],
  ['Booking.com hotel', 'travel', 1000000, 5000000], ['Dr Stanković stomatolog', 'health', 500000, 3000000],
  ['Zara Usce', 'shopping', 300000, 1500000], ['Servis vozila Auto Čačak', 'transport', 800000, 4000000],
  ['EXIT festival ulaznica', 'entertainment', 900000, 1500000], ['Knjižara Vulkan', 'shopping', 90000, 400000],
];

// `habit`: a place visited roughly monthly but irregularly (hairdresser every 3–7 weeks): not a stream.
interface NoiseLevel { grocery: number; dining: number; fuel: boolean; cash: boolean; habit: boolean; oneOffs: number }
const NOISE: Record<'light' | 'normal' | 'heavy', NoiseLevel> = {
  light: { grocery: 0.18, dining: 0.05, fuel: false, cash: true, habit: false, oneOffs: 3 },
  normal: { grocery: 0.3, dining: 0.1, fuel: true, cash: true, habit: true, oneOffs: 5 },
  heavy: { grocery: 0.45, dining: 0.18, fuel: true, cash: true, habit: true, oneOffs: 8 },
};
const HABITS = ['Frizerski salon Lana', 'Apoteka Lilly 112', 'Veterinarska ambulanta Dr Vet', 'Perionica Blic'];

// ---------- history expansion ----------
interface HistorySpec { today: string; months: number; noise: keyof typeof NOISE; note: string; streams: StreamSpec[] }

function expand(id: string, spec: HistorySpec, seed: number): LabelledHistory {
  rnd = mulberry32(seed);
  const to = toDay(spec.today);
  const fromDate = new Date(to * DAY);
  fromDate.setUTCMonth(fromDate.getUTCMonth() - spec.months);
  const from = Math.floor(fromDate.getTime() / DAY);
  const rows: Array<Omit<LabelledTransaction, 'id'> & { stream?: string }> = [];
  const streams: Array<Omit<TrueStream, 'transaction_ids'> & { rows: number[] }> = [];

  for (const s of spec.streams) {
    const sFrom = s.start ? Math.max(from, toDay(s.start)) : from;
    const sTo = s.end ? Math.min(to, toDay(s.end)) : to;
    const rowsOfStream: number[] = [];
    let description = '';
    scheduledDays(s, sFrom, sTo).forEach((planned, i) => {
      if (s.miss?.includes(i)) return;
      const n = shiftWeekend(planned + (s.jitter ? int(-s.jitter, s.jitter) : 0), s.shift);
      if (n < from || n > sTo) return;
      const date = toDate(n);
      let amount = s.priceChange && date >= s.priceChange.from ? s.priceChange.amount : s.amount;
      if (s.seasonal) amount *= 1 + s.seasonal * winterShare(date);
      if (s.variable) amount *= 1 + (rnd() * 2 - 1) * s.variable;
      if (s.spike?.index === i) amount *= s.spike.factor;
      if (s.growth) amount *= (1 + s.growth) ** i;
      const pending = Boolean(s.pendingLast) && n > to - 3;
      const desc = s.desc(date, i);
      const sign = s.direction === 'outgoing' ? -1 : 1;
      rows.push({ date, amount: sign * Math.round(amount), description: desc, category: s.category, pending });
      if (!pending) {
        rowsOfStream.push(rows.length - 1);
        description = desc;
      }
    });
    for (let e = 0; e < (s.extras ?? 0); e++) {
      const sign = s.direction === 'outgoing' ? -1 : 1;
      const date = toDate(int(sFrom, sTo));
      rows.push({ date, amount: sign * Math.round(s.amount * (2 + rnd() * 2)), description: s.desc(date, 99), category: s.category, pending: false });
    }
    if (s.decoy) continue;
    streams.push({
      key: s.key, description, direction: s.direction, frequency: s.frequency,
      // Fixed only when every payment is exactly the same amount (any change is variable).
      amount_type: rowsOfStream.every((r) => rows[r]!.amount === rows[rowsOfStream[0]!]!.amount) ? 'fixed' : 'variable',
      is_active: !s.end, rows: rowsOfStream,
    });
  }

  const noise = NOISE[spec.noise];
  const grocers = [pick(GROCERS), pick(GROCERS), pick(GROCERS)];
  let nextFuel = from + int(3, 15);
  let nextCash = from + int(2, 20);
  const habit = pick(HABITS);
  let nextHabit = from + int(5, 40);
  for (let n = from; n <= to; n++) {
    const date = toDate(n);
    const pending = n > to - 2 && rnd() < 0.5;
    if (rnd() < noise.grocery) rows.push({ date, amount: -Math.round(30000 + rnd() ** 2 * 900000), description: pick(grocers), category: 'groceries', pending });
    if (rnd() < noise.dining) rows.push({ date, amount: -Math.round(60000 + rnd() * 400000), description: pick(DINING), category: 'dining', pending });
    if (noise.fuel && n >= nextFuel) {
      rows.push({ date, amount: -Math.round(300000 + rnd() * 600000), description: `NIS Petrol BS ${int(100, 999)}`, category: 'transport', pending });
      nextFuel = n + int(5, 24);
    }
    if (noise.cash && n >= nextCash) {
      rows.push({ date, amount: -int(1, 10) * 200000, description: `Bankomat isplata ATM ${int(1000, 9999)}`, category: 'cash', pending });
      nextCash = n + int(4, 30);
    }
    if (noise.habit && n >= nextHabit) {
      rows.push({ date, amount: -Math.round(150000 + rnd() * 350000), description: habit, category: 'personal', pending });
      nextHabit = n + int(21, 49);
    }
    if (rnd() < 0.06) rows.push({ date, amount: -Math.round(15000 + rnd() * 150000), description: pick(['CarGo voznja', 'BusPlus dopuna', 'Apoteka Benu', 'Trafika Stampa']), category: 'transport', pending });
  }
  // Each one-off shop appears once per history.
  const shops = [...ONE_OFFS].sort(() => rnd() - 0.5).slice(0, noise.oneOffs);
  for (const [d, c, lo, hi] of shops) {
    rows.push({ date: toDate(int(from, to)), amount: -int(lo, hi), description: d, category: c, pending: false });
  }
  if (rnd() < 0.7) rows.push({ date: toDate(int(from, to)), amount: int(5, 40) * 100000, description: 'Uplata - Marko Jovanović', category: 'transfer', pending: false });

  // Order by date (ids are assigned afterwards so they carry no hint of the streams).
  const order = rows.map((_, i) => i).sort((a, b) => (rows[a]!.date < rows[b]!.date ? -1 : rows[a]!.date > rows[b]!.date ? 1 : a - b));
  const idOf = new Map<number, string>();
  order.forEach((rowIndex, k) => idOf.set(rowIndex, `${id}-${String(k + 1).padStart(4, '0')}`));
  return {
    id, today: spec.today, note: spec.note,
    transactions: order.map((i) => ({ id: idOf.get(i)!, ...rows[i]! })),
    streams: streams.map(({ rows: r, ...s }) => ({ ...s, transaction_ids: r.map((i) => idOf.get(i)!) })),
  };
}

// ---------- the hand-written specs ----------
const SPECS: HistorySpec[] = [
  { today: '2026-03-16', months: 14, noise: 'normal', note: 'salaried renter, classic set',
    streams: [T.plata(9500000), T.kirija(4500000), T.netflix(), T.eps(450000), T.infostan(780000), T.telekom()] },
  { today: '2026-02-27', months: 13, noise: 'heavy', note: 'Netflix price change 790 → 1.190',
    streams: [T.plata(12000000, { day: 8 }), T.netflix({ priceChange: { from: '2025-10-01', amount: 119000 } }), T.spotify(), T.eps(520000), T.yettel()] },
  { today: '2026-03-05', months: 18, noise: 'normal', note: 'Spotify ended, Fitpass started',
    streams: [T.zarada('NIS a.d. Novi Sad', 14250000), T.spotify({ end: '2025-07-30' }), T.fitpass({ start: '2025-11-20' }), T.sbb(), T.infostan(690000), T.generali(1250000)] },
  { today: '2026-01-20', months: 24, noise: 'light', note: 'pensioner, annual registration',
    streams: [T.penzija(5830000), T.eps(380000), T.infostan(610000), T.a1(), T.registracija(3350000, { day: 12 })] },
  { today: '2026-03-10', months: 14, noise: 'normal', note: 'weekly market on Saturdays, missed weeks',
    streams: [T.plata(8700000), T.pijaca({ miss: [5, 17, 30] }), T.zakup(5200000), T.eps(410000), T.telekom()] },
  { today: '2026-03-18', months: 13, noise: 'heavy', note: 'freelancer paid biweekly',
    streams: [T.honorar(4500000), T.kirija(6000000, { day: 5 }), T.netflix(), T.youtube(), T.yettel(), T.infostan(720000)] },
  { today: '2026-02-14', months: 12, noise: 'normal', note: 'missed months on phone and internet',
    streams: [T.plata(10400000), T.telekom({ miss: [4] }), T.sbb({ miss: [7] }), T.eps(480000), T.stambena()] },
  { today: '2026-03-25', months: 15, noise: 'normal', note: 'quarterly insurance and loan',
    streams: [T.zarada('Delta Holding', 16800000), T.kredit(3280000), T.generali(980000, { day: 28 }), T.dunav(2140000), T.netflix(), T.a1()] },
  { today: '2026-03-02', months: 25, noise: 'light', note: 'two annual payments',
    streams: [T.plata(7600000), T.godisnja(899900), T.registracija(2870000), T.eps(350000), T.infostan(540000), T.hbo({ end: '2025-03-10' })] },
  { today: '2026-03-12', months: 14, noise: 'heavy', note: 'weekly allowance with stray extra transfers',
    streams: [T.plata(11300000), T.dzeparac({ extras: 3 }), T.kirija(5000000), T.spotify(), T.telekom()] },
  { today: '2026-02-20', months: 14, noise: 'normal', note: 'biweekly babysitter, variable phone',
    streams: [T.plata(9900000, { day: 7 }), T.cuvanje(), T.a1(), T.eps(600000), T.infostan(850000), T.fitpass()] },
  { today: '2026-03-15', months: 13, noise: 'normal', note: 'Cyrillic salary descriptions',
    streams: [T.plataCyr(8300000), T.kirija(3800000), T.netflix({ day: 31 }), T.telekom(), T.infostan(600000)] },
  { today: '2026-03-20', months: 16, noise: 'light', note: 'landlord: rent received, child allowance',
    streams: [T.zakupPrihod(4000000), T.deciji(350000), T.penzija(4420000), T.eps(300000), T.stambena()] },
  { today: '2026-03-08', months: 14, noise: 'heavy', note: 'moved flat: old rent ended, new started',
    streams: [T.plata(13200000), T.kirija(4200000, { end: '2025-08-05' }), T.zakup(5500000, { start: '2025-08-20' }), T.sbb(), T.yettel(), T.netflix()] },
  { today: '2026-03-17', months: 13, noise: 'normal', note: 'salary with December bonus',
    streams: [T.plata(10100000, { spike: { index: 9, factor: 1.6 } }), T.zakup(4800000), T.spotify(), T.eps(470000), T.telekom()] },
  { today: '2026-02-25', months: 14, noise: 'normal', note: 'pending latest salary and rent',
    streams: [T.plata(9200000, { day: 24, pendingLast: true }), T.kirija(4100000, { day: 24, pendingLast: true }), T.netflix(), T.a1(), T.infostan(700000)] },
  { today: '2026-03-14', months: 13, noise: 'light', note: 'small household',
    streams: [T.penzija(3900000), T.infostan(520000), T.telekom({ amount: 159900 }), T.pijaca({ amount: 150000, day: 3 })] },
  { today: '2026-03-03', months: 14, noise: 'heavy', note: 'many subscriptions, HBO ended',
    streams: [T.plata(15000000), T.netflix(), T.spotify(), T.youtube(), T.hbo({ end: '2025-09-05' }), T.sbb(), T.fitpass(), T.yettel()] },
  { today: '2026-03-19', months: 14, noise: 'normal', note: 'SBB price change and quarterly Generali',
    streams: [T.zarada('Telenor doo', 12900000), T.sbb({ priceChange: { from: '2025-07-01', amount: 379900 } }), T.generali(1430000), T.eps(520000), T.kirija(4600000)] },
  { today: '2026-02-10', months: 14, noise: 'normal', note: 'salary paid late in month, loan',
    streams: [T.plata(8800000, { day: 28 }), T.kredit(1960000, { day: 15 }), T.infostan(660000), T.telekom(), T.netflix({ priceChange: { from: '2026-01-01', amount: 119000 } })] },
  { today: '2026-03-22', months: 13, noise: 'heavy', note: 'student: only allowance and phone',
    streams: [T.zakupPrihod(2500000, { key: 'prenos-roditelji', desc: (d) => `Prenos od roditelja - ${monthName(d)}`, day: 1 }), T.yettel({ amount: 99900 }), T.spotify({ amount: 29900 })] },
  { today: '2026-03-11', months: 14, noise: 'normal', note: 'Fitpass ended, A1 variable',
    streams: [T.plata(9700000), T.fitpass({ end: '2025-10-02' }), T.a1(), T.eps(440000), T.zakup(4700000), T.youtube()] },
  { today: '2026-03-26', months: 26, noise: 'light', note: 'long history, annual and quarterly',
    streams: [T.zarada('Microsoft Development Center Serbia', 32000000), T.registracija(4100000, { day: 25 }), T.godisnja(1049900, { day: 3 }), T.dunav(3100000), T.sbb(), T.infostan(910000)] },
  { today: '2026-01-30', months: 14, noise: 'normal', note: 'biweekly babysitter ended, weekly market',
    streams: [T.plata(9400000), T.cuvanje({ end: '2025-06-30' }), T.pijaca({ amount: 320000 }), T.telekom(), T.eps(390000)] },
  { today: '2026-03-06', months: 14, noise: 'heavy', note: 'two incomes',
    streams: [T.plata(8100000), T.honorar(2500000, { day: 3 }), T.kirija(3500000), T.netflix(), T.a1(), T.infostan(580000)] },
  { today: '2026-03-13', months: 13, noise: 'normal', note: 'missed rent month, extra transfers to the landlord',
    streams: [T.plata(7900000), T.kirija(3900000, { miss: [6], extras: 5 }), T.spotify({ miss: [3] }), T.eps(420000), T.yettel()] },
  { today: '2026-03-09', months: 14, noise: 'normal', note: 'jittery posting dates',
    streams: [T.plata(11800000, { jitter: 2 }), T.zakup(5300000, { jitter: 3 }), T.telekom({ jitter: 2 }), T.sbb({ jitter: 2 }), T.infostan(750000)] },
  { today: '2026-02-18', months: 13, noise: 'light', note: 'pensioner couple, weekly transfer to grandson',
    streams: [T.penzija(4700000), T.penzija(3600000, { key: 'penzija-2', desc: (d) => `PIO fond penzija ${monthName(d)} - Ružica`, day: 20 }), T.dzeparac({ amount: 100000, day: 0 }), T.infostan(560000), T.telekom({ amount: 139900 })] },
  { today: '2026-03-21', months: 14, noise: 'heavy', note: 'heavy spender, few streams',
    streams: [T.zarada('Nordeus', 21000000), T.netflix({ priceChange: { from: '2025-06-01', amount: 119000 } }), T.yettel({ amount: 299900 })] },
  { today: '2026-03-04', months: 15, noise: 'normal', note: 'quarterly Generali ended, Dunav continues',
    streams: [T.plata(10600000), T.generali(1150000, { end: '2025-06-30' }), T.dunav(1870000, { day: 20 }), T.kirija(4300000), T.eps(500000), T.telekom()] },
  { today: '2026-03-27', months: 13, noise: 'normal', note: 'salary with small monthly variation',
    streams: [T.plata(9000000, { variable: 0.02 }), T.stambena(), T.infostan(640000), T.spotify(), T.a1()] },
  { today: '2026-02-23', months: 14, noise: 'heavy', note: 'couple: rent split, biweekly income',
    streams: [T.honorar(3800000, { day: 4 }), T.zakup(2800000), T.netflix(), T.sbb(), T.eps(460000), T.pijaca({ amount: 200000, miss: [10, 11] })] },
  { today: '2026-03-07', months: 14, noise: 'light', note: 'only groceries and one-offs besides salary',
    streams: [T.plata(6800000)] },
  { today: '2026-03-24', months: 14, noise: 'heavy', note: 'salary on the last working day, late-paid bills',
    streams: [T.plata(10900000, { day: 31 }), T.infostan(820000, { jitter: 5 }), T.eps(530000, { jitter: 4 }), T.telekom({ jitter: 4 }), T.zakup(4900000)] },
  { today: '2026-03-01', months: 20, noise: 'normal', note: 'quarterly paid loosely, Spotify price change, YouTube ended',
    streams: [T.zarada('Yettel doo', 13500000), T.generali(1300000, { jitter: 6 }), T.spotify({ priceChange: { from: '2025-09-01', amount: 69900 } }), T.youtube({ end: '2025-11-30' }), T.a1(), T.kirija(5100000)] },
  { today: '2026-03-18', months: 14, noise: 'normal', note: 'weekly gym by card, weekly cleaner by IPS with skipped weeks',
    streams: [T.plata(9800000), T.trening(), T.cistacica({ miss: [6, 7, 20, 35] }), T.kirija(4400000), T.telekom()] },
  { today: '2026-03-05', months: 13, noise: 'heavy', note: 'freelancer paid biweekly in EUR (FX), biweekly nanny by standing order',
    streams: [T.upwork(6200000), T.dadilja({ miss: [9] }), T.zakup(5000000), T.netflix(), T.eps(450000)] },
  { today: '2026-03-23', months: 26, noise: 'normal', note: 'quarterly property tax and Google One, annual casco and domain',
    streams: [T.plata(10200000), T.porez(640000), T.googleOne(), T.kasko(4800000), T.domen(), T.infostan(700000)] },
  { today: '2026-02-27', months: 14, noise: 'heavy', note: 'weekly market in Novi Sad, gym ended, price change at the cleaner',
    streams: [T.zarada('NCR Voyix', 14500000), T.bazar({ miss: [12] }), T.trening({ end: '2025-11-15', day: 3 }), T.cistacica({ priceChange: { from: '2025-09-01', amount: 350000 } }), T.a1()] },
  { today: '2026-03-12', months: 25, noise: 'normal', note: 'quarterly tax skipped once, annual domain with FX, biweekly FX income ended',
    streams: [T.plata(8700000), T.porez(910000, { miss: [3], day: 10 }), T.domen({ day: 15 }), T.upwork(3100000, { end: '2025-10-20', day: 4 }), T.spotify()] },
  // Payees whose wording changes every time, card vs IPS wrappings, variable weekly amounts posted
  // on Monday after a weekend, skipped weeks, short streams, re-priced annual premiums.
  { today: '2026-03-16', months: 13, noise: 'normal', note: 'cleaning lady by IPS, wording changes each time, Friday or Monday, skipped weeks; pocket money',
    streams: [T.plata(9600000), T.ana({ miss: [8, 9, 30, 31, 44] }), T.luka({ miss: [20] }), T.kirija(4200000), T.telekom()] },
  { today: '2026-03-09', months: 14, noise: 'heavy', note: 'weekly grocery delivery by card in three wrappings, biweekly income in changing wording',
    streams: [T.pixel(5400000), T.aman({ miss: [15, 16] }), T.zakup(5100000), T.netflix(), T.eps(470000)] },
  { today: '2026-03-20', months: 37, noise: 'light', note: 'quarterly tax with roman-numeral quarters in Latin and Cyrillic, annual premium re-priced yearly, life insurance by standing order',
    streams: [T.penzija(4900000), T.porezKvartal(820000), T.wiener(1650000), T.dunavZivot(1200000), T.infostan(630000)] },
  { today: '2026-03-11', months: 12, noise: 'normal', note: 'short streams: tutor started six weeks ago, cleaner at a fixed fee started five weeks ago, quarterly tax only three times',
    streams: [T.plata(8900000), T.casovi({ start: '2026-01-26' }), T.ana({ start: '2026-02-03', variable: 0 }), T.porezKvartal(560000, { start: '2025-07-01', variable: 0 }), T.spotify(), T.a1()] },
  { today: '2026-02-26', months: 14, noise: 'heavy', note: 'biweekly tutor paid in changing wording with a skipped lesson, weekly pocket money with skipped weeks',
    streams: [T.zarada('Comtrade', 11700000), T.casovi({ miss: [7, 19] }), T.luka({ miss: [3, 4, 25, 40], amount: 100000 }), T.sbb(), T.infostan(700000)] },
  { today: '2026-03-17', months: 15, noise: 'normal', note: 'weekly piano lessons paid to a person in four wordings with a summer break, weekly gym by card or IPS QR, irregular money from mum',
    streams: [T.plata(10300000), T.klavir({ miss: [20, 21, 22, 23, 24, 25, 26, 27] }), T.fitZone({ miss: [3, 30] }), T.mama(), T.kirija(4600000), T.yettel()] },
  { today: '2026-03-03', months: 38, noise: 'normal', note: 'quarterly insurance in two wordings, annual tennis club fee re-priced yearly, biweekly tutor ended',
    streams: [T.zarada('Vip mobile', 12400000), T.triglav(1350000), T.tenis(3600000), T.casovi({ end: '2025-06-20', start: '2025-01-10' }), T.infostan(760000), T.netflix()] },
];

export function buildHistories(): LabelledHistory[] {
  return SPECS.map((spec, i) => expand(`h${String(i + 1).padStart(2, '0')}`, spec, 1000 + i * 7919));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const histories = buildHistories();
  // One history per line keeps the file small yet diffable.
  const body = `[\n${histories.map((h) => JSON.stringify(h)).join(',\n')}\n]\n`;
  const out = new URL('./recurring-histories.json', import.meta.url);
  writeFileSync(out, body);
  const txns = histories.reduce((n, h) => n + h.transactions.length, 0);
  const streams = histories.reduce((n, h) => n + h.streams.length, 0);
  console.log(`wrote ${histories.length} histories, ${txns} transactions, ${streams} true streams, ${body.length} bytes`);
}
