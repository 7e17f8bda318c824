// The consent resource and its state machine:
// received → valid (SCA approved) | rejected (SCA denied); valid → expired (clock passes validUntil, or
// /sim expire) | revokedByPsu (/sim revoke) | terminatedByTpp (DELETE). received can also be deleted.

export type ConsentStatus =
  | 'received'
  | 'valid'
  | 'rejected'
  | 'expired'
  | 'revokedByPsu'
  | 'terminatedByTpp';

export type AccessKind =
  | 'bankOffered'
  | 'allPsd2'
  | 'availableAccounts'
  | 'availableAccountsWithBalance'
  | 'explicit';

/** What the consent allows on one bound account. */
export interface Grant {
  resourceId: string;
  balances: boolean;
  transactions: boolean;
}

export interface Consent {
  consentId: string;
  bankId: string;
  status: ConsentStatus;
  /** The access object as the TPP sent it (shown by GET until approval fills in the accounts). */
  access: Record<string, unknown>;
  accessKind: AccessKind;
  /** IBANs named in an explicit consent, per list. */
  ibans: { accounts: string[]; balances: string[]; transactions: string[] };
  recurringIndicator: boolean;
  validUntilDay: number;
  frequencyPerDay: number;
  combinedServiceIndicator: boolean;
  createdAt: Date;
  lastActionDay: number;
  redirectUri: string;
  nokRedirectUri: string | null;
  /** The PSU who approved it (null until then). */
  username: string | null;
  grants: Grant[];
}

/** Statuses a consent never leaves. */
export const FINAL_STATUSES: ReadonlySet<ConsentStatus> = new Set([
  'rejected',
  'expired',
  'revokedByPsu',
  'terminatedByTpp',
]);

/** Move a live consent to `expired` once the bank day is after its validUntil. */
export function refreshExpiry(consent: Consent, today: number): ConsentStatus {
  if ((consent.status === 'valid' || consent.status === 'received') && today > consent.validUntilDay) {
    consent.status = 'expired';
  }
  return consent.status;
}
