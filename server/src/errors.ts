/**
 * The one table of error codes. Every error the API answers comes from here; the /docs error
 * reference and the OpenAPI error schema are generated from it.
 */
export type ErrorType = 'AUTH_ERROR' | 'INVALID_REQUEST' | 'ITEM_ERROR' | 'API_ERROR';

interface ErrorSpec {
  type: ErrorType;
  status: number;
  message: string;
}

export const ERROR_CODES = {
  // Documented (product docs' table)
  MISSING_API_KEY: { type: 'AUTH_ERROR', status: 401, message: 'No Authorization header provided.' },
  INVALID_API_KEY: { type: 'AUTH_ERROR', status: 401, message: 'The API key provided is not valid.' },
  REVOKED_API_KEY: { type: 'AUTH_ERROR', status: 401, message: 'The API key has been revoked.' },
  MISSING_DEV_TOKEN: { type: 'AUTH_ERROR', status: 401, message: 'Developer session token not provided.' },
  INVALID_DEV_TOKEN: { type: 'AUTH_ERROR', status: 401, message: 'The developer session token is invalid.' },
  EXPIRED_DEV_TOKEN: {
    type: 'AUTH_ERROR',
    status: 401,
    message: 'The developer session has expired — log in again.',
  },
  INSUFFICIENT_PERMISSIONS: {
    type: 'AUTH_ERROR',
    status: 403,
    message: 'The API key lacks the required permission scope.',
  },
  MISSING_FIELDS: { type: 'INVALID_REQUEST', status: 400, message: 'Required request fields are missing.' },
  INVALID_EMAIL: { type: 'INVALID_REQUEST', status: 400, message: 'The email address format is invalid.' },
  PASSWORD_TOO_SHORT: {
    type: 'INVALID_REQUEST',
    status: 400,
    message: 'The password must be at least 8 characters.',
  },
  INVALID_CURSOR: {
    type: 'INVALID_REQUEST',
    status: 400,
    message: 'Cursor value not recognised — omit it (send ?cursor=) to restart sync.',
  },
  EMAIL_TAKEN: { type: 'INVALID_REQUEST', status: 409, message: 'This email address is already registered.' },
  BANK_NOT_FOUND: { type: 'ITEM_ERROR', status: 404, message: 'Bank ID not recognised.' },
  BANK_NOT_AVAILABLE: { type: 'ITEM_ERROR', status: 400, message: 'This bank is not yet connectable.' },
  SESSION_NOT_FOUND: { type: 'ITEM_ERROR', status: 404, message: 'Session token not found.' },
  SESSION_EXPIRED: {
    type: 'ITEM_ERROR',
    status: 410,
    message: 'The 10-minute connect session has expired — start a new one.',
  },
  INVALID_PUBLIC_TOKEN: { type: 'ITEM_ERROR', status: 404, message: 'Public token not found.' },
  PUBLIC_TOKEN_ALREADY_USED: {
    type: 'ITEM_ERROR',
    status: 410,
    message: 'The public token was already exchanged.',
  },
  PUBLIC_TOKEN_EXPIRED: {
    type: 'ITEM_ERROR',
    status: 410,
    message: 'The 5-minute public token window has passed.',
  },
  ACCOUNT_NOT_FOUND: {
    type: 'ITEM_ERROR',
    status: 404,
    message: "Account doesn't exist or doesn't belong to this key.",
  },
  IDENTITY_UNAVAILABLE: {
    type: 'ITEM_ERROR',
    status: 404,
    message: "This account's bank doesn't provide identity data.",
  },
  CONNECTION_NOT_FOUND: {
    type: 'ITEM_ERROR',
    status: 404,
    message: "Connection doesn't exist or doesn't belong to this key.",
  },
  CONNECTION_ALREADY_REVOKED: {
    type: 'ITEM_ERROR',
    status: 409,
    message: 'The connection was already revoked.',
  },
  INTERNAL_ERROR: {
    type: 'API_ERROR',
    status: 500,
    message: 'Internal server error — safe to retry with exponential backoff.',
  },
  // Pinned by API.md
  INVALID_FIELD: { type: 'INVALID_REQUEST', status: 400, message: 'A field has an invalid value.' },
  INVALID_JSON: { type: 'INVALID_REQUEST', status: 400, message: 'The request body is not valid JSON.' },
  ROUTE_NOT_FOUND: { type: 'INVALID_REQUEST', status: 404, message: 'No such route.' },
  INVALID_CREDENTIALS: { type: 'AUTH_ERROR', status: 401, message: 'The email or password is incorrect.' },
  INVALID_WEBHOOK_URL: {
    type: 'INVALID_REQUEST',
    status: 400,
    message: 'Webhook URL must be https and must not point to localhost or a private or reserved address.',
  },
  WEBHOOK_NOT_FOUND: {
    type: 'ITEM_ERROR',
    status: 404,
    message: "Webhook doesn't exist or doesn't belong to you.",
  },
  INVALID_RESET_TOKEN: {
    type: 'INVALID_REQUEST',
    status: 400,
    message: 'This password-reset link is invalid, already used or expired — request a new one.',
  },
  REQUEST_NOT_FOUND: {
    type: 'ITEM_ERROR',
    status: 404,
    message: 'No request with this id in your request log (it keeps the last few days).',
  },
  KEY_NOT_FOUND: {
    type: 'ITEM_ERROR',
    status: 404,
    message: "API key doesn't exist or doesn't belong to you.",
  },
  RATE_LIMIT_EXCEEDED: {
    type: 'API_ERROR',
    status: 429,
    message: 'Too many requests — retry after the Retry-After interval.',
  },
  ITEM_LOGIN_REQUIRED: {
    type: 'ITEM_ERROR',
    status: 400,
    message: "The bank's consent expired or was revoked — re-authorise the connection (update mode).",
  },
  BANK_UNAVAILABLE: {
    type: 'ITEM_ERROR',
    status: 503,
    message: 'The bank did not answer — retry after the Retry-After interval.',
  },
  ITEM_LOCKED: {
    type: 'ITEM_ERROR',
    status: 400,
    message:
      "The user's account is locked at the bank — the user must unlock it with the bank, then connect again.",
  },
  BANK_ACCESS_LIMIT: {
    type: 'ITEM_ERROR',
    status: 429,
    message:
      "The bank's daily access budget for this consent is used up — retry after the Retry-After interval.",
  },
  // Our additions
  PAYLOAD_TOO_LARGE: { type: 'INVALID_REQUEST', status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    type: 'INVALID_REQUEST',
    status: 415,
    message: 'The request body must be application/json.',
  },
  NOT_SANDBOX_KEY: {
    type: 'AUTH_ERROR',
    status: 403,
    message: 'This endpoint is available to sandbox (od_test_sk_) keys only.',
  },
  DELIVERY_NOT_FOUND: {
    type: 'ITEM_ERROR',
    status: 404,
    message: "Webhook delivery doesn't exist or doesn't belong to you.",
  },
  MALFORMED_REQUEST: {
    type: 'INVALID_REQUEST',
    status: 400,
    message: 'The request could not be understood.',
  },
  SESSION_ALREADY_COMPLETED: {
    type: 'ITEM_ERROR',
    status: 409,
    message: 'The user already approved or declined this connect session.',
  },
  INVALID_CSRF_TOKEN: {
    type: 'AUTH_ERROR',
    status: 403,
    message: 'The X-CSRF-Token header is missing or does not match this dashboard session.',
  },
  SERVICE_UNAVAILABLE: {
    type: 'API_ERROR',
    status: 503,
    message: 'The service is temporarily unavailable — retry shortly.',
  },
  REQUEST_TIMEOUT: {
    type: 'INVALID_REQUEST',
    status: 408,
    message: 'The request did not arrive in time — send the whole request within the request timeout.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    type: 'INVALID_REQUEST',
    status: 422,
    message: 'This Idempotency-Key was already used with a different request — use a new key.',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    type: 'INVALID_REQUEST',
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed — retry shortly.',
  },
  KEY_LIMIT_REACHED: {
    type: 'INVALID_REQUEST',
    status: 409,
    message: 'This account has reached its limit of active API keys — revoke one first.',
  },
  WEAK_PASSWORD: {
    type: 'INVALID_REQUEST',
    status: 400,
    message: 'This password is too common — choose one that is not on lists of breached passwords.',
  },
  INVALID_METRICS_TOKEN: {
    type: 'AUTH_ERROR',
    status: 401,
    message: 'GET /metrics needs the operator token (OPENDINAR_METRICS_TOKEN) as a bearer token.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly type: ErrorType;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message?: string, headers: Record<string, string> = {}) {
    const spec: ErrorSpec = ERROR_CODES[code];
    super(message ?? spec.message);
    this.code = code;
    this.status = spec.status;
    this.type = spec.type;
    this.headers = headers;
  }
}

export interface ErrorBody {
  error_type: ErrorType;
  error_code: ErrorCode;
  error_message: string;
  docs: string;
  request_id: string;
}

export function errorBody(err: ApiError, publicUrl: string, requestId: string): ErrorBody {
  return {
    error_type: err.type,
    error_code: err.code,
    error_message: err.message,
    docs: `${publicUrl}/docs#${err.code.toLowerCase()}`,
    request_id: requestId,
  };
}
