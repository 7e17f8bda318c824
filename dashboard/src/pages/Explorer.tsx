import { useState } from 'preact/hooks';
import { bank, type Connection } from '../api.js';
import { KeyGate } from '../components/KeyGate.js';
import {
  Confirm,
  Empty,
  Link,
  LoadStatus,
  PageHeader,
  RevokeButton,
  ScrollRegion,
  StatusTag,
  useLoad,
} from '../components/ui.js';
import { dateTime } from '../format.js';
import { t, valueLabel } from '../i18n.js';
import { toast, toastError } from '../state.js';

function ExplorerData({ keyId }: { keyId: string }) {
  const api = bank(keyId);
  const conns = useLoad(() => api.connections(), [keyId]);
  const accounts = useLoad(() => api.accounts(), [keyId]);
  const [revoking, setRevoking] = useState<Connection | null>(null);
  const bankNames = new Map(conns.data?.connections.map((c) => [c.bank_id, c.bank_name]) ?? []);
  const revoke = async (c: Connection) => {
    try {
      await api.revokeConnection(c.connection_id);
      toast('connRevoked', { id: c.connection_id });
    } catch (err) {
      toastError(err);
    }
    // Either way the list shows what the server now holds (a revoked connection's accounts are gone).
    conns.reload();
    accounts.reload();
  };
  return (
    <>
      <section class="card" aria-labelledby="conn-title">
        <h2 id="conn-title">{t('connections')}</h2>
        <LoadStatus load={conns} />
        {conns.data && conns.data.connections.length === 0 && (
          <Empty>
            {t('noConnections')} <Link to="widget">{t('navWidget')}</Link>
          </Empty>
        )}
        {conns.data && conns.data.connections.length > 0 && (
          <ScrollRegion labelledBy={'conn-title'}>
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{t('bankName')}</th>
                  <th scope="col">ID</th>
                  <th scope="col">{t('user')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('created')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {conns.data.connections.map((c) => (
                  <tr key={c.connection_id} data-connection-id={c.connection_id}>
                    <td data-label={t('bankName')}>{c.bank_name}</td>
                    <td data-label="ID">
                      <code>{c.connection_id}</code>
                    </td>
                    <td data-label={t('user')}>
                      <code>{c.user_id}</code>
                    </td>
                    <td data-label={t('status')}>
                      <StatusTag status={c.status} />
                      {c.revoked_at && <span class="meta nowrap"> · {dateTime(c.revoked_at)}</span>}
                    </td>
                    <td data-label={t('created')}>{dateTime(c.created_at)}</td>
                    <td>
                      {c.status !== 'revoked' && (
                        <RevokeButton what={c.connection_id} onClick={() => setRevoking(c)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      <section class="card" aria-labelledby="acc-title">
        <h2 id="acc-title">{t('accounts')}</h2>
        <LoadStatus load={accounts} />
        {accounts.data && accounts.data.accounts.length === 0 && <Empty>{t('noAccounts')}</Empty>}
        {accounts.data && accounts.data.accounts.length > 0 && (
          <ul class="accounts">
            {accounts.data.accounts.map((a) => (
              <li key={a.id}>
                <Link to={`explorer/accounts/${encodeURIComponent(a.id)}`} class="account-link">
                  <span class="account-name">{a.name}</span>
                  <span class="meta">
                    {bankNames.get(a.bank_id) ?? a.bank_id} · {valueLabel('acct', a.type)} · {a.currency} ·{' '}
                    <code class="nowrap">{a.account_number}</code>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {revoking && (
        <Confirm
          title={t('revokeConnTitle')}
          body={t('revokeConnBody', { id: revoking.connection_id, bank: revoking.bank_name })}
          confirmLabel={t('revoke')}
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}

export function ExplorerPage() {
  return (
    <>
      <PageHeader title={t('explorerTitle')} lead={t('explorerLead')} />
      <KeyGate>{(keyId) => <ExplorerData keyId={keyId} />}</KeyGate>
    </>
  );
}
