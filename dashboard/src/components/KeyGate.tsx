import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { bank, dev } from '../api.js';
import { t } from '../i18n.js';
import { explorerKey, setExplorerKey } from '../state.js';
import { ErrorNote, errorText, Field, type FormEvent, ShownOnce } from './ui.js';

/**
 * The explorer and the widget page call the banking API as the developer's app would, so they
 * need a full sandbox key — which the server never shows twice. The one from sign-up is kept in
 * memory; otherwise the developer pastes one or generates a fresh one here.
 */
export function KeyGate({ children }: { children: ComponentChildren }) {
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const current = explorerKey.value;

  if (current) {
    return (
      <>
        <p class="note info key-in-use">
          <span>{t('usingKey', { prefix: current.prefix })}</span>{' '}
          <button type="button" class="btn secondary small" onClick={() => (explorerKey.value = null)}>
            {t('forgetKey')}
          </button>
        </p>
        {generated && <ShownOnce title={t('firstKeyTitle')} value={generated} warning={t('onceWarning')} />}
        {children}
      </>
    );
  }

  const usePasted = async (e: FormEvent) => {
    e.preventDefault();
    const key = pasted.trim();
    setFailure(null);
    if (!key.startsWith('od_test_sk_')) {
      setPasteError(t('errKeyFormat'));
      return;
    }
    setBusy(true);
    try {
      await bank(key).connections(); // proves the key works before we rely on it
      setPasteError(null);
      setPasted('');
      setExplorerKey(key, null);
    } catch (err) {
      setPasteError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const generate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const k = await dev.createKey({
        app_name: 'Sandbox explorer',
        environment: 'sandbox',
        scopes: ['accounts:read', 'balance:read', 'transactions:read'],
      });
      setGenerated(k.key);
      setExplorerKey(k.key, k.id);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="gate-title">
      <h2 id="gate-title">{t('keyGateTitle')}</h2>
      <p>{t('keyGateWhy')}</p>
      <form onSubmit={usePasted} noValidate class="inline-form">
        <Field
          label={t('pasteKey')}
          name="sandbox_key"
          type="password"
          autocomplete="off"
          hint={t('pasteHint')}
          value={pasted}
          onInput={setPasted}
          error={pasteError}
        />
        <button type="submit" class="btn primary" disabled={busy}>
          {t('useKey')}
        </button>
      </form>
      <p>{t('orGenerate')}</p>
      <button type="button" class="btn secondary" onClick={generate} disabled={busy}>
        {t('generateExplorer')}
      </button>
      {failure !== null && <ErrorNote error={failure} />}
    </section>
  );
}
