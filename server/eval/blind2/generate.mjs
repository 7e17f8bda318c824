// Blind evaluation-set generator. Plain Node, no dependencies, deterministic (seed 20261207).
// Written from LABELLING.md only; all payees and formats are invented.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = dirname(fileURLToPath(import.meta.url));
const SEED = 20261207;

// ---------------------------------------------------------------- rng
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
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
const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += ri(0, 9); return s; };
const fillHash = (s) => s.replace(/#/g, () => String(ri(0, 9)));
const pad = (n, w = 2) => String(n).padStart(w, '0');

// ---------------------------------------------------------------- text transforms
const STRIP = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'dj', Č: 'C', Ć: 'C', Š: 'S', Ž: 'Z', Đ: 'Dj' };
const strip = (s) => s.replace(/[čćšžđČĆŠŽĐ]/g, (c) => STRIP[c]);
const L2C = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function cyr(text) {
  return text.split(' ').map((w) => (/[wqxyäöüß@*.\/]/i.test(w) || /^(serbia|broadband|online|shop|eon)$/i.test(w) ? w : cyrWord(w))).join(' ');
}
function cyrWord(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2), lo2 = two.toLowerCase();
    const up = s[i] !== s[i].toLowerCase();
    let m = null, adv = 1;
    if (lo2 === 'lj') m = 'љ'; else if (lo2 === 'nj') m = 'њ'; else if (lo2 === 'dž') m = 'џ';
    if (m) adv = 2; else m = L2C[s[i].toLowerCase()];
    if (!m) { out += s[i]; continue; }
    const allUp = up && (adv === 1 || s[i + 1] !== s[i + 1].toLowerCase());
    out += up ? (adv === 2 && !allUp ? m.toUpperCase() : m.toUpperCase()) : m;
    i += adv - 1;
  }
  return out;
}
const upper = (s) => s.toLocaleUpperCase('sr');
function tx(s, { up = 0.3, st = 0.35 } = {}) {
  if (chance(st)) s = strip(s);
  if (chance(up)) s = upper(s);
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- dates
const D = (s) => new Date(s + 'T00:00:00Z');
const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
const dmy = (d) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
const dm = (d) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}`;
const ymdCompact = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const monthName = (d) => MONTHS[d.getUTCMonth()];
const mmyyyy = (d) => `${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
const prevMonth = (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
function monthDate(y, m, day) { // clamps to month end
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last)));
}
const dow = (d) => d.getUTCDay();
function toWorkday(d) { while (dow(d) === 0 || dow(d) === 6) d = addDays(d, 1); return d; }

// ---------------------------------------------------------------- vocab
const CITIES = ['Beograd', 'Novi Beograd', 'Zemun', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Čačak', 'Zrenjanin', 'Kraljevo', 'Pančevo', 'Smederevo', 'Leskovac', 'Valjevo', 'Šabac', 'Užice', 'Novi Pazar', 'Vranje', 'Sombor', 'Požarevac', 'Kikinda', 'Jagodina', 'Sremska Mitrovica', 'Loznica', 'Kruševac', 'Pirot', 'Zaječar', 'Bor', 'Vršac', 'Ruma', 'Inđija', 'Aranđelovac', 'Gornji Milanovac', 'Prokuplje', 'Paraćin', 'Ćuprija', 'Bačka Palanka', 'Bečej', 'Obrenovac', 'Lazarevac', 'Mladenovac', 'Stara Pazova', 'Temerin', 'Futog', 'Sokobanja', 'Zlatibor', 'Ivanjica', 'Negotin'];
const BIGCITIES = ['Beograd', 'Beograd', 'Beograd', 'Novi Beograd', 'Novi Sad', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Čačak', 'Zrenjanin', 'Kraljevo', 'Pančevo'];
const city = () => (chance(0.55) ? pick(BIGCITIES) : pick(CITIES));
const FIRST_M = ['Marko', 'Nikola', 'Stefan', 'Miloš', 'Lazar', 'Đorđe', 'Aleksandar', 'Nemanja', 'Vuk', 'Dušan', 'Milan', 'Dragan', 'Zoran', 'Goran', 'Vladimir', 'Bojan', 'Ivan', 'Uroš', 'Filip', 'Predrag', 'Slobodan', 'Radomir', 'Žarko', 'Srđan', 'Dejan'];
const FIRST_F = ['Jelena', 'Milica', 'Ana', 'Jovana', 'Marija', 'Ivana', 'Tamara', 'Sanja', 'Snežana', 'Dragana', 'Gordana', 'Teodora', 'Katarina', 'Tijana', 'Nataša', 'Ljiljana', 'Vesna', 'Bojana', 'Danijela', 'Mirjana', 'Sofija', 'Nevena', 'Radmila', 'Željka', 'Olivera'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Kostić', 'Živković', 'Todorović', 'Ristić', 'Lukić', 'Savić', 'Mitrović', 'Obradović', 'Tomić', 'Radovanović', 'Vasić', 'Simić', 'Kovačević', 'Zdravković', 'Milenković', 'Stevanović', 'Jakovljević', 'Nedeljković', 'Ćirić', 'Šarčević', 'Bogdanović', 'Milutinović', 'Lazić', 'Pešić', 'Knežević', 'Vuković', 'Gajić', 'Čolić', 'Dimitrijević'];
const person = () => `${pick(chance(0.5) ? FIRST_M : FIRST_F)} ${pick(LAST)}`;
const personA = () => `${pick(chance(0.5) ? FIRST_M : FIRST_F)} ${pick(LAST.slice(0, 20))}`;
const personB = () => `${pick(chance(0.5) ? FIRST_M : FIRST_F)} ${pick(LAST.slice(20))}`;
const personLF = () => `${pick(LAST)} ${pick(chance(0.5) ? FIRST_M : FIRST_F)}`;
const STREETS = ['Bulevar oslobođenja', 'Cara Dušana', 'Kneza Miloša', 'Njegoševa', 'Vojvode Stepe', 'Gundulićev venac', 'Bulevar kralja Aleksandra', 'Dunavska', 'Železnička', 'Jevrejska', 'Obilićev venac', 'Takovska', 'Karađorđeva', 'Nemanjina', 'Cvijićeva', 'Ustanička', 'Jurija Gagarina', 'Narodnih heroja', 'Vidovdanska', 'Topličina'];
const street = () => `${pick(STREETS)} ${ri(1, 140)}`;
const EMPLOYERS = ['Elektroterm DOO', 'Agrovojvodina AD', 'Softlab Solutions DOO', 'Metalac Inženjering DOO', 'Telesystem Beograd DOO', 'Dom zdravlja Kraljevo', 'OŠ Sveti Sava Čačak', 'Gradska uprava Kragujevac', 'Vojvođanski transport DOO', 'Pekarska industrija Klas DOO', 'Logistika Jug DOO Niš', 'Mlekara Subotica AD', 'Digitalni Talas DOO', 'KBC Zemun', 'Zastava Metal DOO', 'Fabrika obuće Zrenjanin DOO', 'Univerzitet u Novom Sadu FTN', 'Nova Era Konsalting DOO', 'Banatska Grafika DOO', 'JP Putevi Pomoravlja', 'Maskom Gradnja DOO', 'Infosfera DOO Beograd', 'Kraljevo Drvo DOO', 'Hemijska industrija Župa'];
const BANKS = ['Raiffeisen', 'Banca Intesa', 'OTP banka', 'Erste', 'AIK banka', 'UniCredit', 'Addiko', 'Poštanska štedionica', 'NLB Komercijalna', 'ProCredit', 'Yettel bank', '3Bank', 'Halkbank', 'Eurobank Direktna', 'Alta banka'];
const ACC = () => `${pick(['160', '265', '325', '170', '205', '340', '165', '200', '908', '105', '115', '155', '250'])}-${digits(ri(7, 13))}-${digits(2)}`;
const masked = () => pick([`4${digits(3)} **** **** ${digits(4)}`, `5${digits(5)}******${digits(4)}`, `9891${digits(2)}XXXXXX${digits(4)}`, `4${digits(5)}XXXXXX${digits(4)}`, `***${digits(4)}`, `${pick(['4', '5'])}${digits(3)}...${digits(4)}`]);
const time = () => `${pad(ri(7, 22))}:${pad(ri(0, 59))}`;
const rate = () => rf(116.9, 117.6);

// ---------------------------------------------------------------- card wrappers
// m = merchant token, c = city (may be ''), d = Date, a = amount (positive RSD)
const CARD_WRAPPERS = [
  (m, c, d) => `Kupovina karticom ${m} ${c} ${dmy(d)}`,
  (m, c) => upper(`POS KUPOVINA ${m} ${c} RS`),
  (m, c, d) => `Kupovina ${dmy(d)} ${upper(m)} ${upper(c)} SRB`,
  (m, c) => `PLAĆANJE KARTICOM ${masked()} ${upper(m)} ${upper(c)}`,
  (m, c) => `Shopping by card ${m} ${c} SRB`,
  (m, c, d) => `Kupovina na POS terminalu ${m} ${c} ${dmy(d)}`,
  (m, c, d) => `VISA ${masked()} ${upper(m)}>${upper(c)} RS ${dmy(d)} ${time()}`,
  (m, c) => `Mastercard ${masked()} ${upper(m)} ${upper(c)} RS`,
  (m, c) => `DINACARD KUPOVINA ${upper(m)} ${upper(c)}`,
  (m, c) => `Kupovina: ${m}, ${c}, RS Kartica ${masked()}`,
  (m, c, d) => `Card payment ${upper(m)} ${upper(c)} RS ${dmy(d)}`,
  (m, c) => `Plaćanje karticom - ${m} - ${c}`,
  (m, c) => `Apple Pay kupovina ${m} ${c}`,
  (m, c) => `Google Pay ${upper(m)} ${upper(c)} SRB`,
  (m, c) => `Beskontaktno plaćanje ${m} ${c}`,
  (m, c) => `Куповина картицом ${upper(m)} ${upper(c)}`,
  (m, c) => `ПЛАЋАЊЕ КАРТИЦОМ ${masked()} ${upper(m)} ${upper(c)} RS`,
  (m, c, d, a) => `POS ${dmy(d)} ${time()} ${upper(m)} ${upper(c)} RS IZNOS ${fmtSr(a)} RSD`,
  (m, c, d) => `${dm(d)} ${upper(m)} ${upper(c)}`,
  (m, c, d) => `Trans. karticom ${m} ${c} dat. ${dmy(d)}`,
  (m, c, d) => `Debit card purchase ${upper(m)} ${upper(c)} ${ymdCompact(d)}`,
  (m, c) => `Transakcija POS ${upper(m)} ${upper(c)} 688`,
];
const fmtSr = (a) => a.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const SUB_CARD = [0, 2, 3, 4, 6, 7, 9, 10, 16, 20].map((i) => CARD_WRAPPERS[i]);
const cardLine = (m, c, d, a, w = null) => {
  let f = w || pick(CARD_WRAPPERS);
  while (!a && f === CARD_WRAPPERS[17]) f = pick(CARD_WRAPPERS);
  return tx(f(m, c, d, a), { up: 0.15, st: 0.35 });
};

// online / foreign wrappers: m merchant token already including country etc.
const ONLINE_WRAPPERS = [
  (m) => `Internet kupovina ${m}`,
  (m) => `E-COMMERCE ${upper(m)}`,
  (m) => `CNP transakcija ${m}`,
  (m, d) => `Kupovina karticom ${m} ${dmy(d)}`,
  (m) => `PLAĆANJE KARTICOM ${masked()} ${upper(m)}`,
  (m, d) => `VISA ${masked()} ${upper(m)} ${dmy(d)}`,
  (m) => `Shopping by card ${m}`,
  (m) => `Internet plaćanje: ${m}`,
  (m) => `Куповина на интернету ${upper(m)}`,
  (m, d, fx) => `${upper(m)} ${fx}`,
  (m) => upper(m),
];
const onlineLine = (m, d, fx = '') => tx(pick(ONLINE_WRAPPERS)(m, d, fx), { up: 0.1, st: 0.3 });

// orders / IPS
const ORDER_WRAPPERS = [
  (p, s) => `Nalog za plaćanje ${p} svrha ${s} PNB 97 ${digits(2)}-${digits(8)}`,
  (p, s) => `eBanking plaćanje - ${p} - ${s}`,
  (p, s) => `Plaćanje računa ${p} ${s}`,
  (p, s) => `Uplata ${p} ${s}`,
  (p, s) => `${p} ${s}`,
  (p, s) => `Prenos sredstava na račun ${ACC()} ${p} ${s}`,
  (p, s) => `Плаћање рачуна ${cyr(p)} ${cyr(s)}`,
  (p, s) => `Nalog 289 ${upper(p)} ${s}`,
  (p, s) => `Mbanking ${p}; ${s}`,
  (p, s) => `Direktno zaduženje ${p} ${s}`,
  (p, s) => `Trajni nalog ${p} ${s}`,
];
const orderLine = (p, s, w = null) => tx((w || pick(ORDER_WRAPPERS))(p, s), { up: 0.15, st: 0.35 });
const PERSON_ORDER = ORDER_WRAPPERS.filter((_, i) => i !== 9);
const personOrder = (p, s) => orderLine(p, s, pick(PERSON_ORDER));
const IPS_OUT = [
  (p, s) => `IPS NBS prenos ${p} ${s}`,
  (p, s) => `Instant plaćanje ka ${p} ${s}`,
  (p, s) => `IPS ${upper(p)} ${s}`,
  (p, s) => `Prenos sredstava - IPS - ${p} - ${s}`,
  (p, s) => `Инстант плаћање ${cyr(p)} ${cyr(s)}`,
  (p, s) => `Instant transfer ${p} ${s}`,
  (p, s) => `IPS nalog ${ACC()} ${p} ${s}`,
];
const ipsOut = (p, s) => tx(pick(IPS_OUT)(p, s).replace(/[\s-]+$/, ''), { up: 0.15, st: 0.35 });
const IN_WRAPPERS = [
  (p, s) => `Uplata od ${p} ${s}`,
  (p, s) => `Priliv IPS od ${p} ${s}`,
  (p, s) => `Priliv - ${upper(p)} - ${s}`,
  (p, s) => `Odobrenje računa ${p} ${s}`,
  (p, s) => `${p} ${s}`,
  (p, s) => `Уплата од ${cyr(p)} ${cyr(s)}`,
  (p, s) => `Credit transfer ${p} ${s}`,
];
const inLine = (p, s) => tx(pick(IN_WRAPPERS)(p, s).replace(/[\s-]+$/, ''), { up: 0.15, st: 0.35 });

// ---------------------------------------------------------------- merchant pools
// each: [token pattern, amount min, amount max]; '#' = random digit; city appended by wrapper
const POOL = {
  groceries: [
    ['MAXI ####', 300, 9000], ['Maxi market #', 200, 6000], ['IDEA E###', 250, 8000], ['IDEA ###', 150, 5500], ['LIDL SRBIJA KD', 400, 12000], ['Lidl ####', 300, 9000],
    ['UNIVEREXPORT ##', 200, 7000], ['DIS MARKET ##', 500, 14000], ['RODA MEGAMARKET', 600, 15000], ['MERCATOR-S ###', 300, 8000], ['AMAN ###', 150, 4000], ['TEMPO ##', 800, 16000],
    ['GOMEX ###', 150, 5000], ['SHOP&GO ###', 120, 2500], ['PRODAVNICA KOD SEKE', 100, 2200], ['Market Jovanović 2', 150, 3000], ['SAMOUSLUGA DUNAV', 150, 3500], ['Mini market Milica', 80, 1800],
    ['MESARA STEVANOVIĆ', 700, 6000], ['Mesara Zlatni Ražanj', 800, 5500], ['Zelena pijaca tezga ##', 200, 2500], ['PIJACA KALENIĆ', 300, 3000], ['TRAFIKA STAR', 80, 900], ['KIOSK NOVINE ##', 60, 700],
    ['Voće i povrće Bostan', 150, 1600], ['Bio Spot zdrava hrana', 400, 4000], ['Prodavnica Zlatni Klas Sirovine', 200, 2500], ['Mlekara Kod Ranka', 150, 1500], ['Delikates Pršuta', 500, 4500],
    ['LILLY DROGERIE ###', 300, 4500], ['DM DROGERIE MARKT ###', 300, 5000], ['APOTEKA BENU ###', 250, 6000], ['Apoteka Janković', 200, 5000], ['DR.MAX APOTEKA ##', 300, 4500], ['Apoteka Lavanda', 150, 3500], ['APOTEKA ZDRAVLJE PLUS', 150, 3000],
    ['STOMATOLOŠKA ORDINACIJA DR MARKOVIĆ', 3000, 25000], ['Poliklinika Medigroup', 2500, 14000], ['BEL MEDIC', 3000, 12000], ['Laboratorija Biomedica', 1500, 7000], ['Optika Jasan Vid', 2500, 22000], ['Ordinacija opšte prakse Dr Ilić', 2000, 5000],
    ['ZARA SRB ####', 2000, 15000], ['H&M ####', 1200, 9000], ['LC WAIKIKI', 900, 7000], ['DEICHMANN ###', 2500, 9000], ['OFFICE SHOES ##', 4000, 15000], ['SPORT VISION ###', 2500, 16000], ['N SPORT', 2000, 12000], ['PEPCO ###', 300, 3500],
    ['Butik Lana', 1500, 8000], ['Obuća Kod Bate', 2500, 9000], ['Dečija radnja Ćiribu', 800, 5000], ['IKEA ####', 900, 30000], ['JYSK ###', 1000, 20000], ['EMMEZETA', 800, 25000], ['JUMBO ##', 500, 7000],
    ['Gvožđara Šraf', 200, 3500], ['Boje i lakovi Duga', 600, 8000], ['GIGATRON ###', 1500, 90000], ['TEHNOMANIJA ##', 1500, 70000], ['WINWIN SHOP', 1500, 80000], ['COMTRADE SHOP', 2000, 60000],
    ['Cvećara Lala', 600, 3500], ['Pet centar Šapica', 500, 5000], ['Papirnica Olovka', 100, 1500], ['Kozmetika Lepota', 400, 4000], ['Parfimerija Lilac', 1500, 9000],
  ],
  dining: [
    ["MC DONALD'S ###", 400, 2500], ['McDonalds ##', 350, 2200], ['KFC ####', 500, 2500], ['BURGER KING ##', 500, 2400], ['HLEB I KIFLE ##', 100, 900], ['PEKABETA ##', 100, 800],
    ['Pekara Trpković', 100, 900], ['PEKARA ZLATNI KLAS', 80, 700], ['Pekara Kod Dede', 60, 600], ['PEKARA MIJAILOVIĆ', 80, 800], ['Buregdžinica San', 150, 700], ['Pekara Sunce ##', 80, 600],
    ['ĆEVABDŽINICA WALTER', 600, 2500], ['Roštilj Kod Žike', 700, 3000], ['LESKOVAČKI ROŠTILJ MORAVA', 600, 3500], ['Pljeskavica Kod Cige', 400, 1500],
    ['KAFANA ZAVIČAJ', 1500, 9000], ['Kafana Stari Hrast', 1800, 8000], ['KAFANA DVA JELENA', 2000, 9000], ['Kafana Šumadija', 1500, 7000], ['Restoran Dunavski Cvet', 2500, 12000], ['RESTORAN TRI ŠEŠIRA', 2500, 11000],
    ['Restoran Lovac', 1800, 7000], ['Etno restoran Ognjište', 2000, 9000], ['Pizzeria Bella Napoli', 1000, 4500], ['PICERIJA TRAG', 900, 4000], ['Picerija Lorenzo i Kakalamba', 1500, 6000],
    ['CAFFE BAR GALERIJA', 250, 2500], ['Kafić Kod Mire', 200, 1800], ['COFFEE DREAM ##', 250, 1500], ['GREENET ##', 250, 1400], ['Kafeterija Urban', 230, 1200], ['ESPRESSO BAR 7', 180, 900],
    ['Caffe Kvart', 200, 1600], ['MORITZ EIS', 250, 1200], ['Poslastičarnica Ruža', 200, 1800], ['POSLASTIČARNICA BOSNA', 150, 1200], ['Slatka kuća', 300, 2500], ['Torte i kolači Mina', 900, 5000],
    ['Irish pub Ćošak', 700, 4500], ['PIVNICA HMELJ', 600, 3500], ['Student. centar menza', 150, 600], ['Kantina Fabrika', 300, 900], ['Sushi bar Nami', 1500, 6000], ['Wok House ##', 700, 2500],
    ['Giros Master', 400, 1500], ['FAST FOOD MIKI', 300, 1200], ['Burek Kod Ace', 150, 500], ['@Salaš 137', 2500, 10000], ['Čarda Na Tisi', 2000, 9000],
  ],
  transport: [
    ['NIS PETROL BS ###', 1500, 8500], ['NIS GAZPROM ###', 2000, 9000], ['OMV ####', 2000, 9000], ['MOL SRBIJA ###', 1500, 8000], ['LUKOIL ###', 1500, 8000], ['EKO SERBIA ###', 1500, 8000],
    ['KNEZ PETROL ##', 1500, 7000], ['AVIA PUMPA ###', 1500, 7500], ['Pumpa Euro Gas', 1000, 6000], ['BENZINSKA PUMPA MB KRUŠIK', 1200, 6500],
    ['CARGO', 300, 2200], ['YANDEX GO', 300, 2000], ['NAXI TAXI', 350, 2200], ['PINK TAXI', 350, 2000], ['Beogradski taksi', 400, 2500], ['@Žuti taxi Novi Sad', 300, 1500], ['Taxi Lux', 250, 1200],
    ['GSP NOVI SAD', 90, 3000], ['NIŠ EKSPRES', 100, 2500], ['JGSP Kragujevac', 90, 2000], ['PARKING SERVIS', 80, 1500], ['@JKP Parking Servis Novi Sad', 80, 900],
    ['@PUTEVI SRBIJE NS ###', 200, 2300], ['@Putarina Naplatna stanica Preljina', 200, 1100], ['SRBIJAVOZ', 300, 3500], ['@Soko voz Beograd Centar', 900, 2800], ['LASTA AUT. STANICA', 600, 2800],
    ['@BAS Beograd', 600, 3000], ['Autobuska stanica', 500, 2200], ['AIR SERBIA', 9000, 60000], ['WIZZ AIR', 4000, 25000], ['Autoservis Miloš', 3000, 35000], ['Vulkanizer Brka', 1200, 9000],
    ['AUTOPERIONICA SJAJ', 600, 2500], ['Tehnički pregled Auto Centar', 3500, 6500], ['Auto delovi Krle', 900, 15000], ['Perionica Ekspres 24', 400, 1500],
  ],
  entertainment: [
    ['CINEPLEXX ###', 450, 2400], ['CINESTAR ##', 450, 2200], ['ARENA CINEPLEX', 400, 1600], ['Bioskop Kupina', 300, 1000], ['EVENTIM.RS', 1800, 12000], ['TICKETS.RS', 1200, 9000],
    ['NARODNO POZORIŠTE', 1000, 4000], ['ATELJE 212', 1000, 2500], ['Srpsko narodno pozorište', 800, 3000], ['@Muzej Nikole Tesle', 800, 1600], ['@ZOO VRT BEOGRAD', 600, 2500],
    ['MOZZART', 200, 5000], ['MAXBET ###', 200, 4000], ['SOCCERBET ##', 200, 3000], ['MERIDIANBET', 300, 5000], ['ADMIRALBET ##', 200, 3000],
    ['VULKAN KNJIŽARE ##', 800, 5000], ['DELFI KNJIŽARE ##', 700, 4500], ['Knjižara Laguna', 800, 4000], ['Antikvarijat Stara knjiga', 300, 2000],
    ['Fitnes klub Energija', 1500, 5000], ['TERETANA SPARTAK', 1500, 4500], ['GYM BOX ##', 2500, 5500], ['SC TAŠMAJDAN BAZEN', 500, 3500], ['SPENS BAZEN', 400, 2500], ['Bowling centar Strike', 900, 3500],
    ['Escape room Zagonetka', 2500, 6000], ['Igraonica Veseli Kutak', 500, 3000], ['@Hotel Zlatibor Mona', 9000, 45000], ['Hotel Sloboda', 5000, 15000], ['@Ski centar Kopaonik', 3500, 22000],
    ['@Akva park Petroland', 1200, 4500], ['Paintball klub Meta', 1500, 5000], ['Tenis klub Ace', 1000, 4000],
  ],
};
const ONLINE_POOL = {
  groceries: [['ALIEXPRESS.COM LUXEMBOURG LU', 400, 9000], ['TEMU.COM DUBLIN IE', 500, 8000], ['AMAZON.DE MKTPLACE LUXEMBOURG', 1500, 20000], ['AMZN Mktp DE', 1200, 15000], ['SHEIN.COM', 1500, 9000], ['ANANAS.RS', 900, 25000], ['GIGATRON.RS', 2000, 60000], ['SPORTVISION.RS WEBSHOP', 2500, 15000], ['PAYPAL *ALIEXPRESS', 500, 6000], ['PAYPAL *EBAY', 1500, 15000], ['IKEA.RS ONLINE', 1500, 25000], ['Benu online apoteka', 600, 5000]],
  entertainment: [['BOOKING.COM AMSTERDAM NL', 6000, 60000], ['AIRBNB * HMK2J9XQ', 7000, 70000], ['STEAMPOWERED.COM', 500, 7000], ['STEAM PURCHASE BELLEVUE WA', 700, 6000], ['PLAYSTATION NETWORK', 1500, 9000], ['EVENTIM.RS ONLINE', 2000, 14000], ['Tickets.rs webshop', 1500, 9000], ['MOZZARTBET.COM UPLATA', 500, 5000], ['PAYPAL *STEAM GAMES', 900, 6000], ['Vulkan.rs online', 900, 4500]],
  dining: [['WOLT', 700, 3500], ['WOLT.COM BEOGRAD', 800, 3800], ['GLOVO', 600, 3500], ['GLOVO*ORDER BG', 600, 3200], ['DONESI.COM', 700, 3000], ['Donesi com Novi Sad', 600, 2800]],
  transport: [['AIRSERBIA.COM', 12000, 70000], ['WIZZAIR.COM', 5000, 30000], ['RYANAIR', 4000, 20000], ['CARGO APP', 300, 2000], ['Yandex.Go taxi', 300, 1800], ['SRBIJAVOZ.RS', 500, 3500], ['BUSTICKET4.ME', 1200, 4000]],
};
const SUBS = [ // token variants, EUR price or RSD price
  { n: 'netflix', t: ['NETFLIX.COM 866-579-7172 NL', 'Netflix.com Amsterdam NLD', 'WWW.NETFLIX.COM', 'PAYPAL *NETFLIX 4029357733'], rsd: [1199, 1399, 1599] },
  { n: 'spotify', t: ['SPOTIFY P2B4C1A9F Stockholm SE', 'Spotify AB stockholm', 'PAYPAL *SPOTIFY 35314369001', 'SPOTIFY.COM'], rsd: [599, 699, 899] },
  { n: 'hbomax', t: ['HBO MAX AMSTERDAM NL', 'HBOMAX.COM', 'Max streaming HBO', 'GOOGLE *HBO Max'], rsd: [599, 699] },
  { n: 'disney', t: ['DISNEY PLUS LONDON GB', 'DisneyPlus 888-905-7888', 'APPLE.COM/BILL DISNEY+'], eur: [5.99, 8.99] },
  { n: 'youtube', t: ['GOOGLE *YouTubePremium g.co/helppay#', 'Google YouTube Premium', 'GOOGLE *YouTube Music', 'YOUTUBE PREMIUM'], rsd: [499, 749, 999] },
  { n: 'icloud', t: ['APPLE.COM/BILL ITUNES.COM IE', 'Apple.com/bill Cork IE', 'APPLE.COM BILL 866-712-7753', 'ITUNES.COM/BILL'], eur: [0.99, 2.99, 9.99] },
  { n: 'googleone', t: ['GOOGLE *Google One', 'Google Storage g.co/helppay', 'GOOGLE*GOOGLE ONE IE'], eur: [1.99, 2.99, 9.99] },
  { n: 'm365', t: ['MICROSOFT*365 PERSONAL', 'MSFT *Microsoft 365 msbill.info', 'Microsoft*Subscription IE'], eur: [7, 10] },
  { n: 'chatgpt', t: ['OPENAI *CHATGPT SUBSCR', 'OpenAI ChatGPT Plus San Francisco US', 'CHATGPT SUBSCRIPTION OPENAI.COM'], eur: [20, 22] },
  { n: 'adobe', t: ['ADOBE *CREATIVE CLOUD', 'Adobe Systems Software IE', 'PAYPAL *ADOBE SYSTEMS'], eur: [11.99, 24.59, 62.99] },
  { n: 'canva', t: ['CANVA* I03827719', 'Canva Pty Ltd Sydney AU', 'PAYPAL *CANVA'], eur: [11.99, 13.99] },
  { n: 'dropbox', t: ['DROPBOX*8K2M1Q', 'Dropbox Inc San Francisco'], eur: [11.99] },
  { n: 'deezer', t: ['DEEZER PREMIUM PARIS FR', 'Deezer.com'], rsd: [549, 649] },
  { n: 'applemusic', t: ['APPLE.COM/BILL APPLE MUSIC', 'Apple Music ITUNES.COM'], eur: [5.99, 10.99] },
  { n: 'googleplay', t: ['GOOGLE *Google Play Subscr', 'Google Play Store Subscription', 'GOOGLE *Duolingo'], eur: [4.99, 6.99, 12.99] },
  { n: 'psplus', t: ['PLAYSTATION PLUS SUBSCR', 'Sony PlayStation Plus Essential', 'PlayStation Network PS Plus'], eur: [8.99, 59.99] },
  { n: 'gamepass', t: ['MICROSOFT*XBOX GAME PASS', 'Xbox Game Pass Ultimate msbill.info'], eur: [14.99, 17.99] },
  { n: 'news', t: ['DANAS.RS DIGITALNA PRETPLATA', 'Nedeljnik e-izdanje pretplata', 'Politika e-pretplata', 'Vreme digitalno izdanje'], rsd: [350, 500, 800] },
  { n: 'storytel', t: ['STORYTEL SE', 'Storytel AB Stockholm'], rsd: [1090] },
  { n: 'linkedin', t: ['LinkedIn Premium P12345', 'LINKEDIN PRE 8339473'], eur: [29.99, 39.99] },
  { n: 'audible', t: ['Audible UK adbl.co/pymt', 'AUDIBLE*2K7Q1 LU'], eur: [9.95] },
  { n: 'patreon', t: ['PATREON* MEMBERSHIP', 'Patreon* Membership San Francisco'], eur: [3, 5, 8] },
  { n: 'hosting', t: ['LOOPIA DOO hosting', 'mCloud domen i hosting', 'NAMECHEAP.COM RENEWAL'], rsd: [1800, 3600, 6000] },
  { n: 'notion', t: ['NOTION LABS INC', 'Notion.so subscription'], eur: [8, 10] },
];

// ---------------------------------------------------------------- categorize rows
const money = (x) => Math.round(x * 100) / 100;
function amt(min, max, cents = 0.45) {
  let a = rf(min, max);
  if (a > 2000 && chance(0.2)) a = Math.round(a / 10) * 10;
  if (a > 8000 && chance(0.3)) a = Math.round(a / 100) * 100;
  return chance(cents) ? money(a) : Math.round(a);
}
const randDate = () => addDays(D('2026-01-02'), ri(0, 330));

function cardRow(cat) {
  const [pat0, mn, mx] = pick(POOL[cat]);
  const a = amt(mn, mx);
  if (pat0[0] === '@') return { d: cardLine(fillHash(pat0.slice(1)), '', randDate(), a), a: -a };
  const pat = pat0;
  const d = randDate();
  if (cat !== 'transport' && chance(0.05)) { // IPS QR at a shop
    return { d: tx(pick([`IPS QR plaćanje ${fillHash(pat)} ${city()}`, `IPS Pokaži ${fillHash(pat)}`, `IPS skeniraj - ${fillHash(pat)} ${city()}`, `Plaćanje na prodajnom mestu IPS ${fillHash(pat)}`]), { up: 0.2, st: 0.3 }), a: -a };
  }
  if (chance(0.05)) { // SumUp / small processors for small merchants
    return { d: cardLine(`${pick(['SumUp *', 'SUMUP *', 'SQ *', 'myPOS *'])}${fillHash(pat)}`, city(), d, a), a: -a };
  }
  return { d: cardLine(fillHash(pat), chance(0.88) ? city() : '', d, a), a: -a };
}
function onlineRow(cat) {
  const [pat, mn, mx] = pick(ONLINE_POOL[cat]);
  let a = amt(mn, mx, 0.8);
  let fx = '';
  if (chance(0.3)) { const e = money(a / 117.2); a = money(e * rate() * 1.01); fx = `${fmtSr(e)} EUR`; }
  return { d: onlineLine(fillHash(pat), randDate(), fx), a: -a };
}

const GEN = {
  groceries() {
    if (chance(0.05)) { // unnamed shop card purchases
      const d = randDate();
      return { d: tx(pick([`POS kupovina ${digits(8)}`, `Kupovina karticom POS ${digits(6)} ${city()}`, `PLAĆANJE KARTICOM ${masked()} TID ${digits(8)}`, `Kupovina ${dmy(d)} terminal ${digits(8)} RS`, `Куповина картицом ПОС ${digits(7)}`])), a: -amt(150, 4500) };
    }
    return chance(0.12) ? onlineRow('groceries') : cardRow('groceries');
  },
  dining() { return chance(0.16) ? onlineRow('dining') : cardRow('dining'); },
  transport() {
    if (chance(0.08)) {
      const r = pick([
        () => ({ d: `SMS parking ${pick(['9111', '9112', '9113', '8101'])} ${pick(['BG', 'NS', 'NI', 'KG'])}${digits(3)}${pick(['AA', 'XK', 'ŠĆ', 'TD'])}`, a: pick([70, 80, 96, 130]) }),
        () => ({ d: `Uplata ${pick(['AMSS', 'Tehnički pregled Auto Centar', 'Agencija za registraciju Brzi Tablica'])} registracija vozila ${pick(['BG', 'NS', 'ČA', 'KV'])}-${digits(3)}-${pick(['AB', 'ZŽ', 'TK'])}`, a: ri(9000, 38000) }),
        () => ({ d: `Dopuna ${pick(['BusPlus', 'TAG Putevi Srbije', 'ENP uređaja'])} ${digits(6)}`, a: pick([1000, 2000, 3000, 5000]) }),
        () => ({ d: `Mesečna karta ${pick(['GSP Novi Sad', 'Niš Ekspres', 'JGSP Kragujevac', 'Subotica-trans'])} ${mmyyyy(randDate())}`, a: pick([1900, 2400, 2850, 3100]) }),
      ])();
      return { d: tx(r.d), a: -r.a };
    }
    return chance(0.12) ? onlineRow('transport') : cardRow('transport');
  },
  entertainment() {
    if (chance(0.08)) {
      const r = pick([
        () => `Članarina ${pick(['Fitnes klub Energija', 'teretana Titan', 'Plivački klub Vojvodina', 'KK Mladost rekreacija', 'Joga studio Prana'])} ${mmyyyy(randDate())}`,
        () => `FITPASS ${pick(['mesečna članarina', 'PREMIUM', 'Basic paket'])}`,
        () => `Uplata na ${pick(['Mozzart', 'Maxbet', 'Soccerbet', 'Meridian'])} nalog ${digits(7)}`,
      ])();
      return { d: tx(pick([(x) => x, (x) => `IPS ${x}`, (x) => `Nalog za plaćanje ${x}`])(r)), a: -amt(1500, 6500, 0.1) };
    }
    return chance(0.2) ? onlineRow('entertainment') : cardRow('entertainment');
  },
  subscriptions() {
    const s = pick(SUBS);
    let a, fx = '';
    if (s.eur) { const e = pick(s.eur); a = money(e * rate() * (1 + rf(0, 0.02))); fx = chance(0.4) ? `${fmtSr(e)} EUR` : ''; }
    else a = pick(s.rsd);
    const t = pick(s.t);
    const d = randDate();
    return { d: chance(0.5) ? onlineLine(t, d, fx) : cardLine(t, '', d, a, pick(SUB_CARD)), a: -a };
  },
  utilities() {
    const m = randDate();
    const per = `${monthName(prevMonth(m))} ${m.getUTCFullYear()}`;
    const list = [
      [['JKP Infostan tehnologije', 'JKP INFOSTAN TEHNOLOGIJE BEOGRAD', 'Infostan'], () => pick([`račun ${mmyyyy(prevMonth(m))}`, `obj. ${digits(9)}`, `šifra korisnika ${digits(8)}`, `za ${per}`]), 2500, 14000],
      [['EPS Snabdevanje', 'Elektroprivreda Srbije AD', 'EPS AD Beograd', 'JP EPS ED Jugoistok'], () => pick([`ED broj ${digits(10)}`, `struja ${per}`, `račun za električnu energiju ${mmyyyy(prevMonth(m))}`, `naplatni broj ${digits(12)}`]), 1800, 16000],
      [['JKP Beogradske elektrane', 'Novosadska toplana', 'JKP Gradska toplana Niš', 'JKP Energetika Kragujevac', 'JKP Toplana Kraljevo', 'Toplana Zrenjanin', 'JKP Subotička toplana'], () => pick([`grejanje ${per}`, `šifra ${digits(7)}`, `račun ${digits(8)}`]), 3500, 15000],
      [['JKP Vodovod i kanalizacija Novi Sad', 'JKP Naissus Niš', 'JKP Vodovod Kraljevo', 'JKP Vodovod Čačak', 'JKP Vodovod Šumadija', 'Vodovod Subotica', 'JKP Vodovod Zrenjanin'], () => pick([`voda ${per}`, `šifra potrošača ${digits(6)}`, `račun ${mmyyyy(prevMonth(m))}`]), 700, 4500],
      [['JKP Čistoća Zrenjanin', 'JKP Gradska čistoća', 'JKP Komunalac Čačak', 'JKP Komrad Vranje', 'JKP Gradsko zelenilo'], () => pick([`iznošenje smeća ${per}`, `račun ${digits(6)}`]), 400, 2200],
      [['Srbijagas', 'JP Srbijagas Novi Sad', 'Gas Bečej DOO', 'Kruševac-gas'], () => pick([`gas ${per}`, `broj mernog mesta ${digits(8)}`]), 1500, 14000],
      [['Telekom Srbija', 'MTS Telekom Srbija AD', 'mts račun', 'Telekom Srbija a.d.'], () => pick([`pretplatnički broj ${digits(9)}`, `račun ${mmyyyy(prevMonth(m))}`, `060${digits(7)}`]), 1300, 7500],
      [['A1 Srbija DOO', 'A1 Srbija postpaid', 'A1 račun'], () => pick([`korisnik ${digits(8)}`, `račun ${digits(10)}`]), 1200, 6000],
      [['Yettel DOO', 'YETTEL DOO BEOGRAD', 'Yettel račun'], () => pick([`broj ugovora ${digits(8)}`, `063${digits(7)}`]), 900, 5500],
      [['SBB DOO', 'SBB Serbia Broadband', 'SBB DOO Beograd EON'], () => pick([`korisnički broj ${digits(7)}`, `KDS internet ${per}`]), 2200, 6500],
      [['Orion Telekom', 'ORION TELEKOM DOO'], () => `internet ${per}`, 1800, 3500],
      [['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje Srbija', 'Wiener Städtische osiguranje', 'UNIQA osiguranje', 'Triglav osiguranje'], () => pick([`polisa ${digits(9)}`, `premija ${mmyyyy(m)}`, `osiguranje stana polisa ${digits(7)}`, `putno osiguranje`, `životno osig. rata`]), 800, 18000],
      [[`Stambena zajednica ${street()}`, 'Stambena zajednica Bulevar 14', `Profesionalni upravnik ${person()}`, 'Upravnik zgrade Kvart DOO'], () => pick([`tekuće održavanje ${mmyyyy(m)}`, `investiciono održavanje`, `upravljanje zgradom ${per}`]), 400, 3500],
      [['PU Radosno detinjstvo Novi Sad', 'PU Čukarica vrtić', 'PU Pčelica Kragujevac', 'Privatni vrtić Sunčica', 'PU Naša radost Subotica'], () => pick([`vrtić ${per}`, `boravak deteta ${mmyyyy(m)}`, `uplata za ${per}`]), 3500, 32000],
      [['OŠ Vuk Karadžić', 'Gimnazija Svetozar Marković', 'OŠ Desanka Maksimović'], () => pick(['užina', 'ekskurzija rata 2', 'osiguranje učenika', 'produženi boravak']), 800, 9000],
      [['Poreska uprava', 'LPA Grad Beograd', 'Gradska uprava Niš LPA', 'Lokalna poreska administracija Novi Sad'], () => pick([`porez na imovinu ${m.getUTCFullYear()} I kvartal`, `porez na imovinu ${m.getUTCFullYear()}`, `doprinos`, 'porez na prihod od zakupa']), 1500, 25000],
      [['Republička administrativna taksa', 'Budžet RS MUP', 'MUP RS taksa'], () => pick(['taksa za pasoš', 'lična karta', 'taksa za vozačku dozvolu', 'obrazac']), 300, 5000],
      [['Prekršajni sud Beograd', 'Saobraćajna policija', 'Budžet Republike Srbije'], () => pick(['kazna za prekršaj', 'novčana kazna', `prekršajni nalog ${digits(8)}`]), 3000, 20000],
      [['RZZO Filijala Niš', 'RFZO'], () => 'participacija', 200, 1500],
    ];
    if (chance(0.12)) { // card / prepaid variants
      const r = pick([
        () => ({ d: cardLine(pick(['MTS SHOP ###', 'Yettel prodavnica ##', 'A1 SHOP ##']).replace(/#/g, () => ri(0, 9)), city(), m, 0) + ' dopuna', a: pick([500, 1000, 1500, 2000]) }),
        () => ({ d: tx(pick([`Dopuna ${pick(['Yettel', 'mts', 'A1'])} 06${ri(0, 9)}${digits(7)}`, `Elektronska dopuna kredita 06${ri(0, 9)}${digits(7)}`, `Kupovina karticom YETTEL ONLINE DOPUNA`])), a: pick([300, 500, 1000, 2000]) }),
        () => ({ d: cardLine(pick(['INFOSTAN ONLINE', 'EPS ONLINE PLAĆANJE', 'mts online račun', 'SBB ONLINE']), 'Beograd', m, 0), a: ri(1500, 9000) }),
      ])();
      return { d: r.d, a: -r.a };
    }
    const [payees, purpose, mn, mx] = pick(list);
    return { d: orderLine(pick(payees), purpose()), a: -amt(mn, mx, 0.7) };
  },
  rent() {
    const m = randDate();
    const nm = person();
    const d = pick([
      () => ipsOut(nm, `kirija ${monthName(m)}`),
      () => personOrder(nm, `Kirija za ${monthName(m)} ${m.getUTCFullYear()}`),
      () => personOrder(personLF(), `stanarina ${mmyyyy(m)}`),
      () => tx(`Trajni nalog - zakup stana ${street()} - ${nm}`),
      () => orderLine(pick(['City Expert DOO', 'Agencija za nekretnine Kvadrat', 'Nekretnine Vračar DOO', 'Agencija Krov Nad Glavom']), pick([`zakupnina stana ${mmyyyy(m)}`, `zakup stana ${street()}`, `kirija ${monthName(m)}`])),
      () => tx(`Кирија за ${cyr(monthName(m))} ${cyr(nm)}`),
      () => tx(`Stanarina ${monthName(m)} - soba ${street()}`),
      () => tx(`Zakup stana ${mmyyyy(m)} ugovor ${digits(3)}/${m.getUTCFullYear()}`),
      () => ipsOut(nm, `kirija+troškovi ${mmyyyy(m)}`),
      () => tx(`KIRIJA ${upper(monthName(m))}`),
    ])();
    return { d, a: -pick([ri(180, 650) * 100, ri(18, 60) * 1000, money(pick([250, 300, 350, 400, 450, 500, 600]) * rate())]) };
  },
  salary() {
    const m = randDate(); const pm = prevMonth(m); const e = pick(EMPLOYERS);
    const r = pick([
      () => ({ d: inLine(e, `Zarada za ${mmyyyy(pm)}`), a: ri(65, 260) * 1000 + ri(0, 999) }),
      () => ({ d: tx(`ISPLATA ZARADE ${mmyyyy(pm)} ${e}`), a: money(rf(60000, 250000)) }),
      () => ({ d: tx(`Uplata plate ${monthName(pm)} ${e}`), a: money(rf(55000, 220000)) }),
      () => ({ d: tx(`Priliv - zarada - ${e}`), a: money(rf(60000, 200000)) }),
      () => ({ d: tx(`Plata ${mmyyyy(pm)}`), a: money(rf(60000, 180000)) }),
      () => ({ d: tx(pick(['Isplata penzije PIO fond', 'PENZIJA ZA ' + upper(monthName(pm)), 'RF PIO penzija ' + mmyyyy(pm), 'Исплата пензије ' + cyr(monthName(pm)), 'Uplata penzije Fond PIO Filijala ' + pick(['Niš', 'Čačak', 'Zrenjanin'])])), a: money(rf(28000, 95000)) }),
      () => ({ d: inLine(e, pick(['Honorar ugovor o delu', 'Isplata honorara', 'Autorski honorar ' + digits(3), 'Naknada po ugovoru o privremenim i povremenim poslovima'])), a: money(rf(10000, 90000)) }),
      () => ({ d: inLine(e, pick(['Dnevnice za službeni put', 'isplata dnevnica', 'Bonus za ' + pick(['Q1', 'Q2', 'Q3', '2025']), 'Regres za godišnji odmor', 'Topli obrok ' + mmyyyy(pm), 'Akontacija zarade ' + mmyyyy(m), 'Konačna isplata zarade ' + mmyyyy(pm)])), a: money(rf(5000, 80000)) }),
      () => ({ d: tx(pick(['Studentska stipendija Ministarstvo prosvete', 'Isplata stipendije Fond za mlade talente', 'Stipendija Grada Novog Sada ' + mmyyyy(m)])), a: pick([9000, 11000, 15000, 28000]) }),
      () => ({ d: tx(pick([`Ino priliv - salary ${pick(['Deel Inc', 'Toptal LLC', 'Remote Technology Inc', 'Oyster HR'])} ${monthName(pm)}`, `Priliv iz inostranstva UPWORK ESCROW earnings`, `Foreign inflow payroll ${pick(['Deel', 'Papaya Global'])}`])), a: money(rf(60000, 420000)) }),
      () => ({ d: tx(pick([`Glovo isplata kurir ${digits(6)}`, `WOLT partner isplata zarade kurir`, `Isplata kurirske nadoknade Wolt ${digits(5)}`])), a: money(rf(5000, 25000)) }),
    ])();
    return { d: r.d, a: r.a };
  },
  transfer() {
    const m = randDate();
    const r = pick([
      () => ({ d: tx(pick([`Isplata gotovine ATM ${pick(BANKS)} ${city()}`, `Bankomat isplata ${digits(8)} ${city()}`, `Podizanje gotovine na bankomatu ${dmy(m)}`, `ATM WITHDRAWAL ${upper(city())} RS`, `Isplata gotovine ${masked()} ATM ${pick(['Raiffeisen', 'Intesa', 'OTP', 'AIK'])}`, `Исплата готовине банкомат ${cyr(city())}`, `Gotovinska isplata na šalteru`])), a: -pick([2000, 3000, 5000, 10000, 15000, 20000, 40000]) }),
      () => ({ d: tx(pick(['Naknada za vođenje računa', `NAKNADA ZA VODJENJE RACUNA ${mmyyyy(m)}`, 'Mesečna naknada paket računa', 'Provizija za platni promet', 'Provizija za prenos sredstava', 'Članarina za karticu Visa Classic', 'Godišnja članarina kreditna kartica', 'Naknada za SMS servis', 'Naknada za izvod', 'Provizija za isplatu gotovine na ATM druge banke', 'Накнада за вођење рачуна'])), a: -pick([35, 60, 99, 150, 199, 220, 250, 300, 390, 500, 1200, 2400]) }),
      () => ({ d: tx(pick([`Rata kredita br. ${digits(8)}`, `Otplata kredita ${mmyyyy(m)}`, 'Otplata kreditne kartice', 'Uplata na kreditnu karticu', `Anuitet stambeni kredit ${digits(6)}`, 'Rata gotovinskog kredita', 'Minimalna rata revolving'])), a: -money(rf(3000, 65000)) }),
      () => ({ d: tx(pick(['Prenos na štedni račun', 'Prenos između sopstvenih računa', 'Oročenje štednje', 'Uplata na devizni račun', 'Kupovina deviza EUR', 'Menjačnica - prodaja RSD za EUR', 'Prenos na račun ' + ACC()])), a: -pick([5000, 10000, 20000, 30000, 50000, money(rf(5000, 80000))]) }),
      () => ({ d: tx(pick(['Revolut top-up', `REVOLUT**${digits(4)}* Dublin IE`, 'TOP-UP REVOLUT', 'Wise Europe top up', 'PAYPAL *TOPUP', 'PayPal dopuna naloga', 'Dopuna Skrill novčanika'])), a: -pick([2000, 5000, 10000, 20000, money(rf(2000, 30000))]) }),
      () => ({ d: ipsOut(person(), pick(['', 'pozajmica', 'za ručak', 'vraćam dug', 'poklon', 'za rođendan', 'podela računa', 'za put', 'čišćenje stana', 'časovi matematike', 'čuvanje deteta'])), a: -money(pick([500, 1000, 1500, 2000, 3000, 5000, 10000, rf(300, 20000)])) }),
      () => ({ d: personOrder(person(), pick(['pozajmica', 'Prenos', 'uplata', 'vraćanje duga', 'alimentacija ' + mmyyyy(m)])), a: -money(rf(1000, 40000)) }),
      () => ({ d: tx(pick([`Plaćanje 289 PNB ${digits(10)}`, `Nalog za plaćanje ${ACC()}`, `Plaćanje ${digits(3)} ${digits(8)}`, `Opšti nalog ${digits(6)}`])), a: -money(rf(500, 15000)) }),
      () => ({ d: inLine(person(), pick(['', 'vraćam pozajmicu', 'poklon', 'za koncert', 'za kiriju deo', 'rođendan'])), a: money(pick([1000, 2000, 3000, 5000, rf(500, 30000)])) }),
      () => pick([
        () => ({ d: tx(pick([`Povraćaj sredstava ${pick(['MAXI 0123', 'GIGATRON 012', 'WIZZ AIR', 'Booking.com', 'ZARA SRB'])}`, 'Storno kupovine', 'Refund ALIEXPRESS', 'Reklamacija - povrat novca', `Storno transakcije ${pick(['LIDL', 'IDEA', 'CINEPLEXX', 'WOLT'])}`])), a: money(rf(300, 15000)) }),
        () => ({ d: tx(pick(['Kamata na štednju', 'Pripis kamate', 'Obračun kamate po viđenju'])), a: money(rf(20, 2500)) }),
        () => ({ d: tx(pick(['Dečiji dodatak ' + mmyyyy(m), 'Roditeljski dodatak rata ' + ri(2, 24), 'Naknada za porodiljsko odsustvo', 'Povraćaj poreza'])), a: money(rf(3000, 60000)) }),
        () => ({ d: tx(pick(['Uplata gotovine na šalteru', 'Polog gotovine ATM', 'Prenos sa štednog računa', 'Isplata oročene štednje', 'Prodaja deviza EUR', 'Prenos sa deviznog računa'])), a: money(pick([5000, 10000, 20000, rf(1000, 80000)])) }),
      ])(),
    ])();
    return { d: r.d, a: r.a };
  },
};

const COUNTS = { groceries: 300, dining: 240, transport: 140, transfer: 190, utilities: 130, entertainment: 80, subscriptions: 75, salary: 48, rent: 46 };
const rows = [];
for (const [cat, n] of Object.entries(COUNTS)) for (let i = 0; i < n; i++) {
  const r = GEN[cat]();
  rows.push({ description: r.d.replace(/\t/g, ' ').replace(/\s+/g, ' ').trim(), amount: r.a, category: cat });
}
// shuffle (Fisher-Yates)
for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
writeFileSync(join(OUT, 'categorize-blind.tsv'), 'description\tamount\tcategory\n' + rows.map((r) => `${r.description}\t${r.amount.toFixed(2)}\t${r.category}`).join('\n') + '\n');

// ================================================================ recurring histories
const PERIOD = { weekly: 7, biweekly: 14, monthly: 30.4, quarterly: 91, annually: 365 };
// stream template builders: each returns {key, cat, dir, freq, amtType, desc(i,d), amount(i,d) in RSD (positive), ...}
const subEur = (eur) => (i) => money(eur * rate() * (1 + rf(0.005, 0.02)));

function buildHistory(h, cfg) {
  const today = D(cfg.today);
  const start = addDays(today, -Math.round(cfg.months * 30.4));
  const txs = [];
  const streams = [];
  for (const s of cfg.streams) {
    const dates = [];
    const first = s.firstOffset != null ? addDays(start, s.firstOffset) : addDays(start, ri(0, Math.min(25, PERIOD[s.freq] - 1)));
    const end = s.stopBefore != null ? addDays(today, -s.stopBefore) : today;
    if (s.freq === 'weekly' || s.freq === 'biweekly') {
      const step = PERIOD[s.freq];
      for (let d = first, k = 0; d <= end; d = addDays(first, step * ++k)) {
        const j = chance(0.15) ? ri(-1, 1) : 0;
        const dd = addDays(d, j);
        if (dd <= end && dd >= start) dates.push(dd);
      }
    } else {
      const mstep = s.freq === 'monthly' ? 1 : s.freq === 'quarterly' ? 3 : 12;
      const day = s.day || first.getUTCDate();
      const jit = s.jitter ?? 2;
      let m0 = first.getUTCMonth();
      if (mstep > 1 && addDays(monthDate(first.getUTCFullYear(), m0, day), -jit - 1) < start) m0 += 1;
      for (let k = 0; ; k++) {
        let d = monthDate(first.getUTCFullYear(), m0 + k * mstep, day);
        if (jit) d = addDays(d, ri(-jit, jit));
        if (s.workday) d = toWorkday(d);
        if (d > end) break;
        if (d < start) continue;
        dates.push(d);
      }
    }
    // skipped occurrences (never first/last two)
    const skip = new Set();
    if (s.skip && dates.length > 5) skip.add(ri(1, dates.length - 3));
    const ids = [];
    const useDates = dates.filter((_, i) => !skip.has(i));
    useDates.forEach((d, i) => {
      const a = s.amount(i, d, useDates.length);
      const t = { date: iso(d), amount: Math.round((s.dir === 'incoming' ? a : -a) * 100), description: s.desc(i, d), category: s.cat, _s: s.key };
      txs.push(t); ids.push(t);
    });
    if (useDates.length < 3) throw new Error(`${h} stream ${s.key} has ${useDates.length} occurrences`);
    const last = useDates[useDates.length - 1];
    const gap = (today - last) / 86400000;
    const active = s.stopBefore == null;
    if (active && gap > PERIOD[s.freq] + Math.max(4, PERIOD[s.freq] * 0.25)) throw new Error(`${h} ${s.key} active but gap ${gap}`);
    if (!active && gap < 2 * PERIOD[s.freq]) throw new Error(`${h} ${s.key} inactive but gap ${gap}`);
    streams.push({ key: s.key, _t: ids, description: ids[ids.length - 1].description, direction: s.dir, frequency: s.freq, amount_type: s.amtType, is_active: active });
  }
  // noise
  const days = Math.round((today - start) / 86400000);
  const nNoise = Math.round(days * cfg.noise);
  for (let i = 0; i < nNoise; i++) {
    const d = addDays(start, ri(0, days));
    const n = cfg.noiseGen(d);
    txs.push({ date: iso(d), amount: Math.round(n.a * 100), description: n.d, category: n.cat });
  }
  txs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  txs.forEach((t, i) => { t.id = `${h}-${pad(i + 1, 4)}`; });
  const out = {
    id: h, today: cfg.today, note: cfg.note,
    transactions: txs.map((t) => ({ id: t.id, date: t.date, amount: t.amount, description: t.description, category: t.category, pending: false })),
    streams: streams.map((s) => ({ key: s.key, description: s.description, direction: s.direction, frequency: s.frequency, amount_type: s.amount_type, is_active: s.is_active, transaction_ids: s._t.map((t) => t.id) })),
  };
  return out;
}

// ---- noise generator per persona
function makeNoise(p) {
  // p: {city, card wrapper, chains (fixed per person), weights}
  const homeCity = p.city;
  const cw = p.cardWrapper;
  const favGroc = [pick(POOL.groceries.slice(0, 16)), pick(POOL.groceries.slice(0, 16)), pick(POOL.groceries.slice(16, 30))];
  const favDin = [pick(POOL.dining), pick(POOL.dining)];
  const fuel = pick(POOL.transport.slice(0, 10));
  const excluded = new Set(p.exclude || []);
  return (d) => {
    const r = rnd();
    let cat, pat, mn, mx;
    if (r < 0.36) { cat = 'groceries'; [pat, mn, mx] = chance(0.6) ? pick(favGroc) : pick(POOL.groceries); }
    else if (r < 0.62) {
      cat = 'dining';
      if (chance(0.15) && !excluded.has('wolt')) { const [pt, a1, a2] = pick(ONLINE_POOL.dining); const a = amt(a1, a2, 0.8); return { d: onlineLine(pt, d), a: -a, cat }; }
      [pat, mn, mx] = chance(0.5) ? pick(favDin) : pick(POOL.dining);
    } else if (r < 0.74) { cat = 'transport'; [pat, mn, mx] = p.car && chance(0.6) ? fuel : pick(POOL.transport.slice(10)); }
    else if (r < 0.8) { cat = 'entertainment'; [pat, mn, mx] = pick(POOL.entertainment.filter((e) => !/MOZZART|FITNES|TERETANA|GYM|BAZEN/i.test(e[0]))); }
    else if (r < 0.88) {
      cat = 'transfer';
      const k = rnd();
      if (k < 0.5) return { d: tx(pick([`Isplata gotovine ATM ${p.bank} ${homeCity}`, `Bankomat ${digits(8)} ${homeCity}`, `ATM isplata ${homeCity} ${dmy(d)}`])), a: -pick([2000, 3000, 5000, 10000]), cat };
      if (k < 0.85) return { d: ipsOut(personB(), pick(['', 'pozajmica', 'za poklon', 'podela računa', 'za put'])), a: -money(pick([1000, 2000, 3500, rf(500, 8000)])), cat };
      return { d: inLine(personB(), pick(['', 'vraćam', 'hvala'])), a: money(pick([1000, 2000, 3000, rf(500, 6000)])), cat };
    } else if (r < 0.95) { cat = 'groceries'; const [pt, a1, a2] = pick(ONLINE_POOL.groceries); return { d: onlineLine(pt, d), a: -amt(a1, a2, 0.8), cat }; }
    else { cat = 'groceries'; [pat, mn, mx] = pick(POOL.groceries.slice(30)); }
    const a = amt(mn, mx);
    const c = pat[0] === '@' ? '' : chance(0.8) ? homeCity : city();
    return { d: cardLine(fillHash(pat.replace(/^@/, '')), c, d, a, chance(0.75) ? cw : null), a: -a, cat };
  };
}

// ---- stream catalogue
const ST = {
  salary(emp, base, opts = {}) {
    const wording = pick([
      (d) => `Zarada za ${mmyyyy(prevMonth(d))} ${emp}`,
      (d) => upper(`ISPLATA ZARADE ${mmyyyy(prevMonth(d))} ${strip(emp)}`),
      (d) => `Uplata plate ${monthName(prevMonth(d))} - ${emp}`,
      (d) => `Priliv ${emp} zarada`,
      (d) => `Уплата зараде ${cyr(monthName(prevMonth(d)))} ${cyr(emp)}`,
    ]);
    return { key: 'salary', cat: 'salary', dir: 'incoming', freq: 'monthly', amtType: 'variable', workday: true, jitter: 1, day: opts.day || pick([5, 10, 15, 20, 25]), desc: (i, d) => tx(wording(d), { up: 0.05, st: 0.2 }), amount: () => money(base * rf(0.94, 1.07)), ...opts };
  },
  pension(base) {
    const w = pick([(d) => `Isplata penzije PIO fond ${mmyyyy(prevMonth(d))}`, () => 'RF PIO PENZIJA', (d) => `Пензија за ${cyr(monthName(prevMonth(d)))}`]);
    const raise = rf(1.04, 1.08);
    return { key: 'pension', cat: 'salary', dir: 'incoming', freq: 'monthly', amtType: 'fixed', workday: true, jitter: 1, day: pick([5, 15, 24]), desc: (i, d) => w(d), amount: (i, d) => money(base * Math.pow(raise, d.getUTCFullYear() - 2024)) };
  },
  rent(name, amountRsd, opts = {}) {
    const w = pick([(d) => ipsOut(name, `kirija ${monthName(d)}`), (d) => `Trajni nalog kirija ${name}`, (d) => personOrder(name, `stanarina ${mmyyyy(d)}`), (d) => `Zakup stana ${mmyyyy(d)} - ${name}`]);
    return { key: 'rent', cat: 'rent', dir: 'outgoing', freq: 'monthly', amtType: 'fixed', day: pick([1, 2, 3, 5]), jitter: 2, desc: (i, d) => tx(w(d), { up: 0.05, st: 0.2 }), amount: () => amountRsd, ...opts };
  },
  rentEur(name, eur) {
    const w = pick([(d) => `Kirija ${monthName(d)} ${name}`, (d) => ipsOut(name, `stanarina ${mmyyyy(d)}`)]);
    return { key: 'rent', cat: 'rent', dir: 'outgoing', freq: 'monthly', amtType: 'fixed', day: pick([1, 3, 5]), jitter: 3, desc: (i, d) => tx(w(d), { up: 0.05, st: 0.3 }), amount: () => money(eur * rate()) };
  },
  util(kind, cityName) {
    const U = {
      infostan: ['infostan', ['JKP Infostan tehnologije', 'INFOSTAN TEHNOLOGIJE', 'ЈКП Инфостан технологије'], 3500, 9000],
      eps: ['eps', ['EPS Snabdevanje', 'ELEKTROPRIVREDA SRBIJE', 'EPS AD ED broj ' + digits(10)], 2500, 11000],
      toplana: ['heating', [{ 'Novi Sad': 'Novosadska toplana', 'Niš': 'JKP Gradska toplana Niš', Kragujevac: 'JKP Energetika Kragujevac', Kraljevo: 'JKP Toplana Kraljevo', Subotica: 'JKP Subotička toplana', Zrenjanin: 'JKP Toplana Zrenjanin', Čačak: 'JKP Čačak toplana' }[cityName] || 'JKP Toplana'], 3000, 12000],
      vodovod: ['water', [{ 'Novi Sad': 'JKP Vodovod i kanalizacija Novi Sad', 'Niš': 'JKP Naissus', Kragujevac: 'JKP Vodovod i kanalizacija Kragujevac', Kraljevo: 'JKP Vodovod Kraljevo', Subotica: 'JKP Vodovod i kanalizacija Subotica', Zrenjanin: 'JKP Vodovod Zrenjanin', Čačak: 'JKP Vodovod Čačak' }[cityName] || 'JKP Vodovod'], 800, 3500],
      mts: ['mts', ['Telekom Srbija', 'MTS TELEKOM SRBIJA AD', 'Телеком Србија'], 2200, 4800],
      a1: ['a1', ['A1 Srbija DOO', 'A1 SRBIJA'], 1500, 3200],
      yettel: ['yettel', ['Yettel DOO', 'YETTEL DOO BEOGRAD'], 1400, 3500],
      sbb: ['sbb', ['SBB DOO', 'SBB d.o.o. Beograd'], 2900, 4600],
      orion: ['orion', ['Orion Telekom DOO'], 2100, 2600],
      zgrada: ['building', [pick([`Stambena zajednica ${street()}`, `Profesionalni upravnik ${person()}`, `SZ ${street()}`])], 600, 1800],
      gas: ['gas', ['Srbijagas', 'JP SRBIJAGAS'], 1500, 12000],
      cistoca: ['waste', [{ Zrenjanin: 'JKP Čistoća Zrenjanin', Čačak: 'JKP Komunalac Čačak' }[cityName] || 'JKP Gradska čistoća'], 450, 1200],
    };
    const [key, payees, mn, mx] = U[kind];
    const fixedish = ['sbb', 'orion', 'zgrada', 'cistoca'].includes(kind);
    const mode = pick(['order', 'order', 'standing', 'direct', 'cyr']);
    const base = rf(mn, mx);
    return {
      key, cat: 'utilities', dir: 'outgoing', freq: 'monthly', amtType: fixedish ? 'fixed' : 'variable', day: ri(8, 26), jitter: 3,
      desc: (i, d) => {
        const p = pick(payees); const per = mmyyyy(prevMonth(d));
        if (mode === 'standing') return tx(`Trajni nalog ${p} račun ${per}`, { up: 0.05, st: 0.3 });
        if (mode === 'direct') return tx(`Direktno zaduženje ${p} ${per}`, { up: 0.05, st: 0.3 });
        if (mode === 'cyr') return `Плаћање рачуна ${cyr(p)} ${per}`;
        return orderLine(p, `račun ${per}`, chance(0.5) ? ORDER_WRAPPERS[0] : null);
      },
      amount: (i, d) => {
        if (fixedish) return Math.round(base);
        const winter = [0, 1, 2, 11].includes(d.getUTCMonth()) ? 1.35 : [5, 6, 7].includes(d.getUTCMonth()) ? 0.8 : 1;
        return money(base * (kind === 'eps' || kind === 'gas' || kind === 'toplana' ? winter : 1) * rf(0.85, 1.15));
      },
    };
  },
  sub(name, opts = {}) {
    const s = SUBS.find((x) => x.n === name);
    const eur = s.eur ? pick(s.eur) : null;
    const rsd = s.rsd ? pick(s.rsd.slice(0, Math.max(1, s.rsd.length - 1))) : null;
    const wrap = pick([(t, d) => cardLine(t, '', d, 0, CARD_WRAPPERS[0]), (t, d) => onlineLine(t, d), (t) => tx(t, { up: 0.2, st: 0 })]);
    const priceStep = opts.priceStep; // index from which new price applies (fraction)
    return {
      key: name, cat: 'subscriptions', dir: 'outgoing', freq: opts.freq || 'monthly', amtType: 'fixed', jitter: 1,
      desc: (i, d) => (opts.multiWrap ? pick([(t, dd) => cardLine(t, '', dd, 0, pick(SUB_CARD)), (t, dd) => onlineLine(t, dd)])(pick(s.t), d) : wrap(s.t[opts.tIdx ?? 0], d)),
      amount: (i, d, n) => {
        const stepped = priceStep != null && i >= Math.floor(n * priceStep);
        if (eur) return money((stepped ? eur * 1.2 : eur) * rate() * (1 + rf(0.005, 0.018)));
        return stepped ? rsd + (rsd < 500 ? 50 : rsd < 1000 ? 100 : 200) : rsd;
      },
      ...opts,
    };
  },
  accountFee(fee, bank) {
    const w = pick(['Naknada za vođenje računa', 'NAKNADA ZA VODJENJE RACUNA', 'Mesečna naknada za paket', `Održavanje računa ${bank}`, 'Накнада за вођење рачуна']);
    return { key: 'account-fee', cat: 'transfer', dir: 'outgoing', freq: 'monthly', amtType: 'fixed', day: pick([28, 30, 31, 1]), jitter: 0, desc: (i, d) => `${w} ${mmyyyy(d)}`.trim(), amount: () => fee };
  },
  loan(amountRsd) {
    const no = digits(9);
    const w = pick([() => `Rata kredita br. ${no}`, () => `Otplata kredita partija ${no}`, () => `ANUITET STAMBENI KREDIT ${no}`, () => `Naplata rate kredita ${no}`]);
    return { key: 'loan', cat: 'transfer', dir: 'outgoing', freq: 'monthly', amtType: 'fixed', day: pick([5, 10, 15, 20, 25]), jitter: 0, workday: true, desc: () => w(), amount: () => amountRsd };
  },
  savings(amountRsd, freq = 'monthly') {
    const w = pick(['Trajni nalog prenos na štednju', 'Prenos na štedni račun', 'TRAJNI NALOG STEDNJA', 'Автоматска штедња']);
    return { key: 'savings', cat: 'transfer', dir: 'outgoing', freq, amtType: 'fixed', jitter: 0, day: pick([1, 11, 21]), desc: () => w, amount: () => amountRsd };
  },
  gym(name, price, cat = 'entertainment') {
    return { key: 'gym', cat, dir: 'outgoing', freq: 'monthly', amtType: 'fixed', jitter: 3, desc: (i, d) => (chance(0.5) ? cardLine(name, '', d, price) : tx(`Članarina ${name} ${mmyyyy(d)}`)), amount: () => price };
  },
};

// weekly / biweekly / quarterly / annual catalogue
const W = {
  pocket(child, a) { return { key: 'pocket-money', cat: 'transfer', dir: 'outgoing', freq: 'weekly', amtType: 'fixed', desc: () => ipsOut(child, pick(['džeparac', 'dzeparac', 'za užinu'])), amount: () => a }; },
  cleaner(name, a, freq = 'weekly') { return { key: 'cleaning', cat: 'transfer', dir: 'outgoing', freq, amtType: 'fixed', desc: () => ipsOut(name, pick(['čišćenje', 'ciscenje stana', 'spremanje'])), amount: () => a }; },
  betting(a) { const b = pick(['MOZZART', 'MAXBET', 'SOCCERBET', 'MERIDIANBET']); return { key: 'betting', cat: 'entertainment', dir: 'outgoing', freq: 'weekly', amtType: 'fixed', desc: (i, d) => pick([`${b} ONLINE UPLATA ${digits(6)}`, `Kupovina karticom ${b} WEB ${dmy(d)}`, `Uplata na ${b.toLowerCase()} nalog`]), amount: () => a }; },
  veggieBox() { const n = pick(['Zeleni Kutak dostava', 'Bašta na klik', 'Farma Vranić kutija']); return { key: 'veggie-box', cat: 'groceries', dir: 'outgoing', freq: 'weekly', amtType: 'variable', desc: (i, d) => cardLine(n, '', d, 0, pick(CARD_WRAPPERS)), amount: () => ri(18, 32) * 100 }; },
  football(a) { const n = pick(['SC Olimp mali fudbal', 'Sportski centar Voždovac teren', 'Balon sala Ekonomist']); return { key: 'football', cat: 'entertainment', dir: 'outgoing', freq: 'weekly', amtType: 'fixed', desc: (i, d) => cardLine(n, '', d, a), amount: () => a }; },
  courier() { const n = pick(['Glovo isplata kurir', 'WOLT PARTNER ISPLATA', 'Glovoapp payout']); return { key: 'courier-payout', cat: 'salary', dir: 'incoming', freq: 'weekly', amtType: 'variable', desc: () => `${n} ${digits(6)}`, amount: () => money(rf(6000, 19000)) }; },
  tutor(name, a) { return { key: 'tutoring', cat: 'transfer', dir: 'outgoing', freq: 'weekly', amtType: 'fixed', desc: () => ipsOut(name, pick(['čas matematike', 'casovi', 'engleski čas'])), amount: () => a }; },
  parentsIn(name, a) { return { key: 'from-parents', cat: 'transfer', dir: 'incoming', freq: 'weekly', amtType: 'fixed', desc: () => inLine(name, pick(['džeparac', '', 'za nedelju'])), amount: () => a }; },
  // biweekly
  deel(usd) { const n = pick(['Ino priliv DEEL INC payroll', 'Priliv iz inostranstva Remote Technology Inc', 'INO PRILIV TOPTAL LLC']); return { key: 'payroll', cat: 'salary', dir: 'incoming', freq: 'biweekly', amtType: 'variable', desc: () => n, amount: () => money(usd * rf(99, 104)) }; },
  nanny(name, a) { return { key: 'nanny', cat: 'transfer', dir: 'outgoing', freq: 'biweekly', amtType: 'fixed', desc: () => ipsOut(name, pick(['čuvanje deteta', 'bebisiting', 'za čuvanje'])), amount: () => a }; },
  parentsOut(name, a) { return { key: 'to-parents', cat: 'transfer', dir: 'outgoing', freq: 'biweekly', amtType: 'fixed', desc: () => ipsOut(name, pick(['pomoć', 'za mamu', 'za lekove'])), amount: () => a }; },
  water() { const n = pick(['AQUA VIVA DOSTAVA', 'Voda Vrnjci isporuka', 'Rosa dostava vode']); return { key: 'water-delivery', cat: 'groceries', dir: 'outgoing', freq: 'biweekly', amtType: 'fixed', desc: (i, d) => cardLine(n, '', d, 0), amount: () => 1680 }; },
  catering() { const n = pick(['Ketering Dobar Zalogaj', 'Fit Obrok dostava', 'Zdrava Kutija ketering']); return { key: 'catering', cat: 'dining', dir: 'outgoing', freq: 'biweekly', amtType: 'fixed', desc: () => tx(`${pick(['IPS', 'Uplata', 'Nalog'])} ${n} paket 10 obroka`), amount: () => 7900 }; },
  freelanceBi(a) { const emp = pick(EMPLOYERS); return { key: 'contract-pay', cat: 'salary', dir: 'incoming', freq: 'biweekly', amtType: 'variable', desc: () => tx(`Honorar po ugovoru ${emp}`, { up: 0.1, st: 0.3 }), amount: () => money(a * rf(0.8, 1.2)) }; },
  // quarterly
  propTax(city, a) { return { key: 'property-tax', cat: 'utilities', dir: 'outgoing', freq: 'quarterly', amtType: 'fixed', day: 14, jitter: 1, desc: (i, d) => orderLine(`LPA ${city}`, `porez na imovinu ${d.getUTCFullYear()} kvartal`), amount: () => a }; },
  insuranceQ(a) { const n = pick(['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje', 'Wiener Städtische']); return { key: 'insurance', cat: 'utilities', dir: 'outgoing', freq: 'quarterly', amtType: 'fixed', jitter: 3, desc: () => orderLine(n, `polisa ${digits(8)} rata`), amount: () => a }; },
  interestQ() { return { key: 'interest', cat: 'transfer', dir: 'incoming', freq: 'quarterly', amtType: 'variable', jitter: 0, day: 31, desc: () => pick(['Pripis kamate na štednju', 'Kamata na štedni depozit', 'PRIPIS KAMATE']), amount: () => money(rf(120, 2500)) }; },
  tennisQ(a) { return { key: 'club-fee', cat: 'entertainment', dir: 'outgoing', freq: 'quarterly', amtType: 'fixed', desc: () => tx(`Članarina ${pick(['Teniski klub Ace', 'Plivački klub Vojvodina', 'Šahovski klub Slavija'])} kvartal`), amount: () => a }; },
  waterQ(city, base) { return { key: 'water-quarterly', cat: 'utilities', dir: 'outgoing', freq: 'quarterly', amtType: 'variable', desc: () => orderLine(`JKP Vodovod ${city}`, 'tromesečni račun'), amount: () => money(base * rf(0.8, 1.25)) }; },
  // annual
  registration() { return { key: 'car-registration', cat: 'transport', dir: 'outgoing', freq: 'annually', amtType: 'variable', jitter: 5, desc: () => tx(pick(['AMSS registracija vozila', 'Registracija vozila Auto Centar Tehnički', 'Tehnički pregled i registracija'])), amount: () => ri(18000, 32000) }; },
  m365y() { return { key: 'microsoft-365', cat: 'subscriptions', dir: 'outgoing', freq: 'annually', amtType: 'fixed', jitter: 1, desc: (i, d) => onlineLine(pick(['MICROSOFT*365 FAMILY', 'Microsoft*Subscription msbill.info']), d), amount: () => money(99 * rate() * rf(1.005, 1.015)) }; },
  cardFeeY() { return { key: 'card-annual-fee', cat: 'transfer', dir: 'outgoing', freq: 'annually', amtType: 'fixed', jitter: 0, desc: () => 'Godišnja članarina za kreditnu karticu', amount: () => 2400 }; },
  kaskoY(a) { return { key: 'car-insurance', cat: 'utilities', dir: 'outgoing', freq: 'annually', amtType: 'fixed', jitter: 4, desc: () => orderLine(pick(['DDOR Novi Sad', 'Dunav osiguranje']), 'autoodgovornost polisa'), amount: () => a }; },
  domainY() { return { key: 'domain', cat: 'subscriptions', dir: 'outgoing', freq: 'annually', amtType: 'fixed', jitter: 2, desc: (i, d) => onlineLine(pick(['NAMECHEAP.COM RENEWAL', 'mCloud domen i hosting']), d), amount: () => 3600 }; },
  primeY() { return { key: 'amazon-prime', cat: 'subscriptions', dir: 'outgoing', freq: 'annually', amtType: 'fixed', jitter: 1, desc: (i, d) => onlineLine('AMAZON PRIME *RENEWAL DE', d), amount: () => money(89.9 * rate() * rf(1.005, 1.015)) }; },
};

const HOMES = ['Beograd', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Čačak', 'Zrenjanin', 'Kraljevo', 'Pančevo', 'Leskovac', 'Užice', 'Sombor', 'Vranje', 'Šabac', 'Valjevo', 'Novi Pazar'];
const PERSONAS = ['IT developer', 'teacher', 'nurse', 'retired couple', 'student', 'courier', 'shop manager', 'freelance designer', 'young family', 'engineer', 'pensioner', 'doctor', 'accountant', 'construction worker', 'remote contractor', 'single parent', 'lawyer', 'waiter', 'farmer', 'civil servant'];
const TODAYS = ['2026-11-28', '2026-11-30', '2026-12-01', '2026-12-03', '2026-12-05', '2026-11-20', '2026-10-31', '2026-12-06', '2026-11-15'];

const histories = [];
const NH = 44;
for (let h = 1; h <= NH; h++) {
  const id = `c${pad(h)}`;
  const long = h % 8 === 0; // hosts annual streams
  const months = long ? ri(26, 27) : ri(6, 12);
  const home = pick(HOMES);
  const bank = pick(BANKS);
  const persona = PERSONAS[(h * 7) % PERSONAS.length];
  const today = pick(TODAYS);
  const streams = [];
  const used = new Set();
  const add = (s) => { if (!used.has(s.key)) { used.add(s.key); streams.push(s); } };

  // income
  if (/pension|retired/.test(persona)) add(ST.pension(ri(32, 78) * 1000 + ri(0, 999) + 0.0));
  else if (persona === 'remote contractor' || (persona === 'IT developer' && chance(0.5))) add(W.deel(ri(1400, 2600)));
  else if (persona === 'courier') add(W.courier());
  else if (persona === 'student') { add(W.parentsIn(personA(), pick([2000, 3000, 5000]))); }
  else if (persona === 'freelance designer') add(W.freelanceBi(ri(30, 70) * 1000));
  else add(ST.salary(pick(EMPLOYERS), ri(70, 240) * 1000));

  // housing
  if (chance(0.45) && !/pension|retired/.test(persona)) add(chance(0.6) ? ST.rent(personA(), ri(25, 70) * 1000) : ST.rentEur(personA(), pick([300, 350, 400, 450, 500])));
  else if (chance(0.4)) add(ST.loan(ri(18, 75) * 1000));

  // utilities
  if (home === 'Beograd') { add(ST.util('infostan')); add(ST.util('eps')); }
  else { add(ST.util('eps')); if (chance(0.7)) add(ST.util('toplana', home)); if (chance(0.7)) add(ST.util('vodovod', home)); if (chance(0.3)) add(ST.util('cistoca', home)); }
  add(ST.util(pick(['mts', 'a1', 'yettel'])));
  if (chance(0.6)) add(ST.util(pick(['sbb', 'orion', 'mts'])));
  if (chance(0.3)) add(ST.util('zgrada'));
  if (chance(0.2) && home !== 'Beograd') add(ST.util('gas'));
  if (chance(0.7)) add(ST.accountFee(pick([99, 150, 199, 240, 290, 350]), bank));

  // subscriptions (1-4)
  const subNames = ['netflix', 'spotify', 'hbomax', 'youtube', 'icloud', 'googleone', 'chatgpt', 'disney', 'deezer', 'canva', 'applemusic', 'googleplay', 'news', 'psplus', 'gamepass', 'storytel', 'adobe', 'dropbox', 'patreon'];
  const nSub = /pension|retired/.test(persona) ? ri(0, 1) : ri(1, 4);
  for (let k = 0; k < nSub; k++) {
    const n = pick(subNames);
    const variant = rnd();
    add(ST.sub(n, variant < 0.3 ? { multiWrap: true } : variant < 0.5 && months >= 8 ? { priceStep: 0.6 } : {}));
  }
  if (chance(0.3)) add(ST.gym(pick(['Fitnes klub Energija', 'TERETANA TITAN', 'GYM BOX 3', 'Fitpass Basic', 'Joga studio Prana']), pick([2500, 3000, 3500, 4200, 5900])));

  // frequency coverage
  if (h % 2 === 0 || chance(0.3)) {
    const w = pick(['pocket', 'cleaner', 'betting', 'veggie', 'football', 'tutor']);
    if (w === 'pocket') add(W.pocket(personA(), pick([1000, 1500, 2000])));
    if (w === 'cleaner') add(W.cleaner(personA(), pick([2500, 3000, 3500])));
    if (w === 'betting') add(W.betting(pick([500, 1000, 2000])));
    if (w === 'veggie') add(W.veggieBox());
    if (w === 'football') add(W.football(pick([600, 800, 1000])));
    if (w === 'tutor') add(W.tutor(personA(), pick([1500, 2000, 2500])));
  }
  if (h % 2 === 1 || chance(0.3)) {
    const b = pick(['nanny', 'parents', 'water', 'catering', 'cleaner']);
    if (b === 'nanny') add(W.nanny(personA(), pick([8000, 10000, 12000])));
    if (b === 'parents') add(W.parentsOut(personA(), pick([3000, 5000, 7000])));
    if (b === 'water') add(W.water());
    if (b === 'catering') add(W.catering());
    if (b === 'cleaner') add(W.cleaner(personA(), pick([4000, 5000]), 'biweekly'));
  }
  for (let qn = 0; qn < (long ? 2 : 1); qn++) if (long || (months >= 8 && (h % 2 === 1 || chance(0.45)))) {
    const q = pick(['tax', 'ins', 'int', 'club', 'waterq']);
    if (q === 'tax') add(W.propTax(home, ri(25, 90) * 100));
    if (q === 'ins') add(W.insuranceQ(ri(30, 90) * 100));
    if (q === 'int') add(W.interestQ());
    if (q === 'club') add(W.tennisQ(pick([6000, 9000, 12000])));
    if (q === 'waterq') add(W.waterQ(home, rf(2500, 6000)));
  }
  if (long) { add(pick([W.registration, W.m365y, W.cardFeeY, W.domainY, W.primeY])()); add(pick([W.kaskoY.bind(null, ri(14, 30) * 1000), W.registration, W.m365y, W.cardFeeY])()); }

  // inactive streams: stop one subscription or a weekly/biweekly stream early
  const stoppable = streams.filter((s) => ['subscriptions', 'entertainment'].includes(s.cat) || s.freq === 'weekly' || s.freq === 'biweekly' || s.key === 'rent' || s.key === 'loan');
  if ((h % 3 !== 1 || chance(0.3)) && stoppable.length) {
    const s = pick(stoppable);
    const days = Math.round(months * 30.4);
    const per = PERIOD[s.freq];
    const minStop = Math.ceil(2 * per + 3);
    const maxStop = days - Math.ceil(per * 4);
    if (maxStop > minStop && s.key !== 'salary' && s.dir === 'outgoing') { s.stopBefore = ri(minStop, maxStop); s.firstOffset = ri(0, 10); }
  }
  // skipped month in some monthly utilities
  for (const s of streams) if (s.freq === 'monthly' && s.cat === 'utilities' && chance(0.25)) s.skip = true;
  // quarterly / annual must start early enough to get 3+ occurrences
  for (const s of streams) {
    if (s.freq === 'quarterly' && s.firstOffset == null) s.firstOffset = ri(0, Math.max(0, Math.round(months * 30.4) - 2 * 91 - 45));
    if (s.freq === 'annually' && s.firstOffset == null) s.firstOffset = ri(6, Math.max(6, Math.round(months * 30.4) - 2 * 365 - 12));
  }

  // one-off purchases at a stream merchant (Apple.com/bill rental, extra bet, etc.)
  const noiseBase = makeNoise({ city: home, bank, cardWrapper: pick(CARD_WRAPPERS), car: chance(0.6) });
  const extras = [];
  if (streams.some((s) => s.key === 'icloud' || s.key === 'applemusic')) extras.push(() => ({ d: tx(pick(['APPLE.COM/BILL ITUNES.COM IE', 'Apple.com/bill Cork IE'])), a: -money(pick([3.99, 4.99, 12.99]) * rate()), cat: 'subscriptions' }));
  if (streams.some((s) => s.key === 'betting')) extras.push(() => ({ d: cardLine(pick(['MOZZART ###', 'MAXBET ###']).replace(/#/g, () => ri(0, 9)), home, D('2026-06-01'), 0), a: -ri(2, 40) * 100, cat: 'entertainment' }));
  const noiseGen = (d) => (extras.length && chance(0.03) ? pick(extras)() : noiseBase(d));

  const cfg = { today, months, noise: rf(0.5, 1.2), noiseGen, note: `${persona}, ${home}; ${bank}; ${months} months`, streams };
  histories.push(buildHistory(id, cfg));
}
writeFileSync(join(OUT, 'recurring-blind.json'), JSON.stringify(histories, null, 1) + '\n');

// ================================================================ summary
const catCounts = {};
for (const r of rows) catCounts[r.category] = (catCounts[r.category] || 0) + 1;
const freq = {}; let act = 0, inact = 0, nStreams = 0, nTx = 0; const byType = {}; const byDir = {};
for (const h of histories) {
  nTx += h.transactions.length;
  for (const s of h.streams) { nStreams++; freq[s.frequency] = (freq[s.frequency] || 0) + 1; s.is_active ? act++ : inact++; byType[s.amount_type] = (byType[s.amount_type] || 0) + 1; byDir[s.direction] = (byDir[s.direction] || 0) + 1; }
}
const summary = {
  seed: SEED,
  categorize: { rows: rows.length, per_category: Object.fromEntries(Object.entries(catCounts).sort()) },
  recurring: {
    histories: histories.length, transactions: nTx, streams: nStreams,
    streams_per_frequency: Object.fromEntries(['weekly', 'biweekly', 'monthly', 'quarterly', 'annually'].map((f) => [f, freq[f] || 0])),
    active: act, inactive: inact, amount_type: byType, direction: byDir,
    months_min: Math.min(...histories.map((h) => +h.note.match(/(\d+) months/)[1])), months_max: Math.max(...histories.map((h) => +h.note.match(/(\d+) months/)[1])),
  },
};
writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify(summary, null, 2));
