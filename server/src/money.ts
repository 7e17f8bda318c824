/** Money crosses the JSON edge here and only here: integer minor units ↔ a number with ≤ 2 decimals. */
export const toMoney = (minor: number): number => minor / 100;

/** Parses a JSON amount into minor units; null when it has more than two decimals or is not finite. */
export function toMinor(amount: number): number | null {
  if (!Number.isFinite(amount)) return null;
  const minor = Math.round(amount * 100);
  if (Math.abs(minor - amount * 100) > 1e-6 * Math.max(1, Math.abs(amount))) return null;
  if (!Number.isSafeInteger(minor)) return null;
  return minor;
}
