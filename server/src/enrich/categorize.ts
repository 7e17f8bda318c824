/**
 * Rule-based categoriser for Serbian bank-statement transactions.
 *
 * Order of evidence: the sign of the amount (money in is salary or a transfer), cash channels
 * (ATM, counter), the merchant dictionary, the channel (IPS, prenos, uplatnica), whether the
 * counterparty looks like a person, and finally a fallback for unknown card debits.
 */
import { CATEGORY_NAMES, type CategoryName } from '../transactions/category-names.js';
import { FIRST_NAMES, findMerchant } from './merchants.js';
import { type NormalizedDescription, scanDescription } from './normalize.js';

// The nine documented categories live in one place (transactions/category-names.ts).
export type Category = CategoryName;
export const CATEGORIES: readonly Category[] = CATEGORY_NAMES;

export interface CategorizeInput {
  description: string;
  /** Minor units; negative = debit. */
  amount: number;
}

/**
 * An unknown merchant paid by card is most often a small shop (prodavnica, trafika, pijaca,
 * apoteka), which the product folds into groceries; any other guess is wrong more often.
 */
const UNKNOWN_PURCHASE: Category = 'groceries';

export function categorizeTransaction(input: CategorizeInput): Category {
  const normalized = scanDescription(input.description, false);
  const { flags, tokens } = normalized;

  if (input.amount > 0) {
    if (flags.salaryCode || findMerchant(tokens, null, 'salary') !== null) return 'salary';
    return 'transfer';
  }

  if (flags.cash) return 'transfer';

  const match = findMerchant(tokens, 'salary');
  if (match !== null) {
    return match.entry.strength === 'channel' ? 'transfer' : match.entry.category;
  }

  if (flags.instant || flags.accountTransfer || flags.standingOrder) return 'transfer';
  // A card payment goes to a merchant even when the shop carries a person's name.
  if (!flags.card && !flags.ecommerce && looksLikePerson(normalized)) return 'transfer';
  // A payment slip to an unknown payee is nearly always a bill.
  if (flags.bill) return 'utilities';
  return UNKNOWN_PURCHASE;
}

/** A first name or a Serbian surname ending in -ić among the words (after prefixes are gone). */
function looksLikePerson(normalized: NormalizedDescription): boolean {
  for (const token of normalized.tokens) {
    if (FIRST_NAMES.has(token)) return true;
    if (token.length >= 4 && token.endsWith('ic')) return true;
  }
  return false;
}
