/**
 * Merchant normalisation: a raw bank-statement description → the channel it came through, the
 * merchant key (ASCII lower case, stable across banks, months and terminals) and a clean display
 * name. Pure, no I/O, table-driven: every wrapping a bank adds is one entry in one of the tables
 * below (channel prefixes, noise patterns, processors, web suffixes, cities, countries, legal
 * forms, period words), and each entry has a unit test in merchant.test.ts.
 *
 * Order: Cyrillic → Latin (case and diacritics kept for the display name) → account numbers
 * pulled out → noise removed anywhere (dates, times, card fragments, phone numbers, terminal ids,
 * amounts with currency, references) → channel prefixes stripped from the front → processor
 * prefixes ("GOOGLE *", "PAYPAL *") → tokens → trailing places, countries and legal forms
 * stripped from the end → key (folded) and display name (title case).
 */

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

/** Latin diacritics → ASCII, Serbian usage (đ → dj). Other accents lose their mark. */
export const DIACRITIC_FOLD: Readonly<Record<string, string>> = {
  č: 'c',
  ć: 'c',
  š: 's',
  ž: 'z',
  đ: 'dj',
};

/** Cyrillic to Latin, keeping case: "МАКСИ Ђак" → "MAKSI Đak". */
export function toLatin(text: string): string {
  if (!/[\u0400-\u04ff]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = CYRILLIC_TO_LATIN[lower];
    if (mapped === undefined) out += ch;
    else if (lower === ch) out += mapped;
    else out += mapped.length > 1 ? mapped[0]!.toUpperCase() + mapped.slice(1) : mapped.toUpperCase();
  }
  return out;
}

/** Lower case ASCII: Cyrillic transliterated, č/ć → c, š → s, ž → z, đ → dj, other accents dropped. */
export function fold(text: string): string {
  const lower = toLatin(text).toLowerCase();
  let out = '';
  for (const ch of lower) {
    if (ch.charCodeAt(0) < 128) out += ch;
    else {
      const mapped = DIACRITIC_FOLD[ch];
      out += mapped ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    }
  }
  return out;
}

/**
 * A regex source matching a folded ASCII phrase in Latin text with or without diacritics:
 * "placanje karticom" also matches "PLAĆANJE KARTICOM". Spaces match any run of blanks/dashes.
 */
export function foldedPattern(phrase: string): string {
  let out = '';
  for (let i = 0; i < phrase.length; i++) {
    const ch = phrase[i]!;
    if (ch === 'd' && phrase[i + 1] === 'j') {
      out += '(?:dj|đ)';
      i++;
    } else if (ch === 'c') out += '[cčć]';
    else if (ch === 's') out += '[sš]';
    else if (ch === 'z') out += '[zž]';
    else if (ch === ' ') out += '[\\s\\-_.]+';
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * Channel prefixes (folded, longest first within a language), stripped from the front of the
 * text, repeatedly ("POS KUPOVINA 19.10.2026 PLAĆANJE KARTICOM …").
 */
export const CHANNEL_PREFIXES: ReadonlyArray<readonly [string, Channel]> = [
  ['kupovina na pos terminalu', 'card'],
  ['instant placanje na prodajnom mestu', 'card'],
  ['placanje karticom', 'card'],
  ['kupovina karticom', 'card'],
  ['placanje debitnom karticom', 'card'],
  ['placanje kreditnom karticom', 'card'],
  ['transakcija karticom', 'card'],
  ['pos kupovina', 'card'],
  ['pos placanje', 'card'],
  ['pos transakcija', 'card'],
  ['kupovina pos', 'card'],
  ['ips qr placanje', 'card'],
  ['ips qr kupovina', 'card'],
  ['internet kupovina', 'ecommerce'],
  ['internet placanje', 'ecommerce'],
  ['kupovina internet', 'ecommerce'],
  ['online kupovina', 'ecommerce'],
  ['e commerce', 'ecommerce'],
  ['ecommerce', 'ecommerce'],
  ['shopping by card', 'card'],
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
  ['transfer to', 'transfer'],
  ['transfer from', 'transfer'],
  ['transfer', 'transfer'],
  ['prenos', 'transfer'],
  ['eplacanje', 'bill'],
  ['e placanje', 'bill'],
  ['euprava', 'bill'],
  ['uplatnica', 'bill'],
  ['placanje racuna', 'bill'],
  ['kupovina', 'card'],
  ['placanje', 'transfer'],
  ['ips', 'instant'],
  ['pos', 'card'],
  ['atm', 'cash'],
  ['bankomat', 'cash'],
];

/**
 * Noise removed anywhere in the text. Order matters: card fragments before generic numbers,
 * dates before phone numbers.
 */
export const NOISE_PATTERNS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['iso date', /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b/g],
  ['dotted date', /\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b\.?/g],
  ['day and month', /(?<![\d.])\b\d{1,2}\.\d{1,2}\.(?!\d)/g],
  ['time', /\b\d{1,2}:\d{2}(?::\d{2})?h?\b/g],
  ['masked card', /\b\d{0,6}[*xX]{2,}\d{2,4}\b|\b[*xX]{4,}\s?\d{4}\b/g],
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
  ['poziv na broj', /\b(?:poziv na broj|pnb|model)[:.]?\s*(?:\d{2}\s)?[\d-]*/gi],
  ['card word left over', /\b(?:br\.?\s?kartice|card no\.?)\s*/gi],
];

/** Account numbers: Serbian "160-0000012345678-90" or 18 digits; captured for the counterparty. */
const ACCOUNT_NUMBER = /\b\d{3}-\d{1,13}-\d{2}\b|\b\d{18}\b/;

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
  ['stripe', 'Stripe', /^(?:stripe|str)\s?\*\s*/i],
];

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
  'zlatibor',
  'kopaonik',
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
  'internet',
  'online',
];

/** Country codes and names printed at the end. */
export const COUNTRIES: readonly string[] = [
  'srbija',
  'serbia',
  'srb',
  'rs',
  'nl',
  'lu',
  'ie',
  'us',
  'usa',
  'gb',
  'uk',
  'gbr',
  'se',
  'fi',
  'es',
  'hu',
  'ee',
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
  'ca',
  'wa',
  'ny',
  'nld',
  'irl',
  'lux',
  'deu',
];

/** Legal forms, stripped from the end (and "d.o.o." anywhere). */
export const LEGAL_FORMS: readonly string[] = [
  'doo',
  'd.o.o',
  'd.o.o.',
  'ad',
  'a.d',
  'a.d.',
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
];

// ---------------------------------------------------------------------------------------------
// Compiled tables

/** Channel prefixes by their first letter, longest first: a prefix test is a few string compares. */
const PREFIX_INDEX: ReadonlyMap<string, ReadonlyArray<readonly [string, Channel]>> = (() => {
  const index = new Map<string, Array<readonly [string, Channel]>>();
  for (const entry of CHANNEL_PREFIXES) {
    const list = index.get(entry[0][0]!) ?? [];
    list.push(entry);
    index.set(entry[0][0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return index;
})();

const isSeparator = (c: string | undefined): boolean =>
  c === ' ' || c === '-' || c === '_' || c === '.' || c === '\t';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

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

/** One character to one: lower case, č/ć → c, š → s, ž → z, đ → d (offsets stay aligned). */
function foldAligned(text: string): string {
  const lower = text.toLowerCase();
  if (!/[\u0080-\uffff]/.test(lower)) return lower;
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

const LEADING_PUNCTUATION = /^[\s\-–:.,/]+/;

const CITY_WORDS: ReadonlyArray<readonly string[]> = [...CITIES]
  .map((c) => c.split(' '))
  .sort((a, b) => b.length - a.length);
const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES);
const LEGAL_SET: ReadonlySet<string> = new Set(LEGAL_FORMS.map((l) => l.replace(/\.$/, '')));
const PERIOD_SET: ReadonlySet<string> = new Set(PERIOD_WORDS.map((w) => w.replace(/\.$/, '')));

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

interface Token {
  /** As printed (Latin), punctuation trimmed. */
  text: string;
  /** Folded. */
  key: string;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const raw of text.split(/[\s,;|\\"()[\]{}*#_]+/)) {
    let word = raw.replace(/^[-–.:/'+]+|[-–.:/]+$/g, '');
    if (word === '') continue;
    let key = fold(word);
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
    // Slashes and dots inside split words ("EPS/SNABDEVANJE") unless it is an abbreviation.
    if (/[/]/.test(key)) {
      for (const part of word.split('/')) if (part !== '') out.push({ text: part, key: fold(part) });
      continue;
    }
    if (key === '' || key === '-' || key === '&') continue;
    out.push({ text: word, key: key.replace(/'/g, '') });
  }
  return out;
}

const isNumberLike = (key: string): boolean => {
  let digits = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  // Pure numbers, and codes with 3+ digits ("p1a23b4c5", "bs185" stays: two digits are a brand's "a1").
  return digits > 0 && (digits === key.replace(/[^a-z0-9]/g, '').length || digits >= 3);
};

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
    LEGAL_SET.has(last.replace(/\.$/, '')) ||
    isNumberLike(last) ||
    (last.length === 1 && tokens.length > 1)
  ) {
    tokens.pop();
    return true;
  }
  for (const words of CITY_WORDS) {
    if (words.length + keep <= tokens.length && endsWithWords(tokens, words)) {
      tokens.length -= words.length;
      return true;
    }
  }
  return false;
}

function displayWord(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const isUpper = letters !== '' && letters === letters.toUpperCase();
  const isLower = letters !== '' && letters === letters.toLowerCase();
  if (!isUpper && !isLower) return text; // "McDonald's", "YouTube": as printed
  const key = fold(text);
  if (isUpper && ACRONYMS.has(key)) return text;
  const lower = text.toLowerCase();
  // Capitalise each part of a hyphenated or apostrophised word ("Shop&Go", "Mercator-S").
  return lower.replace(/(^|[-&/])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Pipeline

/**
 * Normalises one description. `withDisplay: false` skips building the display name (the
 * categoriser and recurring detection need only the key); `display` is then null.
 */
export function normalizeMerchant(description: string, withDisplay = true): NormalizedMerchant {
  let text = toLatin(description).replace(/\s+/g, ' ').trim();

  const account = ACCOUNT_NUMBER.exec(text);
  const accountNumber = account === null ? null : account[0];
  if (account !== null) text = text.replace(ACCOUNT_NUMBER, ' ');

  // Every noise pattern but the last two needs a digit.
  const hasDigit = /\d/.test(text);
  for (let i = hasDigit ? 0 : NOISE_PATTERNS.length - 2; i < NOISE_PATTERNS.length; i++) {
    text = text.replace(NOISE_PATTERNS[i]![1], ' ');
  }
  text = text.replace(/\s+/g, ' ').replace(/^[\s\-–:.,/]+/, '');

  let channel: Channel | null = null;
  for (let guard = 0; guard < 6; guard++) {
    let matched = false;
    const folded = foldAligned(text.slice(0, 48));
    for (const [phrase, ch] of PREFIX_INDEX.get(folded[0] ?? '') ?? []) {
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
      const lead = /^(?:\d+[\s\-–:.,/]+)+/.exec(text);
      if (lead === null) break;
      text = text.slice(lead[0].length);
    }
  }

  let processor: string | null = null;
  let processorDisplay: string | null = null;
  // Every processor prefix carries a '*', a '/' or a '_' within its first few characters.
  const mayHaveProcessor = /[*/_]/.test(text.slice(0, 24));
  for (const [key, display, pattern] of mayHaveProcessor ? PROCESSORS : []) {
    const m = pattern.exec(text);
    if (m !== null) {
      processor = key;
      processorDisplay = display;
      text = text.slice(m[0].length);
      break;
    }
  }

  const tokens = tokenize(text).filter((t, i) => !isNumberLike(t.key) && !(i > 0 && PERIOD_SET.has(t.key)));
  // A leading period word only goes when something follows ("Za mart - Infostan").
  while (tokens.length > 1 && PERIOD_SET.has(tokens[0]!.key) && tokens[0]!.key !== 'racun') tokens.shift();
  // With a processor the merchant may be nothing but a place ("APPLE.COM/BILL ITUNES.COM IE").
  const keep = processor === null ? 1 : 0;
  while (stripOneSuffix(tokens, keep)) {}
  // "d.o.o." and friends in the middle ("LIDL D.O.O. NIS" after the city went).
  const kept = tokens.filter((t, i) => i === 0 || !LEGAL_SET.has(t.key.replace(/\.$/, '')));

  if (kept.length === 0) {
    return processor === null
      ? { key: '', display: null, channel, processor, accountNumber }
      : { key: processor, display: processorDisplay, channel, processor, accountNumber };
  }
  return {
    key: kept.map((t) => t.key).join(' '),
    display: withDisplay ? kept.map((t) => displayWord(t.text)).join(' ') : null,
    channel,
    processor,
    accountNumber,
  };
}
