// Validator for blind batch 7. Usage: node validate.mjs [dir]  — exits 1 on any error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = process.argv[2] || path.dirname(fileURLToPath(import.meta.url));
const errors = [];
const warnings = [];
const err = (m) => { if (errors.length < 200) errors.push(m); else if (errors.length === 200) errors.push('… more errors'); };
const CATS = ['groceries', 'rent', 'dining', 'utilities', 'transport', 'entertainment', 'subscriptions', 'salary', 'transfer'];
const FREQS = { weekly: 7, biweekly: 14, monthly: 30.44, quarterly: 91.3, annually: 365.25 };
const MINM = { weekly: 6, biweekly: 6, monthly: 4, quarterly: 3, annually: 2 };
const RENT_RE = /kirij|stanarin|zakup|кириј|станарин|закуп/i;
const DAY = 86400000;
const isoOk = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s;
const dayOf = (s) => Date.parse(s + 'T00:00:00Z') / DAY;

// ---------------------------------------------------------------- files present
for (const f of ['SPEC.md', 'generate.mjs', 'validate.mjs', 'categorize-blind.tsv', 'recurring-blind.json', 'summary.json', 'README.md']) {
  if (!fs.existsSync(path.join(DIR, f))) (f === 'README.md' ? warnings : errors).push(`missing file ${f}`);
}

// ---------------------------------------------------------------- categorize-blind.tsv
const tsv = fs.readFileSync(path.join(DIR, 'categorize-blind.tsv'), 'utf8');
if (!tsv.endsWith('\n')) err('tsv: no trailing newline');
if (tsv.charCodeAt(0) === 0xfeff) err('tsv: BOM');
const lines = tsv.replace(/\n$/, '').split('\n');
const catCount = Object.fromEntries(CATS.map((c) => [c, 0]));
const seenDesc = new Set();
lines.forEach((line, i) => {
  const p = line.split('\t');
  if (p.length !== 3) return err(`tsv line ${i + 1}: expected 3 fields, got ${p.length}`);
  const [d, a, c] = p;
  if (!d || d !== d.trim()) err(`tsv line ${i + 1}: description empty or not trimmed`);
  if (/\r/.test(line)) err(`tsv line ${i + 1}: CR`);
  if (!/^-?\d+\.\d{2}$/.test(a)) err(`tsv line ${i + 1}: amount format ${a}`);
  const v = Number(a);
  if (v === 0) err(`tsv line ${i + 1}: zero amount`);
  if (!CATS.includes(c)) err(`tsv line ${i + 1}: bad category ${c}`);
  else catCount[c]++;
  if (v > 0 && !['salary', 'transfer'].includes(c)) err(`tsv line ${i + 1}: credit labelled ${c}`);
  if (c === 'salary' && v < 0) err(`tsv line ${i + 1}: salary debit`);
  if (c === 'rent' && !RENT_RE.test(d)) err(`tsv line ${i + 1}: rent row without rent word`);
  if (/undefined|NaN|\[object|null/.test(d)) err(`tsv line ${i + 1}: junk text ${d}`);
  if (seenDesc.has(d)) warnings.push(`tsv line ${i + 1}: duplicate description`);
  seenDesc.add(d);
});
if (lines.length < 1200) err(`tsv: only ${lines.length} rows (< 1200)`);
for (const c of CATS) if (catCount[c] < 70) err(`tsv: category ${c} has ${catCount[c]} rows (< 70)`);

// ---------------------------------------------------------------- recurring-blind.json
const hist = JSON.parse(fs.readFileSync(path.join(DIR, 'recurring-blind.json'), 'utf8'));
if (!Array.isArray(hist)) err('json: not an array');
if (hist.length < 50) err(`json: only ${hist.length} histories (< 50)`);
const hids = new Set();
const allTx = new Set();
const freqCount = Object.fromEntries(Object.keys(FREQS).map((f) => [f, 0]));
let act = 0, inact = 0, nStreams = 0;
for (const h of hist) {
  const H = `history ${h.id}`;
  if (typeof h.id !== 'string' || !h.id) err(`${H}: bad id`);
  if (hids.has(h.id)) err(`${H}: duplicate history id`);
  hids.add(h.id);
  if (!isoOk(h.today)) { err(`${H}: bad today`); continue; }
  if (typeof h.note !== 'string' || !h.note) err(`${H}: missing note`);
  if (!Array.isArray(h.transactions) || !Array.isArray(h.streams)) { err(`${H}: transactions/streams not arrays`); continue; }
  const today = dayOf(h.today);
  const byId = new Map();
  let prev = -Infinity, firstPendingIdx = -1, nPending = 0;
  h.transactions.forEach((t, i) => {
    const T = `${H} tx ${t.id}`;
    if (typeof t.id !== 'string' || !t.id) err(`${T}: bad id`);
    if (allTx.has(t.id) || byId.has(t.id)) err(`${T}: duplicate transaction id`);
    allTx.add(t.id); byId.set(t.id, t);
    const keys = Object.keys(t).sort().join(',');
    if (keys !== 'amount,category,date,description,id,pending') err(`${T}: keys ${keys}`);
    if (!isoOk(t.date)) return err(`${T}: bad date ${t.date}`);
    const d = dayOf(t.date);
    if (d > today) err(`${T}: date after today`);
    if (d < prev) err(`${T}: not sorted by date`);
    prev = d;
    if (!Number.isInteger(t.amount) || t.amount === 0) err(`${T}: amount must be a non-zero integer (para)`);
    if (typeof t.description !== 'string' || !t.description.trim() || t.description !== t.description.trim()) err(`${T}: description empty / not trimmed`);
    if (/undefined|NaN|\[object|null/.test(t.description)) err(`${T}: junk text`);
    if (!CATS.includes(t.category)) err(`${T}: bad category ${t.category}`);
    if (t.amount > 0 && !['salary', 'transfer'].includes(t.category)) err(`${T}: credit labelled ${t.category}`);
    if (t.category === 'salary' && t.amount < 0) err(`${T}: salary debit`);
    if (t.category === 'rent' && !RENT_RE.test(t.description)) err(`${T}: rent without rent word`);
    if (typeof t.pending !== 'boolean') err(`${T}: pending not boolean`);
    if (t.pending) { nPending++; if (firstPendingIdx < 0) firstPendingIdx = i; }
    else if (firstPendingIdx >= 0) err(`${T}: non-pending transaction after a pending one`);
  });
  if (nPending < 1 || nPending > 8) err(`${H}: ${nPending} pending transactions (need 1–8)`);
  const dates = h.transactions.map((t) => dayOf(t.date));
  const spanM = (today - Math.min(...dates)) / 30.44;
  if (spanM < 7 - 0.5 || spanM > 36 + 0.5) err(`${H}: span ${spanM.toFixed(1)} months outside 7–36`);
  const used = new Set();
  h.streams.forEach((s, si) => {
    const S = `${H} stream ${si}`;
    nStreams++;
    if (!['outgoing', 'incoming'].includes(s.direction)) err(`${S}: bad direction`);
    if (!(s.frequency in FREQS)) return err(`${S}: bad frequency ${s.frequency}`);
    freqCount[s.frequency]++;
    if (!['fixed', 'variable'].includes(s.amount_type)) err(`${S}: bad amount_type`);
    if (!CATS.includes(s.category)) err(`${S}: bad category`);
    if (typeof s.is_active !== 'boolean') err(`${S}: is_active not boolean`);
    const keys = Object.keys(s).sort().join(',');
    if (keys !== 'amount_type,category,direction,frequency,is_active,transaction_ids') err(`${S}: keys ${keys}`);
    const mem = [];
    for (const id of s.transaction_ids || []) {
      const t = byId.get(id);
      if (!t) { err(`${S}: unknown member ${id}`); continue; }
      if (used.has(id)) err(`${S}: ${id} in more than one stream`);
      used.add(id);
      if (t.pending) err(`${S}: pending member ${id}`);
      if (t.category !== s.category) err(`${S}: member ${id} category ${t.category} != ${s.category}`);
      if ((s.direction === 'outgoing') !== (t.amount < 0)) err(`${S}: member ${id} sign does not match direction`);
      mem.push(t);
    }
    if (mem.length < MINM[s.frequency]) err(`${S}: ${mem.length} members < min ${MINM[s.frequency]} for ${s.frequency}`);
    if (!mem.length) return;
    const amts = mem.map((t) => t.amount);
    const fixed = amts.every((a) => a === amts[0]);
    if (fixed !== (s.amount_type === 'fixed')) err(`${S}: amount_type ${s.amount_type} but members ${fixed ? 'identical' : 'differ'}`);
    const md = mem.map((t) => dayOf(t.date)).sort((a, b) => a - b);
    const gaps = []; for (let i = 1; i < md.length; i++) gaps.push(md[i] - md[i - 1]);
    gaps.sort((a, b) => a - b);
    const med = gaps.length % 2 ? gaps[(gaps.length - 1) / 2] : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
    const per = FREQS[s.frequency];
    if (med < 0.75 * per || med > 1.3 * per) err(`${S}: median gap ${med} outside 0.75–1.3 × ${per}`);
    const lastD = md[md.length - 1];
    const shouldActive = today <= lastD + 1.5 * per;
    if (shouldActive !== s.is_active) err(`${S}: is_active ${s.is_active} but rule says ${shouldActive}`);
    const ratio = (today - lastD) / per;
    if (ratio > 1.5 && ratio <= 2.6) err(`${S}: ambiguous stop (${ratio.toFixed(2)} periods before today)`);
    if (s.is_active) act++; else inact++;
  });
}
if (nStreams < 1000) warnings.push(`only ${nStreams} streams (aim ≥ 1000)`);
const aims = { quarterly: 120, annually: 110, weekly: 60, biweekly: 45 };
for (const [f, n] of Object.entries(aims)) if (freqCount[f] < n) warnings.push(`${f}: ${freqCount[f]} streams (aim ≥ ${n})`);
if (hist.length < 60) warnings.push(`${hist.length} histories (aim ≥ 60)`);
if (lines.length < 1300) warnings.push(`${lines.length} tsv rows (aim ≥ 1300)`);

// ---------------------------------------------------------------- summary.json consistency
try {
  const sm = JSON.parse(fs.readFileSync(path.join(DIR, 'summary.json'), 'utf8'));
  for (const c of CATS) if (sm.categorize.per_category[c] !== catCount[c]) err(`summary: tsv count for ${c} differs`);
  for (const f of Object.keys(FREQS)) if (sm.recurring.per_frequency[f] !== freqCount[f]) err(`summary: frequency ${f} differs`);
  if (sm.recurring.active !== act || sm.recurring.inactive !== inact) err('summary: active/inactive differ');
} catch (e) { err('summary.json unreadable: ' + e.message); }

console.log(`tsv rows ${lines.length} ${JSON.stringify(catCount)}`);
console.log(`histories ${hist.length}, streams ${nStreams} ${JSON.stringify(freqCount)}, active ${act}, inactive ${inact}`);
for (const w of warnings.slice(0, 30)) console.log('WARN ' + w);
if (warnings.length > 30) console.log(`WARN … ${warnings.length - 30} more warnings`);
for (const e of errors) console.log('ERROR ' + e);
console.log(errors.length ? `${errors.length} error(s)` : 'OK: no errors');
process.exit(errors.length ? 1 : 0);
