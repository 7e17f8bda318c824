/**
 * `npx tsx eval/dev/report.ts [--cat] [--rec]`: figures and every error on the DEVELOPMENT set
 * (eval/dev/, same hand as the rules, not held out) and on the old TRAINING split / old histories.
 * Never reads a blind batch and never lists the old held-out split's errors.
 */
import { CATEGORIES } from '../../src/enrich/categorize.js';
import { evaluateCategorizer, evaluateRows, loadDevTransactions } from '../categorize.js';
import { evaluateRecurring, FREQUENCIES, loadDevHistories, loadHistories } from '../recurring.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const args = new Set(process.argv.slice(2));
const both = !args.has('--cat') && !args.has('--rec');

if (both || args.has('--cat')) {
  const dev = evaluateRows(
    [...(loadDevTransactions() ?? []), ...(loadDevTransactions('categorize-dev-orders.tsv') ?? [])],
    'test',
  );
  const train = evaluateCategorizer('train');
  const test = evaluateCategorizer('test');
  console.log(
    `categoriser: old train ${pct(train.accuracy)}, old held-out ${pct(test.accuracy)} (errors hidden), dev ${pct(dev.accuracy)} (${dev.n} rows)`,
  );
  for (const c of CATEGORIES) {
    const f = dev.perCategory[c];
    console.log(
      `  ${c.padEnd(14)} P ${pct(f.precision).padStart(6)} R ${pct(f.recall).padStart(6)} (${f.support})`,
    );
  }
  for (const m of [...train.misclassified, ...dev.misclassified]) {
    console.log(
      `  ✗ ${m.description} [${(m.amount / 100).toFixed(2)}] want ${m.expected}, got ${m.predicted}`,
    );
  }
}
if (both || args.has('--rec')) {
  for (const [name, histories] of [
    ['old', loadHistories()],
    ['dev', loadDevHistories() ?? []],
    ['dev-long', loadDevHistories('recurring-dev-long.json') ?? []],
    ['dev-periodic', loadDevHistories('recurring-dev-periodic.json') ?? []],
  ] as const) {
    const e = evaluateRecurring([...histories]);
    console.log(
      `recurring ${name}: P ${pct(e.precision)} R ${pct(e.recall)} F1 ${pct(e.f1)} (${e.trueStreams} true, ${e.detectedStreams} detected); freq ${pct(e.frequencyAccuracy)} active ${pct(e.activeAccuracy)} type ${pct(e.amountTypeAccuracy)}`,
    );
    for (const f of FREQUENCIES) {
      const x = e.perFrequency[f];
      if (x)
        console.log(
          `  ${f.padEnd(10)} P ${pct(x.precision)} R ${pct(x.recall)} F1 ${pct(x.f1)} (${x.trueStreams} true, ${x.detected} detected)`,
        );
    }
    if (name !== 'old' || args.has('--old-misses'))
      for (const m of e.misses)
        console.log(`  ${m.history} ${m.kind.padEnd(11)} ${m.description} — ${m.detail}`);
  }
}
