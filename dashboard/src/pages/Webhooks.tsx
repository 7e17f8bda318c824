import { useRef, useState } from 'preact/hooks';
import {
  ApiFailure,
  type Delivery,
  dev,
  type NewWebhook,
  WEBHOOK_EVENTS,
  type Webhook,
  type WebhookEvent,
} from '../api.js';
import {
  Choices,
  Code,
  Confirm,
  Empty,
  ErrorNote,
  Field,
  type FormEvent,
  LoadStatus,
  PageHeader,
  ScrollRegion,
  ShownOnce,
  useLoad,
} from '../components/ui.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { VERIFY_WEBHOOK } from '../snippets.js';
import { toast, toastError } from '../state.js';

function RegisterWebhook({ onCreated }: { onCreated: (w: NewWebhook) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [urlError, setUrlError] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUrlError(null);
    setFailure(null);
    setBusy(true);
    try {
      const w = await dev.createWebhook({ url: url.trim(), ...(events.length ? { events } : {}) });
      setUrl('');
      setEvents([]);
      onCreated(w);
    } catch (err) {
      // URL problems belong next to the URL field; anything else above the button.
      if (
        err instanceof ApiFailure &&
        (err.code === 'INVALID_WEBHOOK_URL' || err.code === 'MISSING_FIELDS' || /url/i.test(err.message))
      ) {
        setUrlError(err.message);
        urlRef.current?.focus();
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="reg-title">
      <h2 id="reg-title">{t('registerTitle')}</h2>
      <form onSubmit={submit} noValidate class="grid-form">
        <Field
          label={t('url')}
          name="url"
          type="url"
          hint={t('urlRules')}
          placeholder="https://example.rs/webhooks/opendinar"
          value={url}
          onInput={setUrl}
          error={urlError}
          inputRef={urlRef}
          required
        />
        <Choices
          legend={t('events')}
          hint={t('eventsHint')}
          name="events"
          options={WEBHOOK_EVENTS}
          selected={events}
          onChange={setEvents}
        />
        {failure !== null && <ErrorNote error={failure} />}
        <div>
          <button type="submit" class="btn primary" disabled={busy}>
            {t('register')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Every attempt of one delivery: when, the receiver's status, how long it took, what went wrong. */
function Attempts({ webhook, delivery }: { webhook: Webhook; delivery: Delivery }) {
  const list = useLoad(() => dev.attempts(webhook.id, delivery.id), [delivery.id, delivery.attempts]);
  return (
    <div class="attempts">
      <LoadStatus load={list} />
      {list.data && list.data.attempts.length === 0 && <Empty>{t('noAttempts')}</Empty>}
      {list.data && list.data.attempts.length > 0 && (
        <ol class="attempt-list">
          {list.data.attempts.map((a) => (
            <li key={a.attempted_at}>
              <span class="nowrap">{dateTime(a.attempted_at)}</span> ·{' '}
              <code>{a.status_code !== null ? `HTTP ${a.status_code}` : (a.error ?? '—')}</code> ·{' '}
              <span class="num">{Math.round(a.duration_ms)} ms</span>
              {a.status_code !== null && a.error && <span class="meta"> · {a.error}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const [openAttempts, setOpenAttempts] = useState<string | null>(null);
  const list = useLoad(() => dev.deliveries(webhook.id), [webhook.id]);
  const resend = async (d: Delivery) => {
    try {
      await dev.retryDelivery(webhook.id, d.id);
      toast('resent');
      list.reload();
    } catch (err) {
      toastError(err);
    }
  };
  const titleId = `dlv-${webhook.id}`;
  return (
    <div class="deliveries">
      <div class="row">
        <h3 id={titleId}>{t('deliveries')}</h3>
        <button type="button" class="btn secondary small" onClick={list.reload}>
          {t('refresh')}
        </button>
      </div>
      <LoadStatus load={list} />
      {list.data && list.data.deliveries.length === 0 && <Empty>{t('noDeliveries')}</Empty>}
      {list.data && list.data.deliveries.length > 0 && (
        <ScrollRegion labelledBy={titleId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('event')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" class="num">
                  {t('attempts')}
                </th>
                <th scope="col">{t('response')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.deliveries.map((d) => (
                <tr key={d.id} data-delivery-status={d.status}>
                  <td>{dateTime(d.created_at)}</td>
                  <td>
                    <code>{d.event_type}</code>
                  </td>
                  <td>
                    <span class={`tag dlv-${d.status}`}>{t(`dlv${d.status}`)}</span>
                    {d.status === 'pending' && d.next_attempt_at && (
                      <span class="meta"> · {t('nextAttempt', { at: dateTime(d.next_attempt_at) })}</span>
                    )}
                  </td>
                  <td class="num">
                    {d.attempts > 0 ? (
                      <button
                        type="button"
                        class="btn secondary small"
                        aria-expanded={openAttempts === d.id}
                        aria-label={`${t('attempts')}: ${d.attempts}, ${d.event_type}`}
                        onClick={() => setOpenAttempts(openAttempts === d.id ? null : d.id)}
                      >
                        {d.attempts}
                      </button>
                    ) : (
                      d.attempts
                    )}
                    {openAttempts === d.id && <Attempts webhook={webhook} delivery={d} />}
                  </td>
                  <td>
                    {d.last_status_code !== null ? (
                      <code>HTTP {d.last_status_code}</code>
                    ) : d.last_error ? (
                      <span class="meta">{d.last_error}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {d.status !== 'pending' && (
                      <button
                        type="button"
                        class="btn secondary small"
                        onClick={() => resend(d)}
                        aria-label={`${t('resend')}: ${d.event_type}, ${dateTime(d.created_at)}`}
                      >
                        {t('resend')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

/** Change an endpoint's URL and events in place (its signing secret stays). */
function EditWebhook({ webhook, onDone }: { webhook: Webhook; onDone: (changed: boolean) => void }) {
  const [url, setUrl] = useState(webhook.url);
  const [events, setEvents] = useState<WebhookEvent[]>(webhook.events as WebhookEvent[]);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await dev.updateWebhook(webhook.id, { url: url.trim(), events });
      toast('webhookSaved');
      onDone(true);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <form class="grid-form edit-webhook" onSubmit={save} noValidate>
      <Field label={t('url')} name="edit_url" type="url" value={url} onInput={setUrl} />
      <Choices
        legend={t('events')}
        hint={t('eventsHint')}
        name={`events-${webhook.id}`}
        options={WEBHOOK_EVENTS}
        selected={events}
        onChange={setEvents}
      />
      {failure !== null && <ErrorNote error={failure} />}
      <div class="row">
        <button type="submit" class="btn primary small">
          {t('save')}
        </button>
        <button type="button" class="btn secondary small" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The latest events with their payloads (what each delivery carries, plus event_id and environment). */
function Events() {
  const list = useLoad(() => dev.webhookEvents(), []);
  return (
    <section class="card" aria-labelledby="events-title">
      <div class="row">
        <h2 id="events-title">{t('eventLog')}</h2>
        <button type="button" class="btn secondary small" onClick={list.reload}>
          {t('refresh')}
        </button>
      </div>
      <LoadStatus load={list} />
      {list.data && list.data.events.length === 0 && <Empty>{t('noEvents')}</Empty>}
      {list.data && list.data.events.length > 0 && (
        <ul class="events">
          {list.data.events.map((ev) => (
            <li key={ev.id}>
              <details>
                <summary>
                  <code class="event-type">{ev.type}</code>{' '}
                  <span class="meta">{dateTime(ev.created_at)}</span>
                </summary>
                <div class="payload" data-testid="event-payload">
                  {JSON.stringify({ event_id: ev.id, environment: ev.environment, ...ev.payload }, null, 2)}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WebhookItem({
  webhook,
  onDelete,
  onChanged,
}: {
  webhook: Webhook;
  onDelete: () => void;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState(0);
  const test = async () => {
    try {
      await dev.testWebhook(webhook.id);
      toast('testQueued');
      setOpen(true);
      setShown((n) => n + 1);
    } catch (err) {
      toastError(err);
    }
  };
  return (
    <li class="webhook" data-webhook-id={webhook.id}>
      <div class="row wrap">
        <div class="grow">
          <p class="url">
            <code>{webhook.url}</code>
          </p>
          <p class="meta">
            {webhook.events.join(', ')} · {dateTime(webhook.created_at)}
          </p>
        </div>
        <div class="row wrap">
          <button type="button" class="btn secondary small" onClick={test}>
            {t('sendTest')}
          </button>
          <button
            type="button"
            class="btn secondary small"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? t('hideDeliveries') : t('deliveries')}
          </button>
          <button
            type="button"
            class="btn secondary small"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('edit')}
          </button>
          <button type="button" class="btn danger small" onClick={onDelete}>
            {t('delete')}
          </button>
        </div>
      </div>
      {editing && (
        <EditWebhook
          webhook={webhook}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged();
          }}
        />
      )}
      {open && <Deliveries key={shown} webhook={webhook} />}
    </li>
  );
}

export function WebhooksPage() {
  const hooks = useLoad(() => dev.webhooks(), []);
  const [created, setCreated] = useState<NewWebhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const remove = async (w: Webhook) => {
    try {
      await dev.deleteWebhook(w.id);
      toast('deleted');
      if (created?.id === w.id) setCreated(null);
      hooks.reload();
    } catch (err) {
      toastError(err);
    }
  };
  return (
    <>
      <PageHeader title={t('webhooksTitle')} lead={t('webhooksLead')} />
      {created && (
        <ShownOnce
          key={created.id}
          title={t('newWebhookTitle')}
          value={created.secret}
          warning={t('secretWarning')}
        />
      )}
      <RegisterWebhook
        onCreated={(w) => {
          setCreated(w);
          hooks.reload();
        }}
      />
      <section class="card" aria-labelledby="hooks-title">
        <h2 id="hooks-title">{t('yourWebhooks')}</h2>
        <LoadStatus load={hooks} />
        {hooks.data && hooks.data.webhooks.length === 0 && <Empty>{t('noWebhooks')}</Empty>}
        {hooks.data && hooks.data.webhooks.length > 0 && (
          <ul class="webhooks">
            {hooks.data.webhooks.map((w) => (
              <WebhookItem key={w.id} webhook={w} onDelete={() => setDeleting(w)} onChanged={hooks.reload} />
            ))}
          </ul>
        )}
      </section>
      <Events />
      <section class="card" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('verifyTitle')}</h2>
        <p>{t('verifyLead')}</p>
        <Code label={t('verifyTitle')}>{VERIFY_WEBHOOK}</Code>
      </section>
      {deleting && (
        <Confirm
          title={t('deleteTitle')}
          body={t('deleteBody', { url: deleting.url })}
          confirmLabel={t('delete')}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
