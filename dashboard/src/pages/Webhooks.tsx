import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ApiFailure,
  type Attempt,
  type Delivery,
  dev,
  type NewWebhook,
  type RotatedWebhook,
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
  rollHoursOptions,
  ScrollRegion,
  SelectField,
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

/** How often open delivery lists refresh while the page is visible. */
const POLL_MS = 4000;

/** Calls `reload` every `ms` while the tab is visible, and at once when it becomes visible again. */
function usePoll(reload: () => void, ms: number) {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') reload();
    };
    const timer = setInterval(tick, ms);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [reload, ms]);
}

/** An event name that may wrap after each dot on a narrow screen (ITEM.<wbr>CONNECTION_REVOKED). */
function EventName({ type }: { type: string }) {
  const parts = type.split('.');
  return (
    <code class="event-type">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </Fragment>
      ))}
    </code>
  );
}

/** One attempt: when, the receiver's status, latency, what went wrong, and its answer (text, escaped). */
function AttemptItem({ a }: { a: Attempt }) {
  return (
    <li class="attempt" data-testid="attempt">
      <p class="attempt-head">
        <span class="nowrap">{dateTime(a.attempted_at)}</span> ·{' '}
        <code>{a.status_code !== null ? `HTTP ${a.status_code}` : t('noAnswer')}</code> ·{' '}
        <span class="num" title={t('latency')}>
          {Math.round(a.duration_ms)} ms
        </span>
        {a.error && a.error !== `HTTP ${a.status_code}` && <span class="meta"> · {a.error}</span>}
      </p>
      {a.response_body !== null &&
        (a.response_body === '' ? (
          <p class="meta">{t('noResponseBody')}</p>
        ) : (
          <details>
            <summary>{t('responseBody')}</summary>
            {/* Untrusted text from the receiver: rendered as a text node (escaped), never as HTML. */}
            <pre class="response-body" data-testid="response-body">
              {a.response_body}
            </pre>
          </details>
        ))}
    </li>
  );
}

/** Every attempt of one delivery. */
function Attempts({ webhook, delivery }: { webhook: Webhook; delivery: Delivery }) {
  const list = useLoad(() => dev.attempts(webhook.id, delivery.id), [delivery.id, delivery.attempts]);
  return (
    <div class="attempts">
      <LoadStatus load={list} />
      {list.data && list.data.attempts.length === 0 && <Empty>{t('noAttempts')}</Empty>}
      {list.data && list.data.attempts.length > 0 && (
        <ol class="attempt-list">
          {list.data.attempts.map((a, i) => (
            <AttemptItem key={`${a.attempted_at}-${i}`} a={a} />
          ))}
        </ol>
      )}
    </div>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const [openAttempts, setOpenAttempts] = useState<string | null>(null);
  const list = useLoad(() => dev.deliveries(webhook.id), [webhook.id]);
  usePoll(list.reload, POLL_MS);
  const resend = async (d: Delivery) => {
    try {
      await dev.retryDelivery(webhook.id, d.id);
      toast(d.status === 'pending' ? 'retryingNow' : 'resent');
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
      <p class="meta">{t('liveNote')}</p>
      <LoadStatus load={list} />
      {list.data && list.data.deliveries.length === 0 && <Empty>{t('noDeliveries')}</Empty>}
      {list.data && list.data.deliveries.length > 0 && (
        <ScrollRegion labelledBy={titleId}>
          <table class="stack">
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
                <Fragment key={d.id}>
                  <tr data-delivery-status={d.status} data-delivery-id={d.id}>
                    <td data-label={t('created')}>{dateTime(d.created_at)}</td>
                    <td data-label={t('event')}>
                      <EventName type={d.event_type} />
                    </td>
                    <td data-label={t('status')}>
                      <span class={`tag dlv-${d.status}`}>{t(`dlv${d.status}`)}</span>
                      {d.status === 'pending' && d.next_attempt_at && (
                        <span class="meta"> · {t('nextAttempt', { at: dateTime(d.next_attempt_at) })}</span>
                      )}
                    </td>
                    <td class="num" data-label={t('attempts')}>
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
                    </td>
                    <td data-label={t('response')}>
                      {d.last_status_code !== null ? (
                        <code>HTTP {d.last_status_code}</code>
                      ) : d.last_error ? (
                        <span class="meta">{d.last_error}</span>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td data-label={t('actions')}>
                      {d.status === 'pending' && d.attempts > 0 && (
                        <button
                          type="button"
                          class="btn primary small"
                          onClick={() => resend(d)}
                          aria-label={`${t('retryNow')}: ${d.event_type}, ${dateTime(d.created_at)}`}
                        >
                          {t('retryNow')}
                        </button>
                      )}
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
                  {openAttempts === d.id && (
                    <tr class="attempts-row">
                      <td colSpan={6}>
                        <Attempts webhook={webhook} delivery={d} />
                      </td>
                    </tr>
                  )}
                </Fragment>
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
                  <EventName type={ev.type} /> <span class="meta">{dateTime(ev.created_at)}</span>
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
  onRoll,
  onChanged,
}: {
  webhook: Webhook;
  onDelete: () => void;
  onRoll: () => void;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState(0);
  const [toggling, setToggling] = useState(false);
  const toggle = async () => {
    setToggling(true);
    try {
      const next = !webhook.enabled;
      await dev.updateWebhook(webhook.id, { enabled: next });
      toast(next ? 'webhookEnabledToast' : 'webhookDisabledToast');
      onChanged();
    } catch (err) {
      toastError(err);
    } finally {
      setToggling(false);
    }
  };
  const switchId = `enabled-${webhook.id}`;
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
    <li
      class={`webhook${webhook.enabled ? '' : ' disabled'}`}
      data-webhook-id={webhook.id}
      data-enabled={String(webhook.enabled)}
    >
      <div class="row wrap">
        <div class="grow">
          <p class="url">
            <code>{webhook.url}</code>
            {!webhook.enabled && <span class="tag dlv-failed">{t('webhookOff')}</span>}
          </p>
          <p class="meta event-list">
            {webhook.events.map((e, i) => (
              <Fragment key={e}>
                {i > 0 && ', '}
                <EventName type={e} />
              </Fragment>
            ))}{' '}
            · {dateTime(webhook.created_at)}
          </p>
          {!webhook.enabled && <p class="meta">{t('webhookOffNote')}</p>}
        </div>
        <div class="row wrap">
          <label class="switch" for={switchId}>
            <input
              id={switchId}
              type="checkbox"
              role="switch"
              aria-checked={webhook.enabled}
              checked={webhook.enabled}
              disabled={toggling}
              onChange={toggle}
            />{' '}
            {t('webhookActive')}
          </label>
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
          <button type="button" class="btn secondary small" onClick={onRoll}>
            {t('rollSecret')}
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
  const [rolling, setRolling] = useState<Webhook | null>(null);
  const [grace, setGrace] = useState('24');
  const [rotated, setRotated] = useState<RotatedWebhook | null>(null);
  const roll = async (w: Webhook) => {
    try {
      const res = await dev.rotateWebhookSecret(w.id, Number(grace));
      setCreated(null);
      setRotated(res);
      hooks.reload();
    } catch (err) {
      toastError(err);
    }
  };
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
      {rotated && !created && (
        <ShownOnce
          key={`${rotated.id}-${rotated.secret.slice(-6)}`}
          title={t('rollSecretNew')}
          value={rotated.secret}
          warning={t('secretWarning')}
        >
          <p class="meta">
            <code>{rotated.url}</code> ·{' '}
            {rotated.previous_secret_expires_at
              ? t('rollSecretUntil', { at: dateTime(rotated.previous_secret_expires_at) })
              : t('rollSecretGone')}
          </p>
        </ShownOnce>
      )}
      <RegisterWebhook
        onCreated={(w) => {
          setRotated(null);
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
              <WebhookItem
                key={w.id}
                webhook={w}
                onDelete={() => setDeleting(w)}
                onRoll={() => setRolling(w)}
                onChanged={hooks.reload}
              />
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
      {rolling && (
        <Confirm
          title={t('rollSecretTitle', { url: rolling.url })}
          body={t('rollSecretBody')}
          confirmLabel={t('rollSecret')}
          tone="primary"
          onConfirm={() => roll(rolling)}
          onClose={() => setRolling(null)}
        >
          <SelectField
            label={t('rollSecretGrace')}
            name="grace_hours"
            value={grace}
            onChange={setGrace}
            options={rollHoursOptions()}
          />
        </Confirm>
      )}
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
