import { useEffect, useRef, useState } from 'preact/hooks';
import { bank } from '../api.js';
import { KeyGate } from '../components/KeyGate.js';
import { ErrorNote, Field, type FormEvent, Link, PageHeader } from '../components/ui.js';
import { lang, t } from '../i18n.js';
import { BASE } from '../router.js';

/** What the widget frame posts back (same origin only). */
export type FrameMessage =
  | { type: 'opendinar:success'; publicToken: string; meta: { bank_id: string; bank_name: string } }
  | { type: 'opendinar:exit' }
  | { type: 'opendinar:error'; message: string };

interface Connected {
  connection_id: string;
  bank_id: string;
  bank_name: string;
}

function WidgetRunner({ keyId }: { keyId: string }) {
  const [userId, setUserId] = useState('user_123');
  const [frameSrc, setFrameSrc] = useState<string | null>(null);
  const [phase, setPhase] = useState<'idle' | 'open' | 'exchanging' | 'done' | 'exited'>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const [connected, setConnected] = useState<Connected | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    const onMessage = async (e: MessageEvent<FrameMessage>) => {
      if (
        e.origin !== location.origin ||
        e.source !== frame.current?.contentWindow ||
        typeof e.data !== 'object' ||
        e.data === null
      )
        return;
      const msg = e.data;
      if (msg.type === 'opendinar:exit') {
        setPhase('exited');
        setFrameSrc(null);
      } else if (msg.type === 'opendinar:error') {
        setFailure(new Error(msg.message));
        setFrameSrc(null);
        setPhase('idle');
      } else if (msg.type === 'opendinar:success') {
        // What your backend does with the public token: exchange it for a permanent connection.
        setPhase('exchanging');
        setFrameSrc(null);
        try {
          const res = await bank(keyId).exchange(msg.publicToken);
          setConnected({
            connection_id: res.connection_id,
            bank_id: res.bank_id,
            bank_name: msg.meta.bank_name,
          });
          setPhase('done');
        } catch (err) {
          setFailure(err);
          setPhase('idle');
        }
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [keyId]);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setConnected(null);
    try {
      const { link_token } = await bank(keyId).linkToken(userId.trim() || 'user_123');
      // The token travels in the fragment, which never leaves the browser.
      setFrameSrc(`${BASE}/widget-frame.html#${new URLSearchParams({ link_token, lang: lang.value })}`);
      setPhase('open');
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="run-title">
        <h2 id="run-title" class="sr-only">
          {t('openWidget')}
        </h2>
        <form class="inline-form" onSubmit={open} noValidate>
          <Field
            label={t('widgetUser')}
            name="user_id"
            hint={t('widgetUserHint')}
            value={userId}
            onInput={setUserId}
          />
          <button type="submit" class="btn primary" disabled={phase === 'open' || phase === 'exchanging'}>
            {t('openWidget')}
          </button>
        </form>
        {failure !== null && <ErrorNote error={failure} />}
        <div aria-live="polite" role="status" class="widget-status">
          {phase === 'exited' && <p class="note info">{t('widgetExit')}</p>}
          {phase === 'exchanging' && <p class="note info">{t('exchanging')}</p>}
          {phase === 'done' && connected && (
            <div class="note ok" data-testid="connected">
              <p>
                {t('connected', { bank: connected.bank_name, id: '' })}
                <code>{connected.connection_id}</code>
              </p>
              <Link to="explorer">{t('viewConnection')}</Link>
            </div>
          )}
        </div>
        {frameSrc && <iframe ref={frame} class="widget-frame" src={frameSrc} title={t('widgetFrame')} />}
      </section>
      <section class="card" aria-labelledby="how-title">
        <h2 id="how-title">{t('howItWorks')}</h2>
        <ol class="steps">
          <li>
            <code>POST /link/token</code> — {t('widgetUser')}: <code>{userId}</code>
          </li>
          <li>
            <code>
              OpenDinar.create({'{'} linkToken, onSuccess {'}'})
            </code>{' '}
            → <code>POST /connect</code>, <code>GET /connect/status/:session_token</code>
          </li>
          <li>
            <code>POST /connect/exchange</code> → <code>connection_id</code>
          </li>
        </ol>
      </section>
    </>
  );
}

export function WidgetPage() {
  return (
    <>
      <PageHeader title={t('widgetTitle')} lead={t('widgetLead')} />
      <KeyGate>{(keyId) => <WidgetRunner keyId={keyId} />}</KeyGate>
    </>
  );
}
