// Validation pass for batch 6: checks every convention of FORMAT.md. Exit code 1 on any error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const DIR = process.argv[2] || path.dirname(fileURLToPath(import.meta.url));
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const PERIOD = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const errs = []; const warn = [];
const err = (m) => { if (errs.length < 200) errs.push(m); };
const day = (s) => Date.parse(s + 'T00:00:00Z') / 86400000;

// ---- categorize-blind.tsv ----
const tsv = fs.readFileSync(path.join(DIR, 'categorize-blind.tsv'), 'utf8');
if (!tsv.endsWith('\n')) err('tsv: no trailing newline');
const lines = tsv.split('\n').slice(0, -1);
if (lines.length < 1200) err(`tsv: only ${lines.length} rows`);
const seenDesc = new Set();
lines.forEach((l, i) => {
  const f = l.split('\t');
  if (f.length !== 3) return err(`tsv line ${i + 1}: ${f.length} fields`);
  const [d, a, c] = f;
  if (!d.trim() || d !== d.trim()) err(`tsv line ${i + 1}: bad description`);
  if (!/^-?\d+\.\d{2}$/.test(a)) err(`tsv line ${i + 1}: bad amount ${a}`);
  if (Number(a) === 0) err(`tsv line ${i + 1}: zero amount`);
  if (!CATS.includes(c)) err(`tsv line ${i + 1}: bad category ${c}`);
  if (Number(a) > 0 && !['salary', 'transfer'].includes(c)) err(`tsv line ${i + 1}: credit labelled ${c}`);
  if (c === 'salary' && Number(a) < 0) err(`tsv line ${i + 1}: salary debit`);
  if (c === 'rent' && !/kirij|stanarin|zakup|кириј|станарин|закуп/i.test(d)) err(`tsv line ${i + 1}: rent without rent word: ${d}`);
  if (seenDesc.has(d)) warn.push(`tsv duplicate description: ${d}`); seenDesc.add(d);
});

// ---- recurring-blind.json ----
const H = JSON.parse(fs.readFileSync(path.join(DIR, 'recurring-blind.json'), 'utf8'));
if (!Array.isArray(H) || H.length < 50) err(`json: ${H.length} histories (<50)`);
const cnt = { weekly: 0, biweekly: 0, monthly: 0, quarterly: 0, annually: 0 };
const hids = new Set();
for (const h of H) {
  if (hids.has(h.id)) err(`dup history id ${h.id}`); hids.add(h.id);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(h.today)) err(`${h.id}: bad today`);
  if (typeof h.note !== 'string' || !h.note) err(`${h.id}: no note`);
  const T = day(h.today); const txs = h.transactions; const byId = new Map();
  let prev = -Infinity; let seenPending = false;
  for (const t of txs) {
    const keys = Object.keys(t).sort().join(',');
    if (keys !== 'amount,category,date,description,id,pending') err(`${t.id}: keys ${keys}`);
    if (byId.has(t.id)) err(`${h.id}: dup tx id ${t.id}`); byId.set(t.id, t);
    if (!t.id.startsWith(h.id + '-')) err(`${t.id}: id prefix`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t.date) || isNaN(day(t.date))) err(`${t.id}: bad date`);
    const d = day(t.date); if (d < prev) err(`${t.id}: not sorted`); prev = d;
    if (d > T) err(`${t.id}: after today`);
    if (!Number.isInteger(t.amount) || t.amount === 0) err(`${t.id}: amount ${t.amount}`);
    if (!CATS.includes(t.category)) err(`${t.id}: category ${t.category}`);
    if (t.amount > 0 && !['salary', 'transfer'].includes(t.category)) err(`${t.id}: credit labelled ${t.category}`);
    if (t.category === 'salary' && t.amount < 0) err(`${t.id}: salary debit`);
    if (typeof t.pending !== 'boolean') err(`${t.id}: pending not boolean`);
    if (t.pending) seenPending = true; else if (seenPending) err(`${t.id}: settled after a pending transaction`);
    if (typeof t.description !== 'string' || !t.description.trim()) err(`${t.id}: empty description`);
    if (t.category === 'rent' && !/kirij|stanarin|zakup|кириј|станарин|закуп/i.test(t.description)) err(`${t.id}: rent without rent word: ${t.description}`);
  }
  const npend = txs.filter((t) => t.pending).length;
  if (npend < 1 || npend > 8) err(`${h.id}: ${npend} pending`);
  const span = (T - day(txs[0].date)) / 30.44;
  if (span < 6.5 || span > 36.6) err(`${h.id}: span ${span.toFixed(1)} months`);
  const used = new Set();
  for (const [si, s] of h.streams.entries()) {
    const tag = `${h.id} stream ${si}`;
    if (!['outgoing', 'incoming'].includes(s.direction)) err(`${tag}: direction`);
    if (!(s.frequency in PERIOD)) { err(`${tag}: frequency ${s.frequency}`); continue; }
    cnt[s.frequency]++;
    if (!CATS.includes(s.category)) err(`${tag}: category`);
    const ids = s.transaction_ids; const ms = ids.map((id) => byId.get(id));
    if (ms.some((m) => !m)) { err(`${tag}: unknown ids`); continue; }
    if (ms.length < MINM[s.frequency]) err(`${tag}: ${ms.length} members < ${MINM[s.frequency]}`);
    for (const id of ids) { if (used.has(id)) err(`${tag}: ${id} in two streams`); used.add(id); }
    for (const m of ms) {
      if (m.pending) err(`${tag}: pending member ${m.id}`);
      if (m.category !== s.category) err(`${tag}: member ${m.id} category ${m.category} != ${s.category}`);
      if ((s.direction === 'outgoing') !== (m.amount < 0)) err(`${tag}: member ${m.id} sign vs direction`);
    }
    const ds = ms.map((m) => day(m.date));
    for (let i = 1; i < ds.length; i++) if (ds[i] < ds[i - 1]) err(`${tag}: member ids not in date order`);
    const amts = ms.map((m) => m.amount);
    const at = amts.every((a) => a === amts[0]) ? 'fixed' : 'variable';
    if (s.amount_type !== at) err(`${tag}: amount_type ${s.amount_type} != ${at}`);
    const P = PERIOD[s.frequency]; const last = Math.max(...ds); const gap = T - last;
    const act = T <= last + 1.5 * P;
    if (s.is_active !== act) err(`${tag}: is_active ${s.is_active} != ${act}`);
    if (!act && gap < 2.6 * P) err(`${tag}: inactive in exclusion zone (gap ${gap} days, ${(gap / P).toFixed(2)} periods)`);
    // regularity sanity: median gap close to period
    const gaps = ds.slice(1).map((d, i) => d - ds[i]).sort((a, b) => a - b);
    const med = gaps[Math.floor(gaps.length / 2)];
    if (med < 0.75 * P || med > 1.3 * P) err(`${tag}: median gap ${med} for ${s.frequency}`);
    if (gaps[0] < 0.4 * P) warn.push(`${tag}: min gap ${gaps[0]} for ${s.frequency}`);
  }
}
const need = { weekly: 40, biweekly: 30, monthly: 400, quarterly: 70, annually: 60 };
for (const [f, n] of Object.entries(need)) if (cnt[f] < n) err(`only ${cnt[f]} ${f} streams (< ${n})`);
console.log('stream counts', JSON.stringify(cnt));
console.log(`warnings: ${warn.length}`); warn.slice(0, 15).forEach((w) => console.log('  W', w));
if (errs.length) { console.log(`ERRORS: ${errs.length}`); errs.forEach((e) => console.log('  E', e)); process.exit(1); }
console.log('OK: all checks passed');
