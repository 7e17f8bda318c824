// node validate.mjs [dir] — checks FORMAT.md rules and LABELLING.md hard rules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const DIR = path.resolve(process.argv[2] || path.dirname(fileURLToPath(import.meta.url)));
const errs = [];
const E = (m) => { if (errs.length < 200) errs.push(m); else if (errs.length === 200) errs.push('... more errors'); };
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const RENT = /(kirij|stanarin|zakup|кириј|станарин|закуп)/i;
const PER = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const D = (s) => Date.parse(s + 'T00:00:00Z') / 86400000;
for (const f of ['SPEC.md', 'generate.mjs', 'validate.mjs', 'categorize-blind.tsv', 'recurring-blind.json', 'summary.json', 'README.md']) if (!fs.existsSync(path.join(DIR, f))) E(`missing file ${f}`);
function labelRules(where, desc, amount, cat) {
  if (!CATS.includes(cat)) E(`${where}: bad category ${cat}`);
  if (amount > 0 && cat !== 'salary' && cat !== 'transfer') E(`${where}: credit labelled ${cat}`);
  if (cat === 'salary' && !(amount > 0)) E(`${where}: salary debit`);
  if (cat === 'rent' && !RENT.test(desc)) E(`${where}: rent without rent word: ${desc}`);
}
// ---- TSV ----
try {
  const raw = fs.readFileSync(path.join(DIR, 'categorize-blind.tsv'), 'utf8');
  if (!raw.endsWith('\n')) E('tsv: no trailing newline');
  if (raw.charCodeAt(0) === 0xfeff) E('tsv: BOM');
  const lines = raw.slice(0, -1).split('\n');
  const seen = new Set(); const per = {};
  lines.forEach((l, i) => {
    const w = `tsv line ${i + 1}`;
    const p = l.split('\t');
    if (p.length !== 3) { E(`${w}: ${p.length} fields`); return; }
    const [desc, amt, cat] = p;
    if (!desc || desc !== desc.trim()) E(`${w}: empty or untrimmed description`);
    if (/[\r\n]/.test(desc)) E(`${w}: newline in description`);
    if (seen.has(desc)) E(`${w}: duplicate description ${desc}`); seen.add(desc);
    if (!/^-?\d+\.\d{2}$/.test(amt)) E(`${w}: bad amount ${amt}`);
    const a = Number(amt); if (!a) E(`${w}: zero amount`);
    labelRules(w, desc, a, cat);
    per[cat] = (per[cat] || 0) + 1;
  });
  if (lines.length < 1300) E(`tsv: only ${lines.length} rows (<1300)`);
  for (const c of CATS) if ((per[c] || 0) < 100) E(`tsv: ${c} has ${per[c] || 0} rows (<100)`);
} catch (e) { E('tsv: ' + e.message); }
// ---- recurring ----
let H = [];
try { H = JSON.parse(fs.readFileSync(path.join(DIR, 'recurring-blind.json'), 'utf8')); } catch (e) { E('json: ' + e.message); }
if (!Array.isArray(H)) { E('json: not an array'); H = []; }
if (H.length < 60) E(`json: only ${H.length} histories (<60)`);
const hids = new Set(), tids = new Set();
const fq = {}; let nStreams = 0, long = 0;
for (const h of H) {
  const w = `history ${h.id}`;
  if (hids.has(h.id)) E(`${w}: duplicate id`); hids.add(h.id);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(h.today)) E(`${w}: bad today`);
  if (typeof h.note !== 'string' || !h.note) E(`${w}: no note`);
  const T = h.transactions || [], today = D(h.today);
  if (!T.length) { E(`${w}: no transactions`); continue; }
  const byId = new Map();
  let prev = -Infinity, seenPending = false, nPending = 0;
  T.forEach((t, i) => {
    const tw = `${w} tx ${t.id}`;
    if (tids.has(t.id)) E(`${tw}: duplicate id`); tids.add(t.id); byId.set(t.id, t);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t.date) || isNaN(D(t.date))) E(`${tw}: bad date`);
    const d = D(t.date);
    if (d > today) E(`${tw}: after today`);
    if (d < prev) E(`${tw}: not sorted`); prev = d;
    if (!Number.isInteger(t.amount) || t.amount === 0) E(`${tw}: bad amount ${t.amount}`);
    if (typeof t.description !== 'string' || !t.description || t.description !== t.description.trim()) E(`${tw}: bad description`);
    if (typeof t.pending !== 'boolean') E(`${tw}: pending not boolean`);
    if (t.pending) { seenPending = true; nPending++; } else if (seenPending) E(`${tw}: booked after pending`);
    labelRules(tw, t.description, t.amount, t.category);
  });
  if (nPending < 1 || nPending > 8) E(`${w}: ${nPending} pending (need 1-8)`);
  const span = (today - D(T[0].date)) / 30.44;
  if (span < 7 || span > 36.9) E(`${w}: span ${span.toFixed(1)} months`);
  if (span >= 24) long++;
  const inStream = new Set();
  for (const [si, s] of (h.streams || []).entries()) {
    const sw = `${w} stream ${si}`; nStreams++;
    if (!PER[s.frequency]) { E(`${sw}: bad frequency`); continue; }
    fq[s.frequency] = (fq[s.frequency] || 0) + 1;
    if (!['incoming', 'outgoing'].includes(s.direction)) E(`${sw}: bad direction`);
    if (!['fixed', 'variable'].includes(s.amount_type)) E(`${sw}: bad amount_type`);
    if (!CATS.includes(s.category)) E(`${sw}: bad category`);
    if (typeof s.is_active !== 'boolean') E(`${sw}: bad is_active`);
    const M = [];
    for (const id of s.transaction_ids || []) {
      const t = byId.get(id);
      if (!t) { E(`${sw}: unknown member ${id}`); continue; }
      if (inStream.has(id)) E(`${sw}: ${id} in two streams`); inStream.add(id);
      if (t.pending) E(`${sw}: pending member ${id}`);
      if (t.category !== s.category) E(`${sw}: member ${id} category ${t.category} != ${s.category}`);
      if ((t.amount > 0) !== (s.direction === 'incoming')) E(`${sw}: member ${id} sign vs direction`);
      M.push(t);
    }
    if (M.length < MINM[s.frequency]) { E(`${sw}: ${M.length} members < ${MINM[s.frequency]}`); continue; }
    const ds = M.map((t) => D(t.date));
    for (let i = 1; i < ds.length; i++) if (ds[i] < ds[i - 1]) E(`${sw}: members not in date order`);
    const gaps = []; for (let i = 1; i < ds.length; i++) gaps.push(ds[i] - ds[i - 1]); gaps.sort((a, b) => a - b);
    const med = gaps.length % 2 ? gaps[(gaps.length - 1) / 2] : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
    const P = PER[s.frequency];
    if (med < 0.75 * P || med > 1.3 * P) E(`${sw}: median gap ${med} outside 0.75-1.3 x ${P}`);
    const fixed = M.every((t) => t.amount === M[0].amount);
    if ((s.amount_type === 'fixed') !== fixed) E(`${sw}: amount_type ${s.amount_type} but fixed=${fixed}`);
    const since = today - ds[ds.length - 1];
    const act = since <= 1.5 * P;
    if (s.is_active !== act) E(`${sw}: is_active ${s.is_active} but last member ${since} days ago`);
    if (!act && since < 2.6 * P) E(`${sw}: ambiguous stop (${since} days, period ${P})`);
  }
}
if (H.length && long / H.length < 0.6) E(`json: only ${long}/${H.length} histories are 24-36 months`);
if (nStreams < 900) E(`json: only ${nStreams} streams (<900)`);
for (const [f, n] of Object.entries({ quarterly: 110, annually: 100, weekly: 50, biweekly: 50 })) if ((fq[f] || 0) < n) E(`json: ${fq[f] || 0} ${f} streams (<${n})`);
// ---- summary ----
try {
  const S = JSON.parse(fs.readFileSync(path.join(DIR, 'summary.json'), 'utf8'));
  if (S.recurring.histories !== H.length) E('summary: histories mismatch');
  if (S.recurring.streams !== nStreams) E('summary: streams mismatch');
  for (const f of Object.keys(PER)) if ((S.recurring.per_frequency[f] || 0) !== (fq[f] || 0)) E(`summary: ${f} mismatch`);
  if (S.recurring.transactions !== tids.size) E('summary: transactions mismatch');
} catch (e) { E('summary: ' + e.message); }
if (errs.length) { console.log(errs.join('\n')); console.log(`FAILED: ${errs.length} error(s)`); process.exit(1); }
console.log(`OK: no errors (${H.length} histories, ${nStreams} streams, ${tids.size} transactions)`);
