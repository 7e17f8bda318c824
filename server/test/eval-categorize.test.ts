import { describe, expect, it } from 'vitest';
import { evaluateCategorizer, loadLabelledTransactions } from '../eval/categorize.js';
import { CATEGORIES } from '../src/enrich/categorize.js';

describe('categoriser evaluation', () => {
  it('has a labelled set of at least 400 rows covering every category in both splits', () => {
    const rows = loadLabelledTransactions();
    expect(rows.length).toBeGreaterThanOrEqual(400);
    for (const split of ['train', 'test'] as const) {
      const seen = new Set(rows.filter((r) => r.split === split).map((r) => r.category));
      expect([...seen].sort(), split).toEqual([...CATEGORIES].sort());
    }
  });

  it('reaches at least 90% accuracy on the held-out test split', () => {
    const result = evaluateCategorizer('test');
    expect(result.n).toBeGreaterThan(150);
    expect(
      result.accuracy,
      JSON.stringify(result.misclassified.slice(0, 20), null, 1),
    ).toBeGreaterThanOrEqual(0.9);
  });
});
