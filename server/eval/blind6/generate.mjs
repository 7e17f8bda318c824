// Blind evaluation batch 6 generator. Node 20 ESM, no dependencies, deterministic.
// Usage: node generate.mjs [outdir]   (default: directory of this file)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 240611;
const OUT = process.argv[2] || path.dirname(fileURLToPath(import.meta.url));

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const R = mulberry32(SEED);
const ri = (a, b) => a + Math.floor(R() * (b - a + 1));
const rf = (a, b) => a + R() * (b - a);
const pick = (arr) => arr[Math.floor(R() * arr.length)];
const chance = (p) => R() < p;
const wpick = (pairs) => { let t = 0; for (const [, w] of pairs) t += w; let x = R() * t; for (const [v, w] of pairs) { x -= w; if (x < 0) return v; } return pairs[pairs.length - 1][0]; };
const pad = (n, w) => String(n).padStart(w, '0');
const gauss = () => { let u = 0, v = 0; while (u === 0) u = R(); v = R(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); };

// ---------- dates (day numbers since epoch, UTC) ----------
const DAY = 86400000;
const dnum = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
const parts = (n) => { const d = new Date(n * DAY); return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]; };
const iso = (n) => { const [y, m, d] = parts(n); return `${y}-${pad(m, 2)}-${pad(d, 2)}`; };
const dow = (n) => new Date(n * DAY).getUTCDay();
const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthDay = (y, m, d) => { while (m > 12) { m -= 12; y++; } while (m < 1) { m += 12; y--; } return dnum(y, m, Math.min(d, dim(y, m))); };
const nextBiz = (n) => { while (dow(n) === 0 || dow(n) === 6) n++; return n; };
const PERIOD = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };

// ---------- text utils ----------
const DIA = { 'č': 'c', 'ć': 'c', 'š': 's', 'ž': 'z', 'đ': 'dj', 'Č': 'C', 'Ć': 'C', 'Š': 'S', 'Ž': 'Z', 'Đ': 'Dj' };
const strip = (s) => s.replace(/[čćšžđČĆŠŽĐ]/g, (c) => DIA[c]);
const CYR = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function toCyr(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2), lo2 = two.toLowerCase();
    const up = s[i] !== s[i].toLowerCase();
    const map2 = { lj: 'љ', nj: 'њ', 'dž': 'џ' };
    if (map2[lo2]) { const c = map2[lo2]; out += up ? c.toUpperCase() : c; i++; continue; }
    const lo = s[i].toLowerCase();
    if (CYR[lo]) { out += up ? CYR[lo].toUpperCase() : CYR[lo]; } else out += s[i];
  }
  return out;
}
const MON = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const MON_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------- people, places ----------
const FIRST_M = ['Marko', 'Nikola', 'Stefan', 'Miloš', 'Dragan', 'Nenad', 'Aleksandar', 'Milan', 'Dejan', 'Vladimir', 'Ivan', 'Zoran', 'Goran', 'Bojan', 'Uroš', 'Luka', 'Filip', 'Đorđe', 'Predrag', 'Slobodan', 'Dušan', 'Vuk', 'Lazar', 'Miroslav', 'Žarko', 'Branislav', 'Srđan', 'Nemanja'];
const FIRST_F = ['Jelena', 'Milica', 'Ana', 'Ivana', 'Snežana', 'Marija', 'Jovana', 'Tijana', 'Dragana', 'Gordana', 'Vesna', 'Katarina', 'Sanja', 'Maja', 'Teodora', 'Nevena', 'Biljana', 'Ljiljana', 'Mirjana', 'Danijela', 'Branka', 'Zorica', 'Sofija', 'Nataša', 'Olivera', 'Slađana'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Ilić', 'Đorđević', 'Stojanović', 'Marković', 'Pavlović', 'Kostić', 'Popović', 'Živković', 'Todorović', 'Stanković', 'Ristić', 'Milošević', 'Lazić', 'Mitrović', 'Savić', 'Radovanović', 'Simić', 'Tomić', 'Kovačević', 'Obradović', 'Vasić', 'Lukić', 'Mladenović', 'Antić', 'Janković', 'Filipović', 'Bošković', 'Stevanović', 'Đukić', 'Perić', 'Vuković', 'Nedeljković', 'Gajić', 'Cvetković', 'Mišić', 'Babić', 'Matić', 'Kneževic', 'Zec', 'Šarić', 'Milenković', 'Ćirić', 'Bogdanović', 'Aćimović', 'Veljković'];
const person = () => `${chance(0.5) ? pick(FIRST_M) : pick(FIRST_F)} ${pick(LAST)}`;
const CITIES = ['Beograd', 'Beograd', 'Beograd', 'Beograd', 'Novi Sad', 'Novi Sad', 'Niš', 'Niš', 'Kragujevac', 'Subotica', 'Zrenjanin', 'Pančevo', 'Čačak', 'Kraljevo', 'Novi Pazar', 'Smederevo', 'Leskovac', 'Valjevo', 'Šabac', 'Užice', 'Vršac', 'Sombor'];
const STREETS = ['Bulevar oslobođenja', 'Cara Dušana', 'Njegoševa', 'Kneza Miloša', 'Vojvode Stepe', 'Bulevar kralja Aleksandra', 'Zmaj Jovina', 'Nemanjina', 'Karađorđeva', 'Svetog Save', 'Vuka Karadžića', 'Jovana Cvijića', 'Dositejeva', 'Maksima Gorkog'];
const acct = (code) => `${code}-${pad(ri(1, 9999999), ri(0, 1) ? 13 : 10)}-${pad(ri(10, 99), 2)}`;
const pnb = () => pick([`97 ${pad(ri(10, 99), 2)}${pad(ri(0, 99999999), 8)}`, `${pad(ri(0, 999999), 6)}-${pad(ri(0, 99), 2)}`, `97 ${ri(10, 99)}-${ri(1000, 9999)}-${ri(1000000, 9999999)}`, `${ri(100000000, 999999999)}`]);

// ---------- banks ----------
const BANKS = {
  raiffeisen: { name: 'Raiffeisen banka', code: '265', atm: 'RBA', eng: 0.25, cyr: 0.0 },
  erste: { name: 'Erste Bank', code: '340', atm: 'ERSTE', eng: 0.15, cyr: 0.0 },
  aik: { name: 'AIK Banka', code: '105', atm: 'AIK', eng: 0.0, cyr: 0.15 },
  intesa: { name: 'Banca Intesa', code: '160', atm: 'BIB', eng: 0.2, cyr: 0.1 },
  otp: { name: 'OTP banka', code: '325', atm: 'OTP', eng: 0.05, cyr: 0.0 },
  unicredit: { name: 'UniCredit Bank', code: '170', atm: 'UCB', eng: 0.5, cyr: 0.0 },
  postanska: { name: 'Banka Poštanska štedionica', code: '200', atm: 'BPS', eng: 0.0, cyr: 0.6 },
  nlb: { name: 'NLB Komercijalna banka', code: '205', atm: 'NLB KB', eng: 0.05, cyr: 0.35 },
  procredit: { name: 'ProCredit Bank', code: '150', atm: 'PCB', eng: 0.5, cyr: 0.0 },
  addiko: { name: 'Addiko Bank', code: '165', atm: 'ADDIKO', eng: 0.1, cyr: 0.0 },
  yettel: { name: 'Yettel Bank', code: '115', atm: 'YETTEL BANK', eng: 0.0, cyr: 0.0 },
};
const BANK_KEYS = Object.keys(BANKS);

function newStyle(bankKey) {
  const b = BANKS[bankKey];
  const lang = chance(b.eng) ? 'eng' : chance(b.cyr) ? 'cyr' : 'lat';
  return { bank: bankKey, lang, v: ri(0, 2), upper: chance(0.3), nodia: lang === 'lat' && chance(0.35), city: chance(0.75), mask: null };
}
const mask = () => pick([() => `${pick(['4058', '4874', '5167', '5352', '9891', '4242', '5406'])}***${pad(ri(0, 9999), 4)}`, () => `*${pad(ri(0, 9999), 4)}`, () => `${pick(['4', '5'])}${ri(100, 999)} **** **** ${pad(ri(0, 9999), 4)}`, () => `XXXX${pad(ri(0, 9999), 4)}`])();
const fmtDate = (n, k) => { const [y, m, d] = parts(n); return [`${pad(d, 2)}.${pad(m, 2)}.${y}`, `${pad(d, 2)}.${pad(m, 2)}`, `${pad(d, 2)}.${pad(m, 2)}.${String(y).slice(2)}`, `${y}-${pad(m, 2)}-${pad(d, 2)}`][k]; };

// finalise text according to style (case, diacritics)
function fin(s, st) {
  s = s.replace(/\s+/g, ' ').trim().replace(/,?\s*(svrha|сврха):\s*$/i, '').replace(/[\s\-\/,:]+$/, '').replace(/ - -/g, ' -').replace(/\s+/g, ' ');
  if (st.nodia) s = strip(s);
  if (st.upper) s = s.toUpperCase();
  return s;
}
const cityTxt = (c, st) => (st.lang === 'cyr' ? toCyr(c).toUpperCase() : st.lang === 'eng' ? strip(c).toUpperCase() : c.toUpperCase());

// ---------- renderers by channel ----------
// merchant: {m: 'MAXI 218', city: 'Beograd' | null, foreign: {city, cc, cur, orig}}
function rCard(st, merch, n) {
  const b = st.bank, M = merch.m, f = merch.foreign;
  const C = f ? `${f.city} ${f.cc}` : (st.city || merch.forceCity) && merch.city ? cityTxt(merch.city, st) : '';
  const mk = st.mask;
  const origin = f && f.orig && chance(0.5) ? pick([` | ${f.orig} ${f.cur}`, ` Orig. iznos ${f.orig} ${f.cur}`, ` (${f.orig} ${f.cur})`]) : '';
  if (st.lang === 'eng') return fin(pick([`Card purchase ${M} ${C}`, `PAYMENT CARD PURCHASE ${M} ${C} ${fmtDate(n, 3)}`, `Debit card payment ${M} ${C}`, `POS purchase ${M} ${C} card ${mk}`]) + origin, st);
  if (st.lang === 'cyr') return fin(pick([`КУПОВИНА ПОС ${M} ${C}`, `Куповина картицом ${mk} ${M} ${C}`, `КУПОВИНА КАРТИЦОМ ${M} ${C} СРБ`, `Плаћање картицом ${fmtDate(n, 0)} ${M} ${C}`]) + origin, st);
  const T = {
    raiffeisen: [`POS KUPOVINA ${M} ${C} SRB`, `Kupovina karticom ${mk} ${fmtDate(n, 0)} ${M} ${C}`, `POS ${M} ${C}`],
    erste: [`KARTIČNA TRANSAKCIJA - ${M} ${C}`, `Plaćanje karticom - ${M}, ${C}, ${fmtDate(n, 0)}`, `Erste kartica ${mk} ${M}`],
    aik: [`POS ${M}>${C} RS`, `Kupovina ${M} ${C} Kartica: ${mk}`, `Kupovina POS ${fmtDate(n, 1)} ${M}`],
    intesa: [`Kupovina na POS terminalu ${M} ${C}`, `POS ${fmtDate(n, 1)} ${M} ${C} SRB`, `Kupovina ${M} ${C} ${mk}`],
    otp: [`Plaćanje karticom Visa ${mk} ${M} ${C}`, `OTP POS ${M} ${C} ${fmtDate(n, 2)}`, `Kupovina - ${M} - ${C}`],
    unicredit: [`Kartično plaćanje ${M} ${C}`, `Kupovina karticom ${M} ${C} ${fmtDate(n, 0)}`, `POS ${M} ${C} RS`],
    postanska: [`Kupovina Dina karta ${mk} ${M} ${C}`, `KUPOVINA POS ${M} ${C}`, `Kupovina ${fmtDate(n, 0)} ${M}`],
    nlb: [`Kupovina na prodajnom mestu ${M} ${C}`, `NLB KB kupovina ${M} ${C}`, `Kupovina karticom ${mk} ${M}`],
    procredit: [`Plaćanje debitnom karticom ${M} ${C}`, `Debitna kartica ${mk} - ${M} ${C}`, `Kupovina ${M} ${C} SRB`],
    addiko: [`ADDIKO POS ${M} ${C}`, `Kupovina ${fmtDate(n, 0)} ${M} ${C} RS`, `Plaćanje karticom ${M}`],
    yettel: [`Yettel bank kartica - ${M} ${C}`, `Plaćanje karticom ${M} ${C} SRB ${mk}`, `Kupovina ${M} ${C}`],
  }[b];
  let out = (chance(0.8) ? T[st.v] : pick(T));
  if (f) out = out.replace(`${C} SRB`, C).replace(`${C} RS`, C).replace(`${C}, SRB`, C);
  return fin(out + origin, st);
}
function rIpsQR(st, merch) {
  const C = merch.city && st.city ? cityTxt(merch.city, st) : '';
  if (st.lang === 'eng') return fin(pick([`IPS QR payment ${merch.m} ${C}`, `Instant payment QR ${merch.m}`]), st);
  if (st.lang === 'cyr') return fin(pick([`ИПС покажи ${merch.m} ${C}`, `ИПС QR плаћање ${merch.m}`]), st);
  return fin(pick([`IPS QR pokaži ${merch.m} ${C}`, `Plaćanje IPS QR kodom ${merch.m} ${C}`, `IPS pokaži - ${merch.m}`, `Instant plaćanje na prodajnom mestu ${merch.m} ${C}`]), st);
}
// payment to a named payee (IPS / order / standing / direct debit), out
function rOut(st, ch, payee, purpose, n, must) {
  const P = payee, p = purpose || '';
  const pk = (arr) => { const f = must ? arr.filter((x) => x.includes(p) || x.includes(toCyr(p))) : arr; return pick(f.length ? f : arr); };
  const cy = (s) => toCyr(s);
  if (st.lang === 'eng') {
    const t = { ips: [`Instant payment to ${P} ${p}`, `IPS transfer ${P} - ${p}`], order: [`Payment order ${P} ${p}`, `E-banking payment ${P} / ${p} / ref ${pnb()}`, `Outgoing payment ${P} ${p}`], standing: [`Standing order ${P} ${p}`, `Standing order no. ${ri(1, 40)} ${P}`], dd: [`Direct debit ${P} ${p}`, `Direct debit ${P} contract ${ri(100000, 9999999)}`] }[ch];
    return fin(pk(t), { ...st, nodia: true });
  }
  if (st.lang === 'cyr') {
    const t = { ips: [`ИПС НБС пренос - ${cy(P)} ${cy(p)}`, `Инстант плаћање ${cy(P)} ${cy(p)}`], order: [`Налог за плаћање ${cy(P)} ${cy(p)} шифра ${pick(['221', '289', '290'])}`, `Уплата ${cy(P)}, сврха: ${cy(p)}`], standing: [`Трајни налог ${cy(P)} ${cy(p)}`, `ТРАЈНИ НАЛОГ БР. ${ri(1, 40)} ${cy(P)}`], dd: [`Директно задужење ${cy(P)} ${cy(p)}`, `Трајно задужење ${cy(P)}`] }[ch];
    return fin(pk(t), st);
  }
  const t = {
    ips: [`IPS NBS prenos - ${P} ${p}`, `Instant plaćanje - ${P} - ${p}`, `IPS ${P} ${p}`, `Instant transfer ${P}, svrha: ${p}`, `IPS skeniraj ${P} ${p}`, `Prenos ${P} ${p} (IPS)`],
    order: [`Nalog za plaćanje ${P} ${p} šifra ${pick(['221', '289', '290', '253'])} PNB ${pnb()}`, `Uplata ${P}, svrha: ${p}`, `E-banking plaćanje: ${P} / ${p} / ${acct(pick(['160', '205', '265', '840', '170', '325']))}`, `Elektronsko plaćanje ${P} - ${p}`, `Plaćanje računa ${P} ${p}`, `${P} ${p} poziv na broj ${pnb()}`],
    standing: [`Trajni nalog ${P} ${p}`, `TRAJNI NALOG BR. ${ri(1, 40)} - ${P}`, `Trajni nalog - ${p} - ${P}`],
    dd: [`Direktno zaduženje ${P} ${p}`, `Trajno zaduženje ${P} ugovor ${ri(100000, 9999999)}`, `Auto-zaduženje ${P} ${p}`],
  }[ch];
  return fin(pk(t), st);
}
// money in from a named payer
function rIn(st, payer, purpose, kind) {
  const P = payer, p = purpose || '';
  if (st.lang === 'eng') return fin(pick([`Incoming payment ${P} ${p}`, `Credit transfer from ${P} ${p}`, `Instant payment from ${P} ${p}`]), { ...st, nodia: true });
  if (st.lang === 'cyr') return fin(pick([`Прилив ${toCyr(P)} ${toCyr(p)}`, `Уплата од ${toCyr(P)} ${toCyr(p)}`, `ИПС прилив ${toCyr(P)} ${toCyr(p)}`]), st);
  const t = kind === 'salary'
    ? [`Priliv - ${p} ${P}, šifra 240`, `Isplata ${p} - ${P}`, `${p} ${P}`, `Uplata od ${P} ${p}`, `PRILIV ${P} ${p} 240`]
    : [`Priliv - ${P} ${p}`, `IPS priliv ${P} ${p}`, `Uplata od ${P} ${p}`, `Instant prenos od ${P} ${p}`, `Odobrenje ${P} ${p}`];
  return fin(pick(t), st);
}
function rSalary(st, emp, n, bonus) {
  const [y, m] = parts(n);
  const pm = m === 1 ? 12 : m - 1, py = m === 1 ? y - 1 : y; // salary for previous month
  const E = emp.name;
  if (emp.pension) {
    if (st.lang === 'cyr') return fin(pick([`ПЕНЗИЈА ЗА ${pad(pm, 2)}/${py} РФ ПИО`, `Исплата пензије ${toCyr(MON[pm - 1])} ${py}`]), st);
    if (st.lang === 'eng') return fin(pick([`Pension ${pad(pm, 2)}/${py} PIO FUND`, `Credit PIO FOND pension`]), st);
    return fin(pick([`PENZIJA ZA ${pad(pm, 2)}/${py} RF PIO`, `Isplata penzije ${MON[pm - 1]} ${py}`, `Penzija - Republički fond PIO`, `RF PIO ISPLATA PENZIJE ${pad(pm, 2)}.${py}`]), st);
  }
  if (bonus) {
    const b = pick(['božićnica', '13. plata', 'godišnji bonus', 'bonus za ' + (py) + '. godinu', 'regres']);
    if (st.lang === 'eng') return fin(`Bonus payment ${strip(E)} ${y}`, st);
    if (st.lang === 'cyr') return fin(`${toCyr(b)} ${toCyr(E)}`, st);
    return fin(pick([`Isplata - ${b} - ${E}`, `${E} ${b} šifra 240`, `Priliv ${b} ${y} ${E}`]), st);
  }
  if (emp.foreign) return fin(pick([`Priliv iz inostranstva ${E} ${pick(['salary', 'payroll', 'contractor payment'])} ${MON_EN[pm - 1]} ${py}`, `Devizni priliv ${E} - konverzija EUR`, `INO PRILIV ${E.toUpperCase()} SALARY`]), st);
  if (emp.platform) return fin(pick([`Isplata zarade ${E} period ${fmtDate(n - 14, 1)}-${fmtDate(n - 1, 1)}`, `${E} isplata dostave`, `Priliv ${E} - zarada kurir`, `Honorar ${E}`]), st);
  if (st.lang === 'eng') return fin(pick([`Salary ${strip(E)} ${MON_EN[pm - 1]} ${py}`, `Credit transfer ${strip(E)} SALARY ${pad(pm, 2)}/${py}`, `Payroll ${strip(E)}`]), st);
  if (st.lang === 'cyr') return fin(pick([`Зарада за ${toCyr(MON[pm - 1])} ${py} ${toCyr(E)}`, `ИСПЛАТА ЗАРАДЕ ${toCyr(E).toUpperCase()} ${pad(pm, 2)}/${py}`, `Прилив - зарада ${toCyr(E)} шифра 240`]), st);
  return fin(pick([`ZARADA ZA ${pad(pm, 2)}/${py} ${E}`, `Isplata zarade - ${E}`, `Priliv - zarada, šifra 240, ${E}`, `Plata ${MON[pm - 1]} ${py}`, `Uplata zarade od ${E}`, `${E} - zarada ${MON[pm - 1]} ${py}`, `Zarada ${pick(['II deo', 'konačni obračun', ''])} ${pad(pm, 2)}.${py} ${E}`]), st);
}
function rATM(st, city, n) {
  const b = BANKS[st.bank], C = cityTxt(city, st), id = pad(ri(1, 2999), 4);
  const other = chance(0.25) ? pick(['RBA', 'BIB', 'ERSTE', 'OTP', 'NLB KB', 'AIK', 'UCB', 'ADDIKO']) : b.atm;
  if (st.lang === 'eng') return fin(pick([`Cash withdrawal ATM ${other} ${id} ${C}`, `ATM WITHDRAWAL ${C} ${other}`]), st);
  if (st.lang === 'cyr') return fin(pick([`ИСПЛАТА ГОТОВИНЕ БАНКОМАТ ${other} ${C}`, `Подизање готовине АТМ ${id} ${C}`]), st);
  return fin(pick([`Isplata gotovine ATM ${other} ${id} ${C}`, `ISPLATA NA BANKOMATU ${id} ${C}`, `Podizanje gotovine bankomat ${other} ${C}`, `Bankomat ${other} ${C} ${mask()}`, `ATM isplata ${fmtDate(n, 1)} ${C}`]), st);
}
const FEES = {
  lat: ['Naknada za vođenje računa', 'Mesečno održavanje paketa {PKG}', 'Provizija za nalog', 'Provizija IPS', 'Naknada za SMS obaveštenja', 'Članarina za karticu {CARD}', 'Naknada za isplatu na bankomatu druge banke', 'Naknada za m-banking', 'Provizija za prenos sredstava', 'Naknada za održavanje paketnog računa'],
  eng: ['Account maintenance fee', 'Package fee {PKG}', 'Payment order fee', 'SMS notification fee', 'Card annual fee {CARD}', 'ATM fee other bank'],
  cyr: ['Накнада за вођење рачуна', 'Провизија за налог', 'Месечно одржавање пакета {PKG}', 'Чланарина за картицу {CARD}'],
};
const PKG = ['Plus', 'Standard', 'Premium', 'Easy', 'Moj paket', 'Classic', 'Start', 'Digital', 'Comfort'];
const CARDS = ['Visa Classic', 'Mastercard Standard', 'Dina', 'Visa Gold', 'Mastercard Debit', 'Visa Electron'];
function rFee(st, which, pkg, card, n) {
  const arr = FEES[st.lang] || FEES.lat; const t = which != null ? arr[Math.min(which, arr.length - 1)] : pick(arr);
  return fin(t.replace('{PKG}', pkg || pick(PKG)).replace('{CARD}', card || pick(CARDS)) + (n != null && chance(0.3) ? ` ${fmtDate(n, 1)}` : ''), st);
}

// ---------- merchant catalogue (noise) ----------
const n3 = () => pad(ri(1, 480), 3), n2 = () => pad(ri(1, 99), 2), n4 = () => pad(ri(1, 9999), 4);
const M = {
  groceries: [
    [() => `MAXI ${n3()}`, 10], [() => `MEGA MAXI ${n3()}`, 2], [() => `SHOP&GO ${n3()}`, 2], [() => `IDEA ${n4()}`, 6], [() => `RODA ${n3()}`, 2], [() => `MERCATOR-S ${n3()}`, 1], [() => `LIDL SRBIJA KD`, 4], [() => `LIDL ${n4()}`, 4],
    [() => `UNIVEREXPORT ${n2()}`, 3], [() => `DIS MARKET ${n2()}`, 2], [() => `AMAN ${n3()}`, 3], [() => `TEMPO ${n2()}`, 1], [() => `GOMEX ${n3()}`, 2], [() => `SUPER VERO ${n2()}`, 1], [() => `METRO CASH&CARRY`, 1], [() => `ZLATIBORAC ${n2()}`, 1],
    [() => `PR PRODAVNICA ${strip(pick(LAST)).toUpperCase()}`, 2], [() => `MARKET ${pick(['BOSS', 'LUX', 'KOD MIKE', 'SVE ZA KUCU', 'PLUS', 'DOBRO'])}`, 2], [() => `TRAFIKA ${n2()}`, 2], [() => `PIJACA ${pick(['KALENIC', 'BAJLONI', 'FUTOSKA', 'ZEMUN', 'BLOK 44', 'LIMANSKA'])}`, 1], [() => `MESARA ${strip(pick(LAST)).toUpperCase()}`, 1],
    [() => `DM DROGERIE MARKT ${n3()}`, 3], [() => `LILLY DROGERIE ${n3()}`, 2], [() => `BENU APOTEKA ${n3()}`, 2], [() => `APOTEKA JANKOVIC ${n2()}`, 1], [() => `APOTEKE BEOGRAD ${n2()}`, 1], [() => `DR MAX APOTEKA ${n3()}`, 1], [() => `BEO-LAB ${n2()}`, 1], [() => `POLIKLINIKA ${pick(['MEDIGROUP', 'BEL MEDIC', 'HIGIA', 'MEDICINA PLUS'])}`, 1], [() => `STOMATOLOSKA ORDINACIJA ${strip(pick(LAST)).toUpperCase()}`, 1],
    [() => `ZARA ${pick(['USCE', 'DELTA CITY', 'PROMENADA', 'GALERIJA'])}`, 1], [() => `H&M ${n3()}`, 1], [() => `DEICHMANN ${n3()}`, 1], [() => `SPORT VISION ${n3()}`, 1], [() => `GIGATRON ${n3()}`, 1], [() => `TEHNOMANIJA ${n2()}`, 1], [() => `WINWIN ${n2()}`, 1], [() => `IKEA BEOGRAD`, 1], [() => `JYSK ${n3()}`, 1], [() => `EMMEZETA ${n2()}`, 1], [() => `PEPCO ${n4()}`, 1], [() => `JUMBO ${n2()}`, 1],
  ],
  groceriesOnline: [[{ m: 'ALIEXPRESS.COM', foreign: { city: 'LUXEMBOURG', cc: 'LU', cur: 'USD' } }, 3], [{ m: 'TEMU.COM', foreign: { city: 'DUBLIN', cc: 'IE', cur: 'EUR' } }, 2], [{ m: 'AMZN Mktp DE', foreign: { city: 'amazon.de', cc: 'DE', cur: 'EUR' } }, 1], [{ m: 'PAYPAL *SHEIN', foreign: { city: '4029357733', cc: 'LU', cur: 'EUR' } }, 1]],
  dining: [
    [() => `MCDONALDS ${n3()}`, 3], [() => `KFC ${pick(['USCE', 'DELTA CITY', 'PROMENADA', 'ADA MALL', 'STOP SHOP'])}`, 1], [() => `BURGER KING ${n2()}`, 1], [() => `HLEB I KIFLE ${n2()}`, 3], [() => `PEKABETA ${n3()}`, 2], [() => `PEKARA TRAG ${n2()}`, 1], [() => `PEKARA ${strip(pick(LAST)).toUpperCase()}`, 3],
    [() => pick(['WOLT', 'Wolt Beograd', 'WOLT.COM', 'WOLT *ORDER']), 5], [() => pick(['GLOVO', 'GLOVO*ORDER', 'Glovoapp']), 3], [() => pick(['DONESI.COM', 'DONESI']), 1], [() => `WALTER ${pick(['BULEVAR', 'STRAHINJICA BANA', 'DORCOL', 'NOVI BEOGRAD'])}`, 1], [() => 'TEL AVIV HUMMUS HOUSE', 1], [() => `KAFETERIJA ${pick(['MAGAZIN 1907', 'CENTRAL', 'DORCOL'])}`, 1],
    [() => 'COSTA COFFEE', 1], [() => 'MALA FABRIKA UKUSA', 1], [() => `POSLASTICARNICA ${pick(['IVO', 'MORAVA', 'BALKAN', 'SEHER', 'ORIJENT'])}`, 1], [() => `KAFANA ${pick(['?', 'ZNAK PITANJA', 'TRI SESIRA', 'DVA JELENA', 'ZAVICAJ', 'STARI HRAST'])}`, 1], [() => `PIZZERIA ${pick(['POMODORO', 'LOKI', 'NAPOLI', 'TRI KOCKE'])}`, 2],
    [() => `ROSTILJ ${strip(pick(LAST)).toUpperCase()}`, 1], [() => `CEVABDZINICA ${pick(['ZELJO', 'KOD BRACE', 'SARAJEVO', 'LESKOVAC'])}`, 1], [() => `CAFFE BAR ${pick(['CIRKUS', 'LAGUNA', 'MEMORIES', 'PLATO'])}`, 2], [() => `RESTORAN ${pick(['TERASA', 'FRANS', 'KALEMEGDANSKA TERASA', 'LOVAC', 'BELA REKA'])}`, 1],
  ],
  transport: [
    [() => `NIS PETROL BS ${n3()}`, 4], [() => `GAZPROM BS ${n3()}`, 2], [() => `OMV ${n4()}`, 2], [() => `MOL SRBIJA ${n3()}`, 2], [() => `LUKOIL ${n3()}`, 1], [() => `EKO SRBIJA ${n2()}`, 1], [() => 'KNEZ PETROL', 1],
    [() => pick(['CARGO', 'CAR:GO', 'CARGO TAXI']), 3], [() => pick(['YANDEX.GO', 'YANDEX GO']), 2], [() => 'NAXI TAXI', 1], [() => 'PINK TAXI', 1], [() => pick(['BUSPLUS', 'BUS PLUS']), 2], [() => 'GSP BEOGRAD', 1], [() => 'JGSP NS', 1],
    [() => 'PARKING SERVIS', 2], [() => `PUTEVI SRBIJE NS ${pick(['BEOGRAD', 'NIS', 'NOVI SAD', 'PRELJINA', 'VRCIN'])}`, 2], [() => 'SRBIJAVOZ', 1], [() => 'LASTA', 1], [() => 'NIS EKSPRES', 1], [() => 'AIR SERBIA', 1], [() => 'WIZZ AIR', 1], [() => `AUTO PERIONICA ${pick(['BLESAK', 'SJAJ', 'AS'])}`, 1], [() => `VULKANIZER ${strip(pick(LAST)).toUpperCase()}`, 1], [() => `AUTO SERVIS ${pick(['MIKI', 'DELTA', 'TURBO'])}`, 1],
  ],
  entertainment: [
    [() => `CINEPLEXX ${pick(['USCE', 'DELTA CITY', 'BIG NOVI SAD', 'GALERIJA', 'PROMENADA', 'ZIRA'])}`, 3], [() => 'EVENTIM', 1], [() => 'TICKETS.RS', 1], [() => 'NARODNO POZORISTE', 1], [() => 'STEAMGAMES.COM 4259522985', 1], [() => 'PLAYSTATION NETWORK', 1],
    [() => 'SC TASMAJDAN', 1], [() => 'SPENS', 1], [() => `MOZZART ${n3()}`, 2], [() => `MAXBET ${n2()}`, 1], [() => 'SOCCERBET', 1], [() => 'MERIDIAN BET', 1], [() => `VULKAN KNJIZARE ${n2()}`, 1], [() => `DELFI KNJIZARE ${n2()}`, 1], [() => 'BOOKING.COM', 1], [() => 'AIRBNB', 1], [() => `BOWLING ${pick(['BLOK 44', 'ADA'])}`, 1],
  ],
};
function merchOf(cat, city) {
  const g = wpick(M[cat]); const m = typeof g === 'function' ? g() : g;
  const foreignTx = { 'STEAMGAMES.COM 4259522985': { city: 'BELLEVUE', cc: 'US', cur: 'USD' }, 'BOOKING.COM': { city: 'AMSTERDAM', cc: 'NL', cur: 'EUR' }, 'AIRBNB': { city: 'DUBLIN', cc: 'IE', cur: 'EUR' }, 'PLAYSTATION NETWORK': { city: 'LONDON', cc: 'GB', cur: 'EUR' }, 'WIZZ AIR': { city: 'BUDAPEST', cc: 'HU', cur: 'EUR' } };
  if (typeof m === 'object') return { ...m };
  if (foreignTx[m]) return { m, foreign: foreignTx[m] };
  return { m, city };
}
const noiseAmount = (cat, m) => {
  const s = m.m;
  if (cat === 'groceries') {
    if (/ZARA|H&M|DEICHMANN|SPORT VISION|GIGATRON|TEHNOMANIJA|WINWIN|IKEA|JYSK|EMMEZETA|JUMBO/.test(s)) return ri(1500, 25000);
    if (/POLIKLINIKA|STOMATOL|BEO-LAB/.test(s)) return ri(2500, 18000);
    if (/TRAFIKA|PEKARA/.test(s)) return ri(120, 900);
    return Math.round(Math.exp(rf(Math.log(250), Math.log(9000))));
  }
  if (cat === 'groceriesOnline') return ri(600, 9000);
  if (cat === 'dining') { if (/RESTORAN|KAFANA/.test(s)) return ri(1800, 9000); if (/PEKARA|HLEB|PEKABETA|TRAG/.test(s)) return ri(90, 700); return ri(350, 3200); }
  if (cat === 'transport') { if (/PETROL|GAZPROM|OMV|MOL|LUKOIL|EKO|KNEZ/.test(s)) return ri(2000, 8500); if (/BUS|GSP|JGSP/.test(s)) return pick([89, 100, 150, 1000, 3100]); if (/PUTEVI/.test(s)) return pick([200, 380, 620, 1100, 1540]); if (/AIR|WIZZ/.test(s)) return ri(6000, 42000); if (/PARKING/.test(s)) return pick([60, 80, 100, 140, 180, 240]); if (/SERVIS|VULKAN/.test(s)) return ri(2500, 30000); return ri(320, 2600); }
  if (cat === 'entertainment') { if (/BOOKING|AIRBNB/.test(s)) return ri(5000, 60000); if (/MOZZART|MAXBET|SOCCER|MERIDIAN/.test(s)) return pick([100, 200, 300, 500, 1000, 2000]); return ri(450, 4800); }
  return ri(200, 3000);
};

// ---------- stream templates ----------
const CITY_UTIL = {
  'Beograd': { heat: 'JKP BEOGRADSKE ELEKTRANE', water: 'JKP BEOGRADSKI VODOVOD I KANALIZACIJA', collect: 'JKP INFOSTAN TEHNOLOGIJE' },
  'Novi Sad': { heat: 'JKP NOVOSADSKA TOPLANA', water: 'JKP VODOVOD I KANALIZACIJA NOVI SAD', collect: 'JKP INFORMATIKA NOVI SAD' },
  'Niš': { heat: 'JKP GRADSKA TOPLANA NIŠ', water: 'JKP NAISSUS NIŠ', collect: 'JKP NAISSUS' },
  'Kragujevac': { heat: 'JKP ENERGETIKA KRAGUJEVAC', water: 'JKP VODOVOD I KANALIZACIJA KRAGUJEVAC', collect: 'GRADSKA STAMBENA AGENCIJA KG' },
};
const utilFor = (city) => CITY_UTIL[city] || { heat: `JKP TOPLANA ${city.toUpperCase()}`, water: `JKP VODOVOD ${city.toUpperCase()}`, collect: `JKP ${pick(['KOMUNALAC', 'STAMBENO', 'ČISTOĆA'])} ${city.toUpperCase()}` };
const EMPLOYERS = ['NIS A.D. NOVI SAD', 'TELEKOM SRBIJA AD', 'DELHAIZE SERBIA DOO', 'ELEKTROPRIVREDA SRBIJE AD', 'HEMOFARM AD VRŠAC', 'NCR VOYIX DOO BEOGRAD', 'MICROSOFT DEVELOPMENT CENTER SERBIA', 'NORDEUS DOO', 'CONTINENTAL AUTOMOTIVE SERBIA DOO', 'ROBERT BOSCH DOO', 'STELLANTIS SERBIA DOO KRAGUJEVAC', 'TIGAR TYRES DOO PIROT', 'ZIJIN COPPER DOO BOR', 'HBIS GROUP SERBIA IRON & STEEL', 'OŠ VUK KARADŽIĆ', 'DOM ZDRAVLJA ZVEZDARA', 'UNIVERZITETSKI KLINIČKI CENTAR SRBIJE', 'GRADSKA UPRAVA GRADA BEOGRADA', 'UNIVERZITET U NOVOM SADU FTN', 'GORENJE DOO VALJEVO', 'JP PUTEVI SRBIJE', 'MERCATOR-S DOO', 'LEONI WIRING SYSTEMS SOUTHEAST DOO', 'YURA CORPORATION DOO', 'ASSECO SEE DOO', 'SYMPHONY DOO', 'HTEC GROUP DOO', 'LEVI9 TECHNOLOGY SERVICES DOO', 'MTEL? NO'].filter((e) => !e.includes('?'));

// amount helpers (para)
const para = (rsd) => Math.round(rsd * 100);
function eurRate(n) { return 117.05 + 0.25 * Math.sin(n / 37) + rf(-0.05, 0.05); }
function usdRate(n) { const [y, m] = parts(n); return 99 + 9 * Math.sin((y * 12 + m) / 7) + rf(-0.4, 0.4); }
const fxPara = (amt, cur, n) => Math.round(amt * (cur === 'EUR' ? eurRate(n) : usdRate(n)) * (1 + (chance(0.5) ? 0.01 * ri(0, 2) : 0)) * 100);

// Subscription services: name, merchant text variants, foreign location, currency, monthly price, annual?
const SUBS = [
  { key: 'netflix', v: ['NETFLIX.COM', 'Netflix.com', 'NETFLIX INTERNATIONAL B.V.'], loc: { city: 'Los Gatos', cc: 'NL' }, cur: 'EUR', p: [7.99, 10.99, 13.99], rise: 1.0 },
  { key: 'spotify', v: ['Spotify P{H}', 'SPOTIFY', 'Spotify AB'], loc: { city: 'Stockholm', cc: 'SE' }, cur: 'EUR', p: [6.99, 8.99, 11.99], rise: 1.0 },
  { key: 'hbo', v: ['HBO MAX', 'MAX.COM', 'HBOMAX.COM'], loc: { city: 'Amsterdam', cc: 'NL' }, cur: 'EUR', p: [5.99, 6.99] },
  { key: 'disney', v: ['DISNEYPLUS', 'PAYPAL *DISNEYPLUS', 'Disney Plus'], loc: { city: 'Hammersmith', cc: 'GB' }, cur: 'EUR', p: [5.99, 8.99] },
  { key: 'ytp', v: ['GOOGLE *YouTubePremium', 'GOOGLE *YouTube', 'Google YouTube Premium'], loc: { city: 'g.co/helppay#', cc: 'GB' }, cur: 'RSD', rsd: [549, 699, 899] },
  { key: 'gone', v: ['GOOGLE *Google One', 'Google Storage', 'GOOGLE*GOOGLE ONE'], loc: { city: 'g.co/helppay#', cc: 'GB' }, cur: 'RSD', rsd: [229, 299, 1049] },
  { key: 'icloud', v: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill'], loc: { city: 'Cork', cc: 'IE' }, cur: 'USD', p: [0.99, 2.99, 9.99] },
  { key: 'applemusic', v: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM'], loc: { city: 'Cork', cc: 'IE' }, cur: 'USD', p: [5.99, 10.99] },
  { key: 'm365', v: ['Microsoft*Microsoft 365', 'MSFT *<E0800{H}>', 'MICROSOFT*365 PERSONAL'], loc: { city: 'Dublin', cc: 'IE' }, cur: 'EUR', p: [7, 10] },
  { key: 'chatgpt', v: ['OPENAI *CHATGPT SUBSCR', 'OpenAI ChatGPT', 'OPENAI *CHATGPT'], loc: { city: 'SAN FRANCISCO', cc: 'US' }, cur: 'USD', p: [20] },
  { key: 'adobe', v: ['ADOBE *PHOTOGPHY PLAN', 'ADOBE *CREATIVE CLOUD', 'Adobe Systems Software'], loc: { city: 'Dublin', cc: 'IE' }, cur: 'EUR', p: [12.09, 24.59, 66.45] },
  { key: 'dropbox', v: ['DROPBOX*{H}', 'Dropbox'], loc: { city: 'SAN FRANCISCO', cc: 'US' }, cur: 'USD', p: [11.99] },
  { key: 'canva', v: ['CANVA* 0{H}', 'CANVA'], loc: { city: 'SYDNEY', cc: 'AU' }, cur: 'USD', p: [14.99] },
  { key: 'deezer', v: ['DEEZER', 'Deezer SA'], loc: { city: 'Paris', cc: 'FR' }, cur: 'EUR', p: [6.99, 11.99] },
  { key: 'duolingo', v: ['GOOGLE *Duolingo', 'DUOLINGO'], loc: { city: 'g.co/helppay#', cc: 'GB' }, cur: 'RSD', rsd: [999, 1199] },
  { key: 'nova', v: ['NOVA.RS PRETPLATA', 'NOVA S DIGITAL'], loc: null, cur: 'RSD', rsd: [499, 590] },
  { key: 'gplay', v: ['GOOGLE *Tinder', 'GOOGLE *Play Pass', 'Google Play *Calm'], loc: { city: 'g.co/helppay#', cc: 'GB' }, cur: 'RSD', rsd: [299, 1499] },
];
const ANNUAL_SUBS = [
  { key: 'm365y', v: ['Microsoft*Microsoft 365 Family', 'MSFT *<E0800{H}>', 'MICROSOFT*365 ANNUAL'], loc: { city: 'Dublin', cc: 'IE' }, cur: 'EUR', p: [69, 99, 129] },
  { key: 'disneyy', v: ['DISNEYPLUS ANNUAL', 'PAYPAL *DISNEYPLUS'], loc: { city: 'Hammersmith', cc: 'GB' }, cur: 'EUR', p: [59.9, 89.9] },
  { key: 'esety', v: ['ESET SRBIJA', 'ESET NOD32 LICENCA'], loc: null, cur: 'RSD', rsd: [2990, 3490, 4990] },
  { key: 'domain', v: ['PAYPAL *NAMECHEAP', 'NAMECHEAP.COM'], loc: { city: 'PHOENIX', cc: 'US' }, cur: 'USD', p: [12.98, 15.88] },
  { key: 'hostingy', v: ['MT COM HOSTING', 'PLAN B HOSTING PRETPLATA'], loc: null, cur: 'RSD', rsd: [5990, 8400] },
  { key: 'spotifyy', v: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM'], loc: { city: 'Cork', cc: 'IE' }, cur: 'USD', p: [29.99, 49.99] },
  { key: 'dropboxy', v: ['DROPBOX*{H}', 'Dropbox annual'], loc: { city: 'SAN FRANCISCO', cc: 'US' }, cur: 'USD', p: [119.88] },
];
const hex = () => Array.from({ length: 6 }, () => '0123456789ABCDEF'[ri(0, 15)]).join('');
const subText = (s) => pick(s.v).replace('{H}', hex());

// ---------- history builder ----------
function buildHistory(idx) {
  const id = `h${pad(idx + 1, 2)}`;
  const today = dnum(2026, 9, 15) + ri(0, 81);
  const long = idx % 4 !== 3; // 3/4 long histories
  const months = long ? ri(25, 36) : ri(7, 24);
  const start = monthDay(...parts(today).slice(0, 1), parts(today)[1] - months, parts(today)[2]) + ri(0, 5);
  const bank = BANK_KEYS[idx % BANK_KEYS.length];
  const city = pick(CITIES);
  const persona = wpick([['employee', 6], ['student', 1], ['pensioner', 1.2], ['freelancer', 1], ['family', 2.5], ['courier', 0.6]]);
  let st0 = newStyle(bank); st0.mask = mask();
  let st1 = chance(0.45) ? { ...newStyle(bank), mask: st0.mask } : st0;
  const cut = start + ri(60, Math.max(61, today - start - 30));
  let maskCut = chance(0.4) ? start + ri(90, Math.max(91, today - start - 20)) : Infinity; const mask2 = mask();
  const styleAt = (n) => { const s = n < cut ? st0 : st1; return n >= maskCut ? { ...s, mask: mask2 } : s; };
  const settledCut = today - ri(1, 2); // after this: pending
  const tx = []; // {date, amount(para), description, category, streamIdx}
  const streams = []; // {direction, frequency, amount_type, category, members: [tx objects]}
  const payeeTexts = []; // for one-off noise at stream payees

  // schedule generator: returns list of day numbers
  function schedule(freq, sStart, sEnd, opt) {
    const out = [];
    const manual = opt.manual;
    const jit = () => (manual ? ri(opt.jlo ?? -2, opt.jhi ?? 4) : 0);
    const fix = (n) => (opt.biz ? nextBiz(n) : n);
    if (freq === 'monthly' || freq === 'quarterly' || freq === 'annually') {
      const step = freq === 'monthly' ? 1 : freq === 'quarterly' ? 3 : 12;
      let [y, m] = parts(sStart); const dd = opt.day;
      let k = 0;
      if (opt.months) { // fixed months (quarterly tax)
        while (!opt.months.includes(m)) { m++; if (m > 12) { m = 1; y++; } }
      }
      for (; ; k++) {
        const base = monthDay(y, m + k * step, dd);
        if (base > sEnd + 5) break;
        let n = fix(base + jit());
        if (n < sStart) continue;
        if (n > sEnd) break;
        out.push(n);
      }
    } else {
      const step = freq === 'weekly' ? 7 : 14;
      let base = sStart; while (dow(base) !== opt.wd) base++;
      for (let n = base; n <= sEnd; n += step) { const d = n + (manual && chance(0.25) ? ri(-1, 1) : 0); if (d >= sStart && d <= sEnd) out.push(d); }
    }
    // skips (never within last 3 occurrences), catch-up doubling is rare
    if (opt.skip) {
      for (let i = 1; i < out.length - 3; i++) if (chance(opt.skip)) { out.splice(i, 1); }
    }
    // keep ordering strictly increasing
    return out.filter((n, i, a) => i === 0 || n > a[i - 1]);
  }

  // add a stream: def {dir, freq, cat, opt, amount(n,i), text(n,i,st), endMode}
  function addStream(def) {
    const P = PERIOD[def.freq], min = MINM[def.freq];
    let sStart = Math.max(start, def.start ?? start + ri(0, Math.round(P * (def.freq === 'annually' ? 0.9 : 1.2))));
    let active = def.active ?? chance(def.freq === 'annually' ? 1 : 0.8);
    let sEnd = today;
    if (!active) {
      const latestEnd = today - Math.ceil(2.6 * P) - 2;
      const earliest = sStart + Math.ceil((min + 0.3) * P);
      if (earliest > latestEnd) active = true; else sEnd = ri(earliest, latestEnd);
    }
    if (def.end != null) { sEnd = def.end; }
    let dates = schedule(def.freq, sStart, sEnd, def.opt);
    // pending split
    const memberDates = dates.filter((n) => n <= settledCut);
    const pendDates = dates.filter((n) => n > settledCut);
    if (memberDates.length < min) return null;
    // zone fix
    let last = memberDates[memberDates.length - 1];
    while (memberDates.length >= min && today - last > 1.5 * P && today - last < 2.6 * P) { memberDates.pop(); last = memberDates[memberDates.length - 1]; }
    if (memberDates.length < min) return null;
    const s = { direction: def.dir, frequency: def.freq, category: def.cat, members: [], name: def.name };
    memberDates.forEach((n, i) => {
      const amt = def.amount(n, i);
      const t = { date: n, amount: def.dir === 'outgoing' ? -Math.abs(amt) : Math.abs(amt), description: def.text(n, i, styleAt(n)), category: def.cat, pending: false, stream: true };
      tx.push(t); s.members.push(t);
    });
    for (const n of pendDates) {
      const amt = def.amount(n, memberDates.length);
      tx.push({ date: n, amount: def.dir === 'outgoing' ? -Math.abs(amt) : Math.abs(amt), description: def.text(n, memberDates.length, styleAt(n)), category: def.cat, pending: true, stream: true });
    }
    const amts = s.members.map((t) => t.amount);
    s.amount_type = amts.every((a) => a === amts[0]) ? 'fixed' : 'variable';
    s.is_active = today <= last + 1.5 * P;
    streams.push(s);
    if (def.oneoff) payeeTexts.push(def.oneoff);
    return s;
  }

  const yearOf = (n) => parts(n)[0];
  // ----- incoming salary / pension -----
  let income = 0;
  if (persona === 'pensioner') {
    const base = ri(28000, 72000); income = base;
    addStream({ dir: 'incoming', freq: 'monthly', cat: 'salary', active: true, start: start + ri(0, 10), opt: { day: ri(5, 16), biz: true }, amount: (n) => para(Math.round(base * Math.pow(1.055, yearOf(n) - 2024))), text: (n, i, st) => rSalary(st, { name: 'RF PIO', pension: true }, n) });
  } else if (persona !== 'student') {
    const emp = persona === 'freelancer' ? { name: pick(['DEEL INC', 'PAYONEER', 'UPWORK ESCROW', 'TOPTAL LLC', 'REMOTE EUROPE']), foreign: true } : persona === 'courier' ? { name: pick(['WOLT PARTNER DOO', 'GLOVO KURIR AGENCIJA', 'DONESI LOGISTIKA']), platform: true } : { name: pick(EMPLOYERS) };
    const base = persona === 'freelancer' ? ri(1200, 4200) : ri(62000, 260000); income = persona === 'freelancer' ? base * 117 : base;
    if (persona === 'courier') {
      addStream({ dir: 'incoming', freq: 'biweekly', cat: 'salary', active: true, opt: { wd: ri(1, 5), manual: false }, amount: () => para(ri(24000, 52000)), text: (n, i, st) => rSalary(st, emp, n), oneoff: { cat: 'salary', dir: 1, text: (st) => rIn(st, emp.name, pick(['bonus nedelja', 'dodatak vikend']), 'salary'), amt: () => ri(2000, 9000) } });
      income = 80000;
    } else {
      let eStart = start + ri(0, 10), changedJob = chance(0.2) && today - start > 600;
      if (changedJob) {
        const old = { name: pick(EMPLOYERS) }; const obase = base * rf(0.7, 0.95); const endOld = start + ri(200, today - start - 300);
        addStream({ dir: 'incoming', freq: 'monthly', cat: 'salary', start: eStart, end: endOld, active: false, opt: { day: ri(5, 15), biz: true }, amount: (n) => para(Math.round(obase * rf(0.96, 1.04))), text: (n, i, st) => rSalary(st, old, n) });
        eStart = endOld + ri(10, 40);
      }
      const fx = persona === 'freelancer';
      addStream({ dir: 'incoming', freq: 'monthly', cat: 'salary', active: true, start: eStart, opt: { day: fx ? ri(1, 6) : ri(3, 15), biz: true }, amount: (n) => fx ? fxPara(base * (chance(0.3) ? rf(0.9, 1.1) : 1), 'EUR', n) : para(Math.round(base * Math.pow(1.06, yearOf(n) - 2024) * (chance(0.6) ? rf(0.97, 1.05) : 1))), text: (n, i, st) => rSalary(st, emp, n), oneoff: { cat: 'salary', dir: 1, text: (st) => rIn(st, emp.name, pick(['dnevnice', 'putni troškovi dnevnice', 'naknada za prevoz', 'honorar', 'bonus']), 'salary'), amt: () => ri(3000, 25000) } });
      if (!fx && chance(0.5) && months >= 14) {
        addStream({ dir: 'incoming', freq: 'annually', cat: 'salary', active: true, opt: { day: ri(15, 23), months: null, biz: true }, start: monthDay(yearOf(start) + (parts(start)[1] > 12 ? 1 : 0), 12, 1) - (parts(start)[1] === 12 ? 0 : 0), amount: () => para(ri(15, 60) * 1000), text: (n, i, st) => rSalary(st, emp, n, true) });
      }
    }
  } else {
    // student: parents send monthly + stipend
    const parent = person();
    addStream({ dir: 'incoming', freq: 'monthly', cat: 'transfer', active: true, opt: { day: ri(1, 28), manual: true, skip: 0.03 }, amount: () => para(pick([15000, 20000, 25000, 30000]) + (chance(0.3) ? pick([-5000, 5000]) : 0)), text: (n, i, st) => rIn(st, parent, pick(['', 'džeparac', 'za mesec', 'za stan i hranu', 'pozdrav od mame'])) });
    if (chance(0.6)) addStream({ dir: 'incoming', freq: 'monthly', cat: 'salary', active: chance(0.7), opt: { day: ri(10, 20), biz: true }, amount: () => para(pick([12000, 14000, 16000])), text: (n, i, st) => rIn(st, pick(['MINISTARSTVO PROSVETE', 'FOND ZA MLADE TALENTE', 'GRAD NOVI SAD']), 'studentska stipendija', 'salary') });
    income = 30000;
  }

  // ----- rent -----
  if ((persona === 'student' || persona === 'employee' || persona === 'freelancer' || persona === 'courier' || persona === 'family') && chance(0.55)) {
    const moves = chance(0.3) && months > 14;
    let rStart = start + ri(0, 20);
    const mk = (s, e, active) => {
      const L = chance(0.8) ? person() : pick(['CITY EXPERT DOO', 'NEKRETNINE VRAČAR', 'AGENCIJA KVADRAT']);
      let rent = pick([250, 300, 350, 400, 450, 500, 600]) * 117; rent = Math.round(rent / 1000) * 1000; const rise = chance(0.35) ? s + ri(200, 500) : Infinity;
      const ch = pick(['ips', 'ips', 'order', 'standing']); const street = pick(STREETS); const purp = () => pick(['kirija', 'kirija za', 'stanarina', 'zakup stana', 'KIRIJA', 'kirija stan ' + street]);
      const eurDenom = chance(0.3);
      return addStream({ dir: 'outgoing', freq: 'monthly', cat: 'rent', start: s, end: e, active, opt: { day: ri(1, 10), manual: ch !== 'standing', biz: ch === 'standing', jlo: -3, jhi: 5 }, amount: (n) => eurDenom ? fxPara(rent / 117, 'EUR', n) : para(n >= rise ? rent + pick([3000, 5000, 6000]) : rent), text: (n, i, st) => rOut(st, ch, L, `${purp()} ${MON[parts(n)[1] - 1]}${chance(0.5) ? ' ' + parts(n)[0] : ''}`, n, true) });
    };
    if (moves) { const e = start + ri(240, months * 30 - 200); mk(rStart, e, false); mk(e + ri(3, 20), today, true); } else mk(rStart, undefined, chance(0.85));
  }

  // ----- utilities -----
  const U = utilFor(city);
  const owner = persona !== 'student';
  if (owner) {
    const eps = ['EPS AD BEOGRAD', 'ELEKTROPRIVREDA SRBIJE', 'EPS SNABDEVANJE', 'JP EPS'];
    const ch = pick(['order', 'order', 'dd', 'ips']); const epsBase = ri(2800, 9000); const ed = ri(1000000, 9999999);
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: chance(0.95), opt: { day: ri(12, 25), manual: ch !== 'dd', biz: ch === 'dd', skip: 0.03 }, amount: (n) => { const m = parts(n)[1]; const w = [1, 2, 3, 12, 11].includes(m) ? 1.7 : 1; return para(Math.round(epsBase * w * rf(0.8, 1.2))); }, text: (n, i, st) => rOut(st, ch, pick(eps), pick(['račun za struju', 'struja ' + MON[parts(n)[1] - 1], 'el. energija ED broj ' + ed, 'uplata po računu']), n), oneoff: { cat: 'utilities', dir: -1, text: (st) => rOut(st, 'order', pick(eps), 'dug za struju'), amt: () => ri(1500, 12000) } });
    const heat = city === 'Beograd' || city === 'Novi Sad' || city === 'Niš' || chance(0.4);
    if (city === 'Beograd') {
      const base = ri(4500, 14000);
      addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: chance(0.95), opt: { day: ri(10, 28), manual: true, skip: 0.04, jlo: -4, jhi: 6 }, amount: (n) => { const m = parts(n)[1]; return para(Math.round(base * ([11, 12, 1, 2, 3].includes(m) ? 1.15 : 0.9) * rf(0.95, 1.05))); }, text: (n, i, st) => rOut(st, pick(['order', 'ips', 'order']), pick(['JKP INFOSTAN TEHNOLOGIJE', 'INFOSTAN', 'Infostan tehnologije']), pick(['objedinjena naplata', 'račun ' + pad(parts(n)[1], 2) + '/' + parts(n)[0], 'infostan', 'komunalije']), n) });
    } else {
      if (heat) { const base = ri(3500, 9000); addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: true, opt: { day: ri(10, 25), manual: true, skip: 0.03 }, amount: () => para(base), text: (n, i, st) => rOut(st, pick(['order', 'ips']), U.heat, pick(['grejanje', 'račun za grejanje', 'toplotna energija']), n) }); }
      const wb = ri(900, 2500); const wp = pick([U.water, U.collect]); addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: chance(0.9), opt: { day: ri(10, 25), manual: true, skip: 0.03 }, amount: () => para(Math.round(wb * rf(0.8, 1.25))), text: (n, i, st) => rOut(st, pick(['order', 'ips']), pick([wp]), pick(['voda', 'vodovod i kanalizacija', 'komunalne usluge', 'račun ' + MON[parts(n)[1] - 1]]), n) });
    }
    if (chance(0.4)) { const amt = pick([500, 800, 1000, 1200, 1500]); addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: true, opt: { day: ri(1, 15), biz: true }, amount: () => para(amt), text: (n, i, st) => rOut(st, 'standing', pick([`STAMBENA ZAJEDNICA ${pick(STREETS).toUpperCase()} ${ri(1, 120)}`, `PROFESIONALNI UPRAVNIK ${pick(['DOO', 'AGENCIJA'])} ${pick(['PRIMUS', 'UPRAVNIK PLUS', 'STAN INVEST'])}`]), pick(['održavanje zgrade', 'upravnik', 'tekuće održavanje', 'investiciono održavanje']), n) }); }
  }
  // telecom bills
  const tel = [['mts', ['TELEKOM SRBIJA AD', 'mts', 'MTS RAČUN', 'Telekom Srbija a.d.']], ['a1', ['A1 SRBIJA DOO', 'A1 Srbija', 'A1 RACUN']], ['yettel', ['YETTEL DOO', 'Yettel račun', 'YETTEL POSTPAID']], ['sbb', ['SBB DOO', 'SBB Srbija', 'SBB RACUN']], ['orion', ['ORION TELEKOM', 'Orion telekom doo']], ['supernova', ['SUPERNOVA', 'SUPERNOVA TELEKOM']]];
  const ntel = persona === 'student' ? ri(0, 1) : ri(1, 2);
  const usedTel = new Set();
  for (let k = 0; k < ntel; k++) {
    let t; do { t = pick(tel); } while (usedTel.has(t[0])); usedTel.add(t[0]);
    const ch = pick(['dd', 'order', 'card', 'ips']); const base = ri(13, 60) * 100 - 1; const fixedBill = chance(0.45); const ku = ri(100000, 999999);
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: chance(0.88), opt: { day: ri(8, 27), manual: ch !== 'dd', biz: ch === 'dd', skip: 0.02 }, amount: (n) => fixedBill ? para(base) : para(Math.round(base * rf(0.92, 1.25))), text: (n, i, st) => ch === 'card' ? rCard(st, { m: pick(t[1]).toUpperCase(), city }, n) : rOut(st, ch, pick(t[1]), pick(['račun ' + MON[parts(n)[1] - 1], 'mesečni račun', 'postpaid', 'internet i TV', 'pretplata', 'br. korisnika ' + ku]), n) });
  }
  // subscriptions (monthly)
  const nsub = persona === 'pensioner' ? ri(0, 1) : ri(1, 4);
  const usedSub = new Set();
  for (let k = 0; k < nsub; k++) {
    let s; do { s = pick(SUBS); } while (usedSub.has(s.key)); usedSub.add(s.key);
    const price0 = s.cur === 'RSD' ? pick(s.rsd) : pick(s.p); const riseAt = chance(0.2) ? start + ri(150, Math.max(151, today - start - 100)) : Infinity;
    const day = ri(1, 28);
    const loc = s.loc;
    const amt = (n) => { const p = n >= riseAt ? (s.cur === 'RSD' ? price0 + 100 : Math.round(price0 * 1.2 * 100) / 100 - 0.01) : price0; return s.cur === 'RSD' ? para(p) : fxPara(p, s.cur, n); };
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'subscriptions', active: chance(0.8), opt: { day, manual: false }, amount: amt, text: (n, i, st) => rCard(st, { m: subText(s), foreign: loc ? { ...loc, cur: s.cur, orig: s.cur === 'RSD' ? null : String(price0) } : null, city: loc ? null : 'Beograd' }, n), oneoff: s.key === 'icloud' || s.key === 'applemusic' || s.key === 'gplay' ? { cat: 'subscriptions', dir: -1, text: (st) => rCard(st, { m: subText(s), foreign: loc ? { ...loc, cur: s.cur } : null }), amt: () => ri(120, 1500) } : null });
  }
  // loan instalment
  if (persona !== 'student' && chance(0.45)) {
    const rata = ri(45, 420) * 100 + ri(0, 99) / 100; const lStart = start + ri(0, 60);
    const paidOff = chance(0.3);
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'transfer', start: lStart, active: !paidOff, opt: { day: ri(1, 28), biz: true }, amount: () => para(rata), text: (n, i, st) => { const b = BANKS[st.bank]; return st.lang === 'eng' ? fin(pick([`Loan instalment ${ri(1000000, 9999999)}`, `LOAN REPAYMENT ${b.name}`]), st) : st.lang === 'cyr' ? fin(pick([`Рата кредита ${ri(1000000, 9999999)}`, `Наплата рате кредита`]), st) : fin(pick([`Rata kredita partija ${ri(1000000, 9999999)}`, `Naplata rate kredita`, `Otplata kredita - ${pick(['gotovinski', 'stambeni', 'potrošački', 'auto'])} kredit`, `RATA KREDITA ${pad(parts(n)[1], 2)}/${parts(n)[0]}`]), st); } });
  }
  // savings standing order
  if (persona !== 'student' && chance(0.35)) {
    const s = pick([2000, 5000, 10000, 15000, 20000]);
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'transfer', opt: { day: ri(1, 20), biz: true }, amount: () => para(s), text: (n, i, st) => st.lang === 'eng' ? fin(`Standing order savings account ${acct(BANKS[st.bank].code)}`, st) : fin(pick([`Trajni nalog - štednja`, `Prenos na štedni račun ${acct(BANKS[st.bank].code)}`, `TRAJNI NALOG UŠTEDA`, `Automatska štednja`]), st) });
  }
  // monthly account package fee
  if (chance(0.55)) {
    const f = pick([150, 199, 250, 290, 350, 399, 450, 590]); const pk = pick(PKG); const rise = chance(0.25) ? start + ri(100, Math.max(101, today - start - 120)) : Infinity;
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'transfer', active: true, opt: { day: pick([1, 28, 30]), biz: false }, amount: (n) => para(n >= rise ? f + 50 : f), text: (n, i, st) => rFee(st, st.lang === 'lat' ? pick([0, 1, 9]) : 0, pk, null, n) });
  }
  // gym (monthly)
  if (persona !== 'pensioner' && chance(0.35)) {
    const gym = pick(['FITNESS CENTAR ' + pick(['ATLAS', 'SPARTA', 'TITAN', 'OLIMP']), 'GOING GYM', 'FIT ZONA', 'GYM ' + pick(['BOX', 'ZONE', 'X']), 'SPORTS CENTER ' + pick(['FLEX', 'PULS'])]);
    const fee = pick([2500, 3000, 3500, 4000, 4500, 5000]);
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'entertainment', active: chance(0.6), opt: { day: ri(1, 28), manual: true, jlo: -3, jhi: 6, skip: 0.06 }, amount: (n) => para(fee), text: (n, i, st) => chance(0.7) ? rCard(st, { m: gym, city }, n) : rIpsQR(st, { m: gym, city }), oneoff: { cat: 'entertainment', dir: -1, text: (st) => rCard(st, { m: gym, city }), amt: () => pick([500, 700, 800]) } });
  }
  // kindergarten (family)
  if (persona === 'family') {
    const pu = pick(['PU RADOSNO DETINJSTVO', 'PU ČUKARICA', 'PU PALILULA', 'PU PČELICA', 'PU POLETARAC', 'PU DEČJA RADOST', 'PU NAŠA RADOST']);
    const base = ri(5, 12) * 1000;
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'utilities', active: chance(0.8), opt: { day: ri(5, 20), manual: true, skip: 0.05 }, amount: () => para(Math.round(base * rf(0.75, 1))), text: (n, i, st) => rOut(st, pick(['order', 'ips']), pu, pick(['vrtić', 'uplata za boravak deteta', 'vrtic ' + MON[parts(n)[1] - 1], 'učešće roditelja']), n) });
  }
  // monthly support to parent
  if (chance(0.2) && persona !== 'student') {
    const p = person(); const a = pick([5000, 8000, 10000, 15000]);
    addStream({ dir: 'outgoing', freq: 'monthly', cat: 'transfer', opt: { day: ri(1, 28), manual: true }, amount: () => para(a), text: (n, i, st) => rOut(st, 'ips', p, pick(['', 'za mamu', 'pomoć', 'lekovi', 'poklon']), n) });
  }

  // ----- quarterly -----
  const nq = ri(1, 2) + (chance(0.25) ? 1 : 0);
  const qkinds = ['proptax', 'insq', 'gym3', 'interest', 'club', 'carinsq'];
  const usedQ = new Set();
  for (let k = 0; k < nq; k++) {
    let q; do { q = pick(qkinds); } while (usedQ.has(q)); usedQ.add(q);
    if (q === 'proptax' && owner) {
      const amt = ri(1500, 12000); const yr = {};
      const org = city === 'Beograd' ? pick(['GRADSKA UPRAVA BEOGRAD - LPA', 'LPA BEOGRAD', 'BUDŽET GRADA BEOGRADA']) : `LPA ${city.toUpperCase()}`;
      addStream({ dir: 'outgoing', freq: 'quarterly', cat: 'utilities', opt: { day: 14, months: [2, 5, 8, 11], manual: true, jlo: -12, jhi: 3 }, amount: (n) => { const y = yearOf(n); yr[y] ??= para(Math.round(amt * Math.pow(1.07, y - 2024))); return yr[y]; }, text: (n, i, st) => rOut(st, 'order', org, pick(['porez na imovinu', 'porez na imovinu ' + Math.ceil(parts(n)[1] / 3) + '. kvartal', 'POREZ NA IMOVINU FIZ. LICA', 'porez imovina rata ' + Math.ceil(parts(n)[1] / 3)]) + ' šifra 253', n) });
    } else if (q === 'insq' && owner) {
      const ins = pick(['DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'GENERALI OSIGURANJE SRBIJA', 'WIENER STADTISCHE', 'UNIQA OSIGURANJE', 'TRIGLAV OSIGURANJE']); const a = ri(18, 90) * 100; const iprod = pick([['premija polisa ' + ri(100000, 999999), 'polisa ' + ri(100000, 999999) + ' rata'], ['životno osiguranje rata', 'zivotno osig. premija'], ['osiguranje stana', 'osiguranje stana kvartalna rata'], ['dobrovoljno zdravstveno osiguranje', 'DZO premija']]);
      addStream({ dir: 'outgoing', freq: 'quarterly', cat: 'utilities', opt: { day: ri(1, 28), manual: chance(0.5), biz: true }, amount: () => para(a), text: (n, i, st) => rOut(st, pick(['order', 'dd']), ins, pick(iprod), n), oneoff: { cat: 'utilities', dir: -1, text: (st) => rOut(st, 'order', ins, 'putno osiguranje'), amt: () => ri(900, 3500) } });
    } else if (q === 'gym3' && persona !== 'pensioner') {
      const g = pick(['TERETANA ' + pick(['ATLAS', 'TITAN', 'LAV']), 'FIT ZONA', 'YOGA STUDIO ' + pick(['PRANA', 'OM']), 'BAZEN ' + pick(['TAŠMAJDAN', 'SPENS', '25. MAJ']), 'PILATES STUDIO ' + pick(['CORE', 'BALANS'])]);
      const a = pick([7500, 9000, 10500, 12000]); const rise = chance(0.3);
      addStream({ dir: 'outgoing', freq: 'quarterly', cat: 'entertainment', opt: { day: ri(1, 28), manual: true, jlo: -5, jhi: 8 }, amount: (n, i) => para(rise && i >= 3 ? a + 1500 : a), text: (n, i, st) => rCard(st, { m: strip(g), city }, n) });
    } else if (q === 'interest') {
      const ibase = ri(40, 3000);
      addStream({ dir: 'incoming', freq: 'quarterly', cat: 'transfer', opt: { day: pick([28, 30, 31]), months: [3, 6, 9, 12] }, amount: () => para(Math.round(ibase * rf(0.8, 1.2) * 100) / 100), text: (n, i, st) => st.lang === 'eng' ? fin(pick(['Interest credit', 'Interest on savings']), st) : st.lang === 'cyr' ? fin(pick(['Припис камате', 'Камата на штедњу']), st) : fin(pick(['Pripis kamate', 'Kamata na štednju', 'Obračunata kamata po viđenju', 'Kamata na oročenu štednju']), st) });
    } else if (q === 'club' && (persona === 'family' || persona === 'employee')) {
      const c = pick(['FK ' + pick(['RAD', 'ŽELEZNIČAR', 'VOŽDOVAC']) + ' ŠKOLA FUDBALA', 'KK ' + pick(['MEGA', 'FMP', 'VOJVODINA']) + ' MLAĐE KATEGORIJE', 'PLIVAČKI KLUB ' + pick(['PARTIZAN', 'CRVENA ZVEZDA', 'VOJVODINA']), 'ŠKOLA STRANIH JEZIKA ' + pick(['LINK', 'OXFORD CENTAR', 'AKADEMIJA'])]);
      const cat = c.startsWith('ŠKOLA') ? 'utilities' : 'entertainment';
      const a = pick([6000, 7500, 9000, 12000, 15000]);
      addStream({ dir: 'outgoing', freq: 'quarterly', cat, opt: { day: ri(1, 15), manual: true, jlo: -3, jhi: 10 }, amount: () => para(a), text: (n, i, st) => rOut(st, pick(['order', 'ips']), c, pick(['članarina tromesečna', 'kotizacija kvartal', 'školarina rata', 'članarina ' + MON[parts(n)[1] - 1] + '-' + MON[(parts(n)[1] + 1) % 12]]), n) });
    } else if (q === 'carinsq' && owner) {
      const a = ri(30, 60) * 100; const kins = pick(['GENERALI OSIGURANJE', 'DUNAV OSIGURANJE ADO', 'DDOR NOVI SAD']);
      addStream({ dir: 'outgoing', freq: 'quarterly', cat: 'utilities', opt: { day: ri(1, 28), biz: true }, amount: () => para(a), text: (n, i, st) => rOut(st, 'dd', kins, pick(['kasko rata', 'kasko osiguranje vozila rata', 'polisa kasko']), n) });
    } else {
      // fallback: quarterly tutoring school fee or quarterly card fee (transfer)
      const f = pick([300, 450, 600]);
      addStream({ dir: 'outgoing', freq: 'quarterly', cat: 'transfer', opt: { day: pick([1, 5, 10]), months: [1, 4, 7, 10] }, amount: () => para(f), text: (n, i, st) => fin(st.lang === 'eng' ? 'Quarterly card fee' : pick(['Tromesečna članarina kartice', 'Članarina za karticu - kvartal', 'Naknada za karticu ' + pick(CARDS)]), st) });
    }
  }

  // ----- annual -----
  if (today - start > 400) {
    const na = ri(1, 2) + (chance(0.2) ? 1 : 0);
    const akinds = ['carins', 'reg', 'annualsub', 'cardfee', 'homeins', 'techpregled'];
    const usedA = new Set();
    for (let k = 0; k < na; k++) {
      let a; do { a = pick(akinds); } while (usedA.has(a)); usedA.add(a);
      const aStart = start + ri(3, Math.min(330, today - start - 370));
      const hasCar = owner;
      if (a === 'carins' && hasCar) {
        const amt = ri(14, 32) * 1000 + ri(0, 9) * 100; const ins = pick(['DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'GENERALI OSIGURANJE', 'TRIGLAV OSIGURANJE', 'AMS OSIGURANJE', 'SAVA OSIGURANJE']);
        addStream({ dir: 'outgoing', freq: 'annually', cat: 'utilities', start: aStart, opt: { day: parts(aStart)[2], manual: true, jlo: -6, jhi: 2 }, amount: (n) => para(amt + (yearOf(n) - 2024) * 600), text: (n, i, st) => chance(0.5) ? rCard(st, { m: strip(ins) + ' ' + pick(['FILIJALA', 'AG', 'TP']) + ' ' + n2(), city }, n) : rOut(st, 'order', ins, pick(['obavezno osiguranje vozila', 'AO polisa', 'autoodgovornost ' + pick(['BG', 'NS', 'NI', 'KG']) + ri(100, 999) + '-' + pick(['AA', 'KS', 'ZT', 'MP'])]), n) });
      } else if (a === 'reg' && hasCar) {
        const amt = ri(8, 16) * 1000 + ri(0, 99) * 10;
        addStream({ dir: 'outgoing', freq: 'annually', cat: 'transport', start: aStart, opt: { day: parts(aStart)[2], manual: true, jlo: -5, jhi: 1 }, amount: (n) => para(amt + ri(0, 15) * 100), text: (n, i, st) => rCard(st, { m: pick(['REGISTRACIJA VOZILA ', 'MUP SRBIJE PU ', 'AGENCIJA ZA REGISTRACIJU ']) + city.toUpperCase(), city: null }, n) });
      } else if (a === 'techpregled' && hasCar) {
        const tp = 'TEHNICKI PREGLED ' + pick(['AUTO CENTAR', 'AMSS', 'TP ZVEZDA', 'TP MAJA']);
        addStream({ dir: 'outgoing', freq: 'annually', cat: 'transport', start: aStart, opt: { day: parts(aStart)[2], manual: true, jlo: -7, jhi: 0 }, amount: () => para(ri(38, 60) * 100), text: (n, i, st) => rCard(st, { m: tp, city }, n) });
      } else if (a === 'homeins' && owner) {
        const ins = pick(['DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'WIENER STADTISCHE', 'UNIQA OSIGURANJE']); const amt = ri(3, 9) * 1000 + 500;
        addStream({ dir: 'outgoing', freq: 'annually', cat: 'utilities', start: aStart, opt: { day: parts(aStart)[2], biz: true }, amount: () => para(amt), text: (n, i, st) => rOut(st, pick(['order', 'dd']), ins, pick(['osiguranje stana godišnja premija', 'polisa domaćinstvo', 'osiguranje imovine ' + yearOf(n)]), n) });
      } else if (a === 'cardfee') {
        const f = pick([600, 900, 1200, 1500, 2400]); const c = pick(CARDS);
        addStream({ dir: 'outgoing', freq: 'annually', cat: 'transfer', start: aStart, opt: { day: parts(aStart)[2] }, amount: () => para(f), text: (n, i, st) => rFee(st, st.lang === 'lat' ? 5 : st.lang === 'eng' ? 4 : 3, null, c) });
      } else {
        const s = pick(ANNUAL_SUBS); const p0 = s.cur === 'RSD' ? pick(s.rsd) : pick(s.p);
        addStream({ dir: 'outgoing', freq: 'annually', cat: 'subscriptions', start: aStart, opt: { day: parts(aStart)[2] }, amount: (n) => s.cur === 'RSD' ? para(p0) : fxPara(p0, s.cur, n), text: (n, i, st) => rCard(st, { m: subText(s), foreign: s.loc ? { ...s.loc, cur: s.cur, orig: s.cur === 'RSD' ? null : String(p0) } : null, city: s.loc ? null : 'Beograd', forceCity: true }, n) });
      }
    }
  }

  // ----- weekly -----
  const nw = chance(0.72) ? (chance(0.12) ? 2 : 1) : 0;
  const wkinds = ['pocket', 'cleaning', 'tutor', 'football', 'savingsw', 'bet', 'dance'];
  const usedW = new Set();
  for (let k = 0; k < nw; k++) {
    let w; do { w = pick(wkinds); } while (usedW.has(w)); usedW.add(w);
    const wd = ri(0, 6); const wStart = start + ri(0, Math.max(1, Math.min(300, today - start - 120)));
    const act = chance(0.7);
    if (w === 'pocket') { const a = pick([500, 1000, 1500, 2000]); const kid = pick(FIRST_M.concat(FIRST_F)) + ' ' + pick(LAST); const rise = chance(0.3) ? wStart + ri(60, 200) : Infinity; addStream({ dir: 'outgoing', freq: 'weekly', cat: 'transfer', start: wStart, active: act, opt: { wd, manual: true }, amount: (n) => para(n >= rise ? a + 500 : a), text: (n, i, st) => rOut(st, 'ips', kid, pick(['džeparac', 'dzeparac', 'za nedelju', '', 'užina']), n) }); }
    else if (w === 'cleaning') { const p = person(); const a = pick([2500, 3000, 3500, 4000]); addStream({ dir: 'outgoing', freq: 'weekly', cat: 'transfer', start: wStart, active: act, opt: { wd, manual: true }, amount: (n) => para(chance(0.15) ? a + 500 : a), text: (n, i, st) => rOut(st, 'ips', p, pick(['čišćenje', 'čišćenje stana', 'spremanje', 'za čišćenje ' + fmtDate(n, 1), '']), n) }); }
    else if (w === 'tutor') { const p = person(); const a = pick([1500, 2000, 2500, 3000]); addStream({ dir: 'outgoing', freq: 'weekly', cat: 'transfer', start: wStart, active: act, opt: { wd, manual: true, skip: 0.04 }, amount: () => para(a), text: (n, i, st) => rOut(st, 'ips', p, pick(['časovi matematike', 'čas engleskog', 'privatni časovi', 'časovi fizike', 'čas ' + fmtDate(n, 1)]), n) }); }
    else if (w === 'football') { const sc = pick(['SC ' + pick(['OLIMP', 'BLOK 45', 'ZVEZDARA', 'STADION']) + ' TEREN', 'SPORTSKI CENTAR ' + pick(['VOŽDOVAC', 'ŠUMICE', 'KOŠUTNJAK', 'DETELINARA']), 'BALON SALA ' + pick(['ARENA', 'GOL', 'SPORT'])]); const a = pick([800, 1000, 1200, 1500]); addStream({ dir: 'outgoing', freq: 'weekly', cat: 'entertainment', start: wStart, active: act, opt: { wd, manual: true, skip: 0.05 }, amount: (n) => para(chance(0.2) ? a + pick([200, 300]) : a), text: (n, i, st) => chance(0.6) ? rCard(st, { m: strip(sc), city }, n) : rIpsQR(st, { m: strip(sc), city }) }); }
    else if (w === 'savingsw') { const a = pick([1000, 2000, 3000, 5000]); addStream({ dir: 'outgoing', freq: 'weekly', cat: 'transfer', start: wStart, active: act, opt: { wd, manual: false }, amount: () => para(a), text: (n, i, st) => fin(st.lang === 'eng' ? pick(['Transfer to savings', 'Own account transfer savings']) : pick(['Prenos na štednju', 'Prenos sopstveni račun - štednja', 'Kasica prasica prenos', 'Sopstveni prenos ' + acct(BANKS[st.bank].code)]), st) }); }
    else if (w === 'bet') { const bk = pick(['MOZZART', 'MAXBET', 'SOCCERBET', 'MERIDIAN BET']); addStream({ dir: 'outgoing', freq: 'weekly', cat: 'entertainment', start: wStart, active: act, opt: { wd, manual: true }, amount: () => para(pick([300, 500, 500, 1000, 1000, 2000])), text: (n, i, st) => rCard(st, { m: pick([bk + ' ONLINE', bk + '.COM', bk + ' UPLATA']), city: null }, n) }); }
    else { const ds = 'PLESNI STUDIO ' + pick(['KORAK', 'RITAM', 'BALET ARABESKA', 'HIP HOP ZONE']); const a = pick([1200, 1500, 1800]); addStream({ dir: 'outgoing', freq: 'weekly', cat: 'entertainment', start: wStart, active: act, opt: { wd, manual: true, skip: 0.05 }, amount: () => para(a), text: (n, i, st) => rOut(st, pick(['ips', 'ips', 'order']), ds, pick(['čas plesa', 'školarina nedeljna', 'trening', 'ples ' + fmtDate(n, 1)]), n) }); }
  }
  // ----- biweekly -----
  if (persona !== 'courier' ? chance(0.55) : false) {
    const b = pick(['cleaning2', 'tutor2', 'physio', 'support2', 'side']);
    const wd = ri(1, 6); const bStart = start + ri(0, Math.max(1, Math.min(250, today - start - 150))); const act = chance(0.72);
    if (b === 'cleaning2') { const p = person(); const a = pick([3000, 4000, 5000]); addStream({ dir: 'outgoing', freq: 'biweekly', cat: 'transfer', start: bStart, active: act, opt: { wd, manual: true }, amount: () => para(a), text: (n, i, st) => rOut(st, 'ips', p, pick(['čišćenje', 'generalno čišćenje', 'spremanje stana', '']), n) }); }
    else if (b === 'tutor2') { const p = person(); const a = pick([2500, 3000, 4000]); addStream({ dir: 'outgoing', freq: 'biweekly', cat: 'transfer', start: bStart, active: act, opt: { wd, manual: true }, amount: () => para(a), text: (n, i, st) => rOut(st, 'ips', p, pick(['časovi klavira', 'časovi programiranja', 'instrukcije', 'dva časa']), n) }); }
    else if (b === 'physio') { const f = pick(['FIZIKALNA TERAPIJA ' + pick(['MEDIKUS', 'KINEZIS', 'BALANS']), 'ORDINACIJA ZA FIZIKALNU MEDICINU ' + pick(['DR ' + strip(pick(LAST)).toUpperCase()]), 'POLIKLINIKA ' + pick(['MEDIGROUP', 'HIGIA']) + ' FIZIJATRIJA']); const a = pick([3000, 3500, 4000, 4500]); addStream({ dir: 'outgoing', freq: 'biweekly', cat: 'groceries', start: bStart, active: act, opt: { wd, manual: true }, amount: () => para(a), text: (n, i, st) => rCard(st, { m: f, city }, n) }); }
    else if (b === 'support2') { const p = person(); const a = pick([4000, 5000, 6000]); addStream({ dir: 'outgoing', freq: 'biweekly', cat: 'transfer', start: bStart, active: act, opt: { wd, manual: true }, amount: () => para(a), text: (n, i, st) => rOut(st, 'ips', p, pick(['', 'za tatu', 'pomoć', 'za lekove']), n) }); }
    else { const co = pick(['AGENCIJA ZA ZAPOŠLJAVANJE STUDENTSKA ZADRUGA', 'OMLADINSKA ZADRUGA STARS', 'SZ BEOGRAD', 'UOM DOO', 'BOLT FOOD KURIRI']); addStream({ dir: 'incoming', freq: 'biweekly', cat: 'salary', start: bStart, active: act, opt: { wd, manual: false }, amount: () => para(ri(8000, 26000)), text: (n, i, st) => rIn(st, co, pick(['isplata po ugovoru', 'honorar', 'zarada zadruga', 'isplata za period']), 'salary') }); }
  }

  // ----- noise -----
  const weeklyRate = { groceries: persona === 'family' ? 4 : 2.6, dining: persona === 'student' ? 2.2 : 1.3, transport: 1.0, entertainment: 0.25, groceriesOnline: 0.08 };
  for (let n = start; n <= today; n++) {
    for (const [cat, rate] of Object.entries(weeklyRate)) {
      let k = 0; const lam = rate / 7; while (R() < lam / (k + 1)) k++;
      for (let j = 0; j < k; j++) {
        const m = merchOf(cat, chance(0.85) ? city : pick(CITIES));
        let a = noiseAmount(cat, m); const st = styleAt(n);
        const useQR = chance(0.07) && !m.foreign;
        const desc = useQR ? rIpsQR(st, m) : rCard(st, m, n);
        tx.push({ date: n, amount: -para(a + (chance(0.4) ? ri(0, 99) / 100 : 0)), description: desc, category: cat === 'groceriesOnline' ? 'groceries' : cat, pending: false });
      }
    }
    if (chance(0.06)) tx.push({ date: n, amount: -para(pick([1000, 2000, 3000, 5000, 5000, 10000, 20000])), description: rATM(styleAt(n), chance(0.9) ? city : pick(CITIES), n), category: 'transfer', pending: false });
    if (chance(0.035)) { const st = styleAt(n); tx.push({ date: n, amount: -para(ri(5, 150) * 100), description: rOut(st, 'ips', person(), pick(['', 'pozajmica', 'vraćam', 'za poklon', 'deljenje računa', 'rođendan', 'karte'])), category: 'transfer', pending: false }); }
    if (chance(0.025)) { const st = styleAt(n); tx.push({ date: n, amount: para(ri(5, 200) * 100), description: rIn(st, person(), pick(['', 'vraćam dug', 'za ručak', 'poklon', 'za put', 'hvala'])), category: 'transfer', pending: false }); }
    if (chance(0.01)) { const st = styleAt(n); const m = merchOf(pick(['groceries', 'dining', 'groceriesOnline']), city); tx.push({ date: n, amount: para(ri(3, 150) * 100 + ri(0, 99) / 100), description: fin(st.lang === 'eng' ? `Refund ${m.m}` : pick([`Povraćaj sredstava ${m.m}`, `STORNO ${m.m}`, `Reklamacija - povrat ${m.m}`, `Povrat novca ${m.m}`]), st), category: 'transfer', pending: false }); }
    if (chance(0.012)) { const st = styleAt(n); tx.push({ date: n, amount: -para(pick([20, 30, 45, 50, 60, 80, 150])), description: rFee(st, st.lang === 'lat' ? pick([2, 3, 6, 8]) : 2, null, null, n), category: 'transfer', pending: false }); }
    if (chance(0.012)) { const st = styleAt(n); tx.push({ date: n, amount: -para(ri(1, 40) * 500), description: fin(pick(['Plaćanje 289 ' + pnb(), 'IPS Plaćanje ' + ri(1000000, 9999999), 'Prenos sredstava ' + pnb(), 'Nalog za prenos ' + acct(pick(['160', '265', '340']))]), st), category: 'transfer', pending: false }); }
    if (chance(0.006)) { const st = styleAt(n); tx.push({ date: n, amount: -para(ri(5, 60) * 100), description: fin(pick(['Top-up Revolut**' + pad(ri(0, 9999), 4), 'PAYPAL *TOPUP', 'Wise top-up', 'REVOLUT**' + pad(ri(0, 9999), 4) + '* DUBLIN IE', 'Kupovina deviza EUR menjačnica']), st), category: 'transfer', pending: false }); }
    if (chance(0.005)) { const st = styleAt(n); tx.push({ date: n, amount: -para(pick([890, 1290, 1590, 2500, 4000])), description: rCard(st, { m: pick(['POS 00' + ri(100000, 999999), 'PR ' + ri(1000000, 9999999), 'TRGOVINA ' + ri(100, 999)]), city }, n), category: 'groceries', pending: false }); }
    if (chance(0.012)) { const st = styleAt(n); const u = pick([['SMS PARKING ' + pick(['9111', '9112', '9113', '8211']), 'transport'], ['UPRAVA ZA JAVNE PRIHODE TAKSA', 'utilities'], ['RZZO ZDRAVSTVENA KNJIZICA', 'utilities'], ['GRADSKA OPŠTINA TAKSA', 'utilities'], ['CINEPLEXX ONLINE', 'entertainment'], ['TICKETS.RS EXIT FESTIVAL', 'entertainment']]); tx.push({ date: n, amount: -para(ri(1, 30) * 100), description: rOut(st, u[1] === 'transport' || u[1] === 'entertainment' ? 'ips' : 'order', u[0], u[1] === 'utilities' ? pick(['taksa', 'administrativna taksa', 'overa']) : ''), category: u[1], pending: false }); }
    if (payeeTexts.length && chance(0.004)) { const o = pick(payeeTexts); const st = styleAt(n); tx.push({ date: n, amount: o.dir * para(o.amt()), description: o.text(st), category: o.cat, pending: false }); }
  }
  // settle / pending (cap noise authorisations so only a few are pending)
  let pn = 0;
  for (const t of tx) if (t.date > settledCut) { if (!t.stream && pn >= 3) { t.dropped = true; continue; } t.pending = true; if (!t.stream) pn++; }
  // ensure pending never member
  for (const s of streams) s.members = s.members.filter((t) => !t.pending);
  // extra pending card authorisations
  const extra = Math.max(0, ri(1, 3) - pn);
  for (let e = 0; e < extra; e++) { const cat = pick(['groceries', 'dining', 'transport']); const m = merchOf(cat, city); const n = settledCut + ri(1, today - settledCut); tx.push({ date: n, amount: -para(noiseAmount(cat, m)), description: rCard(styleAt(n), m, n), category: cat, pending: true }); }
  // recompute stream fields after pending removal; drop invalid (should not happen)
  const keep = [];
  for (const s of streams) {
    const P = PERIOD[s.frequency];
    if (s.members.length < MINM[s.frequency]) { s.members.forEach((t) => (t.dropped = true)); continue; }
    const last = s.members[s.members.length - 1].date; const gap = today - last;
    if (gap > 1.5 * P && gap < 2.6 * P) { s.members.forEach((t) => (t.dropped = true)); continue; }
    s.is_active = gap <= 1.5 * P; const am = s.members.map((t) => t.amount); s.amount_type = am.every((a) => a === am[0]) ? 'fixed' : 'variable';
    keep.push(s);
  }
  const all = tx.filter((t) => !t.dropped && t.date >= start && t.date <= today);
  all.forEach((t, i) => (t.seq = i));
  all.sort((a, b) => a.date - b.date || (a.pending - b.pending) || a.seq - b.seq);
  all.forEach((t, i) => (t.id = `${id}-${pad(i + 1, 4)}`));
  const personaTxt = { employee: 'employee', student: 'student', pensioner: 'pensioner', freelancer: 'freelancer paid from abroad', family: 'family with children', courier: 'delivery courier' }[persona];
  return {
    id, today: iso(today), note: `${personaTxt}, ${BANKS[bank].name}, ${city}; ${months} months${st1 !== st0 ? ', export format changes mid-history' : ''}`,
    transactions: all.map((t) => ({ id: t.id, date: iso(t.date), amount: t.amount, description: t.description, category: t.category, pending: t.pending })),
    streams: keep.map((s) => ({ direction: s.direction, frequency: s.frequency, amount_type: s.amount_type, category: s.category, is_active: s.is_active, transaction_ids: s.members.slice().sort((a, b) => a.date - b.date).map((t) => t.id) })),
  };
}

// ---------- categorisation set ----------
function buildCategorize(target) {
  const rows = []; const seen = new Set();
  const add = (d, amtRsd, cat) => { const k = d; if (seen.has(k) || !d) return false; seen.add(k); rows.push([d, amtRsd.toFixed(2), cat]); return true; };
  const dayN = () => dnum(2025, 1, 1) + ri(0, 690);
  const quota = { groceries: 230, dining: 170, transport: 160, utilities: 175, subscriptions: 140, entertainment: 130, transfer: 190, salary: 85, rent: 70 };
  const gens = {
    groceries: (st, n) => { const m = merchOf(chance(0.1) ? 'groceriesOnline' : 'groceries', pick(CITIES)); const r = chance(0.06); return [r ? rCard(st, { m: pick(['POS 00' + ri(100000, 999999), 'PR ' + ri(1000000, 9999999), 'TRGOVINA ' + ri(100, 999)]), city: pick(CITIES) }, n) : chance(0.08) && !m.foreign ? rIpsQR(st, m) : rCard(st, m, n), -(noiseAmount('groceries', m) + ri(0, 99) / 100)]; },
    dining: (st, n) => { const m = merchOf('dining', pick(CITIES)); return [chance(0.08) ? rIpsQR(st, m) : rCard(st, m, n), -(noiseAmount('dining', m) + (chance(0.3) ? ri(0, 99) / 100 : 0))]; },
    transport: (st, n) => { if (chance(0.12)) { const x = pick([['SMS PARKING ' + pick(['9111', '9112', '8211', '9121']), 120], ['REGISTRACIJA VOZILA ' + strip(pick(CITIES)).toUpperCase(), 11500], ['TEHNICKI PREGLED AMSS', 4500], ['PUTEVI SRBIJE TAG DOPUNA', 3000], ['SRBIJAVOZ ONLINE KARTA', 1200], ['BUSPLUS DOPUNA', 3100]]); return [chance(0.5) ? rCard(st, { m: x[0], city: null }, n) : rOut(st, pick(['ips', 'order']), x[0], ''), -x[1]]; } const m = merchOf('transport', pick(CITIES)); return [rCard(st, m, n), -(noiseAmount('transport', m) + ri(0, 99) / 100)]; },
    entertainment: (st, n) => { if (chance(0.15)) { const g = pick(['FITNESS CENTAR ATLAS', 'GOING GYM', 'FIT ZONA', 'BAZEN TASMAJDAN', 'SC OLIMP TEREN', 'PLESNI STUDIO RITAM', 'YOGA STUDIO PRANA', 'BALON SALA ARENA']); return [chance(0.6) ? rCard(st, { m: g, city: pick(CITIES) }, n) : rOut(st, 'ips', g, pick(['članarina', 'termin', 'mesečna karta'])), -pick([1000, 3000, 3500, 4500, 9000])]; } const m = merchOf('entertainment', pick(CITIES)); return [rCard(st, m, n), -noiseAmount('entertainment', m)]; },
    subscriptions: (st, n) => { const s = chance(0.8) ? pick(SUBS) : pick(ANNUAL_SUBS); const p = s.cur === 'RSD' ? pick(s.rsd) : pick(s.p); return [rCard(st, { m: subText(s), foreign: s.loc ? { ...s.loc, cur: s.cur, orig: s.cur === 'RSD' ? null : String(p) } : null, city: s.loc ? null : 'Beograd' }, n), -(s.cur === 'RSD' ? p : fxPara(p, s.cur, n) / 100)]; },
    utilities: (st, n) => {
      const c = pick(CITIES); const U = utilFor(c);
      const x = pick([[pick(['EPS AD BEOGRAD', 'ELEKTROPRIVREDA SRBIJE', 'EPS SNABDEVANJE', 'JP EPS']), 'račun za struju', 2500, 14000], ['JKP INFOSTAN TEHNOLOGIJE', 'objedinjena naplata', 3500, 16000], [U.heat, 'grejanje', 3000, 12000], [U.water, 'voda', 800, 3000], [pick(['TELEKOM SRBIJA AD', 'mts', 'A1 SRBIJA DOO', 'YETTEL DOO', 'SBB DOO', 'ORION TELEKOM', 'SUPERNOVA']), pick(['mesečni račun', 'postpaid', 'internet', 'račun ' + pick(MON)]), 1200, 6500], [pick(['SRBIJAGAS', 'BEOGAS', 'NOVI SAD GAS']), 'gas', 1500, 9000], [pick(['JKP GRADSKA ČISTOĆA', 'JKP ČISTOĆA NOVI SAD']), 'odnošenje smeća', 400, 1500], [pick(['DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'GENERALI OSIGURANJE SRBIJA', 'WIENER STADTISCHE', 'UNIQA OSIGURANJE']), pick(['premija osiguranja', 'polisa ' + ri(100000, 999999), 'obavezno osiguranje vozila', 'putno osiguranje']), 900, 30000], [pick(['LPA BEOGRAD', 'LPA ' + c.toUpperCase(), 'UPRAVA ZA JAVNE PRIHODE']), pick(['porez na imovinu', 'porez na imovinu 3. kvartal', 'komunalna taksa']), 1200, 12000], ['RZZO', 'overa knjižice', 200, 500], [pick(['PU RADOSNO DETINJSTVO', 'PU ČUKARICA', 'PU PČELICA']), 'vrtić', 5000, 12000], ['STAMBENA ZAJEDNICA ' + pick(STREETS).toUpperCase() + ' ' + ri(1, 99), 'održavanje zgrade', 500, 1500], ['MUP REPUBLIKE SRBIJE', pick(['saobraćajna kazna', 'taksa za pasoš', 'lična karta taksa']), 800, 10000]]);
      const amt = ri(x[2], x[3]) + ri(0, 99) / 100;
      return [chance(0.15) && /mts|A1|YETTEL|SBB|EPS/.test(x[0]) ? rCard(st, { m: strip(x[0]).toUpperCase(), city: c }, n) : rOut(st, pick(['order', 'ips', 'dd', 'standing', 'order']), x[0], x[1], n), -amt];
    },
    rent: (st, n) => { const L = chance(0.85) ? person() : pick(['CITY EXPERT DOO', 'NEKRETNINE VRAČAR', 'AGENCIJA KVADRAT', 'STAN IN DOO']); return [rOut(st, pick(['ips', 'ips', 'order', 'standing']), L, pick(['kirija', 'kirija ' + pick(MON), 'stanarina', 'zakup stana', 'KIRIJA ZA ' + pick(MON).toUpperCase(), 'kirija + režije', 'stanarina ' + pick(STREETS)]), n, true), -(Math.round(pick([250, 300, 350, 400, 450, 500, 600, 700]) * 117 / 1000) * 1000 + (chance(0.2) ? ri(1, 20) * 100 : 0))]; },
    salary: (st, n) => { const k = ri(0, 9); if (k < 5) return [rSalary(st, { name: pick(EMPLOYERS) }, n), ri(55000, 280000) + ri(0, 99) / 100]; if (k === 5) return [rSalary(st, { name: 'RF PIO', pension: true }, n), ri(25000, 80000) + ri(0, 99) / 100]; if (k === 6) return [rSalary(st, { name: pick(['DEEL INC', 'PAYONEER', 'UPWORK ESCROW']), foreign: true }, n), ri(120000, 480000) + ri(0, 99) / 100]; if (k === 7) return [rSalary(st, { name: pick(EMPLOYERS) }, n, true), ri(10, 80) * 1000]; if (k === 8) return [rIn(st, pick(EMPLOYERS), pick(['dnevnice', 'honorar', 'autorski honorar', 'studentska stipendija', 'putni troškovi dnevnice']), 'salary'), ri(3000, 60000)]; return [rSalary(st, { name: pick(['WOLT PARTNER DOO', 'OMLADINSKA ZADRUGA STARS']), platform: true }, n), ri(8000, 40000)]; },
    transfer: (st, n) => {
      const k = ri(0, 12);
      if (k <= 2) return [rATM(st, pick(CITIES), n), -pick([1000, 2000, 3000, 5000, 10000, 20000])];
      if (k === 3) return [rFee(st, null, null, null, n), -pick([20, 45, 60, 150, 199, 250, 350, 1200])];
      if (k === 4) return [rOut(st, 'ips', person(), pick(['', 'pozajmica', 'vraćam', 'poklon', 'za put', 'račun'])), -ri(5, 300) * 100];
      if (k === 5) return [rIn(st, person(), pick(['', 'vraćam dug', 'poklon', 'za rođendan'])), ri(5, 300) * 100];
      if (k === 6) return [fin(pick(['Rata kredita partija ' + ri(1000000, 9999999), 'Naplata rate kredita', 'Otplata kreditne kartice', 'RATA KREDITA ' + pad(ri(1, 12), 2) + '/2026', 'Loan instalment']), st), -(ri(40, 400) * 100 + ri(0, 99) / 100)];
      if (k === 7) return [fin(pick(['Pripis kamate', 'Kamata na štednju', 'Interest credit', 'Povraćaj poreza', 'Dečiji dodatak', 'Povraćaj sredstava ' + merchOf('groceries', null).m, 'STORNO ' + merchOf('dining', null).m, 'Uplata gotovine na šalteru', 'Priliv sa štednog računa']), st), ri(1, 500) * 100 + ri(0, 99) / 100];
      if (k === 8) return [fin(pick(['Top-up Revolut**' + pad(ri(0, 9999), 4), 'PAYPAL *TOPUP', 'Wise top-up', 'Kupovina deviza EUR', 'Menjačnica kupovina EUR', 'Prenos na štedni račun', 'Trajni nalog - štednja']), st), -ri(10, 500) * 100];
      if (k === 9) return [fin(pick(['Plaćanje 289 ' + pnb(), 'IPS Plaćanje ' + ri(1000000, 9999999), 'Prenos sredstava ' + pnb(), 'Nalog za prenos ' + acct('160')]), st), -ri(5, 200) * 100];
      if (k === 10) return [rOut(st, 'ips', person(), pick(['čišćenje', 'časovi matematike', 'čuvanje deteta', 'džeparac', 'za mamu'])), -ri(10, 60) * 100];
      if (k === 11) return [fin(pick(['Sopstveni prenos', 'Prenos između sopstvenih računa', 'Own account transfer', 'Prenos na devizni račun']), st), pick([-1, 1]) * ri(10, 1000) * 100];
      return [fin(pick(['Naknada za vođenje računa', 'Članarina za karticu ' + pick(CARDS), 'Mesečno održavanje paketa ' + pick(PKG), 'Provizija za nalog', 'Naknada za SMS obaveštenja', 'Yettel bank naknada za paket']), st), -pick([30, 60, 150, 199, 250, 390, 1200])];
    },
  };
  for (const [cat, q] of Object.entries(quota)) {
    let got = 0, tries = 0;
    while (got < q && tries < q * 20) { tries++; const bank = pick(BANK_KEYS); const st = newStyle(bank); st.mask = mask(); const n = dayN(); const [d, a] = gens[cat](st, n); if (add(d, Math.round(a * 100) / 100, cat)) got++; }
  }
  // shuffle deterministically
  for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(R() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
  return rows;
}

// ---------- main ----------
const NH = 68;
const histories = [];
for (let i = 0; i < NH; i++) histories.push(buildHistory(i));
const rows = buildCategorize();
const J = JSON.stringify;
const histTxt = '[\n' + histories.map((h) => `{"id": ${J(h.id)}, "today": ${J(h.today)}, "note": ${J(h.note)},\n "transactions": [\n` + h.transactions.map((t) => '  ' + J(t)).join(',\n') + '\n ],\n "streams": [\n' + h.streams.map((s) => '  ' + J(s)).join(',\n') + '\n ]}').join(',\n') + '\n]\n';
fs.writeFileSync(path.join(OUT, 'recurring-blind.json'), histTxt);
fs.writeFileSync(path.join(OUT, 'categorize-blind.tsv'), rows.map((r) => r.join('\t')).join('\n') + '\n');
const summary = { seed: SEED, categorize: { rows: rows.length, per_category: {} }, recurring: { histories: histories.length, transactions: 0, pending: 0, streams: 0, per_frequency: {}, per_frequency_active_inactive: {}, per_direction_category: {}, active: 0, inactive: 0, fixed: 0, variable: 0, direction: {}, per_category: {}, transactions_per_category: {} } };
for (const r of rows) summary.categorize.per_category[r[2]] = (summary.categorize.per_category[r[2]] || 0) + 1;
const S = summary.recurring;
for (const h of histories) {
  S.transactions += h.transactions.length;
  for (const t of h.transactions) { if (t.pending) S.pending++; S.transactions_per_category[t.category] = (S.transactions_per_category[t.category] || 0) + 1; }
  for (const s of h.streams) { S.streams++; S.per_frequency[s.frequency] = (S.per_frequency[s.frequency] || 0) + 1; const fa = (S.per_frequency_active_inactive[s.frequency] ??= { active: 0, inactive: 0 }); fa[s.is_active ? 'active' : 'inactive']++; (S.per_direction_category[s.direction + ':' + s.category] = (S.per_direction_category[s.direction + ':' + s.category] || 0) + 1); s.is_active ? S.active++ : S.inactive++; S[s.amount_type]++; S.direction[s.direction] = (S.direction[s.direction] || 0) + 1; S.per_category[s.category] = (S.per_category[s.category] || 0) + 1; }
}
const sortObj = (o) => Object.fromEntries(Object.entries(o).sort());
summary.categorize.per_category = sortObj(summary.categorize.per_category);
for (const k of ['per_frequency', 'per_frequency_active_inactive', 'per_direction_category', 'direction', 'per_category', 'transactions_per_category']) S[k] = sortObj(S[k]);
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify(summary));
