import { describe, expect, it } from 'vitest';
import { evaluateRecurring } from '../eval/recurring.js';

describe('recurring detection on the labelled histories', () => {
  const e = evaluateRecurring();

  it('covers at least 30 labelled histories', () => {
    expect(e.histories).toBeGreaterThanOrEqual(30);
    expect(e.trueStreams).toBeGreaterThan(100);
  });

  it('finds the true streams with F1 ≥ 0.9', () => {
    expect(e.f1, JSON.stringify(e.misses.slice(0, 10))).toBeGreaterThanOrEqual(0.9);
  });

  it('gets frequency and activity right for the matched streams', () => {
    expect(e.frequencyAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(e.activeAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
