import type { ConnectorTransaction, TransactionWindow } from '../connectors/types.js';

/**
 * The one place where what we hold is compared with what a bank says (every connector, every
 * refresh). Pure: no database, no clock.
 *
 * - Same bank id, same fields → unchanged. Same bank id, other amount / date / description →
 *   modified. Same bank id, pending before and booked now → posted in place (`postedInPlace`).
 * - A held pending transaction whose id is gone, and a fetched booked one the bank issued a new id
 *   for, are paired when they agree on amount, dates (booked on or up to 10 days after the pending
 *   date, or a day before) and counterparty / remittance text → `posted` (the pending row goes,
 *   the booked one comes with pending_transaction_id pointing at it).
 * - Held rows dated inside the window that the bank no longer lists → removed (a cancelled card
 *   hold, a reversed booking). Held rows outside the window are never touched.
 * - Everything else fetched → added.
 */
export interface HeldTransaction extends ConnectorTransaction {
  /** Our transaction id. */
  id: string;
}

export interface Reconciliation {
  added: ConnectorTransaction[];
  modified: Array<{ held: HeldTransaction; fetched: ConnectorTransaction }>;
  /** Pending → booked under the same bank id: the row is updated (pending = 0), not replaced. */
  postedInPlace: Array<{ held: HeldTransaction; fetched: ConnectorTransaction }>;
  /** Pending → booked under a new bank id: the pending row is removed, the booked one added. */
  posted: Array<{ held: HeldTransaction; booked: ConnectorTransaction }>;
  removed: HeldTransaction[];
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string): number => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS);

/** Lower-case, accents folded, digits of card masks and dates dropped, whitespace collapsed. */
export function normalizeText(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'dj')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function sameFields(a: ConnectorTransaction, b: ConnectorTransaction): boolean {
  return a.amount === b.amount && a.date === b.date && a.description === b.description;
}

/**
 * How well a booked transaction fits a pending one (higher is better), or -1 when it cannot be
 * the same payment. Amount must match exactly (banks book card holds at the held amount; a
 * different final amount is a different row to us, and the hold is removed).
 */
export function postingScore(pending: ConnectorTransaction, booked: ConnectorTransaction): number {
  if (pending.amount !== booked.amount) return -1;
  const gap = dayNumber(booked.date) - dayNumber(pending.date);
  if (Number.isNaN(gap) || gap < -1 || gap > 10) return -1;
  const pd = normalizeText(pending.description);
  const bd = normalizeText(booked.description);
  const pc = normalizeText(pending.counterparty);
  const bc = normalizeText(booked.counterparty);
  let text = 0;
  if (pd !== '' && pd === bd) text = 3;
  else if (pc !== '' && pc === bc) text = 2;
  else if (Math.min(pd.length, bd.length) >= 4 && (pd.includes(bd) || bd.includes(pd))) text = 2;
  else {
    const words = new Set(pd.split(' ').filter((w) => w.length >= 3 && !/^\d+$/.test(w)));
    if (bd.split(' ').some((w) => words.has(w))) text = 1;
  }
  if (text === 0) return -1;
  return text * 100 - Math.abs(gap);
}

export function reconcile(
  held: readonly HeldTransaction[],
  window: Pick<TransactionWindow, 'from' | 'to' | 'transactions'>,
): Reconciliation {
  const out: Reconciliation = { added: [], modified: [], postedInPlace: [], posted: [], removed: [] };
  const heldByBankId = new Map(held.map((h) => [h.bankTxnId, h]));
  const matched = new Set<string>();
  const unmatchedFetched: ConnectorTransaction[] = [];
  const seen = new Set<string>();

  for (const f of window.transactions) {
    // A bank that lists one id twice (booked and pending pages overlapping) counts it once.
    if (seen.has(f.bankTxnId)) continue;
    seen.add(f.bankTxnId);
    const h = heldByBankId.get(f.bankTxnId);
    if (!h) {
      unmatchedFetched.push(f);
      continue;
    }
    matched.add(h.id);
    if (h.pending && !f.pending) out.postedInPlace.push({ held: h, fetched: f });
    else if (!sameFields(h, f) || h.pending !== f.pending) out.modified.push({ held: h, fetched: f });
  }

  // Pending rows the bank no longer lists under their id: did they post under a new one?
  const orphanPending = held.filter((h) => h.pending && !matched.has(h.id));
  const candidates = unmatchedFetched.filter((f) => !f.pending);
  const pairs: Array<{ h: HeldTransaction; f: ConnectorTransaction; score: number }> = [];
  for (const h of orphanPending) {
    for (const f of candidates) {
      const score = postingScore(h, f);
      if (score >= 0) pairs.push({ h, f, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.h.date.localeCompare(b.h.date));
  const pairedFetched = new Set<ConnectorTransaction>();
  for (const p of pairs) {
    if (matched.has(p.h.id) || pairedFetched.has(p.f)) continue;
    matched.add(p.h.id);
    pairedFetched.add(p.f);
    out.posted.push({ held: p.h, booked: p.f });
  }

  for (const f of unmatchedFetched) if (!pairedFetched.has(f)) out.added.push(f);
  for (const h of held) {
    if (matched.has(h.id)) continue;
    if (h.date >= window.from && h.date <= window.to) out.removed.push(h);
  }
  return out;
}

export const changeCount = (r: Reconciliation): { added: number; modified: number; removed: number } => ({
  added: r.added.length + r.posted.length,
  modified: r.modified.length + r.postedInPlace.length,
  removed: r.removed.length + r.posted.length,
});
