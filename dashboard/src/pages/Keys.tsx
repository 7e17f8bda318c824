import { useState } from 'preact/hooks';
import { ALL_SCOPES, type ApiKey, dev, type Environment, type NewApiKey, type Scope } from '../api.js';
import {
  Choices,
  Confirm,
  Empty,
  ErrorNote,
  Field,
  type FormEvent,
  LoadStatus,
  PageHeader,
  RevokeButton,
  rollHoursOptions,
  ScrollRegion,
  SelectField,
  ShownOnce,
  StatusTag,
  useLoad,
} from '../components/ui.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { explorerApp, toast, toastError } from '../state.js';

function GenerateKey({ onCreated }: { onCreated: (k: NewApiKey) => void }) {
  const [appName, setAppName] = useState('');
  const [env, setEnv] = useState<Environment>('sandbox');
  const [scopes, setScopes] = useState<Scope[]>([...ALL_SCOPES]);
  const [errors, setErrors] = useState<{ app?: string; scopes?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = {
      app: appName.trim() ? undefined : t('errAppName'),
      scopes: scopes.length ? undefined : t('errScopes'),
    };
    setErrors(errs);
    setFailure(null);
    if (errs.app || errs.scopes) return;
    setBusy(true);
    try {
      const key = await dev.createKey({
        app_name: appName.trim(),
        environment: env,
        scopes,
      });
      setAppName('');
      onCreated(key);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="gen-title">
      <h2 id="gen-title">{t('generateTitle')}</h2>
      <form onSubmit={submit} noValidate class="grid-form">
        <Field
          label={t('keyAppName')}
          name="app_name"
          value={appName}
          onInput={setAppName}
          error={errors.app}
          required
        />
        <fieldset class="choices">
          <legend>{t('environment')}</legend>
          {(['sandbox', 'live'] as const).map((v) => (
            <label key={v} class="choice">
              <input
                type="radio"
                name="environment"
                value={v}
                checked={env === v}
                onChange={() => setEnv(v)}
              />
              {t(v)} <code>{v === 'sandbox' ? 'od_test_sk_' : 'od_live_sk_'}</code>
            </label>
          ))}
        </fieldset>
        <Choices
          legend={t('scopes')}
          hint={t('scopesHint')}
          name="scopes"
          options={ALL_SCOPES}
          selected={scopes}
          onChange={setScopes}
          error={errors.scopes}
        />
        {failure !== null && <ErrorNote error={failure} />}
        <div>
          <button type="submit" class="btn primary" disabled={busy}>
            {t('generate')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function KeysPage() {
  const keys = useLoad(() => dev.keys(), []);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [rolling, setRolling] = useState<ApiKey | null>(null);
  const [overlap, setOverlap] = useState('24');

  const roll = async (k: ApiKey) => {
    try {
      const res = await dev.rollKey(k.id, Number(overlap));
      setCreated(res);
      toast('rolled', { app: k.app_name });
      keys.reload();
    } catch (err) {
      toastError(err);
    }
  };

  const revoke = async (k: ApiKey) => {
    try {
      await dev.revokeKey(k.id);
      if (explorerApp.value === k.id) explorerApp.value = null;
      toast('revoked', { prefix: k.prefix });
      keys.reload();
    } catch (err) {
      toastError(err);
    }
  };

  return (
    <>
      <PageHeader title={t('keysTitle')} lead={t('keysLead')} />
      {created && (
        <ShownOnce
          key={created.id}
          title={t('newKeyTitle', { app: created.app_name })}
          value={created.key}
          warning={t('onceWarning')}
        >
          {created.environment === 'sandbox' && (
            <button
              type="button"
              class="btn secondary"
              onClick={() => {
                explorerApp.value = created.id;
                navigate('explorer');
              }}
            >
              {t('useInExplorer')}
            </button>
          )}
        </ShownOnce>
      )}
      <GenerateKey
        onCreated={(k) => {
          setCreated(k);
          keys.reload();
        }}
      />
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">{t('keyList')}</h2>
        <LoadStatus load={keys} />
        {keys.data && keys.data.keys.length === 0 && <Empty>{t('noKeys')}</Empty>}
        {keys.data && keys.data.keys.length > 0 && (
          <ScrollRegion labelledBy={'list-title'}>
            <table class="keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('keyAppName')}</th>
                  <th scope="col">{t('prefix')}</th>
                  <th scope="col">{t('environment')}</th>
                  <th scope="col">{t('scopes')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('created')}</th>
                  <th scope="col">{t('lastUsed')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.keys.map((k) => (
                  <tr key={k.id} data-key-id={k.id}>
                    <td>{k.app_name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                      {k.previous_prefix && k.previous_expires_at && (
                        <span class="meta previous-secret">
                          {t('previousUntil', {
                            prefix: k.previous_prefix,
                            at: dateTime(k.previous_expires_at),
                          })}
                        </span>
                      )}
                    </td>
                    <td>
                      <span class={`tag ${k.environment}`}>{t(k.environment)}</span>
                    </td>
                    <td class="scopes">{k.scopes.join(', ')}</td>
                    <td>
                      <StatusTag status={k.status} />
                    </td>
                    <td>{dateTime(k.created_at)}</td>
                    <td>{k.last_used_at ? dateTime(k.last_used_at) : t('never')}</td>
                    <td>
                      {k.status === 'active' && (
                        <span class="row-actions">
                          <button
                            type="button"
                            class="btn secondary small"
                            aria-label={`${t('rollKey')} ${k.prefix}…`}
                            onClick={() => setRolling(k)}
                          >
                            {t('rollKey')}
                          </button>
                          <RevokeButton what={`${k.prefix}…`} onClick={() => setRevoking(k)} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      {rolling && (
        <Confirm
          title={t('rollTitle', { app: rolling.app_name })}
          body={t('rollBody', { prefix: rolling.prefix })}
          confirmLabel={t('rollKey')}
          tone="primary"
          onConfirm={() => roll(rolling)}
          onClose={() => setRolling(null)}
        >
          <SelectField
            label={t('rollOverlap')}
            name="overlap_hours"
            value={overlap}
            onChange={setOverlap}
            options={rollHoursOptions()}
          />
        </Confirm>
      )}
      {revoking && (
        <Confirm
          title={t('revokeTitle')}
          body={t('revokeBody', { prefix: revoking.prefix, app: revoking.app_name })}
          confirmLabel={t('revoke')}
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}
