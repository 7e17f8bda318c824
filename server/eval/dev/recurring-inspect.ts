/**
 * Misses of recurring detection on one OPEN batch or dev set, with the transactions behind them:
 *   npx tsx eval/dev/recurring-inspect.ts blind6 [missed|spurious|all] [frequency]
 * Each missed true stream prints its members (date, amount, description → grouping key) and the
 * detected streams its members went to; each spurious detection prints its members.
 */

import { detectRecurringStreams, recurringKey } from '../../src/enrich/recurring.js';
import type { LabelledHistory } from '../data/generate-recurring-histories.js';
import { loadBlindHistories, loadDevHistories } from '../recurring.js';

const [batch = 'blind6', what = 'missed', freqFilter] = process.argv.slice(2);
if (/^blind(9|\d\d)/.test(batch)) throw new Error('blind9 and later stay unseen');
const histories: LabelledHistory[] =
  (batch.endsWith('.json') ? loadDevHistories(batch) : loadBlindHistories(batch)) ?? [];
for (const h of histories) {
  const byId = new Map(h.transactions.map((t) => [t.id, t]));
  const r = detectRecurringStreams(h.transactions, h.today);
  const det = [...r.outgoing, ...r.incoming];
  const streamOf = new Map<string, number>();
  det.forEach((s, i) => {
    for (const id of s.transaction_ids) streamOf.set(id, i);
  });
  const line = (id: string): string => {
    const t = byId.get(id)!;
    return `${t.date} ${String(t.amount / 100).padStart(10)} ${t.description} → ${recurringKey(t.description)}${streamOf.has(id) ? ` [d${streamOf.get(id)}]` : ''}`;
  };
  const matchedDet = new Set<number>();
  for (const t of h.streams) {
    const ids = new Set(t.transaction_ids);
    let best = -1;
    let bestScore = 0;
    det.forEach((d, i) => {
      let shared = 0;
      for (const id of d.transaction_ids) if (ids.has(id)) shared++;
      const score = shared / Math.max(ids.size, d.transaction_ids.length);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (bestScore >= 0.5) matchedDet.add(best);
    if (bestScore >= 0.5 || (what !== 'missed' && what !== 'all')) continue;
    if (freqFilter && t.frequency !== freqFilter) continue;
    console.log(
      `\n${h.id} today ${h.today} MISSED ${t.direction} ${t.frequency} ${t.amount_type} active=${t.is_active} n=${ids.size}`,
    );
    for (const id of t.transaction_ids) console.log(`   ${line(id)}`);
    const hit = new Set([...ids].map((id) => streamOf.get(id)).filter((x) => x !== undefined));
    for (const i of hit) {
      const d = det[i!]!;
      console.log(`   -> d${i} ${d.frequency} n=${d.occurrences} ${d.description}`);
    }
  }
  if (what === 'spurious' || what === 'all') {
    det.forEach((d, i) => {
      if (matchedDet.has(i)) return;
      if (freqFilter && d.frequency !== freqFilter) return;
      console.log(
        `\n${h.id} today ${h.today} SPURIOUS d${i} ${d.frequency} ${d.amount_type} n=${d.occurrences}`,
      );
      for (const id of d.transaction_ids) console.log(`   ${line(id)}`);
    });
  }
}
