import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { findBank } from '../banks/catalogue.js';
import { ApiError } from '../errors.js';
import { accountOf, keyOf } from '../http/auth.js';
import { toMoney } from '../money.js';
import { AccountIdParams, AccountSchema, BalanceSchema, IdentitySchema } from './schemas.js';
import { type AccountRow, findIdentityDocument, listAccountsForKey, sumTransactions } from './store.js';

const toAccountJson = (a: AccountRow) => ({
  id: a.id,
  object: 'account' as const,
  connection_id: a.connection_id,
  bank_id: a.bank_id,
  name: a.name,
  type: a.type,
  currency: a.currency,
  account_number: a.account_number,
});

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/accounts',
    {
      config: { auth: 'key', scope: 'accounts:read' },
      schema: {
        tags: ['Accounts'],
        summary: 'List accounts across all active connections of this key',
        security: [{ apiKey: [] }],
        querystring: Type.Object({ bank_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
        response: { 200: Type.Object({ accounts: Type.Array(AccountSchema) }) },
      },
    },
    async (req) => {
      const accounts = await listAccountsForKey(db, keyOf(req).apiKeyId, req.query.bank_id);
      return { accounts: accounts.map(toAccountJson) };
    },
  );

  app.get(
    '/accounts/:id/balance',
    {
      config: { auth: 'key', scope: 'balance:read', accountParam: true },
      schema: {
        tags: ['Accounts'],
        summary: 'Get an account balance',
        security: [{ apiKey: [] }],
        params: AccountIdParams,
        response: { 200: BalanceSchema },
      },
    },
    async (req) => {
      const account = accountOf(req);
      const totals = await sumTransactions(db, account.id);
      const balance = Number(account.opening_balance) + totals.booked;
      // Pending debits and holds reduce what can be spent; pending credits are not yet available.
      const available = balance + Math.min(0, totals.pending) + Number(account.available_delta);
      return {
        object: 'balance' as const,
        account_id: account.id,
        currency: account.currency,
        balance: toMoney(balance),
        available_balance: toMoney(available),
        retrieved_at: clock.now().toISOString(),
      };
    },
  );

  app.get(
    '/accounts/:id/identity',
    {
      config: { auth: 'key', scope: 'accounts:read', accountParam: true },
      schema: {
        tags: ['Accounts'],
        summary: "Get the account holder's identity (banks with feat_identity only)",
        security: [{ apiKey: [] }],
        params: AccountIdParams,
        response: { 200: IdentitySchema },
      },
    },
    async (req) => {
      const account = accountOf(req);
      const bank = findBank(account.bank_id);
      const doc = bank?.feat_identity ? await findIdentityDocument(db, account.id) : undefined;
      if (!doc) {
        throw new ApiError(
          'IDENTITY_UNAVAILABLE',
          `${bank?.name ?? 'This bank'} doesn't provide identity data.`,
        );
      }
      return { object: 'identity' as const, account_id: account.id, ...JSON.parse(doc) };
    },
  );
};
