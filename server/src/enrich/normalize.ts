/**
 * Normalisation of Serbian bank-statement descriptions.
 *
 * Banks print the same payment in many shapes: Latin or Cyrillic, with or without diacritics,
 * wrapped in channel prefixes ("POS KUPOVINA", "Plaćanje karticom 4*****1234"), terminal and
 * reference numbers, dates and the city of the terminal. The categoriser matches merchants on the
 * cleaned tokens, and recurring detection groups payments by `counterpartyKey`.
 */
import { MONTH_WORDS } from './merchant.js';
import { findMerchant } from './merchants.js';

/** Serbian Cyrillic (lower case) and Latin diacritics → ASCII Latin, following Serbian usage (đ → dj, not d). */
const LETTER_MAP: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ж: 'z',
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
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
  // Russian/Macedonian letters occasionally seen on foreign terminals.
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
  č: 'c',
  ć: 'c',
  š: 's',
  ž: 'z',
  đ: 'dj',
  // Typographic apostrophe joins like ASCII "'" ("McDonald’s").
  '’': "'",
};

/**
 * Lower-cases and folds to ASCII: Serbian Cyrillic is transliterated letter by letter (the
 * alphabet is one-to-one with Gaj's Latin, so a table is exact; generic transliterators use
 * Russian conventions such as ж → zh), diacritics are dropped.
 */
export function transliterate(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 128) continue;
    const ch = lower[i] as string;
    let mapped = LETTER_MAP[ch];
    if (mapped === undefined) {
      // Other accented Latin letters (é, ö, ...): keep the base letter.
      mapped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (mapped.length > 0 && mapped.charCodeAt(0) >= 128) mapped = ' ';
    }
    out += lower.slice(plainFrom, i) + mapped;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? lower : out + lower.slice(plainFrom);
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
  /** Bill payment slip or portal: "Uplatnica", "eUprava", "ePlaćanje", "poziv na broj". */
  bill: boolean;
  /** Payment code 240 (salaries) printed among the numbers. */
  salaryCode: boolean;
}

export interface NormalizedDescription {
  /**
   * Tokens for dictionary matching: channel prefixes, numbers, masked cards and reference codes
   * removed; place names kept, since brands contain them ("NIS Petrol", "Niš Ekspres").
   */
  tokens: readonly string[];
  /** Tokens minus channel prefixes, dates, month names, cities, countries and legal forms. */
  text: string;
  flags: DescriptionFlags;
}

const MONTHS = [
  ...MONTH_WORDS,
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

const SERBIAN_CITIES = [
  'beograd',
  'belgrade',
  'bg',
  'novi',
  'sad',
  'ns',
  'nis',
  'kragujevac',
  'kg',
  'subotica',
  'zrenjanin',
  'pancevo',
  'cacak',
  'pazar',
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
  'sremska',
  'mitrovica',
  'jagodina',
  'vrsac',
  'bor',
  'zemun',
  'vracar',
  'krnjaca',
  'cukarica',
  'zvezdara',
  'palilula',
  'rakovica',
  'vozdovac',
  'obrenovac',
  'lazarevac',
  'mladenovac',
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
  'backa',
  'palanka',
  'arandjelovac',
  'gornji',
  'milanovac',
  'ivanjica',
  'prijepolje',
  'zlatibor',
  'kopaonik',
  'srbija',
  'serbia',
  'srbije',
  'srb',
];

const FOREIGN_PLACES = [
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
  'francisco',
  'san',
  'ca',
  'wa',
  'ny',
  'pittsburgh',
  'brussels',
  'berlin',
  'vienna',
  'wien',
  'zagreb',
  'ljubljana',
  'rs',
  'nl',
  'se',
  'ie',
  'us',
  'usa',
  'gb',
  'uk',
  'fi',
  'es',
  'hu',
  'ee',
  'lu',
  'de',
  'at',
  'fr',
  'be',
  'au',
  'hr',
  'si',
  'ba',
  'me',
  'mk',
  'ch',
  'it',
  'cy',
  'mt',
  'pl',
  'cz',
];

/** Legal forms, web noise and connectives that never distinguish one counterparty from another. */
const NOISE_WORDS = [
  'doo',
  'd',
  'o',
  'ad',
  'a',
  'dd',
  'kd',
  'jp',
  'ltd',
  'inc',
  'bv',
  'b',
  'v',
  'sa',
  'gmbh',
  'llc',
  'plc',
  'oy',
  'ab',
  'srl',
  'com',
  'www',
  'net',
  'org',
  'http',
  'https',
  'co',
  'za',
  'od',
  'na',
  'i',
  'u',
  'po',
  'sa',
  'br',
  'broj',
  'mesec',
  'mesecni',
  'mesecna',
  'period',
  'deo',
  'godina',
  'sifra',
  'placanja',
  'mp',
  'ogranak',
  'racun',
  'racuna',
  'rsd',
  'eur',
  'usd',
];

/**
 * Channel prefixes, as token sequences, with the flag they set. Longest first so that
 * "kupovina na pos terminalu" wins over "kupovina".
 */
const PREFIXES: ReadonlyArray<readonly [string, keyof DescriptionFlags | null]> = [
  ['kupovina na pos terminalu', 'card'],
  ['instant placanje na prodajnom mestu', 'card'],
  ['placanje karticom', 'card'],
  ['kupovina karticom', 'card'],
  ['pos kupovina', 'card'],
  ['internet kupovina', 'ecommerce'],
  ['kupovina internet', 'ecommerce'],
  ['kupovina pos', 'card'],
  ['e commerce', 'ecommerce'],
  ['ecommerce', 'ecommerce'],
  ['trajni nalog', 'standingOrder'],
  ['ips nbs', 'instant'],
  // Paying a shop by IPS QR code is a purchase, like a card payment.
  ['ips qr placanje', 'card'],
  ['ips qr kupovina', 'card'],
  ['ips qr', 'instant'],
  ['ips placanje', 'instant'],
  ['ips uplata', 'instant'],
  ['instant placanje', 'instant'],
  ['instant transfer', 'instant'],
  ['interni prenos', 'accountTransfer'],
  ['prenos sredstava', 'accountTransfer'],
  ['uplata na racun', 'accountTransfer'],
  ['prenos na racun', 'accountTransfer'],
  ['nalog za prenos', 'accountTransfer'],
  ['isplata gotovine', 'cash'],
  ['podizanje gotovine', 'cash'],
  ['uplata gotovine', 'cash'],
  ['poziv na broj', 'bill'],
  ['eplacanje', 'bill'],
  ['euprava', 'bill'],
  ['uplatnica', 'bill'],
  ['ips', 'instant'],
  ['pos', 'card'],
  ['atm', 'cash'],
  ['bankomat', 'cash'],
  ['bankomatu', 'cash'],
  ['prenos', 'accountTransfer'],
  ['transfer', 'accountTransfer'],
  ['kupovina', 'card'],
  ['placanje', null],
  ['uplata', null],
  ['isplata', null],
  ['priliv', null],
];

interface PrefixRule {
  words: readonly string[];
  flag: keyof DescriptionFlags | null;
}

/** Prefix rules indexed by their first token, longest first. */
const PREFIX_INDEX: ReadonlyMap<string, readonly PrefixRule[]> = (() => {
  const index = new Map<string, PrefixRule[]>();
  for (const [phrase, flag] of PREFIXES) {
    const words = phrase.split(' ');
    const first = words[0] as string;
    const list = index.get(first) ?? [];
    list.push({ words, flag });
    list.sort((a, b) => b.words.length - a.words.length);
    index.set(first, list);
  }
  return index;
})();

const DROP_FROM_KEY: ReadonlySet<string> = new Set([
  ...MONTHS,
  ...SERBIAN_CITIES,
  ...FOREIGN_PLACES,
  ...NOISE_WORDS,
]);

const MASKED_CARD = /\d[*x]{2,}\d/;
const TOKEN_SPLIT = /[^a-z0-9]+/;
const APOSTROPHES = /'/g;

function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isAllDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function emptyFlags(): DescriptionFlags {
  return {
    card: false,
    ecommerce: false,
    cash: false,
    standingOrder: false,
    instant: false,
    accountTransfer: false,
    bill: false,
    salaryCode: false,
  };
}

/**
 * Splits a description into matching tokens. Numbers (terminal ids, store numbers, dates, card and
 * account numbers, poziv na broj) and alphanumeric reference codes of 5+ characters carry no
 * meaning for the category, so they go; short alphanumerics such as "a1" or "q1" stay.
 */
export function normalizeDescription(description: string): NormalizedDescription {
  return scanDescription(description, true);
}

/** `normalizeDescription` without building `text`, for the categoriser's hot path. */
export function scanDescription(description: string, withText: boolean): NormalizedDescription {
  const flags = emptyFlags();
  const folded = transliterate(description);
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
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const rules = PREFIX_INDEX.get(tokens[i] as string);
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
    const token = tokens[i] as string;
    if (token === 'www' || token === 'com') flags.ecommerce = true;
    content.push(token);
    if (withText && token.length > 1 && !DROP_FROM_KEY.has(token)) kept.push(token);
    i++;
  }
  return { tokens: content, text: kept.join(' '), flags };
}

/** True when `words` occur in `tokens` starting at `at`. */
export function matchesAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  for (let j = 0; j < words.length; j++) {
    if (tokens[at + j] !== words[j]) return false;
  }
  return true;
}

/**
 * Stable key for grouping one counterparty across statements: a known brand collapses to its
 * canonical name ("NETFLIX.COM 12345 Amsterdam" and "Netflix" → "netflix"); anything else keeps
 * its words without numbers, dates, month names, places, prefixes and legal forms
 * ("Plata - januar 2026" and "Plata - februar 2026" → "plata").
 */
export function counterpartyKey(description: string): string {
  const normalized = normalizeDescription(description);
  const match = findMerchant(normalized.tokens);
  if (match !== null && match.entry.strength === 'brand') return match.entry.name;
  if (normalized.text.length > 0) return normalized.text;
  // Only noise words: fall back to the tokens so distinct descriptions stay distinct.
  return normalized.tokens.join(' ');
}
