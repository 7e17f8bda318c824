import { BANKS, type Bank } from '../banks/catalogue.js';
import type { Clock } from '../clock.js';
import type { LiveBankConfig } from '../config.js';
import type { Environment } from '../http/principals.js';
import { createSandboxConnector, isSandboxBank } from './sandbox/connector.js';
import type { BankConnector } from './types.js';
import { createXs2aConnector, type Xs2aOptions } from './xs2a/connector.js';

/** Banks whose sandbox holds the account holder's identity: the ones the catalogue says offer it. */
const IDENTITY_BANKS = BANKS.filter((b) => b.feat_identity === 1).map((b) => b.id);

/** Why a bank cannot be connected in an environment (turned into BANK_NOT_AVAILABLE by callers). */
export type ConnectorChoice = { connector: BankConnector } | { unavailable: string };

/**
 * The connectors of one app instance, built from configuration (AppDeps.connectors): the generated
 * sandbox bank for sandbox keys, and one XS2A connector per bank configured live
 * (OPENDINAR_BANKS_CONFIG). Tests build their own with test doubles for time and delays.
 */
export class Connectors {
  readonly sandbox: BankConnector;
  private readonly live = new Map<string, BankConnector>();

  constructor(opts: {
    clock: Clock;
    liveBanks?: Readonly<Record<string, LiveBankConfig>>;
    xs2a?: Partial<Xs2aOptions>;
  }) {
    this.sandbox = createSandboxConnector({ identityBanks: IDENTITY_BANKS, clock: opts.clock });
    for (const [bankId, cfg] of Object.entries(opts.liveBanks ?? {})) {
      this.live.set(bankId, createXs2aConnector({ bankId, bank: cfg, clock: opts.clock, ...opts.xs2a }));
    }
  }

  /**
   * Which connector serves `bank` for a key of `environment`:
   * - coming_soon banks: none;
   * - sandbox keys: the generated sandbox bank, for live and sandbox-status banks alike;
   * - live keys: only live banks, and only through a configured live connector.
   */
  for(bank: Bank, environment: Environment): ConnectorChoice {
    if (bank.status === 'coming_soon') {
      return { unavailable: `${bank.name} is listed as coming_soon — not yet connectable.` };
    }
    if (environment === 'sandbox') {
      if (!isSandboxBank(bank.id)) return { unavailable: `${bank.name} has no sandbox yet.` };
      return { connector: this.sandbox };
    }
    if (bank.status !== 'live') {
      return { unavailable: `${bank.name} is available in the sandbox only — use an od_test_sk_ key.` };
    }
    const live = this.live.get(bank.id);
    if (!live)
      return {
        unavailable: `No live connector is configured for ${bank.name} yet — live connections to it are not possible.`,
      };
    return { connector: live };
  }

  /** The connector a stored connection was made through (by `connections.connector`), if it has one. */
  byId(id: string): BankConnector | undefined {
    if (id === this.sandbox.id) return this.sandbox;
    for (const c of this.live.values()) if (c.id === id) return c;
    // 'custom' sandbox connections hold uploaded data; no bank is behind them.
    return undefined;
  }
}
