// Enrichment on the sandbox bank's own statement lines: every bank's card, ATM, transfer, bill and
// savings wording gets the generator's category, and card lines a clean merchant name.
import { describe, expect, it } from 'vitest';
import { generateSandboxProfile, type SandboxBankId } from '../connectors/sandbox/generate.js';
import { categorizeTransaction } from './categorize.js';
import { enrich } from './enrich.js';

const BANKS: readonly SandboxBankId[] = ['raiffeisen', 'erste', 'aik'];
const SEEDS = ['acc_rai_001', 'enrich-a', 'enrich-b'];
const CARD_LINE =
  /^(Kupovina karticom|Internet kupovina|Kartično plaćanje|Card payment|Kupovina POS|Kupovina internet)\b/;

describe.each(BANKS)('sandbox lines of %s', (bankId) => {
  const transactions = SEEDS.flatMap((seed) =>
    generateSandboxProfile({
      seed,
      bankId,
      today: '2026-10-19',
      withIdentity: false,
      accounts: [
        { type: 'current', currency: 'RSD' },
        { type: 'savings', currency: 'EUR' },
      ],
    }).accounts.flatMap((a) => a.transactions),
  );

  it('are categorised as the generator labelled them', () => {
    const wrong = transactions
      .filter((t) => categorizeTransaction({ description: t.description, amount: t.amount }) !== t.category)
      .map((t) => `${t.category}: ${t.description}`);
    expect(wrong).toEqual([]);
  });

  it('card lines name the merchant without card number, date, city or wrapping', () => {
    const cards = transactions.filter((t) => CARD_LINE.test(t.description));
    expect(cards.length).toBeGreaterThan(100);
    for (const t of cards) {
      const name = enrich(t.description, t.amount, t.category).merchant_name;
      expect(name, t.description).not.toBeNull();
      expect(name, t.description).not.toMatch(
        /\d{4}|\*|Kupovina|Karti|Card|Internet|Beograd|Novi Sad|Nis$|Kragujevac|Subotica|SRB|Sumup|Paypal/i,
      );
    }
  });

  it('known shops keep their brand name', () => {
    const names = new Map<string, string | null>();
    for (const t of transactions) {
      if (CARD_LINE.test(t.description))
        names.set(t.description, enrich(t.description, t.amount, t.category).merchant_name);
    }
    const brand = (re: RegExp): Set<string | null> =>
      new Set([...names].filter(([d]) => re.test(d)).map(([, n]) => n));
    expect(brand(/maxi/i)).toEqual(new Set(['Maxi']));
    expect(brand(/wolt/i)).toEqual(new Set(['Wolt']));
    expect(brand(/lidl/i)).toEqual(new Set(['Lidl']));
  });
});
