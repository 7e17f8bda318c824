import type {
  LabelledHistory,
  LabelledTransaction,
  TrueStream,
} from '../data/generate-recurring-histories.js';

/** A stream as a generator builds it: indexes into the history's rows before they get ids. */
export type PlannedStream = Omit<TrueStream, 'transaction_ids'> & { rows: number[] };

/**
 * The finished history: rows sorted by date (ties keep the order they were made in), ids
 * `<id>-0001…` in that order, and each stream's rows turned into those ids.
 */
export function assembleHistory(
  id: string,
  h: { today: string; note: string },
  rows: ReadonlyArray<Omit<LabelledTransaction, 'id'>>,
  streams: readonly PlannedStream[],
): LabelledHistory {
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (rows[a]!.date < rows[b]!.date ? -1 : rows[a]!.date > rows[b]!.date ? 1 : a - b));
  const idOf = new Map<number, string>();
  for (const [k, r] of order.entries()) idOf.set(r, `${id}-${String(k + 1).padStart(4, '0')}`);
  return {
    id,
    today: h.today,
    note: h.note,
    transactions: order.map((i) => ({ id: idOf.get(i)!, ...rows[i]! })),
    streams: streams.map(({ rows: r, ...s }) => ({ ...s, transaction_ids: r.map((i) => idOf.get(i)!) })),
  };
}
