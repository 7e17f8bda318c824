/**
 * The one normalisation pipeline for Serbian bank-statement descriptions: raw description →
 * letters folded → channel wrapping and noise stripped → (a) category tokens and channel flags
 * for the categoriser, (b) the merchant key (ASCII lower case, stable across banks, months and
 * terminals) and a clean display name for the API and recurring detection. Pure, no I/O,
 * table-driven: every wrapping a bank adds is one entry in one table below (letters, channel
 * prefixes, noise patterns, processors, web suffixes, cities, countries, legal forms, period
 * words), and each entry has a unit test in normalize.test.ts.
 *
 * `describe(text)` normalises a description once and shares the result between the merchant
 * key, the categoriser's rules and its learned model; each view is computed on first use.
 *
 * Merchant view order: Cyrillic → Latin (case and diacritics kept for the display name) →
 * account numbers pulled out → noise removed anywhere (dates, times, card fragments, phone
 * numbers, terminal ids, amounts with currency, references; one combined regex) → channel
 * prefixes stripped from the front → processor prefixes ("GOOGLE *", "PAYPAL *") → tokens →
 * trailing places, countries and legal forms stripped from the end → key and display name.
 */
import { findMerchant } from './merchants.js';

export type Channel =
  | 'card'
  | 'ecommerce'
  | 'cash'
  | 'transfer'
  | 'instant'
  | 'standing_order'
  | 'bill'
  | 'direct_debit';

export interface NormalizedMerchant {
  /** Folded merchant key ("lidl", "netflix", "marko petrovic"); '' when the text names nobody. */
  key: string;
  /** Clean display name ("Lidl", "Netflix", "Marko Petrović"), or null when nothing is left. */
  display: string | null;
  /** The channel the prefix named, if any. */
  channel: Channel | null;
  /** Payment processor that wrapped the merchant ("google", "paypal"), if any. */
  processor: string | null;
  /** First bank account number printed in the text (Serbian 3-13-2 or 18 digits), if any. */
  accountNumber: string | null;
  /**
   * Paid abroad: a foreign country or city followed the merchant, or a processor wrapped it
   * (card-not-present billing, where subscriptions live).
   */
  abroad: boolean;
}

/** What the channel prefixes and codes of a description say about the payment. */
export interface DescriptionFlags {
  /** Card payment at a terminal: "POS KUPOVINA", "Plaćanje karticom", a masked card number. */
  card: boolean;
  /** Online card payment: "E-COMMERCE", "Internet kupovina". */
  ecommerce: boolean;
  /** Cash: ATM, bankomat, "podizanje/isplata/uplata gotovine", counter. */
  cash: boolean;
  /** "TRAJNI NALOG". */
  standingOrder: boolean;
  /** IPS instant payment (NBS instant system) or "instant plaćanje". */
  instant: boolean;
  /** Account-to-account wording: "prenos", "uplata na račun", "interni prenos", "transfer". */
  accountTransfer: boolean;
  /** Bill payment slip, portal or direct debit: "Uplatnica", "eUprava", "poziv na broj". */
  bill: boolean;
  /** Payment code 240 (salaries) printed among the numbers. */
  salaryCode: boolean;
}

/** The categoriser's view: matching tokens and the flags the wrapping set. */
export interface ScannedDescription {
  /**
   * Tokens for dictionary matching: channel prefixes (anywhere), numbers, masked cards and
   * reference codes removed; place names kept, since brands contain them ("NIS Petrol").
   */
  tokens: readonly string[];
  flags: DescriptionFlags;
}

// ---------------------------------------------------------------------------------------------
// Letters

/** Serbian Cyrillic → Gaj's Latin with diacritics (for display); case handled by the caller. */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
};

/** Russian and Macedonian letters occasionally printed by foreign terminals → ASCII. */
export const OTHER_CYRILLIC: Readonly<Record<string, string>> = {
  й: 'j',
  ы: 'y',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  ё: 'e',
  щ: 's',
  ъ: '',
  ь: '',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
};

/** Latin diacritics → ASCII, Serbian usage (đ → dj). Other accents lose their mark. */
export const DIACRITIC_FOLD: Readonly<Record<string, string>> = {
  č: 'c',
  ć: 'c',
  š: 's',
  ž: 'z',
  đ: 'dj',
};

/** Every non-ASCII letter with a known ASCII spelling (lower case), built from the tables above. */
const ASCII_FOLD: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>(Object.entries(DIACRITIC_FOLD));
  for (const [cyr, lat] of Object.entries(CYRILLIC_TO_LATIN)) {
    let ascii = '';
    for (const ch of lat) ascii += DIACRITIC_FOLD[ch] ?? ch;
    map.set(cyr, ascii);
  }
  for (const [cyr, ascii] of Object.entries(OTHER_CYRILLIC)) map.set(cyr, ascii);
  // Typographic apostrophe joins like ASCII "'" ("McDonald’s").
  map.set('\u2019', "'");
  return map;
})();

const CYRILLIC_RANGE = /[\u0400-\u04ff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Cyrillic to Latin, keeping case: "МАКСИ Ђак" → "MAKSI Đak". */
export function toLatin(text: string): string {
  if (!CYRILLIC_RANGE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = CYRILLIC_TO_LATIN[lower] ?? OTHER_CYRILLIC[lower];
    if (mapped === undefined) out += ch;
    else if (lower === ch) out += mapped;
    else out += mapped.length > 1 ? mapped[0]!.toUpperCase() + mapped.slice(1) : mapped.toUpperCase();
  }
  return out;
}

/**
 * Lower case ASCII: Cyrillic transliterated letter by letter (the alphabet is one-to-one with
 * Gaj's Latin, so a table is exact; generic transliterators use Russian conventions such as
 * ж → zh), č/ć → c, š → s, ž → z, đ → dj, other accents dropped, other symbols → space.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 128) continue;
    const ch = lower[i]!;
    let mapped = ASCII_FOLD.get(ch);
    if (mapped === undefined) {
      mapped = ch.normalize('NFD').replace(COMBINING_MARKS, '');
      if (mapped.length === 0 || mapped.charCodeAt(0) >= 128) mapped = ' ';
    }
    out += lower.slice(plainFrom, i) + mapped;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? lower : out + lower.slice(plainFrom);
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * Channel prefixes (folded ASCII words) and the channel each names. The merchant view strips
 * them from the front of the text, repeatedly ("POS KUPOVINA 19.10.2026 PLAĆANJE KARTICOM …");
 * the category view drops them anywhere and sets the channel's flag. `vague` ones ("plaćanje")
 * set no flag; a null channel marks a purpose word ("uplata", "isplata") that only the category
 * view drops, since it names what a transfer was for ("Isplata zarade").
 */
export const CHANNEL_PREFIXES: ReadonlyArray<readonly [string, Channel | null, 'vague'?]> = [
  // A phone wallet pays a terminal like the card it holds: not Apple's or Google's own billing.
  ['beskontaktno placanje', 'card'],
  ['apple pay kupovina', 'card'],
  ['google pay kupovina', 'card'],
  ['apple pay', 'card'],
  ['google pay', 'card'],
  ['card not present', 'ecommerce'],
  ['cnp transakcija', 'ecommerce'],
  ['kupovina na pos terminalu', 'card'],
  ['transakcija na pos terminalu', 'card'],
  ['placanje na prodajnom mestu', 'card'],
  ['kupovina na prodajnom mestu', 'card'],
  ['placanje na pos terminalu', 'card'],
  // Card schemes and card kinds printed before the merchant ("Debitna kartica VISA *6924 …").
  ['debitna kartica visa', 'card'],
  ['debitna kartica', 'card'],
  ['kreditna kartica', 'card'],
  ['platna kartica', 'card'],
  ['dina kartica', 'card'],
  ['dinacard', 'card'],
  ['mastercard kupovina', 'card'],
  ['visa kupovina', 'card'],
  ['maestro', 'card'],
  ['placanje na internetu', 'ecommerce'],
  // Before "plaćanje karticom": the card paid online ("Plaćanje karticom na internetu NETFLIX …").
  ['placanje karticom na internetu', 'ecommerce'],
  ['kupovina karticom na internetu', 'ecommerce'],
  ['kupovina na internetu', 'ecommerce'],
  ['internet placanje karticom', 'ecommerce'],
  ['placanje preko interneta', 'ecommerce'],
  ['instant placanje na prodajnom mestu', 'card'],
  ['placanje karticom', 'card'],
  // Card payments abroad and debits by card, as some exports word them.
  ['placanje karticom u inostranstvu', 'ecommerce'],
  ['transakcija karticom u inostranstvu', 'ecommerce'],
  ['kupovina u inostranstvu', 'ecommerce'],
  ['placanje na internet prodajnom mestu', 'ecommerce'],
  ['internet transakcija', 'ecommerce'],
  ['online placanje karticom', 'ecommerce'],
  ['zaduzenje po kartici', 'card'],
  ['potrosnja karticom', 'card'],
  ['visa debit', 'card'],
  ['mc debit', 'card'],
  ['mastercard debit', 'card'],
  ['kupovina karticom', 'card'],
  ['placanje debitnom karticom', 'card'],
  ['placanje kreditnom karticom', 'card'],
  ['transakcija karticom', 'card'],
  ['karticno placanje', 'card'],
  ['pos kupovina', 'card'],
  ['pos placanje', 'card'],
  ['pos transakcija', 'card'],
  ['kupovina pos', 'card'],
  // Paying a shop by IPS QR code is a purchase, like a card payment.
  ['ips qr placanje', 'card'],
  ['ips qr kupovina', 'card'],
  ['internet kupovina', 'ecommerce'],
  ['internet placanje', 'ecommerce'],
  ['kupovina internet', 'ecommerce'],
  ['online kupovina', 'ecommerce'],
  ['online placanje', 'ecommerce'],
  ['online payment', 'ecommerce'],
  ['e commerce', 'ecommerce'],
  ['ecommerce', 'ecommerce'],
  ['shopping by card', 'card'],
  // English-language exports: "DEBIT CARD TRX 03.03.2027 …", "Payment order …", "Instant payment …".
  ['debit card trx', 'card'],
  ['debit card', 'card'],
  ['card trx', 'card'],
  ['payment order', 'transfer'],
  ['transfer order', 'transfer'],
  ['instant payment', 'instant'],
  // Outgoing and incoming wordings of further e-banking exports ("Outgoing instant payment …",
  // "Inflow …", "Instant prenos X: …", "Primljena uplata …", "e-Nalog X / …", "PRILIV SREDSTAVA …").
  ['outgoing instant payment', 'instant'],
  ['outgoing payment', 'transfer'],
  ['inflow', 'transfer', 'vague'],
  ['instant prenos', 'instant'],
  ['primljena uplata', 'transfer', 'vague'],
  ['priliv sredstava', 'transfer', 'vague'],
  ['e nalog', 'transfer'],
  ['prenos sredstava na racun', 'transfer'],
  // "eBanking plaćanje - …", "Mbanking …" (the words written together).
  ['ebanking placanje', 'transfer'],
  ['mbanking placanje', 'transfer'],
  ['ebanking', 'transfer'],
  ['mbanking', 'transfer'],
  // A card scheme printed after the card wording ("Placanje karticom Visa FITNESS …").
  ['visa', 'card'],
  ['mastercard', 'card'],
  ['incoming payment', 'transfer', 'vague'],
  ['card payment', 'card'],
  ['card purchase', 'card'],
  ['pos purchase', 'card'],
  ['online purchase', 'ecommerce'],
  ['internet purchase', 'ecommerce'],
  ['purchase', 'card'],
  ['isplata gotovine', 'cash'],
  ['isplata na bankomatu', 'cash'],
  ['isplata atm', 'cash'],
  ['isplata bankomat', 'cash'],
  ['podizanje gotovine', 'cash'],
  ['uplata gotovine', 'cash'],
  ['cash withdrawal', 'cash'],
  ['atm withdrawal', 'cash'],
  ['trajni nalog', 'standing_order'],
  ['standing order', 'standing_order'],
  ['direktno zaduzenje', 'direct_debit'],
  ['direct debit', 'direct_debit'],
  ['ips nbs', 'instant'],
  ['ips qr', 'instant'],
  ['ips placanje', 'instant'],
  ['ips uplata', 'instant'],
  ['ips prenos', 'instant'],
  ['instant placanje', 'instant'],
  ['instant transfer', 'instant'],
  ['interni prenos', 'transfer'],
  ['prenos sredstava', 'transfer'],
  ['prenos na racun', 'transfer'],
  ['uplata na racun', 'transfer'],
  ['nalog za prenos', 'transfer'],
  ['nalog za placanje', 'transfer'],
  ['uplata po nalogu', 'transfer'],
  ['transfer to', 'transfer'],
  ['transfer from', 'transfer'],
  ['transfer', 'transfer'],
  ['prenos', 'transfer'],
  ['eplacanje', 'bill'],
  ['e placanje', 'bill'],
  ['euprava', 'bill'],
  ['uplatnica', 'bill'],
  ['placanje racuna', 'bill'],
  ['poziv na broj', 'bill'],
  ['kupovina', 'card'],
  ['placanje', 'transfer', 'vague'],
  ['ips', 'instant'],
  ['pos', 'card'],
  ['atm', 'cash'],
  ['bankomat', 'cash'],
  ['bankomatu', 'cash'],
  ['e banking nalog', 'transfer'],
  ['elektronski nalog', 'transfer'],
  ['ebanking nalog', 'transfer'],
  ['m banking nalog', 'transfer'],
  ['e banking', 'transfer'],
  ['m banking', 'transfer'],
  // A bare "Nalog …" (order) names no channel for the category view, but is wrapping.
  ['nalog', 'transfer', 'vague'],
  ['uplata', null],
  ['isplata', null],
  // Direction words some exports print first ("Priliv …", "Odliv - …", "Terećenje: …"): wrapping,
  // not a purpose; stripped from the front like a channel, but they set no flag.
  ['priliv', 'transfer', 'vague'],
  ['odliv', 'transfer', 'vague'],
  ['terecenje', 'transfer', 'vague'],
];

/** The category-view flag each channel sets. */
const CHANNEL_FLAG: Readonly<Record<Channel, keyof DescriptionFlags>> = {
  card: 'card',
  ecommerce: 'ecommerce',
  cash: 'cash',
  transfer: 'accountTransfer',
  instant: 'instant',
  standing_order: 'standingOrder',
  bill: 'bill',
  direct_debit: 'bill',
};

/**
 * Noise removed anywhere in the text. Order matters: card fragments before generic numbers,
 * dates before phone numbers.
 */
export const NOISE_PATTERNS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['iso date', /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b/g],
  ['dotted date', /\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b\.?/g],
  ['day and month', /(?<![\d.])\b\d{1,2}\.\d{1,2}\.(?!\d)/g],
  ['time', /\b\d{1,2}:\d{2}(?::\d{2})?h?\b/g],
  ['card last four after a star', /(?<![\w*])\*\d{4}\b/g],
  ['masked card', /\b\d{0,6}[*xX]{2,}\d{2,4}\b|\b[*xX]{4,}\s?\d{4}\b/g],
  // "4165...8422": a card number masked with dots.
  ['card masked with dots', /\b\d{4}\.{3}\d{4}\b/g],
  ['card number after card word', /(?<=\b(?:karticom|kartica|kartice|card|kartica br\.?)\s)\d{4}\b/gi],
  ['phone number', /(?:\+\d{1,3}[\s-]?)?\(?\b\d{2,4}\)?[\s/-]\d{3}[\s-]?\d{3,4}\b/g],
  [
    'terminal id',
    /\b(?:tid|term(?:inal)?|pos id|mid|ref(?:erenca)?|auth|odobrenje)[:.#]?\s*[A-Z0-9-]*\d[A-Z0-9-]*\b/gi,
  ],
  [
    'amount with currency',
    /\b\d+(?:[.,]\d{3})*[.,]\d{2}\s?(?:eur|usd|rsd|gbp|chf|din)\b|\b(?:eur|usd|rsd|gbp|chf)\s?\d+(?:[.,]\d{2})?\b/gi,
  ],
  // The label some exports print before the original amount ("iznos 24,99 EUR", "Amount: 9.99 USD").
  [
    'amount label',
    /\b(?:orig(?:inalni)?\.?\s)?(?:iznos|amount)\s?:?\s?(?=\d+(?:[.,]\d{3})*[.,]\d{2}\s?[a-z]{3}\b|(?:eur|usd|rsd|gbp|chf)\s?\d)/gi,
  ],
  // "KARTICA ****1182": the card word before a masked number (the number goes as 'masked card').
  ['card word before a masked number', /\bkartic[ae]\s?(?=\d{0,6}[*xX]{2,}\d{2,4}\b|\d{4}\.{3}\d{4}\b)/gi],
  ['poziv na broj', /\b(?:poziv na broj|poz\.? na br\.?|pnb|model)[:.]?\s*(?:\d{2}\s)?[\d-]*/gi],
  // A card scheme before a masked number at the end ("… KRALJEVO SRB Mastercard ****5699").
  [
    'card scheme before a masked number',
    /\b(?:visa|mastercard|maestro|dinacard)\s?(?=\d{0,6}[*xX]{2,}\d{2,4}\b)/gi,
  ],
  // A quarter named by its months ("za jul-septembar", "oktobar–decembar"): a period, not a name.
  [
    'month range',
    /\b(?:januar|februar|mart|april|maj|jun|jul|avgust|septembar|oktobar|novembar|decembar)[a-z]*\s?[-–]\s?(?:januar|februar|mart|april|maj|jun|jul|avgust|septembar|oktobar|novembar|decembar)[a-z]*\b/g,
  ],
  ['card word left over', /\b(?:br\.?\s?kartice|card no\.?(?!t\b))\s*/gi],
];

/** All noise patterns as one alternation (one scan of the text instead of one per pattern). */
const NOISE = new RegExp(NOISE_PATTERNS.map(([, p]) => `(?:${p.source})`).join('|'), 'gi');

/** Account numbers: Serbian "160-0000012345678-90" or 18 digits; captured for the counterparty. */
export const ACCOUNT_NUMBER = /\b\d{3}-\d{1,13}-\d{2}\b|\b\d{18}\b/;

/**
 * Payment processors and wallets that prefix the merchant. The rest of the text is the
 * merchant; with nothing after it the processor itself is ("APPLE.COM/BILL" → Apple).
 */
export const PROCESSORS: ReadonlyArray<readonly [key: string, display: string, pattern: RegExp]> = [
  ['google', 'Google', /^goog(?:le)?\s?\*\s*/i],
  ['microsoft', 'Microsoft', /^(?:microsoft|msft)\s?\*\s*/i],
  ['paypal', 'PayPal', /^paypal\s?\*\s*/i],
  ['apple', 'Apple', /^apple\.com\/bill\b\s*/i],
  ['apple', 'Apple', /^apple\.com\s?\*\s*/i],
  ['sumup', 'SumUp', /^sumup\s?\*\s*/i],
  ['square', 'Square', /^sq\s?\*\s*/i],
  ['amazon', 'Amazon', /^(?:amzn|amazon)\s?(?:mktp|marketplace)?\s?\*\s*/i],
  ['facebook', 'Meta', /^(?:facebk|fb|meta)\s?\*\s*/i],
  ['paddle', 'Paddle', /^paddle\.net\s?\*\s*/i],
  ['fastspring', 'FastSpring', /^fs\s?\*\s*/i],
  ['shopify', 'Shopify', /^sp\s?\*\s*/i],
  ['zettle', 'Zettle', /^(?:zettle_|iz\s?\*)\s*/i],
  ['2checkout', '2Checkout', /^2co\.com\s?\*\s*/i],
  ['digitalriver', 'Digital River', /^dri\s?\*\s*/i],
  ['stripe', 'Stripe', /^(?:stripe|str)\s?\*\s*/i],
];

/** Processors (keys above) that bill their own products under their name: the seller, not a wallet. */
export const OWN_PRODUCT_PROCESSORS: ReadonlySet<string> = new Set([
  'google',
  'microsoft',
  'apple',
  'amazon',
  'facebook',
]);

/** Web suffixes glued to a merchant ("NETFLIX.COM", "WOLT.COM/RS"). */
export const WEB_SUFFIXES: readonly string[] = [
  '.com',
  '.rs',
  '.net',
  '.io',
  '.org',
  '.co',
  '.eu',
  '.me',
  '.app',
];

/** Cities abroad that card processors print after a merchant (and the 'itunes' of Apple's billing line). */
const FOREIGN_CITIES: readonly string[] = [
  'amsterdam',
  'dublin',
  'cork',
  'london',
  'stockholm',
  'helsinki',
  'tallinn',
  'barcelona',
  'budapest',
  'luxembourg',
  'paris',
  'sydney',
  'bellevue',
  'seattle',
  'cupertino',
  'redmond',
  'pittsburgh',
  'brussels',
  'berlin',
  'vienna',
  'wien',
  'zagreb',
  'ljubljana',
  'itunes',
];

/** Places printed after the merchant, folded; multi-word first. Stripped only from the end. */
export const CITIES: readonly string[] = [
  'novi beograd',
  'novi sad',
  'novi pazar',
  'sremska mitrovica',
  'stara pazova',
  'backa palanka',
  'gornji milanovac',
  'san francisco',
  'los gatos',
  'mountain view',
  'beograd',
  'belgrade',
  'zemun',
  'vracar',
  'cukarica',
  'zvezdara',
  'palilula',
  'rakovica',
  'vozdovac',
  'krnjaca',
  'borca',
  'obrenovac',
  'lazarevac',
  'mladenovac',
  'nis',
  'kragujevac',
  'subotica',
  'zrenjanin',
  'pancevo',
  'cacak',
  'kraljevo',
  'smederevo',
  'leskovac',
  'valjevo',
  'krusevac',
  'vranje',
  'sabac',
  'uzice',
  'sombor',
  'pozarevac',
  'pirot',
  'zajecar',
  'kikinda',
  'jagodina',
  'vrsac',
  'bor',
  'petrovaradin',
  'indjija',
  'ruma',
  'loznica',
  'prokuplje',
  'aleksinac',
  'paracin',
  'cuprija',
  'negotin',
  'becej',
  'senta',
  'apatin',
  'vrbas',
  'kula',
  'ivanjica',
  'prijepolje',
  'bg',
  'ns',
  'kg',
  'zlatibor',
  'kopaonik',
  ...FOREIGN_CITIES,
  'internet',
  'online',
];

/**
 * Country codes and names printed at the end, once: each with whether it is abroad. A merchant
 * printed with a place abroad is billed from outside Serbia (card-not-present: subscriptions,
 * online services), never a local shop. Serbia's own names, and Montenegro's "ME" (also a web
 * suffix), are stripped but do not make a payment foreign.
 */
// biome-ignore format: one country a line reads as a table
const COUNTRY_TABLE: ReadonlyArray<readonly [code: string, abroad: boolean]> = [
  ['srbija', false],
  ['serbia', false],
  ['srb', false],
  ['srbije', false],
  ['rs', false],
  ['nl', true],
  ['lu', true],
  ['ie', true],
  ['us', true],
  ['usa', true],
  ['gb', true],
  ['uk', true],
  ['gbr', true],
  ['se', true],
  ['fi', true],
  ['es', true],
  ['hu', true],
  ['ee', true],
  ['de', true],
  ['at', true],
  ['fr', true],
  ['be', true],
  ['au', true],
  ['hr', true],
  ['si', true],
  ['ba', true],
  ['me', false],
  ['mk', true],
  ['ch', true],
  ['it', true],
  ['cy', true],
  ['mt', true],
  ['pl', true],
  ['cz', true],
  ['ca', true],
  ['wa', true],
  ['ny', true],
  ['nld', true],
  ['irl', true],
  ['lux', true],
  ['deu', true],
];

/** Country codes and names printed at the end (the suffix table). */
export const COUNTRIES: readonly string[] = COUNTRY_TABLE.map(([code]) => code);

/**
 * Places that are abroad: the foreign cities above and the foreign countries of COUNTRY_TABLE.
 * Single words only (the last word of a multi-word place is enough: "francisco", "view").
 */
export const FOREIGN_PLACES: readonly string[] = [
  'francisco',
  'gatos',
  'view',
  ...FOREIGN_CITIES,
  ...COUNTRY_TABLE.filter(([, abroad]) => abroad).map(([code]) => code),
];

/** Legal forms, stripped from the end (and "d.o.o." anywhere). */
export const LEGAL_FORMS: readonly string[] = [
  'doo',
  'd.o.o',
  'd.o.o.',
  'ad',
  'a.d',
  'a.d.',
  // Insurers: "akcionarsko društvo za osiguranje" ("DUNAV OSIGURANJE ADO").
  'ado',
  'a.d.o',
  'a.d.o.',
  'kd',
  'dd',
  'jp',
  'jkp',
  'pr',
  'str',
  'szr',
  'ltd',
  'ltd.',
  'limited',
  'inc',
  'inc.',
  'bv',
  'b.v.',
  'sa',
  's.a.',
  'sarl',
  'gmbh',
  'llc',
  'plc',
  'oy',
  'ab',
  'srl',
  'ogranak',
];

/** Month names, Serbian (nominative and genitive) and English: they change every payment. */
export const MONTH_WORDS: readonly string[] = [
  'januar',
  'januara',
  'februar',
  'februara',
  'mart',
  'marta',
  'april',
  'aprila',
  'maj',
  'maja',
  'jun',
  'juni',
  'juna',
  'jul',
  'juli',
  'jula',
  'avgust',
  'avgusta',
  'septembar',
  'septembra',
  'oktobar',
  'oktobra',
  'novembar',
  'novembra',
  'decembar',
  'decembra',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month abbreviations printed by some banks ("DEC 2026"). */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'avg',
  'sep',
  'sept',
  'oct',
  'okt',
  'nov',
  'dec',
];

/** Period words (months, "za", "mesec") that change every payment; dropped anywhere but first. */
export const PERIOD_WORDS: readonly string[] = [
  ...MONTH_WORDS,
  'za',
  'mesec',
  'period',
  'racun',
  'br',
  'br.',
  'broj',
  'mp',
  // Quarters and instalments ("IV kvartal", "Q3/2026", "rata 2/4"): they change every payment.
  'kvartal',
  'kvartala',
  'kv',
  'tromesecje',
  'tromesecno',
  'tromesecni',
  'q1',
  'q2',
  'q3',
  'q4',
  'ii',
  'iii',
  'iv',
  'rata',
];

/** Filler around the changing part of a text with no merchant ("ref", "poziv na broj"). */
export const FILLER_WORDS: readonly string[] = ['ref', 'pnb', 'poziv', 'na', 'no', 'nr', 'for', 'of'];

// ---------------------------------------------------------------------------------------------
// Compiled tables

/** Merchant view: channel prefixes by their first letter, longest first. */
const PREFIX_BY_LETTER: ReadonlyMap<string, ReadonlyArray<readonly [string, Channel]>> = (() => {
  const index = new Map<string, Array<readonly [string, Channel]>>();
  for (const [phrase, channel] of CHANNEL_PREFIXES) {
    if (channel === null) continue;
    const list = index.get(phrase[0]!) ?? [];
    list.push([phrase, channel]);
    index.set(phrase[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return index;
})();

interface PrefixRule {
  words: readonly string[];
  flag: keyof DescriptionFlags | null;
}

/** Category view: channel prefixes by their first word, longest first. */
const PREFIX_BY_WORD: ReadonlyMap<string, readonly PrefixRule[]> = (() => {
  const index = new Map<string, PrefixRule[]>();
  for (const [phrase, channel, vague] of CHANNEL_PREFIXES) {
    const words = phrase.split(' ');
    const list = index.get(words[0]!) ?? [];
    list.push({ words, flag: channel === null || vague ? null : CHANNEL_FLAG[channel] });
    list.sort((a, b) => b.words.length - a.words.length);
    index.set(words[0]!, list);
  }
  return index;
})();

const CITY_WORDS: ReadonlyArray<readonly string[]> = [...CITIES]
  .map((c) => c.split(' '))
  .sort((a, b) => b.length - a.length);
/** Last word of every city → the cities ending in it, longest first. */
const CITY_BY_LAST_WORD: ReadonlyMap<string, ReadonlyArray<readonly string[]>> = (() => {
  const index = new Map<string, Array<readonly string[]>>();
  for (const words of CITY_WORDS) {
    const last = words[words.length - 1]!;
    const list = index.get(last) ?? [];
    list.push(words);
    index.set(last, list);
  }
  return index;
})();
const withoutDot = (w: string): string => (w.endsWith('.') ? w.slice(0, -1) : w);
const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES);
const FOREIGN_PLACE_SET: ReadonlySet<string> = new Set(FOREIGN_PLACES);
const LEGAL_SET: ReadonlySet<string> = new Set(LEGAL_FORMS.map(withoutDot));
const PERIOD_SET: ReadonlySet<string> = new Set(PERIOD_WORDS.map(withoutDot));
const STREAM_DROPPED: ReadonlySet<string> = new Set([
  ...MONTH_WORDS,
  ...MONTH_ABBREVIATIONS,
  ...PERIOD_WORDS,
  ...FILLER_WORDS,
]);

/** Words kept upper case in display names when printed upper case (acronyms). */
const ACRONYMS: ReadonlySet<string> = new Set([
  'dm',
  'eps',
  'kfc',
  'nis',
  'omv',
  'mol',
  'sbb',
  'a1',
  'dis',
  'bvk',
  'hbo',
  'gsp',
  'mts',
  'jkp',
  'ips',
  'atm',
  'eko',
  'psn',
  'rzzo',
  'pio',
  'ddor',
  'uk',
  'usa',
  'bg',
  'ns',
  'ac',
  'tv',
]);

// ---------------------------------------------------------------------------------------------
// Character tests (no regex per character)

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isSeparator = (c: string | undefined): boolean =>
  c === ' ' || c === '-' || c === '_' || c === '.' || c === '\t';
/** A letter or digit: ASCII alphanumerics and any non-ASCII character (letters in practice). */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code >= 128 || isDigitCode(code) || ((code | 32) >= 97 && (code | 32) <= 122);
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

function isAllDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (!isDigitCode(token.charCodeAt(i))) return false;
  return true;
}

/** True when `words` occur in `tokens` starting at `at`. */
export function matchesAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  for (let j = 0; j < words.length; j++) if (tokens[at + j] !== words[j]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Category view

const TOKEN_SPLIT = /[^a-z0-9]+/;
const APOSTROPHES = /'/g;
const MASKED_CARD = /\d[*x]{2,}\d/;

/**
 * Splits a description into matching tokens and reads the channel flags. Numbers (terminal ids,
 * store numbers, dates, card and account numbers, poziv na broj) and alphanumeric reference codes
 * of 5+ characters carry no meaning for the category, so they go; short alphanumerics such as
 * "a1" or "q1" stay. Channel prefixes are dropped wherever they stand.
 */
export function scanDescription(description: string): ScannedDescription {
  const flags: DescriptionFlags = {
    card: false,
    ecommerce: false,
    cash: false,
    standingOrder: false,
    instant: false,
    accountTransfer: false,
    bill: false,
    salaryCode: false,
  };
  const folded = fold(description);
  if (MASKED_CARD.test(folded)) flags.card = true;
  // Apostrophes join ("mcdonald's" → "mcdonalds"); every other symbol separates.
  const raw = (folded.includes("'") ? folded.replace(APOSTROPHES, '') : folded).split(TOKEN_SPLIT);
  const tokens: string[] = [];
  for (const token of raw) {
    if (token.length === 0) continue;
    if (hasDigit(token)) {
      if (isAllDigits(token)) {
        if (token === '240') flags.salaryCode = true;
        continue;
      }
      if (token.length >= 5) continue;
    }
    tokens.push(token);
  }
  const content: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const rules = PREFIX_BY_WORD.get(token);
    let consumed = 0;
    if (rules !== undefined) {
      for (const rule of rules) {
        if (matchesAt(tokens, i, rule.words)) {
          consumed = rule.words.length;
          if (rule.flag !== null) flags[rule.flag] = true;
          break;
        }
      }
    }
    if (consumed > 0) {
      i += consumed;
      continue;
    }
    if (token === 'www' || token === 'com') flags.ecommerce = true;
    content.push(token);
    i++;
  }
  return { tokens: content, flags };
}

// ---------------------------------------------------------------------------------------------
// Merchant view

/**
 * Length of `phrase` (folded ASCII) at the start of `folded` (the text folded one character to
 * one, so offsets match the original); 0 when it does not match or continues as a longer word.
 */
function prefixLength(folded: string, phrase: string): number {
  let i = 0;
  for (let j = 0; j < phrase.length; j++) {
    const p = phrase[j]!;
    if (p === ' ') {
      if (!isSeparator(folded[i])) return 0;
      while (isSeparator(folded[i])) i++;
    } else if (folded[i] === p) i++;
    else return 0;
  }
  return isWordChar(folded[i]) ? 0 : i;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** One character to one: lower case, č/ć → c, š → s, ž → z, đ → d (offsets stay aligned). */
function foldAligned(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    if (ch.charCodeAt(0) < 128) out += ch;
    else {
      const base = ch.normalize('NFD')[0]!;
      out += ch === 'đ' ? 'd' : base.charCodeAt(0) < 128 ? base : ch;
    }
  }
  return out;
}

const WHITESPACE_RUNS = /\s+/g;
/**
 * A labelled purpose ("… svrha: održavanje zgrade", "… Purpose: invoice 12"): what the payment was
 * for, never the payee, and it changes from payment to payment; the merchant is what precedes it.
 */
const PURPOSE_LABEL = /\s(?:svrha(?:\s+pla[cć]anja)?|purpose(?:\s+of\s+payment)?)(?:\s*[:\-–]\s*|\s+|$)/i;
const LEADING_PUNCTUATION = /^[\s\-–:.,/]+/;
const LEADING_NUMBERS = /^(?:\d+[\s\-–:.,/]+)+/;
const PROCESSOR_MARK = /[*/_]/;
const TOKEN_BREAK = /[\s,;|\\"()[\]{}*#_]+/;
const TRIM_WORD = /^[-–.:/'+]+|[-–.:/]+$/g;

interface Token {
  /** As printed (Latin), punctuation trimmed. */
  text: string;
  /** Folded. */
  key: string;
}

const isTrimmable = (c: string | undefined): boolean =>
  c === '-' || c === '–' || c === '.' || c === ':' || c === '/' || c === "'" || c === '+';

function tokenize(text: string, out: Token[]): void {
  for (const raw of text.split(TOKEN_BREAK)) {
    if (raw === '') continue;
    let word = isTrimmable(raw[0]) || isTrimmable(raw[raw.length - 1]) ? raw.replace(TRIM_WORD, '') : raw;
    if (word === '') continue;
    let key = fold(word);
    if (key.includes('.')) {
      if (key.startsWith('www.')) {
        word = word.slice(4);
        key = key.slice(4);
      }
      // "NETFLIX.COM", "WOLT.COM/RS": the web suffix (and a path after it) goes.
      for (const suffix of WEB_SUFFIXES) {
        const at = key.lastIndexOf(suffix);
        if (at > 0 && (at + suffix.length === key.length || key[at + suffix.length] === '/')) {
          word = word.slice(0, at);
          key = key.slice(0, at);
          break;
        }
      }
    }
    // Slashes inside split words ("EPS/SNABDEVANJE").
    if (key.includes('/')) {
      for (const part of word.split('/')) if (part !== '') out.push({ text: part, key: fold(part) });
      continue;
    }
    if (key === '' || key === '-' || key === '&') continue;
    out.push({ text: word, key: key.includes("'") ? key.replace(APOSTROPHES, '') : key });
  }
}

/** Pure numbers, and codes with 3+ digits ("p1a23b4c5"; "bs185" stays, two digits are a brand's "a1"). */
function isNumberLike(key: string): boolean {
  let digits = 0;
  let alnum = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (isDigitCode(c)) {
      digits++;
      alnum++;
    } else if (c >= 97 && c <= 122) alnum++;
  }
  return digits > 0 && (digits === alnum || digits >= 3);
}

function endsWithWords(tokens: readonly Token[], words: readonly string[]): boolean {
  if (words.length > tokens.length) return false;
  const from = tokens.length - words.length;
  for (let i = 0; i < words.length; i++) if (tokens[from + i]!.key !== words[i]) return false;
  return true;
}

/** Strips one trailing place, country, legal form or number; false when nothing matched. */
function stripOneSuffix(tokens: Token[], keep: number): boolean {
  if (tokens.length <= keep) return false;
  const last = tokens[tokens.length - 1]!.key;
  if (
    COUNTRY_SET.has(last) ||
    LEGAL_SET.has(withoutDot(last)) ||
    isNumberLike(last) ||
    (last.length === 1 && tokens.length > 1)
  ) {
    tokens.pop();
    return true;
  }
  for (const words of CITY_BY_LAST_WORD.get(last) ?? []) {
    if (words.length + keep <= tokens.length && endsWithWords(tokens, words)) {
      tokens.length -= words.length;
      return true;
    }
  }
  return false;
}

function displayWord(text: string): string {
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const isUpper = text === upper;
  // No cased letter, or mixed case ("McDonald's", "YouTube"): as printed.
  if (upper === lower || (!isUpper && text !== lower)) return text;
  if (isUpper && ACRONYMS.has(fold(text))) return text;
  // Capitalise each part of a hyphenated or slashed word ("Shop&Go", "Mercator-S").
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const prev = i === 0 ? '-' : lower[i - 1];
    out += prev === '-' || prev === '&' || prev === '/' ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Normalises one description to its merchant. `withDisplay: false` skips building the display
 * name (the categoriser and recurring detection need only the key); `display` is then null.
 */
export function normalizeMerchant(description: string, withDisplay = true): NormalizedMerchant {
  let text = toLatin(description).replace(WHITESPACE_RUNS, ' ').trim();

  let accountNumber: string | null = null;
  const digits = hasDigit(text);
  if (digits) {
    const account = ACCOUNT_NUMBER.exec(text);
    if (account !== null) {
      accountNumber = account[0];
      text = text.replace(ACCOUNT_NUMBER, ' ');
    }
  }
  NOISE.lastIndex = 0;
  text = text.replace(NOISE, ' ').replace(WHITESPACE_RUNS, ' ').replace(LEADING_PUNCTUATION, '');

  let channel: Channel | null = null;
  for (let guard = 0; guard < 6; guard++) {
    let matched = false;
    const folded = foldAligned(text.slice(0, 48));
    for (const [phrase, ch] of PREFIX_BY_LETTER.get(folded[0] ?? '') ?? []) {
      const length = prefixLength(folded, phrase);
      if (length > 0) {
        channel ??= ch;
        // A more specific channel later in the chain wins over "kupovina"/"placanje".
        if (channel === 'transfer' && ch !== 'transfer') channel = ch;
        text = text.slice(length).replace(LEADING_PUNCTUATION, '');
        matched = true;
        break;
      }
    }
    if (!matched) {
      // Leftover numbers between prefixes ("POS 0012 …").
      const lead = digits ? LEADING_NUMBERS.exec(text) : null;
      if (lead === null) break;
      text = text.slice(lead[0].length);
    }
  }

  const purpose = PURPOSE_LABEL.exec(text);
  if (purpose !== null && purpose.index > 0) text = text.slice(0, purpose.index);

  let processor: string | null = null;
  let processorDisplay: string | null = null;
  // Every processor prefix carries a '*', a '/' or a '_' within its first few characters.
  if (PROCESSOR_MARK.test(text.slice(0, 24))) {
    for (const [key, display, pattern] of PROCESSORS) {
      const m = pattern.exec(text);
      if (m !== null) {
        processor = key;
        processorDisplay = display;
        text = text.slice(m[0].length);
        break;
      }
    }
  }

  const all: Token[] = [];
  tokenize(text, all);
  const tokens: Token[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (!isNumberLike(t.key) && !(i > 0 && PERIOD_SET.has(t.key))) tokens.push(t);
  }
  // A leading period word only goes when something follows ("Za mart - Infostan").
  while (tokens.length > 1 && PERIOD_SET.has(tokens[0]!.key) && tokens[0]!.key !== 'racun') tokens.shift();
  // With a processor the merchant may be nothing but a place ("APPLE.COM/BILL ITUNES.COM IE").
  const keep = processor === null ? 1 : 0;
  const unstripped = tokens.length;
  const tail = tokens.slice();
  while (stripOneSuffix(tokens, keep)) {}
  let abroad = processor !== null;
  for (let i = tokens.length; i < unstripped && !abroad; i++) abroad = FOREIGN_PLACE_SET.has(tail[i]!.key);
  // "d.o.o." and friends in the middle ("LIDL D.O.O. NIS" after the city went).
  const kept = tokens.filter((t, i) => i === 0 || !LEGAL_SET.has(withoutDot(t.key)));

  if (kept.length === 0) {
    return processor === null
      ? { key: '', display: null, channel, processor, accountNumber, abroad }
      : { key: processor, display: processorDisplay, channel, processor, accountNumber, abroad };
  }
  let key = kept[0]!.key;
  for (let i = 1; i < kept.length; i++) key += ` ${kept[i]!.key}`;
  return {
    key,
    display: withDisplay ? kept.map((t) => displayWord(t.text)).join(' ') : null,
    channel,
    processor,
    accountNumber,
    abroad,
  };
}

// ---------------------------------------------------------------------------------------------
// Keys and the shared description

/**
 * Fallback grouping key for text that is nothing but wrapping: its words without numbers,
 * months, period and filler words ("Plata - januar 2026" and "Plata za februar 2026" → "plata").
 */
export function streamKey(description: string): string {
  let key = '';
  for (const w of fold(description).split(TOKEN_SPLIT)) {
    // Any token holding a digit is a date, period ("03/2026") or reference number.
    if (w === '' || hasDigit(w) || STREAM_DROPPED.has(w)) continue;
    key = key === '' ? w : `${key} ${w}`;
  }
  // Nothing but numbers and months: fall back to the whole text so it still groups exactly.
  return key !== '' ? key : description.trim().toLowerCase();
}

/** Grouping key of every cash withdrawal or deposit (ATM, counter). */
export const CASH_KEY = 'cash';

/** The grouping key of a merchant view: a listed brand's name, else the merchant key. */
function keyOf(m: NormalizedMerchant, description: string): string {
  // Cash in or out has no payee but the bank: one key whatever the ATM, city or wording.
  if (m.channel === 'cash') return CASH_KEY;
  if (m.key === '') return `${m.channel ?? ''}:${streamKey(description)}`;
  const brand = findMerchant(m.key.split(' '));
  if (brand !== null && brand.entry.strength === 'brand') return brand.entry.name;
  // Behind a processor that sells its own products the text after it names a plan and varies
  // ("MICROSOFT*365 PERSONAL", "MSFT * E0400ABCD"): the seller stays in the key, so recurring
  // detection can link the wordings. Behind a pure payment processor (PayPal, SumUp) the text is
  // the merchant itself and is the key alone, as when the merchant is paid directly.
  return m.processor !== null && m.key !== m.processor && OWN_PRODUCT_PROCESSORS.has(m.processor)
    ? `${m.processor} ${m.key}`
    : m.key;
}

/**
 * One description normalised once: the category view, the merchant view and the grouping key
 * are each computed on first use and shared by the categoriser, its model and enrichment.
 */
export class Description {
  private scanned: ScannedDescription | undefined;
  private merchantView: NormalizedMerchant | undefined;
  private groupKey: string | undefined;

  constructor(readonly raw: string) {}

  /** Category tokens and channel flags. */
  get scan(): ScannedDescription {
    this.scanned ??= scanDescription(this.raw);
    return this.scanned;
  }

  /** Merchant key, display name, channel, processor and account number. */
  get merchant(): NormalizedMerchant {
    this.merchantView ??= normalizeMerchant(this.raw);
    return this.merchantView;
  }

  /**
   * Stable key for grouping one counterparty across statements: a known brand collapses to its
   * canonical name ("NETFLIX.COM 12345 Amsterdam" and "Netflix" → "netflix"); anything else is
   * its merchant key ("Plata - januar 2026" and "Plata - februar 2026" → "plata").
   */
  get counterpartyKey(): string {
    this.groupKey ??= keyOf(this.merchant, this.raw);
    return this.groupKey;
  }
}

export function describe(description: string): Description {
  return new Description(description);
}

/** `describe(description).counterpartyKey`. */
export function counterpartyKey(description: string): string {
  return keyOf(normalizeMerchant(description, false), description);
}
