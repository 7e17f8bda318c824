import { effect } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { dev, setSessionLostHandler } from './api.js';
import { AppLayout } from './components/Layout.js';
import { ErrorNote, Loading } from './components/ui.js';
import { lang, t } from './i18n.js';
import { AccountPage } from './pages/Account.js';
import { ForgotPage, LoginPage, ResetPage, SignupPage } from './pages/Auth.js';
import { ExplorerPage } from './pages/Explorer.js';
import { KeysPage } from './pages/Keys.js';
import { LogsPage } from './pages/Logs.js';
import { OverviewPage } from './pages/Overview.js';
import { SettingsPage } from './pages/Settings.js';
import { UsagePage } from './pages/Usage.js';
import { WebhooksPage } from './pages/Webhooks.js';
import { WidgetPage } from './pages/Widget.js';
import { here, navigate, route } from './router.js';
import { developer, forgetSession, sessionNotice } from './state.js';
import './styles.css';

const PUBLIC = new Set(['login', 'signup', 'forgot', 'reset']);

setSessionLostHandler(() => {
  if (!developer.value) return; // not logged in yet: nothing was lost
  const back = here();
  forgetSession();
  sessionNotice.value = 'sessionExpired';
  navigate(`login${back ? `?next=${encodeURIComponent(back)}` : ''}`, true);
});

function loginRedirect(): void {
  const back = here();
  navigate(`login${back ? `?next=${encodeURIComponent(back)}` : ''}`, true);
}

let bootError: unknown = null;
async function boot(): Promise<void> {
  // No CSRF cookie means no dashboard session: skip the request that could only answer 401.
  if (!/(?:^|;\s*)od_csrf=/.test(document.cookie)) {
    developer.value = null;
    return;
  }
  try {
    developer.value = await dev.me();
  } catch (e) {
    developer.value = null;
    const code = (e as { code?: string }).code ?? '';
    if (!['MISSING_DEV_TOKEN', 'INVALID_DEV_TOKEN', 'EXPIRED_DEV_TOKEN', 'INVALID_CSRF_TOKEN'].includes(code))
      bootError = e;
  }
}

function Page({ path }: { path: string }) {
  const parts = path.split('/');
  switch (parts[0]) {
    case '':
      return <OverviewPage />;
    case 'keys':
      return <KeysPage />;
    case 'usage':
      return <UsagePage />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'logs':
      return <LogsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'explorer':
      return parts[1] === 'accounts' && parts[2] ? (
        <AccountPage accountId={decodeURIComponent(parts[2])} />
      ) : (
        <ExplorerPage />
      );
    case 'widget':
      return <WidgetPage />;
    default:
      return <OverviewPage />;
  }
}

const TITLES: Record<string, Parameters<typeof t>[0]> = {
  '': 'navOverview',
  keys: 'navKeys',
  usage: 'navUsage',
  webhooks: 'navWebhooks',
  logs: 'navLogs',
  explorer: 'navExplorer',
  widget: 'navWidget',
  settings: 'settingsTitle',
  forgot: 'forgotTitle',
  reset: 'resetTitle',
  login: 'loginTitle',
  signup: 'signupTitle',
};

function App() {
  const { path } = route.value;
  const section = path.split('/')[0] ?? '';
  const isPublic = PUBLIC.has(section);
  const me = developer.value;
  const first = useRef(true);

  useEffect(() => {
    if (me === null && !isPublic) loginRedirect();
    if (me && isPublic) navigate('', true);
  }, [me, isPublic]);

  // A route change moves focus to the new page's heading, as a page load would for a screen reader.
  useEffect(() => {
    document.title = `${t(TITLES[section] ?? 'navOverview')} · OpenDinar`;
    if (first.current) {
      first.current = false;
      return;
    }
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, [path, lang.value]);

  if (me === undefined) return <Loading />;
  if (bootError !== null && me === null)
    return <ErrorNote error={bootError} onRetry={() => location.reload()} />;
  if (section === 'login') return <LoginPage />;
  if (section === 'signup') return <SignupPage />;
  if (section === 'forgot') return <ForgotPage />;
  if (section === 'reset') return <ResetPage />;
  if (!me) return <Loading />;
  return (
    <AppLayout>
      <Page path={path} />
    </AppLayout>
  );
}

effect(() => {
  document.documentElement.lang = lang.value;
});

const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  void boot();
}
