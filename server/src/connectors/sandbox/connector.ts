import { type Clock, dayOf, systemClock } from '../../clock.js';
import { generateSandboxProfileOffThread } from '../../offload/pool.js';
import { assertGrantUsable, type TestUserGrant, testUserGrant } from '../../sandbox/test-users.js';
import type { BankConnector, ConnectorProfile, ConnectorTransaction, ProfileRecipe } from '../types.js';
import {
  type GeneratedProfile,
  type GenerateOptions,
  generateRefresh,
  generateSandboxProfile,
  type SandboxBankId,
} from './generate.js';

/** What the sandbox "bank" keeps for a connection: enough to regenerate the same data (+ a test user's traits). */
interface SandboxGrant extends TestUserGrant {
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

/** A grant about to be read: a test user's outage or ended consent fails here, as a live bank would. */
function usableGrant(grant: string, now: Date): SandboxGrant {
  const g = parseGrant(grant);
  assertGrantUsable(g, now);
  return g;
}

const generateOptions = (g: SandboxGrant, today: string): GenerateOptions => ({
  seed: g.seed,
  bankId: g.bankId,
  today,
  withIdentity: g.withIdentity,
  ...(g.accounts ? { accounts: g.accounts } : {}),
});

/** The sandbox bank's history dated in [from, to] (what listTransactions answers on a first import). */
const inWindow = (transactions: readonly ConnectorTransaction[], from: string, to: string) =>
  transactions.filter((t) => t.date >= from && t.date <= to);

/**
 * A first import from a recipe (BankConnector.profileRecipe): generates the history and shapes it
 * exactly as fetchProfile does through the connector's calls — on any thread (the writer thread's).
 */
export function profileFromRecipe(recipe: ProfileRecipe): ConnectorProfile {
  const generated = generateSandboxProfile(recipe.options);
  return {
    accounts: generated.accounts.map((a) => ({
      ...a,
      transactions: inWindow(a.transactions, recipe.from, recipe.to),
    })),
    identity: generated.identity,
  };
}

const HISTORY_FROM = '1970-01-01';

/**
 * The generated bank: deterministic Serbian data derived from the grant's seed. It has no storage
 * of its own: its history is the seed's, up to the day asked; on a refresh (`ctx.held` given) it
 * answers as a bank holding what OpenDinar holds would — the same rows, some pending ones now
 * booked under a new id, and a few new payments.
 */
export function createSandboxConnector(opts: {
  identityBanks: readonly string[];
  clock?: Clock;
}): BankConnector {
  const clock = opts.clock ?? systemClock;
  // The last few generated profiles: one import asks for accounts, identity and each account's history.
  // Generated on a worker thread (offload/pool.ts): a year of history is CPU the event loop need not wait for.
  const cache = new Map<string, Promise<GeneratedProfile>>();
  const profileOf = (grant: string, today: string): Promise<GeneratedProfile> => {
    const key = `${today}\u0000${grant}`;
    const hit = cache.get(key);
    if (hit) {
      assertGrantUsable(parseGrant(grant), clock.now());
      return hit;
    }
    const g = usableGrant(grant, clock.now());
    const profile = generateSandboxProfileOffThread(generateOptions(g, today));
    cache.set(key, profile);
    // A failed generation is not remembered.
    profile.catch(() => cache.delete(key));
    if (cache.size > 4) cache.delete(cache.keys().next().value as string);
    return profile;
  };

  return {
    id: 'sandbox',
    async startAuthorization({ publicUrl, sessionToken }) {
      return {
        redirectUrl: `${publicUrl}/sandbox/auth.html?session_token=${encodeURIComponent(sessionToken)}`,
        state: '',
      };
    },
    async completeAuthorization({ bankId, sessionId, params }) {
      if (!isSandboxBank(bankId)) throw new Error(`sandbox connector cannot serve ${bankId}`);
      // The username typed on the sandbox bank page may name a test user (sandbox/test-users.ts).
      const traits = testUserGrant(params?.username, clock.now());
      return {
        grant: sandboxGrant({
          seed: sessionId,
          bankId,
          withIdentity: opts.identityBanks.includes(bankId),
          ...traits,
        }),
        validUntil: traits.validUntil ?? null,
      };
    },
    async listAccounts(grant, ctx) {
      const today = ctx?.today ?? dayOf(clock.now());
      return (await profileOf(grant, today)).accounts.map(({ transactions: _t, ...a }) => a);
    },
    async getBalances() {
      // Balances follow from the opening balance and the history (openingBalance / availableDelta).
      return { balance: null, availableBalance: null };
    },
    async getIdentity(grant) {
      return (await profileOf(grant, dayOf(clock.now()))).identity;
    },
    historyFrom: () => HISTORY_FROM,
    profileRecipe(grant, today) {
      return {
        kind: 'sandbox',
        options: generateOptions(usableGrant(grant, clock.now()), today),
        from: HISTORY_FROM,
        to: today,
      };
    },
    async listTransactions(grant, account, window, ctx) {
      if (ctx?.held === undefined) {
        const acc = (await profileOf(grant, window.to)).accounts.find((a) => a.ref === account.ref);
        return { ...window, transactions: inWindow(acc?.transactions ?? [], window.from, window.to) };
      }
      const g = usableGrant(grant, clock.now());
      const held = ctx.held;
      const pending = held.filter((t) => t.pending);
      const r = generateRefresh({
        seed: g.seed,
        accountRef: account.ref,
        currency: account.currency === 'EUR' ? 'EUR' : 'RSD',
        today: window.to,
        refreshNo: ctx.refreshNo ?? 1,
        ...(ctx.forced && { atLeastOne: true }),
        ...(ctx.since !== undefined && { since: ctx.since }),
        ...(g.accounts && { accounts: g.accounts }),
        pending: pending.map((p) => ({
          bankTxnId: p.bankTxnId,
          date: p.date,
          amount: p.amount,
          description: p.description,
          category: p.category ?? 'transfer',
        })),
      });
      const postedIds = new Set(r.posted.map((p) => p.pendingBankTxnId));
      const transactions: ConnectorTransaction[] = [
        ...held.filter((t) => !postedIds.has(t.bankTxnId)),
        ...r.posted.map((p) => p.posted),
        ...r.newTransactions,
      ];
      return { ...window, transactions };
    },
    async revoke() {
      // The generated bank keeps nothing to revoke.
    },
  };
}
