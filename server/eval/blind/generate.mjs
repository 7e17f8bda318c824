// Blind evaluation set generator for Serbian bank statements.
// Plain Node (>=18), no dependencies, deterministic seed.  Usage: node generate.mjs
// Writes categorize-blind.tsv and recurring-blind.json next to this file.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = dirname(fileURLToPath(import.meta.url));
const SEED = 20261206;

// ---------------------------------------------------------------- PRNG
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(SEED);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const rf = (a, b) => a + rnd() * (b - a);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const digits = (n) => Array.from({ length: n }, () => ri(0, 9)).join('');
function wpick(obj) { // {key: weight}
  const tot = Object.values(obj).reduce((s, x) => s + x, 0);
  let r = rnd() * tot;
  for (const [k, w] of Object.entries(obj)) { r -= w; if (r < 0) return k; }
  return Object.keys(obj)[0];
}

// ---------------------------------------------------------------- text helpers
const ASCII = { 'č': 'c', 'ć': 'c', 'š': 's', 'ž': 'z', 'đ': 'dj', 'Č': 'C', 'Ć': 'C', 'Š': 'S', 'Ž': 'Z', 'Đ': 'Dj' };
const ascii = (s) => s.replace(/[čćšžđČĆŠŽĐ]/g, (c) => ASCII[c]).replace(/Dj(?=[A-Z])/g, 'DJ');
const LAT2CYR = [
  ['dž', 'џ'], ['Dž', 'Џ'], ['DŽ', 'Џ'], ['lj', 'љ'], ['Lj', 'Љ'], ['LJ', 'Љ'], ['nj', 'њ'], ['Nj', 'Њ'], ['NJ', 'Њ'],
  ['x', 'кс'], ['X', 'КС'], ['w', 'в'], ['W', 'В'], ['q', 'к'], ['Q', 'К'], ['y', 'ј'], ['Y', 'Ј'],
];
const SINGLE = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function cyr(s) {
  for (const [a, b] of LAT2CYR) s = s.split(a).join(b);
  return [...s].map((ch) => {
    const lo = ch.toLowerCase();
    if (SINGLE[lo]) return ch === lo ? SINGLE[lo] : SINGLE[lo].toUpperCase();
    return ch;
  }).join('');
}
const title = (s) => s.toLowerCase().replace(/(^|[\s\-\/(.])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
function caseVar(s) {
  const r = rnd();
  if (r < 0.45) return s;
  if (r < 0.75) return s.toUpperCase();
  if (r < 0.9) return title(s);
  return s.toLowerCase();
}

// ---------------------------------------------------------------- calendar
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const MONTHS_GEN = ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'];
const D = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const iso = (dt) => dt.toISOString().slice(0, 10);
const addDays = (dt, n) => new Date(dt.getTime() + n * 86400000);
const dayDiff = (a, b) => Math.round((b - a) / 86400000);
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function addMonths(dt, n) {
  const y = dt.getUTCFullYear(), m = dt.getUTCMonth() + n;
  const yy = y + Math.floor(m / 12), mm = ((m % 12) + 12) % 12;
  return D(yy, mm + 1, Math.min(dt.getUTCDate(), daysInMonth(yy, mm + 1)));
}
const dmy = (dt) => `${pad(dt.getUTCDate())}.${pad(dt.getUTCMonth() + 1)}.${dt.getUTCFullYear()}`;
const dmy2 = (dt) => `${pad(dt.getUTCDate())}.${pad(dt.getUTCMonth() + 1)}.${String(dt.getUTCFullYear()).slice(2)}`;
const hm = () => `${pad(ri(7, 22))}:${pad(ri(0, 59))}`;
const monthName = (dt, off = 0) => MONTHS[(dt.getUTCMonth() + off + 12) % 12];
const prevMonth = (dt) => addMonths(D(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 1), -1);
function randDate(from, to) { return addDays(from, ri(0, dayDiff(from, to))); }

// ---------------------------------------------------------------- people, places
const FIRST_M = ['Marko', 'Nikola', 'Stefan', 'Miloš', 'Luka', 'Nemanja', 'Aleksandar', 'Dušan', 'Milan', 'Jovan', 'Petar', 'Vladimir', 'Đorđe', 'Uroš', 'Dragan', 'Zoran', 'Goran', 'Bojan', 'Ivan', 'Srđan', 'Dejan', 'Vuk', 'Filip', 'Lazar', 'Mihajlo', 'Branislav', 'Žarko', 'Radovan', 'Slobodan', 'Predrag'];
const FIRST_F = ['Ana', 'Jelena', 'Milica', 'Marija', 'Jovana', 'Ivana', 'Tijana', 'Dragana', 'Snežana', 'Teodora', 'Katarina', 'Sanja', 'Maja', 'Nataša', 'Biljana', 'Gordana', 'Vesna', 'Sofija', 'Anđela', 'Nevena', 'Ljiljana', 'Mirjana', 'Danijela', 'Bojana', 'Jasmina'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Kostić', 'Živković', 'Todorović', 'Ristić', 'Savić', 'Lazić', 'Mitrović', 'Radović', 'Kovačević', 'Tomić', 'Simić', 'Obradović', 'Vasić', 'Janković', 'Đukić', 'Lukić', 'Mladenović', 'Šarić', 'Knežević', 'Babić', 'Ćirić', 'Filipović', 'Antić', 'Vuković', 'Nešić', 'Zdravković', 'Gajić', 'Bošković', 'Matić'];
function person() {
  const f = chance(0.5) ? pick(FIRST_M) : pick(FIRST_F);
  return { f, l: pick(LAST) };
}
function personText(p, style) {
  style = style ?? ri(0, 5);
  switch (style) {
    case 0: return `${p.f} ${p.l}`;
    case 1: return ascii(`${p.l} ${p.f}`).toUpperCase();
    case 2: return ascii(`${p.f} ${p.l}`);
    case 3: return `${p.l.toUpperCase()} ${p.f.toUpperCase()}`;
    case 4: return `${p.f} ${p.l[0]}.`;
    default: return cyr(`${p.f} ${p.l}`);
  }
}
const CITIES = ['Beograd', 'Beograd', 'Beograd', 'Novi Beograd', 'Zemun', 'Vračar', 'Novi Sad', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Zrenjanin', 'Pančevo', 'Čačak', 'Kraljevo', 'Novi Pazar', 'Smederevo', 'Leskovac', 'Valjevo', 'Šabac', 'Užice', 'Vranje', 'Sombor', 'Kruševac', 'Jagodina', 'Zaječar', 'Pirot', 'Loznica', 'Sremska Mitrovica', 'Borča', 'Obrenovac', 'Kikinda', 'Vršac', 'Inđija', 'Gornji Milanovac', 'Aranđelovac'];
const HOODS = { Beograd: ['Dorćol', 'Vračar', 'Zvezdara', 'Voždovac', 'Karaburma', 'Banovo brdo', 'Čukarica', 'Palilula', 'Savski venac', 'Žarkovo', 'Konjarnik', 'Bežanijska kosa'], 'Novi Sad': ['Liman', 'Grbavica', 'Detelinara', 'Petrovaradin', 'Novo naselje', 'Telep'], Niš: ['Pantelej', 'Medijana', 'Palilula', 'Crveni krst'] };
const BANK_PREFIX = { Raiffeisen: '265', Intesa: '160', OTP: '325', Erste: '340', AIK: '105', UniCredit: '170', Addiko: '165', Postanska: '200', NLB: '310', ProCredit: '220', Yettel: '115' };
const ALL_PREFIX = [...Object.values(BANK_PREFIX), '205', '330', '150', '155'];
const account = (pre) => `${pre ?? pick(ALL_PREFIX)}-${digits(13)}-${digits(2)}`;
const accountShort = (pre) => `${pre ?? pick(ALL_PREFIX)}${digits(ri(8, 13))}${digits(2)}`;
const pnb = () => pick([`97 ${digits(2)}-${digits(3)}-${digits(3)}`, `97 ${digits(12)}`, `${digits(10)}`, `00 ${digits(4)}/${digits(3)}`, `${digits(2)}-${digits(6)}-${digits(2)}`, `97 ${digits(2)}${digits(8)}`]);

// ---------------------------------------------------------------- merchants
// [category, forms(|-separated), min RSD, max RSD, flags]
// flags: st = append a store/branch number sometimes; on:<LOC;LOC> = online/foreign, loc list; c:<City> fixed city; int = integer amounts
const M = [
  // groceries: chains
  ['groceries', 'MAXI|Maxi|DELHAIZE SERBIA MAXI|MAXI MARKET|МАКСИ|Maxi Maxi DOO', 180, 9500, 'st'],
  ['groceries', 'IDEA|Idea|MERCATOR-S IDEA|IDEA SUPER|ИДЕА|Idea prodavnica', 150, 8800, 'st'],
  ['groceries', 'LIDL SRBIJA KD|LIDL|Lidl Srbija|LIDL SRBIJA|ЛИДЛ', 300, 12000, 'st'],
  ['groceries', 'UNIVEREXPORT|Univerexport|UNIVEREXPORT DOO|UNIVER', 150, 7000, 'st'],
  ['groceries', 'DIS DOO|DIS MARKET|Dis market|ДИС', 250, 9000, 'st'],
  ['groceries', 'RODA|Roda megamarket|RODA MEGA', 400, 11000, 'st'],
  ['groceries', 'MERCATOR|Mercator hipermarket|MERCATOR-S', 400, 13000, 'st'],
  ['groceries', 'AMAN|Aman DOO|AMAN MARKET|АМАН', 120, 4500, 'st'],
  ['groceries', 'TEMPO|Tempo|TEMPO CENTAR', 400, 12000, 'st'],
  ['groceries', 'GOMEX|Gomex|GOMEX DOO', 150, 6000, 'st'],
  ['groceries', 'TROPIC|Tropic market|TROPIC DOO', 150, 5000, 'st'],
  ['groceries', 'SHOP&GO|Shop&Go|SHOP & GO', 100, 2500, 'st'],
  ['groceries', 'PERSPEKTIVA|Perspektiva market', 100, 2200, 'st'],
  ['groceries', 'DM DROGERIE MARKT|dm drogerie|DM-DROGERIE MARKT DOO|ДМ дрогерие', 250, 5500, 'st'],
  ['groceries', 'LILLY DROGERIE|Lilly drogerie|LILLY', 200, 4500, 'st'],
  ['groceries', 'APOTEKA BENU|Benu apoteka|BENU|ФАРМАЦИЈА БЕНУ', 150, 6500, 'st'],
  ['groceries', 'APOTEKA JANKOVIC|Apoteka Janković|JANKOVIC', 200, 5000, 'st'],
  ['groceries', 'APOTEKA ZEGIN|Zegin apoteka', 150, 4000, 'st'],
  ['groceries', 'APOTEKA BEOGRAD|Апотека Београд|AU APOTEKA BEOGRAD', 100, 3500, 'st'],
  ['groceries', 'BEOLAB|Beolab laboratorija', 1500, 12000, ''],
  ['groceries', 'POLIKLINIKA MEDIGROUP|MediGroup|BEL MEDIC|Bel Medic', 2500, 18000, ''],
  ['groceries', 'IKEA SRBIJA|IKEA Beograd|IKEA', 500, 45000, 'c:Beograd'],
  ['groceries', 'JYSK|Jysk DOO', 700, 25000, 'st'],
  ['groceries', 'EMMEZETA|Emmezeta', 900, 30000, 'st'],
  ['groceries', 'GIGATRON|Gigatron', 1000, 95000, 'st'],
  ['groceries', 'TEHNOMANIJA|Tehnomanija DOO', 1500, 80000, 'st'],
  ['groceries', 'WINWIN|WinWin shop|WIN WIN', 1200, 110000, 'st'],
  ['groceries', 'ZARA SRB|ZARA|Zara Usce', 1500, 14000, ''],
  ['groceries', 'H&M|H & M Hennes|HM SRB', 900, 9000, ''],
  ['groceries', 'LC WAIKIKI|LCW', 700, 7000, ''],
  ['groceries', 'DEICHMANN|Deichmann obuca', 2500, 11000, ''],
  ['groceries', 'OFFICE SHOES|Office Shoes Srbija', 4000, 18000, ''],
  ['groceries', 'SPORT VISION|Sport Vision DOO', 2500, 22000, ''],
  ['groceries', 'ALIEXPRESS|AliExpress.com|ALIEXPRESS.COM', 300, 9000, 'on:LUXEMBOURG LU;SINGAPORE SG;HANGZHOU CN'],
  ['groceries', 'TEMU.COM|Temu|WWW.TEMU.COM', 400, 8000, 'on:DUBLIN IE;BOSTON US'],
  ['groceries', 'AMAZON.DE|AMZN Mktp DE|Amazon.de*', 1200, 25000, 'on:LUXEMBOURG LU;AMAZON.DE DE'],
  ['groceries', 'KIDS SHOP|Kids shop DOO|DECJA RADOST', 800, 9000, ''],
  ['groceries', 'METRO CASH & CARRY|METRO C&C', 2000, 25000, 'st'],
  ['groceries', 'ZOO HOBBY|Pet centar|Zoo hobby DOO', 400, 6000, ''],
  // dining
  ['dining', "MCDONALD'S|MC DONALDS|McDonalds|MCDONALDS", 350, 2600, 'st'],
  ['dining', 'KFC|KFC Srbija|KFC Usce', 450, 2500, 'st'],
  ['dining', 'BURGER KING|Burger King', 400, 2300, 'st'],
  ['dining', 'HLEB I KIFLE|Hleb i kifle|ХЛЕБ И КИФЛЕ', 90, 900, 'st'],
  ['dining', 'PEKABETA|Pekabeta|PEKABETA DOO', 80, 700, 'st'],
  ['dining', 'PEKARA TOMA|Toma pekara', 90, 800, 'st'],
  ['dining', 'WOLT|Wolt|WOLT.COM|Wolt Srbija', 700, 4200, 'on:BEOGRAD RS;HELSINKI FI;NOVI SAD RS'],
  ['dining', 'GLOVO|Glovo|GLOVOAPP|Glovo*', 600, 3800, 'on:BARCELONA ES;BEOGRAD RS'],
  ['dining', 'DONESI.COM|Donesi|DONESI', 700, 3500, 'on:BEOGRAD RS'],
  ['dining', 'WALTER|Walter ćevapi|WALTER SARAJEVSKI CEVAPI', 600, 2800, 'st'],
  ['dining', 'GYROS MASTER|Gyros Master', 450, 1600, 'st'],
  ['dining', 'GREENET|Greenet coffee', 250, 1200, 'st'],
  ['dining', 'KAFETERIJA|Kafeterija', 220, 1000, ''],
  ['dining', 'TRAG COFFEE|Trag', 250, 900, ''],
  ['dining', 'POSLASTICARNICA MAZA|Poslastičarnica Maza|Slatki kutak', 300, 1800, ''],
  ['dining', 'MAMMAS BISTRO|Mamma\'s', 1500, 6500, ''],
  ['dining', 'FRANS RESTORAN|Restoran Frans', 3500, 15000, 'c:Beograd'],
  ['dining', 'DUFFY|Duffy pizza', 900, 3200, ''],
  ['dining', 'TIPICO|Bistro Tipico', 800, 3000, ''],
  ['dining', 'STUDENTSKI CENTAR MENZA|SKC menza|Menza Studentski grad', 80, 400, ''],
  // transport
  ['transport', 'NIS PETROL|NIS PETROL BS|NIS A.D. PETROL|NIS BS|НИС ПЕТРОЛ', 1500, 9500, 'st'],
  ['transport', 'GAZPROM|GAZPROM BS|Gazprom benzinska', 1500, 9000, 'st'],
  ['transport', 'OMV SRBIJA|OMV|OMV 1037', 1500, 9500, 'st'],
  ['transport', 'MOL SERBIA|MOL|MOL SRBIJA DOO', 1500, 9500, 'st'],
  ['transport', 'LUKOIL|LUKOIL SRBIJA', 1200, 8500, 'st'],
  ['transport', 'EKO SERBIA|EKO|EKO BS', 1200, 8000, 'st'],
  ['transport', 'CARGO|CarGo|CAR:GO|CARGO TECH', 250, 2500, 'on:BEOGRAD RS;NOVI SAD RS'],
  ['transport', 'YANDEX.GO|Yandex Go|YANDEX GO', 250, 2200, 'on:BEOGRAD RS;AMSTERDAM NL'],
  ['transport', 'NAXI TAXI|Naxi taxi|NAXI', 300, 2500, 'c:Beograd'],
  ['transport', 'PINK TAXI|Pink taxi', 300, 2400, 'c:Beograd'],
  ['transport', 'BUSPLUS|BusPlus|BUS PLUS|APEX BUSPLUS', 89, 3300, 'c:Beograd'],
  ['transport', 'GSP NOVI SAD|JGSP Novi Sad|JGSP', 65, 2700, 'c:Novi Sad'],
  ['transport', 'NIS EKSPRES|Niš Ekspres|NIS-EKSPRES', 150, 2500, 'c:Niš'],
  ['transport', 'PARKING SERVIS|JKP Parking servis|PARKING SERVIS BGD', 60, 1800, 'c:Beograd'],
  ['transport', 'PUTEVI SRBIJE|Putevi Srbije putarina|PUTARINA', 150, 1800, ''],
  ['transport', 'SRBIJAVOZ|Srbijavoz|SRBIJA VOZ AD', 300, 2600, ''],
  ['transport', 'LASTA|Lasta AD|LASTA AUTOBUSKA', 500, 3500, ''],
  ['transport', 'BAS BEOGRAD|Autobuska stanica BAS', 200, 2500, 'c:Beograd'],
  ['transport', 'AIR SERBIA|AIRSERBIA.COM|JU AIR SERBIA', 9000, 65000, 'on:BEOGRAD RS'],
  ['transport', 'WIZZ AIR|WIZZAIR.COM|Wizz Air Hungary', 3500, 25000, 'on:BUDAPEST HU'],
  ['transport', 'FLIXBUS|FlixBus', 1500, 6000, 'on:MUNCHEN DE'],
  ['transport', 'AMSS TEHNICKI PREGLED|AMSS Tehnički pregled', 3500, 9000, ''],
  // entertainment
  ['entertainment', 'CINEPLEXX|Cineplexx|CINEPLEXX DELTA CITY|CINEPLEXX BIG', 450, 2800, ''],
  ['entertainment', 'ARENA CINEPLEX|Arena Cineplex', 400, 1900, 'c:Novi Sad'],
  ['entertainment', 'EVENTIM|EVENTIM.RS|Eventim SRB', 1500, 12000, 'on:BEOGRAD RS'],
  ['entertainment', 'TICKETS.RS|Tickets.rs', 1000, 8000, 'on:BEOGRAD RS'],
  ['entertainment', 'NARODNO POZORISTE|Narodno pozorište', 800, 3000, 'c:Beograd'],
  ['entertainment', 'MOZZART|Mozzart bet|MOZZART DOO', 200, 5000, 'st'],
  ['entertainment', 'MAXBET|MaxBet DOO', 200, 4000, 'st'],
  ['entertainment', 'SOCCERBET|Soccer bet', 200, 3500, 'st'],
  ['entertainment', 'MERIDIANBET|Meridian bet', 200, 4000, 'st'],
  ['entertainment', 'VULKAN KNJIZARE|Vulkan izdavaštvo|VULKAN ZNANJE', 600, 5000, 'st'],
  ['entertainment', 'DELFI KNJIZARE|Delfi knjižara|LAGUNA DELFI', 700, 5000, 'st'],
  ['entertainment', 'BOOKING.COM|Booking.com BV|BOOKING.COM HOTEL', 6000, 75000, 'on:AMSTERDAM NL'],
  ['entertainment', 'AIRBNB|AIRBNB * HMQ', 7000, 60000, 'on:DUBLIN IE;SAN FRANCISCO US'],
  ['entertainment', 'STEAMGAMES.COM|STEAM PURCHASE|Valve Steam', 400, 7500, 'on:BELLEVUE US;HAMBURG DE'],
  ['entertainment', 'PLAYSTATION NETWORK|PlayStation Store|SONY INTERACTIVE', 1200, 9000, 'on:LONDON GB'],
  ['entertainment', 'SPORTSKI CENTAR MILAN GALE MUSKATIROVIC|SC Tašmajdan bazen|BAZEN TASMAJDAN', 300, 1500, 'c:Beograd'],
  ['entertainment', 'BOWLING CENTAR|Bowling Beograd', 800, 3500, ''],
  ['entertainment', 'MUZEJ SAVREMENE UMETNOSTI|Muzej Nikole Tesle', 300, 1000, 'c:Beograd'],
  ['entertainment', 'EXIT FESTIVAL|EXIT FEST', 6000, 18000, 'on:NOVI SAD RS'],
  // subscriptions (one-off card lines; recurring ones generated separately)
  ['subscriptions', 'NETFLIX.COM|Netflix.com|NETFLIX', 1050, 2300, 'on:AMSTERDAM NL;LOS GATOS US'],
  ['subscriptions', 'SPOTIFY|PAYPAL *SPOTIFY|Spotify AB|SPOTIFY P2C4E7', 499, 1100, 'on:STOCKHOLM SE;LU'],
  ['subscriptions', 'HBO MAX|HBOMAX.COM|HBO Max', 690, 1100, 'on:AMSTERDAM NL;NEW YORK US'],
  ['subscriptions', 'DISNEY PLUS|DisneyPlus|DISNEY+', 700, 1200, 'on:LONDON GB;BURBANK US'],
  ['subscriptions', 'GOOGLE *YouTubePremium|GOOGLE YOUTUBE PREMIUM|YouTube Premium', 500, 1300, 'on:g.co/helppay# GB;DUBLIN IE'],
  ['subscriptions', 'GOOGLE *Google One|GOOGLE ONE|Google Storage', 230, 1200, 'on:g.co/helppay# GB;DUBLIN IE'],
  ['subscriptions', 'APPLE.COM/BILL|APPLE.COM BILL|iCloud Apple.com/bill', 120, 1500, 'on:CORK IE;ITUNES.COM IE'],
  ['subscriptions', 'MICROSOFT*365|MICROSOFT*MICROSOFT 365|MSFT *Microsoft 365', 800, 1200, 'on:msbill.info IE;DUBLIN IE'],
  ['subscriptions', 'OPENAI *CHATGPT SUBSCR|OPENAI|ChatGPT Plus', 2300, 2500, 'on:SAN FRANCISCO US;OPENAI.COM US'],
  ['subscriptions', 'ADOBE *CREATIVE CLOUD|Adobe Systems|ADOBE *PHOTOGPHY PLAN', 1400, 7000, 'on:DUBLIN IE;ADOBE.LY/ENIE IE'],
  ['subscriptions', 'DROPBOX*|Dropbox', 1300, 2200, 'on:DUBLIN IE'],
  ['subscriptions', 'CANVA* |Canva Pty', 1300, 1600, 'on:SYDNEY AU;SURRY HILLS AU'],
  ['subscriptions', 'DEEZER|Deezer.com', 550, 900, 'on:PARIS FR'],
  ['subscriptions', 'GOOGLE *Google Play|Google Play subscription|GOOGLE *Duolingo', 250, 1500, 'on:g.co/helppay# GB'],
  ['subscriptions', 'NOVA.RS PRETPLATA|Nedeljnik digitalna pretplata|POLITIKA E-PRETPLATA', 300, 900, 'on:BEOGRAD RS'],
  ['subscriptions', 'TIDAL|Tidal.com', 900, 1300, 'on:NEW YORK US;OSLO NO'],
];
const MERCH = M.map(([cat, forms, lo, hi, flags]) => ({ cat, forms: forms.split('|'), lo, hi, flags: flags || '' }));

// unknown local merchants: kind prefix x name x legal suffix
const LOCAL = {
  dining: { kinds: ['Restoran', 'Kafana', 'Pekara', 'Picerija', 'Caffe bar', 'Kafić', 'Bistro', 'Roštilj', 'Ćevabdžinica', 'Poslastičarnica', 'Pivnica', 'Burger bar', 'Palačinkarnica', 'Brza hrana', 'Pub', 'Giros', 'Buregdžinica', 'Caffe', 'Gostionica'], lo: 150, hi: 6500 },
  groceries: { kinds: ['Prodavnica', 'Mini market', 'Market', 'Butik', 'Apoteka', 'Mesara', 'Trafika', 'Samoposluga', 'Zdrava hrana', 'Voće i povrće', 'Drogerija', 'Stomatološka ordinacija', 'Optika', 'Pijaca', 'Cvećara', 'Papirnica', 'Gvožđara', 'Prodavnica obuće', 'Dečji butik'], lo: 80, hi: 9000 },
  transport: { kinds: ['Auto servis', 'Vulkanizer', 'Auto perionica', 'Perionica', 'Tehnički pregled', 'Auto delovi', 'Autoperionica', 'Servis guma'], lo: 400, hi: 28000 },
  entertainment: { kinds: ['Fitness centar', 'Teretana', 'Gym', 'Sportski centar', 'Bazen', 'Kuglana', 'Escape room', 'Bilijar klub', 'Knjižara', 'Teniski klub', 'Joga studio', 'Igraonica', 'Paintball klub', 'Pilates studio', 'Plesni studio', 'Bioskop'], lo: 300, hi: 6000 },
};
const LOCAL_NAMES = ['Kod Mike', 'Tri šešira', 'Sunce', 'Zlatni klas', 'Dva jelena', 'Stara Hercegovina', 'Mornar', 'Mala Italija', 'Lipa', 'Orač', 'Šumadija', 'Kod Žike', 'Zavičaj', 'Kalemegdan', 'Dunav', 'Oaza', 'Pahulja', 'Jelena', 'Bela ruža', 'Pod lipom', 'Lovac', 'Sremska kuća', 'Ambar', 'Mamma Mia', 'Napoli', 'Čubura', 'Zlatna ribica', 'Kraljica', 'Centar', 'Jovana', 'Sloga', 'Kod Gage', 'Bambi', 'Dunja', 'Maslačak', 'Lekovita biljka', 'Zdravlje', 'Morava', 'Zlatibor', 'Iva', 'Milenijum', 'Plavi dvor', 'Stari grad', 'Košuta', 'Vidikovac', 'Kod Bate', 'Nana', 'Đerdan', 'Amigo', 'Fenix', 'Ikar', 'Olimp', 'Spartak', 'Titan', 'Forma', 'Energija', 'Iskra', 'Luna', 'Mesečina', 'Vila', 'Krug', 'Tiha noć', 'Kod Pere', 'Brat', 'Tri kralja', 'Dva brata', 'Stepa', 'Grmeč', 'Raj', 'Mimoza', 'Jasen', 'Beli bor', 'Mozaik', 'Gradić', 'Pomorandža', 'Jagoda', 'Kupina', 'Sokolica', 'Proleće', 'Radost', 'Avlija', 'Ognjište', 'Vatra', 'Bosfor', 'Tiffany', 'Caffe Kiss', 'Lotos', 'Tašana'];
const LEGAL = ['DOO', 'D.O.O.', 'PR', 'SZR', 'STR', 'SUR', 'TR', 'UR', 'doo', 'preduzetnik'];
function localMerchant(cat) {
  const L = LOCAL[cat];
  const kind = pick(L.kinds), name = pick(LOCAL_NAMES);
  let s;
  const r = rnd();
  if (r < 0.35) s = `${kind} ${name}`;
  else if (r < 0.55) s = `${kind} "${name}"`;
  else if (r < 0.75) { const p = person(); s = `${pick(['SZR', 'STR', 'SUR', 'UR', 'TR'])} ${kind} ${name} PR ${ascii(p.f + ' ' + p.l)}`; }
  else if (r < 0.9) s = `${kind} ${name} ${pick(LEGAL)}`;
  else s = `${name} ${pick(LEGAL)}`.toUpperCase() + (cat === 'dining' ? ' ' + pick(['RESTORAN', 'KAFANA', 'PEKARA', 'CAFFE']) : cat === 'groceries' ? ' ' + pick(['MARKET', 'PRODAVNICA', 'APOTEKA']) : cat === 'transport' ? ' AUTO SERVIS' : ' FITNES');
  return { cat, text: s, lo: L.lo, hi: L.hi };
}

// ---------------------------------------------------------------- card wrappers per bank
const BANKS = ['Raiffeisen', 'Intesa', 'OTP', 'Erste', 'AIK', 'UniCredit', 'Addiko', 'Postanska', 'NLB', 'ProCredit', 'Yettel'];
const CARD = {
  Raiffeisen: [(c) => `Kupovina karticom ${c.m} ${c.loc}`, (c) => `POS ${c.d1} ${c.m} ${c.LOC}${c.rs}`, (c) => `KUPOVINA ${c.mask} ${c.m} ${c.LOC}`],
  Intesa: [(c) => `PLAĆANJE KARTICOM ${c.c4} ${c.m} ${c.LOC}`, (c) => `Kupovina ${c.mask} ${c.m} ${c.loc}${c.srb}`, (c) => `Placanje karticom ${c.m}>${c.LOC}${c.rs}`],
  OTP: [(c) => `POS KUPOVINA ${c.m} ${c.term} ${c.LOC}${c.rs}`, (c) => `POS ${c.m} ${c.LOC} ${c.d1}`, (c) => `E-COMMERCE ${c.m} ${c.LOC}`],
  Erste: [(c) => `Card payment ${c.m} ${c.loc} ${c.iso}`, (c) => `Kartično plaćanje ${c.m} ${c.LOC}`, (c) => `Kupovina ${c.m} ${c.loc} ${c.d1} ${c.t}`],
  AIK: [(c) => `Kupovina POS ${c.d1} ${c.m} ${c.LOC}`, (c) => `KUPOVINA NA POS TERMINALU ${c.m} ${c.LOC} ${c.c4}`, (c) => `Internet kupovina ${c.m} ${c.LOC}`],
  UniCredit: [(c) => `Shopping by card ${c.m} ${c.LOC}`, (c) => `Purchase ${c.m} ${c.loc}${c.rs}`, (c) => `Shopping by card ${c.xmask} ${c.m} ${c.LOC}`],
  Addiko: [(c) => `Purchase ${c.m} ${c.LOC} card ****${c.c4}`, (c) => `Kupovina - ${c.m}, ${c.loc}`, (c) => `Card purchase ${c.d2} ${c.m} ${c.LOC}`],
  Postanska: [(c) => `Плаћање картицом ${c.m} ${c.LOC}`, (c) => `PLACANJE KARTICOM VISA ${c.m} ${c.LOC}`, (c) => `Куповина ${c.d1} ${c.m} ${c.loc}`],
  NLB: [(c) => `KUPOVINA PLATNOM KARTICOM ${c.m} ${c.LOC}`, (c) => `Kupovina ${c.d1} ${c.t} ${c.m} ${c.loc}`, (c) => `POS PLACANJE ${c.mask} ${c.m} ${c.LOC}`],
  ProCredit: [(c) => `${c.iso} ${c.t} POS ${c.m} ${c.LOC}${c.srb}`, (c) => `Card transaction ${c.m} ${c.LOC}`, (c) => `Kupovina karticom ${c.xmask} ${c.m} ${c.loc}`],
  Yettel: [(c) => `Plaćanje karticom: ${c.m}, ${c.loc}`, (c) => `Kupovina ${c.m} ${c.loc} ${c.mask}`, (c) => `Card payment ${c.m} ${c.LOC}`],
};
function cardCtx(bank, m, loc, dt, foreign) {
  const c4 = digits(4);
  const LOCs = ascii(loc).toUpperCase();
  return {
    m, loc: chance(0.5) ? loc : ascii(loc), LOC: LOCs, d1: dmy(dt), d2: dmy2(dt), iso: iso(dt), t: hm(), c4,
    mask: pick([`4058******${c4}`, `5351********${c4}`, `****${c4}`, `9891 **** **** ${c4}`, `4249XXXXXXXX${c4}`]),
    xmask: `XXXX XXXX XXXX ${c4}`, term: pick([digits(4), digits(8), `TID${digits(6)}`]),
    rs: foreign ? '' : pick([' RS', ' RS', ' SRB', '']), srb: foreign ? '' : pick([' SRB', ' RS', '']),
  };
}
function merchantText(mer) {
  let m = pick(mer.forms);
  if (mer.flags.includes('st') && chance(0.55)) m += ' ' + pick([digits(3), digits(4), `PJ ${ri(1, 240)}`, `BR.${ri(1, 99)}`, `${pad(ri(1, 999), 4)}`]);
  if (/[А-я]/.test(m)) return m;
  if (chance(0.3)) m = ascii(m);
  return caseVar(m);
}
const HOME = { city: null }; // set while generating a history: most local shopping happens in the home town
function merchantLoc(mer) {
  const on = mer.flags.match(/on:([^ ]+.*)$/);
  if (on) return { loc: pick(on[1].split(';')), foreign: true };
  const fixed = mer.flags.match(/c:([^;]+)/);
  let city = fixed ? fixed[1] : HOME.city && chance(0.85) ? HOME.city : pick(CITIES);
  if (HOODS[city] && chance(0.3)) city = pick(HOODS[city]) + (chance(0.5) ? ' ' + city : '');
  return { loc: city, foreign: false };
}
function cardDesc(bank, mtext, loc, dt, foreign) {
  const c = cardCtx(bank, mtext, loc, dt, foreign);
  let s = pick(CARD[bank])(c);
  // extra noise: phone numbers, merchant id, terminal
  if (chance(0.08)) s += ` ${pick(['+381 11 ', '+381 21 ', '011/', '+381 63 '])}${digits(3)} ${digits(4)}`;
  if (chance(0.08)) s += ` MID ${digits(9)}`;
  if (chance(0.1)) s = s.toUpperCase();
  if (chance(0.2)) s = ascii(s);
  return s.replace(/\s+/g, ' ').trim();
}
// processors for online foreign merchants
function onlineText(m) {
  if (/^(PAYPAL|GOOGLE|APPLE|MSFT|MICROSOFT|OPENAI|ADOBE|AMZN)/i.test(m)) return m + (chance(0.5) ? ' ' + digits(ri(6, 11)) : '');
  const r = rnd();
  if (r < 0.12) return `PAYPAL *${m.toUpperCase().replace(/\s+/g, '')} ${digits(11)}`;
  if (r < 0.2) return `${m} ${pick(['*', '* ', ''])}${pick(['', 'ORDER ', 'REF '])}${digits(ri(6, 10))}`;
  return m;
}

// ---------------------------------------------------------------- amounts
function amountRSD(lo, hi, decimals = true) {
  // log-uniform-ish
  const v = Math.exp(rf(Math.log(lo), Math.log(hi)));
  if (!decimals || chance(0.35)) return Math.round(v / (v > 1000 ? 10 : 1)) * (v > 1000 ? 10 : 1);
  return Math.round(v * 100) / 100;
}

// ---------------------------------------------------------------- transaction text generators (category -> {desc, amount})
const EMPLOYERS = ['NIS A.D. NOVI SAD', 'TELEKOM SRBIJA AD', 'DELHAIZE SERBIA DOO', 'JP ELEKTROPRIVREDA SRBIJE', 'HEMOFARM AD VRSAC', 'NORDEUS DOO', 'MICROSOFT DEVELOPMENT CENTER SERBIA', 'CONTINENTAL AUTOMOTIVE SERBIA', 'ZF SRBIJA DOO PANCEVO', 'DOM ZDRAVLJA ZVEZDARA', 'OS VUK KARADZIC', 'UNIVERZITET U NOVOM SADU', 'INSTITUT VINCA', 'YURA CORPORATION DOO', 'STELLANTIS SRBIJA DOO', 'GRADSKA UPRAVA GRADA NISA', 'MINISTARSTVO FINANSIJA', 'HTEC GROUP DOO', 'SEVEN BRIDGES DOO', 'ENDAVA DOO', 'LEONI WIRING SYSTEMS SOUTHEAST DOO', 'TIGAR TYRES DOO', 'LINGLONG INTERNATIONAL EUROPE', 'KLINICKI CENTAR SRBIJE', 'JKP GRADSKO ZELENILO', 'BAMBI AD POZAREVAC', 'METALAC AD GORNJI MILANOVAC', 'PRODUKCIJA ZLATNA DOO', 'SZR KOD MIKE PR', 'CODE ENTWICKLUNG DOO', 'TIM PLUS KOMERC DOO', 'ELEKTRODISTRIBUCIJA SRBIJE', 'JP POSTA SRBIJE', 'POSTANSKA STEDIONICA AD'];
function salaryDesc(dt, bank, kind) {
  const prev = prevMonth(dt); const mn = MONTHS[prev.getUTCMonth()]; const y = prev.getUTCFullYear();
  const emp = pick(EMPLOYERS); const empC = chance(0.5) ? emp : title(emp);
  kind = kind ?? wpick({ zarada: 10, penzija: 3, dnevnice: 1.2, honorar: 1.5, bonus: 0.8, stip: 0.6, regres: 0.5, obrok: 0.4, avans: 1 });
  const T = {
    zarada: [() => `Zarada za ${mn} ${y}`, () => `Isplata zarade ${empC}`, () => `Plata - ${mn} ${y}`, () => `${emp} ZARADA`, () => `${emp} ZARADA ${pad(prev.getUTCMonth() + 1)}/${y}`, () => `Priliv ${empC} SP 240 zarada za ${mn}`, () => `Плата за ${cyr(mn)}`, () => `ZARADA ${pad(prev.getUTCMonth() + 1)}.${y} ${emp}`, () => `Salary ${title(mn)} ${y} ${emp}`, () => `Isplata plate ${empC} ${account()}`, () => `Konačni obračun zarade za ${mn} ${y}`, () => `Uplata zarade šifra 240 ${empC}`, () => `Зарада за ${cyr(mn)} ${y}. године`],
    penzija: [() => `Penzija ${mn} ${y}`, () => `PIO FOND ISPLATA PENZIJE`, () => `Republički fond PIO - penzija za ${mn}`, () => `Пензија за ${cyr(mn)} ${y}`, () => `PENZIJA ${pad(prev.getUTCMonth() + 1)}/${y} RF PIO`, () => `Isplata penzije`],
    dnevnice: [() => `Dnevnice službeni put ${empC}`, () => `Dnevnice za ${mn}`, () => `${emp} DNEVNICE SP 245`, () => `Isplata dnevnica - putni nalog ${ri(10, 999)}/${y}`],
    honorar: [() => `Honorar ugovor o delu ${empC}`, () => `Autorski honorar ${empC}`, () => `HONORAR ${emp}`, () => `Naknada po ugovoru o privremenim i povremenim poslovima`, () => `Upwork payment - freelance earnings`, () => `DEEL INC contractor payment ${mn}`],
    bonus: [() => `Bonus Q${ri(1, 4)} ${y} ${empC}`, () => `Godišnji bonus ${emp}`, () => `Isplata nagrade zaposlenima`],
    stip: [() => `Studentska stipendija ${mn}`, () => `Stipendija Fond za mlade talente`, () => `Ministarstvo prosvete - stipendija`],
    regres: [() => `Regres za godišnji odmor ${y}`, () => `${emp} REGRES`],
    obrok: [() => `Topli obrok ${mn} ${empC}`, () => `Naknada za ishranu u toku rada`],
    avans: [() => `Avans zarade ${mn}`, () => `Akontacija zarade za ${MONTHS[dt.getUTCMonth()]} ${dt.getUTCFullYear()}`, () => `${emp} AVANS`, () => `I deo zarade ${MONTHS[dt.getUTCMonth()]}`],
  };
  const amt = { zarada: [55000, 420000], penzija: [24000, 95000], dnevnice: [3000, 45000], honorar: [8000, 180000], bonus: [20000, 300000], stip: [8000, 28000], regres: [10000, 40000], obrok: [6000, 14000], avans: [25000, 120000] }[kind];
  return { desc: pick(T[kind])(), amount: amountRSD(amt[0], amt[1]) };
}

function transferRow(dt, bank) {
  const p = person();
  const kind = wpick({ ipsOut: 14, ipsIn: 8, nalog: 6, own: 3, savings: 4, atm: 12, exchange: 4, fee: 7, loan: 5, cardDebt: 2, wallet: 4, refund: 4, cashIn: 2, unknown: 3, trajni: 2 });
  const pt = personText(p);
  switch (kind) {
    case 'ipsOut': return { desc: pick([`IPS prenos ${pt}`, `IPS plaćanje ${pt} ${account()}`, `Instant transfer ${pt}`, `IPS ${pt} ${pick(['pozajmica', 'za ručak', 'vraćam dug', 'rođendan', 'poklon', 'za put', 'podela računa', ''])}`, `Prenos sredstava - ${pt}`, `IPS NBS prenos na račun ${account()} ${pt}`, `Uplata na račun ${ascii(pt)}`, `Slanje novca ${pt} +3816${ri(0, 9)}${digits(7)}`]).trim(), amount: -amountRSD(500, 60000, false) };
    case 'ipsIn': return { desc: pick([`IPS priliv ${pt}`, `Priliv od ${pt}`, `Uplata od ${pt}`, `IPS prenos od ${pt} ${account()}`, `Instant payment received ${ascii(pt)}`, `Priliv IPS ${pt} vraćam pare`, `Прилив ${cyr(p.f + ' ' + p.l)}`]), amount: amountRSD(500, 50000, false) };
    case 'nalog': return { desc: pick([`Nalog za prenos ${account()} ${pt} SP 289`, `Nalog za prenos - ${pt} šifra plaćanja 290`, `E-banking nalog ${ascii(pt)} ${account()}`, `Uplatnica ${pt} SP 289 poziv na broj ${pnb()}`, `Nalog za plaćanje ${account()} svrha: pozajmica`]), amount: -amountRSD(1000, 150000, false) };
    case 'own': return { desc: pick([`Prenos na sopstveni račun ${account(BANK_PREFIX[bank])}`, `Prenos između sopstvenih računa`, `Prenos sa tekućeg na devizni račun`, `Internal transfer to own account`, `Uplata na sopstveni račun ${accountShort()}`]), amount: (chance(0.5) ? -1 : 1) * amountRSD(2000, 200000, false) };
    case 'savings': return chance(0.5) ? { desc: pick([`Prenos sa štednje`, `Prenos sa štednog računa`, `Razročenje štednje`, `Isplata sa štednje ${account(BANK_PREFIX[bank])}`]), amount: amountRSD(5000, 300000, false) } : { desc: pick([`Prenos na štednju`, `Oročenje štednje 12M`, `Uplata na štedni račun`, `Štednja - prenos`, `Savings deposit`]), amount: -amountRSD(3000, 200000, false) };
    case 'atm': {
      const loc = ascii(pick(CITIES)).toUpperCase();
      return { desc: pick([`Isplata gotovine ATM ${bank.toUpperCase()} ${loc}`, `Podizanje gotovine bankomat ${loc} ${digits(6)}`, `ATM ISPLATA ${loc} ${dmy(dt)}`, `Cash withdrawal ATM ${loc} ****${digits(4)}`, `Isplata gotovine na bankomatu druge banke ${loc}`, `Исплата готовине банкомат ${cyr(title(loc))}`, `ATM ${pick(['EUROBANK DIREKTNA', 'INTESA', 'RAIFFEISEN', 'OTP', 'AIK'])} ${loc} ISPLATA`, `Podizanje gotovine ${pick(['Maxi', 'Idea', 'Lidl'])} cash back ${loc}`]), amount: -pick([1000, 2000, 3000, 5000, 5000, 10000, 10000, 15000, 20000, 30000, 40000]) };
    }
    case 'exchange': return chance(0.6) ? { desc: pick([`Kupoprodaja deviza - kupovina EUR`, `Menjačnica ${pick(LOCAL_NAMES)} kupovina EUR`, `Kupovina deviza po kursu ${rf(116.9, 117.6).toFixed(4)}`, `FX konverzija RSD-EUR`, `Конверзија динари у евре`]), amount: -amountRSD(5000, 150000, false) } : { desc: pick([`Kupoprodaja deviza - prodaja EUR`, `Menjačnica prodaja ${ri(50, 1000)} EUR`, `Konverzija EUR u RSD`, `Otkup deviza`]), amount: amountRSD(5000, 120000) };
    case 'fee': return { desc: pick([`Naknada za vođenje računa ${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()}`, `Provizija za nalog`, `Provizija`, `Članarina za karticu ${pick(['Visa', 'Mastercard', 'Dina'])}`, `Naknada za paket računa`, `NAKNADA ZA ODRZAVANJE RACUNA`, `Naknada za SMS servis`, `Provizija za platni promet`, `Godišnja članarina kreditne kartice`, `Наканада за вођење рачуна`.replace('Наканада', 'Накнада'), `Fee - account maintenance`, `Naknada za izdavanje kartice`]), amount: -amountRSD(30, 3600, false) };
    case 'loan': return { desc: pick([`Rata kredita ${digits(9)}`, `Rata kredita br. ${digits(6)}/${ri(19, 25)}`, `Otplata kredita - gotovinski`, `Naplata rate kredita ${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()}`, `Loan installment ${digits(8)}`, `Рата кредита`, `Naplata dospele obaveze po kreditu`, `Rata stambenog kredita`]), amount: -amountRSD(6000, 85000) };
    case 'cardDebt': return { desc: pick([`Otplata kreditne kartice`, `Uplata na kreditnu karticu ${pick(['Visa', 'Mastercard'])} ****${digits(4)}`, `Zaduženje kreditne kartice - izmirenje`]), amount: -amountRSD(3000, 80000) };
    case 'wallet': return { desc: cardDesc(bank, pick(['REVOLUT**' + digits(4) + '*', 'Revolut top-up', 'PAYPAL TOPUP', 'WISE EUROPE SA', 'Top-Up by *' + digits(4), 'SKRILL']), pick(['DUBLIN IE', 'LONDON GB', 'VILNIUS LT', 'BRUSSELS BE']), dt, true), amount: -amountRSD(1000, 60000, false) };
    case 'refund': { const mer = pick(MERCH.filter((m) => m.cat !== 'subscriptions')); return { desc: pick([`Povraćaj sredstava ${pick(mer.forms)}`, `Refund ${pick(mer.forms)}`, `Storno kupovine ${pick(mer.forms)}`, `Reklamacija - povrat novca ${pick(mer.forms)}`, `Povrat poreza PU`, `Povrat preplate ${pick(['EPS', 'Infostan', 'mts'])}`, `Credit voucher ${pick(mer.forms)}`]), amount: amountRSD(200, 20000) }; }
    case 'cashIn': return { desc: pick([`Uplata gotovine na šalteru`, `Uplata pazara`, `Polog gotovine ATM ${bank.toUpperCase()}`, `Cash deposit`]), amount: amountRSD(2000, 100000, false) };
    case 'unknown': return { desc: pick([`Plaćanje SP 289 poziv na broj ${pnb()}`, `Plaćanje ${account()}`, `Nalog ${digits(10)} SP 221`, `IPS plaćanje ${digits(12)}`, `Prenos ${dmy(dt)} ${digits(8)}`, `Uplatnica šifra plaćanja 290`]), amount: -amountRSD(300, 30000) };
    case 'trajni': return { desc: pick([`Trajni nalog - prenos ${pt}`, `Trajni nalog ${ascii(pt)} ${account()}`, `Trajni nalog štednja`, `Trajni nalog džeparac ${p.f}`]), amount: -amountRSD(2000, 30000, false) };
  }
}

const UTIL = [
  () => ({ t: pick(['EPS SNABDEVANJE', 'EPS Snabdevanje DOO', 'JP EPS BEOGRAD', 'ЕПС СНАБДЕВАЊЕ', 'Elektroprivreda Srbije']), kind: 'power', lo: 1500, hi: 14000 }),
  () => ({ t: pick(['JKP INFOSTAN TEHNOLOGIJE', 'Infostan', 'INFOSTAN TEHNOLOGIJE BEOGRAD', 'ИНФОСТАН ТЕХНОЛОГИЈЕ']), kind: 'city', lo: 3500, hi: 19000 }),
  () => ({ t: pick(['JKP Beogradske elektrane', 'BEOGRADSKE ELEKTRANE', 'Novosadska toplana', 'JKP GRADSKA TOPLANA NIS', 'JKP Toplana Kragujevac', 'TOPLANA SUBOTICA']), kind: 'heat', lo: 3000, hi: 16000 }),
  () => ({ t: pick(['JKP Vodovod i kanalizacija Novi Sad', 'JKP NAISSUS NIS', 'JKP Beogradski vodovod i kanalizacija', 'JKP Vodovod Kragujevac', 'VODOVOD CACAK']), kind: 'water', lo: 800, hi: 4500 }),
  () => ({ t: pick(['SRBIJAGAS', 'JP Srbijagas', 'Gas Novi Sad', 'Novi Sad Gas']), kind: 'gas', lo: 1500, hi: 12000 }),
  () => ({ t: pick(['JKP Čistoća', 'JKP Gradska čistoća', 'JKP Čistoća Novi Sad']), kind: 'waste', lo: 400, hi: 1500 }),
  () => ({ t: pick([`Stambena zajednica ${pick(['Bulevar kralja Aleksandra', 'Cara Dušana', 'Jurija Gagarina', 'Bulevar oslobođenja', 'Nemanjina', 'Takovska'])} ${ri(1, 180)}`, 'Profesionalni upravnik zgrade', 'Upravnik zgrade - tekuće održavanje', 'UPRAVNIK PLUS DOO', 'Stambena zajednica - investiciono održavanje']), kind: 'building', lo: 500, hi: 4500 }),
  () => ({ t: pick(['TELEKOM SRBIJA', 'mts racun', 'Telekom Srbija AD mts', 'MTS POSTPAID', 'мтс рачун', 'mts fiksni telefon']), kind: 'phone', lo: 900, hi: 6500 }),
  () => ({ t: pick(['A1 SRBIJA DOO', 'A1 Srbija', 'A1 RACUN', 'A1 postpaid']), kind: 'phone', lo: 900, hi: 5500 }),
  () => ({ t: pick(['YETTEL DOO', 'Yettel račun', 'YETTEL POSTPAID', 'Telenor Yettel']), kind: 'phone', lo: 900, hi: 5500 }),
  () => ({ t: pick(['SBB DOO', 'SBB Srbija', 'SBB - Serbia Broadband', 'SBB TV INTERNET']), kind: 'tv', lo: 2500, hi: 7500 }),
  () => ({ t: pick(['ORION TELEKOM', 'Orion telekom DOO', 'Supernova internet']), kind: 'tv', lo: 1800, hi: 4500 }),
  () => ({ t: pick(['DUNAV OSIGURANJE', 'Dunav osiguranje ADO', 'DDOR NOVI SAD', 'DDOR osiguranje', 'GENERALI OSIGURANJE SRBIJA', 'Wiener Städtische osiguranje', 'UNIQA osiguranje', 'Triglav osiguranje']), kind: 'ins', lo: 1500, hi: 45000 }),
  () => ({ t: pick(['Porez na imovinu', 'Lokalna poreska administracija - porez na imovinu', 'Republička administrativna taksa', 'Komunalna taksa', 'RZZO doprinos', 'Saobraćajna kazna MUP', 'Taksa za pasoš', 'Sudska taksa', 'Lokalna komunalna taksa za isticanje firme', 'Poreska uprava - porez na prihode']), kind: 'tax', lo: 300, hi: 30000 }),
  () => ({ t: pick(['PU Vrtić Čukarica', 'Predškolska ustanova Radosno detinjstvo', 'PU Pčelica', 'Vrtić Bambi', 'Privatni vrtić Mali princ', 'OŠ Sveti Sava - užina']), kind: 'school', lo: 2500, hi: 25000 }),
];
function utilityRow(dt, bank) {
  const u = pick(UTIL)();
  const pm = prevMonth(dt); const per = `${pad(pm.getUTCMonth() + 1)}/${pm.getUTCFullYear()}`;
  const txt = chance(0.3) ? ascii(u.t) : u.t;
  const r = rnd();
  let desc;
  if (r < 0.22) desc = `Uplatnica ${txt} poziv na broj ${pnb()}`;
  else if (r < 0.36) desc = `Nalog za prenos ${txt} ${account()} SP ${pick(['221', '289', '253', '254'])}`;
  else if (r < 0.46) desc = `IPS QR plaćanje ${txt} ${pnb()}`;
  else if (r < 0.56) desc = `${txt} račun ${per}`;
  else if (r < 0.64) desc = `Trajni nalog ${txt}`;
  else if (r < 0.74) desc = cardDesc(bank, `${ascii(txt).toUpperCase()}${pick([' ONLINE', ' WEB', ' E-PLACANJE', ''])}`, pick(['BEOGRAD', 'NOVI SAD', 'NIS']), dt, false);
  else if (r < 0.82) desc = `Plaćanje računa - ${txt} za ${monthName(pm)}`;
  else if (r < 0.88) desc = `Direktno zaduženje ${txt} ${digits(8)}`;
  else if (r < 0.94) desc = `${ascii(txt).toUpperCase()} ${account()} ${pnb()}`;
  else desc = `Плаћање рачуна ${/[А-я]/.test(txt) ? txt : cyr(txt)}`;
  return { desc, amount: -amountRSD(u.lo, u.hi) };
}

function rentRow(dt, bank) {
  const p = person(); const pt = personText(p); const mn = monthName(dt);
  const agency = pick(['City Expert', 'Agencija za nekretnine Kvadrat', 'Halo Oglasi nekretnine', 'Agencija Stan Plus', 'Nekretnine Dom DOO', '4zida agencija']);
  const desc = pick([`Kirija za ${mn}`, `Kirija ${pt}`, `Trajni nalog - zakup stana`, `Stanarina ${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()}`, `Zakup stana ${pt}`, `${agency} zakup stana ${mn}`, `Кирија за ${cyr(mn)}`, `IPS prenos ${pt} kirija`, `Nalog za prenos ${account()} ${ascii(pt)} - kirija ${mn}`, `KIRIJA ${ascii(mn).toUpperCase()} ${dt.getUTCFullYear()}`, `Zakupnina stan ${pick(['Dorćol', 'Liman', 'Vračar', 'Zvezdara', 'Pantelej'])}`, `Stanarina soba - ${pt}`, `Trajni nalog ${ascii(pt)} kirija`, `Rent ${title(mn)} ${ascii(pt)}`, `Uplata kirije ${account()}`]);
  return { desc, amount: -amountRSD(18000, 110000, false) };
}

function cardRow(cat, dt, bank) {
  const pool = MERCH.filter((m) => m.cat === cat);
  if (cat !== 'subscriptions' && LOCAL[cat] && chance(0.42)) {
    const lm = localMerchant(cat);
    let t = chance(0.3) ? ascii(lm.text) : lm.text; t = caseVar(t);
    if (chance(0.04)) t = cyr(lm.text);
    let city = HOME.city && chance(0.85) ? HOME.city : pick(CITIES); if (HOODS[city] && chance(0.3)) city = pick(HOODS[city]);
    const desc = chance(0.1) ? `IPS QR plaćanje ${t} ${ascii(city).toUpperCase()}` : cardDesc(bank, t, city, dt, false);
    return { desc, amount: -amountRSD(lm.lo, lm.hi) };
  }
  const mer = pick(pool);
  let mt = merchantText(mer);
  const { loc, foreign } = merchantLoc(mer);
  if (foreign) mt = onlineText(mt);
  const desc = !foreign && chance(0.05) ? `IPS QR plaćanje ${mt} ${ascii(loc).toUpperCase()}` : cardDesc(bank, mt, loc, dt, foreign);
  return { desc, amount: -amountRSD(mer.lo, mer.hi) };
}

function anonymousCard(dt, bank) { // card purchase at unnamed shop -> groceries (guide tie-breaker)
  return { desc: pick([`POS kupovina ${digits(8)} ${ascii(pick(CITIES)).toUpperCase()}`, `Kupovina karticom ${digits(6)} ${pick(CITIES)}`, `Card payment TID ${digits(8)} ${ascii(pick(CITIES)).toUpperCase()} RS`, `Kupovina POS ${dmy(dt)} ${digits(4)}`]), amount: -amountRSD(150, 4000) };
}

// ---------------------------------------------------------------- 1. categorisation set
function genCategorize() {
  const target = { groceries: 275, dining: 225, transport: 170, transfer: 205, utilities: 115, entertainment: 85, subscriptions: 75, salary: 60, rent: 42 };
  const rows = [];
  const seen = new Set();
  for (const [cat, n] of Object.entries(target)) {
    let k = 0, guard = 0;
    while (k < n && guard++ < n * 20) {
      const bank = pick(BANKS);
      const dt = randDate(D(2025, 1, 1), D(2026, 12, 5));
      let r;
      if (cat === 'salary') r = salaryDesc(dt, bank);
      else if (cat === 'transfer') r = transferRow(dt, bank);
      else if (cat === 'utilities') r = utilityRow(dt, bank);
      else if (cat === 'rent') r = rentRow(dt, bank);
      else if (cat === 'groceries' && chance(0.03)) r = anonymousCard(dt, bank);
      else r = cardRow(cat, dt, bank);
      const desc = r.desc.replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
      if (seen.has(desc)) continue;
      seen.add(desc);
      rows.push({ desc, amount: r.amount, cat }); k++;
    }
  }
  // shuffle
  for (let i = rows.length - 1; i > 0; i--) { const j = ri(0, i); [rows[i], rows[j]] = [rows[j], rows[i]]; }
  const lines = ['description\tamount\tcategory', ...rows.map((r) => `${r.desc}\t${r.amount.toFixed(2)}\t${r.cat}`)];
  writeFileSync(join(OUT, 'categorize-blind.tsv'), lines.join('\n') + '\n');
  return rows;
}

// ---------------------------------------------------------------- 2. recurring histories
const FREQ_DAYS = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const RATE = () => rf(116.95, 117.45); // EUR->RSD; card FX adds a spread
const fx = (eur) => Math.round(eur * RATE() * rf(1.0, 1.012) * 100); // minor units

// stream templates: each returns {key, cat, dir, freq, amountType, amounts(i,dt)->minor, desc(i,dt,bank)->string, card?:bool}
function subStream(bank, name) {
  const S = {
    netflix: { eur: pick([7.99, 9.99, 13.99]), forms: ['NETFLIX.COM', 'Netflix.com', 'NETFLIX.COM 866-579-7172', 'NETFLIX INTERNATIONAL B.V.'], loc: ['AMSTERDAM NL', 'LOS GATOS US', 'NETFLIX.COM NL'] },
    spotify: { eur: pick([6.99, 7.99, 11.99]), forms: ['PAYPAL *SPOTIFY 35314369001', 'SPOTIFY', 'Spotify P2C6F1A2B3', 'SPOTIFY AB', 'Spotify Premium'], loc: ['STOCKHOLM SE', 'LU', 'STOCKHOLM SE'] },
    youtube: { eur: pick([7.99, 11.99]), forms: ['GOOGLE *YouTubePremium', 'GOOGLE*YOUTUBE PREMIUM', 'YouTube Premium g.co/helppay#', 'Google YouTube'], loc: ['g.co/helppay# GB', 'DUBLIN IE'] },
    hbomax: { eur: pick([5.99, 7.99]), forms: ['HBO MAX', 'HBOMAX.COM', 'HBO Max Subscription', 'WBD HBO MAX'], loc: ['AMSTERDAM NL', 'NEW YORK US'] },
    disney: { eur: pick([5.99, 8.99]), forms: ['DISNEY PLUS', 'DisneyPlus', 'DISNEY+ MONTHLY', 'PAYPAL *DISNEYPLUS'], loc: ['LONDON GB', 'BURBANK US'] },
    googleone: { eur: pick([1.99, 2.99, 9.99]), forms: ['GOOGLE *Google One', 'GOOGLE *GOOGLE STORAGE', 'Google One g.co/helppay#', 'GOOGLE*GOOGLE ONE'], loc: ['g.co/helppay# GB', 'DUBLIN IE'] },
    icloud: { eur: pick([0.99, 2.99, 9.99]), forms: ['APPLE.COM/BILL', 'APPLE.COM/BILL ITUNES.COM', 'Apple.com/bill iCloud+', 'APPLE.COM BILL'], loc: ['CORK IE', 'ITUNES.COM IE', '866-712-7753 IE'] },
    ms365: { eur: pick([7.0, 10.0]), forms: ['MICROSOFT*365 PERSONAL', 'MICROSOFT*MICROSOFT 365 P', 'MSFT *Microsoft 365', 'Microsoft*Store'], loc: ['msbill.info IE', 'DUBLIN IE'] },
    chatgpt: { usd: 20, forms: ['OPENAI *CHATGPT SUBSCR', 'OPENAI CHATGPT', 'OpenAI ChatGPT Plus', 'OPENAI *CHATGPT'], loc: ['SAN FRANCISCO US', 'OPENAI.COM US', 'HTTPSOPENAI.C US'] },
    adobe: { eur: pick([12.09, 24.59, 66.45]), forms: ['ADOBE *CREATIVE CLOUD', 'ADOBE *PHOTOGPHY PLAN', 'Adobe Systems Software', 'ADOBE *ADOBE'], loc: ['DUBLIN IE', 'ADOBE.LY/ENIE IE'] },
    canva: { eur: 11.99, forms: ['CANVA* 04187-29381', 'CANVA', 'Canva Pty Ltd'], loc: ['SYDNEY AU', 'SURRY HILLS AU'] },
    deezer: { eur: 10.99, forms: ['DEEZER', 'Deezer.com', 'DEEZER SA'], loc: ['PARIS FR'] },
    duolingo: { eur: 12.99, forms: ['GOOGLE *Duolingo', 'Google Play Duolingo', 'GOOGLE*DUOLINGO'], loc: ['g.co/helppay# GB'] },
    dropbox: { eur: 11.99, forms: ['DROPBOX*1A2B3C', 'Dropbox Plus', 'DROPBOX'], loc: ['DUBLIN IE'] },
    applemusic: { eur: 10.99, forms: ['APPLE.COM/BILL', 'Apple Music APPLE.COM/BILL'], loc: ['CORK IE', 'ITUNES.COM IE'] },
  }[name];
  const hike = chance(0.25) ? { at: ri(3, 7), f: rf(1.1, 1.3) } : null;
  return {
    key: name, cat: 'subscriptions', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', card: true,
    amount: (i) => {
      const base = S.usd ? S.usd * 0.86 * rf(0.997, 1.003) : S.eur; // USD billed via EUR-ish rate
      const b = hike && i >= hike.at ? Math.round(base * hike.f * 100 - 1) / 100 : base;
      return -fx(b);
    },
    desc: (i, dt) => {
      let m = S.forms[i % 3 === 0 ? 0 : chance(0.6) ? 0 : ri(0, S.forms.length - 1)];
      if (/\d{5,}/.test(m) && chance(0.5)) m = m.replace(/\d{5,}/, digits(11));
      return cardDesc(bank, m, pick(S.loc), dt, true);
    },
  };
}

function streamCatalog(h) {
  const bank = h.bank, city = h.city;
  const boss = pick(EMPLOYERS);
  const landlord = person(), cleaner = person(), kid = person(), parent = person();
  const C = {
    salary: () => {
      const base = ri(75, 380) * 1000, varSal = chance(0.55);
      const style = ri(0, 4);
      return { key: 'salary', cat: 'salary', dir: 'incoming', freq: 'monthly', amountType: varSal ? 'variable' : 'fixed', day: pick([5, 10, 15, 20, 25, 28, 1]), amount: () => Math.round((varSal ? base * rf(0.9, 1.12) : base) * 100) + (varSal ? ri(0, 99) : 0),
        desc: (i, dt) => { const pm = prevMonth(dt); const mn = MONTHS[pm.getUTCMonth()]; return [`Zarada za ${mn} ${pm.getUTCFullYear()} ${boss}`, `${boss} ZARADA ${pad(pm.getUTCMonth() + 1)}/${pm.getUTCFullYear()}`, `Isplata zarade - ${title(boss)}`, `Plata - ${mn} ${pm.getUTCFullYear()}`, `Priliv ${boss} SP 240`][style]; } };
    },
    salarySplit: () => {
      const boss = pick(EMPLOYERS);
      const adv = ri(3, 8) * 10000, fin = ri(60, 220) * 1000;
      return [
        { key: 'salary-advance', cat: 'salary', dir: 'incoming', freq: 'monthly', amountType: 'fixed', day: 15, amount: () => adv * 100, desc: (i, dt) => `Avans zarade ${MONTHS[dt.getUTCMonth()]} ${boss}` },
        { key: 'salary-final', cat: 'salary', dir: 'incoming', freq: 'monthly', amountType: 'variable', day: 30, amount: () => Math.round(fin * rf(0.88, 1.1) * 100), desc: (i, dt) => { const pm = dt.getUTCDate() < 15 ? prevMonth(dt) : dt; return `Konačni obračun zarade za ${MONTHS[pm.getUTCMonth()]} ${boss}`; } },
      ];
    },
    pension: () => {
      const base = ri(28, 90) * 1000 + ri(0, 999);
      return { key: 'pension', cat: 'salary', dir: 'incoming', freq: 'monthly', amountType: 'fixed', day: pick([1, 5, 11, 17, 25]), amount: (i, dt) => Math.round(base * (dt >= D(2026, 1, 1) ? 1.123 : 1) * 100),
        desc: (i, dt) => pick([`Penzija ${MONTHS[dt.getUTCMonth()]} ${dt.getUTCFullYear()}`, `PIO FOND ISPLATA PENZIJE`, `Пензија за ${cyr(MONTHS[dt.getUTCMonth()])}`, `Republički fond PIO penzija`]) };
    },
    rent: () => {
      const amt = ri(25, 95) * 1000; const mode = ri(0, 3); const lt = personText(landlord, ri(0, 3));
      return { key: 'rent', cat: 'rent', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([1, 2, 3, 5, 10]), amount: () => -amt * 100,
        desc: (i, dt) => [
          `Trajni nalog - zakup stana ${ascii(lt)}`,
          `IPS prenos ${lt} kirija ${MONTHS[dt.getUTCMonth()]}`,
          `Nalog za prenos ${landlord.acc ??= account()} ${ascii(lt).toUpperCase()} kirija`,
          `Kirija za ${MONTHS[dt.getUTCMonth()]} - ${lt}`][mode] };
    },
    rentEur: () => { // rent agreed in EUR, paid in RSD -> FX
      const eur = ri(3, 7) * 100;
      return { key: 'rent', cat: 'rent', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([1, 5]), amount: () => -Math.round(eur * RATE()) * 100,
        desc: (i, dt) => `Stanarina ${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()} ${ascii(personText(landlord, 0))} (${eur} EUR)` };
    },
    eps: () => ({ key: 'eps', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'variable', day: pick([18, 20, 24]), amount: (i, dt) => { const m = dt.getUTCMonth(); const w = [1.6, 1.5, 1.2, 1.0, 0.8, 0.75, 0.85, 0.85, 0.8, 0.95, 1.2, 1.5][m]; return -Math.round(ri(2800, 4500) * w * 100 + ri(0, 99)); },
      desc: (i, dt) => pick([`Uplatnica EPS SNABDEVANJE poziv na broj 97 ${h.epsRef ??= digits(12)}`, `EPS Snabdevanje račun ${pad(prevMonth(dt).getUTCMonth() + 1)}/${prevMonth(dt).getUTCFullYear()}`, `IPS QR plaćanje EPS SNABDEVANJE ${h.epsRef ??= digits(12)}`]) }),
    infostan: () => ({ key: 'infostan', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'variable', day: pick([10, 12, 15]), amount: (i, dt) => { const heat = [0, 1, 2, 3, 9, 10, 11].includes(dt.getUTCMonth()) ? ri(6000, 9500) : ri(1500, 2500); return -(heat + ri(2200, 3200)) * 100 - ri(0, 99); },
      desc: () => pick([`JKP INFOSTAN TEHNOLOGIJE ${h.isRef ??= digits(9)}`, `Infostan uplata poziv na broj ${h.isRef ??= digits(9)}`, `Plaćanje računa Infostan`, `ИНФОСТАН ТЕХНОЛОГИЈЕ`]) }),
    heating: () => { const a = ri(45, 110) * 10000 + ri(0, 99); return { key: 'heating', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: 20, amount: () => -a, desc: () => pick(['Novosadska toplana', 'JKP Novosadska toplana racun', 'NOVOSADSKA TOPLANA TRAJNI NALOG']) }; },
    water: () => ({ key: 'water', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'variable', day: 22, amount: () => -(ri(900, 2600) * 100 + ri(0, 99)), desc: () => pick(['JKP Vodovod i kanalizacija', 'Uplatnica JKP VODOVOD I KANALIZACIJA', 'Vodovod - račun za vodu']) }),
    phone: () => { const op = pick(['mts', 'A1', 'Yettel']); const base = ri(12, 45) * 100; const fixedBill = chance(0.35);
      return { key: `phone-${op.toLowerCase()}`, cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: fixedBill ? 'fixed' : 'variable', day: pick([12, 16, 20, 25]), amount: () => -(fixedBill ? base * 100 : Math.round(base * rf(0.95, 1.45)) * 100 + ri(0, 99)),
        desc: (i, dt) => ({ mts: [`TELEKOM SRBIJA AD mts racun ${pad(prevMonth(dt).getUTCMonth() + 1)}/${prevMonth(dt).getUTCFullYear()}`, `mts račun - uplata ${h.phRef ??= digits(10)}`, `Telekom Srbija poziv na broj ${h.phRef ??= digits(10)}`], A1: [`A1 SRBIJA DOO račun`, `A1 Srbija poziv na broj ${h.phRef ??= digits(10)}`, `IPS QR plaćanje A1 SRBIJA`], Yettel: [`YETTEL DOO racun ${pad(prevMonth(dt).getUTCMonth() + 1)}`, `Yettel postpaid račun`, cardDesc(bank, 'YETTEL ONLINE', 'BEOGRAD', dt, false)] })[op][ri(0, 2)] };
    },
    sbb: () => { const a = ri(28, 55) * 100; return { key: 'sbb', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([8, 14]), amount: () => -a * 100, desc: () => pick(['SBB DOO pretplata', 'SBB - Serbia Broadband', `SBB poziv na broj ${h.sbbRef ??= digits(8)}`]) }; },
    building: () => { const a = ri(8, 30) * 100; return { key: 'building', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: 10, amount: () => -a * 100, desc: () => `Trajni nalog Stambena zajednica ${h.street ??= pick(['Cara Dušana', 'Bulevar oslobođenja', 'Vojvode Stepe', 'Takovska', 'Jurija Gagarina'])} ${h.no ??= ri(2, 150)}` }; },
    gym: () => { const a = ri(25, 60) * 100; const g = h.gym ??= localMerchant('entertainment').text; return { key: 'gym', cat: 'entertainment', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([1, 3, 5, 15]), card: true, amount: () => -a * 100, desc: (i, dt) => cardDesc(bank, g, city, dt, false) }; },
    loan: () => { const a = ri(80, 650) * 100 + ri(0, 99) / 100; const no = digits(9); return { key: 'loan', cat: 'transfer', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([5, 10, 20, 25]), amount: () => -Math.round(a * 100), desc: (i, dt) => pick([`Rata kredita ${no}`, `Naplata rate kredita ${no} ${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()}`]) }; },
    bankfee: () => { const a = pick([199, 250, 290, 320, 399, 450]); return { key: 'bank-fee', cat: 'transfer', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([1, 28, 30]), amount: () => -a * 100, desc: (i, dt) => `Naknada za vođenje računa ${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()}` }; },
    savings: () => { const a = pick([5000, 10000, 15000, 20000, 30000]); return { key: 'savings', cat: 'transfer', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([2, 11, 26]), amount: () => -a * 100, desc: () => pick(['Trajni nalog - prenos na štednju', 'TRAJNI NALOG STEDNJA', 'Trajni nalog štednja']) }; },
    parents: () => { const a = pick([10000, 15000, 20000]); const pt = personText(parent, 0); return { key: 'support-parent', cat: 'transfer', dir: 'outgoing', freq: 'monthly', amountType: 'fixed', day: pick([3, 7]), amount: () => -a * 100, desc: () => pick([`IPS prenos ${pt}`, `IPS prenos ${pt} pomoć`, `Trajni nalog ${ascii(pt)}`]) }; },
    kindergarten: () => ({ key: 'kindergarten', cat: 'utilities', dir: 'outgoing', freq: 'monthly', amountType: 'variable', day: 15, amount: () => -(ri(5500, 10000) * 100 + ri(0, 99)), desc: () => pick([`PU ${h.vrtic ??= pick(['Radosno detinjstvo', 'Čukarica', 'Pčelica', 'Boško Buha'])} - uplata za vrtić`, `Uplatnica PU ${h.vrtic ??= 'Pčelica'} poziv na broj ${h.vRef ??= pnb()}`]) }),
    cleanerWeekly: () => { const a = pick([2500, 3000, 3500, 4000]); const pt = personText(cleaner, ri(0, 3)); return { key: 'cleaner', cat: 'transfer', dir: 'outgoing', freq: 'weekly', amountType: 'fixed', wd: ri(1, 5), amount: () => -a * 100, desc: () => pick([`IPS prenos ${pt}`, `IPS prenos ${pt} čišćenje`, `Instant transfer ${ascii(pt)}`]) }; },
    marketWeekly: () => { const st = h.stall ??= `${pick(['PIJACA KALENIC', 'PIJACA ZELENI VENAC', 'FUTOSKA PIJACA', 'PIJACA BAJLONI', 'RIBLJA PIJACA', 'PIJACA LIMAN'])} TEZGA ${ri(2, 90)}`; return { key: 'market', cat: 'groceries', dir: 'outgoing', freq: 'weekly', amountType: 'variable', wd: 6, amount: () => -(ri(8, 45) * 100) * 100, desc: () => pick([`IPS QR plaćanje ${st}`, `IPS QR ${st}`]) }; },
    footballWeekly: () => { const a = pick([600, 800, 1000]); const sc = h.sc ??= `${pick(['Sportski centar', 'SC'])} ${pick(LOCAL_NAMES)}`; return { key: 'football', cat: 'entertainment', dir: 'outgoing', freq: 'weekly', amountType: 'fixed', wd: ri(1, 4), card: true, amount: () => -a * 100, desc: (i, dt) => cardDesc(bank, sc + ' termin', city, dt, false) }; },
    tutorWeekly: () => { const a = pick([2000, 2500, 3000]); const pt = personText(person(), 0); return { key: 'tutor', cat: 'transfer', dir: 'outgoing', freq: 'weekly', amountType: 'fixed', wd: ri(1, 5), amount: () => -a * 100, desc: () => `IPS prenos ${pt} ${pick(['čas', 'časovi matematike', 'čas engleskog', ''])}`.trim() }; },
    pocketBiweekly: () => { const a = pick([2000, 3000, 5000]); const pt = personText(kid, 0); return { key: 'pocket-money', cat: 'transfer', dir: 'outgoing', freq: 'biweekly', amountType: 'fixed', wd: 5, amount: () => -a * 100, desc: () => pick([`IPS prenos ${pt} džeparac`, `Trajni nalog džeparac ${kid.f}`]) }; },
    freelanceBiweekly: () => { const usd = ri(8, 30) * 100; return { key: 'freelance', cat: 'salary', dir: 'incoming', freq: 'biweekly', amountType: 'variable', wd: 3, amount: () => Math.round(usd * rf(0.8, 1.25) * 0.855 * 117.1 * 100), desc: () => pick(['DEEL INC contractor payment', 'Priliv iz inostranstva DEEL INC honorar', 'Upwork Escrow Inc - freelance earnings', 'Honorar - priliv iz inostranstva UPWORK']) }; },
    cleanerBiweekly: () => { const a = pick([4000, 5000, 6000]); const pt = personText(cleaner, ri(0, 3)); return { key: 'cleaner', cat: 'transfer', dir: 'outgoing', freq: 'biweekly', amountType: 'fixed', wd: ri(1, 5), amount: () => -a * 100, desc: () => `IPS prenos ${pt}` }; },
    propertyTax: () => { const a = ri(9, 60) * 100 + ri(0, 99); return { key: 'property-tax', cat: 'utilities', dir: 'outgoing', freq: 'quarterly', amountType: 'fixed', qmonths: [2, 5, 8, 11], day: 14, amount: (i, dt) => -(dt >= D(2026, 1, 1) ? Math.round(a * 1.04) : a) * 100, desc: () => pick([`Porez na imovinu poziv na broj 97 ${h.ptRef ??= digits(14)}`, `Uplatnica LPA porez na imovinu`, `Porez na imovinu fizičkih lica SP 253`]) }; },
    insuranceQ: () => { const a = ri(40, 180) * 100; const ins = pick(['GENERALI OSIGURANJE', 'DDOR NOVI SAD', 'DUNAV OSIGURANJE', 'WIENER STADTISCHE']); return { key: 'insurance', cat: 'utilities', dir: 'outgoing', freq: 'quarterly', amountType: 'fixed', qmonths: null, day: ri(5, 25), amount: () => -a * 100, desc: () => pick([`${ins} polisa ${h.pol ??= digits(8)}`, `Premija osiguranja ${title(ins)} rata`]) }; },
    buildingQ: () => { const a = ri(30, 90) * 100; return { key: 'building-fund', cat: 'utilities', dir: 'outgoing', freq: 'quarterly', amountType: 'fixed', qmonths: null, day: ri(1, 20), amount: () => -a * 100, desc: () => `Stambena zajednica investiciono održavanje ${h.street2 ??= pick(['Njegoševa', 'Kneza Miloša', 'Bulevar Nemanjića', 'Zmaj Jovina'])} ${ri(1, 9) && (h.no2 ??= ri(3, 90))}` }; },
    annualDomain: () => ({ key: 'domain', cat: 'subscriptions', dir: 'outgoing', freq: 'annually', amountType: 'fixed', amount: () => -fx(pick([14.99])), card: true, desc: (i, dt) => cardDesc(bank, pick(['NAMECHEAP.COM', 'GODADDY.COM', 'MAJSTOR ZA DOMENE RS']), 'PHOENIX US', dt, true) }),
    annualIns: () => { const a = ri(80, 250) * 100; return { key: 'car-insurance', cat: 'utilities', dir: 'outgoing', freq: 'annually', amountType: 'fixed', amount: () => -a * 100, desc: () => pick(['Polisa autoodgovornosti DUNAV OSIGURANJE', 'AO polisa Generali registracija']) }; },
  };
  return C;
}

function genHistories() {
  const personas = [
    ['junior developer, rents in Belgrade', 'Beograd', ['salary', 'rent', 'netflix', 'spotify', 'phone', 'gym', 'chatgpt', 'infostan', 'eps']],
    ['student in Novi Sad, paid by parents', 'Novi Sad', ['pocketIn', 'rent', 'spotify', 'youtube', 'phone', 'gym']],
    ['pensioner in Niš', 'Niš', ['pension', 'eps', 'water', 'phone', 'bankfee', 'propertyTax', 'marketWeekly']],
    ['family with a small child, Kragujevac', 'Kragujevac', ['salary', 'salarySplit', 'loan', 'eps', 'kindergarten', 'sbb', 'netflix', 'disney', 'insuranceQ']],
    ['freelance designer, Belgrade', 'Beograd', ['freelanceBiweekly', 'rentEur', 'adobe', 'canva', 'googleone', 'icloud', 'eps', 'infostan']],
    ['senior engineer with a mortgage, Novi Beograd', 'Novi Beograd', ['salary', 'loan', 'cleanerWeekly', 'infostan', 'eps', 'sbb', 'hbomax', 'ms365', 'propertyTax']],
    ['nurse in Subotica', 'Subotica', ['salary', 'water', 'eps', 'phone', 'savings', 'youtube']],
    ['couple renting in Novi Sad', 'Novi Sad', ['salarySplit', 'rent', 'heating', 'eps', 'phone', 'spotify', 'netflix', 'footballWeekly']],
    ['retired teacher, Čačak', 'Čačak', ['pension', 'parentsIn', 'eps', 'phone', 'buildingQ', 'bankfee']],
    ['IT contractor paying for cloud tools', 'Beograd', ['salary', 'chatgpt', 'googleone', 'dropbox', 'ms365', 'building', 'eps', 'infostan', 'annualDomain']],
    ['young couple, Zemun, supports parents', 'Zemun', ['salary', 'parents', 'rent', 'eps', 'infostan', 'disney', 'duolingo', 'tutorWeekly']],
    ['factory worker, Pančevo', 'Pančevo', ['salary', 'loan', 'eps', 'phone', 'sbb', 'deezer']],
    ['doctor, Vračar, home owner', 'Vračar', ['salary', 'cleanerBiweekly', 'infostan', 'eps', 'building', 'insuranceQ', 'propertyTax', 'applemusic', 'icloud', 'annualIns']],
    ['shop owner (preduzetnik), Šabac', 'Šabac', ['salary', 'marketWeekly', 'loan', 'eps', 'water', 'phone', 'bankfee', 'propertyTax']],
  ];
  const hist = [];
  const N = 48;
  const extraPool = ['netflix', 'spotify', 'youtube', 'hbomax', 'disney', 'googleone', 'icloud', 'ms365', 'chatgpt', 'gym', 'savings', 'sbb', 'phone', 'bankfee', 'insuranceQ', 'buildingQ', 'cleanerWeekly', 'tutorWeekly', 'pocketBiweekly', 'footballWeekly', 'marketWeekly', 'building'];
  for (let hi = 0; hi < N; hi++) {
    const P = personas[hi % personas.length];
    const bank = BANKS[(hi * 7 + 3) % BANKS.length];
    const today = randDate(D(2026, 2, 10), D(2026, 12, 5));
    let months = ri(6, 15);
    while (addMonths(today, -months) < D(2025, 1, 5)) months--; // keep all dates in 2025-2026
    const start = addDays(addMonths(today, -months), -ri(0, 3));
    const h = { bank, city: P[1] };
    HOME.city = P[1];
    const C = streamCatalog(h);
    let wanted = [...P[2]];
    // vary: drop some, add some
    wanted = wanted.filter(() => chance(0.85));
    while (wanted.length < 4) { const x = pick(extraPool); if (!wanted.includes(x)) wanted.push(x); }
    if (chance(0.5)) { const x = pick(extraPool); if (!wanted.includes(x)) wanted.push(x); }
    if (hi % 4 === 0 && !wanted.some((w) => /Weekly/.test(w))) wanted.push(pick(['cleanerWeekly', 'marketWeekly', 'tutorWeekly', 'footballWeekly']));
    if (hi % 5 === 1 && !wanted.some((w) => /Biweekly/.test(w))) wanted.push(pick(['pocketBiweekly', 'freelanceBiweekly', 'cleanerBiweekly']));
    if (hi % 3 === 2 && !wanted.some((w) => /Q$|propertyTax/.test(w))) wanted.push(pick(['insuranceQ', 'buildingQ', 'propertyTax']));
    if (hi % 6 === 5 && !wanted.some((w) => /^annual/.test(w))) wanted.push(pick(['annualDomain', 'annualIns']));
    wanted = wanted.slice(0, 10);
    const streamsDef = [];
    const SUBS = ['netflix', 'spotify', 'youtube', 'hbomax', 'disney', 'googleone', 'icloud', 'ms365', 'chatgpt', 'adobe', 'canva', 'deezer', 'duolingo', 'dropbox', 'applemusic'];
    for (const w of wanted) {
      if (SUBS.includes(w)) streamsDef.push(subStream(bank, w));
      else if (w === 'pocketIn' || w === 'parentsIn') {
        const par = person(); const a = pick([15000, 20000, 25000, 30000]); const pt = personText(par, ri(0, 3));
        streamsDef.push({ key: 'from-parents', cat: 'transfer', dir: 'incoming', freq: 'monthly', amountType: 'fixed', day: pick([1, 5, 10]), amount: () => a * 100, desc: () => pick([`IPS priliv ${pt}`, `Priliv od ${pt}`, `IPS prenos od ${pt} džeparac`]) });
      } else {
        const r = C[w](); if (Array.isArray(r)) streamsDef.push(...r); else streamsDef.push(r);
      }
    }
    // dedupe keys
    const seenK = new Set();
    const defs = streamsDef.filter((s) => { if (seenK.has(s.key)) return false; seenK.add(s.key); return true; });
    // Build occurrences
    const txs = [];
    const streams = [];
    const subCount = defs.filter((d) => d.freq !== 'annually').length;
    let inactiveQuota = chance(0.6) ? ri(1, 2) : 0;
    for (const def of defs) {
      const dates = [];
      const F = def.freq;
      const jitterDays = def.card || def.cat === 'subscriptions' ? 3 : def.cat === 'salary' ? 2 : 2;
      if (F === 'monthly') {
        const day = def.day ?? ri(1, 28);
        for (let m = -1; m <= months + 1; m++) {
          const base = addMonths(D(start.getUTCFullYear(), start.getUTCMonth() + 1, 1), m);
          const dd = Math.min(day, daysInMonth(base.getUTCFullYear(), base.getUTCMonth() + 1));
          let dt = D(base.getUTCFullYear(), base.getUTCMonth() + 1, dd);
          dt = addDays(dt, ri(-jitterDays, jitterDays));
          // salary on weekend -> previous Friday
          if (def.cat === 'salary' || def.cat === 'rent' || def.cat === 'transfer') { const wd = dt.getUTCDay(); if (wd === 6) dt = addDays(dt, -1); if (wd === 0) dt = addDays(dt, -2); }
          dates.push(dt);
        }
      } else if (F === 'weekly' || F === 'biweekly') {
        const step = F === 'weekly' ? 7 : 14;
        let dt = addDays(start, ri(0, 6));
        while (dt.getUTCDay() !== (def.wd ?? 3)) dt = addDays(dt, 1);
        for (; dt <= addDays(today, 30); dt = addDays(dt, step)) dates.push(addDays(dt, chance(0.2) ? ri(-1, 1) : 0));
      } else if (F === 'quarterly') {
        const off = def.qmonths ? null : ri(0, 2);
        const day = def.day ?? ri(3, 25);
        for (let m = -3; m <= months + 3; m++) {
          const base = addMonths(D(start.getUTCFullYear(), start.getUTCMonth() + 1, 1), m);
          const mo = base.getUTCMonth() + 1;
          const ok = def.qmonths ? def.qmonths.includes(mo) : (mo % 3) === off;
          if (ok) dates.push(addDays(D(base.getUTCFullYear(), mo, Math.min(day, 28)), ri(-3, 3)));
        }
      } else if (F === 'annually') {
        const d1 = addDays(start, ri(5, 60));
        dates.push(d1, addDays(addMonths(d1, 12), ri(-2, 2)));
      }
      let occ = dates.filter((d) => d >= start && d <= today).sort((a, b) => a - b);
      // late start for some subscriptions
      if (def.cat === 'subscriptions' && F === 'monthly' && chance(0.25) && occ.length > 7) occ = occ.slice(ri(1, 3));
      // inactive: stop early
      let stopped = false;
      const minOcc = F === 'weekly' ? 6 : F === 'biweekly' ? 5 : 3;
      if (inactiveQuota > 0 && F !== 'annually' && !/^salary|^pension/.test(def.key) && occ.length >= minOcc + (F === 'quarterly' ? 2 : 3) && chance(0.45)) {
        const intervals = F === 'weekly' ? ri(4, 10) : F === 'biweekly' ? ri(3, 6) : F === 'monthly' ? ri(2, 4) : 2;
        const cut = occ.length - intervals;
        if (cut >= minOcc) { occ = occ.slice(0, cut); stopped = true; inactiveQuota--; }
      }
      // skipped occurrence (not among first/last 2)
      if (F === 'monthly' && ['subscriptions', 'utilities', 'entertainment'].includes(def.cat) && occ.length >= 7 && chance(0.3)) { const k = ri(2, occ.length - 3); occ.splice(k, 1); }
      if (F === 'weekly' && occ.length >= 12 && chance(0.5)) { const k = ri(2, occ.length - 3); occ.splice(k, 1); }
      const ids = [];
      occ.forEach((dt, i) => {
        const t = { date: iso(dt), amount: def.amount(i, dt), description: def.desc(i, dt).replace(/\s+/g, ' ').trim(), category: def.cat, pending: false, _s: def.key };
        txs.push(t); ids.push(t);
      });
      if (F === 'annually') continue; // <3 occurrences within 15 months: not labelled (see SPEC)
      if (occ.length < 3) { ids.forEach((t) => { t._s = null; }); continue; }
      // activity from the data (rule in SPEC)
      const last = occ[occ.length - 1];
      const grace = FREQ_DAYS[F] / 2 + 4;
      const isActive = dayDiff(last, today) <= FREQ_DAYS[F] + grace;
      if (isActive === stopped) throw new Error(`activity mismatch ${def.key} h${hi}`);
      streams.push({ def, ids, isActive });
    }
    // noise
    const localFav = Array.from({ length: 4 }, () => localMerchant(pick(['dining', 'groceries'])));
    const favChain = pick(MERCH.filter((m) => m.cat === 'groceries' && m.flags.includes('st')));
    const streamKeys = new Set(defs.map((d) => d.key));
    for (let dt = new Date(start); dt <= today; dt = addDays(dt, 1)) {
      const wk = dt.getUTCDay();
      const add = (r, cat) => txs.push({ date: iso(dt), amount: Math.round(r.amount * 100), description: r.desc.replace(/\s+/g, ' ').trim(), category: cat, pending: false, _s: null });
      if (chance(wk === 6 ? 0.6 : 0.38)) {
        if (chance(0.45)) { const t = merchantText(favChain); add({ desc: cardDesc(bank, t, h.city, dt, false), amount: -amountRSD(favChain.lo, favChain.hi) }, 'groceries'); }
        else add(cardRow('groceries', dt, bank), 'groceries');
      }
      if (chance(0.3)) {
        if (chance(0.25)) { const f = pick(localFav); add({ desc: cardDesc(bank, f.text, h.city, dt, false), amount: -amountRSD(f.lo, Math.min(f.hi, 3000)) }, f.cat); }
        else add(cardRow('dining', dt, bank), 'dining');
      }
      if (chance(0.16)) add(cardRow('transport', dt, bank), 'transport');
      if (chance(0.04)) add(cardRow('entertainment', dt, bank), 'entertainment');
      if (chance(0.05)) { const tr = transferRow(dt, bank); if (!/Naknada|Rata|Trajni|štednj|kredit|Loan|Otplata|Članarina|Fee|Накнада|Рата|Provizija za platni/i.test(tr.desc)) add(tr, 'transfer'); }
      if (chance(0.035)) add({ desc: pick([`Isplata gotovine ATM ${bank.toUpperCase()} ${ascii(h.city).toUpperCase()}`, `Podizanje gotovine bankomat ${ascii(h.city).toUpperCase()} ${digits(6)}`, `Cash withdrawal ATM ${ascii(h.city).toUpperCase()}`]), amount: -pick([2000, 3000, 5000, 10000, 20000]) }, 'transfer');
      if (chance(0.01)) add(pick([() => ({ desc: `Uplatnica Republička administrativna taksa poziv na broj ${pnb()}`, amount: -ri(3, 60) * 100 }), () => ({ desc: `Saobraćajna kazna MUP ${pnb()}`, amount: -pick([3000, 5000, 10000]) }), () => ({ desc: cardDesc(bank, 'EUPRAVA TAKSA', 'BEOGRAD', dt, false), amount: -ri(3, 30) * 100 }), () => ({ desc: `Taksa za ličnu kartu SP 253`, amount: -ri(8, 12) * 100 })])(), 'utilities');
      if (chance(0.008)) add({ desc: cardDesc(bank, onlineText(pick(['STEAMGAMES.COM', 'PlayStation Store'])), 'BELLEVUE US', dt, true), amount: -amountRSD(500, 6000) }, 'entertainment');
    }
    if (streams.length < 3 || streams.length > 9) { hi--; continue; } // regenerate this history
    // sort & ids & pending
    txs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const id = `b${pad(hi + 1)}`;
    txs.forEach((t, i) => { t.id = `${id}-${pad(i + 1, 4)}`; if (dayDiff(new Date(t.date + 'T00:00:00Z'), today) <= 1 && t.amount < 0 && chance(0.6) && !/IPS|Nalog|Trajni|Uplatnica|Naknada|Rata/i.test(t.description)) t.pending = true; });
    const out = {
      id, today: iso(today), note: `${P[0]}; bank: ${bank}; ${months} months`,
      transactions: txs.map((t) => ({ id: t.id, date: t.date, amount: t.amount, description: t.description, category: t.category, pending: t.pending })),
      streams: streams.map((s) => ({
        key: s.def.key, description: s.ids[s.ids.length - 1].description, direction: s.def.dir, frequency: s.def.freq, amount_type: s.def.amountType, is_active: s.isActive, transaction_ids: s.ids.map((t) => t.id),
      })),
    };
    hist.push(out);
  }
  HOME.city = null;
  writeFileSync(join(OUT, 'recurring-blind.json'), JSON.stringify(hist, null, 1) + '\n');
  return hist;
}

const rows = genCategorize();
const hist = genHistories();
// summary
const dist = {}; rows.forEach((r) => { dist[r.cat] = (dist[r.cat] || 0) + 1; });
const freq = {}; let act = 0, inact = 0, nstreams = 0;
hist.forEach((h) => h.streams.forEach((s) => { freq[s.frequency] = (freq[s.frequency] || 0) + 1; s.is_active ? act++ : inact++; nstreams++; }));
console.log(JSON.stringify({ rows: rows.length, dist, histories: hist.length, transactions: hist.reduce((s, h) => s + h.transactions.length, 0), streams: nstreams, freq, active: act, inactive: inact, streamsPerHistory: hist.map((h) => h.streams.length).join(',') }, null, 1));
