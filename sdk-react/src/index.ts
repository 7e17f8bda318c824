import { useCallback, useEffect, useRef, useState } from 'react';

/** What the Link widget hands onSuccess besides the public token. */
export interface LinkSuccessMeta {
  bank_id: string;
  bank_name: string;
  status: 'authorized';
}

export interface UseOpenDinarLinkOptions {
  /** A `link_…` token your backend got from POST /link/token. Nothing loads until it is set. */
  linkToken: string | null | undefined;
  /** The user approved: send publicToken to your backend for POST /connect/exchange. */
  onSuccess: (publicToken: string, meta: LinkSuccessMeta) => void;
  /** The user closed the widget without connecting. */
  onExit?: () => void;
  /** 'sr' (Serbian, Latin script; default) or 'en'. */
  language?: 'sr' | 'en';
  /** Where the API lives, e.g. https://api.opendinar.rs; the script is loaded from `${apiBaseUrl}/v1/opendinar.js`. */
  apiBaseUrl?: string;
  /** Overrides the script URL (default `${apiBaseUrl ?? ''}/v1/opendinar.js`). */
  scriptUrl?: string;
}

export interface UseOpenDinarLinkResult {
  /** Opens the widget; a no-op until `ready`. */
  open: () => void;
  ready: boolean;
  error: Error | null;
}

interface WidgetHandler {
  open(): void;
  close(): void;
}
interface OpenDinarGlobal {
  create(config: Record<string, unknown>): WidgetHandler;
}
declare global {
  interface Window {
    OpenDinar?: OpenDinarGlobal;
  }
}

const loads = new Map<string, Promise<OpenDinarGlobal>>();

/** Loads the Link widget script once per URL, however many components ask for it. */
export function loadOpenDinarScript(src: string): Promise<OpenDinarGlobal> {
  const existing = loads.get(src);
  if (existing) return existing;
  const promise = new Promise<OpenDinarGlobal>((resolve, reject) => {
    if (window.OpenDinar) return resolve(window.OpenDinar);
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.dataset.opendinar = '';
    script.addEventListener('load', () => {
      if (window.OpenDinar) resolve(window.OpenDinar);
      else reject(new Error(`${src} loaded but did not define OpenDinar`));
    });
    script.addEventListener('error', () => {
      loads.delete(src); // a later mount may try again
      script.remove();
      reject(new Error(`Could not load the OpenDinar Link script from ${src}`));
    });
    document.head.appendChild(script);
  });
  loads.set(src, promise);
  return promise;
}

/**
 * The OpenDinar Link widget as a React hook:
 * `const { open, ready, error } = useOpenDinarLink({ linkToken, onSuccess, onExit, language })`.
 */
export function useOpenDinarLink(options: UseOpenDinarLinkOptions): UseOpenDinarLinkResult {
  const { linkToken, language, apiBaseUrl } = options;
  const src = options.scriptUrl ?? `${(apiBaseUrl ?? '').replace(/\/+$/, '')}/v1/opendinar.js`;
  const [state, setState] = useState<{ ready: boolean; error: Error | null }>({ ready: false, error: null });
  const handler = useRef<WidgetHandler | null>(null);
  // The latest callbacks, without re-creating the widget when the parent re-renders.
  const callbacks = useRef(options);
  callbacks.current = options;

  useEffect(() => {
    let cancelled = false;
    setState({ ready: false, error: null });
    if (!linkToken) return;
    loadOpenDinarScript(src).then(
      (od) => {
        if (cancelled) return;
        try {
          handler.current = od.create({
            linkToken,
            ...(language ? { language } : {}),
            ...(apiBaseUrl ? { apiBaseUrl } : {}),
            onSuccess: (token: string, meta: LinkSuccessMeta) => callbacks.current.onSuccess(token, meta),
            onExit: () => callbacks.current.onExit?.(),
          });
          setState({ ready: true, error: null });
        } catch (err) {
          setState({ ready: false, error: err as Error });
        }
      },
      (err: Error) => {
        if (!cancelled) setState({ ready: false, error: err });
      },
    );
    return () => {
      cancelled = true;
      handler.current?.close();
      handler.current = null;
    };
  }, [linkToken, language, apiBaseUrl, src]);

  const open = useCallback(() => handler.current?.open(), []);
  return { open, ready: state.ready, error: state.error };
}
