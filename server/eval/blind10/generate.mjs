// blind batch 10 generator — Node 20 ESM, no dependencies. Usage: node generate.mjs [outdir]
import fs from 'node:fs';
import path from 'node:path';
const OUT = process.argv[2] || path.dirname(new URL(import.meta.url).pathname);
fs.mkdirSync(OUT, { recursive: true });

function mulberry32(a) { return function () { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; }
const rnd = mulberry32(101410);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += ri(0, 9); return s; };

// ---------- dates (day numbers) ----------
const DAY = 86400000;
const ymd = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
const s2d = (s) => { const [y, m, d] = s.split('-').map(Number); return ymd(y, m, d); };
const parts = (dn) => { const dt = new Date(dn * DAY); return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()]; };
const d2s = (dn) => { const [y, m, d] = parts(dn); return `${y}-${pad(m)}-${pad(d)}`; };
const dmy = (dn) => { const [y, m, d] = parts(dn); return `${pad(d)}.${pad(m)}.${y}`; };
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];
const monthName = (dn, shift = 0) => { const [y, m] = parts(dn); const k = (m - 1 + shift + 12) % 12; return MONTHS[k]; };
const mmyyyy = (dn, shift = 0) => { let [y, m] = parts(dn); m += shift; if (m < 1) { m += 12; y--; } if (m > 12) { m -= 12; y++; } return `${pad(m)}/${y}`; };
const hm = () => `${pad(ri(7, 22))}:${pad(ri(0, 59))}`;

// ---------- text variants ----------
const CYR = { 'lj': 'љ', 'nj': 'њ', 'dž': 'џ', 'Lj': 'Љ', 'Nj': 'Њ', 'Dž': 'Џ', 'LJ': 'Љ', 'NJ': 'Њ', 'DŽ': 'Џ' };
const CYR1 = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function cyr(s) {
  let o = '';
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2);
    if (CYR[two]) { o += CYR[two]; i++; continue; }
    const ch = s[i], lo = ch.toLowerCase();
    if (CYR1[lo]) o += ch === lo ? CYR1[lo] : CYR1[lo].toUpperCase(); else o += ch;
  }
  return o;
}
const strip = (s) => s.replace(/[čć]/g, 'c').replace(/[ČĆ]/g, 'C').replace(/š/g, 's').replace(/Š/g, 'S').replace(/ž/g, 'z').replace(/Ž/g, 'Z').replace(/đ/g, 'dj').replace(/Đ/g, 'Dj');
const up = (s) => s.toUpperCase();

// ---------- towns ----------
const T = (n, water, heat, waste, extra = {}) => ({ n, water, heat, waste, ...extra });
const TOWNS = [
  T('Beograd', null, 'JKP Beogradske elektrane', 'JKP Gradska čistoća', { combined: 'JKP Infostan tehnologije', pijaca: ['Kalenić pijaca', 'Bajlonijeva pijaca', 'Zelenijak pijaca', 'Pijaca Banovo brdo', 'Pijaca Zemun'], transit: 'BusPlus', parking: 'JKP Parking servis Beograd', taxi: ['Pink taxi', 'Naxi taxi', 'Beogradski taxi', 'Lux taxi'], kg: 'PU Savski venac', theatre: 'Atelje 212', pool: 'SC Tašmajdan bazen' }),
  T('Novi Sad', 'JKP Vodovod i kanalizacija Novi Sad', 'JKP Novosadska toplana', 'JKP Čistoća Novi Sad', { combined: 'JKP Informatika Novi Sad', pijaca: ['Futoška pijaca', 'Riblja pijaca', 'Limanska pijaca'], transit: 'JGSP Novi Sad', parking: 'JKP Parking servis Novi Sad', taxi: ['Taxi Novus', 'Pan taxi', 'Red taxi NS'], kg: 'PU Radosno detinjstvo', theatre: 'Srpsko narodno pozorište', pool: 'SPENS bazen' }),
  T('Niš', 'JKP Naissus', 'JKP Gradska toplana Niš', 'JKP Medijana', { pijaca: ['Pijaca Tvrđava', 'Pijaca Kalča', 'Palilulska pijaca'], transit: 'Niš Ekspres gradski prevoz', parking: 'JKP Parking servis Niš', taxi: ['Taxi Halo Niš', 'Eko taxi Niš'], kg: 'PU Pčelica Niš', theatre: 'Narodno pozorište Niš', pool: 'Bazen Čair' }),
  T('Kragujevac', 'JKP Vodovod i kanalizacija Kragujevac', 'JKP Energetika Kragujevac', 'JKP Šumadija Kragujevac', { pijaca: ['Velika pijaca Kragujevac', 'Pijaca Bubanj'], parking: 'JKP Parking servis Kragujevac', taxi: ['Taxi Žuti Kragujevac'], kg: 'PU Nada Naumović', theatre: 'Knjaževsko-srpski teatar' }),
  T('Subotica', 'JKP Vodovod i kanalizacija Subotica', 'JKP Subotička toplana', 'JKP Čistoća i zelenilo Subotica', { pijaca: ['Zelena pijaca Subotica'], transit: 'Subotica-trans', taxi: ['Taxi Subotica Lux'], kg: 'PU Naša radost' }),
  T('Čačak', 'JKP Vodovod Čačak', 'JKP Čačak toplana', 'JKP Komunalac Čačak', { pijaca: ['Gradska pijaca Čačak'], kg: 'PU Radost Čačak', taxi: ['Taxi Morava Čačak'] }),
  T('Kraljevo', 'JKP Vodovod Kraljevo', 'JKP Energetika Kraljevo', 'JKP Čistoća Kraljevo', { kg: 'PU Olga Jovičić Rita' }),
  T('Šabac', 'JKP Vodovod Šabac', 'JKP Toplana Šabac', 'JKP Stari grad Šabac', { pijaca: ['Pijaca Šabac centar'] }),
  T('Valjevo', 'JKP Vodovod Valjevo', 'JKP Toplana Valjevo', 'JKP Vidrak Valjevo', { kg: 'PU Milica Nožica' }),
  T('Zrenjanin', 'JKP Vodovod i kanalizacija Zrenjanin', 'JKP Toplana Zrenjanin', 'JKP Čistoća i zelenilo Zrenjanin', {}),
  T('Pančevo', 'JKP Vodovod i kanalizacija Pančevo', 'JKP Grejanje Pančevo', 'JKP Higijena Pančevo', { pijaca: ['Zelena pijaca Pančevo'] }),
  T('Leskovac', 'JKP Vodovod Leskovac', null, 'JKP Komunalac Leskovac', { pijaca: ['Pijaca Leskovac'] }),
  T('Vranje', 'JKP Vodovod Vranje', 'JP Toplana Vranje', 'JKP Komrad Vranje', {}),
  T('Užice', 'JKP Vodovod Užice', 'JP Gradska toplana Užice', 'JKP Duboko Užice', {}),
  T('Sombor', 'JKP Vodokanal Sombor', 'JKP Sombor toplana', 'JKP Čistoća Sombor', {}),
  T('Smederevo', 'JKP Vodovod Smederevo', 'JKP Toplana Smederevo', 'JKP Zelenilo i groblja Smederevo', {}),
  T('Požarevac', 'JKP Vodovod i kanalizacija Požarevac', 'JKP Toplovod Požarevac', 'JKP Komunalne službe Požarevac', {}),
  T('Loznica', 'JKP Vodovod i kanalizacija Loznica', 'JKP Toplana Loznica', 'JKP Loznica-gas i čistoća', {}),
  T('Jagodina', 'JKP Vodovod Jagodina', null, 'JKP Komunalac Jagodina', {}),
  T('Kruševac', 'JKP Vodovod Kruševac', 'JKP Gradska toplana Kruševac', 'JKP Kruševac čistoća', {}),
  T('Pirot', 'JKP Vodovod i kanalizacija Pirot', 'JKP Toplana Pirot', 'JKP Komunalac Pirot', {}),
  T('Zaječar', 'JKP Vodovod Zaječar', 'JKP Toplana Zaječar', 'JKP Higijena Zaječar', {}),
  T('Sremska Mitrovica', 'JKP Vodovod Sremska Mitrovica', 'JKP Toplifikacija Sremska Mitrovica', 'JKP Komunalije Sremska Mitrovica', {}),
  T('Kikinda', 'JKP Kikinda vodovod', null, 'JKP Komunalac Kikinda', {}),
  T('Vršac', 'JKP Drugi oktobar Vršac', null, 'JKP Drugi oktobar čistoća Vršac', {}),
  T('Ivanjica', 'JKP Ivanjica vodovod', null, 'JKP Ivanjica čistoća', {}),
  T('Bajina Bašta', 'JKP Drina vodovod Bajina Bašta', null, 'JKP Drina čistoća', {}),
  T('Aranđelovac', 'JKP Vodovod Aranđelovac', 'JP Toplana Aranđelovac', 'JKP Komunalac Aranđelovac', {}),
  T('Inđija', 'JKP Vodovod Inđija', null, 'JKP Komunalac Inđija', {}),
  T('Gornji Milanovac', 'JKP Gornji Milanovac vodovod', null, 'JKP Komunalac Gornji Milanovac', {}),
  T('Mionica', 'JKP Mionica vodovod', null, 'JKP Mionica komunalno', { village: true }),
  T('Despotovac', 'JKP Despotovac vodovod', null, 'JKP Resava komunalno', { village: true }),
  T('Knjaževac', 'JKP Standard Knjaževac', null, 'JKP Standard čistoća Knjaževac', { village: true }),
];
for (const t of TOWNS) { t.pijaca ??= [`Gradska pijaca ${t.n}`]; t.taxi ??= [`Taxi ${t.n}`]; t.kg ??= `PU ${t.n} vrtić`; }

// ---------- name pools ----------
const FIRST = ['Marko', 'Milan', 'Nikola', 'Jovana', 'Ana', 'Milica', 'Stefan', 'Dragan', 'Zoran', 'Snežana', 'Jelena', 'Ivana', 'Dušan', 'Nemanja', 'Vesna', 'Gordana', 'Bojan', 'Aleksandar', 'Tijana', 'Marija', 'Vladimir', 'Slobodan', 'Ljiljana', 'Branka', 'Miloš', 'Đorđe', 'Nenad', 'Dragana', 'Mirjana', 'Predrag', 'Tamara', 'Katarina', 'Uroš', 'Luka', 'Sanja', 'Radmila', 'Živorad', 'Dobrila', 'Goran', 'Svetlana'];
const LAST = ['Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Kostić', 'Simić', 'Lazić', 'Todorović', 'Radovanović', 'Mitrović', 'Živković', 'Savić', 'Obradović', 'Vasić', 'Tomić', 'Krstić', 'Ristić', 'Stevanović', 'Lukić', 'Kovačević', 'Janković', 'Marić', 'Ćirić', 'Nedeljković', 'Đukić', 'Vuković', 'Milenković', 'Babić', 'Perić', 'Šarić', 'Gajić'];
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const BAKERY = ['Pekara Zora', 'Pekara Klas', 'Pekara Sunce', 'Pekara Žito', 'Pekara Kod Mike', 'Pekara Trpković', 'Pekara Mlin', 'Pekara Dukat', 'Pekara Stara hlebara', 'Pekara Lane', 'Pekara Đurić', 'Pekara Kifla'];
const CAFE = ['Kafe Aperitiv', 'Caffe Galija', 'Kafić Kod Bate', 'Caffe bar Laguna', 'Kafeterija Mokka', 'Coffee Dream', 'Kafe Tref', 'Caffe Bistro Jazz', 'Kafe Stari most', 'Caffe Mozaik', 'Kafana Tri šešira', 'Pab Irish corner', 'Bar Fontana', 'Caffe Arena'];
const RESTO = ['Kafana Stari hrast', 'Restoran Zlatni bokal', 'Roštilj Kod Žike', 'Ćevabdžinica Sarajevo', 'Picerija Napoli', 'Picerija Ciao', 'Giros Master', 'Burek Kod Ace', 'Poslastičarnica Crna Gora', 'Poslastičarnica Kod Bakija', 'Menza Studentski centar', 'Restoran Šumadija', 'Etno restoran Zavičaj', 'Pljeskavica Kod Sime', 'Kineski restoran Peking', 'Sendvičara Ham', 'Palačinkarnica Ferrari', 'Restoran Dunavski cvet', 'Kafana Kruna', 'Riblji restoran Alas'];
const SHOP = ['Prodavnica Kod Milke', 'Market Dijamant', 'Mini market Sloga', 'Market Sveže', 'Prodavnica Ekonomija', 'Market Komšija', 'Samoposluga Centar', 'Market Duga', 'Prodavnica Vojvodjanka', 'Market Ivković', 'Mini market Nena', 'Market Pčelica'];
const BUTCHER = ['Mesara Jovanović', 'Mesara Kod Raše', 'Mesara Zlatiborac', 'Mesara Farma Ilić', 'Ribarnica Neptun', 'Mlekara domaća Ana'];
const KIOSK = ['Trafika Duga', 'Kiosk Novinar', 'Trafika Sreća', 'Trafika kod pošte'];
const HEALTH = ['Apoteka Zdravlje', 'Apoteka Sveti Sava', 'Apoteka Galen', 'Stomatološka ordinacija Dr Petrović', 'Laboratorija Medlab', 'Poliklinika Medika', 'Optika Vid', 'Apoteka Lek plus', 'Ordinacija opšte prakse Dr Ilić', 'Stomatološka ordinacija Osmeh'];
const RETAIL = ['Butik Lana', 'Obuća Sara', 'Gvožđara Metalac', 'Boje i lakovi Kolor', 'Prodavnica tekstila Milena', 'Kućna hemija Sjaj', 'Dečija oprema Bebac', 'Elektro Jovanović', 'Računari Bit', 'Cvećara Lala', 'Poljoapoteka Agro', 'Tekstil Pirot'];
const CHAINS_G = ['MAXI', 'IDEA', 'LIDL', 'UNIVEREXPORT', 'DIS', 'RODA', 'MERCATOR', 'AMAN', 'TEMPO', 'GOMEX', 'DM', 'LILLY', 'BENU APOTEKA', 'JANKOVIC APOTEKA', 'JYSK', 'GIGATRON', 'TEHNOMANIJA', 'WINWIN', 'EMMEZETA'];
const FUEL = ['NIS Petrol BS', 'Gazprom BS', 'OMV', 'MOL', 'Lukoil BS', 'EKO BS', 'Knez Petrol', 'Euro Petrol', 'Petrol Ilić', 'Pumpa Mitrović'];
const CARSVC = ['Vulkanizer Kod Mite', 'Auto servis Jovanović', 'Perionica Blic', 'Auto perionica Sjaj', 'Autodelovi Ribić', 'Auto servis Turbo', 'Tehnički pregled Auto centar'];
const ENT = ['Fitnes klub Titan', 'Teretana Spartak', 'Gym Energy', 'Sportski centar', 'Kuglana Strike', 'Escape room Zagonetka', 'Bioskop Kulturni centar', 'Knjižara Laguna', 'Antikvarijat Stara knjiga', 'Plesni studio Ritam', 'Teniski klub Partizan', 'Joga studio Prana', 'Kladionica Mozzart', 'Meridian kladionica', 'MaxBet', 'Soccerbet', 'Igraonica Lopta'];
const ENT_CHAIN = ['CINEPLEXX', 'EVENTIM', 'TICKETS.RS', 'VULKAN KNJIZARE', 'DELFI KNJIZARE', 'BOOKING.COM', 'AIRBNB', 'STEAM PURCHASE', 'PLAYSTATION STORE'];

// ---------- bank formatters ----------
const BANKS = {
  intesa: { name: 'Banca Intesa', bin: '4215' },
  unicredit: { name: 'UniCredit', bin: '5168' },
  raiffeisen: { name: 'Raiffeisen', bin: '5351' },
  otp: { name: 'OTP Srbija', bin: '9891' },
  erste: { name: 'Erste', bin: '4176' },
  postanska: { name: 'Poštanska štedionica', bin: '9891' },
  nlb: { name: 'NLB Komercijalna', bin: '4058' },
  aik: { name: 'AIK banka', bin: '5390' },
  addiko: { name: 'Addiko', bin: '4921' },
  procredit: { name: 'ProCredit', bin: '4396' },
  eurobank: { name: 'Eurobank Direktna', bin: '5457' },
};
const BANK_KEYS = Object.keys(BANKS);
const mask = (b, last4) => chance(0.5) ? `${b.bin}********${last4}` : `****${last4}`;
// card purchase text
function cardText(bk, last4, m, city, dn, v = 0) {
  const b = BANKS[bk]; const C = up(strip(city)); const M = up(strip(m));
  switch (bk) {
    case 'intesa': return v ? `Kupovina karticom DINA ****${last4} ${m} ${dmy(dn)} ${hm()}` : `POS KUPOVINA ${mask(b, last4)} ${M} ${C} RS`;
    case 'unicredit': return `Transakcija karticom: ${m} ${C} ${dmy(dn)} ${hm()}`;
    case 'raiffeisen': return `Placanje karticom ${mask(b, last4)} ${M} ${C} SRB`;
    case 'otp': return `KUPOVINA DINA ${mask(b, last4)} ${M} ${C}`;
    case 'erste': return `Kartično plaćanje ${m} ${city}`;
    case 'postanska': return `PLAĆANJE NA POS TERMINALU ${up(m)} ${up(city)} TID ${digits(8)}`;
    case 'nlb': return chance(0.5) ? `Плаћање картицом ${cyr(m)} ${cyr(city)}` : `Kupovina POS ${dmy(dn)} ${m} ${city}`;
    case 'aik': return `Kupovina na prodajnom mestu ${M} ${C} ${dmy(dn)}`;
    case 'addiko': return `CARD PURCHASE ${M} ${C} SRB ${last4}`;
    case 'procredit': return `Card payment ${strip(m)} ${strip(city)} RS ${dmy(dn)}`;
    default: return `POS ${M} ${C} kartica ****${last4}`;
  }
}
function ipsText(bk, name, purpose, dn, v = 0) {
  const pp = purpose ? ` - ${purpose}` : '';
  switch (bk) {
    case 'intesa': return v ? `IPS plaćanje Prenesi - ${name}${pp}` : `IPS placanje - ${strip(name)}${pp ? strip(pp) : ''}`;
    case 'unicredit': return `Instant placanje IPS - ${name}${pp}`;
    case 'raiffeisen': return `RBA IPS prenos - ${name}${pp}`;
    case 'otp': return `OTP IPS Prenesi - ${up(strip(name))}${pp}`;
    case 'erste': return `IPS instant - ${name}${pp}`;
    case 'postanska': return `IPS NBS - ${name}${pp}`;
    case 'nlb': return `ИПС плаћање - ${cyr(name)}${purpose ? ' - ' + cyr(purpose) : ''}`;
    case 'aik': return `Instant transfer IPS ${name}${pp}`;
    case 'addiko': return `Instant payment IPS ${strip(name)}${pp ? strip(pp) : ''}`;
    case 'procredit': return `IPS ${name}${pp} ${dmy(dn)}`;
    default: return `IPS uplata ${name}${pp}`;
  }
}
function qrText(bk, m, city, dn) {
  return pick([`IPS QR placanje ${up(strip(m))} TID ${digits(8)}`, `IPS pokazi QR ${m} ${city}`, `Instant plaćanje QR kod - ${m}`, `IPS skeniraj ${m} ${dmy(dn)}`, `QR IPS ${strip(m)} ${up(strip(city))} RS`]);
}
const ref97 = () => `97 ${digits(2)}-${digits(4)}-${digits(6)}`;
function orderText(bk, payee, purpose, code = 289, dn = 0, v = 0) {
  switch (bk) {
    case 'intesa': return v ? `Intesa Mobi nalog - ${payee} - ${purpose}` : `eBanking nalog - ${payee} - sifra ${code} - poziv na broj ${ref97()}`;
    case 'unicredit': return `m-banking nalog: ${payee} / ${purpose}`;
    case 'raiffeisen': return v ? `Raiffeisen Mobile nalog ${payee} ${purpose}` : `RBA Online nalog - ${payee} - ${purpose} - poziv na broj ${digits(10)}`;
    case 'otp': return `OTP eBank nalog ${up(strip(payee))} ${strip(purpose)}`;
    case 'erste': return `George nalog - ${payee} - ${purpose}`;
    case 'postanska': return `Nalog za plaćanje ${payee} šifra plaćanja ${code} ${purpose}`;
    case 'nlb': return `Налог за плаћање - ${cyr(payee)} - ${cyr(purpose)}`;
    case 'aik': return `Plaćanje računa ${payee} ${purpose} PNB ${ref97()}`;
    case 'addiko': return `Payment order ${strip(payee)} ${strip(purpose)}`;
    case 'procredit': return `E-nalog ${payee}; ${purpose}; sifra ${code}`;
    default: return `Uplata ${payee} ${purpose}`;
  }
}
function standingText(bk, payee, purpose, no) {
  return bk === 'addiko' || bk === 'procredit' ? `Standing order ${no} ${strip(payee)} ${strip(purpose)}` : bk === 'nlb' ? `Трајни налог ${no} - ${cyr(payee)} - ${cyr(purpose)}` : `Trajni nalog br. ${no} - ${payee} - ${purpose}`;
}
function ddText(bk, payee, ref) {
  return bk === 'raiffeisen' ? `Direktno terećenje - ${payee} - ${ref}` : bk === 'addiko' || bk === 'procredit' ? `Direct debit ${strip(payee)} ${ref}` : `Direktno zaduženje - ${payee} - ${ref}`;
}
function atmText(bk, last4, city, dn) {
  const C = up(strip(city));
  switch (bk) {
    case 'intesa': return `Isplata gotovine ATM INTESA ${C} ****${last4}`;
    case 'unicredit': return `Podizanje gotovine bankomat UNICREDIT ${C} ${dmy(dn)} ${hm()}`;
    case 'raiffeisen': return `ATM isplata RBA ${C} ${dmy(dn)}`;
    case 'otp': return `OTP ATM ISPLATA ${C} ${digits(6)}`;
    case 'nlb': return `Исплата готовине банкомат ${cyr(city)}`;
    case 'addiko': case 'procredit': return `Cash withdrawal ATM ${C} ${dmy(dn)}`;
    default: return `Isplata na bankomatu ${BANKS[bk].name} ${city} ${dmy(dn)}`;
  }
}
function inText(bk, payer, purpose, code = 240) {
  switch (bk) {
    case 'intesa': return `Priliv - ${payer} - ${purpose}`;
    case 'unicredit': return `Uplata na račun: ${payer} / ${purpose}`;
    case 'raiffeisen': return `Priliv ${up(strip(payer))} ${purpose} sifra ${code}`;
    case 'otp': return `PRILIV ${up(strip(payer))} ${up(strip(purpose))}`;
    case 'nlb': return `Прилив - ${cyr(payer)} - ${cyr(purpose)}`;
    case 'addiko': case 'procredit': return `Incoming payment ${strip(payer)} ${strip(purpose)}`;
    default: return `Uplata ${payer} - ${purpose} (${code})`;
  }
}

// ---------- subscriptions (foreign FX billing) ----------
const SUBS = [
  { k: 'Netflix', eur: [7.99, 9.99, 13.99], txt: ['NETFLIX.COM AMSTERDAM NL', 'NETFLIX.COM 866-579-7172 NL', 'Netflix International B.V.'] },
  { k: 'Spotify', eur: [6.99, 8.99, 11.99], txt: ['Spotify P2F7A1C9 Stockholm SE', 'SPOTIFY AB STOCKHOLM SE', 'Spotify Premium'] },
  { k: 'YouTube', eur: [7.99, 11.99], txt: ['GOOGLE *YouTubePremium g.co/helppay#', 'Google YouTube Premium IE'] },
  { k: 'iCloud', eur: [0.99, 2.99, 9.99], txt: ['APPLE.COM/BILL CORK IE', 'Apple iCloud+ 50GB'] },
  { k: 'GoogleOne', eur: [1.99, 2.99, 9.99], txt: ['GOOGLE *Google One LONDON GB', 'Google Storage g.co/payhelp#'] },
  { k: 'M365', eur: [7, 10], txt: ['MICROSOFT*365 PERSONAL MSBILL.INFO IE', 'Microsoft 365 Family msbill.info'] },
  { k: 'ChatGPT', usd: [20], txt: ['OPENAI *CHATGPT SUBSCR SAN FRANCISCO US', 'ChatGPT Plus OpenAI LLC'] },
  { k: 'Canva', eur: [11.99], txt: ['CANVA* 0412883 SYDNEY AU', 'Canva Pro subscription'] },
  { k: 'Adobe', eur: [12.09, 24.59], txt: ['ADOBE *CREATIVE CLOUD DUBLIN IE', 'Adobe Systems Software Ireland'] },
  { k: 'Deezer', eur: [5.99, 11.99], txt: ['DEEZER PARIS FR', 'Deezer Premium'] },
  { k: 'HBO', eur: [5.99, 7.99], txt: ['HBO MAX AMSTERDAM NL', 'Max.com subscription'] },
  { k: 'Disney', eur: [8.99], txt: ['DISNEY PLUS LONDON GB', 'DisneyPlus monthly'] },
  { k: 'Duolingo', eur: [6.99], txt: ['DUOLINGO PITTSBURGH US', 'Duolingo Super'] },
  { k: 'Storytel', eur: [5.99], txt: ['STORYTEL STOCKHOLM SE'] },
  { k: 'GooglePlay', eur: [2.49, 4.99], txt: ['GOOGLE *Google Play subscription', 'Google Play Apps g.co/payhelp#'] },
  { k: 'Dropbox', eur: [11.99], txt: ['DROPBOX*PLUS DUBLIN IE'] },
];
const NEWS = ['Politika digitalna pretplata', 'Danas digitalno izdanje pretplata', 'Vreme nedeljnik online pretplata', 'NIN digitalna pretplata'];
const eurRate = () => 116.9 + rnd() * 0.7; const usdRate = () => 99 + rnd() * 12;

// ================= CATEGORIZATION TSV =================
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const money = (p) => (p < 0 ? '-' : '') + (Math.abs(p) / 100).toFixed(2);
const rp = (a, b, cents = true) => ri(a, b) * 100 + (cents && chance(0.4) ? ri(1, 99) : 0); // paras
const town = () => pick(TOWNS);
const EMPLOYERS = ['Gorenje d.o.o. Valjevo', 'Tigar Tyres d.o.o.', 'Dom zdravlja', 'OŠ Vuk Karadžić', 'Opštinska uprava', 'Metalac a.d. Gornji Milanovac', 'Fabrika Sloboda a.d.', 'Klinički centar', 'Zdravstveni centar', 'Elektroprivreda Srbije', 'Pošta Srbije', 'Agrokop d.o.o.', 'Mlekara Subotica a.d.', 'Hemofarm a.d.', 'NCR Srbija d.o.o.', 'Ekonomska škola', 'Gradska biblioteka', 'Bosch Srbija d.o.o.', 'Jura Corporation d.o.o.', 'Yura d.o.o. Leskovac', 'Leoni Wiring Systems', 'Panonija Agro d.o.o.', 'Stomatološka ordinacija Osmeh', 'Pekara Kifla d.o.o.', 'SZR Stolarija Marković', 'IT Solutions d.o.o.', 'Veterinarska stanica', 'JKP Gradsko zelenilo', 'Srednja tehnička škola', 'Autoprevoz Čačak a.d.'];
const FOREIGN = ['Acme Software GmbH', 'Nordlight AB', 'Brightwave Ltd', 'Deel Inc.', 'Upwork Global Inc.', 'Toptal LLC', 'Payoneer - Helix Media', 'Wise - Kestrel Studio BV'];

function gen(cat) {
  const t = town(), city = t.n, bk = pick(BANK_KEYS), l4 = digits(4), dn = ymd(2025, 1, 1) + ri(0, 640);
  switch (cat) {
    case 'groceries': {
      const r = ri(1, 14);
      if (r <= 5) { const m = pick([...SHOP, ...BUTCHER, ...KIOSK]); return [cardText(bk, l4, m, city, dn, ri(0, 1)), -rp(120, 6500)]; }
      if (r === 6) { const p = pick(t.pijaca); return [chance(0.5) ? qrText(bk, `${p} tezga ${ri(1, 120)}`, city, dn) : cardText(bk, l4, p, city, dn), -rp(300, 4500)]; }
      if (r <= 8) { const m = pick(HEALTH); return [chance(0.75) ? cardText(bk, l4, m, city, dn) : orderText(bk, `${m} ${city}`, pick(['račun br. ' + digits(5), 'lečenje zuba', 'analize krvi', 'pregled']), 221), -rp(350, 28000)]; }
      if (r <= 10) { const m = pick(RETAIL); return [cardText(bk, l4, m, city, dn, 1), -rp(250, 18000)]; }
      if (r === 11) return [cardText(bk, l4, `${pick(CHAINS_G)} ${ri(10, 999)}`, city, dn), -rp(150, 9000)];
      if (r === 12) return [pick([`ALIEXPRESS.COM ${pick(['LUXEMBOURG LU', 'SINGAPORE SG'])} ****${l4}`, `TEMU.COM DUBLIN IE ${dmy(dn)}`, `AMAZON.DE Marketplace ${digits(3)}-${digits(7)}`, `PAYPAL *EBAY ${digits(6)}`]), -rp(400, 12000)];
      if (r === 13) return [pick([`POS KUPOVINA ****${l4} TID ${digits(8)} ${dmy(dn)}`, `Kupovina karticom ${dmy(dn)} ${hm()} ****${l4}`, `Card purchase ${dmy(dn)} terminal ${digits(8)}`]), -rp(100, 5000)];
      return [cardText(bk, l4, `${pick(['Prodavnica', 'Market', 'Pekara i market', 'Voće povrće'])} ${pick(LAST).replace(/ić$/, 'ić')}`, city, dn), -rp(90, 3500)];
    }
    case 'rent': {
      const who = chance(0.8) ? person() : pick(['Agencija za nekretnine Kvadrat', 'Stan-invest d.o.o.', 'Agencija Dom plus', 'Nekretnine Adresa d.o.o.']);
      const mo = `${monthName(dn)} ${parts(dn)[0]}`;
      const w = pick(['kirija za ' + mo, 'kirija ' + mmyyyy(dn), 'stanarina ' + mo, 'zakup stana ' + mmyyyy(dn), 'KIRIJA STAN ' + up(mo), 'stanarina za sobu ' + mo, 'zakup stana ul. ' + pick(['Njegoševa', 'Bulevar oslobođenja', 'Karađorđeva', 'Cara Dušana', 'Vojvode Mišića']) + ' ' + ri(1, 90)]);
      const r = ri(1, 6);
      let d;
      if (r === 1) d = ipsText(bk, who, w, dn, 1);
      else if (r === 2) d = standingText(bk, who, w, ri(100, 9999));
      else if (r === 3) d = `Кирија за стан ${cyr(monthName(dn))} - ${cyr(who)}`;
      else d = orderText(bk, who, w, 290, dn, 1);
      return [d, -rp(15000, 85000, false)];
    }
    case 'dining': {
      const r = ri(1, 10);
      const m = pick(r <= 3 ? BAKERY : r <= 6 ? CAFE : RESTO);
      if (r === 7) return [pick([`WOLT ${strip(m)} ${up(strip(city))}`, `Wolt*${m.replace(/ /g, '')} ${city}`, `GLOVO ${strip(m)} ${up(strip(city))} RS`, `DONESI.COM ${m} ${city}`, `Glovo porudžbina ${digits(8)}`]), -rp(600, 4800)];
      if (r === 8) return [qrText(bk, m, city, dn), -rp(150, 3500)];
      if (r === 9) return [pick([`SumUp *${m} ${city}`, `SQ *${up(strip(m))}`, `myPOS *${m}`]), -rp(180, 5500)];
      return [cardText(bk, l4, m, city, dn, ri(0, 1)), -rp(90, 9500)];
    }
    case 'utilities': {
      const r = ri(1, 16);
      const ref = digits(10);
      let payee, purpose, amt;
      if (r === 1) { payee = t.water || t.combined; purpose = `voda i kanalizacija ${mmyyyy(dn)}`; amt = rp(700, 4500); }
      else if (r === 2) { payee = t.heat || t.waste; purpose = t.heat ? `grejanje ${mmyyyy(dn)}` : `odvoz smeća ${mmyyyy(dn)}`; amt = rp(600, 14000); }
      else if (r === 3) { payee = t.waste; purpose = `iznošenje smeća ${mmyyyy(dn)}`; amt = rp(400, 1800); }
      else if (r === 4) { payee = pick(['EPS Snabdevanje', 'JP EPS Snabdevanje', 'Elektroprivreda Srbije - Snabdevanje']); purpose = `el. energija ED broj ${digits(10)}`; amt = rp(1500, 16000); }
      else if (r === 5) { payee = pick(['mts Telekom Srbija', 'A1 Srbija', 'Yettel', 'SBB', 'Orion telekom', 'Supernova']); purpose = pick(['račun ' + mmyyyy(dn), 'pretplata ' + mmyyyy(dn), 'broj ugovora ' + digits(8)]); amt = rp(900, 6500); }
      else if (r === 6) { payee = pick(['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje', 'Wiener Städtische osiguranje', 'Triglav osiguranje', 'Milenijum osiguranje']); purpose = pick(['premija polisa ' + digits(8), 'osiguranje stana', 'životno osiguranje rata', 'putno osiguranje']); amt = rp(800, 35000); }
      else if (r === 7) { payee = `Stambena zajednica ${pick(['Bulevar', 'Nemanjina', 'Kralja Petra', 'Cara Lazara', 'Jug Bogdana', 'Svetozara Markovića'])} ${ri(1, 120)} ${city}`; purpose = pick(['održavanje zgrade', 'tekuće održavanje', 'upravnik zgrade ' + mmyyyy(dn)]); amt = rp(300, 2500, false); }
      else if (r === 8) { payee = `Gradska uprava ${city}`; purpose = pick(['porez na imovinu ' + pick(['I', 'II', 'III', 'IV']) + ' kvartal', 'lokalna komunalna taksa', 'administrativna taksa']); amt = rp(300, 16000); }
      else if (r === 9) { payee = t.kg; purpose = `vrtić ${monthName(dn)} ${pick(FIRST)}`; amt = rp(3000, 9500); }
      else if (r === 10) { payee = pick(['Srbijagas', `JP ${t.n} gas`, 'Gas distribucija ' + t.n]); purpose = `potrošnja gasa ${mmyyyy(dn)}`; amt = rp(800, 12000); }
      else if (r === 11) { payee = pick(['Republički fond za zdravstveno osiguranje', 'Poreska uprava', 'MUP RS - prekršaj', 'Budžet RS kazna']); purpose = pick(['doprinos RZZO', 'porez na dohodak', 'novčana kazna', 'taksa za ličnu kartu', 'taksa za pasoš']); amt = rp(500, 20000); }
      else if (r === 12) { payee = t.combined || `JKP objedinjena naplata ${t.n}`; purpose = `objedinjena naplata ${mmyyyy(dn)}`; amt = rp(2500, 16000); }
      else if (r === 13) { payee = pick(['mts', 'A1', 'Yettel', 'SBB']); return [ddText(bk, payee + ' račun', ref), -rp(900, 5500)]; }
      else if (r === 14) { payee = `Upravnik zgrade ${pick(['Pro Upravnik d.o.o.', 'Profesionalni upravnik Zgrada plus', 'Upravnik Dom servis'])}`; purpose = mmyyyy(dn); amt = rp(400, 2200, false); }
      else if (r === 15) { return [cardText(bk, l4, pick(['MTS RACUN ONLINE PLACANJE', 'A1 SRBIJA RACUN', 'YETTEL RACUN PLACANJE', 'EPS SNABDEVANJE ONLINE', up(strip(t.combined || t.water || t.waste)) + ' ONLINE RACUN']), city, dn), -rp(800, 9000)]; }
      else { payee = `Škola ${pick(['OŠ Vuk Karadžić', 'OŠ Branko Radičević', 'OŠ Sveti Sava', 'Gimnazija'])} ${city}`; purpose = pick(['užina', 'ekskurzija rata', 'produženi boravak']); amt = rp(900, 9000); }
      return [chance(0.3) ? standingText(bk, payee, purpose, ri(10, 999)) : orderText(bk, payee, purpose, chance(0.2) ? 253 : 289, dn, ri(0, 1)), -amt];
    }
    case 'transport': {
      const r = ri(1, 11);
      if (r <= 3) return [cardText(bk, l4, `${pick(FUEL)} ${city} ${ri(1, 9)}`, city, dn, ri(0, 1)), -rp(1500, 9000)];
      if (r === 4) { const tx = pick(t.taxi); return [chance(0.5) ? ipsText(bk, tx, 'vožnja', dn) : cardText(bk, l4, tx, city, dn), -rp(250, 3200)]; }
      if (r === 5) return [pick([`CARGO ${pick(['BEOGRAD', 'NOVI SAD', 'NIS'])} ${digits(6)}`, `YANDEX GO ${digits(6)}`, `Naxi taxi aplikacija ${dmy(dn)}`]), -rp(300, 2500)];
      if (r === 6) return [pick([`${t.parking || 'JKP Parking servis ' + city} ${pick(['dnevna karta', 'zona 2', 'garaža'])}`, `${t.transit || 'Gradski prevoz ' + city} dopuna karte`, `BusPlus dopuna ${digits(6)}`, `Parking garaža ${pick(['Masarikova', 'Centar', 'Spens'])} ${city}`]) + ` ${dmy(dn)}`, -rp(60, 3500)];
      if (r === 7) return [pick([`PUTEVI SRBIJE NAPLATA PUTARINE ${pick(['Vrčin', 'Preševo', 'Doljevac', 'Batočina', 'Feketić', 'Beška'])}`, `Putarina Tag dopuna ${digits(5)}`, `Srbijavoz karta ${pick(['Beograd-Novi Sad', 'Niš-Beograd', 'Subotica-Novi Sad'])}`, `LASTA AD prodaja karata ${city}`, `Niš Ekspres autobuska karta`, `Autobuska stanica ${city} karta`]) + ` ${hm()}`, -rp(150, 4000)];
      if (r === 8) return [pick([`AIR SERBIA ${digits(10)} BEOGRAD`, `WIZZ AIR ${pick(['W6', 'AIR'])} ${digits(6)} BUDAPEST HU`, `RYANAIR ${digits(6)} DUBLIN IE`]), -rp(4500, 48000)];
      if (r === 9) { const m = pick(CARSVC); return [cardText(bk, l4, m, city, dn, 1), -(/Perionica|perionica|Vulkanizer/.test(m) ? rp(400, 4500) : rp(1500, 35000))]; }
      if (r === 10) return [orderText(bk, `${pick(['Tehnički pregled Auto centar', 'Auto kuća Stojanović', 'Agencija za registraciju vozila'])} ${city}`, pick(['registracija vozila ' + up(t.n.slice(0, 2)) + digits(3), 'tehnički pregled', 'servis vozila']), 221, dn), -rp(3000, 38000)];
      return [cardText(bk, l4, `Benzinska pumpa ${pick(LAST)}`, city, dn), -rp(1000, 7000)];
    }
    case 'entertainment': {
      const r = ri(1, 9);
      if (r <= 4) { const m = pick(ENT); return [cardText(bk, l4, `${m} ${chance(0.5) ? city : ''}`.trim(), city, dn, ri(0, 1)), -rp(200, 9000)]; }
      if (r === 5) return [cardText(bk, l4, pick(ENT_CHAIN), city, dn), -rp(400, 35000)];
      if (r === 6) return [pick([`${t.theatre || 'Kulturni centar ' + city} karte`, `${t.pool || 'Gradski bazen ' + city} ulaznica`, `Bioskop ${pick(['Fontana', 'Kupina', 'Vila'])} ${city}`, `Hotel ${pick(['Zlatibor', 'Kopaonik', 'Palisad', 'Tara', 'Izvor'])} ${pick(['Zlatibor', 'Kopaonik', 'Aranđelovac', 'Bajina Bašta'])}`]) + ` ${dmy(dn)}`, -rp(300, 32000)];
      if (r === 7) return [orderText(bk, pick(['Fudbalski klub ' + city, 'Košarkaški klub ' + city, 'Sportski savez ' + city, 'Teniski klub ' + city]), 'članarina ' + monthName(dn), 221, dn), -rp(1000, 6000)];
      if (r === 8) return [pick([`MOZZART ONLINE UPLATA ${digits(7)}`, `MAXBET ONLINE ${digits(6)}`, `SOCCERBET uplata na nalog ${digits(6)}`, `MERIDIANBET ONLINE ${digits(6)}`]), -rp(200, 5000)];
      return [qrText(bk, pick(ENT), city, dn), -rp(400, 6000)];
    }
    case 'subscriptions': {
      const s = pick(SUBS); const r = ri(1, 6);
      const rsd = Math.round((s.eur ? pick(s.eur) * eurRate() : pick(s.usd) * usdRate()) * 100);
      if (r === 6) return [cardText(bk, l4, pick(NEWS), 'Beograd', dn), -rp(290, 1200)];
      const tx = pick(s.txt);
      const d = r === 1 ? `${tx} ${dmy(dn)}` : r === 2 ? cardText(bk, l4, tx, '', dn) : r === 3 ? `Kupovina u inostranstvu ${tx} ${chance(0.5) ? 'EUR ' + (s.eur ? pick(s.eur) : '') : ''} ****${l4}`.replace(/  +/g, ' ') : r === 4 ? `${up(tx)} ${digits(6)}` : `Card payment ${tx} ${parts(dn)[0]}`;
      return [d.replace(/ +$/, ''), -rsd];
    }
    case 'salary': {
      const r = ri(1, 10);
      if (r <= 4) { const e = `${pick(EMPLOYERS)} ${chance(0.5) ? city : ''}`.trim(); return [inText(bk, e, pick([`isplata zarade za ${monthName(dn, -1)} ${parts(dn)[0]}`, `zarada ${mmyyyy(dn, -1)}`, `plata ${monthName(dn, -1)}`, `akontacija zarade ${mmyyyy(dn)}`, `neto zarada ${mmyyyy(dn, -1)}`]), 240), rp(42000, 260000)]; }
      if (r === 5) return [pick([`Penzija PIO fond ${mmyyyy(dn, -1)}`, `PIO FOND ISPLATA PENZIJE ${mmyyyy(dn, -1)}`, `Пензија ПИО фонд ${mmyyyy(dn, -1)}`, `Republički fond PIO - penzija ${monthName(dn, -1)}`]), rp(22000, 95000)];
      if (r === 6) return [inText(bk, pick(FOREIGN), pick([`honorar faktura ${digits(4)}`, `invoice ${parts(dn)[0]}-${digits(3)}`, `payout ${dmy(dn)}`, 'honorar za usluge programiranja']), 240), rp(60000, 600000)];
      if (r === 7) return [inText(bk, pick(EMPLOYERS), pick(['dnevnice službeni put', 'bonus za kvartal', 'godišnji bonus', 'topli obrok i regres', 'regres za godišnji odmor', 'honorar po ugovoru o delu', 'prekovremeni rad']), 240), rp(3000, 120000)];
      if (r === 8) return [pick([`Wolt courier payout ${dmy(dn)}`, `GLOVO partner isplata ${digits(6)}`, `Isplata kurir ${pick(['Wolt', 'Glovo', 'D Express'])} ${mmyyyy(dn)}`]), rp(6000, 60000)];
      if (r === 9) return [pick([`Ministarstvo prosvete - učenička stipendija ${mmyyyy(dn)}`, `Fond za mlade talente stipendija ${mmyyyy(dn)}`, `Studentska stipendija Opština ${city}`, `Stipendija Dositeja ${parts(dn)[0]}`]), rp(5000, 30000, false)];
      return [inText(bk, `${pick(['OŠ', 'Dom zdravlja', 'Opština', 'Muzej', 'Kulturni centar'])} ${city}`, pick([`zarada ${mmyyyy(dn, -1)}`, `plata ${mmyyyy(dn, -1)}`, `isplata zarade`]), 240) + ` ${dmy(dn)}`, rp(48000, 140000)];
    }
    case 'transfer': {
      const r = ri(1, 16), p = person();
      if (r === 1) return [ipsText(bk, p, pick(['', 'pozajmica', 'za ručak', 'poklon', 'vraćam dug', 'za put']), dn, ri(0, 1)), -rp(300, 30000, false)];
      if (r === 2) return [inText(bk, p, pick(['poklon', 'vraćen dug', 'za račune', 'uplata', 'pomoć']), 290), rp(500, 40000, false)];
      if (r === 3) return [atmText(bk, l4, city, dn), -ri(1, 40) * 100000];
      if (r === 4) return [pick([`Naknada za vođenje računa ${mmyyyy(dn)}`, `Mesečna naknada paket računa ${mmyyyy(dn)}`, `Provizija za platni promet ${dmy(dn)}`, `Članarina za karticu ${parts(dn)[0]}`, `Naknada za SMS obaveštenja ${mmyyyy(dn)}`, `Obračun kamate po dozvoljenom minusu ${mmyyyy(dn)}`, `Naknada za isplatu na tuđem bankomatu ${dmy(dn)}`, `Account maintenance fee ${mmyyyy(dn)}`]), -rp(40, 1500)];
      if (r === 5) return [pick([`Rata kredita partija ${digits(10)}`, `Otplata gotovinskog kredita ${mmyyyy(dn)}`, `Rata stambenog kredita ${digits(8)}`, `Uplata po kreditnoj kartici ${digits(4)}`, `Отплата кредита ${digits(8)}`]), -rp(3000, 70000)];
      if (r === 6) return [pick([`Prenos na štednju ${digits(8)}`, `Oročena štednja ${digits(6)}`, `Prenos na sopstveni račun ${digits(3)}-${digits(10)}-${digits(2)}`, `Transfer to savings ${digits(6)}`]), -rp(1000, 100000, false)];
      if (r === 7) return [pick([`Prenos sa sopstvenog računa ${digits(6)}`, `Otkup deviza EUR ${ri(50, 2000)}.00 kurs ${(116 + rnd()).toFixed(4)}`, `Konverzija EUR-RSD ${digits(6)}`, `Povraćaj sredstava ${pick([...SHOP, ...RETAIL])}`, `Refund ${pick(['ALIEXPRESS', 'BOOKING.COM', 'WOLT'])} ${digits(6)}`, `Povrat poreza ${digits(5)}`, `Isplata osiguranja štete ${digits(6)}`]), rp(300, 150000)];
      if (r === 8) return [pick([`REVOLUT**${l4}* DUBLIN IE`, `Revolut top-up ${digits(6)}`, `PAYPAL *TOPUP ${digits(8)}`, `WISE EUROPE SA dopuna ${digits(6)}`]), -rp(1000, 50000, false)];
      if (r === 9) return [pick([`Prodaja deviza EUR ${ri(20, 1500)} kurs ${(117 + rnd()).toFixed(4)}`, `Kupovina deviza menjačnica ${digits(5)}`]), -rp(2000, 180000)];
      if (r === 10) return [orderText(bk, p, pick(['džeparac', 'za čišćenje stana', 'časovi matematike', 'pomoć roditeljima', 'za poklon', 'čuvanje dece']), 290, dn, ri(0, 1)), -rp(500, 25000, false)];
      if (r === 11) return [pick([`IPS plaćanje šifra 289 ${digits(10)}`, `Plaćanje ${dmy(dn)} šifra 290`, `Instant placanje ${digits(12)}`, `Nalog ${digits(8)} sifra 289`]), -rp(300, 15000)];
      if (r === 12) return [pick([`Uplata gotovine na šalteru ${city}`, `Polog gotovine ${dmy(dn)}`, `Deposit cash ${dmy(dn)} ${up(strip(city))}`]), rp(1000, 100000, false)];
      if (r === 13) return [`Džeparac ${pick(FIRST)} ${dmy(dn)}`, -rp(300, 3000, false)];
      if (r === 14) return [inText(bk, p, 'kirija - primljena uplata', 290) + ` ${dmy(dn)}`, rp(15000, 60000, false)];
      if (r === 15) return [`${pick(['Alimentacija', 'Pomoć sinu', 'Za ćerku studentkinju', 'Mama - penzija dopuna'])} ${p}`, chance(0.5) ? -rp(3000, 25000, false) : rp(3000, 25000, false)];
      return [ipsText(bk, p, '', dn) + ` ${hm()}`, chance(0.5) ? -rp(200, 15000) : rp(200, 15000)];
    }
  }
}
const rows = []; const seen = new Set();
const TARGET = 165;
for (const cat of CATS) {
  let n = 0, tries = 0;
  while (n < TARGET && tries < 20000) {
    tries++;
    let [d, a] = gen(cat);
    d = d.replace(/\s+/g, ' ').trim();
    if (!d || a === 0 || seen.has(d)) continue;
    seen.add(d); rows.push([d, a, cat]); n++;
  }
}
// shuffle deterministically
for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
fs.writeFileSync(path.join(OUT, 'categorize-blind.tsv'), rows.map(([d, a, c]) => `${d}\t${money(a)}\t${c}`).join('\n') + '\n');

// ================= RECURRING HISTORIES =================
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const median = (a) => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const PROFILES = ['student', 'pensioner', 'family', 'freelancer', 'smallbiz', 'courier', 'couple', 'worker', 'landlord', 'family', 'worker', 'pensioner'];
const PROFILE_SR = { student: 'student', pensioner: 'pensioner', family: 'family with children', freelancer: 'freelancer paid from abroad', smallbiz: 'small-business owner (paušalac)', courier: 'delivery courier', couple: 'young couple', worker: 'single employee', landlord: 'pensioner renting out a flat' };
const histories = [];
const NH = 66;
const townOrder = []; for (let i = 0; i < NH; i++) townOrder.push(TOWNS[i < TOWNS.length ? i : ri(0, TOWNS.length - 1)]);

function schedule(h, freq, start, end, o) {
  const out = [];
  if (freq === 'weekly' || freq === 'biweekly') {
    const step = PER[freq];
    for (let d = start; d <= end; d += step) {
      if (freq === 'weekly' && o.skip && chance(0.04)) continue;
      const j = chance(0.15) ? ri(-1, 1) : 0;
      out.push(d + j);
    }
  } else {
    const k = freq === 'monthly' ? 1 : freq === 'quarterly' ? 3 : 12;
    let [y, m] = parts(start); const dom = o.dom ?? ri(1, 27);
    if (ymd(y, m, dom) < start) { m += k; }
    let dbl = false;
    for (let it = 0; it < 80; it++) {
      while (m > 12) { m -= 12; y++; }
      const base = ymd(y, m, Math.min(dom, 28));
      if (base > end + 12) break;
      const j = o.hand ? ri(-3, 10) : (chance(0.25) ? ri(-2, 3) : 0);
      if (freq === 'monthly' && o.skip && !dbl && chance(0.07)) { dbl = true; m += k; continue; }
      out.push(base + j);
      if (dbl) { out.push(base + j + ri(1, 6)); dbl = false; }
      m += k;
    }
  }
  return out.filter((d) => d >= h.hs && d <= end && d <= h.cutoff).sort((a, b) => a - b);
}

function addStream(h, s) {
  // s: {freq, dir, cat, desc(dn,k), amt(dn,k) -> positive paras, startFrac?, inactive?, o:{}}
  const P = PER[s.freq]; const span = h.cutoff - h.hs;
  let start = s.startAt ?? (h.hs + Math.round((s.startFrac ?? 0) * span) + ri(0, Math.max(1, Math.round(Math.min(P, 40)) - 1)));
  let end = s.inactive ? h.today - Math.ceil(2.6 * P) - ri(3, Math.round(P * 0.8) + 3) : h.cutoff;
  let dates = schedule(h, s.freq, start, end, s.o || {});
  const status = (ds) => { const gap = h.today - ds[ds.length - 1]; return gap <= 1.5 * P ? 'active' : gap >= 2.6 * P ? 'inactive' : 'amb'; };
  if (dates.length < MINM[s.freq]) return null;
  let st = status(dates);
  if (st === 'amb' && !s.inactive) { dates.push(h.cutoff - ri(0, 1)); dates.sort((a, b) => a - b); st = status(dates); }
  if (st === 'amb' || (st === 'active') === !!s.inactive) return null;
  const gaps = dates.slice(1).map((d, i) => d - dates[i]);
  const mg = median(gaps);
  if (mg < 0.75 * P || mg > 1.3 * P) return null;
  const members = dates.map((dn, k) => {
    const a = s.amt(dn, k); if (!(a > 0)) throw new Error('bad amt');
    return { date: dn, amount: s.dir === 'incoming' ? a : -a, description: s.desc(dn, k).replace(/\s+/g, ' ').trim(), category: s.cat };
  });
  const stream = { direction: s.dir, frequency: s.freq, category: s.cat, is_active: st === 'active', members, oneoff: s.oneoff };
  h.streams.push(stream);
  return stream;
}
const fx = (eur) => () => Math.round(eur * eurRate() * 100);
const fixed = (p) => () => p;
const rise = (p1, p2, at) => (dn) => dn < at ? p1 : p2;
const vary = (base, lo, hi) => () => Math.max(100, base + ri(lo, hi) * 100);
const seasonal = (base, amp) => (dn) => { const m = parts(dn)[1]; return Math.round(base * (1 + amp * Math.cos((m - 1) / 12 * 2 * Math.PI)) * (0.9 + rnd() * 0.2)); };
const yearly = (base, inc) => (dn) => Math.round(base * Math.pow(1 + inc, parts(dn)[0] - 2023) / 100) * 100;

function buildHistory(i) {
  const hid = `h${pad(i + 1)}`;
  const t = townOrder[i]; const bk = BANK_KEYS[(i * 7 + ri(0, 3)) % BANK_KEYS.length]; const l4 = digits(4);
  const today = ymd(2025, 5, 1) + ri(0, 560);
  const months = i < NH - 8 ? ri(24, 36) : ri(8, 22);
  const hs = today - Math.round(months * 30.44) + ri(0, 8);
  const h = { hid, t, bk, l4, today, hs, cutoff: today - 3, streams: [], noise: [] };
  const prof = PROFILES[i % PROFILES.length];
  const city = t.n; const switchAt = chance(0.35) ? hs + Math.round((today - hs) * (0.3 + rnd() * 0.4)) : Infinity;
  const V = (dn) => (dn >= switchAt ? 1 : 0);
  const long = months >= 24;
  const owner = person();
  const ord = (payee, purpose, code = 289) => (dn) => orderText(bk, payee, typeof purpose === 'function' ? purpose(dn) : purpose, code, dn, V(dn));
  const card = (m) => (dn) => cardText(bk, l4, m, '', dn, V(dn)).replace(/\s+/g, ' ');
  const S = (o) => addStream(h, o);

  // ---- income ----
  const emp = `${pick(EMPLOYERS)}${chance(0.4) ? ' ' + city : ''}`;
  if (prof === 'pensioner' || prof === 'landlord') {
    const base = ri(28000, 72000) * 100;
    S({ freq: 'monthly', dir: 'incoming', cat: 'salary', o: { dom: ri(5, 15) }, desc: (dn) => pick([`Penzija PIO fond ${mmyyyy(dn, -1)}`, `PIO FOND ISPLATA PENZIJE ${mmyyyy(dn, -1)}`]), amt: (dn) => Math.round(base * Math.pow(1.055, parts(dn)[0] - 2024) / 100) * 100 });
  } else if (prof === 'student') {
    const s1 = ri(8000, 15000) * 100;
    S({ freq: 'monthly', dir: 'incoming', cat: 'salary', o: { dom: ri(15, 25) }, desc: (dn) => `Studentski kredit/stipendija Ministarstvo prosvete ${mmyyyy(dn)}`, amt: fixed(s1) });
    const parent = `${pick(FIRST)} ${owner.split(' ')[1]}`;
    S({ freq: chance(0.5) ? 'biweekly' : 'monthly', dir: 'incoming', cat: 'transfer', desc: (dn) => ipsText(bk, parent, 'za troškove', dn, V(dn)), amt: vary(ri(5, 15) * 100000, -2000, 3000) });
  } else if (prof === 'freelancer') {
    const cl = pick(FOREIGN);
    S({ freq: 'monthly', dir: 'incoming', cat: 'salary', o: { dom: ri(1, 10), hand: true }, desc: (dn) => inText(bk, cl, `invoice ${parts(dn)[0]}-${pad(parts(dn)[1])} honorar`, 240), amt: (dn) => Math.round(ri(1800, 3200) * eurRate()) * 100 });
    if (long) S({ freq: 'quarterly', dir: 'incoming', cat: 'salary', o: { dom: ri(10, 25) }, desc: ((c2) => (dn) => inText(bk, c2, 'quarterly retainer honorar', 240))(pick(FOREIGN.filter((x) => x !== cl))), amt: (dn) => Math.round(ri(600, 900) * eurRate()) * 100 });
  } else if (prof === 'courier') {
    S({ freq: 'weekly', dir: 'incoming', cat: 'salary', o: { skip: true }, startAt: h.hs + ri(0, 6), desc: (dn) => `Wolt courier payout ${dmy(dn)}`, amt: vary(ri(9000, 16000) * 100, -4000, 5000), inactive: chance(0.3) });
    S({ freq: 'biweekly', dir: 'incoming', cat: 'salary', startFrac: 0.3, desc: (dn) => `GLOVO partner isplata ${digits(6)}`, amt: vary(ri(12000, 25000) * 100, -6000, 6000) });
  } else {
    const base = ri(65000, 240000) * 100;
    const jobChange = chance(0.3) && long;
    const d1 = (dn) => inText(bk, emp, `isplata zarade za ${monthName(dn, -1)} ${parts(dn - 31)[0]}`, 240);
    if (jobChange) {
      const emp2 = `${pick(EMPLOYERS)} ${city}`;
      const stopAt = today - ri(100, 300);
      S({ freq: 'monthly', dir: 'incoming', cat: 'salary', o: { dom: ri(5, 12) }, desc: d1, amt: vary(base, -3000, 4000), inactive: true });
      S({ freq: 'monthly', dir: 'incoming', cat: 'salary', startAt: stopAt - ri(20, 60), o: { dom: ri(8, 15) }, desc: (dn) => inText(bk, emp2, `zarada ${mmyyyy(dn, -1)}`, 240), amt: vary(Math.round(base * 1.15 / 100) * 100, -2000, 5000) });
    } else {
      S({ freq: 'monthly', dir: 'incoming', cat: 'salary', o: { dom: ri(5, 15) }, desc: d1, amt: chance(0.4) ? rise(base, base + ri(3, 12) * 100000, hs + ri(100, 500)) : vary(base, -3000, 4000) });
    }
    if (long && chance(0.5)) S({ freq: 'annually', dir: 'incoming', cat: 'salary', startAt: ymd(parts(hs)[0], 12, 1), o: { dom: ri(15, 24) }, desc: (dn) => inText(bk, emp, `godišnji bonus ${parts(dn)[0]}`, 240), amt: vary(ri(30000, 90000) * 100, -5000, 8000) });
    if (chance(0.35)) S({ freq: 'quarterly', dir: 'incoming', cat: 'salary', o: { dom: ri(10, 20) }, desc: (dn) => inText(bk, emp, `kvartalni bonus Q${Math.floor((parts(dn)[1] - 1) / 3) + 1}`, 240), amt: vary(ri(10000, 40000) * 100, -2000, 3000) });
    if (prof === 'smallbiz') {
      S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: 15, hand: true }, desc: ord('Poreska uprava', (dn) => `porez i doprinosi paušal ${mmyyyy(dn)}`, 253), amt: yearly(ri(28000, 42000) * 100, 0.07) });
      if (long) S({ freq: 'annually', dir: 'outgoing', cat: 'utilities', startAt: ymd(parts(hs)[0], 3, 1), o: { dom: ri(10, 28) }, desc: ord(`Gradska uprava ${city}`, 'lokalna komunalna taksa za isticanje firme', 253), amt: yearly(ri(8000, 30000) * 100, 0.05) });
    }
  }
  if (prof === 'landlord') {
    const tenant = person();
    S({ freq: 'monthly', dir: 'incoming', cat: 'transfer', o: { dom: ri(1, 6), hand: true }, desc: (dn) => ipsText(bk, tenant, `kirija ${monthName(dn)}`, dn, V(dn)), amt: fixed(ri(250, 450) * 11700) });
  }

  // ---- housing ----
  if (['student', 'couple', 'worker', 'courier', 'freelancer'].includes(prof) && chance(0.8)) {
    const ll = person(); const r1 = ri(180, 550) * 11700; const at = hs + ri(200, 700);
    const rw = pick(['kirija', 'stanarina', 'zakup stana']);
    S({ freq: 'monthly', dir: 'outgoing', cat: 'rent', o: { dom: ri(1, 8), hand: chance(0.5) }, desc: (dn) => (chance(0.15) ? standingText(bk, ll, `${rw} ${monthName(dn)}`, 4410) : ipsText(bk, ll, `${rw} ${monthName(dn)} ${parts(dn)[0]}`, dn, V(dn))), amt: rise(r1, r1 + ri(10, 50) * 11700, at) });
  }
  if (prof === 'family' || prof === 'couple' || prof === 'worker' || prof === 'freelancer') {
    if (chance(0.55)) S({ freq: 'monthly', dir: 'outgoing', cat: 'transfer', o: { dom: ri(1, 28) }, desc: (dn) => pick([`Rata kredita partija ${l4}${'0'.repeat(4)}12`, `Rata kredita ${'0'.repeat(2)}${l4}`]), amt: fixed(ri(90, 450) * 10000 + ri(0, 99)), inactive: chance(0.3) });
  }
  // utilities
  const edb = digits(10);
  S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(10, 25), hand: true, skip: true }, desc: (dn) => ord(dn >= switchAt ? 'JP EPS Snabdevanje' : 'EPS Snabdevanje', `ED broj ${edb} račun ${mmyyyy(dn, -1)}`)(dn), amt: seasonal(ri(3000, 8000) * 100, 0.45), oneoff: (dn) => [ord('EPS Snabdevanje', `ED broj ${digits(10)} vikendica`)(dn), -ri(800, 2500) * 100, 'utilities'] });
  if (t.combined && t.n === 'Beograd') {
    S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 25), hand: true }, desc: (dn) => ord('JKP Infostan tehnologije', `objedinjena naplata ${mmyyyy(dn, -1)} šifra korisnika ${l4}`)(dn), amt: seasonal(ri(7000, 13000) * 100, 0.35) });
  } else {
    if (t.water) S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 25), hand: chance(0.6) }, desc: (dn) => ord(t.water, `voda ${mmyyyy(dn, -1)}`)(dn), amt: vary(ri(1200, 3200) * 100, -300, 500) });
    if (t.heat && chance(0.7)) S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 25) }, desc: (dn) => chance(0.5) ? ddText(bk, t.heat, `grejanje ${mmyyyy(dn, -1)}`) : ddText(bk, t.heat, `grejanje racun ${mmyyyy(dn, -1)}`), amt: yearly(ri(4500, 9500) * 100, 0.08) });
    if (t.village) S({ freq: 'quarterly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 25), hand: true }, desc: (dn) => ord(t.waste, `odvoz smeća za kvartal ${Math.floor((parts(dn)[1] - 1) / 3) + 1}/${parts(dn)[0]}`)(dn), amt: yearly(ri(1500, 3000) * 100, 0.05) });
    else S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 25), hand: chance(0.5) }, desc: (dn) => ord(t.waste, `odvoz smeća ${mmyyyy(dn, -1)}`)(dn), amt: yearly(ri(600, 1400) * 100, 0.06) });
  }
  if (!t.village && chance(0.6)) { const upr = chance(0.5) ? `Stambena zajednica ${pick(['Bulevar', 'Nemanjina', 'Kralja Petra', 'Cara Lazara', 'Njegoševa'])} ${ri(1, 120)}` : 'Pro Upravnik d.o.o.'; S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(1, 10) }, desc: (dn) => standingText(bk, upr, 'održavanje zgrade', 7000 + i), amt: rise(ri(4, 15) * 10000, ri(16, 25) * 10000, hs + ri(100, 600)) }); }
  const tel = pick(['mts', 'A1 Srbija', 'Yettel']);
  S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(15, 28) }, desc: (dn) => ddText(bk, `${tel} mobilna`, `račun ${mmyyyy(dn, -1)} ${digits(2)}`), amt: chance(0.5) ? fixed(ri(1200, 3500) * 100) : vary(ri(1500, 3500) * 100, -200, 900) });
  if (chance(0.7)) { const isp = pick(['SBB', 'mts', 'Orion telekom', 'Supernova', 'Yettel']); S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 25), hand: chance(0.5) }, desc: (dn) => ord(isp, `internet i TV ugovor ${edb.slice(0, 7)}`)(dn), amt: rise(ri(2500, 4200) * 100, ri(4300, 5200) * 100, hs + ri(200, 700)), oneoff: isp === 'mts' ? null : (dn) => [cardText(bk, l4, `${up(isp)} SHOP ${up(strip(city))}`, '', dn), -ri(15000, 60000) * 100, 'groceries'] }); }
  if (prof === 'family') S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(5, 20), hand: true }, desc: (dn) => ord(t.kg, `vrtić ${monthName(dn, -1)} ${pick(FIRST)}`)(dn), amt: vary(ri(4000, 7500) * 100, -1500, 0), inactive: chance(0.25), startFrac: chance(0.3) ? 0.2 : 0 });
  if (prof === 'family' || prof === 'couple') S({ freq: 'monthly', dir: 'outgoing', cat: 'utilities', o: { dom: ri(1, 28) }, desc: (dn) => standingText(bk, 'Wiener Städtische osiguranje', `životno osiguranje polisa ${l4}`, 300 + i), amt: fixed(ri(1500, 4000) * 100) });
  // savings / fees
  S({ freq: 'monthly', dir: 'outgoing', cat: 'transfer', o: { dom: ri(27, 28) }, desc: (dn) => `${pick(['Naknada za vođenje računa', 'Naknada za vodjenje racuna'])} ${mmyyyy(dn)}`, amt: rise(ri(150, 300) * 100, ri(310, 450) * 100, hs + ri(100, 600)) });
  if (chance(0.5)) S({ freq: 'monthly', dir: 'outgoing', cat: 'transfer', o: { dom: ri(1, 28) }, desc: () => standingText(bk, 'Štedni račun', `prenos na štednju ${l4}`, 900 + i), amt: fixed(ri(2, 20) * 100000), startFrac: chance(0.4) ? 0.35 : 0 });
  if (prof === 'pensioner' || prof === 'landlord') { /* no extra */ } else if (chance(0.35)) { const par = `${pick(FIRST)} ${owner.split(' ')[1]}`; S({ freq: 'monthly', dir: 'outgoing', cat: 'transfer', o: { dom: ri(1, 15), hand: true }, desc: (dn) => ipsText(bk, par, 'pomoć mama i tata', dn, V(dn)), amt: vary(ri(5, 15) * 100000, 0, 2000) }); }
  // subscriptions
  const subs = [...SUBS].sort(() => rnd() - 0.5).slice(0, prof === 'pensioner' ? ri(0, 1) : ri(2, 4));
  for (const s of subs) {
    const e = s.eur ? pick(s.eur) : pick(s.usd) * 0.92; const at = hs + ri(150, 700);
    const txt0 = s.txt[0], txt1 = s.txt[s.txt.length - 1];
    const chg = chance(0.3) ? hs + ri(200, 600) : Infinity;
    S({ freq: 'monthly', dir: 'outgoing', cat: 'subscriptions', o: { dom: ri(1, 28) }, inactive: chance(0.2), startFrac: chance(0.25) ? 0.3 : 0, desc: (dn) => card(dn >= chg ? txt1 : txt0)(dn), amt: (dn) => Math.round((dn >= at && chance(1) ? e * 1.15 : e) * eurRate() * 100), oneoff: s.k === 'iCloud' || s.k === 'GooglePlay' ? (dn) => [card(txt0)(dn), -ri(150, 1500) * 100 - ri(0, 99), 'subscriptions'] : null });
  }
  // transport
  if (t.transit && (prof === 'student' || prof === 'worker' || prof === 'pensioner') && chance(0.6)) S({ freq: 'monthly', dir: 'outgoing', cat: 'transport', o: { dom: ri(1, 5) }, desc: (dn) => cardText(bk, l4, `${t.transit} mesečna karta`, city, dn), amt: fixed(ri(15, 40) * 10000) });
  const car = chance(0.6);
  if (car && long) {
    S({ freq: 'annually', dir: 'outgoing', cat: 'transport', startAt: hs + ri(0, 300), desc: ((ac) => (dn) => ord(ac, `registracija vozila ${up(strip(city.slice(0, 2)))}${l4.slice(0, 3)}`, 221)(dn))(`Auto centar ${pick(LAST)} ${city}`), amt: vary(ri(18000, 32000) * 100, 0, 2500) });
    if (chance(0.5)) S({ freq: 'annually', dir: 'outgoing', cat: 'utilities', startAt: hs + ri(0, 330), desc: ((ins) => (dn) => ord(ins, `kasko polisa ${l4}`)(dn))(pick(['Dunav osiguranje', 'DDOR Novi Sad', 'Generali osiguranje'])), amt: yearly(ri(30000, 70000) * 100, 0.04) });
  }
  if (car && chance(0.3) && t.parking) S({ freq: 'monthly', dir: 'outgoing', cat: 'transport', o: { dom: ri(1, 10) }, desc: (dn) => ord(t.parking, `pretplatna parking karta ${mmyyyy(dn)}`)(dn), amt: yearly(ri(2500, 4000) * 100, 0.1) });
  // gym
  const gym = `${pick(['Fitnes klub Titan', 'Teretana Spartak', 'Gym Energy', 'Fitness centar Forma', 'Teretana Olimp', 'CrossFit Box Vuk'])} ${city}`;
  if (prof !== 'pensioner' && chance(0.5)) S({ freq: 'monthly', dir: 'outgoing', cat: 'entertainment', o: { dom: ri(1, 10), hand: true }, desc: (dn) => chance(0.6) ? cardText(bk, l4, gym, city, dn) : qrText(bk, gym, city, dn), amt: rise(ri(25, 40) * 10000, ri(42, 55) * 10000, hs + ri(200, 600)), inactive: chance(0.3), oneoff: (dn) => [cardText(bk, l4, gym, city, dn), -ri(900, 2500) * 100, 'entertainment'] });
  // ---- quarterly pool ----
  const QP = [
    () => S({ freq: 'quarterly', dir: 'outgoing', cat: 'utilities', startAt: hs + ri(0, 90), o: { dom: ri(10, 16), hand: true }, desc: (dn) => ord(`Gradska uprava ${city}`, `porez na imovinu ${pick(['', 'fizičkih lica '])}kvartal ${Math.floor((parts(dn)[1] - 1) / 3) + 1}/${parts(dn)[0]}`, 253)(dn), amt: yearly(ri(1500, 9000) * 100, 0.06) }),
    () => S({ freq: 'quarterly', dir: 'outgoing', cat: 'utilities', startAt: hs + ri(0, 90), desc: ((ins) => () => standingText(bk, ins, `osiguranje kuće polisa ${l4} rata`, 500 + i))(pick(['Dunav osiguranje', 'Triglav osiguranje', 'Generali osiguranje'])), amt: fixed(ri(4000, 12000) * 100) }),
    () => S({ freq: 'quarterly', dir: 'outgoing', cat: 'entertainment', startAt: hs + ri(0, 90), inactive: chance(0.4), desc: ((v) => (dn) => cardText(bk, l4, `${v} ${city} tromesečna`, city, dn))(pick(['Bazen', 'Sportski centar', 'Teniski klub'])), amt: rise(ri(60, 120) * 10000, ri(125, 150) * 10000, hs + ri(300, 700)) }),
    () => S({ freq: 'quarterly', dir: 'outgoing', cat: 'subscriptions', startAt: hs + ri(0, 90), desc: ((v) => (dn) => card(v)(dn))(pick(['Vreme nedeljnik kvartalna pretplata', 'NIN kvartalna pretplata', 'XBOX GAME PASS 3M MSBILL.INFO'])), amt: fixed(ri(1800, 4500) * 100) }),
    () => { const p = person(); return S({ freq: 'quarterly', dir: 'outgoing', cat: 'transfer', startAt: hs + ri(0, 90), o: { hand: true }, desc: (dn) => ipsText(bk, p, 'tromesečna uplata za zajednički fond', dn, V(dn)), amt: fixed(ri(10, 30) * 100000), inactive: chance(0.3) }); },
    () => S({ freq: 'quarterly', dir: 'outgoing', cat: 'transfer', startAt: hs + ri(0, 90), desc: () => `Prenos na oročenu štednju ${l4}`, amt: fixed(ri(20, 100) * 100000) }),
    () => S({ freq: 'quarterly', dir: 'outgoing', cat: 'utilities', startAt: hs + ri(0, 90), o: { hand: true }, desc: ((g) => (dn) => ord(g, `gas za kvartal ${Math.floor((parts(dn)[1] - 1) / 3) + 1}/${parts(dn)[0]}`)(dn))(pick(['Srbijagas', `JP ${city} gas`])), amt: seasonal(ri(4000, 9000) * 100, 0.5) }),
  ];
  const nq = long ? (chance(0.4) ? 3 : 2) : 1;
  [...QP].sort(() => rnd() - 0.5).slice(0, nq).forEach((f) => f());
  // ---- annual pool ----
  if (long) {
    const AP = [
      () => S({ freq: 'annually', dir: 'outgoing', cat: 'transfer', startAt: hs + ri(0, 300), desc: (dn) => `Članarina za karticu ${parts(dn)[0]} ****${l4}`, amt: yearly(ri(600, 1500) * 100, 0.1) }),
      () => { const s = pick(SUBS.filter((x) => ['Spotify', 'iCloud', 'M365', 'Canva', 'Adobe', 'Duolingo', 'Dropbox'].includes(x.k))); const e = (s.eur ? s.eur[0] : 20) * 10; return S({ freq: 'annually', dir: 'outgoing', cat: 'subscriptions', startAt: hs + ri(0, 300), desc: (dn) => card(`${s.txt[0]} ANNUAL`)(dn), amt: fx(e) }); },
      () => S({ freq: 'annually', dir: 'outgoing', cat: 'utilities', startAt: hs + ri(0, 300), desc: ((ins) => (dn) => ord(ins, `osiguranje stana godišnja premija polisa ${l4}`)(dn))(pick(['Dunav osiguranje', 'DDOR Novi Sad', 'Wiener Städtische osiguranje'])), amt: yearly(ri(4000, 12000) * 100, 0.05) }),
      () => S({ freq: 'annually', dir: 'outgoing', cat: 'entertainment', startAt: hs + ri(0, 300), desc: ((c) => (dn) => ord(c, `godišnja članarina ${parts(dn)[0]}`, 221)(dn))(pick([`Planinarsko društvo ${city}`, `Teniski klub ${city}`, `Šahovski klub ${city}`])), amt: yearly(ri(3000, 9000) * 100, 0.1) }),
      () => S({ freq: 'annually', dir: 'outgoing', cat: 'utilities', startAt: hs + ri(0, 300), desc: ((w) => (dn) => ord(`Gradska uprava ${city}`, `komunalna taksa za ${w} ${parts(dn)[0]}`, 253)(dn))(pick(['psa', 'vikendicu', 'priključak'])), amt: yearly(ri(1000, 4000) * 100, 0.05) }),
      () => S({ freq: 'annually', dir: 'outgoing', cat: 'transport', startAt: hs + ri(0, 300), desc: ((v) => (dn) => cardText(bk, l4, `Tehnički pregled ${v} ${city}`, city, dn))(pick(['Auto centar', 'Tehnoput', 'AMSS centar'])), amt: vary(ri(3500, 6000) * 100, 0, 800) }),
    ];
    [...AP].sort(() => rnd() - 0.5).slice(0, chance(0.3) ? 3 : 2).forEach((f) => f());
  }
  // ---- weekly / biweekly ----
  const kid = pick(FIRST), cleaner = person(), tutor = person();
  const WP = [
    () => S({ freq: 'weekly', dir: 'outgoing', cat: 'transfer', o: { skip: true }, startFrac: chance(0.3) ? 0.4 : 0, desc: (dn) => ipsText(bk, `${kid} ${owner.split(' ')[1]}`, 'džeparac', dn, V(dn)), amt: rise(ri(5, 15) * 10000, ri(16, 25) * 10000, hs + ri(100, 600)) }),
    () => S({ freq: 'weekly', dir: 'outgoing', cat: 'transfer', o: { skip: true }, inactive: chance(0.35), desc: (dn) => ipsText(bk, cleaner, 'čišćenje', dn, V(dn)), amt: fixed(ri(25, 40) * 10000) }),
    () => S({ freq: 'weekly', dir: 'outgoing', cat: 'transfer', startFrac: 0.2, desc: (dn) => ipsText(bk, tutor, 'časovi engleskog', dn, V(dn)), amt: fixed(ri(15, 30) * 10000), inactive: chance(0.3) }),
    () => S({ freq: 'weekly', dir: 'outgoing', cat: 'transfer', desc: () => standingText(bk, 'Štednja nedeljna', `Štednja ${l4}`, 1200 + i), amt: fixed(ri(5, 20) * 10000) }),
  ];
  const BP = [
    () => S({ freq: 'biweekly', dir: 'outgoing', cat: 'transfer', inactive: chance(0.3), desc: (dn) => ipsText(bk, cleaner, 'spremanje stana', dn, V(dn)), amt: fixed(ri(30, 50) * 10000) }),
    () => S({ freq: 'biweekly', dir: 'outgoing', cat: 'transfer', startFrac: chance(0.4) ? 0.3 : 0, desc: (dn) => ipsText(bk, tutor, 'časovi klavira', dn, V(dn)), amt: rise(ri(30, 40) * 10000, ri(42, 50) * 10000, hs + ri(200, 600)) }),
    () => S({ freq: 'biweekly', dir: 'outgoing', cat: 'transfer', desc: (dn) => ipsText(bk, `${kid} ${owner.split(' ')[1]}`, 'za studentske troškove', dn, V(dn)), amt: vary(ri(40, 80) * 10000, -500, 1500) }),
  ];
  const wps = [...WP].sort(() => rnd() - 0.5);
  if (prof !== 'courier' || chance(0.5)) wps[0]();
  if (prof !== 'student' && prof !== 'courier') pick(BP)();
  if (chance(0.2)) wps[1]();

  // ---- noise ----
  const loc = {
    bak: [pick(BAKERY), pick(BAKERY)], cafe: [pick(CAFE), pick(CAFE), pick(CAFE)], rest: [pick(RESTO), pick(RESTO), pick(RESTO)],
    shop: [pick(SHOP), pick(SHOP), `${pick(CHAINS_G.slice(0, 10))} ${ri(10, 999)}`, `${pick(CHAINS_G.slice(0, 10))} ${ri(10, 999)}`], meat: [pick(BUTCHER)], pij: [pick(t.pijaca)],
    health: [pick(HEALTH), pick(HEALTH)], retail: [pick(RETAIL), pick(RETAIL), pick(CHAINS_G.slice(10))], fuel: [`${pick(FUEL)} ${city}`, `${pick(FUEL)} ${city}`], ent: [pick(ENT.filter((x) => !/Fitnes|Teretana|Gym/.test(x))), pick(ENT_CHAIN)],
  };
  const friends = [person(), person(), person(), person()];
  const N = (dn, desc, amt, cat) => h.noise.push({ date: dn, amount: amt, description: desc.replace(/\s+/g, ' ').trim(), category: cat });
  const spend = (dn) => {
    const r = rnd();
    if (r < 0.3) N(dn, cardText(bk, l4, pick(loc.shop), city, dn, V(dn)), -rp(150, 6500), 'groceries');
    else if (r < 0.36) N(dn, chance(0.5) ? qrText(bk, pick(loc.pij), city, dn) : cardText(bk, l4, pick(loc.meat), city, dn), -rp(300, 4000), 'groceries');
    else if (r < 0.46) N(dn, cardText(bk, l4, pick(loc.bak), city, dn, V(dn)), -rp(90, 900), 'dining');
    else if (r < 0.56) N(dn, chance(0.8) ? cardText(bk, l4, pick(loc.cafe), city, dn) : qrText(bk, pick(loc.cafe), city, dn), -rp(180, 2500), 'dining');
    else if (r < 0.62) N(dn, chance(0.6) ? cardText(bk, l4, pick(loc.rest), city, dn) : `${pick(['WOLT', 'Glovo', 'Wolt*'])} ${strip(pick(loc.rest))} ${up(strip(city))}`, -rp(700, 6500), 'dining');
    else if (r < 0.7) N(dn, car ? cardText(bk, l4, pick(loc.fuel), city, dn) : (chance(0.5) ? ipsText(bk, pick(t.taxi), 'vožnja', dn) : cardText(bk, l4, pick(t.taxi), city, dn)), car ? -rp(2000, 8000) : -rp(300, 1800), 'transport');
    else if (r < 0.76) N(dn, cardText(bk, l4, pick(loc.health), city, dn), -rp(250, 6000), 'groceries');
    else if (r < 0.82) N(dn, cardText(bk, l4, pick(loc.retail), city, dn), -rp(500, 14000), 'groceries');
    else if (r < 0.86) N(dn, cardText(bk, l4, pick(loc.ent), city, dn), -rp(400, 5000), 'entertainment');
    else if (r < 0.9) N(dn, cardText(bk, l4, pick(KIOSK), city, dn), -rp(80, 700), 'groceries');
    else N(dn, cardText(bk, l4, pick(loc.shop), city, dn), -rp(150, 3000), 'groceries');
  };
  const intensity = prof === 'pensioner' ? 0.35 : prof === 'student' ? 0.45 : 0.55;
  for (let dn = hs; dn <= h.cutoff; dn++) {
    if (chance(intensity)) spend(dn);
    if (chance(0.08)) spend(dn);
    if (chance(0.08)) N(dn, atmText(bk, l4, city, dn), -ri(1, 20) * 100000, 'transfer');
    if (chance(0.04)) N(dn, ipsText(bk, pick(friends), pick(['', 'za ručak', 'pozajmica', 'za poklon', 'kafa']), dn, V(dn)), -rp(500, 12000, false), 'transfer');
    if (chance(0.025)) N(dn, inText(bk, pick(friends), pick(['vraćam', 'poklon', 'za put', 'deo računa']), 290), rp(500, 15000, false), 'transfer');
    if (chance(0.01)) N(dn, pick([`Naknada za isplatu na tuđem bankomatu ${dmy(dn)}`, `Provizija za nalog ${dmy(dn)}`, `Naknada za SMS servis ${dmy(dn)}`]), -rp(30, 250), 'transfer');
    if (chance(0.004)) N(dn, pick([`Povraćaj sredstava ${pick(loc.retail)}`, `Refund ${pick(['ALIEXPRESS', 'WOLT', 'BOOKING.COM'])} ${digits(6)}`]), rp(300, 6000), 'transfer');
    if (chance(0.006)) N(dn, cardText(bk, l4, pick(['EMMEZETA', 'JYSK', 'GIGATRON', 'WINWIN', 'TEHNOMANIJA']), city, dn), -rp(3000, 60000), 'groceries');
    if (chance(0.004)) N(dn, pick([`Booking.com hotel ${pick(['Zlatibor', 'Vrnjačka Banja', 'Sokobanja', 'Kopaonik'])}`, `CINEPLEXX ${up(strip(city))}`, `TICKETS.RS koncert ${digits(5)}`]), -rp(800, 30000), 'entertainment');
    if (chance(0.003)) N(dn, pick([`AIR SERBIA ${digits(10)}`, `LASTA AD karta ${city}-Beograd`, `Srbijavoz karta ${digits(6)}`, `PUTEVI SRBIJE PUTARINA ${digits(4)}`]), -rp(500, 25000), 'transport');
    if (chance(0.002)) N(dn, `Plaćanje šifra 289 ${digits(10)}`, -rp(500, 9000), 'transfer');
  }
  // look-alike non-streams: irregular payments to the same person / same shop
  const la = person(); let d0 = hs + ri(10, 60);
  while (d0 < h.cutoff) { N(d0, ipsText(bk, la, pick(['', 'pozajmica', 'za materijal']), d0, V(d0)), -rp(1000, 20000, false), 'transfer'); d0 += ri(25, 140); }
  if (chance(0.5)) { const v = `Veterinarska apoteka ${pick(['Ljubimac', 'Šapica'])}`; let dd = hs + ri(10, 90); while (dd < h.cutoff) { N(dd, cardText(bk, l4, pick(loc.health), city, dd), -rp(400, 3000), 'groceries'); dd += ri(20, 120); } }
  // one-offs at stream merchants
  for (const s of h.streams) if (s.oneoff && chance(0.6)) { const dn = h.hs + ri(30, h.cutoff - h.hs - 5); const [d, a, c] = s.oneoff(dn); N(dn, d, a, c); }
  // pending
  const np = ri(1, 8);
  const pend = []; for (let k = 0; k < np; k++) { const dn = today - ri(0, 2); const m = pick([...loc.shop, ...loc.cafe, ...loc.bak]); pend.push({ date: dn, amount: -rp(100, 4000), description: cardText(bk, l4, m, city, dn), category: /Pekara|Kaf|Caffe|Coffee|Pab|Bar/.test(m) ? 'dining' : 'groceries', pending: true }); }
  pend.sort((a, b) => a.date - b.date);
  // assemble
  const all = [];
  h.streams.forEach((s, si) => s.members.forEach((m) => all.push({ ...m, pending: false, si })));
  h.noise.forEach((m) => all.push({ ...m, pending: false, si: -1 }));
  all.sort((a, b) => a.date - b.date || (a.si - b.si));
  all.push(...pend.map((p) => ({ ...p, si: -1 })));
  const txs = all.map((x, k) => ({ id: `${hid}-${pad(k + 1, 4)}`, date: d2s(x.date), amount: x.amount, description: x.description, category: x.category, pending: x.pending, _si: x.si }));
  const streams = h.streams.map((s, si) => {
    const ids = txs.filter((x) => x._si === si).map((x) => x.id);
    const amts = s.members.map((m) => m.amount);
    return { direction: s.direction, frequency: s.frequency, amount_type: amts.every((a) => a === amts[0]) ? 'fixed' : 'variable', category: s.category, is_active: s.is_active, transaction_ids: ids };
  });
  txs.forEach((x) => delete x._si);
  const bankName = BANKS[bk].name;
  return { id: hid, today: d2s(today), note: `${PROFILE_SR[prof]} in ${city}, ${bankName}, ${months} months`, transactions: txs, streams };
}
for (let i = 0; i < NH; i++) histories.push(buildHistory(i));
fs.writeFileSync(path.join(OUT, 'recurring-blind.json'), JSON.stringify(histories, null, 1) + '\n');

// ================= SUMMARY =================
const sum = { seed: 101410, categorize: { rows: rows.length, per_category: {} }, recurring: { histories: histories.length, transactions: 0, pending: 0, streams: 0, per_frequency: {}, active: 0, inactive: 0, fixed: 0, variable: 0, incoming: 0, outgoing: 0, per_category: {} } };
for (const c of CATS) sum.categorize.per_category[c] = rows.filter((r) => r[2] === c).length;
for (const h of histories) {
  sum.recurring.transactions += h.transactions.length; sum.recurring.pending += h.transactions.filter((t) => t.pending).length;
  for (const s of h.streams) {
    const R = sum.recurring; R.streams++; R.per_frequency[s.frequency] = (R.per_frequency[s.frequency] || 0) + 1;
    R[s.is_active ? 'active' : 'inactive']++; R[s.amount_type]++; R[s.direction]++; R.per_category[s.category] = (R.per_category[s.category] || 0) + 1;
  }
}
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(sum, null, 2) + '\n');
console.log(JSON.stringify(sum));
