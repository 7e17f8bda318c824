import type { CategoryName } from '../transactions/category-names.js';

/**
 * The boundary between OpenDinar and a bank. Sync, categorisation, recurring detection and
 * webhooks sit above it and never know which connector fed them. Amounts are minor units.
 */
export interface ConnectorAccount {
  ref: string;
  name: string;
  type: 'current' | 'savings';
  currency: string;
  accountNumber: string;
  openingBalance: number;
  availableDelta: number;
}

export interface ConnectorTransaction {
  bankTxnId: string;
  date: string;
  amount: number;
  description: string;
  /** Banks rarely categorise; when absent our categoriser decides. */
  category?: CategoryName;
  pending: boolean;
}

export interface ConnectorIdentity {
  names: string[];
  emails: string[];
  phone_numbers: string[];
  addresses: Array<{ street: string; city: string; postal_code: string; country: string }>;
}

export interface ConnectorProfile {
  accounts: Array<ConnectorAccount & { transactions: ConnectorTransaction[] }>;
  identity: ConnectorIdentity | null;
}

/** What a refresh found for one account: new transactions, and pending ones that posted. */
export interface ConnectorRefresh {
  newTransactions: ConnectorTransaction[];
  posted: Array<{ pendingBankTxnId: string; posted: ConnectorTransaction }>;
}

export interface BankConnector {
  readonly id: string;
  /** The URL the user visits to authorise access (the sandbox bank page, or the bank's own). */
  authorizationUrl(input: { publicUrl: string; sessionToken: string; bankId: string }): string;
  /** Called once the user approved; returns the grant we keep (sealed) to read data later. */
  completeAuthorization(input: {
    bankId: string;
    userId: string;
    sessionId: string;
  }): Promise<{ grant: string }>;
  /** Accounts with their full history and the holder's identity, as of `today`. */
  fetchProfile(grant: string, today: string): Promise<ConnectorProfile>;
  /** New data for one account since the last pull. */
  refresh(
    grant: string,
    account: { ref: string; currency: string },
    state: {
      today: string;
      refreshNo: number;
      /** Last day a pull (or the connection itself) covered: what fell due after it is new. */
      since?: string;
      pending: ConnectorTransaction[];
    },
  ): Promise<ConnectorRefresh>;
  revoke(grant: string): Promise<void>;
}
