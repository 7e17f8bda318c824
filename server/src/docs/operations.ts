import type { ErrorCode } from '../errors.js';

/**
 * The one table the OpenAPI document is built from, besides the route schemas themselves.
 *
 * Keyed by "METHOD /openapi/path" (path parameters as `{id}`). Each entry names the operation
 * (a stable `operationId` an SDK uses as its method name), its tag, and the error codes that only
 * this operation answers. Codes every operation of a kind can answer (auth errors, body parsing,
 * INVALID_FIELD, INTERNAL_ERROR, RATE_LIMIT_EXCEEDED, …) are added by rule in openapi.ts from the
 * route's `config` (auth, scope, accountParam, sandboxOnly) — do not list them here.
 *
 * test/openapi-operations.test.ts fails when a registered route has no entry here (or in
 * HIDDEN_ROUTES), so a new route cannot reach the document without a name and its errors.
 */
export interface OperationDoc {
  operationId: string;
  tag: Tag;
  /** Codes this operation answers beyond the ones added by rule. */
  errors?: readonly ErrorCode[];
  /** The route answers `RateLimit-*` / `X-RateLimit-*` headers (see RATE_LIMIT_HEADERS). */
  rateLimitHeaders?: boolean;
  /** The success body is not JSON: its media type (the body is then a string). */
  contentType?: string;
  /** Answers 304 Not Modified to a matching If-None-Match (ETag). */
  notModified?: boolean;
  /** A browser redirect endpoint: answers 302 with `Location` (this text describes where to). */
  redirect?: string;
}

export const TAGS = {
  Health: 'Liveness of the server and its database.',
  Banks: 'The catalogue of Serbian banks OpenDinar connects to. Public: no key needed.',
  Connect:
    'Connecting a user’s bank: link tokens for the widget, connect sessions, and the public-token exchange.',
  Connections: 'The bank connections made with your key; revoking one deletes the data held for it.',
  Accounts: 'Accounts, balances and account-holder identity for the connections of your key.',
  Transactions:
    'Transaction history: list mode (filters, limit/offset) and cursor sync mode; recurring streams.',
  Sandbox: 'Test-only helpers: approve or deny a sandbox connect session, create custom sandbox connections.',
  'Developer Portal':
    'Your developer account: register, log in, API keys and usage. Authenticated with a devses_ session.',
  'Developer Portal — Webhooks': 'Webhook endpoints, their delivery log, test events and redelivery.',
  'Link widget': 'The browser script that opens the OpenDinar Link flow.',
} as const;

export type Tag = keyof typeof TAGS;

export const OPERATIONS: Record<string, OperationDoc> = {
  'GET /healthz': { operationId: 'getHealth', tag: 'Health', errors: ['SERVICE_UNAVAILABLE'] },
  'GET /readyz': { operationId: 'getReadiness', tag: 'Health', errors: ['SERVICE_UNAVAILABLE'] },
  'GET /connect/callback': {
    operationId: 'completeBankRedirect',
    tag: 'Connect',
    errors: [
      'MISSING_FIELDS',
      'SESSION_NOT_FOUND',
      'SESSION_EXPIRED',
      'BANK_UNAVAILABLE',
      'ITEM_LOGIN_REQUIRED',
    ],
    redirect:
      "The bank sends the user here after its SCA page; OpenDinar completes the authorisation and redirects to the app's redirect_url with ?status=….",
  },
  'POST /developers/keys/{id}/roll': {
    operationId: 'rollKey',
    tag: 'Developer Portal',
    errors: ['KEY_NOT_FOUND'],
  },
  'PATCH /developers/keys/{id}': {
    operationId: 'updateKey',
    tag: 'Developer Portal',
    errors: ['KEY_NOT_FOUND'],
  },
  'GET /developers/logs': {
    operationId: 'listRequestLog',
    tag: 'Developer Portal',
    errors: ['KEY_NOT_FOUND'],
  },
  'GET /developers/logs/{request_id}': {
    operationId: 'getRequestLogEntry',
    tag: 'Developer Portal',
    errors: ['REQUEST_NOT_FOUND'],
  },
  'POST /developers/password': {
    operationId: 'changePassword',
    tag: 'Developer Portal',
    errors: ['INVALID_CREDENTIALS', 'PASSWORD_TOO_SHORT', 'WEAK_PASSWORD'],
  },
  'POST /developers/password/forgot': {
    operationId: 'requestPasswordReset',
    tag: 'Developer Portal',
    errors: ['RATE_LIMIT_EXCEEDED'],
  },
  'POST /developers/password/reset': {
    operationId: 'resetPassword',
    tag: 'Developer Portal',
    errors: ['INVALID_RESET_TOKEN', 'PASSWORD_TOO_SHORT', 'WEAK_PASSWORD', 'RATE_LIMIT_EXCEEDED'],
  },
  'POST /developers/logout-all': { operationId: 'logoutEverywhere', tag: 'Developer Portal' },
  'DELETE /developers/me': {
    operationId: 'deleteDeveloper',
    tag: 'Developer Portal',
    errors: ['INVALID_CREDENTIALS'],
  },
  'GET /developers/webhooks/events': { operationId: 'listWebhookEvents', tag: 'Developer Portal — Webhooks' },
  'GET /developers/webhooks/{id}/deliveries/{delivery_id}/attempts': {
    operationId: 'listDeliveryAttempts',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND', 'DELIVERY_NOT_FOUND'],
  },
  'PATCH /developers/webhooks/{id}': {
    operationId: 'updateWebhook',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND', 'INVALID_WEBHOOK_URL'],
  },
  'POST /developers/webhooks/{id}/rotate-secret': {
    operationId: 'rotateWebhookSecret',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND'],
  },
  'GET /banks': { operationId: 'listBanks', tag: 'Banks' },
  'GET /banks/{id}': { operationId: 'getBank', tag: 'Banks', errors: ['BANK_NOT_FOUND'] },
  'POST /connect': {
    operationId: 'createConnectSession',
    tag: 'Connect',
    errors: ['CONNECTION_NOT_FOUND', 'BANK_NOT_FOUND', 'BANK_NOT_AVAILABLE'],
  },
  'GET /connect/check': {
    operationId: 'checkConnectCredential',
    tag: 'Connect',
  },
  'GET /connect/status/{session_token}': {
    operationId: 'getConnectStatus',
    tag: 'Connect',
    errors: ['SESSION_NOT_FOUND', 'SESSION_EXPIRED', 'PUBLIC_TOKEN_EXPIRED', 'ITEM_LOCKED'],
  },
  'POST /connect/exchange': {
    operationId: 'exchangePublicToken',
    tag: 'Connect',
    errors: [
      'ITEM_LOGIN_REQUIRED',
      'BANK_UNAVAILABLE',
      'BANK_ACCESS_LIMIT',
      'INVALID_PUBLIC_TOKEN',
      'PUBLIC_TOKEN_ALREADY_USED',
      'PUBLIC_TOKEN_EXPIRED',
      'BANK_NOT_AVAILABLE',
    ],
  },
  'POST /link/token': { operationId: 'createLinkToken', errors: ['CONNECTION_NOT_FOUND'], tag: 'Connect' },
  'GET /connections': { operationId: 'listConnections', tag: 'Connections' },
  'DELETE /connections/{id}': {
    operationId: 'revokeConnection',
    tag: 'Connections',
    errors: ['CONNECTION_NOT_FOUND', 'CONNECTION_ALREADY_REVOKED'],
  },
  'GET /accounts': { operationId: 'listAccounts', tag: 'Accounts' },
  'GET /accounts/{id}/balance': { operationId: 'getBalance', tag: 'Accounts' },
  'GET /accounts/{id}/identity': {
    operationId: 'getIdentity',
    tag: 'Accounts',
    errors: ['IDENTITY_UNAVAILABLE'],
  },
  'POST /accounts/{id}/sync': {
    operationId: 'refreshAccount',
    tag: 'Accounts',
    errors: ['ITEM_LOGIN_REQUIRED', 'BANK_UNAVAILABLE', 'BANK_ACCESS_LIMIT', 'SERVICE_UNAVAILABLE'],
  },
  'GET /accounts/{id}/recurring': { operationId: 'listRecurring', tag: 'Transactions' },
  'GET /accounts/{id}/transactions': {
    operationId: 'listTransactions',
    tag: 'Transactions',
    errors: ['INVALID_CURSOR'],
  },
  'POST /sandbox/authorize': {
    operationId: 'sandboxAuthorize',
    tag: 'Sandbox',
    errors: [
      'SESSION_NOT_FOUND',
      'SESSION_EXPIRED',
      'SESSION_ALREADY_COMPLETED',
      'BANK_NOT_AVAILABLE',
      'INVALID_CREDENTIALS',
      'ITEM_LOCKED',
    ],
  },
  'POST /sandbox/deny': {
    operationId: 'sandboxDeny',
    tag: 'Sandbox',
    errors: ['SESSION_NOT_FOUND', 'SESSION_EXPIRED', 'SESSION_ALREADY_COMPLETED'],
  },
  'POST /sandbox/connections': {
    operationId: 'createSandboxConnection',
    tag: 'Sandbox',
    errors: ['BANK_NOT_FOUND', 'BANK_NOT_AVAILABLE'],
  },
  'POST /developers/register': {
    operationId: 'register',
    tag: 'Developer Portal',
    errors: ['WEAK_PASSWORD', 'INVALID_EMAIL', 'PASSWORD_TOO_SHORT', 'EMAIL_TAKEN', 'RATE_LIMIT_EXCEEDED'],
    rateLimitHeaders: true,
  },
  'POST /developers/login': {
    operationId: 'login',
    tag: 'Developer Portal',
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMIT_EXCEEDED'],
    rateLimitHeaders: true,
  },
  'POST /developers/logout': { operationId: 'logout', tag: 'Developer Portal' },
  'GET /developers/me': { operationId: 'getDeveloper', tag: 'Developer Portal' },
  'GET /developers/keys': { operationId: 'listKeys', tag: 'Developer Portal' },
  'POST /developers/keys': {
    operationId: 'createKey',
    errors: ['KEY_LIMIT_REACHED'],
    tag: 'Developer Portal',
  },
  'DELETE /developers/keys/{id}': {
    operationId: 'revokeKey',
    tag: 'Developer Portal',
    errors: ['KEY_NOT_FOUND'],
  },
  'GET /developers/usage': { operationId: 'getUsage', tag: 'Developer Portal', errors: ['KEY_NOT_FOUND'] },
  'POST /developers/webhooks': {
    operationId: 'createWebhook',
    tag: 'Developer Portal — Webhooks',
    errors: ['INVALID_WEBHOOK_URL'],
  },
  'GET /developers/webhooks': { operationId: 'listWebhooks', tag: 'Developer Portal — Webhooks' },
  'DELETE /developers/webhooks/{id}': {
    operationId: 'deleteWebhook',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND'],
  },
  'GET /developers/webhooks/{id}/deliveries': {
    operationId: 'listWebhookDeliveries',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND'],
  },
  'POST /developers/webhooks/{id}/test': {
    operationId: 'testWebhook',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND'],
  },
  'POST /developers/webhooks/{id}/deliveries/{delivery_id}/retry': {
    operationId: 'retryWebhookDelivery',
    tag: 'Developer Portal — Webhooks',
    errors: ['WEBHOOK_NOT_FOUND', 'DELIVERY_NOT_FOUND'],
  },
  'GET /developers/events/stream': {
    operationId: 'streamEvents',
    tag: 'Developer Portal — Webhooks',
    contentType: 'text/event-stream',
  },
  'POST /developers/events/trigger': {
    operationId: 'triggerEvent',
    tag: 'Developer Portal — Webhooks',
    errors: ['ACCOUNT_NOT_FOUND'],
  },
  'GET /v1/opendinar.js': {
    operationId: 'getLinkWidgetScript',
    tag: 'Link widget',
    contentType: 'application/javascript',
    notModified: true,
  },
};

/** Registered on purpose but kept out of the document (pages, assets, the document itself). */
export const HIDDEN_ROUTES = new Set([
  'GET /docs',
  'GET /openapi.json',
  'GET /dashboard',
  'GET /dashboard/*',
  'GET /sandbox/auth.html',
  'GET /sandbox/auth.js',
  'GET /sandbox/auth.css',
  // Dashboard-internal proxy (developers/app-proxy.ts) and the operator's Prometheus endpoint.
  'GET /developers/keys/{id}/api/*',
  'POST /developers/keys/{id}/api/*',
  'DELETE /developers/keys/{id}/api/*',
  'GET /metrics',
]);
/** Everything @fastify/swagger-ui registers lives under this prefix. */
export const HIDDEN_PREFIXES = ['/docs/reference'];

/**
 * Shared components, each taken from one place in the generated document (so a field added to a
 * route's schema reaches the component by itself); every identical schema elsewhere becomes a $ref.
 * Format: "METHOD /path STATUS" then a JSON pointer inside that response's schema.
 */
export const COMPONENTS: Record<string, string> = {
  Bank: 'GET /banks/{id} 200',
  Account: 'GET /accounts 200 /properties/accounts/items',
  Balance: 'GET /accounts/{id}/balance 200',
  Identity: 'GET /accounts/{id}/identity 200',
  Transaction: 'GET /accounts/{id}/transactions 200 /anyOf/0/properties/transactions/items',
  TransactionList: 'GET /accounts/{id}/transactions 200 /anyOf/0',
  TransactionSync: 'GET /accounts/{id}/transactions 200 /anyOf/1',
  RecurringStreams: 'GET /accounts/{id}/recurring 200',
  Connection: 'GET /connections 200 /properties/connections/items',
  Developer: 'GET /developers/me 200',
  ApiKey: 'GET /developers/keys 200 /properties/keys/items',
  NewApiKey: 'POST /developers/keys 201',
  Usage: 'GET /developers/usage 200',
  Webhook: 'GET /developers/webhooks 200 /properties/webhooks/items',
  NewWebhook: 'POST /developers/webhooks 201',
  WebhookDelivery: 'GET /developers/webhooks/{id}/deliveries 200 /properties/deliveries/items',
  QueuedDelivery: 'POST /developers/webhooks/{id}/test 202',
};

/** Fields every webhook body carries (added at delivery: event_id and environment). */
interface WebhookEventDoc {
  summary: string;
  /** Event-specific fields, all strings unless stated. */
  fields: Record<string, { description: string; nullable?: boolean }>;
}

const connectionFields = {
  connection_id: { description: 'The connection the event is about' },
  bank_id: { description: 'The bank of that connection' },
};

/** Every event OpenDinar POSTs, by `webhook_type.webhook_code` (WEBHOOK_EVENT_TYPES plus WEBHOOK.TEST). */
export const WEBHOOK_EVENTS: Record<string, WebhookEventDoc> = {
  'AUTH.AUTOMATICALLY_VERIFIED': {
    summary: 'A user connected a bank (the public token was exchanged)',
    fields: { ...connectionFields, user_id: { description: 'Your user id from the connect session' } },
  },
  'ITEM.CONNECTION_REVOKED': {
    summary: 'A connection was revoked; its accounts and data are gone',
    fields: { ...connectionFields, user_id: { description: 'Your user id from the connect session' } },
  },
  'ITEM.LOGIN_REQUIRED': {
    summary: 'The bank’s consent expired or was revoked: re-authorise the connection (update mode)',
    fields: connectionFields,
  },
  'ITEM.PENDING_EXPIRATION': {
    summary: 'The bank’s consent expires in 7 days: ask the user to re-authorise (update mode)',
    fields: {
      ...connectionFields,
      consent_expires_at: { description: 'When the consent expires (ISO 8601)', nullable: true },
    },
  },
  'TRANSACTIONS.SYNC_UPDATES_AVAILABLE': {
    summary: 'New, changed or removed transactions are ready: call the sync endpoint with your cursor',
    fields: {
      account_id: { description: 'The account whose transactions changed' },
      bank_id: { description: 'The bank of that account' },
    },
  },
  'WEBHOOK.TEST': {
    summary: 'Sent by POST /developers/webhooks/{id}/test to check an endpoint and its signature check',
    fields: { webhook_id: { description: 'The webhook that was tested' } },
  },
};
