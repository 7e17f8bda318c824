// GET /v1/accounts, /v1/accounts/{id}, /v1/accounts/{id}/balances.
import type { FastifyInstance } from 'fastify';
import type { Bank } from '../bank.js';
import type { Grant } from '../consents/model.js';
import type { Account } from '../data/generator.js';
import { balancesAt, formatMinor } from '../data/ledger.js';
import { isoDay } from '../dates.js';
import { formatError } from '../errors.js';
import { bankOf, psuIpAddress, queryParam, requireRequestId } from '../http.js';
import type { BankProfile } from '../profiles.js';
import { countRead, grantedAccount, liveConsent } from './access.js';
import { transactionRoutes } from './transactions.js';

export function balanceList(account: Account, today: number) {
  const b = balancesAt(account, today);
  const amount = (minor: number) => ({ currency: account.currency, amount: formatMinor(minor) });
  return [
    {
      balanceType: 'closingBooked',
      balanceAmount: amount(b.closingBookedMinor),
      referenceDate: isoDay(today - 1),
    },
    {
      balanceType: 'interimAvailable',
      balanceAmount: amount(b.interimAvailableMinor),
      referenceDate: isoDay(today),
    },
    { balanceType: 'expected', balanceAmount: amount(b.expectedMinor), referenceDate: isoDay(today) },
  ];
}

function accountJson(
  profile: BankProfile,
  account: Account,
  grant: Grant,
  withBalance: boolean,
  today: number,
) {
  const base = `/${profile.id}/v1/accounts/${account.resourceId}`;
  const links: Record<string, { href: string }> = {};
  if (grant.balances) links.balances = { href: `${base}/balances` };
  if (grant.transactions) links.transactions = { href: `${base}/transactions` };
  return {
    resourceId: account.resourceId,
    iban: account.iban,
    currency: account.currency,
    name: account.name,
    product: account.product,
    cashAccountType: account.cashAccountType,
    status: 'enabled',
    ...(profile.ownerName ? { ownerName: account.ownerName } : {}),
    ...(withBalance && grant.balances ? { balances: balanceList(account, today) } : {}),
    _links: links,
  };
}

function withBalanceParam(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw formatError('withBalance must be true or false');
}

type AccountParams = { Params: { bankId: string; resourceId: string } };

export function accountRoutes(app: FastifyInstance, bank: Bank): void {
  app.get<{ Params: { bankId: string } }>('/:bankId/v1/accounts', async (request) => {
    const profile = bankOf(request);
    requireRequestId(request);
    psuIpAddress(request);
    const consent = liveConsent(bank, request, profile);
    const withBalance = withBalanceParam(queryParam(request, 'withBalance'));
    const today = bank.today();
    consent.lastActionDay = today;
    const accounts = consent.grants.flatMap((grant) => {
      const account = bank.account(grant.resourceId);
      return account ? [accountJson(profile, account, grant, withBalance, today)] : [];
    });
    return { accounts };
  });

  app.get<AccountParams>('/:bankId/v1/accounts/:resourceId', async (request) => {
    const profile = bankOf(request);
    requireRequestId(request);
    const psuIp = psuIpAddress(request);
    const consent = liveConsent(bank, request, profile);
    const { account, grant } = grantedAccount(bank, consent, request.params.resourceId, 'details');
    const withBalance = withBalanceParam(queryParam(request, 'withBalance'));
    countRead(bank, consent, account.resourceId, psuIp);
    const today = bank.today();
    consent.lastActionDay = today;
    return { account: accountJson(profile, account, grant, withBalance, today) };
  });

  app.get<AccountParams>('/:bankId/v1/accounts/:resourceId/balances', async (request) => {
    const profile = bankOf(request);
    requireRequestId(request);
    const psuIp = psuIpAddress(request);
    const consent = liveConsent(bank, request, profile);
    const { account } = grantedAccount(bank, consent, request.params.resourceId, 'balances');
    countRead(bank, consent, account.resourceId, psuIp);
    const today = bank.today();
    consent.lastActionDay = today;
    return {
      account: { iban: account.iban, currency: account.currency },
      balances: balanceList(account, today),
    };
  });

  transactionRoutes(app, bank);
}
