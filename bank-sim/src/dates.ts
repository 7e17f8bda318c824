// Bank days are UTC calendar days, numbered from the Unix epoch (day 0 = 1970-01-01).
export const DAY_MS = 86_400_000;

export function dayOf(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → day number, or null when it is not a real calendar date. */
export function parseIsoDay(text: unknown): number | null {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms)) return null;
  const day = ms / DAY_MS;
  return isoDay(day) === text ? day : null;
}

/** Calendar parts of a bank day (month 0-11). */
export function partsOf(day: number): { year: number; month: number; dom: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), dom: d.getUTCDate() };
}
