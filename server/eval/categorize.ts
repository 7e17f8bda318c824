/**
 * Evaluation of the transaction categoriser on the labelled Serbian statement descriptions in
 * eval/data/categorize-labelled.tsv (columns: description, amount, category, split).
 *
 * Run: `npx tsx eval/categorize.ts` prints accuracy and per-category figures for the train and the
 * held-out test split, and throughput. Test-split errors are listed only with
 * `--show-test-errors`, so that rules are not tuned on them by accident.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, type Category, categorizeTransaction } from '../src/enrich/categorize.js';
import { features, type ModelFile, train } from '../src/enrich/model.js';
import { normalizeMerchant } from '../src/enrich/normalize.js';

export type Split = 'train' | 'test' | 'all';

export interface LabelledTransaction {
  description: string;
  /** Minor units, negative = debit. */
  amount: number;
  category: Category;
  split: 'train' | 'test';
}

export interface CategoryFigures {
  /** Rows labelled with this category. */
  support: number;
  /** Rows predicted as this category. */
  predicted: number;
  precision: number;
  recall: number;
  /** One-vs-rest accuracy. */
  accuracy: number;
}

export interface Misclassification {
  description: string;
  amount: number;
  expected: Category;
  predicted: Category;
}

export interface CategorizerEvaluation {
  split: Split | 'blind';
  n: number;
  accuracy: number;
  perCategory: Record<Category, CategoryFigures>;
  /** confusion[expected][predicted] = rows. */
  confusion: Record<Category, Record<Category, number>>;
  misclassified: Misclassification[];
}

const DATA_URL = new URL('./data/categorize-labelled.tsv', import.meta.url);

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Decimal amount text ("-1650.00") → integer minor units, without floating-point rounding. */
function toMinorUnits(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (match === null) throw new Error(`bad amount: ${text}`);
  const units = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -units : units;
}

export function loadLabelledTransactions(): LabelledTransaction[] {
  const lines = readFileSync(DATA_URL, 'utf8').split('\n');
  const rows: LabelledTransaction[] = [];
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.trim() === '') continue;
    const [description, amount, category, split] = line.split('\t');
    if (
      description === undefined ||
      amount === undefined ||
      category === undefined ||
      (split !== 'train' && split !== 'test') ||
      !isCategory(category)
    ) {
      throw new Error(`categorize-labelled.tsv line ${index + 1} is malformed: ${line}`);
    }
    rows.push({ description, amount: toMinorUnits(amount), category, split });
  }
  return rows;
}

/**
 * A blind batch (server/eval/<batch>/categorize-blind.tsv: description, amount, category), written
 * by someone who never read the rules. Frozen: it is only ever scored here — never printed, never
 * tuned on. Null when absent.
 */
export function loadBlindTransactions(batch = 'blind'): LabelledTransaction[] | null {
  return loadUnsplit(
    new URL(`./${batch}/categorize-blind.tsv`, import.meta.url),
    `${batch}/categorize-blind.tsv`,
  );
}

/**
 * A development set (server/eval/dev/data/categorize-dev.tsv, or another file there such as
 * categorize-dev-orders.tsv: description, amount, category),
 * written by the same hand as the rules from LABELLING.md — NOT held out: its errors may be
 * read and fixed (by principle, not by listing its payees). Null when absent.
 */
export function loadDevTransactions(file = 'categorize-dev.tsv'): LabelledTransaction[] | null {
  return loadUnsplit(new URL(`./dev/data/${file}`, import.meta.url), `dev/data/${file}`);
}

/** Rows of a description/amount/category file; a header row and '#' comments are skipped, nothing is echoed. */
function loadUnsplit(file: URL, name: string): LabelledTransaction[] | null {
  if (!existsSync(file)) return null;
  const rows: LabelledTransaction[] = [];
  for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [description, amount, category] = line.replace(/\r$/, '').split('\t');
    // A header row, if any, is skipped; nothing of a row is ever echoed.
    if ((index === 0 && category !== undefined && !isCategory(category)) || category === 'category') continue;
    if (
      description === undefined ||
      amount === undefined ||
      category === undefined ||
      !isCategory(category)
    ) {
      throw new Error(`${name} line ${index + 1} is malformed`);
    }
    rows.push({ description, amount: toMinorUnits(amount), category, split: 'test' });
  }
  return rows;
}

/**
 * Batches that were blind once and are OPEN since session 10 (every one scored and examined by
 * earlier tuning rounds): training and development data now, oldest first. A batch still blind is
 * never listed here.
 */
export const OPEN_BATCHES = [
  'blind',
  'blind2',
  'blind3',
  'blind4',
  'blind5',
  'blind6',
  'blind7',
  'blind8',
] as const;

/** One training example as the model sees it: its features and its label. */
export interface TrainingRow {
  feats: string[];
  category: Category;
}

/** Features of a labelled description (the model's merchant view of it). */
export function trainingRow(description: string, amount: number, category: Category): TrainingRow {
  const m = normalizeMerchant(description, false);
  return { feats: features(m.key, m.channel, amount < 0), category };
}

/** Training rows from a description/amount/category(/split) file; `trainOnly` keeps split = train rows. */
function rowsOfFile(file: URL, trainOnly: boolean): TrainingRow[] {
  const rows: TrainingRow[] = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (i === 0 || line.trim() === '' || line.startsWith('#')) continue;
    const [description, amount, category, split] = line.replace(/\r$/, '').split('\t');
    if (trainOnly && split !== 'train') continue;
    if (!description || !amount || !isCategory(category ?? '')) {
      throw new Error(`${file.pathname}:${i + 1} malformed`);
    }
    rows.push(trainingRow(description, toMinorUnits(amount), category as Category));
  }
  return rows;
}

/**
 * The project's own training data: the TRAIN split of data/categorize-labelled.tsv (never its
 * held-out split) and data/categorize-train-extra.tsv (rows written from LABELLING.md).
 */
export function ownTrainingRows(): TrainingRow[] {
  return [
    ...rowsOfFile(new URL('./data/categorize-labelled.tsv', import.meta.url), true),
    ...rowsOfFile(new URL('./data/categorize-train-extra.tsv', import.meta.url), false),
  ];
}

/**
 * An open batch's training rows: its labelled descriptions (categorize-blind.tsv) and, with
 * `histories`, the labelled transactions of its histories (recurring-blind.json), one row per
 * distinct (features, category) among them — a payee paid every month counts once, not 36 times.
 */
export function openBatchRows(batch: string, histories = true): TrainingRow[] {
  const rows = (loadBlindTransactions(batch) ?? []).map((r) =>
    trainingRow(r.description, r.amount, r.category),
  );
  if (!histories) return rows;
  const file = new URL(`./${batch}/recurring-blind.json`, import.meta.url);
  if (!existsSync(file)) return rows;
  const seen = new Set<string>();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    transactions: Array<{ description: string; amount: number; category?: string }>;
  }>;
  for (const history of parsed) {
    for (const t of history.transactions) {
      if (t.category === undefined || !isCategory(t.category)) continue;
      const row = trainingRow(t.description, t.amount, t.category);
      const key = `${row.category}\u0000${row.feats.join('\u0001')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Features kept in the shipped model: those seen in at least this many training rows. Rarer ones
 * (one author's misspelling, one shop's name) say little about a new author's payees and are most
 * of the file.
 */
export const MIN_FEATURE_ROWS = 3;

/** The model trained on the given rows (deterministic: same rows in the same order, same bytes). */
export function trainModel(rows: readonly TrainingRow[], minCount = MIN_FEATURE_ROWS): ModelFile {
  return train(rows, CATEGORIES, minCount);
}

export function evaluateCategorizer(split: Split): CategorizerEvaluation {
  const rows = loadLabelledTransactions().filter((r) => split === 'all' || r.split === split);
  return evaluateRows(rows, split);
}

export function evaluateRows(
  rows: readonly LabelledTransaction[],
  split: CategorizerEvaluation['split'],
): CategorizerEvaluation {
  const confusion = Object.fromEntries(
    CATEGORIES.map((e) => [e, Object.fromEntries(CATEGORIES.map((p) => [p, 0]))]),
  ) as Record<Category, Record<Category, number>>;
  const truePositive = new Map<Category, number>();
  const support = new Map<Category, number>();
  const predictedCount = new Map<Category, number>();
  const misclassified: Misclassification[] = [];
  for (const row of rows) {
    const predicted = categorizeTransaction({ description: row.description, amount: row.amount });
    confusion[row.category][predicted]++;
    support.set(row.category, (support.get(row.category) ?? 0) + 1);
    predictedCount.set(predicted, (predictedCount.get(predicted) ?? 0) + 1);
    if (predicted === row.category) {
      truePositive.set(predicted, (truePositive.get(predicted) ?? 0) + 1);
    } else {
      misclassified.push({
        description: row.description,
        amount: row.amount,
        expected: row.category,
        predicted,
      });
    }
  }
  const n = rows.length;
  const perCategory = {} as Record<Category, CategoryFigures>;
  for (const category of CATEGORIES) {
    const tp = truePositive.get(category) ?? 0;
    const labelled = support.get(category) ?? 0;
    const predicted = predictedCount.get(category) ?? 0;
    const fp = predicted - tp;
    const fn = labelled - tp;
    perCategory[category] = {
      support: labelled,
      predicted,
      precision: predicted === 0 ? 0 : tp / predicted,
      recall: labelled === 0 ? 0 : tp / labelled,
      accuracy: n === 0 ? 0 : (n - fp - fn) / n,
    };
  }
  const correct = n - misclassified.length;
  return { split, n, accuracy: n === 0 ? 0 : correct / n, perCategory, confusion, misclassified };
}

/** Descriptions categorised per second over `calls` calls cycling through the labelled set. */
export function measureThroughput(calls = 200_000): number {
  const rows = loadLabelledTransactions();
  const run = (count: number): number => {
    let checksum = 0;
    for (let i = 0; i < count; i++) {
      const row = rows[i % rows.length] as LabelledTransaction;
      checksum += categorizeTransaction(row).length;
    }
    return checksum;
  };
  run(20_000); // warm-up so the JIT has compiled the hot path
  const started = performance.now();
  run(calls);
  const seconds = (performance.now() - started) / 1000;
  return calls / seconds;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function printEvaluation(evaluation: CategorizerEvaluation, showErrors: boolean): void {
  const correct = evaluation.n - evaluation.misclassified.length;
  console.log(`\n${evaluation.split}: accuracy ${pct(evaluation.accuracy)} (${correct}/${evaluation.n})`);
  console.log('category       support  predicted  precision  recall  accuracy');
  for (const category of CATEGORIES) {
    const f = evaluation.perCategory[category];
    console.log(
      `${category.padEnd(14)} ${String(f.support).padStart(7)}  ${String(f.predicted).padStart(9)}  ` +
        `${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}  ${pct(f.accuracy).padStart(8)}`,
    );
  }
  if (!showErrors) {
    console.log(`(${evaluation.misclassified.length} errors hidden; pass --show-test-errors to list them)`);
    return;
  }
  for (const m of evaluation.misclassified) {
    console.log(
      `  ✗ ${m.description} [${(m.amount / 100).toFixed(2)}] expected ${m.expected}, got ${m.predicted}`,
    );
  }
}

function main(): void {
  const showTestErrors = process.argv.includes('--show-test-errors');
  printEvaluation(evaluateCategorizer('train'), true);
  printEvaluation(evaluateCategorizer('test'), showTestErrors);
  const perSecond = measureThroughput(200_000);
  console.log(
    `\nthroughput: ${Math.round(perSecond).toLocaleString('en-US')} descriptions/second (200,000 calls)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
