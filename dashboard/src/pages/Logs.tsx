import { useState } from 'preact/hooks';
import { dev, type LogEntry } from '../api.js';
import { Empty, LoadStatus, PageHeader, ScrollRegion, useLoad } from '../components/ui.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { navigate, queryParam } from '../router.js';

/** The request log (Stripe's "Logs"): every API request of the developer's apps over the last days. */
export function LogsPage() {
  const requestId = queryParam('request_id');
  const [keyId, setKeyId] = useState('');
  const [status, setStatus] = useState('');
  const [routeFilter, setRouteFilter] = useState('');
  const [from, setFrom] = useState('');
  const keys = useLoad(() => dev.keys(), []);
  const logs = useLoad(
    () =>
      dev.logs({
        key_id: keyId,
        status,
        route: routeFilter,
        from: from ? new Date(from).toISOString() : '',
        request_id: requestId,
        limit: 100,
      }),
    [keyId, status, routeFilter, from, requestId],
  );
  const [open, setOpen] = useState<string | null>(requestId);
  const data = logs.data;
  return (
    <>
      <PageHeader title={t('logsTitle')} lead={t('logsLead', { days: data?.retention_days ?? 7 })} />
      <section class="card" aria-labelledby="log-filters">
        <h2 id="log-filters" class="sr-only">
          {t('filters')}
        </h2>
        {requestId ? (
          <p class="note info">
            {t('requestId')}: <code>{requestId}</code>{' '}
            <button type="button" class="btn secondary small" onClick={() => navigate('logs')}>
              {t('showAll')}
            </button>
          </p>
        ) : (
          <div class="filters">
            <div class="field">
              <label for="log-key">{t('chooseApp')}</label>
              <select id="log-key" value={keyId} onChange={(e) => setKeyId(e.currentTarget.value)}>
                <option value="">{t('allKeys')}</option>
                {keys.data?.keys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.app_name} · {k.prefix}…
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="log-status">{t('status')}</label>
              <select id="log-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
                <option value="">{t('allStatuses')}</option>
                <option value="2xx">2xx</option>
                <option value="4xx">4xx</option>
                <option value="5xx">5xx</option>
              </select>
            </div>
            <div class="field">
              <label for="log-route">{t('route')}</label>
              <select
                id="log-route"
                value={routeFilter}
                onChange={(e) => setRouteFilter(e.currentTarget.value)}
              >
                <option value="">{t('allRoutes')}</option>
                {data?.routes.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="log-from">{t('since')}</label>
              <input
                id="log-from"
                type="datetime-local"
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
            </div>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="log-list">
        <h2 id="log-list">{t('requests')}</h2>
        <LoadStatus load={logs} />
        {data && data.requests.length === 0 && <Empty>{t('noRequests')}</Empty>}
        {data && data.requests.length > 0 && (
          <ScrollRegion labelledBy="log-list">
            <table class="logs stack">
              <thead>
                <tr>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('request')}</th>
                  <th scope="col">{t('latency')}</th>
                  <th scope="col">{t('prefix')}</th>
                  <th scope="col">{t('requestId')}</th>
                </tr>
              </thead>
              <tbody>
                {data.requests.map((r) => (
                  <LogRow key={r.id} r={r} open={open === r.request_id} onToggle={setOpen} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}

function LogRow({
  r,
  open,
  onToggle,
}: {
  r: LogEntry;
  open: boolean;
  onToggle: (id: string | null) => void;
}) {
  return (
    <>
      <tr data-request-id={r.request_id} class={r.status >= 400 ? 'failed' : undefined}>
        <td data-label={t('time')} class="nowrap">
          {dateTime(r.at)}
        </td>
        <td data-label={t('status')}>
          <span class={`tag ${r.status >= 400 ? 'revoked' : 'active'}`}>{r.status}</span>
          {r.error_code && <code class="meta"> {r.error_code}</code>}
        </td>
        <td data-label={t('request')}>
          <code class="path">
            {r.method} {r.path}
          </code>
        </td>
        <td data-label={t('latency')} class="num">
          {r.latency_ms.toFixed(1)} ms
        </td>
        <td data-label={t('prefix')}>
          <code>{r.key_prefix ? `${r.key_prefix}…` : t('dashboardCall')}</code>
        </td>
        <td data-label={t('requestId')}>
          {r.error_body ? (
            <button
              type="button"
              class="btn secondary small"
              aria-expanded={open}
              onClick={() => onToggle(open ? null : r.request_id)}
            >
              <code class="rid">{r.request_id}</code>
            </button>
          ) : (
            <code class="rid">{r.request_id}</code>
          )}
        </td>
      </tr>
      {open && r.error_body && (
        <tr class="detail">
          <td colSpan={6}>
            <pre class="error-body" data-testid="error-body">
              {JSON.stringify(r.error_body, null, 2)}
            </pre>
          </td>
        </tr>
      )}
    </>
  );
}
