import { randomInt } from 'node:crypto';
import { type FastifyPluginAsyncTypebox, type Static, Type } from '@fastify/type-provider-typebox';
import { findBank } from '../banks/catalogue.js';
import { categorizeProfile, createConnectionWithData } from '../connections/materialize.js';
import { formatAccountNumber } from '../connectors/sandbox/account-number.js';
import type { ConnectorProfile, ConnectorTransaction } from '../connectors/types.js';
import { ApiError } from '../errors.js';
import { keyOf } from '../http/auth.js';
import { toMinor } from '../money.js';
import { CATEGORY_NAMES } from '../transactions/category-names.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

/** Per request, across all accounts: enough for years of a busy account, small enough to commit in seconds. */
export const MAX_CUSTOM_TRANSACTIONS = 50_000;

/**
 * Largest |amount| and |opening_balance| (a billion in the account's currency): 50,000 of them
 * sum to 5·10¹⁵ minor units, inside a double's exact-integer range, so balances never overflow.
 */
export const MAX_CUSTOM_AMOUNT = 1_000_000_000;

const CustomTransaction = Type.Object({
  date: Type.String({ format: 'date', description: 'YYYY-MM-DD, a real calendar date' }),
  amount: Type.Number({
    minimum: -MAX_CUSTOM_AMOUNT,
    maximum: MAX_CUSTOM_AMOUNT,
    description: `Negative for debits; at most two decimals; |amount| ≤ ${MAX_CUSTOM_AMOUNT}`,
  }),
  description: Type.String({ minLength: 1, maxLength: 500 }),
  pending: Type.Optional(Type.Boolean({ default: false })),
  category: Type.Optional(
    Type.Union(
      CATEGORY_NAMES.map((c) => Type.Literal(c)),
      { description: 'Omit to let the categoriser decide' },
    ),
  ),
});

const CustomAccount = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  type: Type.Union([Type.Literal('current'), Type.Literal('savings')]),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. RSD or EUR' }),
  opening_balance: Type.Optional(
    Type.Number({
      minimum: -MAX_CUSTOM_AMOUNT,
      maximum: MAX_CUSTOM_AMOUNT,
      description: 'Balance before the first transaction; default 0',
    }),
  ),
  transactions: Type.Array(CustomTransaction, {
    description: `At most ${MAX_CUSTOM_TRANSACTIONS} across all accounts`,
  }),
});

const CustomConnectionBody = Type.Object({
  bank_id: Type.String({ minLength: 1, maxLength: 64 }),
  user_id: Type.String({ minLength: 1, maxLength: 128 }),
  accounts: Type.Array(CustomAccount, { minItems: 1, maxItems: 20 }),
});

const CustomConnectionResponse = Type.Object({
  connection_id: Type.String(),
  bank_id: Type.String(),
  status: Type.Literal('active'),
  accounts: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

// Serbian bank codes (the first three digits of an account number).
const BANK_CODES: Readonly<Record<string, string>> = {
  raiffeisen: '265',
  erste: '340',
  aik: '105',
  intesa: '160',
  otp: '325',
  unicredit: '170',
};

const invalid = (field: string, detail: string) =>
  new ApiError('INVALID_FIELD', `Invalid body field '${field}': ${detail}.`);

/**
 * Turns the validated body into what a connector would have returned, in minor units; a
 * transaction sent without a category keeps none here (categorizeProfile adds the categoriser's).
 */
export function customProfile(body: Static<typeof CustomConnectionBody>): ConnectorProfile {
  const total = body.accounts.reduce((n, a) => n + a.transactions.length, 0);
  if (total > MAX_CUSTOM_TRANSACTIONS) {
    throw new ApiError(
      'INVALID_FIELD',
      `Invalid body field 'accounts': at most ${MAX_CUSTOM_TRANSACTIONS} transactions per request (got ${total}); split the data over several connections.`,
    );
  }
  const bankCode = BANK_CODES[body.bank_id] ?? '000';
  return {
    identity: null,
    accounts: body.accounts.map((a, i) => {
      const openingBalance = a.opening_balance === undefined ? 0 : toMinor(a.opening_balance);
      if (openingBalance === null)
        throw invalid(`accounts.${i}.opening_balance`, 'must be a number with at most two decimals');
      const transactions = a.transactions.map((t, j): ConnectorTransaction => {
        const amount = toMinor(t.amount);
        if (amount === null)
          throw invalid(
            `accounts.${i}.transactions.${j}.amount`,
            'must be a number with at most two decimals',
          );
        return {
          bankTxnId: `custom-${j + 1}`,
          date: t.date,
          amount,
          description: t.description,
          ...(t.category !== undefined && { category: t.category }),
          pending: t.pending ?? false,
        };
      });
      return {
        ref: `custom-${i + 1}`,
        name: a.name,
        type: a.type,
        currency: a.currency,
        accountNumber: formatAccountNumber(bankCode, String(randomInt(0, 1e12)).padStart(13, '0')),
        openingBalance,
        availableDelta: 0,
        transactions,
      };
    }),
  };
}

/** POST /sandbox/connections: a connection holding exactly the data sent, for testing an app against its own cases. */
export const customConnectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.deps;

  app.post(
    '/sandbox/connections',
    {
      config: { auth: 'key', sandboxOnly: true },
      // Only this route takes big bodies: 50,000 transactions are about 5 MB of JSON.
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['Sandbox'],
        summary: 'Create a sandbox connection holding your own accounts and transactions',
        description:
          'Sandbox keys only. The connection behaves like any other (accounts, balance, transactions, sync, recurring); ' +
          `force refresh finds nothing new. Transactions without a category get one from the categoriser. At most ${MAX_CUSTOM_TRANSACTIONS} transactions per request.`,
        security: [{ apiKey: [] }],
        body: CustomConnectionBody,
        response: { 201: CustomConnectionResponse },
      },
    },
    async (req, reply) => {
      const key = keyOf(req);
      const body = req.body;
      const bank = findBank(body.bank_id);
      if (!bank) throw new ApiError('BANK_NOT_FOUND');
      if (bank.status === 'coming_soon')
        throw new ApiError(
          'BANK_NOT_AVAILABLE',
          `${bank.name} is listed as coming_soon — not yet connectable.`,
        );
      // Up to 50,000 categorisations: on a worker thread, before the write transaction begins.
      const profile = await categorizeProfile(customProfile(body));
      const now = clock.now();
      const nowIso = now.toISOString();
      const created = await db.transaction().execute(async (trx) => {
        const result = await createConnectionWithData(
          trx,
          {
            apiKeyId: key.apiKeyId,
            developerId: key.developerId,
            environment: key.environment,
            bankId: bank.id,
            userId: body.user_id,
            connector: 'custom',
            grantEnc: null,
          },
          profile,
          nowIso,
        );
        await enqueueWebhookEvent(trx, clock, {
          developerId: key.developerId,
          environment: key.environment,
          type: 'AUTH.AUTOMATICALLY_VERIFIED',
          fields: { connection_id: result.connectionId, bank_id: bank.id, user_id: body.user_id },
        });
        return result;
      });
      reply.code(201);
      return {
        connection_id: created.connectionId,
        bank_id: bank.id,
        status: 'active' as const,
        accounts: created.accounts,
      };
    },
  );
};
