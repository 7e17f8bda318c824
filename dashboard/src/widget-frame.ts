/**
 * The page inside the dashboard's iframe that runs the real Link widget. It gets a link token in
 * its URL fragment, loads /v1/opendinar.js, opens the widget and posts the outcome to the
 * dashboard (same origin only). It lives in its own document so the widget runs exactly as on a
 * customer's page (its own global, its own modal), isolated from the dashboard's state; both pages
 * keep a strict CSP since the widget styles itself through a constructed stylesheet.
 */
import './widget-frame.css';

interface OpenDinarGlobal {
  create(config: {
    linkToken: string;
    language?: string;
    onSuccess?: (publicToken: string, meta: { bank_id: string; bank_name: string }) => void;
    onExit?: () => void;
  }): { open(): void; close(): void };
}

const params = new URLSearchParams(location.hash.slice(1));
const linkToken = params.get('link_token') ?? '';
const language = params.get('lang') === 'en' ? 'en' : 'sr';
history.replaceState(null, '', location.pathname); // keep the token out of the history
const status = document.getElementById('frame-status');
const say = (text: string) => {
  if (status) status.textContent = text;
};
const post = (msg: object) => parent.postMessage(msg, location.origin);

say(language === 'en' ? 'Loading the Link widget…' : 'Učitavanje Link widgeta…');
const script = document.createElement('script');
script.src = '/v1/opendinar.js';
script.onload = () => {
  const od = (window as unknown as { OpenDinar?: OpenDinarGlobal }).OpenDinar;
  if (!od || !linkToken) {
    post({ type: 'opendinar:error', message: 'The Link widget did not load.' });
    return;
  }
  say('');
  const handler = od.create({
    linkToken,
    language,
    onSuccess: (publicToken, meta) =>
      post({
        type: 'opendinar:success',
        publicToken,
        meta: { bank_id: meta.bank_id, bank_name: meta.bank_name },
      }),
    onExit: () => post({ type: 'opendinar:exit' }),
  });
  handler.open();
};
script.onerror = () => post({ type: 'opendinar:error', message: 'GET /v1/opendinar.js failed.' });
document.head.append(script);
