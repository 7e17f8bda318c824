// `npm run train:categorizer`: trains the categoriser's learned fallback (src/enrich/model.ts) on
// the TRAINING split of eval/data/categorize-labelled.tsv plus eval/data/categorize-train-extra.tsv
// (rows written from eval/LABELLING.md), never on the held-out split or a blind set, and writes
// src/enrich/category-model.json. Deterministic: same input, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES, type Category } from '../src/enrich/categorize.js';
import { features, train } from '../src/enrich/model.js';
import { normalizeMerchant } from '../src/enrich/normalize.js';

const root = new URL('../', import.meta.url);
const rows: Array<{ feats: string[]; category: Category }> = [];

function add(file: string, wantSplit: boolean): number {
  let n = 0;
  const lines = readFileSync(new URL(file, root), 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === '' || line.startsWith('#')) continue;
    const [description, amount, category, split] = line.split('\t');
    if (wantSplit && split !== 'train') continue;
    if (!description || !amount || !(CATEGORIES as readonly string[]).includes(category ?? '')) {
      throw new Error(`${file}:${i + 1} malformed: ${line}`);
    }
    const m = normalizeMerchant(description);
    rows.push({
      feats: features(m.key, m.channel, amount.trim().startsWith('-')),
      category: category as Category,
    });
    n++;
  }
  return n;
}

const fromTrain = add('eval/data/categorize-labelled.tsv', true);
const fromExtra = add('eval/data/categorize-train-extra.tsv', false);
const model = train(rows, CATEGORIES);
const out = new URL('src/enrich/category-model.json', root);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${fromTrain} train-split rows + ${fromExtra} extra rows; ${Object.keys(model.counts).length} features → ${out.pathname}`,
);
