// Blind batch 8 generator. Node 20 ESM, no deps. Seed 81208.
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
const OUT = process.argv[2] || path.dirname(url.fileURLToPath(import.meta.url));
let S = 81208 >>> 0;
function rnd() { S = (S + 0x6D2B79F5) >>> 0; let t = S; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = a => a[Math.floor(rnd() * a.length)];
const chance = p => rnd() < p;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const digits = n => { let s = ''; for (let i = 0; i < n; i++) s += ri(0, 9); return s; };

// ---------- text variants ----------
const CYR = { 'lj': 'љ', 'nj': 'њ', 'dž': 'џ', 'Lj': 'Љ', 'Nj': 'Њ', 'Dž': 'Џ', 'LJ': 'Љ', 'NJ': 'Њ', 'DŽ': 'Џ' };
const CYR1 = { a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш' };
function toCyr(s) {
  let o = ''; for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2); if (CYR[two]) { o += CYR[two]; i++; continue; }
    const ch = s[i], lo = ch.toLowerCase(); const c = CYR1[lo];
    if (c && /[a-zčćžšđ]/i.test(ch)) o += ch === lo ? c : c.toUpperCase(); else o += ch;
  } return o;
}
const strip = s => s.replace(/[čć]/g, 'c').replace(/[ČĆ]/g, 'C').replace(/š/g, 's').replace(/Š/g, 'S').replace(/ž/g, 'z').replace(/Ž/g, 'Z').replace(/đ/g, 'dj').replace(/Đ/g, 'DJ');
function variant(s, allowCyr = true) {
  const r = rnd();
  if (r < 0.28) return strip(s).toUpperCase();
  if (r < 0.45) return strip(s);
  if (r < 0.58) return s.toUpperCase();
  if (r < 0.68 && allowCyr) return toCyr(s);
  if (r < 0.72) return s.toLowerCase();
  return s;
}

// ---------- vocab ----------
const TOWNS = ['Beograd', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Zrenjanin', 'Pančevo', 'Čačak', 'Kraljevo', 'Novi Pazar', 'Smederevo', 'Leskovac', 'Valjevo', 'Kruševac', 'Vranje', 'Šabac', 'Užice', 'Sombor', 'Požarevac', 'Pirot', 'Zaječar', 'Kikinda', 'Sremska Mitrovica', 'Jagodina', 'Vršac', 'Bor', 'Prokuplje', 'Loznica', 'Inđija', 'Ruma', 'Stara Pazova', 'Aranđelovac', 'Gornji Milanovac', 'Paraćin', 'Negotin', 'Bečej', 'Vrbas', 'Ivanjica', 'Zlatibor', 'Sokobanja', 'Trstenik', 'Obrenovac', 'Lazarevac', 'Mladenovac', 'Zemun', 'Ćuprija', 'Knjaževac', 'Temerin', 'Apatin', 'Priboj', 'Arilje', 'Kula', 'Senta', 'Petrovac na Mlavi'];
const FIRST = ['Marko', 'Milan', 'Nikola', 'Stefan', 'Jovana', 'Milica', 'Ana', 'Dragan', 'Zoran', 'Vesna', 'Snežana', 'Dejan', 'Ivana', 'Jelena', 'Nenad', 'Goran', 'Biljana', 'Aleksandar', 'Dušan', 'Tijana', 'Miloš', 'Đorđe', 'Katarina', 'Slobodan', 'Ljiljana', 'Nataša', 'Predrag', 'Svetlana', 'Bojan', 'Maja', 'Vladimir', 'Gordana', 'Radomir', 'Mirjana', 'Uroš', 'Teodora', 'Lazar', 'Sanja', 'Željko', 'Branislava', 'Živorad', 'Danica', 'Vukašin', 'Ksenija', 'Filip', 'Anđela'];
const LAST = ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Milošević', 'Popović', 'Todorović', 'Kostić', 'Ristić', 'Lazić', 'Živković', 'Savić', 'Obradović', 'Vasić', 'Tomić', 'Mitić', 'Perić', 'Radovanović', 'Simić', 'Kovačević', 'Stevanović', 'Milenković', 'Ćirić', 'Lukić', 'Janković', 'Zdravković', 'Mladenović', 'Antić', 'Vuković', 'Đukić', 'Babić', 'Krstić', 'Bogdanović', 'Filipović', 'Veselinović', 'Gajić', 'Šarić', 'Radić', 'Trifunović', 'Aćimović'];
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const NAMEBITS = ['Stari hrast', 'Zlatna kapa', 'Kod Žike', 'Kod Mileta', 'Dva jelena', 'Lipa', 'Jasen', 'Bela reka', 'Morava', 'Sunce', 'Plavi most', 'Tri šešira', 'Zavičaj', 'Kruna', 'Šumadija', 'Ravnica', 'Golub', 'Vidikovac', 'Ognjište', 'Avlija', 'Čarda', 'Mali raj', 'Dobar komšija', 'Jagoda', 'Kesten', 'Stara česma', 'Zlatno zrno', 'Ruža', 'Bosiljak', 'Kamenjar', 'Topola', 'Orah', 'Kod Bate', 'Kod Gage', 'Milenijum', 'Panorama', 'Centar', 'Trg', 'Dunavski cvet', 'Rtanj', 'Javor', 'Tara', 'Zlatar', 'Vrelo', 'Breza', 'Vinogradi', 'Salaš', 'Moba', 'Bunar', 'Sokak', 'Ćošak', 'Đerdan', 'Vezionica', 'Mesečina', 'Zvezda', 'Koka', 'Mladost', 'Jedinstvo', 'Sloga', 'Rujno'];
const FORMS = ['DOO', 'SZR', 'STR', 'PR', 'TR', 'D.O.O.', 'doo', 'SUR', 'ZR', ''];
function localBiz(types) {
  const t = pick(types); const r = rnd();
  const nm = r < 0.3 ? `${pick(FIRST)} ${pick(LAST).slice(0, 1)}.` : r < 0.45 ? `${pick(LAST).replace(/ić$/, 'ić')}` : pick(NAMEBITS);
  const f = pick(FORMS);
  return `${t} ${nm}${f ? ' ' + f : ''}`;
}

const CHAINS = {
  groceries: ['MAXI 245', 'MAXI 1187', 'IDEA 0123', 'IDEA 0456', 'LIDL SRBIJA KD 1021', 'LIDL 1055', 'UNIVEREXPORT 34', 'UNIVEREXPORT MP 112', 'DIS DOO 07', 'RODA MEGAMARKET', 'GOMEX 101', 'AMAN DOO 23', 'TEMPO 05', 'SHOP&GO 212', 'MERCATOR-S', 'DM DROGERIE MARKT 0371', 'LILLY DROGERIE 58', 'BENU APOTEKA 012', 'APOTEKA JANKOVIC', 'GIGATRON 14', 'TEHNOMANIJA', 'WINWIN 09', 'IKEA BEOGRAD', 'JYSK SRBIJA', 'EMMEZETA', 'DEICHMANN', 'SPORT VISION', 'PEPCO SRBIJA', 'LC WAIKIKI', 'H&M 0456', 'ZARA USCE', 'ALIEXPRESS.COM', 'TEMU.COM', 'AMAZON MKTPL*2R4', 'METRO CASH & CARRY', 'KOMPANIJA DOBRO JUTRO', 'DR MAX APOTEKA', 'LAB MEDICINA', 'POLIKLINIKA MEDIGROUP', 'BEL MEDIC', 'KIDS LAND', 'OFFICE 1 SUPERSTORE', 'BAUHAUS', 'MERKUR TEHNIKA', 'CASPER COSMETICS', 'SUPERVERO', 'EKO CENTAR', 'PIJACA KALENIC', 'PIJACA BAJLONI', 'FRIKOM KIOSK', 'TRAFIKA NOVOSTI', 'BIG FASHION', 'BUCKET HOME'],
  dining: ["MCDONALD'S 012", 'KFC DELTA CITY', 'BURGER KING 04', 'HLEB I KIFLE 155', 'PEKABETA 21', 'WALTER CEVABDZINICA', 'WOLT', 'GLOVO', 'DONESI.COM', 'COFFEE DREAM', 'GREENET', 'DUNKIN BEOGRAD', 'TOMA PEKARA', 'PEKARA MANJE', 'LOTUS PEKARA', 'CIRILLO PIZZA', 'LA FAMIGLIA', 'SMOKVICA', 'MALA FABRIKA UKUSA', 'MAMA SHELTER', 'BAJLONI KAFANA', 'TRI SESIRA', 'MALI VRABAC', 'POSLASTICARNICA ULUPUDS', 'NINA GELATERIA', 'BAKINA KUHINJA', 'STARBUCKS RAJICEVA', 'COSTA COFFEE', 'SUBWAY', 'DOMINOS PIZZA'],
  transport: ['NIS PETROL BS 1024', 'NIS PETROL PETROLEJ', 'GAZPROM BS 45', 'OMV 7211', 'MOL SERBIA 82', 'LUKOIL SRB 117', 'EKO SERBIA 36', 'CARGO', 'YANDEX GO', 'NAXI TAXI', 'PINK TAXI', 'BEOGRAD TAXI', 'BUSPLUS', 'GSP BEOGRAD', 'NIS EKSPRES', 'PARKING SERVIS', 'PUTEVI SRBIJE', 'SRBIJAVOZ', 'LASTA', 'AIR SERBIA', 'WIZZ AIR', 'RYANAIR', 'AMSS TEHNICKI PREGLED', 'AUTO CENTAR DRAGACEVO', 'BOLT', 'FLIXBUS', 'SOKO TRANS', 'JGSP NOVI SAD'],
  entertainment: ['CINEPLEXX USCE', 'CINEPLEXX BIG NS', 'EVENTIM.RS', 'TICKETS.RS', 'NARODNO POZORISTE', 'JDP', 'BITEF TEATAR', 'MUZEJ SAVREMENE UMETNOSTI', 'STEAM PURCHASE', 'PLAYSTATION STORE', 'MOZZART', 'MAXBET', 'SOCCERBET', 'MERIDIANBET', 'VULKAN KNJIZARE', 'DELFI KNJIZARE', 'LAGUNA KLUB CITALACA', 'BOOKING.COM', 'AIRBNB', 'GYM PLUS', 'FITPASS', 'SC MILAN GALE MUSKATIROVIC', 'SPENS NOVI SAD', 'AQUA PARK PETROVARADIN', 'ESCAPE ROOM', 'ARENA CINEMA', 'EXIT FESTIVAL', 'ADA SAFARI', 'ZOO VRT BEOGRAD', 'EPIC GAMES'],
  subscriptions: ['NETFLIX.COM', 'SPOTIFY P2A7', 'HBO MAX', 'DISNEY PLUS', 'GOOGLE *YouTubePremium', 'GOOGLE *Google One', 'GOOGLE *Google Play', 'APPLE.COM/BILL', 'MICROSOFT*365 PERSONAL', 'ADOBE *CREATIVE CLOUD', 'OPENAI *CHATGPT SUBSCR', 'DROPBOX*PLUS', 'CANVA* PRO', 'DEEZER', 'PAYPAL *SPOTIFY', 'PAYPAL *NETFLIX', 'DUOLINGO', 'LINKEDIN PREMIUM', 'NOTION LABS', 'GITHUB, INC.', 'AUDIBLE', 'STORYTEL', 'PRIME VIDEO', 'APPLE TV+', 'CRUNCHYROLL', 'PATREON* MEMBERSHIP', 'XBOX GAME PASS', 'PLAYSTATION PLUS', 'NORDVPN', 'PROTON AG', 'GRAMMARLY', 'ZOOM.US', 'TWITCH', 'MAX.COM', 'ICLOUD STORAGE', 'FIGMA', 'JETBRAINS', 'ANTHROPIC CLAUDE.AI', 'SKYSHOWTIME', 'NYTIMES DIGITAL', 'POLITIKA E-PRETPLATA', 'NOVA.RS PLUS'],
};
const LOCALTYPES = {
  groceries: ['Prodavnica', 'Market', 'Mini market', 'Mesara', 'Apoteka', 'Trafika', 'Voće povrće', 'Ribarnica', 'Butik', 'Obuća', 'Dom i bašta', 'Stomatološka ordinacija', 'Laboratorija', 'Optika', 'Poljoapoteka', 'Kozmetika', 'Drogerija', 'Bebi shop', 'Tekstil', 'Gvožđara', 'Mesna industrija'],
  dining: ['Kafana', 'Restoran', 'Picerija', 'Roštilj', 'Ćevabdžinica', 'Poslastičarnica', 'Kafe bar', 'Pab', 'Bistro', 'Pekara', 'Burekdžinica', 'Splav', 'Gostionica', 'Etno restoran', 'Brza hrana', 'Caffe', 'Konoba'],
  transport: ['Auto servis', 'Vulkanizer', 'Autoperionica', 'Tehnički pregled', 'Auto delovi', 'Benzinska pumpa', 'Taxi', 'Autoelektričar', 'Auto perionica'],
  entertainment: ['Teretana', 'Fitnes centar', 'Sportski centar', 'Bazen', 'Kuglana', 'Igraonica', 'Bilijar klub', 'Knjižara', 'Plesni klub', 'Streljana', 'Kladionica', 'Bioskop', 'Karting', 'Hotel', 'Apartmani', 'Pansion'],
};
const UTIL_LOCAL = ['JKP Vodovod', 'JKP Toplana', 'JKP Gradska čistoća', 'JKP Komunalac', 'JKP Čistoća i zelenilo', 'JKP Informatika', 'JKP Stan', 'JKP Standard'];
const UTIL_FIXED = ['EPS SNABDEVANJE', 'JKP INFOSTAN TEHNOLOGIJE', 'BEOGRADSKE ELEKTRANE', 'JKP NOVOSADSKA TOPLANA', 'JKP VODOVOD I KANALIZACIJA NOVI SAD', 'JKP NAISSUS', 'JKP GRADSKA TOPLANA NIS', 'SRBIJAGAS', 'TELEKOM SRBIJA mts', 'A1 SRBIJA', 'YETTEL DOO', 'SBB DOO', 'ORION TELEKOM', 'DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'GENERALI OSIGURANJE', 'WIENER STADTISCHE', 'UNIQA OSIGURANJE', 'TRIGLAV OSIGURANJE', 'POREZKA UPRAVA', 'RFZO', 'PU RADOST', 'PU DECJI VRTIC', 'UPRAVNIK ZGRADE', 'STAMBENA ZAJEDNICA', 'GRADSKA UPRAVA TAKSE', 'MUP RS KAZNE', 'NOVOSADSKA TOPLANA', 'ELEKTRODISTRIBUCIJA', 'JP GAS NOVI SAD', 'SUPERNOVA', 'TOTAL TV', 'EON SBB'];
const UTIL_PAIRS = [['EPS SNABDEVANJE', ['struja', 'račun za struju', 'električna energija']], ['JKP INFOSTAN TEHNOLOGIJE', ['objedinjena naplata', 'račun', 'komunalije']], ['BEOGRADSKE ELEKTRANE', ['grejanje', 'toplotna energija']], ['JKP NOVOSADSKA TOPLANA', ['grejanje']], ['JKP VODOVOD I KANALIZACIJA NOVI SAD', ['voda', 'utrošak vode']], ['JKP NAISSUS', ['voda']], ['JKP GRADSKA TOPLANA NIS', ['grejanje']], ['SRBIJAGAS', ['gas', 'prirodni gas']], ['TELEKOM SRBIJA mts', ['telefon', 'mesečni račun', 'internet']], ['A1 SRBIJA', ['mobilni', 'račun']], ['YETTEL DOO', ['račun', 'postpaid']], ['SBB DOO', ['kablovska', 'internet', 'EON paket']], ['ORION TELEKOM', ['internet']], ['DUNAV OSIGURANJE', ['premija osiguranja', 'polisa']], ['DDOR NOVI SAD', ['premija', 'autoodgovornost']], ['GENERALI OSIGURANJE', ['polisa', 'životno osiguranje']], ['WIENER STADTISCHE', ['premija']], ['UNIQA OSIGURANJE', ['premija']], ['TRIGLAV OSIGURANJE', ['zelena karta', 'premija']], ['PORESKA UPRAVA', ['porez na imovinu', 'porez']], ['RFZO', ['doprinos']], ['PU RADOST', ['vrtić']], ['PU DECJI VRTIC', ['boravak deteta']], ['UPRAVNIK ZGRADE', ['naknada upravniku', 'održavanje zgrade']], ['STAMBENA ZAJEDNICA', ['tekuće održavanje', 'investiciono održavanje']], ['GRADSKA UPRAVA TAKSE', ['lokalna komunalna taksa', 'taksa']], ['MUP RS', ['kazna saobraćajni prekršaj', 'taksa za pasoš']], ['ELEKTRODISTRIBUCIJA', ['priključak']], ['JP GAS NOVI SAD', ['gas']], ['SUPERNOVA', ['internet']], ['TOTAL TV', ['pretplata TV']], ['EON SBB', ['kablovska']], ['OŠ ' + 'Vuk Karadžić', ['užina', 'ekskurzija']], ['JKP Vodovod', ['voda']], ['JKP Toplana', ['grejanje']], ['JKP Gradska čistoća', ['odnošenje smeća']], ['JKP Komunalac', ['komunalne usluge']], ['JKP Stan', ['održavanje']]];
const UTIL_PURPOSE = ['račun za', 'struja', 'grejanje', 'voda', 'komunalije', 'mesečni račun', 'telefon', 'internet', 'kablovska', 'premija osiguranja', 'porez na imovinu', 'naknada upravniku', 'održavanje zgrade', 'vrtić', 'taksa', 'gas', 'odnošenje smeća', 'zelena karta'];
const EMPLOYERS = ['NIS AD NOVI SAD', 'TELEKOM SRBIJA AD', 'JP ELEKTROPRIVREDA SRBIJE', 'DOM ZDRAVLJA', 'OŠ VUK KARADŽIĆ', 'OŠ SVETI SAVA', 'GIMNAZIJA', 'OPŠTA BOLNICA', 'GRADSKA UPRAVA', 'MUP REPUBLIKE SRBIJE', 'MINISTARSTVO ODBRANE', 'UNIVERZITET U BEOGRADU', 'DELHAIZE SERBIA DOO', 'HEMOFARM AD', 'NORDEUS DOO', 'LEVI9 TECHNOLOGY SERVICES', 'HTEC DOO', 'ENDAVA DOO', 'CONTINENTAL AUTOMOTIVE', 'BOSCH ELEKTROALAT', 'YURA CORPORATION', 'LEONI WIRING SYSTEMS', 'STELLANTIS SRBIJA', 'GORENJE DOO VALJEVO', 'HBIS GROUP SERBIA', 'ZIJIN MINING', 'TIGAR TYRES', 'MICROSOFT DEVELOPMENT CENTER', 'NCR DOO', 'JKP GSP BEOGRAD', 'POŠTA SRBIJE', 'ELEKTROMREŽA SRBIJE', 'NARODNA BANKA SRBIJE', 'PANONSKA BANKA', 'KLINIČKI CENTAR', 'RTS', 'DUNAV OSIGURANJE AD', 'IMLEK AD', 'CARNEX DOO', 'MK GROUP'];
const PUBLIC_SUFFIX = ['DOM ZDRAVLJA', 'OŠ VUK KARADŽIĆ', 'OŠ SVETI SAVA', 'GIMNAZIJA', 'OPŠTA BOLNICA', 'GRADSKA UPRAVA'];
const BANKS = ['Banca Intesa', 'OTP banka', 'Raiffeisen banka', 'UniCredit Bank', 'AIK banka', 'Erste banka', 'Addiko bank', 'NLB Komercijalna', 'Poštanska štedionica', 'ProCredit', 'Halkbank', 'Eurobank Direktna', '3 Banka', 'Mobi banka', 'English export'];
const CC = ['RS', 'SRB', 'RS', 'SRB', ''];
const MONTHS = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'];

// ---------- dates ----------
const D = s => new Date(s + 'T00:00:00Z');
const iso = d => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
function addMonths(d, n, day) { const y = d.getUTCFullYear(), m = d.getUTCMonth() + n; const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); return new Date(Date.UTC(y, m, Math.min(day ?? d.getUTCDate(), last))); }
const dmy = d => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
const dmyShort = d => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.`;
const mmYYYY = d => `${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

// ---------- channel formatters ----------
let FIXV = null, FIXCARD = null;
const newCard = () => `${pick(['4', '5'])}${digits(3)}${pick(['******', '********', 'XXXXXX', '****'])}${digits(4)}`;
const card = () => FIXCARD || newCard();
const tail4 = () => FIXCARD ? FIXCARD.slice(-4) : digits(4);
const pk = a => FIXV === null ? pick(a) : a[FIXV % a.length];
function withFix(v, f) { const o = FIXV; FIXV = v; try { return f(); } finally { FIXV = o; } }
function cardText(bank, merchant, town, d) {
  const t = town ? ' ' + strip(town).toUpperCase() : ''; const cc = pk(CC); const loc = `${t}${cc ? ' ' + cc : ''}`;
  switch (bank) {
    case 'Banca Intesa': return pk([`POS ${card()} ${merchant}${loc} ${dmy(d)}`, `Kupovina ${merchant}${loc}`, `POS kupovina ${merchant}${t}`]);
    case 'OTP banka': return pk([`Kupovina karticom ${card()}: ${merchant}${loc}`, `Kupovina POS ${merchant}${loc} ${dmyShort(d)}`]);
    case 'Raiffeisen banka': return pk([`PLAĆANJE KARTICOM ${merchant}${loc}`, `Transakcija karticom ${card()} ${merchant}`]);
    case 'UniCredit Bank': return pk([`Kartično plaćanje ${merchant}${loc} ${dmy(d)}`, `POS ${merchant}${t} karta ${tail4()}`]);
    case 'AIK banka': return pk([`Placanje karticom ${merchant}${loc}`, `POS TRANSAKCIJA ${merchant}`]);
    case 'Erste banka': return pk([`Kupovina na prodajnom mestu ${merchant}${loc}`, `Erste kartica ${tail4()} ${merchant}`]);
    case 'Addiko bank': return pk([`PROMET KARTICOM ${merchant}${loc}`, `Kupovina ${card()} ${merchant}`]);
    case 'NLB Komercijalna': return pk([`Kupovina Dina kartica ${merchant}${loc}`, `POS terminal ${merchant}${t}`]);
    case 'Poštanska štedionica': return pk([`Dina POS ${merchant}${t}`, `Plaćanje na POS ${merchant}${loc} ${dmy(d)}`]);
    case 'ProCredit': return pk([`Debitna kartica ${merchant}${loc}`, `POS ${merchant} ${dmyShort(d)}`]);
    case 'Halkbank': return pk([`KUPOVINA POS ${merchant}${loc}`, `Platna kartica ${tail4()} ${merchant}`]);
    case 'Eurobank Direktna': return pk([`Kupovina karticom ${merchant}${loc}`, `POS kupovina ${card()} ${merchant}${t}`]);
    case '3 Banka': return pk([`KARTICA ${merchant}${loc}`, `Plaćanje karticom ${merchant}`]);
    case 'Mobi banka': return pk([`Kupovina ${merchant}${loc}`, `Mobi kartica ${merchant}${t}`]);
    default: return pk([`Card payment ${merchant}${loc}`, `CARD TRANSACTION ${card()} ${merchant}${loc} ${dmy(d)}`, `Purchase ${merchant}${t}`]);
  }
}
const model = () => pick([`model 97 poziv ${digits(2)}-${digits(3)}-${digits(6)}`, `poziv na broj 97 ${digits(12)}`, `(97) ${digits(10)}`, `ref ${digits(10)}`, `Model: 97 Poziv na broj: ${digits(2)}${digits(9)}`, '', '']);
function orderText(bank, payee, purpose, kind) {
  const m = model(); const pp = purpose ? purpose : '';
  const E = bank === 'English export';
  if (kind === 'ips') {
    if (E) return pick([`Instant payment ${payee} ${pp}`, `IPS transfer to ${payee} ${pp}`]).trim();
    return pick([`IPS plaćanje ${payee} ${pp}`, `Instant plaćanje - ${payee}${pp ? ' - ' + pp : ''}`, `IPS NBS uplata ${payee} ${pp}`, `Mobilni IPS ${payee} ${pp}`, `IPS QR ${payee} ${pp}`]).trim();
  }
  if (kind === 'so') return E ? `Standing order ${payee} ${pp}`.trim() : pick([`Trajni nalog ${payee} ${pp}`, `TRAJNI NALOG: ${pp} - ${payee}`, `Trajni nalog br. ${digits(5)} ${payee} ${pp}`]).trim();
  if (kind === 'dd') return E ? `Direct debit ${payee} ${pp}`.trim() : pick([`Direktno zaduženje ${payee} ${pp}`, `DIREKTNO ZADUŽENJE ${payee} ${m}`, `Direktno zaduzenje - ${payee}`]).trim();
  if (kind === 'in') return E ? pick([`Inward payment ${payee} ${pp}`, `Incoming transfer from ${payee} ${pp}`]).trim() : pick([`Priliv ${payee} ${pp}`, `Uplata od ${payee} ${pp}`, `${payee} - ${pp}`, `Priliv na račun: ${payee}; ${pp}`, `Odobrenje ${payee} ${pp}`]).trim();
  if (E) return `Payment order ${payee} ${pp} ${m}`.trim();
  return pick([`Nalog za plaćanje ${payee} ${pp} ${m}`, `E-banking nalog | Primalac: ${payee} | Svrha: ${pp} ${m}`, `Nalog za prenos: ${payee}; svrha: ${pp}; ${m}`, `Uplata ${payee} ${pp}`, `${payee} ${pp} ${m}`, `Plaćanje računa ${payee} ${pp}`]).trim().replace(/\s+/g, ' ');
}

// ---------- generic row makers per category (used by both outputs) ----------
function merchantFor(cat) {
  if (CHAINS[cat] && (!LOCALTYPES[cat] || chance(0.45))) return { m: pick(CHAINS[cat]), town: chance(0.5) ? pick(TOWNS) : '' };
  return { m: localBiz(LOCALTYPES[cat]), town: pick(TOWNS) };
}
const AMT = { groceries: [80, 14000], dining: [150, 6500], transport: [100, 12000], entertainment: [250, 18000], subscriptions: [199, 3500] };
function rsd(a, b) { const x = a * Math.pow(b / a, rnd()); return chance(0.35) ? Math.round(x) * 100 : Math.round(x * 100); } // para

function makeRow(cat, bank, d) {
  const bk = bank || pick(BANKS); d = d || addDays(D('2024-01-01'), ri(0, 1050));
  if (['groceries', 'dining', 'transport', 'entertainment'].includes(cat)) {
    if (cat === 'groceries' && chance(0.03)) return { t: pick(['Kupovina POS ' + digits(8), 'POS ' + card() + ' ' + dmy(d), 'Card payment ' + digits(6) + ' RS']), a: -rsd(100, 5000) };
    const { m, town } = merchantFor(cat); let mm = m;
    const isLocal = !!town && !CHAINS[cat].includes(m); if (isLocal && chance(0.15)) mm = pick(['SumUp *', 'SQ *', 'ZTL*', 'CRV*']) + m;
    const text = cardText(bk, isLocal ? variantM(mm) : (chance(0.2) ? mm.toLowerCase() : mm), town, d);
    if (cat === 'transport' && chance(0.12)) { const tp = pick([['Putevi Srbije', 'putarina ENC dopuna'], ['AMSS', 'tehnički pregled'], ['MUP RS', 'registracija vozila'], ['Auto servis ' + pick(NAMEBITS), 'servis vozila'], ['Vulkanizer ' + pick(NAMEBITS), 'zamena guma'], ['Agencija za registraciju ' + pick(NAMEBITS), 'registracija']]); return { t: variant(orderText(bk, tp[0], tp[1], pick(['eb', 'ips']))), a: -rsd(800, 40000) }; }
    if (cat === 'dining' && chance(0.1)) return { t: orderText(bk, variantM(pick(['Wolt', 'Glovo', 'Kafana ' + pick(NAMEBITS), 'Pekara ' + pick(NAMEBITS)])), pick(['porudžbina', 'račun', 'ručak', '']), 'ips'), a: -rsd(300, 6000) };
    if (cat === 'entertainment' && chance(0.12)) return { t: orderText(bk, variantM(pick(['Teretana ' + pick(NAMEBITS), 'Fitnes klub ' + pick(NAMEBITS), 'Sportski centar ' + pick(TOWNS), 'Hotel ' + pick(NAMEBITS)])), pick(['članarina', 'članarina teretana', 'smeštaj', 'karte', 'rezervacija']), pick(['ips', 'eb'])), a: -rsd(1500, 30000) };
    const [a, b] = AMT[cat]; return { t: text, a: -rsd(a, b) };
  }
  if (cat === 'subscriptions') { const m = pick(CHAINS.subscriptions); const tail = /^GOOGLE/.test(m) ? pick(['', ' g.co/helppay', ' G.CO/HELPPAY#']) : /APPLE|ICLOUD/.test(m) ? pick(['', ' 866-712-7753 US', ' ITUNES.COM IE']) : /^PAYPAL/.test(m) ? pick(['', ' 4029357733 LU', ' 35314369001']) : pick(['', '', ' DUBLIN IE', ' LUXEMBOURG LU', ' AMSTERDAM NL', ' SAN FRANCISCO US', ' LONDON GB', ' STOCKHOLM SE', ' INTERNET']); return { t: cardText(bk, m + tail, '', d).replace(/\s+(RS|SRB)$/, ''), a: -rsd(199, 3600) }; }
  if (cat === 'utilities') {
    const up = pick(UTIL_PAIRS); const p = /^(JKP|OŠ)/.test(up[0]) && !/[A-Z]{4}/.test(up[0].slice(4)) ? `${up[0]} ${pick(TOWNS)}` : up[0]; const pur = `${pick(up[1])} ${pick([mmYYYY(d), MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear(), ''])}`.trim();
    const k = pick(['eb', 'eb', 'eb', 'dd', 'so', 'ips', 'card']);
    if (k === 'card') return { t: cardText(bk, variantM(strip(p).toUpperCase()), '', d), a: -rsd(500, 15000) };
    return { t: variant(orderText(bk, p, pur, k)), a: -rsd(400, 28000) };
  }
  if (cat === 'rent') {
    const rw = pick(['kirija', 'stanarina', 'zakup stana', 'Kirija', 'KIRIJA', 'zakup', 'kirija za stan', 'stanarina za sobu', 'Zakup stana']);
    const who = chance(0.8) ? person() : pick(['Agencija za nekretnine ' + pick(NAMEBITS), 'Studentski dom', 'Nekretnine ' + pick(LAST) + ' DOO']);
    const k = pick(['ips', 'eb', 'so', 'eb']); const pur = `${rw} ${pick([MONTHS[d.getUTCMonth()], mmYYYY(d), dmyShort(d).slice(3) + d.getUTCFullYear(), ''])}`.trim();
    let t = orderText(bk, who, pur, k); t = chance(0.12) ? toCyr(t) : chance(0.3) ? strip(t) : t;
    const eur = ri(15, 80) * 10; return { t, a: chance(0.5) ? -ri(12, 95) * 100000 : -Math.round(eur * (116.9 + rnd() * 0.6) * 100) };
  }
  if (cat === 'salary') return salaryRow(bk, d);
  return transferRow(bk, d);
}
function variantM(m) { return chance(0.15) ? strip(m).toUpperCase() : chance(0.08) ? toCyr(m) : chance(0.1) ? m.toLowerCase() : m; }
function salaryRow(bk, d) {
  const r = rnd(); let emp = pick(EMPLOYERS); if (PUBLIC_SUFFIX.includes(emp)) emp += ' ' + pick(TOWNS).toUpperCase();
  if (chance(0.25)) emp = `${pick(NAMEBITS)} ${pick(['DOO', 'D.O.O.', 'AD', 'SZR'])} ${pick(TOWNS)}`;
  const mm = MONTHS[(d.getUTCMonth() + 11) % 12];
  let pur, a;
  if (r < 0.45) { pur = pick([`Zarada za ${mmYYYY(addMonths(d, -1))}`, `Isplata zarade ${mm}`, `Plata ${mm} ${d.getUTCFullYear()}`, 'Akontacija zarade', `Zarada ${mm}`, 'Neto zarada', 'Isplata plate', `Konačna zarada ${mmYYYY(addMonths(d, -1))}`, 'LD isplata', 'Salary payment']); a = rsd(45000, 390000); }
  else if (r < 0.6) { emp = pick(['PIO FOND', 'REPUBLIČKI FOND PIO', 'FOND PIO SRBIJE', 'RF PIO FILIJALA ' + pick(TOWNS).toUpperCase()]); pur = pick([`Penzija ${mmYYYY(addMonths(d, -1))}`, 'Isplata penzije', `Penzija za ${mm}`, 'Porodična penzija', 'Invalidska penzija']); a = rsd(22000, 110000); }
  else if (r < 0.72) { pur = pick(['Honorar po ugovoru o delu', 'Autorski honorar', 'Honorar', 'Ugovor o privremenim i povremenim poslovima', 'Naknada za rad u komisiji', 'Honorar predavanje']); a = rsd(8000, 150000); }
  else if (r < 0.8) { pur = pick(['Dnevnice', 'Isplata dnevnica za službeni put', 'Bonus', 'Godišnji bonus', 'Regres za godišnji odmor', 'Topli obrok i regres', 'Božićnica', 'Jubilarna nagrada', 'Naknada za prevoz']); a = rsd(3000, 120000); }
  else if (r < 0.88) { emp = pick(['MINISTARSTVO PROSVETE', 'FOND ZA MLADE TALENTE', 'GRAD ' + pick(TOWNS).toUpperCase(), 'OPŠTINA ' + pick(TOWNS).toUpperCase(), 'DOSITEJA FOND']); pur = pick(['Studentska stipendija', 'Učenička stipendija', 'Stipendija rata', 'Isplata stipendije']); a = rsd(8000, 30000); }
  else { emp = pick(['UPWORK ESCROW INC', 'DEEL INC', 'TOPTAL LLC', 'ACME GMBH', 'NORDIC SOFTWARE AB', 'BLUEWAVE LTD', 'REMOTE EUROPE']); pur = pick(['invoice ' + digits(4), 'consulting services', 'software development services', 'payment for services', 'honorar po fakturi']); const E = bk === 'English export'; return { t: (E ? `Inward SWIFT ${emp} ${pur}` : pick([`Devizni priliv ${emp} ${pur}`, `Priliv iz inostranstva ${emp} ${pur}`, `SWIFT priliv ${emp} - ${pur}`])), a: rsd(60000, 600000) }; }
  let t = orderText(bk, emp, pur, 'in'); if (chance(0.1)) t = toCyr(t); else if (chance(0.25)) t = strip(t);
  return { t, a };
}
function transferRow(bk, d, out) {
  const o = out ?? chance(0.72); const E = bk === 'English export';
  const r = rnd();
  if (o) {
    if (r < 0.28) return { t: variant(orderText(bk, person(), pick(['', 'pozajmica', 'za poklon', 'vraćam dug', 'za ručak', 'dug', 'poklon', 'rođendan', 'džeparac', 'za put', 'troškovi']), pick(['ips', 'ips', 'eb']))), a: -rsd(300, 60000) };
    if (r < 0.44) return { t: E ? pick([`ATM withdrawal ${pick(BANKS)} ${strip(pick(TOWNS)).toUpperCase()}`, `Cash withdrawal ATM ${digits(5)}`]) : variant(pick([`Isplata gotovine bankomat ${digits(5)} ${pick(TOWNS)}`, `Isplata na bankomatu ${card()}`, `ATM ${pick(['INTESA', 'OTP', 'RAIF', 'UNICREDIT', 'AIK', 'ERSTE'])} ${pick(TOWNS)}`, `Podizanje gotovine ${dmy(d)}`, `Isplata gotovine na šalteru`, `Bankomat isplata ${pick(TOWNS)}`]), false), a: -rsd(1000, 40000) };
    if (r < 0.6) return { t: E ? pick(['Account maintenance fee', 'Card annual fee', 'Transaction fee', 'Fee for SMS service']) : variant(pick([`Naknada za vođenje računa ${mmYYYY(d)}`, 'Provizija za prenos', 'Provizija za isplatu gotovine', 'Članarina za karticu', 'Godišnja članarina Visa kartica', 'Naknada za SMS servis', 'Mesečno održavanje paketa', 'Naknada za e-banking', 'Provizija IPS', 'Troškovi platnog prometa']), false), a: -rsd(30, 3500) };
    if (r < 0.72) return { t: variant(pick([`Rata kredita ${digits(8)}`, `Otplata kredita partija ${digits(10)}`, 'Otplata kreditne kartice', `Uplata na kreditnu karticu ${card()}`, 'Rata gotovinskog kredita', 'Anuitet stambeni kredit', 'Rata keš kredita', 'Otplata minusa']), false), a: -rsd(3000, 90000) };
    if (r < 0.84) return { t: pick(['Revolut top-up', 'REVOLUT**4512* VILNIUS LT', 'PAYPAL *TOPUP', 'Wise top up', 'Prenos na štedni račun', 'Uplata na štednju', 'Oročena štednja', 'Prenos na sopstveni račun', 'Kupovina deviza EUR', 'Menjačnica kupovina EUR', 'Konverzija RSD u EUR', 'Prenos na devizni račun', 'Transfer to own account', 'Savings transfer']), a: -rsd(1000, 200000) };
    return { t: variant(orderText(bk, pick(['Plaćanje', 'Uplata', 'Prenos']), digits(8), pick(['ips', 'eb']))), a: -rsd(200, 40000) };
  }
  if (r < 0.4) return { t: variant(orderText(bk, person(), pick(['', 'vraćam dug', 'pozajmica', 'poklon', 'za račune', 'deo za put', 'kirija od stanara', 'kirija za stan na Vračaru', 'poklon za rođendan', 'džeparac']), 'in')), a: rsd(500, 80000) };
  if (r < 0.55) return { t: variant(pick(['Uplata gotovine na šalteru', 'Uplata gotovine bankomat', 'Depozit gotovine', 'Cash deposit ATM']), false), a: rsd(2000, 100000) };
  if (r < 0.7) return { t: variant(pick(['Povraćaj sredstava', 'Storno transakcije', 'Refund ' + pick(CHAINS.groceries), 'Povrat poreza', 'Povraćaj preplate EPS', 'Reklamacija - povrat', 'Povraćaj PDV', 'Isplata odštete osiguranje', 'Refundacija troškova']), false), a: rsd(200, 30000) };
  if (r < 0.85) return { t: pick(['Prenos sa štednog računa', 'Prodaja deviza EUR', 'Konverzija EUR u RSD', 'Prenos sa deviznog računa', 'Transfer from own account', 'PAYPAL withdrawal', 'Revolut transfer', 'Wise payout', 'Isplata oročene štednje', 'Kamata na štednju']), a: rsd(500, 250000) };
  return { t: variant(pick(['Dečiji dodatak', 'Roditeljski dodatak', 'Novčana socijalna pomoć', 'Isplata iz Fonda solidarnosti', 'Prenos sredstava', 'Odobrenje računa', 'Priliv IPS'])), a: rsd(1000, 40000) };
}

// ================== 1. categorisation set ==================
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const QUOTA = { groceries: 190, rent: 95, dining: 170, utilities: 175, transport: 160, entertainment: 150, subscriptions: 130, salary: 140, transfer: 190 };
const rows = []; const seen = new Set();
for (const c of CATS) { let n = 0, guard = 0; while (n < QUOTA[c] && guard++ < 20000) { const { t, a } = makeRow(c); const tt = t.replace(/\s+/g, ' ').trim(); if (!tt || seen.has(tt)) continue; seen.add(tt); rows.push([tt, (a / 100).toFixed(2), c]); n++; } }
for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
fs.writeFileSync(path.join(OUT, 'categorize-blind.tsv'), rows.map(r => r.join('\t')).join('\n') + '\n');

// ================== 2. histories ==================
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
// stream kinds: [dir, freq, category, builder]
const SUBS = [['Netflix', 'NETFLIX.COM', [1199, 1399, 1599], 'fx'], ['Spotify', 'SPOTIFY', [649, 799], 'fx'], ['HBO Max', 'HBO MAX', [599, 799], 'fx'], ['Disney+', 'DISNEY PLUS', [899], 'fx'], ['YouTube', 'GOOGLE *YouTubePremium g.co/helppay', [599, 699], 'rsd'], ['Google One', 'GOOGLE *Google One', [249, 299, 1199], 'rsd'], ['iCloud', 'APPLE.COM/BILL ITUNES.COM IE', [119, 349, 1199], 'fx'], ['M365', 'MICROSOFT*365 PERSONAL MSBILL.INFO', [899], 'fx'], ['ChatGPT', 'OPENAI *CHATGPT SUBSCR SAN FRANCISCO US', [2350], 'fx'], ['Adobe', 'ADOBE *CREATIVE CLOUD DUBLIN IE', [1400, 2900], 'fx'], ['Deezer', 'DEEZER PARIS FR', [599], 'fx'], ['Dropbox', 'DROPBOX*PLUS', [1300], 'fx'], ['Canva', 'CANVA* PRO SYDNEY AU', [1400], 'fx'], ['Duolingo', 'DUOLINGO PITTSBURGH US', [1100], 'fx'], ['PS Plus', 'PLAYSTATION PLUS', [1050], 'fx'], ['Xbox', 'XBOX GAME PASS MSBILL.INFO', [1400], 'fx'], ['Storytel', 'STORYTEL SE', [1090], 'fx'], ['PayPal Spotify', 'PAYPAL *SPOTIFY 35314369001', [649], 'fx'], ['Crunchyroll', 'CRUNCHYROLL', [850], 'fx'], ['NordVPN', 'NORDVPN.COM', [1400], 'fx'], ['Patreon', 'PATREON* MEMBERSHIP', [600], 'fx'], ['Google Play', 'GOOGLE *Google Play app', [399, 599], 'rsd'], ['LinkedIn', 'LINKEDIN PREMIUM', [4200], 'fx'], ['Nova plus', 'NOVA.RS PLUS', [399], 'rsd'], ['Claude', 'CLAUDE.AI SUBSCRIPTION ANTHROPIC', [2350], 'fx'], ['GitHub', 'GITHUB, INC.', [470], 'fx'], ['SkyShowtime', 'SKYSHOWTIME', [699], 'fx'], ['Audible', 'AUDIBLE UK', [1100], 'fx']];
function streamSpec(freq, prof, town) {
  // returns {dir, cat, base (para), fixed, day jitter, text(d, i) function, kind}
  const cat = x => x;
  if (freq === 'monthly') {
    const opts = prof.pension ? ['pension', 'util', 'util', 'util', 'util', 'util', 'sub', 'loan', 'transferin', 'insurance'] : ['salary', 'rent', 'util', 'util', 'util', 'util', 'util', 'sub', 'sub', 'sub', 'loan', 'saving', 'transferin', 'gym', 'kinder', 'insurance', 'phone', 'tenantin', 'freelancein'];
    return pick(opts);
  }
  if (freq === 'quarterly') return pick(['proptax', 'proptax', 'qinsurance', 'qbonus', 'qaccount', 'qsub', 'qwater', 'qtransfer']);
  if (freq === 'annually') return pick(['registration', 'kasko', 'cardfee', 'annualsub', 'annualsub', 'regres', 'bozicnica', 'annualgym', 'homeins', 'domain', 'tehnicki', 'giftin']);
  if (freq === 'weekly') return pick(['pocket', 'cleaning', 'training', 'wolt', 'lesson', 'weeklysave', 'pocket']);
  return pick(['akontacija', 'glovo', 'cleaning2', 'tutoring', 'babysit', 'biwsave', 'akontacija']);
}
function buildStream(kind, freq, h) {
  const bk = h.bank; const town = h.town; const E = bk === 'English export';
  const landlord = person(); const emp = (() => { let e = pick(EMPLOYERS); if (PUBLIC_SUFFIX.includes(e)) e += ' ' + strip(town).toUpperCase(); return chance(0.3) ? `${pick(NAMEBITS)} ${pick(['DOO', 'D.O.O.', 'SZR'])} ${town}` : e; })();
  const style = rnd(); const sty = s => style < 0.2 ? strip(s).toUpperCase() : style < 0.35 ? strip(s) : style < 0.42 ? toCyr(s) : s;
  const ord = (payee, purpose, k) => sty(orderText(bk, payee, purpose, k)).replace(/\s+/g, ' ');
  const fixedOrd = (payee, purposeFn, k) => { const base = orderText(bk, payee, '§', k).replace(/(model 97 poziv|poziv na broj 97|\(97\)|ref|Model: 97 Poziv na broj:) [\d-]+/, '$1 ' + digits(2) + '-' + digits(8)); return (d, i) => sty(base.replace('§', purposeFn(d, i))).replace(/\s+/g, ' ').trim(); };
  let s = { dir: 'outgoing', cat: 'utilities', base: 0, fixed: false, jitter: 0, text: null, dayFix: null };
  const M = d => MONTHS[d.getUTCMonth()]; const pm = d => mmYYYY(addMonths(d, -1));
  switch (kind) {
    case 'salary': case 'pension': { s.dir = 'incoming'; s.cat = 'salary'; s.base = kind === 'pension' ? rsd(24000, 95000) : rsd(58000, 420000); s.fixed = kind === 'pension' ? chance(0.3) : chance(0.15); s.jitter = kind === 'pension' ? 1 : 3; s.day = kind === 'pension' ? ri(1, 12) : pick([5, 10, 15, 20, 25, 28]);
      const pay = kind === 'pension' ? pick(['PIO FOND', 'REPUBLIČKI FOND ZA PIO', 'RF PIO']) : emp;
      const pur = kind === 'pension' ? pick([d => `Penzija ${pm(d)}`, d => 'Isplata penzije', d => `Penzija za ${MONTHS[(d.getUTCMonth() + 11) % 12]}`]) : pick([d => `Zarada za ${pm(d)}`, d => `Isplata zarade ${MONTHS[(d.getUTCMonth() + 11) % 12]}`, d => 'Plata', d => `Neto zarada ${pm(d)}`, d => 'Salary']);
      s.text = fixedOrd(pay, pur, 'in'); if (chance(0.3)) { const t2 = fixedOrd(pay.toUpperCase(), pur, 'in'); const t1 = s.text; const sw = ri(8, 20); s.text = (d, i) => i < sw ? t1(d, i) : t2(d, i); } break; }
    case 'rent': { s.key = 'rent'; s.cat = 'rent'; s.base = Math.round(rsd(18000, 75000) / 50000) * 50000 || 2000000; s.fixed = chance(0.55); s.jitter = 4; s.day = ri(1, 8);
      const rw = pick(['kirija', 'stanarina', 'Kirija', 'KIRIJA', 'zakup stana', 'Stanarina']); s.text = fixedOrd(landlord, d => `${rw} ${pick([M(d), mmYYYY(d), ''])}`.trim(), pick(['ips', 'so', 'eb'])); if (!s.fixed) s.eurRent = true; break; }
    case 'util': { const u = pick([['EPS SNABDEVANJE', 'struja', 180000, 900000], ['JKP INFOSTAN TEHNOLOGIJE', 'račun', 350000, 1100000], ['BEOGRADSKE ELEKTRANE', 'grejanje', 400000, 800000], [`JKP Vodovod ${town}`, 'voda', 90000, 260000], [`JKP Toplana ${town}`, 'grejanje', 350000, 900000], ['SRBIJAGAS', 'gas', 150000, 700000], ['SBB DOO', 'EON paket', 250000, 420000], ['UPRAVNIK ZGRADE ' + person(), 'održavanje zgrade', 50000, 150000], ['Stambena zajednica ' + pick(['Bulevar', 'Cara Dušana', 'Njegoševa', 'Kneza Miloša', 'Vojvode Stepe']) + ' ' + ri(2, 120), 'tekuće održavanje', 40000, 120000], [`JKP Čistoća ${town}`, 'odnošenje smeća', 40000, 110000], ['ORION TELEKOM', 'internet', 150000, 250000]]);
      s.base = ri(u[2], u[3]); s.fixed = /ZGRADE|Stambena|ORION/.test(u[0]) ? chance(0.7) : false; s.jitter = chance(0.5) ? 6 : 2; s.day = ri(8, 25); s.varAmt = s.fixed ? 0 : (/grejanje/.test(u[1]) ? 0.12 : 0.3); s.seasonal = /struja|gas/.test(u[1]);
      s.key = /Vodovod/.test(u[0]) ? 'water' : /ZGRADE|Stambena/.test(u[0]) ? 'building' : /Toplana|ELEKTRANE/.test(u[0]) ? 'heat' : u[0]; s.text = fixedOrd(u[0], d => `${u[1]} ${pick([pm(d), M(d), ''])}`.trim(), pick(['eb', 'eb', 'dd', 'so', 'ips'])); break; }
    case 'phone': { const p = pick(['TELEKOM SRBIJA mts', 'A1 SRBIJA', 'YETTEL', 'MTS DOO']); s.key = 'phone'; s.base = ri(120000, 600000); s.fixed = chance(0.35); s.varAmt = 0.08; s.jitter = 3; s.day = ri(10, 22); s.text = fixedOrd(p, d => `račun ${pick([pm(d), ''])}`.trim(), pick(['dd', 'eb', 'so'])); break; }
    case 'insurance': { s.base = ri(150000, 700000); s.fixed = true; s.jitter = 1; s.day = ri(1, 28); const p = pick(['DUNAV OSIGURANJE', 'DDOR NOVI SAD', 'GENERALI OSIGURANJE', 'WIENER STADTISCHE', 'UNIQA ŽIVOTNO', 'GRAWE OSIGURANJE']); s.key = 'ins:' + p; const pol = pick(['premija životnog osiguranja', 'premija', 'polisa ' + digits(7)]); s.text = fixedOrd(p, d => pol, pick(['so', 'dd'])); break; }
    case 'sub': case 'qsub': case 'annualsub': { const sb = pick(SUBS); s.cat = 'subscriptions'; const eur = pick(sb[2]); s.base = eur * (kind === 'annualsub' ? ri(9, 11) : kind === 'qsub' ? 3 : 1) * 100; s.fx = sb[3] === 'fx'; s.fixed = !s.fx && chance(0.7); s.jitter = 0; s.day = ri(1, 28); s.priceRise = chance(0.25);
      s.key = 'sub:' + sb[0]; const txt = sb[1]; const vv = ri(0, 11); s.text = (d, i) => withFix(vv, () => cardText(bk, txt, '', d)).replace(/\s+(RS|SRB)$/, '').replace(/\d\d\.\d\d\.\d{4}/, dmy(d)); const t1 = s.text; if (chance(0.35)) { const c = card(); s.text = (d, i) => E ? `Card payment ${txt} ${c}` : `Kupovina ${c} ${txt}`; } if (chance(0.2)) { const sw = ri(6, 16); const t2 = (d) => `${txt} ${dmy(d)}`; const t0 = s.text; s.text = (d, i) => i < sw ? t0(d, i) : t2(d); } break; }
    case 'loan': { s.key = 'loan'; s.cat = 'transfer'; s.base = ri(800000, 6500000); s.fixed = chance(0.7); s.jitter = 0; s.day = ri(1, 28); const part = digits(10); s.text = fixedOrd(pick(['Rata kredita', 'Otplata kredita', 'Anuitet kredit', 'RATA KREDITA']), d => `partija ${part}`, 'so'); break; }
    case 'saving': { s.key = 'saving'; s.cat = 'transfer'; s.base = pick([500000, 1000000, 2000000, 1500000, 300000]); s.fixed = true; s.jitter = 0; s.day = ri(1, 28); s.text = fixedOrd(pick(['Prenos na štedni račun', 'Štednja', 'Uplata na štednju', 'Savings transfer']), d => '', 'so'); break; }
    case 'transferin': { s.dir = 'incoming'; s.cat = 'transfer'; s.base = ri(500000, 3000000); s.fixed = chance(0.4); s.jitter = 5; s.day = ri(1, 28); const p = person(); s.text = fixedOrd(p, d => pick(['', 'za troškove', 'džeparac', 'pomoć', 'za račune']), pick(['in', 'ips'])); break; }
    case 'tenantin': { s.dir = 'incoming'; s.cat = 'transfer'; s.base = ri(20, 60) * 100000; s.fixed = chance(0.6); s.jitter = 4; s.day = ri(1, 10); const p = person(); s.text = fixedOrd(p, d => `kirija ${M(d)}`, 'in'); break; }
    case 'freelancein': { s.dir = 'incoming'; s.cat = 'salary'; s.base = ri(8000000, 40000000) / 100 * 100; s.fixed = false; s.varAmt = 0.05; s.jitter = 4; s.day = ri(3, 12); const c = pick(['UPWORK ESCROW INC', 'DEEL INC', 'NORDIC SOFTWARE AB', 'BLUEWAVE LTD', 'TOPTAL LLC']); s.text = (d, i) => E ? `Inward SWIFT ${c} invoice ${pad(i + 1, 3)}` : `Devizni priliv ${c} invoice ${d.getUTCFullYear()}-${pad(i + 1, 3)}`; break; }
    case 'gym': { s.key = 'gym'; s.cat = 'entertainment'; s.base = ri(25, 65) * 10000; s.fixed = chance(0.6); s.jitter = 4; s.day = ri(1, 10); const g = `${pick(['Teretana', 'Fitnes centar', 'GYM', 'Fitness club'])} ${pick(NAMEBITS)}`; const vv = ri(0, 11); s.text = chance(0.5) ? (d) => withFix(vv, () => cardText(bk, strip(g).toUpperCase(), town, d)) : fixedOrd(g, d => `članarina ${M(d)}`, 'ips'); break; }
    case 'kinder': { s.key = 'kinder'; s.base = ri(8000, 25000) * 100 / 10 * 10; s.fixed = false; s.varAmt = 0.15; s.jitter = 5; s.day = ri(5, 20); s.text = fixedOrd(pick(['PU Radost', 'PU Naša radost', 'PU Poletarac', 'Predškolska ustanova ' + town, 'Vrtić Bambi']), d => `vrtić ${pm(d)}`, 'eb'); break; }
    case 'proptax': { s.key = 'proptax'; s.base = ri(150000, 1200000); s.fixed = chance(0.4); s.jitter = 10; s.dayQ = [45, 135, 225, 318]; s.text = fixedOrd(pick(['Poreska uprava', 'LPA ' + town, 'Gradska uprava ' + town, 'Porez na imovinu ' + town]), d => pick(['porez na imovinu', 'porez na imovinu fizičkih lica', 'porez imovina kvartal']), 'eb'); break; }
    case 'qinsurance': { s.key = 'qins'; s.base = ri(300000, 1500000); s.fixed = true; s.jitter = 3; s.text = fixedOrd(pick(['DDOR NOVI SAD', 'DUNAV OSIGURANJE', 'GENERALI']), d => 'rata premije kvartalno', 'so'); break; }
    case 'qbonus': { s.dir = 'incoming'; s.cat = 'salary'; s.base = rsd(20000, 150000); s.fixed = false; s.varAmt = 0.4; s.jitter = 6; s.text = fixedOrd(emp, d => pick(['Kvartalni bonus', 'Bonus Q', 'Isplata bonusa']), 'in'); break; }
    case 'qaccount': { s.cat = 'transfer'; s.base = ri(10, 40) * 100000; s.fixed = true; s.jitter = 5; s.text = fixedOrd(person(), d => 'pozajmica rata', 'ips'); break; }
    case 'qwater': { s.key = 'water'; s.base = ri(200000, 600000); s.fixed = false; s.varAmt = 0.2; s.jitter = 8; s.text = fixedOrd(`JKP Vodovod ${town}`, d => 'voda kvartal', 'eb'); break; }
    case 'qtransfer': { s.dir = 'incoming'; s.cat = 'transfer'; s.base = ri(20, 200) * 100000; s.fixed = chance(0.5); s.jitter = 7; s.text = fixedOrd(person(), d => pick(['dividenda', 'kirija za garažu', 'prihod od zakupa lokala']), 'in'); break; }
    case 'registration': { s.key = 'reg'; s.cat = 'transport'; s.base = ri(1800000, 4500000); s.fixed = false; s.varAmt = 0.08; s.jitter = 10; s.text = fixedOrd(pick(['MUP RS', 'AMSS', 'Agencija za registraciju ' + pick(NAMEBITS)]), d => 'registracija vozila', 'eb'); break; }
    case 'tehnicki': { s.key = 'teh'; s.cat = 'transport'; s.base = ri(350000, 700000); s.fixed = false; s.varAmt = 0.1; s.jitter = 10; const tp = `Tehnički pregled ${pick(NAMEBITS)}`; const vv = ri(0, 11); s.text = d => withFix(vv, () => cardText(bk, strip(tp).toUpperCase(), town, d)); break; }
    case 'kasko': { s.key = 'kasko'; s.base = ri(2500000, 9000000); s.fixed = false; s.varAmt = 0.06; s.jitter = 5; s.text = fixedOrd(pick(['DDOR NOVI SAD', 'GENERALI OSIGURANJE', 'DUNAV OSIGURANJE', 'TRIGLAV']), d => pick(['kasko osiguranje', 'polisa autoodgovornosti']), 'eb'); break; }
    case 'homeins': { s.key = 'homeins'; s.base = ri(300000, 1200000); s.fixed = chance(0.5); s.varAmt = 0.05; s.jitter = 5; s.text = fixedOrd(pick(['DUNAV OSIGURANJE', 'WIENER STADTISCHE']), d => 'osiguranje stana', 'eb'); break; }
    case 'cardfee': { s.key = 'cardfee'; s.cat = 'transfer'; s.base = ri(100000, 350000); s.fixed = true; s.jitter = 0; s.text = E ? d => 'Card annual fee' : d => pick(['Godišnja članarina za karticu', 'Članarina za karticu ' + d.getUTCFullYear()]); break; }
    case 'regres': case 'bozicnica': { s.key = kind; s.dir = 'incoming'; s.cat = 'salary'; s.base = rsd(15000, 60000); s.fixed = chance(0.4); s.varAmt = 0.1; s.jitter = 6; s.dayA = kind === 'regres' ? 170 : 350; s.text = fixedOrd(emp, d => kind === 'regres' ? 'Regres za godišnji odmor' : 'Božićnica', 'in'); break; }
    case 'annualgym': { s.key = 'gym'; s.cat = 'entertainment'; s.base = ri(1800000, 4500000); s.fixed = false; s.varAmt = 0.1; s.jitter = 8; const g = `Fitnes klub ${pick(NAMEBITS)}`; const vv = ri(0, 11); s.text = d => withFix(vv, () => cardText(bk, strip(g).toUpperCase(), town, d)); break; }
    case 'domain': { s.key = 'domain'; s.cat = 'subscriptions'; s.base = ri(150000, 500000); s.fixed = false; s.fx = true; s.jitter = 0; const p = pick(['GODADDY.COM', 'NAMECHEAP.COM', 'SQUARESPACE', 'WIX.COM']); const vv = ri(0, 11); s.text = d => withFix(vv, () => cardText(bk, p, '', d)).replace(/\s+(RS|SRB)$/, ''); break; }
    case 'giftin': { s.dir = 'incoming'; s.cat = 'transfer'; s.base = ri(50, 300) * 100000; s.fixed = chance(0.5); s.jitter = 4; s.text = fixedOrd(person(), d => 'poklon za rođendan', 'in'); break; }
    case 'pocket': { s.cat = 'transfer'; s.base = ri(10, 50) * 10000; s.fixed = true; s.jitter = 0; s.text = fixedOrd(person(), d => 'džeparac', pick(['so', 'ips'])); break; }
    case 'cleaning': case 'cleaning2': { s.cat = 'transfer'; s.base = ri(25, 60) * 10000; s.fixed = chance(0.5); s.jitter = 1; s.text = fixedOrd(person(), d => pick(['', 'čišćenje', 'spremanje']), 'ips'); break; }
    case 'training': { s.cat = 'entertainment'; s.base = ri(10, 30) * 10000; s.fixed = chance(0.6); s.jitter = 1; const g = pick(['Teniski klub ', 'Plivački klub ', 'Škola fudbala ', 'Karate klub ', 'Bazen ']) + pick(NAMEBITS); const vv = ri(0, 11); s.text = chance(0.5) ? (d => withFix(vv, () => cardText(bk, strip(g).toUpperCase(), town, d))) : fixedOrd(g, d => 'trening', 'ips'); break; }
    case 'wolt': case 'glovo': { s.key = 'courier'; s.dir = 'incoming'; s.cat = 'salary'; s.base = ri(800000, 3500000); s.fixed = false; s.varAmt = 0.35; s.jitter = 0; const p = kind === 'wolt' ? 'WOLT SERBIA DOO' : 'GLOVOAPP DOO'; s.text = fixedOrd(p, d => pick(['isplata kurir', 'partner payout', 'zarada dostavljač']), 'in'); break; }
    case 'lesson': case 'tutoring': { s.dir = 'incoming'; s.cat = 'salary'; s.base = ri(20, 60) * 10000 * (kind === 'tutoring' ? 2 : 1); s.fixed = chance(0.5); s.varAmt = 0.2; s.jitter = 1; const p = person(); s.text = fixedOrd(p, d => pick(['časovi matematike', 'honorar časovi', 'časovi engleskog', 'instrukcije']), 'ips'); break; }
    case 'weeklysave': case 'biwsave': { s.cat = 'transfer'; s.base = ri(5, 30) * 100000; s.fixed = true; s.jitter = 0; s.text = fixedOrd('Štedni račun', d => 'automatska štednja', 'so'); break; }
    case 'akontacija': { s.key = 'akont'; s.dir = 'incoming'; s.cat = 'salary'; s.base = rsd(30000, 150000); s.fixed = false; s.varAmt = 0.1; s.jitter = 1; s.text = fixedOrd(emp, d => pick(['Akontacija zarade', 'Isplata zarade - deo']), 'in'); break; }
    case 'babysit': { s.cat = 'transfer'; s.base = ri(60, 150) * 10000; s.fixed = chance(0.5); s.jitter = 1; s.text = fixedOrd(person(), d => 'čuvanje deteta', 'ips'); break; }
  }
  s.key = s.key || kind + ':' + digits(6);
  return s;
}
function schedule(freq, s, start, end) {
  const out = []; let i = 0;
  if (freq === 'weekly' || freq === 'biweekly') { const p = PER[freq]; let d = addDays(start, ri(0, p - 1)); while (d <= end) { out.push(addDays(d, s.jitter ? ri(-s.jitter, s.jitter) : 0)); d = addDays(d, p); } }
  else { const step = freq === 'monthly' ? 1 : freq === 'quarterly' ? 3 : 12; const day = s.day ?? ri(1, 28); let d = addMonths(start, 0, day); if (d < start) d = addMonths(d, step, day); while (d <= end) { const j = s.jitter ? ri(-s.jitter, s.jitter) : 0; out.push(addDays(d, j)); d = addMonths(d, step, day); } }
  return out.filter(x => x >= start && x <= end).sort((a, b) => a - b);
}
function median(a) { const b = [...a].sort((x, y) => x - y); const n = b.length; return n % 2 ? b[(n - 1) / 2] : (b[n / 2 - 1] + b[n / 2]) / 2; }

const PROFILES = ['household', 'household', 'pensioner', 'student', 'freelancer', 'smallbiz', 'young professional', 'family', 'pensioner couple', 'courier'];
const histories = []; let TID = 0;
const NH = 66;
for (let hn = 1; hn <= NH; hn++) {
  const hid = `h${pad(hn)}`; const bank = BANKS[(hn - 1) % BANKS.length]; const town = pick(TOWNS); const prof = PROFILES[ri(0, PROFILES.length - 1)];
  const today = addDays(D('2026-11-10'), ri(0, 25)); const months = hn % 9 === 0 ? ri(8, 14) : ri(24, 36);
  const start = addMonths(today, -months, ri(1, 28));
  const endNP = addDays(today, -3);
  const txs = []; const streams = []; FIXCARD = newCard(); const usedText = new Set();
  const pension = /pensioner/.test(prof);
  const plan = [];
  const nMonthly = ri(9, 13);
  for (let i = 0; i < nMonthly; i++) plan.push('monthly');
  const spanDays = (endNP - start) / 86400000;
  if (spanDays > 300) { plan.push('quarterly', 'quarterly'); if (chance(0.55)) plan.push('quarterly'); }
  else plan.push('quarterly');
  if (spanDays > 420) { plan.push('annually', 'annually'); if (chance(0.25)) plan.push('annually'); }
  plan.push('weekly'); plan.push('biweekly'); if (chance(0.25)) plan.push(chance(0.5) ? 'weekly' : 'biweekly');
  let hasSalary = false;
  for (const freq of plan) {
    let kind = streamSpec(freq, { pension }, town);
    if (freq === 'monthly' && !hasSalary) { kind = pension ? 'pension' : prof === 'freelancer' ? 'freelancein' : prof === 'student' ? 'transferin' : 'salary'; hasSalary = true; }
    if (['salary', 'pension'].includes(kind) && streams.some(s => s._kind === kind)) kind = 'util';
    if (pension && ['wolt', 'glovo', 'akontacija', 'qbonus', 'regres', 'bozicnica', 'lesson', 'tutoring', 'babysit', 'freelancein', 'kinder', 'gym'].includes(kind)) kind = { weekly: 'pocket', biweekly: 'cleaning2', quarterly: 'proptax', annually: 'homeins', monthly: 'util' }[freq];
    if (prof === 'student' && ['kinder', 'qbonus', 'regres', 'bozicnica', 'kasko', 'registration', 'tehnicki', 'proptax', 'loan', 'babysit', 'pocket', 'cleaning', 'cleaning2'].includes(kind)) kind = { weekly: 'wolt', biweekly: 'tutoring', quarterly: 'qsub', annually: 'annualsub', monthly: 'sub' }[freq];
    let s, sig, tries = 0;
    do { s = buildStream(kind, freq, { bank, town }); sig = s.key; } while (usedText.has(sig) && ++tries < 12);
    if (usedText.has(sig)) continue; usedText.add(sig); s._kind = kind;
    const P = PER[freq];
    // active or inactive; late start sometimes
    let sStart = start, sEnd = endNP, active = true;
    const minSpan = freq === 'annually' ? P * 1.2 : P * (MINM[freq] + 1.5);
    if (chance(0.2) && spanDays > minSpan + P * 4) { sStart = addDays(start, ri(0, Math.floor(spanDays - minSpan - P * 3))); }
    if (freq !== 'annually' && chance(0.22)) { const stopAgo = P * (2.9 + rnd() * 4); sEnd = addDays(today, -Math.ceil(stopAgo)); active = false; }
    if ((sEnd - sStart) / 86400000 < minSpan) { sStart = start; }
    if ((sEnd - sStart) / 86400000 < minSpan) { if (!active) { sEnd = endNP; active = true; } if ((sEnd - sStart) / 86400000 < minSpan) continue; }
    let dates = schedule(freq, s, sStart, sEnd);
    // skips (monthly/weekly) and doubled payments
    if (freq === 'monthly' && dates.length > 8 && chance(0.25)) dates.splice(ri(2, dates.length - 3), 1);
    if ((freq === 'weekly' || freq === 'biweekly') && dates.length > 12 && chance(0.3)) dates.splice(ri(2, dates.length - 3), 1);
    let doubled = -1; if (freq === 'monthly' && s.dir === 'outgoing' && s.cat === 'utilities' && dates.length > 8 && chance(0.2)) { doubled = ri(2, dates.length - 3); dates[doubled] = addDays(dates[doubled + 1], -1); }
    dates = dates.filter(d => d <= endNP && d >= start).sort((a, b) => a - b);
    // last member must be active-consistent
    if (dates.length < MINM[freq]) continue;
    const last = dates[dates.length - 1]; const gap = (today - last) / 86400000;
    const isActive = gap <= 1.5 * P; while (dates.length && (today - dates[dates.length - 1]) / 86400000 > 1.5 * P && (today - dates[dates.length - 1]) / 86400000 < 2.6 * P) dates.pop();
    const ds = dates; if (ds.length < MINM[freq]) continue;
    const gaps = []; for (let i = 1; i < ds.length; i++) gaps.push((ds[i] - ds[i - 1]) / 86400000);
    const mg = median(gaps); if (mg < 0.75 * P || mg > 1.3 * P) continue;
    const ids = []; let amount = s.base; const rise = s.priceRise ? ri(Math.floor(ds.length / 3), ds.length - 2) : -1;
    const fxRate = 117.1;
    ds.forEach((d, i) => {
      let a = s.base;
      if (!s.fixed) {
        if (s.fx) a = Math.round(s.base * (1 + (rnd() - 0.5) * 0.012) * (i >= rise && rise >= 0 ? 1.2 : 1));
        else if (s.eurRent) a = Math.round(s.base * (1 + (rnd() - 0.5) * 0.01) / 100) * 100;
        else if (s.seasonal) { const m = d.getUTCMonth(); const w = [1.6, 1.5, 1.2, 0.9, 0.7, 0.7, 0.8, 0.8, 0.7, 0.9, 1.2, 1.5][m]; a = Math.round(s.base * w * (1 + (rnd() - 0.5) * 0.2)); }
        else a = Math.round(s.base * (1 + (rnd() - 0.5) * 2 * (s.varAmt || 0.05)));
        if (i >= rise && rise >= 0 && !s.fx) a = Math.round(a * 1.15);
      } else if (rise >= 0 && i >= rise) a = Math.round(s.base * 1.2);
      if (a <= 0) a = 100;
      const id = `${hid}-T${++TID}`; const text = s.text(d, i).replace(/\s+/g, ' ').trim();
      txs.push({ _id: id, date: iso(d), amount: s.dir === 'incoming' ? a : -a, description: text, category: s.cat, pending: false, _d: d });
      ids.push(id);
    });
    // fixed-ness must reflect actual amounts
    const amts = new Set(txs.filter(t => ids.includes(t._id)).map(t => t.amount));
    streams.push({ direction: s.dir, frequency: freq, amount_type: amts.size === 1 ? 'fixed' : 'variable', category: s.cat, is_active: isActive && !(((today - ds[ds.length - 1]) / 86400000) > 1.5 * P), transaction_ids: ids, _s: s, _kind: kind });
    // one-off at stream merchant (look-alike, not a member)
    if (chance(0.12)) { const d = addDays(start, ri(5, Math.floor(spanDays) - 5)); const id = `${hid}-T${++TID}`; txs.push({ _id: id, date: iso(d), amount: (s.dir === 'incoming' ? 1 : -1) * Math.max(100, Math.round(s.base * (0.2 + rnd() * 0.5))), description: s.text(d, 0).replace(/\s+/g, ' ').trim(), category: s.cat, pending: false, _d: d }); }
  }
  // noise
  const nDays = Math.floor(spanDays);
  const favG = Array.from({ length: 4 }, () => merchantFor('groceries')); const favD = Array.from({ length: 3 }, () => merchantFor('dining'));
  for (let dd = 0; dd <= nDays; dd++) {
    const d = addDays(start, dd);
    const k = rnd() < 0.5 ? ri(0, 2) : 0;
    for (let j = 0; j < k; j++) {
      const r = rnd(); let cat;
      cat = r < 0.42 ? 'groceries' : r < 0.62 ? 'dining' : r < 0.74 ? 'transport' : r < 0.8 ? 'entertainment' : r < 0.97 ? 'transfer' : r < 0.985 ? 'utilities' : 'subscriptions';
      let row;
      if (cat === 'groceries' && chance(0.6)) { const f = pick(favG); row = { t: cardText(bank, f.m, f.town || town, d), a: -rsd(150, 9000) }; }
      else if (cat === 'dining' && chance(0.5)) { const f = pick(favD); row = { t: cardText(bank, f.m, f.town || town, d), a: -rsd(180, 4000) }; }
      else if (cat === 'salary') row = salaryRow(bank, d);
      else if (cat === 'transfer') row = transferRow(bank, d);
      else row = makeRow(cat, bank, d);
      if (cat === 'subscriptions') row.a = -rsd(99, 1500);
      const id = `${hid}-T${++TID}`; txs.push({ _id: id, date: iso(d), amount: row.a || -100, description: row.t.replace(/\s+/g, ' ').trim(), category: cat, pending: false, _d: d });
    }
  }
  // drop anything after endNP, sort; pending
  let list = txs.filter(t => t._d <= endNP && t._d >= start).sort((a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const np = ri(1, 5);
  for (let i = 0; i < np; i++) { const d = addDays(today, -ri(0, 2)); const cat = pick(['groceries', 'dining', 'transport', 'groceries', 'transfer']); const row = cat === 'transfer' ? transferRow(bank, d, true) : makeRow(cat, bank, d); list.push({ _id: `${hid}-P${i}`, date: iso(d), amount: row.a, description: row.t.replace(/\s+/g, ' ').trim(), category: cat, pending: true, _d: d }); }
  const pend = list.filter(t => t.pending).sort((a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : 0); list = list.filter(t => !t.pending).concat(pend);
  // renumber ids
  const map = new Map(); list.forEach((t, i) => { const nid = `${hid}-${pad(i + 1, 4)}`; map.set(t._id, nid); });
  const transactions = list.map(t => ({ id: map.get(t._id), date: t.date, amount: t.amount, description: t.description, category: t.category, pending: t.pending }));
  const outStreams = streams.map(s => ({ direction: s.direction, frequency: s.frequency, amount_type: s.amount_type, category: s.category, is_active: s.is_active, transaction_ids: s.transaction_ids.map(x => map.get(x)).filter(Boolean) }));
  histories.push({ id: hid, today: iso(today), note: `${prof} in ${town}, ${bank}, ${months} months of history`, transactions, streams: outStreams });
}
FIXCARD = null;
fs.writeFileSync(path.join(OUT, 'recurring-blind.json'), JSON.stringify(histories, null, 1) + '\n');

// summary
const sum = { seed: 81208, categorize: { rows: rows.length, per_category: {} }, recurring: { histories: histories.length, transactions: 0, streams: 0, per_frequency: {}, per_category: {}, per_direction: {}, active: 0, inactive: 0, fixed: 0, variable: 0, transaction_categories: {} } };
for (const c of CATS) sum.categorize.per_category[c] = rows.filter(r => r[2] === c).length;
for (const h of histories) { sum.recurring.transactions += h.transactions.length; for (const t of h.transactions) sum.recurring.transaction_categories[t.category] = (sum.recurring.transaction_categories[t.category] || 0) + 1; for (const s of h.streams) { const R = sum.recurring; R.streams++; R.per_frequency[s.frequency] = (R.per_frequency[s.frequency] || 0) + 1; R.per_category[s.category] = (R.per_category[s.category] || 0) + 1; R.per_direction[s.direction] = (R.per_direction[s.direction] || 0) + 1; s.is_active ? R.active++ : R.inactive++; s.amount_type === 'fixed' ? R.fixed++ : R.variable++; } }
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(sum, null, 1) + '\n');
console.log(JSON.stringify(sum));
