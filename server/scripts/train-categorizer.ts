// `npm run train:categorizer`: trains the categoriser's learned fallback (src/enrich/model.ts) and
// writes src/enrich/category-model.json. Training data: the TRAIN split of
// eval/data/categorize-labelled.tsv (never its held-out split) plus eval/data/categorize-train-extra.tsv
// (rows written from eval/LABELLING.md), and every OPEN batch (eval/categorize.ts OPEN_BATCHES:
// blind once, training/dev data since session 10) — its labelled descriptions and the labelled
// transactions of its histories, one row per distinct (features, category). A batch still blind is
// never read. Features seen in fewer than MIN_FEATURE_ROWS rows are pruned (size). Deterministic:
// same input, same bytes. `--no-histories` leaves out the histories' transactions.
import { writeFileSync } from 'node:fs';
import { OPEN_BATCHES, openBatchRows, ownTrainingRows, trainModel } from '../eval/categorize.js';

const histories = !process.argv.includes('--no-histories');
const rows = ownTrainingRows();
const own = rows.length;
for (const batch of OPEN_BATCHES) rows.push(...openBatchRows(batch, histories));
const model = trainModel(rows);
const out = new URL('../src/enrich/category-model.json', import.meta.url);
const text = `${JSON.stringify(model)}\n`;
writeFileSync(out, text);
console.log(
  `trained on ${own} own rows + ${rows.length - own} rows of ${OPEN_BATCHES.length} open batches; ` +
    `${Object.keys(model.counts).length} features, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB → ${out.pathname}`,
);
