import { describe, expect, it } from 'vitest';
import { categorizeDetailed } from './categorize.js';
import { enrich, enrichCached } from './enrich.js';
import { features, NaiveBayes, shippedModel, train } from './model.js';

describe('enrich', () => {
  it.each([
    ['Kupovina karticom GOOGLE *YouTube 19.10.2026 DUBLIN IE', -699, 'subscriptions', 'YouTube', null],
    ['POS KUPOVINA MAXI 182 BEOGRAD RS', -2345, 'groceries', 'Maxi', null],
    ['IPS NBS - Ana Ilić', -5000, 'transfer', null, { name: 'Ana Ilić' }],
    ['Uplata od Jelena Jovanovic', 8000, 'transfer', null, { name: 'Jelena Jovanovic' }],
    ['KIRIJA - FEBRUAR 2026 - JOVANOVIĆ MILAN', -45000, 'rent', null, { name: 'Jovanović Milan' }],
    [
      'ISPLATA ZARADE 02/2026 - DELTA HOLDING DOO',
      87650,
      'salary',
      'Delta Holding',
      { name: 'Delta Holding' },
    ],
    ['Trajni nalog EPS 201234567', -6000, 'utilities', 'EPS', { name: 'EPS' }],
    ['Plata - januar 2026', 95000, 'salary', null, null],
    ['Bankomat isplata ATM 5165', -5000, 'transfer', null, null],
    ['Rata kredita 10/2026', -18500, 'transfer', null, null],
  ])('%s', (description, amount, category, merchant, counterparty) => {
    const e = enrich(description, amount, category);
    expect(e.merchant_name).toBe(merchant);
    expect(e.counterparty).toEqual(counterparty);
    expect(enrichCached(description, amount, category)).toEqual(e);
  });

  it('keeps the account number of a named counterparty', () => {
    expect(
      enrich('Prenos na račun Marko Petrović 160-0000012345678-90', -5000, 'transfer').counterparty,
    ).toEqual({
      name: 'Marko Petrović',
      account_number: '160-0000012345678-90',
    });
  });

  it('confidence: high for a known brand, low for an unnamed purchase, medium for a category set elsewhere', () => {
    expect(categorizeDetailed({ description: 'NETFLIX.COM', amount: -790 })).toEqual({
      category: 'subscriptions',
      confidence: 'high',
    });
    expect(categorizeDetailed({ description: 'POS KUPOVINA 0012', amount: -790 }).confidence).toBe('low');
    expect(enrich('NETFLIX.COM', -790, 'entertainment').category_confidence).toBe('medium');
  });
});

describe('learned fallback', () => {
  it('trains deterministically and predicts from n-grams of unseen merchants', () => {
    const rows = [
      { feats: features('restoran zlatni bokal', 'card', true), category: 'dining' as const },
      { feats: features('restoran kod mike', 'card', true), category: 'dining' as const },
      { feats: features('market zora', 'card', true), category: 'groceries' as const },
      { feats: features('market miki', 'card', true), category: 'groceries' as const },
    ];
    const a = train(rows, ['groceries', 'dining'], 1);
    expect(JSON.stringify(train(rows, ['groceries', 'dining'], 1))).toBe(JSON.stringify(a));
    const model = new NaiveBayes(a);
    expect(model.predict(features('restorani dva', 'card', true)).category).toBe('dining');
    expect(model.predict(features('minimarket', 'card', true)).category).toBe('groceries');
  });

  it('the shipped model knows Serbian cue words', () => {
    const m = shippedModel();
    expect(m.predict(features('pekarica mila', 'card', true)).category).toBe('dining');
    expect(m.predict(features('apoteka lana', 'card', true)).category).toBe('groceries');
  });
});
