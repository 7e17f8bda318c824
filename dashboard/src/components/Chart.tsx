import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: number[];
  stroke: string;
  fill?: string;
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
      plot = new UPlot(
        {
          width: width(),
          height: 240,
          series: [
            {},
            ...series.map((s) => ({
              label: s.label,
              stroke: s.stroke,
              fill: s.fill,
              width: 2,
              points: { show: times.length < 40 },
            })),
          ],
          axes: [{ stroke: '#334155' }, { stroke: '#334155', size: 50 }],
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          legend: { show: true },
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
  }, [times, series]);
  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
