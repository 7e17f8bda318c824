import { BANKS, type Bank } from '../banks/catalogue.js';
import type { Environment } from '../http/principals.js';
import { createSandboxConnector, isSandboxBank } from './sandbox/connector.js';
import type { BankConnector } from './types.js';

/** Banks whose sandbox holds the account holder's identity: the ones the catalogue says offer it. */
const IDENTITY_BANKS = BANKS.filter((b) => b.feat_identity === 1).map((b) => b.id);

const sandboxConnector = createSandboxConnector({ identityBanks: IDENTITY_BANKS });

/**
 * Live connectors by bank id. None is configured yet: a live key cannot connect anything until a
 * real (e.g. XS2A) connector for that bank is added here.
 */
const LIVE_CONNECTORS: ReadonlyMap<string, BankConnector> = new Map();

/** Why a bank cannot be connected in an environment (turned into BANK_NOT_AVAILABLE by callers). */
export type ConnectorChoice = { connector: BankConnector } | { unavailable: string };

/**
 * Which connector serves `bank` for a key of `environment`:
 * - coming_soon banks: none;
 * - sandbox keys: the generated sandbox bank, for live and sandbox-status banks alike;
 * - live keys: only live banks, and only through a configured live connector.
 */
export function connectorFor(bank: Bank, environment: Environment): ConnectorChoice {
  if (bank.status === 'coming_soon') {
    return { unavailable: `${bank.name} is listed as coming_soon — not yet connectable.` };
  }
  if (environment === 'sandbox') {
    if (!isSandboxBank(bank.id)) return { unavailable: `${bank.name} has no sandbox yet.` };
    return { connector: sandboxConnector };
  }
  if (bank.status !== 'live') {
    return { unavailable: `${bank.name} is available in the sandbox only — use an od_test_sk_ key.` };
  }
  const live = LIVE_CONNECTORS.get(bank.id);
  if (!live)
    return {
      unavailable: `No live connector is configured for ${bank.name} yet — live connections to it are not possible.`,
    };
  return { connector: live };
}

/** The connector a stored connection was made through (by `connections.connector`), if it has one. */
export function connectorById(id: string): BankConnector | undefined {
  if (id === sandboxConnector.id) return sandboxConnector;
  for (const c of LIVE_CONNECTORS.values()) if (c.id === id) return c;
  // 'custom' sandbox connections hold uploaded data; no bank is behind them.
  return undefined;
}
