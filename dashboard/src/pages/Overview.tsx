import { Code, Link, PageHeader, ShownOnce } from '../components/ui.js';
import { t } from '../i18n.js';
import { quickstart } from '../snippets.js';
import { developer, explorerKey, freshKey } from '../state.js';

export function OverviewPage() {
  const fresh = freshKey.value;
  const key = fresh?.key ?? explorerKey.value?.key ?? null;
  const q = quickstart(key, location.origin);
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
      {!key && <p class="note info">{t('noKeyInSnippets')}</p>}
      <section class="card" aria-labelledby="qs1">
        <h2 id="qs1">{t('step1')}</h2>
        <Code label={t('step1')}>{q.script}</Code>
        <h2>{t('step2')}</h2>
        <Code label={t('step2')}>{q.create}</Code>
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
        </ul>
      </section>
    </>
  );
}
