// Everything the simulated banks hold, and the operations the XS2A routes and /sim share.
import { Budget } from './budget.js';
import type { BankClock } from './clock.js';
import type { Consent } from './consents/model.js';
import { refreshExpiry } from './consents/model.js';
import { type Account, generatePsu, type Psu, type Tx } from './data/generator.js';
import type { Fault } from './faults.js';
import { type BankProfile, profileFor } from './profiles.js';

/** A transaction listing spread over pages: the snapshot the first page was cut from. */
export interface Listing {
  id: string;
  consentId: string;
  resourceId: string;
  bookingStatus: string;
  dateFrom: string;
  dateTo: string;
  items: { tx: Tx; booked: boolean }[];
}

export interface RequestEntry {
  bankId: string;
  method: string;
  path: string;
  status: number;
  consentId: string | null;
  psuIpAddress: string | null;
  at: string;
}

interface State {
  startDay: number;
  consents: Map<string, Consent>;
  psus: Map<string, Psu>;
  accounts: Map<string, Account>;
  budget: Budget;
  listings: Map<string, Listing>;
  faults: Fault[];
  nextFaultId: number;
  requests: RequestEntry[];
}

const MAX_LISTINGS = 500;
const MAX_REQUESTS = 50_000;

export class Bank {
  state: State;
  /** resourceId → owner; survives /sim/reset so ids handed out earlier can be regenerated. */
  private readonly knownIds = new Map<string, { bankId: string; username: string }>();

  constructor(readonly clock: BankClock) {
    this.state = this.fresh();
  }

  private fresh(): State {
    return {
      startDay: this.clock.today(),
      consents: new Map(),
      psus: new Map(),
      accounts: new Map(),
      budget: new Budget(),
      listings: new Map(),
      faults: [],
      nextFaultId: 1,
      requests: [],
    };
  }

  reset(): void {
    this.clock.reset();
    this.state = this.fresh();
  }

  today(): number {
    return this.clock.today();
  }

  profile(bankId: string): BankProfile | undefined {
    return profileFor(bankId);
  }

  psu(bankId: string, username: string): Psu {
    const key = `${bankId}\u0000${username}`;
    let psu = this.state.psus.get(key);
    if (!psu) {
      const profile = profileFor(bankId);
      if (!profile) throw new Error(`unknown bank ${bankId}`);
      psu = generatePsu(profile, username, this.state.startDay);
      this.state.psus.set(key, psu);
      for (const account of psu.accounts) {
        this.state.accounts.set(account.resourceId, account);
        this.knownIds.set(account.resourceId, { bankId, username });
      }
    }
    return psu;
  }

  account(resourceId: string): Account | undefined {
    const found = this.state.accounts.get(resourceId);
    if (found) return found;
    const owner = this.knownIds.get(resourceId);
    if (!owner) return undefined;
    this.psu(owner.bankId, owner.username);
    return this.state.accounts.get(resourceId);
  }

  consent(consentId: string): Consent | undefined {
    const consent = this.state.consents.get(consentId);
    if (consent) refreshExpiry(consent, this.today());
    return consent;
  }

  /** SCA approved by `username`: bind the consent to that PSU's accounts. */
  approve(consent: Consent, username: string): void {
    const psu = this.psu(consent.bankId, username);
    consent.username = username;
    consent.status = 'valid';
    consent.grants = [];
    const kind = consent.accessKind;
    for (const account of psu.accounts) {
      if (kind === 'explicit') {
        const { accounts, balances, transactions } = consent.ibans;
        const b = balances.includes(account.iban);
        const t = transactions.includes(account.iban);
        if (b || t || accounts.includes(account.iban)) {
          consent.grants.push({ resourceId: account.resourceId, balances: b, transactions: t });
        }
      } else {
        consent.grants.push({
          resourceId: account.resourceId,
          balances: kind !== 'availableAccounts',
          transactions: kind === 'allPsd2' || kind === 'bankOffered',
        });
      }
    }
    if (kind === 'bankOffered') {
      const refs = (pred: (g: Consent['grants'][number]) => boolean) =>
        consent.grants.filter(pred).map((g) => {
          const a = this.state.accounts.get(g.resourceId) as Account;
          return { iban: a.iban, currency: a.currency };
        });
      consent.access = {
        accounts: refs(() => true),
        balances: refs((g) => g.balances),
        transactions: refs((g) => g.transactions),
      };
    }
  }

  addListing(listing: Listing): void {
    const listings = this.state.listings;
    listings.set(listing.id, listing);
    if (listings.size > MAX_LISTINGS) {
      const oldest = listings.keys().next().value;
      if (oldest !== undefined) listings.delete(oldest);
    }
  }

  logRequest(entry: RequestEntry): void {
    const log = this.state.requests;
    log.push(entry);
    if (log.length > MAX_REQUESTS) log.splice(0, log.length - MAX_REQUESTS);
  }
}
