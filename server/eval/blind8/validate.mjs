// Validates categorize-blind.tsv and recurring-blind.json against FORMAT.md / LABELLING.md rules.
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
const DIR = process.argv[2] || path.dirname(url.fileURLToPath(import.meta.url));
const errs = []; const E = m => { if (errs.length < 200) errs.push(m); else if (errs.length === 200) errs.push('…more'); };
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const RENT = /kirij|stanarin|zakup|кириј|станарин|закуп/i;
// ---- TSV
const tsv = fs.readFileSync(path.join(DIR, 'categorize-blind.tsv'), 'utf8');
if (!tsv.endsWith('\n')) E('tsv: no trailing newline');
const lines = tsv.slice(0, -1).split('\n'); const per = {};
lines.forEach((l, i) => {
  const f = l.split('\t'); if (f.length !== 3) return E(`tsv ${i + 1}: ${f.length} fields`);
  const [d, a, c] = f;
  if (!d || d !== d.trim()) E(`tsv ${i + 1}: description empty/untrimmed`);
  if (!/^-?\d+\.\d{2}$/.test(a) || Number(a) === 0) E(`tsv ${i + 1}: bad amount ${a}`);
  if (!CATS.includes(c)) E(`tsv ${i + 1}: bad category ${c}`);
  if (Number(a) > 0 && !['salary', 'transfer'].includes(c)) E(`tsv ${i + 1}: credit labelled ${c}`);
  if (c === 'salary' && Number(a) < 0) E(`tsv ${i + 1}: salary debit`);
  if (c === 'rent' && !RENT.test(d)) E(`tsv ${i + 1}: rent without rent word`);
  per[c] = (per[c] || 0) + 1;
});
if (lines.length < 1200) E(`tsv: only ${lines.length} rows`);
for (const c of CATS) if ((per[c] || 0) < 80) E(`tsv: category ${c} has ${per[c] || 0} rows`);
// ---- JSON
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const H = JSON.parse(fs.readFileSync(path.join(DIR, 'recurring-blind.json'), 'utf8'));
if (!Array.isArray(H) || H.length < 50) E('json: fewer than 50 histories');
const hids = new Set(), tids = new Set(); const isoRe = /^\d{4}-\d{2}-\d{2}$/;
const day = s => Date.parse(s + 'T00:00:00Z') / 86400000;
const fcount = {};
for (const h of H) {
  if (hids.has(h.id)) E(`dup history ${h.id}`); hids.add(h.id);
  if (!isoRe.test(h.today) || isNaN(day(h.today))) E(`${h.id}: bad today`);
  if (typeof h.note !== 'string' || !h.note) E(`${h.id}: note`);
  const T = h.transactions; const byId = new Map();
  let prev = ''; let seenPending = false, nPend = 0;
  for (const t of T) {
    if (tids.has(t.id)) E(`dup tx ${t.id}`); tids.add(t.id); byId.set(t.id, t);
    if (!isoRe.test(t.date) || isNaN(day(t.date))) E(`${t.id}: bad date`);
    if (t.date > h.today) E(`${t.id}: after today`);
    if (t.date < prev) E(`${t.id}: not sorted`); prev = t.date;
    if (!Number.isInteger(t.amount) || t.amount === 0) E(`${t.id}: bad amount`);
    if (typeof t.description !== 'string' || !t.description.trim() || t.description !== t.description.trim()) E(`${t.id}: description`);
    if (!CATS.includes(t.category)) E(`${t.id}: category`);
    if (t.amount > 0 && !['salary', 'transfer'].includes(t.category)) E(`${t.id}: credit labelled ${t.category}`);
    if (t.category === 'salary' && t.amount < 0) E(`${t.id}: salary debit`);
    if (t.category === 'rent' && !RENT.test(t.description)) E(`${t.id}: rent without rent word`);
    if (typeof t.pending !== 'boolean') E(`${t.id}: pending`);
    if (t.pending) { seenPending = true; nPend++; } else if (seenPending) E(`${t.id}: non-pending after pending`);
  }
  if (nPend < 1 || nPend > 8) E(`${h.id}: ${nPend} pending`);
  const span = (day(h.today) - day(T[0].date)) / 30.44;
  if (span < 7 || span > 36.9) E(`${h.id}: span ${span.toFixed(1)} months`);
  const used = new Set();
  h.streams.forEach((s, k) => {
    const sid = `${h.id} stream ${k}`;
    if (!['outgoing', 'incoming'].includes(s.direction)) E(`${sid}: direction`);
    if (!PER[s.frequency]) E(`${sid}: frequency`); fcount[s.frequency] = (fcount[s.frequency] || 0) + 1;
    if (!CATS.includes(s.category)) E(`${sid}: category`);
    const M = s.transaction_ids.map(id => byId.get(id));
    if (M.some(x => !x)) return E(`${sid}: unknown member`);
    for (const id of s.transaction_ids) { if (used.has(id)) E(`${sid}: ${id} in two streams`); used.add(id); }
    if (M.length < MINM[s.frequency]) E(`${sid}: ${M.length} members < min`);
    for (const t of M) { if (t.pending) E(`${sid}: pending member ${t.id}`); if (t.category !== s.category) E(`${sid}: member category ${t.category}`); if ((t.amount < 0) !== (s.direction === 'outgoing')) E(`${sid}: sign ${t.id}`); }
    const amts = new Set(M.map(t => t.amount)); const at = amts.size === 1 ? 'fixed' : 'variable'; if (s.amount_type !== at) E(`${sid}: amount_type should be ${at}`);
    const ds = M.map(t => day(t.date)).sort((a, b) => a - b); const g = []; for (let i = 1; i < ds.length; i++) g.push(ds[i] - ds[i - 1]);
    const gs = [...g].sort((a, b) => a - b); const n = gs.length; const med = n % 2 ? gs[(n - 1) / 2] : (gs[n / 2 - 1] + gs[n / 2]) / 2; const P = PER[s.frequency];
    if (med < 0.75 * P || med > 1.3 * P) E(`${sid}: median gap ${med} for ${s.frequency}`);
    const since = day(h.today) - ds[ds.length - 1]; const act = since <= 1.5 * P;
    if (s.is_active !== act) E(`${sid}: is_active should be ${act}`);
    if (since > 1.5 * P && since < 2.6 * P) E(`${sid}: ambiguous stop (${(since / P).toFixed(2)} periods)`);
  });
}
const nS = Object.values(fcount).reduce((a, b) => a + b, 0);
console.log(`tsv rows ${lines.length}; histories ${H.length}; streams ${nS} ${JSON.stringify(fcount)}`);
if (errs.length) { console.log(errs.join('\n')); console.log(`${errs.length} error(s)`); process.exit(1); }
console.log('OK: no errors');
