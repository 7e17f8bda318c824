/**
 * The bank catalogue: one source of truth for GET /banks, the Link widget and /docs.
 * Market shares are banking-sector asset shares (NBS, 2024), rounded.
 */
export type BankStatus = 'live' | 'sandbox' | 'coming_soon';

export interface Bank {
  id: string;
  name: string;
  country: 'RS';
  bic: string;
  status: BankStatus;
  color: string;
  market_share_pct: number;
  feat_accounts: 0 | 1;
  feat_transactions: 0 | 1;
  feat_balance: 0 | 1;
  feat_identity: 0 | 1;
}

const none = { feat_accounts: 0, feat_transactions: 0, feat_balance: 0, feat_identity: 0 } as const;

export const BANKS: readonly Bank[] = [
  {
    id: 'raiffeisen',
    name: 'Raiffeisen Bank',
    country: 'RS',
    bic: 'RZBSRSBG',
    status: 'live',
    color: '#FFE500',
    market_share_pct: 11.19,
    feat_accounts: 1,
    feat_transactions: 1,
    feat_balance: 1,
    feat_identity: 1,
  },
  {
    id: 'erste',
    name: 'Erste Bank',
    country: 'RS',
    bic: 'GIBARS22',
    status: 'live',
    color: '#2870ED',
    market_share_pct: 8.35,
    feat_accounts: 1,
    feat_transactions: 1,
    feat_balance: 1,
    feat_identity: 0,
  },
  {
    id: 'aik',
    name: 'AIK Banka',
    country: 'RS',
    bic: 'AIKBRS22',
    status: 'sandbox',
    color: '#D71920',
    market_share_pct: 9.6,
    feat_accounts: 1,
    feat_transactions: 1,
    feat_balance: 1,
    feat_identity: 0,
  },
  {
    id: 'intesa',
    name: 'Banca Intesa',
    country: 'RS',
    bic: 'DBDBRSBG',
    status: 'coming_soon',
    color: '#007A3D',
    market_share_pct: 15.6,
    ...none,
  },
  {
    id: 'otp',
    name: 'OTP Banka',
    country: 'RS',
    bic: 'OTPVRS22',
    status: 'coming_soon',
    color: '#52AE30',
    market_share_pct: 13.8,
    ...none,
  },
  {
    id: 'unicredit',
    name: 'UniCredit',
    country: 'RS',
    bic: 'BACXRSBG',
    status: 'coming_soon',
    color: '#E2001A',
    market_share_pct: 11.0,
    ...none,
  },
];

export const findBank = (id: string): Bank | undefined => BANKS.find((b) => b.id === id);

export interface BankQuery {
  search?: string;
  status?: BankStatus;
  limit?: number;
  offset?: number;
}

/** Filters and pages the catalogue; `search` is case- and diacritic-insensitive on the name. */
export function listBanks(q: BankQuery): { banks: Bank[]; total: number } {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const needle = q.search ? fold(q.search.trim()) : '';
  const matched = BANKS.filter(
    (b) => (!needle || fold(b.name).includes(needle)) && (!q.status || b.status === q.status),
  );
  const offset = q.offset ?? 0;
  return { banks: matched.slice(offset, offset + (q.limit ?? 50)), total: matched.length };
}
