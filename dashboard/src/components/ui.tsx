import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../api.js';
import { hasKey, lang, t, waitFor } from '../i18n.js';
import { href, navigate } from '../router.js';
import { type ToastMessage, toast, toastProblem } from '../state.js';

export function Link(props: {
  to: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={href(props.to)} class={props.class} aria-current={props['aria-current']} onClick={onClick}>
      {props.children}
    </a>
  );
}

/** The API's message for a code we have words for, else the server's own message. */
export function errorText(e: unknown): string {
  if (e instanceof ApiFailure) {
    if (e.code === 'INVALID_FIELD') return invalidFieldText(e);
    const key = `err${e.code}`;
    if (hasKey(key)) return t(key, { s: waitFor(e.retryAfter ?? 60) });
    // A code with no words here yet: the API's own (English) message only in the English UI.
    return lang.value === 'en' ? e.message : t('errUnknown');
  }
  return e instanceof Error ? e.message : String(e);
}

/** INVALID_FIELD names its field in the (English) message: the filters' ones get their own words. */
function invalidFieldText(e: ApiFailure): string {
  const field = /'(\w+)'/.exec(e.message)?.[1];
  if ((field === 'from' || field === 'to') && /after/.test(e.message)) return t('errDateRange');
  if (field === 'from' || field === 'to') return t('errFilterDate');
  if (field === 'category') return t('errFilterCategory');
  return lang.value === 'en' ? e.message : t('errINVALID_FIELD');
}

/** A toast's words in the current language. */
export function toastText(m: ToastMessage): string {
  return 'error' in m ? errorText(m.error) : t(m.key, m.vars);
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const f = error instanceof ApiFailure ? error : null;
  return (
    <div class="note error" role="alert">
      <p>{errorText(error)}</p>
      {f && (
        <p class="meta">
          {t('errorCode')}: <code>{f.code}</code>
          {f.requestId && (
            <>
              {' · '}
              {t('requestId')}: <RequestIdLink id={f.requestId} />
            </>
          )}
        </p>
      )}
      {onRetry && (
        <button type="button" class="btn secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

export interface Load<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `fn` on mount and whenever `deps` change; the latest call wins. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Load<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    fn().then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/** A load's failure (with a retry) or, before the first answer, the spinner. */
export function LoadStatus({ load }: { load: Load<unknown> }) {
  if (load.error !== null) return <ErrorNote error={load.error} onRetry={load.reload} />;
  return load.loading && load.data === undefined ? <Loading /> : null;
}

/** An API key's or a connection's status. */
export function StatusTag({ status }: { status: 'active' | 'revoked' | 'reauth_required' }) {
  const words =
    status === 'active' ? t('active') : status === 'revoked' ? t('revokedStatus') : t('connReauth');
  return <span class={`tag ${status}`}>{words}</span>;
}

/** Opens the confirmation for revoking `what` (named for screen readers, since each row has one). */
export function RevokeButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button type="button" class="btn danger small" onClick={onClick} aria-label={`${t('revoke')} ${what}`}>
      {t('revoke')}
    </button>
  );
}

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const copy = async (e: MouseEvent) => {
    try {
      await navigator.clipboard.writeText(text);
      toast('copied');
    } catch {
      // No clipboard permission: select the text beside the button so the user can copy it.
      const code = (e.currentTarget as HTMLElement).parentElement?.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
      toastProblem('copyFailed');
    }
  };
  return (
    <button
      type="button"
      class="btn secondary small"
      onClick={copy}
      aria-label={label ? `${t('copy')}: ${label}` : t('copy')}
    >
      {t('copy')}
    </button>
  );
}

/** A secret shown once: the value, a copy button and the warning, announced when it appears. */
export function ShownOnce({
  title,
  value,
  warning,
  children,
}: {
  title: string;
  value: string;
  warning: string;
  children?: ComponentChildren;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="card once" aria-labelledby="once-title" tabIndex={-1} ref={ref}>
      <h2 id="once-title">{title}</h2>
      <p class="warning">
        <strong aria-hidden="true">! </strong>
        {warning}
      </p>
      <div class="secret">
        <code data-testid="secret-value">{value}</code>
        <CopyButton text={value} label={title} />
      </div>
      {children}
    </section>
  );
}

export function Field(props: {
  label: string;
  name: string;
  type?: string;
  value: string;
  onInput: (v: string) => void;
  error?: string | null;
  hint?: string;
  autocomplete?: string;
  placeholder?: string;
  inputRef?: preact.Ref<HTMLInputElement>;
  required?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy =
    [props.hint ? hintId : '', props.error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        ref={props.inputRef}
        autoComplete={props.autocomplete}
        placeholder={props.placeholder}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {props.error && (
        <p class="field-error" id={errId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes choosing some of `options`; the choice keeps the options' order. */
export function Choices<T extends string>(props: {
  legend: string;
  hint: string;
  name: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
}) {
  const hintId = `${useId()}-hint`;
  const toggle = (v: T) =>
    props.onChange(
      props.options.filter((o) => (o === v ? !props.selected.includes(o) : props.selected.includes(o))),
    );
  return (
    <fieldset class={`choices${props.error ? ' invalid' : ''}`} aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
      {props.options.map((o) => (
        <label key={o} class="choice">
          <input
            type="checkbox"
            name={props.name}
            value={o}
            checked={props.selected.includes(o)}
            onChange={() => toggle(o)}
          />
          <code>{o}</code>
        </label>
      ))}
      {props.error && <p class="field-error">{props.error}</p>}
    </fieldset>
  );
}

/** A labelled <select>; option values are what the code sees, labels what the user reads. */
export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A modal confirmation on the native <dialog> (focus trap, Escape and focus return come with it). */
export function Confirm(props: {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
  /** Extra controls between the text and the buttons (e.g. a choice the action takes). */
  children?: ComponentChildren;
  /** The confirm button's look: destructive by default. */
  tone?: 'danger' | 'primary';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      props.onClose();
    }
  };
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onClose={props.onClose}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      {props.children}
      <div class="row end">
        <button type="button" class="btn secondary" onClick={() => ref.current?.close()}>
          {t('cancel')}
        </button>
        <button type="button" class={`btn ${props.tone ?? 'danger'}`} onClick={confirm} disabled={busy}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

export function PageHeader({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: string;
  children?: ComponentChildren;
}) {
  return (
    <header class="page-header">
      <h1 tabIndex={-1} id="page-title">
        {title}
      </h1>
      {lead && <p class="lead">{lead}</p>}
      {children}
    </header>
  );
}

/**
 * A wide table's scroll box. Keyboard users must be able to focus it to scroll (WCAG 2.1.1, axe
 * scrollable-region-focusable), so it is a named, focusable region.
 */
export function ScrollRegion({
  children,
  labelledBy,
  label,
}: {
  children: ComponentChildren;
  labelledBy?: string;
  label?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll with the keyboard
    // biome-ignore lint/a11y/useSemanticElements: <section> would add a landmark per table; a region div is what is meant
    <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={labelledBy} aria-label={label}>
      {children}
    </div>
  );
}

export function Code({ children, label }: { children: string; label: string }) {
  return (
    <div class="code">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: wide code scrolls sideways; the keyboard must reach it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named scroll box, not a page section */}
      <pre tabIndex={0} role="region" aria-label={label}>
        <code>{children}</code>
      </pre>
      <CopyButton text={children} label={label} />
    </div>
  );
}

export type FormEvent = JSX.TargetedEvent<HTMLFormElement, Event>;

/** A request id, linking to that request in the request log. */
export function RequestIdLink({ id }: { id: string }) {
  return (
    <Link to={`logs?request_id=${encodeURIComponent(id)}`} class="rid-link">
      <code class="rid">{id}</code>
    </Link>
  );
}

/** The choices of an overlap when a secret is rolled (API key or webhook signing secret): now, or 1 h to 7 days. */
export function rollHoursOptions(): { value: string; label: string }[] {
  return [
    { value: '0', label: t('rollNow') },
    ...[1, 24, 72, 168].map((n) => ({ value: String(n), label: t('rollHours', { n }) })),
  ];
}
