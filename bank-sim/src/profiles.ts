// Per-bank quirks. The bank id in the URL (`/{bankId}/v1/...`) selects the profile.

export interface BankProfile {
  id: string;
  displayName: string;
  /** Three-digit Serbian bank code (first digits of the account number). */
  bankCode: string;
  /** Transactions per page before `_links.next` appears. */
  pageSize: number;
  /** Whether `bookingStatus=both` is accepted (erste answers 400 FORMAT_ERROR). */
  bothSupported: boolean;
  /** How far back `dateFrom` may go without the PSU present (no PSU-IP-Address). */
  historyDaysUnattended: number;
  /** How far back `dateFrom` may go with the PSU present (PSU-IP-Address sent). */
  historyDaysPresent: number;
  /** Whether accounts carry `ownerName`. */
  ownerName: boolean;
}

export const PROFILES: Readonly<Record<string, BankProfile>> = {
  raiffeisen: {
    id: 'raiffeisen',
    displayName: 'Raiffeisen banka',
    bankCode: '265',
    pageSize: 100,
    bothSupported: true,
    historyDaysUnattended: 90,
    historyDaysPresent: 730,
    ownerName: true,
  },
  erste: {
    id: 'erste',
    displayName: 'Erste Bank',
    bankCode: '340',
    pageSize: 50,
    bothSupported: false,
    historyDaysUnattended: 90,
    historyDaysPresent: 365,
    ownerName: false,
  },
  aik: {
    id: 'aik',
    displayName: 'AIK Banka',
    bankCode: '105',
    pageSize: 25,
    bothSupported: true,
    historyDaysUnattended: 90,
    historyDaysPresent: 730,
    ownerName: true,
  },
};

export function profileFor(bankId: string): BankProfile | undefined {
  return Object.hasOwn(PROFILES, bankId) ? PROFILES[bankId] : undefined;
}
