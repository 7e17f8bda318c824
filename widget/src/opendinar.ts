/**
 * OpenDinar Link widget. `<script src="https://api.opendinar.com/v1/opendinar.js">` defines
 * `window.OpenDinar.create(config)` → `{ open(), close() }`.
 */
import { createApiClient } from './api.js';
import { createHandler, type ExitError, type Handler, type SuccessMeta } from './handler.js';
import { type Language, stringsFor } from './i18n.js';
import { browserUserId, takePending } from './storage.js';

export interface OpenDinarConfig {
  /** A sandbox or live API key. Prefer `linkToken` in production: a key in a page is visible to its users. */
  apiKey?: string;
  /** A short-lived `link_…` token your backend got from POST /link/token; used instead of `apiKey`. */
  linkToken?: string;
  /** Your internal user id; a stable per-browser id is generated when omitted. */
  userId?: string;
  onSuccess?: (publicToken: string, meta: SuccessMeta) => void;
  /** Closed without connecting: `error` is `{error_code, error_message, display_message}` when the flow failed, else null. */
  onExit?: (error: ExitError | null) => void;
  /** 'sr' (Serbian, Latin script; default) or 'en'. */
  language?: Language;
  /** Where the API lives; by default the origin (and path prefix) this script was loaded from. */
  apiBaseUrl?: string;
}

/** Read while the script runs: `document.currentScript` is only set then. */
const SCRIPT_SRC =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  Array.from(document.scripts, (s) => s.src).find((src) => /\/opendinar\.js(?:[?#]|$)/.test(src)) ||
  '';

function defaultBaseUrl(): string {
  if (!SCRIPT_SRC) return location.origin;
  const m = /^(.*)\/v1\/opendinar\.js(?:[?#].*)?$/.exec(SCRIPT_SRC);
  return m?.[1] ?? new URL(SCRIPT_SRC).origin;
}

function create(config: OpenDinarConfig): Handler {
  const token = config?.linkToken || config?.apiKey;
  if (!token) throw new TypeError('OpenDinar.create: apiKey or linkToken is required');
  if (!config.linkToken && token.startsWith('od_live_')) {
    console.warn('OpenDinar: a live key in a page is public; use a linkToken (POST /link/token).');
  }
  const base = (config.apiBaseUrl || defaultBaseUrl()).replace(/\/+$/, '');
  const handler = createHandler({
    api: createApiClient(base, token),
    apiOrigin: new URL(base, location.href).origin,
    strings: stringsFor(config.language),
    language: config.language === 'en' ? 'en' : 'sr',
    linkToken: Boolean(config.linkToken),
    // A link token already names its user, so only an explicit userId is sent with one.
    userId: config.userId || (config.linkToken ? undefined : browserUserId()),
    onSuccess: config.onSuccess,
    onExit: config.onExit,
  });
  // Back from a full-page redirect to the bank: pick the session up where it was left.
  const pending = takePending();
  if (pending) {
    const go = () => handler.resume(pending);
    if (document.body) setTimeout(go);
    else document.addEventListener('DOMContentLoaded', go);
  }
  return { open: handler.open, close: handler.close };
}

(window as unknown as { OpenDinar: object }).OpenDinar = { create, version: '1.0.0' };
