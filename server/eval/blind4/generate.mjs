// blind4 generator — plain Node ESM, no dependencies. Seed 860312 (mulberry32).
// Writes categorize-blind.tsv, recurring-blind.json, summary.json beside itself.
// Every label below is the generator's own ground truth for what it invented.
import { writeFileSync } from 'node:fs';

const OUT = new URL('.', import.meta.url);
const SEED = 860312;

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
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
const wpick = (pairs) => {
  let tot = 0;
  for (const [, w] of pairs) tot += w;
  let x = rnd() * tot;
  for (const [v, w] of pairs) {
    x -= w;
    if (x < 0) return v;
  }
  return pairs[pairs.length - 1][0];
};
function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(ri(0, 9));
  return s;
};

// ---------- dates (day numbers since epoch, UTC) ----------
const D = (y, m, d) => Date.UTC(y, m - 1, d) / 864e5;
const ymd = (n) => {
  const dt = new Date(n * 864e5);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
const iso = (n) => {
  const { y, m, d } = ymd(n);
  return `${y}-${pad(m)}-${pad(d)}`;
};
const dow = (n) => new Date(n * 864e5).getUTCDay();
const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const addMonths = (n, k) => {
  const { y, m, d } = ymd(n);
  const t = (y * 12 + (m - 1) + k);
  const yy = Math.floor(t / 12);
  const mm = (t % 12) + 1;
  return D(yy, mm, Math.min(d, dim(yy, mm)));
};
const rollFwd = (n) => (dow(n) === 6 ? n + 2 : dow(n) === 0 ? n + 1 : n);
const rollBack = (n) => (dow(n) === 6 ? n - 1 : dow(n) === 0 ? n - 2 : n);
const dDot = (n) => { const { y, m, d } = ymd(n); return `${pad(d)}.${pad(m)}.${y}`; };
const dDotS = (n) => { const { m, d } = ymd(n); return `${pad(d)}.${pad(m)}.`; };
const dSlash = (n) => { const { y, m, d } = ymd(n); return `${pad(d)}/${pad(m)}/${String(y).slice(2)}`; };
const dDash = (n) => { const { y, m, d } = ymd(n); return `${pad(d)}-${pad(m)}-${y}`; };
const dAny = (n) => pick([dDot, dDotS, dSlash, iso, dDash])(n);
const tm = () => (chance(0.5) ? `${pad(ri(7, 22))}:${pad(ri(0, 59))}` : `${pad(ri(7, 22))}:${pad(ri(0, 59))}:${pad(ri(0, 59))}`);
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];

// ---------- text noise ----------
function stripDia(s) {
  return s.replace(/[čćČĆšŠžŽđĐ]/g, (c) => ({ č: 'c', ć: 'c', Č: 'C', Ć: 'C', š: 's', Š: 'S', ž: 'z', Ž: 'Z', đ: 'dj', Đ: 'DJ' })[c]);
}
const CYR = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function toCyr(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lo = ch.toLowerCase();
    const up = ch !== lo;
    const two = s.slice(i, i + 2).toLowerCase();
    let c = null;
    if (two === 'lj') c = 'љ';
    else if (two === 'nj') c = 'њ';
    else if (two === 'dž') c = 'џ';
    if (c) { out += up ? c.toUpperCase() : c; i++; continue; }
    if (CYR[lo]) out += up ? CYR[lo].toUpperCase() : CYR[lo];
    else out += ch;
  }
  return out;
}
const titleCase = (s) => s.toLowerCase().replace(/(^|[\s\-/.(*])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
function finish(s, bank, opts = {}) {
  let x = s.replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (opts.cyr || (bank.cyr && chance(bank.cyr) && !opts.noCyr)) x = toCyr(x);
  else if (chance(bank.strip)) x = stripDia(x);
  const c = wpick(bank.caseW);
  if (c === 'U') x = x.toUpperCase();
  else if (c === 'L') x = x.toLowerCase();
  else if (c === 'T') x = titleCase(x);
  if (bank.trunc && x.length > bank.trunc) x = x.slice(0, bank.trunc).trimEnd();
  else if (!bank.trunc && x.length > 70 && chance(0.15)) x = x.slice(0, 70).trimEnd();
  return x;
}

// ---------- banks ----------
const fxs = (x) => (x.fx ? ` ${x.fx}` : '');
const maskCard = () => {
  const last = digits(4);
  return pick([
    () => `4405****${last}`, () => `*${last}`, () => `XXXX XXXX XXXX ${last}`, () => `516789XXXXXX${last}`,
    () => `9891****${last}`, () => `5xxx ${last}`,
  ])();
};
const tid = () => pick([() => `TID ${digits(8)}`, () => `T:SRB${digits(5)}`, () => `TERM ${digits(6)}`, () => `${digits(8)}`])();

const B = (name, short, card, o) => ({ name, short, card, cyr: 0, strip: 0.4, trunc: 0, caseW: [['K', 1]], ...o });
const BANKS = {
  intesa: B('Banca Intesa', 'INTESA', [
    (x) => `POS ${dDot(x.d)} ${x.M} ${x.C} ${x.CC}${fxs(x)}`,
    (x) => `Kupovina ${x.M} ${x.C} ${x.card}${fxs(x)}`,
    (x) => `EFT POS KUPOVINA ${x.M}>${x.C} ${x.CC}`,
    (x) => (x.online ? `Internet kupovina ${x.M}${x.fx ? fxs(x) : ` ${x.C}`}` : `POS KUPOVINA ${x.M} ${x.C}`),
  ], { caseW: [['U', 3], ['K', 1]], strip: 0.8 }),
  raiffeisen: B('Raiffeisen banka', 'RBA', [
    (x) => `Placanje karticom: ${x.M}, ${x.C}, ${x.CC}`,
    (x) => `PURCHASE ${x.M} ${x.C} ${dSlash(x.d)} ${tm()}${fxs(x)}`,
    (x) => `Kartica ${x.card} ${x.M} ${x.C}`,
  ], { strip: 0.9, caseW: [['K', 2], ['U', 1]] }),
  otp: B('OTP banka', 'OTP', [
    (x) => `KUPOVINA POS ${tid()} ${x.M} ${x.C}`,
    (x) => `OTP ${x.card} ${x.M} ${x.C} ${x.CC}${fxs(x)}`,
    (x) => `${dDot(x.d)} ${x.M} ${x.C}`,
  ], { cyr: 0.15, caseW: [['U', 2], ['K', 1]] }),
  erste: B('Erste banka', 'ERSTE', [
    (x) => `Kartična transakcija ${x.M} ${x.C}`,
    (x) => `Erste Mastercard ${x.card} ${x.M} ${x.C} ${x.CC}${fxs(x)}`,
    (x) => `${x.M} ${x.C} ${x.CC} ${dDot(x.d)}`,
  ], { strip: 0.1, caseW: [['K', 3], ['T', 1]] }),
  aik: B('AIK banka', 'AIK', [
    (x) => `AIK POS KUPOVINA ${dDotS(x.d)} ${x.M} ${x.C}`,
    (x) => `KUPOVINA ${x.M} ${x.C} ${x.CC}${fxs(x)}`,
  ], { trunc: 40, caseW: [['U', 1]], strip: 1 }),
  unicredit: B('UniCredit Bank', 'UCB', [
    (x) => `UCB POS: ${x.M}>${x.C} ${x.CC}`,
    (x) => `Kartica ${x.M} ${x.card}${fxs(x)}`,
    (x) => `${x.M}\\${x.C}`,
  ], { trunc: 35, strip: 0.9, caseW: [['U', 2], ['K', 1]] }),
  addiko: B('Addiko Bank', 'ADDIKO', [
    (x) => `KUPOVINA KARTICOM ${dDash(x.d)} ${x.M} ${x.C}`,
    (x) => `ADDIKO DEBIT ${x.card} ${x.M}${fxs(x)}`,
  ], { caseW: [['U', 1]], strip: 0.7 }),
  postanska: B('Banka Poštanska štedionica', 'PS', [
    (x) => `PS DINA ${x.card} ${x.M} ${x.C}`,
    (x) => `КУПОВИНА ${x.M} ${x.C}`,
    (x) => `POS ${x.M} ${x.C}${fxs(x)}`,
  ], { cyr: 0.35, caseW: [['U', 3], ['K', 1]] }),
  nlb: B('NLB Komercijalna banka', 'NLB', [
    (x) => `NLB POS ${x.M} ${x.C} ${x.CC}`,
    (x) => `Купопродаја картицом ${x.M} ${x.C}`,
    (x) => `Kupovina ${dDot(x.d)} ${tm()} ${x.M}${fxs(x)}`,
  ], { cyr: 0.2, caseW: [['K', 2], ['U', 1]] }),
  procredit: B('ProCredit Bank', 'PCB', [
    (x) => `Card payment ${x.M} ${x.C} ${x.CC}`,
    (x) => `Card payment${x.fx ? fxs(x) : ''} ${x.M}`,
  ], { strip: 1, caseW: [['K', 2], ['T', 1]] }),
  halk: B('Halkbank', 'HALK', [
    (x) => `HALK POS ${x.M} ${x.C} ${dDotS(x.d)}`,
    (x) => `KUPOVINA ${tid()} ${x.M}${fxs(x)}`,
  ], { trunc: 40, caseW: [['U', 1]], strip: 1 }),
  eurobank: B('Eurobank Direktna', 'EDB', [
    (x) => `EDB KUPOVINA ${x.M} ${x.C}`,
    (x) => `POS TRANSAKCIJA ${dDot(x.d)} ${x.M} ${x.C} ${x.CC}${fxs(x)}`,
    (x) => `${x.M} ${x.C}`,
  ], { caseW: [['U', 2], ['K', 1]], strip: 0.6 }),
  bank3: B('3Bank', '3B', [
    (x) => `3B POS ${x.M} ${x.C}`,
    (x) => `Kupovina karticom ${x.M} ${x.C} ${dDot(x.d)}${fxs(x)}`,
  ], { trunc: 35, strip: 0.8, caseW: [['K', 1], ['U', 1]] }),
  mobi: B('Yettel bank (Mobi banka)', 'YETTEL BANK', [
    (x) => `Placanje karticom ${x.M}${fxs(x)}`,
    (x) => `Plaćanje ${x.M} ${x.C} ${dDot(x.d)} ${tm()}`,
  ], { caseW: [['K', 2], ['L', 1]], strip: 0.5 }),
  api: B('API Bank', 'API', [
    (x) => `API POS ${dDotS(x.d)} ${x.M} ${x.C} ${x.CC}`,
    (x) => `KUPOVINA ${x.card} ${x.M}${fxs(x)}`,
  ], { caseW: [['U', 1]], strip: 1 }),
};
const BANK_KEYS = Object.keys(BANKS);

// shared non-card families
const acct = () => `${pick(['160', '205', '265', '170', '155', '325', '340', '105', '200', '355', '115', '310'])}-${digits(ri(6, 13))}-${digits(2)}`;
const pnb = () => pick([() => `97 ${digits(2)}${digits(ri(8, 14))}`, () => `${digits(ri(6, 12))}`, () => `97${digits(16)}`])();
const ORDER = [
  (p, s, c) => `Primalac: ${p} Svrha: ${s} Šifra plaćanja: ${c} Poziv na broj: ${pnb()} Račun: ${acct()}`,
  (p, s) => `Nalog za plaćanje ${p} ${s}`,
  (p, s) => `${p} - ${s}`,
  (p, s) => `E-BANK ${p} ${s} PNB ${pnb()}`,
  (p, s) => `Plaćanje računa ${p} ${s}`,
  (p, s) => `Svrha: ${s}, Primalac: ${p}`,
  (p, s, c) => `${s} / ${p} / ${c}`,
];
const hashNum = (str) => [...str].reduce((a, c) => (Math.imul(a, 31) + c.charCodeAt(0)) >>> 0, 17);
const STANDING = [
  (p, s) => `Trajni nalog ${String(hashNum(p) % 1000000).padStart(6, '0')}: ${p} ${s}`,
  (p, s) => `TRAJNI NALOG - ${s} ${p}`,
  (p, s) => `Trajni nalog ${p} ${s}`,
];
const IPS = [
  (p, s) => `IPS QR placanje ${p}`,
  (p, s) => `Instant placanje - ${p}${s ? ` ${s}` : ''}`,
  (p, s, d) => `IPS NBS ${p} ${dDot(d)}`,
  (p, s) => `Prenos IPS ${p}${s ? ` Svrha: ${s}` : ''}`,
  (p, s, d, C) => `PLAĆANJE QR KODOM ${p} ${C}`,
];
const CREDIT = [
  (p, s) => `Uplata - ${p} ${s}`,
  (p, s) => `Priliv ${p} ${s}`,
  (p, s) => `${s} ${p}`,
  (p, s, c) => `Odobrenje računa: ${p} Svrha: ${s} Šifra: ${c}`,
  (p, s) => `Prenos sredstava od ${p} ${s}`,
];
const styleSet = (bank, fam, k) => {
  // each bank uses a stable subset of each family
  const h = [...(bank.short + fam)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
  const idx = [];
  for (let i = 0; i < k; i++) idx.push((h + i * 3) % fam.length);
  return [...new Set(idx)].map((i) => fam[i]);
};
for (const b of Object.values(BANKS)) {
  b.order = styleSet(b, ORDER, 4);
  b.standing = styleSet(b, STANDING, 2);
  b.ips = styleSet(b, IPS, 3);
  b.credit = styleSet(b, CREDIT, 3);
}

// ---------- geography ----------
const CITIES = ['BEOGRAD', 'NOVI SAD', 'NIŠ', 'KRAGUJEVAC', 'SUBOTICA', 'ZRENJANIN', 'PANČEVO', 'ČAČAK', 'KRALJEVO', 'NOVI PAZAR', 'SMEDEREVO', 'LESKOVAC', 'VALJEVO', 'KRUŠEVAC', 'VRANJE', 'ŠABAC', 'UŽICE', 'SOMBOR', 'POŽAREVAC', 'PIROT', 'ZAJEČAR', 'KIKINDA', 'SREMSKA MITROVICA', 'JAGODINA', 'VRŠAC', 'BOR', 'PROKUPLJE', 'LOZNICA', 'INĐIJA', 'RUMA', 'ARANĐELOVAC', 'GORNJI MILANOVAC', 'OBRENOVAC', 'ZEMUN', 'NOVI BEOGRAD', 'ČUKARICA', 'PARAĆIN', 'NEGOTIN', 'BAČKA PALANKA', 'STARA PAZOVA', 'IVANJICA', 'PRIJEPOLJE', 'ZLATIBOR', 'VRNJAČKA BANJA', 'SENTA', 'BEČEJ'];
const HOME_CITIES = ['BEOGRAD', 'BEOGRAD', 'BEOGRAD', 'NOVI SAD', 'NOVI SAD', 'NIŠ', 'KRAGUJEVAC', 'SUBOTICA', 'ZRENJANIN', 'PANČEVO', 'ČAČAK', 'KRALJEVO', 'NOVI PAZAR', 'SMEDEREVO', 'LESKOVAC', 'VALJEVO', 'KRUŠEVAC', 'VRANJE', 'ŠABAC', 'UŽICE', 'SOMBOR', 'POŽAREVAC', 'PIROT', 'JAGODINA', 'VRŠAC', 'LOZNICA', 'INĐIJA'];
const CITY_ABBR = { BEOGRAD: ['BEOGRAD', 'BGD', 'BELGRADE', 'Beograd'], 'NOVI SAD': ['NOVI SAD', 'N.SAD', 'NOVISAD'], NIŠ: ['NIŠ', 'NIS', 'NISH'] };
const cityPrint = (c) => (CITY_ABBR[c] && chance(0.35) ? pick(CITY_ABBR[c]) : c);
const ccDom = () => pick(['RS', 'SRB', 'SRB', 'RS', 'SRBIJA', '688']);

const FIRST = ['Marko', 'Nikola', 'Stefan', 'Miloš', 'Aleksandar', 'Nemanja', 'Luka', 'Vuk', 'Dragan', 'Zoran', 'Goran', 'Dejan', 'Milan', 'Jovan', 'Đorđe', 'Ivan', 'Bojan', 'Vladimir', 'Jelena', 'Milica', 'Ana', 'Marija', 'Jovana', 'Ivana', 'Tijana', 'Snežana', 'Dragana', 'Sanja', 'Katarina', 'Teodora', 'Nataša', 'Gordana', 'Vesna', 'Ljiljana', 'Branka', 'Mirjana', 'Željko', 'Slobodan', 'Nenad', 'Predrag', 'Danica', 'Radmila'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Todorović', 'Kostić', 'Ristić', 'Lazić', 'Mitrović', 'Živković', 'Savić', 'Obradović', 'Kovačević', 'Lukić', 'Vasić', 'Tomić', 'Janković', 'Radovanović', 'Simić', 'Pešić', 'Gajić', 'Filipović', 'Bošković', 'Radosavljević', 'Knežević', 'Milenković', 'Ćirić', 'Vučković', 'Ðukić'];
const person = () => {
  const f = pick(FIRST);
  const l = pick(LAST);
  return pick([`${f} ${l}`, `${l} ${f}`, `${f.toUpperCase()} ${l.toUpperCase()}`, `${l.toUpperCase()} ${f.toUpperCase()}`, `${f[0]}. ${l}`]);
};

// ---------- merchants (card / IPS QR purchases) ----------
// [category, printed variants ('#' = store number), min RSD, max RSD, kind]
// kind: n = national chain (home city), l = local business, o = online foreign (FX), od = online domestic
const MER = [
  // groceries
  ['groceries', ['MAXI #', 'MAXI MP #', 'DELHAIZE MAXI #', 'Maxi #'], 250, 9500, 'n'],
  ['groceries', ['IDEA #', 'SUPER IDEA #', 'IDEA ORGANIC #', 'MERCATOR-S IDEA #'], 200, 8000, 'n'],
  ['groceries', ['LIDL SRBIJA KD #', 'LIDL #', 'Lidl Srbija'], 300, 12000, 'n'],
  ['groceries', ['RODA #', 'RODA MEGAMARKET #', 'MERCATOR #'], 300, 11000, 'n'],
  ['groceries', ['UNIVEREXPORT #', 'UNIVER EXPORT MP #'], 200, 7000, 'n'],
  ['groceries', ['DIS #', 'DIS MARKET #', 'DIS DOO KRNJEVO'], 300, 9000, 'n'],
  ['groceries', ['AMAN #', 'AMAN DOO MP#', 'TEMPO #', 'GOMEX #', 'SHOP&GO #'], 150, 6500, 'n'],
  ['groceries', ['MARKET DUGA', 'MINI MARKET JOVANA', 'PRODAVNICA KOD MIKE', 'SAMOUSLUGA VESNA', 'STR PRODAVNICA SLOGA', 'MARKET 24H', 'PRODAVNICA BRANKA'], 80, 3500, 'l'],
  ['groceries', ['MESARA ZLATIBORAC', 'MESARA KOD BORE', 'MESARA MIJATOVIC', 'PILARA PERUTNINA'], 600, 6000, 'l'],
  ['groceries', ['TRAFIKA #', 'KIOSK NIVES', 'TRAFIKA JOVIC', 'MARKET KIOSK #'], 90, 1200, 'l'],
  ['groceries', ['DM DROGERIE MARKT #', 'DM-DROGERIE #', 'LILLY DROGERIE #', 'LILLY #'], 250, 6000, 'n'],
  ['groceries', ['APOTEKA BENU #', 'BENU APOTEKA', 'APOTEKA JANKOVIC #', 'ZEGIN APOTEKA', 'GALEN PHARM APOTEKA', 'APOTEKA BEOGRAD #', 'APOTEKA SALVIA', 'APOTEKA LAURUS'], 150, 7000, 'n'],
  ['groceries', ['POLIKLINIKA MEDIGROUP', 'BEL MEDIC', 'BEO-LAB LABORATORIJA', 'STOMATOLOSKA ORDINACIJA DR PERIC', 'OFTALMOLOSKA ORD. VIDIK', 'LABORATORIJA KONZILIJUM'], 2500, 25000, 'l'],
  ['groceries', ['ZARA #', 'H&M #', 'LC WAIKIKI #', 'DEICHMANN #', 'OFFICE SHOES #', 'SPORT VISION #', 'PLANETA SPORT #', 'BUTIK ANABELA', 'BUTIK LINEA', 'TIFFANY #', 'BATA #'], 1200, 18000, 'n'],
  ['groceries', ['IKEA BEOGRAD', 'JYSK #', 'EMMEZETA #', 'METALAC PRODAJA #', 'LESNINA XXXL', 'HOME CENTAR #', 'PEPCO #', 'TEDI #'], 400, 30000, 'n'],
  ['groceries', ['GIGATRON #', 'TEHNOMANIJA #', 'WINWIN #', 'COMTRADE SHOP', 'EMMI #'], 1500, 90000, 'n'],
  ['groceries', ['ALIEXPRESS.COM', 'TEMU.COM', 'AMZN Mktp DE', 'AMAZON EU SARL', 'EBAY O*#', 'PAYPAL *ALIEXPRESS'], 400, 12000, 'o'],
  ['groceries', ['PIJACA ZELENI VENAC', 'PIJACA KALENIC', 'BAJLONIJEVA PIJACA', 'FUTOSKA PIJACA', 'TRZNICA NIS', 'PIJACA SKADARLIJA', 'GRADSKA PIJACA'], 300, 4500, 'l'],
  // dining
  ['dining', ["MCDONALD'S #", 'MCDONALDS #', 'KFC #', 'BURGER KING #'], 450, 3500, 'n'],
  ['dining', ['WALTER #', 'WALTER CEVABDZINICA', 'CEVABDZINICA ZELJA', 'ROSTILJ KOD DRAGANA', 'ROŠTILJ ČIKA MIŠA', 'GRILL MASTER'], 400, 4500, 'l'],
  ['dining', ['HLEB I KIFLE #', 'PEKABETA #', 'PEKARA TOMA #', 'PEKARA SKROB', 'PEKARA KOD BRACE', 'PEKARA ZLATNI KLAS', 'PEKARA MINA'], 90, 1400, 'n'],
  ['dining', ['PIZZERIA TRATTORIA', 'PIZZERIA NAPOLI', 'PIZZA BAR #', 'DOMINO PIZZA', 'PICERIJA MAMMA MIA'], 800, 5000, 'l'],
  ['dining', ['KAFETERIJA #', 'KOFFEIN #', 'GRADSKA KAFANA', 'CAFFE BAR CENTRAL', 'CAFFE CASA', 'KAFIC GALERIJA', 'MAHALA CAFFE', 'COFFEE DREAM #', 'GREENET #'], 180, 2500, 'l'],
  ['dining', ['KAFANA ZNAK PITANJA', 'RESTORAN DVA JELENA', 'RESTORAN ORASJE', 'KAFANA STARI HRAST', 'RESTORAN DOLCE VITA', 'BISTRO MALI PODRUM', 'RESTORAN ETNO KUCA', 'STR SKADARLIJA'], 1500, 12000, 'l'],
  ['dining', ['PUB THE BLACK TURTLE', 'IRISH PUB', 'BAR MAGIJA', 'CRAFT BAR #', 'PIVNICA KOD SRECE'], 500, 6000, 'l'],
  ['dining', ['POSLASTICARNICA PELIVAN', 'POSLASTICARNICA ASKERC', 'BOMBONJERA', 'POSLASTICARNICA SLATKI KUTAK', 'ICE CREAM BAR DUNAV'], 200, 2500, 'l'],
  ['dining', ['WOLT', 'WOLT.COM', 'GLOVO', 'GLOVOAPP', 'DONESI.COM', 'DONESI'], 700, 5500, 'od'],
  ['dining', ['MENZA STUDENTSKI CENTAR', 'RESTORAN DRUSTVENE ISHRANE', 'KANTINA FABRIKA'], 150, 900, 'l'],
  // transport
  ['transport', ['NIS PETROL BS #', 'NIS PETROL #', 'GAZPROM BS #', 'OMV #', 'MOL SRBIJA #', 'LUKOIL #', 'EKO SERBIA #', 'KNEZ PETROL #', 'AVIA #'], 1500, 9000, 'n'],
  ['transport', ['CARGO', 'CAR:GO', 'YANDEX GO', 'YANDEX.GO', 'NAXI TAXI', 'PINK TAXI', 'TAXI BEOGRAD'], 350, 2800, 'od'],
  ['transport', ['BUSPLUS', 'BUS PLUS DOPUNA', 'GSP BEOGRAD', 'JGSP NOVI SAD', 'NIS EKSPRES GRADSKI', 'KRAGUJEVAC GRADSKI'], 90, 3300, 'n'],
  ['transport', ['PARKING SERVIS', 'JKP PARKING SERVIS', 'GARAZA OBILICEV VENAC', 'PARKING NOVI SAD', 'SMS PARKING'], 80, 1500, 'n'],
  ['transport', ['PUTEVI SRBIJE NAPLATNA', 'PUTARINA #', 'JP PUTEVI SRBIJE'], 200, 2600, 'n'],
  ['transport', ['SRBIJAVOZ', 'SRBIJAVOZ BILETARNICA', 'LASTA AUTOBUSKA STANICA', 'BAS BEOGRAD', 'NIS EKSPRES'], 300, 4500, 'n'],
  ['transport', ['AIR SERBIA', 'AIRSERBIA.COM', 'WIZZ AIR', 'WIZZAIR.COM', 'RYANAIR'], 6000, 60000, 'o'],
  ['transport', ['AUTO SERVIS MIKI', 'AUTO SERVIS PETROVIC', 'VULKANIZER KOD ZIKE', 'AUTOPERIONICA SJAJ', 'PERIONICA SUPER WASH', 'AUTO DELOVI MIKIC', 'TEHNICKI PREGLED AMSS'], 500, 35000, 'l'],
  // entertainment
  ['entertainment', ['CINEPLEXX #', 'CINESTAR #', 'ARENA CINEPLEX', 'BIOSKOP FONTANA'], 450, 3000, 'n'],
  ['entertainment', ['EVENTIM.RS', 'TICKETS.RS', 'EFECTIVA', 'NARODNO POZORISTE', 'JUGOSLOVENSKO DRAMSKO', 'NARODNI MUZEJ', 'MUZEJ SAVREMENE UMETNOSTI', 'SNP NOVI SAD'], 600, 9000, 'od'],
  ['entertainment', ['STEAM PURCHASE', 'STEAMGAMES.COM', 'PLAYSTATION NETWORK', 'SONY PLAYSTATION STORE', 'EPIC GAMES', 'NINTENDO ESHOP'], 500, 8000, 'o'],
  ['entertainment', ['FITNESS CLUB ARENA', 'GYM ELITE', 'SC TASMAJDAN BAZEN', 'SPORTSKI CENTAR #', 'BOWLING CENTAR', 'LUNAPARK ADA', 'ESCAPE ROOM', 'AKVAPARK'], 300, 6000, 'l'],
  ['entertainment', ['MOZZART', 'MAXBET', 'SOCCERBET', 'MERIDIAN', 'ADMIRAL BET', 'DRZAVNA LUTRIJA SRBIJE'], 200, 5000, 'od'],
  ['entertainment', ['VULKAN KNJIZARA #', 'DELFI KNJIZARA #', 'LAGUNA KLUB CITALACA', 'KNJIZARA MALI PRINC'], 700, 6000, 'n'],
  ['entertainment', ['BOOKING.COM', 'AIRBNB', 'HOTELS.COM', 'HOTEL PALISAD ZLATIBOR', 'HOTEL ZEPTER', 'HOSTEL BANJA'], 5000, 60000, 'o'],
];
const ONLINE_LOC = {
  'ALIEXPRESS.COM': ['LONDON', 'GB'], 'TEMU.COM': ['DUBLIN', 'IE'], 'AMZN Mktp DE': ['AMAZON.DE', 'DE'], 'AMAZON EU SARL': ['LUXEMBOURG', 'LU'],
  'EBAY O*#': ['SAN JOSE', 'US'], 'PAYPAL *ALIEXPRESS': ['4029357733', 'GB'], 'AIR SERBIA': ['BEOGRAD', 'RS'], 'AIRSERBIA.COM': ['BEOGRAD', 'RS'],
  'WIZZ AIR': ['BUDAPEST', 'HU'], 'WIZZAIR.COM': ['BUDAPEST', 'HU'], RYANAIR: ['DUBLIN', 'IE'], 'STEAM PURCHASE': ['BELLEVUE', 'US'],
  'STEAMGAMES.COM': ['425-889-9642', 'US'], 'PLAYSTATION NETWORK': ['LONDON', 'GB'], 'SONY PLAYSTATION STORE': ['LONDON', 'GB'], 'EPIC GAMES': ['CARY', 'US'],
  'NINTENDO ESHOP': ['FRANKFURT', 'DE'], 'BOOKING.COM': ['AMSTERDAM', 'NL'], AIRBNB: ['DUBLIN', 'IE'], 'HOTELS.COM': ['LONDON', 'GB'],
};

const storeNo = () => pick([() => digits(3), () => String(ri(1, 999)), () => `0${digits(3)}`, () => `MP${digits(2)}`]);
function printMerchant(variant) {
  return variant.replace('#', storeNo()).replace(/\s+$/, '');
}

// FX rates by day
const eurRate = (d) => 117.15 + 0.09 * Math.sin(d / 23) + 0.05 * Math.sin(d / 7.3);
const usdRate = (d) => 108 - (d - D(2024, 1, 1)) * 0.0085 + 2.1 * Math.sin(d / 41) + 0.6 * Math.sin(d / 9.1);
const fxToPara = (amt, cur, d, margin) => Math.round(amt * (cur === 'EUR' ? eurRate(d) : usdRate(d)) * (1 + margin) * 100);
const fxText = (amt, cur) => pick([
  () => `${amt.toFixed(2)} ${cur}`, () => `${cur} ${amt.toFixed(2)}`, () => `${cur} ${amt.toFixed(2).replace('.', ',')}`,
  () => `(${amt.toFixed(2)} ${cur})`, () => `IZNOS ${amt.toFixed(2)} ${cur}`,
])();

// one card purchase description
function cardDesc(bank, M, C, CC, d, fx, styleFn, online = false) {
  const x = { M, C, CC, d, fx, card: maskCard(), online: online || !!fx || (CC && !['RS', 'SRB', 'SRBIJA', '688'].includes(CC)) };
  const f = styleFn || pick(bank.card);
  return f(x);
}

function merchantPurchase(bank, mer, home, d, forceCard = false) {
  const [cat, vars, lo, hi, kind] = mer;
  const v = pick(vars);
  let M = printMerchant(v);
  let C = kind === 'l' || kind === 'n' ? (chance(0.8) ? home : pick(CITIES)) : home;
  let CC = ccDom();
  let fx = '';
  let amt = Math.round(rf(lo, hi) * 100);
  if (chance(0.35)) amt = Math.round(amt / 100) * 100 - (chance(0.5) ? 1 : 0);
  if (kind === 'o') {
    const loc = ONLINE_LOC[v] || ['INTERNET', 'GB'];
    C = loc[0];
    CC = loc[1];
    if (CC !== 'RS') {
      const cur = chance(0.7) ? 'EUR' : 'USD';
      const fa = Math.round((amt / 100 / (cur === 'EUR' ? 117.2 : 104)) * 100) / 100;
      amt = fxToPara(fa, cur, d, rf(0, 0.02));
      if (chance(0.6)) fx = fxText(fa, cur);
    }
  } else if (kind === 'od') {
    C = chance(0.5) ? home : pick(['BEOGRAD', 'NOVI SAD', 'INTERNET', 'WWW']);
  }
  C = cityPrint(C);
  // IPS QR at local shops and markets
  let desc;
  if ((kind === 'l' || kind === 'n') && chance(0.12) && !forceCard) {
    desc = pick(bank.ips)(M, '', d, C);
  } else {
    desc = cardDesc(bank, M, C, CC, d, fx, null, kind === 'o' || kind === 'od');
  }
  return { desc: finish(desc, bank), para: -amt, cat };
}

// ---------- order-type payees (non-card) ----------
const UTIL_ORDERS = [
  ['JKP INFOSTAN TEHNOLOGIJE', ['Racun za {mm}/{yyyy}', 'Infostan {mon} {yyyy}', 'Komunalne usluge {mm}/{yyyy}', 'Uplata po racunu'], 3000, 14000],
  ['EPS SNABDEVANJE', ['Struja {mm}/{yyyy}', 'Racun za el. energiju {mon}', 'ED broj {ref}', 'El. energija {mm}.{yyyy}'], 2500, 16000],
  ['ELEKTROPRIVREDA SRBIJE AD', ['Racun za struju {mon}', 'Potrosnja {mm}/{yyyy}'], 2500, 16000],
  ['JKP BEOGRADSKE ELEKTRANE', ['Grejanje {mm}/{yyyy}', 'Racun za grejanje'], 4000, 15000],
  ['SRBIJAGAS AD', ['Gas {mm}/{yyyy}', 'Racun za gas {mon}'], 1500, 18000],
  ['JKP INFORMATIKA NOVI SAD', ['Zbirni racun {mm}/{yyyy}', 'Komunalije {mon}'], 3500, 13000],
  ['JKP GRADSKA TOPLANA NIS', ['Grejanje {mm}/{yyyy}'], 4000, 13000],
  ['NOVOSADSKA TOPLANA', ['Daljinsko grejanje {mon}'], 4000, 14000],
  ['JKP VODOVOD I KANALIZACIJA', ['Voda {mm}/{yyyy}', 'Racun za vodu {mon}'], 900, 4500],
  ['JKP CISTOCA', ['Odnosenje smeca {mm}/{yyyy}'], 500, 1800],
  ['STAMBENA ZAJEDNICA', ['Tekuce odrzavanje {mm}/{yyyy}', 'Odrzavanje zgrade', 'Investiciono odrzavanje'], 500, 3500],
  ['UPRAVNIK ZGRADE DOO', ['Usluge upravnika {mm}/{yyyy}', 'Profesionalni upravnik'], 600, 2500],
  ['TELEKOM SRBIJA AD', ['Racun mts {mm}/{yyyy}', 'mts racun broj {ref}', 'Fiksni telefon i internet'], 1500, 8000],
  ['A1 SRBIJA DOO', ['Racun za mobilni {mon}', 'A1 racun {mm}/{yyyy}'], 1200, 6000],
  ['YETTEL DOO', ['Yettel racun {mm}/{yyyy}', 'Postpaid racun'], 1200, 6000],
  ['SBB DOO', ['SBB racun {mm}/{yyyy}', 'Kablovska i internet'], 2200, 6000],
  ['ORION TELEKOM', ['Internet {mm}/{yyyy}'], 1500, 3500],
  ['DUNAV OSIGURANJE ADO', ['Premija osiguranja polisa {ref}', 'Polisa {ref}'], 2500, 40000],
  ['DDOR NOVI SAD ADO', ['Premija polisa {ref}', 'Osiguranje domacinstva'], 2500, 35000],
  ['GENERALI OSIGURANJE SRBIJA', ['Polisa {ref} premija', 'Putno osiguranje'], 1500, 30000],
  ['WIENER STADTISCHE OSIGURANJE', ['Zivotno osiguranje polisa {ref}', 'Premija {ref}'], 2500, 20000],
  ['LPA GRAD BEOGRAD', ['Porez na imovinu {q}/{yyyy}', 'Porez na imovinu fizickih lica'], 2000, 25000],
  ['LOKALNA PORESKA ADMINISTRACIJA', ['Porez na imovinu rata {q}', 'Lokalna komunalna taksa'], 1500, 20000],
  ['REPUBLICKA ADMINISTRATIVNA TAKSA', ['Administrativna taksa', 'Taksa za licnu kartu', 'Taksa za pasos'], 500, 5000],
  ['BUDZET REPUBLIKE SRBIJE', ['Saobracajna kazna', 'Novcana kazna {ref}'], 3000, 20000],
  ['PU RADOSNO DETINJSTVO', ['Vrtic {mon} {yyyy}', 'Uplata za boravak deteta'], 4000, 12000],
  ['PU DECJI VRTIC CUKARICA', ['Vrtic za {mm}/{yyyy}'], 4000, 12000],
  ['OS VUK KARADZIC', ['Uzina i osiguranje ucenika', 'Ekskurzija rata'], 800, 9000],
];
const fillPurpose = (s, d, extra = {}) => {
  const { y, m } = ymd(d);
  return s.replace('{mm}', pad(m)).replace('{yyyy}', String(y)).replace('{mon}', MONTHS[m - 1]).replace('{ref}', digits(ri(6, 10)))
    .replace('{q}', String(extra.q || Math.ceil(m / 3)));
};
function orderDesc(bank, payee, purpose, code, d, { standing = false, ips = false, C = '' } = {}) {
  if (standing) return pick(bank.standing)(payee, purpose);
  if (ips) return pick(bank.ips)(payee, purpose, d, C);
  return pick(bank.order)(payee, purpose, code);
}

// ---------- categorize rows ----------
function catRow(cat) {
  const bank = BANKS[pick(BANK_KEYS)];
  const home = pick(HOME_CITIES);
  const d = D(2025, 1, 1) + ri(0, 650);
  if (['groceries', 'dining', 'transport', 'entertainment'].includes(cat)) {
    if (cat === 'groceries' && chance(0.05)) {
      // unnamed card shop
      const C = cityPrint(home);
      return { desc: finish(cardDesc(bank, pick(['POS TERMINAL', 'PRODAVNICA', 'MP 12', 'STR', 'SZR']), C, ccDom(), d, ''), bank), para: -ri(15000, 400000), cat };
    }
    if (cat === 'transport' && chance(0.1)) {
      const [p, s] = pick([['MUP REPUBLIKE SRBIJE', 'Registracija vozila'], ['AMSS CENTAR ZA MOTORNA VOZILA', 'Tehnicki pregled i registracija'], ['PUTEVI SRBIJE', 'Dopuna TAG uredjaja'], ['JKP PARKING SERVIS', 'Doplatna karta {ref}'], ['SRBIJAVOZ AD', 'Mesecna karta {mon}']]);
      return { desc: finish(orderDesc(bank, p, fillPurpose(s, d), '290', d, { ips: chance(0.3) }), bank), para: -ri(100000, 3000000), cat };
    }
    const pool = MER.filter((m) => m[0] === cat);
    return merchantPurchase(bank, pick(pool), home, d);
  }
  if (cat === 'subscriptions') {
    const s = pick(SUBS);
    const occ = subOccurrence(bank, s, d, s.fxAmt ?? s.rsd / 100);
    return { desc: occ.desc, para: occ.para, cat };
  }
  if (cat === 'utilities') {
    const u = pick(UTIL_ORDERS);
    let payee = u[0];
    if (payee === 'JKP VODOVOD I KANALIZACIJA') payee += ` ${home}`;
    const purpose = fillPurpose(pick(u[1]), d);
    const amt = -ri(u[2] * 100, u[3] * 100);
    let desc;
    const r = rnd();
    if (r < 0.55) desc = orderDesc(bank, payee, purpose, pick(['289', '221', '253', '290']), d);
    else if (r < 0.75) desc = orderDesc(bank, payee, purpose, '', d, { ips: true, C: home });
    else if (r < 0.88) desc = orderDesc(bank, payee, purpose, '', d, { standing: true });
    else desc = cardDesc(bank, pick(['MTS WEB SHOP', 'TELEKOM SRBIJA', 'A1 SRBIJA ONLINE', 'YETTEL ONLINE', 'SBB WEB', 'EPS ONLINE PLACANJE', 'INFOSTAN ONLINE', 'POSTA SRBIJE RACUN']), cityPrint(home), ccDom(), d, '');
    return { desc: finish(desc, bank), para: amt, cat };
  }
  if (cat === 'rent') {
    const who = chance(0.75) ? person() : pick(['STAN INVEST DOO', 'AGENCIJA ZA NEKRETNINE KVADRAT', 'CITY EXPERT DOO', 'HALO OGLASI NEKRETNINE', 'STUDENTSKI DOM IVO LOLA RIBAR', 'NEKRETNINE DUNAV DOO']);
    const { y, m } = ymd(d);
    const purpose = pick([`Kirija za ${MONTHS[m - 1]}`, `Kirija ${pad(m)}/${y}`, 'Stanarina', `Zakup stana ${MONTHS[m - 1]} ${y}`, 'kirija', `Najamnina stan ${pad(m)}.${y}`, `Stanarina za ${MONTHS[m - 1]}`, 'Zakupnina za stan']);
    const r = rnd();
    const desc = r < 0.5 ? orderDesc(bank, who, purpose, '289', d) : r < 0.8 ? orderDesc(bank, who, purpose, '', d, { ips: true, C: home }) : orderDesc(bank, who, purpose, '', d, { standing: true });
    return { desc: finish(desc, bank), para: -Math.round(ri(150, 900) * 117.2) * 100, cat };
  }
  if (cat === 'salary') return salaryRow(bank, d);
  return transferRow(bank, home, d);
}

const EMPLOYERS = ['NIS AD NOVI SAD', 'TELEKOM SRBIJA AD', 'NORDEUS DOO', 'MICROSOFT DEVELOPMENT CENTER SERBIA', 'DELHAIZE SERBIA DOO', 'GORENJE DOO VALJEVO', 'CONTINENTAL AUTOMOTIVE SERBIA', 'ROBERT BOSCH DOO', 'TIGAR TYRES DOO PIROT', 'HBIS GROUP SERBIA', 'DOM ZDRAVLJA SAVSKI VENAC', 'OS BRANKO RADICEVIC', 'MINISTARSTVO FINANSIJA', 'GRADSKA UPRAVA GRADA KRAGUJEVCA', 'KLINICKI CENTAR NIS', 'FCA SRBIJA DOO', 'LEONI WIRING SYSTEMS', 'YURA CORPORATION', 'ZIJIN MINING', 'HEMOFARM AD VRSAC', 'ELEKTROPRIVREDA SRBIJE', 'JP SRBIJAGAS', 'SYMPHONY SOLUTIONS', 'LEVI9 TECHNOLOGY SERVICES', 'EPAM SYSTEMS DOO', 'HTEC GROUP DOO', 'MERCATOR-S DOO', 'UNIVERZITET U BEOGRADU', 'JKP GSP BEOGRAD', 'POSTA SRBIJE'];
function salaryRow(bank, d) {
  const { y, m } = ymd(addMonths(d, -1));
  const emp = pick(EMPLOYERS);
  const kind = wpick([['zarada', 6], ['penzija', 2], ['honorar', 1], ['bonus', 0.6], ['dnevnice', 0.5], ['stipendija', 0.5], ['regres', 0.4]]);
  let purpose;
  let payer = emp;
  let amt;
  if (kind === 'zarada') {
    purpose = pick([`Zarada za ${pad(m)}/${y}`, `Isplata zarade ${MONTHS[m - 1]} ${y}`, `ZARADA ${pad(m)} ${y}`, 'Akontacija zarade', `Konacni obracun zarade ${pad(m)}/${y}`, `Plata ${MONTHS[m - 1]}`, 'Uplata zarade']);
    amt = ri(55000, 320000);
  } else if (kind === 'penzija') {
    payer = pick(['PIO FOND', 'RFPIO', 'REPUBLICKI FOND ZA PIO', 'FOND PIO BEOGRAD']);
    purpose = pick([`Penzija ${pad(m)}/${y}`, `Penzija za ${MONTHS[m - 1]}`, 'Isplata penzije', `PENZIJA ${MONTHS[m - 1].toUpperCase()} ${y}`]);
    amt = ri(24000, 110000);
  } else if (kind === 'honorar') {
    purpose = pick(['Autorski honorar', `Honorar po ugovoru ${digits(3)}/${y}`, 'Ugovor o delu - honorar']);
    amt = ri(15000, 180000);
  } else if (kind === 'bonus') {
    purpose = pick(['Bonus za rezultate', `Godisnji bonus ${y}`, 'Isplata bonusa', 'Kvartalni bonus Q' + Math.ceil(m / 3)]);
    amt = ri(20000, 300000);
  } else if (kind === 'dnevnice') {
    purpose = pick(['Dnevnice za sluzbeni put', 'Isplata dnevnica', 'Putni nalog br. ' + digits(3)]);
    amt = ri(3000, 60000);
  } else if (kind === 'stipendija') {
    payer = pick(['MINISTARSTVO PROSVETE', 'FOND ZA MLADE TALENTE', 'GRAD NOVI SAD', 'DOSITEJA FOND']);
    purpose = pick(['Studentska stipendija', `Stipendija ${MONTHS[m - 1]}`, 'Ucenicka stipendija']);
    amt = ri(8000, 30000);
  } else {
    purpose = pick([`Regres za godisnji odmor ${y}`, 'Isplata regresa']);
    amt = ri(10000, 60000);
  }
  const code = kind === 'penzija' ? '244' : kind === 'zarada' ? '240' : '241';
  let desc = pick(bank.credit)(payer, purpose, code);
  const opts = {};
  if (kind === 'penzija' && chance(0.2)) opts.cyr = true;
  return { desc: finish(desc, bank, opts), para: amt * 100 + (chance(0.7) ? ri(0, 99) : 0), cat: 'salary' };
}

function transferRow(bank, home, d, forceOut = null, noPeriodic = false) {
  if (noPeriodic) {
    const r = transferRow(bank, home, d, forceOut, false);
    return r.kind === 'fee' || r.kind === 'loan' || r.kind === 'save' ? transferRow(bank, home, d, forceOut, true) : r;
  }
  const k = wpick([['p2p_out', 5], ['p2p_in', 3], ['atm', 3], ['fee', 2], ['loan', 1.5], ['save', 1], ['wallet', 1.2], ['fx', 0.6], ['refund', 1], ['own', 1], ['bare', 0.8], ['deposit', 0.5]]);
  if (forceOut === true && ['p2p_in', 'refund', 'deposit'].includes(k)) return transferRow(bank, home, d, true);
  if (forceOut === false && !['p2p_in', 'refund', 'deposit'].includes(k)) return transferRow(bank, home, d, false);
  const { y, m } = ymd(d);
  let desc;
  let para;
  switch (k) {
    case 'p2p_out': {
      const p = person();
      const s = pick(['', 'Pozajmica', 'Vracam dug', 'Za rodjendan', 'Poklon', 'Za put', 'Povracaj', 'Hvala', 'Racun za veceru', 'Uplata', 'Za deciji rodjendan', 'Prenos']);
      desc = chance(0.5) ? orderDesc(bank, p, s || 'Prenos sredstava', '289', d) : pick(bank.ips)(p, s, d, home);
      para = -ri(500, 60000) * 100;
      break;
    }
    case 'p2p_in': {
      const p = person();
      desc = pick(bank.credit)(p, pick(['Prenos', 'Vracam pozajmicu', 'Za poklon', 'Uplata', 'Deo za racun', 'IPS prenos', 'Hvala']), '289');
      para = ri(500, 80000) * 100;
      break;
    }
    case 'atm': {
      const loc = pick(['ATM ' + bank.short, 'BANKOMAT ' + pick(['INTESA', 'RAIFFEISEN', 'OTP', 'AIK', 'ERSTE', 'UNICREDIT', 'NLB', 'POSTANSKA']), 'ATM EURONET', 'BANKOMAT ' + digits(4)]);
      const a = pick([1000, 2000, 3000, 5000, 10000, 15000, 20000, 30000, 40000]);
      desc = pick([
        () => `ISPLATA GOTOVINE ${loc} ${cityPrint(home)} ${dDot(d)} ${tm()}`,
        () => `Bankomat ${maskCard()} ${loc} ${cityPrint(home)}`,
        () => `ATM WITHDRAWAL ${loc} ${cityPrint(home)} ${ccDom()}`,
        () => `Podizanje gotovine ${dDot(d)} ${loc}`,
        () => `ИСПЛАТА ГОТОВИНЕ БАНКОМАТ ${home}`,
      ])();
      para = -a * 100 - (chance(0.3) ? ri(50, 400) * 100 : 0);
      break;
    }
    case 'fee': {
      desc = pick([`Naknada za vođenje računa ${pad(m)}/${y}`, 'Provizija za prenos', 'Članarina za karticu', 'Naknada za SMS servis', 'Troškovi platnog prometa', 'Mesečna naknada za paket računa', 'Provizija za isplatu gotovine', 'Naknada za izdavanje kartice', 'NAKNADA ZA E-BANKING', 'Godišnja članarina kartice Visa']);
      para = -ri(40, 3500) * 100;
      break;
    }
    case 'loan': {
      desc = pick([`Rata kredita ${digits(8)} ${pad(m)}/${y}`, `Naplata rate kredita br. ${digits(6)}`, `Otplata kredita - dospeće ${dDot(d)}`, 'Otplata duga po kreditnoj kartici', 'Rata gotovinskog kredita', 'Naplata minimalnog iznosa kreditne kartice']);
      para = -ri(4000, 70000) * 100;
      break;
    }
    case 'save': {
      desc = pick(['Prenos na štednju', 'Oročena štednja uplata', 'Uplata na štedni račun ' + acct(), 'Trajni nalog štednja', 'Prenos na devizni račun']);
      para = -ri(2000, 100000) * 100;
      break;
    }
    case 'wallet': {
      const [w, wc, wcc] = pick([['REVOLUT**' + digits(4) + '*', 'DUBLIN', 'IE'], ['Revolut Ltd', 'VILNIUS', 'LT'], ['PAYPAL *TOPUP', '4029357733', 'LU'], ['WISE EUROPE SA', 'BRUXELLES', 'BE'], ['PAYSERA LT', 'VILNIUS', 'LT'], ['SKRILL', 'LONDON', 'GB']]);
      desc = cardDesc(bank, w, wc, wcc, d, chance(0.5) ? fxText(ri(20, 300), 'EUR') : '', null, true);
      para = -ri(2000, 40000) * 100;
      break;
    }
    case 'fx': {
      desc = pick(['Kupovina deviza EUR', 'Menjačnica - kupovina EUR', 'Konverzija RSD u EUR', 'Prodaja deviza kurs ' + eurRate(d).toFixed(4).replace('.', ',')]);
      para = -ri(5000, 200000) * 100;
      break;
    }
    case 'refund': {
      const mm = pick(MER.filter((x) => x[0] === 'groceries' || x[0] === 'entertainment' || x[0] === 'transport'));
      desc = pick([`Povraćaj sredstava ${printMerchant(pick(mm[1]))}`, `REFUND ${printMerchant(pick(mm[1]))}`, `Storno kupovine ${printMerchant(pick(mm[1]))} ${dDot(d)}`, `Reklamacija - povrat ${printMerchant(pick(mm[1]))}`]);
      para = ri(300, 20000) * 100;
      break;
    }
    case 'own': {
      desc = pick([`Prenos sa računa ${acct()} na račun ${acct()}`, 'Prenos između sopstvenih računa', 'Interni prenos', `Prenos na racun ${acct()}`]);
      para = -ri(1000, 150000) * 100;
      break;
    }
    case 'bare': {
      desc = pick([`Plaćanje ${pick(['289', '290', '221'])}`, `Instant placanje ${digits(8)}`, `IPS ${digits(10)}`, `Nalog ${digits(7)}`, `Prenos ${pnb()}`]);
      para = -ri(500, 30000) * 100;
      break;
    }
    default: {
      desc = pick(['Uplata gotovine na šalteru', 'Uplata pazara', 'Polog gotovine bankomat', 'Uplata gotovine']);
      para = ri(2000, 100000) * 100;
    }
  }
  return { desc: finish(desc, bank), para, cat: 'transfer', kind: k };
}

// ---------- subscriptions (processor descriptors) ----------
// fxAmt+cur = billed in FX; rsd = billed in RSD (para)
const SUBS = [
  { key: 'netflix', names: ['NETFLIX.COM', 'Netflix.com', 'NETFLIX.COM 866-579-7172', 'NETFLIX INTERNATIONAL B.V.'], loc: ['AMSTERDAM', 'NL'], cur: 'EUR', fxAmt: 9.99, rise: 11.99 },
  { key: 'spotify', names: ['SPOTIFY', 'Spotify P2' + 'A4C1E9F', 'SPOTIFY AB', 'Spotify Premium'], loc: ['STOCKHOLM', 'SE'], cur: 'EUR', fxAmt: 5.99, rise: 6.99, idRand: true },
  { key: 'hbo', names: ['HBO MAX', 'HBOMAX.COM', 'MAX.COM HBO', 'HBO Max Srbija'], loc: ['AMSTERDAM', 'NL'], rsd: 64900, rise: 79900 },
  { key: 'disney', names: ['DISNEY PLUS', 'DisneyPlus', 'DISNEY+ SUBSCRIPTION'], loc: ['LONDON', 'GB'], cur: 'EUR', fxAmt: 8.99 },
  { key: 'youtube', names: ['GOOGLE *YouTubePremium', 'GOOGLE *YOUTUBE PREMIUM', 'Google YouTube Premium', 'GOOGLE*YOUTUBE'], loc: ['G.CO/HELPPAY#', 'GB'], rsd: 57900, rise: 69900 },
  { key: 'gone', names: ['GOOGLE *Google One', 'GOOGLE *GOOGLE STORAGE', 'Google One', 'GOOGLE*GOOGLE ONE'], loc: ['G.CO/HELPPAY#', 'GB'], rsd: 24900 },
  { key: 'gplay', names: ['GOOGLE *Google Play', 'GOOGLE *PLAY APPS', 'Google Play Sub', 'GOOGLE*TINDER'], loc: ['G.CO/HELPPAY#', 'IE'], rsd: 39900 },
  { key: 'icloud', names: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill', 'APPLE.COM/BILL 800-275-2273'], loc: ['CORK', 'IE'], cur: 'EUR', fxAmt: 0.99, rise: 1.29 },
  { key: 'applemusic', names: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill', 'APPLE.COM/BILL 800-275-2273'], loc: ['CORK', 'IE'], cur: 'EUR', fxAmt: 5.99 },
  { key: 'm365', names: ['MICROSOFT*365 FAMILY', 'Microsoft*Microsoft 365', 'MSFT *365 PERSONAL', 'MICROSOFT*SUBSCRIPTION'], loc: ['MSBILL.INFO', 'IE'], cur: 'EUR', fxAmt: 7.0 },
  { key: 'adobe', names: ['ADOBE *CREATIVE CLOUD', 'ADOBE *PHOTOGRAPHY PLAN', 'Adobe Systems Software', 'PAYPAL *ADOBE'], loc: ['DUBLIN', 'IE'], cur: 'EUR', fxAmt: 12.09 },
  { key: 'chatgpt', names: ['OPENAI *CHATGPT SUBSCR', 'OPENAI', 'CHATGPT SUBSCRIPTION', 'OpenAI *ChatGPT Plus'], loc: ['SAN FRANCISCO', 'US'], cur: 'USD', fxAmt: 20.0 },
  { key: 'dropbox', names: ['DROPBOX*PLUS', 'Dropbox', 'DROPBOX*' + 'XJ4K2'], loc: ['DUBLIN', 'IE'], cur: 'EUR', fxAmt: 11.99 },
  { key: 'canva', names: ['CANVA* 0' + '4103-8871', 'Canva', 'PAYPAL *CANVA'], loc: ['SYDNEY', 'AU'], cur: 'USD', fxAmt: 14.99 },
  { key: 'deezer', names: ['DEEZER', 'Deezer Premium', 'PAYPAL *DEEZER'], loc: ['PARIS', 'FR'], cur: 'EUR', fxAmt: 5.99 },
  { key: 'danas', names: ['DANAS DIGITALNO IZDANJE', 'DAN GRAF DOO PRETPLATA', 'Danas pretplata'], loc: ['BEOGRAD', 'RS'], rsd: 49900 },
  { key: 'nin', names: ['NIN DIGITALNA PRETPLATA', 'NIN.RS', 'Ringier NIN pretplata'], loc: ['BEOGRAD', 'RS'], rsd: 39000 },
];
function subOccurrence(bank, s, d, fxAmt, rsdAmt) {
  let M = pick(s.names.slice(0, 2).concat(s.names));
  if (s.idRand && /P2/.test(M)) M = 'Spotify P' + digits(2) + 'A' + digits(4) + 'E';
  const loc = s.loc[0].replace('#', '');
  let para;
  let fx = '';
  if (s.cur) {
    para = fxToPara(fxAmt, s.cur, d, 0.015);
    if (chance(0.65)) fx = fxText(fxAmt, s.cur);
  } else para = rsdAmt ?? s.rsd;
  return { desc: finish(cardDesc(bank, M, loc, s.loc[1], d, fx, null, true), bank), para: -para };
}

// ---------- write categorize TSV ----------
const CAT_COUNTS = { groceries: 300, dining: 240, transport: 135, transfer: 175, utilities: 115, entertainment: 90, subscriptions: 85, salary: 65, rent: 55 };
const catRows = [];
const seen = new Set();
for (const [cat, n] of Object.entries(CAT_COUNTS)) {
  let made = 0;
  while (made < n) {
    const r = catRow(cat);
    if (!r.desc || seen.has(r.desc)) continue;
    if (r.cat !== cat) throw new Error('label mismatch');
    if (r.para > 0 && r.cat !== 'salary' && r.cat !== 'transfer') throw new Error('credit label');
    if (r.cat === 'salary' && r.para <= 0) throw new Error('salary debit');
    seen.add(r.desc);
    catRows.push(r);
    made++;
  }
}
shuffle(catRows);
const money = (p) => `${p < 0 ? '-' : ''}${Math.floor(Math.abs(p) / 100)}.${pad(Math.abs(p) % 100)}`;
const tsv = catRows.map((r) => `${r.desc}\t${money(r.para)}\t${r.cat}`).join('\n') + '\n';

// =====================================================================
// ---------- recurring histories ----------
const PERIOD = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINOCC = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };

// Stream factory helpers. Each returns {cat, dir, freq, occ(d, i, st) -> {desc, para}, day, ...}
function subStream(bank, key, opts = {}) {
  const s = SUBS.find((x) => x.key === key);
  const riseAt = opts.riseAt;
  return {
    cat: 'subscriptions', dir: 'outgoing', freq: 'monthly', kind: 'card', label: s.key,
    occ: (d) => {
      const risen = riseAt && d >= riseAt;
      if (s.cur) return subOccurrence(bank, s, d, risen && s.rise ? s.rise : s.fxAmt);
      return subOccurrence(bank, s, d, null, risen && s.rise ? s.rise : s.rsd);
    },
  };
}
const SUB_ANNUAL = [
  { type: 'domain', names: ['LOOPIA DOMEN .RS', 'LOOPIA AB', 'LOOPIA.RS DOMEN'], loc: ['BEOGRAD', 'RS'], rsd: [180000, 220000] },
  { type: 'domain', names: ['NAMECHEAP.COM', 'NAMECHEAP *DOMAIN', 'NAMECHEAP INC'], loc: ['PHOENIX', 'US'], cur: 'USD', fx: [14.98, 16.98] },
  { type: 'domain', names: ['MCLOUD DOMEN RS', 'MCLOUD DOO', 'MCLOUD.RS'], loc: ['BEOGRAD', 'RS'], rsd: [150000, 150000] },
  { type: 'hosting', names: ['MCLOUD HOSTING', 'MCLOUD DOO HOSTING', 'MCLOUD.RS'], loc: ['BEOGRAD', 'RS'], rsd: [420000, 490000] },
  { type: 'hosting', names: ['HOSTINGER.COM', 'HOSTINGER INTERNATIONAL', 'PAYPAL *HOSTINGER'], loc: ['LARNACA', 'CY'], cur: 'EUR', fx: [47.88, 59.88] },
  { type: 'hosting', names: ['SUPERHOSTING.RS', 'SUPERHOSTING DOO', 'SUPER HOSTING'], loc: ['BEOGRAD', 'RS'], rsd: [590000, 690000] },
  { type: 'software', names: ['ESET NOD32 SRBIJA', 'ESET WEB SHOP', 'ESET HOME SECURITY'], loc: ['BRATISLAVA', 'SK'], cur: 'EUR', fx: [29.99, 34.99] },
  { type: 'software', names: ['JETBRAINS S.R.O.', 'JETBRAINS AMERICAS', 'PADDLE.NET* JETBRAINS'], loc: ['PRAHA', 'CZ'], cur: 'EUR', fx: [89.0, 99.0] },
  { type: 'software', names: ['1PASSWORD', 'AGILEBITS 1PASSWORD', 'PADDLE.NET* 1PASSWORD'], loc: ['TORONTO', 'CA'], cur: 'USD', fx: [35.88, 35.88] },
  { type: 'software', names: ['AMAZON PRIME*ANNUAL', 'AMZN PRIME DE', 'Amazon Prime Membership'], loc: ['AMAZON.DE', 'DE'], cur: 'EUR', fx: [89.9, 89.9] },
  { type: 'software', names: ['DUOLINGO PLUS', 'DUOLINGO*SUPER', 'DUOLINGO INC'], loc: ['PITTSBURGH', 'US'], cur: 'USD', fx: [59.99, 83.99] },
  { type: 'software', names: ['MICROSOFT*365 FAMILY ANNUAL', 'MSFT *MICROSOFT 365', 'MICROSOFT*365 FAMILY'], loc: ['MSBILL.INFO', 'IE'], cur: 'EUR', fx: [99.0, 99.0] },
  { type: 'software', names: ['SPOTIFY PREMIUM YEARLY', 'SPOTIFY AB ANNUAL', 'Spotify Premium 12M'], loc: ['STOCKHOLM', 'SE'], cur: 'EUR', fx: [59.99, 71.88] },
  { type: 'software', names: ['KASPERSKY LAB', 'KASPERSKY STANDARD', 'DIGITAL RIVER*KASPERSKY'], loc: ['DUBLIN', 'IE'], cur: 'EUR', fx: [24.99, 29.99] },
];

function mkStream(base, extra) {
  return { skip: 0, active: true, ...base, ...extra };
}

function buildHistory(hi, months, bankKey, persona) {
  const bank = { ...BANKS[bankKey] };
  // some banks changed their card format mid-history: first/second half use different subsets
  const today = D(2025, 5, 10) + ri(0, 545);
  const start = addMonths(today, -months) + 1;
  const home = pick(HOME_CITIES);
  const homeP = home;
  const streams = [];
  const midStart = () => addMonths(start, ri(2, Math.max(2, Math.floor(months / 2))));
  const stopEnd = (freq) => today - Math.ceil(2.6 * PERIOD[freq]) - ri(3, 60);
  const used = new Set();
  const notes = [];

  // ---------------- income ----------------
  const employer = pick(EMPLOYERS);
  if (persona === 'pensioner') {
    let amt = ri(28000, 95000) * 100;
    const day = ri(1, 20);
    streams.push(mkStream({
      cat: 'salary', dir: 'incoming', freq: 'monthly', kind: 'order', dom: day, roll: 'back', label: 'pension',
      occ: (d) => {
        const { y, m } = ymd(d);
        const idx = 1 + 0.055 * (y - 2024);
        const a = Math.round((amt * idx) / 100) * 100 + (y >= 2026 ? 37 : 0);
        const txt = pick([`PIO FOND PENZIJA ${pad(m)}/${y}`, `Penzija za ${MONTHS[m - 1]} ${y}`, `Uplata penzije RFPIO ${pad(m)}.${y}`, 'УПЛАТА ПЕНЗИЈЕ ФОНД ПИО', `Isplata penzije ${MONTHS[m - 1]}`]);
        return { desc: finish(txt, bank, { noCyr: true }), para: a };
      },
    }, { start }));
  } else if (persona === 'student') {
    const parent = person();
    const amt = ri(15, 40) * 1000 * 100;
    streams.push(mkStream({
      cat: 'transfer', dir: 'incoming', freq: 'monthly', kind: 'order', dom: ri(1, 10), roll: 'fwd', label: 'parents',
      occ: (d) => ({ desc: finish(pick(bank.credit)(parent, pick(['Dzeparac', 'Za troskove', 'Trajni nalog', 'Mesecni prenos', 'Prenos']), '289'), bank), para: amt }),
    }, { start }));
    if (chance(0.6)) {
      const amt2 = pick([1200000, 1500000, 1800000]);
      streams.push(mkStream({
        cat: 'salary', dir: 'incoming', freq: 'monthly', kind: 'order', dom: ri(15, 25), roll: 'back', label: 'stipend',
        occ: (d) => ({ desc: finish(pick(bank.credit)(pick(['MINISTARSTVO PROSVETE', 'MIN. PROSVETE RS']), pick(['Studentska stipendija', `Stipendija ${MONTHS[ymd(d).m - 1]}`, 'Stipendija rata']), '241'), bank), para: amt2 }),
      }, { start: midStart() }));
    }
  } else {
    const base = ri(65, 330) * 1000 * 100;
    const fixedPay = chance(0.2);
    const twoPart = !fixedPay && chance(0.15);
    const payDay = ri(1, 15);
    const bonusMonths = new Set(chance(0.6) ? [12] : chance(0.5) ? [6, 12] : [3]);
    const salDesc = (d, part) => {
      const { y, m } = ymd(addMonths(d, -1));
      const p = part === 'a' ? pick(['Akontacija zarade', `Akontacija zarade ${pad(ymd(d).m)}/${ymd(d).y}`, 'I deo zarade'])
        : pick([`Zarada za ${pad(m)}/${y}`, `Isplata zarade ${MONTHS[m - 1]} ${y}`, `ZARADA ${pad(m)} ${y}`, `Plata ${MONTHS[m - 1]}`, 'Uplata zarade', `Konacni obracun zarade ${pad(m)}/${y}`]);
      return finish(pick(bank.credit)(employer, p, '240'), bank);
    };
    if (twoPart) {
      streams.push(mkStream({
        cat: 'salary', dir: 'incoming', freq: 'monthly', kind: 'order', dom: 15, roll: 'back', label: 'salary-advance',
        occ: (d) => ({ desc: salDesc(d, 'a'), para: Math.round(base * 0.4 / 100) * 100 }),
      }, { start }));
    }
    streams.push(mkStream({
      cat: 'salary', dir: 'incoming', freq: 'monthly', kind: 'order', dom: twoPart ? ri(3, 7) : payDay, roll: 'back', label: 'salary',
      occ: (d) => {
        const { y, m } = ymd(d);
        let a = twoPart ? base * 0.6 : base;
        if (!fixedPay) {
          a = a * (1 + 0.04 * (y - 2024)) * rf(0.97, 1.03);
          if (bonusMonths.has(m)) a *= rf(1.3, 2.0);
        }
        return { desc: salDesc(d, 'b'), para: Math.round(a) };
      },
    }, { start }));
    if (persona === 'couple' || persona === 'family') {
      if (chance(0.6)) {
        const emp2 = pick(EMPLOYERS);
        const b2 = ri(55, 180) * 1000 * 100;
        streams.push(mkStream({
          cat: 'salary', dir: 'incoming', freq: 'monthly', kind: 'order', dom: ri(5, 25), roll: 'back', label: 'salary2',
          occ: (d) => {
            const { y, m } = ymd(addMonths(d, -1));
            return { desc: finish(pick(bank.credit)(emp2, pick([`Zarada ${pad(m)}/${y}`, `Uplata zarade ${MONTHS[m - 1]}`, 'Zarada']), '240'), bank), para: Math.round(b2 * rf(0.98, 1.02)) };
          },
        }, { start }));
      }
    }
  }

  // ---------------- rent ----------------
  const renter = persona === 'student' || (persona !== 'pensioner' && chance(0.45));
  if (renter) {
    const landlord = person();
    const eur = pick([250, 300, 350, 400, 450, 500, 600]);
    const inEur = chance(0.5);
    const rentRSD = Math.round(eur * 117.2 / 100) * 100 * 100;
    const rise = chance(0.35) ? addMonths(start, ri(3, Math.max(3, months - 2))) : null;
    const viaStanding = chance(0.4);
    const moveOut = months >= 14 && chance(0.25);
    const dom = ri(1, 5);
    const rentOcc = (who, e, rsd) => (d) => {
      const { y, m } = ymd(d);
      const purpose = pick([`Kirija za ${MONTHS[m - 1]}`, `Kirija ${pad(m)}/${y}`, 'Stanarina', `Zakup stana ${MONTHS[m - 1]} ${y}`, 'kirija']);
      const risen = rise && d >= rise;
      const para = inEur ? Math.round((risen ? e + 50 : e) * eurRate(d) * 100) : risen ? rsd + 500000 : rsd;
      const desc = viaStanding ? orderDesc(bank, who, purpose, '', d, { standing: true }) : chance(0.5) ? orderDesc(bank, who, purpose, '289', d) : orderDesc(bank, who, purpose, '', d, { ips: true, C: home });
      return { desc: finish(desc, bank), para: -para };
    };
    if (moveOut) {
      const moveDay = addMonths(start, ri(5, months - 7));
      streams.push(mkStream({ cat: 'rent', dir: 'outgoing', freq: 'monthly', kind: 'order', dom, roll: 'fwd', label: 'rent-old', occ: rentOcc(landlord, eur, rentRSD) }, { start, end: moveDay - 20, active: false }));
      const l2 = chance(0.5) ? person() : pick(['CITY EXPERT DOO', 'STAN INVEST DOO', 'NEKRETNINE DUNAV DOO']);
      streams.push(mkStream({ cat: 'rent', dir: 'outgoing', freq: 'monthly', kind: 'order', dom: ri(1, 10), roll: 'fwd', label: 'rent-new', occ: rentOcc(l2, eur + 100, rentRSD + 1000000) }, { start: moveDay }));
    } else {
      streams.push(mkStream({ cat: 'rent', dir: 'outgoing', freq: 'monthly', kind: 'order', dom, roll: 'fwd', label: 'rent', skip: 0.03, occ: rentOcc(landlord, eur, rentRSD) }, { start }));
    }
  }

  // ---------------- monthly utilities ----------------
  const util = (payee, purposes, lo, hi, seasonal, fixedAmt, code = '289', channel = null, label = payee) => {
    const ch = channel || pick(['order', 'order', 'ips', 'standing']);
    return mkStream({
      cat: 'utilities', dir: 'outgoing', freq: 'monthly', kind: 'order', dom: ri(5, 25), roll: 'fwd', label, jit: 3,
      occ: (d) => {
        const { m } = ymd(d);
        let a;
        if (fixedAmt) a = typeof fixedAmt === 'function' ? fixedAmt(d) : fixedAmt;
        else {
          const w = seasonal ? ([11, 12, 1, 2, 3].includes(m) ? 1.0 : [4, 10].includes(m) ? 0.7 : 0.45) : rf(0.85, 1.0);
          a = Math.round(rf(lo, hi) * w * (seasonal ? rf(0.9, 1.1) : 1)) * 100 + ri(0, 99);
        }
        const desc = orderDesc(bank, payee, fillPurpose(pick(purposes), addMonths(d, -1)), code, d, { ips: ch === 'ips', standing: ch === 'standing', C: home });
        return { desc: finish(desc, bank), para: -a };
      },
    }, { start });
  };
  const isBg = home === 'BEOGRAD';
  if (persona !== 'student' || chance(0.3)) {
    streams.push(util('EPS SNABDEVANJE', ['Struja {mm}/{yyyy}', 'Racun za el. energiju {mon}', 'ED ' + digits(10), 'El. energija {mm}.{yyyy}'], 4000, 14000, true));
    if (isBg) streams.push(util('JKP INFOSTAN TEHNOLOGIJE', ['Racun za {mm}/{yyyy}', 'Infostan {mon} {yyyy}', 'Komunalne usluge {mm}/{yyyy}'], 5000, 13000, chance(0.5)));
    else if (home === 'NOVI SAD') streams.push(util('JKP INFORMATIKA NOVI SAD', ['Zbirni racun {mm}/{yyyy}', 'Komunalije {mon}'], 4000, 12000, true));
    else {
      streams.push(util(`JKP VODOVOD ${home}`, ['Voda {mm}/{yyyy}', 'Racun za vodu {mon}', 'Vodovod i kanalizacija'], 1200, 3800, false));
      if (chance(0.5)) streams.push(util('SRBIJAGAS AD', ['Gas {mm}/{yyyy}', 'Akontacija gas {mon}'], 0, 0, false, chance(0.5) ? pick([350000, 420000, 600000]) : (d) => ([11, 12, 1, 2, 3].includes(ymd(d).m) ? 720000 : 250000)));
    }
  }
  const phone = pick([['TELEKOM SRBIJA AD', ['Racun mts {mm}/{yyyy}', 'mts racun', 'Mobilni {mon}']], ['A1 SRBIJA DOO', ['A1 racun {mm}/{yyyy}', 'Racun za mobilni {mon}']], ['YETTEL DOO', ['Yettel racun {mm}/{yyyy}', 'Postpaid {mon}']]]);
  const phoneBase = pick([139900, 199900, 249900, 299900]);
  streams.push(util(phone[0], phone[1], 0, 0, false, (d) => phoneBase + (chance(0.3) ? ri(1000, 90000) : 0), '289', chance(0.4) ? 'ips' : 'order'));
  if (chance(0.6)) {
    const net = pick([['SBB DOO', ['SBB racun {mm}/{yyyy}', 'Kablovska i internet', 'SBB EON paket']], ['TELEKOM SRBIJA AD', ['mts TV i internet {mm}/{yyyy}', 'Fiksni telefon i internet']], ['ORION TELEKOM', ['Internet {mm}/{yyyy}']]]);
    if (net[0] !== phone[0]) {
      const netAmt = pick([259900, 319900, 389900, 449900]);
      const netRise = chance(0.5) ? addMonths(start, ri(2, months - 2)) : null;
      streams.push(util(net[0], net[1], 0, 0, false, (d) => (netRise && d >= netRise ? netAmt + 30000 : netAmt), '289', chance(0.5) ? 'standing' : 'order'));
    }
  }
  if (chance(0.4)) streams.push(util(pick(['STAMBENA ZAJEDNICA ' + pick(['BULEVAR 12', 'NEHRUOVA 45', 'CARA DUSANA 7', 'NARODNOG FRONTA 3']), 'UPRAVNIK ZGRADE DOO', 'PROFESIONALNI UPRAVNIK PLUS']), ['Tekuce odrzavanje {mm}/{yyyy}', 'Odrzavanje zgrade', 'Usluge upravnika {mon}'], 0, 0, false, pick([60000, 80000, 120000, 150000]), '289', 'standing'));
  if (persona === 'family' && chance(0.5)) {
    streams.push(util(pick(['PU RADOSNO DETINJSTVO', 'PU DECJA RADOST', 'PU NASA RADOST', 'PU DECJI VRTIC CUKARICA']), ['Vrtic {mon} {yyyy}', 'Uplata za boravak deteta {mm}/{yyyy}', 'Vrtic za {mm}/{yyyy}'], 4500, 9500, false));
  }

  // ---------------- bank fee / loan / savings ----------------
  if (chance(0.5)) {
    const fee = pick([15000, 19900, 25000, 29900, 35000]);
    const rise = chance(0.3) ? addMonths(start, ri(2, months - 2)) : null;
    streams.push(mkStream({
      cat: 'transfer', dir: 'outgoing', freq: 'monthly', kind: 'fee', dom: dim(2025, 1), lastDay: true, label: 'fee',
      occ: (d) => { const { y, m } = ymd(d); return { desc: finish(pick([`Naknada za vođenje računa ${pad(m)}/${y}`, 'Mesečna naknada za paket računa', `Naknada paket ${MONTHS[m - 1]}`, 'Održavanje računa']), bank), para: -(rise && d >= rise ? fee + 5000 : fee) }; },
    }, { start }));
  }
  if (persona !== 'student' && chance(0.35)) {
    const partija = digits(10);
    const rate = ri(6, 45) * 1000 * 100 + ri(0, 99) * 100;
    const stops = chance(0.35) && months >= 10;
    streams.push(mkStream({
      cat: 'transfer', dir: 'outgoing', freq: 'monthly', kind: 'loan', dom: ri(1, 28), roll: 'fwd', label: 'loan',
      occ: (d) => { const { y, m } = ymd(d); return { desc: finish(pick([`Rata kredita ${partija} ${pad(m)}/${y}`, `Naplata rate kredita br. ${partija}`, `Otplata kredita - dospeće ${dDot(d)}`, `RATA KREDITA PARTIJA ${partija}`]), bank), para: -rate }; },
    }, stops ? { start, end: stopEnd('monthly'), active: false } : { start }));
  }
  if (chance(0.25)) {
    const amt = pick([500000, 1000000, 2000000, 3000000]);
    streams.push(mkStream({
      cat: 'transfer', dir: 'outgoing', freq: 'monthly', kind: 'standing', dom: ri(1, 28), roll: 'fwd', label: 'savings',
      occ: (d) => ({ desc: finish(pick([`Trajni nalog - štednja`, `Prenos na štedni račun ${acct()}`, 'TRAJNI NALOG STEDNJA', 'Namenska štednja uplata']), bank), para: -amt }),
    }, { start: chance(0.5) ? start : midStart() }));
  }
  if (persona === 'pensioner' && chance(0.4)) {
    const kid = person();
    const amt = pick([1000000, 1500000, 2000000]);
    streams.push(mkStream({
      cat: 'transfer', dir: 'incoming', freq: 'monthly', kind: 'order', dom: ri(1, 28), roll: 'fwd', label: 'from-child',
      occ: (d) => ({ desc: finish(pick(bank.credit)(kid, pick(['Pomoc', 'Za mamu', 'Prenos', 'Za racune']), '289'), bank), para: amt }),
    }, { start }));
  }

  // ---------------- monthly subscriptions ----------------
  const subKeys = ['netflix', 'spotify', 'hbo', 'disney', 'youtube', 'gone', 'icloud', 'm365', 'adobe', 'chatgpt', 'dropbox', 'canva', 'deezer', 'danas', 'nin', 'gplay', 'applemusic'];
  let nsub = persona === 'pensioner' ? ri(0, 1) : ri(1, 4);
  const chosen = [];
  if (hi % 6 === 1) chosen.push('youtube', 'gone'); // two Google subscriptions
  if (hi % 6 === 4) chosen.push('icloud', 'applemusic'); // two Apple subscriptions
  while (chosen.length < nsub) {
    const k = pick(subKeys.slice(0, 15));
    if (!chosen.includes(k)) chosen.push(k);
  }
  for (const k of chosen) {
    const s = SUBS.find((x) => x.key === k);
    const riseAt = s.rise && chance(0.4) ? addMonths(start, ri(2, Math.max(2, months - 2))) : null;
    const cancelled = months >= 10 && chance(0.15);
    const late = !cancelled && chance(0.2);
    streams.push(mkStream({ ...subStream(bank, k, { riseAt }), dom: ri(1, 31), lag: true }, cancelled ? { start, end: stopEnd('monthly'), active: false } : { start: late ? midStart() : start }));
  }
  // gym monthly
  if (persona !== 'pensioner' && chance(0.3)) {
    const gym = pick(['FITNESS CLUB ARENA', 'GYM ELITE', 'WELLNESS FIT', 'FIT ZONA', 'BODY LINE GYM', 'TERETANA OLIMP', 'POWER GYM']);
    const amt = pick([300000, 350000, 400000, 450000, 550000]);
    const stops = months >= 10 && chance(0.4);
    streams.push(mkStream({
      cat: 'entertainment', dir: 'outgoing', freq: 'monthly', kind: 'card', dom: ri(1, 10), lag: true, label: 'gym',
      occ: (d) => ({ desc: finish(cardDesc(bank, gym, cityPrint(home), ccDom(), d, ''), bank), para: -amt }),
    }, stops ? { start, end: stopEnd('monthly'), active: false } : { start }));
  }
  if (persona !== 'pensioner' && chance(0.2)) {
    const amt = pick([230000, 280000, 360000]);
    const transitName = home === 'BEOGRAD' ? pick(['BUSPLUS MESECNA', 'BUS PLUS PERSONALIZOVANA', 'GSP PRETPLATA']) : home === 'NOVI SAD' ? 'JGSP NOVI SAD MESECNA' : pick(['JGSP MESECNA KARTA', 'GRADSKI PREVOZ ' + home + ' PRETPLATA']);
    streams.push(mkStream({
      cat: 'transport', dir: 'outgoing', freq: 'monthly', kind: 'card', dom: ri(1, 5), lag: true, label: 'transit-pass',
      occ: (d) => ({ desc: finish(cardDesc(bank, transitName, cityPrint(home), ccDom(), d, ''), bank), para: -amt }),
    }, { start }));
  }

  // ---------------- weekly / biweekly ----------------
  const wk = [];
  const nwk = persona === 'student' ? ri(0, 1) : ri(0, 2);
  const wkPool = shuffle(['cleaning', 'swim', 'market', 'lotto', 'pocket', 'trainer', 'savingsB', 'ballet', 'cleaningB']);
  for (let i = 0; i < nwk; i++) wk.push(wkPool[i]);
  for (const w of wk) {
    const wd = ri(1, 6);
    if (w === 'cleaning' || w === 'cleaningB') {
      const lady = person();
      const amt = pick([300000, 350000, 400000, 500000]);
      const rise = chance(0.4) ? addMonths(start, ri(2, months - 1)) : null;
      streams.push(mkStream({
        cat: 'transfer', dir: 'outgoing', freq: w === 'cleaning' ? 'weekly' : 'biweekly', kind: 'ips', wd, label: 'cleaning',
        occ: (d) => ({ desc: finish(pick(bank.ips)(lady, pick(['', 'Ciscenje', 'Za ciscenje', 'Hvala']), d, home), bank), para: -(rise && d >= rise ? amt + 50000 : amt) }),
      }, { start: chance(0.5) ? start : midStart() }));
    } else if (w === 'swim' || w === 'ballet') {
      const club = w === 'swim' ? (home === 'BEOGRAD' ? pick(['SC TASMAJDAN SKOLA PLIVANJA', 'SRC VOZDOVAC BAZEN', 'SC BANJICA BAZEN']) : home === 'NOVI SAD' ? pick(['SPENS BAZEN', 'PK VOJVODINA SKOLA PLIVANJA']) : home === 'NIŠ' ? 'SC CAIR BAZEN' : pick(['GRADSKI BAZEN ' + home, 'AKVA KLUB DELFIN', 'SRC ' + home + ' SKOLA PLIVANJA'])) : pick(['BALETSKI STUDIO PIRUETA', 'PLESNI KLUB STEP', 'SKOLA FUDBALA ZVEZDICE', 'KARATE KLUB SAMURAJ']);
      const amt = pick([80000, 100000, 120000, 150000]);
      const stops = months >= 8 && chance(0.4);
      streams.push(mkStream({
        cat: 'entertainment', dir: 'outgoing', freq: w === 'swim' ? 'weekly' : 'biweekly', kind: 'card', wd, label: w,
        occ: (d) => ({ desc: finish(cardDesc(bank, club, cityPrint(home), ccDom(), d, ''), bank), para: -amt }),
      }, stops ? { start, end: stopEnd(w === 'swim' ? 'weekly' : 'biweekly'), active: false } : { start }));
    } else if (w === 'market') {
      const mk = home === 'BEOGRAD' ? pick(['PIJACA KALENIC TEZGA ' + ri(1, 90), 'ZELENI VENAC PIJACA', 'PIJACA BLOKOVI', 'BAJLONIJEVA PIJACA']) : home === 'NOVI SAD' ? pick(['FUTOSKA PIJACA', 'RIBLJA PIJACA NS', 'PIJACA LIMAN']) : pick(['TRZNICA ' + home, 'GRADSKA PIJACA ' + home, 'ZELENA PIJACA ' + home, 'PIJACA CENTAR TEZGA ' + ri(1, 60)]);
      streams.push(mkStream({
        cat: 'groceries', dir: 'outgoing', freq: 'weekly', kind: 'card', wd: 6, label: 'market',
        occ: (d) => ({ desc: finish(chance(0.4) ? pick(bank.ips)(mk, '', d, home) : cardDesc(bank, mk, cityPrint(home), ccDom(), d, ''), bank), para: -(ri(1200, 4500) * 100) }),
      }, { start }));
    } else if (w === 'lotto') {
      streams.push(mkStream({
        cat: 'entertainment', dir: 'outgoing', freq: 'weekly', kind: 'card', wd: pick([2, 4]), label: 'lotto',
        occ: (d) => ({ desc: finish(cardDesc(bank, pick(['DRZAVNA LUTRIJA SRBIJE', 'LUTRIJA SRBIJE LOTO', 'DLS ONLINE LOTO']), 'BEOGRAD', ccDom(), d, ''), bank), para: -pick([40000, 40000]) }),
      }, { start }));
    } else if (w === 'pocket') {
      const kid = person();
      streams.push(mkStream({
        cat: 'transfer', dir: 'outgoing', freq: 'weekly', kind: 'ips', wd: 1, label: 'pocket',
        occ: (d) => ({ desc: finish(pick(bank.ips)(kid, pick(['Dzeparac', 'dzeparac', '']), d, home), bank), para: -200000 }),
      }, { start }));
    } else if (w === 'trainer') {
      const tr = pick(['PERSONAL TRAINING STUDIO', 'FIT COACH DOO', 'CROSSFIT BOX NS', 'JOGA CENTAR PRANA']);
      streams.push(mkStream({
        cat: 'entertainment', dir: 'outgoing', freq: 'weekly', kind: 'card', wd, label: 'trainer',
        occ: (d) => ({ desc: finish(cardDesc(bank, tr, cityPrint(home), ccDom(), d, ''), bank), para: -pick([150000]) }),
      }, { start: midStart() }));
    } else if (w === 'savingsB') {
      streams.push(mkStream({
        cat: 'transfer', dir: 'outgoing', freq: 'biweekly', kind: 'standing', wd: 5, label: 'savings-biweekly',
        occ: (d) => ({ desc: finish(pick(['Prenos na štednju', 'Stednja - automatski prenos', 'Trajni nalog štedni račun']), bank), para: -500000 }),
      }, { start }));
    }
  }

  // ---------------- quarterly ----------------
  const qPool = shuffle(['proptax', 'kinder', 'kasko', 'homeins', 'interest', 'qbonus', 'honorar', 'building', 'gymQ', 'magazine', 'packageFee', 'school', 'sportclub', 'healthins', 'dividend']);
  let nq = months >= 9 ? ri(1, 3) : 1;
  if (months >= 9 && chance(0.35)) nq++;
  let qAdded = 0;
  for (const q of qPool) {
    if (qAdded >= nq) break;
    if (q === 'qbonus' && persona !== 'employee' && persona !== 'family' && persona !== 'couple') continue;
    if ((q === 'kinder' || q === 'school' || q === 'sportclub') && persona !== 'family') continue;
    qAdded++;
    const phase = ri(1, 3); // first month of quarter schedule
    const dom = ri(1, 28);
    const stops = months >= 20 && chance(0.2);
    const extra = stops ? { start, end: stopEnd('quarterly'), active: false } : { start: chance(0.8) ? start : midStart() };
    const Q = (base, occ) => streams.push(mkStream({ cat: base.cat, dir: base.dir || 'outgoing', freq: 'quarterly', kind: base.kind || 'order', phase, dom, roll: 'fwd', jit: base.jit ?? 5, label: q, occ }, extra));
    const ord = (payee, purpose, code, ch) => (d) => orderDesc(bank, payee, purpose, code, d, { ips: ch === 'ips', standing: ch === 'standing', C: home });
    if (q === 'proptax') {
      const lpa = pick(['LPA GRAD ' + home, 'LOKALNA PORESKA ADMINISTRACIJA', 'GRADSKA UPRAVA ' + home + ' LPA', 'OPSTINA ' + home + ' POREZ']);
      const baseAmt = ri(2500, 22000) * 100;
      const ch = pick(['order', 'ips']);
      streams.push(mkStream({
        cat: 'utilities', dir: 'outgoing', freq: 'quarterly', kind: 'order', phase: 2, dom: 14, roll: 'fwd', jit: 6, label: q,
        occ: (d) => {
          const { y, m } = ymd(d);
          const qq = Math.ceil(m / 3);
          const a = Math.round(baseAmt * (1 + 0.06 * (y - 2024)) / 100) * 100;
          return { desc: finish(orderDesc(bank, lpa, pick([`Porez na imovinu ${qq}/${y}`, `Porez na imovinu rata ${qq}`, 'Porez na imovinu fizickih lica', `POREZ IMOVINA ${y} RATA ${qq}`]), '253', d, { ips: ch === 'ips', C: home }), bank), para: -a };
        },
      }, extra));
    } else if (q === 'kinder') {
      const pu = pick(['PU RADOSNO DETINJSTVO', 'PU DECJA RADOST', 'PU NASA RADOST', 'PRIVATNI VRTIC BAMBI', 'VRTIC MALI PRINC DOO']);
      const a = pick([2400000, 3000000, 3600000, 4500000]);
      Q({ cat: 'utilities' }, (d) => ({ desc: finish(ord(pu, pick(['Vrtic tromesecno', `Vrtic Q${Math.ceil(ymd(d).m / 3)} ${ymd(d).y}`, 'Uplata za vrtic za tri meseca', 'Boravak deteta kvartal']), '289')(d), bank), para: -a }));
    } else if (q === 'kasko' || q === 'homeins' || q === 'healthins') {
      const ins = pick(['DUNAV OSIGURANJE ADO', 'DDOR NOVI SAD ADO', 'GENERALI OSIGURANJE SRBIJA', 'WIENER STADTISCHE', 'TRIGLAV OSIGURANJE', 'UNIQA OSIGURANJE', 'GRAWE OSIGURANJE', 'AMS OSIGURANJE']);
      const pol = digits(9);
      const what = q === 'kasko' ? 'Kasko' : q === 'homeins' ? 'Osiguranje stana' : 'Dobrovoljno zdravstveno';
      const a = q === 'kasko' ? ri(9000, 25000) * 100 : q === 'homeins' ? ri(1500, 5000) * 100 : ri(6000, 15000) * 100;
      const ch = pick(['order', 'standing', 'card']);
      Q({ cat: 'utilities', kind: ch === 'card' ? 'card' : 'order', jit: ch === 'card' ? 2 : 5 }, (d) => ({
        desc: finish(ch === 'card' ? cardDesc(bank, ins.replace(' ADO', '') + ' WEB', cityPrint(home), ccDom(), d, '') : ord(ins, pick([`${what} polisa ${pol}`, `Premija ${what.toLowerCase()} rata`, `Polisa br. ${pol}`, `${what} ${pol}`]), '221', ch)(d), bank),
        para: -a,
      }));
    } else if (q === 'interest' || q === 'dividend') {
      const a0 = ri(500, 9000) * 100;
      const payerD = pick(['NIS AD', 'AERODROM NIKOLA TESLA', 'ENERGOPROJEKT HOLDING', 'METALAC AD', 'JEDINSTVO SEVOJNO']);
      Q({ cat: 'transfer', dir: 'incoming', kind: 'credit', jit: 0 }, (d) => ({
        desc: finish(q === 'interest' ? pick(['Pripis kamate na štednju', 'Kamata oročena štednja', `Obračun kamate ${dDot(d)}`, 'KAMATA NA DEPOZIT']) : pick(bank.credit)(payerD, pick(['Isplata dividende', 'Dividenda akcionarima']), '263'), bank),
        para: a0 + ri(-200, 200) * 100,
      }));
    } else if (q === 'qbonus' || q === 'honorar') {
      const payer = q === 'qbonus' ? employer : pick(['RTS', 'IZDAVACKA KUCA LAGUNA', 'SOKOJ', 'OFI', 'UNIVERZITET U NOVOM SADU', 'ZAVOD ZA UDZBENIKE']);
      Q({ cat: 'salary', dir: 'incoming', kind: 'credit', jit: 4 }, (d) => {
        const { y, m } = ymd(d);
        return { desc: finish(pick(bank.credit)(payer, q === 'qbonus' ? pick([`Kvartalni bonus Q${Math.ceil(m / 3)}`, 'Isplata bonusa', `Bonus ${Math.ceil(m / 3)}/${y}`]) : pick(['Autorski honorar', `Honorar ${Math.ceil(m / 3)}. kvartal ${y}`, 'Autorska prava - honorar']), '241'), bank), para: ri(15000, 120000) * 100 + ri(0, 99) };
      });
    } else if (q === 'building') {
      const sz = 'STAMBENA ZAJEDNICA ' + pick(['BULEVAR OSLOBODJENJA 44', 'JURIJA GAGARINA 150', 'NEMANJINA 12', 'ZMAJ JOVINA 8', 'OBILICEVA 21']);
      const a = pick([300000, 450000, 600000]);
      Q({ cat: 'utilities' }, (d) => ({ desc: finish(ord(sz, pick(['Investiciono odrzavanje kvartal', 'Fond za odrzavanje tromesecno', 'Tekuce odrzavanje Q']), '289', 'order')(d), bank), para: -a }));
    } else if (q === 'gymQ' || q === 'sportclub') {
      const club = q === 'gymQ' ? pick(['FITNESS CLUB ARENA', 'GYM ELITE', 'WELLNESS FIT', 'FIT ZONA']) : pick(['FK ZVEZDICE SKOLA FUDBALA', 'KK MEGA AKADEMIJA', 'TENIS KLUB AS', 'ODBOJKASKI KLUB JEDINSTVO']);
      const a = pick([900000, 1100000, 1350000, 1500000]);
      Q({ cat: 'entertainment', kind: 'card', jit: 2 }, (d) => ({ desc: finish(q === 'gymQ' ? cardDesc(bank, club + ' 3M', cityPrint(home), ccDom(), d, '') : ord(club, pick(['Clanarina tromesecna', 'Clanarina za kvartal', 'Skolarina Q']), '289', 'ips')(d), bank), para: -a }));
    } else if (q === 'magazine') {
      const mag = pick(['NATIONAL GEOGRAPHIC SRBIJA', 'VREME NEDELJNIK PRETPLATA', 'POLITIKA AD PRETPLATA', 'NEDELJNIK NIN PRETPLATA']);
      const a = pick([180000, 240000, 270000]);
      Q({ cat: 'subscriptions', kind: 'card', jit: 1 }, (d) => ({ desc: finish(cardDesc(bank, mag, 'BEOGRAD', ccDom(), d, ''), bank), para: -a }));
    } else if (q === 'packageFee') {
      const a = pick([45000, 60000, 75000]);
      Q({ cat: 'transfer', kind: 'fee', jit: 0 }, (d) => ({ desc: finish(pick(['Tromesečna naknada za karticu', 'Naknada za paket računa Q', 'Članarina kartice tromesečno']), bank), para: -a }));
    } else if (q === 'school') {
      const sc = pick(['SKOLA STRANIH JEZIKA AKADEMIJA OXFORD', 'CENTAR ZA JEZIKE LINGUA', 'MUZICKA SKOLA STANKOVIC', 'SKOLA ENGLESKOG HELLO', 'CEKAONICA SKOLA PROGRAMIRANJA']);
      const a = pick([1800000, 2400000, 3000000]);
      Q({ cat: 'utilities' }, (d) => ({ desc: finish(ord(sc, pick(['Skolarina tromesecna', 'Kurs rata', 'Skolarina za semestar deo']), '289', pick(['order', 'ips']))(d), bank), para: -a }));
    }
  }

  // ---------------- annual ----------------
  if (months >= 25) {
    let na = ri(1, 2) + (chance(0.35) ? 1 : 0);
    const aPool = shuffle(['registration', 'carins', 'techinsp', 'domain', 'hosting', 'software', 'homeinsY', 'cardfee', 'gymY', 'bonus13', 'regres', 'incometax', 'travelins', 'club', 'dogtax']);
    for (const a of aPool) {
      if (na <= 0) break;
      if ((a === 'bonus13' || a === 'regres') && (persona === 'pensioner' || persona === 'student')) continue;
      na--;
      const mon = ri(1, 12);
      const dom = ri(1, 28);
      const extra = { start };
      const A = (base, occ) => streams.push(mkStream({ cat: base.cat, dir: base.dir || 'outgoing', freq: 'annually', kind: base.kind || 'order', mon: base.mon || mon, dom: base.dom || dom, roll: 'fwd', jit: base.jit ?? 8, label: a, occ }, extra));
      const ord = (payee, purpose, code, ch = 'order') => (d) => orderDesc(bank, payee, purpose, code, d, { ips: ch === 'ips', standing: ch === 'standing', C: home });
      if (a === 'registration') {
        const plate = `${pick(['BG', 'NS', 'NI', 'KG', 'SU', 'ZR', 'PA', 'CA', 'KV'])}${digits(3)}${pick(['AB', 'KR', 'ZL', 'TT', 'MN', 'DJ'])}`;
        const b0 = ri(9000, 28000) * 100;
        const viaCard = chance(0.5);
        const regPlace = pick(['AMSS CMV REGISTRACIJA', 'AGENCIJA ZA REGISTRACIJU AUTO PLUS', 'REGISTRACIJA VOZILA ' + home]);
        A({ cat: 'transport', kind: viaCard ? 'card' : 'order' }, (d) => ({ desc: finish(viaCard ? cardDesc(bank, regPlace, cityPrint(home), ccDom(), d, '') : ord('MUP REPUBLIKE SRBIJE', pick([`Registracija vozila ${plate}`, `Taksa registracija ${plate}`, `Registracija ${plate} ${ymd(d).y}`]), '253')(d), bank), para: -(b0 + ri(-1500, 2500) * 100) }));
      } else if (a === 'carins') {
        const ins = pick(['DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'GENERALI OSIGURANJE', 'TRIGLAV OSIGURANJE', 'AMS OSIGURANJE']);
        const b0 = ri(14000, 32000) * 100;
        const viaCard = chance(0.5);
        const polisa = digits(8);
        A({ cat: 'utilities', kind: viaCard ? 'card' : 'order', jit: 6 }, (d) => ({ desc: finish(viaCard ? cardDesc(bank, ins + ' FILIJALA', cityPrint(home), ccDom(), d, '') : ord(ins, pick([`Obavezno osiguranje vozila polisa ${polisa}`, `AO polisa ${polisa}`, 'Autoodgovornost premija']), '221')(d), bank), para: -(b0 + ri(0, 2000) * 100) }));
      } else if (a === 'techinsp') {
        const tp = pick(['TEHNICKI PREGLED AS', 'AUTO CENTAR TEHNICKI PREGLED', 'TP PETROVIC DOO', 'AMSS TEHNICKI PREGLED']);
        const b0 = ri(3500, 6500) * 100;
        A({ cat: 'transport', kind: 'card', jit: 10 }, (d) => ({ desc: finish(cardDesc(bank, tp, cityPrint(home), ccDom(), d, ''), bank), para: -b0 - (chance(0.5) ? 50000 : 0) }));
      } else if (a === 'domain' || a === 'hosting' || a === 'software') {
        const sa = pick(SUB_ANNUAL.filter((x) => x.type === a));
        const M0 = pick(sa.names);
        A({ cat: 'subscriptions', kind: 'card', jit: 2 }, (d) => {
          const { y } = ymd(d);
          const M = chance(0.7) ? M0 : pick(sa.names);
          if (sa.cur) {
            const fa = y >= 2026 ? sa.fx[1] : sa.fx[0];
            return { desc: finish(cardDesc(bank, M, sa.loc[0], sa.loc[1], d, chance(0.6) ? fxText(fa, sa.cur) : ''), bank), para: -fxToPara(fa, sa.cur, d, 0.015) };
          }
          return { desc: finish(cardDesc(bank, M, sa.loc[0], sa.loc[1], d, '', null, true), bank), para: -(y >= 2026 ? sa.rsd[1] : sa.rsd[0]) };
        });
      } else if (a === 'homeinsY' || a === 'travelins') {
        const ins = pick(['DUNAV OSIGURANJE ADO', 'DDOR NOVI SAD ADO', 'GENERALI OSIGURANJE SRBIJA', 'WIENER STADTISCHE', 'UNIQA OSIGURANJE']);
        const b0 = ri(3000, 12000) * 100;
        A({ cat: 'utilities', jit: 6 }, (d) => ({ desc: finish(ord(ins, a === 'homeinsY' ? pick(['Osiguranje domacinstva godisnja premija', `Polisa stan ${digits(7)}`]) : pick(['Godisnje putno osiguranje', 'Putno osiguranje multitrip']), '221', pick(['order', 'ips']))(d), bank), para: -b0 }));
      } else if (a === 'cardfee') {
        const f = pick([150000, 200000, 250000, 360000]);
        const brand = pick(['Visa', 'Mastercard Gold', 'Visa Platinum', 'Mastercard']);
        A({ cat: 'transfer', kind: 'fee', jit: 0 }, (d) => ({ desc: finish(pick(['Članarina za karticu', `Godišnja članarina kartice ${brand}`, `Članarina ${brand} ${ymd(d).y}`]), bank), para: -f }));
      } else if (a === 'gymY' || a === 'club') {
        const c = a === 'gymY' ? pick(['FITNESS CLUB ARENA', 'WELLNESS FIT', 'SPENS TERETANA']) : pick(['PLANINARSKO DRUSTVO RADNICKI', 'TENIS KLUB PARTIZAN', 'SAHOVSKI KLUB', 'BICIKLISTICKI KLUB']);
        const f = a === 'gymY' ? pick([3600000, 4200000]) : pick([250000, 300000, 500000]);
        A({ cat: 'entertainment', kind: a === 'gymY' ? 'card' : 'order', jit: 7 }, (d) => ({ desc: finish(a === 'gymY' ? cardDesc(bank, c + ' GODISNJA', cityPrint(home), ccDom(), d, '') : ord(c, pick([`Clanarina ${ymd(d).y}`, 'Godisnja clanarina']), '289', 'ips')(d), bank), para: -f }));
      } else if (a === 'bonus13' || a === 'regres') {
        A({ cat: 'salary', dir: 'incoming', kind: 'credit', mon: a === 'bonus13' ? 12 : 6, dom: ri(15, 24), jit: 4 }, (d) => ({ desc: finish(pick(bank.credit)(employer, a === 'bonus13' ? pick([`Godisnja nagrada ${ymd(d).y}`, 'Bozicni bonus', 'Novogodisnja nagrada']) : pick([`Regres za godisnji odmor ${ymd(d).y}`, 'Isplata regresa']), '241'), bank), para: ri(20000, 90000) * 100 }));
      } else if (a === 'incometax') {
        A({ cat: 'utilities', mon: 5, dom: 15, jit: 5 }, (d) => ({ desc: finish(ord('PORESKA UPRAVA RS', `Godisnji porez na dohodak ${ymd(d).y - 1}`, '253')(d), bank), para: -ri(8000, 60000) * 100 }));
      } else if (a === 'dogtax') {
        A({ cat: 'utilities', jit: 6 }, (d) => ({ desc: finish(ord('GRADSKA UPRAVA ' + home, pick(['Komunalna taksa za drzanje psa', 'Taksa za kucne ljubimce']), '253')(d), bank), para: -pick([120000, 120000]) }));
      }
    }
  }

  return { bank, bankKey, today, start, home: homeP, streams, employer };
}

// ----- schedule a stream -----
function schedule(s, H) {
  const end = Math.min(s.end ?? H.today, H.today);
  const st = Math.max(s.start ?? H.start, H.start);
  const dates = [];
  const adj = (base) => {
    let d = base;
    if (s.jit) d += ri(-s.jit, s.jit);
    if (s.lag && chance(0.35)) d += ri(1, 2);
    if (s.kind !== 'card' || s.roll) {
      if (s.roll === 'back') d = rollBack(d);
      else if (s.kind !== 'card') d = rollFwd(d);
    }
    return d;
  };
  if (s.freq === 'weekly' || s.freq === 'biweekly') {
    const step = s.freq === 'weekly' ? 7 : 14;
    let d = st;
    while (dow(d) !== (s.wd ?? 1)) d++;
    let skipped = true;
    for (; d <= end; d += step) {
      let x = d;
      if (chance(0.12)) x += pick([-1, 1]);
      if (s.kind === 'card' && !skipped && d + step <= end && chance(0.05)) { skipped = true; continue; } // missed session (never two in a row)
      skipped = false;
      if (x >= st && x <= end) dates.push(x);
    }
  } else {
    const step = s.freq === 'monthly' ? 1 : s.freq === 'quarterly' ? 3 : 12;
    const { y: sy, m: sm } = ymd(st);
    let t = sy * 12 + sm - 1 - 12;
    if (s.freq === 'quarterly') while (t % 3 !== (s.phase - 1) % 3) t++;
    if (s.freq === 'annually') while ((t % 12) + 1 !== s.mon) t++;
    for (; ; t += step) {
      const y = Math.floor(t / 12);
      const m = (t % 12) + 1;
      const base = D(y, m, s.lastDay ? dim(y, m) : Math.min(s.dom, dim(y, m)));
      if (base > end + 20) break;
      let d = s.lastDay ? rollBack(base) : adj(base);
      if (d < st || d > end) continue;
      dates.push(d);
    }
  }
  // interior skips (never first/last)
  let out = dates;
  if (s.skip && dates.length > 4) out = dates.filter((d, i) => i === 0 || i === dates.length - 1 || !chance(s.skip));
  // dedupe and ensure strict increase with a reasonable minimal gap
  const res = [];
  for (const d of out) if (!res.length || d - res[res.length - 1] >= PERIOD[s.freq] * 0.5) res.push(d);
  return res;
}

const PERSONAS = ['employee', 'employee', 'family', 'couple', 'pensioner', 'student', 'freelancer', 'family', 'employee', 'couple'];
const PERSONA_TXT = { employee: 'employee', family: 'family with kids', couple: 'couple, two incomes', pensioner: 'pensioner', student: 'student', freelancer: 'freelancer (paid as employee of own DOO)' };

const histories = [];
const NH = 52;
const monthsList = [];
for (let i = 0; i < NH; i++) monthsList.push(i < 32 ? ri(25, 36) : ri(6, 24));
shuffle(monthsList);
let globalStreams = [];
for (let hi = 0; hi < NH; hi++) {
  const months = monthsList[hi];
  const bankKey = BANK_KEYS[hi % BANK_KEYS.length];
  const persona = PERSONAS[ri(0, PERSONAS.length - 1)];
  const H = buildHistory(hi, months, bankKey, persona);
  const bank = H.bank;
  const txs = [];
  const streamsOut = [];
  let streamTxCount = 0;
  for (const s of H.streams) {
    const dates = schedule(s, H);
    if (dates.length < MINOCC[s.freq]) continue;
    const members = [];
    dates.forEach((d, i) => {
      const o = s.occ(d, i);
      const tx = { date: d, amount: o.para, description: o.desc, category: s.cat, pending: false, k: rnd() };
      if ((s.dir === 'incoming') !== (tx.amount > 0)) throw new Error('direction mismatch ' + s.label);
      members.push(tx);
      txs.push(tx);
    });
    const last = dates[dates.length - 1];
    const active = H.today <= last + 1.5 * PERIOD[s.freq];
    const gap = H.today - last;
    if (!active && gap < 2.6 * PERIOD[s.freq]) throw new Error('ambiguous stop ' + s.label);
    if (active !== s.active) throw new Error(`activity mismatch ${s.label} h${hi}`);
    const amts = new Set(members.map((t) => t.amount));
    streamsOut.push({ s, members, active, fixed: amts.size === 1 });
    streamTxCount += members.length;
  }
  // ---------- noise ----------
  const days = H.today - H.start + 1;
  const nNoise = Math.round(streamTxCount * rf(1.05, 1.7));
  const w = H.streams.length && persona === 'pensioner'
    ? [['groceries', 10], ['dining', 2], ['transport', 1.5], ['transfer', 3], ['entertainment', 0.6], ['utilities', 0.3]]
    : [['groceries', 9], ['dining', 7], ['transport', 3.5], ['transfer', 3.5], ['entertainment', 2], ['utilities', 0.3]];
  const noise = [];
  for (let i = 0; i < nNoise; i++) {
    const d = H.start + ri(0, days - 1);
    const cat = wpick(w);
    let r;
    if (cat === 'transfer') r = transferRow(bank, H.home, d, null, true);
    else if (cat === 'utilities') {
      const [p, s] = pick([['BUDZET REPUBLIKE SRBIJE', 'Saobracajna kazna'], ['REPUBLICKA ADMINISTRATIVNA TAKSA', 'Taksa za pasos'], ['JKP PARKING SERVIS', 'Doplatna karta ' + digits(7)], ['REPUBLICKA ADMINISTRATIVNA TAKSA', 'Administrativna taksa za licnu kartu']]);
      r = { desc: finish(orderDesc(bank, p, s, '253', d), bank), para: -ri(1000, 12000) * 100, cat: 'utilities' };
      if (p === 'JKP PARKING SERVIS') r.cat = 'transport';
    } else {
      const pool = MER.filter((m) => m[0] === cat && !(cat === 'groceries' && m[1][0].startsWith('PIJACA')));
      r = merchantPurchase(bank, pick(pool), H.home, d);
    }
    noise.push({ date: d, amount: r.para, description: r.desc, category: r.cat, pending: false, k: rnd() });
  }
  // hard negative: frequent but irregular merchant
  if (hi % 2 === 0 || chance(0.3)) {
    const hn = pick([['dining', ['WOLT', 'WOLT.COM', 'Wolt Srbija'], 700, 4500, 'od'], ['dining', ['GLOVO', 'GLOVOAPP*BEOGRAD'], 600, 4000, 'od'], ['dining', ['PEKARA KOD BRACE', 'PEKARA KOD BRACE 2'], 90, 700, 'l'], ['transport', ['CARGO', 'CAR:GO'], 300, 2200, 'od'], ['groceries', ['APOTEKA BENU', 'BENU APOTEKA'], 300, 5000, 'n']]);
    const k = Math.round((days / 30.44) * rf(1.5, 4));
    for (let i = 0; i < k; i++) {
      const d = H.start + ri(0, days - 1);
      const r = merchantPurchase(bank, hn, H.home, d);
      noise.push({ date: d, amount: r.para, description: r.desc, category: r.cat, pending: false, k: rnd() });
    }
  }
  // hard negative: one-off purchases at a processor that also carries a stream
  if (streamsOut.some((x) => ['youtube', 'gone', 'gplay', 'icloud', 'applemusic'].includes(x.s.label))) {
    const k = ri(1, 3);
    for (let i = 0; i < k; i++) {
      const d = H.start + ri(0, days - 1);
      const google = chance(0.5);
      const M = google ? pick(['GOOGLE *Google Play', 'GOOGLE *PLAY GAME', 'GOOGLE *Supercell']) : pick(['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM']);
      const fa = pick([2.99, 4.99, 9.99, 1.99]);
      const para = google ? ri(150, 1500) * 100 - 1 : fxToPara(fa, 'EUR', d, 0.015);
      noise.push({ date: d, amount: -para, description: finish(cardDesc(bank, M, google ? 'G.CO/HELPPAY' : 'CORK', google ? 'GB' : 'IE', d, google ? '' : fxText(fa, 'EUR')), bank), category: 'entertainment', pending: false, k: rnd() });
    }
  }
  for (const n of noise) {
    if (n.amount > 0 && n.category !== 'transfer' && n.category !== 'salary') throw new Error('noise credit label');
    txs.push(n);
  }
  // pending newest
  let pendingTx = null;
  if (hi % 7 === 3) {
    const r = merchantPurchase(bank, pick(MER.filter((m) => m[0] === 'groceries' || m[0] === 'dining').slice(0, 8)), H.home, H.today, true);
    pendingTx = { date: H.today, amount: r.para, description: r.desc, category: r.cat, pending: true, k: 2 };
    txs.push(pendingTx);
  }
  txs.sort((a, b) => a.date - b.date || a.k - b.k);
  const hid = `h${pad(hi + 1)}`;
  txs.forEach((t, i) => { t.id = `${hid}-${pad(i + 1, 4)}`; });
  if (pendingTx && txs[txs.length - 1] !== pendingTx) throw new Error('pending not newest');
  const streamsJson = streamsOut.map(({ s, members, active, fixed }) => ({
    direction: s.dir, frequency: s.freq, amount_type: fixed ? 'fixed' : 'variable', category: s.cat, is_active: active,
    transaction_ids: members.map((t) => t.id),
  }));
  // order streams by first transaction id
  streamsJson.sort((a, b) => (a.transaction_ids[0] < b.transaction_ids[0] ? -1 : 1));
  const memberSet = new Set();
  for (const s of streamsJson) for (const id of s.transaction_ids) {
    if (memberSet.has(id)) throw new Error('tx in two streams');
    memberSet.add(id);
  }
  histories.push({
    id: hid,
    today: iso(H.today),
    note: `${PERSONA_TXT[persona]}, ${titleCase(H.home)}, ${bank.name}, ${months} months`,
    transactions: txs.map((t) => ({ id: t.id, date: iso(t.date), amount: t.amount, description: t.description, category: t.category, pending: t.pending })),
    streams: streamsJson,
  });
  globalStreams = globalStreams.concat(streamsJson);
}

// ---------- summary ----------
const count = (arr, f) => arr.reduce((o, x) => { const k = f(x); o[k] = (o[k] || 0) + 1; return o; }, {});
const allTx = histories.flatMap((h) => h.transactions);
const streamTx = globalStreams.reduce((a, s) => a + s.transaction_ids.length, 0);
const summary = {
  seed: SEED,
  categorize: { rows: catRows.length, per_category: count(catRows, (r) => r.cat), credits: catRows.filter((r) => r.para > 0).length },
  recurring: {
    histories: histories.length,
    transactions: allTx.length,
    stream_transactions: streamTx,
    non_stream_transactions: allTx.length - streamTx,
    pending_transactions: allTx.filter((t) => t.pending).length,
    months_min: Math.min(...monthsList),
    months_max: Math.max(...monthsList),
    streams: globalStreams.length,
    per_frequency: count(globalStreams, (s) => s.frequency),
    inactive_per_frequency: count(globalStreams.filter((s) => !s.is_active), (s) => s.frequency),
    fixed_per_frequency: count(globalStreams.filter((s) => s.amount_type === 'fixed'), (s) => s.frequency),
    histories_by_months: { '6-12': monthsList.filter((m) => m <= 12).length, '13-24': monthsList.filter((m) => m > 12 && m <= 24).length, '25-36': monthsList.filter((m) => m > 24).length },
    per_direction: count(globalStreams, (s) => s.direction),
    active: globalStreams.filter((s) => s.is_active).length,
    inactive: globalStreams.filter((s) => !s.is_active).length,
    fixed: globalStreams.filter((s) => s.amount_type === 'fixed').length,
    variable: globalStreams.filter((s) => s.amount_type === 'variable').length,
    per_category: count(globalStreams, (s) => s.category),
    transactions_per_category: count(allTx, (t) => t.category),
  },
};

writeFileSync(new URL('categorize-blind.tsv', OUT), tsv);
const histJson = histories.map((h) => {
  const head = JSON.stringify({ id: h.id, today: h.today, note: h.note }).slice(0, -1);
  const txl = h.transactions.map((t) => ` ${JSON.stringify(t)}`).join(',\n');
  const stl = h.streams.map((s) => ` ${JSON.stringify(s)}`).join(',\n');
  return `${head},"transactions":[\n${txl}\n],"streams":[\n${stl}\n]}`;
});
writeFileSync(new URL('recurring-blind.json', OUT), `[\n${histJson.join(',\n')}\n]\n`);
writeFileSync(new URL('summary.json', OUT), JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify(summary, null, 2));
