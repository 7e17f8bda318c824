// Blind batch 9 generator. Node 20 ESM, no dependencies. node generate.mjs [outdir]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] || HERE);
fs.mkdirSync(OUT, { recursive: true });

function mulberry32(a) { return function () { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const R = mulberry32(91309);
const ri = (a, b) => a + Math.floor(R() * (b - a + 1));
const pick = (a) => a[Math.floor(R() * a.length)];
const chance = (p) => R() < p;
const rf = (a, b) => a + R() * (b - a);

// ---------- text helpers ----------
const strip = (s) => s.replace(/đ/g, 'dj').replace(/Đ/g, 'Dj').replace(/[čć]/g, 'c').replace(/[ČĆ]/g, 'C').replace(/š/g, 's').replace(/Š/g, 'S').replace(/ž/g, 'z').replace(/Ž/g, 'Z');
const UP = (s) => strip(s).toUpperCase().replace(/DJ/g, 'DJ');
const CYR = { 'lj': 'љ', 'nj': 'њ', 'dž': 'џ', 'Lj': 'Љ', 'Nj': 'Њ', 'Dž': 'Џ', 'LJ': 'Љ', 'NJ': 'Њ', 'DŽ': 'Џ' };
const CYR1 = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function cyr(s) {
  if (/\s/.test(s)) return s.split(/(\s+)/).map((w) => (/[ywqxYWQX]/.test(w) ? w : cyr1(w))).join('');
  return /[ywqxYWQX]/.test(s) ? s : cyr1(s);
}
function cyr1(s) {
  let o = '';
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2);
    if (CYR[two]) { o += CYR[two]; i++; continue; }
    const ch = s[i], lo = ch.toLowerCase();
    if (CYR1[lo]) o += ch === lo ? CYR1[lo] : CYR1[lo].toUpperCase();
    else o += ch;
  }
  return o;
}
const pad2 = (n) => String(n).padStart(2, '0');
const n4 = () => String(ri(0, 9999)).padStart(4, '0');
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];

// ---------- dates (UTC day numbers) ----------
const DAY = 86400000;
const toD = (s) => Math.round(Date.parse(s + 'T00:00:00Z') / DAY);
const fromD = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const ymd = (d) => { const x = new Date(d * DAY); return [x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()]; };
const mkD = (y, m, dd) => { const last = new Date(Date.UTC(y, m, 0)).getUTCDate(); return Math.round(Date.UTC(y, m - 1, Math.min(dd, last)) / DAY); };
const addMonths = (d, k, day) => { const [y, m, dd] = ymd(d); const t = (y * 12 + (m - 1)) + k; return mkD(Math.floor(t / 12), (t % 12) + 1, day ?? dd); };
const dmy = (d) => { const [y, m, dd] = ymd(d); return `${pad2(dd)}.${pad2(m)}.${y}`; };
const mmyy = (d) => { const [y, m] = ymd(d); return `${pad2(m)}/${y}`; };

// ---------- places ----------
const TOWNS = [['Sombor', 'SO'], ['Subotica', 'SU'], ['Kikinda', 'KI'], ['Zrenjanin', 'ZR'], ['Pančevo', 'PA'], ['Vršac', 'VŠ'], ['Sremska Mitrovica', 'SM'], ['Ruma', 'RU'], ['Šabac', 'ŠA'], ['Valjevo', 'VA'], ['Loznica', 'LO'], ['Čačak', 'ČA'], ['Kraljevo', 'KV'], ['Kruševac', 'KŠ'], ['Užice', 'UE'], ['Novi Pazar', 'NP'], ['Jagodina', 'JA'], ['Ćuprija', 'ĆU'], ['Paraćin', 'PN'], ['Smederevo', 'SD'], ['Požarevac', 'PO'], ['Zaječar', 'ZA'], ['Bor', 'BO'], ['Negotin', 'NG'], ['Pirot', 'PI'], ['Leskovac', 'LE'], ['Vranje', 'VR'], ['Prokuplje', 'PK'], ['Aranđelovac', 'AR'], ['Gornji Milanovac', 'GM'], ['Novi Sad', 'NS'], ['Niš', 'NI'], ['Kragujevac', 'KG'], ['Beograd', 'BG'], ['Inđija', 'IN'], ['Bačka Palanka', 'BP'], ['Sjenica', 'SJ'], ['Knjaževac', 'KNJ']];
const STREETS = ['Kralja Petra I', 'Njegoševa', 'Cara Dušana', 'Bulevar oslobođenja', 'Svetosavska', 'Karađorđeva', 'Vojvode Mišića', 'Železnička', 'Nemanjina', 'Vuka Karadžića', 'Omladinska', 'Partizanska', 'Zmaj Jovina', 'Jug Bogdanova', 'Kneza Miloša'];
const FIRST_M = ['Marko', 'Nikola', 'Stefan', 'Miloš', 'Dragan', 'Zoran', 'Nenad', 'Dejan', 'Aleksandar', 'Vladimir', 'Goran', 'Ivan', 'Milan', 'Đorđe', 'Uroš', 'Lazar', 'Bojan', 'Saša', 'Predrag', 'Dušan', 'Slobodan', 'Vuk', 'Nemanja', 'Branislav', 'Živko', 'Radoš'];
const FIRST_F = ['Jelena', 'Milica', 'Ana', 'Marija', 'Ivana', 'Snežana', 'Dragana', 'Jovana', 'Tijana', 'Gordana', 'Vesna', 'Biljana', 'Maja', 'Sanja', 'Ljiljana', 'Nataša', 'Danijela', 'Tamara', 'Mirjana', 'Slađana', 'Katarina', 'Teodora', 'Nevena', 'Zorica', 'Radmila', 'Dušica'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Kovačević', 'Todorović', 'Živković', 'Ristić', 'Savić', 'Lukić', 'Mitić', 'Jovičić', 'Obradović', 'Vasić', 'Tomić', 'Đukić', 'Krstić', 'Radosavljević', 'Stevanović', 'Šarić', 'Milovanović', 'Nedeljković', 'Grujić', 'Babić', 'Ćirić', 'Lazić', 'Janković', 'Mladenović', 'Kostić', 'Filipović', 'Žunić'];
function person(fem) { const f = (fem ?? chance(0.5)) ? pick(FIRST_F) : pick(FIRST_M); return [f, pick(LAST)]; }
function personText([f, l], style) {
  switch (style ?? ri(0, 5)) {
    case 0: return `${f} ${l}`;
    case 1: return UP(`${l} ${f}`);
    case 2: return strip(`${f} ${l}`);
    case 3: return UP(`${f} ${l}`);
    case 4: return `${strip(l)} ${f[0]}.`;
    default: return cyr(`${f} ${l}`);
  }
}

// ---------- merchants ----------
const SHOPNAMES = ['Kod Mike', 'Jelena', 'Dva brata', 'Sunce', 'Ravnica', 'Zora', 'Milica', 'Lane', 'Stefan', 'Bosa', 'Kod Žike', 'Vesna', 'Jovana', 'Anđela', 'Dunav', 'Banat', 'Srem', 'Morava', 'Zlatibor', 'Rtanj', 'Centar', 'Mladost', 'Lipa', 'Sloga', 'Đurđa', 'Kruna', 'Nada', 'Neven', 'Miki', 'Lola', 'Sara', 'Gaga', 'Maja', 'Deki', 'Bata', 'Cile', 'Raja', 'Duga', 'Stara čaršija', 'Kod crkve', 'Trešnja', 'Bagrem', 'Jasen', 'Kapija', 'Most', 'Kod Save', 'Tri šešira', 'Lipov lad', 'Zvezda', 'Orao', 'Ćira', 'Šumadija', 'Podrinje', 'Timok', 'Vlasina', 'Kod Peđe', 'Mile i sinovi', 'Ćoše', 'Avlija', 'Ognjište', 'Žito', 'Klas', 'Komšija', 'Drina', 'Ibar', 'Toplica', 'Kosa', 'Mirjana', 'Žaklina', 'Dušan', 'Mika Alas', 'Beli bor', 'Plavi čuperak', 'Lux', 'Elita', 'Prestiž', 'Ekstra', 'Mina', 'Tasa', 'Ljubica', 'Bojana', 'Njegoš', 'Džervin'];
const LOCAL = {
  groceries: [['Prodavnica', ['STR', 'PR', 'TR', 'SZR'], 150, 3500], ['Mini market', ['STR', 'PR', 'DOO'], 150, 4000], ['Market', ['DOO', 'STR', 'PR'], 300, 6000], ['Samousluga', ['STR', 'TR'], 200, 5000], ['Mesara', ['SZR', 'STR', 'PR'], 700, 6000], ['Mesara i delikates', ['SZR', 'DOO'], 600, 5500], ['Delikatesi', ['DOO', 'STR'], 400, 4500], ['Trafika', ['STR', 'PR'], 80, 900], ['Kiosk', ['STR', 'PR'], 80, 700], ['Apoteka', ['ZU', 'DOO'], 250, 6000], ['Stomatološka ordinacija', ['PR', 'ZU'], 2500, 30000], ['Ordinacija opšte prakse', ['ZU', 'PR'], 2500, 9000], ['Laboratorija', ['ZU', 'DOO'], 1500, 12000], ['Optika', ['SZR', 'DOO'], 2000, 28000], ['Butik', ['STR', 'PR'], 1500, 14000], ['Obuća', ['STR', 'DOO'], 2500, 15000], ['Prodavnica zdrave hrane', ['STR', 'DOO'], 300, 4000], ['Voćara', ['STR', 'PR'], 150, 2500], ['Ribarnica', ['STR', 'PR'], 600, 5000], ['Gvožđara', ['STR', 'DOO'], 300, 8000], ['Papirnica', ['STR', 'PR'], 100, 3000], ['Kozmetika', ['STR', 'DOO'], 300, 5000], ['Mlekara', ['DOO', 'SZR'], 150, 2500], ['Pijaca', ['JKP'], 200, 3000], ['Poliklinika', ['ZU'], 3000, 18000], ['Veterinarska apoteka', ['DOO'], 400, 4000]],
  dining: [['Pekara', ['SZR', 'PR', 'DOO'], 60, 900], ['Poslastičarnica', ['SZR', 'PR'], 150, 2500], ['Kafana', ['SUR', 'UR', 'PR'], 900, 7500], ['Kafić', ['SUR', 'UR'], 180, 1800], ['Caffe bar', ['SUR', 'UR'], 180, 1800], ['Picerija', ['SUR', 'DOO'], 600, 4500], ['Roštilj', ['SUR', 'UR'], 400, 3500], ['Ćevabdžinica', ['SUR', 'PR'], 400, 2500], ['Buregdžinica', ['SZR', 'SUR'], 120, 900], ['Restoran', ['DOO', 'SUR'], 1500, 9500], ['Pivnica', ['SUR'], 500, 4000], ['Bistro', ['DOO', 'SUR'], 700, 4500], ['Gelateria', ['SZR'], 150, 1200], ['Fast food', ['SUR', 'PR'], 350, 1800], ['Giros', ['SUR'], 350, 1200], ['Palačinkarnica', ['SUR'], 250, 1500], ['Etno restoran', ['DOO'], 1800, 9000], ['Kantina', ['DOO'], 250, 900], ['Pekara i burekdžinica', ['SZR'], 80, 800]],
  transport: [['Auto servis', ['SZR', 'DOO'], 3000, 45000], ['Vulkanizer', ['SZR', 'ZR'], 800, 6000], ['Auto perionica', ['SZR', 'PR'], 400, 2500], ['Tehnički pregled', ['DOO'], 2500, 6000], ['Auto električar', ['SZR'], 1500, 12000], ['Taxi', ['PR'], 250, 2200], ['Benzinska pumpa', ['DOO'], 2000, 8000]],
  entertainment: [['Teretana', ['SZR', 'DOO'], 300, 4500], ['Fitnes centar', ['DOO', 'SZR'], 300, 5000], ['Sportski centar', ['JP', 'DOO'], 300, 2500], ['Bazen', ['JP'], 300, 900], ['Kuglana', ['DOO'], 500, 2500], ['Igraonica', ['PR', 'DOO'], 600, 3500], ['Bioskop', ['DOO'], 400, 1800], ['Knjižara', ['STR', 'DOO'], 500, 4500], ['Escape room', ['DOO'], 2000, 6000], ['Hotel', ['DOO'], 5000, 25000], ['Karting', ['DOO'], 1500, 5000], ['Plesni studio', ['PR'], 1500, 4500], ['Joga studio', ['PR'], 1200, 4500], ['Kladionica', ['DOO'], 100, 3000]],
};
const CHAINS = {
  groceries: [['MAXI', 500, 12000, 1], ['IDEA', 400, 9000, 1], ['LIDL SRBIJA KD', 500, 12000, 0], ['UNIVEREXPORT', 300, 8000, 1], ['DIS DOO', 500, 12000, 0], ['RODA', 500, 10000, 1], ['MERCATOR-S', 400, 9000, 0], ['AMAN DOO', 200, 5000, 1], ['TEMPO', 800, 14000, 0], ['GOMEX', 200, 6000, 1], ['TIF DOO', 200, 5000, 1], ['DM DROGERIE MARKT', 300, 5000, 0], ['LILLY DROGERIE', 250, 4000, 1], ['BENU APOTEKA', 250, 6000, 1], ['APOTEKA JANKOVIC', 250, 6000, 1], ['GIGATRON', 1500, 90000, 0], ['TEHNOMANIJA', 1500, 80000, 0], ['WINWIN', 1500, 80000, 0], ['IKEA BEOGRAD', 1000, 40000, 0], ['JYSK', 800, 25000, 0], ['EMMEZETA', 800, 30000, 0], ['SPORT VISION', 2500, 18000, 0], ['LC WAIKIKI', 1200, 9000, 0], ['ALIEXPRESS', 300, 8000, 0], ['TEMU.COM', 400, 7000, 0], ['AMZN Mktp DE', 1500, 20000, 0], ['PAYPAL *EBAY', 900, 15000, 0], ['SHOPPSTER', 1500, 30000, 0], ['KUPINDO', 500, 6000, 0], ['ZARA', 2500, 12000, 0], ['DEICHMANN', 2500, 9000, 0], ['BEBAKIDS', 800, 8000, 0]],
  dining: [["MCDONALD'S", 400, 2500, 1], ['KFC', 500, 2200, 1], ['BURGER KING', 450, 2200, 1], ['HLEB I KIFLE', 80, 800, 1], ['PEKABETA', 80, 700, 1], ['WOLT', 700, 4000, 0], ['GLOVO', 600, 3500, 0], ['DONESI.COM', 700, 3500, 0], ['WALTER CEVABDZINICA', 600, 2500, 1], ['MORAVKA PEKARA', 80, 700, 1], ['TOMA PEKARA', 80, 700, 1], ['COFFEE DREAM', 250, 900, 1], ['GREENET', 250, 900, 1], ['CHUCK NORRIS BURGER', 700, 2000, 1], ['SPORTS CAFE', 500, 3500, 0], ['PROJECT 72 WINE', 2500, 9000, 0]],
  transport: [['NIS PETROL BS', 2000, 9000, 1], ['GAZPROM BS', 2000, 9000, 1], ['OMV SRBIJA', 2000, 9500, 1], ['MOL SERBIA', 2000, 9000, 1], ['LUKOIL SRBIJA', 2000, 8500, 1], ['EKO SERBIA', 2000, 8500, 1], ['CARGO', 300, 2500, 0], ['YANDEX GO', 300, 2500, 0], ['NAXI TAXI', 300, 2500, 0], ['PINK TAXI', 300, 2200, 0], ['BUSPLUS', 89, 3500, 0], ['PARKING SERVIS', 70, 400, 0], ['PUTEVI SRBIJE', 230, 2700, 0], ['SRBIJAVOZ', 350, 3000, 0], ['LASTA AD', 700, 3500, 0], ['NIS EKSPRES', 600, 2800, 0], ['AIR SERBIA', 9000, 45000, 0], ['WIZZ AIR', 4000, 25000, 0], ['JGSP NOVI SAD', 80, 3000, 0], ['AMSS CENTAR ZA MOTORNA VOZILA', 2500, 9000, 0], ['FLIXBUS', 900, 5000, 0]],
  entertainment: [['CINEPLEXX', 450, 2500, 1], ['EVENTIM', 1500, 12000, 0], ['TICKETS.RS', 800, 9000, 0], ['MOZZART', 100, 5000, 0], ['MAXBET', 100, 5000, 0], ['SOCCERBET', 100, 4000, 0], ['VULKAN KNJIZARE', 600, 4500, 1], ['DELFI KNJIZARE', 600, 4500, 1], ['BOOKING.COM', 6000, 60000, 0], ['AIRBNB', 8000, 70000, 0], ['STEAMGAMES.COM', 500, 7000, 0], ['PLAYSTATION STORE', 900, 9000, 0], ['NARODNO POZORISTE', 800, 3500, 0], ['MUZEJ VOJVODINE', 200, 800, 0], ['ADA CIGANLIJA', 200, 1500, 0], ['KOMBANK DVORANA', 700, 3000, 0], ['GOLD GYM', 2500, 5500, 0], ['LEGENDS GYM', 2500, 5000, 0], ['PLANET FITNESS', 2000, 4500, 0], ['DRZAVNA LUTRIJA SRBIJE', 100, 1500, 0], ['FUN PARK', 600, 2500, 0], ['LAGUNA KLUB CITALACA', 600, 4000, 0]],
};
let TOWN_SPLIT_USED = null;
function localMerchant(cat, town) {
  const [kind, forms, lo, hi] = pick(LOCAL[cat]);
  const form = pick(forms);
  let name = pick(SHOPNAMES);
  if (kind === 'Pijaca') name = pick(['Zelena pijaca', 'Gradska pijaca', 'Kvantaška pijaca', 'Pijaca Centar']);
  if (kind === 'Taxi') name = pick(['Lux', 'Maxi taxi', 'Plavi', 'Kraljica', 'City', 'Beli', 'Žuti']);
  if (kind === 'Sportski centar' || kind === 'Bazen') name = town;
  return { cat, kind, form, name, town, local: true, lo, hi };
}
function chainMerchant(cat, town) {
  const [name, lo, hi, store] = pick(CHAINS[cat]);
  return { cat, kind: 'chain', name: store && chance(0.6) ? `${name} ${String(ri(1, 990)).padStart(ri(3, 4), '0')}` : name, town: store ? town : null, local: false, lo, hi };
}
// render a merchant as printed by a channel: style 'pos' | 'eb' | 'cyr'
function mText(m, style, v) {
  if (!m.local) {
    let s = m.name + (m.town && style !== 'short' ? ' ' + UP(m.town) : '');
    if (style === 'cyr' && /^(MAXI|IDEA|RODA|GOMEX|UNIVEREXPORT|AMAN|APOTEKA|BENU|NIS|DIS|HLEB|PEKABETA)/.test(m.name)) s = cyr(s.toLowerCase()).toUpperCase();
    if (style === 'eb' && v % 3 === 1) s = s.split(' ').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
    return s;
  }
  const k = m.kind, n = m.name, f = m.form;
  let base;
  switch (v % 6) {
    case 0: base = `${k} ${n} ${f}`; break;
    case 1: base = `${f} ${k} ${n}`; break;
    case 2: base = `${k} "${n}"`; break;
    case 3: base = `${f} ${UP(k)} ${UP(n)}`; break;
    case 4: base = `${f} "${k} ${n}"`; break;
    default: base = `${k} ${n}`;
  }
  if (k === 'Pijaca') base = `JKP ${n}`;
  if (style === 'pos') { let s = UP(base); if (s.length > 22 && v % 4 === 0) s = s.slice(0, 22).trim(); return s + ' ' + UP(m.town); }
  if (style === 'cyr') return cyr(base) + ' ' + cyr(m.town);
  return (v % 2 ? strip(base) : base) + ' ' + (v % 2 ? strip(m.town) : m.town);
}
const mask = (v) => [`4***${n4()}`, `5xxx xxxx xxxx ${n4()}`, `***${n4()}`, `4111 **** **** ${n4()}`, `536412******${n4()}`, `Dina ${n4().slice(0, 2)}** **** ${n4()}`][v % 6];

// ---------- banks and channel wordings ----------
const BANKS = [
  { id: 'intesa', name: 'Banca Intesa', st: 'pos',
    card: [(m, d, c) => `POS KUPOVINA ${m} RS`, (m, d, c) => `Kupovina karticom ${c} ${m}`],
    ips: [(p, w) => `IPS placanje ${p}${w ? ' - ' + w : ''}`, (p, w) => `IPS NBS prenos - ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Nalog za placanje ${code} ${p}${w ? ' - ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Direktno zaduzenje ${p}${w ? ' ' + w : ''}`],
    inc: [(p, w) => `Priliv ${p}${w ? ' - ' + w : ''}`, (p, w) => `IPS priliv ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `Isplata gotovine ATM BI ${UP(t)} ${dmy(d)}`,
    fee: { acct: 'Naknada za vodjenje racuna', xfer: 'Provizija za prenos sredstava', atm: 'Naknada za isplatu na ATM druge banke', card: 'Godisnja clanarina za karticu' } },
  { id: 'otp', name: 'OTP banka Srbija', st: 'eb',
    card: [(m, d, c) => `Platna kartica ${c} kupovina: ${m}`, (m, d, c) => `Kupovina ${dmy(d)} ${m}`],
    ips: [(p, w) => `Instant plaćanje (IPS) - ${p}${w ? ', ' + w : ''}`],
    order: [(p, w, code) => `E-nalog ${code} ${p}${w ? ' ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog br. ${ri(100, 999)} ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Zaduženje po ovlašćenju - ${p}${w ? ' ' + w : ''}`],
    inc: [(p, w) => `Uplata od ${p}${w ? ' - ' + w : ''}`],
    atm: (t, d) => `Podizanje gotovine OTP ATM ${strip(t)}`,
    fee: { acct: 'Mesečna naknada za paket', xfer: 'Provizija za prenos', atm: 'Provizija ATM druge banke', card: 'Članarina za karticu Visa Classic' } },
  { id: 'rba', name: 'Raiffeisen banka', st: 'pos',
    card: [(m, d, c) => `VISA kupovina ${dmy(d)} ${m} SRB`, (m, d, c) => `Mastercard ${c} ${m}`],
    ips: [(p, w) => `IPS prenos ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Plaćanje računa ${p}${w ? ' ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog RBA ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Direktno zaduženje RBA ${p}${w ? ' ' + w : ''}`],
    inc: [(p, w) => `Priliv sredstava ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `ATM isplata RBA ${UP(t)}`,
    fee: { acct: 'Naknada za održavanje računa', xfer: 'Naknada za nalog', atm: 'Naknada ATM isplata', card: 'Godišnja članarina kartica' } },
  { id: 'unicredit', name: 'UniCredit Bank Srbija', st: 'pos',
    card: [(m, d, c) => `Card purchase ${m} RS`, (m, d, c) => `Purchase ${fromD(d)} ${c} ${m}`],
    ips: [(p, w) => `IPS instant payment to ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Outgoing payment ${p}${w ? ' - ' + w : ''}`],
    standing: [(p, w) => `Standing order ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Direct debit ${p}${w ? ' ' + w : ''}`],
    inc: [(p, w) => `Incoming payment ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `ATM withdrawal ${UP(t)} ${fromD(d)}`,
    fee: { acct: 'Account maintenance fee', xfer: 'Payment order fee', atm: 'ATM fee other bank', card: 'Annual card fee' } },
  { id: 'aik', name: 'AIK banka', st: 'pos',
    card: [(m, d, c) => `KUPOVINA POS ${m}`],
    ips: [(p, w) => `IPS QR PLACANJE ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    order: [(p, w, code) => `PLACANJE ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    standing: [(p, w) => `TRAJNI NALOG ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    dd: [(p, w) => `DIREKTNO ZADUZENJE ${UP(p)}`],
    inc: [(p, w) => `PRILIV ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    atm: (t, d) => `ISPLATA BANKOMAT AIK ${UP(t)}`,
    fee: { acct: 'NAKNADA ZA VODJENJE RACUNA', xfer: 'PROVIZIJA', atm: 'PROVIZIJA BANKOMAT', card: 'CLANARINA ZA KARTICU' } },
  { id: 'erste', name: 'Erste Bank', st: 'eb',
    card: [(m, d, c) => `Kartica Mastercard ${c} ${m}`, (m, d, c) => `Plaćanje karticom ${m} ${dmy(d)}`],
    ips: [(p, w) => `IPS Skeniraj i plati - ${p}${w ? ' ' + w : ''}`, (p, w) => `IPS Pokaži - ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Prenos sredstava ${p}${w ? ' - ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog ${p}${w ? ' - ' + w : ''}`],
    dd: [(p, w) => `Direktno zaduženje ${p}`],
    inc: [(p, w) => `Uplata ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `Bankomat Erste ${t} isplata`,
    fee: { acct: 'Naknada za vođenje tekućeg računa', xfer: 'Provizija za platni promet', atm: 'Naknada za isplatu gotovine', card: 'Članarina za karticu' } },
  { id: 'postanska', name: 'Banka Poštanska štedionica', st: 'pos',
    card: [(m, d, c) => `Dina kartica kupovina ${m}`, (m, d, c) => `Kupovina POS ${c} ${m}`],
    ips: [(p, w) => `IPS ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Uplatnica ${code} ${p}${w ? ' ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Zaduženje po ovlašćenju ${p}`],
    inc: [(p, w) => `Priliv ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `Bankomat PS ${UP(t)} isplata`,
    fee: { acct: 'Naknada za vodjenje racuna', xfer: 'Provizija platni promet', atm: 'Naknada bankomat', card: 'Clanarina Dina kartica' } },
  { id: 'nlb', name: 'NLB Komercijalna banka', st: 'cyr',
    card: [(m, d, c) => `КУПОВИНА ПОС ${m}`, (m, d, c) => `Куповина картицом ${c} ${m}`],
    ips: [(p, w) => `ИПС плаћање ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Налог за пренос ${code} ${p}${w ? ' ' + w : ''}`],
    standing: [(p, w) => `Трајни налог ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Директно задужење ${p}`],
    inc: [(p, w) => `Прилив ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `Исплата готовине банкомат ${cyr(t)}`,
    fee: { acct: 'Накнада за вођење рачуна', xfer: 'Провизија за пренос', atm: 'Накнада банкомат друге банке', card: 'Чланарина за картицу' } },
  { id: 'addiko', name: 'Addiko Bank', st: 'pos',
    card: [(m, d, c) => `Purchase ${m} ${dmy(d)}`],
    ips: [(p, w) => `Transfer to ${p}${w ? ' ' + w : ''}`],
    order: [(p, w, code) => `Payment order ${code} ${p}${w ? ' ' + w : ''}`],
    standing: [(p, w) => `Standing order ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Direct debit ${p}`],
    inc: [(p, w) => `Incoming transfer ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `Cash withdrawal ATM ${UP(t)}`,
    fee: { acct: 'Monthly account fee', xfer: 'Transfer fee', atm: 'Cash withdrawal fee', card: 'Card membership fee' } },
  { id: 'procredit', name: 'ProCredit Bank', st: 'pos',
    card: [(m, d, c) => `POS ${c} ${m}`],
    ips: [(p, w) => `IPS ${p}${w ? ' / ' + w : ''}`],
    order: [(p, w, code) => `Elektronski nalog ${p}${w ? ' / ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog / ${p}${w ? ' / ' + w : ''}`],
    dd: [(p, w) => `Direktno zaduzenje / ${p}`],
    inc: [(p, w) => `Odobrenje ${p}${w ? ' / ' + w : ''}`],
    atm: (t, d) => `Isplata gotovine ProCredit ${UP(t)}`,
    fee: { acct: 'Naknada za paket racuna', xfer: 'Naknada za prenos', atm: 'Naknada isplata ATM', card: 'Naknada za karticu' } },
  { id: 'direktna', name: 'Eurobank Direktna', st: 'eb',
    card: [(m, d, c) => `Kupovina na POS terminalu ${m}`],
    ips: [(p, w) => `IPS plaćanje ${p}${w ? ' - ' + w : ''}`],
    order: [(p, w, code) => `Plaćanje ${code} ${p}${w ? ' ' + w : ''}`],
    standing: [(p, w) => `Trajni nalog ${p}${w ? ' ' + w : ''}`],
    dd: [(p, w) => `Direktno zaduženje ${p}`],
    inc: [(p, w) => `Priliv na račun ${p}${w ? ' ' + w : ''}`],
    atm: (t, d) => `Isplata gotovine bankomat ${t}`,
    fee: { acct: 'Naknada za vođenje računa', xfer: 'Provizija za prenos', atm: 'Naknada za ATM', card: 'Članarina za karticu' } },
  { id: 'halk', name: 'Halkbank', st: 'pos',
    card: [(m, d, c) => `POS TRANSAKCIJA ${m} ${dmy(d)}`],
    ips: [(p, w) => `IPS PRENOS ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    order: [(p, w, code) => `NALOG ${code} ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    standing: [(p, w) => `TRAJNI NALOG ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    dd: [(p, w) => `DIREKTNO ZADUZENJE ${UP(p)}`],
    inc: [(p, w) => `PRILIV ${UP(p)}${w ? ' ' + UP(w) : ''}`],
    atm: (t, d) => `ATM ISPLATA ${UP(t)}`,
    fee: { acct: 'NAKNADA ZA ODRZAVANJE RACUNA', xfer: 'PROVIZIJA ZA PRENOS', atm: 'NAKNADA ATM', card: 'GODISNJA NAKNADA ZA KARTICU' } },
];
const BANK = Object.fromEntries(BANKS.map((b) => [b.id, b]));
function mTextFor(b, m, v) { return mText(m, b.st === 'cyr' ? (m.local ? 'cyr' : 'cyr') : b.st, v); }
function cardLine(b, m, d, v) { const f = b.card[v % b.card.length]; return f(mTextFor(b, m, v), d, mask(v)); }
const W = (b, s) => (b.st === 'cyr' ? cyr(s) : s); // purpose words in bank language

// ---------- employers / payees ----------
const EMPLOYERS = ['NIS AD NOVI SAD', 'TELEKOM SRBIJA AD', 'JP EPS BEOGRAD', 'JP SRBIJAGAS NOVI SAD', 'GORENJE DOO VALJEVO', 'TIGAR TYRES DOO PIROT', 'HBIS GROUP SERBIA IRON & STEEL DOO', 'SERBIA ZIJIN COPPER DOO BOR', 'STELLANTIS SERBIA DOO KRAGUJEVAC', 'YURA CORPORATION DOO RACA', 'LEONI WIRING SYSTEMS SOUTHEAST DOO PROKUPLJE', 'CONTINENTAL AUTOMOTIVE SERBIA DOO NOVI SAD', 'ROBERT BOSCH DOO', 'NELT CO DOO', 'DELHAIZE SERBIA DOO', 'GRUNDFOS SRBIJA DOO INDJIJA', 'OS VUK KARADZIC', 'DOM ZDRAVLJA', 'GRADSKA UPRAVA', 'OPSTINSKA UPRAVA', 'KLINICKI CENTAR', 'MLEKARA SABAC DOO', 'METALAC AD GORNJI MILANOVAC', 'FAKULTET TEHNICKIH NAUKA', 'PIONIR DOO', 'SWISSLION TAKOVO DOO', 'FRIKOM DOO', 'ATLANTIC GRUPA DOO', 'MK GROUP DOO', 'IMLEK AD', 'BAMBI AD POZAREVAC', 'COMTRADE DOO', 'NORDEUS DOO', 'ENDAVA DOO', 'HTEC DOO', 'SIMPO AD VRANJE', 'ZASTAVA ORUZJE AD', 'JKP VODOVOD', 'POSTA SRBIJE AD', 'ZELEZNICE SRBIJE AD'];
function employerFor(town) { let e = pick(EMPLOYERS); if (/^(DOM ZDRAVLJA|GRADSKA UPRAVA|OPSTINSKA UPRAVA|KLINICKI CENTAR|JKP VODOVOD|OS VUK)/.test(e)) e += ' ' + UP(town); return e; }
function pioText(b) { return b.st === 'cyr' ? 'РФ ПИО' : pick(['RF PIO', 'Republicki fond PIO', 'PIO FOND']); }

function heating(town) { return { 'Beograd': 'JKP Beogradske elektrane', 'Novi Sad': 'JKP Novosadska toplana', 'Niš': 'JKP Gradska toplana Niš', 'Kragujevac': 'JKP Energetika Kragujevac' }[town] || `JKP Toplana ${town}`; }
function water(town) { return { 'Beograd': 'JKP Beogradski vodovod i kanalizacija', 'Novi Sad': 'JKP Vodovod i kanalizacija Novi Sad', 'Niš': 'JKP Naissus Niš' }[town] || `JKP Vodovod ${town}`; }
function cityBill(town) { return { 'Beograd': 'JKP Infostan tehnologije', 'Novi Sad': 'JKP Informatika Novi Sad', 'Kragujevac': 'JKP Gradska stambena Kragujevac' }[town] || pick([`JKP Komunalac ${town}`, `JKP Čistoća ${town}`, `JKP Stan ${town}`, `JKP Direkcija ${town}`]); }
const KINDER = ['Naša radost', 'Poletarac', 'Bambi', 'Pčelica', 'Dečja radost', 'Kolibri', 'Radosno detinjstvo', 'Čika Jova Zmaj', 'Neven', 'Lane'];
const INSURERS = ['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje Srbija', 'Wiener Städtische osiguranje', 'Triglav osiguranje', 'UNIQA osiguranje', 'Sava osiguranje', 'Milenijum osiguranje'];
const TELCO_BILL = [['mts Telekom Srbija', 'račun za mobilni'], ['Telekom Srbija', 'račun fiksni i internet'], ['A1 Srbija doo', 'mesečni račun'], ['Yettel doo', 'račun postpaid'], ['SBB doo', 'kablovska i internet'], ['Orion Telekom', 'internet'], ['mts Supernova', 'TV i internet'], ['SBB EON', 'paket TV internet telefon'], ['Telekom Srbija mts', 'Open paket'], ['Kopernikus Technology', 'kablovska TV']];

// ---------- categorize-blind.tsv ----------
const rows = [];
const seen = new Set();
function addRow(desc, paras, cat) {
  desc = desc.replace(/\s+/g, ' ').trim();
  if (!desc || seen.has(desc) || paras === 0) return false;
  seen.add(desc); rows.push([desc, (paras / 100).toFixed(2), cat]); return true;
}
const rndAmt = (lo, hi) => Math.round(rf(lo, hi) * (chance(0.4) ? 1 : 100)) * (chance(0.4) ? 100 : 1); // paras, mixed round/not
function amtP(lo, hi) { const v = rf(lo, hi); return chance(0.5) ? Math.round(v) * 100 : Math.round(v * 100); }
const randTownName = () => pick(TOWNS)[0];
const rDate = () => toD('2025-01-01') + ri(0, 700);
const code = () => pick(['221', '289', '290', '253', '189', '220']);

const GEN = {
  groceries() {
    const b = pick(BANKS), t = randTownName(), d = rDate(), v = ri(0, 11);
    const r = R();
    if (r < 0.07) return [b.card[0](`${pick(['', 'TRG ', 'PRODAJNO MESTO '])}${ri(1000000, 9999999)}${pick([' RS', ' SRB', ''])}`, d, mask(v)), -amtP(150, 4000)];
    if (r < 0.14) { const m = localMerchant('groceries', t); return [`SumUp *${strip(m.kind + ' ' + m.name).toUpperCase()} ${UP(t)}`, -amtP(m.lo, m.hi)]; }
    if (r < 0.22) { const m = localMerchant('groceries', t); return [pick(b.ips)(mTextFor(b, m, v), pick(['', 'QR', W(b, 'racun ' + ri(100, 9999))])), -amtP(m.lo, m.hi)]; }
    const m = r < 0.45 ? chainMerchant('groceries', t) : localMerchant('groceries', t);
    return [cardLine(b, m, d, v), -amtP(m.lo, m.hi)];
  },
  dining() {
    const b = pick(BANKS), t = randTownName(), d = rDate(), v = ri(0, 11);
    const r = R();
    if (r < 0.1) { const m = localMerchant('dining', t); return [`SumUp *${strip(m.kind + ' ' + m.name).toUpperCase()}`, -amtP(m.lo, m.hi)]; }
    if (r < 0.18) { const m = localMerchant('dining', t); return [pick(b.ips)(mTextFor(b, m, v), pick(['', 'QR', W(b, 'sto ' + ri(1, 30)), W(b, 'račun br. ' + ri(10, 9999))])), -amtP(m.lo, m.hi)]; }
    if (r < 0.24) return [`${pick(['WOLT', 'Wolt', 'WOLT.COM', 'GLOVO', 'Glovo*', 'DONESI'])} ${pick(['*', '', '-'])}${strip(localMerchant('dining', t).kind).toUpperCase()} ${pick(SHOPNAMES).toUpperCase()} ${UP(t)}`, -amtP(700, 4000)];
    const m = r < 0.4 ? chainMerchant('dining', t) : localMerchant('dining', t);
    return [cardLine(b, m, d, v), -amtP(m.lo, m.hi)];
  },
  transport() {
    const b = pick(BANKS), t = randTownName(), d = rDate(), v = ri(0, 11);
    const r = R();
    if (r < 0.08) { const tt = pick(TOWNS); return [pick(b.order)(W(b, pick(['Republička administrativna taksa', 'Budžet Republike Srbije', 'MUP RS'])), W(b, `registracija vozila ${tt[1]}-${ri(100, 9999)}-${pick(['AB', 'ZK', 'PL', 'DD', 'MS', 'TK'])}`), '253'), -amtP(1500, 16000)]; }
    if (r < 0.14) return [pick(b.ips)(W(b, 'Putevi Srbije'), W(b, pick(['dopuna TAG uređaja', 'putarina', 'ENP dopuna']))), -amtP(1000, 6000)];
    if (r < 0.2) { const m = localMerchant('transport', t); return [pick(b.ips)(mTextFor(b, m, v), W(b, pick(['servis', 'zamena guma', 'pranje', 'popravka', 'račun ' + ri(10, 999)]))), -amtP(m.lo, m.hi)]; }
    if (r < 0.25) return [`${pick(['CAR:GO', 'CARGO*RIDE', 'YANDEX.GO', 'UBER *TRIP'])} ${UP(t)} ${dmy(d)}`, -amtP(300, 2500)];
    const m = r < 0.55 ? chainMerchant('transport', t) : localMerchant('transport', t);
    return [cardLine(b, m, d, v), -amtP(m.lo, m.hi)];
  },
  entertainment() {
    const b = pick(BANKS), t = randTownName(), d = rDate(), v = ri(0, 11);
    const r = R();
    if (r < 0.12) { const m = localMerchant('entertainment', t); const club = pick(['FK', 'KK', 'OK', 'RK', 'Teniski klub', 'Plivački klub', 'Karate klub', 'Šahovski klub']); return [pick(b.ips)(W(b, `${club} ${pick(['Radnički', 'Mladost', 'Sloga', 'Partizan', 'Jedinstvo', 'Borac', 'Spartak', 'Vojvodina', 'Napredak'])} ${t}`), W(b, pick(['članarina', 'članarina ' + MONTHS[ri(0, 11)], 'trening', 'kotizacija turnir']))), -amtP(1500, 6000)]; }
    if (r < 0.2) { const m = localMerchant('entertainment', t); return [pick(b.ips)(mTextFor(b, m, v), W(b, /Teretana|Fitnes|Joga|Plesni|Sportski|Bazen/.test(m.kind) ? pick(['mesečna karta', 'članarina', '12 termina']) : pick(['', 'rezervacija', 'rođendan', 'račun ' + ri(10, 999)]))), -amtP(1500, 9000)]; }
    if (r < 0.26) return [`${pick(['PAYPAL *STEAM GAMES', 'PAYPAL *EPICGAMES', 'PAYPAL *BOOKINGCOM', 'GOOGLE *Steam', 'PAYPAL *EVENTIM'])} ${pick(['35314369001 LU', 'LU', 'IE', ''])}`, -amtP(600, 9000)];
    const m = r < 0.55 ? chainMerchant('entertainment', t) : localMerchant('entertainment', t);
    return [cardLine(b, m, d, v), -amtP(m.lo, m.hi)];
  },
  subscriptions() {
    const b = pick(BANKS), d = rDate(), v = ri(0, 11);
    const s = pick([['NETFLIX.COM', 'LOS GATOS NL', 1150, 2400], ['Netflix.com', 'Amsterdam NLD', 1150, 2400], ['SPOTIFY', 'STOCKHOLM SE', 700, 1400], ['Spotify P2', 'Stockholm SWE', 700, 1400], ['PAYPAL *SPOTIFY', '35314369001 SE', 700, 1400], ['HBO MAX', 'PRAHA CZ', 500, 900], ['MAX.COM', 'AMSTERDAM NL', 500, 900], ['DISNEYPLUS', 'LONDON GB', 800, 1300], ['GOOGLE *YouTubePremium', 'g.co/helppay#', 700, 1300], ['GOOGLE *YouTube Music', 'g.co/helppay#', 500, 900], ['APPLE.COM/BILL', 'CORK IE', 120, 1800], ['Apple.com/bill', 'ITUNES.COM IE', 120, 1800], ['GOOGLE *Google One', 'g.co/helppay#', 250, 1300], ['GOOGLE *Google Storage', 'G.CO/HELPPAY GB', 250, 1300], ['MICROSOFT*365', 'MSBILL.INFO IE', 800, 12000], ['Microsoft*Microsoft 365 P', 'Dublin IE', 800, 12000], ['ADOBE *CREATIVE CLOUD', 'DUBLIN IE', 1400, 7000], ['ADOBE *PHOTOGPHY PLAN', 'ADOBE.LY/ENIE IE', 1400, 1800], ['OPENAI *CHATGPT SUBSCR', 'SAN FRANCISCO US', 2200, 2600], ['OPENAI *CHATGPT', 'OPENAI.COM US', 2200, 2600], ['DROPBOX*', 'DBX.CO IE', 1300, 14000], ['CANVA*', 'SYDNEY AU', 1400, 14000], ['DEEZER', 'PARIS FR', 600, 1100], ['GOOGLE *Duolingo', 'g.co/helppay#', 800, 9000], ['PAYPAL *NORDVPN', '4029357733 PA', 1200, 9000], ['LINKEDIN PREMIUM', 'LINKEDIN.COM IE', 3500, 4500], ['AUDIBLE', 'AUDIBLE.DE LU', 1100, 1200], ['AMAZON PRIME VIDEO', 'AMAZON.DE LU', 700, 900], ['APPLE TV+', 'CORK IE', 800, 1200], ['CRUNCHYROLL', 'SAN FRANCISCO US', 800, 1100], ['PAYPAL *DISNEYPLUS', 'LU', 800, 1300], ['NOTION LABS', 'NOTION.SO US', 1100, 2300], ['1PASSWORD', 'TORONTO CA', 350, 700], ['VOYO', 'BEOGRAD RS', 500, 900], ['GOOGLE *Play Pass', 'g.co/helppay#', 300, 600], ['NOVA.RS DIGITALNA PRETPLATA', 'BEOGRAD', 300, 600], ['POLITIKA DIGITALNO IZDANJE', 'BEOGRAD', 350, 700], ['NIN PRETPLATA', 'BEOGRAD', 600, 3000], ['THE ECONOMIST', 'LONDON GB', 1800, 2600], ['KASPERSKY', 'MOSCOW RU', 2000, 5000], ['ESET NOD32 PRETPLATA', 'BEOGRAD', 2500, 4500], ['SPOTIFY AB', 'STOCKHOLM', 700, 1400]]);
    const amt = -amtP(s[2], s[3]);
    const foreign = !/BEOGRAD/.test(s[1]);
    const cur = /US$/.test(s[1]) ? 'USD' : 'EUR';
    const fx = foreign && chance(0.35) ? ` ${cur} ${(-amt / 100 / (cur === 'USD' ? 108.4 : 117.2)).toFixed(2)}` : '';
    const m = { local: false, name: s[0] + ' ' + s[1], town: null };
    return [chance(0.2) ? `${s[0]} ${s[1]}${fx}`.trim() : cardLine(b, m, d, v) + fx, amt];
  },
  utilities() {
    const b = pick(BANKS), t = randTownName(), d = rDate(), v = ri(0, 11);
    const ch = pick(['order', 'order', 'standing', 'dd', 'ips']);
    const f = (p, w, c = '289') => ch === 'order' ? pick(b.order)(W(b, p), W(b, w), c) : ch === 'standing' ? pick(b.standing)(W(b, p), W(b, w)) : ch === 'dd' ? pick(b.dd)(W(b, p), W(b, w)) : pick(b.ips)(W(b, p), W(b, w));
    const mm = mmyy(d);
    const r = ri(0, 17);
    switch (r) {
      case 0: return [f(pick(['EPS Snabdevanje', 'JP EPS', 'EPS SNABDEVANJE DOO', 'Elektroprivreda Srbije']), `ED ${ri(1000000000, 9999999999)} ${mm}`), -amtP(1800, 16000)];
      case 1: return [f(cityBill(t), `racun ${mm}`), -amtP(2500, 12000)];
      case 2: return [f(heating(t), pick(['grejanje ', 'toplotna energija ']) + mm), -amtP(3000, 14000)];
      case 3: return [f(water(t), pick(['voda ', 'vodа i kanalizacija ', 'račun za vodu ']) + mm), -amtP(700, 4500)];
      case 4: return [f(pick(['Srbijagas', 'JP Srbijagas', 'Srbijagas Novi Sad', `Gas ${t} doo`]), 'gas ' + mm), -amtP(1500, 14000)];
      case 5: { const [p, w] = pick(TELCO_BILL); return [f(p, w + ' ' + mm), -amtP(900, 6500)]; }
      case 6: return [f(`Stambena zajednica ${pick(STREETS)} ${ri(1, 120)}`, pick(['održavanje', 'tekuće održavanje', 'investiciono održavanje'])), -amtP(500, 3500)];
      case 7: return [f(`${pick(['Upravnik zgrade', 'Profesionalni upravnik', 'Upravnik'])} ${pick(SHOPNAMES)} doo`, `upravljanje zgradom ${mm}`), -amtP(400, 2500)];
      case 8: return [f(pick(INSURERS), pick(['polisa ' + ri(100000, 999999), 'osiguranje stana', 'autoodgovornost', 'kasko rata', 'životno osiguranje', 'putno osiguranje', 'dobrovoljno zdravstveno'])), -amtP(900, 45000)];
      case 9: return [f(`${pick(['LPA', 'Lokalna poreska administracija', 'Gradska uprava za poreze'])} ${t}`, pick(['porez na imovinu', 'porez na imovinu fizičkih lica ' + ri(1, 4) + '. kvartal', 'lokalna komunalna taksa']), '253'), -amtP(1200, 30000)];
      case 10: return [f(`PU ${pick(KINDER)} ${t}`, pick(['vrtić ', 'boravak deteta ', 'uplata za vrtić ']) + mm), -amtP(3500, 13000)];
      case 11: return [f(pick([`OŠ ${pick(['Vuk Karadžić', 'Sveti Sava', 'Jovan Jovanović Zmaj', 'Desanka Maksimović', 'Branko Radičević'])} ${t}`, `Škola stranih jezika ${pick(SHOPNAMES)} ${t}`, `Muzička škola ${t}`, `Gimnazija ${t}`]), pick(['školarina', 'školarina ' + mm, 'rata školarine', 'upisnina'])), -amtP(1000, 25000)];
      case 12: return [f(pick(['Budžet RS', 'Republička administrativna taksa', 'MUP Srbije']), pick(['saobraćajna kazna', 'taksa za pasoš', 'taksa lična karta', 'kazna za parkiranje', 'prekršajni nalog ' + ri(1000, 99999)]), '253'), -amtP(500, 10000)];
      case 13: return [f(pick(['RFZO', 'RZZO filijala ' + t]), pick(['participacija', 'doprinos zdravstveno', 'overa knjižice'])), -amtP(200, 4000)];
      case 14: return [cardLine(b, { local: false, name: pick(['YETTEL DOPUNA', 'MTS DOPUNA', 'A1 DOPUNA', 'WWW.MTS.RS PLACANJE RACUNA', 'A1.RS EPLATE', 'YETTEL.RS WEBSHOP RACUN']), town: null }, d, v), -amtP(300, 3500)];
      case 15: return [f(`JKP ${pick(['Gradska čistoća', 'Čistoća', 'Komunalno'])} ${t}`, `odnošenje smeća ${mm}`), -amtP(400, 2500)];
      case 16: return [f(pick(['Infostan', 'INFOSTAN TEHNOLOGIJE', 'JKP Infostan']), `${ri(10000000, 99999999)} ${mm}`), -amtP(3000, 14000)];
      default: return [f(pick(['RTS', 'Telekom Srbija mts', 'SBB', 'A1']), pick(['pretplata TV', 'račun ' + mm, 'internet ' + mm])), -amtP(300, 5000)];
    }
  },
  rent() {
    const b = pick(BANKS), d = rDate(), p = personText(person(), ri(0, 5));
    const [y, m] = ymd(d); const mon = MONTHS[m - 1];
    const word = pick(['kirija', 'Kirija', 'KIRIJA', 'stanarina', 'Stanarina', 'STANARINA', 'zakup stana', 'Zakup stana', 'кирија', 'станарина', 'закуп стана']);
    const purpose = pick([`${word} ${mon} ${y}`, `${word} za ${mmyy(d)}`, `${word} ${pick(STREETS)} ${ri(1, 90)}`, `${word}`, `${word} stan ${pick(TOWNS)[0]}`, `${word} ${mon}`]);
    const ch = ri(0, 4);
    let desc;
    if (ch === 0) desc = pick(b.ips)(p, purpose);
    else if (ch === 1) desc = pick(b.standing)(p, purpose);
    else if (ch === 2) desc = pick(b.order)(chance(0.5) ? p : `${pick(['Agencija za nekretnine', 'Stan-Invest', 'Kvadrat', 'Dom Plus'])} ${pick(SHOPNAMES)} doo`, purpose, '290');
    else if (ch === 3) desc = `${purpose} - ${p}`;
    else desc = pick(b.ips)(p, `${purpose} ${pick(['', 'i režije'])}`);
    return [desc, -amtP(18000, 95000)];
  },
  salary() {
    const b = pick(BANKS), d = rDate(), e = employerFor(randTownName());
    const [y, m] = ymd(d); const mm = mmyy(d), mon = MONTHS[m - 1];
    const r = ri(0, 13);
    const inc = (p, w) => pick(b.inc)(p, W(b, w));
    switch (r) {
      case 0: return [inc(e, `Zarada za ${mm}`), amtP(55000, 240000)];
      case 1: return [inc(e, `240 isplata zarade ${mm}`), amtP(55000, 240000)];
      case 2: return [`Plata - ${mon} ${y} ${pick(['', '- ' + e])}`, amtP(55000, 240000)];
      case 3: return [inc(pioText(b), `penzija ${mm}`), amtP(28000, 95000)];
      case 4: return [inc(e, `akontacija zarade ${mm}`), amtP(25000, 90000)];
      case 5: return [inc(e, `honorar ugovor o delu ${ri(1, 99)}/${y}`), amtP(8000, 90000)];
      case 6: return [inc(e, `dnevnice sluzbeni put ${dmy(d)}`), amtP(2000, 25000)];
      case 7: return [inc(pick(['Ministarstvo prosvete', 'Fond za mlade talente', 'Grad ' + randTownName(), 'Univerzitet u Beogradu']), `studentska stipendija ${mon}`), amtP(9000, 28000)];
      case 8: return [inc(e, pick(['bonus', 'godišnji bonus', 'regres za godišnji odmor', 'božićnica', 'topli obrok i regres', '13. plata'])), amtP(10000, 150000)];
      case 9: return [`Incoming payment ${e} salary ${mm}`, amtP(55000, 300000)];
      case 10: return [inc(e, `konacna isplata zarade za ${mon}`), amtP(30000, 150000)];
      case 11: return [inc(pick(['UNIVERZITET U NOVOM SADU', 'FAKULTET ORGANIZACIONIH NAUKA', 'RTS', 'AGENCIJA ZA PREVODJENJE DOO']), `autorski honorar ${mm}`), amtP(6000, 80000)];
      case 12: return [inc(e, `isplata zarade ${pick(['I', 'II'])} deo ${mm}`), amtP(30000, 130000)];
      default: return [cyr(`Prilив `).slice(0, 0) + `Прилив ${b.st === 'cyr' ? 'РФ ПИО' : 'ПИО ФОНД'} пензија ${mm}`, amtP(28000, 95000)];
    }
  },
  transfer() {
    const b = pick(BANKS), d = rDate(), t = randTownName(), p = personText(person());
    const r = ri(0, 21);
    switch (r) {
      case 0: return [pick(b.ips)(p, pick(['', 'pozajmica', 'za rođendan', 'vraćam dug', 'poklon', 'troškovi puta', 'za ručak', 'hvala'])), -amtP(500, 60000)];
      case 1: return [pick(b.inc)(p, pick(['', 'vraćam', 'pozajmica', 'poklon', 'deo za poklon', 'za karte'])), amtP(500, 60000)];
      case 2: return [b.atm(t, d), -ri(10, 400) * 1000];
      case 3: return [b.fee[pick(['acct', 'xfer', 'atm', 'card'])] + pick(['', ' ' + mmyy(d), ' ' + dmy(d)]), -amtP(30, 1500)];
      case 4: return [pick(b.order)(W(b, 'Rata kredita'), `partija ${ri(100000, 999999)}-${ri(10, 99)}`, '290'), -amtP(5000, 60000)];
      case 5: return [pick(b.standing)(W(b, 'Prenos na štedni račun'), pick(['', 'štednja', 'dečija štednja'])), -amtP(2000, 30000)];
      case 6: return [pick(['Kupoprodaja deviza EUR', 'Prodaja deviza', 'Konverzija RSD u EUR', 'Menjačnica kupovina EUR', 'FX exchange RSD/EUR']) + ' ' + ri(50, 2000) + ' EUR', -amtP(5000, 230000)];
      case 7: return [`${pick(['REVOLUT**', 'Revolut*', 'REVOLUT TOP-UP '])}${n4()}* ${pick(['DUBLIN', 'VILNIUS LT', 'LONDON GB'])}`, -amtP(1000, 30000)];
      case 8: return [pick(['PAYPAL TOP UP', 'PayPal prenos sa računa', 'WISE TOP UP', 'Wise Europe SA']) + ' ' + n4(), -amtP(1000, 25000)];
      case 9: return [pick(b.inc)(pick(['Povraćaj sredstava', 'Refund', 'Storno transakcije', 'Povrat']), pick(['LIDL SRBIJA', 'GIGATRON', 'WOLT', 'ALIEXPRESS', 'BOOKING.COM', 'AIR SERBIA', 'MAXI', 'SPORT VISION'])), amtP(300, 25000)];
      case 10: return [pick(b.order)(W(b, 'Otplata kreditne kartice'), pick(['Visa', 'Mastercard', 'Dina']) + ' ' + mmyy(d), '290'), -amtP(3000, 80000)];
      case 11: return [pick(b.inc)(W(b, 'Prenos sa sopstvenog računa'), pick(['devizni', 'štedni', ''])), amtP(2000, 150000)];
      case 12: return [pick(b.ips)(W(b, 'Prenos na sopstveni račun'), pick(['', 'Revolut', 'devizni račun'])), -amtP(2000, 100000)];
      case 13: return [pick(b.inc)(W(b, pick(['Ministarstvo za brigu o porodici', 'Gradski centar za socijalni rad'])), pick(['dečiji dodatak', 'roditeljski dodatak rata'])), amtP(3000, 25000)];
      case 14: return [pick(b.inc)(W(b, 'Poreska uprava'), 'povraćaj više plaćenog poreza'), amtP(1000, 30000)];
      case 15: return [`Uplata gotovine ${pick(['na šalteru', 'depozitni ATM', 'ekspozitura'])} ${t}`, amtP(2000, 100000)];
      case 16: return [pick(b.ips)(p, pick(['Plaćanje', 'Plaćanje 289', 'Uplata', ''])) + ' ' + ri(1000, 99999), -amtP(300, 20000)];
      case 17: return [`${pick(['Plaćanje', 'Placanje', 'Payment', 'PLACANJE'])} ${pick(['289', '290', '221'])} ${ri(100000, 99999999)}`, -amtP(300, 20000)];
      case 18: return [pick(b.inc)(p, pick(['za kiriju deo', 'vraćam za račune', 'deo za struju'])).replace(/kiriju/, 'stan'), amtP(1000, 30000)];
      case 19: return [pick(b.inc)(W(b, 'Western Union'), `${pick(['Wien', 'München', 'Zürich', 'Chicago'])} ${p}`), amtP(5000, 60000)];
      case 20: return [pick(b.order)(W(b, pick(['Kamata na štednju', 'Pripis kamate'])), mmyy(d), '290').replace(/^.*?(Kamata|Pripis|Камата|Припис)/, '$1'), amtP(10, 3000)];
      default: return [pick(b.ips)(W(b, `${pick(['Mama', 'Tata', 'Baka', 'Sestra', 'Brat'])}`), pick(['', 'za lekove', 'pomoć', 'džeparac'])), -amtP(1000, 20000)];
    }
  },
};
const TARGET = { groceries: 175, dining: 160, transport: 145, utilities: 165, entertainment: 140, subscriptions: 135, rent: 115, salary: 120, transfer: 195 };
for (const [cat, n] of Object.entries(TARGET)) {
  let got = 0, tries = 0;
  while (got < n && tries < n * 60) { tries++; const [desc, a] = GEN[cat](); if (addRow(desc, a, cat)) got++; }
}
// shuffle rows deterministically
for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(R() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
fs.writeFileSync(path.join(OUT, 'categorize-blind.tsv'), rows.map((r) => r.join('\t')).join('\n') + '\n');

// ---------- recurring histories ----------
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const fx = (d) => 117.0 + 0.35 * Math.sin(d / 37) + rf(-0.15, 0.35); // RSD per EUR incl. bank spread
const usd = (d) => 108 + 4 * Math.sin(d / 90) + rf(-0.5, 0.8);

function schedule(freq, L, start, jit) {
  // backward from last date L down to start
  const ds = [];
  if (freq === 'weekly' || freq === 'biweekly') {
    const p = PER[freq];
    for (let k = 0; ; k++) { let d = L - k * p + (k ? ri(-jit, jit) : 0); if (d < start) break; ds.push(d); }
  } else {
    const step = freq === 'monthly' ? 1 : freq === 'quarterly' ? 3 : 12;
    const [, , day] = ymd(L);
    for (let k = 0; ; k++) { let d = addMonths(L, -k * step, day) + (k ? ri(-jit, jit) : 0); if (d < start) break; ds.push(d); }
  }
  return ds.reverse();
}

function buildHistory(hi) {
  const id = `h${pad2(hi + 1)}`;
  const short = hi % 6 === 5;
  const months = short ? ri(8, 22) : ri(25, 36);
  const today = toD('2026-06-15') + ri(0, 170);
  const start = addMonths(today, -months) + ri(0, 10);
  const cutoff = today - 3;
  const [town, plate] = pick(TOWNS);
  const b = pick(BANKS);
  const retired = chance(0.15);
  const hh = { town, b, retired, renting: chance(0.45), kids: !retired && chance(0.5), car: chance(0.75), usedNames: new Set() };
  const newPerson = (fem) => { for (;;) { const p = person(fem); const k = p.join(' '); if (!hh.usedNames.has(k)) { hh.usedNames.add(k); return p; } } };
  const txs = [];
  const add = (d, paras, desc, cat, tag) => { desc = desc.replace(/\s+/g, ' ').trim(); if (paras === 0) paras = -100; txs.push({ d, amount: paras, description: desc, category: cat, tag }); return txs[txs.length - 1]; };
  const streams = [];
  const Wb = (s) => W(b, s);
  const orderF = (p, w, c = '289') => pick(b.order)(Wb(p), Wb(w), c);
  const cardF = (name, v) => (d) => b.card[v % b.card.length](name, d, mask(v)).replace(/ \d\d\.\d\d\.\d{4}/, '') ;
  // fixed-wording factories
  const fixedOrder = (p, w, c) => { const f = pick(b.order), pp = Wb(p), ww = Wb(w); return () => f(pp, ww, c); };
  const fixedStanding = (p, w) => { const f = pick(b.standing), pp = Wb(p), ww = Wb(w); const t = f(pp, ww); return () => t; };
  const fixedIps = (p, w) => { const f = pick(b.ips), pp = p, ww = Wb(w); return () => f(pp, ww); };
  const fixedDD = (p, w) => { const f = pick(b.dd); const t = f(Wb(p), Wb(w)); return () => t; };
  const inc = (p, w) => { const f = pick(b.inc); return (d) => f(p, Wb(w(d))); };
  const billPeriod = (fmk) => (d) => fmk(mmyy(addMonths(d, -1)));
  const cv = ri(0, 11);
  const hmask = mask(cv);
  const cardName = (name) => { const t = b.card[cv % b.card.length]; const c = hmask; return (d) => t(name, d, c); };

  // ---- stream templates: each returns {freq, cat, dir, desc(d,i), amt(d,i), jit, oneoff?} ----
  const T = {};
  const employer = employerFor(town);
  T.salary = () => ({ freq: 'monthly', cat: 'salary', jit: 2, desc: (() => { const v = ri(0, 3); return (d) => v === 0 ? pick(b.inc)(employer, Wb(`Zarada za ${mmyy(addMonths(d, -1))}`)) : v === 1 ? `${b.inc[0](employer, Wb('240 isplata zarade'))}` : v === 2 ? `Plata - ${MONTHS[ymd(addMonths(d, -1))[1] - 1]} ${ymd(addMonths(d, -1))[0]}` : b.inc[0](employer, Wb('zarada ' + mmyy(addMonths(d, -1)))); })(), amt: (() => { const base = ri(60, 230) * 1000; return () => base * 100 + ri(-9000, 9000) * 100 + ri(0, 99); })(), dayFrom: 5, dayTo: 12 });
  T.pension = () => { const base = ri(28, 80) * 1000; const src = pioText(b); const f = pick(b.inc); return { freq: 'monthly', cat: 'salary', jit: 1, desc: (d) => f(src, Wb('penzija ' + mmyy(d))), amt: (d) => Math.round(base * Math.pow(1.06, ymd(d)[0] - 2024) * 100), dayFrom: 3, dayTo: 8 }; };
  T.rent = () => { const ll = newPerson(); const word = pick(['kirija', 'stanarina', 'zakup stana', 'Kirija', 'KIRIJA', 'кирија']); const base = ri(22, 85) * 1000; const rise = chance(0.4) ? ri(2, 8) * 1000 : 0; const riseAt = chance(0.5) ? Infinity : start + ri(150, 500); const byStanding = chance(0.4); const f = byStanding ? fixedStanding(personText(ll, 0), word) : fixedIps(personText(ll, ri(0, 3)), word + (chance(0.5) ? ' ' + pick(STREETS) : '')); return { freq: 'monthly', cat: 'rent', jit: byStanding ? 1 : 5, desc: f, amt: (d) => (base + (d > riseAt ? rise : 0)) * 100, dayFrom: 1, dayTo: 8 }; };
  T.eps = () => { const ed = ri(1000000000, 9999999999); const v = ri(0, 2); return { freq: 'monthly', cat: 'utilities', jit: 8, desc: billPeriod((mm) => v === 0 ? orderF('EPS Snabdevanje', `ED ${ed} ${mm}`) : v === 1 ? pick(b.ips)(Wb('EPS SNABDEVANJE DOO'), Wb(`račun ${mm}`)) : fixedOrder('JP EPS Beograd', `ED broj ${ed}`, '289')()), amt: (d) => { const [, m] = ymd(d); const w = [1.6, 1.5, 1.2, 0.9, 0.75, 0.7, 0.8, 0.8, 0.75, 0.9, 1.2, 1.5][m - 1]; return Math.round(ri(3000, 6000) * w * 100) + ri(0, 99); }, dayFrom: 10, dayTo: 25, oneoff: () => ({ desc: orderF('EPS Snabdevanje', 'dug po opomeni'), amt: -amtP(800, 4000) }) }; };
  T.city = () => { const p = cityBill(town); const acc = ri(10000000, 99999999); return { freq: 'monthly', cat: 'utilities', jit: 8, desc: billPeriod((mm) => orderF(p, `${acc} ${mm}`)), amt: () => -0 + (ri(2500, 9000) * 100 + ri(0, 99)), dayFrom: 8, dayTo: 25 }; };
  T.heating = () => { const p = heating(town); const fixed = chance(0.5); const base = ri(3500, 9000); const f = fixed ? fixedDD(p, 'grejanje') : null; return { freq: 'monthly', cat: 'utilities', jit: fixed ? 1 : 7, desc: fixed ? f : billPeriod((mm) => orderF(p, 'grejanje ' + mm)), amt: (d) => fixed ? (base + (ymd(d)[0] >= 2026 ? 400 : 0)) * 100 : Math.round(base * (ymd(d)[1] >= 5 && ymd(d)[1] <= 9 ? 0.55 : 1.1) * 100) + ri(0, 99), dayFrom: 10, dayTo: 22 }; };
  T.water = () => { const p = water(town); return { freq: 'monthly', cat: 'utilities', jit: 8, desc: billPeriod((mm) => orderF(p, 'voda ' + mm)), amt: () => ri(700, 3200) * 100 + ri(0, 99), dayFrom: 12, dayTo: 26 }; };
  T.gas = () => ({ freq: 'monthly', cat: 'utilities', jit: 6, desc: billPeriod((mm) => orderF(pick(['Srbijagas', 'JP Srbijagas']), 'gas ' + mm)), amt: (d) => { const m = ymd(d)[1]; return Math.round(ri(1500, 3000) * (m <= 3 || m >= 11 ? 3.5 : 0.6) * 100) + ri(0, 99); }, dayFrom: 10, dayTo: 25 });
  T.building = () => { const sz = `Stambena zajednica ${pick(STREETS)} ${ri(1, 120)}`; const base = ri(6, 30) * 100; const riseAt = chance(0.5) ? Infinity : start + ri(100, 600); const f = fixedIps(sz, 'održavanje'); return { freq: 'monthly', cat: 'utilities', jit: 9, desc: f, amt: (d) => -0 + (base + (d > riseAt ? 300 : 0)) * 100, dayFrom: 1, dayTo: 20 }; };
  T.phone = () => { const [p, w] = pick(TELCO_BILL); const fixed = chance(0.5); const base = ri(12, 45) * 100 - 1; const riseAt = chance(0.5) ? Infinity : start + ri(60, 700); const dd = chance(0.4); return { freq: 'monthly', cat: 'utilities', jit: dd ? 1 : 7, desc: dd ? fixedDD(p, w) : billPeriod((mm) => orderF(p, w + ' ' + mm)), amt: (d) => fixed ? (base + (d > riseAt ? 200 : 0)) * 100 : (base + ri(-100, 600)) * 100 + ri(0, 99), dayFrom: 10, dayTo: 24 }; };
  T.internet = () => { const p = pick(['SBB doo', 'SBB DOO BEOGRAD', 'mts Supernova', 'Orion Telekom', 'Kopernikus', 'Telekom Srbija']); const base = ri(25, 45) * 100 - 1; const rises = [start + ri(100, 300), start + ri(400, 700)]; const dd = chance(0.5); const renamed = chance(0.3) ? start + ri(200, 600) : Infinity; const f1 = dd ? fixedDD(p, 'TV internet') : fixedOrder(p, 'TV i internet', '289'); const f2 = fixedOrder(p + ' Srbija', 'račun TV internet', '221'); return { freq: 'monthly', cat: 'utilities', jit: dd ? 1 : 6, desc: (d) => d > renamed ? f2() : f1(), amt: (d) => (base + (d > rises[0] ? 200 : 0) + (d > rises[1] ? 250 : 0)) * 100, dayFrom: 15, dayTo: 27 }; };
  T.kinder = () => { const p = `PU ${pick(KINDER)} ${town}`; return { freq: 'monthly', cat: 'utilities', jit: 6, desc: billPeriod((mm) => orderF(p, 'vrtić ' + mm)), amt: () => ri(40, 120) * 100 * 100 / 10 + ri(0, 99), dayFrom: 5, dayTo: 20 }; };
  T.gym = () => { const m = localMerchant('entertainment', town); m.kind = pick(['Teretana', 'Fitnes centar', 'Gym']); const nm = mTextFor(b, m, cv); const base = ri(25, 50) * 100; const riseAt = chance(0.5) ? Infinity : start + ri(100, 600); const viaCard = chance(0.6); const f = viaCard ? cardName(nm) : fixedIps(mTextFor(b, m, cv + 1), 'mesečna članarina'); return { freq: 'monthly', cat: 'entertainment', jit: 4, desc: (d) => viaCard ? f(d).replace(/\d\d\.\d\d\.\d{4}/, '') : f(), amt: (d) => (base + (d > riseAt ? 500 : 0)) * 100, dayFrom: 1, dayTo: 10, oneoff: () => ({ desc: viaCard ? f(0).replace(/\d\d\.\d\d\.\d{4}/, '') : cardName(nm)(0).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: -ri(2, 6) * 5000 }) }; };
  const SUBS = [['NETFLIX.COM', 'eur', 9.99, 13.99], ['SPOTIFY', 'eur', 6.99, 10.99], ['PAYPAL *SPOTIFY', 'eur', 6.99, 10.99], ['HBO MAX', 'rsd', 599, 799], ['DISNEYPLUS', 'eur', 8.99, 9.99], ['GOOGLE *YouTubePremium', 'rsd', 749, 999], ['APPLE.COM/BILL', 'eur', 0.99, 2.99], ['GOOGLE *Google One', 'rsd', 249, 499], ['OPENAI *CHATGPT SUBSCR', 'usd', 20, 20], ['MICROSOFT*365', 'eur', 7, 10], ['ADOBE *PHOTOGPHY PLAN', 'eur', 12.09, 13.99], ['CANVA*', 'eur', 11.99, 11.99], ['DEEZER', 'eur', 6.99, 7.99], ['DROPBOX*', 'eur', 11.99, 11.99], ['AMAZON PRIME VIDEO', 'eur', 5.99, 5.99], ['VOYO', 'rsd', 699, 699], ['GOOGLE *Duolingo', 'rsd', 1099, 1099], ['NOVA.RS DIGITALNA PRETPLATA', 'rsd', 399, 499]];
  T.sub = (usedSubs) => { let s; for (;;) { s = pick(SUBS); if (!usedSubs.has(s[0].replace('PAYPAL *', ''))) break; } usedSubs.add(s[0].replace('PAYPAL *', '')); const [name, cur, p1, p2] = s; const riseAt = chance(0.5) ? Infinity : start + ri(150, 700); const suffix = name.startsWith('GOOGLE') ? ' g.co/helppay#' : cur === 'rsd' ? ' BEOGRAD' : name.startsWith('NETFLIX') ? pick([' LOS GATOS NL', ' AMSTERDAM NL']) : name.includes('SPOTIFY') ? ' STOCKHOLM SE' : pick([' DUBLIN IE', ' LU', ' CORK IE', '']); const nm = name + suffix; const f = cardName(nm); return { freq: 'monthly', cat: 'subscriptions', jit: 0, desc: (d) => f(d), amt: (d) => { const p = d > riseAt ? p2 : p1; return cur === 'rsd' ? -0 + Math.round(p * 100) : Math.round(p * (cur === 'eur' ? fx(d) : usd(d)) * 100); }, dayFrom: 1, dayTo: 28, oneoff: name.startsWith('APPLE') || name.startsWith('GOOGLE') ? () => ({ desc: f(0), amt: -Math.round(rf(1.99, 9.99) * fx(0) * 100) }) : null }; };
  T.loan = () => { const part = `${ri(100000, 999999)}-${ri(10, 99)}`; const base = ri(60, 450) * 100; const f = fixedStanding(Wb('Rata kredita'), part); return { freq: 'monthly', cat: 'transfer', jit: 0, desc: f, amt: () => base * 100 + 37, dayFrom: 1, dayTo: 28 }; };
  T.acctfee = () => { const base = ri(19, 45) * 10; const riseAt = chance(0.5) ? Infinity : start + ri(100, 700); const t1 = b.fee.acct, t2 = b.fee.acct + ' ' + (b.st === 'cyr' ? 'пакет' : 'paket'); const changed = chance(0.3) ? start + ri(150, 600) : Infinity; return { freq: 'monthly', cat: 'transfer', jit: 0, desc: (d) => d > changed ? t2 : t1, amt: (d) => (base + (d > riseAt ? 40 : 0)) * 100, dayFrom: 1, dayTo: 3 }; };
  T.savings = () => { const f = fixedStanding(Wb('Prenos na štedni račun'), Wb(pick(['štednja', 'dečija štednja', 'oročena štednja']))); const base = ri(2, 30) * 1000; return { freq: 'monthly', cat: 'transfer', jit: 0, desc: f, amt: () => base * 100, dayFrom: 1, dayTo: 28 }; };
  T.parent = () => { const who = pick(['Mama', 'Majka', 'Tata']); const f = fixedIps(personText(newPerson(who !== 'Tata'), ri(0, 3)), Wb(pick(['pomoć', 'za lekove', 'za mamu', '']))); const base = ri(5, 25) * 1000; return { freq: 'monthly', cat: 'transfer', jit: 4, desc: f, amt: () => base * 100, dayFrom: 5, dayTo: 20 }; };
  T.lifeins = () => { const p = pick(INSURERS); const pol = ri(10000000, 99999999); const f = fixedDD(p, `polisa ${pol}`); const base = ri(15, 60) * 100; return { freq: 'monthly', cat: 'utilities', jit: 1, desc: f, amt: () => base * 100, dayFrom: 1, dayTo: 15 }; };
  T.transit = () => { const f = town === 'Beograd' ? cardName('BUSPLUS MESECNA KARTA') : town === 'Novi Sad' ? cardName('JGSP NOVI SAD PRETPLATNA') : town === 'Niš' ? cardName('NIS EKSPRES MESECNA KARTA') : cardName(`${UP(town)} PREVOZ PRETPLATNA KARTA`); const base = ri(18, 40) * 100; return { freq: 'monthly', cat: 'transport', jit: 3, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: () => base * 100, dayFrom: 1, dayTo: 6 }; };
  T.club = () => { const club = `${pick(['FK', 'KK', 'OK', 'Plivački klub', 'Karate klub', 'Teniski klub'])} ${pick(['Radnički', 'Mladost', 'Sloga', 'Jedinstvo', 'Borac', 'Spartak'])} ${town}`; const f = fixedIps(club, 'članarina'); const base = ri(20, 50) * 100; return { freq: 'monthly', cat: 'entertainment', jit: 7, desc: f, amt: () => base * 100, dayFrom: 1, dayTo: 15 }; };
  T.musicschool = () => { const p = pick([`Škola stranih jezika ${pick(SHOPNAMES)}`, `Muzička škola ${town}`, `Školica programiranja ${pick(SHOPNAMES)}`]); const f = fixedOrder(p, 'školarina', '289'); const base = ri(35, 90) * 100; return { freq: 'monthly', cat: 'utilities', jit: 7, desc: f, amt: () => base * 100, dayFrom: 1, dayTo: 15 }; };
  // weekly
  T.pocket = () => { const kid = newPerson(); const f = fixedIps(personText([kid[0], kid[1]], 0), Wb('džeparac')); const base = ri(5, 20) * 100; const riseAt = chance(0.5) ? Infinity : start + ri(100, 500); return { freq: 'weekly', cat: 'transfer', jit: 0, desc: f, amt: (d) => (base + (d > riseAt ? 200 : 0)) * 100 }; };
  T.cleaner = (freq) => { const c = newPerson(true); const f = fixedIps(personText(c, ri(0, 3)), Wb(pick(['čišćenje', 'spremanje stana', 'usluga čišćenja']))); const base = ri(25, 60) * 100; const riseAt = chance(0.5) ? Infinity : start + ri(100, 600); return { freq, cat: 'transfer', jit: 1, desc: f, amt: (d) => (base + (d > riseAt ? 500 : 0)) * 100 }; };
  T.wsave = (freq) => { const f = fixedStanding(Wb('Prenos na štednju'), Wb(freq === 'weekly' ? 'nedeljna štednja' : 'štednja')); const base = ri(1, 10) * 1000; return { freq, cat: 'transfer', jit: 0, desc: f, amt: () => base * 100 }; };
  T.revolut = (freq) => { const n = n4(); const f = cardName(`REVOLUT**${n}* DUBLIN`); const base = ri(2, 10) * 1000; return { freq, cat: 'transfer', jit: 1, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: () => base * 100 }; };
  T.farm = (freq) => { const farm = `SZR ${pick(['Farma', 'Gazdinstvo', 'Mlekara'])} ${pick(LAST)}`; const f = fixedIps(Wb(farm), Wb(pick(['mleko i jaja', 'mleko', 'sir i kajmak', 'jaja']))); return { freq, cat: 'groceries', jit: 1, desc: f, amt: () => ri(6, 30) * 100 * 100 }; };
  T.loto = (freq) => { const f = cardName('DRZAVNA LUTRIJA SRBIJE LOTO'); const base = ri(2, 8) * 100; return { freq, cat: 'entertainment', jit: 1, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: () => base * 100 }; };
  T.tutor = (freq) => { const tu = newPerson(); const f = fixedIps(personText(tu, ri(0, 3)), Wb(pick(['časovi matematike', 'časovi engleskog', 'časovi klavira', 'privatni časovi']))); const base = ri(15, 40) * 100; return { freq, cat: 'transfer', jit: 1, desc: f, amt: () => base * 100 }; };
  T.weeklywage = (freq) => { const e = pick(['ADECCO OUTSOURCING DOO', 'MANPOWER DOO', 'AGROPROMET DOO', `ZZ ${pick(['Sloga', 'Voćar', 'Ravnica'])} ${town}`]); const f = pick(b.inc); return { freq, cat: 'salary', jit: 0, desc: (d) => f(e, Wb(`zarada ${freq === 'weekly' ? 'nedeljna' : 'dvonedeljna'} ${dmy(d - 3)}`)), amt: () => ri(9, 45) * 1000 * 100 + ri(0, 9900) }; };
  T.babysit = (freq) => { const s = newPerson(true); const f = fixedIps(personText(s, ri(0, 3)), Wb(pick(['čuvanje dece', 'bebisiterka', 'čuvanje']))); const base = ri(40, 120) * 100; return { freq, cat: 'transfer', jit: 1, desc: f, amt: () => base * 100 }; };
  T.pilates = (freq) => { const m = localMerchant('entertainment', town); m.kind = pick(['Pilates studio', 'Joga studio', 'Teniski klub', 'Plesni studio']); const f = fixedIps(mTextFor(b, m, cv), Wb(pick(['4 termina', 'paket termina', 'treninzi']))); const base = ri(25, 60) * 100; return { freq, cat: 'entertainment', jit: 2, desc: f, amt: () => base * 100 }; };
  T.carwash = (freq) => { const m = localMerchant('transport', town); m.kind = 'Auto perionica'; const f = cardName(mTextFor(b, m, cv)); const base = ri(5, 12) * 100; return { freq, cat: 'transport', jit: 1, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: () => base * 100 }; };
  T.alimony = (freq) => { const p = newPerson(); const f = pick(b.inc); const pp = personText(p, ri(0, 3)); return { freq, cat: 'transfer', jit: 1, desc: () => f(pp, Wb('izdržavanje dece')), amt: () => ri(10, 10) * 1000 * 100 }; };
  // quarterly
  T.proptax = () => { const p = `${pick(['LPA', 'Lokalna poreska administracija', 'Gradska uprava'])} ${town}`; const f = (d) => orderF(p, `porez na imovinu ${Math.ceil(ymd(d)[1] / 3)}. kvartal ${ymd(d)[0]}`, '253'); const base = ri(15, 120) * 100; return { freq: 'quarterly', cat: 'utilities', jit: 10, desc: f, amt: (d) => Math.round(base * (1 + 0.05 * (ymd(d)[0] - 2023))) * 100, anchorMonths: [2, 5, 8, 11], day: 10 }; };
  T.qins = () => { const p = pick(INSURERS); const pol = ri(100000, 999999); const f = fixedOrder(p, `osiguranje stana polisa ${pol} rata`, '289'); const base = ri(15, 60) * 100; return { freq: 'quarterly', cat: 'utilities', jit: 8, desc: f, amt: () => base * 100 }; };
  T.qgym = () => { const m = localMerchant('entertainment', town); m.kind = pick(['Teretana', 'Fitnes centar', 'Bazen']); const f = cardName(mTextFor(b, m, cv)); const base = ri(70, 150) * 100; const riseAt = chance(0.5) ? Infinity : start + ri(200, 700); return { freq: 'quarterly', cat: 'entertainment', jit: 6, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: (d) => (base + (d > riseAt ? 1000 : 0)) * 100 }; };
  T.qsave = () => { const f = fixedStanding(Wb('Prenos na štedni račun'), Wb('kvartalna štednja')); const base = ri(10, 60) * 1000; return { freq: 'quarterly', cat: 'transfer', jit: 0, desc: f, amt: () => base * 100 }; };
  T.qbonus = () => { const f = pick(b.inc); return { freq: 'quarterly', cat: 'salary', jit: 4, desc: (d) => f(employer, Wb(`kvartalni bonus Q${Math.ceil(ymd(addMonths(d, -1))[1] / 3)}`)), amt: () => ri(15, 90) * 1000 * 100 }; };
  T.qschool = () => { const p = pick([`Privatna škola ${pick(SHOPNAMES)} ${town}`, `Škola stranih jezika ${pick(SHOPNAMES)} ${town}`, `Akademija ${pick(SHOPNAMES)}`]); const f = fixedOrder(p, 'školarina rata', '289'); const base = ri(20, 90) * 1000; return { freq: 'quarterly', cat: 'utilities', jit: 9, desc: f, amt: () => base * 100 }; };
  T.qwater = () => { const p = `JKP ${pick(['Vodovod', 'Komunalac', 'Vodovod i kanalizacija'])} ${town}`; return { freq: 'quarterly', cat: 'utilities', jit: 10, desc: (d) => orderF(p, `voda ${Math.ceil(ymd(d)[1] / 3)}. kvartal`), amt: () => ri(2000, 6500) * 100 + ri(0, 99) }; };
  T.qapp = () => { const nm = pick(['GOOGLE *Duolingo', 'APPLE.COM/BILL', 'PAYPAL *NORDVPN', 'LINKEDIN PREMIUM']); const f = cardName(nm); const p = rf(15, 40); return { freq: 'quarterly', cat: 'subscriptions', jit: 0, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: (d) => Math.round(p * fx(d) * 100) }; };
  T.qenv = () => { const p = `Gradska uprava ${town}`; return { freq: 'quarterly', cat: 'utilities', jit: 10, desc: (d) => orderF(p, `naknada za zaštitu životne sredine ${ymd(d)[0]}`, '253'), amt: (d) => (ymd(d)[0] >= 2026 ? 1100 : 1000) * 100 }; };
  // annual
  T.reg = () => { const reg = `${plate}-${ri(100, 9999)}-${pick(['AB', 'ZK', 'PL', 'DD', 'MS', 'TK', 'RĐ'])}`; const f = fixedOrder('Republička administrativna taksa', `registracija vozila ${reg}`, '253'); return { freq: 'annually', cat: 'transport', jit: 6, desc: f, amt: () => ri(9000, 16000) * 100 }; };
  T.tp = () => { const m = localMerchant('transport', town); m.kind = 'Tehnički pregled'; m.form = 'DOO'; const f = cardName(mTextFor(b, m, cv)); return { freq: 'annually', cat: 'transport', jit: 6, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: () => ri(35, 60) * 100 * 100 }; };
  T.ao = () => { const p = pick(INSURERS); const f = fixedOrder(p, pick(['autoodgovornost', 'polisa AO', 'kasko osiguranje']), '289'); return { freq: 'annually', cat: 'utilities', jit: 8, desc: f, amt: () => ri(12, 60) * 1000 * 100 + ri(0, 99) * 100 }; };
  T.homeins = () => { const p = pick(INSURERS); const f = fixedOrder(p, 'osiguranje domaćinstva godišnja premija', '289'); const base = ri(3, 15) * 1000; return { freq: 'annually', cat: 'utilities', jit: 10, desc: f, amt: (d) => (base + (ymd(d)[0] >= 2026 ? 500 : 0)) * 100 }; };
  T.cardfee = () => { const t = b.fee.card; return { freq: 'annually', cat: 'transfer', jit: 0, desc: () => t, amt: () => ri(8, 20) * 100 * 100 }; };
  T.ms365 = () => { const nm = pick(['MICROSOFT*365 FAMILY MSBILL.INFO IE', 'Microsoft*Microsoft 365 F Dublin IE', 'KASPERSKY LAB', 'ESET NOD32 GODISNJA LICENCA', 'GOOGLE *Google One godisnje']); const f = cardName(nm); const p = rf(25, 100); return { freq: 'annually', cat: 'subscriptions', jit: 3, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: (d) => Math.round(p * fx(d) * 100) }; };
  T.aclub = () => { const p = `${pick(['Planinarsko društvo', 'Sportsko udruženje', 'Ribolovačko društvo', 'Teniski klub'])} ${pick(['Rtanj', 'Kopaonik', 'Jastrebac', 'Fruška gora', 'Zlatibor', 'Dunav'])} ${town}`; const f = fixedIps(Wb(p), Wb('godišnja članarina')); return { freq: 'annually', cat: 'entertainment', jit: 12, desc: f, amt: () => ri(15, 60) * 100 * 100 }; };
  T.enrol = () => { const p = `${pick(['Škola stranih jezika', 'Muzička škola', 'Škola plesa'])} ${pick(SHOPNAMES)} ${town}`; const f = fixedOrder(p, 'upisnina', '289'); return { freq: 'annually', cat: 'utilities', jit: 10, desc: f, amt: () => ri(20, 80) * 100 * 100 }; };
  T.bonus13 = () => { const f = pick(b.inc); return { freq: 'annually', cat: 'salary', jit: 5, desc: (d) => f(employer, Wb(pick(['božićnica', 'godišnji bonus', 'regres za godišnji odmor']).replace(/.*/, (x) => x) + ' ' + ymd(d)[0])), amt: () => ri(20, 120) * 1000 * 100 }; };
  T.travelins = () => { const p = pick(INSURERS); const f = cardName(UP(p) + ' WEBSHOP PZO'); return { freq: 'annually', cat: 'utilities', jit: 8, desc: (d) => f(d).replace(/\d\d\.\d\d\.\d{4}/, ''), amt: () => ri(25, 60) * 100 * 100 }; };

  // choose streams
  const plan = [];
  if (hh.retired) plan.push('pension'); else plan.push('salary');
  if (!hh.retired && chance(0.3)) plan.push('salary2');
  if (hh.renting) plan.push('rent');
  plan.push('eps', 'acctfee');
  for (const k of ['city', 'heating', 'water', 'gas', 'building', 'phone', 'internet', 'loan', 'savings', 'parent', 'lifeins', 'transit', 'club', 'musicschool', 'gym']) if (chance({ city: 0.8, heating: 0.5, water: 0.4, gas: 0.25, building: 0.55, phone: 0.75, internet: 0.75, loan: 0.35, savings: 0.3, parent: 0.25, lifeins: 0.2, transit: 0.25, club: hh.kids ? 0.45 : 0.05, musicschool: hh.kids ? 0.3 : 0, gym: 0.45 }[k])) plan.push(k);
  if (hh.kids && chance(0.6)) plan.push('kinder');
  const nsubs = ri(1, 4); for (let i = 0; i < nsubs; i++) plan.push('sub');
  const weeklyK = ['pocket', 'cleaner', 'wsave', 'revolut', 'farm', 'loto', 'tutor', 'weeklywage'];
  const biK = ['cleaner', 'babysit', 'pilates', 'carwash', 'wsave', 'farm', 'alimony', 'weeklywage', 'revolut'];
  const wk = [pick(weeklyK)]; if (chance(0.25)) { let k2 = pick(weeklyK); if (k2 !== wk[0]) wk.push(k2); }
  const bk = [pick(biK)]; if (chance(0.25)) { let k2 = pick(biK); if (k2 !== bk[0]) bk.push(k2); }
  const qK = ['proptax', 'qins', 'qgym', 'qsave', 'qbonus', 'qschool', 'qwater', 'qapp', 'qenv'];
  const aK = hh.car ? ['reg', 'tp', 'ao', 'homeins', 'cardfee', 'ms365', 'aclub', 'enrol', 'bonus13', 'travelins'] : ['homeins', 'cardfee', 'ms365', 'aclub', 'enrol', 'bonus13', 'travelins'];
  const qs = new Set(); const nq = ri(2, 3); while (qs.size < nq) qs.add(pick(qK));
  const as = new Set(); const na = months >= 14 ? ri(2, 3) : 0; while (as.size < na) as.add(pick(aK));
  if (hh.car && na && !as.has('reg') && chance(0.5)) as.add('reg');
  const usedSubs = new Set();
  const specs = [];
  for (const k of plan) specs.push(k === 'sub' ? T.sub(usedSubs) : k === 'salary2' ? T.salary() : T[k]());
  for (const k of wk) specs.push(T[k]('weekly'));
  for (const k of bk) specs.push(T[k]('biweekly'));
  for (const k of qs) specs.push(T[k]());
  for (const k of as) specs.push(T[k]());

  for (const sp of specs) {
    const dir = ['salary'].includes(sp.cat) || /izdržavanje|izdrzavanje/.test(String(sp.desc)) ? 'incoming' : 'outgoing';
    const incoming = sp.cat === 'salary' || sp === undefined || sp.incoming || (sp.desc && sp.freq && sp.cat === 'transfer' && sp._inc);
    const P = PER[sp.freq];
    let active, ds, ok = false;
    for (let attempt = 0; attempt < 40 && !ok; attempt++) {
      active = sp.freq === 'annually' ? true : chance(0.17);
      active = sp.freq === 'annually' ? true : !active ? true : false;
      let L;
      if (active) L = cutoff - ri(0, Math.floor(P * 0.95));
      else L = today - Math.ceil(2.6 * P) - ri(3, Math.max(4, Math.floor(P * 2)));
      if (sp.freq === 'annually') L = cutoff - ri(0, 330);
      // anchor-month alignment for property tax
      if (sp.anchorMonths) { let d = L; for (let g = 0; g < 4 && !sp.anchorMonths.includes(ymd(d)[1]); g++) d = addMonths(d, -1, sp.day); L = mkD(ymd(d)[0], ymd(d)[1], sp.day + ri(-5, 5)); if (L > cutoff) L = addMonths(L, -3); }
      if (sp.dayFrom && sp.freq === 'monthly') { const [y, m] = ymd(L); let c = mkD(y, m, ri(sp.dayFrom, sp.dayTo)); if (c > cutoff) c = addMonths(c, -1); if (!active && c > today - Math.ceil(2.6 * P) - 2) c = addMonths(c, -1); L = c; }
      let s0 = start + ri(0, 6);
      if (chance(0.22)) s0 = start + Math.floor((L - start) * rf(0.1, 0.5));
      ds = schedule(sp.freq, L, s0, sp.jit ?? 0).filter((d) => d >= start + 1 && d <= cutoff);
      // skipped + doubled (monthly, middle of history)
      let doubled = false;
      if (sp.freq === 'monthly' && ds.length >= 10 && chance(0.15)) { const k = ri(3, ds.length - 4); const dd = ds[k + 1] + ri(0, 2); ds.splice(k, 1); ds.splice(k + 1, 0, Math.min(dd, cutoff)); ds.sort((a, c) => a - c); doubled = true; }
      if (sp.freq !== 'monthly' && ds.length >= 12 && chance(0.1)) { const k = ri(2, ds.length - 3); ds.splice(k, 1); }

      if (ds.length < MINM[sp.freq] + (sp.freq === 'annually' ? 0 : 1)) continue;
      const since = today - ds[ds.length - 1];
      if (active ? since > 1.4 * P : since < 2.6 * P + 2) continue;
      const gaps = ds.slice(1).map((d, i) => d - ds[i]).sort((x, y) => x - y);
      const med = gaps.length % 2 ? gaps[(gaps.length - 1) / 2] : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
      if (med < 0.8 * P || med > 1.25 * P) continue;
      ok = true;
    }
    if (!ok) continue;
    const isInc = sp.cat === 'salary' || sp.incomingFlag;
    const members = [];
    ds.forEach((d, i) => { let a = sp.amt(d, i); a = Math.abs(a); if (!a) a = 100; const desc = typeof sp.desc === 'function' ? sp.desc(d, i) : sp.desc; members.push(add(d, isInc || /izdržavanje|издржавање|izdrzavanje/i.test(desc) ? a : -a, desc, sp.cat, 'S')); });
    streams.push({ sp, members, active, freq: sp.freq });
    if (sp.oneoff && chance(0.6)) { const o = sp.oneoff(); const dOff = ds[Math.floor(ds.length / 2)] + Math.floor(P / 2) + ri(-2, 2); if (dOff <= cutoff) { const desc = typeof o.desc === 'function' ? o.desc() : o.desc; add(dOff, o.amt, desc, sp.cat, 'O'); } }
  }

  // ---- noise ----
  const localPool = [];
  for (let i = 0; i < 10; i++) localPool.push(localMerchant('groceries', town));
  for (let i = 0; i < 8; i++) localPool.push(localMerchant('dining', town));
  for (let i = 0; i < 4; i++) localPool.push(chainMerchant('groceries', town));
  for (let i = 0; i < 3; i++) localPool.push(chainMerchant('dining', town));
  for (let i = 0; i < 3; i++) localPool.push(chainMerchant('transport', town));
  for (let i = 0; i < 2; i++) localPool.push(localMerchant('entertainment', town));
  localPool.forEach((m) => { m.v = ri(0, 11); m.w = m.cat === 'groceries' ? 5 : m.cat === 'dining' ? 3 : m.cat === 'transport' ? 1.5 : 0.6; });
  const wsum = localPool.reduce((s, m) => s + m.w, 0);
  const pickPool = () => { let x = R() * wsum; for (const m of localPool) { x -= m.w; if (x <= 0) return m; } return localPool[0]; };
  const cardNoise = (d, m) => { if (m.v === undefined) m.v = ri(0, 11); let desc = b.card[m.v % b.card.length](mTextFor(b, m, m.v), d, hmask); add(d, -amtP(m.lo, m.hi), desc, m.cat, 'N'); };
  for (let d = start + 1; d <= cutoff; d++) {
    if (chance(0.5)) cardNoise(d, pickPool());
    if (chance(0.12)) cardNoise(d, pickPool());
    if (chance(0.04)) { const cat = pick(['groceries', 'dining', 'entertainment', 'transport']); cardNoise(d, chance(0.5) ? chainMerchant(cat, pick(TOWNS)[0]) : localMerchant(cat, pick(TOWNS)[0])); }
    if (chance(0.06)) add(d, -ri(2, 30) * 1000 * 100, b.atm(town, d), 'transfer', 'N');
    if (chance(0.035)) { const p = personText(newPerson(), ri(0, 3)); add(d, -amtP(500, 30000), pick(b.ips)(p, Wb(pick(['', 'pozajmica', 'poklon', 'za račun', 'vraćam'])) ), 'transfer', 'N'); if (chance(0.4)) add(d, -ri(3, 12) * 1000, b.fee.xfer, 'transfer', 'N'); }
    if (chance(0.025)) { const p = personText(newPerson(), ri(0, 3)); add(d, amtP(500, 30000), pick(b.inc)(p, Wb(pick(['', 'vraćam', 'poklon', 'za karte', 'deo računa']))), 'transfer', 'N'); }
    if (chance(0.008)) add(d, -ri(1, 3) * 15000, b.fee.atm, 'transfer', 'N');
    if (chance(0.006)) add(d, amtP(300, 9000), pick(b.inc)(Wb('Povraćaj sredstava'), pick(['LIDL SRBIJA', 'WOLT', 'GIGATRON', 'SPORT VISION'])), 'transfer', 'N');
    if (chance(0.01)) { const m = chainMerchant(pick(['entertainment', 'groceries']), town); cardNoise(d, m); }
  }
  // look-alike non-streams: same text, irregular dates and amounts
  const la = [];
  la.push(() => { const t = cardLine(b, { local: false, name: pick(['YETTEL DOPUNA', 'MTS DOPUNA', 'A1 DOPUNA']), town: null }, 0, cv).replace(/\d\d\.\d\d\.\d{4}/, '').trim(); return { t, cat: 'utilities', amt: () => -ri(2, 10) * 100 * 100 }; });
  la.push(() => { const p = personText(newPerson(), ri(0, 3)); const f = pick(b.ips); const w = Wb(pick(['', 'pomoć', 'za mamu'])); return { t: f(p, w), cat: 'transfer', amt: () => -amtP(1000, 25000) }; });
  la.push(() => { const t = cardLine(b, { local: false, name: pick(['WOLT', 'GLOVO', 'DONESI.COM']), town: null }, 0, cv).replace(/\d\d\.\d\d\.\d{4}/, '').trim(); return { t, cat: 'dining', amt: () => -amtP(800, 3800) }; });
  la.push(() => { const t = cardLine(b, { local: false, name: pick(['CARGO', 'NAXI TAXI', 'PINK TAXI', 'YANDEX GO']), town: null }, 0, cv).replace(/\d\d\.\d\d\.\d{4}/, '').trim(); return { t, cat: 'transport', amt: () => -amtP(350, 1800) }; });
  la.push(() => { const t = cardLine(b, { local: false, name: pick(['MOZZART', 'MAXBET', 'SOCCERBET']) + ' ONLINE', town: null }, 0, cv).replace(/\d\d\.\d\d\.\d{4}/, '').trim(); return { t, cat: 'entertainment', amt: () => -ri(5, 40) * 100 * 100 }; });
  la.push(() => { const p = personText(newPerson(), ri(0, 3)); const f = pick(b.inc); return { t: f(p, ''), cat: 'transfer', amt: () => amtP(1000, 20000) }; });
  const nla = ri(2, 4); const chosen = new Set(); while (chosen.size < nla) chosen.add(ri(0, la.length - 1));
  for (const k of chosen) { const g = la[k](); let d = start + ri(2, 30); while (d <= cutoff) { add(d, g.amt(), g.t, g.cat, 'L'); d += pick([3, 5, 9, 12, 17, 22, 26, 33, 41, 48, 55, 63]) + ri(0, 3); } }
  // pending at the end
  const np = ri(1, 6);
  for (let i = 0; i < np; i++) { const m = pickPool(); const d = today - ri(0, 2); const t = add(d, -amtP(m.lo, m.hi), b.card[m.v % b.card.length](mTextFor(b, m, m.v), d, hmask), m.cat, 'P'); t.pending = true; }

  txs.sort((a, c) => (a.d - c.d) || ((a.pending ? 1 : 0) - (c.pending ? 1 : 0)));
  // pending must come after all booked: booked are <= cutoff < pending dates
  txs.forEach((t, i) => { t.id = `${id}-${String(i + 1).padStart(4, '0')}`; });
  const outStreams = streams.map((s) => {
    const ms = s.members; const amts = ms.map((t) => t.amount);
    const last = ms[ms.length - 1].d;
    const P = PER[s.freq];
    const isActive = today - last <= 1.5 * P;
    return { direction: ms[0].amount > 0 ? 'incoming' : 'outgoing', frequency: s.freq, amount_type: amts.every((a) => a === amts[0]) ? 'fixed' : 'variable', category: s.sp.cat, is_active: isActive, transaction_ids: ms.map((t) => t.id) };
  });
  return {
    id, today: fromD(today), note: `${hh.retired ? 'retired household' : 'household'} in ${town}, ${b.name}, ${months} months${hh.renting ? ', renting' : ''}${hh.kids ? ', kids' : ''}`,
    transactions: txs.map((t) => ({ id: t.id, date: fromD(t.d), amount: t.amount, description: t.description, category: t.category, pending: !!t.pending })),
    streams: outStreams,
  };
}
const histories = [];
for (let i = 0; i < 66; i++) histories.push(buildHistory(i));
fs.writeFileSync(path.join(OUT, 'recurring-blind.json'), JSON.stringify(histories, null, 1) + '\n');

// ---------- summary ----------
const sum = { seed: 91309, categorize: { rows: rows.length, per_category: {} }, recurring: { histories: histories.length, transactions: 0, pending: 0, streams: 0, per_frequency: {}, active: 0, inactive: 0, fixed: 0, variable: 0, incoming: 0, outgoing: 0, per_category: {}, months_min: null, months_max: null } };
for (const r of rows) sum.categorize.per_category[r[2]] = (sum.categorize.per_category[r[2]] || 0) + 1;
for (const h of histories) {
  const span = Math.round((toD(h.today) - toD(h.transactions[0].date)) / 30.44 * 10) / 10; sum.recurring.months_min = Math.min(sum.recurring.months_min ?? 99, span); sum.recurring.months_max = Math.max(sum.recurring.months_max ?? 0, span); sum.recurring.histories_24_36_months = (sum.recurring.histories_24_36_months || 0) + (span >= 24 ? 1 : 0);
  sum.recurring.transactions += h.transactions.length; sum.recurring.pending += h.transactions.filter((t) => t.pending).length;
  for (const s of h.streams) { const S = sum.recurring; S.streams++; S.per_frequency[s.frequency] = (S.per_frequency[s.frequency] || 0) + 1; s.is_active ? S.active++ : S.inactive++; S[s.amount_type]++; S[s.direction]++; S.per_category[s.category] = (S.per_category[s.category] || 0) + 1; }
}
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(sum, null, 2) + '\n');
console.log(JSON.stringify(sum));
