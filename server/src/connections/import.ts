import type { BankConnector, ConnectorProfile, ReadContext } from '../connectors/types.js';

/**
 * A first import through any connector: accounts (with the bank's balances), the holder's identity
 * where offered, and each account's booked + pending history as far back as the bank allows. Runs
 * outside any database transaction (it is all bank calls).
 */
export async function fetchProfile(
  connector: BankConnector,
  grant: string,
  today: string,
  ctx: ReadContext = {},
): Promise<ConnectorProfile> {
  const accounts = await connector.listAccounts(grant, { ...ctx, today });
  const identity = await connector.getIdentity(grant, accounts);
  const from = connector.historyFrom(today, ctx);
  const out: ConnectorProfile['accounts'] = [];
  for (const account of accounts) {
    const window = await connector.listTransactions(grant, account, { from, to: today }, { ...ctx, today });
    out.push({ ...account, transactions: window.transactions });
  }
  return { accounts: out, identity };
}

/**
 * The stored opening balance and available delta that make our derived balances equal what the
 * bank reports (balance = opening + booked; available = balance + min(0, pending) + delta). A
 * bank without balances keeps the connector's own opening balance and delta.
 */
export function balanceColumns(
  account: {
    balance?: number | null;
    availableBalance?: number | null;
    openingBalance?: number;
    availableDelta?: number;
  },
  sums: { booked: number; pending: number },
): { opening_balance: number; available_delta: number } {
  if (account.balance === null || account.balance === undefined) {
    return { opening_balance: account.openingBalance ?? 0, available_delta: account.availableDelta ?? 0 };
  }
  const available = account.availableBalance ?? account.balance + Math.min(0, sums.pending);
  return {
    opening_balance: account.balance - sums.booked,
    available_delta: available - (account.balance + Math.min(0, sums.pending)),
  };
}
