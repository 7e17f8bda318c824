// blind3 generator — deterministic, no dependencies. Run: node generate.mjs
// Writes categorize-blind.tsv, recurring-blind.json and summary.json beside this file.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 731207;
const OUT = dirname(fileURLToPath(import.meta.url));

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const pad = (n, w) => String(n).padStart(w, '0');
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(ri(0, 9));
  return s;
};
function wpick(pairs) {
  let tot = 0;
  for (const [, w] of pairs) tot += w;
  let r = rnd() * tot;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---------------------------------------------------------------- text helpers
const STRIP = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'dj', Č: 'C', Ć: 'C', Š: 'S', Ž: 'Z', Đ: 'DJ', ä: 'a', Ä: 'A' };
function strip(s, dToD = false) {
  return s.replace(/[čćšžđČĆŠŽĐäÄ]/g, (c) => (dToD && (c === 'đ' || c === 'Đ') ? (c === 'đ' ? 'd' : 'D') : STRIP[c]));
}
const CYR = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к',
  l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж', x: 'кс',
  w: 'в', q: 'к', y: 'ј',
};
function toCyr(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lo = ch.toLowerCase();
    const up = ch !== lo;
    const two = s.slice(i, i + 2).toLowerCase();
    let c;
    if (two === 'lj') {
      c = 'љ';
      i++;
    } else if (two === 'nj') {
      c = 'њ';
      i++;
    } else if (two === 'dž') {
      c = 'џ';
      i++;
    } else c = CYR[lo] ?? ch;
    out += up ? c.toUpperCase() : c;
  }
  return out;
}
function typo(s) {
  const idx = [];
  for (let i = 1; i < s.length - 1; i++) if (/[A-Za-z]/.test(s[i]) && /[A-Za-z]/.test(s[i + 1])) idx.push(i);
  if (!idx.length) return s;
  const i = pick(idx);
  const k = ri(0, 2);
  if (k === 0) return s.slice(0, i) + s.slice(i + 1);
  if (k === 1) return s.slice(0, i) + s[i] + s.slice(i);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}
const clean = (s) => s.replace(/[\t\r\n]/g, ' ');

// ---------------------------------------------------------------- dates
const DAY = 86400000;
const dnum = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / DAY);
const ymd = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const parts = (n) => {
  const d = new Date(n * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
const wday = (n) => new Date(n * DAY).getUTCDay(); // 0 sunday
const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const HOLI = new Set(['01-01', '01-02', '01-07', '02-15', '02-16', '05-01', '05-02', '11-11']);
const isHoliday = (n) => HOLI.has(ymd(n).slice(5));
const isBiz = (n) => wday(n) !== 0 && wday(n) !== 6 && !isHoliday(n);
function nextBiz(n) {
  while (!isBiz(n)) n++;
  return n;
}
function prevBiz(n) {
  while (!isBiz(n)) n--;
  return n;
}
function addMonths(y, m, k) {
  const t = y * 12 + (m - 1) + k;
  return [Math.floor(t / 12), (t % 12) + 1];
}
function fmtDate(n, style) {
  const [y, m, d] = parts(n);
  switch (style) {
    case 0:
      return `${pad(d, 2)}.${pad(m, 2)}.${y}`;
    case 1:
      return `${pad(d, 2)}.${pad(m, 2)}.${String(y).slice(2)}`;
    case 2:
      return ymd(n);
    case 3:
      return `${pad(d, 2)}/${pad(m, 2)}`;
    default:
      return `${pad(d, 2)}.${pad(m, 2)}.`;
  }
}
const MONTHS_SR = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const hhmm = () => `${pad(ri(7, 22), 2)}:${pad(ri(0, 59), 2)}`;

// ---------------------------------------------------------------- people, places, banks
const FIRST = ['Marko', 'Jelena', 'Nikola', 'Milica', 'Stefan', 'Ana', 'Luka', 'Jovana', 'Miloš', 'Ivana', 'Nemanja', 'Tijana',
  'Dragan', 'Snežana', 'Vladimir', 'Marija', 'Aleksandar', 'Katarina', 'Dušan', 'Teodora', 'Đorđe', 'Sanja', 'Bojan', 'Gordana',
  'Zoran', 'Dragana', 'Uroš', 'Maja', 'Filip', 'Branka', 'Goran', 'Ljiljana', 'Predrag', 'Vesna', 'Slobodan', 'Nevena', 'Petar',
  'Mirjana', 'Vuk', 'Danijela', 'Srđan', 'Tamara', 'Ognjen', 'Biljana', 'Žarko', 'Radmila', 'Lazar', 'Kristina', 'Relja', 'Nataša'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević',
  'Todorović', 'Kostić', 'Popović', 'Živković', 'Ristić', 'Savić', 'Lazić', 'Mitrović', 'Obradović', 'Kovačević', 'Radovanović',
  'Tomić', 'Vasić', 'Janković', 'Simić', 'Dimitrijević', 'Lukić', 'Mladenović', 'Šćepanović', 'Bogdanović', 'Stevanović', 'Vuković',
  'Filipović', 'Živanović', 'Đurić', 'Knežević', 'Cvetković', 'Ćirić', 'Milenković', 'Zdravković', 'Gajić', 'Perišić', 'Babić',
  'Matić', 'Radosavljević', 'Đukić', 'Krstić', 'Nedeljković', 'Vučković', 'Aćimović'];
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const CITIES = [
  ['BEOGRAD', 30], ['NOVI BEOGRAD', 8], ['ZEMUN', 4], ['NOVI SAD', 12], ['NIŠ', 7], ['KRAGUJEVAC', 5], ['SUBOTICA', 3], ['ZRENJANIN', 2],
  ['PANČEVO', 3], ['ČAČAK', 2], ['KRALJEVO', 2], ['NOVI PAZAR', 1], ['SMEDEREVO', 1], ['VALJEVO', 2], ['ŠABAC', 2], ['UŽICE', 1],
  ['LESKOVAC', 1], ['VRANJE', 1], ['SOMBOR', 1], ['KIKINDA', 1], ['ČUKARICA', 2], ['VOŽDOVAC', 2], ['SREMSKA MITROVICA', 1],
];
const city = () => wpick(CITIES);
const CITY_EN = { BEOGRAD: 'BELGRADE', 'NOVI BEOGRAD': 'NEW BELGRADE', NIŠ: 'NIS' };
const BANKS = {
  intesa: { name: 'Banca Intesa', code: '160' },
  raiffeisen: { name: 'Raiffeisen', code: '265' },
  otp: { name: 'OTP banka', code: '325' },
  erste: { name: 'Erste', code: '340' },
  aik: { name: 'AIK banka', code: '105' },
  unicredit: { name: 'UniCredit', code: '170' },
  addiko: { name: 'Addiko', code: '165' },
  postanska: { name: 'Poštanska štedionica', code: '200' },
  nlb: { name: 'NLB Komercijalna', code: '205' },
  procredit: { name: 'ProCredit', code: '220' },
  halk: { name: 'Halkbank', code: '155' },
  eurobank: { name: 'Eurobank Direktna', code: '150' },
  yettel: { name: 'Yettel bank', code: '115' },
  b3: { name: '3Bank', code: '190' },
  api: { name: 'API bank', code: '375' },
  mobi: { name: 'Mobi banka', code: '145' },
  otp2: { name: 'OTP (ex Vojvođanska)', code: '355' },
};
const BANK_KEYS = Object.keys(BANKS);
const BANK_CODES = Object.values(BANKS).map((b) => b.code);
const acct = (code = pick(BANK_CODES)) =>
  chance(0.8) ? `${code}-${pad(ri(1, 9999999), 13)}-${pad(ri(10, 99), 2)}` : `${code}${pad(ri(1, 9999999), 13)}${pad(ri(10, 99), 2)}`;
const pnb = () => (chance(0.6) ? `97 ${digits(2)}${digits(ri(8, 14))}` : chance(0.5) ? `00 ${digits(ri(6, 12))}` : digits(ri(8, 16)));

// card identities
function newCard() {
  const bin = pick(['4912', '4256', '5351', '5168', '4779', '9891', '4058', '5434', '4165']);
  return { bin, bin6: bin + digits(2), last: digits(4) };
}
function cardFrag(c) {
  return pick([
    `${c.bin} **** ${c.last}`,
    `${c.bin}****${c.last}`,
    `${c.bin6}XXXXXX${c.last}`,
    `*${c.last}`,
    `kartica ${c.bin}...${c.last}`,
    `${c.bin6}******${c.last}`,
  ]);
}

// ---------------------------------------------------------------- merchants
// m(name, min, max, flags) flags: c=chain store number, q=IPS QR ok, f=foreign online {city,cc}
const M = (name, min, max, extra = {}) => ({ name, min, max, ...extra });
const MER = {
  groceries: [
    M('MAXI', 250, 9000, { c: 1 }), M('DELHAIZE MAXI', 300, 8000, { c: 1 }), M('IDEA', 200, 7000, { c: 1 }),
    M('ROMA IDEA', 150, 3000, { c: 1 }), M('LIDL SRBIJA', 400, 12000, { c: 1 }), M('UNIVEREXPORT', 200, 6000, { c: 1 }),
    M('DIS MARKET', 500, 9000, { c: 1 }), M('RODA MEGAMARKET', 800, 14000), M('MERCATOR-S', 300, 9000, { c: 1 }),
    M('AMAN', 150, 4000, { c: 1 }), M('TEMPO CENTAR', 800, 12000), M('GOMEX', 150, 5000, { c: 1 }), M('SHOP&GO', 120, 1800, { c: 1 }),
    M('TOSH MARKET', 150, 2500), M('PRODAVNICA KOD MIŠE', 80, 1600, { q: 1 }), M('MINI MARKET DUNJA', 90, 1900, { q: 1 }),
    M('SAMOUSLUGA ZORA', 120, 2500), M('MARKET STEVANOVIĆ', 150, 3000, { q: 1 }), M('MARKET BANE 2', 100, 2200),
    M('PRODAVNICA MLEKARA SUBOTICA', 200, 1400), M('PIJACA KALENIĆ TEZGA 14', 300, 3500, { q: 1 }),
    M('ZELENA PIJACA BAJLONI', 200, 3000, { q: 1 }), M('FUTOŠKA PIJACA', 250, 2800, { q: 1 }), M('MESARA ĐURIĆ', 900, 6500, { q: 1 }),
    M('MESARA ZLATIBORSKA', 800, 5500), M('RIBARNICA DELFIN', 700, 4200), M('TRAFIKA SANJA', 90, 900), M('ALBUS TRAFIKA', 80, 700),
    M('ŠTAMPA SISTEM KIOSK', 60, 650), M('DM DROGERIE MARKT', 300, 5000, { c: 1 }), M('LILLY DROGERIE', 250, 4500, { c: 1 }),
    M('APOTEKA BENU', 250, 6000, { c: 1 }), M('APOTEKA JANKOVIĆ', 200, 5500), M('APOTEKA GALEN', 200, 4000),
    M('ZU APOTEKA ZEGIN', 180, 4000), M('APOTEKA LIPA', 150, 3000, { q: 1 }), M('APOTEKA HIGIA', 200, 3800),
    M('STOMATOLOŠKA ORDINACIJA DR PETKOVIĆ', 2500, 38000, { q: 1 }), M('DENTAL CENTAR OSMEH', 3000, 45000),
    M('POLIKLINIKA MEDIGROUP', 3500, 18000), M('LABORATORIJA BEO-LAB', 1800, 9500), M('OPŠTA BOLNICA AKADEMIJA', 4000, 22000),
    M('ZARA', 2500, 14000), M('H&M', 1200, 9000), M('LC WAIKIKI', 900, 6000), M('DEICHMANN', 2500, 9000),
    M('OFFICE SHOES', 4000, 16000), M('BUZZ SPORTS', 3000, 15000), M('SPORT VISION', 2500, 18000), M('PEPCO', 300, 3500),
    M('BUTIK LANA', 1500, 9000, { q: 1 }), M('DECATHLON', 1000, 20000), M('IKEA BEOGRAD', 1500, 45000), M('JYSK', 900, 20000),
    M('EMMEZETA', 700, 25000), M('HOME CENTAR', 800, 15000), M('GIGATRON', 1500, 90000), M('TEHNOMANIJA', 1200, 75000),
    M('WINWIN', 1500, 80000), M('MOBILNI SHOP TELEFONI I OPREMA', 1500, 9000, { q: 1 }), M('CVEĆARA LALA', 600, 4000, { q: 1 }),
    M('OPTIKA VIDIK', 3000, 30000), M('PET SHOP NOVI DRUG', 400, 6000), M('FRIZERSKI SALON NINA', 900, 4500, { q: 1 }),
    M('BERBERNICA BRKA', 700, 1800, { q: 1 }), M('KOZMETIČKI SALON LANA', 1500, 6500), M('PRODAVNICA KUĆNE HEMIJE BISER', 100, 900),
    M('ALIEXPRESS.COM', 400, 9000, { f: ['LONDON', 'GB'] }), M('TEMU.COM', 500, 8000, { f: ['DUBLIN', 'IE'] }),
    M('AMZN Mktp DE', 1500, 25000, { f: ['AMAZON.DE', 'LU'] }), M('PAYPAL *ALIEXPRESS', 500, 7000, { f: ['35314369001', 'GB'] }),
    M('EPONUDA.COM', 900, 20000), M('SHEIN.COM', 1500, 9000, { f: ['SINGAPORE', 'SG'] }),
  ],
  dining: [
    M("McDONALD'S", 390, 2400, { c: 1 }), M('KFC', 450, 2800, { c: 1 }), M('BURGER KING', 500, 2600, { c: 1 }),
    M('HLEB I KIFLE', 120, 900, { c: 1 }), M('PEKABETA', 90, 800, { c: 1 }), M('PEKARA TOMA', 100, 900, { c: 1 }),
    M('DON PEKARA', 90, 700), M('PEKARA ZLATNI KLAS', 80, 650, { q: 1 }), M('PEKARA KOD ŽIKE', 70, 600, { q: 1 }),
    M('BUREGDŽINICA SARAJEVO 84', 150, 900), M('KAFANA ZNAK PITANJA', 1800, 9000), M('KAFANA TRI ŠEŠIRA', 2500, 12000),
    M('KAFANA STARI HRAST', 1500, 7000, { q: 1 }), M('RESTORAN DVA JELENA', 2500, 11000), M('RESTORAN LIPOV LAD', 2000, 9500),
    M('ROŠTILJ KOD BRKE', 700, 3200, { q: 1 }), M('ĆEVABDŽINICA WALTER', 600, 2500), M('ĆEVAPI KOD RADETA', 500, 2200),
    M('PIZZERIA GUSTO', 900, 4200), M('PICERIJA PORTO', 800, 3800, { q: 1 }), M('CAFFE BAR OAZA', 250, 1800, { q: 1 }),
    M('COFFEE DREAM', 280, 1400, { c: 1 }), M('GREENET', 300, 1200), M('KAFETERIJA', 350, 1500), M('KAFIĆ DOKOLICA', 200, 1600),
    M('PUB THE BLACK TURTLE', 600, 3500), M('BAR 5. ELEMENT', 500, 3000, { q: 1 }), M('POSLASTIČARNICA ULAMA', 300, 2200),
    M('POSLASTIČARNICA MORAVA', 250, 1800, { q: 1 }), M('SLADOLED PEPERMINT', 200, 1100), M('GYROS MASTER', 400, 1600),
    M('SUSHI BAR MAKI', 1500, 6000), M('BISTRO KOD TOŠE', 800, 3500, { q: 1 }), M('MENZA STUDENTSKI CENTAR', 150, 600),
    M('KANTINA FABRIKA', 300, 900), M('SPORTSKI KAFE CORNER', 350, 2400), M('GOSTIONICA ŠUMADIJA', 1200, 6000),
    M('WOLT', 700, 4500, { del: 1 }), M('GLOVO', 650, 4000, { del: 1 }), M('DONESI.COM', 800, 4200, { del: 1 }),
  ],
  transport: [
    M('NIS PETROL BS', 2000, 9500, { c: 1 }), M('GAZPROM BS', 2000, 9000, { c: 1 }), M('OMV SRBIJA', 2500, 9500, { c: 1 }),
    M('MOL SERBIA', 2000, 8500, { c: 1 }), M('LUKOIL BS', 2000, 8500, { c: 1 }), M('EKO SERBIA', 2000, 8000, { c: 1 }),
    M('KNEZ PETROL', 1500, 7000), M('CAR:GO', 380, 2600), M('YANDEX GO', 350, 2400), M('NAXI TAXI', 400, 2500),
    M('PINK TAXI', 380, 2200), M('BEO TAXI', 400, 2300), M('BUSPLUS DOPUNA', 200, 3300), M('GSP BEOGRAD', 150, 3600),
    M('PARKING SERVIS', 60, 1800), M('PUTEVI SRBIJE', 160, 2300), M('SRBIJAVOZ', 300, 2900), M('LASTA', 600, 3200),
    M('NIŠ EKSPRES', 650, 3100), M('AIR SERBIA', 9000, 65000), M('WIZZ AIR', 3500, 32000, { f: ['BUDAPEST', 'HU'] }),
    M('AUTOSERVIS MARKOVIĆ', 3500, 42000, { q: 1 }), M('VULKANIZER DŽO', 1200, 28000, { q: 1 }), M('AUTOPERIONICA SJAJ', 500, 1800, { q: 1 }),
    M('TEHNIČKI PREGLED AUTO CENTAR', 3500, 7500), M('BAS BEOGRADSKA AUTOBUSKA STANICA', 500, 3500), M('AUTO DELOVI MIKI', 900, 16000),
    M('ADRIA PARKING GARAŽA', 200, 1400), M('CARGO NOVI SAD', 400, 1800),
  ],
  entertainment: [
    M('CINEPLEXX', 550, 2800), M('CINEMA CITY', 500, 2500), M('EVENTIM', 1900, 14000), M('TICKETS.RS', 1200, 9000),
    M('NARODNO POZORIŠTE', 900, 4500), M('JUGOSLOVENSKO DRAMSKO POZ.', 1000, 3500), M('MUZEJ NIKOLE TESLE', 800, 1600),
    M('STEAMGAMES.COM', 500, 7000, { f: ['BELLEVUE', 'US'] }), M('PLAYSTATION NETWORK', 1500, 9000, { f: ['LONDON', 'GB'] }),
    M('FITNES CENTAR ATLAS', 2500, 5000), M('TERETANA POWER GYM', 2000, 4500), M('SC TAŠMAJDAN BAZEN', 400, 1200),
    M('SPORTSKI CENTAR VOŽDOVAC', 500, 3000), M('MOZZART', 200, 5000), M('MAXBET', 200, 4000), M('SOCCERBET', 200, 3500),
    M('MERIDIANBET', 200, 4000), M('VULKAN KNJIŽARE', 900, 5500), M('DELFI KNJIŽARE', 800, 5000), M('LAGUNA KLUB ČITALACA', 700, 4000),
    M('BOOKING.COM', 6000, 45000, { f: ['AMSTERDAM', 'NL'] }), M('AIRBNB', 7000, 55000, { f: ['DUBLIN', 'IE'] }),
    M('HOTEL ZLATIBOR MONA', 9000, 40000), M('BOWLING CENTAR', 800, 3000), M('ESCAPE ROOM ZAGONETKA', 3000, 6000),
    M('AKVA PARK PETROVARADIN', 900, 3000), M('ZOO VRT BEOGRAD', 500, 1500), M('IGRAONICA BALONČIĆ', 700, 3000, { q: 1 }),
  ],
};
// subscriptions: name, min, max RSD, cur/fx, foreign city+cc
const SUBS = [
  { name: 'NETFLIX.COM', base: 1199, eur: 0, f: ['AMSTERDAM', 'NL'] }, { name: 'SPOTIFY', base: 0, eur: 6.99, f: ['STOCKHOLM', 'SE'] },
  { name: 'HBO MAX', base: 0, eur: 5.99, f: ['AMSTERDAM', 'NL'] }, { name: 'DISNEY PLUS', base: 0, eur: 8.99, f: ['LONDON', 'GB'] },
  { name: 'GOOGLE *YouTubePremium', base: 0, eur: 7.99, f: ['g.co/helppay#', 'GB'] },
  { name: 'APPLE.COM/BILL', base: 0, eur: 0.99, f: ['CORK', 'IE'] }, { name: 'MICROSOFT*365 FAMILY', base: 0, eur: 10, f: ['DUBLIN', 'IE'] },
  { name: 'GOOGLE *Google One', base: 0, eur: 1.99, f: ['g.co/helppay#', 'GB'] }, { name: 'ADOBE *CREATIVE CLOUD', base: 0, eur: 24.19, f: ['DUBLIN', 'IE'] },
  { name: 'OPENAI *CHATGPT SUBSCR', base: 0, usd: 20, f: ['SAN FRANCISCO', 'US'] }, { name: 'DROPBOX*PLUS', base: 0, eur: 11.99, f: ['DUBLIN', 'IE'] },
  { name: 'CANVA* PRO', base: 0, eur: 11.99, f: ['SYDNEY', 'AU'] }, { name: 'DEEZER', base: 0, eur: 5.99, f: ['PARIS', 'FR'] },
  { name: 'NOTION LABS', base: 0, usd: 10, f: ['SAN FRANCISCO', 'US'] }, { name: '1PASSWORD', base: 0, usd: 2.99, f: ['TORONTO', 'CA'] },
  { name: 'GRAMMARLY', base: 0, usd: 12, f: ['SAN FRANCISCO', 'US'] }, { name: 'DUOLINGO PLUS', base: 0, eur: 7.49, f: ['PITTSBURGH', 'US'] },
  { name: 'STORYTEL', base: 0, eur: 7.99, f: ['STOCKHOLM', 'SE'] }, { name: 'TIDAL', base: 0, eur: 10.99, f: ['NEW YORK', 'US'] },
  { name: 'TODOIST PRO', base: 0, usd: 4, f: ['OAKLAND', 'US'] }, { name: 'GITHUB, INC.', base: 0, usd: 4, f: ['SAN FRANCISCO', 'US'] },
  { name: 'JETBRAINS', base: 0, eur: 8.9, f: ['PRAHA', 'CZ'] }, { name: 'FIGMA MONTHLY', base: 0, usd: 15, f: ['SAN FRANCISCO', 'US'] },
  { name: 'ZOOM.US', base: 0, usd: 13.33, f: ['SAN JOSE', 'US'] }, { name: 'PAYPAL *SPOTIFY', base: 0, eur: 6.99, f: ['35314369001', 'LU'] },
  { name: 'ICLOUD STORAGE APPLE', base: 0, eur: 2.99, f: ['CORK', 'IE'] }, { name: 'POLITIKA PLUS DIGITALNO', base: 499, eur: 0, f: ['BEOGRAD', 'RS'] },
  { name: 'NIN DIGITALNO IZDANJE', base: 650, eur: 0, f: ['BEOGRAD', 'RS'] }, { name: 'NYTIMES*DIGITAL', base: 0, usd: 4, f: ['NEW YORK', 'US'] },
  { name: 'LINKEDIN PREMIUM', base: 0, eur: 29.99, f: ['DUBLIN', 'IE'] }, { name: 'PATREON* MEMBERSHIP', base: 0, usd: 5, f: ['SAN FRANCISCO', 'US'] },
  { name: 'PROTON AG', base: 0, eur: 4.99, f: ['GENEVA', 'CH'] }, { name: 'READWISE', base: 0, usd: 8.99, f: ['SAN FRANCISCO', 'US'] },
  { name: 'AUDIBLE EU', base: 0, eur: 9.95, f: ['LU', 'LU'] },
];
const EUR = () => 116.9 + rnd() * 0.6;
const USD = () => 99 + rnd() * 9;

// ---------------------------------------------------------------- card description renderer
const CC = ['RS', 'SRB', 'RS', 'SRB', '688', 'RS'];
function cardText(m, opts = {}) {
  const { n = dnum(2026, ri(1, 11), ri(1, 28)), card = newCard(), style = ri(0, 21), cty = city(), amount } = opts;
  const name = m.c && chance(0.75) ? `${m.name} ${chance(0.4) ? '0' : ''}${ri(1, 480)}` : m.name;
  const foreign = m.f;
  const c = foreign ? foreign[0] : cty;
  const cc = foreign ? foreign[1] : pick(CC);
  const d = fmtDate(n, ri(0, 3));
  const amt = amount != null ? (Math.abs(amount) / 100).toFixed(2) : null;
  const tid = `${pad(ri(1, 99999999), 8)}`;
  switch (style) {
    case 0:
      return `Kupovina POS ${d} ${name} ${c} ${cc} ${cardFrag(card)}`;
    case 1:
      return `POS KUPOVINA ${fmtDate(n, 0)} ${hhmm()} ${name} ${c} ${cc}`;
    case 2:
      return `Plaćanje karticom: ${name}, ${c}`;
    case 3:
      return `ERSTE DEBIT MC ${card.bin6}XXXXXX${card.last} ${name} ${c} ${cc}`;
    case 4:
      return `AIK POS ${name} ${c} TID ${tid}`;
    case 5:
      return `Card purchase - ${name}, ${CITY_EN[c] ?? strip(c)}, ${cc}, Card ${card.bin6}XXXXXX${card.last}`;
    case 6:
      return `ADDIKO VISA ${fmtDate(n, 3)} ${name} ${c}`;
    case 7:
      return `Куповина POS ${m.f ? name : toCyr(name)} ${toCyr(c)}`;
    case 8:
      return `NLB KB POS ${fmtDate(n, 4)} ${hhmm()} ${name}`;
    case 9:
      return `Beskontaktno placanje ${name} ${c}${amt ? ` ${amt} RSD` : ''}`;
    case 10:
      return `Apple Pay ${name} ${c} *${card.last}`;
    case 11:
      return `GOOGLE PAY ${name} ${c} ${cc}`;
    case 12:
      return `${name.padEnd(25, ' ').slice(0, 25)}${c.padEnd(14, ' ').slice(0, 14)}${cc}`;
    case 13:
      return `Kupovina DinaCard ${name} ${c}`;
    case 14:
      return `Transakcija karticom ${card.bin}****${card.last} ${d} ${name} Ref ${digits(7)}`;
    case 15:
      return `Плаћање картицом ${m.f ? name : toCyr(name)}, ${toCyr(c)} ${d}`;
    case 16:
      return `MOBI POS ${name} ${c}`;
    case 17:
      return `Kartično plaćanje ${name} ${c} ${cc} ${cardFrag(card)}`;
    case 18:
      return `3BANK ${ymd(n)} ${name} ${c}`;
    case 19:
      return `Card payment ${d} ${name} ${c} ${cc}`;
    case 20:
      return `VISA DEBIT ${cardFrag(card)} ${name} ${c} ${d}`;
    default:
      return `POS ${name} ${c} ${cc} ${d} ${hhmm()}`;
  }
}
function onlineText(name, f, opts = {}) {
  const { n = dnum(2026, ri(1, 11), ri(1, 28)), card = newCard(), style = ri(0, 9), fx } = opts;
  const d = fmtDate(n, ri(0, 3));
  const fxs = fx ? ` ${fx}` : '';
  switch (style) {
    case 0:
      return `Internet kupovina ${name} ${f[0]} ${f[1]}${fxs}`;
    case 1:
      return `KUPOVINA INTERNET ${d} ${name} ${f[0]} ${f[1]}`;
    case 2:
      return `E-COMMERCE ${name} ${f[1]} ${cardFrag(card)}`;
    case 3:
      return `${name} ${f[0]} ${f[1]}`;
    case 4:
      return `Card not present ${name} ${f[0]} ${f[1]} Card ${card.bin6}XXXXXX${card.last}`;
    case 5:
      return `Plaćanje na internetu: ${name}, ${f[0]}${fxs}`;
    case 6:
      return `CNP ${d} ${name} ${f[1]}`;
    case 7:
      return `Куповина интернет ${name} ${f[0]} ${f[1]}`;
    case 8:
      return `Online payment ${name} ${d}${fxs}`;
    default:
      return `Kupovina na internetu ${name} ${f[1]} ${d} ${cardFrag(card)}`;
  }
}
function ipsQr(name, cty, n) {
  return pick([
    `IPS NBS QR placanje ${name} ${cty}`,
    `IPS QR ${name} ${fmtDate(n, 0)}`,
    `Instant plaćanje IPS QR - ${name}`,
    `NBS IPS QR ${name} ${cty} ref ${digits(10)}`,
    `IPS skeniraj ${name}`,
    `ИПС QR плаћање ${toCyr(name)}`,
  ]);
}

// ---------------------------------------------------------------- orders / credits
function orderText(payee, svrha, opts = {}) {
  const { code = 289, ac = acct(), pn = pnb(), style = ri(0, 11), n = dnum(2026, ri(1, 11), ri(1, 28)) } = opts;
  switch (style) {
    case 0:
      return `Nalog za plaćanje; Primalac: ${payee}; Svrha: ${svrha}; Šifra: ${code}; PnB: ${pn}; Račun: ${ac}`;
    case 1:
      return `${payee.toUpperCase()} ${ac} ${svrha}`;
    case 2:
      return `E-banking nalog ${ac} ${payee} - ${svrha} (${code})`;
    case 3:
      return `Payment order - ${strip(payee)} - ${strip(svrha)} - acc ${ac}`;
    case 4:
      return `Плаћање ${toCyr(payee)} сврха: ${toCyr(svrha)}`;
    case 5:
      return `Prenos ka ${payee} ${ac} svrha ${svrha} poziv na broj ${pn}`;
    case 6:
      return `m-banking: ${payee} / ${svrha}`;
    case 7:
      return `IPS prenos ${payee} ${svrha} ${fmtDate(n, 0)}`;
    case 8:
      return `Uplatnica ${payee}, ${svrha}, sifra ${code}, model 97 ${pn.replace(/^97 /, '')}`;
    case 9:
      return `NALOG ${fmtDate(n, 2)} ${payee} | ${svrha} | ${ac}`;
    case 10:
      return `Instant plaćanje IPS ka ${payee} - ${svrha}`;
    default:
      return `Plaćanje računa ${payee} ${svrha} PnB ${pn}`;
  }
}
function creditText(payer, svrha, opts = {}) {
  const { code = 290, ac = acct(), style = ri(0, 8), n = dnum(2026, ri(1, 11), ri(1, 28)) } = opts;
  switch (style) {
    case 0:
      return `Priliv ${payer} ${svrha}`;
    case 1:
      return `Uplata od: ${payer}; svrha: ${svrha}; šifra ${code}`;
    case 2:
      return `Incoming transfer from ${strip(payer)} - ${strip(svrha)}`;
    case 3:
      return `Прилив ${toCyr(payer)} ${toCyr(svrha)}`;
    case 4:
      return `Odobrenje ${ac} ${payer} ${svrha} sifra ${code}`;
    case 5:
      return `IPS priliv ${fmtDate(n, 0)} ${payer} ${svrha}`;
    case 6:
      return `PRILIV NA RACUN ${strip(payer).toUpperCase()} ${strip(svrha).toUpperCase()}`;
    case 7:
      return `Credit ${payer} / ${svrha} / ${ac}`;
    default:
      return `Uplata ${svrha} - ${payer}`;
  }
}

// ---------------------------------------------------------------- noise
function noisy(s, { cyr = false, trunc = false } = {}) {
  let t = s;
  if (!cyr && chance(0.45)) t = strip(t, chance(0.3));
  if (chance(0.33)) t = t.toUpperCase();
  if (chance(0.05)) t = t.replace(/ /, '  ');
  if (trunc && chance(0.1) && t.length > 58) t = t.slice(0, ri(55, 70)).trimEnd();
  return clean(t);
}
const typoName = (name) => (chance(0.06) ? typo(name) : name);

// ================================================================= CATEGORIZE ROWS
const money = (min, max) => ri(Math.round(min * 100), Math.round(max * 100));
const SR_PAYERS = ['NELT CO DOO', 'NIS AD NOVI SAD', 'TELEKOM SRBIJA AD', 'MICROSOFT DEVELOPMENT CENTER SRB', 'NORDEUS DOO',
  'DELHAIZE SERBIA DOO', 'JKP GSP BEOGRAD', 'OSNOVNA ŠKOLA VUK KARADŽIĆ', 'DOM ZDRAVLJA NOVI SAD', 'HEMOFARM AD', 'BOSCH ELEKTRONIK DOO',
  'ZF SERBIA DOO', 'LEONI WIRING SYSTEMS', 'GRAD KRAGUJEVAC', 'UNIVERZITET U NIŠU', 'VIP MOBILE', 'MOZZART DOO', 'SEVEN BRIDGES DOO',
  'FIS DOO', 'TEHNOLOŠKI PARK NS', 'DEEL INC', 'PAYONEER INC', 'ELEKTROPRIVREDA SRBIJE', 'POŠTA SRBIJE JP', 'SZR KOD MILETA'];

function rowGroceries() {
  const r = rnd();
  const m = pick(MER.groceries);
  const amount = -money(m.min, m.max);
  if (r < 0.04) {
    const card = newCard();
    const cty = city();
    const n = dnum(2026, ri(1, 11), ri(1, 28));
    return [noisy(pick([`POS KUPOVINA ${cardFrag(card)} ${cty} ${pick(CC)}`, `Kupovina karticom ${fmtDate(n, 0)} TID ${digits(8)} ${cty}`, `Plaćanje karticom ${cty} ${fmtDate(n, 0)}`, `Card purchase ${cardFrag(card)} ${strip(cty)} RS`])), amount];
  }
  const mm = { ...m, name: typoName(m.name) };
  if (m.f) return [noisy(onlineText(mm.name, m.f, { fx: chance(0.3) ? `${(Math.abs(amount) / 11700).toFixed(2)} EUR` : '' }), { trunc: true }), amount];
  if (m.q && chance(0.25)) return [noisy(ipsQr(mm.name, city(), dnum(2026, ri(1, 11), ri(1, 28)))), amount];
  return [noisy(cardText(mm, { amount }), { trunc: true, cyr: false }), amount];
}
function rowDining() {
  const m = pick(MER.dining);
  const amount = -money(m.min, m.max);
  const mm = { ...m, name: typoName(m.name) };
  if (m.del) {
    const nm = m.name === 'WOLT' ? pick(['WOLT', 'WOLT.COM', 'Wolt Beograd', 'WOLT*SRB']) : m.name === 'GLOVO' ? pick(['GLOVO', 'GLOVOAPP', 'GLOVO*RS']) : pick(['DONESI.COM', 'DONESI DOO']);
    return [noisy(chance(0.5) ? onlineText(nm, [pick(['BEOGRAD', 'NOVI SAD', 'HELSINKI', 'BARCELONA']), pick(['RS', 'FI', 'ES'])]) : cardText({ name: nm }, { amount })), amount];
  }
  if (m.q && chance(0.25)) return [noisy(ipsQr(mm.name, city(), dnum(2026, ri(1, 11), ri(1, 28)))), amount];
  if (chance(0.07)) return [noisy(`SumUp *${mm.name} ${city()}`), amount];
  if (chance(0.04)) return [noisy(`SQ *${mm.name} ${city()} RS`), amount];
  return [noisy(cardText(mm, { amount }), { trunc: true }), amount];
}
function rowTransport() {
  const r = rnd();
  if (r < 0.06) {
    const amount = -money(5000, 25000);
    const svrha = pick(['registracija vozila BG-1234-AB', 'registracija vozila', 'tehnički pregled i registracija', 'registracija automobila NS 567-KL']);
    return [noisy(orderText(pick(['AMSS CENTAR ZA MOTORNA VOZILA', 'AUTO CENTAR TEHNIČKI PREGLED', 'TEHNIČKI PREGLED MILENIJUM', 'AUTO KUĆA REGISTRACIJA PLUS']), svrha, { code: 289 })), amount];
  }
  if (r < 0.1) {
    const amount = -money(300, 2400);
    return [noisy(pick([`SMS PARKING ${pick(['9111', '9112', '9113'])} ${pick(['BEOGRAD', 'NOVI SAD', 'NIŠ'])} ZONA ${ri(1, 3)}`, `Parking servis Beograd dnevna karta ${fmtDate(dnum(2026, ri(1, 11), ri(1, 28)), 0)}`, `PUTARINA ${pick(['BEOGRAD-NIŠ', 'NAPLATNA STANICA ŠIMANOVCI', 'ENP TAG DOPUNA', 'SUBOTICA - NOVI SAD'])}`])), amount];
  }
  const m = pick(MER.transport);
  const amount = -money(m.min, m.max);
  const mm = { ...m, name: typoName(m.name) };
  if (m.f) return [noisy(onlineText(mm.name, m.f), { trunc: true }), amount];
  if (m.name === 'AIR SERBIA' && chance(0.6)) return [noisy(onlineText('AIR SERBIA', ['BEOGRAD', 'RS'])), amount];
  if (m.q && chance(0.35)) return [noisy(ipsQr(mm.name, city(), dnum(2026, ri(1, 11), ri(1, 28)))), amount];
  return [noisy(cardText(mm, { amount }), { trunc: true }), amount];
}
const UTIL_PAYEES = [
  ['JKP INFOSTAN TEHNOLOGIJE', 'račun za {m}', 2500, 16000], ['EPS SNABDEVANJE', 'električna energija {m}', 1800, 14000],
  ['JKP BEOGRADSKE ELEKTRANE', 'grejanje {m}', 3500, 12000], ['JKP BEOGRADSKI VODOVOD I KANALIZACIJA', 'voda {m}', 900, 3500],
  ['JKP NOVOSADSKA TOPLANA', 'grejanje za {m}', 3000, 11000], ['JKP VODOVOD I KANALIZACIJA NOVI SAD', 'vodovod {m}', 800, 3200],
  ['JKP INFORMATIKA NOVI SAD', 'objedinjena naplata {m}', 2000, 9000], ['SRBIJAGAS', 'prirodni gas {m}', 1500, 9000],
  ['JKP GRADSKA ČISTOĆA', 'iznošenje smeća {m}', 500, 1800], ['STAMBENA ZAJEDNICA BULEVAR 112', 'održavanje zgrade {m}', 600, 2500],
  ['UPRAVNIK ZGRADE PROFESIONALNI UPRAVNIK DOO', 'naknada upravnika {m}', 700, 2000], ['TELEKOM SRBIJA AD', 'mts račun {m}', 1500, 7500],
  ['A1 SRBIJA DOO', 'račun za mobilni {m}', 999, 5500], ['YETTEL DOO', 'mesečni račun {m}', 1200, 6000], ['SBB DOO', 'internet i TV {m}', 2500, 6500],
  ['ORION TELEKOM', 'internet {m}', 1800, 3500], ['DUNAV OSIGURANJE ADO', 'premija osiguranja polisa {p}', 2000, 25000],
  ['DDOR NOVI SAD ADO', 'premija osiguranja stana', 1500, 12000], ['GENERALI OSIGURANJE SRBIJA', 'životno osiguranje rata', 2500, 9000],
  ['WIENER STÄDTISCHE OSIGURANJE', 'premija putno osiguranje', 800, 4500], ['UNIQA OSIGURANJE', 'dobrovoljno zdravstveno osiguranje', 2500, 7000],
  ['GRAD BEOGRAD - LPA', 'porez na imovinu {q}. kvartal', 3000, 25000], ['PORESKA UPRAVA', 'porez na imovinu fizičkih lica', 2000, 20000],
  ['PU RADOST', 'vrtić za {m}', 5000, 12000], ['PREDŠKOLSKA USTANOVA RADOSNO DETINJSTVO', 'uplata za boravak deteta {m}', 4000, 11000],
  ['OSNOVNA ŠKOLA ĐURA JAKŠIĆ', 'užina i ekskurzija', 1500, 9000], ['REPUBLIČKA ADMINISTRATIVNA TAKSA', 'taksa za pasoš', 3600, 5100],
  ['MUP - KAZNA', 'prekršajni nalog br {p}', 3000, 10000], ['RZZO', 'doprinos za zdravstveno osiguranje', 2500, 3600],
  ['JP POŠTA - RTS TAKSA', 'taksa za javni medijski servis', 349, 349],
];
function rowUtilities() {
  const u = pick(UTIL_PAYEES);
  const amount = -money(u[2], u[3]);
  const n = dnum(2026, ri(1, 11), ri(1, 28));
  const [y, mo] = parts(n);
  const mstr = chance(0.5) ? `${pad(mo, 2)}/${y}` : `${MONTHS_SR[mo - 1]} ${y}`;
  const svrha = u[1].replace('{m}', mstr).replace('{p}', digits(ri(6, 9))).replace('{q}', String(ri(1, 4)));
  const r = rnd();
  const isTel = /TELEKOM|A1|YETTEL|SBB|ORION/.test(u[0]);
  if (r < 0.12) return [noisy(pick([`Direktno zaduženje ${u[0]} korisnik ${digits(7)}`, `SDD ${u[0]} ${svrha}`, `Trajni nalog ${ri(1, 40)} ${u[0]} ${svrha}`])), amount];
  if (isTel && r < 0.35) {
    const nm = pick({ 'TELEKOM SRBIJA AD': ['MTS ONLINE PLACANJE', 'TELEKOM SRBIJA MOJ MTS', 'mts racun online'], 'A1 SRBIJA DOO': ['A1 SRBIJA E-PLACANJE', 'A1 MOJ A1 RACUN'], 'YETTEL DOO': ['YETTEL RACUN ONLINE', 'MOJ YETTEL PLACANJE RACUNA'], 'SBB DOO': ['SBB EPLACANJE', 'SBB ONLINE RACUN'], 'ORION TELEKOM': ['ORION TELEKOM E-PAY'] }[u[0]]);
    return [noisy(onlineText(nm, ['BEOGRAD', 'RS'])), amount];
  }
  return [noisy(orderText(u[0], svrha, { code: /porez|taksa|kazna|prekr|doprinos/i.test(svrha) ? pick([253, 254, 221]) : pick([189, 289]) })), amount];
}
function rowEntertainment() {
  const m = pick(MER.entertainment);
  const amount = -money(m.min, m.max);
  const mm = { ...m, name: typoName(m.name) };
  if (/MOZZART|MAXBET|SOCCERBET|MERIDIAN/.test(m.name) && chance(0.4)) return [noisy(onlineText(pick([`${m.name} ONLINE`, `${m.name}.COM`, `${m.name} UPLATA NA NALOG`]), ['BEOGRAD', 'RS'])), amount];
  if (/FITNES|TERETANA/.test(m.name) && chance(0.3)) return [noisy(orderText(m.name, pick(['članarina za teretanu', 'mesečna članarina fitnes', 'clanarina teretana'])), { code: 289 }), amount];
  if (m.f) return [noisy(onlineText(mm.name, m.f), { trunc: true }), amount];
  if (m.q && chance(0.3)) return [noisy(ipsQr(mm.name, city(), dnum(2026, ri(1, 11), ri(1, 28)))), amount];
  return [noisy(cardText(mm, { amount }), { trunc: true }), amount];
}
function subAmount(s) {
  if (s.base) return s.base * 100;
  if (s.eur) return Math.round(s.eur * EUR() * (1 + (chance(0.5) ? rnd() * 0.02 : 0)) * 100);
  return Math.round(s.usd * USD() * 100);
}
function fxTag(s) {
  if (s.eur) return `${s.eur.toFixed(2)} EUR`;
  if (s.usd) return `${s.usd.toFixed(2)} USD`;
  return '';
}
function rowSubscriptions() {
  const s = pick(SUBS);
  const amount = -subAmount(s);
  const nm = typoName(s.name);
  return [noisy(onlineText(nm, s.f, { fx: chance(0.35) ? fxTag(s) : '' }), { trunc: true }), amount];
}
function rowSalary() {
  const n = dnum(2026, ri(1, 11), ri(1, 28));
  const [y, mo] = parts(n);
  const r = rnd();
  let payer;
  let svrha;
  let amount;
  if (r < 0.45) {
    payer = pick(SR_PAYERS.slice(0, 20));
    svrha = pick([`Zarada za ${pad(mo, 2)}/${y}`, `isplata zarade ${MONTHS_SR[mo - 1]}`, `plata ${MONTHS_SR[mo - 1]} ${y}`, `akontacija zarade ${pad(mo, 2)}.${y}`, `zarada - konačni obračun ${pad(mo, 2)}/${y}`]);
    amount = money(55000, 320000);
  } else if (r < 0.62) {
    payer = pick(['PIO FOND', 'REPUBLIČKI FOND PIO', 'RF PIO BEOGRAD']);
    svrha = pick([`penzija za ${MONTHS_SR[mo - 1]} ${y}`, 'isplata penzije', `penzija ${pad(mo, 2)}/${y}`]);
    amount = money(28000, 95000);
  } else if (r < 0.74) {
    payer = pick(SR_PAYERS);
    svrha = pick(['honorar po ugovoru o delu', 'autorski honorar', 'isplata po ugovoru o privremenim i povremenim poslovima', 'honorar predavanje']);
    amount = money(12000, 150000);
  } else if (r < 0.82) {
    payer = pick(SR_PAYERS.slice(0, 20));
    svrha = pick(['dnevnice za službeni put', 'isplata dnevnica', 'bonus za Q3', 'godišnji bonus', 'regres za godišnji odmor', 'topli obrok i regres']);
    amount = money(5000, 120000);
  } else if (r < 0.9) {
    payer = pick(['FOND ZA MLADE TALENTE', 'MINISTARSTVO PROSVETE', 'GRAD NOVI SAD', 'DOSITEJA FOND']);
    svrha = pick(['studentska stipendija', `stipendija ${MONTHS_SR[mo - 1]}`, 'učenička stipendija rata']);
    amount = money(8000, 28000);
  } else {
    const foreign = pick(['DEEL INC', 'UPWORK ESCROW INC', 'TOPTAL LLC', 'REMOTE EUROPE']);
    const eur = ri(800, 6000);
    amount = Math.round(eur * EUR() * 100);
    return [noisy(pick([`Priliv iz inostranstva SWIFT ${foreign} invoice ${digits(4)} ${eur}.00 EUR`, `Devizni priliv ${foreign} - payment for services ${MONTHS_EN[mo - 1]} - konverzija EUR/RSD`, `INWARD SWIFT ${foreign} CONTRACTOR PAYMENT ${MONTHS_EN[mo - 1].toUpperCase()} ${y}`])), amount];
  }
  return [noisy(creditText(payer, svrha, { code: r < 0.62 ? (r < 0.45 ? 240 : 241) : 290 })), amount];
}
function rowRent() {
  const n = dnum(2026, ri(1, 11), ri(1, 28));
  const [y, mo] = parts(n);
  const amount = -money(25000, 120000);
  const landlord = chance(0.8) ? person() : pick(['CITY EXPERT DOO', 'AGENCIJA ZA NEKRETNINE KVADRAT', 'STAN-INVEST DOO', 'NEKRETNINE DOM PLUS']);
  const svrha = pick([`kirija za ${MONTHS_SR[mo - 1]}`, `kirija ${pad(mo, 2)}/${y}`, `stanarina ${MONTHS_SR[mo - 1]} ${y}`, 'zakup stana', `zakup stana za ${pad(mo, 2)}.${y}`,
    'najam stana', `KIRIJA STAN ${pick(['VRAČAR', 'DORĆOL', 'LIMAN', 'GROBLJANSKA', 'BLOK 45', 'KARABURMA'])}`, `rent ${MONTHS_EN[mo - 1]}`, 'kirija + depozit', 'stanarina za sobu']);
  if (chance(0.15)) return [noisy(`Trajni nalog ${ri(1, 30)} - ${svrha} - ${landlord} ${acct()}`), amount];
  if (chance(0.1)) return [noisy(`Rent payment ${MONTHS_EN[mo - 1]} ${y} to ${strip(landlord)}`), amount];
  return [noisy(orderText(landlord, svrha, { style: pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) })), amount];
}
function rowTransfer() {
  const r = rnd();
  const n = dnum(2026, ri(1, 11), ri(1, 28));
  const [y, mo] = parts(n);
  if (r < 0.16) {
    const amount = -ri(1, 40) * 100000;
    const bank = pick(Object.values(BANKS)).name.toUpperCase();
    return [noisy(pick([`Isplata gotovine ATM ${bank} ${city()} ${fmtDate(n, 0)}`, `Podizanje gotovine bankomat ${digits(5)} ${city()}`, `ATM WITHDRAWAL ${strip(city())} RS ${cardFrag(newCard())}`, `Исплата готовине банкомат ${toCyr(city())}`, `BANKOMAT ${bank} ${strip(city())} ${hhmm()}`, `Gotovinska isplata na šalteru ${bank}`])), amount];
  }
  if (r < 0.36) {
    const amount = -money(500, 40000);
    const p = person();
    return [noisy(orderText(p, pick(['pozajmica', 'vraćam dug', 'za rođendanski poklon', 'za put', 'poklon', 'deljenje računa', 'za ručak', 'dug', 'za karte', 'lična potreba', 'prenos sredstava', 'džeparac', 'za ekskurziju', 'pomoć'])), { code: 290 }), amount];
  }
  if (r < 0.52) {
    const amount = money(500, 60000);
    const p = person();
    return [noisy(creditText(p, pick(['vraćam pozajmicu', 'za pizzu', 'deljenje troškova', 'poklon', 'povraćaj duga', 'prenos', 'za rođendan', 'uplata'])), { code: 290 }), amount];
  }
  if (r < 0.6) {
    const amount = -money(100, 1500);
    return [noisy(pick([`Naknada za vođenje računa ${pad(mo, 2)}/${y}`, 'Provizija za nalog', 'Članarina za karticu Visa Classic', `Mesečni paket usluga ${MONTHS_SR[mo - 1]}`, 'Naknada za SMS obaveštenja', 'Provizija za instant plaćanje', 'Account maintenance fee', 'Naknada za izdavanje kartice', 'Провизија за налог'])), amount];
  }
  if (r < 0.68) {
    const amount = -money(4000, 45000);
    return [noisy(pick([`Rata kredita partija ${digits(10)}`, `Otplata gotovinskog kredita ${pad(mo, 2)}/${y}`, `Uplata na kreditnu karticu ${cardFrag(newCard())}`, `Rata stambenog kredita br ${digits(8)}`, 'Otplata duga po kreditnoj kartici', 'Loan instalment repayment', 'Отплата рате кредита'])), amount];
  }
  if (r < 0.76) {
    const amount = chance(0.5) ? -money(2000, 100000) : money(2000, 100000);
    const eur = ri(20, 800);
    return [noisy(pick([`Konverzija EUR u RSD kurs 117,${digits(4)}`, `Kupoprodaja deviza ${eur} EUR`, `Menjački posao prodaja ${eur} EUR`, `FX conversion RSD/EUR ${eur}.00`, 'Prenos sa deviznog računa', `Kupovina deviza ${eur} EUR kurs 117.${digits(2)}`])), amount];
  }
  if (r < 0.84) {
    const amount = -money(1000, 50000);
    return [noisy(pick(['Prenos na štedni račun', 'Oročena štednja uplata', 'Prenos na sopstveni račun', `Revolut top-up ${cardFrag(newCard())}`, 'REVOLUT**7781* DUBLIN IE', 'Wise top up', 'PAYPAL TOP UP', 'Dopuna Payoneer', 'Interni prenos - sopstveni racun', 'Uplata na tekući račun - sopstveni'])), amount];
  }
  if (r < 0.91) {
    const amount = money(300, 20000);
    const m = pick([...MER.groceries, ...MER.dining.slice(0, 5)]);
    return [noisy(pick([`Povraćaj sredstava ${m.name}`, `Refund ${m.name} ${city()}`, `Storno kupovine ${m.name} ${fmtDate(n, 0)}`, `Reklamacija povraćaj ${m.name}`, `Povrat novca ${m.name}`])), amount];
  }
  if (r < 0.96) {
    const amount = -money(300, 15000);
    return [noisy(pick([`IPS plaćanje 289 ${digits(10)}`, 'Plaćanje 290', `Instant plaćanje ${acct()}`, `Nalog ${digits(8)} sifra 289`, `Plaćanje - poziv na broj ${pnb()}`])), amount];
  }
  const amount = money(2000, 80000);
  return [noisy(pick(['Uplata gotovine na šalteru', 'Polog gotovine bankomat', `Dečiji dodatak ${MONTHS_SR[mo - 1]}`, 'Roditeljski dodatak rata', 'Povraćaj poreza', 'Kamata na štednju', 'Dobitak isplata Mozzart'])), amount];
}

const ROWBUILD = { groceries: rowGroceries, dining: rowDining, transport: rowTransport, utilities: rowUtilities, entertainment: rowEntertainment,
  subscriptions: rowSubscriptions, salary: rowSalary, rent: rowRent, transfer: rowTransfer };
const QUOTA = { groceries: 300, dining: 250, transport: 150, utilities: 125, transfer: 170, entertainment: 100, subscriptions: 95, salary: 70, rent: 60 };
const rows = [];
const seen = new Set();
for (const [cat, q] of Object.entries(QUOTA)) {
  let k = 0;
  let guard = 0;
  while (k < q && guard++ < q * 50) {
    const [desc, amt] = ROWBUILD[cat]();
    if (seen.has(desc)) continue;
    seen.add(desc);
    rows.push([desc, (amt / 100).toFixed(2), cat]);
    k++;
  }
}
const rowsShuffled = shuffle(rows);
const tsv = `description\tamount\tcategory\n${rowsShuffled.map((r) => r.join('\t')).join('\n')}\n`;

// ================================================================= RECURRING HISTORIES
const PERIOD = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.31, annually: 365.25 };

function scheduleMonthly(start, end, { day, every = 1, jitter = 0.25, biz = false, bizBack = false, skip = 0, weekendOk = true }) {
  const out = [];
  let [y, m] = parts(start);
  let first = true;
  for (;;) {
    let n = dnum(y, m, Math.min(day, dim(y, m)));
    if (chance(jitter)) n += pick([-1, 1, 1, 2, 3]);
    if (biz) n = bizBack ? prevBiz(n) : nextBiz(n);
    else if (!weekendOk && wday(n) === 0) n += 1;
    if (n > end) break;
    if (n >= start) {
      if (!first && skip && chance(skip)) out.push(null);
      else out.push(n);
      first = false;
    }
    [y, m] = addMonths(y, m, every);
  }
  // drop skip markers in the last two occurrences, and never end with a skip
  const res = [];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === null) {
      if (i >= out.length - 2) {
        // regenerate the occurrence: use the next month's neighbour value approximated from prev
        const prev = res[res.length - 1];
        res.push(prev + Math.round(30.44 * every));
      }
      continue;
    }
    res.push(out[i]);
  }
  return res.filter((n) => n <= end);
}
function scheduleDays(start, end, step, { jitter = 0.1, biz = false }) {
  const out = [];
  for (let n = start; n <= end; n += step) {
    let d = n;
    if (chance(jitter)) d += pick([-1, 1]);
    if (biz) d = nextBiz(d);
    if (d <= end) out.push(d);
  }
  return out;
}

const OCCUP = ['software developer', 'nurse', 'teacher', 'accountant', 'truck driver', 'pensioner', 'student', 'graphic designer',
  'civil engineer', 'shop assistant', 'dentist', 'electrician', 'freelance translator', 'marketing manager', 'pharmacist', 'waiter',
  'call-centre agent', 'lawyer', 'physiotherapist', 'journalist', 'factory technician', 'data analyst', 'architect', 'barber'];
const HOME_CITIES = ['BEOGRAD', 'NOVI SAD', 'NIŠ', 'KRAGUJEVAC', 'SUBOTICA', 'PANČEVO', 'ČAČAK', 'ZRENJANIN', 'KRALJEVO', 'VALJEVO', 'ŠABAC', 'NOVI BEOGRAD'];

function bankCardStyles(bankKey) {
  const map = {
    intesa: [0, 17], raiffeisen: [1, 14], otp: [2, 20], erste: [3, 9], aik: [4, 13], unicredit: [5, 19], addiko: [6, 21],
    postanska: [7, 15], nlb: [8, 0], procredit: [12, 19], halk: [21, 12], eurobank: [17, 9], yettel: [10, 11], b3: [18, 10],
    api: [12, 11], mobi: [16, 11], otp2: [2, 14],
  };
  return map[bankKey];
}
function bankOrderStyles(bankKey) {
  const map = {
    intesa: [0, 9], raiffeisen: [5, 2], otp: [8, 11], erste: [2, 6], aik: [1, 0], unicredit: [3, 3], addiko: [9, 6],
    postanska: [4, 4], nlb: [5, 11], procredit: [3, 1], halk: [1, 8], eurobank: [6, 10], yettel: [10, 7], b3: [7, 9],
    api: [10, 1], mobi: [7, 6], otp2: [8, 0],
  };
  return map[bankKey];
}
function bankCreditStyles(bankKey) {
  const map = {
    intesa: [0, 4], raiffeisen: [1, 5], otp: [4, 8], erste: [5, 7], aik: [0, 6], unicredit: [2, 7], addiko: [6, 0],
    postanska: [3, 3], nlb: [1, 4], procredit: [2, 2], halk: [6, 8], eurobank: [5, 1], yettel: [5, 8], b3: [7, 0],
    api: [8, 5], mobi: [5, 6], otp2: [4, 1],
  };
  return map[bankKey];
}

function makeHistory(hi) {
  const long = hi >= 41;
  const months = long ? 27 + (hi % 5) : 6 + ((hi * 7) % 9);
  const today = dnum(2026, 9, 10) + ri(0, 85);
  const [ty, tm] = parts(today);
  const [sy, sm] = addMonths(ty, tm, -months);
  const start = dnum(sy, sm, ri(1, 28));
  const bankKey = BANK_KEYS[hi % BANK_KEYS.length];
  const bank = BANKS[bankKey];
  const homeCity = HOME_CITIES[(hi * 5) % HOME_CITIES.length];
  const cs = bankCardStyles(bankKey);
  const os = bankOrderStyles(bankKey);
  const crs = bankCreditStyles(bankKey);
  let card = newCard();
  const cardChange = chance(0.35) ? start + Math.floor((today - start) * (0.4 + rnd() * 0.4)) : null;
  const card2 = newCard();
  const cardAt = (n) => (cardChange && n >= cardChange ? card2 : card);
  const styleAt = (n) => (cardChange && n >= cardChange ? cs[1] : cs[0]);
  const txs = [];
  const streams = [];
  const usedPersons = new Set();
  const newPerson = () => {
    let p;
    do p = person();
    while (usedPersons.has(p));
    usedPersons.add(p);
    return p;
  };
  const add = (n, amount, description, category, streamKey = null) => {
    txs.push({ n, amount, description: clean(description), category, streamKey });
  };
  // -- stream helper
  const mkStream = (key, cat, dir, freq, dates, amountFn, descFn) => {
    if (dates.length < 3) return false;
    const ids = [];
    dates.forEach((n, i) => {
      const a = amountFn(i, n);
      const tx = { n, amount: dir === 'incoming' ? Math.abs(a) : -Math.abs(a), description: clean(descFn(i, n)), category: cat, streamKey: key };
      txs.push(tx);
      ids.push(tx);
    });
    streams.push({ key, freq, dir, cat, txs: ids });
    return true;
  };
  // lifecycle: active to today, or stopped earlier; may start late
  const life = (freq, { canStop = true, lateStart = 0.15 } = {}) => {
    const p = PERIOD[freq];
    let s = start;
    if (chance(lateStart) && freq !== 'annually' && freq !== 'quarterly') s = start + Math.floor((today - start) * rnd() * 0.45);
    let e = today;
    if (canStop && chance(0.16)) e = today - Math.ceil(p * (2.6 + rnd() * 2));
    if ((e - s) / p < 3.2) return [start, today];
    return [s, e];
  };
  const orderStyle = () => pick(os);

  // ---------- income
  const incomeKind = hi % 12 === 5 ? 'pension' : hi % 9 === 2 ? 'biweekly-contract' : hi % 13 === 7 ? 'weekly-courier' : hi % 10 === 8 ? 'stipend' : 'salary';
  const employer = pick(SR_PAYERS.slice(0, 20));
  const occ =
    incomeKind === 'pension'
      ? 'pensioner'
      : incomeKind === 'weekly-courier'
        ? 'delivery courier'
        : incomeKind === 'stipend'
          ? 'student'
          : incomeKind === 'biweekly-contract'
            ? pick(['freelance developer', 'remote QA contractor', 'freelance illustrator'])
            : OCCUP.filter((o) => o !== 'pensioner' && o !== 'student')[(hi * 7 + 3) % (OCCUP.length - 2)];
  let salaryBase = ri(600, 3200) * 100 * 100;
  if (incomeKind === 'salary') {
    const day = pick([5, 8, 10, 15, 20, 25, 28]);
    const fixed = chance(0.35);
    const [s, e] = [start, today];
    const dates = scheduleMonthly(s, e, { day, biz: true, bizBack: chance(0.5), jitter: 0.15 });
    const raiseAt = chance(0.4) ? Math.floor(dates.length / 2) : -1;
    const st = pick(crs);
    mkStream('salary', 'salary', 'incoming', 'monthly', dates, (i) => {
      let b = salaryBase;
      if (raiseAt >= 0 && i >= raiseAt) b = Math.round(b * 1.08);
      return fixed ? b : b + ri(-4000, 9000) * 100;
    }, (i, n) => {
      const [y, m] = addMonths(...parts(n).slice(0, 2), day >= 15 ? 0 : -1);
      return creditText(employer, pick([`Zarada za ${pad(m, 2)}/${y}`, `zarada ${pad(m, 2)}/${y}`]), { code: 240, style: st, n });
    });
    if (chance(0.5)) {
      // quarterly bonus
      const qd = scheduleMonthly(start, today, { day: pick([12, 18, 22]), every: 3, biz: true, jitter: 0.3 });
      mkStream('bonus-q', 'salary', 'incoming', 'quarterly', qd, () => ri(150, 600) * 10000, (i, n) =>
        creditText(employer, `kvartalni bonus Q${Math.ceil(parts(n)[1] / 3)}`, { code: 240, style: st, n }));
    }
  } else if (incomeKind === 'pension') {
    salaryBase = ri(300, 700) * 10000;
    const dates = scheduleMonthly(start, today, { day: pick([5, 10, 15, 25]), biz: true, jitter: 0.05 });
    mkStream('penzija', 'salary', 'incoming', 'monthly', dates, (i, n) => (parts(n)[1] === 1 || i > dates.length - 4 ? Math.round(salaryBase * 1.06) : salaryBase),
      (i, n) => creditText('PIO FOND', `penzija za ${MONTHS_SR[parts(n)[1] - 1]}`, { code: 241, style: crs[0], n }));
  } else if (incomeKind === 'biweekly-contract') {
    const eur = ri(700, 1800);
    const first = nextBiz(start + ri(0, 13));
    const dates = scheduleDays(first, today, 14, { jitter: 0.15, biz: true });
    const client = pick(['DEEL INC', 'TOPTAL LLC', 'REMOTE EUROPE HOLDING', 'OYSTER HR']);
    mkStream('contract-pay', 'salary', 'incoming', 'biweekly', dates, () => Math.round(eur * EUR() * 100),
      (i, n) => pick([`Priliv iz inostranstva SWIFT ${client} invoice ${digits(4)} ${eur}.00 EUR ${fmtDate(n, 0)}`, `Devizni priliv ${client} payment for services - konverzija EUR/RSD`]));
  } else if (incomeKind === 'weekly-courier') {
    const first = start + ((5 - wday(start) + 7) % 7);
    const dates = scheduleDays(first, today, 7, { jitter: 0.1 });
    const payer = pick(['WOLT SERVICES DOO', 'GLOVOAPP SERVICES DOO', 'CARGO PARTNER DOO']);
    mkStream('weekly-pay', 'salary', 'incoming', 'weekly', dates, () => ri(60, 260) * 10000 + ri(0, 99) * 100,
      (i, n) => creditText(payer, `nedeljna isplata honorara ${fmtDate(n - 7, 4)}-${fmtDate(n - 1, 4)}`, { code: 240, style: crs[0], n }));
  } else {
    const dates = scheduleMonthly(start, today, { day: pick([10, 15, 20]), biz: true });
    mkStream('stipendija', 'salary', 'incoming', 'monthly', dates, () => 1800000, (i, n) =>
      creditText('FOND ZA MLADE TALENTE', `stipendija ${MONTHS_SR[parts(n)[1] - 1]} ${parts(n)[0]}`, { code: 290, style: crs[0], n }));
    // parents allowance (transfer in)
    const parent = newPerson();
    const d2 = scheduleMonthly(start, today, { day: pick([1, 3, 5]), jitter: 0.4 });
    mkStream('parents-in', 'transfer', 'incoming', 'monthly', d2, () => 2000000, (i, n) => creditText(parent, pick(['za troškove', 'džeparac', 'za mesec']), { style: crs[1], n }));
  }
  if (incomeKind === 'salary' && chance(0.12)) {
    // rent received from a tenant — transfer in
    const tenant = newPerson();
    const [s, e] = life('monthly');
    const d = scheduleMonthly(s, e, { day: ri(1, 6), jitter: 0.5 });
    mkStream('tenant-rent-in', 'transfer', 'incoming', 'monthly', d, () => 3500000, (i, n) => creditText(tenant, `kirija ${MONTHS_SR[parts(n)[1] - 1]}`, { style: crs[1], n }));
  }
  if (chance(0.1)) {
    const d = scheduleMonthly(start, today, { day: ri(12, 18), biz: true });
    mkStream('decji-dodatak', 'transfer', 'incoming', 'monthly', d, () => 380000 + 0, (i, n) => creditText('GRADSKA UPRAVA ZA SOCIJALNU ZAŠTITU', `dečiji dodatak ${pad(parts(n)[1], 2)}/${parts(n)[0]}`, { style: crs[0], n }));
  }

  // ---------- monthly outgoing
  const renter = chance(0.55) && incomeKind !== 'pension';
  if (renter) {
    const landlord = chance(0.8) ? newPerson() : pick(['CITY EXPERT DOO', 'AGENCIJA KVADRAT', 'STAN-INVEST DOO']);
    const rent = ri(25, 90) * 100000;
    const day = ri(1, 5);
    const [s, e] = life('monthly', { canStop: chance(0.5), lateStart: 0.1 });
    const d = scheduleMonthly(s, e, { day, jitter: 0.35, biz: true });
    const so = chance(0.4);
    const ac = acct();
    const hike = chance(0.25) ? Math.floor(d.length * 0.6) : -1;
    mkStream('rent', 'rent', 'outgoing', 'monthly', d, (i) => (hike >= 0 && i >= hike ? rent + 500000 : rent), (i, n) => {
      const mn = MONTHS_SR[parts(n)[1] - 1];
      return so ? `Trajni nalog ${ri(10, 12)} - kirija ${landlord} ${ac}` : orderText(landlord, pick([`kirija ${mn}`, `kirija za ${mn}`, `stanarina ${mn}`]), { ac, style: orderStyle(), n });
    });
  }
  const utilPool = shuffle([
    ['infostan', 'JKP INFOSTAN TEHNOLOGIJE', 'račun {m}', 300000, 1400000, true],
    ['eps', 'EPS SNABDEVANJE', 'struja {m}', 180000, 1200000, true],
    ['mts', 'TELEKOM SRBIJA AD', 'mts račun {m}', 190000, 450000, true],
    ['a1', 'A1 SRBIJA DOO', 'račun za {m}', 99900, 99900, false],
    ['yettel', 'YETTEL DOO', 'mesečni račun {m}', 159900, 159900, false],
    ['sbb', 'SBB DOO', 'internet i TV {m}', 329900, 329900, false],
    ['stambena', `STAMBENA ZAJEDNICA ${pick(['NJEGOŠEVA 44', 'BULEVAR OSLOBOĐENJA 112', 'CARA DUŠANA 7', 'TOŠIN BUNAR 180'])}`, 'održavanje {m}', 120000, 120000, false],
    ['vrtic', 'PU RADOST', 'vrtić {m}', 650000, 980000, true],
    ['gas', 'SRBIJAGAS', 'gas {m}', 150000, 900000, true],
    ['vodovod', 'JKP VODOVOD I KANALIZACIJA', 'voda {m}', 90000, 320000, true],
  ]);
  const nUtil = ri(2, 4);
  for (const u of utilPool.filter((x) => incomeKind !== 'pension' || x[0] !== 'vrtic').slice(0, nUtil)) {
    const day = ri(8, 27);
    const [s, e] = life('monthly', { canStop: chance(0.3), lateStart: 0.05 });
    const d = scheduleMonthly(s, e, { day, jitter: 0.45, skip: chance(0.2) ? 0.12 : 0, biz: true });
    const dd = !u[5] && chance(0.3);
    const ac = acct();
    const priceUp = !u[5] && chance(0.3) ? Math.floor(d.length * 0.5) : -1;
    const online = /TELEKOM|A1|YETTEL|SBB/.test(u[1]) && chance(0.3);
    mkStream(u[0], 'utilities', 'outgoing', 'monthly', d, (i) => (u[5] ? ri(u[3] / 100, u[4] / 100) * 100 + ri(0, 99) : priceUp >= 0 && i >= priceUp ? Math.round(u[3] * 1.1 / 100) * 100 : u[3]), (i, n) => {
      const [y, m] = addMonths(...parts(n).slice(0, 2), -1);
      const ms = chance(0.5) ? `${pad(m, 2)}/${y}` : `${MONTHS_SR[m - 1]} ${y}`;
      if (dd) return `Direktno zaduženje ${u[1]} korisnik ${digits(6)} ${ms}`;
      if (online) return cardText({ name: `${u[1].split(' ')[0]} ONLINE PLACANJE` }, { n, card: cardAt(n), style: styleAt(n), cty: 'BEOGRAD' });
      return orderText(u[1], u[2].replace('{m}', ms), { ac, style: orderStyle(), n, code: 189 });
    });
  }
  // subscriptions (monthly)
  const subPool = shuffle(SUBS);
  const nSubs = ri(1, 4);
  for (const s0 of subPool.slice(0, nSubs)) {
    const day = ri(1, 28);
    const [s, e] = life('monthly', { lateStart: 0.25 });
    const d = scheduleMonthly(s, e, { day, jitter: 0.15 });
    const change = s0.base && chance(0.4) ? Math.floor(d.length * (0.3 + rnd() * 0.4)) : -1;
    const key = s0.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20);
    const ost = ri(0, 9);
    const ost2 = ri(0, 9);
    mkStream(key, 'subscriptions', 'outgoing', 'monthly', d, (i) => {
      if (s0.base) return change >= 0 && i >= change ? s0.base * 100 + 20000 : s0.base * 100;
      return subAmount(s0);
    }, (i, n) => onlineText(s0.name, s0.f, { n, card: cardAt(n), style: cardChange && n >= cardChange ? ost2 : ost, fx: s0.base ? '' : fxTag(s0) }));
  }
  // loan instalment
  if (chance(0.4)) {
    const [s, e] = life('monthly', { canStop: chance(0.4) });
    const d = scheduleMonthly(s, e, { day: pick([1, 10, 15, 20, 25]), biz: true, jitter: 0.05 });
    const part = digits(10);
    const amt = ri(60, 450) * 10000;
    mkStream('loan', 'transfer', 'outgoing', 'monthly', d, () => amt, (i, n) => pick([`Rata kredita partija ${part}`, `Naplata rate kredita ${part} ${fmtDate(n, 0)}`, `RATA KREDITA ${part}`]));
  }
  // gym
  if (chance(0.35)) {
    const gym = pick(['FITNES CENTAR ATLAS', 'TERETANA POWER GYM', 'GYM BOX', 'FIT ZONA', 'TERETANA SPARTAK', 'CROSSFIT 11000', 'JOGA STUDIO PRANA']);
    const [s, e] = life('monthly', { lateStart: 0.3 });
    const d = scheduleMonthly(s, e, { day: ri(1, 10), jitter: 0.5 });
    const price = ri(25, 55) * 10000;
    const viaIps = chance(0.5);
    mkStream('gym', 'entertainment', 'outgoing', 'monthly', d, () => price, (i, n) =>
      viaIps ? ipsQr(`${gym} clanarina`, homeCity, n) : cardText({ name: gym }, { n, card: cardAt(n), style: styleAt(n), cty: homeCity }));
  }
  // monthly misc: transfer to parents, savings, BusPlus pass, parking subscription
  if (chance(0.35)) {
    const kind = pick(['parents', 'savings', 'buspass', 'parking', 'skola']);
    const d = scheduleMonthly(start, today, { day: ri(1, 12), jitter: 0.3, biz: kind !== 'buspass' });
    if (kind === 'parents') {
      const p = newPerson();
      mkStream('parents-out', 'transfer', 'outgoing', 'monthly', d, () => 1500000, (i, n) => orderText(p, 'pomoć', { style: orderStyle(), n, code: 290 }));
    } else if (kind === 'savings') {
      mkStream('savings-m', 'transfer', 'outgoing', 'monthly', d, () => 1000000, () => `Trajni nalog - prenos na štedni račun ${bank.code}-${pad(ri(1, 99999), 13)}-${ri(10, 99)}`);
    } else if (kind === 'buspass') {
      mkStream('busplus', 'transport', 'outgoing', 'monthly', d, (i) => (i < 3 ? 330000 : 220000), (i, n) => cardText({ name: 'BUSPLUS MESECNA KARTA' }, { n, card: cardAt(n), style: styleAt(n), cty: 'BEOGRAD' }));
    } else if (kind === 'parking') {
      mkStream('parking-pretplata', 'transport', 'outgoing', 'monthly', d, () => 260000, (i, n) => orderText('JKP PARKING SERVIS', `pretplatna parking karta ${pad(parts(n)[1], 2)}/${parts(n)[0]}`, { style: orderStyle(), n }));
    } else {
      mkStream('skolarina', 'utilities', 'outgoing', 'monthly', d, () => 1200000, (i, n) => orderText('OŠ BRANKO RADIČEVIĆ', `produženi boravak ${MONTHS_SR[parts(n)[1] - 1]}`, { style: orderStyle(), n }));
    }
  }

  // ---------- weekly
  const weeklyKinds = ['allowance', 'cleaning', 'vegbox', 'football', 'savings-w', 'piano'];
  const nWeekly = hi % 4 === 3 ? 0 : hi % 5 === 0 ? 2 : 1;
  for (const kind of shuffle(weeklyKinds).slice(0, nWeekly)) {
    const wd = ri(1, 6);
    const [s, e] = life('weekly', { lateStart: 0.2 });
    const first = s + ((wd - wday(s) + 7) % 7);
    const d = scheduleDays(first, e, 7, { jitter: 0.12 });
    if (kind === 'allowance') {
      const kid = `${pick(FIRST)} ${pick(LAST)}`;
      usedPersons.add(kid);
      const amt = pick([100000, 150000, 200000]);
      mkStream('dzeparac', 'transfer', 'outgoing', 'weekly', d, (i) => (i > d.length / 2 ? amt + 50000 : amt), (i, n) => orderText(kid, pick(['džeparac', 'dzeparac nedelja']), { style: pick([7, 10, 6]), n, code: 290 }));
      if (chance(0.6)) add(d[Math.floor(d.length / 2)] + 3, -ri(20, 60) * 10000, orderText(kid, 'za ekskurziju', { style: 10 }), 'transfer');
    } else if (kind === 'cleaning') {
      const lady = newPerson();
      const amt = pick([300000, 350000, 400000]);
      mkStream('cleaning', 'transfer', 'outgoing', 'weekly', d, () => amt, (i, n) => orderText(lady, pick(['spremanje stana', 'čišćenje']), { style: pick([7, 10]), n }));
    } else if (kind === 'vegbox') {
      const farm = pick(['BAŠTA KLASIK', 'ORGANSKA KORPA', 'SEOSKI KOŠ', 'ZELENA KUTIJA FARMA']);
      mkStream('vegbox', 'groceries', 'outgoing', 'weekly', d, () => ri(180, 320) * 1000 + 0, (i, n) => ipsQr(`${farm} nedeljna korpa`, homeCity, n));
    } else if (kind === 'football') {
      const sc = pick(['SC OLIMP TERMIN', 'MALI FUDBAL HALA SPORTOVA', 'BALON SALA DRAGANA', 'TENIS KLUB BREZA']);
      mkStream('termin', 'entertainment', 'outgoing', 'weekly', d, () => pick([120000, 150000, 90000]), (i, n) => cardText({ name: sc }, { n, card: cardAt(n), style: styleAt(n), cty: homeCity }));
    } else if (kind === 'savings-w') {
      mkStream('savings-w', 'transfer', 'outgoing', 'weekly', d, () => 500000, (i, n) => `Trajni nalog nedeljna štednja ${fmtDate(n, 0)}`);
    } else {
      const teacher = newPerson();
      mkStream('lessons-w', 'transfer', 'outgoing', 'weekly', d, () => 250000, (i, n) => orderText(teacher, pick(['čas klavira', 'časovi klavira']), { style: pick([7, 10, 6]), n }));
    }
  }
  // ---------- biweekly
  const biKinds = ['babysitter', 'tutor', 'cleaning-bi', 'physio', 'shared', 'alimony'];
  const nBi = (hi % 4 === 1 ? 0 : 1) + (hi % 7 === 0 ? 1 : 0);
  for (const kind of shuffle(biKinds).slice(0, nBi)) {
    const [s, e] = life('biweekly', { lateStart: 0.2 });
    const first = s + ri(0, 13);
    const d = scheduleDays(first, e, 14, { jitter: 0.15 });
    if (kind === 'physio') {
      const clinic = pick(['FIZIKALNA TERAPIJA KINEZIS', 'POLIKLINIKA FIZIO PLUS', 'ORDINACIJA REHAB CENTAR']);
      mkStream('physio', 'groceries', 'outgoing', 'biweekly', d, () => 450000, (i, n) => cardText({ name: clinic }, { n, card: cardAt(n), style: styleAt(n), cty: homeCity }));
    } else {
      const p = newPerson();
      const svr = { babysitter: 'čuvanje deteta', tutor: 'časovi matematike', 'cleaning-bi': 'spremanje', shared: 'zajednički troškovi', alimony: 'alimentacija' }[kind];
      const amt = ri(30, 150) * 10000;
      const vari = kind === 'babysitter' || kind === 'tutor';
      mkStream(kind, 'transfer', 'outgoing', 'biweekly', d, () => (vari ? amt + ri(-2, 4) * 10000 : amt), (i, n) => orderText(p, svr, { style: pick([7, 10, 6, 1]), n, code: 290 }));
    }
  }
  // ---------- quarterly
  const qKinds = ['porez', 'osiguranje', 'cardfee', 'magazin', 'smece'];
  let nQ = months >= 8 ? (hi % 3 === 0 ? 2 : 1) : 0;
  if (long) nQ = 1;
  for (const kind of shuffle(qKinds).slice(0, nQ)) {
    const day = kind === 'porez' ? 14 : ri(3, 25);
    const baseMonth = kind === 'porez' ? 2 : ri(1, 3);
    let [y, m] = parts(start);
    while ((m - baseMonth + 12) % 3 !== 0) [y, m] = addMonths(y, m, 1);
    const s = dnum(y, m, 1) < start ? dnum(...addMonths(y, m, 3), 1) : dnum(y, m, 1);
    const d = scheduleMonthly(s, today, { day, every: 3, jitter: 0.5, biz: kind !== 'magazin' });
    if (kind === 'porez') {
      const pn = `97 ${digits(2)}${digits(10)}`;
      const amt = ri(20, 120) * 10000;
      mkStream('porez-imovina', 'utilities', 'outgoing', 'quarterly', d, (i, n) => (parts(n)[1] === 2 && i > 0 ? Math.round(amt * 1.05) : amt), (i, n) =>
        orderText(pick(['GRAD BEOGRAD LPA', 'LOKALNA PORESKA ADMINISTRACIJA']), `porez na imovinu ${Math.ceil(parts(n)[1] / 3)}. kvartal ${parts(n)[0]}`, { code: 253, pn, style: orderStyle(), n }));
    } else if (kind === 'osiguranje') {
      const ins = pick(['DUNAV OSIGURANJE ADO', 'GENERALI OSIGURANJE SRBIJA', 'WIENER STÄDTISCHE', 'DDOR NOVI SAD', 'TRIGLAV OSIGURANJE']);
      const pol = digits(9);
      mkStream('osiguranje-q', 'utilities', 'outgoing', 'quarterly', d, () => ri(30, 90) * 10000, (i, n) => orderText(ins, `kvartalna premija polisa ${pol}`, { style: orderStyle(), n }));
    } else if (kind === 'cardfee') {
      mkStream('card-fee-q', 'transfer', 'outgoing', 'quarterly', d, () => 45000, (i, n) => `Članarina za karticu ${pick(['Visa', 'Mastercard'])} kvartalna ${fmtDate(n, 0)}`);
    } else if (kind === 'magazin') {
      const mag = pick(['NACIONALNA GEOGRAFIJA SRBIJA', 'VREME NEDELJNIK DIGITALNO', 'THE ECONOMIST QTR']);
      mkStream('magazin-q', 'subscriptions', 'outgoing', 'quarterly', d, (i) => (i > 2 ? 249000 : 219000), (i, n) => onlineText(mag, ['BEOGRAD', 'RS'], { n, card: cardAt(n), style: 3 }));
    } else {
      mkStream('smece-q', 'utilities', 'outgoing', 'quarterly', d, () => ri(180, 260) * 1000, (i, n) => orderText('JKP ČISTOĆA', `odvoz smeća ${Math.ceil(parts(n)[1] / 3)}. kvartal`, { style: orderStyle(), n }));
    }
  }
  // ---------- annual (long histories only)
  if (long) {
    const aKinds = shuffle(['domain', 'registracija', 'home-ins', 'ms365y', 'cardfee-y', '1password-y']).slice(0, 2);
    for (const kind of aKinds) {
      const [y, m] = addMonths(...parts(start).slice(0, 2), 1 + ri(0, 1));
      const s = dnum(y, m, 1);
      const d = scheduleMonthly(s, today, { day: ri(2, 26), every: 12, jitter: 0.6 });
      if (kind === 'domain') {
        const dom = pick(['kovacevic.rs', 'petrovicdesign.com', 'mojaradnja.rs', 'foto-ilic.net']);
        mkStream('domain', 'subscriptions', 'outgoing', 'annually', d, () => Math.round(12.98 * USD() * 100), (i, n) => onlineText(`NAMECHEAP.COM ${dom}`, ['PHOENIX', 'US'], { n, card: cardAt(n), style: 0, fx: '12.98 USD' }));
      } else if (kind === 'registracija') {
        const plate = `${pick(['BG', 'NS', 'NI', 'KG'])}-${ri(100, 9999)}-${pick(['AB', 'KL', 'ZT', 'DJ'])}`;
        mkStream('registracija', 'transport', 'outgoing', 'annually', d, () => ri(180, 320) * 10000, (i, n) => orderText('AMSS TEHNIČKI PREGLED I REGISTRACIJA', `registracija vozila ${plate}`, { style: orderStyle(), n }));
      } else if (kind === 'home-ins') {
        mkStream('home-ins-y', 'utilities', 'outgoing', 'annually', d, (i) => 540000 + i * 30000, (i, n) => orderText('DUNAV OSIGURANJE ADO', `godišnja premija osiguranje stana ${parts(n)[0]}`, { style: orderStyle(), n }));
      } else if (kind === 'ms365y') {
        mkStream('ms365-y', 'subscriptions', 'outgoing', 'annually', d, () => Math.round(99 * EUR() * 100), (i, n) => onlineText('MICROSOFT*365 FAMILY ANNUAL', ['DUBLIN', 'IE'], { n, card: cardAt(n), style: ri(0, 3), fx: '99.00 EUR' }));
      } else if (kind === 'cardfee-y') {
        mkStream('card-fee-y', 'transfer', 'outgoing', 'annually', d, () => 150000, (i, n) => `Godišnja članarina za karticu ${cardFrag(cardAt(n))}`);
      } else {
        mkStream('1password-y', 'subscriptions', 'outgoing', 'annually', d, () => Math.round(35.88 * USD() * 100), (i, n) => onlineText('1PASSWORD ANNUAL', ['TORONTO', 'CA'], { n, card: cardAt(n), style: 2, fx: '35.88 USD' }));
      }
    }
  }

  // ---------- noise
  const favG = shuffle(MER.groceries.filter((m) => !m.f && /MAXI|IDEA|LIDL|UNIVEREXPORT|DIS |RODA|MERCATOR|AMAN|TEMPO|GOMEX|SHOP|TOSH|PRODAVNICA|MARKET|SAMOUSLUGA|PIJACA|MESARA|RIBARNICA|TRAFIKA|KIOSK|DROGERIE|APOTEKA/.test(m.name))).slice(0, ri(3, 6));
  const favD = shuffle(MER.dining.filter((m) => !m.del)).slice(0, ri(2, 4));
  const favT = shuffle(MER.transport.filter((m) => !m.f && m.max < 12000)).slice(0, 2);
  const friends = [newPerson(), newPerson(), newPerson()];
  const rate = 0.45 + rnd() * 0.5;
  const gStore = favG.map((m) => ({ ...m, name: m.c ? `${m.name} ${ri(10, 480)}` : m.name, c: 0 }));
  for (let n = start; n <= today; n++) {
    let k = 0;
    let r = rnd();
    while (r < rate / (k + 1.5) && k < 5) {
      k++;
      r = rnd();
    }
    for (let j = 0; j < k; j++) {
      const cat = wpick([['g', 40], ['d', 26], ['t', 11], ['x', 10], ['e', 6], ['o', 5], ['a', 2]]);
      const cdat = { n, card: cardAt(n), style: styleAt(n), cty: homeCity };
      if (cat === 'g') {
        const m = chance(0.8) ? pick(gStore) : pick(MER.groceries.filter((q) => !q.f && q.max <= 20000));
        const amt = money(m.min, m.max);
        add(n, -amt, cardText(m, { ...cdat, amount: amt }), 'groceries');
      } else if (cat === 'd') {
        if (chance(0.15)) {
          add(n, -money(700, 3800), onlineText(pick(['WOLT', 'GLOVO', 'DONESI.COM']), [homeCity, 'RS'], { n, card: cardAt(n), style: 3 }), 'dining');
        } else {
          const m = chance(0.7) ? pick(favD) : pick(MER.dining.filter((q) => !q.del));
          const amt = money(m.min, m.max);
          add(n, -amt, cardText(m, { ...cdat, amount: amt }), 'dining');
        }
      } else if (cat === 't') {
        const m = chance(0.6) ? pick(favT) : pick(MER.transport.filter((q) => !q.f && q.max < 70000));
        add(n, -money(m.min, m.max), cardText(m, cdat), 'transport');
      } else if (cat === 'x') {
        const q = rnd();
        if (q < 0.35) add(n, -ri(2, 40) * 100000, pick([`Isplata gotovine ATM ${bank.name.toUpperCase()} ${homeCity}`, `ATM ${homeCity} ${cardFrag(cardAt(n))} ${fmtDate(n, 0)}`]), 'transfer');
        else if (q < 0.65) add(n, -money(500, 15000), orderText(pick(friends), pick(['za ručak', 'deljenje računa', 'pozajmica', 'za poklon', 'karte']), { style: pick(os), n, code: 290 }), 'transfer');
        else if (q < 0.9) add(n, money(500, 15000), creditText(pick(friends), pick(['vraćam', 'za pizzu', 'deljenje troškova', 'pozajmica']), { style: pick(crs), n }), 'transfer');
        else add(n, -money(2000, 30000), pick(['Prenos na štedni račun', 'Revolut top-up', `Kupovina deviza ${ri(50, 500)} EUR`]), 'transfer');
      } else if (cat === 'e') {
        const m = pick(MER.entertainment.filter((q) => !/FITNES|TERETANA/.test(q.name)));
        add(n, -money(m.min, Math.min(m.max, 15000)), m.f ? onlineText(m.name, m.f, { n, card: cardAt(n) }) : cardText(m, cdat), 'entertainment');
      } else if (cat === 'o') {
        const m = pick(MER.groceries.filter((q) => q.f || q.max > 20000));
        add(n, -money(m.min, Math.min(m.max, 30000)), m.f ? onlineText(m.name, m.f, { n, card: cardAt(n) }) : cardText(m, cdat), 'groceries');
      } else {
        // one-off utilities-ish: fines, passport fee
        const u = pick(UTIL_PAYEES.filter((x) => /KAZNA|TAKSA/.test(x[0])));
        add(n, -money(u[2], u[3]), orderText(u[0], u[1].replace('{p}', digits(7)), { style: pick(os), n, code: 253 }), 'utilities');
      }
    }
  }
  // monthly bank fee: irregular amounts are still monthly → make it a stream for some banks
  if (hi % 3 === 1) {
    const d = scheduleMonthly(start, today, { day: 28, jitter: 0.2, biz: true, bizBack: true });
    mkStream('bank-fee', 'transfer', 'outgoing', 'monthly', d, (i) => (i > d.length - 4 ? 29000 : 25000), (i, n) => `Naknada za vođenje računa ${pad(parts(n)[1], 2)}/${parts(n)[0]}`);
  }

  // ---------- finalise
  txs.sort((a, b) => a.n - b.n || (a.streamKey ? 0 : 1) - (b.streamKey ? 0 : 1));
  const id = `h${pad(hi + 1, 2)}`;
  const out = txs.map((t, i) => ({
    id: `${id}-${pad(i + 1, 4)}`,
    date: ymd(t.n),
    amount: t.amount,
    description: noisyHist(t.description),
    category: t.category,
    pending: false,
  }));
  txs.forEach((t, i) => {
    t.id = out[i].id;
  });
  if (chance(0.3)) out[out.length - 1].pending = true;
  const sOut = streams.map((s) => {
    const amounts = s.txs.map((t) => t.amount);
    const last = s.txs[s.txs.length - 1].n;
    const active = today <= last + PERIOD[s.freq] * 1.5;
    const rep = s.txs[Math.min(1, s.txs.length - 1)];
    return {
      key: s.key,
      description: out[txs.indexOf(rep)].description,
      direction: s.dir,
      frequency: s.freq,
      amount_type: amounts.every((a) => a === amounts[0]) ? 'fixed' : 'variable',
      is_active: active,
      transaction_ids: s.txs.map((t) => t.id),
    };
  });
  const note = `${occ}, ${strip(homeCity).toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase())}, ${bank.name}, ${months} months`;
  return { id, today: ymd(today), note, transactions: out, streams: sOut };
}
function noisyHist(s) {
  // lighter noise for histories: per-transaction case / diacritic variance
  let t = s;
  if (chance(0.15)) t = strip(t);
  if (chance(0.08)) t = t.toUpperCase();
  return clean(t);
}

const histories = [];
for (let hi = 0; hi < 48; hi++) histories.push(makeHistory(hi));

// ---------------------------------------------------------------- validation
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
for (const h of histories) {
  const ids = new Set(h.transactions.map((t) => t.id));
  for (let i = 1; i < h.transactions.length; i++) if (h.transactions[i].date < h.transactions[i - 1].date) throw new Error(`unsorted ${h.id}`);
  for (const t of h.transactions) {
    if (!CATS.includes(t.category)) throw new Error(`bad cat ${t.id}`);
    if (t.amount > 0 && t.category !== 'salary' && t.category !== 'transfer') throw new Error(`credit ${t.id} ${t.category}`);
    if (t.date > h.today) throw new Error(`future ${t.id}`);
  }
  const seenIds = new Set();
  for (const s of h.streams) {
    if (s.transaction_ids.length < 3) throw new Error(`short stream ${h.id} ${s.key}`);
    for (const x of s.transaction_ids) {
      if (!ids.has(x) || seenIds.has(x)) throw new Error(`stream id ${x}`);
      seenIds.add(x);
    }
  }
}
for (const r of rows) {
  if (Number(r[1]) > 0 && r[2] !== 'salary' && r[2] !== 'transfer') throw new Error(`row credit ${r}`);
  if (/[\t\n]/.test(r[0])) throw new Error('tab');
}

// ---------------------------------------------------------------- write
function histJson(hs) {
  const lines = ['['];
  hs.forEach((h, hiIdx) => {
    lines.push('  {');
    lines.push(`    "id": ${JSON.stringify(h.id)},`);
    lines.push(`    "today": ${JSON.stringify(h.today)},`);
    lines.push(`    "note": ${JSON.stringify(h.note)},`);
    lines.push('    "transactions": [');
    h.transactions.forEach((t, i) => lines.push(`      ${JSON.stringify(t)}${i < h.transactions.length - 1 ? ',' : ''}`));
    lines.push('    ],');
    lines.push('    "streams": [');
    h.streams.forEach((s, i) => lines.push(`      ${JSON.stringify(s)}${i < h.streams.length - 1 ? ',' : ''}`));
    lines.push('    ]');
    lines.push(`  }${hiIdx < hs.length - 1 ? ',' : ''}`);
  });
  lines.push(']');
  return `${lines.join('\n')}\n`;
}
const catCounts = Object.fromEntries(CATS.map((c) => [c, rows.filter((r) => r[2] === c).length]));
const allStreams = histories.flatMap((h) => h.streams);
const summary = {
  seed: SEED,
  categorize: { rows: rows.length, per_category: catCounts },
  recurring: {
    histories: histories.length,
    transactions: histories.reduce((a, h) => a + h.transactions.length, 0),
    pending: histories.reduce((a, h) => a + h.transactions.filter((t) => t.pending).length, 0),
    stream_transactions: allStreams.reduce((a, s) => a + s.transaction_ids.length, 0),
    streams: allStreams.length,
    per_frequency: Object.fromEntries(Object.keys(PERIOD).map((f) => [f, allStreams.filter((s) => s.frequency === f).length])),
    direction: { incoming: allStreams.filter((s) => s.direction === 'incoming').length, outgoing: allStreams.filter((s) => s.direction === 'outgoing').length },
    active: allStreams.filter((s) => s.is_active).length,
    inactive: allStreams.filter((s) => !s.is_active).length,
    amount_type: { fixed: allStreams.filter((s) => s.amount_type === 'fixed').length, variable: allStreams.filter((s) => s.amount_type === 'variable').length },
    history_months: histories.map((h) => Number(h.note.match(/(\d+) months$/)[1])),
  },
};
writeFileSync(join(OUT, 'categorize-blind.tsv'), tsv);
writeFileSync(join(OUT, 'recurring-blind.json'), histJson(histories));
writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary.categorize), JSON.stringify({ ...summary.recurring, history_months: undefined }));
