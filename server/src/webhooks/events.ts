/** The documented webhook events; `events` filters on these names. */
export const WEBHOOK_EVENT_TYPES = [
  'AUTH.AUTOMATICALLY_VERIFIED',
  'ITEM.CONNECTION_REVOKED',
  'ITEM.LOGIN_REQUIRED',
  'ITEM.PENDING_EXPIRATION',
  'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
