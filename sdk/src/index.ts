export {
  type CallOptions,
  type ClientOptions,
  type ErrorCodeOf,
  OpenDinar,
  type OperationId,
  type RequestOptions,
  type ResponseOf,
  type Schemas,
  type SyncChange,
  type Transaction,
  type TransactionSync,
} from './client.js';
export {
  type ErrorBody,
  type ErrorCode,
  type ErrorType,
  OpenDinarConnectionError,
  OpenDinarError,
  WebhookSignatureError,
} from './errors.js';
export type { components, operations, paths, webhooks } from './generated/openapi.js';
export { signWebhook, type VerifyWebhookOptions, verifyWebhook, type WebhookEvent } from './webhooks.js';
