/**
 * `npx tsx eval/dev/cv.ts`: leave-one-batch-out cross-validation of the categoriser over the OPEN
 * batches (eval/categorize.ts OPEN_BATCHES — blind once, training/dev data since session 10). For
 * each batch k the learned fallback is trained on the project's own training data and every
 * other open batch, and batch k is categorised by the full categoriser (dictionary, rules, cues
 * and that fold's model): an estimate of accuracy on a NEW author's batch, since every batch was
 * written by a different author. Prints accuracy per batch, the mean and the largest confusion
 * pairs summed over the folds (counts only: no row is printed).
 *
 * Options: `--shipped` scores every batch with the shipped model instead (no retraining: the
 * figures `npm run eval` printed while the batches were blind); `--no-histories` trains without
 * the histories' labelled transactions; `--min N` keeps features seen in ≥ N rows.
 */
import { CATEGORIES, categorizeDetailed } from '../../src/enrich/categorize.js';
import { type ModelFile, tuning, useModel } from '../../src/enrich/model.js';
import {
  evaluateRows,
  loadBlindTransactions,
  MIN_FEATURE_ROWS,
  OPEN_BATCHES,
  openBatchRows,
  ownTrainingRows,
  type TrainingRow,
  trainModel,
} from '../categorize.js';

const argv = process.argv.slice(2);
const shipped = argv.includes('--shipped');
const histories = !argv.includes('--no-histories');
const minAt = argv.indexOf('--min');
const minCount = minAt >= 0 ? Number(argv[minAt + 1]) : MIN_FEATURE_ROWS;

const own = shipped ? [] : ownTrainingRows();
const perBatch = new Map<string, TrainingRow[]>();
if (!shipped) for (const b of OPEN_BATCHES) perBatch.set(b, openBatchRows(b, histories));

if (argv.includes('--sweep')) {
  // The fallback's temper and threshold against the CV mean (one fold model per batch, reused).
  const folds: Array<{ model: ModelFile; rows: ReturnType<typeof loadBlindTransactions> }> = [];
  for (const batch of OPEN_BATCHES) {
    const training = [...own];
    for (const [b, r] of perBatch) if (b !== batch) training.push(...r);
    folds.push({ model: trainModel(training, minCount), rows: loadBlindTransactions(batch) });
  }
  const saved = { ...tuning };
  for (const temper of [1.5, 2, 3, 4, 6]) {
    for (const min of [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      tuning.temper = temper;
      tuning.min = min;
      const acc = folds.map((f) => {
        useModel(f.model);
        return evaluateRows(f.rows ?? [], 'blind').accuracy;
      });
      const mean = acc.reduce((a, b) => a + b, 0) / acc.length;
      console.log(
        `  temper ${temper} min ${min}: mean ${(mean * 100).toFixed(2)} % [${acc.map((a) => (a * 100).toFixed(1)).join(' ')}]`,
      );
    }
  }
  Object.assign(tuning, saved);
  useModel(null);
  process.exit(0);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const pairs = new Map<string, number>();
const accuracies: number[] = [];
/** category_confidence → [rows, right]: is "low" really less often right than "high"? */
const byConfidence = new Map<string, [number, number]>();
console.log(
  shipped
    ? 'leave-one-batch-out: shipped model (no retraining)'
    : `leave-one-batch-out: model trained on own data + the other open batches (${histories ? 'with' : 'without'} history rows, features in ≥ ${minCount} rows)`,
);
for (const batch of OPEN_BATCHES) {
  const rows = loadBlindTransactions(batch);
  if (rows === null) continue;
  if (!shipped) {
    const training = [...own];
    for (const [b, r] of perBatch) if (b !== batch) training.push(...r);
    useModel(trainModel(training, minCount));
  }
  const e = evaluateRows(rows, 'blind');
  accuracies.push(e.accuracy);
  for (const r of rows) {
    const got = categorizeDetailed(r);
    const c = byConfidence.get(got.confidence) ?? [0, 0];
    c[0]++;
    if (got.category === r.category) c[1]++;
    byConfidence.set(got.confidence, c);
  }
  for (const expected of CATEGORIES) {
    for (const predicted of CATEGORIES) {
      const n = e.confusion[expected][predicted];
      if (expected === predicted || n === 0) continue;
      const key = `${expected} → ${predicted}`;
      pairs.set(key, (pairs.get(key) ?? 0) + n);
    }
  }
  console.log(`  ${batch.padEnd(8)} ${pct(e.accuracy).padStart(7)} (${e.n} rows)`);
}
useModel(null);
const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
console.log(`  mean     ${pct(mean).padStart(7)} (min ${pct(Math.min(...accuracies))})`);
console.log(
  `  by category_confidence: ${['high', 'medium', 'low']
    .map((c) => {
      const [n, right] = byConfidence.get(c) ?? [0, 0];
      return `${c} ${n === 0 ? '—' : pct(right / n)} of ${n}`;
    })
    .join(', ')}`,
);
console.log('  largest confusions, summed over the folds (labelled → predicted):');
const top = [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
for (const [pair, n] of top) console.log(`    ${pair.padEnd(34)} ${n}`);
