import { bank, dev } from '../api.js';
import { Code, Link, PageHeader, ShownOnce, useLoad } from '../components/ui.js';
import { t } from '../i18n.js';
import { quickstart } from '../snippets.js';
import { developer, explorerApp, freshKey } from '../state.js';

/** The quickstart with the developer's real ids: their app, its key (when just shown) and an account of it. */
export function OverviewPage() {
  const fresh = freshKey.value;
  const keys = useLoad(() => dev.keys(), []);
  const apps = (keys.data?.keys ?? []).filter((k) => k.status === 'active' && k.environment === 'sandbox');
  const app = apps.find((k) => k.id === (fresh?.id ?? explorerApp.value)) ?? apps[0];
  const accounts = useLoad(
    () => (app ? bank(app.id).accounts() : Promise.resolve({ accounts: [] })),
    [app?.id],
  );
  const accountId = accounts.data?.accounts[0]?.id ?? null;
  const key = fresh && app && fresh.id === app.id ? fresh.key : null;
  const q = quickstart({ origin: location.origin, key, accountId });
  return (
    <>
      <PageHeader title={t('welcome', { name: developer.value?.name ?? '' })} lead={t('overviewLead')} />
      {fresh && (
        <ShownOnce title={t('firstKeyTitle')} value={fresh.key} warning={t('onceWarning')}>
          <p class="meta">
            {fresh.app_name} · {fresh.environment} · {fresh.scopes.join(', ')}
          </p>
        </ShownOnce>
      )}
      {app && (
        <p class="note info" data-testid="qs-app">
          {t('qsApp', { app: app.app_name, prefix: app.prefix, id: app.id })}
        </p>
      )}
      {!key && <p class="note info">{t('qsSecretEnv')}</p>}
      {accounts.data && !accountId && (
        <p class="note info">
          {t('qsNoAccount')} <Link to="widget">{t('goWidget')}</Link>
        </p>
      )}
      <section class="card" aria-labelledby="qs1">
        <h2 id="qs1">{t('step1')}</h2>
        <Code label={`${t('step1')} (curl)`}>{q.linkTokenCurl}</Code>
        <h3>{t('qsNode')}</h3>
        <Code label={`${t('step1')} (Node.js)`}>{q.linkTokenNode}</Code>
        <h2>{t('step2')}</h2>
        <Code label={t('step2')}>{q.widget}</Code>
        <h2>{t('step3')}</h2>
        <Code label={t('step3')}>{q.exchange}</Code>
        <h2>{t('step4')}</h2>
        <Code label={t('step4')}>{q.transactions}</Code>
      </section>
      <section class="card" aria-labelledby="next">
        <h2 id="next">{t('nextSteps')}</h2>
        <ul class="links">
          <li>
            <Link to="widget">{t('goWidget')}</Link>
          </li>
          <li>
            <Link to="explorer">{t('goExplorer')}</Link>
          </li>
          <li>
            <Link to="webhooks">{t('goWebhooks')}</Link>
          </li>
          <li>
            <a href="/docs">/docs</a>
          </li>
        </ul>
      </section>
    </>
  );
}
