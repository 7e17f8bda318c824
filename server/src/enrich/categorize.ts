/**
 * Rule-based categoriser for Serbian bank-statement transactions.
 *
 * Order of evidence: the sign of the amount (money in is salary or a transfer), cash channels
 * (ATM, counter), the merchant dictionary, the channel (IPS, prenos, uplatnica), whether the
 * counterparty looks like a person, and finally a fallback for unknown card debits.
 */
import { CATEGORY_NAMES, type CategoryName } from '../transactions/category-names.js';
import { FIRST_NAMES, findMerchant } from './merchants.js';
import { features, shippedModel, tuning } from './model.js';
import { CITIES, Description, fold, type ScannedDescription, toLatin } from './normalize.js';

// The nine documented categories live in one place (transactions/category-names.ts).
export type Category = CategoryName;
export const CATEGORIES: readonly Category[] = CATEGORY_NAMES;

export interface CategorizeInput {
  description: string;
  /** Minor units; negative = debit. */
  amount: number;
}

/**
 * An unknown merchant paid by card with no signal at all is most often a small shop (prodavnica,
 * trafika, pijaca), which the labelling guide puts in groceries.
 */
const UNKNOWN_PURCHASE: Category = 'groceries';
/**
 * An unknown merchant billed from abroad (a foreign place or a processor in the text) with no
 * other signal is most often a digital service; goods shops abroad are listed brands.
 */
const UNKNOWN_SERVICE_ABROAD: Category = 'subscriptions';

export type Confidence = 'high' | 'medium' | 'low';

export interface CategoryResult {
  category: Category;
  confidence: Confidence;
}

/** Categories the learned fallback may choose for a debit (a debit is never salary). */
const DEBIT_CATEGORIES: ReadonlySet<Category> = new Set(CATEGORIES.filter((c) => c !== 'salary'));
/** A card payment goes to a merchant: the fallback may not call it a transfer or rent. */
const PURCHASE_CATEGORIES: ReadonlySet<Category> = new Set(
  CATEGORIES.filter((c) => c !== 'salary' && c !== 'transfer' && c !== 'rent'),
);
/**
 * A card payment at a terminal at home (no online channel, no foreign place, no processor, no
 * web address) is not a subscription: those are billed card-not-present. The dictionary still
 * names subscription brands wherever they are printed; this only bounds the learned guess.
 */
const CARD_PRESENT_CATEGORIES: ReadonlySet<Category> = new Set(
  [...PURCHASE_CATEGORIES].filter((c) => c !== 'subscriptions'),
);
/**
 * An online charge billed from abroad is not a meal: food delivery is local (and listed), a meal
 * abroad is paid at a terminal. Bounds the learned guess only.
 */
const ONLINE_ABROAD_CATEGORIES: ReadonlySet<Category> = new Set(
  [...PURCHASE_CATEGORIES].filter((c) => c !== 'dining'),
);
/** Processors (normalize.ts keys) that resell software and apps as their merchant of record. */
const SOFTWARE_RESELLERS: ReadonlySet<string> = new Set([
  'paddle',
  'fastspring',
  '2checkout',
  'digitalriver',
]);
/** Their printed prefixes as scanned tokens: a cheap gate before the merchant view is built. */
const RESELLER_TOKENS: ReadonlySet<string> = new Set(['paddle', 'fs', '2co', 'dri']);
/** Dictionary entries (names) of app stores and platform vendors. */
const APP_STORES: ReadonlySet<string> = new Set(['google play', 'apple', 'google', 'microsoft*']);
const WEB_ADDRESS = /\.(?:com|net|io|org|app|co)\b|\bwww\./i;
/** A credit may only be earned (salary) or not (transfer). */
const CREDIT_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['salary', 'transfer']);
/**
 * The learned guess's posterior at which it overrides a weak rule (a person guessed from a
 * surname's ending alone, an order's transfer default, money in from an unlisted payer). Chosen on
 * the leave-one-batch-out CV (eval/dev/cv.ts): at this level the fold models were right about
 * four times in five where those rules were wrong.
 */
const MODEL_OVERRIDE = 0.99;
/**
 * A card's membership fee ("Godišnja članarina kreditna kartica", "članarina Mastercard"): a bank
 * charge, a transfer by the guide — the card words are channel wording to the scanner, so the
 * raw text is read. "Članarina karticom" (paid by card) is not one.
 */
const CARD_FEE =
  /\bclanarin\w*\s+(?:za\s+)?(?:(?:kreditn|debitn|platn)\w*\s+)?(?:kartica|kartice|karticu|kartici|mastercard|visa|maestro|dina|amex|american express)\b/;
/** Scanned words that name no payee: an order with nothing else names nobody. */
// biome-ignore format: a word list
const PAYMENT_WORDS: ReadonlySet<string> = new Set([
  'mobilni', 'primalac', 'svrha', 'model', 'uplata', 'placanje', 'nalog', 'poziv', 'broj', 'sifra', 'ips', 'nbs', 'qr',
  'prenos', 'payment', 'transfer', 'order', 'ref', 'za',
]);

export function categorizeTransaction(input: CategorizeInput): Category {
  return categorizeDetailed(input, false).category;
}

/** The learned model's guess from the shared normalisation (its merchant view). */
function modelGuess(
  described: Description,
  amount: number,
  purchase = false,
): { category: Category; p: number } {
  const m = described.merchant;
  const { card, ecommerce } = described.scan.flags;
  const allowed =
    amount > 0
      ? CREDIT_CATEGORIES
      : !(purchase || card || ecommerce)
        ? DEBIT_CATEGORIES
        : isRemote(described)
          ? ecommerce && m.abroad
            ? ONLINE_ABROAD_CATEGORIES
            : PURCHASE_CATEGORIES
          : CARD_PRESENT_CATEGORIES;
  return shippedModel().predict(features(m.key, m.channel, amount < 0), allowed);
}

/** Card-not-present: online channel, processor, foreign place or a web address in the text. */
function isRemote(described: Description): boolean {
  return described.scan.flags.ecommerce || described.merchant.abroad || WEB_ADDRESS.test(described.raw);
}

/** A processor prefix ("PAYPAL *", "GOOGLE *") with a merchant after it. */
function paidThroughProcessor(described: Description): boolean {
  const m = described.merchant;
  if (m.processor === null || m.key === '' || m.key === m.processor) return false;
  // "PAYPAL *ADD FUNDS": what follows the wallet is itself a top-up.
  return findMerchant(m.key.split(' '))?.entry.strength !== 'channel';
}

/**
 * A rule's category; with `withConfidence` the model's agreement sets the confidence, without it
 * the rules decide alone (no model, no merchant view: faster).
 */
function agreeing(
  described: Description | null,
  amount: number,
  category: Category,
  ifAgree: Confidence,
  ifNot: Confidence,
): CategoryResult {
  if (described === null) return { category, confidence: ifAgree };
  const guess = modelGuess(described, amount);
  return { category, confidence: guess.category === category || guess.p < tuning.min ? ifAgree : ifNot };
}

/**
 * The category and how sure we are: high when a listed brand, a cash channel or a strong
 * keyword decides and the learned model does not disagree; medium for weaker rules or a sure
 * model; low when the signals disagree or nothing but the default speaks. Pass `described` to
 * share one normalisation with the caller (enrichment reads its merchant view too).
 */
export function categorizeDetailed(
  input: CategorizeInput,
  withConfidence = true,
  described: Description = new Description(input.description),
): CategoryResult {
  const normalized = described.scan;
  const { flags, tokens } = normalized;
  const amount = input.amount;
  const judged = withConfidence ? described : null;

  if (amount > 0) {
    // Money returned is not earned, whatever it was for ("Povraćaj honorara", "Refund invoice 7").
    if (tokens.some(isRefundWord)) return { category: 'transfer', confidence: 'high' };
    if (flags.salaryCode || findMerchant(tokens, null, 'salary') !== null) {
      return { category: 'salary', confidence: 'high' };
    }
    if (fromEmployer(tokens)) return { category: 'salary', confidence: 'medium' };
    // An unlisted payer that is not a person: the learned model, when it is sure, knows employers
    // and payers of earned income ("PRILIV RTS", "Uplata Ministarstvo prosvete") by their names.
    if (!namesPerson(tokens) && findMerchant(tokens, 'salary') === null) {
      const guess = modelGuess(described, amount);
      if (guess.category === 'salary' && guess.p >= MODEL_OVERRIDE)
        return { category: 'salary', confidence: 'low' };
    }
    return { category: 'transfer', confidence: 'high' };
  }

  if (flags.cash) return { category: 'transfer', confidence: 'high' };
  // A card's membership fee is a bank charge (LABELLING.md), not a subscription.
  if (tokens.some(isMembershipWord) && CARD_FEE.test(fold(toLatin(described.raw)))) {
    return { category: 'transfer', confidence: 'high' };
  }

  const match = findMerchant(tokens, 'salary');
  // A software reseller (Paddle, FastSpring, 2Checkout, Digital River) is the merchant of record
  // for the app it bills: software by the guide, whatever the app is called or costs. A listed
  // brand or a word for a game still decides.
  if (
    tokens.some((t) => RESELLER_TOKENS.has(t)) &&
    SOFTWARE_RESELLERS.has(described.merchant.processor ?? '') &&
    (match === null || (match.entry.strength !== 'brand' && match.entry.category !== 'entertainment'))
  ) {
    return agreeing(judged, amount, 'subscriptions', 'medium', 'low');
  }
  if (match !== null) {
    const { strength, category } = match.entry;
    if (strength === 'channel') {
      // A wallet or processor followed by a merchant ("PAYPAL *XBOXGAMEPASS") is a purchase
      // from that merchant; the wallet alone ("PayPal top-up") moves money.
      if (!paidThroughProcessor(described)) return agreeing(judged, amount, 'transfer', 'medium', 'low');
      const guess = modelGuess(described, amount, true);
      if (guess.category === 'subscriptions' && !looksLikeService(described, amount)) {
        return { category: UNKNOWN_PURCHASE, confidence: 'low' };
      }
      if (guess.p >= tuning.sure) return { category: guess.category, confidence: 'medium' };
      return { category: guess.p >= tuning.min ? guess.category : UNKNOWN_PURCHASE, confidence: 'low' };
    }
    if (category === 'subscriptions' && APP_STORES.has(match.entry.name)) {
      // An app store sells subscriptions and one-off games alike: a word that names a game
      // ("igre", "games") makes it a one-off purchase (entertainment by the guide).
      const bought = findMerchant(tokens, null, 'entertainment');
      if (bought !== null && bought.entry.strength === 'keyword')
        return { category: 'entertainment', confidence: 'medium' };
    }
    if (strength === 'brand') {
      // A word for the kind of business ("apoteka", "hotel", "auto servis", "caffe bar") says
      // more than a name many businesses share ("Zavičaj", "Tri šešira" are restaurants too).
      const kind = findMerchant(tokens, category);
      if (
        kind !== null &&
        kind.entry.strength === 'keyword' &&
        kind.entry.category !== 'salary' &&
        modelGuess(described, amount).category === kind.entry.category
      ) {
        return { category: kind.entry.category, confidence: 'low' };
      }
      return { category, confidence: 'high' };
    }
    // Money sent to a person (first name and surname) by order, not card: a word of its purpose
    // ("za gorivo", "karte za koncert", "moj deo računa za struju") is what the person spent it
    // on, not a purchase — a transfer by the guide, unless it says rent.
    if (
      category !== 'rent' &&
      !flags.card &&
      !flags.ecommerce &&
      namesPerson(tokens) &&
      !isOrganisation(tokens)
    ) {
      return { category: 'transfer', confidence: 'medium' };
    }
    if (strength === 'keyword') return agreeing(judged, amount, category, 'high', 'medium');
    return agreeing(judged, amount, category, 'medium', 'low');
  }

  if (flags.instant || flags.accountTransfer || flags.standingOrder) {
    // An order to a company or an institution pays for something: the channel says nothing of
    // what. The learned guess decides (it may still say transfer); unsure, it is most often a bill.
    if (isOrganisation(tokens)) {
      const guess = modelGuess(described, amount);
      if (guess.p >= tuning.sure) return { category: guess.category, confidence: 'medium' };
      if (guess.p >= tuning.min) return { category: guess.category, confidence: 'low' };
      return { category: 'utilities', confidence: 'low' };
    }
    // An order that names a payee who is not a person: a sure learned guess beats the channel.
    if (!looksLikePerson(normalized) && namesPayee(tokens)) {
      const guess = modelGuess(described, amount);
      if (guess.category !== 'transfer' && guess.p >= MODEL_OVERRIDE)
        return { category: guess.category, confidence: 'low' };
    }
    return agreeing(judged, amount, 'transfer', 'high', 'medium');
  }
  // A card payment goes to a merchant even when the shop carries a person's name; a legal form
  // says a company, not a person.
  if (!flags.card && !flags.ecommerce && looksLikePerson(normalized) && !isOrganisation(tokens)) {
    // A surname's ending alone is a weak sign of a person: a sure learned guess beats it.
    if (!namesPerson(tokens)) {
      const guess = modelGuess(described, amount);
      if (guess.category !== 'transfer' && guess.p >= MODEL_OVERRIDE)
        return { category: guess.category, confidence: 'low' };
    }
    return agreeing(judged, amount, 'transfer', 'medium', 'low');
  }
  // A payment slip to an unknown payee is nearly always a bill.
  if (flags.bill) return agreeing(judged, amount, 'utilities', 'medium', 'low');
  // A card purchase whose text names no merchant at all (wrapping, a terminal number, a town —
  // the key keeps the town when nothing else is left):
  // the guide's unnamed shop. The model would read only the channel and the town.
  if (
    (flags.card || flags.ecommerce) &&
    (described.merchant.key === '' || PLACES.has(described.merchant.key))
  ) {
    return { category: UNKNOWN_PURCHASE, confidence: 'low' };
  }
  const guess = modelGuess(described, amount);
  // A subscription guessed for a payee nobody listed needs a digital-service cue or a
  // subscription-sized amount: a larger one-off order from a foreign web shop is goods.
  if (guess.category === 'subscriptions' && guess.p >= tuning.min && !looksLikeService(described, amount)) {
    return { category: UNKNOWN_PURCHASE, confidence: 'low' };
  }
  if (guess.p >= tuning.sure) return { category: guess.category, confidence: 'medium' };
  if (guess.p >= tuning.min) return { category: guess.category, confidence: 'low' };
  // Nothing speaks: billed from abroad it is most likely a digital service, at home a small shop.
  return {
    category:
      described.merchant.abroad && looksLikeService(described, amount)
        ? UNKNOWN_SERVICE_ABROAD
        : UNKNOWN_PURCHASE,
    confidence: 'low',
  };
}

/** "članarina" and its forms (folded). */
function isMembershipWord(token: string): boolean {
  return token.startsWith('clanarin');
}

/** A word in the order that could name a payee (not wrapping, not a number). */
function namesPayee(tokens: readonly string[]): boolean {
  for (const t of tokens) if (t.length >= 3 && !PAYMENT_WORDS.has(t) && !/^\d/.test(t)) return true;
  return false;
}

/** A word that says money came back (a refund, a reversal, a returned payment). */
function isRefundWord(token: string): boolean {
  return (
    token.startsWith('povrat') ||
    token.startsWith('povracaj') ||
    token.startsWith('refund') ||
    token.startsWith('storn') ||
    token === 'reversal'
  );
}

/** Keys that are only a place (a town printed after no merchant). */
const PLACES: ReadonlySet<string> = new Set(CITIES);

/**
 * Largest charge (minor units) taken for a subscription on the amount alone: monthly digital
 * plans cost a few hundred to about two thousand dinars; larger plans are listed brands or say
 * what they are ("pro", "cloud", "subscription").
 */
const SUBSCRIPTION_SIZED = 250_000;
/** Words (folded) that say a payee sells a digital service, not goods. */
// biome-ignore format: a word list
const SERVICE_WORDS: ReadonlySet<string> = new Set([
  'app', 'apps', 'cloud', 'soft', 'software', 'tv', 'stream', 'streaming', 'music', 'vpn', 'pro', 'plus', 'premium',
  'ai', 'online', 'digital', 'bill', 'billing', 'subscr', 'subscription', 'membership', 'member', 'plan', 'hosting',
  'host', 'saas', 'api', 'storage', 'drive', 'pass', 'io', 'fm', 'news', 'magazine',
]);

/** A digital-service cue in the merchant words, or a subscription-sized amount. */
function looksLikeService(described: Description, amount: number): boolean {
  if (-amount <= SUBSCRIPTION_SIZED) return true;
  for (const word of described.scan.tokens) if (SERVICE_WORDS.has(word)) return true;
  return false;
}

/** Legal forms of an organisation (as scanned tokens: "d.o.o." → "d o o" or "doo"). */
const ORGANISATION_FORMS: ReadonlySet<string> = new Set([
  'doo',
  'ad',
  'jp',
  'jkp',
  'pio',
  'ustanova',
  'univerzitet',
  // Companies abroad paying in (a remote employer, a client).
  'inc',
  'llc',
  'ltd',
  'gmbh',
]);

/** Legal forms and words that name a company or an institution as the payee (scanned tokens, folded). */
// biome-ignore format: a word list
const ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  'doo', 'ad', 'jp', 'jkp', 'szr', 'str', 'sur', 'pr', 'ustanova', 'zavod', 'preduzece', 'kompanija', 'agencija',
  'fakultet', 'univerzitet', 'institut', 'ordinacija', 'klinika', 'poliklinika', 'udruzenje', 'savez', 'ltd', 'gmbh',
  'llc', 'inc',
  // A professional building manager is paid for a service even when printed under a person's name.
  'upravnik',
  // Institutions named after a person ("OŠ Vuk Karadžić", "KBC Dragiša Mišović", "Dom kulture").
  'skola', 'os', 'gimnazija', 'vrtic', 'bolnica', 'kbc', 'dom', 'centar', 'biblioteka', 'muzej', 'pozoriste',
]);

/** A company or an institution among the words ("… d.o.o.", "a.d.", "Zavod za …", "Agencija …"). */
function isOrganisation(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ORGANISATION_WORDS.has(t)) return true;
    if (t === 'd' && tokens[i + 1] === 'o' && tokens[i + 2] === 'o') return true;
    if (t === 'a' && tokens[i + 1] === 'd') return true;
  }
  return false;
}

/**
 * Money in from an organisation (d.o.o., a.d., JP, JKP, the PIO fund) that names nothing else is
 * earned income: a wage, a fee for work or a pension. A refund, a loan, savings, interest, a
 * listed merchant (a refund from a shop) or a wallet say otherwise and keep it a transfer.
 */
function fromEmployer(tokens: readonly string[]): boolean {
  let organisation = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ORGANISATION_FORMS.has(t)) organisation = true;
    else if (t === 'd' && tokens[i + 1] === 'o' && tokens[i + 2] === 'o') organisation = true;
    else if (t === 'a' && tokens[i + 1] === 'd') organisation = true;
  }
  if (!organisation) return false;
  // A city utility (JKP) or public company paying in is an employer; a listed brand, a wallet or
  // a transfer word (refund, loan, savings, interest) is not.
  const other = findMerchant(tokens, 'salary');
  return (
    other === null ||
    (other.entry.category !== 'transfer' &&
      other.entry.strength !== 'brand' &&
      other.entry.strength !== 'channel')
  );
}

/** A first name next to a Serbian surname ending in -ić ("Ana Marković", "MARKOVIC ANA"). */
function namesPerson(tokens: readonly string[]): boolean {
  const surname = (t: string | undefined): boolean => t !== undefined && t.length >= 4 && t.endsWith('ic');
  for (let i = 0; i < tokens.length; i++) {
    if (FIRST_NAMES.has(tokens[i]!) && (surname(tokens[i + 1]) || surname(tokens[i - 1]))) return true;
  }
  return false;
}

/** A first name or a Serbian surname ending in -ić among the words (after prefixes are gone). */
function looksLikePerson(normalized: ScannedDescription): boolean {
  for (const token of normalized.tokens) {
    if (FIRST_NAMES.has(token)) return true;
    if (token.length >= 4 && token.endsWith('ic')) return true;
  }
  return false;
}
