import { describe, expect, it } from 'vitest';
import { evaluateRecurring, medianDetectionMs, timingInput } from '../eval/recurring.js';
import { detectRecurringStreams } from '../src/enrich/recurring.js';

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

  it('stays fast and about linear (generous bounds for a shared machine)', () => {
    expect(medianDetectionMs(10_000, 9)).toBeLessThan(100);
    // The growth ratio from the fastest of interleaved runs: medians swing with the other
    // processes' load, and interleaving exposes both sizes to the same load.
    const small = timingInput(1_000);
    const large = timingInput(10_000);
    for (let i = 0; i < 3; i++) {
      detectRecurringStreams(small.txns, small.today);
      detectRecurringStreams(large.txns, large.today);
    }
    let fastSmall = Number.POSITIVE_INFINITY;
    let fastLarge = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 21; i++) {
      let t = performance.now();
      detectRecurringStreams(small.txns, small.today);
      fastSmall = Math.min(fastSmall, performance.now() - t);
      t = performance.now();
      detectRecurringStreams(large.txns, large.today);
      fastLarge = Math.min(fastLarge, performance.now() - t);
    }
    expect(fastLarge / fastSmall).toBeLessThan(20);
  });
});
