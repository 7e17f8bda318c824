import { type ApiClient, type Bank, type SessionStatus, WidgetApiError } from './api.js';
import { focusables, h, trapTab } from './dom.js';
import { fill, type Strings } from './i18n.js';
import { type Poller, pollStatus } from './poll.js';
import { type PendingSession, savePending } from './storage.js';
import { HOST_STYLE, styleRoot } from './styles.js';

export interface SuccessMeta {
  bank_id: string;
  bank_name: string;
  status: 'authorized';
}

export interface HandlerOptions {
  api: ApiClient;
  /** Origin of the API (and of the sandbox bank page), the only sender whose messages count. */
  apiOrigin: string;
  strings: Strings;
  /** The widget's language, passed on to the sandbox bank page. */
  language: 'sr' | 'en';
  /** The credential is a link token (its errors read "link expired", not "bad key"). */
  linkToken: boolean;
  userId: string | undefined;
  onSuccess?: (publicToken: string, meta: SuccessMeta) => void;
  /** Closed without connecting; with the error the user saw, if the flow failed. */
  onExit?: (error: ExitError | null) => void;
}

/** What onExit gets when the flow ended in an error (the end user saw `display_message`, never the code). */
export interface ExitError {
  /** The API's error_code (INVALID_API_KEY, ITEM_LOCKED, …), or DENIED, SESSION_EXPIRED, NETWORK. */
  error_code: string;
  /** For the developer (English, from the API): what went wrong. */
  error_message: string;
  /** What the end user was shown, in the widget's language. */
  display_message: string;
}

/** A bad, revoked or expired key or link token: retrying cannot help. */
const isCredentialError = (code: string) => /API_KEY|INSUFFICIENT|NOT_SANDBOX/.test(code);

export interface Handler {
  open(): void;
  close(): void;
}

export interface ResumableHandler extends Handler {
  resume(pending: PendingSession): void;
}

interface Session {
  token: string;
  authUrl: string;
  bank: Pick<Bank, 'id' | 'name'>;
}

const POPUP_NAME = 'opendinar_auth';
const POPUP_FEATURES = 'popup=yes,width=480,height=680';
const DONE_CLOSE_MS = 1800;

/** Runs a host-page callback without letting its exception break the widget. */
function callHost(fn: (() => void) | undefined): void {
  try {
    fn?.();
  } catch (e) {
    setTimeout(() => {
      throw e;
    });
  }
}

/** Dark or light initials, whichever reads on the bank's colour. */
function inkOn(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const lum = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return lum > 150 ? '#0f172a' : '#fff';
}

/** The sandbox bank page follows the widget's language (live banks' pages are left alone). */
const withLang = (url: string, language: 'sr' | 'en'): string =>
  language === 'en' && url.includes('/sandbox/auth.html?') ? `${url}&lang=en` : url;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function createHandler(o: HandlerOptions): ResumableHandler {
  const t = o.strings;
  let host: HTMLElement | null = null;
  let root: ShadowRoot;
  let dialog: HTMLElement;
  let main: HTMLElement;
  let live: HTMLElement;
  let opener: Element | null = null;
  let banks: Bank[] | null = null;
  let query = '';
  let session: Session | null = null;
  let poller: Poller | null = null;
  let popup: Window | null = null;
  let watch: ReturnType<typeof setInterval> | undefined;
  let doneTimer: ReturnType<typeof setTimeout> | undefined;
  let succeeded = false;
  let exitError: ExitError | null = null;
  /** The credential was refused: nothing else may replace that message. */
  let refused = false;

  /** Replaces the dialog's content and moves focus to what the user should act on next. */
  function show(announce: string, ...nodes: Node[]): void {
    main.replaceChildren(...nodes);
    live.textContent = announce;
    const target = main.querySelector<HTMLElement>('[data-focus]') ?? focusables(main)[0] ?? dialog;
    target.focus();
  }

  const button = (label: string, onclick: () => void, alt = false) =>
    h('button', { type: 'button', class: alt ? 'btn alt' : 'btn', onclick }, label);

  function busy(title: string, body: string, ...actions: Node[]): void {
    show(
      `${title}. ${body}`,
      h(
        'div',
        { class: 'state' },
        h('div', { class: 'spin', 'aria-hidden': 'true' }),
        h('h3', { tabindex: '-1', 'data-focus': true }, title),
        h('p', {}, body),
        ...actions,
      ),
    );
  }

  function stopFlow(closePopup: boolean): void {
    poller?.stop();
    poller = null;
    clearInterval(watch);
    if (closePopup && popup && !popup.closed) popup.close();
    popup = null;
  }

  // ---- bank list -------------------------------------------------------------------------

  function bankRow(bank: Bank): HTMLElement {
    const soon = bank.status === 'coming_soon';
    const initials = bank.name
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w[0])
      .join('');
    const logo = h('span', { class: 'logo', 'aria-hidden': 'true' }, initials);
    // CSSOM, not a style attribute: a strict page CSP (no 'unsafe-inline') blocks the latter.
    logo.style.background = bank.color;
    logo.style.color = inkOn(bank.color);
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'bank',
          disabled: soon,
          'data-bank': bank.id,
          onclick: () => startSession(bank),
        },
        logo,
        h('span', { class: 'name' }, bank.name),
        soon
          ? h('span', { class: 'tag' }, t.soon)
          : bank.status === 'sandbox'
            ? h('span', { class: 'tag sb' }, t.sandbox)
            : null,
      ),
    );
  }

  function renderList(list: HTMLElement, empty: HTMLElement): void {
    const q = fold(query.trim());
    const shown = (banks ?? []).filter((b) => fold(b.name).includes(q));
    list.replaceChildren(...shown.map(bankRow));
    empty.hidden = shown.length > 0;
  }

  function showBanks(): void {
    stopFlow(true);
    session = null;
    if (!banks) {
      busy(t.loading, '');
      o.api.banks().then(
        (all) => {
          // Connectable banks first (largest first), coming-soon ones after them.
          banks = all.sort(
            (a, b) =>
              Number(a.status === 'coming_soon') - Number(b.status === 'coming_soon') ||
              b.market_share_pct - a.market_share_pct,
          );
          if (host && !refused) showBanks();
        },
        (e: unknown) => host && !refused && showError(e, showBanks),
      );
      return;
    }
    const list = h('ul', { 'aria-label': t.title });
    const empty = h('p', { role: 'status' }, t.noResults);
    const search = h('input', {
      type: 'search',
      id: 'od-search',
      placeholder: t.search,
      autocomplete: 'off',
      spellcheck: 'false',
      'data-focus': true,
      oninput: () => {
        query = search.value;
        renderList(list, empty);
      },
    });
    search.value = query;
    renderList(list, empty);
    show(
      '',
      h('p', {}, t.intro),
      h('label', { class: 'sr', for: 'od-search' }, t.search),
      search,
      list,
      empty,
    );
  }

  // ---- authorisation -----------------------------------------------------------------------

  /** Must run inside the click handler: the popup is opened before any await so browsers allow it. */
  function startSession(bank: Bank): void {
    stopFlow(true);
    const win = window.open('', POPUP_NAME, POPUP_FEATURES);
    const haveWindow = win !== null && !win.closed;
    if (haveWindow) {
      try {
        win.document.title = bank.name;
        win.document.body.textContent = t.starting;
      } catch {
        // A window of that name already shows the bank's page; it is about to be replaced anyway.
      }
    }
    busy(t.starting, bank.name);
    o.api.connect(bank.id, o.userId, location.href).then(
      (res) => {
        if (!host) {
          win?.close();
          return;
        }
        const authUrl = withLang(res.auth_url, o.language);
        session = { token: res.session_token, authUrl, bank: { id: bank.id, name: bank.name } };
        if (haveWindow && !win.closed) {
          popup = win;
          win.location.href = authUrl;
          waitForBank();
          return;
        }
        // Popup blocked: go to the bank in this tab and resume when the bank sends the user back.
        const pending: PendingSession = {
          session_token: res.session_token,
          auth_url: authUrl,
          bank_id: bank.id,
          bank_name: bank.name,
          saved_at: Date.now(),
        };
        if (savePending(pending)) location.assign(authUrl);
        else {
          waitForBank();
          reopenNote();
        }
      },
      (e: unknown) => {
        win?.close();
        if (host) showError(e, () => startSession(bank));
      },
    );
  }

  function reopen(): void {
    if (!session) return;
    popup = window.open(session.authUrl, POPUP_NAME, POPUP_FEATURES);
    if (!popup) location.assign(session.authUrl);
    else waitForBank();
  }

  function waitForBank(): void {
    const s = session;
    if (!s) return;
    busy(
      t.waitTitle,
      fill(t.waitBody, { bank: s.bank.name }),
      button(t.reopen, reopen, true),
      button(t.cancel, showBanks, true),
    );
    poller?.stop();
    poller = pollStatus(() => o.api.status(s.token), {
      onFinal: (st) => finish(st),
      onError: (e) => showError(e, e.code === 'NETWORK' ? waitForBank : () => restart()),
    });
    clearInterval(watch);
    watch = setInterval(() => {
      if (popup?.closed) {
        // The user may have approved just before closing, so ask once more before saying so.
        clearInterval(watch);
        popup = null;
        poller?.poke();
        setTimeout(() => host && session === s && poller && reopenNote(), 1500);
      }
    }, 400);
  }

  /** The bank window closed while still pending: say so, but keep polling in case it was approved. */
  function reopenNote(): void {
    const p = main.querySelector('p');
    if (p) p.textContent = t.errClosed;
    live.textContent = t.errClosed;
  }

  function restart(): void {
    const bank = session?.bank;
    const full = bank && banks?.find((b) => b.id === bank.id);
    if (full) startSession(full);
    else showBanks();
  }

  function finish(st: SessionStatus): void {
    const s = session;
    if (!s) return;
    if (st.status !== 'authorized') {
      const code = st.status === 'denied' ? 'DENIED' : 'SESSION_EXPIRED';
      showError(new WidgetApiError(code, `session ${st.status}`), restart);
      return;
    }
    stopFlow(true);
    succeeded = true;
    show(
      `${t.doneTitle}. ${fill(t.doneBody, { bank: s.bank.name })}`,
      h(
        'div',
        { class: 'state' },
        h('div', { class: 'icon', 'aria-hidden': 'true' }, '✓'),
        h('h3', {}, t.doneTitle),
        h('p', {}, fill(t.doneBody, { bank: s.bank.name })),
        button(t.done, close),
      ),
    );
    doneTimer = setTimeout(close, DONE_CLOSE_MS);
    callHost(() =>
      o.onSuccess?.(st.public_token, { bank_id: s.bank.id, bank_name: s.bank.name, status: 'authorized' }),
    );
  }

  function displayMessage(code: string): string {
    return isCredentialError(code)
      ? o.linkToken
        ? t.errLinkToken
        : t.errAuth
      : code === 'NETWORK'
        ? t.errNetwork
        : /^SESSION_|TOKEN_EXPIRED/.test(code)
          ? t.errExpired
          : code === 'DENIED'
            ? t.errDenied
            : code === 'ITEM_LOCKED'
              ? t.errLocked
              : code === 'BANK_UNAVAILABLE'
                ? t.errBankDown
                : t.errGeneric;
  }

  /** An error the user sees (in words, never the code); `retry` null: retrying cannot help (bad credential). */
  function showError(e: unknown, retry: (() => void) | null): void {
    stopFlow(true);
    const code = e instanceof WidgetApiError ? e.code : 'NETWORK';
    const message = displayMessage(code);
    if (isCredentialError(code)) retry = null;
    exitError = { error_code: code, error_message: (e as Error)?.message || code, display_message: message };
    show(
      `${t.failTitle}. ${message}`,
      h(
        'div',
        { class: 'state', role: 'alert' },
        h('div', { class: 'icon err', 'aria-hidden': 'true' }, '!'),
        h('h3', {}, t.failTitle),
        h('p', {}, message),
        h(
          'button',
          { type: 'button', class: 'btn', 'data-focus': true, onclick: retry ?? close },
          retry ? t.retry : t.close,
        ),
        retry && (session || banks) ? button(t.back, showBanks, true) : null,
      ),
    );
  }

  /** On open: a bad, revoked or expired key or link token is said at once, before a bank is picked. */
  function checkCredential(): void {
    o.api.check().catch((e: WidgetApiError) => {
      if (host && isCredentialError(e.code)) {
        refused = true;
        showError(e, null);
      }
    });
  }

  // ---- the dialog --------------------------------------------------------------------------

  function mount(): void {
    opener = document.activeElement;
    succeeded = false;
    exitError = null;
    refused = false;
    // A custom tag name, so the host page's element selectors (div, section…) do not match it.
    host = document.createElement('opendinar-link');
    host.style.cssText = HOST_STYLE;
    root = host.attachShadow({ mode: 'open' });
    main = h('main', {});
    live = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    dialog = h(
      'div',
      {
        class: 'dialog',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'od-title',
        tabindex: '-1',
      },
      h(
        'header',
        {},
        h('h2', { id: 'od-title' }, t.title),
        h('button', { type: 'button', class: 'x', 'aria-label': t.close, onclick: close }, '×'),
      ),
      main,
      h('footer', {}, t.footer),
      live,
    );
    const overlay = h('div', { class: 'overlay' }, dialog);
    // A click on the backdrop keeps focus in the dialog instead of dropping it on the page.
    overlay.addEventListener('mousedown', (e) => e.target === overlay && e.preventDefault());
    styleRoot(root);
    root.append(overlay);
    root.addEventListener('keydown', (e) => {
      const ev = e as KeyboardEvent;
      if (ev.key === 'Escape') {
        ev.preventDefault();
        close();
      } else if (ev.key === 'Tab') trapTab(ev, root, dialog);
    });
    document.addEventListener('focusin', keepFocus, true);
    window.addEventListener('message', onBankMessage);
    // On <html>, not <body>: a transform or filter on the page's body would otherwise trap position:fixed.
    document.documentElement.append(host);
  }

  /** The bank page says it is done: ask for the status now rather than at the next tick. */
  function onBankMessage(e: MessageEvent): void {
    const d = e.data as { source?: string; session_token?: string } | null;
    if (e.origin === o.apiOrigin && d?.source === 'opendinar' && d.session_token === session?.token)
      poller?.poke();
  }

  /** Focus that lands outside the widget while it is open is brought back into it. */
  function keepFocus(e: FocusEvent): void {
    if (host && e.target !== host) (focusables(dialog)[0] ?? dialog).focus();
  }

  function open(): void {
    if (host) return;
    mount();
    checkCredential();
    showBanks();
  }

  /** Re-opens after the page came back from the bank (popup blocked → full-page redirect). */
  function resume(p: PendingSession): void {
    if (host) return;
    mount();
    session = { token: p.session_token, authUrl: p.auth_url, bank: { id: p.bank_id, name: p.bank_name } };
    waitForBank();
  }

  function close(): void {
    if (!host) return;
    stopFlow(true);
    clearTimeout(doneTimer);
    document.removeEventListener('focusin', keepFocus, true);
    window.removeEventListener('message', onBankMessage);
    host.remove();
    host = null;
    session = null;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    if (!succeeded) callHost(() => o.onExit?.(exitError));
  }

  return { open, close, resume };
}
