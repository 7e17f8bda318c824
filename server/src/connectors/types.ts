import type { CategoryName } from '../transactions/category-names.js';

/**
 * The boundary between OpenDinar and a bank. Connectors only say what the bank says: which
 * accounts, what balances, which booked and pending transactions in a date window. Diffing
 * (added / modified / removed, pending → posted), categorisation, recurring detection, webhooks and
 * the consent lifecycle sit above it (transactions/reconcile.ts, transactions/refresh.ts) and never
 * know which connector fed them. Amounts are integer minor units; dates YYYY-MM-DD.
 */
export interface ConnectorAccount {
  /** The connector's own reference for the account (XS2A resourceId, sandbox IBAN). */
  ref: string;
  name: string;
  type: 'current' | 'savings';
  currency: string;
  accountNumber: string;
  /** Bank-reported booked balance, when the bank reports one. */
  balance?: number | null;
  /** Bank-reported available balance, when the bank reports one. */
  availableBalance?: number | null;
  /** Banks without balances (the generated sandbox): balance = openingBalance + booked history. */
  openingBalance?: number;
  /** With openingBalance: available = balance + min(0, pending) + availableDelta. */
  availableDelta?: number;
  /** The holder's name as the bank states it on the account (XS2A `ownerName`), when offered. */
  ownerName?: string | null;
}

export interface ConnectorTransaction {
  bankTxnId: string;
  date: string;
  amount: number;
  description: string;
  /** Banks rarely categorise; when absent our categoriser decides. */
  category?: CategoryName;
  pending: boolean;
  /** Creditor (for debits) or debtor (for credits) name, when the bank gives one: helps match pending → booked. */
  counterparty?: string | null;
  /** Value date when it differs from `date` (the booking date). */
  valueDate?: string | null;
}

export interface ConnectorIdentity {
  names: string[];
  emails: string[];
  phone_numbers: string[];
  addresses: Array<{ street: string; city: string; postal_code: string; country: string }>;
}

/** What a first import yields (assembled above the boundary from the reads below). */
export interface ConnectorProfile {
  accounts: Array<ConnectorAccount & { transactions: ConnectorTransaction[] }>;
  identity: ConnectorIdentity | null;
}

/** A window of the bank's transactions: everything it holds dated in [from, to], booked and pending. */
export interface TransactionWindow {
  from: string;
  to: string;
  transactions: ConnectorTransaction[];
}

/** Per-call context: who asks and whether the account holder is present. */
export interface ReadContext {
  /** The day the read is for (YYYY-MM-DD); defaults to the connector's clock. */
  today?: string;
  /** The present user's IP (PSU-IP-Address): such reads do not count against the bank's daily budget. */
  psuIpAddress?: string;
  /**
   * What OpenDinar already holds for the account in the window. Only a bank with no state of its
   * own (the generated sandbox) uses it, to answer as a bank that holds those rows would.
   */
  held?: readonly ConnectorTransaction[];
  /** How many refreshes the connection had before this one (the sandbox seeds its new data with it). */
  refreshNo?: number;
  /** Last day a previous pull covered (the sandbox generates what fell due after it). */
  since?: string;
  /** Asked for by the app (force refresh), not the scheduler: the sandbox always makes something new then. */
  forced?: boolean;
}

export interface StartedAuthorization {
  /** Where the user goes to authorise: the bank's SCA page (or the sandbox bank page). */
  redirectUrl: string;
  /** Opaque connector state (e.g. the XS2A consent id), kept sealed with the session. */
  state: string;
}

export interface CompletedAuthorization {
  /** What we keep (sealed) to read data later. */
  grant: string;
  /** The consent's end (ISO), null when it does not expire (sandbox). */
  validUntil: string | null;
}

/** Where a pending authorisation stands at the bank (for sessions whose user never came back). */
export type AuthorizationStatus = 'pending' | 'authorized' | 'denied' | 'expired';

export interface BankConnector {
  readonly id: string;
  /**
   * How many budgeted bank reads one refresh of one account costs (XS2A counts every unattended
   * account GET); with `frequencyPerDay` it spaces scheduled refreshes. Absent: no budget.
   */
  readonly budget?: { frequencyPerDay: number; readsPerRefresh: number };
  /** True when listAccounts carries the bank's balances (a refresh then re-reads them). */
  readonly reportsBalances?: boolean;
  startAuthorization(input: {
    bankId: string;
    sessionId: string;
    sessionToken: string;
    publicUrl: string;
    /** OpenDinar's redirect target, carrying our `state` (GET /connect/callback?state=…). */
    callbackUrl: string;
    psuIpAddress?: string;
  }): Promise<StartedAuthorization>;
  /** After the user came back (callback params) or the bank says the consent is valid. */
  completeAuthorization(input: {
    bankId: string;
    userId: string;
    sessionId: string;
    /** The state startAuthorization returned. */
    state: string;
    /** Query parameters of the redirect back, when there was one. */
    params?: Record<string, string>;
  }): Promise<CompletedAuthorization>;
  /** Asks the bank where a pending authorisation stands (absent: the connector cannot be polled). */
  pollAuthorization?(state: string): Promise<AuthorizationStatus>;
  listAccounts(grant: string, ctx?: ReadContext): Promise<ConnectorAccount[]>;
  /** Bank-reported balances of one account (null fields when the bank has none). */
  getBalances(
    grant: string,
    account: { ref: string; currency: string },
    ctx?: ReadContext,
  ): Promise<{ balance: number | null; availableBalance: number | null }>;
  /** The holder's identity where the bank offers it, else null. */
  getIdentity(grant: string, accounts: readonly ConnectorAccount[]): Promise<ConnectorIdentity | null>;
  /** Booked + pending transactions of one account dated in [from, to], with the bank's ids. */
  listTransactions(
    grant: string,
    account: { ref: string; currency: string },
    window: { from: string; to: string },
    ctx?: ReadContext,
  ): Promise<TransactionWindow>;
  /** The earliest date the first import asks for, given today (history depth the bank offers). */
  historyFrom(today: string, ctx?: ReadContext): string;
  revoke(grant: string): Promise<void>;
  /**
   * A first import that is pure computation (the generated sandbox bank): the plain-data recipe from
   * which `profileFromRecipe` (connectors/sandbox/connector.ts) makes exactly what fetchProfile would
   * return, so the writer thread can generate and store it in one hop. Checks the grant as a
   * read would (a test user's outage fails here). Absent: the profile is fetched with bank calls.
   */
  profileRecipe?(grant: string, today: string): ProfileRecipe;
}

/** See BankConnector.profileRecipe: a sandbox history's generation options and the import's window. */
export interface ProfileRecipe {
  kind: 'sandbox';
  options: import('./sandbox/generate.js').GenerateOptions;
  from: string;
  to: string;
}

/**
 * Typed failures every connector maps its bank's errors into. Above the boundary they become a
 * documented API error on reads and, for consent failures, a connection status.
 */
export type ConnectorFailureKind =
  /** The consent is no longer usable: expired, revoked by the user, or invalid → reauth_required. */
  | 'consent_expired'
  | 'consent_revoked'
  | 'consent_invalid'
  /** The bank's daily access budget for this consent is used up. */
  | 'access_limit'
  /** The bank did not answer (5xx, timeout, dropped connection) after retries. */
  | 'bank_unavailable'
  /** The bank answered something we cannot read (malformed payload, unexpected status). */
  | 'bad_data';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorFailureKind,
    message: string,
    /** Seconds until a retry can succeed, when known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  get needsReauth(): boolean {
    return (
      this.kind === 'consent_expired' || this.kind === 'consent_revoked' || this.kind === 'consent_invalid'
    );
  }
}

export const isConnectorError = (e: unknown): e is ConnectorError => e instanceof ConnectorError;
