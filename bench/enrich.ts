// Enrichment figures (wired into `npm run bench`; `npm run bench -- --enrich` runs only these):
// normaliser, categoriser and edge-enrichment throughput in descriptions/s, and recurring
// detection over 1k → 10k → 100k transactions with the growth ratios (linear = 10×).
import { performance } from 'node:perf_hooks';
import { loadLabelledTransactions } from '../server/eval/categorize.js';
import { medianDetectionMs } from '../server/eval/recurring.js';
import { categorizeTransaction } from '../server/src/enrich/categorize.js';
import { enrich } from '../server/src/enrich/enrich.js';
import { normalizeMerchant } from '../server/src/enrich/normalize.js';

/** Calls per second of `fn` over the labelled descriptions (warm-up first, so the JIT has compiled it). */
function perSecond(calls: number, fn: (description: string, amount: number) => unknown): number {
  const rows = loadLabelledTransactions();
  const run = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const row = rows[i % rows.length]!;
      fn(row.description, row.amount);
    }
  };
  run(Math.min(20_000, calls));
  const started = performance.now();
  run(calls);
  return calls / ((performance.now() - started) / 1000);
}

export function benchEnrich(quick = false): Record<string, number> {
  const calls = quick ? 50_000 : 200_000;
  const small = medianDetectionMs(1_000, quick ? 5 : 15);
  const medium = medianDetectionMs(10_000, quick ? 3 : 9);
  const large = medianDetectionMs(100_000, 3);
  return {
    'normaliser: merchant key (descriptions/s)': perSecond(calls, (d) => normalizeMerchant(d, false)),
    'normaliser: key + display name (descriptions/s)': perSecond(calls, (d) => normalizeMerchant(d)),
    'categoriser (descriptions/s)': perSecond(calls, (d, a) =>
      categorizeTransaction({ description: d, amount: a }),
    ),
    'enrichment fields, uncached (descriptions/s)': perSecond(calls / 4, (d, a) => enrich(d, a, 'groceries')),
    'recurring detection 1,000 txns, median (ms)': small,
    'recurring detection 10,000 txns, median (ms)': medium,
    'recurring detection 100,000 txns, median (ms)': large,
    'recurring ratio 10k / 1k (linear = 10)': medium / small,
    'recurring ratio 100k / 10k (linear = 10)': large / medium,
  };
}
