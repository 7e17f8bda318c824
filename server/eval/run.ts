// `npm run eval`: the categoriser on its labelled train and held-out test splits, and recurring
// detection on the labelled histories, with the speed figures of each. Exits non-zero when a
// gate (held-out accuracy ≥ 0.90, recurring F1 ≥ 0.90) fails.
import { evaluateCategorizer, measureThroughput } from './categorize.js';
import { evaluateRecurring, medianDetectionMs } from './recurring.js';

const GATE = 0.9;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const row = (label: string, value: string): void => console.log(`  ${label.padEnd(48)} ${value}`);

console.log('== categoriser (server/eval/data/categorize-labelled.tsv)');
const train = evaluateCategorizer('train');
const test = evaluateCategorizer('test');
row(`train accuracy (n=${train.n})`, pct(train.accuracy));
row(`held-out test accuracy (n=${test.n}, gate ≥ ${pct(GATE)})`, pct(test.accuracy));
console.log('  held-out per category: support  precision  recall');
for (const [category, f] of Object.entries(test.perCategory)) {
  console.log(
    `    ${category.padEnd(14)} ${String(f.support).padStart(7)}  ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}`,
  );
}
row('throughput', `${Math.round(measureThroughput(200_000)).toLocaleString('en-US')} descriptions/s`);

console.log('\n== recurring detection (server/eval/data/recurring-histories.json)');
const rec = evaluateRecurring();
row(
  'histories / true streams / detected / matched',
  `${rec.histories} / ${rec.trueStreams} / ${rec.detectedStreams} / ${rec.matched}`,
);
row('precision / recall', `${pct(rec.precision)} / ${pct(rec.recall)}`);
row(`F1 (gate ≥ ${pct(GATE)})`, pct(rec.f1));
row(
  'frequency / is_active / amount_type (matched)',
  `${pct(rec.frequencyAccuracy)} / ${pct(rec.activeAccuracy)} / ${pct(rec.amountTypeAccuracy)}`,
);
const small = medianDetectionMs(1_000);
const large = medianDetectionMs(10_000);
row(
  'median detection 1,000 / 10,000 txns',
  `${small.toFixed(2)} ms / ${large.toFixed(2)} ms (ratio ${(large / small).toFixed(1)}×, linear = 10×)`,
);

const failed = [
  test.accuracy < GATE && 'categoriser held-out accuracy',
  rec.f1 < GATE && 'recurring F1',
].filter(Boolean);
if (failed.length > 0) {
  console.log(`\nFAILED: ${failed.join(', ')} below ${pct(GATE)}`);
  process.exitCode = 1;
} else {
  console.log('\nall gates passed');
}
