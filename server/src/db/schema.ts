import type { ColumnType, Generated } from 'kysely';
/**
 * Kysely table types for both dialects. Conventions: ids and instants are TEXT (ISO-8601 UTC),
 * dates are TEXT YYYY-MM-DD, money is BIGINT minor units, booleans are INTEGER 0/1,
 * JSON documents are TEXT.
 */
export interface DevelopersTable {
  id: string;
  email: string; // lower-cased; unique
  name: string;
  password_hash: string;
  created_at: string;
}

export interface DevSessionsTable {
  id: string;
  developer_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  developer_id: string;
  key_hash: string;
  prefix: string; // first characters shown in lists, e.g. "od_test_sk_9x2m"
  app_name: string;
  environment: 'sandbox' | 'live';
  scopes: string; // JSON array of scope names
  status: 'active' | 'revoked';
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  redirect_urls: ColumnType<string, string | undefined, string>; // JSON array of registered redirect URLs (live keys' POST /connect must match one)
}

/** A secret replaced by a roll: valid until expires_at, REVOKED_API_KEY after. */
export interface ApiKeyRolledSecretsTable {
  key_hash: string;
  api_key_id: string;
  prefix: string;
  rolled_at: string;
  expires_at: string;
}

/** One API request of an app (the dashboard's request log). */
export interface RequestLogTable {
  id: string;
  developer_id: string;
  api_key_id: string;
  key_prefix: string | null;
  method: string;
  path: string;
  endpoint: string;
  status: number;
  error_code: string | null;
  /** The error body as sent (JSON), for failed requests only. */
  error_body: string | null;
  latency_ms: number;
  request_id: string;
  at: string;
}

/**
 * A batch's requests of one developer (migration 0021): `entries` is a JSON array of
 * [id, at, api_key_id, key_prefix, method, path, endpoint, status, error_code, error_body,
 * latency_ms, request_id] per request. `request_log` is a read-only view of them, a row per request.
 */
export interface RequestLogChunksTable {
  id: string;
  developer_id: string;
  min_at: string;
  max_at: string;
  requests: number;
  entries: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  developer_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ConnectSessionsTable {
  id: string;
  token_hash: string; // sha256 of sess_…
  api_key_id: string;
  developer_id: string;
  environment: 'sandbox' | 'live';
  bank_id: string;
  user_id: string;
  redirect_url: string;
  status: 'pending' | 'authorized' | 'denied' | 'exchanged';
  created_at: string;
  expires_at: string;
  authorized_at: string | null;
  public_token_hash: string | null;
  public_token_enc: string | null; // sealed, so status polls can return it
  public_token_expires_at: string | null;
  exchanged_at: string | null;
  connection_id: string | null;
  grant_enc: string | null; // sealed bank grant obtained at authorisation
  auth_state_hash: string | null; // sha256 of the `state` on the bank's redirect back (live banks)
  auth_context_enc: string | null; // sealed connector state of the authorisation (e.g. the XS2A consent id)
  consent_expires_at: string | null; // the consent's end, learnt at authorisation (live banks)
  error_code: string | null; // why the session ended at the bank (sandbox test users: ITEM_LOCKED)
}

export interface ConnectionsTable {
  id: string;
  api_key_id: string;
  developer_id: string;
  environment: 'sandbox' | 'live';
  bank_id: string;
  user_id: string;
  connector: string; // 'sandbox' | 'custom' | later 'xs2a'
  grant_enc: string | null; // sealed bank grant; null once revoked
  status: 'active' | 'revoked' | 'reauth_required';
  created_at: string;
  revoked_at: string | null;
  last_synced_at: string | null;
  refresh_count: number;
  sync_locked_until: string | null; // lease so one refresh runs per connection at a time
  consent_expires_at: string | null; // the bank consent's end (null: sandbox, never expires — but user_consent_expiring)
  last_refreshed_at: string | null; // last successful pull from the bank
  expiry_notified_at: string | null; // ITEM.PENDING_EXPIRATION sent for the current consent
  last_error: string | null; // ConnectorFailureKind of the last failed refresh
  data_deleted_at: string | null; // revoked: when the background job had deleted everything (null while pending)
  purge_lease_until: string | null; // the deletion job's lease (connections/purge.ts)
}

export interface AccountsTable {
  id: string;
  connection_id: string;
  api_key_id: string; // denormalised owner for one-query scoping
  bank_id: string;
  ref: string; // the connector's own account reference
  name: string;
  type: 'current' | 'savings';
  currency: string;
  account_number: string;
  opening_balance: number;
  available_delta: number; // available = balance + available_delta
  change_seq: number; // last sequence number in transaction_changes for this account
  created_at: string;
  /** Set when its connection is revoked: the account answers as deleted until the job deletes it. */
  revoked_at: string | null;
}

export interface IdentitiesTable {
  account_id: string;
  document: string; // JSON {names, emails, phone_numbers, addresses}
}

export interface TransactionsTable {
  id: string;
  account_id: string;
  bank_txn_id: string; // the bank's id; unique per account
  date: string;
  amount: number;
  currency: string;
  description: string;
  category: string;
  pending: number;
  pending_transaction_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Transactions per (account, date, category), kept by triggers (migration 0016_big_accounts). */
export interface TransactionDayCountsTable {
  account_id: string;
  date: string;
  category: string;
  n: number;
}

/** transaction_day_counts rolled up by month ('YYYY-MM'), kept by triggers (migration 0018_month_counts). */
export interface TransactionMonthCountsTable {
  account_id: string;
  month: string;
  category: string;
  n: number;
}

/** Per-account change log: a sync cursor is a position (seq) in it. */
export interface TransactionChangesTable {
  account_id: string;
  seq: number;
  transaction_id: string;
  kind: 'added' | 'modified' | 'removed';
  created_at: string;
}

export interface WebhooksTable {
  id: string;
  developer_id: string;
  url: string;
  events: string; // JSON array; [] = all events
  secret_enc: string;
  created_at: string;
  deleted_at: string | null;
  /** The secret replaced by a rotation; it still signs (second v1=) until previous_secret_expires_at. */
  previous_secret_enc: string | null;
  previous_secret_expires_at: string | null;
  /** Set while the endpoint is disabled (no deliveries); null = enabled. */
  disabled_at: string | null;
}

/** Outbox: one row per event, written in the same transaction as the change. */
export interface WebhookEventsTable {
  id: string; // evt_…, the event_id receivers de-duplicate on
  developer_id: string;
  environment: 'sandbox' | 'live';
  event_type: string; // e.g. AUTH.AUTOMATICALLY_VERIFIED
  payload: string; // JSON body (without event_id/environment, which are added at delivery)
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  webhook_id: string;
  developer_id: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  /** First 2 KB (bytes, cut at a UTF-8 boundary) of the receiver's answer; untrusted text. */
  response_body: string | null;
}

/** Failed requests only since migration 0020 (recent_errors); earlier rows hold every request. */
export interface UsageEventsTable {
  id: string;
  api_key_id: string;
  developer_id: string;
  environment: 'sandbox' | 'live';
  method: string;
  endpoint: string; // route pattern, e.g. "GET /accounts/:id/transactions"
  status: number;
  error_code: string | null;
  request_id: string;
  at: string;
}

/** Requests per developer, key, environment, endpoint, status and UTC minute (usage/writer.ts). */
export interface UsageMinutesTable {
  developer_id: string;
  /** 'YYYY-MM-DDTHH:MM' */
  minute: string;
  api_key_id: string;
  environment: 'sandbox' | 'live';
  endpoint: string;
  status: number;
  requests: number;
}

/** Millisecond offsets within the minute of one batch's requests per group (migration 0020). */
export interface UsageInstantsTable {
  developer_id: string;
  /** 'YYYY-MM-DDTHH:MM' */
  minute: string;
  api_key_id: string;
  environment: 'sandbox' | 'live';
  endpoint: string;
  status: number;
  /** Five digits per request: milliseconds since the minute's start ('03250' = :03.250). */
  offsets: string;
}

export interface LinkTokensTable {
  id: string;
  token_hash: string;
  api_key_id: string;
  developer_id: string;
  environment: 'sandbox' | 'live';
  user_id: string;
  created_at: string;
  expires_at: string;
  connection_id: string | null; // update mode: the connection this token re-authorises
}

/** Failed-login counters per throttle bucket (migration 0002). */
export interface LoginThrottleTable {
  bucket: string; // "email:<sha256 of e-mail>" or "ip:<sha256 of address>"
  window_start: string;
  failures: number;
  /** Epoch ms before which this bucket admits no attempt (progressive delays; 0 = none). Migration 0016. */
  next_attempt_at: Generated<number>;
}

export interface IdempotencyKeysTable {
  owner: string; // "key:<api key id>" or "dev:<developer id>"
  idem_key: string;
  request_hash: string; // sha256 of method, route and body
  state: 'in_flight' | 'done';
  response_status: number | null;
  response_enc: string | null; // encrypted JSON of the first answer's body
  created_at: string;
  expires_at: string;
}

/** Fixed-window request counters, one row per (bucket, window); migration 0016. */
export interface RateLimitWindowsTable {
  bucket: string;
  window_end: number; // epoch ms the fixed window closes
  hits: number;
}

export interface Database {
  developers: DevelopersTable;
  dev_sessions: DevSessionsTable;
  api_keys: ApiKeysTable;
  api_key_rolled_secrets: ApiKeyRolledSecretsTable;
  /** A view over request_log_chunks (read only). */
  request_log: RequestLogTable;
  request_log_chunks: RequestLogChunksTable;
  password_resets: PasswordResetsTable;
  connect_sessions: ConnectSessionsTable;
  connections: ConnectionsTable;
  accounts: AccountsTable;
  identities: IdentitiesTable;
  transactions: TransactionsTable;
  transaction_changes: TransactionChangesTable;
  transaction_day_counts: TransactionDayCountsTable;
  transaction_month_counts: TransactionMonthCountsTable;
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  usage_events: UsageEventsTable;
  usage_minutes: UsageMinutesTable;
  usage_instants: UsageInstantsTable;
  link_tokens: LinkTokensTable;
  login_throttle: LoginThrottleTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limit_windows: RateLimitWindowsTable;
}
