import type { Clock } from '../../clock.js';
import { dayOf } from '../../clock.js';
import type { LiveBankConfig } from '../../config.js';
import {
  type AuthorizationStatus,
  type BankConnector,
  type ConnectorAccount,
  ConnectorError,
  type ConnectorTransaction,
  type ReadContext,
} from '../types.js';
import {
  DEFAULT_RETRY,
  type RetryPolicy,
  tppMessage,
  Xs2aClient,
  type Xs2aRequest,
  type Xs2aResponse,
  Xs2aUnavailable,
} from './client.js';
import { addDays, identityOf, pickBalances, toAccount, toTransactionPage, Xs2aBadData } from './transform.js';

/**
 * Known behaviour per bank (see README.md): whether `bookingStatus=both` works, how far back
 * unattended reads (no PSU-IP-Address) and reads with the user present may go.
 */
export interface Xs2aProfile {
  bookingStatusBoth: boolean;
  historyDaysUnattended: number;
  historyDaysPresent: number;
}

export const PROFILES: Readonly<Record<string, Xs2aProfile>> = {
  raiffeisen: { bookingStatusBoth: true, historyDaysUnattended: 90, historyDaysPresent: 730 },
  erste: { bookingStatusBoth: false, historyDaysUnattended: 90, historyDaysPresent: 365 },
  aik: { bookingStatusBoth: true, historyDaysUnattended: 90, historyDaysPresent: 730 },
  // PSD2 RTS art. 10: at least 90 days are always available.
  standard: { bookingStatusBoth: true, historyDaysUnattended: 90, historyDaysPresent: 90 },
};

/** The daily budget of unattended reads the consent asks for (PSD2 RTS art. 36(5): 4 a day). */
export const FREQUENCY_PER_DAY = 4;

export interface Xs2aOptions {
  bankId: string;
  bank: LiveBankConfig;
  clock: Clock;
  retry?: RetryPolicy;
}

/** What we keep, sealed, for a connection: the consent at the bank. */
interface Grant {
  consentId: string;
}

const parseGrant = (g: string): Grant => JSON.parse(g) as Grant;

/** Seconds until the bank's next day (UTC midnight), when its daily budget resets. */
const secondsToMidnight = (now: Date): number => {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
};

export type Xs2aConnector = BankConnector & { readonly client: Xs2aClient };

/** A Berlin Group NextGenPSD2 1.3.x AIS connector for one bank (redirect SCA approach). */
export function createXs2aConnector(opts: Xs2aOptions): Xs2aConnector {
  const profile = PROFILES[opts.bank.profile] ?? (PROFILES.standard as Xs2aProfile);
  const client = new Xs2aClient(opts.bank, opts.retry ?? DEFAULT_RETRY);
  const consentDays = opts.bank.consentDays ?? 180;
  // Learnt at run time: a bank that rejects `both` once is asked for booked and pending separately.
  let both = profile.bookingStatusBoth;

  /** Sends and maps failures to typed ConnectorErrors (never with ids in the message). */
  async function call(req: Xs2aRequest, ok: number[] = [200]): Promise<Xs2aResponse> {
    let res: Xs2aResponse;
    try {
      res = await client.send(req);
    } catch (err) {
      if (err instanceof Xs2aUnavailable)
        throw new ConnectorError('bank_unavailable', `${opts.bankId}: ${err.message}`, 60);
      throw err;
    }
    if (ok.includes(res.status)) return res;
    const failure = failureOf(res, req.what);
    // An account call refused as "invalid": the consent's status says whether the user revoked it.
    if (failure.kind === 'consent_invalid' && req.consentId !== undefined) {
      const status = await consentStatus(req.consentId).catch(() => undefined);
      if (status === 'revokedByPsu' || status === 'terminatedByTpp') {
        throw new ConnectorError('consent_revoked', `${failure.message} (consent ${status})`);
      }
      if (status === 'expired')
        throw new ConnectorError('consent_expired', `${failure.message} (consent expired)`);
    }
    throw failure;
  }

  function failureOf(res: Xs2aResponse, what: string): ConnectorError {
    const msg = tppMessage(res.body);
    const code = msg?.code ?? `HTTP ${res.status}`;
    const text = `${opts.bankId}: ${what} answered ${res.status} ${code}`;
    switch (msg?.code) {
      case 'CONSENT_EXPIRED':
        return new ConnectorError('consent_expired', text);
      case 'CONSENT_INVALID':
      case 'CONSENT_UNKNOWN':
        return new ConnectorError('consent_invalid', text);
      case 'ACCESS_EXCEEDED': {
        const header = Number(res.headers['retry-after']);
        return new ConnectorError(
          'access_limit',
          text,
          Number.isFinite(header) && header > 0 ? header : secondsToMidnight(opts.clock.now()),
        );
      }
      case 'SERVICE_BLOCKED':
        return new ConnectorError('bank_unavailable', text, 3600);
    }
    if (res.status === 429)
      return new ConnectorError('access_limit', text, secondsToMidnight(opts.clock.now()));
    if (res.status === 401) return new ConnectorError('consent_invalid', text);
    if (res.status >= 500) return new ConnectorError('bank_unavailable', text, 60);
    return new ConnectorError('bad_data', text);
  }

  function bad<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof Xs2aBadData) throw new ConnectorError('bad_data', `${opts.bankId}: ${err.message}`);
      throw err;
    }
  }

  const consentPath = (id: string) => `/v1/consents/${encodeURIComponent(id)}`;

  async function consentStatus(consentId: string): Promise<string> {
    const res = await call({
      method: 'GET',
      path: `${consentPath(consentId)}/status`,
      what: 'consent status',
    });
    const status = (res.body as { consentStatus?: unknown } | undefined)?.consentStatus;
    if (typeof status !== 'string')
      throw new ConnectorError('bad_data', `${opts.bankId}: consent status unreadable`);
    return status;
  }

  async function pages(
    consentId: string,
    account: { ref: string; currency: string },
    query: Record<string, string>,
    ctx: ReadContext | undefined,
    to: string,
  ): Promise<ConnectorTransaction[]> {
    const out: ConnectorTransaction[] = [];
    let req: Xs2aRequest | undefined = {
      method: 'GET',
      path: `/v1/accounts/${encodeURIComponent(account.ref)}/transactions`,
      what: 'transactions',
      query,
      consentId,
      ...(ctx?.psuIpAddress !== undefined && { psuIpAddress: ctx.psuIpAddress }),
    };
    for (let page = 0; req && page < 10_000; page++) {
      const res = await call(req);
      const { transactions, next } = bad(() => toTransactionPage(res.body, account.currency, to));
      out.push(...transactions);
      req = next
        ? {
            method: 'GET',
            path: next,
            what: 'transactions (next page)',
            consentId,
            ...(ctx?.psuIpAddress !== undefined && { psuIpAddress: ctx.psuIpAddress }),
          }
        : undefined;
    }
    return out;
  }

  const connector: Xs2aConnector = {
    id: `xs2a:${opts.bankId}`,
    client,
    reportsBalances: true,
    budget: { frequencyPerDay: FREQUENCY_PER_DAY, readsPerRefresh: profile.bookingStatusBoth ? 1 : 2 },

    async startAuthorization({ callbackUrl, psuIpAddress }) {
      const today = dayOf(opts.clock.now());
      const res = await call(
        {
          method: 'POST',
          path: '/v1/consents',
          what: 'consent creation',
          headers: { 'tpp-redirect-uri': callbackUrl, 'tpp-redirect-preferred': 'true' },
          ...(psuIpAddress !== undefined && { psuIpAddress }),
          body: {
            // Bank-offered consent: the user picks the accounts on the bank's page.
            access: { accounts: [], balances: [], transactions: [] },
            recurringIndicator: true,
            validUntil: addDays(today, consentDays),
            frequencyPerDay: FREQUENCY_PER_DAY,
            combinedServiceIndicator: false,
          },
        },
        [200, 201],
      );
      const body = res.body as {
        consentId?: unknown;
        _links?: { scaRedirect?: { href?: unknown } | string };
      };
      const sca = body?._links?.scaRedirect;
      const href = typeof sca === 'string' ? sca : sca?.href;
      if (typeof body?.consentId !== 'string' || typeof href !== 'string') {
        throw new ConnectorError(
          'bad_data',
          `${opts.bankId}: the consent answer has no consentId or scaRedirect link (only the redirect SCA approach is supported)`,
        );
      }
      return {
        redirectUrl: client.urlFor(href).toString(),
        state: JSON.stringify({ consentId: body.consentId }),
      };
    },

    async completeAuthorization({ state, params }) {
      const { consentId } = JSON.parse(state) as Grant;
      if (params?.error)
        throw new ConnectorError('consent_invalid', `${opts.bankId}: the user did not approve`);
      const res = await call({ method: 'GET', path: consentPath(consentId), what: 'consent' });
      const c = res.body as { consentStatus?: unknown; validUntil?: unknown };
      if (c?.consentStatus !== 'valid') {
        throw new ConnectorError(
          'consent_invalid',
          `${opts.bankId}: consent is ${String(c?.consentStatus)}, not valid`,
        );
      }
      const validUntil =
        typeof c.validUntil === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.validUntil)
          ? `${c.validUntil}T23:59:59.999Z`
          : null;
      return { grant: JSON.stringify({ consentId } satisfies Grant), validUntil };
    },

    async pollAuthorization(state): Promise<AuthorizationStatus> {
      const { consentId } = JSON.parse(state) as Grant;
      const status = await consentStatus(consentId);
      if (status === 'valid') return 'authorized';
      if (status === 'rejected') return 'denied';
      if (status === 'expired' || status === 'revokedByPsu' || status === 'terminatedByTpp') return 'expired';
      return 'pending';
    },

    async listAccounts(grant, ctx) {
      const { consentId } = parseGrant(grant);
      const res = await call({
        method: 'GET',
        path: '/v1/accounts',
        what: 'accounts',
        query: { withBalance: 'true' },
        consentId,
        ...(ctx?.psuIpAddress !== undefined && { psuIpAddress: ctx.psuIpAddress }),
      });
      const list = (res.body as { accounts?: unknown } | undefined)?.accounts;
      if (!Array.isArray(list))
        throw new ConnectorError('bad_data', `${opts.bankId}: the accounts answer has no list`);
      return bad(() =>
        list
          .map(toAccount)
          .filter((a) => a.status !== 'deleted' && a.status !== 'blocked')
          .map(({ status: _s, ...a }): ConnectorAccount => a),
      );
    },

    async getBalances(grant, account, ctx) {
      const { consentId } = parseGrant(grant);
      const res = await call({
        method: 'GET',
        path: `/v1/accounts/${encodeURIComponent(account.ref)}/balances`,
        what: 'balances',
        consentId,
        ...(ctx?.psuIpAddress !== undefined && { psuIpAddress: ctx.psuIpAddress }),
      });
      return bad(() => pickBalances((res.body as { balances?: unknown })?.balances, account.currency));
    },

    async getIdentity(_grant, accounts) {
      return identityOf(accounts);
    },

    historyFrom(today, ctx) {
      const days =
        ctx?.psuIpAddress !== undefined ? profile.historyDaysPresent : profile.historyDaysUnattended;
      // One day of margin: the bank's "today" may already be tomorrow.
      return addDays(today, -(days - 1));
    },

    async listTransactions(grant, account, window, ctx) {
      const { consentId } = parseGrant(grant);
      const dates = { dateFrom: window.from, dateTo: window.to };
      let transactions: ConnectorTransaction[];
      if (both) {
        try {
          transactions = await pages(consentId, account, { ...dates, bookingStatus: 'both' }, ctx, window.to);
        } catch (err) {
          // A bank that does not support `both` answers 400 FORMAT_ERROR: ask twice from now on.
          if (!(err instanceof ConnectorError && err.kind === 'bad_data' && /FORMAT_ERROR/.test(err.message)))
            throw err;
          both = false;
          return connector.listTransactions(grant, account, window, ctx);
        }
      } else {
        const booked = await pages(consentId, account, { ...dates, bookingStatus: 'booked' }, ctx, window.to);
        const pending = await pages(
          consentId,
          account,
          { ...dates, bookingStatus: 'pending' },
          ctx,
          window.to,
        );
        transactions = [...booked, ...pending];
      }
      return { ...window, transactions };
    },

    async revoke(grant) {
      const { consentId } = parseGrant(grant);
      await call(
        { method: 'DELETE', path: consentPath(consentId), what: 'consent deletion' },
        [200, 204, 404],
      );
    },
  };
  return connector;
}
