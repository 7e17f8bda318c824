import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { AccountIdParams } from '../accounts/schemas.js';
import { dayOf } from '../clock.js';
import { detectRecurringStreams, type RecurringStream } from '../enrich/recurring.js';
import { accountOf } from '../http/auth.js';
import { toMoney } from '../money.js';
import { listAllTransactions } from './store.js';

const StreamSchema = Type.Object({
  description: Type.String({ description: 'Description of the latest payment in the stream' }),
  category: Type.String(),
  frequency: Type.Union(
    ['weekly', 'biweekly', 'monthly', 'quarterly', 'annually'].map((f) => Type.Literal(f)),
  ),
  amount_type: Type.Union([Type.Literal('fixed'), Type.Literal('variable')]),
  typical_amount: Type.Number({ description: 'Positive; the usual payment in the account currency' }),
  occurrences: Type.Integer(),
  first_date: Type.String({ format: 'date' }),
  last_date: Type.String({ format: 'date' }),
  next_expected_date: Type.String({ format: 'date' }),
  is_active: Type.Boolean(),
  transaction_ids: Type.Array(Type.String()),
});

const RecurringSchema = Type.Object({
  account_id: Type.String(),
  currency: Type.String(),
  outgoing: Type.Array(StreamSchema),
  incoming: Type.Array(StreamSchema),
  monthly_outgoing_total: Type.Number({
    description: 'Active outgoing streams converted to a monthly amount',
  }),
  monthly_incoming_total: Type.Number(),
});

const toStreamJson = (s: RecurringStream) => ({ ...s, typical_amount: toMoney(s.typical_amount) });

export const recurringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/accounts/:id/recurring',
    {
      config: { auth: 'key', scope: 'transactions:read', accountParam: true },
      schema: {
        tags: ['Transactions'],
        summary: 'Recurring payments and income detected in the account history',
        security: [{ apiKey: [] }],
        params: AccountIdParams,
        response: { 200: RecurringSchema },
      },
    },
    async (req) => {
      const account = accountOf(req);
      const rows = await listAllTransactions(db, account.id);
      const result = detectRecurringStreams(
        rows.map((r) => ({ ...r, amount: Number(r.amount), pending: Number(r.pending) === 1 })),
        dayOf(clock.now()),
      );
      return {
        account_id: account.id,
        currency: account.currency,
        outgoing: result.outgoing.map(toStreamJson),
        incoming: result.incoming.map(toStreamJson),
        monthly_outgoing_total: toMoney(result.monthly_outgoing_total),
        monthly_incoming_total: toMoney(result.monthly_incoming_total),
      };
    },
  );
};
