// Blind evaluation batch 7 — deterministic generator (Node 20 ESM, no dependencies).
// Usage: node generate.mjs [outDir]   (default: the folder of this script)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 71207;
const OUT = process.argv[2] || path.dirname(fileURLToPath(import.meta.url));
fs.mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------- PRNG
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(SEED);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const rf = (a, b) => a + rnd() * (b - a);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
function shuffle(arr) { const a = arr.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; }
function wpick(pairs) { let s = 0; for (const [, w] of pairs) s += w; let x = rnd() * s; for (const [v, w] of pairs) { x -= w; if (x < 0) return v; } return pairs[pairs.length - 1][0]; }

// ---------------------------------------------------------------- text helpers
const L2C = { lj: 'љ', nj: 'њ', 'dž': 'џ', a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', 'đ': 'ђ', e: 'е', 'ž': 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', 'ć': 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', 'č': 'ч', 'š': 'ш' };
function toCyr(s) {
  let out = '';
  for (let i = 0; i < s.length;) {
    const two = s.slice(i, i + 2), lo2 = two.toLowerCase();
    if (lo2.length === 2 && L2C[lo2]) { let c = L2C[lo2]; if (two[0] !== two[0].toLowerCase()) c = c.toUpperCase(); out += c; i += 2; continue; }
    const ch = s[i], lo = ch.toLowerCase();
    if (L2C[lo]) out += ch !== lo ? L2C[lo].toUpperCase() : L2C[lo]; else out += ch;
    i++;
  }
  return out;
}
const canCyr = (s) => !/[qwxyQWXY@*\/]/.test(s) && !/\.(com|rs|net)/i.test(s);
const cyrIf = (s) => (canCyr(s) ? toCyr(s) : s);
function noDia(s) { return s.replace(/[čć]/g, 'c').replace(/[ČĆ]/g, 'C').replace(/š/g, 's').replace(/Š/g, 'S').replace(/ž/g, 'z').replace(/Ž/g, 'Z').replace(/đ/g, 'dj').replace(/Đ/g, 'DJ'); }
const UP = (s) => noDia(s).toUpperCase();
const pad = (n, w = 2) => String(n).padStart(w, '0');
const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += ri(0, 9); return s; };
const squash = (s) => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------- dates
const DAY = 86400000;
const toDay = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
const fromDay = (n) => { const t = new Date(n * DAY); return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() }; };
const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dmy = (n) => { const f = fromDay(n); return `${pad(f.d)}.${pad(f.m)}.${f.y}`; };
const dm = (n) => { const f = fromDay(n); return `${pad(f.d)}.${pad(f.m)}.`; };
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function prevMonth(y, m) { return m === 1 ? [y - 1, 12] : [y, m - 1]; }
function monthTag(y, m, style) {
  switch (style % 5) {
    case 0: return `${pad(m)}/${y}`;
    case 1: return `${MONTHS[m - 1]} ${y}`;
    case 2: return `${pad(m)}.${y}`;
    case 3: return `${pad(m)}/${String(y).slice(2)}`;
    default: return `${MONTHS[m - 1].toUpperCase()} ${y}.`;
  }
}

// ---------------------------------------------------------------- people, cities
const FIRST_M = ['Marko', 'Nikola', 'Stefan', 'Miloš', 'Dragan', 'Zoran', 'Nenad', 'Aleksandar', 'Milan', 'Dejan', 'Vladimir', 'Ivan', 'Bojan', 'Goran', 'Predrag', 'Slobodan', 'Đorđe', 'Uroš', 'Lazar', 'Vuk', 'Dušan', 'Srđan', 'Žarko', 'Branislav', 'Petar', 'Luka', 'Filip', 'Mihajlo', 'Radoslav', 'Miodrag'];
const FIRST_F = ['Jelena', 'Milica', 'Ana', 'Marija', 'Jovana', 'Ivana', 'Dragana', 'Snežana', 'Tamara', 'Gordana', 'Jasmina', 'Biljana', 'Sanja', 'Maja', 'Teodora', 'Katarina', 'Nataša', 'Vesna', 'Ljiljana', 'Mirjana', 'Danijela', 'Sofija', 'Nevena', 'Tijana', 'Radmila', 'Zorica', 'Olivera', 'Slađana', 'Aleksandra', 'Đurđa'];
const LAST = ['Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Đokić', 'Živković', 'Todorović', 'Savić', 'Ristić', 'Kostić', 'Mitrović', 'Lazić', 'Obradović', 'Simić', 'Radović', 'Vasić', 'Tomić', 'Kovačević', 'Lukić', 'Šarić', 'Janković', 'Filipović', 'Babić', 'Stevanović', 'Milenković', 'Nedeljković', 'Vučković', 'Zdravković', 'Milutinović', 'Gajić', 'Pešić', 'Krstić', 'Bogdanović', 'Perić', 'Cvetković', 'Antić', 'Jeremić', 'Ćirić', 'Vuković', 'Nešić', 'Dimitrijević', 'Živanović', 'Mladenović'];
function femaleLast(l) { return l; }
function person(sex) { const s = sex || (chance(0.5) ? 'm' : 'f'); return `${pick(s === 'm' ? FIRST_M : FIRST_F)} ${femaleLast(pick(LAST))}`; }

const CITIES = [
  { n: 'Beograd', up: 'BEOGRAD', w: 8 }, { n: 'Novi Sad', up: 'NOVI SAD', w: 5 }, { n: 'Niš', up: 'NIS', w: 4 }, { n: 'Kragujevac', up: 'KRAGUJEVAC', w: 3 },
  { n: 'Subotica', up: 'SUBOTICA', w: 2 }, { n: 'Čačak', up: 'CACAK', w: 2 }, { n: 'Kraljevo', up: 'KRALJEVO', w: 2 }, { n: 'Zrenjanin', up: 'ZRENJANIN', w: 2 },
  { n: 'Pančevo', up: 'PANCEVO', w: 2 }, { n: 'Šabac', up: 'SABAC', w: 2 }, { n: 'Valjevo', up: 'VALJEVO', w: 2 }, { n: 'Leskovac', up: 'LESKOVAC', w: 2 },
  { n: 'Užice', up: 'UZICE', w: 2 }, { n: 'Sombor', up: 'SOMBOR', w: 1 }, { n: 'Smederevo', up: 'SMEDEREVO', w: 1 }, { n: 'Vranje', up: 'VRANJE', w: 1 },
];
const cityPick = () => wpick(CITIES.map((c) => [c, c.w]));
const cityByName = (n) => CITIES.find((c) => c.n === n);
const STREETS = ['Knez Mihailova', 'Bulevar oslobođenja', 'Kralja Petra', 'Njegoševa', 'Vojvode Mišića', 'Karađorđeva', 'Cara Dušana', 'Glavna', 'Svetog Save', 'Nemanjina', 'Bulevar kralja Aleksandra', 'Zmaj Jovina', 'Obilićev venac', 'Trg slobode', 'Vuka Karadžića'];

// ---------------------------------------------------------------- city utilities
const CITY_UTIL = {
  'Beograd': { jkp: ['Infostan tehnologije', 'JKP Infostan tehnologije'], heat: null, water: null },
  'Novi Sad': { jkp: ['JKP Informatika Novi Sad', 'Informatika NS objedinjena naplata'], heat: 'JKP Novosadska toplana', water: null },
  'Niš': { jkp: ['JKP Direkcija za izgradnju Niš', 'Objedinjena naplata JKP Niš'], heat: 'JKP Gradska toplana Niš', water: null },
  'Kragujevac': { jkp: ['JKP Šumadija Kragujevac', 'Objedinjena naplata Kragujevac'], heat: 'JKP Energetika Kragujevac', water: 'JKP Vodovod i kanalizacija Kragujevac' },
  'Subotica': { jkp: ['JKP Čistoća i zelenilo Subotica'], heat: 'JKP Subotička toplana', water: 'JKP Vodovod i kanalizacija Subotica' },
  'Čačak': { jkp: ['JKP Komunalac Čačak'], heat: 'JKP Gradska toplana Čačak', water: 'JKP Vodovod Čačak' },
  'Kraljevo': { jkp: ['JKP Čistoća Kraljevo'], heat: 'JP Toplana Kraljevo', water: 'JKP Vodovod Kraljevo' },
  'Zrenjanin': { jkp: ['JKP Čistoća i zelenilo Zrenjanin'], heat: 'JKP Toplana Zrenjanin', water: 'JKP Vodovod i kanalizacija Zrenjanin' },
  'Pančevo': { jkp: ['JKP Higijena Pančevo'], heat: 'JKP Grejanje Pančevo', water: 'JKP Vodovod i kanalizacija Pančevo' },
  'Šabac': { jkp: ['JKP Stari grad Šabac'], heat: 'JKP Toplana Šabac', water: 'JKP Vodovod Šabac' },
  'Valjevo': { jkp: ['JKP Vidrak Valjevo'], heat: 'JKP Toplana Valjevo', water: 'JKP Vodovod Valjevo' },
  'Leskovac': { jkp: ['JKP Komunalac Leskovac'], heat: null, water: 'JKP Vodovod Leskovac' },
  'Užice': { jkp: ['JKP Bioktoš Užice'], heat: 'JKP Gradska toplana Užice', water: 'JKP Vodovod Užice' },
  'Sombor': { jkp: ['JKP Čistoća Sombor'], heat: 'JKP Toplana Sombor', water: 'JKP Vodokanal Sombor' },
  'Smederevo': { jkp: ['JKP Zelenilo i groblja Smederevo'], heat: 'JKP Toplana Smederevo', water: 'JKP Vodovod Smederevo' },
  'Vranje': { jkp: ['JKP Komrad Vranje'], heat: 'JKP Toplana Vranje', water: 'JKP Vodovod Vranje' },
};

// ---------------------------------------------------------------- merchants (card descriptors)
const CHAIN_GROC = ['MAXI', 'IDEA', 'LIDL SRBIJA', 'UNIVEREXPORT', 'DIS MARKET', 'RODA', 'MERCATOR S', 'AMAN', 'TEMPO', 'GOMEX', 'SHOP&GO', 'MAXI SUPER', 'IDEA ORGANIC', 'VOLI TRADE'];
const GROC_OTHER = ['DM DROGERIE MARKT', 'LILLY DROGERIE', 'BENU APOTEKA', 'APOTEKA JANKOVIC', 'ZARA', 'H&M', 'DEICHMANN', 'OFFICE SHOES', 'LC WAIKIKI', 'PEPCO', 'KIK TEXTIL', 'SPORT VISION', 'BUZZ SNEAKER STATION', 'IKEA', 'JYSK', 'EMMEZETA', 'GIGATRON', 'TEHNOMANIJA', 'WINWIN', 'MR BRICOLAGE', 'FASHION&FRIENDS', 'NTC', 'TEMU.COM', 'ALIEXPRESS', 'AMZN Mktp DE', 'DR MAX APOTEKA', 'ZEGIN APOTEKA', 'ANIMAL PLANET PET SHOP', 'KINGPET'];
const ONLINE_GROC = [['TEMU.COM', 'DUBLIN', 'IE'], ['ALIEXPRESS.COM', 'LUXEMBOURG', 'LU'], ['AMZN Mktp DE', 'AMAZON.DE', 'DE'], ['PAYPAL *ALIEXPRESS', 'LUXEMBOURG', 'LU'], ['SHEIN.COM', 'DUBLIN', 'IE'], ['EBAY O*12-3456', 'LUXEMBOURG', 'LU'], ['ZARA.COM/RS', 'ARTEIXO', 'ES']];
const LOCAL_GROC_T = ['Prodavnica', 'Market', 'Mini market', 'Mesara', 'Trafika', 'Apoteka', 'Butik', 'Obuća', 'Gvožđara', 'Drogerija', 'Optika', 'Stomatološka ordinacija dr', 'Laboratorija', 'Poliklinika', 'Zdravljak', 'Voćara', 'Papirnica', 'Pet shop'];
const LOCAL_NAMES = ['Kod Mileta', 'Stari hrast', 'Zlatni klas', 'Dva brata', 'Kod Bore', 'Lipa', 'Šumadija', 'Zavičaj', 'Kolubara', 'Moravski biser', 'Ibarski gost', 'Sunce', 'Kruna', 'Biser', 'Tri lipe', 'Kod Save', 'Kapija', 'Jelena', 'Rubin', 'Vidikovac', 'Golubica', 'Skver', 'Avlija', 'Jasen', 'Zlatibor', 'Rujno', 'Dunav', 'Palić', 'Begej', 'Tamiš', 'Ostrvo', 'Kod Dragana', 'Mirka', 'Mali raj', 'Oaza', 'Stara varoš', 'Ćošak', 'Centar', 'Plavi dunav', 'Kod Ivana', 'Ravnica', 'Bačka', 'Pirot', 'Vlasina', 'Jablan', 'Kod Tanje', 'Despot', 'Zora', 'Kosmaj', 'Gradina', 'Lovac', 'Kalemegdan', 'Ružica', 'Morava', 'Petrovaradin', 'Tvrđava', 'Kod Žike'];
const LOCAL_DIN_T = ['Pekara', 'Kafana', 'Restoran', 'Picerija', 'Ćevabdžinica', 'Roštilj', 'Poslastičarnica', 'Kafe bar', 'Caffe', 'Bistro', 'Buregdžinica', 'Gostionica', 'Pivnica', 'Palačinkarnica', 'Giros bar', 'Sendvič bar', 'Etno restoran', 'Čarda', 'Burger bar', 'Kafeterija'];
const CHAIN_DIN = ['MCDONALDS', 'KFC', 'BURGER KING', 'HLEB I KIFLE', 'PEKABETA', 'WALTER', 'COSTA COFFEE', 'GLORIA JEANS COFFEES', 'COFFEE DREAM', 'GREENET', 'KAFETERIJA', 'TOMA PEKARA', 'MLINAR PEKARA', 'BIG PIZZA', 'PIZZA HUT', 'DOMINO PIZZA', 'SPAJZ', 'DUNKIN', 'PEKARA SPASIC', 'MAMMA\'S BISCUITS'];
const DELIVERY = [['WOLT', 'BEOGRAD', 'RS'], ['Wolt*', 'Helsinki', 'FI'], ['GLOVO', 'BARCELONA', 'ES'], ['DONESI.COM', 'BEOGRAD', 'RS'], ['GLOVO*ORDER', 'BEOGRAD', 'RS']];
const CHAIN_FUEL = ['NIS PETROL BS', 'GAZPROM BS', 'OMV', 'MOL SRBIJA', 'LUKOIL SRBIJA', 'EKO SERBIA', 'KNEZ PETROL', 'AVIA', 'EURO PETROL', 'NIS PETROL'];
const TAXI = ['CARGO', 'YANDEX GO', 'NAXI TAXI', 'PINK TAXI', 'BEOGRADSKI TAKSI', 'LUX TAXI', 'MAXIS TAXI', 'ALO TAXI', 'NOVOSADSKI TAXI', 'BEL TAXI'];
const TRANSP_OTHER = ['PUTEVI SRBIJE', 'PARKING SERVIS', 'SRBIJAVOZ', 'LASTA', 'NIS EKSPRES', 'AIR SERBIA', 'WIZZ AIR', 'JKP GSP NOVI SAD', 'BUSPLUS', 'JKP PARKING SERVIS NS', 'RYANAIR', 'ARRIVA LITAS', 'BEOGRADSKI AERODROM PARKING', 'BG VOZ', 'FLIXBUS'];
const LOCAL_TR_T = ['Autoservis', 'Auto perionica', 'Vulkanizer', 'Auto delovi', 'Tehnički pregled', 'Autoelektričar', 'Servis guma', 'Autolimar'];
const ENT_CHAIN = ['CINEPLEXX', 'EVENTIM', 'TICKETS.RS', 'GIGSTIX', 'NARODNO POZORISTE', 'ATELJE 212', 'JDP', 'MSU BEOGRAD', 'STEAMGAMES.COM', 'PLAYSTATION NETWORK', 'EPIC GAMES STORE', 'MOZZART', 'MAXBET', 'SOCCERBET', 'MERIDIAN BET', 'ADMIRAL BET', 'VULKAN KNJIZARE', 'DELFI KNJIZARE', 'LAGUNA', 'BOOKING.COM', 'AIRBNB', 'KOMBANK DVORANA', 'BIOSKOP TUCKWOOD', 'LUTRIJA SRBIJE', 'SKI CENTAR KOPAONIK', 'AKVAPARK PETROVAC', 'SPORTSKI CENTAR VOZDOVAC', 'BAZEN TASMAJDAN', 'SPENS NOVI SAD', 'GYM FIT', 'BODY LINE FITNESS', 'EXIT FESTIVAL'];
const LOCAL_ENT_T = ['Teretana', 'Fitnes centar', 'Bazen', 'Kuglana', 'Igraonica', 'Pozorište', 'Bioskop', 'Sportski centar', 'Escape room', 'Paintball klub', 'Plesni studio', 'Teniski klub', 'Knjižara', 'Kladionica', 'Hotel', 'Apartmani', 'Bilijar klub', 'Joga studio', 'Karting', 'Planinarski dom'];

function legal(name, city, form) {
  const own = person();
  return pick([
    () => `${name} DOO`, () => `${form} ${name}`, () => `${form} ${name} PR ${UP(own)} ${city.up}`, () => `${name} PR`,
    () => `${name}`, () => `${name}`, () => `${name} D.O.O.`, () => `${name} ${city.up}`, () => `${form} ${name} ${pad(ri(1, 9))}`,
  ])();
}
const DIN_SET = new Set(LOCAL_DIN_T);
const CRAFT_SET = new Set(['Autoservis', 'Vulkanizer', 'Autoelektričar', 'Servis guma', 'Autolimar', 'Auto perionica', 'Optika']);
function localMerchant(types, city) { const t = pick(types); const n = pick(LOCAL_NAMES); const form = DIN_SET.has(t) || /Kafe|Caffe|Kafana|Restoran|Pekara|Bistro|Picerij|Ćevab|Roštilj|Gostion/.test(t) ? 'SUR' : CRAFT_SET.has(t) ? 'SZR' : 'STR'; return { base: `${t} ${n}`, m: legal(UP(`${t} ${n}`), city, form), city }; }

// ---------------------------------------------------------------- banks & channel templates
const BANKS = [
  { k: 'intesa', name: 'Banca Intesa', short: 'INTESA', bin: '4319', w: 12 },
  { k: 'otp', name: 'OTP banka', short: 'OTP', bin: '4021', w: 9 },
  { k: 'rba', name: 'Raiffeisen banka', short: 'RBA', bin: '5355', w: 7 },
  { k: 'uc', name: 'UniCredit Bank', short: 'UNICREDIT', bin: '5168', w: 6 },
  { k: 'aik', name: 'AIK banka', short: 'AIK', bin: '4893', w: 4 },
  { k: 'erste', name: 'Erste Bank', short: 'ERSTE', bin: '5477', w: 5 },
  { k: 'addiko', name: 'Addiko Bank', short: 'ADDIKO', bin: '4058', w: 3 },
  { k: 'nlb', name: 'NLB Komercijalna banka', short: 'NLB KB', bin: '4256', w: 7 },
  { k: 'posta', name: 'Banka Poštanska štedionica', short: 'BPS', bin: '9891', w: 5 },
  { k: 'procredit', name: 'ProCredit Bank', short: 'PROCREDIT', bin: '4172', w: 3 },
  { k: 'halk', name: 'Halkbank', short: 'HALKBANK', bin: '4920', w: 2 },
  { k: 'ebd', name: 'Eurobank Direktna', short: 'EUROBANK', bin: '4550', w: 3 },
  { k: 'treca', name: '3 Banka', short: '3BANKA', bin: '5239', w: 2 },
  { k: 'mobi', name: 'Mobi banka', short: 'MOBI', bin: '4741', w: 2 },
];
const BANK = Object.fromEntries(BANKS.map((b) => [b.k, b]));
// t: {m, city, cc, d, l4, bin, p, purpose, acct, ref, model, n}
const mask16 = (t) => `${t.bin}****${t.l4}`;
const maskX = (t) => `${t.bin}XXXXXXXX${t.l4}`;
const maskS = (t) => `${t.bin.slice(0, 4)} **** **** ${t.l4}`;
const CARD = {
  intesa: [(t) => `Kupovina POS ${mask16(t)} ${t.m} ${t.city} ${t.cc3}`, (t) => `TRANSAKCIJA KARTICOM: ${t.m} ${t.city} ${t.cc} ${dmy(t.d)}`, (t) => `Plaćanje karticom ${t.m}`],
  otp: [(t) => `Kupovina na POS terminalu ${t.m} ${t.city}`, (t) => `KUPOVINA KARTICOM ${maskS(t)} ${t.m} ${t.city} ${t.cc} DATUM ${dmy(t.d)}`, (t) => `POS ${t.m} ${t.city} ${t.cc}`],
  rba: [(t) => `Plaćanje karticom ${dmy(t.d)} ${t.m} ${t.city} ${t.cc}`, (t) => `${t.m}>${t.city} ${t.cc}`, (t) => `Card payment ${t.m} ${t.city} ${t.cc}`],
  uc: [(t) => `CARD PAYMENT ${maskX(t)} ${t.m} ${t.city} ${t.cc}`, (t) => `POS PURCHASE ${dmy(t.d)} ${t.m} ${t.city}`, (t) => `Kupovina ${t.m} ${t.city} karticom *${t.l4}`],
  aik: [(t) => `POS KUPOVINA ${t.m} ${t.city}`, (t) => `Kupovina karticom ${dm(t.d)} ${t.m}`],
  erste: [(t) => `Transakcija platnom karticom ${t.m} ${t.city} ${t.cc}`, (t) => `Plaćanje karticom - ${t.m} - ${dmy(t.d)}`],
  addiko: [(t) => `KARTIČNA TRANSAKCIJA *${t.l4} ${t.m} ${t.city}`, (t) => `KARTICNA TRANSAKCIJA ${t.m} ${t.cc}`],
  nlb: [(t) => `Kupovina-POS ${t.m} ${t.city}`, (t) => `Куповина ПОС ${t.m} ${t.city}`, (t) => `DOMAĆA KUPOVINA ${t.m} ${t.city} ${dmy(t.d)}`],
  posta: [(t) => `DINA KARTICA KUPOVINA ${t.m} ${t.city}`, (t) => `Куповина картицом ${t.m} ${t.city} ${dmy(t.d)}`],
  procredit: [(t) => `Card purchase ${t.m} ${t.city} ${t.cc}`, (t) => `Purchase with card ***${t.l4} at ${t.m}, ${t.city}`],
  halk: [(t) => `POS TRX ${t.m} ${t.city} ${dmy(t.d)}`, (t) => `POS KUPOVINA ${t.m}`],
  ebd: [(t) => `Kupovina karticom ${t.m} ${t.city}`, (t) => `EBD KUPOVINA ${mask16(t)} ${t.m}`],
  treca: [(t) => `Placanje karticom ${t.m} ${t.city}`, (t) => `Kupovina POS ${t.m} ${t.city} ${dm(t.d)}`],
  mobi: [(t) => `Mobi kupovina ${t.m} ${t.city}`, (t) => `Kupovina karticom ${t.m} ${t.cc}`],
};
const IPS = {
  intesa: [(t) => `IPS prenos - ${t.p}`, (t) => `Instant plaćanje ${t.p} svrha: ${t.purpose}`, (t) => `IPS QR plaćanje ${t.p}`],
  otp: [(t) => `Instant transfer IPS ${t.p} ${t.purpose}`, (t) => `IPS NBS - ${t.p}`],
  rba: [(t) => `IPS plaćanje ${t.p} - ${t.purpose}`, (t) => `Instant payment ${t.p} ${t.purpose}`],
  uc: [(t) => `INSTANT PAYMENT TO ${UP(t.p)} ${t.purpose}`, (t) => `IPS ${t.p} ${t.purpose}`],
  aik: [(t) => `IPS ODLAZNI ${UP(t.p)}`, (t) => `IPS prenos ${t.p} ${t.purpose}`],
  erste: [(t) => `IPS prenos ${t.p}, ${t.purpose}`, (t) => `Instant plaćanje - ${t.p}`],
  addiko: [(t) => `IPS ${t.p} ${t.purpose}`, (t) => `IPS PLACANJE ${UP(t.p)}`],
  nlb: [(t) => `ИПС пренос ${cyrIf(t.p)} ${cyrIf(t.purpose)}`, (t) => `IPS prenos ${t.p} ${t.purpose}`],
  posta: [(t) => `ИПС ${cyrIf(t.p)} ${cyrIf(t.purpose)}`, (t) => `IPS plaćanje ${t.p}`],
  procredit: [(t) => `Instant payment to ${t.p} ${t.purpose}`, (t) => `Instant transfer ${t.p}`],
  halk: [(t) => `IPS NALOG ${UP(t.p)} ${UP(t.purpose)}`, (t) => `IPS ${t.p}`],
  ebd: [(t) => `IPS ${t.p} ${t.purpose}`, (t) => `Instant plaćanje ${t.p}`],
  treca: [(t) => `IPS Placanje ${noDia(t.p)} ${noDia(t.purpose)}`, (t) => `IPS ${noDia(t.p)}`],
  mobi: [(t) => `IPS Mobi ${t.p} ${t.purpose}`, (t) => `Mobi IPS prenos ${t.p}`],
};
const ORDER = {
  intesa: [(t) => `Nalog za plaćanje: ${t.p}, svrha: ${t.purpose}, poziv na broj ${t.model} ${t.ref}`, (t) => `${t.p} ${t.acct} ${t.purpose}`],
  otp: [(t) => `Plaćanje računa ${t.p} poziv ${t.model} ${t.ref}`, (t) => `Nalog ${t.acct} ${t.p} ${t.purpose}`],
  rba: [(t) => `Nalog ${t.p} / ${t.purpose} / ${t.model}-${t.ref}`, (t) => `Payment order ${t.p} ${t.purpose} ref ${t.ref}`],
  uc: [(t) => `PAYMENT ORDER TO ${UP(t.p)} ${t.acct} REF ${t.model} ${t.ref}`, (t) => `${t.purpose} - ${t.p}`],
  aik: [(t) => `E-NALOG ${UP(t.p)} ${t.purpose}`, (t) => `Elektronsko plaćanje ${t.p} ${t.ref}`],
  erste: [(t) => `Elektronski nalog ${t.p} - ${t.purpose} (${t.model} ${t.ref})`, (t) => `Plaćanje ${t.p} ${t.purpose}`],
  addiko: [(t) => `Plaćanje ${t.p} ${t.purpose}`, (t) => `NALOG ZA PRENOS ${UP(t.p)} ${t.acct}`],
  nlb: [(t) => `Налог за плаћање ${cyrIf(t.p)} ${cyrIf(t.purpose)} ${t.ref}`, (t) => `Nalog za plaćanje ${t.p} ${t.purpose}`],
  posta: [(t) => `Уплата ${cyrIf(t.p)} позив на број ${t.model} ${t.ref}`, (t) => `Uplata ${t.p} ${t.purpose}`],
  procredit: [(t) => `Transfer to ${t.p} ${t.purpose}`, (t) => `Payment ${t.p} ${t.acct} ${t.ref}`],
  halk: [(t) => `NALOG ${UP(t.p)} ${t.ref}`, (t) => `Plaćanje ${t.p} ${t.purpose}`],
  ebd: [(t) => `Plaćanje ${t.p} svrha ${t.purpose}`, (t) => `E-banking nalog ${t.p} ${t.model} ${t.ref}`],
  treca: [(t) => `Placanje ${noDia(t.p)} ${noDia(t.purpose)}`, (t) => `Nalog ${noDia(t.p)} ${t.ref}`],
  mobi: [(t) => `Plaćanje računa ${t.p} ${t.purpose}`, (t) => `Mobi plaćanje ${t.p}`],
};
const STANDING = [(t) => `Trajni nalog br. ${t.n} - ${t.p} ${t.purpose}`, (t) => `TRAJNI NALOG ${UP(t.p)}`, (t) => `STANDING ORDER ${UP(t.p)} ${t.purpose}`, (t) => `Трајни налог ${cyrIf(t.p)} ${cyrIf(t.purpose)}`, (t) => `Trajni nalog - ${t.purpose}`];
const DDEBIT = [(t) => `Direktno zaduženje - ${t.p} ${t.ref}`, (t) => `SDD ${UP(t.p)}`, (t) => `DIRECT DEBIT ${UP(t.p)} ${t.ref}`, (t) => `Директно задужење ${cyrIf(t.p)}`, (t) => `Direktno zaduzenje ${noDia(t.p)} ${t.purpose}`];
const INC = {
  intesa: [(t) => `Priliv: ${t.p} - ${t.purpose}`, (t) => `Uplata na račun ${t.p} ${t.purpose}`],
  otp: [(t) => `Uplata - ${t.p} - ${t.purpose}`, (t) => `PRILIV ${UP(t.p)}`],
  rba: [(t) => `Priliv ${t.p} ${t.purpose}`, (t) => `Incoming payment ${t.p} ${t.purpose}`],
  uc: [(t) => `INCOMING PAYMENT FROM ${UP(t.p)} ${t.purpose}`, (t) => `Priliv ${t.p} ${t.purpose}`],
  aik: [(t) => `PRILIV ${UP(t.p)} ${UP(t.purpose)}`, (t) => `Uplata ${t.p}`],
  erste: [(t) => `Uplata ${t.p}, ${t.purpose}`, (t) => `Priliv na račun - ${t.purpose}`],
  addiko: [(t) => `PRILIV ${t.p} ${t.purpose}`, (t) => `Uplata ${t.purpose}`],
  nlb: [(t) => `Прилив ${cyrIf(t.p)} ${cyrIf(t.purpose)}`, (t) => `Priliv ${t.p} ${t.purpose}`],
  posta: [(t) => `Прилив ${cyrIf(t.p)} ${cyrIf(t.purpose)}`, (t) => `PRILIV ${UP(t.p)} ${UP(t.purpose)}`],
  procredit: [(t) => `Incoming transfer ${t.p} ${t.purpose}`, (t) => `Credit transfer from ${t.p}`],
  halk: [(t) => `PRILIV ${UP(t.p)} ${t.purpose}`, (t) => `Uplata ${t.p}`],
  ebd: [(t) => `Priliv ${t.p} ${t.purpose}`, (t) => `Odobrenje računa ${t.p} ${t.purpose}`],
  treca: [(t) => `Priliv ${noDia(t.p)} ${noDia(t.purpose)}`, (t) => `Uplata ${noDia(t.p)}`],
  mobi: [(t) => `Priliv ${t.p} ${t.purpose}`, (t) => `Uplata na Mobi račun ${t.p}`],
};
const ATM = [
  (t) => `Isplata gotovine ATM ${t.bs} ${t.loc} ${t.city}`, (t) => `PODIZANJE GOTOVINE ${t.bs} ATM ${UP(t.loc)} ${t.city}`, (t) => `ATM WITHDRAWAL ${t.bs} ${UP(t.loc)} ${t.city} RS`,
  (t) => `Исплата на банкомату ${t.bs} ${cyrIf(t.loc)}`, (t) => `Bankomat ${t.bs} ${t.loc}, ${t.city} ${dmy(t.d)}`, (t) => `ISPLATA NA BANKOMATU DRUGE BANKE ${t.city}`, (t) => `Isplata gotovine - bankomat ${mask16(t)}`,
];
const FEES = ['Naknada za vođenje računa', 'Mesečno održavanje paketa', 'Provizija za nalog', 'Naknada za održavanje računa', 'NAKNADA ZA PAKET USLUGA', 'Provizija za isplatu na bankomatu druge banke', 'Naknada za SMS servis', 'Članarina za karticu Visa Classic', 'Godišnja članarina Mastercard', 'ACCOUNT MAINTENANCE FEE', 'Naknada za e-banking', 'Provizija za instant prenos', 'Naknada za izdavanje kartice', 'Troškovi konverzije', 'Наканада за вођење рачуна', 'Провизија за налог', 'Naknada za mobilno bankarstvo', 'CARD ANNUAL FEE', 'Naknada za izvod'];
const acct = () => `${pick(['160', '170', '205', '265', '275', '325', '340', '355', '105', '200', '220', '250', '310', '115', '330', '840'])}-${digits(ri(6, 13))}-${digits(2)}`;

function tplBase(h, d) { return { d, l4: h ? (d >= h.reissue ? h.l4b : h.l4) : digits(4), bin: h ? h.bank.bin : pick(BANKS).bin, cc: 'RS', cc3: 'SRB', model: '97' }; }

// ---------------------------------------------------------------- subscription merchants
const SUBS = [
  { k: 'netflix', m: ['NETFLIX.COM', 'Netflix.com', 'NETFLIX INTERNATIONAL B.V.'], city: 'AMSTERDAM', cc: 'NL', eur: [7.99, 9.99, 11.99] },
  { k: 'spotify', m: ['Spotify', 'SPOTIFY', 'PAYPAL *SPOTIFY'], city: 'STOCKHOLM', cc: 'SE', eur: [5.99, 6.99], refd: true },
  { k: 'hbo', m: ['HBO MAX', 'HBOMAX.COM', 'MAX.COM'], city: 'AMSTERDAM', cc: 'NL', rsd: [599, 699] },
  { k: 'disney', m: ['DISNEYPLUS', 'DISNEY PLUS', 'Disney+'], city: 'LONDON', cc: 'GB', eur: [8.99, 9.99] },
  { k: 'ytp', m: ['GOOGLE *YouTubePremium', 'GOOGLE*YOUTUBE PREMIUM', 'Google YouTube Premium'], city: 'g.co/helppay#', cc: 'GB', rsd: [549, 699] },
  { k: 'gone', m: ['GOOGLE *Google One', 'GOOGLE*GOOGLE STORAGE', 'Google One'], city: 'g.co/helppay#', cc: 'GB', rsd: [249, 299] },
  { k: 'icloud', m: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill'], city: 'CORK', cc: 'IE', eur: [0.99, 2.99] },
  { k: 'chatgpt', m: ['OPENAI *CHATGPT SUBSCR', 'OPENAI', 'OpenAI ChatGPT'], city: 'SAN FRANCISCO', cc: 'US', usd: [20] },
  { k: 'm365', m: ['MICROSOFT*365', 'MSFT *MICROSOFT 365', 'Microsoft*Store'], city: 'MSBILL.INFO', cc: 'IE', eur: [7, 10] },
  { k: 'adobe', m: ['ADOBE *CREATIVE CLOUD', 'ADOBE *ADOBE', 'Adobe Systems Software'], city: 'DUBLIN', cc: 'IE', eur: [11.99, 24.59] },
  { k: 'canva', m: ['CANVA* I04123', 'CANVA', 'PAYPAL *CANVA'], city: 'SYDNEY', cc: 'AU', eur: [11.99] },
  { k: 'dropbox', m: ['DROPBOX*', 'Dropbox', 'DROPBOX INTERNATIONAL'], city: 'DUBLIN', cc: 'IE', eur: [11.99] },
  { k: 'deezer', m: ['DEEZER', 'Deezer Premium', 'PAYPAL *DEEZER'], city: 'PARIS', cc: 'FR', eur: [4.99] },
  { k: 'applemusic', m: ['APPLE.COM/BILL', 'Apple Music', 'APPLE.COM/BILL ITUNES.COM'], city: 'CORK', cc: 'IE', eur: [5.99] },
  { k: 'xbox', m: ['Microsoft*Xbox', 'MSFT *XBOX GAME PASS', 'XBOX'], city: 'MSBILL.INFO', cc: 'IE', eur: [10.99, 12.99] },
  { k: 'duolingo', m: ['DUOLINGO', 'Duolingo Super', 'GOOGLE *Duolingo'], city: 'PITTSBURGH', cc: 'US', usd: [6.99] },
  { k: 'linkedin', m: ['LinkedInPreA', 'LINKEDIN PREMIUM', 'LinkedIn'], city: 'DUBLIN', cc: 'IE', usd: [39.99] },
  { k: 'gplay', m: ['GOOGLE *Google Play', 'Google Play Apps', 'GOOGLE*PLAY'], city: 'g.co/helppay#', cc: 'GB', rsd: [199, 349] },
  { k: 'skyshow', m: ['SKYSHOWTIME', 'SkyShowtime'], city: 'AMSTERDAM', cc: 'NL', eur: [3.99, 5.99] },
  { k: 'storytel', m: ['STORYTEL', 'Storytel'], city: 'STOCKHOLM', cc: 'SE', eur: [8.99] },
];
const NEWS = ['Politika digitalna pretplata', 'Danas pretplata', 'Nedeljnik Vreme pretplata', 'NIN pretplata', 'Nova.rs premium', 'Kurir digital', 'Blic Premium', 'Vreme digitalno izdanje', 'Večernje novosti pretplata', 'N1 Premium'];
const eurRate = (d) => 117.05 + 0.14 * Math.sin(d / 37) + 0.05 * Math.sin(d / 7.3);
const usdRate = (d) => 104 + 6 * Math.sin(d / 190) + 0.4 * Math.sin(d / 11);
const fx = (amt, cur, d, spread) => Math.round(amt * (cur === 'usd' ? usdRate(d) : eurRate(d)) * (1 + spread) * 100);

// ================================================================= PART 1: categorisation rows
function catRows() {
  rnd = mulberry32(SEED + 1);
  const rows = [];
  const seen = new Set();
  const add = (desc, amountPara, cat) => {
    let d = squash(desc);
    const r = rnd();
    if (r < 0.12) d = noDia(d); else if (r < 0.2) d = d.toUpperCase(); else if (r < 0.24) d = d.toLowerCase();
    if (!d || seen.has(d) || amountPara === 0) return false;
    seen.add(d); rows.push([d, (amountPara / 100).toFixed(2), cat]); return true;
  };
  const anyBank = () => wpick(BANKS.map((b) => [b, b.w]));
  const dayR = () => ri(toDay(2024, 1, 1), toDay(2026, 11, 30));
  const card = (m, city, cc = 'RS') => { const b = anyBank(); const t = { ...tplBase(null, dayR()), bin: b.bin, m, city, cc, cc3: cc === 'RS' ? 'SRB' : cc }; return pick(CARD[b.k])(t); };
  const ips = (p, purpose) => { const b = anyBank(); return pick(IPS[b.k])({ ...tplBase(null, dayR()), bin: b.bin, p, purpose, ref: digits(ri(8, 14)) }); };
  const order = (p, purpose) => { const b = anyBank(); return pick(ORDER[b.k])({ ...tplBase(null, dayR()), bin: b.bin, p, purpose, acct: acct(), ref: digits(ri(8, 16)), model: pick(['97', '97', '00', '']) }); };
  const standing = (p, purpose) => { let tpl = pick(STANDING); if (tpl === STANDING[4] && /^(račun|mesečni|pretplata|postpaid|premija|internet)/i.test(purpose)) tpl = STANDING[0]; return tpl({ p, purpose, n: pad(ri(1, 999), 4) }); };
  const ddebit = (p, purpose) => pick(DDEBIT)({ p, purpose, ref: digits(ri(8, 12)) });
  const inc = (p, purpose) => { const b = anyBank(); return pick(INC[b.k])({ p, purpose }); };
  const money = (a, b, whole = 0.5) => { const v = rf(a, b); return chance(whole) ? Math.round(v) * 100 : Math.round(v * 100); };
  const target = { groceries: 205, dining: 190, transport: 165, entertainment: 150, subscriptions: 140, utilities: 180, rent: 95, salary: 115, transfer: 215 };
  const cnt = Object.fromEntries(Object.keys(target).map((k) => [k, 0]));
  const gens = {
    groceries: () => {
      const c = cityPick();
      const r = rnd();
      if (r < 0.35) { const m = `${pick(CHAIN_GROC)} ${chance(0.7) ? pad(ri(1, 999), ri(2, 4)) : ''}`; return [card(m, c.up), -money(150, 9800, 0.1)]; }
      if (r < 0.6) { const lm = localMerchant(LOCAL_GROC_T, c); return [card(lm.m, c.up), -money(90, 14000, 0.5)]; }
      if (r < 0.75) { return [card(pick(GROC_OTHER), c.up), -money(300, 45000, 0.3)]; }
      if (r < 0.85) { const [m, ci, cc] = pick(ONLINE_GROC); return [card(m, ci, cc), -money(700, 9000, 0)]; }
      if (r < 0.92) { const lm = localMerchant(['Prodavnica', 'Market', 'Pijaca', 'Zelena pijaca', 'Mesara'], c); return [ips(lm.base + ' ' + c.n, pick(['kupovina', 'IPS skeniraj', 'račun ' + digits(5), 'QR'])), -money(200, 5000, 0.7)]; }
      if (r < 0.96) { return [card(pick(['POS KUPOVINA', 'KUPOVINA', 'MERCHANT ' + digits(8), 'TRGOVINA ' + digits(6)]), c.up), -money(100, 4000, 0.2)]; }
      return [order(pick(['Poliklinika Medigroup', 'Laboratorija Beo-lab', 'Stomatološka ordinacija Osmeh', 'Bel Medic', 'Dom zdravlja privatna ordinacija', 'Optika Vid']), pick(['pregled', 'račun ' + digits(6), 'usluga po računu', 'analize krvi'])), -money(2000, 25000, 0.9)];
    },
    dining: () => {
      const c = cityPick();
      const r = rnd();
      if (r < 0.45) { const lm = localMerchant(LOCAL_DIN_T, c); return [card(lm.m, c.up), -money(120, 8500, 0.6)]; }
      if (r < 0.65) { return [card(`${pick(CHAIN_DIN)} ${chance(0.5) ? pad(ri(1, 99)) : ''}`, c.up), -money(150, 3500, 0.3)]; }
      if (r < 0.82) { const [m, ci, cc] = pick(DELIVERY); const rest = pick(['', ' ' + UP(pick(LOCAL_NAMES)), ' Restoran ' + pick(LOCAL_NAMES)]); return [card(m + rest, ci, cc), -money(600, 4500, 0.2)]; }
      if (r < 0.9) { const lm = localMerchant(['Kafana', 'Restoran', 'Picerija', 'Pekara', 'Roštilj'], c); return [card(`${pick(['SUMUP *', 'MYPOS*', 'SQ *', 'ZETTLE_*'])}${UP(lm.base)}`, c.up), -money(300, 6000, 0.4)]; }
      return [ips(localMerchant(['Kafana', 'Restoran', 'Pekara', 'Kafe bar', 'Poslastičarnica'], c).base + ' ' + c.n, pick(['račun', 'IPS pokaži', 'ručak', 'proslava', 'kafa'])), -money(300, 12000, 0.8)];
    },
    transport: () => {
      const c = cityPick();
      const r = rnd();
      if (r < 0.35) { return [card(`${pick(CHAIN_FUEL)} ${chance(0.7) ? ri(10, 999) : ''} ${c.up}`, c.up), -money(1500, 9500, 0.2)]; }
      if (r < 0.52) { return [card(pick(TAXI), c.up), -money(250, 2800, 0.4)]; }
      if (r < 0.75) { const o = pick(TRANSP_OTHER); return [card(o, o.includes('AIR') || o === 'RYANAIR' || o === 'FLIXBUS' ? pick(['BEOGRAD', 'BUDAPEST', 'DUBLIN']) : c.up, o === 'WIZZ AIR' ? 'HU' : 'RS'), -money(120, 24000, 0.5)]; }
      if (r < 0.9) { const lm = localMerchant(LOCAL_TR_T, c); return [chance(0.7) ? card(lm.m, c.up) : order(lm.base + ' ' + c.n, pick(['servis vozila', 'zamena guma', 'mali servis', 'pranje', 'tehnički pregled'])), -money(800, 38000, 0.8)]; }
      const pp = pick([['Putevi Srbije', ['dopuna TAG uređaja', 'ENP dopuna', 'putarina dopuna']], ['Parking servis Beograd', ['doplatna parking karta', 'parking pretplata', 'stanarska parking karta']], ['JKP Parking servis Niš', ['doplatna karta', 'pretplatna karta']], ['Agencija za registraciju vozila ' + pick(LOCAL_NAMES), ['registracija vozila ' + pick(['BG', 'NS', 'NI', 'KG', 'ČA', 'KV']) + '-' + ri(100, 9999) + '-' + pick(['AB', 'KŠ', 'NS', 'ČA', 'DŽ'])]], ['Tehnički pregled ' + pick(LOCAL_NAMES), ['tehnički pregled vozila']]]); return [order(pp[0], pick(pp[1])), -money(500, 30000, 0.9)];
    },
    entertainment: () => {
      const c = cityPick();
      const r = rnd();
      if (r < 0.45) { const e = pick(ENT_CHAIN); return [card(e, ['BOOKING.COM', 'AIRBNB'].includes(e) ? pick(['AMSTERDAM', 'DUBLIN']) : e.includes('STEAM') ? 'BELLEVUE' : c.up, ['BOOKING.COM', 'AIRBNB'].includes(e) ? pick(['NL', 'IE']) : e.includes('STEAM') ? 'US' : 'RS'), -money(200, 28000, 0.4)]; }
      if (r < 0.8) { const lm = localMerchant(LOCAL_ENT_T, c); return [card(lm.m, c.up), -money(300, 15000, 0.7)]; }
      if (r < 0.9) { return [order(pick(['Mozzart doo', 'MaxBet doo', 'Soccer bet', 'Meridianbet', 'Admiral bet']), pick(['uplata na online nalog', 'uplata na igrački račun', 'deposit'])), -money(500, 10000, 0.95)]; }
      return [ips(localMerchant(['Teretana', 'Fitnes klub', 'Teniski klub', 'Plesni studio', 'Sportski centar'], c).base, pick(['članarina', 'termin', 'rođendan u igraonici', 'ulaznice'])), -money(1000, 9000, 0.95)];
    },
    subscriptions: () => {
      if (chance(0.12)) { const n = pick(NEWS); return [chance(0.5) ? order(n.split(' ')[0] + ' d.o.o.', n) : card(UP(n), 'BEOGRAD'), -money(300, 1500, 0.9)]; }
      const s = pick(SUBS); const m = pick(s.m);
      const d = ri(toDay(2024, 1, 1), toDay(2026, 11, 30));
      let amt = s.rsd ? pick(s.rsd) * 100 : fx(pick(s.eur || s.usd), s.usd ? 'usd' : 'eur', d, rf(0, 0.02));
      const mm = s.refd ? `${m} P${digits(10)}` : m;
      return [card(mm, s.city, s.cc), -amt];
    },
    utilities: () => {
      const c = cityPick();
      const cu = CITY_UTIL[c.n];
      const r = rnd();
      const [y, mo] = [ri(2024, 2026), ri(1, 12)];
      const mt = monthTag(y, mo, ri(0, 4));
      if (r < 0.14) return [order(pick(['JP EPS Snabdevanje', 'EPS Snabdevanje', 'Elektroprivreda Srbije', 'JP Elektroprivreda Srbije']), pick(['Račun za struju ' + mt, 'struja ' + mt, 'EPS ' + mt, 'el. energija ' + mt])), -money(1800, 16000, 0)];
      if (r < 0.3) { const u = pick([...cu.jkp, cu.heat, cu.water].filter(Boolean)); return [order(u, pick(['račun ' + mt, 'objedinjena naplata ' + mt, 'komunalije ' + mt, 'grejanje ' + mt, 'voda ' + mt])), -money(800, 14000, 0)]; }
      if (r < 0.5) { const tel = pick(['Telekom Srbija', 'mts', 'A1 Srbija', 'Yettel', 'SBB', 'Orion telekom', 'Telekom Srbija a.d.', 'Yettel d.o.o.', 'SBB d.o.o.']); return [pick([order, ddebit, standing])(tel, pick(['račun ' + mt, 'mesečni račun', 'pretplata ' + mt, 'internet i TV ' + mt, 'postpaid ' + digits(9)])), -money(990, 6500, 0.4)]; }
      if (r < 0.6) return [card(pick(['MTS PLACANJE RACUNA', 'YETTEL.RS RACUN', 'A1 ONLINE PLACANJE RACUNA', 'SBB ONLINE UPLATA RACUNA', 'MOJ MTS RACUN', 'YETTEL POSTPAID RACUN', 'ORION PLACANJE RACUNA']), c.up), -money(990, 5000, 0.8)];
      if (r < 0.72) { const ins = pick(['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje Srbija', 'Wiener Städtische osiguranje', 'UNIQA osiguranje', 'Triglav osiguranje', 'Sava osiguranje', 'AMS osiguranje']); return [pick([order, standing, () => card(UP(ins), c.up)])(ins, pick(['premija polisa ' + digits(8), 'osiguranje stana', 'životno osiguranje rata ' + ri(1, 12), 'AO polisa', 'putno osiguranje'])), -money(1200, 24000, 0.7)]; }
      if (r < 0.84) return [order(pick(['Grad ' + c.n + ' - porez na imovinu', 'Lokalna poreska administracija', 'Republička administrativna taksa', 'Poreska uprava', 'Budžet Republike Srbije', 'MUP RS - kazna', 'Gradska uprava ' + c.n, 'RZZO', 'Vode Vojvodine naknada za odvodnjavanje', 'Srbijavode naknada']), pick(['porez na imovinu ' + ri(1, 4) + '. kvartal ' + y, 'taksa za pasoš', 'prekršajni nalog ' + digits(10), 'taksa za ličnu kartu', 'naknada ' + y, 'porez ' + y])), -money(300, 18000, 0.5)];
      if (r < 0.92) return [order(pick(['PU Radosno detinjstvo', 'PU Čukarica', 'PU Pčelica', 'PU Naša radost', 'OŠ Vuk Karadžić', 'OŠ Desanka Maksimović', 'PU ' + pick(LOCAL_NAMES), 'Predškolska ustanova ' + c.n]), pick(['vrtić ' + mt, 'boravak ' + mt, 'užina ' + mt, 'ekskurzija rata', 'školarina'])), -money(1500, 12000, 0.8)];
      return [pick([order, standing])(pick(['Stambena zajednica ' + pick(STREETS) + ' ' + ri(1, 120), 'Upravnik zgrade ' + person(), 'SZ ' + pick(STREETS) + ' ' + ri(1, 80), 'Profesionalni upravnik Domus']), pick(['održavanje zgrade ' + mt, 'tekuće održavanje', 'investiciono održavanje', 'upravnik ' + mt])), -money(500, 3500, 0.9)];
    },
    rent: () => {
      const [y, mo] = [ri(2024, 2026), ri(1, 12)];
      const mt = monthTag(y, mo, ri(0, 4));
      const word = pick(['kirija', 'Kirija', 'KIRIJA', 'stanarina', 'Stanarina', 'zakup stana', 'Zakup stana', 'zakupnina stan', 'кирија', 'Кирија', 'станарина', 'закуп стана', 'kirija za stan', 'ZAKUP']);
      const who = chance(0.8) ? person() : pick(['Agencija za nekretnine Kvadrat', 'Nekretnine City Expert', 'Stan na dan d.o.o.', 'Studentski dom privatni smeštaj', 'Alfa nekretnine']);
      const purpose = `${word} ${pick([mt, '', 'za ' + mt, pick(STREETS) + ' ' + ri(1, 90), 'ugovor ' + digits(4)])}`.trim();
      const cyr = /[а-я]/.test(word);
      const f = pick([ips, order, standing]);
      let d = f(cyr ? toCyr(who) : who, purpose);
      if (!/kirij|stanarin|zakup|кириј|станарин|закуп/i.test(d)) d += ' ' + word;
      return [d, -money(18000, 95000, 0.85)];
    },
    salary: () => {
      const r = rnd();
      const [y, mo] = [ri(2024, 2026), ri(1, 12)];
      const mt = monthTag(y, mo, ri(0, 4));
      const emp = pick(EMPLOYERS);
      if (r < 0.55) return [inc(emp, pick(['Zarada za ' + mt, 'Isplata zarade ' + mt, 'zarada ' + mt, 'Akontacija zarade ' + mt, 'Konačna isplata zarade ' + mt, 'Plata ' + mt, 'Зарада за ' + mt, 'Salary ' + MONTHS_EN[mo - 1] + ' ' + y, 'PLATA ' + mt, 'Topli obrok i regres ' + mt])), money(48000, 320000, 0.2)];
      if (r < 0.72) return [inc(pick(['PIO Fond', 'Republički fond PIO', 'Fond PIO Srbije', 'РФ ПИО']), pick(['Penzija ' + mt, 'PENZIJA ' + mt, 'Пензија за ' + mt, 'isplata penzije'])), money(24000, 98000, 0.2)];
      if (r < 0.77) return [inc(pick(['Upwork Global Inc', 'Toptal LLC', 'Deel Inc', 'Payoneer / Fiverr', 'Remote Europe OU']), pick(['Invoice ' + digits(4), 'Primanje iz inostranstva - honorar', 'freelance earnings', 'Payment for services ' + MONTHS_EN[mo - 1], 'contractor payment'])), money(20000, 400000, 0.2)];
      if (r < 0.87) return [inc(pick([emp, 'Udruženje Kulturni krug', 'RTS', 'Kulturni centar ' + cityPick().n, 'Radio Beograd']), pick(['Honorar po ugovoru ' + digits(3) + '/' + y, 'Autorski honorar', 'Dnevnice službeni put', 'Bonus ' + mt, 'Godišnja nagrada', 'Regres za godišnji odmor', 'Ugovor o delu ' + mt, 'Naknada za rad u komisiji'])), money(8000, 260000, 0.5)];
      return [inc(pick(['Ministarstvo prosvete', 'Fond za mlade talente', 'Grad ' + cityPick().n, 'Ministarstvo prosvete nauke i tehnološkog razvoja']), pick(['Studentska stipendija ' + mt, 'Učenička stipendija ' + mt, 'stipendija rata ' + ri(1, 10), 'Стипендија ' + mt])), money(8000, 28000, 1)];
    },
    transfer: () => {
      const r = rnd();
      const p = person();
      if (r < 0.18) return [ips(p, pick(['', 'pozajmica', 'za rođendan', 'vraćam', 'pola za račun', 'poklon', 'za put', 'džeparac'])), -money(500, 50000, 0.9)];
      if (r < 0.3) return [inc(p, pick(['', 'povraćaj duga', 'za večeru', 'poklon', 'IPS prenos', 'kirija za stan', 'zakupnina za lokal', 'kirija ' + monthTag(2025, ri(1, 12), 0)])), money(500, 60000, 0.9)];
      if (r < 0.45) { const b = pick(BANKS); const city = cityPick(); return [pick(ATM)({ ...tplBase(null, ri(toDay(2024, 1, 1), toDay(2026, 11, 30))), bin: b.bin, bs: b.short, loc: pick(STREETS) + ' ' + ri(1, 90), city: city.up }), -ri(1, 40) * 1000 * 100]; }
      if (r < 0.58) { const f = pick(FEES); const big = /lanarin|ANNUAL|Godišnja|izdavanje/.test(f); return [f + (chance(0.5) ? ' ' + monthTag(ri(2024, 2026), ri(1, 12), 0) : ''), -(big ? money(800, 2600, 0.9) : money(20, 650, 0.7))]; }
      if (r < 0.68) return [order(pick(['Banca Intesa', 'OTP banka', 'Raiffeisen banka', 'UniCredit', 'AIK banka', 'Erste banka']), pick(['Rata kredita ' + ri(1, 84) + '/84', 'otplata gotovinskog kredita', 'Otplata kreditne kartice', 'uplata na kreditnu karticu', 'rata stambenog kredita'])), -money(3000, 85000, 0.3)];
      if (r < 0.78) return [pick(['Prenos na štednju', 'Prenos sa tekućeg na štedni račun', 'Kupoprodaja deviza EUR', 'Kupovina deviza 100 EUR', 'Menjačnica prodaja EUR', 'Prenos na devizni račun', 'Oročenje štednje', 'Prenos između sopstvenih računa', 'TRANSFER TO OWN ACCOUNT', 'Пренос на штедњу']) + (chance(0.4) ? ' ' + digits(ri(8, 13)) : ''), -money(2000, 120000, 0.9)];
      if (r < 0.86) { const w = pick([['REVOLUT**' + digits(4) + '*', 'DUBLIN', 'IE'], ['PAYPAL *TOPUP', 'LUXEMBOURG', 'LU'], ['WISE EUROPE SA', 'BRUSSELS', 'BE'], ['REVOLUT TOP-UP', 'VILNIUS', 'LT'], ['PAYSERA LT', 'VILNIUS', 'LT']]); return [card(w[0], w[1], w[2]), -money(1000, 60000, 0.9)]; }
      if (r < 0.93) return [inc(pick(['Povraćaj sredstava', 'Storno transakcije', 'Refund ' + pick(['ZARA.COM', 'BOOKING.COM', 'ALIEXPRESS', 'WIZZ AIR']), 'Dečiji dodatak', 'Roditeljski dodatak', 'Povraćaj poreza', 'Kamata na štednju', 'Uplata gotovine na šalteru', 'Priliv sa deviznog računa', 'Prodaja deviza', 'Uplata pazara']), pick(['', digits(6), monthTag(ri(2024, 2026), ri(1, 12), 0)])), money(100, 90000, 0.6)];
      return [pick([standing, ips])(p, pick(['alimentacija', 'pomoć roditeljima', 'za mamu', 'čišćenje stana', 'časovi matematike', 'čuvanje deteta'])), -money(2000, 30000, 0.95)];
    },
  };
  let guard = 0;
  while (Object.keys(target).some((k) => cnt[k] < target[k]) && guard < 100000) {
    guard++;
    for (const k of Object.keys(target)) {
      if (cnt[k] >= target[k]) continue;
      const [d, a] = gens[k]();
      if (add(d, a, k)) cnt[k]++;
    }
  }
  return shuffle(rows);
}

// ---------------------------------------------------------------- employers
const EMPLOYERS = ['NIS a.d. Novi Sad', 'Telekom Srbija a.d.', 'Hemofarm a.d. Vršac', 'Tigar Tyres d.o.o.', 'Stellantis Serbia d.o.o.', 'Continental Automotive Serbia', 'Gorenje d.o.o. Valjevo', 'Leoni Wiring Systems Southeast', 'Grundfos Srbija d.o.o.', 'ZF Serbia d.o.o.', 'HBIS Group Serbia', 'Delhaize Serbia d.o.o.', 'Nordeus d.o.o.', 'EPAM Systems d.o.o.', 'Levi9 Technology Services', 'Vega IT d.o.o.', 'HTEC Group d.o.o.', 'OŠ Vuk Karadžić', 'Dom zdravlja Niš', 'Univerzitetski klinički centar Srbije', 'Gradska uprava Čačak', 'JKP Beogradski vodovod i kanalizacija', 'Elektroprivreda Srbije', 'Mercator-S d.o.o.', 'Metalac a.d. Gornji Milanovac', 'Fabrika Sloboda Čačak', 'Zastava oružje a.d.', 'Yura Corporation d.o.o.', 'Pekara Jovanović i sinovi doo', 'Autoservis Lazić PR', 'Gomex d.o.o. Zrenjanin', 'Pupin Telecom doo', 'Sunoko d.o.o.', 'Imlek a.d.', 'Bambi a.d. Požarevac', 'Knjaz Miloš a.d.', 'Carnex d.o.o.', 'Dunav osiguranje a.d.o.', 'Pošta Srbije', 'Srbijavoz a.d.', 'Institut Mihajlo Pupin', 'Gimnazija Užice', 'Opšta bolnica Leskovac', 'Kompanija Dunav Pančevo'];

// ================================================================= PART 2: histories
const PERIOD = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };

// Stream kind factories: (h) => spec
// spec: {freq, dir, cat, chan, dom, jitter, skipP, doubleP, start, stop, amount(d,k,info), desc(d,k,info), payday, oneoffs}
function K(h) {
  const c = h.city, cu = CITY_UTIL[c.n];
  const rise = (d, arr) => { let v = arr[0][1]; for (const [from, val] of arr) if (d >= from) v = val; return v; };
  const yrStart = (y) => toDay(y, 1, 1);
  const seasonal = (d, base, amp) => { const f = fromDay(d); const wf = (Math.cos(((f.m - 1) / 12) * 2 * Math.PI) + 1) / 2; return Math.round(base * (1 - amp / 2 + amp * wf) * rf(0.9, 1.1) * 100); };
  const subCard = (s, variant) => {
    const m = s.m[variant % s.m.length];
    const eraM = s.m[(variant + 1) % s.m.length];
    const eur = s.eur ? pick(s.eur) : null, usd = s.usd ? pick(s.usd) : null, rsdv = s.rsd ? s.rsd : null;
    const spread = rf(0, 0.025);
    const riseDay = toDay(2025, ri(1, 12), 1);
    return {
      freq: 'monthly', dir: 'out', cat: 'subscriptions', chan: 'card', dom: ri(1, 28), jitter: chance(0.8) ? 0 : 1, skipP: 0.01, doubleP: 0,
      amount: (d) => rsdv ? (d >= riseDay ? rsdv[rsdv.length - 1] : rsdv[0]) * 100 : eur ? fx(d >= riseDay && s.eur.length > 1 && chance(0) ? eur : eur, 'eur', d, spread) : fx(usd, 'usd', d, spread),
      desc: (d, k) => h.card(s.refd ? `${(h.era(d) ? eraM : m)} P${digits(10)}` : (h.era(d) && s.k === 'hbo' && d > toDay(2024, 5, 21) ? 'MAX.COM' : h.era(d) ? eraM : m), s.city, s.cc, d),
      oneoff: ['icloud', 'gplay', 'applemusic', 'ytp', 'gone', 'm365', 'xbox'].includes(s.k) ? 0.6 : 0.1,
      oneoffAmt: () => pick([99, 199, 299, 499, 999, 1299, 2499]) * 100 + (chance(0.5) ? ri(1, 99) : 0),
    };
  };
  const person1 = person(), person2 = person(), person3 = person(), person4 = person();
  const emp = pick(EMPLOYERS);
  const monthlyPurpose = (label, style) => (d, k, info) => { const f = info && info.ym ? { y: info.ym[0], m: info.ym[1] } : fromDay(d); const [py, pm] = prevMonth(f.y, f.m); return info && info.combined ? `${label} za ${pad(info.prev[1])} i ${pad(pm)}/${py}` : `${label} ${monthTag(info && info.late ? info.prev[0] : py, info && info.late ? info.prev[1] : pm, style)}`; };
  const kinds = {
    // ---------------- weekly
    w_allowance: () => { const amt = pick([1000, 1500, 2000, 2500]); const kid = `${pick(FIRST_M.concat(FIRST_F))} ${h.last}`; return { freq: 'weekly', dir: 'out', cat: 'transfer', chan: 'ips', amount: (d) => (d > h.mid ? amt + 500 : amt) * 100, desc: (d) => h.ips(kid, 'džeparac', d) }; },
    w_cleaning: () => { const amt = pick([3000, 3500, 4000]); return { freq: 'weekly', dir: 'out', cat: 'transfer', chan: 'ips', amount: (d) => (d > h.mid ? amt + 500 : amt) * 100, desc: (d) => h.ips(person2, pick(['čišćenje', 'čišćenje stana', 'spremanje']), d) }; },
    w_savings: () => { const amt = pick([2000, 3000, 5000, 10000]); return { freq: 'weekly', dir: 'out', cat: 'transfer', chan: 'standing', amount: () => amt * 100, desc: (d) => h.standing('Štedni račun ' + h.acctOwn, 'nedeljna štednja', d) }; },
    w_tennis: () => { const lm = localMerchant(['Teniski klub', 'Plesni studio', 'Joga studio', 'Sportski centar'], c); const amt = pick([2000, 2500, 3000]); return { freq: 'weekly', dir: 'out', cat: 'entertainment', chan: 'card', amount: (d) => amt * 100, desc: (d) => h.card(lm.m, c.up, 'RS', d), short: true }; },
    w_loto: () => { const m = pick(['LUTRIJA SRBIJE LOTO', 'LUTRIJA SRBIJE ONLINE', 'DRZAVNA LUTRIJA SRBIJE']); return { freq: 'weekly', dir: 'out', cat: 'entertainment', chan: 'card', amount: (d) => (d > toDay(2025, 7, 1) ? 400 : 300) * 100, desc: (d) => h.card(m, 'BEOGRAD', 'RS', d), weekday: 2 }; },
    w_bet: () => { const b = pick(['MOZZART ONLINE', 'MAXBET ONLINE', 'SOCCERBET.RS', 'MERIDIANBET']); return { freq: 'weekly', dir: 'out', cat: 'entertainment', chan: 'card', amount: () => pick([500, 1000, 1000, 1500, 2000]) * 100, desc: (d) => h.card(b, 'BEOGRAD', 'RS', d), weekday: 6 }; },
    w_freelance: () => ({ freq: 'weekly', dir: 'in', cat: 'salary', chan: 'inc', amount: () => ri(90, 420) * 1000 + ri(0, 99), desc: (d) => h.inc('Upwork Global Inc via Payoneer', 'Priliv iz inostranstva - freelance earnings', d), weekday: 3 }),
    w_mother: () => { const amt = pick([2000, 3000, 5000]); return { freq: 'weekly', dir: 'out', cat: 'transfer', chan: 'ips', amount: () => amt * 100, desc: (d) => h.ips(person3, pick(['za mamu', 'pomoć', 'za lekove']), d) }; },
    w_pocket_in: () => { const amt = pick([2000, 3000, 4000]); const parent = `${pick(FIRST_M.concat(FIRST_F))} ${h.last}`; return { freq: 'weekly', dir: 'in', cat: 'transfer', chan: 'inc', amount: (d) => amt * 100, desc: (d) => h.inc(parent, 'džeparac', d) }; },
    // ---------------- biweekly
    b_cleaning: () => { const amt = pick([4000, 5000, 6000]); return { freq: 'biweekly', dir: 'out', cat: 'transfer', chan: 'ips', amount: (d) => (d > h.mid ? amt + 1000 : amt) * 100, desc: (d) => h.ips(person2, 'čišćenje', d) }; },
    b_payout: () => { const ag = pick(['Wolt Partner Agencija doo', 'Glovo kurir servis doo', 'Dostava Express doo', 'Agencija Lider plus']); const lbl = pick(['isplata zarade kuriri', 'isplata za period', 'zarada dostava']); return { freq: 'biweekly', dir: 'in', cat: 'salary', chan: 'inc', amount: () => ri(18, 65) * 1000 * 100 + ri(0, 99999), desc: (d) => h.inc(ag, lbl, d), weekday: 5 }; },
    b_parent: () => { const amt = pick([3000, 5000, 8000]); return { freq: 'biweekly', dir: 'out', cat: 'transfer', chan: 'ips', amount: () => amt * 100, desc: (d) => h.ips(person3, 'pomoć roditeljima', d) }; },
    b_dog: () => { const amt = pick([2500, 3000]); return { freq: 'biweekly', dir: 'out', cat: 'transfer', chan: 'ips', amount: () => amt * 100, desc: (d) => h.ips(person4, pick(['šetanje psa', 'čuvanje psa']), d) }; },
    b_savings: () => { const amt = pick([5000, 8000, 10000]); return { freq: 'biweekly', dir: 'out', cat: 'transfer', chan: 'standing', amount: () => amt * 100, desc: (d) => h.standing('Štednja ' + h.acctOwn, 'prenos na štednju', d) }; },
    b_physio: () => { const lm = localMerchant(['Fizikalna terapija', 'Poliklinika', 'Ordinacija za fizikalnu medicinu'], c); const amt = pick([3500, 4000, 4500]); return { freq: 'biweekly', dir: 'out', cat: 'groceries', chan: 'card', amount: () => amt * 100, desc: (d) => h.card(lm.m, c.up, 'RS', d), short: true }; },
    // ---------------- monthly core
    m_salary: () => { const lbl = pick(['Zarada za ', 'Isplata zarade ', 'Zarada ', 'Plata ', 'Isplata zarade za ']); const base = ri(70, 260) * 1000; const split = !!h.split; return { freq: 'monthly', dir: 'in', cat: 'salary', chan: 'inc', dom: ri(5, 15), jitter: 2, payday: true, amount: (d) => Math.round((base * (d > h.mid ? 1.08 : 1) * (split ? 0.6 : 1) + ri(-3000, 3000)) * 100) + ri(0, 99), desc: (d) => { const f = fromDay(d); const [py, pm] = prevMonth(f.y, f.m); return h.inc(emp, (split ? 'Konačna isplata zarade ' : lbl) + monthTag(py, pm, h.style), d); } , pair: split }; },
    m_advance: () => { const base = ri(30, 90) * 1000; return { freq: 'monthly', dir: 'in', cat: 'salary', chan: 'inc', dom: ri(20, 25), jitter: 2, payday: true, amount: () => base * 100, desc: (d) => { const f = fromDay(d); return h.inc(emp, 'Akontacija zarade ' + monthTag(f.y, f.m, h.style), d); } }; },
    m_pension: () => { const base = ri(28, 85) * 1000 + ri(0, 999); return { freq: 'monthly', dir: 'in', cat: 'salary', chan: 'inc', dom: ri(2, 9), jitter: 2, amount: (d) => Math.round(base * Math.pow(1.055, fromDay(d).y - 2024) * 100), desc: (d) => { const f = fromDay(d); const [py, pm] = prevMonth(f.y, f.m); return h.inc('RF PIO', 'Penzija ' + monthTag(py, pm, h.style), d); } }; },
    m_stipend: () => { const base = pick([8400, 9600, 11000, 12400]); return { freq: 'monthly', dir: 'in', cat: 'salary', chan: 'inc', dom: ri(10, 20), jitter: 3, months: [1, 2, 3, 4, 5, 6, 10, 11, 12], amount: (d) => (fromDay(d).y >= 2026 ? base + 1200 : base) * 100, desc: (d) => { const f = fromDay(d); return h.inc('Ministarstvo prosvete', 'Studentska stipendija ' + monthTag(f.y, f.m, h.style), d); } }; },
    m_honorar: () => { const org = pick(['Kulturni centar ' + c.n, 'RTS', 'Radio ' + c.n, 'Udruženje ' + pick(LOCAL_NAMES)]); return { freq: 'monthly', dir: 'in', cat: 'salary', chan: 'inc', dom: ri(1, 28), jitter: 4, amount: () => ri(15, 60) * 1000 * 100, desc: (d) => h.inc(org, 'Honorar po ugovoru ' + digits(3), d) }; },
    m_rent: () => { const eurAmt = pick([250, 300, 350, 400, 450, 500, 600]); const inEur = chance(0.55); const rsd = ri(25, 70) * 1000; const word = pick(['Kirija', 'kirija', 'Stanarina', 'zakup stana', 'KIRIJA']); const ch = pick(['ips', 'standing', 'order']); return { freq: 'monthly', dir: 'out', cat: 'rent', chan: ch, dom: ri(1, 6), jitter: ch === 'standing' ? 0 : 4, skipP: 0.02, doubleP: ch === 'standing' ? 0 : 0.03, amount: (d, k, info) => (inEur ? Math.round(eurAmt * eurRate(d)) * 100 : (d > h.mid ? rsd + 3000 : rsd) * 100) * (info && info.combined ? 2 : 1), desc: (d, k, info) => { const f = fromDay(d); const txt = info && info.combined ? `${word} za ${MONTHS[info.prevM[1] - 1]} i ${MONTHS[f.m - 1]}` : info && info.late ? `${word} ${monthTag(info.prevM[0], info.prevM[1], h.style)}` : `${word} ${monthTag(f.y, f.m, h.style)}`; let s = ch === 'ips' ? h.ips(person1, txt, d) : ch === 'standing' ? h.standing(person1, txt, d) : h.order(person1, txt, d); if (!/kirij|stanarin|zakup|кириј|станарин|закуп/i.test(s)) s = `${s} ${h.bank.k === 'treca' ? noDia(txt) : txt}`; return s; }, landlord: person1 }; },
    m_eps: () => { const base = ri(2500, 7000); const dd = chance(0.3); const ref = digits(10); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: dd ? 'dd' : 'order', dom: ri(8, 25), jitter: dd ? 1 : 6, skipP: dd ? 0 : 0.04, doubleP: dd ? 0 : 0.05, amount: (d, k, info) => seasonal(d, base, 0.8) * (info && info.combined ? 2 : 1), desc: (d, k, info) => { const p = h.era(d) ? 'EPS Snabdevanje' : 'JP EPS Snabdevanje'; const pur = monthlyPurpose(pick(['Račun za struju', 'struja', 'EPS račun']), h.style)(d, k, info); return dd ? h.dd(p, pur, ref, d) : h.order(p, pur, d, ref + pad(fromDay(d).m)); } }; },
    m_jkp: () => { const name = pick(cu.jkp); const base = ri(3000, 9000); const ref = digits(9); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(10, 25), jitter: 6, skipP: 0.04, doubleP: 0.06, amount: (d, k, info) => Math.round(base * rf(0.92, 1.1) * (d > h.mid ? 1.06 : 1)) * 100 * (info && info.combined ? 2 : 1) + ri(0, 99), desc: (d, k, info) => h.order(name, monthlyPurpose(pick(['račun', 'komunalije', 'objedinjena naplata']), h.style)(d, k, info), d, ref + digits(3)) }; },
    m_heat: () => { const name = cu.heat || 'JKP Toplana ' + c.n; const base = ri(4000, 9000); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(12, 25), jitter: 5, skipP: 0.03, doubleP: 0.04, amount: (d, k, info) => Math.round(base * (d > h.mid ? 1.1 : 1)) * 100 * (info && info.combined ? 2 : 1), desc: (d, k, info) => h.order(name, monthlyPurpose('grejanje', h.style)(d, k, info), d, digits(12)) }; },
    m_water: () => { const name = cu.water || 'JKP Vodovod ' + c.n; const base = ri(900, 2600); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(12, 25), jitter: 6, skipP: 0.05, doubleP: 0.05, amount: (d, k, info) => Math.round(base * rf(0.8, 1.25)) * 100 * (info && info.combined ? 2 : 1), desc: (d, k, info) => h.order(name, monthlyPurpose('voda', h.style)(d, k, info), d, digits(10)) }; },
    m_mobile: () => { const op = pick([['Yettel', [1999, 2199, 2399]], ['A1 Srbija', [1890, 2090]], ['mts', [2290, 2490]]]); const dd = chance(0.5); const r0 = toDay(2025, ri(1, 12), 1); const variable = chance(0.4); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: dd ? 'dd' : 'order', dom: ri(15, 28), jitter: dd ? 1 : 5, skipP: dd ? 0 : 0.03, doubleP: 0, amount: (d) => (d >= r0 ? op[1][1] : op[1][0]) * 100 + (variable ? ri(0, 900) * 100 : 0), desc: (d, k, info) => { const f = info && info.ym ? { y: info.ym[0], m: info.ym[1] } : fromDay(d); const pur = 'račun ' + monthTag(...prevMonth(f.y, f.m), h.style); return dd ? h.dd(op[0], pur, digits(9), d) : h.order(op[0], pur, d, digits(11)); } }; },
    m_internet: () => { const op = pick([['SBB', [3499, 3899, 4199]], ['Orion telekom', [2190, 2490]], ['Telekom Srbija', [2990, 3290]], ['A1 Srbija', [2999, 3299]]]); const dd = chance(0.4); const r0 = toDay(ri(2024, 2025), ri(1, 12), 1); const r1 = r0 + ri(300, 420); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: dd ? 'dd' : 'order', dom: ri(5, 25), jitter: dd ? 1 : 5, skipP: dd ? 0 : 0.03, doubleP: dd ? 0 : 0.03, amount: (d, k, info) => (d >= r1 && op[1][2] ? op[1][2] : d >= r0 ? op[1][1] : op[1][0]) * 100 * (info && info.combined ? 2 : 1), desc: (d, k, info) => { const pur = monthlyPurpose(pick(['internet i TV', 'pretplata', 'račun']), h.style)(d, k, info); return dd ? h.dd(op[0], pur, digits(8), d) : h.order(op[0], pur, d, digits(10)); } }; },
    m_building: () => { const name = pick(['Stambena zajednica ' + pick(STREETS) + ' ' + ri(1, 120), 'Upravnik zgrade ' + person(), 'SZ ' + pick(STREETS) + ' ' + ri(1, 80)]); const amt = ri(6, 25) * 100; return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: 'standing', dom: ri(1, 28), jitter: 0, amount: (d) => (d > h.mid ? amt + 200 : amt) * 100, desc: (d) => h.standing(name, 'održavanje zgrade', d) }; },
    m_kinder: () => { const name = pick(['PU ' + pick(['Radosno detinjstvo', 'Čukarica', 'Pčelica', 'Naša radost', 'Boško Buha', 'Poletarac']) + ' ' + c.n, 'Predškolska ustanova ' + c.n]); const base = ri(40, 70) * 100; return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(10, 20), jitter: 5, skipP: 0.03, doubleP: 0.03, amount: (d, k, info) => Math.round(base * rf(0.75, 1)) * 100 * (info && info.combined ? 2 : 1), desc: (d, k, info) => h.order(name, monthlyPurpose('vrtić', h.style)(d, k, info), d, digits(12)) }; },
    m_life_ins: () => { const ins = pick(['Wiener Städtische osiguranje', 'Generali osiguranje Srbija', 'Dunav osiguranje', 'UNIQA osiguranje', 'Triglav osiguranje']); const amt = ri(15, 60) * 100; const pol = digits(8); return { freq: 'monthly', dir: 'out', cat: 'utilities', chan: 'standing', dom: ri(1, 28), jitter: 0, amount: () => amt * 100, desc: (d) => h.standing(ins, 'premija polisa ' + pol, d) }; },
    m_loan: () => { const br = pick(['', 'br. ' + digits(7) + ' ']); const amt = ri(8000, 45000) * 100 + ri(0, 99); const bank = pick(['Banca Intesa', 'OTP banka', 'Raiffeisen banka', 'AIK banka', h.bank.name]); const n = pick([48, 60, 84, 120]); return { freq: 'monthly', dir: 'out', cat: 'transfer', chan: 'order', dom: ri(1, 28), jitter: 0, amount: () => amt, desc: (d, k) => h.fee(`Rata kredita ${br}`.trim() + ` ${bank}`, d) }; },
    m_card_repay: () => { const lbl = pick(['Otplata kreditne kartice', 'Uplata na kreditnu karticu', 'Automatska otplata duga po kreditnoj kartici']); return { freq: 'monthly', dir: 'out', cat: 'transfer', chan: 'order', dom: ri(10, 20), jitter: 2, amount: () => ri(5, 60) * 1000 * 100 + ri(0, 99), desc: (d) => h.fee(lbl + ' ' + h.bank.short, d) }; },
    m_fee: () => { const base = pick([190, 250, 290, 350, 450]); const r0 = toDay(2025, ri(1, 12), 1); const txt = pick(['Naknada za vođenje računa', 'Mesečno održavanje paketa', 'NAKNADA ZA PAKET USLUGA', 'Naknada za održavanje računa']); return { freq: 'monthly', dir: 'out', cat: 'transfer', chan: 'fee', dom: 'last', jitter: 0, amount: (d) => (d >= r0 ? base + 40 : base) * 100, desc: (d) => { const f = fromDay(d); return h.fee(`${txt} ${pad(f.m)}/${f.y}`, d); } }; },
    m_save_so: () => { const amt = pick([5000, 10000, 15000, 20000]); return { freq: 'monthly', dir: 'out', cat: 'transfer', chan: 'standing', dom: ri(10, 20), jitter: 0, amount: () => amt * 100, desc: (d) => h.standing('Štedni račun ' + h.acctOwn, 'mesečna štednja', d) }; },
    m_parents: () => { const amt = pick([5000, 10000, 15000]); return { freq: 'monthly', dir: 'out', cat: 'transfer', chan: 'ips', dom: ri(1, 28), jitter: 3, amount: () => amt * 100, desc: (d) => h.ips(person3, pick(['za roditelje', 'pomoć']), d) }; },
    m_gym: () => { const lm = localMerchant(['Teretana', 'Fitnes centar', 'Fitness club'], c); const amt = pick([2500, 3000, 3500, 4000, 4500]); const r0 = toDay(2025, ri(1, 12), 1); return { freq: 'monthly', dir: 'out', cat: 'entertainment', chan: 'card', dom: ri(1, 10), jitter: 4, skipP: 0.04, amount: (d) => (d >= r0 ? amt + 500 : amt) * 100, desc: (d) => h.card(lm.m, c.up, 'RS', d), oneoff: 0.5, oneoffAmt: () => pick([500, 600, 800]) * 100 }; },
    m_parking: () => ({ freq: 'monthly', dir: 'out', cat: 'transport', chan: 'card', dom: ri(1, 5), jitter: 2, amount: (d) => (d > toDay(2025, 3, 1) ? 3000 : 2600) * 100, desc: (d) => h.card(c.n === 'Novi Sad' ? 'JKP PARKING SERVIS NS' : c.n === 'Beograd' ? 'PARKING SERVIS PRETPLATA' : 'JKP PARKING ' + c.up, c.up, 'RS', d) }),
    m_busplus: () => ({ freq: 'monthly', dir: 'out', cat: 'transport', chan: 'card', dom: ri(1, 4), jitter: 1, stopAt: toDay(2024, 12, 10), amount: () => 3560 * 100, desc: (d) => h.card('BUSPLUS MESECNA KARTA', 'BEOGRAD', 'RS', d) }),
    m_rent_in: () => { const tenant = person(); const amt = ri(25, 55) * 1000; return { freq: 'monthly', dir: 'in', cat: 'transfer', chan: 'inc', dom: ri(1, 7), jitter: 3, amount: (d) => (d > h.mid ? amt + 2000 : amt) * 100, desc: (d) => { const f = fromDay(d); return h.inc(tenant, pick(['kirija', 'Kirija', 'stanarina']) + ' ' + monthTag(f.y, f.m, h.style), d); } }; },
    m_child_allow: () => { const lbl = pick(['Roditeljski dodatak', 'Dečiji dodatak']); return { freq: 'monthly', dir: 'in', cat: 'transfer', chan: 'inc', dom: ri(15, 25), jitter: 3, amount: (d) => (fromDay(d).y >= 2026 ? 13180 : fromDay(d).y === 2025 ? 12580 : 12010) * 100, desc: (d) => h.inc('Ministarstvo za brigu o porodici', lbl, d) }; },
    m_alimony: () => { const amt = pick([15000, 20000, 25000]); return { freq: 'monthly', dir: 'out', cat: 'transfer', chan: 'standing', dom: ri(1, 10), jitter: 0, amount: () => amt * 100, desc: (d) => h.standing(person4, 'alimentacija', d) }; },
    m_canteen: () => { const m = pick(['Studentski centar ' + c.n + ' menza', 'Kantina ' + pick(LOCAL_NAMES) + ' doo', 'Restoran društvene ishrane ' + pick(LOCAL_NAMES)]); const amt = pick([3600, 4500, 5200, 6000]); return { freq: 'monthly', dir: 'out', cat: 'dining', chan: 'ips', dom: ri(1, 6), jitter: 3, skipP: 0.05, amount: (d) => (d > h.mid ? amt + 400 : amt) * 100, desc: (d) => h.ips(m, pick(['bonovi za obroke', 'mesečni obroci', 'ručkovi']), d) }; },
    m_waterdeliv: () => { const m = pick(['AQUA VIVA DOSTAVA', 'ROSA VODA DOSTAVA', 'VODA VODA KUCNA DOSTAVA', 'DOSTAVA VODE ' + UP(pick(LOCAL_NAMES))]); const per = pick([420, 490, 550]); return { freq: 'monthly', dir: 'out', cat: 'groceries', chan: 'card', dom: ri(3, 25), jitter: 4, skipP: 0.05, amount: () => per * ri(4, 8) * 100, desc: (d) => h.card(m, c.up, 'RS', d) }; },
    m_news: () => { const n = pick(NEWS); const amt = pick([399, 499, 590, 690]); return { freq: 'monthly', dir: 'out', cat: 'subscriptions', chan: 'card', dom: ri(1, 28), jitter: 0, amount: () => amt * 100, desc: (d) => h.card(UP(n), 'BEOGRAD', 'RS', d) }; },
    // ---------------- quarterly
    q_proptax: () => { const base = ri(15, 120) * 100; const ref = digits(11); return { freq: 'quarterly', dir: 'out', cat: 'utilities', chan: 'order', qmonths: [2, 5, 8, 11], dom: ri(3, 13), jitter: 3, amount: (d) => Math.round(base * Math.pow(1.07, fromDay(d).y - 2024)) * 100, desc: (d) => { const f = fromDay(d); const q = Math.floor((f.m - 1) / 3) + 1; return h.order(`Grad ${c.n} - LPA`, pick([`porez na imovinu ${q}. kvartal ${f.y}`, `porez na imovinu ${['I', 'II', 'III', 'IV'][q - 1]}/${f.y}`]), d, ref); } }; },
    q_home_ins: () => { const ins = pick(['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje Srbija', 'Sava osiguranje']); const amt = ri(18, 60) * 100; const pol = digits(9); return { freq: 'quarterly', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(1, 25), jitter: 4, amount: () => amt * 100, desc: (d) => h.order(ins, `osiguranje stana polisa ${pol}`, d, pol) }; },
    q_interest: () => ({ freq: 'quarterly', dir: 'in', cat: 'transfer', chan: 'inc', qmonths: [3, 6, 9, 12], dom: 'last', jitter: 0, amount: () => ri(300, 9000) * 100 + ri(0, 99), desc: (d) => h.inc(h.bank.name, 'Kamata na oročenu štednju', d) }),
    q_bonus: () => ({ freq: 'quarterly', dir: 'in', cat: 'salary', chan: 'inc', qmonths: [1, 4, 7, 10], dom: ri(15, 25), jitter: 3, payday: true, amount: () => ri(15, 90) * 1000 * 100, desc: (d) => { const f = fromDay(d); const q = Math.floor((f.m - 1) / 3); return h.inc(emp, `Kvartalni bonus Q${q === 0 ? 4 : q}`, d); } }),
    q_royalty: () => { const org = pick(['SOKOJ', 'Laguna d.o.o.', 'OFPS', 'Kreativna radionica Balkan']); return { freq: 'quarterly', dir: 'in', cat: 'salary', chan: 'inc', dom: ri(5, 25), jitter: 6, amount: () => ri(6, 45) * 1000 * 100 + ri(0, 99), desc: (d) => h.inc(org, 'Autorski honorar', d) }; },
    q_gym3: () => { const lm = localMerchant(['Teretana', 'Bazen', 'Fitnes centar', 'Sportski centar'], c); const amt = pick([8000, 9000, 10500]); return { freq: 'quarterly', dir: 'out', cat: 'entertainment', chan: 'card', dom: ri(1, 15), jitter: 5, amount: (d) => (d > h.mid ? amt + 1000 : amt) * 100, desc: (d) => h.card(lm.m, c.up, 'RS', d), oneoff: 0.4, oneoffAmt: () => pick([600, 700, 900]) * 100 }; },
    q_magazine: () => { const n = pick(['Nedeljnik Vreme', 'NIN', 'National Geographic Srbija', 'Politikin Zabavnik', 'Elle Srbija']); const amt = pick([1500, 1800, 2400]); return { freq: 'quarterly', dir: 'out', cat: 'subscriptions', chan: 'order', dom: ri(1, 25), jitter: 5, amount: () => amt * 100, desc: (d) => h.order(n + ' pretplata', 'tromesečna pretplata ' + digits(5), d) }; },
    q_landlord_tax: () => ({ freq: 'quarterly', dir: 'out', cat: 'utilities', chan: 'order', qmonths: [1, 4, 7, 10], dom: ri(10, 15), jitter: 3, amount: () => ri(25, 80) * 100 * 100, desc: (d) => h.order('Poreska uprava', 'porez na prihod od izdavanja', d, digits(12)) }),
    q_building_inv: () => { const amt = pick([3000, 4500, 6000]); const sz = 'Stambena zajednica ' + pick(STREETS) + ' ' + ri(2, 60); return { freq: 'quarterly', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(1, 28), jitter: 6, amount: () => amt * 100, desc: (d) => h.order(sz, 'investiciono održavanje', d, digits(6)) }; },
    // ---------------- annual
    a_registration: () => { const m = UP(pick(['Agencija za registraciju ', 'Tehnički pregled i registracija ', 'Auto centar ']) + pick(LOCAL_NAMES)); return { freq: 'annually', dir: 'out', cat: 'transport', chan: 'card', dom: ri(1, 28), jitter: 8, amount: () => ri(21, 42) * 1000 * 100 + ri(0, 99) * 100, desc: (d) => h.card(m, c.up, 'RS', d) }; },
    a_techcheck: () => { const m = UP('Tehnički pregled ' + pick(LOCAL_NAMES)); return { freq: 'annually', dir: 'out', cat: 'transport', chan: 'card', dom: ri(1, 28), jitter: 8, amount: () => ri(38, 58) * 100 * 100, desc: (d) => h.card(m, c.up, 'RS', d) }; },
    a_car_ins: () => { const ins = pick(['DDOR Novi Sad', 'Dunav osiguranje', 'Generali osiguranje', 'Triglav osiguranje', 'Wiener Städtische']); return { freq: 'annually', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(1, 28), jitter: 8, amount: () => ri(14, 24) * 1000 * 100 + ri(0, 99) * 100, desc: (d) => h.order(ins, 'AO polisa ' + digits(9), d, digits(9)) }; },
    a_cardfee: () => { const amt = pick([900, 1200, 1500, 2400]); const lbl = pick(['Godišnja članarina za karticu', 'Članarina za karticu Visa Classic', 'CARD ANNUAL FEE', 'Godišnja članarina Mastercard', 'Članarina Dina kartica']); return { freq: 'annually', dir: 'out', cat: 'transfer', chan: 'fee', dom: ri(1, 28), jitter: 1, amount: () => amt * 100, desc: (d) => h.fee(lbl, d) }; },
    a_m365: () => { const eur = pick([69.99, 99.99]); const m = pick(['MICROSOFT*365 FAMILY', 'MSFT *MICROSOFT 365', 'Microsoft*Microsoft 365 P']); return { freq: 'annually', dir: 'out', cat: 'subscriptions', chan: 'card', dom: ri(1, 28), jitter: 0, amount: (d) => fx(eur, 'eur', d, 0.015), desc: (d) => h.card(m, 'MSBILL.INFO', 'IE', d) }; },
    a_antivirus: () => { const v = pick([['ESET', 'BRATISLAVA', 'SK', 29.99], ['KASPERSKY', 'MOSCOW', 'RU', 24.99], ['NORTON *AP', 'TEMPE', 'US', 39.99], ['AVAST SOFTWARE', 'PRAHA', 'CZ', 34.99]]); return { freq: 'annually', dir: 'out', cat: 'subscriptions', chan: 'card', dom: ri(1, 28), jitter: 0, amount: (d) => fx(v[3], 'eur', d, 0.02), desc: (d) => h.card(v[0], v[1], v[2], d) }; },
    a_domain: () => { const amt = pick([1490, 2390, 3600]); const m = pick(['MAINSTREAM.RS', 'LOOPIA.RS', 'PLUS HOSTING', 'NAMECHEAP.COM']); return { freq: 'annually', dir: 'out', cat: 'subscriptions', chan: 'card', dom: ri(1, 28), jitter: 0, amount: (d) => (d > h.mid ? amt + 200 : amt) * 100, desc: (d) => h.card(m, 'BEOGRAD', 'RS', d) }; },
    a_regres: () => ({ freq: 'annually', dir: 'in', cat: 'salary', chan: 'inc', mon: ri(5, 7), dom: ri(10, 25), jitter: 5, payday: true, amount: () => ri(20, 60) * 1000 * 100, desc: (d) => h.inc(emp, 'Regres za godišnji odmor ' + fromDay(d).y, d) }),
    a_bonus13: () => { const lbl = pick(['Godišnja nagrada', 'Božićni bonus', '13. plata', 'Novogodišnji bonus']); return { freq: 'annually', dir: 'in', cat: 'salary', chan: 'inc', mon: 12, dom: ri(15, 23), jitter: 3, payday: true, amount: () => ri(40, 200) * 1000 * 100, desc: (d) => h.inc(emp, lbl + ' ' + fromDay(d).y, d) }; },
    a_drainage: () => { const org = pick(['JVP Vode Vojvodine', 'JVP Srbijavode']); return { freq: 'annually', dir: 'out', cat: 'utilities', chan: 'order', dom: ri(1, 28), jitter: 10, amount: (d) => ri(3, 12) * 100 * 100 + ri(0, 99), desc: (d) => h.order(org, 'naknada za odvodnjavanje ' + fromDay(d).y, d, digits(10)) }; },
    a_mountain: () => { const org = 'PSD ' + pick(['Kopaonik', 'Železničar', 'Gora', 'Avala', 'Suva planina', 'Jastrebac', 'Rtanj']); return { freq: 'annually', dir: 'out', cat: 'entertainment', chan: 'order', dom: ri(1, 28), jitter: 10, amount: (d) => (fromDay(d).y >= 2026 ? 3000 : 2500) * 100, desc: (d) => h.order(org, 'godišnja članarina ' + fromDay(d).y, d, digits(6)) }; },
    a_travel_ins: () => { const m = UP(pick(['Generali osiguranje', 'Dunav osiguranje', 'Uniqa osiguranje', 'Wiener osiguranje'])) + ' PUTNO'; return { freq: 'annually', dir: 'out', cat: 'utilities', chan: 'card', dom: ri(1, 28), jitter: 6, amount: () => ri(25, 45) * 100 * 100, desc: (d) => h.card(m, c.up, 'RS', d) }; },
    a_amazon: () => ({ freq: 'annually', dir: 'out', cat: 'subscriptions', chan: 'card', dom: ri(1, 28), jitter: 0, amount: (d) => fx(89.9, 'eur', d, 0.02), desc: (d) => h.card('AMAZON PRIME*' + digits(4), 'AMAZON.DE', 'DE', d) }),
  };
  // monthly subscriptions
  for (let i = 0; i < SUBS.length; i++) kinds['s_' + SUBS[i].k] = () => subCard(SUBS[i], ri(0, 2));
  return kinds;
}

function makeHistory(idx) {
  const hid = 'h' + pad(idx + 1);
  const c = cityPick();
  const bank = wpick(BANKS.map((b) => [b, b.w]));
  const persona = wpick([['employee', 60], ['pensioner', 10], ['student', 8], ['freelancer', 10], ['courier', 5], ['landlord', 7]]);
  const todayD = ri(toDay(2026, 10, 20), toDay(2026, 12, 5));
  const spanM = chance(0.82) ? ri(24, 36) : ri(8, 23);
  const startD = todayD - Math.round(spanM * 30.44) + ri(0, 5);
  const sex = chance(0.5) ? 'm' : 'f';
  const last = pick(LAST);
  const owner = `${pick(sex === 'm' ? FIRST_M : FIRST_F)} ${last}`;
  const eraSwitch = chance(0.55) ? startD + Math.round((todayD - startD) * rf(0.3, 0.75)) : Infinity;
  const baseV = ri(0, 5);
  const style = ri(0, 4);
  const h = {
    id: hid, city: c, bank, persona, today: todayD, start: startD, last, owner, style, l4: digits(4), l4b: digits(4), reissue: chance(0.4) ? startD + ri(60, 700) : Infinity, acctOwn: `${pick(['160', '265', '205', '170'])}-${digits(10)}-${digits(2)}`,
    mid: startD + Math.round((todayD - startD) / 2),
    era: (d) => d >= eraSwitch,
  };
  const tIdx = (arr, d) => arr[(baseV + (h.era(d) ? 1 : 0)) % arr.length];
  const caseMode = bank.k === 'uc' || bank.k === 'halk' ? 'up' : bank.k === 'treca' ? 'nodia' : 'none';
  const fin = (s) => { s = squash(s); if (caseMode === 'up' && !h.era(h._d)) s = s.toUpperCase(); if (caseMode === 'nodia') s = noDia(s); return s; };
  h.card = (m, city, cc, d) => { h._d = d; return fin(tIdx(CARD[bank.k], d)({ ...tplBase(h, d), m, city, cc, cc3: cc === 'RS' ? 'SRB' : cc })); };
  h.ips = (p, purpose, d) => { h._d = d; return fin(tIdx(IPS[bank.k], d)({ ...tplBase(h, d), p, purpose, ref: digits(10) })); };
  h.order = (p, purpose, d, ref) => { h._d = d; return fin(tIdx(ORDER[bank.k], d)({ ...tplBase(h, d), p, purpose, acct: h._acct(p), ref: ref || digits(12), model: '97' })); };
  const acctMap = new Map();
  h._acct = (p) => { if (!acctMap.has(p)) acctMap.set(p, acct()); return acctMap.get(p); };
  h.standing = (p, purpose, d) => { h._d = d; return fin(tIdx(STANDING, d)({ p, purpose, n: h._son(p) })); };
  const sonMap = new Map();
  h._son = (p) => { if (!sonMap.has(p)) sonMap.set(p, pad(ri(1, 999), 4)); return sonMap.get(p); };
  h.dd = (p, purpose, ref, d) => { h._d = d; return fin(tIdx(DDEBIT, d)({ p, purpose, ref })); };
  h.inc = (p, purpose, d) => { h._d = d; return fin(tIdx(INC[bank.k], d)({ p, purpose })); };
  h.fee = (txt, d) => { h._d = d; return fin(h.era(d) && bank.k === 'nlb' ? toCyr(txt) : txt); };
  h.atm = (d) => { h._d = d; const other = chance(0.2); return fin(tIdx(ATM, d)({ ...tplBase(h, d), bs: other ? pick(BANKS).short : bank.short, loc: pick(STREETS) + ' ' + ri(1, 90), city: c.up })); };

  // ---- choose stream kinds
  h.split = (persona === 'employee' || persona === 'landlord') && chance(0.22);
  const kinds = K(h);
  const chosen = [];
  const add = (k) => { if (kinds[k] && !chosen.includes(k)) chosen.push(k); };
  if (persona === 'employee' || persona === 'landlord') { add('m_salary'); }
  if (persona === 'pensioner') add('m_pension');
  const noKids = persona === 'pensioner' || persona === 'student';
  if (persona === 'student') { add('m_stipend'); if (chance(0.6)) add('w_pocket_in'); }
  if (persona === 'freelancer') { add(chance(0.6) ? 'w_freelance' : 'm_honorar'); if (chance(0.5)) add('q_royalty'); }
  if (persona === 'courier') add('b_payout');
  if (persona === 'landlord') { add('m_rent_in'); add('q_landlord_tax'); }
  const tmpSalary = kinds.m_salary && chosen.includes('m_salary') ? null : null; void tmpSalary;
  const long = spanM >= 14;
  // weekly
  const weeklyPool = ['w_allowance', 'w_cleaning', 'w_savings', 'w_tennis', 'w_loto', 'w_bet', 'w_mother'];
  const nW = chosen.some((k) => k.startsWith('w_')) ? (chance(0.3) ? 1 : 0) : (chance(0.95) ? 1 : 0) + (chance(0.4) ? 1 : 0);
  for (const k of shuffle(weeklyPool).slice(0, nW)) add(k);
  const biPool = ['b_cleaning', 'b_parent', 'b_dog', 'b_savings', 'b_physio'].filter((k) => !(k === 'b_cleaning' && chosen.includes('w_cleaning')) && !(k === 'b_parent' && chosen.includes('w_mother')) && !(k === 'b_savings' && chosen.includes('w_savings')));
  const nB = chosen.includes('b_payout') ? 0 : chance(0.9) ? 1 : 0;
  for (const k of shuffle(biPool).slice(0, nB + (chance(0.15) ? 1 : 0))) add(k);
  const qPool = ['q_proptax', 'q_home_ins', 'q_interest', 'q_gym3', 'q_magazine', 'q_building_inv', 'q_proptax', 'q_interest'];
  if (persona === 'employee') qPool.push('q_bonus', 'q_bonus');
  const nQ = 2 + (chance(0.35) ? 1 : 0) - (chosen.includes('q_landlord_tax') || chosen.includes('q_royalty') ? 1 : 0);
  for (const k of shuffle(qPool)) { if (chosen.filter((x) => x.startsWith('q_')).length >= nQ + (chosen.includes('q_landlord_tax') || chosen.includes('q_royalty') ? 1 : 0)) break; add(k); }
  if (long) {
    const aPool = ['a_registration', 'a_techcheck', 'a_car_ins', 'a_cardfee', 'a_m365', 'a_antivirus', 'a_domain', 'a_drainage', 'a_mountain', 'a_travel_ins', 'a_amazon', 'a_cardfee'];
    if (persona === 'employee') aPool.push('a_regres', 'a_bonus13', 'a_regres', 'a_bonus13');
    const nA = 2 + (chance(0.3) ? 1 : 0);
    for (const k of shuffle(aPool)) { if (chosen.filter((x) => x.startsWith('a_')).length >= nA) break; add(k); }
  }
  // monthly
  add('m_eps'); if (chance(0.9)) add('m_jkp');
  if (CITY_UTIL[c.n].heat && chance(0.45)) add('m_heat');
  if (CITY_UTIL[c.n].water && chance(0.5)) add('m_water');
  if (chance(0.85)) add('m_mobile'); if (chance(0.75)) add('m_internet');
  add('m_fee');
  const renter = persona === 'student' || chance(0.35);
  if (renter && persona !== 'landlord') add('m_rent'); else if (chance(0.5)) add('m_building');
  const mPool = [['m_kinder', noKids ? 0 : 0.18], ['m_life_ins', 0.2], ['m_loan', 0.35], ['m_card_repay', 0.25], ['m_save_so', 0.3], ['m_parents', 0.18], ['m_gym', 0.3], ['m_parking', 0.1], ['m_child_allow', 0.08], ['m_alimony', 0.05], ['m_news', 0.08], ['m_canteen', persona === 'student' ? 0.6 : 0.1], ['m_waterdeliv', 0.12], ['m_advance', chosen.includes('m_salary') && h.split ? 1 : 0]];
  if (c.n === 'Beograd' && startD < toDay(2024, 6, 1)) mPool.push(['m_busplus', 0.5]);
  for (const [k, p] of mPool) if (chance(p)) { if (k === 'm_parents' && (chosen.includes('b_parent') || chosen.includes('w_mother') || persona === 'student')) continue; if (k === 'm_save_so' && (chosen.includes('w_savings') || chosen.includes('b_savings'))) continue; add(k); }
  const subsPref = [['s_netflix', 0.55], ['s_spotify', 0.45], ['s_hbo', 0.25], ['s_disney', 0.15], ['s_ytp', 0.2], ['s_gone', 0.25], ['s_icloud', 0.35], ['s_chatgpt', 0.22], ['s_adobe', 0.06], ['s_canva', 0.06], ['s_dropbox', 0.05], ['s_deezer', 0.04], ['s_applemusic', 0.06], ['s_xbox', 0.06], ['s_duolingo', 0.05], ['s_linkedin', 0.03], ['s_gplay', 0.08], ['s_skyshow', 0.05], ['s_storytel', 0.03]];
  for (const [k, p] of subsPref) if (chance(p)) add(k);
  while (chosen.filter((k) => k.startsWith('m_') || k.startsWith('s_')).length < 9) add(pick(['m_gym', 'm_loan', 's_netflix', 's_spotify', 's_icloud', 'm_life_ins', 'm_card_repay', 's_gone', 'm_news', 's_ytp']));

  // ---- generate streams
  const cutoff = todayD - 3;
  const txs = [];
  const streams = [];
  const streamSpecs = [];
  for (const key of chosen) {
    const spec = kinds[key]();
    spec.key = key;
    const per = PERIOD[spec.freq];
    // start / stop
    let sStart = startD + ri(0, 20);
    if (chance(0.18) && spec.freq !== 'annually' && !spec.payday && !['m_eps', 'm_fee', 'm_jkp'].includes(key)) sStart = startD + Math.round((todayD - startD) * rf(0.15, 0.55)); // starts late
    if (spec.short) sStart = startD + Math.round((todayD - startD) * rf(0, 0.6));
    let sStop = cutoff;
    const stopP = spec.freq === 'annually' ? 0 : spec.short ? 0.45 : ['m_eps', 'm_fee', 'm_salary', 'm_pension', 'm_jkp'].includes(key) ? 0.02 : 0.17;
    if (spec.stopAt) sStop = Math.min(sStop, spec.stopAt);
    else if (chance(stopP)) sStop = todayD - Math.round(per * rf(3.1, 3.1 + (spec.freq === 'weekly' || spec.freq === 'biweekly' ? 30 : spec.freq === 'monthly' ? 8 : 2)));
    if (spec.short && sStop === cutoff && chance(0.3)) sStop = Math.min(cutoff, sStart + ri(120, 300));
    if (spec.short && sStop < cutoff && sStop > todayD - per * 3.1) sStop = todayD - Math.round(per * 3.5);
    const occ = [];
    const adjPay = (d) => { if (!spec.payday) return d; const w = fromDay(d).wd; return w === 6 ? d - 1 : w === 0 ? d - 2 : d; };
    if (spec.freq === 'weekly' || spec.freq === 'biweekly') {
      let d0 = sStart; if (spec.weekday != null) while (fromDay(d0).wd !== spec.weekday) d0++;
      const step = spec.freq === 'weekly' ? 7 : 14;
      for (let d = d0, k = 0; d <= sStop; d += step, k++) { let dd = d + (chance(0.12) ? pick([-1, 1]) : 0); occ.push({ d: dd, k }); }
      // occasional skip (holiday), not among the last 3
      for (let i = 2; i < occ.length - 3; i++) if (chance(0.03)) { occ[i].skip = true; }
    } else if (spec.freq === 'monthly') {
      const f0 = fromDay(sStart);
      let y = f0.y, m = f0.m, k = 0;
      while (true) {
        const dom = spec.dom === 'last' ? dim(y, m) : Math.min(spec.dom, dim(y, m));
        let d = toDay(y, m, dom) + (spec.jitter ? ri(-spec.jitter, spec.jitter) : 0);
        d = adjPay(d);
        if (d > sStop) break;
        if (d >= sStart && (!spec.months || spec.months.includes(m))) occ.push({ d, k: k++, y, m });
        m++; if (m > 12) { m = 1; y++; }
      }
      // skips and doubles (never among the first 2 or last 3)
      for (let i = 2; i < occ.length - 3; i++) {
        if (occ[i].skip || occ[i].moved) continue;
        if (spec.doubleP && chance(spec.doubleP) && !occ[i + 1].skip) {
          occ[i].skip = true;
          if (chance(0.5)) { occ[i + 1].combined = true; occ[i + 1].prev = prevMonth(occ[i].y, occ[i].m); occ[i + 1].prevM = [occ[i].y, occ[i].m]; }
          else { occ[i].moved = true; occ[i].skip = false; occ[i].late = true; occ[i].prev = prevMonth(occ[i].y, occ[i].m); occ[i].prevM = [occ[i].y, occ[i].m]; occ[i].d = occ[i + 1].d; }
          i++;
        } else if (spec.skipP && chance(spec.skipP)) occ[i].skip = true;
      }
    } else if (spec.freq === 'quarterly') {
      const qm = spec.qmonths || (() => { const a = ri(1, 3); return [a, a + 3, a + 6, a + 9]; })();
      for (let y = fromDay(sStart).y; y <= fromDay(sStop).y; y++) for (const m of qm) {
        const dom = spec.dom === 'last' ? dim(y, m) : Math.min(spec.dom, dim(y, m));
        const d = adjPay(toDay(y, m, dom) + (spec.jitter ? ri(-spec.jitter, spec.jitter) : 0));
        if (d >= sStart && d <= sStop) occ.push({ d, k: occ.length, y, m });
      }
    } else {
      const mon = spec.mon || ri(1, 12);
      for (let y = fromDay(sStart).y; y <= fromDay(sStop).y; y++) {
        const d = adjPay(toDay(y, mon, Math.min(spec.dom, dim(y, mon))) + (spec.jitter ? ri(-spec.jitter, spec.jitter) : 0));
        if (d >= sStart && d <= sStop) occ.push({ d, k: occ.length, y, m: mon });
      }
    }
    const members = occ.filter((o) => !o.skip && o.d >= startD && o.d <= cutoff).sort((a, b) => a.d - b.d);
    if (members.length < MINM[spec.freq]) continue;
    // median gap check
    const gaps = []; for (let i = 1; i < members.length; i++) gaps.push(members[i].d - members[i - 1].d);
    const sg = gaps.slice().sort((a, b) => a - b); const med = sg.length % 2 ? sg[(sg.length - 1) / 2] : (sg[sg.length / 2 - 1] + sg[sg.length / 2]) / 2;
    if (med < 0.75 * per || med > 1.3 * per) continue;
    const lastD = members[members.length - 1].d;
    const ratio = (todayD - lastD) / per;
    if (ratio > 1.5 && ratio <= 2.6) continue; // ambiguous: drop
    const ids = [];
    for (const o of members) {
      const info = { combined: o.combined, prev: o.prev, prevM: o.prevM, late: o.late, ym: o.y ? [o.y, o.m] : null };
      const amt = spec.amount(o.d, o.k, info) * (spec.dir === 'out' ? -1 : 1);
      const t = { date: o.d, amount: amt === 0 ? (spec.dir === 'out' ? -100 : 100) : amt, description: spec.desc(o.d, o.k, info), category: spec.cat, pending: false, _s: streams.length };
      txs.push(t); ids.push(t);
    }
    streams.push({ key, spec, members: ids, lastD });
    streamSpecs.push(spec);
    // one-offs at the same merchant
    if (spec.oneoff && chance(spec.oneoff)) {
      for (let j = 0, n = ri(1, 3); j < n; j++) {
        const d = ri(members[0].d, cutoff);
        txs.push({ date: d, amount: -spec.oneoffAmt(), description: spec.desc(d, 0, {}), category: spec.cat, pending: false });
      }
    }
    if (key === 'm_rent' && spec.landlord) {
      const d = members[0].d - ri(1, 6);
      if (d >= startD) txs.push({ date: d, amount: -pick([300, 400, 500]) * 11700, description: h.ips(spec.landlord, 'depozit za stan', d), category: 'transfer', pending: false });
    }
  }

  // ---- noise
  const favGroc = [0, 1, 2].map(() => `${pick(CHAIN_GROC)} ${pad(ri(1, 999), 3)}`);
  const favLocalG = localMerchant(['Prodavnica', 'Market', 'Mini market', 'Mesara', 'Trafika'], c);
  const favBakery = localMerchant(['Pekara', 'Buregdžinica'], c);
  const favCafe = localMerchant(['Kafe bar', 'Caffe', 'Kafeterija', 'Kafana'], c);
  const favRest = [localMerchant(['Restoran', 'Picerija', 'Ćevabdžinica', 'Roštilj', 'Gostionica'], c), localMerchant(['Restoran', 'Picerija', 'Bistro', 'Etno restoran'], c)];
  const fuel = `${pick(CHAIN_FUEL)} ${ri(10, 999)} ${c.up}`;
  const hasCar = chosen.some((k) => ['a_registration', 'a_techcheck', 'a_car_ins', 'm_parking'].includes(k)) || chance(0.5);
  const pharmacy = pick(['BENU APOTEKA ' + ri(1, 300), 'APOTEKA JANKOVIC ' + ri(1, 90), UP(pick(['Apoteka ', 'Apoteka Zdravlje ', 'Apoteka Lek '])) + UP(pick(LOCAL_NAMES)), 'DR MAX APOTEKA']);
  const friends = [person(), person(), person(), person()];
  const density = rf(0.6, 1.3);
  const srcs = [
    { r: 0.28, f: (d) => [h.card(pick(favGroc), c.up, 'RS', d), -(ri(150, 9500) * 100 + ri(0, 99)), 'groceries'] },
    { r: 0.09, f: (d) => [h.card(favLocalG.m, c.up, 'RS', d), -(ri(80, 2500) * 100), 'groceries'] },
    { r: 0.05, f: (d) => [h.card(pharmacy, c.up, 'RS', d), -(ri(250, 6000) * 100 + ri(0, 99)), 'groceries'] },
    { r: 0.03, f: (d) => [h.card(pick(GROC_OTHER), c.up, 'RS', d), -(ri(500, 30000) * 100 + ri(0, 99)), 'groceries'] },
    { r: 0.015, f: (d) => { const o = pick(ONLINE_GROC); return [h.card(o[0], o[1], o[2], d), -fx(rf(4, 60), 'eur', d, 0.02), 'groceries']; } },
    { r: 0.012, f: (d) => { const lm = localMerchant(LOCAL_GROC_T, c); return [h.card(lm.m, c.up, 'RS', d), -(ri(300, 12000) * 100), 'groceries']; } },
    { r: 0.1, f: (d) => [h.card(favBakery.m, c.up, 'RS', d), -(ri(90, 900) * 100), 'dining'] },
    { r: 0.09, f: (d) => [h.card(favCafe.m, c.up, 'RS', d), -(ri(200, 2500) * 100), 'dining'] },
    { r: 0.04, f: (d) => [h.card(pick(favRest).m, c.up, 'RS', d), -(ri(1200, 9000) * 100), 'dining'] },
    { r: 0.05, f: (d) => { const w = pick(DELIVERY); return [h.card(w[0], w[1], w[2], d), -(ri(700, 4500) * 100 + ri(0, 99)), 'dining']; } },
    { r: 0.03, f: (d) => [h.card(pick(CHAIN_DIN), c.up, 'RS', d), -(ri(250, 2500) * 100), 'dining'] },
    { r: 0.015, f: (d) => { const lm = localMerchant(LOCAL_DIN_T, cityPick()); return [h.card(lm.m, lm.city.up, 'RS', d), -(ri(300, 7000) * 100), 'dining']; } },
    { r: hasCar ? 0.08 : 0, f: (d) => [h.card(chance(0.75) ? fuel : `${pick(CHAIN_FUEL)} ${ri(10, 999)}`, c.up, 'RS', d), -(ri(1500, 8500) * 100 + ri(0, 99)), 'transport'] },
    { r: hasCar ? 0.01 : 0, f: (d) => { const lm = localMerchant(LOCAL_TR_T, c); return [h.card(lm.m, c.up, 'RS', d), -(ri(600, 25000) * 100), 'transport']; } },
    { r: 0.05, f: (d) => [h.card(pick(TAXI), c.up, 'RS', d), -(ri(250, 2200) * 100), 'transport'] },
    { r: 0.008, f: (d) => { const o = pick(['AIR SERBIA', 'WIZZ AIR', 'SRBIJAVOZ', 'LASTA', 'NIS EKSPRES', 'PUTEVI SRBIJE', 'FLIXBUS']); return [h.card(o, o === 'WIZZ AIR' ? 'BUDAPEST' : 'BEOGRAD', o === 'WIZZ AIR' ? 'HU' : 'RS', d), -(ri(400, 30000) * 100), 'transport']; } },
    { r: 0.025, f: (d) => { const e = pick(ENT_CHAIN); return [h.card(e, c.up, 'RS', d), -(ri(300, 12000) * 100), 'entertainment']; } },
    { r: 0.004, f: (d) => [h.card(pick(['BOOKING.COM', 'AIRBNB * HMQ' + digits(6)]), pick(['AMSTERDAM', 'DUBLIN']), pick(['NL', 'IE']), d), -(ri(8000, 90000) * 100), 'entertainment'] },
    { r: 0.045, f: (d) => [h.ips(pick(friends), pick(['', 'vraćam', 'za večeru', 'pola računa', 'poklon', 'pozajmica', 'karte']), d), -(ri(5, 150) * 100 * 100), 'transfer'] },
    { r: 0.025, f: (d) => [h.inc(pick(friends), pick(['', 'vraćam dug', 'za poklon', 'IPS', 'pola za put']), d), ri(5, 150) * 100 * 100, 'transfer'] },
    { r: 0.04, f: (d) => [h.atm(d), -(pick([20, 30, 40, 50, 100, 150, 200]) * 100 * 100), 'transfer'] },
    { r: 0.006, f: (d) => [h.fee(pick(['Provizija za nalog', 'Provizija za isplatu na bankomatu druge banke', 'Naknada za SMS servis', 'Troškovi konverzije', 'Provizija za instant prenos']), d), -(ri(30, 250) * 100), 'transfer'] },
    { r: 0.005, f: (d) => [h.inc(pick(['Povraćaj sredstava', 'Storno transakcije', 'Refund ZARA.COM', 'Refund BOOKING.COM']), digits(6), d), ri(500, 15000) * 100, 'transfer'] },
    { r: 0.006, f: (d) => [h.card(pick(['REVOLUT**' + digits(4) + '*', 'PAYPAL *TOPUP', 'WISE EUROPE SA']), 'DUBLIN', 'IE', d), -(ri(10, 300) * 100 * 100), 'transfer'] },
    { r: 0.004, f: (d) => [h.order(pick(['Poreska uprava', 'Republička administrativna taksa', 'MUP RS', 'Gradska uprava ' + c.n]), pick(['taksa za pasoš', 'prekršajni nalog ' + digits(10), 'taksa za ličnu kartu', 'administrativna taksa']), d), -(ri(5, 60) * 100 * 100), 'utilities'] },
    { r: 0.004, f: (d) => [h.card(pick(['MTS PREPAID DOPUNA', 'YETTEL DOPUNA KREDITA', 'A1 DOPUNA']), c.up, 'RS', d), -(pick([200, 300, 500, 1000]) * 100), 'utilities'] },
    { r: persona === 'employee' ? 0.004 : 0, f: (d) => [h.inc(pick(EMPLOYERS), 'Dnevnice službeni put', d), ri(3, 20) * 1000 * 100, 'salary'] },
    { r: 0.003, f: (d) => [h.order(pick(['Mozzart doo', 'MaxBet doo']), 'uplata na online nalog', d), -(ri(5, 50) * 100 * 100), 'entertainment'] },
  ];
  for (let d = startD; d <= cutoff; d++) {
    const wk = fromDay(d).wd;
    const mult = density * (wk === 5 || wk === 6 ? 1.3 : wk === 0 ? 0.6 : 1);
    for (const s of srcs) if (s.r && chance(s.r * mult)) { const [desc, amt, cat] = s.f(d); txs.push({ date: d, amount: amt, description: desc, category: cat, pending: false }); }
  }
  // pending
  const nP = ri(1, 8);
  for (let i = 0; i < nP; i++) {
    const d = todayD - ri(0, 2);
    const s = pick(srcs.filter((x) => x.r && x.r >= 0.03 && !x.f.toString().includes('h.inc') && !x.f.toString().includes('h.atm') && !x.f.toString().includes('h.ips')));
    const [desc, amt, cat] = s.f(d);
    txs.push({ date: d, amount: amt, description: desc, category: cat, pending: true });
  }
  // sort (stable by date; pending last), ids
  const order = txs.map((t, i) => [t, i]).sort((a, b) => (a[0].pending - b[0].pending) || (a[0].date - b[0].date) || (a[1] - b[1])).map((x) => x[0]);
  order.forEach((t, i) => { t.id = `${hid}-${pad(i + 1, 4)}`; });
  const outStreams = streams.map((s) => {
    const amts = s.members.map((t) => t.amount);
    const per = PERIOD[s.spec.freq];
    return {
      direction: s.spec.dir === 'out' ? 'outgoing' : 'incoming', frequency: s.spec.freq,
      amount_type: amts.every((a) => a === amts[0]) ? 'fixed' : 'variable', category: s.spec.cat,
      is_active: todayD <= s.lastD + 1.5 * per,
      transaction_ids: s.members.map((t) => t.id),
      _key: s.key,
    };
  });
  const stats = { streams: outStreams.length };
  const note = `${owner}, ${c.n}; ${bank.name} current account (tekući račun); ${persona}; ~${spanM} months of history${eraSwitch !== Infinity ? `; export format changed on ${iso(eraSwitch)}` : ''}; ${outStreams.length} labelled streams (${outStreams.filter((s) => s.direction === 'incoming').length} incoming)`;
  return {
    id: hid, today: iso(todayD), note,
    transactions: order.map((t) => ({ id: t.id, date: iso(t.date), amount: t.amount, description: t.description, category: t.category, pending: t.pending })),
    streams: outStreams.map(({ _key, ...s }) => s),
    _stats: stats,
  };
}

// ================================================================= main
const rows = catRows();
fs.writeFileSync(path.join(OUT, 'categorize-blind.tsv'), rows.map((r) => r.join('\t')).join('\n') + '\n');

rnd = mulberry32(SEED + 2);
const N_HIST = 68;
const histories = [];
for (let i = 0; i < N_HIST; i++) { const hh = makeHistory(i); delete hh._stats; histories.push(hh); }
const J = JSON.stringify;
const histText = histories.map((h) => `{"id":${J(h.id)},"today":${J(h.today)},"note":${J(h.note)},\n "transactions":[\n${h.transactions.map((t) => '  ' + J(t)).join(',\n')}\n ],\n "streams":[\n${h.streams.map((s) => '  ' + J(s)).join(',\n')}\n ]}`).join(',\n');
fs.writeFileSync(path.join(OUT, 'recurring-blind.json'), '[\n' + histText + '\n]\n');

// summary
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const FREQS = ['weekly', 'biweekly', 'monthly', 'quarterly', 'annually'];
const sum = {
  seed: SEED,
  categorize: { rows: rows.length, per_category: Object.fromEntries(CATS.map((c) => [c, rows.filter((r) => r[2] === c).length])) },
  recurring: {
    histories: histories.length,
    transactions: histories.reduce((a, h) => a + h.transactions.length, 0),
    pending: histories.reduce((a, h) => a + h.transactions.filter((t) => t.pending).length, 0),
    transactions_per_category: Object.fromEntries(CATS.map((c) => [c, histories.reduce((a, h) => a + h.transactions.filter((t) => t.category === c).length, 0)])),
    span_months: (() => { const s = histories.map((h) => Math.round((Date.parse(h.today) - Date.parse(h.transactions[0].date)) / DAY / 30.44)); return { min: Math.min(...s), max: Math.max(...s), at_least_24: s.filter((x) => x >= 24).length }; })(),
    streams: histories.reduce((a, h) => a + h.streams.length, 0),
    per_frequency: Object.fromEntries(FREQS.map((f) => [f, histories.reduce((a, h) => a + h.streams.filter((s) => s.frequency === f).length, 0)])),
    active: histories.reduce((a, h) => a + h.streams.filter((s) => s.is_active).length, 0),
    inactive: histories.reduce((a, h) => a + h.streams.filter((s) => !s.is_active).length, 0),
    per_direction: { outgoing: histories.reduce((a, h) => a + h.streams.filter((s) => s.direction === 'outgoing').length, 0), incoming: histories.reduce((a, h) => a + h.streams.filter((s) => s.direction === 'incoming').length, 0) },
    per_amount_type: { fixed: histories.reduce((a, h) => a + h.streams.filter((s) => s.amount_type === 'fixed').length, 0), variable: histories.reduce((a, h) => a + h.streams.filter((s) => s.amount_type === 'variable').length, 0) },
    streams_per_category: Object.fromEntries(CATS.map((c) => [c, histories.reduce((a, h) => a + h.streams.filter((s) => s.category === c).length, 0)])),
    per_frequency_active: Object.fromEntries(FREQS.map((f) => [f, { active: histories.reduce((a, h) => a + h.streams.filter((s) => s.frequency === f && s.is_active).length, 0), inactive: histories.reduce((a, h) => a + h.streams.filter((s) => s.frequency === f && !s.is_active).length, 0) }])),
  },
};
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(sum, null, 2) + '\n');
console.log(JSON.stringify(sum.recurring.per_frequency), 'streams', sum.recurring.streams, 'rows', rows.length);
