import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, dev } from '../api.js';
import { AuthLayout } from '../components/Layout.js';
import { ErrorNote, errorText, Field, type FormEvent, Link } from '../components/ui.js';
import { t, waitFor } from '../i18n.js';
import { navigate, queryParam } from '../router.js';
import { developer, freshKey, sessionNotice, setExplorerKey } from '../state.js';

type Errors = Partial<Record<'email' | 'password' | 'name' | 'form', string>>;

/** Which field an API error code belongs to (the rest are shown above the button). */
const FIELD_OF: Record<string, keyof Errors> = {
  EMAIL_TAKEN: 'email',
  INVALID_EMAIL: 'email',
  PASSWORD_TOO_SHORT: 'password',
  INVALID_CREDENTIALS: 'password',
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
  return { errors, setErrors, busy, setBusy, cooldown, failure, fail, refs };
}

function FormErrors({ form, cooldown }: { form?: string; cooldown: number }) {
  if (!form) return null;
  return (
    <p class="note error" role="alert">
      {cooldown > 0 ? t('errRATE_LIMIT_EXCEEDED', { s: waitFor(cooldown) }) : form}
    </p>
  );
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const f = useAuthForm(['email', 'password']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (f.busy || f.cooldown > 0) return;
    f.setBusy(true);
    try {
      await dev.login({ email, password });
      developer.value = await dev.me();
      sessionNotice.value = null;
      navigate(safeNext(), true);
    } catch (err) {
      f.fail(err);
    } finally {
      f.setBusy(false);
    }
  };
  return (
    <AuthLayout>
      <section class="card auth-card" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('loginTitle')}
        </h1>
        <p class="lead">{t('loginLead')}</p>
        {sessionNotice.value && (
          <p class="note info" role="status">
            {sessionNotice.value}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <Field
            label={t('email')}
            name="email"
            type="email"
            autocomplete="email"
            value={email}
            onInput={setEmail}
            error={f.errors.email}
            inputRef={f.refs.email}
            required
          />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={setPassword}
            error={f.errors.password}
            inputRef={f.refs.password}
            required
          />
          <FormErrors form={f.errors.form} cooldown={f.cooldown} />
          {f.failure !== null && <ErrorNote error={f.failure} />}
          <button type="submit" class="btn primary wide" disabled={f.busy || f.cooldown > 0}>
            {t('loginSubmit')}
          </button>
        </form>
        <p class="switch">
          {t('noAccount')} <Link to={`signup${location.search}`}>{t('toSignup')}</Link>
        </p>
      </section>
    </AuthLayout>
  );
}

export function SignupPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const f = useAuthForm(['name', 'email', 'password']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (f.busy || f.cooldown > 0) return;
    f.setBusy(true);
    try {
      const res = await dev.register({ email, password, name });
      developer.value = res.developer;
      freshKey.value = res.api_key;
      setExplorerKey(res.api_key.key, res.api_key.id);
      sessionNotice.value = null;
      navigate('', true);
    } catch (err) {
      f.fail(err);
    } finally {
      f.setBusy(false);
    }
  };
  return (
    <AuthLayout>
      <section class="card auth-card" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('signupTitle')}
        </h1>
        <p class="lead">{t('signupLead')}</p>
        <form onSubmit={submit} noValidate>
          <Field
            label={t('name')}
            name="name"
            autocomplete="organization"
            hint={t('nameHint')}
            value={name}
            onInput={setName}
            error={f.errors.name}
            inputRef={f.refs.name}
            required
          />
          <Field
            label={t('email')}
            name="email"
            type="email"
            autocomplete="email"
            value={email}
            onInput={setEmail}
            error={f.errors.email}
            inputRef={f.refs.email}
            required
          />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autocomplete="new-password"
            hint={t('passwordHint')}
            value={password}
            onInput={setPassword}
            error={f.errors.password}
            inputRef={f.refs.password}
            required
          />
          <FormErrors form={f.errors.form} cooldown={f.cooldown} />
          {f.failure !== null && <ErrorNote error={f.failure} />}
          <button type="submit" class="btn primary wide" disabled={f.busy || f.cooldown > 0}>
            {t('signupSubmit')}
          </button>
        </form>
        <p class="switch">
          {t('haveAccount')} <Link to={`login${location.search}`}>{t('toLogin')}</Link>
        </p>
      </section>
    </AuthLayout>
  );
}
