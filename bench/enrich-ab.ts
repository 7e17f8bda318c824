// Paired categoriser / normaliser throughput, this tree against an extracted copy of a base commit
// (same process, alternating base / this in 15 rounds of 20k calls over the labelled descriptions):
//   mkdir -p /tmp/ab && git archive <base> server/src/enrich server/src/transactions server/package.json \
//     | tar -x -C /tmp/ab && ln -s "$PWD/node_modules" /tmp/ab/node_modules
//   ENRICH_AB_BASE=/tmp/ab npx tsx bench/enrich-ab.ts
// Prints this/base throughput ratios (median and interquartile range); > 1 is faster.
import { performance } from 'node:perf_hooks';
import { loadLabelledTransactions } from '../server/eval/categorize.js';
import * as head from '../server/src/enrich/categorize.js';
import * as hn from '../server/src/enrich/normalize.js';

type Fn = (description: string, amount: number) => unknown;
const root = process.env.ENRICH_AB_BASE;
if (!root) throw new Error('set ENRICH_AB_BASE to an extracted copy of the base commit');
const base = (await import(`${root}/server/src/enrich/categorize.ts`)) as typeof head;
const bn = (await import(`${root}/server/src/enrich/normalize.ts`)) as typeof hn;
const rows = loadLabelledTransactions();
const CALLS = 20_000;
const ROUNDS = 15;

function perSecond(fn: Fn): number {
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const row = rows[i % rows.length]!;
    fn(row.description, row.amount);
  }
  return CALLS / ((performance.now() - started) / 1000);
}

const pairs: Record<string, [Fn, Fn]> = {
  categoriser: [
    (d, a) => base.categorizeTransaction({ description: d, amount: a }),
    (d, a) => head.categorizeTransaction({ description: d, amount: a }),
  ],
  'categoriser + confidence': [
    (d, a) => base.categorizeDetailed({ description: d, amount: a }),
    (d, a) => head.categorizeDetailed({ description: d, amount: a }),
  ],
  'normaliser (key + display)': [(d) => bn.normalizeMerchant(d), (d) => hn.normalizeMerchant(d)],
};
for (const [name, [b, h]] of Object.entries(pairs)) {
  perSecond(b);
  perSecond(h);
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so a drift in load does not favour one side.
    if (r % 2 === 0) {
      const x = perSecond(b);
      ratios.push(perSecond(h) / x);
    } else {
      const y = perSecond(h);
      ratios.push(y / perSecond(b));
    }
  }
  ratios.sort((p, q) => p - q);
  const q = (f: number): string => ratios[Math.floor(f * (ROUNDS - 1))]!.toFixed(2);
  console.log(`${name.padEnd(28)} this/base ${q(0.5)} (IQR ${q(0.25)}–${q(0.75)})`);
}
