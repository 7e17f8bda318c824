/**
 * `npx tsx eval/dev/cv-errors.ts [--path]`: the leave-one-batch-out errors of eval/dev/cv.ts,
 * one per line (open batches only: they are training/dev data since session 10), with the fold
 * model's own guess and the dictionary's match, for studying how the signals combine. Counts per
 * (dictionary strength, model right?) at the end.
 */
import { categorizeDetailed } from '../../src/enrich/categorize.js';
import { findMerchant } from '../../src/enrich/merchants.js';
import { features, shippedModel, useModel } from '../../src/enrich/model.js';
import { Description } from '../../src/enrich/normalize.js';
import {
  loadBlindTransactions,
  OPEN_BATCHES,
  openBatchRows,
  ownTrainingRows,
  trainModel,
} from '../categorize.js';

const own = ownTrainingRows();
const perBatch = new Map(OPEN_BATCHES.map((b) => [b, openBatchRows(b)]));
const buckets = new Map<string, number>();
for (const batch of OPEN_BATCHES) {
  const training = [...own];
  for (const [b, r] of perBatch) if (b !== batch) training.push(...r);
  useModel(trainModel(training));
  for (const row of loadBlindTransactions(batch) ?? []) {
    const d = new Description(row.description);
    const got = categorizeDetailed(row, true, d);
    if (got.category === row.category) continue;
    const m = d.merchant;
    const guess = shippedModel().predict(features(m.key, m.channel, row.amount < 0));
    const match = findMerchant(d.scan.tokens, 'salary');
    const strength = match === null ? 'none' : `${match.entry.strength}:${match.entry.category}`;
    const bucket = `${match === null ? 'none' : match.entry.strength} model ${guess.category === row.category ? 'right' : 'wrong'}`;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    console.log(
      `${batch}\t${row.category} → ${got.category} (${got.confidence})\tmodel ${guess.category} ${guess.p.toFixed(2)}\t${strength}\t${row.description}\t${row.amount / 100}`,
    );
  }
}
useModel(null);
for (const [b, n] of [...buckets].sort((a, b) => b[1] - a[1])) console.log(`# ${b}: ${n}`);
