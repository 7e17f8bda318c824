import type { BankConnector, ConnectorProfile } from '../types.js';
import { generateRefresh, generateSandboxProfile, type SandboxBankId } from './generate.js';

/** What the sandbox "bank" keeps for a connection: enough to regenerate the same data. */
interface SandboxGrant {
  seed: string;
  bankId: SandboxBankId;
  withIdentity: boolean;
  accounts?: Array<{ type: 'current' | 'savings'; currency: 'RSD' | 'EUR' }>;
}

const SANDBOX_BANKS: readonly string[] = ['raiffeisen', 'erste', 'aik'];

export const isSandboxBank = (bankId: string): bankId is SandboxBankId => SANDBOX_BANKS.includes(bankId);

export function sandboxGrant(grant: SandboxGrant): string {
  return JSON.stringify(grant);
}

function parseGrant(grant: string): SandboxGrant {
  return JSON.parse(grant) as SandboxGrant;
}

/** The generated bank: deterministic Serbian data derived from the grant's seed. */
export function createSandboxConnector(opts: { identityBanks: readonly string[] }): BankConnector {
  return {
    id: 'sandbox',
    authorizationUrl: ({ publicUrl, sessionToken }) =>
      `${publicUrl}/sandbox/auth.html?session_token=${encodeURIComponent(sessionToken)}`,
    async completeAuthorization({ bankId, sessionId }) {
      if (!isSandboxBank(bankId)) throw new Error(`sandbox connector cannot serve ${bankId}`);
      return {
        grant: sandboxGrant({ seed: sessionId, bankId, withIdentity: opts.identityBanks.includes(bankId) }),
      };
    },
    async fetchProfile(grant, today): Promise<ConnectorProfile> {
      const g = parseGrant(grant);
      const profile = generateSandboxProfile({
        seed: g.seed,
        bankId: g.bankId,
        today,
        withIdentity: g.withIdentity,
        ...(g.accounts ? { accounts: g.accounts } : {}),
      });
      return { accounts: profile.accounts, identity: profile.identity };
    },
    async refresh(grant, account, state) {
      const g = parseGrant(grant);
      return generateRefresh({
        seed: g.seed,
        accountRef: account.ref,
        currency: account.currency === 'EUR' ? 'EUR' : 'RSD',
        today: state.today,
        refreshNo: state.refreshNo,
        ...(state.since !== undefined && { since: state.since }),
        ...(g.accounts && { accounts: g.accounts }),
        pending: state.pending.map((p) => ({
          bankTxnId: p.bankTxnId,
          date: p.date,
          amount: p.amount,
          description: p.description,
          category: p.category ?? 'transfer',
        })),
      });
    },
    async revoke() {
      // The generated bank keeps nothing to revoke.
    },
  };
}
