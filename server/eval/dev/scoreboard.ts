/**
 * `npx tsx eval/dev/scoreboard.ts [--misses SET]`: one line per development set and per OPEN
 * batch (eval/categorize.ts OPEN_BATCHES: blind/ … blind8/, training/dev data since session 10;
 * a batch still blind is never loaded here), for before/after comparisons: categorisation accuracy, recurring P / R / F1 and
 * recall per frequency. `--misses dev-handpaid` lists that dev set's missed and spurious streams
 * (dev sets only: a blind batch's rows are never printed).
 */
import {
  evaluateCategorizer,
  evaluateRows,
  loadBlindTransactions,
  loadDevTransactions,
  OPEN_BATCHES,
} from '../categorize.js';
import {
  evaluateRecurring,
  FREQUENCIES,
  loadBlindHistories,
  loadDevHistories,
  type RecurringEvaluation,
} from '../recurring.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}`;

const cat: Array<[string, number, number]> = [['old held-out', evaluateCategorizer('test').accuracy, 240]];
for (const f of ['categorize-dev.tsv', 'categorize-dev-orders.tsv', 'categorize-dev-general.tsv']) {
  const rows = loadDevTransactions(f);
  if (rows) cat.push([f, evaluateRows(rows, 'test').accuracy, rows.length]);
}
for (const b of OPEN_BATCHES) {
  const rows = loadBlindTransactions(b);
  if (rows) cat.push([b, evaluateRows(rows, 'blind').accuracy, rows.length]);
}
console.log('categorisation accuracy');
for (const [name, acc, n] of cat) console.log(`  ${name.padEnd(28)} ${pct(acc)} % (${n})`);

const rec: Array<[string, RecurringEvaluation]> = [['old', evaluateRecurring()]];
for (const f of [
  'recurring-dev.json',
  'recurring-dev-long.json',
  'recurring-dev-periodic.json',
  'recurring-dev-handpaid.json',
]) {
  const h = loadDevHistories(f);
  if (h) rec.push([f.replace('recurring-', '').replace('.json', ''), evaluateRecurring(h)]);
}
for (const b of OPEN_BATCHES) {
  const h = loadBlindHistories(b);
  if (h) rec.push([b, evaluateRecurring(h)]);
}
console.log('recurring F1 (P / R); per frequency: recall/precision (true streams)');
for (const [name, e] of rec) {
  const byFreq = FREQUENCIES.map((f) => {
    const x = e.perFrequency[f];
    return x && x.trueStreams > 0
      ? `${f.slice(0, 2)} ${pct(x.recall)}/${pct(x.precision)}(${x.trueStreams})`
      : '';
  }).join(' ');
  console.log(
    `  ${name.padEnd(16)} F1 ${pct(e.f1)} (${pct(e.precision)} / ${pct(e.recall)}) ${e.detectedStreams}/${e.trueStreams}  ${byFreq}`,
  );
}
const at = process.argv.indexOf('--misses');
if (at > 0) {
  const want = process.argv[at + 1] ?? '';
  const found = rec.find(([name]) => name === want && name.startsWith('dev'));
  for (const m of found?.[1].misses ?? []) {
    if (m.kind === 'missed' || m.kind === 'spurious' || m.kind === 'frequency')
      console.log(`  ${m.history} ${m.kind.padEnd(9)} ${m.description} — ${m.detail}`);
  }
}
const catAt = process.argv.indexOf('--cat-misses');
if (catAt > 0) {
  // Dev files only (eval/dev/data): a blind batch's rows are never printed.
  const rows = loadDevTransactions(process.argv[catAt + 1] ?? '');
  if (rows) {
    const e = evaluateRows(rows, 'test');
    for (const [c, x] of Object.entries(e.perCategory))
      console.log(`  ${c.padEnd(14)} P ${pct(x.precision)} R ${pct(x.recall)} (${x.support})`);
    for (const m of e.misclassified)
      console.log(`  ${m.expected.padEnd(13)} → ${m.predicted.padEnd(13)} ${m.description} ${m.amount}`);
  }
}
