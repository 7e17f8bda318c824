/**
 * The dashboard's only way to the server: the documented developer API (session in an httpOnly
 * cookie, CSRF value echoed as a header), including the banking API for one app by key id.
 */

export interface ApiErrorBody {
  error_type: string;
  error_code: string;
  error_message: string;
  docs?: string;
  request_id?: string;
}

export class ApiFailure extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | null;
  /** Seconds, from Retry-After on RATE_LIMIT_EXCEEDED. */
  readonly retryAfter: number | null;
  constructor(
    status: number,
    body: ApiErrorBody | null,
    retryAfter: number | null,
    requestId: string | null,
  ) {
    super(body?.error_message ?? `HTTP ${status}`);
    this.code = body?.error_code ?? (status === 0 ? 'NETWORK_ERROR' : 'UNEXPECTED_RESPONSE');
    this.status = status;
    this.requestId = body?.request_id ?? requestId;
    this.retryAfter = retryAfter;
  }
}

/** Codes meaning "this developer session is gone": back to the login page. */
export const SESSION_LOST_CODES = new Set([
  'MISSING_DEV_TOKEN',
  'INVALID_DEV_TOKEN',
  'EXPIRED_DEV_TOKEN',
  'INVALID_CSRF_TOKEN',
]);

let onSessionLost: (code: string) => void = () => {};
export function setSessionLostHandler(fn: (code: string) => void): void {
  onSessionLost = fn;
}

function readCookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return '';
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
  path: string,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  headers['x-opendinar-client'] = 'dashboard';
  if (method !== 'GET') headers['x-csrf-token'] = readCookie('od_csrf');
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiFailure(0, null, null, null);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const body = json && typeof json === 'object' && 'error_code' in json ? (json as ApiErrorBody) : null;
    const ra = Number(res.headers.get('retry-after'));
    const failure = new ApiFailure(
      res.status,
      body,
      Number.isFinite(ra) && ra > 0 ? ra : null,
      res.headers.get('x-request-id'),
    );
    const isDevCall =
      path.startsWith('/developers/') &&
      !/\/developers\/(login|register|password\/forgot|password\/reset)$/.test(path);
    if (isDevCall && SESSION_LOST_CODES.has(failure.code)) onSessionLost(failure.code);
    throw failure;
  }
  return json as T;
}

// ---- shapes (docs + API.md) ----------------------------------------------------------------

export type Scope = 'accounts:read' | 'balance:read' | 'transactions:read';
export const ALL_SCOPES: Scope[] = ['accounts:read', 'balance:read', 'transactions:read'];
export type Environment = 'sandbox' | 'live';

export interface Developer {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

export interface ApiKey {
  id: string;
  prefix: string;
  app_name: string;
  environment: Environment;
  status: 'active' | 'revoked';
  scopes: Scope[];
  created_at: string;
  last_used_at: string | null;
  previous_prefix?: string;
  previous_expires_at?: string;
}
export interface NewApiKey extends ApiKey {
  key: string;
}

export interface Usage {
  total_requests: number;
  error_rate: number;
  billable_requests: number;
  by_endpoint: { endpoint: string; requests: number; errors: number }[];
  recent_errors: {
    request_id: string;
    endpoint: string;
    error_code: string | null;
    status: number;
    at: string;
  }[];
  time_series?: { bucket: string; requests: number; errors: number }[];
}

export interface LogEntry {
  id: string;
  request_id: string;
  method: string;
  path: string;
  endpoint: string;
  status: number;
  error_code: string | null;
  error_body: Record<string, unknown> | null;
  latency_ms: number;
  key_id: string;
  key_prefix: string | null;
  at: string;
}

export const WEBHOOK_EVENTS = [
  'AUTH.AUTOMATICALLY_VERIFIED',
  'ITEM.CONNECTION_REVOKED',
  'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  created_at: string;
}
export interface RotatedWebhook extends Webhook {
  secret: string;
  previous_secret_expires_at: string | null;
}
export interface Attempt {
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  /** First 2 KB of the receiver's answer: untrusted text, rendered as text only. */
  response_body: string | null;
}
export interface NewWebhook extends Webhook {
  secret: string;
}
export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  created_at: string;
}

export interface Connection {
  connection_id: string;
  bank_id: string;
  bank_name: string;
  user_id: string;
  status: 'active' | 'revoked' | 'reauth_required';
  created_at: string;
  revoked_at: string | null;
}
export interface Account {
  id: string;
  connection_id: string;
  bank_id: string;
  name: string;
  type: string;
  currency: string;
  account_number: string;
}
export interface Identity {
  names: string[];
  emails: string[];
  phone_numbers: string[];
  addresses: { street: string; city: string; postal_code: string; country: string }[];
}
export interface Balance {
  account_id: string;
  currency: string;
  balance: number;
  available_balance: number;
  retrieved_at: string;
}
export interface Transaction {
  id: string;
  date: string;
  amount: number;
  currency: string;
  description: string;
  category: string;
  type: string;
  pending: number;
  merchant_name?: string | null;
  counterparty?: { name: string; account_number?: string } | null;
  category_confidence?: 'high' | 'medium' | 'low';
}
export interface RecurringStream {
  description: string;
  category: string;
  frequency: string;
  amount_type?: string;
  typical_amount: number;
  occurrences?: number;
  next_expected_date?: string | null;
  is_active?: boolean;
}
export interface Recurring {
  outgoing: RecurringStream[];
  incoming: RecurringStream[];
  monthly_outgoing_total: number;
  monthly_incoming_total: number;
}

export const CATEGORIES = [
  'groceries',
  'rent',
  'dining',
  'utilities',
  'transport',
  'entertainment',
  'subscriptions',
  'salary',
  'transfer',
] as const;

// ---- calls ---------------------------------------------------------------------------------

export const dev = {
  register: (body: { email: string; password: string; name: string }) =>
    request<{ developer: Developer; session_token: string; api_key: NewApiKey }>(
      'POST',
      '/developers/register',
      { body },
    ),
  login: (body: { email: string; password: string }) =>
    request<{ session_token: string; expires_at: string }>('POST', '/developers/login', { body }),
  logout: () => request<{ status: string }>('POST', '/developers/logout', { body: {} }),
  me: () => request<Developer>('GET', '/developers/me'),
  changePassword: (body: { current_password: string; new_password: string }) =>
    request<{ status: string }>('POST', '/developers/password', { body }),
  forgotPassword: (email: string) =>
    request<{ status: string }>('POST', '/developers/password/forgot', { body: { email } }),
  resetPassword: (body: { token: string; new_password: string }) =>
    request<{ status: string }>('POST', '/developers/password/reset', { body }),
  logoutAll: () => request<{ status: string }>('POST', '/developers/logout-all', { body: {} }),
  deleteAccount: (password: string) =>
    request<{ status: string }>('DELETE', '/developers/me', { body: { password } }),
  keys: () => request<{ keys: ApiKey[] }>('GET', '/developers/keys'),
  createKey: (body: { app_name: string; environment: Environment; scopes: Scope[] }) =>
    request<NewApiKey>('POST', '/developers/keys', { body }),
  rollKey: (id: string, expiresInHours: number) =>
    request<NewApiKey & { previous_prefix: string; previous_expires_at: string }>(
      'POST',
      `/developers/keys/${encodeURIComponent(id)}/roll`,
      { body: { expires_in_hours: expiresInHours } },
    ),
  revokeKey: (id: string) =>
    request<{ id: string; status: string }>('DELETE', `/developers/keys/${encodeURIComponent(id)}`),
  usage: (query: Query) => request<Usage>('GET', '/developers/usage', { query }),
  logs: (query: Query) =>
    request<{
      requests: LogEntry[];
      has_more: boolean;
      next_before: string | null;
      retention_days: number;
      routes: string[];
    }>('GET', '/developers/logs', { query }),
  webhooks: () => request<{ webhooks: Webhook[] }>('GET', '/developers/webhooks'),
  createWebhook: (body: { url: string; events?: string[] }) =>
    request<NewWebhook>('POST', '/developers/webhooks', { body }),
  deleteWebhook: (id: string) =>
    request<{ id: string; status: string }>('DELETE', `/developers/webhooks/${encodeURIComponent(id)}`),
  updateWebhook: (id: string, body: { url?: string; events?: string[]; enabled?: boolean }) =>
    request<Webhook>('PATCH', `/developers/webhooks/${encodeURIComponent(id)}`, { body }),
  webhookEvents: () =>
    request<{
      events: {
        id: string;
        type: string;
        environment: string;
        payload: Record<string, unknown>;
        created_at: string;
      }[];
    }>('GET', '/developers/webhooks/events'),
  attempts: (id: string, deliveryId: string) =>
    request<{ attempts: Attempt[] }>(
      'GET',
      `/developers/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/attempts`,
    ),
  deliveries: (id: string) =>
    request<{ deliveries: Delivery[] }>('GET', `/developers/webhooks/${encodeURIComponent(id)}/deliveries`),
  testWebhook: (id: string) =>
    request<{ delivery_id: string }>('POST', `/developers/webhooks/${encodeURIComponent(id)}/test`, {
      body: {},
    }),
  rotateWebhookSecret: (id: string, graceHours: number) =>
    request<RotatedWebhook>('POST', `/developers/webhooks/${encodeURIComponent(id)}/rotate-secret`, {
      body: { grace_hours: graceHours },
    }),
  retryDelivery: (id: string, deliveryId: string) =>
    request<{ delivery_id: string }>(
      'POST',
      `/developers/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
      { body: {} },
    ),
};

/**
 * The banking API as one of the developer's sandbox apps, by key id: the server makes the call
 * in-process (`/developers/keys/:id/api/*`), so the browser never holds a secret key.
 */
export const bank = (keyId: string) => {
  const base = `/developers/keys/${encodeURIComponent(keyId)}/api`;
  return {
    connections: () => request<{ connections: Connection[] }>('GET', `${base}/connections`),
    revokeConnection: (id: string) =>
      request<{ connection_id: string; status: string }>(
        'DELETE',
        `${base}/connections/${encodeURIComponent(id)}`,
      ),
    accounts: () => request<{ accounts: Account[] }>('GET', `${base}/accounts`),
    balance: (id: string) => request<Balance>('GET', `${base}/accounts/${encodeURIComponent(id)}/balance`),
    identity: (id: string) => request<Identity>('GET', `${base}/accounts/${encodeURIComponent(id)}/identity`),
    transactions: (id: string, query: Query) =>
      request<{ transactions: Transaction[]; total: number; has_more: boolean }>(
        'GET',
        `${base}/accounts/${encodeURIComponent(id)}/transactions`,
        { query },
      ),
    recurring: (id: string) =>
      request<Recurring>('GET', `${base}/accounts/${encodeURIComponent(id)}/recurring`),
    sync: (id: string) =>
      request<{ sync_status: string; added_count: number }>(
        'POST',
        `${base}/accounts/${encodeURIComponent(id)}/sync`,
        { body: {} },
      ),
    linkToken: (userId: string) =>
      request<{ link_token: string; expires_in: number }>('POST', `${base}/link/token`, {
        body: { user_id: userId },
      }),
    exchange: (publicToken: string) =>
      request<{ connection_id: string; bank_id: string; status: string }>(
        'POST',
        `${base}/connect/exchange`,
        {
          body: { public_token: publicToken },
        },
      ),
  };
};
