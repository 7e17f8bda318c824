/**
 * Recurring detection on the OPEN batches (server/eval/blind1–8/recurring-blind.json — no longer blind:
 * they were scored and studied by earlier tuning, so they are development data now) and the dev sets
 * (server/eval/dev/data/recurring-dev*.json).
 *
 *   npx tsx eval/dev/recurring-open.ts            per-batch and per-frequency P / R / F1
 *   npx tsx eval/dev/recurring-open.ts --misses   also every miss, batch by batch
 *   npx tsx eval/dev/recurring-open.ts --json     the figures as JSON (for before → after diffs)
 *
 * Never reads blind9 or later: those are the honest measure and stay unseen.
 */
import type { LabelledHistory } from '../data/generate-recurring-histories.js';
import {
  evaluateRecurring,
  FREQUENCIES,
  loadBlindHistories,
  loadDevHistories,
  loadHistories,
  type RecurringEvaluation,
} from '../recurring.js';

const OPEN_BATCHES = ['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8'];
const DEV_SETS = [
  'recurring-dev.json',
  'recurring-dev-long.json',
  'recurring-dev-periodic.json',
  'recurring-dev-handpaid.json',
];

const args = new Set(process.argv.slice(2));
const rows: Array<{ name: string; e: RecurringEvaluation }> = [];
const add = (name: string, h: LabelledHistory[] | null): void => {
  if (h) rows.push({ name, e: evaluateRecurring(h) });
};
add('old', loadHistories());
for (const d of DEV_SETS) add(d.replace('recurring-', '').replace('.json', ''), loadDevHistories(d));
for (const b of OPEN_BATCHES)
  add(b === 'blind' ? 'open1' : b.replace('blind', 'open'), loadBlindHistories(b));

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
if (args.has('--json')) {
  const out = Object.fromEntries(
    rows.map(({ name, e }) => [
      name,
      {
        p: e.precision,
        r: e.recall,
        f1: e.f1,
        freq: Object.fromEntries(Object.entries(e.perFrequency).map(([f, x]) => [f, x.f1])),
      },
    ]),
  );
  console.log(JSON.stringify(out, null, 1));
} else {
  console.log(
    `${'set'.padEnd(12)} ${'true'.padStart(4)} ${'det'.padStart(4)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}  ${FREQUENCIES.map((f) => `${f.slice(0, 5)} F1 (R)`.padStart(20)).join('')}  freq% act% type%`,
  );
  for (const { name, e } of rows) {
    const perF = FREQUENCIES.map((f) => {
      const x = e.perFrequency[f];
      if (!x || (x.trueStreams === 0 && x.detected === 0)) return '—'.padStart(20);
      return `${pct(x.f1)} (${pct(x.recall)}) ${String(x.trueStreams).padStart(3)}`.padStart(20);
    }).join('');
    console.log(
      `${name.padEnd(12)} ${String(e.trueStreams).padStart(4)} ${String(e.detectedStreams).padStart(4)} ${pct(e.precision)} ${pct(e.recall)} ${pct(e.f1)}  ${perF}  ${pct(e.frequencyAccuracy)} ${pct(e.activeAccuracy)} ${pct(e.amountTypeAccuracy)}`,
    );
  }
  // Pooled over the open batches: every true stream and detection counted once.
  const open = rows.filter((r) => r.name.startsWith('open'));
  const sum = (k: 'trueStreams' | 'detectedStreams' | 'matched'): number =>
    open.reduce((s, r) => s + r.e[k], 0);
  const P = sum('matched') / sum('detectedStreams');
  const R = sum('matched') / sum('trueStreams');
  const pooled = FREQUENCIES.map((f) => {
    let t = 0;
    let d = 0;
    let rc = 0;
    let pr = 0;
    for (const r of open) {
      const x = r.e.perFrequency[f];
      if (!x) continue;
      t += x.trueStreams;
      d += x.detected;
      rc += x.recalled;
      pr += x.precise;
    }
    const p = d ? pr / d : 1;
    const rr = t ? rc / t : 1;
    return `${f} ${pct(p + rr ? (2 * p * rr) / (p + rr) : 0)} (P${pct(p)} R${pct(rr)} n=${t})`;
  });
  console.log(
    `open pooled  P ${pct(P)} R ${pct(R)} F1 ${pct((2 * P * R) / (P + R))}; mean F1 ${pct(open.reduce((s, r) => s + r.e.f1, 0) / open.length)}`,
  );
  for (const p of pooled) console.log(`  ${p}`);
  if (args.has('--misses')) {
    for (const { name, e } of rows) {
      if (!e.misses.length) continue;
      console.log(`\n== ${name}`);
      for (const m of e.misses)
        console.log(`  ${m.history} ${m.kind.padEnd(11)} ${m.description} — ${m.detail}`);
    }
  }
}
