import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { dev, type Usage } from '../api.js';
import { TimeChart } from '../components/Chart.js';
import {
  Empty,
  LoadStatus,
  PageHeader,
  RequestIdLink,
  ScrollRegion,
  SelectField,
  useLoad,
} from '../components/ui.js';
import { count, dateTime, day, percent } from '../format.js';
import { type Key, lang, t } from '../i18n.js';

const RANGES: { id: string; label: Key; hours: number; granularity: 'hour' | 'day' }[] = [
  { id: '24h', label: 'last24h', hours: 24, granularity: 'hour' },
  { id: '7d', label: 'last7d', hours: 7 * 24, granularity: 'day' },
  { id: '30d', label: 'last30d', hours: 30 * 24, granularity: 'day' },
  { id: '90d', label: 'last90d', hours: 90 * 24, granularity: 'day' },
];

function Stat({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd data-stat={id}>{value}</dd>
    </div>
  );
}

interface Window {
  fromMs: number;
  endMs: number;
  hourly: boolean;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Every bucket of the window, zero where the API had no requests, so the axis spans the whole range. */
function densify(
  points: NonNullable<Usage['time_series']>,
  w: Window,
): { bucket: string; requests: number; errors: number }[] {
  const step = w.hourly ? HOUR : DAY;
  const byStart = new Map(
    points.map((p) => [Date.parse(p.bucket.length === 10 ? `${p.bucket}T00:00:00Z` : p.bucket), p]),
  );
  const out: { bucket: string; requests: number; errors: number }[] = [];
  for (let t = Math.floor(w.fromMs / step) * step; t < w.endMs; t += step) {
    const p = byStart.get(t);
    const iso = new Date(t).toISOString();
    out.push({
      bucket: w.hourly ? iso : iso.slice(0, 10),
      requests: p?.requests ?? 0,
      errors: p?.errors ?? 0,
    });
  }
  return out;
}

/** Requests and errors per row: per time bucket, or per endpoint. */
function CountTable({
  head,
  rows,
}: {
  head: string;
  rows: { id: string; label: ComponentChildren; requests: number; errors: number }[];
}) {
  return (
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            {t('requests')}
          </th>
          <th scope="col" class="num">
            {t('errors')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td data-label={head}>{r.label}</td>
            <td class="num" data-label={t('requests')}>
              {count(r.requests)}
            </td>
            <td class="num" data-label={t('errors')}>
              {count(r.errors)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SeriesView({ usage, window: w }: { usage: Usage; window: Window }) {
  const hourly = w.hourly;
  const series = useMemo(() => densify(usage.time_series ?? [], w), [usage, w]);
  const data = useMemo(
    () => ({
      times: series.map(
        (p) => Date.parse(p.bucket.length === 10 ? `${p.bucket}T00:00:00Z` : p.bucket) / 1000,
      ),
      series: [
        {
          label: t('requests'),
          values: series.map((p) => p.requests),
          stroke: '#1d4ed8',
          fill: 'rgba(29,78,216,0.12)',
        },
        { label: t('errors'), values: series.map((p) => p.errors), stroke: '#b91c1c' },
      ],
    }),
    [series, lang.value],
  );
  if (usage.time_series === undefined || series.length === 0) return null;
  const fmt = (b: string) =>
    hourly ? dateTime(b.length === 10 ? `${b}T00:00:00Z` : b) : day(b.slice(0, 10));
  return (
    <section class="card" aria-labelledby="chart-title">
      <h2 id="chart-title">{t('overTime')}</h2>
      <TimeChart times={data.times} series={data.series} label={t('chartLabel')} />
      <details>
        <summary>{t('showTable')}</summary>
        <div class="table-wrap">
          <CountTable
            head={t('time')}
            rows={series.map((p) => ({ id: p.bucket, label: fmt(p.bucket), ...p }))}
          />
        </div>
      </details>
    </section>
  );
}

export function UsagePage() {
  const [keyId, setKeyId] = useState('');
  const [rangeId, setRangeId] = useState('7d');
  const range = RANGES.find((r) => r.id === rangeId) ?? {
    id: '7d',
    label: 'last7d' as const,
    hours: 7 * 24,
    granularity: 'day' as const,
  };
  const keys = useLoad(() => dev.keys(), []);
  const usage = useLoad(() => {
    // The window ends at the next whole hour so that requests made right now are inside it.
    const end = new Date();
    end.setUTCMinutes(0, 0, 0);
    end.setUTCHours(end.getUTCHours() + 1);
    const from = new Date(end.getTime() - range.hours * 3600_000);
    return dev
      .usage({ key_id: keyId || undefined, from: from.toISOString(), granularity: range.granularity })
      .then((u) => ({
        ...u,
        window: { fromMs: from.getTime(), endMs: end.getTime(), hourly: range.granularity === 'hour' },
      }));
  }, [keyId, rangeId]);
  const u = usage.data;
  const endpoints = u ? [...u.by_endpoint].sort((a, b) => b.requests - a.requests) : [];
  return (
    <>
      <PageHeader title={t('usageTitle')} lead={t('usageLead')} />
      <section class="card filters">
        <SelectField
          label={t('filterKey')}
          name="key_id"
          value={keyId}
          onChange={setKeyId}
          options={[
            { value: '', label: t('allKeys') },
            ...(keys.data?.keys ?? []).map((k) => ({
              value: k.id,
              label: `${k.app_name} — ${k.prefix}… (${t(k.environment)}${k.status === 'revoked' ? `, ${t('revokedStatus')}` : ''})`,
            })),
          ]}
        />
        <SelectField
          label={t('range')}
          name="range"
          value={rangeId}
          onChange={setRangeId}
          options={RANGES.map((r) => ({ value: r.id, label: t(r.label) }))}
        />
        <button type="button" class="btn secondary" onClick={usage.reload}>
          {t('refresh')}
        </button>
      </section>
      <LoadStatus load={usage} />
      {u && (
        <div aria-busy={usage.loading}>
          <dl class="stats">
            <Stat id="total" label={t('totalRequests')} value={count(u.total_requests)} />
            <Stat id="error-rate" label={t('errorRate')} value={percent(u.error_rate)} />
            <Stat id="billable" label={t('billable')} value={count(u.billable_requests)} />
          </dl>
          {u.total_requests === 0 && <Empty>{t('noUsage')}</Empty>}
          <SeriesView usage={u} window={u.window} />
          {endpoints.length > 0 && (
            <section class="card" aria-labelledby="busiest-title">
              <h2 id="busiest-title">{t('busiest')}</h2>
              <ScrollRegion labelledBy={'busiest-title'}>
                <CountTable
                  head={t('endpoint')}
                  rows={endpoints.map((e) => ({ id: e.endpoint, label: <code>{e.endpoint}</code>, ...e }))}
                />
              </ScrollRegion>
            </section>
          )}
          <section class="card" aria-labelledby="errors-title">
            <h2 id="errors-title">{t('recentErrors')}</h2>
            {u.recent_errors.length === 0 ? (
              <Empty>{t('noErrors')}</Empty>
            ) : (
              <ScrollRegion labelledBy={'errors-title'}>
                <table class="stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('at')}</th>
                      <th scope="col">{t('endpoint')}</th>
                      <th scope="col">{t('errorCode')}</th>
                      <th scope="col" class="num">
                        HTTP
                      </th>
                      <th scope="col">{t('requestId')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {u.recent_errors.map((e) => (
                      <tr key={e.request_id}>
                        <td data-label={t('at')}>{dateTime(e.at)}</td>
                        <td data-label={t('endpoint')}>
                          <code>{e.endpoint}</code>
                        </td>
                        <td data-label={t('errorCode')}>
                          <code>{e.error_code ?? '—'}</code>
                        </td>
                        <td class="num" data-label="HTTP">
                          {e.status}
                        </td>
                        <td data-label={t('requestId')}>
                          <RequestIdLink id={e.request_id} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>
        </div>
      )}
    </>
  );
}
