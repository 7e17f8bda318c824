// node validate.mjs [dir] — checks FORMAT.md and LABELLING.md hard rules
import fs from 'node:fs'; import path from 'node:path';
const DIR = process.argv[2] || path.dirname(new URL(import.meta.url).pathname);
const errs = []; const E = (m) => { if (errs.length < 200) errs.push(m); else if (errs.length === 200) errs.push('...more'); };
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const RENT = /kirij|stanarin|zakup|кириј|станарин|закуп/i;
const catRules = (desc, amt, cat, where) => {
  if (!CATS.includes(cat)) E(`${where}: bad category ${cat}`);
  if (amt > 0 && cat !== 'salary' && cat !== 'transfer') E(`${where}: credit labelled ${cat}`);
  if (cat === 'salary' && amt < 0) E(`${where}: salary debit`);
  if (cat === 'rent' && !RENT.test(desc)) E(`${where}: rent without rent word`);
  // LABELLING hard heuristics
  if (/^(Naknada za vo|Provizija|Članarina za karticu|Rata kredita)/i.test(desc) && cat !== 'transfer') E(`${where}: fee/loan not transfer`);
  if (/(ATM|bankomat|банкомат)/i.test(desc) && !/naknada/i.test(desc) && cat !== 'transfer') E(`${where}: ATM not transfer`);
};
for (const f of ['SPEC.md', 'generate.mjs', 'validate.mjs', 'categorize-blind.tsv', 'recurring-blind.json', 'summary.json', 'README.md']) if (!fs.existsSync(path.join(DIR, f))) E(`missing file ${f}`);
// ---- TSV ----
const tsv = fs.readFileSync(path.join(DIR, 'categorize-blind.tsv'), 'utf8');
if (!tsv.endsWith('\n')) E('tsv: no trailing newline');
const lines = tsv.slice(0, -1).split('\n'); const seen = new Set(); const per = {};
lines.forEach((l, i) => {
  const f = l.split('\t'); const w = `tsv line ${i + 1}`;
  if (f.length !== 3) return E(`${w}: ${f.length} fields`);
  const [d, a, c] = f;
  if (!d || d !== d.trim()) E(`${w}: description empty/untrimmed`);
  if (seen.has(d)) E(`${w}: duplicate description`); seen.add(d);
  if (!/^-?\d+\.\d\d$/.test(a) || Number(a) === 0) E(`${w}: bad amount ${a}`);
  catRules(d, Number(a), c, w); per[c] = (per[c] || 0) + 1;
});
if (lines.length < 1300) E(`tsv: only ${lines.length} rows (<1300)`);
for (const c of CATS) if ((per[c] || 0) < 100) E(`tsv: ${c} has ${per[c] || 0} rows (<100)`);
// ---- JSON ----
const H = JSON.parse(fs.readFileSync(path.join(DIR, 'recurring-blind.json'), 'utf8'));
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const dn = (s) => Date.parse(s + 'T00:00:00Z') / 86400000;
const DRE = /^\d{4}-\d\d-\d\d$/;
if (!Array.isArray(H) || H.length < 60) E(`json: ${H.length} histories (<60)`);
const hids = new Set(), tids = new Set(); const fq = {}; let nStreams = 0, long = 0;
for (const h of H) {
  if (hids.has(h.id)) E(`dup history ${h.id}`); hids.add(h.id);
  if (!DRE.test(h.today)) E(`${h.id}: bad today`);
  if (typeof h.note !== 'string' || !h.note) E(`${h.id}: no note`);
  const T = h.transactions, byId = new Map(); const today = dn(h.today);
  let prev = -Infinity, seenPending = false, nPend = 0;
  T.forEach((t, k) => {
    const w = `${h.id}/${t.id}`;
    if (tids.has(t.id)) E(`dup tx id ${t.id}`); tids.add(t.id); byId.set(t.id, t);
    if (!DRE.test(t.date) || isNaN(dn(t.date))) E(`${w}: bad date`);
    if (dn(t.date) > today) E(`${w}: after today`);
    if (dn(t.date) < prev) E(`${w}: not sorted`); prev = dn(t.date);
    if (!Number.isInteger(t.amount) || t.amount === 0) E(`${w}: bad amount`);
    if (typeof t.description !== 'string' || !t.description.trim() || t.description !== t.description.trim()) E(`${w}: bad description`);
    if (typeof t.pending !== 'boolean') E(`${w}: pending not boolean`);
    if (t.pending) { seenPending = true; nPend++; } else if (seenPending) E(`${w}: booked after pending`);
    catRules(t.description, t.amount, t.category, w);
  });
  if (nPend < 1 || nPend > 8) E(`${h.id}: ${nPend} pending`);
  const span = (today - dn(T[0].date)) / 30.44;
  if (span < 7 || span > 36.9) E(`${h.id}: span ${span.toFixed(1)} months`);
  if (span >= 24) long++;
  const used = new Set();
  h.streams.forEach((s, si) => {
    const w = `${h.id} stream ${si}`; nStreams++; fq[s.frequency] = (fq[s.frequency] || 0) + 1;
    if (!['incoming', 'outgoing'].includes(s.direction)) E(`${w}: bad direction`);
    if (!PER[s.frequency]) return E(`${w}: bad frequency`);
    if (!['fixed', 'variable'].includes(s.amount_type)) E(`${w}: bad amount_type`);
    if (!CATS.includes(s.category)) E(`${w}: bad category`);
    const M = s.transaction_ids.map((id) => byId.get(id));
    if (M.some((m) => !m)) return E(`${w}: unknown member id`);
    if (M.length < MINM[s.frequency]) E(`${w}: ${M.length} members < min`);
    for (const m of M) {
      if (used.has(m.id)) E(`${w}: ${m.id} in two streams`); used.add(m.id);
      if (m.pending) E(`${w}: pending member ${m.id}`);
      if (m.category !== s.category) E(`${w}: member category ${m.category} != ${s.category}`);
      if ((m.amount > 0) !== (s.direction === 'incoming')) E(`${w}: member sign vs direction`);
    }
    const ds = M.map((m) => dn(m.date)).sort((a, b) => a - b);
    const gaps = ds.slice(1).map((d, i) => d - ds[i]).sort((a, b) => a - b);
    const n = gaps.length, med = n % 2 ? gaps[(n - 1) / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
    const P = PER[s.frequency];
    if (med < 0.75 * P || med > 1.3 * P) E(`${w}: median gap ${med} vs period ${P}`);
    const fixed = M.every((m) => m.amount === M[0].amount);
    if ((s.amount_type === 'fixed') !== fixed) E(`${w}: amount_type wrong`);
    const gap = today - ds[ds.length - 1];
    if (gap > 1.5 * P && gap < 2.6 * P) E(`${w}: ambiguous activity gap ${gap}`);
    if (s.is_active !== (gap <= 1.5 * P)) E(`${w}: is_active wrong (gap ${gap})`);
  });
}
if (long < H.length / 2) E(`only ${long} histories >= 24 months`);
if (nStreams < 900) E(`only ${nStreams} streams`);
for (const [f, m] of [['quarterly', 110], ['annually', 100], ['weekly', 50], ['biweekly', 50]]) if ((fq[f] || 0) < m) E(`${f}: ${fq[f] || 0} < ${m}`);
const inact = H.flatMap((h) => h.streams).filter((s) => !s.is_active).length; if (!inact) E('no inactive streams');
// summary consistency
const S = JSON.parse(fs.readFileSync(path.join(DIR, 'summary.json'), 'utf8'));
if (S.categorize.rows !== lines.length) E('summary rows mismatch');
if (S.recurring.streams !== nStreams || S.recurring.histories !== H.length) E('summary streams/histories mismatch');
if (errs.length) { console.log(errs.join('\n')); console.log(`FAIL: ${errs.length} error(s)`); process.exit(1); }
console.log(`OK: no errors (${lines.length} rows, ${H.length} histories, ${nStreams} streams)`);
