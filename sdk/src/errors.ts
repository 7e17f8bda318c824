import type { components } from './generated/openapi.js';

export type ErrorBody = components['schemas']['Error'];
export type ErrorCode = ErrorBody['error_code'];
export type ErrorType = ErrorBody['error_type'];

/** Every non-2xx answer of the API, with the documented error fields and the HTTP status. */
export class OpenDinarError extends Error {
  override readonly name = 'OpenDinarError';
  readonly status: number;
  readonly error_type: ErrorType;
  readonly error_code: ErrorCode;
  readonly error_message: string;
  readonly request_id: string;
  readonly docs: string;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ErrorBody, retryAfter?: number) {
    super(`${body.error_code}: ${body.error_message} (request ${body.request_id})`);
    this.status = status;
    this.error_type = body.error_type;
    this.error_code = body.error_code;
    this.error_message = body.error_message;
    this.request_id = body.request_id;
    this.docs = body.docs;
    this.retryAfter = retryAfter;
  }
}

/** The request never got an answer (DNS, refused connection, timeout) after every retry. */
export class OpenDinarConnectionError extends Error {
  override readonly name = 'OpenDinarConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A webhook whose OpenDinar-Signature does not verify (or is too old). */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}
