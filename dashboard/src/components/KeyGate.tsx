import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ApiKey, dev } from '../api.js';
import { t } from '../i18n.js';
import { explorerApp } from '../state.js';
import { ErrorNote, LoadStatus, ShownOnce, useLoad } from './ui.js';

/**
 * The explorer and the widget page act on one of the developer's sandbox apps, chosen by key id:
 * the server makes the banking calls for that key (`/developers/keys/:id/api/*`), so the browser
 * never holds a secret and nothing is minted on reload. Only the id is remembered.
 */
export function KeyGate({ children }: { children: (keyId: string) => ComponentChildren }) {
  const keys = useLoad(() => dev.keys(), []);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const apps = (keys.data?.keys ?? []).filter((k) => k.status === 'active' && k.environment === 'sandbox');
  const current = apps.find((k) => k.id === explorerApp.value) ?? apps[0];

  useEffect(() => {
    if (current && current.id !== explorerApp.value) choose(current);
  }, [current?.id]);

  if (keys.data === undefined) return <LoadStatus load={keys} />;

  const generate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const k = await dev.createKey({
        app_name: 'Sandbox app',
        environment: 'sandbox',
        scopes: ['accounts:read', 'balance:read', 'transactions:read'],
      });
      setGenerated(k.key);
      choose(k);
      keys.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  if (!current) {
    return (
      <section class="card" aria-labelledby="gate-title">
        <h2 id="gate-title">{t('keyGateTitle')}</h2>
        <p>{t('keyGateWhy')}</p>
        <button type="button" class="btn primary" onClick={generate} disabled={busy}>
          {t('generateExplorer')}
        </button>
        {failure !== null && <ErrorNote error={failure} />}
      </section>
    );
  }
  return (
    <>
      <div class="app-picker field">
        <label for="app-picker">{t('chooseApp')}</label>
        <select
          id="app-picker"
          aria-describedby="app-picker-hint"
          value={current.id}
          onChange={(e) => {
            const k = apps.find((a) => a.id === (e.currentTarget as HTMLSelectElement).value);
            if (k) choose(k);
          }}
        >
          {apps.map((k) => (
            <option key={k.id} value={k.id}>
              {k.app_name} · {k.prefix}… · {k.id}
            </option>
          ))}
        </select>
        <p id="app-picker-hint" class="hint">
          {t('chooseAppHint')}
        </p>
      </div>
      {generated && <ShownOnce title={t('firstKeyTitle')} value={generated} warning={t('onceWarning')} />}
      <div key={current.id}>{children(current.id)}</div>
    </>
  );
}

function choose(k: ApiKey): void {
  explorerApp.value = k.id;
  try {
    localStorage.setItem('od_app', k.id); // an id, not a secret
  } catch {
    // storage disabled: the choice lasts for this tab only
  }
}
