import { useState } from 'preact/hooks';
import { dev } from '../api.js';
import { Confirm, ErrorNote, Field, type FormEvent, PageHeader } from '../components/ui.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { forgetSession, sessionNotice, toast } from '../state.js';

/** Account settings: change the password, sign out everywhere, delete the account. */
export function SettingsPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [deletePassword, setDeletePassword] = useState('');
  const [deleteFailure, setDeleteFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<'logout-all' | 'delete' | null>(null);

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await dev.changePassword({ current_password: current, new_password: next });
      setCurrent('');
      setNext('');
      toast('passwordChanged');
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const leave = (notice: 'loggedOutEverywhere' | 'accountDeleted') => {
    forgetSession();
    sessionNotice.value = notice;
    navigate('login', true);
  };
  const logoutAll = async () => {
    await dev.logoutAll();
    leave('loggedOutEverywhere');
  };
  const deleteAccount = async () => {
    setDeleteFailure(null);
    try {
      await dev.deleteAccount(deletePassword);
      leave('accountDeleted');
    } catch (err) {
      setDeleteFailure(err);
    }
  };

  return (
    <>
      <PageHeader title={t('settingsTitle')} lead={t('settingsLead')} />
      <section class="card" aria-labelledby="pw-title">
        <h2 id="pw-title">{t('changePassword')}</h2>
        <form onSubmit={change} noValidate>
          <Field
            label={t('currentPassword')}
            name="current_password"
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={setCurrent}
          />
          <Field
            label={t('newPassword')}
            name="new_password"
            type="password"
            autocomplete="new-password"
            hint={t('passwordHint')}
            value={next}
            onInput={setNext}
          />
          {failure !== null && <ErrorNote error={failure} />}
          <button type="submit" class="btn primary" disabled={busy}>
            {t('changePassword')}
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('logoutAll')}</h2>
        <p>{t('logoutAllLead')}</p>
        <button type="button" class="btn secondary" onClick={() => setConfirming('logout-all')}>
          {t('logoutAll')}
        </button>
      </section>
      <section class="card danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('deleteAccount')}</h2>
        <p>{t('deleteAccountLead')}</p>
        <Field
          label={t('password')}
          name="delete_password"
          type="password"
          autocomplete="current-password"
          value={deletePassword}
          onInput={setDeletePassword}
        />
        {deleteFailure !== null && <ErrorNote error={deleteFailure} />}
        <button
          type="button"
          class="btn danger"
          disabled={!deletePassword}
          onClick={() => setConfirming('delete')}
        >
          {t('deleteAccount')}
        </button>
      </section>
      {confirming === 'logout-all' && (
        <Confirm
          title={t('logoutAll')}
          body={t('logoutAllLead')}
          confirmLabel={t('logoutAll')}
          onConfirm={logoutAll}
          onClose={() => setConfirming(null)}
        />
      )}
      {confirming === 'delete' && (
        <Confirm
          title={t('deleteAccountTitle')}
          body={t('deleteAccountLead')}
          confirmLabel={t('deleteAccount')}
          onConfirm={deleteAccount}
          onClose={() => setConfirming(null)}
        />
      )}
    </>
  );
}
