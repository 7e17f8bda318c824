import { useState } from 'preact/hooks';
import { ApiFailure, bank, CATEGORIES, type RecurringStream, type Transaction } from '../api.js';
import { KeyGate } from '../components/KeyGate.js';
import {
  Empty,
  ErrorNote,
  Field,
  type FormEvent,
  Link,
  LoadStatus,
  PageHeader,
  ScrollRegion,
  SelectField,
  useLoad,
} from '../components/ui.js';
import { dateTime, day, money } from '../format.js';
import { t, valueLabel } from '../i18n.js';
import { toast, toastError } from '../state.js';

const PAGE = 50;

interface Filters {
  from: string;
  to: string;
  category: string;
}

function Transactions({ keyId, accountId, version }: { keyId: string; accountId: string; version: number }) {
  const [draft, setDraft] = useState<Filters>({ from: '', to: '', category: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [extra, setExtra] = useState<Transaction[]>([]);
  const [moreError, setMoreError] = useState<unknown>(null);
  const query = (offset: number) => ({ ...filters, limit: PAGE, offset });
  const list = useLoad(
    () => bank(keyId).transactions(accountId, query(0)),
    [keyId, accountId, filters, version],
  );
  // A rejected filter clears what the previous one showed: only its reason is left (LoadStatus).
  const shownData = list.error === null ? list.data : undefined;
  const rows = shownData ? [...shownData.transactions, ...extra] : [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setExtra([]);
    setFilters({ ...draft });
  };
  const more = async () => {
    try {
      setMoreError(null);
      const res = await bank(keyId).transactions(accountId, query(rows.length));
      setExtra([...extra, ...res.transactions]);
    } catch (err) {
      setMoreError(err);
    }
  };
  const hasMore = shownData ? rows.length < shownData.total : false;
  return (
    <section class="card" aria-labelledby="txn-title">
      <h2 id="txn-title">{t('transactions')}</h2>
      <form class="filters" onSubmit={apply} noValidate>
        <Field
          label={t('from')}
          name="from"
          type="date"
          value={draft.from}
          onInput={(from) => setDraft({ ...draft, from })}
        />
        <Field
          label={t('to')}
          name="to"
          type="date"
          value={draft.to}
          onInput={(to) => setDraft({ ...draft, to })}
        />
        <SelectField
          label={t('category')}
          name="category"
          value={draft.category}
          onChange={(category) => setDraft({ ...draft, category })}
          options={[
            { value: '', label: t('anyCategory') },
            ...CATEGORIES.map((c) => ({ value: c, label: valueLabel('cat', c) })),
          ]}
        />
        <button type="submit" class="btn secondary">
          {t('apply')}
        </button>
      </form>
      <LoadStatus load={list} />
      {shownData && rows.length === 0 && <Empty>{t('noTransactions')}</Empty>}
      {shownData && rows.length > 0 && (
        <>
          <p class="meta" role="status">
            {t('shown', { n: rows.length, total: shownData.total })}
          </p>
          <ScrollRegion labelledBy={'txn-title'}>
            <table class="txns stack">
              <thead>
                <tr>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('description')}</th>
                  <th scope="col">{t('category')}</th>
                  <th scope="col" class="num">
                    {t('amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr key={x.id} data-txn-id={x.id}>
                    <td class="nowrap" data-label={t('date')}>
                      {day(x.date)}
                    </td>
                    <td data-label={t('description')}>
                      {(x.merchant_name ?? x.counterparty?.name) ? (
                        <>
                          <span class="merchant">{x.merchant_name ?? x.counterparty?.name}</span>
                          {x.counterparty?.account_number && (
                            <span class="account-no"> {x.counterparty.account_number}</span>
                          )}
                          <br />
                          <span class="raw-description">{x.description}</span>
                        </>
                      ) : (
                        x.description
                      )}
                      {x.pending === 1 && <span class="tag pending"> {t('pendingTag')}</span>}
                    </td>
                    <td data-label={t('category')}>
                      <span class="tag" data-category={x.category} data-confidence={x.category_confidence}>
                        {valueLabel('cat', x.category)}
                      </span>
                      {x.category_confidence === 'low' && (
                        <span class="low-confidence" title={t('lowConfidenceTitle')}>
                          {' '}
                          {t('lowConfidence')}
                        </span>
                      )}
                    </td>
                    <td class={`num nowrap ${x.amount < 0 ? 'debit' : 'credit'}`} data-label={t('amount')}>
                      {money(x.amount, x.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {moreError !== null && <ErrorNote error={moreError} />}
          {hasMore && (
            <button type="button" class="btn secondary" onClick={more}>
              {t('more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function StreamTable({
  title,
  streams,
  currency,
}: {
  title: string;
  streams: RecurringStream[];
  currency: string;
}) {
  return (
    <>
      <h3>{title}</h3>
      {streams.length === 0 ? (
        <Empty>{t('noStreams')}</Empty>
      ) : (
        <ScrollRegion label={title}>
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{t('description')}</th>
                <th scope="col">{t('category')}</th>
                <th scope="col">{t('frequency')}</th>
                <th scope="col" class="num">
                  {t('typical')}
                </th>
                <th scope="col" class="num">
                  {t('occurrences')}
                </th>
                <th scope="col">{t('nextExpected')}</th>
              </tr>
            </thead>
            <tbody>
              {streams.map((s) => (
                <tr key={`${s.description}-${s.frequency}`}>
                  <td data-label={t('description')}>{s.description}</td>
                  <td data-label={t('category')}>
                    <span class="tag" data-category={s.category}>
                      {valueLabel('cat', s.category)}
                    </span>
                  </td>
                  <td data-label={t('frequency')}>
                    {valueLabel('freq', s.frequency)}
                    {s.amount_type ? ` · ${valueLabel('amt', s.amount_type)}` : ''}
                  </td>
                  <td class="num nowrap" data-label={t('typical')}>
                    {money(s.typical_amount, currency)}
                  </td>
                  <td class="num" data-label={t('occurrences')}>
                    {s.occurrences ?? '—'}
                  </td>
                  <td class="nowrap" data-label={t('nextExpected')}>
                    {s.next_expected_date ? day(s.next_expected_date) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

/** The account holder, where the bank shares it (GET /accounts/:id/identity); else a plain note. */
function IdentityCard({ keyId, accountId }: { keyId: string; accountId: string }) {
  const identity = useLoad(() => bank(keyId).identity(accountId), [keyId, accountId]);
  const unavailable = identity.error instanceof ApiFailure && identity.error.code === 'IDENTITY_UNAVAILABLE';
  const d = identity.data;
  const rows: [string, string[]][] = d
    ? [
        [t('identityNames'), d.names],
        [t('identityEmails'), d.emails],
        [t('identityPhones'), d.phone_numbers],
        [
          t('identityAddresses'),
          d.addresses.map((a) => `${a.street}, ${a.postal_code} ${a.city}, ${a.country}`),
        ],
      ]
    : [];
  return (
    <section class="card" aria-labelledby="id-title">
      <h2 id="id-title">{t('identity')}</h2>
      {unavailable ? <Empty>{t('noIdentity')}</Empty> : <LoadStatus load={identity} />}
      {d && (
        <dl class="identity">
          {rows
            .filter(([, values]) => values.length > 0)
            .map(([label, values]) => (
              <div key={label}>
                <dt>{label}</dt>
                {values.map((v) => (
                  <dd key={v}>{v}</dd>
                ))}
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}

function AccountData({ keyId, accountId }: { keyId: string; accountId: string }) {
  const api = bank(keyId);
  const [version, setVersion] = useState(0);
  const [syncing, setSyncing] = useState(false);
  const balance = useLoad(() => api.balance(accountId), [keyId, accountId, version]);
  const recurring = useLoad(() => api.recurring(accountId), [keyId, accountId, version]);
  const accounts = useLoad(() => api.accounts(), [keyId]);
  const account = accounts.data?.accounts.find((a) => a.id === accountId);
  const conns = useLoad(() => api.connections(), [keyId]);
  const bankName = conns.data?.connections.find((c) => c.connection_id === account?.connection_id)?.bank_name;
  const currency = balance.data?.currency ?? 'RSD';
  const sync = async () => {
    setSyncing(true);
    try {
      const res = await api.sync(accountId);
      toast('refreshDone', { n: res.added_count });
      setVersion((v) => v + 1);
    } catch (err) {
      toastError(err);
    } finally {
      setSyncing(false);
    }
  };
  return (
    <>
      <section class="card" aria-labelledby="bal-title">
        <div class="row wrap">
          <h2 id="bal-title" class="grow">
            {t('balance')}
          </h2>
          <button type="button" class="btn secondary" onClick={sync} disabled={syncing} aria-busy={syncing}>
            {t('forceRefresh')}
          </button>
        </div>
        {account && (
          <p class="meta" data-testid="account-meta">
            <strong>{account.name}</strong> · {bankName ?? account.bank_id} ·{' '}
            {valueLabel('acct', account.type)} · <code class="nowrap">{account.account_number}</code>
          </p>
        )}
        <LoadStatus load={balance} />
        {balance.data && (
          <>
            <dl class="stats">
              <div class="stat">
                <dt>{t('balance')}</dt>
                <dd>{money(balance.data.balance, balance.data.currency)}</dd>
              </div>
              <div class="stat">
                <dt>{t('available')}</dt>
                <dd>{money(balance.data.available_balance, balance.data.currency)}</dd>
              </div>
            </dl>
            <p class="meta">{t('retrieved', { at: dateTime(balance.data.retrieved_at) })}</p>
          </>
        )}
      </section>
      <IdentityCard keyId={keyId} accountId={accountId} />
      <Transactions keyId={keyId} accountId={accountId} version={version} />
      <section class="card" aria-labelledby="rec-title">
        <h2 id="rec-title">{t('recurring')}</h2>
        <LoadStatus load={recurring} />
        {recurring.data && (
          <>
            <dl class="stats">
              <div class="stat">
                <dt>{t('monthlyOut')}</dt>
                <dd>{money(recurring.data.monthly_outgoing_total, currency)}</dd>
              </div>
              <div class="stat">
                <dt>{t('monthlyIn')}</dt>
                <dd>{money(recurring.data.monthly_incoming_total, currency)}</dd>
              </div>
            </dl>
            <StreamTable title={t('outgoing')} streams={recurring.data.outgoing} currency={currency} />
            <StreamTable title={t('incoming')} streams={recurring.data.incoming} currency={currency} />
          </>
        )}
      </section>
    </>
  );
}

export function AccountPage({ accountId }: { accountId: string }) {
  return (
    <>
      <p class="crumb">
        <Link to="explorer">← {t('back')}</Link>
      </p>
      <PageHeader title={`${t('account')} ${accountId}`} />
      <KeyGate>{(keyId) => <AccountData keyId={keyId} accountId={accountId} />}</KeyGate>
    </>
  );
}
