/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), so the generator never
 * touches local time zones or "now".
 */

const MS_PER_DAY = 86_400_000;

export const SERBIAN_MONTHS = [
  'januar',
  'februar',
  'mart',
  'april',
  'maj',
  'jun',
  'jul',
  'avgust',
  'septembar',
  'oktobar',
  'novembar',
  'decembar',
] as const;

/** Parses YYYY-MM-DD strictly (a real calendar date) into a day number. */
export function parseIsoDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${s}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = fromYmd(y, mo, d);
  const back = ymd(day);
  if (back.y !== y || back.m !== mo || back.d !== d) throw new RangeError(`not a calendar date: ${s}`);
  return day;
}

export const fromYmd = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;

export function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function formatIsoDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Months counted as y * 12 + (m − 1), handy for "the month before". */
export const monthIndex = (y: number, m: number): number => y * 12 + (m - 1);
export const fromMonthIndex = (i: number): { y: number; m: number } => ({
  y: Math.floor(i / 12),
  m: (i % 12) + 1,
});

/** Same day of month `n` months later (negative for earlier), clamped to the month's length. */
export function addMonths(day: number, n: number): number {
  const { y, m, d } = ymd(day);
  const target = fromMonthIndex(monthIndex(y, m) + n);
  return fromYmd(target.y, target.m, Math.min(d, daysInMonth(target.y, target.m)));
}

/** Serbian public holidays on fixed dates (Orthodox Easter moves and is left out). */
const FIXED_HOLIDAYS = new Set(['01-01', '01-02', '01-07', '02-15', '02-16', '05-01', '05-02', '11-11']);

export function isWorkingDay(day: number): boolean {
  if (weekday(day) >= 5) return false;
  const { m, d } = ymd(day);
  return !FIXED_HOLIDAYS.has(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** The day itself if banks work that day, else the next working day (weekend → Monday). */
export function nextWorkingDay(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}
