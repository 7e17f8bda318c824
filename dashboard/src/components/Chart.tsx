import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { count } from '../format.js';
import { lang, locale, t } from '../i18n.js';

export interface Series {
  label: string;
  values: number[];
  stroke: string;
  fill?: string;
}

/** Counts are whole: the y axis only steps by whole numbers (never 0.5 requests). */
const WHOLE_STEPS = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 1e5, 2e5, 5e5, 1e6,
];

/** Dates and times in the dashboard's language; Serbian reads the 24-hour clock. */
function timeFormats() {
  const h23 = lang.value === 'sr' ? { hourCycle: 'h23' as const } : {};
  const loc = locale();
  return {
    time: new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit', ...h23 }),
    day: new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'short' }),
    full: new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short', ...h23 }),
    fullDay: new Intl.DateTimeFormat(loc, { dateStyle: 'medium' }),
  };
}

/**
 * A uPlot line chart, loaded on demand so the first page stays small. The canvas is hidden from
 * screen readers; callers give the same numbers as a table beside it.
 */
export function TimeChart({ times, series, label }: { times: number[]; series: Series[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: uPlot | null = null;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    void import('uplot').then(({ default: UPlot }) => {
      const el = box.current;
      if (cancelled || !el) return;
      const width = () => Math.max(260, el.clientWidth);
      const f = timeFormats();
      // Buckets shorter than a day (hourly) show times; daily buckets show dates.
      const hourly = times.length > 1 && (times[1] ?? 0) - (times[0] ?? 0) < 86_400;
      const at = (ts: number) => new Date(ts * 1000);
      plot = new UPlot(
        {
          width: width(),
          height: 240,
          series: [
            {
              label: t('time'),
              value: (_u: uPlot, ts: number | null) =>
                ts == null ? '—' : (hourly ? f.full : f.fullDay).format(at(ts)),
            },
            ...series.map((s) => ({
              label: s.label,
              stroke: s.stroke,
              fill: s.fill,
              width: 2,
              points: { show: times.length < 40 },
              value: (_u: uPlot, v: number | null) => (v == null ? '—' : count(v)),
            })),
          ],
          axes: [
            {
              stroke: '#334155',
              values: (_u: uPlot, splits: number[]) =>
                splits.map((ts, i) => {
                  const d = at(ts);
                  if (!hourly) return f.day.format(d);
                  // The date under the first tick and at each midnight, the time on every tick.
                  return i === 0 || (d.getHours() === 0 && d.getMinutes() === 0)
                    ? `${f.time.format(d)}\n${f.day.format(d)}`
                    : f.time.format(d);
                }),
            },
            {
              stroke: '#334155',
              size: 50,
              incrs: WHOLE_STEPS,
              values: (_u: uPlot, splits: number[]) => splits.map((v) => count(v)),
            },
          ],
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          legend: { show: true },
          hooks: {
            // The tick labels as drawn on the canvas, readable by tests and tools.
            draw: [
              (u: uPlot) => {
                const ticks = (i: number) =>
                  ((u.axes[i] as { _values?: (string | number)[] })._values ?? []).join('|');
                el.dataset.xTicks = ticks(0);
                el.dataset.yTicks = ticks(1);
              },
            ],
          },
          cursor: { drag: { x: false, y: false } },
        },
        [times, ...series.map((s) => s.values)],
        el,
      );
      observer = new ResizeObserver(() => plot?.setSize({ width: width(), height: 240 }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [times, series, lang.value]);
  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
