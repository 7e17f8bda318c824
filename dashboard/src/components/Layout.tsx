import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { dev } from '../api.js';
import { type Key, type Lang, lang, setLang, t } from '../i18n.js';
import { navigate, route } from '../router.js';
import { developer, dismiss, forgetSession, toast, toasts } from '../state.js';
import { Link, toastText } from './ui.js';

const NAV: { path: string; label: Key }[] = [
  { path: '', label: 'navOverview' },
  { path: 'keys', label: 'navKeys' },
  { path: 'usage', label: 'navUsage' },
  { path: 'logs', label: 'navLogs' },
  { path: 'webhooks', label: 'navWebhooks' },
  { path: 'explorer', label: 'navExplorer' },
  { path: 'widget', label: 'navWidget' },
  { path: 'settings', label: 'settingsTitle' },
];

function LangSwitch() {
  const langs: { id: Lang; name: string }[] = [
    { id: 'sr', name: 'Srpski' },
    { id: 'en', name: 'English' },
  ];
  return (
    <fieldset class="lang" aria-label={t('language')}>
      <legend class="sr-only">{t('language')}</legend>
      {langs.map((l) => (
        <button
          key={l.id}
          type="button"
          lang={l.id}
          aria-pressed={lang.value === l.id}
          onClick={() => setLang(l.id)}
        >
          {l.name}
        </button>
      ))}
    </fieldset>
  );
}

function SkipLink() {
  return (
    <a class="skip" href="#main">
      {t('skip')}
    </a>
  );
}

export function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite" aria-atomic="false">
      {toasts.value.map((x) => (
        <div key={x.id} class={`toast ${x.kind}`}>
          <span>{toastText(x.message)}</span>
          <button type="button" class="toast-close" aria-label={t('close')} onClick={() => dismiss(x.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function Brand() {
  return (
    <span class="brand">
      <span class="logo" aria-hidden="true">
        Đ
      </span>
      <span>
        <strong>OpenDinar</strong> <span class="brand-sub">{t('appName')}</span>
      </span>
    </span>
  );
}

/** Login and sign-up: brand, language, one centred card. */
export function AuthLayout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <SkipLink />
      <header class="topbar">
        <Brand />
        <LangSwitch />
      </header>
      <main id="main" class="auth-main" tabIndex={-1}>
        {children}
      </main>
      <Toasts />
    </>
  );
}

export function AppLayout({ children }: { children: ComponentChildren }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const current = route.value.path.split('/')[0] ?? '';
  // Following a link on a phone closes the menu.
  useEffect(() => setMenuOpen(false), [route.value.path]);
  const logout = async () => {
    try {
      await dev.logout();
    } catch {
      // The session may already be gone; logging out locally is what matters.
    }
    forgetSession();
    toast('loggedOut');
    navigate('login', true);
  };
  return (
    <>
      <SkipLink />
      <header class="topbar">
        <Brand />
        <div class="topbar-right">
          <LangSwitch />
          <span class="who" title={developer.value?.email}>
            {developer.value?.email}
          </span>
          <button type="button" class="btn secondary small" onClick={logout}>
            {t('logout')}
          </button>
          <button
            type="button"
            class="btn secondary small menu-btn"
            aria-expanded={menuOpen}
            aria-controls="side-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('menu')}
          </button>
        </div>
      </header>
      <div class="shell">
        <nav id="side-nav" class={`side${menuOpen ? ' open' : ''}`} aria-label={t('appName')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <Link to={n.path} aria-current={current === n.path ? 'page' : undefined}>
                  {t(n.label)}
                </Link>
              </li>
            ))}
            <li>
              <a href="/docs">{t('navDocs')}</a>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Toasts />
    </>
  );
}
