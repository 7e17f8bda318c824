import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, dev } from '../api.js';
import { AuthLayout } from '../components/Layout.js';
import { ErrorNote, errorText, Field, type FormEvent, Link } from '../components/ui.js';
import { type Key, t, waitFor } from '../i18n.js';
import { navigate, queryParam } from '../router.js';
import { developer, explorerApp, freshKey, sessionNotice } from '../state.js';

type Errors = Partial<Record<'email' | 'password' | 'name' | 'form', string>>;

/** Which field an API error code belongs to (the rest are shown above the button). */
const FIELD_OF: Record<string, keyof Errors> = {
  EMAIL_TAKEN: 'email',
  INVALID_EMAIL: 'email',
  PASSWORD_TOO_SHORT: 'password',
  INVALID_CREDENTIALS: 'password',
  INVALID_RESET_TOKEN: 'password',
};

function missingFields(message: string, fields: (keyof Errors)[]): Errors {
  const errs: Errors = {};
  for (const f of fields) if (message.includes(f)) errs[f] = t('errMISSING_FIELDS');
  return Object.keys(errs).length > 0 ? errs : { form: message };
}

/** Seconds to wait after RATE_LIMIT_EXCEEDED, counting down once a second. */
function useCooldown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

function safeNext(): string {
  const next = queryParam('next') ?? '';
  // Only our own routes: no scheme, no protocol-relative "//host".
  return /^[a-z0-9/_-]*(\?[^#]*)?$/i.test(next) && !next.startsWith('/') ? next : '';
}

type AuthForm = ReturnType<typeof useAuthForm>;

function useAuthForm(fields: (keyof Errors)[]) {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [cooldown, setCooldown] = useCooldown();
  const [failure, setFailure] = useState<unknown>(null);
  const refs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
  };
  const fail = (e: unknown) => {
    let errs: Errors = {};
    setFailure(null);
    if (e instanceof ApiFailure && FIELD_OF[e.code]) errs[FIELD_OF[e.code] as keyof Errors] = errorText(e);
    else if (e instanceof ApiFailure && e.code === 'MISSING_FIELDS') errs = missingFields(e.message, fields);
    else if (e instanceof ApiFailure && e.code === 'RATE_LIMIT_EXCEEDED') {
      setCooldown(e.retryAfter ?? 60);
      errs.form = errorText(e);
    } else setFailure(e);
    setErrors(errs);
    const first = fields.find((f) => errs[f]);
    if (first && first !== 'form') refs[first as 'email' | 'password' | 'name'].current?.focus();
  };
  /** The submit handler: one request at a time, none while rate limited, errors placed by `fail`. */
  const submitWith = (send: () => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    if (busy || cooldown > 0) return;
    setBusy(true);
    try {
      await send();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, cooldown, failure, refs, submitWith };
}

function AuthField(props: {
  form: AuthForm;
  field: 'name' | 'email' | 'password';
  value: string;
  onInput: (v: string) => void;
  autocomplete: string;
  hint?: string;
}) {
  const { form, field } = props;
  return (
    <Field
      label={t(field)}
      name={field}
      type={field === 'name' ? 'text' : field}
      autocomplete={props.autocomplete}
      hint={props.hint}
      value={props.value}
      onInput={props.onInput}
      error={form.errors[field]}
      inputRef={form.refs[field]}
      required
    />
  );
}

/** Login and sign-up share the card: title, lead, the fields, errors, submit and the way to the other page. */
function AuthCard(props: {
  form: AuthForm;
  title: string;
  lead: string;
  onSubmit: (e: FormEvent) => void;
  submit: string;
  question: string;
  other: { to: string; label: string };
  /** Why the user is here (the login page after a lost session). */
  notice?: Key | null;
  children: ComponentChildren;
}) {
  const f = props.form;
  return (
    <AuthLayout>
      <section class="card auth-card" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        <p class="lead">{props.lead}</p>
        {props.notice && (
          <p class="note info" role="status">
            {t(props.notice)}
          </p>
        )}
        <form onSubmit={props.onSubmit} noValidate>
          {props.children}
          {f.errors.form && (
            <p class="note error" role="alert">
              {f.cooldown > 0 ? t('errRATE_LIMIT_EXCEEDED', { s: waitFor(f.cooldown) }) : f.errors.form}
            </p>
          )}
          {f.failure !== null && <ErrorNote error={f.failure} />}
          <button type="submit" class="btn primary wide" disabled={f.busy || f.cooldown > 0}>
            {props.submit}
          </button>
        </form>
        <p class="switch">
          {props.question} <Link to={`${props.other.to}${location.search}`}>{props.other.label}</Link>
        </p>
      </section>
    </AuthLayout>
  );
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const f = useAuthForm(['email', 'password']);
  const submit = f.submitWith(async () => {
    await dev.login({ email, password });
    developer.value = await dev.me();
    sessionNotice.value = null;
    navigate(safeNext(), true);
  });
  return (
    <AuthCard
      form={f}
      title={t('loginTitle')}
      lead={t('loginLead')}
      notice={sessionNotice.value}
      onSubmit={submit}
      submit={t('loginSubmit')}
      question={t('noAccount')}
      other={{ to: 'signup', label: t('toSignup') }}
    >
      <AuthField form={f} field="email" autocomplete="email" value={email} onInput={setEmail} />
      <AuthField
        form={f}
        field="password"
        autocomplete="current-password"
        value={password}
        onInput={setPassword}
      />
      <p class="forgot">
        <Link to="forgot">{t('forgotLink')}</Link>
      </p>
    </AuthCard>
  );
}

/** "Forgot your password?": e-mails a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const f = useAuthForm(['email']);
  const submit = f.submitWith(async () => {
    await dev.forgotPassword(email);
    setSent(true);
  });
  return (
    <AuthCard
      form={f}
      title={t('forgotTitle')}
      lead={t('forgotLead')}
      notice={sent ? 'resetSent' : null}
      onSubmit={submit}
      submit={t('forgotSubmit')}
      question={t('haveAccount')}
      other={{ to: 'login', label: t('toLogin') }}
    >
      <AuthField form={f} field="email" autocomplete="email" value={email} onInput={setEmail} />
    </AuthCard>
  );
}

/** The e-mailed link lands here; its token is in the fragment (never sent to a server log). */
export function ResetPage() {
  const [password, setPassword] = useState('');
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const f = useAuthForm(['password']);
  const submit = f.submitWith(async () => {
    await dev.resetPassword({ token, new_password: password });
    history.replaceState(null, '', location.pathname); // the token is spent: drop it from the address bar
    sessionNotice.value = 'passwordResetDone';
    navigate('login', true);
  });
  return (
    <AuthCard
      form={f}
      title={t('resetTitle')}
      lead={t('resetLead')}
      onSubmit={submit}
      submit={t('resetSubmit')}
      question={t('haveAccount')}
      other={{ to: 'login', label: t('toLogin') }}
    >
      <AuthField
        form={f}
        field="password"
        autocomplete="new-password"
        hint={t('passwordHint')}
        value={password}
        onInput={setPassword}
      />
    </AuthCard>
  );
}

export function SignupPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const f = useAuthForm(['name', 'email', 'password']);
  const submit = f.submitWith(async () => {
    const res = await dev.register({ email, password, name });
    developer.value = res.developer;
    freshKey.value = res.api_key;
    explorerApp.value = res.api_key.id;
    sessionNotice.value = null;
    navigate('', true);
  });
  return (
    <AuthCard
      form={f}
      title={t('signupTitle')}
      lead={t('signupLead')}
      onSubmit={submit}
      submit={t('signupSubmit')}
      question={t('haveAccount')}
      other={{ to: 'login', label: t('toLogin') }}
    >
      <AuthField
        form={f}
        field="name"
        autocomplete="organization"
        hint={t('nameHint')}
        value={name}
        onInput={setName}
      />
      <AuthField form={f} field="email" autocomplete="email" value={email} onInput={setEmail} />
      <AuthField
        form={f}
        field="password"
        autocomplete="new-password"
        hint={t('passwordHint')}
        value={password}
        onInput={setPassword}
      />
    </AuthCard>
  );
}
