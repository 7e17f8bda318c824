// Blind evaluation batch 5 generator. Plain Node ESM, no dependencies.
// Usage: node generate.mjs [outdir]   (default: directory of this file)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 517093;
const OUT = process.argv[2] || path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- PRNG
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const rf = (a, b) => a + rnd() * (b - a);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
function wpick(pairs) { // [[value, weight], ...]
  let tot = 0; for (const p of pairs) tot += p[1];
  let x = rnd() * tot;
  for (const p of pairs) { x -= p[1]; if (x < 0) return p[0]; }
  return pairs[pairs.length - 1][0];
}
const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += String(ri(0, 9)); return s; };
const logu = (a, b) => Math.exp(rf(Math.log(a), Math.log(b)));
function gauss() { let u = 0, v = 0; while (u === 0) u = rnd(); v = rnd(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); }

// ---------------------------------------------------------------- text helpers
function ascii(s) {
  return s.replace(/Đ/g, 'DJ').replace(/đ/g, 'dj').replace(/[ČĆ]/g, 'C').replace(/[čć]/g, 'c')
    .replace(/Š/g, 'S').replace(/š/g, 's').replace(/Ž/g, 'Z').replace(/ž/g, 'z');
}
function asciiD(s) { // đ -> d variant
  return ascii(s.replace(/Đ/g, 'D').replace(/đ/g, 'd'));
}
const CYR = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function cyr(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i], lo = ch.toLowerCase(), up = ch !== lo;
    const two = s.substr(i, 2).toLowerCase();
    let r = null, adv = 1;
    if (two === 'lj') { r = 'љ'; adv = 2; } else if (two === 'nj') { r = 'њ'; adv = 2; } else if (two === 'dž') { r = 'џ'; adv = 2; }
    else if (CYR[lo]) r = CYR[lo];
    if (r === null) { out += ch; continue; }
    if (up) r = r.toUpperCase();
    out += r; i += adv - 1;
  }
  return out;
}
const U = (s) => s.toUpperCase();
const T = (s) => s.toLowerCase().replace(/(^|[\s\-./(])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
function caseVar(s) { return wpick([[U(s), 5], [s, 4], [T(s), 2], [s.toLowerCase(), 1]]); }
const clean = (s) => s.replace(/[\t\r\n]+/g, ' ');

// ---------------------------------------------------------------- dates (integer days since epoch, UTC)
const DAY = 86400000;
const D = (s) => Math.round(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY);
const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const dow = (d) => new Date(d * DAY).getUTCDay(); // 0 Sun
const Y = (d) => new Date(d * DAY).getUTCFullYear();
const M = (d) => new Date(d * DAY).getUTCMonth() + 1;
const DM = (d) => new Date(d * DAY).getUTCDate();
const dateOf = (y, m, dd) => Math.round(Date.UTC(y, m - 1, dd) / DAY);
const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const p2 = (n) => String(n).padStart(2, '0');
const dmy = (d) => `${p2(DM(d))}.${p2(M(d))}.${Y(d)}`;
const dm = (d) => `${p2(DM(d))}.${p2(M(d))}`;
const ddmmyy = (d) => `${p2(DM(d))}${p2(M(d))}${String(Y(d)).slice(2)}`;
const hhmm = () => `${p2(ri(7, 22))}:${p2(ri(0, 59))}`;
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUART = ['I', 'II', 'III', 'IV'];
function prevMonth(d) { let y = Y(d), m = M(d) - 1; if (m === 0) { m = 12; y--; } return [y, m]; }

// amounts
const fmtSr = (para) => { const a = Math.abs(para); const i = Math.floor(a / 100), c = a % 100; return String(i).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ',' + p2(c); };
const fmtFx = (x) => x.toFixed(2).replace('.', ',');
function priceRsd(min, max, style = 'mixed') {
  const v = logu(min, max);
  const r = rnd();
  if (style === 'round' || r < 0.35) return Math.max(1, Math.round(v)) * 100;
  if (r < 0.55) return (Math.max(1, Math.round(v / 10)) * 10 - 1) * 100 + (chance(0.5) ? 0 : 99) ;
  return Math.round(v * 100);
}

// ---------------------------------------------------------------- reference data
const CITIES = [['Beograd', 30], ['Novi Beograd', 6], ['Zemun', 4], ['Novi Sad', 12], ['Niš', 8], ['Kragujevac', 6], ['Subotica', 4], ['Zrenjanin', 3], ['Pančevo', 3], ['Čačak', 3], ['Kraljevo', 2], ['Novi Pazar', 2], ['Smederevo', 2], ['Leskovac', 2], ['Valjevo', 2], ['Šabac', 2], ['Užice', 2], ['Vranje', 1], ['Sombor', 2], ['Kruševac', 2], ['Jagodina', 1], ['Loznica', 1], ['Pirot', 1], ['Zaječar', 1], ['Sremska Mitrovica', 1], ['Vršac', 1], ['Kikinda', 1], ['Inđija', 1], ['Stara Pazova', 1], ['Čukarica', 2]];
const cityPick = () => wpick(CITIES);
const HOME_CITIES = ['Beograd', 'Beograd', 'Beograd', 'Beograd', 'Novi Sad', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Čačak', 'Pančevo', 'Šabac', 'Kraljevo', 'Valjevo'];
const MALE = ['Marko', 'Nikola', 'Stefan', 'Milan', 'Nemanja', 'Aleksandar', 'Miloš', 'Dragan', 'Zoran', 'Goran', 'Dejan', 'Vladimir', 'Ivan', 'Đorđe', 'Luka', 'Dušan', 'Predrag', 'Slobodan', 'Bojan', 'Srđan', 'Vuk', 'Lazar', 'Uroš', 'Miroslav', 'Željko', 'Branislav', 'Nenad', 'Saša', 'Petar', 'Ljubomir'];
const FEMALE = ['Ana', 'Jelena', 'Milica', 'Marija', 'Ivana', 'Jovana', 'Tamara', 'Dragana', 'Snežana', 'Maja', 'Sanja', 'Gordana', 'Vesna', 'Ljiljana', 'Nataša', 'Teodora', 'Katarina', 'Mirjana', 'Biljana', 'Željka', 'Anđela', 'Nevena', 'Sofija', 'Kristina', 'Danijela', 'Olivera', 'Branka', 'Svetlana', 'Jasmina', 'Dušica'];
const SURN = ['Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Todorović', 'Živković', 'Kostić', 'Savić', 'Ristić', 'Lazić', 'Mitrović', 'Đukić', 'Simić', 'Obradović', 'Tomić', 'Kovačević', 'Šarić', 'Vuković', 'Radovanović', 'Nedeljković', 'Babić', 'Mladenović', 'Janković', 'Perić', 'Milić', 'Vasić', 'Zdravković', 'Ćirić', 'Krstić', 'Gajić', 'Matić', 'Bošković', 'Lukić', 'Čolić', 'Filipović', 'Arsić', 'Jović', 'Knežević'];
const person = () => ({ f: chance(0.5) ? pick(MALE) : pick(FEMALE), l: pick(SURN) });
function nameVar(p, v = null) {
  const vs = [
    () => `${p.f} ${p.l}`, () => U(ascii(`${p.f} ${p.l}`)), () => `${p.l} ${p.f}`, () => U(ascii(`${p.l} ${p.f}`)),
    () => ascii(`${p.f} ${p.l}`), () => cyr(`${p.f} ${p.l}`), () => U(cyr(`${p.l} ${p.f}`)), () => asciiD(`${p.f} ${p.l}`),
    () => `${p.f[0]}. ${p.l}`, () => U(`${p.f} ${p.l}`),
  ];
  const i = v === null ? wpick([[0, 5], [1, 5], [2, 2], [3, 3], [4, 3], [5, 1], [6, 1], [7, 1], [8, 1], [9, 2]]) : v;
  return vs[i]();
}
const acct = () => `${pick(['160', '265', '170', '325', '340', '205', '155', '200', '105', '145', '150', '330', '115', '285'])}-${digits(13)}-${digits(2)}`;
const rawMask = () => `${pick(['4405', '4058', '5351', '5246', '9891', '4207', '5574', '4893', '9892'])}****${digits(4)}`;
// per-account card (set while generating a history; null => random card per row)
let CARD = null;
const mask = () => (CARD ? (chance(CARD.p2) ? CARD.m2 : CARD.m) : rawMask());
const last4 = () => (CARD ? CARD.m.slice(-4) : digits(4));
const dina = () => (CARD ? CARD.dina : `9891****${digits(4)}`);

// ---- merchants: [name template, min, max, weight, opts]   opts.fx: [cur, lo, hi], opts.city: fixed city, opts.proc: true => online
const MER = {
  groceries: [
    ['MAXI {3}', 250, 9000, 30], ['TEMPO {2}', 900, 16000, 6], ['SHOP&GO {3}', 120, 2500, 6], ['IDEA {4}', 200, 8500, 24], ['IDEA SUPER {3}', 400, 11000, 4],
    ['RODA {2}', 500, 14000, 5], ['MERCATOR-S {3}', 500, 12000, 3], ['LIDL SRBIJA KD', 400, 12500, 20], ['LIDL {4}', 400, 12500, 6], ['UNIVEREXPORT {2}', 200, 7000, 7],
    ['DIS DOO {2}', 300, 9000, 5], ['AMAN {2}', 150, 4000, 5], ['GOMEX {3}', 200, 6000, 4], ['MEGA MARKET', 150, 3500, 2], ['PRODAVNICA KOD ZORE', 90, 1800, 2],
    ['MINI MARKET NENA', 90, 2200, 2], ['MARKET 365', 100, 2500, 2], ['SAMOUSLUGA ANA', 100, 2000, 1], ['PIJACA KALENIC', 300, 3500, 2, { city: 'Beograd' }],
    ['ZELENI VENAC TEZGA 14', 200, 2500, 1, { city: 'Beograd' }], ['FUTOSKA PIJACA', 300, 3000, 1, { city: 'Novi Sad' }], ['MESARA MILOSEVIC', 600, 5000, 2], ['MESARA ZLATIBORAC', 600, 5500, 2],
    ['TRAFIKA {2}', 80, 900, 2], ['DM FILIJALA {3}', 300, 6000, 7], ['DM DROGERIE MARKT', 300, 6000, 3], ['LILLY DROGERIE {3}', 250, 5000, 5], ['BENU APOTEKA {3}', 200, 6000, 5],
    ['APOTEKA JANKOVIC', 300, 5000, 3], ['ZEGIN APOTEKA', 200, 4000, 2], ['DR.MAX APOTEKA {2}', 200, 4500, 2], ['APOTEKA BEOGRAD', 150, 3500, 2, { city: 'Beograd' }],
    ['BEO-LAB LABORATORIJA', 1500, 12000, 1], ['POLIKLINIKA MEDIGROUP', 3000, 15000, 1], ['BEL MEDIC', 3500, 18000, 1], ['STOMATOLOSKA ORDINACIJA DR PETROVIC', 3000, 30000, 1],
    ['ZARA {3}', 2500, 15000, 2], ['H&M {4}', 1500, 12000, 3], ['LC WAIKIKI', 1200, 9000, 2], ['DEICHMANN', 2500, 9000, 2], ['OFFICE SHOES', 4000, 16000, 1],
    ['SPORT VISION', 3000, 18000, 2], ['BUZZ', 3000, 15000, 1], ['PEPCO {3}', 300, 4000, 3], ['KIK TEXTIL', 400, 4000, 1], ['JUMBO', 500, 9000, 2],
    ['IKEA BEOGRAD', 1500, 60000, 1, { city: 'Beograd' }], ['JYSK {2}', 1000, 25000, 1], ['EMMEZETA', 800, 20000, 1], ['LESNINA XXXL', 2000, 80000, 1], ['GIGATRON {3}', 1500, 90000, 2],
    ['TEHNOMANIJA', 1500, 80000, 1], ['WINWIN SHOP', 1500, 70000, 1], ['ALIEXPRESS.COM', 0, 0, 2, { fx: ['EUR', 3, 60], fcity: 'LUXEMBOURG', cc: 'LUX' }],
    ['TEMU.COM', 0, 0, 2, { fx: ['EUR', 5, 70], fcity: 'DUBLIN', cc: 'IRL' }], ['AMZN Mktp DE*{A}', 0, 0, 1, { fx: ['EUR', 10, 120], fcity: 'amazon.de', cc: 'DEU' }],
    ['PAYPAL *EBAY', 0, 0, 1, { fx: ['EUR', 8, 90], fcity: '35314369001', cc: 'GBR' }], ['SHEIN.COM', 0, 0, 1, { fx: ['EUR', 10, 60], fcity: 'DUBLIN', cc: 'IRL' }],
  ],
  dining: [
    ["McDONALD'S {3}", 350, 2500, 8], ['KFC {2}', 500, 2800, 4], ['BURGER KING {2}', 500, 2500, 3], ['HLEB I KIFLE {3}', 90, 900, 8], ['PEKABETA {3}', 90, 900, 5],
    ['PEKARA TOMA', 90, 700, 4], ['PEKARA MLIN', 80, 600, 2], ['WALTER SARAJEVSKI CEVAPI', 700, 3500, 3], ['GREENET {2}', 220, 900, 3], ['COFFEE DREAM {2}', 200, 800, 3],
    ['POSLASTICARNICA PELIVAN', 250, 1800, 1, { city: 'Beograd' }], ['MORITZ EIS', 200, 1200, 2], ['AMBAR RESTORAN', 2500, 12000, 1, { city: 'Beograd' }], ['TRI SESIRA', 2500, 9000, 1, { city: 'Beograd' }],
    ['DVA JELENA', 2000, 9000, 1, { city: 'Beograd' }], ['MANUFAKTURA', 2000, 10000, 1, { city: 'Beograd' }], ['LORENZO & KAKALAMBA', 3000, 14000, 1, { city: 'Beograd' }],
    ['CEVABDZINICA KOD SEFE', 600, 3000, 2], ['ROSTILJ KOD BRACE', 600, 3500, 2], ['PIZZERIA NAPOLI', 900, 4500, 2], ['PICERIJA GALIJA', 800, 4000, 1], ['KAFANA ZNAK PITANJA', 1500, 8000, 1, { city: 'Beograd' }],
    ['CAFFE BAR NOMAD', 250, 2500, 3], ['KAFE BAR DRVO', 250, 2000, 2], ['BISTRO PROLECE', 800, 4500, 1], ['RESTORAN TORO', 1500, 7000, 1], ['MENZA STUDENTSKI CENTAR', 90, 450, 1],
    ['KANTINA FABRIKA', 250, 800, 1], ['SUBWAY {2}', 500, 1500, 1], ['GYROS MASTER', 450, 1400, 2], ['BRANKOVINA KUCA KOLACA', 300, 2000, 1], ['CAJNA KUHINJA', 200, 900, 1],
    ['WOLT', 700, 3500, 6, { proc: 1 }], ['GLOVO', 700, 3500, 3, { proc: 1 }], ['DONESI.COM', 700, 3200, 2, { proc: 1 }],
  ],
  transport: [
    ['NIS PETROL BS {3}', 1500, 9000, 10], ['GAZPROM BS {3}', 1500, 8500, 5], ['OMV SRBIJA {4}', 1500, 9000, 4], ['MOL SERBIA {3}', 1500, 8500, 3], ['LUKOIL SRBIJA BS {2}', 1500, 8000, 2],
    ['EKO SERBIA {3}', 1500, 8000, 2], ['KNEZ PETROL {2}', 1500, 7500, 1], ['CARGO D.O.O.', 350, 2500, 6, { proc: 1 }], ['YANDEX.GO', 300, 2200, 4, { proc: 1 }], ['NAXI TAXI', 400, 2500, 3],
    ['PINK TAXI', 400, 2500, 2], ['BEOGRADSKI TAXI', 400, 2300, 1], ['JGSP NOVI SAD', 70, 3000, 1, { city: 'Novi Sad' }], ['NIS EKSPRES AD', 200, 2500, 1, { city: 'Niš' }],
    ['LASTA AD', 600, 3500, 1], ['BAS AUTOBUSKA STANICA', 400, 3000, 1, { city: 'Beograd' }], ['PARKING SERVIS GARAZA', 120, 1500, 3], ['JKP PARKING SERVIS', 100, 1000, 1],
    ['PUTEVI SRBIJE NS {2}', 170, 1700, 3], ['SRBIJAVOZ AD', 300, 2200, 2], ['AIR SERBIA', 8000, 45000, 1, { city: 'Beograd' }], ['WIZZ AIR', 0, 0, 1, { fx: ['EUR', 25, 180], fcity: 'BUDAPEST', cc: 'HUN' }],
    ['VULKANIZER PANTER', 1500, 8000, 1], ['AUTOPERIONICA SJAJ', 600, 2500, 2], ['AUTO SERVIS ZIVKOVIC', 4000, 40000, 1], ['AMSS TEHNICKI PREGLED', 3500, 6500, 1],
  ],
  entertainment: [
    ['CINEPLEXX {A}', 500, 2500, 5], ['ARENA CINEPLEX', 450, 1800, 1, { city: 'Novi Sad' }], ['EVENTIM', 1500, 9000, 2], ['TICKETS.RS', 1200, 7000, 2, { proc: 1 }],
    ['GIGSTIX', 1500, 6000, 1, { proc: 1 }], ['NARODNO POZORISTE', 800, 3500, 1, { city: 'Beograd' }], ['JUGOSLOVENSKO DRAMSKO', 900, 2500, 1, { city: 'Beograd' }],
    ['MUZEJ NIKOLE TESLE', 800, 1600, 1, { city: 'Beograd' }], ['STEAMGAMES.COM', 0, 0, 2, { fx: ['EUR', 4, 60], fcity: '4259522985', cc: 'USA' }],
    ['PLAYSTATION NETWORK', 0, 0, 2, { fx: ['EUR', 5, 70], fcity: 'LONDON', cc: 'GBR' }], ['MOZZART DOO', 200, 5000, 4], ['MAXBET DOO', 200, 4000, 3], ['SOCCERBET', 200, 3000, 2],
    ['MERIDIANBET', 200, 4000, 2], ['LUTRIJA SRBIJE', 100, 1200, 2], ['VULKAN KNJIZARE {2}', 800, 5000, 3], ['DELFI KNJIZARE {2}', 800, 5000, 3], ['LAGUNA KLUB CITALACA', 800, 4000, 1],
    ['BOOKING.COM', 0, 0, 2, { fx: ['EUR', 60, 600], fcity: 'AMSTERDAM', cc: 'NLD' }], ['AIRBNB * HM{A}', 0, 0, 1, { fx: ['EUR', 80, 700], fcity: 'LONDON', cc: 'GBR' }],
    ['FIT ZONE GYM', 2500, 6000, 2], ['SUPERIOR GYM', 3000, 6500, 1], ['SC TASMAJDAN BAZEN', 400, 1200, 1, { city: 'Beograd' }], ['SPENS SPORTSKI CENTAR', 400, 1500, 1, { city: 'Novi Sad' }],
    ['BOWLING CENTAR', 800, 3500, 1], ['EXIT FESTIVAL', 8000, 20000, 1, { city: 'Novi Sad' }], ['ZOO VRT BEOGRAD', 400, 1500, 1, { city: 'Beograd' }], ['AQUA PARK PETROVARADIN', 1200, 3000, 1, { city: 'Novi Sad' }],
  ],
};

// subscriptions: [wrapper variants, base fx cur, base fx amount or RSD]
const SUBS = [
  { k: 'netflix', w: ['NETFLIX.COM', 'NETFLIX.COM 866-579-7172', 'Netflix.com Amsterdam'], cc: 'NLD', cur: 'EUR', amt: [7.99, 11.99, 15.99] },
  { k: 'spotify', w: ['SPOTIFY', 'Spotify P2A1B3C4D5', 'PAYPAL *SPOTIFY', 'SPOTIFY STOCKHOLM'], cc: 'SWE', cur: 'EUR', amt: [6.99, 10.99, 4.49] },
  { k: 'youtube', w: ['GOOGLE *YouTubePremium', 'GOOGLE *YouTube Premium g.co/helppay#', 'YouTubePremium GOOGLE'], cc: 'IRL', rsd: [649, 849, 1099] },
  { k: 'googleone', w: ['GOOGLE *Google One', 'GOOGLE*GOOGLE STORAGE', 'Google One g.co/helppay#'], cc: 'IRL', rsd: [259, 499, 1219] },
  { k: 'icloud', w: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'APPLE.COM/BILL CORK'], cc: 'IRL', cur: 'EUR', amt: [0.99, 2.99, 9.99] },
  { k: 'chatgpt', w: ['OPENAI *CHATGPT SUBSCR', 'OPENAI', 'CHATGPT SUBSCRIPTION OPENAI.COM'], cc: 'USA', cur: 'USD', amt: [20, 20, 20] },
  { k: 'hbo', w: ['MAX.COM', 'HBO MAX', 'WBD*MAX'], cc: 'NLD', cur: 'EUR', amt: [5.99, 6.99, 9.99] },
  { k: 'disney', w: ['DISNEY PLUS', 'DisneyPLUS London'], cc: 'GBR', cur: 'EUR', amt: [5.99, 8.99] },
  { k: 'ms365', w: ['MICROSOFT*365 PERSONAL', 'MSFT * E0400', 'Microsoft*Microsoft 365 F'], cc: 'IRL', cur: 'EUR', amt: [7, 10] },
  { k: 'adobe', w: ['ADOBE *CREATIVE CLOUD', 'ADOBE *PHOTOGPHY PLAN', 'Adobe Systems Software'], cc: 'IRL', cur: 'EUR', amt: [12.09, 24.59, 66.45] },
  { k: 'dropbox', w: ['DROPBOX*{A}', 'DROPBOX'], cc: 'IRL', cur: 'EUR', amt: [11.99] },
  { k: 'canva', w: ['CANVA* {A}', 'CANVA PTY LTD'], cc: 'AUS', cur: 'EUR', amt: [11.99] },
  { k: 'deezer', w: ['DEEZER', 'Deezer Premium'], cc: 'FRA', cur: 'EUR', amt: [5.99] },
  { k: 'psplus', w: ['PlayStation Plus', 'SONY INTERACTIVE EUROPE PS PLUS'], cc: 'GBR', cur: 'EUR', amt: [8.99] },
  { k: 'xbox', w: ['MICROSOFT*XBOX GAME PASS', 'Microsoft*Xbox'], cc: 'IRL', cur: 'EUR', amt: [12.99] },
  { k: 'duolingo', w: ['DUOLINGO', 'Duolingo Inc Pittsburgh'], cc: 'USA', cur: 'USD', amt: [7.99] },
  { k: 'linkedin', w: ['LINKEDIN PREMIUM', 'LinkedIn P{A}'], cc: 'IRL', cur: 'EUR', amt: [29.99] },
  { k: 'gplay', w: ['GOOGLE *Google Play', 'Google Play subscription'], cc: 'IRL', rsd: [399, 599, 999] },
];
const SUB_LOCAL = [['POLITIKA PRETPLATA', 1200, 1500], ['NIN ONLINE PRETPLATA', 990, 990], ['DANAS DIGITALNO IZDANJE', 690, 690], ['ARENA PREMIUM', 999, 999]];

const EMPLOYERS = [
  'NIS a.d. Novi Sad', 'Telekom Srbija a.d.', 'Delhaize Serbia d.o.o.', 'Hemofarm a.d.', 'HTEC Group d.o.o.', 'Nordeus d.o.o.', 'Continental Automotive Serbia d.o.o.', 'Tigar Tyres d.o.o.',
  'Zijin Copper d.o.o. Bor', 'Stellantis Serbia d.o.o.', 'Banca Intesa a.d.', 'Mercator-S d.o.o.', 'Lidl Srbija KD', 'Microsoft Development Center Serbia', 'Yura Corporation d.o.o.',
  'Gorenje d.o.o. Valjevo', 'Swisslion d.o.o.', 'Bambi a.d.', 'Elektroprivreda Srbije', 'Sirmium Steel d.o.o.', 'Ekonomski fakultet Beograd', 'MK Group d.o.o.', 'Galenika a.d.', 'Dunav osiguranje a.d.o.',
];
const PUBLIC_EMP = ['OŠ Vuk Karadžić', 'Dom zdravlja Zvezdara', 'Gradska uprava Grada Beograda', 'Univerzitet u Novom Sadu', 'Klinički centar Niš', 'Gimnazija Svetozar Marković', 'Ministarstvo unutrašnjih poslova', 'Opšta bolnica Čačak', 'OŠ Jovan Popović', 'Republički geodetski zavod'];

// ---------------------------------------------------------------- banks (renderers)
// x: {m, c, d, a(para, abs), fx:{cur, amt, rate}, cc}
function fxTail(x, style) {
  if (!x.fx) return '';
  const f = x.fx;
  return pick([
    [` ${f.cur} ${fmtFx(f.amt)} kurs ${f.rate.toFixed(4).replace('.', ',')}`, ` Iznos u orig. valuti ${f.amt.toFixed(2)} ${f.cur}`, ` ${f.amt.toFixed(2)} ${f.cur}`, ''],
    [` ${f.cur} ${fmtFx(f.amt)}`, ''],
    [` ORIG ${f.amt.toFixed(2)} ${f.cur}`, ` (${f.cur} ${f.amt.toFixed(2)})`, ''],
  ][style]);
}
const cardCity = (x) => x.fx ? `${x.c} ${x.cc}` : x.c;
const BANKS = [
  { k: 'intesa', name: 'Banca Intesa', atm: 'INTESA', card: [
    (x) => `POS KUPOVINA ${U(x.m)} ${U(cardCity(x))} SRB ${dmy(x.d)}${fxTail(x, 0)}`,
    (x) => `Kupovina karticom ${mask()} ${U(x.m)} ${U(cardCity(x))}${fxTail(x, 0)}`,
    (x) => `${U(x.m)} ${U(cardCity(x))} ${dmy(x.d)}${fxTail(x, 0)}`] },
  { k: 'raiffeisen', name: 'Raiffeisen', atm: 'RBA', card: [
    (x) => `Kupovina - ${U(x.m)}>${U(x.c)} ${x.fx ? x.cc : 'RS'}${fxTail(x, 1)}`,
    (x) => `RBA POS ${digits(7)} ${U(ascii(x.m))} ${U(ascii(cardCity(x)))}${fxTail(x, 1)}`] },
  { k: 'otp', name: 'OTP banka', atm: 'OTP', card: [
    (x) => `OTP Visa *${last4()} Kupovina ${U(x.m)} ${U(cardCity(x))} RS ${dm(x.d)}.${fxTail(x, 0)}`,
    (x) => `Kupovina ${x.m} ${cardCity(x)} ${dm(x.d)}${fxTail(x, 0)}`] },
  { k: 'erste', name: 'Erste', atm: 'ERSTE', card: [
    (x) => `Transakcija platnom karticom: ${x.m}, ${U(cardCity(x))}, ${ddmmyy(x.d)}${fxTail(x, 2)}`,
    (x) => `Kartica ${mask()} - ${U(x.m)} ${U(cardCity(x))}${fxTail(x, 2)}`] },
  { k: 'aik', name: 'AIK banka', atm: 'AIK', card: [
    (x) => x.fx ? `PLACANJE KARTICOM VISA ${U(ascii(x.m))} ${U(ascii(cardCity(x)))}${fxTail(x, 1)}` : `PLACANJE KARTICOM DINA ${dina()} ${U(ascii(x.m))} ${U(ascii(cardCity(x)))} TID ${digits(8)}`,
    (x) => `PLACANJE KARTICOM VISA ${U(ascii(x.m))} ${U(ascii(cardCity(x)))}${fxTail(x, 1)}`] },
  { k: 'unicredit', name: 'UniCredit', atm: 'UCB', card: [
    (x) => `VISA DEBIT ${dm(x.d)} ${U(x.m)} ${U(cardCity(x))}${fxTail(x, 2)}`,
    (x) => `MC DEBIT ${dm(x.d)} ${U(x.m)} ${U(cardCity(x))}${fxTail(x, 2)}`] },
  { k: 'postanska', name: 'Poštanska štedionica', atm: 'BPS', card: [
    (x) => `PROMET KARTICOM ${x.fx ? 'VISA' : 'DINACARD'} ${U(ascii(x.m))} ${U(ascii(cardCity(x)))}`,
    (x) => `PROMET KARTICOM ${U(ascii(x.m))} ${U(ascii(cardCity(x)))}${fxTail(x, 1)}`] },
  { k: 'nlb', name: 'NLB Komercijalna', atm: 'NLB KB', card: [
    (x) => `Kupovina na POS terminalu ${x.m} ${cardCity(x)} ${hhmm()}${fxTail(x, 0)}`,
    (x) => `Kupovina POS ${U(x.m)} ${U(cardCity(x))}${fxTail(x, 0)}`] },
  { k: 'addiko', name: 'Addiko', atm: 'ADDIKO', card: [
    (x) => `Card payment ${ascii(x.m)} ${U(ascii(cardCity(x)))}${fxTail(x, 2)}`,
    (x) => `POS purchase ${p2(DM(x.d))}/${p2(M(x.d))} ${U(ascii(x.m))} ${ascii(cardCity(x))}${fxTail(x, 2)}`] },
  { k: 'procredit', name: 'ProCredit', atm: 'PCB', card: [
    (x) => `Card transaction ${U(ascii(x.m))} ${U(ascii(cardCity(x)))} RSD ${fmtSr(x.a)}`,
    (x) => `Purchase ${mask()} ${U(ascii(x.m))} ${U(ascii(cardCity(x)))} SRB${fxTail(x, 2)}`] },
  { k: 'halk', name: 'Halkbank', atm: 'HALK', card: [
    (x) => { const m = U(ascii(x.m)).slice(0, 22).padEnd(23); const c = U(ascii(x.fx ? x.c : x.c)).slice(0, 13).padEnd(13); return `${m}${c} ${x.fx ? x.cc : 'RS'}`; },
    (x) => `POS ${U(ascii(x.m))} ${U(ascii(cardCity(x)))} ${dmy(x.d)}`] },
  { k: 'eurobank', name: 'Eurobank Direktna', atm: 'EBD', card: [
    (x) => `Kupovina karticom: ${x.m} ${cardCity(x)}${fxTail(x, 0)}`,
    (x) => `${U(x.m).slice(0, 25)} ${U(cardCity(x))} SRB`] },
  { k: 'yettel', name: 'Yettel bank', atm: 'YETTEL', card: [
    (x) => `Plaćanje karticom ${x.m}${x.fx ? ' ' + x.cc : ''}${fxTail(x, 1)}`,
    (x) => `Kartično plaćanje ${x.m} ${cardCity(x)}`] },
  { k: '3bank', name: '3Bank', atm: '3BANK', card: [
    (x) => `KUPOVINA ${U(ascii(x.m))} ${U(ascii(cardCity(x)))} ${ddmmyy(x.d)}`] },
  { k: 'api', name: 'API Bank', atm: 'API', card: [
    (x) => `Kupovina ${x.m} ${cardCity(x)}${fxTail(x, 2)}`] },
];
function renderCard(bank, x) { return clean(pick(bank.card)(x)); }

// IPS / order / standing / credit / misc wordings (bank-independent families, diacritics per bank)
function ipsMerchant(bank, m) {
  return pick([`IPS QR plaćanje - ${m}`, `IPS QR ${U(ascii(m))}`, `IPS Pokaži - ${m}`, `Instant plaćanje ${m}`, `IPS NBS placanje ${ascii(m)}`, `Plaćanje IPS QR kodom ${m} ${digits(6)}`]);
}
function ipsPerson(bank, nm, purpose = '') {
  const p = purpose ? ' ' + purpose : '';
  return pick([`IPS prenos ${nm}${p}`, `Instant transfer to ${ascii(nm)}${ascii(p)}`, `IPS NBS ${acct()} ${nm}${p}`, `Prenos na račun ${nm}${p}`, `Instant plaćanje - ${nm}${p}`, `m-banking IPS ${ascii(nm)}${ascii(p)}`]);
}
function orderText(bank, payee, purpose, ref) {
  const r = ref ? ref : digits(ri(8, 12));
  const t = pick([
    () => `Nalog za plaćanje - ${payee}, svrha: ${purpose}, PNB 97 ${r}`,
    () => `eBanking: ${payee} - ${purpose}`,
    () => `Plaćanje računa ${payee} ${r}`,
    () => `Payment order ${ascii(payee)} ${ascii(purpose)}`,
    () => `Uplata - ${payee} ${purpose}`,
    () => `E-BANKING NALOG ${U(ascii(payee))} ${U(ascii(purpose))} ${r}`,
    () => `m-banking: ${purpose} ${payee}`,
  ]);
  return clean(t());
}
function standingText(payee, purpose, no) {
  return clean(pick([`Trajni nalog br. ${no} - ${purpose} ${payee}`, `TRAJNI NALOG ${U(ascii(payee))} ${U(ascii(purpose))}`, `Standing order - ${ascii(payee)} ${ascii(purpose)}`, `Trajni nalog ${no}: ${payee}, ${purpose}`]));
}
function creditWrap(core) {
  if (/^(priliv|прилив)/i.test(core)) return clean(core);
  return clean(pick([core, `Priliv - ${core}`, `Uplata: ${core}`, `Odobrenje računa - ${core}`, `Incoming payment - ${ascii(core)}`, `PRILIV ${U(ascii(core))}`]));
}

// FX rates
function fxRate(cur, d) {
  const t = (d - D('2024-01-01')) / 30;
  if (cur === 'EUR') return 117.05 + 0.18 * Math.sin(t * 1.7) + 0.06 * Math.sin(t * 5.3) + rf(-0.05, 0.05);
  return 103 + 7 * Math.sin(t * 0.9) + 2 * Math.sin(t * 3.1) + rf(-0.4, 0.4);
}
function fxAmount(cur, amt, d, markup) { const rate = fxRate(cur, d) * (1 + markup); return { para: Math.round(amt * rate * 100), fx: { cur, amt, rate } }; }

function fillTpl(s) {
  return s.replace(/\{(\d)\}/g, (m, n) => digits(+n)).replace(/\{A\}/g, () => { let o = ''; for (let i = 0; i < 6; i++) o += pick('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('')); return o; });
}

// ---------------------------------------------------------------- generic one-off events  -> {desc, a (signed para), cat}
// fav: optional fixed merchant entry+city to reuse (for frequent merchants)
function merchantEvent(cat, bank, d, fav = null, homeCity = null) {
  const e = fav ? fav.e : wpick(MER[cat].map((m) => [m, m[3]]));
  const o = e[4] || {};
  const name = fav ? fav.name : fillTpl(e[0]);
  const city = fav ? fav.city : (o.city || (homeCity && chance(0.75) ? homeCity : cityPick()));
  if (o.fx) {
    const amt = Math.round(rf(o.fx[1], o.fx[2]) * 100) / 100;
    const f = fxAmount(o.fx[0], amt, d, bank.markup);
    return { desc: renderCard(bank, { m: name, c: o.fcity, cc: o.cc, d, a: f.para, fx: f.fx }), a: -f.para, cat };
  }
  const a = priceRsd(e[1], e[2]);
  if (o.proc) {
    const desc = pick([() => renderCard(bank, { m: name, c: U(city), d, a }), () => renderCard(bank, { m: name + '*' + fillTpl('{A}'), c: 'BEOGRAD', d, a })])();
    return { desc, a: -a, cat };
  }
  if (!fav && chance(0.07) && cat !== 'transport') return { desc: clean(ipsMerchant(bank, T(name) + (chance(0.5) ? ' ' + city : ''))), a: -a, cat };
  return { desc: renderCard(bank, { m: name, c: city, d, a }), a: -a, cat };
}

function unnamedCard(bank, d) {
  const a = priceRsd(150, 4000);
  const t = pick([`Kupovina karticom ${mask()} POS ${digits(8)}`, `POS KUPOVINA TID ${digits(8)} ${dmy(d)}`, `Card payment POS terminal ${digits(7)}`, `PROMET KARTICOM TERMINAL ${digits(8)}`]);
  return { desc: t, a: -a, cat: 'groceries' };
}

function subEvent(bank, d, s = null) {
  s = s || pick(SUBS);
  const w = fillTpl(pick(s.w));
  if (s.rsd) { const a = pick(s.rsd) * 100; return { desc: renderCard(bank, { m: w, c: 'g.co/helppay#', cc: s.cc, d, a, fx: null }), a: -a, cat: 'subscriptions' }; }
  const f = fxAmount(s.cur, pick(s.amt), d, bank.markup);
  return { desc: renderCard(bank, { m: w, c: subCity(s), cc: s.cc, d, a: f.para, fx: f.fx }), a: -f.para, cat: 'subscriptions' };
}

const CC_CITY = { NLD: ['AMSTERDAM', 'LOS GATOS'], SWE: ['STOCKHOLM'], IRL: ['DUBLIN', 'CORK', 'LUXEMBOURG'], USA: ['SAN FRANCISCO', 'PITTSBURGH', 'SAN JOSE', '+18774174551'], GBR: ['LONDON'], FRA: ['PARIS'], AUS: ['SURRY HILLS'] };
function subCity(s) { return pick(CC_CITY[s.cc] || ['LONDON']); }
const UTIL_PAYEES = [
  ['EPS SNABDEVANJE', 'struja {mm}/{yyyy}', 2500, 16000], ['Elektroprivreda Srbije', 'račun za el. energiju {mes}', 2500, 16000], ['INFOSTAN TEHNOLOGIJE', 'Infostan {mm}/{yyyy}', 3500, 11000],
  ['JKP Beogradske elektrane', 'grejanje {mes}', 3000, 12000], ['Novosadska toplana', 'grejanje {mm}/{yyyy}', 3000, 11000], ['JKP Gradska toplana Niš', 'grejanje {mes}', 2500, 9000],
  ['JKP Vodovod i kanalizacija Novi Sad', 'voda {mm}/{yyyy}', 900, 3500], ['JKP Naissus', 'voda {mes}', 800, 3000], ['JKP Informatika', 'objedinjena naplata {mm}/{yyyy}', 2500, 8000],
  ['Srbijagas', 'gas {mm}/{yyyy}', 1500, 12000], ['JKP Čistoća', 'odvoz smeća', 400, 1800], ['Stambena zajednica', 'održavanje zgrade {mes}', 400, 1800], ['Upravnik zgrade', 'tekuće održavanje {mm}/{yyyy}', 500, 2000],
  ['Telekom Srbija mts', 'račun {mm}/{yyyy}', 1200, 7000], ['A1 Srbija', 'račun {mes}', 1000, 5000], ['Yettel d.o.o.', 'račun {mm}/{yyyy}', 1000, 5500], ['SBB d.o.o.', 'račun {mes}', 2300, 6000],
  ['Orion telekom', 'internet {mm}/{yyyy}', 1500, 3500], ['Dunav osiguranje', 'premija polisa {n}', 2000, 25000], ['DDOR Novi Sad', 'polisa AO {n}', 8000, 25000], ['Generali osiguranje', 'premija {n}', 2500, 20000],
  ['Wiener Städtische osiguranje', 'životno osiguranje rata', 2500, 12000], ['UNIQA osiguranje', 'putno osiguranje', 600, 3500], ['Gradska uprava', 'porez na imovinu {q} kvartal {yyyy}', 1500, 15000],
  ['Republička administrativna taksa', 'taksa za ličnu kartu', 900, 1200], ['Budžet RS', 'kazna za prekršaj {n}', 3000, 10000], ['PU Radosno detinjstvo', 'vrtić {mes}', 3500, 8000],
  ['PU Čukarica', 'boravak deteta {mm}/{yyyy}', 3500, 8500], ['OŠ Vuk Karadžić', 'ekskurzija rata', 3000, 15000],
];
function fillPurpose(p, d) {
  const [y, m] = prevMonth(d);
  return p.replace('{mm}', p2(m)).replace('{yyyy}', String(y)).replace('{mes}', `${MONTHS[m - 1]} ${y}`).replace('{q}', QUART[Math.floor((M(d) - 1) / 3)]).replace('{n}', digits(ri(6, 9)));
}
function utilityEvent(bank, d) {
  const r = rnd();
  if (r < 0.07) { // prepaid top-ups
    const op = pick(['mts', 'Yettel', 'A1']);
    const a = pick([300, 500, 500, 1000, 1000, 2000]) * 100;
    return { desc: clean(pick([`Dopuna ${op} 06${digits(7)}`, `IPS dopuna ${op} prepaid`, `${U(op)} DOPUNA ONLINE`, `Top-up ${op} 06${digits(8)}`])), a: -a, cat: 'utilities' };
  }
  const u = pick(UTIL_PAYEES);
  const a = Math.round(logu(u[2], u[3]) * 100);
  const purpose = fillPurpose(u[1], d);
  let desc;
  const c = rnd();
  if (c < 0.55) desc = orderText(bank, chance(0.2) ? cyr(u[0]) : u[0], purpose);
  else if (c < 0.75) desc = clean(ipsMerchant(bank, u[0] + ' ' + purpose));
  else if (c < 0.9) desc = standingText(u[0], purpose, ri(100, 9999));
  else desc = renderCard(bank, { m: U(ascii(u[0])) + ' ONLINE', c: 'BEOGRAD', d, a });
  return { desc, a: -a, cat: 'utilities' };
}

function rentEvent(bank, d) {
  const r = rnd();
  const mon = `${MONTHS[M(d) - 1]} ${Y(d)}`;
  const a = (chance(0.5) ? Math.round(logu(25000, 95000) / 500) * 500 : Math.round(logu(250, 800) / 10) * 10 * 117.2) * 100;
  const A = Math.round(a / 100) * 100;
  if (r < 0.1) { const ag = pick(['City Expert d.o.o.', 'Nekretnine Kvadrat d.o.o.', 'Agencija Stan Plus']); return { desc: orderText(bank, ag, `zakup stana ${mon}`), a: -A, cat: 'rent' }; }
  const nm = nameVar(person());
  const w = pick(['kirija', 'kirija', 'Kirija', 'KIRIJA', 'stanarina', 'zakup stana', 'kirija stan', 'станарина', 'кирија']);
  const t = pick([
    () => standingText(nm, `${w} ${chance(0.5) ? mon : ''}`.trim(), ri(100, 9999)),
    () => ipsPerson(bank, nm, `${w} ${mon}`),
    () => orderText(bank, nm, `${w} za ${mon}`),
    () => `${w} ${mon} - ${nm}`,
    () => `${U(ascii(w))} ${p2(M(d))}/${Y(d)} ${ascii(nm)}`,
  ]);
  return { desc: clean(t()), a: -A, cat: 'rent' };
}

function salaryEvent(bank, d) {
  const [y, m] = prevMonth(d);
  const r = rnd();
  if (r < 0.55) {
    const emp = pick(EMPLOYERS);
    const a = Math.round(logu(60000, 320000) * 100);
    const t = pick([`Zarada za ${MONTHS[m - 1]} ${y} - ${emp}`, `ISPLATA ZARADE ${p2(m)}/${y} ${U(ascii(emp))}`, `${emp} - zarada ${p2(m)}.${y}`, `Plata ${MONTHS[m - 1]} ${y} ${emp}`, `Salary ${MONTHS_EN[m - 1]} ${y} ${ascii(emp)}`, `Uplata zarade - ${emp}`, `${U(ascii(emp))} ZARADA AKONTACIJA ${p2(m)}/${y}`, `Konačna isplata zarade za ${MONTHS[m - 1]} - ${emp}`]);
    return { desc: creditWrap(t), a, cat: 'salary' };
  }
  if (r < 0.7) {
    const emp = pick(PUBLIC_EMP);
    const a = Math.round(logu(55000, 160000) * 100);
    const t = pick([`Исплата плате за ${cyr(MONTHS[m - 1])} ${y} ${cyr(emp)}`, `Plata za ${MONTHS[m - 1]} ${y} ${emp}`, `ЗАРАДА ${p2(m)}/${y} ${U(cyr(emp))}`, `${ascii(emp)} - isplata plate ${p2(m)}/${y}`]);
    return { desc: creditWrap(t), a, cat: 'salary' };
  }
  if (r < 0.82) {
    const a = Math.round(logu(24000, 85000) * 100);
    const t = pick([`Penzija ${p2(m)}/${y} RF PIO`, `ПЕНЗИЈА ЗА ${U(cyr(MONTHS[m - 1]))} ${y}`, `Isplata penzije RF PIO ${MONTHS[m - 1]} ${y}`, `REPUBLICKI FOND ZA PIO PENZIJA ${p2(m)}.${y}`]);
    return { desc: creditWrap(t), a, cat: 'salary' };
  }
  const o = pick([
    () => ({ t: `Honorar po ugovoru o delu ${digits(3)}/${y} ${pick(EMPLOYERS)}`, a: logu(8000, 90000) }),
    () => ({ t: `Dnevnice za službeni put ${pick(['Beč', 'Minhen', 'Budimpešta', 'Niš', 'Sarajevo'])} ${pick(EMPLOYERS)}`, a: logu(3000, 40000) }),
    () => ({ t: `Bonus Q${ri(1, 4)} ${y} ${pick(EMPLOYERS)}`, a: logu(20000, 200000) }),
    () => ({ t: `Regres za godišnji odmor ${y} ${pick(EMPLOYERS)}`, a: logu(15000, 40000) }),
    () => ({ t: `Stipendija ${MONTHS[m - 1]} ${y} Fond za mlade talente`, a: pick([16000, 18000, 28000]) }),
    () => ({ t: `Priliv iz inostranstva DEEL INC ${pick(['USD', 'EUR'])} ${fmtSr(ri(900, 4000) * 100)}`, a: logu(90000, 420000) }),
    () => ({ t: `Isplata autorskog honorara ${pick(['RTS', 'Laguna d.o.o.', 'Nova S', 'Kulturni centar Novog Sada'])}`, a: logu(8000, 60000) }),
  ])();
  return { desc: creditWrap(o.t), a: Math.round(o.a * 100), cat: 'salary' };
}

function transferEvent(bank, d, dirIn = null, hist = false) {
  const incoming = dirIn === null ? chance(0.38) : dirIn;
  if (incoming) {
    const r = rnd();
    const nm = nameVar(person());
    if (r < 0.4) { const a = Math.round(logu(1000, 80000) / 100) * 100 * 100; return { desc: clean(pick([`Uplata od ${nm}`, `Priliv IPS ${nm}`, `${nm} - ${pick(['poklon', 'vraćam dug', 'za put', 'pozajmica', 'rodjendan', 'račun od večere', 'povraćaj'])}`, `Instant transfer from ${ascii(nm)}`, `IPS uplata ${U(ascii(nm))} ${acct()}`])), a, cat: 'transfer' }; }
    if (r < 0.55) { const a = priceRsd(500, 20000); return { desc: clean(pick([`Povraćaj sredstava - ${pick(['ZARA', 'GIGATRON', 'WOLT', 'BOOKING.COM', 'AIR SERBIA', 'DM', 'TEMU.COM'])}`, `Storno transakcije ${pick(['MAXI', 'IDEA', 'CARGO', 'LIDL'])} ${dmy(d)}`, `Refund ${pick(['ALIEXPRESS', 'AMAZON', 'WIZZ AIR', 'STEAM'])}`, `POVRAT NOVCA ${pick(['SPORT VISION', 'DEICHMANN', 'TEHNOMANIJA'])}`])), a, cat: 'transfer' }; }
    if (r < 0.65) { const a = Math.round(logu(5000, 150000) / 1000) * 1000 * 100; return { desc: pick(['Prenos sa štednog računa', 'Prenos sa deviznog računa', 'Prenos između sopstvenih računa', 'Own account transfer', 'Prodaja deviza EUR ' + fmtSr(a / 117), 'Otkup deviza']), a, cat: 'transfer' }; }
    if (r < 0.75) { const a = priceRsd(20, 3000); return { desc: pick(['Kamata na štednju', 'Pripis kamate', 'Obračun kamate na a vista štednju', 'Interest credit']), a, cat: 'transfer' }; }
    if (r < 0.85) { const a = Math.round(logu(3000, 12000)) * 100; return { desc: pick([`Dečiji dodatak ${MONTHS[M(d) - 1]} ${Y(d)}`, `Roditeljski dodatak rata ${ri(1, 24)}`, `Uplata gotovine na šalteru`, `Polog gotovine ${bank.atm}`, `Depozit gotovine bankomat ${bank.atm}`]), a, cat: 'transfer' }; }
    const a = Math.round(logu(5000, 200000) / 100) * 100 * 100;
    return { desc: clean(pick([`Priliv iz inostranstva ${ascii(nm)} EUR`, `Wise payment from ${ascii(nm)}`, `Revolut transfer ${ascii(nm)}`, `Western Union isplata`, `Prenos sredstava - ${nm}`])), a, cat: 'transfer' };
  }
  let r = rnd();
  if (hist && r >= 0.68 && r < 0.8) r = r - 0.68; // histories: loans/card repayments only as invented streams
  if (r < 0.25) { const a = pick([1000, 2000, 2000, 3000, 5000, 5000, 10000, 10000, 15000, 20000, 30000, 40000]) * 100; const c = cityPick();
    return { desc: clean(pick([`Isplata gotovine bankomat ${bank.atm} ${c}`, `ATM ${bank.atm} ${U(ascii(c))} ${digits(5)}`, `Podizanje gotovine ATM ${U(ascii(c))} ${dmy(d)}`, `Cash withdrawal ATM ${bank.atm} ${ascii(c)}`, `BANKOMAT ${pick(['INTESA', 'RBA', 'OTP', 'AIK', 'UNICREDIT'])} ${U(ascii(c))} TID ${digits(8)}`])), a: -a, cat: 'transfer' }; }
  if (r < 0.5) { const nm = nameVar(person()); const a = Math.round(logu(500, 60000) / 100) * 100 * 100; return { desc: clean(chance(0.6) ? ipsPerson(bank, nm, chance(0.4) ? pick(['poklon', 'za rođendan', 'pozajmica', 'dug', 'ručak', 'za put', 'kotizacija', 'ostatak']) : '') : orderText(bank, nm, pick(['pozajmica', 'prenos', 'ostalo', 'povraćaj duga']))), a: -a, cat: 'transfer' }; }
  if (r < 0.6) { const a = Math.round(logu(2000, 100000) / 1000) * 1000 * 100; return { desc: pick(['Prenos na štedni račun', 'Prenos na sopstveni račun', 'Kupovina deviza EUR ' + fmtSr(Math.round(a / 117.5)) + ' kurs 117,' + digits(2), 'Menjačnica - kupovina EUR', 'Oročenje štednje', 'Transfer to savings']), a: -a, cat: 'transfer' }; }
  if (r < 0.68) { const a = pick([2000, 5000, 10000, 20000, 3000]) * 100; return { desc: pick(['REVOLUT**' + digits(4) + '* DUBLIN', 'Revolut top-up', 'WISE TOP-UP LONDON', 'PAYPAL *TOPUP', 'Dopuna Revolut racuna']), a: -a, cat: 'transfer' }; }
  if (r < 0.8) { const a = Math.round(logu(3000, 60000)) * 100; return { desc: pick([`Naplata rate kredita br. ${digits(10)}`, `Rata kredita ${p2(M(d))}/${Y(d)}`, 'Otplata kredita - gotovinski', 'Uplata na kreditnu karticu', `Dospela obaveza po kreditnoj kartici ${p2(M(d))}/${Y(d)}`, 'Loan instalment', 'Prevremena otplata kredita']), a: -a, cat: 'transfer' }; }
  if (r < 0.95) { const a = pick([30, 35, 40, 45, 60, 90, 150, 180, 200, 250, 290, 350, 490, 990, 1500]) * 100; return { desc: pick(hist ? ['Provizija za IPS nalog', 'Provizija za prenos', 'Provizija - nalog za plaćanje', 'Provizija za isplatu gotovine na tuđem bankomatu', 'Naknada za izdavanje kartice', 'Naknada za izvod', 'Provizija za devizni priliv'] : [`Naknada za vođenje računa ${p2(M(d))}/${Y(d)}`, 'Provizija za IPS nalog', 'Provizija za prenos', 'Provizija - nalog za plaćanje', 'Mesečna naknada za paket računa', 'Godišnja članarina za karticu Visa Classic', 'Naknada za SMS servis', 'NAKNADA ZA ODRZAVANJE RACUNA', 'Account maintenance fee', 'Provizija za isplatu gotovine na tuđem bankomatu', 'Naknada za izdavanje kartice']), a: -a, cat: 'transfer' }; }
  const a = priceRsd(100, 20000);
  return { desc: pick([`Plaćanje ${digits(10)}`, `IPS plaćanje ${digits(12)}`, `Nalog ${digits(8)} - plaćanje`, `Plaćanje po pozivu na broj ${digits(2)}-${digits(9)}`]), a: -a, cat: 'transfer' };
}

function entertainmentEvent(bank, d) { return merchantEvent('entertainment', bank, d); }
function groceriesEvent(bank, d) { if (chance(0.04)) return unnamedCard(bank, d); return merchantEvent('groceries', bank, d); }

const EVENTS = {
  groceries: groceriesEvent, dining: (b, d) => merchantEvent('dining', b, d), transport: (b, d) => transportEvent(b, d), entertainment: entertainmentEvent,
  subscriptions: (b, d) => (chance(0.1) ? localSubEvent(b, d) : subEvent(b, d)), utilities: utilityEvent, rent: rentEvent, salary: salaryEvent, transfer: (b, d) => transferEvent(b, d),
};
function localSubEvent(bank, d) { const s = pick(SUB_LOCAL); const a = ri(s[1], s[2]) * 100; return { desc: chance(0.5) ? renderCard(bank, { m: s[0], c: 'BEOGRAD', d, a }) : orderText(bank, s[0].replace(' PRETPLATA', ''), `pretplata ${MONTHS[M(d) - 1]}`), a: -a, cat: 'subscriptions' }; }
function transportEvent(bank, d) {
  const r = rnd();
  if (r < 0.05) { const a = priceRsd(15000, 45000); return { desc: orderText(bank, pick(['MUP RS', 'Republička taksa', 'AMSS centar za registraciju']), pick(['registracija vozila', 'taksa za registraciju vozila ' + `BG-${digits(3)}-${pick(['AB', 'ZX', 'NK', 'TT', 'SD'])}`, 'registracija ' + Y(d)])), a: -a, cat: 'transport' }; }
  if (r < 0.08) { const a = pick([500, 1000, 2000, 3000]) * 100; return { desc: pick(['Dopuna TAG uređaja Putevi Srbije', 'PUTEVI SRBIJE ENP DOPUNA', 'Putarina - dopuna tag']), a: -a, cat: 'transport' }; }
  return merchantEvent('transport', bank, d);
}

// ---------------------------------------------------------------- part 1: TSV
function genTSV() {
  const W = [['groceries', 26], ['transfer', 16], ['dining', 15], ['transport', 12], ['utilities', 10], ['subscriptions', 7], ['entertainment', 6], ['salary', 5], ['rent', 3]];
  const seen = new Set();
  const rows = [];
  const d0 = D('2025-01-01'), d1 = D('2026-11-30');
  let guard = 0;
  while (rows.length < 1420 && guard < 100000) {
    guard++;
    const cat = wpick(W);
    const bank = pick(BANKS_M);
    const d = ri(d0, d1);
    const ev = EVENTS[cat](bank, d);
    if (ev.cat !== cat) throw new Error('cat mismatch');
    let desc = clean(ev.desc).replace(/ {3,}/g, '  ').trim();
    if (chance(0.05) && desc.length > 30) desc = desc.slice(0, ri(28, 40)).trim();
    const amt = (ev.a / 100).toFixed(2);
    if ((ev.cat === 'salary' && ev.a <= 0) || (ev.a > 0 && !['salary', 'transfer'].includes(ev.cat))) throw new Error('sign');
    const key = desc + '\t' + amt;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([desc, amt, cat]);
  }
  return rows;
}
const BANKS_M = BANKS.map((b) => ({ ...b, markup: pick([0, 0.01, 0.015, 0.02, 0.025]) }));

// ---------------------------------------------------------------- part 2: recurring histories
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MIN = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };

function monthlySched(from, to, day, { jit = 0, shift = 'none', skip = 0, period = 1, stopSafe = true } = {}) {
  const out = [];
  let skipped = false;
  let y = Y(from), m = M(from);
  y -= 1; // start a year early, filter by range
  for (let k = 0; k < 80; k++) {
    const base = dateOf(y, m, Math.min(day, dim(y, m)));
    if (base > to + 20) break;
    let d = base + (jit ? ri(-jit, jit) : 0);
    const w = dow(d);
    if (shift === 'before') { if (w === 6) d -= 1; else if (w === 0) d -= 2; }
    else if (shift === 'after') { if (w === 6) d += 2; else if (w === 0) d += 1; }
    if (d >= from && d <= to) {
      const nearEnd = d > to - 70;
      if (!(skip && !skipped && chance(skip) && !nearEnd && out.length > 0)) { out.push(d); skipped = false; } else skipped = true;
    }
    m += period; while (m > 12) { m -= 12; y++; }
  }
  return out;
}
function weeklySched(from, to, step, wd, { late = 0.15, skip = 0.03 } = {}) {
  const out = [];
  let d = from; while (dow(d) !== wd) d++;
  for (; d <= to; d += step) {
    let p = d;
    if (chance(late)) { const w0 = dow(d); p += w0 === 5 ? 3 : w0 === 6 ? 2 : w0 === 0 ? 1 : ri(1, Math.min(2, 5 - w0)); }
    if (dow(p) === 6) p += 2; else if (dow(p) === 0) p += 1;
    if (p > to) break;
    if (skip && chance(skip) && d < to - 3 * step && out.length > 0) continue;
    out.push(p);
  }
  return out;
}
function annualSched(from, to, mon, day, jit = 5) {
  const out = [];
  for (let y = Y(from) - 1; y <= Y(to) + 1; y++) { const d = dateOf(y, mon, Math.min(day, dim(y, mon))) + ri(-jit, jit); if (d >= from && d <= to) out.push(d); }
  return out;
}

function newCtx(idx) {
  const id = 'h' + p2(idx + 1);
  const today = D('2026-06-01') + ri(0, 186);
  const months = wpick([[ri(6, 11), 12], [ri(12, 17), 13], [ri(18, 36), 75]]);
  const start = today - Math.round(months * 30.44) + ri(0, 10);
  const bank = pick(BANKS_M);
  const city = pick(HOME_CITIES);
  return { id, today, start, months, bank, city, txs: [], streams: [], seq: 0 };
}
function addTx(ctx, d, a, desc, cat, pending = false) {
  if (d < ctx.start || d > ctx.today) return null;
  if (a === 0) a = -100;
  if (a > 0 && !['salary', 'transfer'].includes(cat)) throw new Error('credit cat ' + cat);
  const t = { d, a, desc: clean(desc).replace(/ {3,}/g, '  ').trim(), cat, pending, seq: ctx.seq++, stream: null };
  ctx.txs.push(t);
  return t;
}
// Build a stream from a schedule. amtF(i,d) -> positive para; descF(i,d,amt) -> text
function stream(ctx, { dir, freq, cat, dates, amtF, descF, label }) {
  dates = [...new Set(dates)].filter((d) => d >= ctx.start && d <= ctx.today).sort((a, b) => a - b);
  if (dates.length < MIN[freq]) return null;
  const s = { dir, freq, cat, label, members: [] };
  dates.forEach((d, i) => {
    const amt = amtF(i, d);
    const t = addTx(ctx, d, dir === 'outgoing' ? -amt : amt, descF(i, d, amt), cat);
    t.stream = s; s.members.push(t);
  });
  ctx.streams.push(s);
  return s;
}
// stream window: returns [from, to] — optional late start, optional stop
function windowFor(ctx, freq, { lateStart = 0.25, stop = 0.15 } = {}) {
  const P = PER[freq];
  let from = ctx.start, to = ctx.today;
  const span = ctx.today - ctx.start;
  if (chance(lateStart)) from = ctx.start + Math.round(rf(0.1, 0.5) * span);
  if (chance(stop)) {
    const minGap = Math.ceil(2.7 * P);
    const latestStop = ctx.today - minGap;
    const needed = MIN[freq] * P + P;
    if (latestStop - from > needed) to = latestStop - ri(0, Math.max(0, Math.round((latestStop - from - needed) * 0.6)));
  }
  return [from, to];
}
const mon = (d) => MONTHS[M(d) - 1];

// ---- stream templates
function salaryStream(ctx, { emp, pub = false, from, to, base, day }) {
  const style = ri(0, 5);
  const cy = pub && chance(0.6);
  let level = base;
  let lastY = null;
  const dates = monthlySched(from, to, day, { jit: ri(0, 3), shift: 'before' });
  const amtF = (i, d) => {
    if (lastY !== null && Y(d) !== lastY) level *= 1 + rf(0.03, 0.11);
    lastY = Y(d);
    return Math.round(level * (1 + gauss() * rf(0.01, 0.05)) * 100);
  };
  const descF = (i, d) => {
    const [y, m] = prevMonth(d);
    const s2 = chance(0.08) ? (style + 1) % 6 : style; // occasional wording change
    if (cy) return creditWrapFixed(ctx, pick([`Исплата плате за ${cyr(MONTHS[m - 1])} ${y} ${cyr(emp)}`, `Исплата зараде ${p2(m)}/${y} - ${cyr(emp)}`]));
    const t = [
      `Zarada za ${MONTHS[m - 1]} ${y} - ${emp}`, `ISPLATA ZARADE ${p2(m)}/${y} ${U(ascii(emp))}`, `${emp} - zarada ${p2(m)}.${y}`,
      `Plata ${MONTHS[m - 1]} ${y} ${emp}`, `${U(ascii(emp))} ZARADA ZA ${p2(m)}.${y} RN ${digits(6)}`, `Uplata zarade za ${MONTHS[m - 1]} - ${emp}`][s2];
    return creditWrapFixed(ctx, t);
  };
  return stream(ctx, { dir: 'incoming', freq: 'monthly', cat: 'salary', dates, amtF, descF, label: 'salary ' + emp });
}
function creditWrapFixed(ctx, core) {
  const k = ctx.bank.k;
  if (/^(priliv|прилив)/i.test(core)) return core;
  if (['raiffeisen', 'aik'].includes(k)) return `Priliv - ${core}`;
  if (['addiko', 'procredit'].includes(k)) return `Incoming payment - ${ascii(core)}`;
  if (k === 'halk') return `PRILIV ${U(ascii(core))}`;
  if (k === 'erste') return `Odobrenje računa - ${core}`;
  return core;
}

function pensionStream(ctx) {
  const [from, to] = [ctx.start, ctx.today];
  let level = Math.round(logu(26000, 78000)) * 100;
  let lastY = null;
  const dates = monthlySched(from, to, ri(3, 12), { jit: 1, shift: 'after' });
  return stream(ctx, {
    dir: 'incoming', freq: 'monthly', cat: 'salary', dates, label: 'pension',
    amtF: (i, d) => { if (lastY !== null && Y(d) !== lastY) level = Math.round(level * (1 + rf(0.043, 0.06))); lastY = Y(d); return level; },
    descF: (i, d) => { const [y, m] = prevMonth(d); return creditWrapFixed(ctx, pick([`Penzija ${p2(m)}/${y} RF PIO`, `ПЕНЗИЈА ЗА ${U(cyr(MONTHS[m - 1]))} ${y}`, `Isplata penzije RF PIO ${MONTHS[m - 1]} ${y}`])); },
  });
}

function rentStream(ctx, { from, to, landlord, amountEur = null, amount = null, rise = null, mode }) {
  const day = ri(1, 10);
  const dates = mode === 'standing' ? monthlySched(from, to, day, { shift: 'after' }) : monthlySched(from, to, day, { jit: ri(1, 4) });
  const word = pick(['kirija', 'Kirija', 'stanarina', 'zakup stana', 'kirija za stan']);
  const no = ri(100, 9999);
  const nmV = ri(0, 4);
  return stream(ctx, {
    dir: 'outgoing', freq: 'monthly', cat: 'rent', dates, label: 'rent ' + landlord.l,
    amtF: (i, d) => {
      let v = amountEur ? Math.round(amountEur * fxRate('EUR', d) * 100) : amount;
      if (rise && d >= rise.at) v = amountEur ? Math.round(rise.eur * fxRate('EUR', d) * 100) : rise.amount;
      return v;
    },
    descF: (i, d) => {
      const nm = chance(0.85) ? nameVar(landlord, nmV) : nameVar(landlord);
      if (mode === 'standing' && chance(0.9)) return standingFixed(ctx, nm, word, no);
      return pick([() => ipsPerson(ctx.bank, nm, `${word} ${mon(d)}`), () => orderText(ctx.bank, nm, `${word} za ${mon(d)} ${Y(d)}`), () => `${word} ${mon(d)} ${Y(d)} - ${nm}`])();
    },
  });
}
function standingFixed(ctx, payee, purpose, no) {
  const k = ctx.bank.k;
  if (['addiko', 'procredit', 'halk'].includes(k)) return `Standing order ${no} - ${ascii(payee)} ${ascii(purpose)}`;
  if (['aik', 'postanska', '3bank'].includes(k)) return `TRAJNI NALOG ${no} ${U(ascii(payee))} ${U(ascii(purpose))}`;
  return `Trajni nalog br. ${no} - ${purpose} ${payee}`;
}

function billStream(ctx, { payee, purpose, lo, hi, seasonal = false, freq = 'monthly', from, to, channel = 'mixed', fixedAmt = null, riseAt = null, rise = 0, day = null, jit = null, skip = 0.04, cyrP = 0, cat = 'utilities' }) {
  day = day || ri(5, 25);
  jit = jit === null ? ri(0, 5) : jit;
  let dates;
  if (freq === 'monthly') dates = monthlySched(from, to, day, { jit, skip, shift: channel === 'standing' ? 'after' : 'none' });
  else if (freq === 'quarterly') { const m0 = ri(1, 3); dates = monthlySched2Q(from, to, m0, day, Math.min(jit, 5)); }
  else if (freq === 'annually') dates = annualSched(from, to, ri(1, 12), day, Math.min(jit, 6));
  const ref = digits(ri(9, 12));
  const no = ri(100, 9999);
  let base = fixedAmt || Math.round(logu(lo, hi)) * 100;
  let owed = 0;
  let prev = null;
  const SEAS = [1.9, 1.8, 1.45, 1.1, 0.9, 0.85, 0.9, 0.95, 0.9, 1.05, 1.35, 1.75];
  return stream(ctx, {
    dir: 'outgoing', freq, cat, dates, label: payee,
    amtF: (i, d) => {
      let v;
      if (fixedAmt) { v = riseAt && d >= riseAt ? Math.round(fixedAmt * (1 + rise) / 100) * 100 : fixedAmt; }
      else {
        v = seasonal ? Math.round(base * SEAS[M(d) - 1] * (1 + gauss() * 0.1)) : Math.round(base * (1 + gauss() * 0.12));
        if (prev !== null && freq === 'monthly' && d - prev > 50) v = Math.round(v * 1.9); // paid two bills after a skipped month
      }
      prev = d;
      return Math.max(100, v);
    },
    descF: (i, d, amt) => {
      const pur = fillPurpose(purpose, d);
      const pay = cyrP && chance(cyrP) ? cyr(payee) : payee;
      let ch = channel;
      if (ch === 'mixed') ch = pick(['order', 'order', 'ips', 'card']);
      if (ch === 'standing') return standingFixed(ctx, pay, pur.replace(/ \d\d\/\d{4}$/, ''), no);
      if (ch === 'ips') return clean(pick([`IPS QR plaćanje - ${pay} ${ref}`, `IPS NBS placanje ${ascii(pay)} ${pur}`, `Instant plaćanje ${pay} - ${pur}`]));
      if (ch === 'card') return renderCard(ctx.bank, { m: U(ascii(payee)).slice(0, 20) + ' WEB', c: ctx.city, d, a: amt });
      return orderText(ctx.bank, pay, pur, ref);
    },
  });
}
function monthlySched2Q(from, to, m0, day, jit) {
  const out = [];
  for (let y = Y(from) - 1; y <= Y(to) + 1; y++) for (let q = 0; q < 4; q++) {
    const m = m0 + q * 3; const d = dateOf(y, m, Math.min(day, dim(y, m))) + ri(-jit, jit);
    if (d >= from && d <= to) out.push(d);
  }
  return out.sort((a, b) => a - b);
}

function subStream(ctx, s, { freq = 'monthly', from, to, riseAt = null }) {
  const day = ri(1, 28);
  const wrapIdx = ri(0, s.w.length - 1);
  const wrapFixed = fillTpl(s.w[wrapIdx]);
  const cityFixed = subCity(s);
  const plan = s.rsd ? pick(s.rsd) * 100 : pick(s.amt);
  const annual = freq === 'annually';
  const dates = annual ? annualSched(from, to, M(from + ri(0, 300)), day, 1) : monthlySched(from, to - 3, day, { jit: 0 }).map((d) => d + (chance(0.3) ? ri(1, 3) : 0));
  const riseF = 1 + pick([0.1, 0.15, 0.2, 0.25]);
  const fxBy = new Map();
  return stream(ctx, {
    dir: 'outgoing', freq, cat: 'subscriptions', dates, label: s.k,
    amtF: (i, d) => {
      if (s.rsd) return riseAt && d >= riseAt ? Math.round(plan * riseF / 1000) * 1000 - 100 : plan;
      let fx = annual ? Math.round(plan * 10 * 100) / 100 - 0.01 : plan;
      if (riseAt && d >= riseAt) fx = Math.round(fx * riseF) - 0.01;
      const f = fxAmount(s.cur, fx, d, ctx.bank.markup);
      fxBy.set(d, f.fx);
      return f.para;
    },
    descF: (i, d, amt) => {
      const w = chance(0.85) ? wrapFixed : fillTpl(pick(s.w));
      const fx = s.rsd ? null : fxBy.get(d);
      return renderCard(ctx.bank, { m: w, c: s.rsd ? 'g.co/helppay#' : cityFixed, cc: s.cc, d, a: amt, fx });
    },
  });
}

function personWeekly(ctx, { freq, purpose, amount, cat = 'transfer', from, to, pp, rise = null }) {
  const step = freq === 'weekly' ? 7 : 14;
  const wd = ri(1, 5);
  const dates = weeklySched(from, to, step, wd, { late: rf(0.05, 0.25), skip: rf(0.02, 0.07) });
  const nmV = ri(0, 4);
  return stream(ctx, {
    dir: 'outgoing', freq, cat, dates, label: purpose + ' ' + pp.l,
    amtF: (i, d) => (rise && d >= rise.at ? rise.amount : amount),
    descF: (i, d) => {
      const nm = chance(0.8) ? nameVar(pp, nmV) : nameVar(pp);
      const pur = chance(0.7) ? purpose : '';
      return pick([() => ipsPerson(ctx.bank, nm, pur), () => `${nm} ${pur}`.trim(), () => `IPS ${nm} ${pur}`.trim()])();
    },
  });
}

// ---- noise
function noise(ctx, p) {
  const favs = {};
  for (const cat of ['groceries', 'dining', 'transport']) {
    favs[cat] = [];
    for (let i = 0; i < ri(2, 5); i++) {
      const e = wpick(MER[cat].filter((m) => !(m[4] && m[4].fx)).map((m) => [m, m[3]]));
      const o = e[4] || {};
      favs[cat].push({ e, name: fillTpl(e[0]), city: o.city || ctx.city });
    }
  }
  const w = p.mix;
  for (let d = ctx.start; d <= ctx.today; d++) {
    const wk = dow(d);
    const lam = p.rate * (wk === 6 ? 1.35 : wk === 0 ? 0.6 : 1);
    let n = 0; { let L = Math.exp(-lam), k = 0, q = 1; do { k++; q *= rnd(); } while (q > L); n = k - 1; }
    for (let i = 0; i < n; i++) {
      const cat = wpick(w);
      let ev;
      if (['groceries', 'dining', 'transport'].includes(cat) && chance(cat === 'transport' ? 0.55 : 0.6)) ev = merchantEvent(cat, ctx.bank, d, pick(favs[cat]));
      else if (cat === 'groceries') ev = chance(0.03) ? unnamedCard(ctx.bank, d) : merchantEvent('groceries', ctx.bank, d, null, ctx.city);
      else if (cat === 'dining' || cat === 'entertainment') ev = merchantEvent(cat, ctx.bank, d, null, ctx.city);
      else if (cat === 'transport') ev = transportEvent(ctx.bank, d);
      else if (cat === 'transfer') ev = transferEvent(ctx.bank, d, chance(0.15), true);
      else if (cat === 'utilities') ev = utilityEvent(ctx.bank, d);
      else if (cat === 'subscriptions') ev = oneOffProcessor(ctx, d);
      else ev = merchantEvent('groceries', ctx.bank, d);
      const pending = d >= ctx.today - 2 && ev.a < 0 && chance(0.6);
      addTx(ctx, d, ev.a, ev.desc, ev.cat, pending);
    }
  }
}
// one-off purchases at subscription processors (hard negatives)
function oneOffProcessor(ctx, d) {
  const r = rnd();
  if (r < 0.35) { const f = fxAmount('EUR', pick([0.99, 1.99, 2.99, 4.99, 5.99, 9.99, 14.99]), d, ctx.bank.markup); return { desc: renderCard(ctx.bank, { m: pick(['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM']), c: 'CORK', cc: 'IRL', d, a: f.para, fx: f.fx }), a: -f.para, cat: 'subscriptions' }; }
  if (r < 0.6) { const a = pick([99, 199, 299, 499, 999, 1499]) * 100; return { desc: renderCard(ctx.bank, { m: pick(['GOOGLE *Clash of Clans', 'GOOGLE *Candy Crush', 'GOOGLE *Brawl Stars', 'GOOGLE *Royal Match']), c: 'g.co/helppay#', cc: 'IRL', d, a }), a: -a, cat: 'entertainment' }; }
  if (r < 0.8) { const f = fxAmount('EUR', Math.round(rf(4, 60) * 100) / 100, d, ctx.bank.markup); return { desc: renderCard(ctx.bank, { m: pick(['STEAMGAMES.COM 4259522985', 'PLAYSTATION NETWORK', 'STEAM PURCHASE']), c: 'BELLEVUE', cc: 'USA', d, a: f.para, fx: f.fx }), a: -f.para, cat: 'entertainment' }; }
  const f = fxAmount('EUR', Math.round(rf(8, 90) * 100) / 100, d, ctx.bank.markup);
  return { desc: renderCard(ctx.bank, { m: pick(['PAYPAL *EBAY', 'AMZN Mktp DE*' + fillTpl('{A}'), 'PAYPAL *ALIEXPRESS']), c: 'LUXEMBOURG', cc: 'LUX', d, a: f.para, fx: f.fx }), a: -f.para, cat: 'groceries' };
}

// extra payment off the rhythm of a stream (hard negative)
function offRhythm(ctx, s, f) {
  if (!s || s.members.length < 3) return;
  const k = ri(1, s.members.length - 2);
  const a = s.members[k].d, b = s.members[k + 1].d;
  const d = a + Math.round((b - a) / 2) + ri(-2, 2);
  const ev = f(d, s);
  addTx(ctx, d, ev.a, ev.desc, ev.cat);
}

const PERSONAS = [['employee', 28], ['family', 18], ['it', 10], ['pensioner', 12], ['student', 10], ['public', 12], ['freelancer', 6], ['commuter', 4]];
const NOTES = {
  employee: 'office employee, card-heavy, pays bills by e-banking', family: 'couple with kids, loan, kindergarten, many groceries', it: 'IT contractor paid from abroad, many subscriptions',
  pensioner: 'pensioner, few card payments, bills by standing order and m-banking', student: 'student, allowance from parents, food delivery and rides', public: 'public-sector worker, salary in Cyrillic',
  freelancer: 'freelancer, irregular honoraria, some subscriptions', commuter: 'commuter driving daily, fuel and tolls',
};

function genHistory(idx) {
  const ctx = newCtx(idx);
  { const m = rawMask(); CARD = { m, m2: rawMask(), p2: chance(0.3) ? rf(0.05, 0.3) : 0, dina: `9891****${digits(4)}` }; }
  const per = wpick(PERSONAS);
  ctx.per = per;
  const P = {
    employee: { rate: rf(1.2, 2.6), mix: [['groceries', 40], ['dining', 22], ['transport', 12], ['entertainment', 6], ['transfer', 12], ['utilities', 2], ['subscriptions', 2]] },
    family: { rate: rf(1.8, 3.4), mix: [['groceries', 50], ['dining', 12], ['transport', 14], ['entertainment', 5], ['transfer', 12], ['utilities', 3], ['subscriptions', 1]] },
    it: { rate: rf(1.5, 3.2), mix: [['groceries', 35], ['dining', 28], ['transport', 12], ['entertainment', 8], ['transfer', 11], ['utilities', 2], ['subscriptions', 4]] },
    pensioner: { rate: rf(0.4, 1.0), mix: [['groceries', 62], ['dining', 5], ['transport', 5], ['entertainment', 2], ['transfer', 20], ['utilities', 6]] },
    student: { rate: rf(1.0, 2.2), mix: [['groceries', 32], ['dining', 34], ['transport', 14], ['entertainment', 10], ['transfer', 8], ['subscriptions', 2]] },
    public: { rate: rf(0.9, 2.0), mix: [['groceries', 48], ['dining', 14], ['transport', 12], ['entertainment', 5], ['transfer', 16], ['utilities', 4], ['subscriptions', 1]] },
    freelancer: { rate: rf(1.0, 2.4), mix: [['groceries', 38], ['dining', 24], ['transport', 12], ['entertainment', 7], ['transfer', 14], ['utilities', 2], ['subscriptions', 3]] },
    commuter: { rate: rf(1.2, 2.4), mix: [['groceries', 35], ['dining', 15], ['transport', 32], ['entertainment', 4], ['transfer', 12], ['utilities', 2]] },
  }[per];
  ctx.note = `${NOTES[per]}; ${ctx.bank.name}; ${ctx.city}`;
  const bg = ctx.city === 'Beograd';
  const full = () => [ctx.start, ctx.today];

  // --- income
  if (per === 'pensioner') pensionStream(ctx);
  else if (per === 'student') {
    const parent = person(); parent.l = pick(SURN);
    const amt = pick([15000, 20000, 25000, 30000]) * 100;
    const rise = chance(0.4) ? { at: ctx.start + Math.round((ctx.today - ctx.start) * rf(0.3, 0.7)), amount: amt + 5000 * 100 } : null;
    const dates = monthlySched(ctx.start, ctx.today, ri(1, 10), { jit: ri(0, 3) });
    const s = stream(ctx, { dir: 'incoming', freq: 'monthly', cat: 'transfer', dates, label: 'allowance', amtF: (i, d) => (rise && d >= rise.at ? rise.amount : amt), descF: () => creditWrapFixed(ctx, pick([`Uplata od ${nameVar(parent, 0)}`, `${nameVar(parent, 1)} - za ${pick(['mesec', 'troškove', 'kiriju i hranu', ''])}`.trim(), `IPS ${nameVar(parent, 0)}`])) });
    offRhythm(ctx, s, (d) => ({ desc: `Uplata od ${nameVar(parent, 0)} ${pick(['za rođendan', 'za knjige', 'hitno', ''])}`.trim(), a: pick([3000, 5000, 10000]) * 100, cat: 'transfer' }));
    if (chance(0.5)) { const sa = pick([16000, 18000]) * 100; const dts = monthlySched(ctx.start, ctx.today, ri(15, 25), { jit: 3 }); stream(ctx, { dir: 'incoming', freq: 'monthly', cat: 'salary', dates: dts, label: 'stipend', amtF: () => sa, descF: (i, d) => creditWrapFixed(ctx, pick([`Stipendija ${mon(d)} ${Y(d)} Fond za mlade talente`, `Studentska stipendija ${p2(M(d))}/${Y(d)}`, `Fond za mlade talente RS stipendija`])) }); }
  } else if (per === 'it' && chance(0.6)) {
    const freq = chance(0.45) ? 'biweekly' : 'monthly';
    const usd = ri(1500, 4500) * (freq === 'biweekly' ? 0.5 : 1);
    const payer = pick(['DEEL INC', 'REMOTE EUROPE HOLDING', 'TOPTAL LLC', 'GITLAB INC', 'OYSTER HR']);
    const dates = freq === 'biweekly' ? weeklySched(ctx.start, ctx.today, 14, 5, { late: 0.2, skip: 0.02 }) : monthlySched(ctx.start, ctx.today, ri(1, 5), { jit: 2, shift: 'after' });
    const cur = chance(0.6) ? 'USD' : 'EUR';
    stream(ctx, { dir: 'incoming', freq, cat: 'salary', dates, label: 'foreign pay', amtF: (i, d) => Math.round(usd * fxRate(cur, d) * 0.995 * 100), descF: () => creditWrapFixed(ctx, pick([`Priliv iz inostranstva ${payer} ${cur}`, `${payer} PAYROLL`, `Devizni priliv ${payer} - konverzija ${cur}`, `PRILIV IZ INOSTRANSTVA ${payer} SALARY`])) });
  } else if (per === 'freelancer') {
    for (let i = 0; i < ri(8, 20); i++) { const d = ri(ctx.start, ctx.today); const ev = salaryEvent(ctx.bank, d); addTx(ctx, d, ev.a, ev.desc, 'salary'); }
    if (chance(0.5)) { const c = pick(EMPLOYERS); const amt = ri(40, 120) * 1000 * 100; const dates = monthlySched(...windowFor(ctx, 'monthly', { lateStart: 0.4, stop: 0.3 }), ri(20, 28), { jit: 3 }); stream(ctx, { dir: 'incoming', freq: 'monthly', cat: 'salary', dates, label: 'retainer', amtF: () => amt, descF: (i, d) => creditWrapFixed(ctx, pick([`Honorar ${p2(M(d))}/${Y(d)} ${c}`, `Isplata honorara po ugovoru ${digits(3)}/${Y(d)} ${c}`, `${c} honorar ${mon(d)}`])) }); }
  } else {
    const pub = per === 'public';
    const empA = pub ? pick(PUBLIC_EMP) : pick(EMPLOYERS);
    const base = pub ? logu(60000, 140000) : logu(70000, 280000);
    const day = pub ? ri(5, 12) : pick([ri(1, 10), ri(24, 28)]);
    if (chance(0.2) && ctx.today - ctx.start > 400) {
      const cut = ctx.today - ri(100, Math.round((ctx.today - ctx.start) * 0.6));
      const s1 = salaryStream(ctx, { emp: empA, pub, from: ctx.start, to: cut, base, day });
      const empB = pick(EMPLOYERS.filter((e) => e !== empA));
      salaryStream(ctx, { emp: empB, pub: false, from: cut + ri(20, 40), to: ctx.today, base: base * rf(1.05, 1.3), day: ri(1, 12) });
      if (s1) offRhythm(ctx, s1, (d) => ({ desc: creditWrapFixed(ctx, pick([`Regres ${Y(d)} ${empA}`, `Bonus ${empA}`, `Dnevnice ${empA}`, `Isplata 13. plate ${empA}`])), a: Math.round(logu(10000, 120000)) * 100, cat: 'salary' }));
    } else {
      const s1 = salaryStream(ctx, { emp: empA, pub, from: ctx.start, to: ctx.today, base, day });
      if (chance(0.6)) offRhythm(ctx, s1, (d) => ({ desc: creditWrapFixed(ctx, pick([`Regres za godišnji odmor ${Y(d)} ${empA}`, `Bonus ${empA}`, `Dnevnice ${p2(M(d))}/${Y(d)} ${empA}`, `Isplata 13. plate ${empA}`, `Topli obrok ${empA}`])), a: Math.round(logu(5000, 120000)) * 100, cat: 'salary' }));
    }
    if (per === 'family' && chance(0.5)) {
      const sp = logu(60000, 150000); const emp2 = pick([...EMPLOYERS, ...PUBLIC_EMP]);
      salaryStream(ctx, { emp: emp2, pub: PUBLIC_EMP.includes(emp2), from: ctx.start, to: ctx.today, base: sp, day: ri(5, 15) });
    }
  }

  // --- housing
  const tenant = chance({ student: 0.7, employee: 0.45, it: 0.55, family: 0.25, pensioner: 0.05, public: 0.3, freelancer: 0.5, commuter: 0.3 }[per]);
  if (tenant) {
    const mode = chance(0.45) ? 'standing' : 'manual';
    const l1 = person();
    const eur = chance(0.5) ? ri(25, 80) * 10 : null;
    const rsd = ri(25, 95) * 1000 * 100;
    if (chance(0.25) && ctx.today - ctx.start > 420) {
      const cut = ctx.today - ri(120, Math.round((ctx.today - ctx.start) * 0.55));
      const r1 = rentStream(ctx, { from: ctx.start, to: cut, landlord: l1, amountEur: eur, amount: rsd, mode });
      const l2 = person();
      const r2 = rentStream(ctx, { from: cut + ri(5, 25), to: ctx.today, landlord: l2, amountEur: eur ? eur + 50 : null, amount: rsd + 5000 * 100, mode: chance(0.5) ? 'standing' : 'manual' });
      if (r2) addTx(ctx, r2.members[0].d - ri(2, 8), -(eur ? Math.round((eur + 50) * 117.2) * 100 : rsd + 500000), ipsPerson(ctx.bank, nameVar(l2, 0), 'depozit za stan'), 'transfer');
    } else {
      const rise = chance(0.35) ? { at: ctx.start + Math.round((ctx.today - ctx.start) * rf(0.3, 0.8)), eur: eur ? eur + 30 : null, amount: rsd + 5000 * 100 } : null;
      const r = rentStream(ctx, { from: ctx.start, to: ctx.today, landlord: l1, amountEur: eur, amount: rsd, rise, mode });
      if (chance(0.4)) offRhythm(ctx, r, (d) => ({ desc: ipsPerson(ctx.bank, nameVar(l1, 0), pick(['kirija razlika', 'doplata kirije', 'kirija - dug za prošli mesec'])), a: -(ri(2, 10) * 1000 * 100), cat: 'rent' }));
      if (chance(0.3)) offRhythm(ctx, r, (d) => ({ desc: ipsPerson(ctx.bank, nameVar(l1, 1), pick(['za popravku bojlera', 'računi', 'struja i voda'])), a: -(ri(3, 15) * 1000 * 100), cat: 'transfer' }));
    }
  } else if (per !== 'student') {
    // owner: property tax quarterly, building maintenance
    if (chance(0.55)) {
      const amt0 = Math.round(logu(1500, 14000)) * 100;
      const m0 = 2; let yPrev = null; let lv = amt0;
      const dates = monthlySched2Q(ctx.start, ctx.today, m0, ri(8, 14), 4);
      const s = stream(ctx, { dir: 'outgoing', freq: 'quarterly', cat: 'utilities', dates, label: 'porez na imovinu',
        amtF: (i, d) => { if (yPrev !== null && Y(d) !== yPrev) lv = Math.round(lv * rf(1.0, 1.12) / 100) * 100; yPrev = Y(d); return lv; },
        descF: (i, d) => orderText(ctx.bank, chance(0.3) ? cyr(`Gradska uprava ${ctx.city}`) : `Gradska uprava ${ctx.city}`, `porez na imovinu ${QUART[Math.floor((M(d) - 1) / 3)]} kvartal ${Y(d)}`, `${digits(2)}-${digits(3)}-${digits(12)}`) });
    }
    if (chance(0.6)) billStream(ctx, { payee: pick(['Stambena zajednica', 'SZ', 'Stambena zajednica zgrade']) + ' ' + pick(['Bulevar oslobođenja 12', 'Cara Dušana 41', 'Vojvode Stepe 210', 'Narodnog fronta 7', 'Kralja Petra 3']), purpose: 'održavanje {mes}', fixedAmt: ri(5, 20) * 100 * 100, riseAt: chance(0.3) ? ctx.start + ri(60, 400) : null, rise: 0.25, channel: chance(0.6) ? 'standing' : 'order', from: ctx.start, to: ctx.today, day: ri(1, 15), jit: ri(0, 4), skip: 0.02 });
  }

  // --- utilities
  const utilFreqHand = chance(0.5);
  const epsCh = utilFreqHand ? 'mixed' : pick(['standing', 'order']);
  if (per !== 'student' || chance(0.3)) {
    const e = billStream(ctx, { payee: pick(['EPS Snabdevanje', 'EPS SNABDEVANJE', 'Elektroprivreda Srbije', 'JP EPS Snabdevanje']), purpose: pick(['struja {mm}/{yyyy}', 'el. energija {mes}', 'račun za struju {mm}/{yyyy}']), lo: 2200, hi: 7000, seasonal: true, channel: epsCh, cyrP: per === 'pensioner' ? 0.5 : 0.05, from: ctx.start, to: ctx.today, skip: utilFreqHand ? 0.06 : 0 });
    if (chance(0.2)) offRhythm(ctx, e, (d) => ({ desc: orderText(ctx.bank, 'EPS Snabdevanje', pick(['reprogram duga rata', 'uplata po opomeni', 'akontacija']), null), a: -(ri(15, 60) * 100 * 100), cat: 'utilities' }));
    if (bg) billStream(ctx, { payee: pick(['Infostan tehnologije', 'INFOSTAN TEHNOLOGIJE', 'JKP Infostan']), purpose: pick(['račun {mm}/{yyyy}', 'objedinjena naplata {mes}', 'šifra korisnika ' + digits(7)]), lo: 3500, hi: 9000, seasonal: chance(0.6), channel: epsCh, from: ctx.start, to: ctx.today, skip: 0.04 });
    else if (ctx.city === 'Novi Sad') { billStream(ctx, { payee: 'JKP Informatika', purpose: 'objedinjena naplata {mm}/{yyyy}', lo: 2500, hi: 6500, channel: epsCh, from: ctx.start, to: ctx.today }); if (chance(0.7)) billStream(ctx, { payee: 'Novosadska toplana', purpose: 'grejanje {mes}', fixedAmt: ri(35, 90) * 100 * 100, riseAt: ctx.start + ri(90, 500), rise: 0.1, channel: epsCh, from: ctx.start, to: ctx.today }); }
    else if (ctx.city === 'Niš') { billStream(ctx, { payee: 'JKP Gradska toplana Niš', purpose: 'grejanje {mes}', lo: 3000, hi: 8000, seasonal: true, channel: epsCh, from: ctx.start, to: ctx.today }); billStream(ctx, { payee: 'JKP Naissus', purpose: 'voda {mes}', lo: 900, hi: 2500, channel: epsCh, from: ctx.start, to: ctx.today }); }
    else if (chance(0.7)) billStream(ctx, { payee: `JKP Vodovod ${ctx.city}`, purpose: 'voda i kanalizacija {mm}/{yyyy}', lo: 800, hi: 3000, channel: epsCh, from: ctx.start, to: ctx.today, skip: 0.08 });
  }
  // telecom
  const tel = pick([['Telekom Srbija mts', 'mts'], ['SBB d.o.o.', 'SBB'], ['Yettel d.o.o.', 'Yettel'], ['A1 Srbija d.o.o.', 'A1'], ['Orion telekom', 'Orion']]);
  if (chance(0.8)) {
    const fixed = chance(0.5);
    const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.15, stop: 0.1 });
    billStream(ctx, { payee: tel[0], purpose: pick(['račun {mm}/{yyyy}', 'pretplata {mes}', 'korisnički broj ' + digits(8)]), lo: 1500, hi: 6000, fixedAmt: fixed ? ri(15, 55) * 100 * 100 - (chance(0.5) ? 100 : 0) : null, riseAt: fixed && chance(0.6) ? from + ri(60, 500) : null, rise: pick([0.07, 0.1, 0.12]), channel: pick(['mixed', 'standing', 'order', 'card']), from, to, jit: ri(0, 5) });
  }
  if (chance(0.35)) { const t2 = pick([['Yettel d.o.o.', 'mobilni'], ['A1 Srbija d.o.o.', 'mobilni'], ['Telekom Srbija mts', 'mobilni'], ['SBB d.o.o.', 'EON paket']]); if (t2[0] !== tel[0]) { const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.3, stop: 0.25 }); billStream(ctx, { payee: t2[0], purpose: t2[1] + ' {mm}/{yyyy}', lo: 900, hi: 3500, fixedAmt: chance(0.4) ? ri(9, 35) * 100 * 100 : null, channel: pick(['card', 'ips', 'order']), from, to, jit: ri(1, 6) }); } }
  // kindergarten
  if (per === 'family' && chance(0.6)) { const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.3, stop: 0.3 }); billStream(ctx, { payee: pick(['PU Radosno detinjstvo', 'PU Čukarica', 'PU Poletarac', 'PU Pčelica', 'Vrtić Bambi d.o.o.']), purpose: pick(['vrtić {mes}', 'boravak deteta {mm}/{yyyy}', 'korisnik ' + digits(6)]), lo: 3500, hi: 9000, channel: 'order', from, to, skip: 0.05 }); }
  // insurance quarterly / annual
  if (chance(0.3) && per !== 'student') {
    const ins = pick(['Wiener Städtische osiguranje', 'Generali osiguranje Srbija', 'Dunav osiguranje', 'UNIQA životno osiguranje', 'Grawe osiguranje']);
    billStream(ctx, { payee: ins, purpose: pick(['životno osiguranje polisa ' + digits(8), 'premija rata {q} kvartal', 'polisa br. ' + digits(9)]), freq: 'quarterly', fixedAmt: ri(30, 150) * 100 * 100, channel: chance(0.5) ? 'standing' : 'order', from: ctx.start, to: ctx.today, day: ri(1, 25), jit: ri(0, 3) });
  }
  const hasCar = per === 'commuter' || (per !== 'student' && chance(0.55));
  if (hasCar) {
    if (chance(0.6)) billStream(ctx, { payee: pick(['MUP RS registracija', 'Agencija za registraciju vozila AMSS', 'Tehnički pregled Auto Centar']), purpose: 'registracija vozila ' + pick(['BG', 'NS', 'NI', 'KG', 'SU']) + '-' + digits(3) + '-' + pick(['AA', 'TR', 'KC', 'MN', 'ZZ']), freq: 'annually', lo: 18000, hi: 42000, channel: pick(['order', 'card']), from: ctx.start, to: ctx.today, day: ri(1, 28), jit: ri(0, 5), cat: 'transport' });
    if (chance(0.35)) billStream(ctx, { payee: pick(['DDOR Novi Sad', 'Dunav osiguranje', 'Generali osiguranje Srbija', 'Triglav osiguranje']), purpose: pick(['kasko polisa ' + digits(8), 'AO polisa ' + digits(8)]), freq: 'annually', lo: 12000, hi: 60000, channel: 'order', from: ctx.start, to: ctx.today, day: ri(1, 28), jit: ri(0, 4) });
  }

  // --- loans & bank
  if (chance({ family: 0.6, employee: 0.4, public: 0.5, pensioner: 0.25, it: 0.2, freelancer: 0.2, student: 0.02, commuter: 0.4 }[per])) {
    const amt = Math.round(logu(6000, 70000)) * 100;
    const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.3, stop: 0.25 });
    const loanNo = digits(10);
    const dates = monthlySched(from, to, ri(1, 28), { shift: 'after' });
    const t = ri(0, 2);
    stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'transfer', dates, label: 'loan', amtF: () => amt, descF: (i, d) => [`Naplata rate kredita br. ${loanNo}`, `Rata kredita ${p2(M(d))}/${Y(d)} partija ${loanNo}`, `KREDIT ${loanNo} NAPLATA ANUITETA ${dmy(d)}`][t] });
  }
  if (chance(0.35)) {
    const amt = pick([150, 200, 250, 290, 350, 399, 490]) * 100;
    const rise = chance(0.3) ? ctx.start + ri(60, 500) : null;
    const dates = monthlySched(ctx.start, ctx.today, pick([1, 28, dim(2025, 1)]), { shift: 'after' });
    stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'transfer', dates, label: 'account fee', amtF: (i, d) => (rise && d >= rise ? amt + 5000 : amt), descF: (i, d) => pick([`Naknada za vođenje računa ${p2(M(d))}/${Y(d)}`, `Mesečna naknada za paket računa ${mon(d)}`, `NAKNADA ZA PAKET ${p2(M(d))}.${Y(d)}`]) });
  }
  if (chance(0.3)) {
    const amt = pick([5000, 10000, 10000, 15000, 20000, 30000]) * 100;
    const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.3, stop: 0.3 });
    const dates = monthlySched(from, to, ri(1, 15), { shift: 'after' });
    stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'transfer', dates, label: 'savings', amtF: () => amt, descF: () => pick(['Trajni nalog - prenos na štednju', 'Prenos na štedni račun', 'Standing order savings']) });
  }
  if (chance(0.25)) {
    const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.2, stop: 0.2 });
    const dates = monthlySched(from, to, ri(10, 25), { jit: 2 });
    stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'transfer', dates, label: 'credit card', amtF: () => Math.round(logu(3000, 60000)) * 100, descF: (i, d) => pick(['Uplata na kreditnu karticu', `Dospela obaveza po kreditnoj kartici ${p2(M(d))}/${Y(d)}`, 'Otplata duga po kartici Visa Gold']) });
  }
  if (chance(0.2)) { // annual card fee
    const dates = annualSched(ctx.start, ctx.today, ri(1, 12), ri(1, 28), 0);
    const amt = pick([500, 800, 1000, 1500, 2400]) * 100;
    stream(ctx, { dir: 'outgoing', freq: 'annually', cat: 'transfer', dates, label: 'card fee', amtF: () => amt, descF: () => pick(['Godišnja članarina za karticu', 'GODISNJA CLANARINA VISA CLASSIC', 'Članarina kreditna kartica']) });
  }

  // --- subscriptions
  const nSubs = { student: ri(1, 4), it: ri(2, 7), employee: ri(0, 4), family: ri(0, 3), pensioner: ri(0, 1), public: ri(0, 2), freelancer: ri(1, 5), commuter: ri(0, 2) }[per];
  const subPool = SUBS.filter(() => true);
  const chosen = [];
  for (let i = 0; i < nSubs; i++) { const s = pick(subPool); if (!chosen.includes(s)) chosen.push(s); }
  for (const s of chosen) {
    const annual = ['ms365', 'dropbox', 'canva', 'adobe'].includes(s.k) && chance(0.4);
    const [from, to] = annual ? full() : windowFor(ctx, 'monthly', { lateStart: 0.3, stop: 0.25 });
    const riseAt = chance(0.25) ? from + ri(90, 500) : null;
    subStream(ctx, s, { freq: annual ? 'annually' : 'monthly', from, to, riseAt });
  }
  if (per === 'pensioner' && chance(0.4)) { const ls = pick(SUB_LOCAL); const amt = ls[1] * 100; const dates = monthlySched(ctx.start, ctx.today, ri(1, 10), { jit: 3 }); stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'subscriptions', dates, label: 'newspaper', amtF: () => amt, descF: (i, d) => orderText(ctx.bank, ls[0].replace(' PRETPLATA', '').replace(' ONLINE', ''), `pretplata ${mon(d)} ${Y(d)}`) }); }
  if (per !== 'pensioner' && chance(0.15)) { // quarterly newspaper / magazine
    const amt = pick([2990, 3500, 3600]) * 100;
    const dates = monthlySched2Q(ctx.start, ctx.today, ri(1, 3), ri(1, 20), 2);
    stream(ctx, { dir: 'outgoing', freq: 'quarterly', cat: 'subscriptions', dates, label: 'magazine', amtF: () => amt, descF: (i, d) => orderText(ctx.bank, pick(['NIN d.o.o.', 'Politika novine i magazini', 'Vreme d.o.o.']), `kvartalna pretplata ${QUART[Math.floor((M(d) - 1) / 3)]}/${Y(d)}`) });
  }

  // --- gym / transport pass / lotto
  if (['employee', 'it', 'student', 'public', 'freelancer'].includes(per) && chance(0.35)) {
    const g = pick(['FIT ZONE GYM', 'SUPERIOR GYM', 'FITPASS', 'GOLD GYM', 'TELO I DUH FITNES', 'SPARTA GYM']);
    const amt = pick([2500, 3000, 3500, 4000, 4500, 5000]) * 100;
    const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.35, stop: 0.35 });
    const dates = monthlySched(from, to, ri(1, 10), { jit: ri(0, 4), skip: 0.05 });
    const riseAt = chance(0.3) ? from + ri(60, 400) : null;
    const s = stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'entertainment', dates, label: 'gym', amtF: (i, d) => (riseAt && d >= riseAt ? amt + 50000 : amt), descF: (i, d, a) => (chance(0.75) ? renderCard(ctx.bank, { m: g, c: ctx.city, d, a }) : ipsMerchant(ctx.bank, T(g) + ' članarina')) });
    if (chance(0.5)) offRhythm(ctx, s, (d) => { const a = pick([800, 1000, 1500, 2500]) * 100; return { desc: renderCard(ctx.bank, { m: g, c: ctx.city, d, a }), a: -a, cat: 'entertainment' }; });
  }
  if ((ctx.city === 'Novi Sad' || ctx.city === 'Niš') && chance(0.4) && per !== 'commuter') {
    const amt = (ctx.city === 'Novi Sad' ? pick([2200, 2600, 1300]) : pick([2500, 1800])) * 100;
    const [from, to] = windowFor(ctx, 'monthly', { lateStart: 0.2, stop: 0.3 });
    const dates = monthlySched(from, to - 5, 1, { jit: 0 }).map((d) => d + ri(0, 5));
    stream(ctx, { dir: 'outgoing', freq: 'monthly', cat: 'transport', dates, label: 'pass', amtF: () => amt, descF: (i, d, a) => renderCard(ctx.bank, { m: ctx.city === 'Novi Sad' ? 'JGSP NOVI SAD' : 'NIS EKSPRES AD', c: ctx.city, d, a }) + (chance(0.5) ? ' mesečna karta' : '') });
  }
  if (chance(0.18)) {
    const amt = pick([200, 300, 400, 600]) * 100;
    const [from, to] = windowFor(ctx, 'weekly', { lateStart: 0.2, stop: 0.2 });
    const dates = weeklySched(from, to, 7, pick([2, 4]), { late: 0.05, skip: 0.06 });
    stream(ctx, { dir: 'outgoing', freq: 'weekly', cat: 'entertainment', dates, label: 'loto', amtF: () => amt, descF: (i, d, a) => renderCard(ctx.bank, { m: pick(['LUTRIJA SRBIJE', 'LUTRIJA SRBIJE ONLINE', 'LOTO LUTRIJA SRBIJE']), c: 'BEOGRAD', d, a }) });
  }

  // --- weekly / biweekly payments to people
  if (['family', 'it', 'employee', 'pensioner', 'public'].includes(per) && chance(0.4)) {
    const pp = { f: pick(FEMALE), l: pick(SURN) };
    const freq = chance(0.55) ? 'weekly' : 'biweekly';
    const amount = pick([2500, 3000, 3500, 4000, 5000]) * 100;
    const [from, to] = windowFor(ctx, freq, { lateStart: 0.3, stop: 0.3 });
    const s = personWeekly(ctx, { freq, purpose: pick(['čišćenje', 'ciscenje stana', 'spremanje', 'za čišćenje', 'pomoć u kući']), amount, from, to, pp, rise: chance(0.3) ? { at: from + ri(60, 300), amount: amount + 50000 } : null });
    if (chance(0.6)) offRhythm(ctx, s, () => ({ desc: ipsPerson(ctx.bank, nameVar(pp, 0), pick(['generalno čišćenje', 'pranje prozora', 'bonus'])), a: -(pick([3000, 5000, 6000]) * 100), cat: 'transfer' }));
  }
  if (per === 'family' && chance(0.45)) {
    const pp = { f: pick([...MALE, ...FEMALE]), l: pick(SURN) };
    const freq = pick(['weekly', 'biweekly', 'biweekly']);
    const [from, to] = windowFor(ctx, freq, { lateStart: 0.4, stop: 0.35 });
    personWeekly(ctx, { freq, purpose: pick(['časovi matematike', 'casovi engleskog', 'čuvanje dece', 'dadilja', 'trening']), amount: pick([2000, 2500, 3000, 6000, 8000]) * 100, from, to, pp });
  }
  if (per === 'family' && chance(0.3)) {
    const kid = { f: pick([...MALE, ...FEMALE]), l: pick(SURN) };
    const [from, to] = windowFor(ctx, 'weekly', { lateStart: 0.3, stop: 0.2 });
    const dates = weeklySched(from, to, 7, pick([1, 5]), { late: 0.1, skip: 0.03 });
    const amt = pick([500, 1000, 1500, 2000]) * 100;
    stream(ctx, { dir: 'outgoing', freq: 'weekly', cat: 'transfer', dates, label: 'pocket money', amtF: () => amt, descF: () => pick([`Prenos na račun ${nameVar(kid, 0)} džeparac`, `IPS ${nameVar(kid, 1)} dzeparac`, `Džeparac ${kid.f}`]) });
  }
  if (['it', 'student', 'freelancer', 'employee'].includes(per) && chance(0.25)) {
    const freq = pick(['weekly', 'biweekly', 'biweekly']);
    const [from, to] = windowFor(ctx, freq, { lateStart: 0.3, stop: 0.3 });
    const dates = weeklySched(from, to, freq === 'weekly' ? 7 : 14, ri(1, 5), { late: 0.1, skip: 0.04 });
    const amt = pick([2000, 3000, 5000, 10000]) * 100;
    stream(ctx, { dir: 'outgoing', freq, cat: 'transfer', dates, label: 'revolut', amtF: () => amt, descF: (i, d) => renderCard(ctx.bank, { m: 'REVOLUT**' + digits(4) + '*', c: 'DUBLIN', cc: 'IRL', d, a: amt }) });
  }

  // --- noise
  noise(ctx, P);
  // irregular transfers with one relative (hard negative: same payee, no rhythm)
  if (chance(0.5)) { const rel = person(); for (let i = 0; i < ri(3, 9); i++) { const d = ri(ctx.start, ctx.today); const incoming = chance(0.4); addTx(ctx, d, (incoming ? 1 : -1) * ri(2, 50) * 1000 * 100, incoming ? `Uplata od ${nameVar(rel, 0)}` : ipsPerson(ctx.bank, nameVar(rel, 0), pick(['', 'pozajmica', 'za lekove', 'poklon'])), 'transfer'); } }

  CARD = null;
  return finalize(ctx);
}

function finalize(ctx) {
  // drop ambiguous streams (between 1.5 and 2.6 periods since last member)
  const keep = [];
  for (const s of ctx.streams) {
    const P = PER[s.freq];
    const last = s.members[s.members.length - 1].d;
    const gap = ctx.today - last;
    s.is_active = gap <= 1.5 * P;
    if (!s.is_active && gap < 2.6 * P) { for (const t of s.members) t.dropped = true; ctx.dropped = (ctx.dropped || 0) + 1; continue; }
    keep.push(s);
  }
  ctx.streams = keep;
  const txs = ctx.txs.filter((t) => !t.dropped).sort((a, b) => a.d - b.d || a.seq - b.seq);
  txs.forEach((t, i) => { t.id = `${ctx.id}-${String(i + 1).padStart(4, '0')}`; });
  for (const t of txs) if (t.stream && t.pending) throw new Error('pending member');
  const out = {
    id: ctx.id, today: iso(ctx.today), note: ctx.note,
    transactions: txs.map((t) => ({ id: t.id, date: iso(t.d), amount: t.a, description: t.desc, category: t.cat, pending: t.pending })),
    streams: ctx.streams.map((s) => {
      const ams = s.members.map((t) => t.a);
      return {
        direction: s.dir, frequency: s.freq, amount_type: ams.every((a) => a === ams[0]) ? 'fixed' : 'variable', category: s.cat, is_active: s.is_active,
        transaction_ids: s.members.map((t) => t.id),
      };
    }),
  };
  // assertions
  const ids = new Set();
  for (const s of out.streams) for (const id of s.transaction_ids) { if (ids.has(id)) throw new Error('dup member'); ids.add(id); }
  for (const s of ctx.streams) { if (s.members.length < MIN[s.freq]) throw new Error('min'); for (const t of s.members) if (t.cat !== s.cat) throw new Error('cat'); if ((s.dir === 'incoming') !== (s.members[0].a > 0)) throw new Error('dir'); }
  out._dropped = ctx.dropped || 0;
  return out;
}

// ---------------------------------------------------------------- main
const tsv = genTSV();
const hist = [];
for (let i = 0; i < 54; i++) hist.push(genHistory(i));
let dropped = 0; for (const h of hist) { dropped += h._dropped; delete h._dropped; }

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'categorize-blind.tsv'), tsv.map((r) => r.join('\t')).join('\n') + '\n');
// JSON: one transaction / stream per line for readability, deterministic
const js = '[\n' + hist.map((h) => {
  const tx = h.transactions.map((t) => '      ' + JSON.stringify(t)).join(',\n');
  const st = h.streams.map((s) => '      ' + JSON.stringify(s)).join(',\n');
  return `  {\n    "id": ${JSON.stringify(h.id)},\n    "today": ${JSON.stringify(h.today)},\n    "note": ${JSON.stringify(h.note)},\n    "transactions": [\n${tx}\n    ],\n    "streams": [\n${st}\n    ]\n  }`;
}).join(',\n') + '\n]\n';
fs.writeFileSync(path.join(OUT, 'recurring-blind.json'), js);

// summary
const cnt = (arr, f) => { const o = {}; for (const x of arr) { const k = f(x); o[k] = (o[k] || 0) + 1; } return Object.fromEntries(Object.entries(o).sort()); };
const allS = hist.flatMap((h) => h.streams);
const allT = hist.flatMap((h) => h.transactions);
const months = hist.map((h) => { const d0 = D(h.transactions[0].date); return Math.round((D(h.today) - d0) / 30.44); });
const summary = {
  seed: SEED,
  categorize: { rows: tsv.length, per_category: cnt(tsv, (r) => r[2]), credits: tsv.filter((r) => +r[1] > 0).length, debits: tsv.filter((r) => +r[1] < 0).length },
  recurring: {
    histories: hist.length, transactions: allT.length, pending: allT.filter((t) => t.pending).length, stream_members: allS.reduce((a, s) => a + s.transaction_ids.length, 0),
    history_months: { min: Math.min(...months), max: Math.max(...months), ge18: months.filter((m) => m >= 18).length },
    transactions_per_category: cnt(allT, (t) => t.category),
    streams: allS.length, per_frequency: cnt(allS, (s) => s.frequency), per_category: cnt(allS, (s) => s.category), active: allS.filter((s) => s.is_active).length,
    inactive: allS.filter((s) => !s.is_active).length, fixed: allS.filter((s) => s.amount_type === 'fixed').length, variable: allS.filter((s) => s.amount_type === 'variable').length,
    direction: cnt(allS, (s) => s.direction), ambiguous_streams_dropped_by_generator: dropped,
  },
};
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify(summary, null, 1));
