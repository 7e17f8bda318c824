/** The planned days (days since the epoch) of a stream between `from` and `to`, for the dev history generators. */
const DAY = 86_400_000;

/**
 * Weekly/biweekly: every 7/14 days on weekday `day` (0 = Sunday). Monthly/quarterly/annually: day `day` of
 * every 1/3/12 months from `from`'s month, clamped to the month's last day.
 */
export function scheduledDays(
  frequency: 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'annually',
  day: number,
  from: number,
  to: number,
): number[] {
  const out: number[] = [];
  if (frequency === 'weekly' || frequency === 'biweekly') {
    if (day < 0 || day > 6) throw new Error(`weekday ${day}`);
    let n = from;
    while (new Date(n * DAY).getUTCDay() !== day) n++;
    for (; n <= to; n += frequency === 'weekly' ? 7 : 14) out.push(n);
    return out;
  }
  const step = frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 12;
  const f = new Date(from * DAY);
  for (let k = 0; ; k += step) {
    const y = f.getUTCFullYear();
    const m = f.getUTCMonth() + k;
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const n = Date.UTC(y, m, Math.min(day, last)) / DAY;
    if (n > to) break;
    if (n >= from) out.push(n);
  }
  return out;
}
