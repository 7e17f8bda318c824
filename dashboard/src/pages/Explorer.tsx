import { bank } from '../api.js';
import { KeyGate } from '../components/KeyGate.js';
import { Empty, ErrorNote, Link, Loading, PageHeader, ScrollRegion, useLoad } from '../components/ui.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { explorerKey } from '../state.js';

function ExplorerData({ apiKey }: { apiKey: string }) {
  const api = bank(apiKey);
  const conns = useLoad(() => api.connections(), [apiKey]);
  const accounts = useLoad(() => api.accounts(), [apiKey]);
  return (
    <>
      <section class="card" aria-labelledby="conn-title">
        <h2 id="conn-title">{t('connections')}</h2>
        {conns.error !== null && <ErrorNote error={conns.error} onRetry={conns.reload} />}
        {conns.loading && !conns.data && <Loading />}
        {conns.data && conns.data.connections.length === 0 && (
          <Empty>
            {t('noConnections')} <Link to="widget">{t('navWidget')}</Link>
          </Empty>
        )}
        {conns.data && conns.data.connections.length > 0 && (
          <ScrollRegion labelledBy={'conn-title'}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('bankName')}</th>
                  <th scope="col">ID</th>
                  <th scope="col">{t('user')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('created')}</th>
                </tr>
              </thead>
              <tbody>
                {conns.data.connections.map((c) => (
                  <tr key={c.connection_id} data-connection-id={c.connection_id}>
                    <td>{c.bank_name}</td>
                    <td>
                      <code>{c.connection_id}</code>
                    </td>
                    <td>
                      <code>{c.user_id}</code>
                    </td>
                    <td>
                      <span class={`tag ${c.status}`}>
                        {c.status === 'active' ? t('active') : t('revokedStatus')}
                      </span>
                    </td>
                    <td>{dateTime(c.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      <section class="card" aria-labelledby="acc-title">
        <h2 id="acc-title">{t('accounts')}</h2>
        {accounts.error !== null && <ErrorNote error={accounts.error} onRetry={accounts.reload} />}
        {accounts.loading && !accounts.data && <Loading />}
        {accounts.data && accounts.data.accounts.length === 0 && <Empty>{t('noAccounts')}</Empty>}
        {accounts.data && accounts.data.accounts.length > 0 && (
          <ul class="accounts">
            {accounts.data.accounts.map((a) => (
              <li key={a.id}>
                <Link to={`explorer/accounts/${encodeURIComponent(a.id)}`} class="account-link">
                  <span class="account-name">{a.name}</span>
                  <span class="meta">
                    {a.bank_id} · {a.type} · {a.currency} · <code>{a.account_number}</code>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ExplorerPage() {
  return (
    <>
      <PageHeader title={t('explorerTitle')} lead={t('explorerLead')} />
      <KeyGate>{explorerKey.value && <ExplorerData apiKey={explorerKey.value.key} />}</KeyGate>
    </>
  );
}
