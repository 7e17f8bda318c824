/** The few OpenDinar endpoints the widget calls, with failures turned into one error type. */

export interface Bank {
  id: string;
  name: string;
  status: 'live' | 'sandbox' | 'coming_soon';
  color: string;
  market_share_pct: number;
}

export interface ConnectSession {
  session_token: string;
  auth_url: string;
  expires_in: number;
}

export type SessionStatus =
  | { status: 'pending' }
  | { status: 'authorized'; public_token: string; expires_in: number }
  | { status: 'exchanged' | 'denied' | 'expired' };

/** `code` is the API's error_code, or NETWORK when no answer came back. */
export class WidgetApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CredentialCheck {
  valid: true;
  credential: 'api_key' | 'link_token';
  environment: 'sandbox' | 'live';
}

export interface ApiClient {
  /** GET /connect/check: is the key or link token usable? (401 when it is not.) */
  check(): Promise<CredentialCheck>;
  banks(): Promise<Bank[]>;
  connect(bankId: string, userId: string | undefined, redirectUrl: string): Promise<ConnectSession>;
  status(sessionToken: string): Promise<SessionStatus>;
}

export function createApiClient(baseUrl: string, token: string): ApiClient {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: object, authed = true): Promise<T> {
    const headers: Record<string, string> = {};
    // GET /banks stays a "simple" CORS request (no preflight) by sending no extra headers.
    if (authed) headers.authorization = `Bearer ${token}`;
    if (body) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(baseUrl + path, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new WidgetApiError('NETWORK', 'network error');
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      // Not JSON: a proxy or captive portal answered; reported below by status.
    }
    if (!res.ok || json === null) {
      const e = (json ?? {}) as { error_code?: string; error_message?: string };
      throw new WidgetApiError(
        e.error_code ?? (res.status >= 500 ? 'NETWORK' : `HTTP_${res.status}`),
        e.error_message ?? res.statusText,
      );
    }
    return json as T;
  }

  return {
    check: () => call<CredentialCheck>('GET', '/connect/check'),
    banks: async () => (await call<{ banks: Bank[] }>('GET', '/banks?limit=100', undefined, false)).banks,
    connect: (bankId, userId, redirectUrl) =>
      call<ConnectSession>('POST', '/connect', {
        bank_id: bankId,
        user_id: userId,
        redirect_url: redirectUrl,
      }),
    status: (sessionToken) =>
      call<SessionStatus>('GET', `/connect/status/${encodeURIComponent(sessionToken)}`),
  };
}
