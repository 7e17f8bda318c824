/**
 * The enrichment fields a transaction carries in the API: `merchant_name`, `counterparty` and
 * `category_confidence`. Computed at the JSON edge from (description, sign, stored category) —
 * pure and memoised, so the transactions page stays one indexed query and no stored row needs a
 * migration or a backfill when the rules improve. Pages are cached as JSON text besides.
 */
import { type Category, type Confidence, categorizeDetailed } from './categorize.js';
import { FIRST_NAMES, findMerchant } from './merchants.js';
import { Description, fold } from './normalize.js';

export interface Counterparty {
  name: string;
  account_number?: string;
}

export interface Enrichment {
  merchant_name: string | null;
  counterparty: Counterparty | null;
  category_confidence: Confidence;
}

/** Words that say what a transfer was for, not who it went to ("Kirija", "Uplata od …"). */
export const PURPOSE_WORDS: ReadonlySet<string> = new Set([
  'plata',
  'zarada',
  'zarade',
  'isplata',
  'uplata',
  'prenos',
  'priliv',
  'od',
  'ka',
  'na',
  'za',
  'sa',
  'kirija',
  'kirije',
  'stanarina',
  'zakup',
  'stana',
  'najam',
  'penzija',
  'honorar',
  'dnevnice',
  'stipendija',
  'bonus',
  'akontacija',
  'stednja',
  'stednog',
  'tekuceg',
  'tekuci',
  'racuna',
  'stednju',
  'stedni',
  'racun',
  'rata',
  'kredita',
  'povrat',
  'novca',
  'novac',
  'reklamacija',
  'reklamacije',
  'sredstava',
  'dug',
  'pozajmica',
  'poklon',
  'interni',
  'transfer',
  'payment',
  'from',
  'to',
  'salary',
  'rent',
  'deo',
  'i',
  'ii',
  'konacna',
  'topli',
  'obrok',
  'regres',
  'kamata',
  'naknada',
  'provizija',
]);

/** Legal forms that mark a company in the text. */
const COMPANY = /\b(?:d\.?o\.?o|a\.?d|k\.?d|j\.?p|j\.?k\.?p|ltd|gmbh|inc|llc|b\.?v|s\.?a|pr|szr|str)\b\.?/i;

const TRANSFER_CHANNELS = new Set(['transfer', 'instant', 'standing_order', 'bill', 'direct_debit']);

function looksLikePerson(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  return words.some((w) => FIRST_NAMES.has(w) || (w.length >= 4 && w.endsWith('ic')));
}

/** Enrichment of one transaction; `category` is the stored one. */
export function enrich(description: string, amount: number, category: string): Enrichment {
  // One normalisation, shared by the merchant fields, the categoriser and its model.
  const described = new Description(description);
  const m = described.merchant;
  const detailed = categorizeDetailed({ description, amount }, true, described);
  // A category from elsewhere (a sandbox developer's own, older rules) is neither sure nor a guess.
  const category_confidence: Confidence =
    detailed.category === (category as Category) ? detailed.confidence : 'medium';

  if (m.channel === 'cash' || m.display === null) {
    return { merchant_name: null, counterparty: null, category_confidence };
  }
  const words = m.display.split(' ');
  const party = words.filter((w) => !PURPOSE_WORDS.has(fold(w)));
  const partyName = party.length > 0 ? party.join(' ') : null;
  const keys = party.map(fold);
  const brand = findMerchant(m.key.split(' '));
  const isBrand = brand !== null && brand.entry.strength === 'brand';
  const person = !isBrand && looksLikePerson(keys);
  const company = isBrand || COMPANY.test(description);
  const moneyMoves =
    amount > 0 ||
    (m.channel !== null && TRANSFER_CHANNELS.has(m.channel)) ||
    category === 'transfer' ||
    category === 'rent' ||
    category === 'salary';

  if (!moneyMoves) {
    // A purchase: the merchant, unless the "merchant" is a person's name on a transfer-like text.
    return { merchant_name: person ? null : m.display, counterparty: null, category_confidence };
  }
  const counterparty: Counterparty | null =
    partyName === null
      ? null
      : m.accountNumber === null
        ? { name: partyName }
        : { name: partyName, account_number: m.accountNumber };
  return {
    merchant_name: company && partyName !== null ? partyName : null,
    counterparty: person || company || m.accountNumber !== null ? counterparty : null,
    category_confidence,
  };
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, Enrichment>();

/** `enrich`, memoised on (sign, category, description): statements repeat their payees. */
export function enrichCached(description: string, amount: number, category: string): Enrichment {
  const key = `${amount < 0 ? '-' : '+'}${category}\u0000${description}`;
  let hit = memo.get(key);
  if (hit === undefined) {
    hit = enrich(description, amount, category);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, hit);
  }
  return hit;
}
