import { Type } from '@sinclair/typebox';
import { CATEGORY_NAMES } from './category-names.js';

export const TransactionSchema = Type.Object({
  id: Type.String(),
  account_id: Type.String(),
  date: Type.String({ format: 'date' }),
  amount: Type.Number(),
  currency: Type.String(),
  description: Type.String(),
  category: Type.String(),
  // Plain `enum` / type-array forms rather than anyOf unions: the serialiser checks an anyOf
  // per item at run time, and a page has up to 500 items.
  type: Type.Unsafe<'debit' | 'credit'>({ type: 'string', enum: ['debit', 'credit'] }),
  pending: Type.Integer({ description: '1 = not yet posted, 0 = cleared' }),
  pending_transaction_id: Type.Unsafe<string | null>({ type: ['string', 'null'] }),
  merchant_name: Type.Unsafe<string | null>({
    type: ['string', 'null'],
    description:
      'Clean merchant display name ("Lidl", "Netflix"), without the bank\'s wrapping; null when the text names none (cash, a person).',
  }),
  counterparty: Type.Unsafe<{ name: string; account_number?: string } | null>({
    type: ['object', 'null'],
    description: 'For transfers and payments to people or companies, when the text names one.',
    properties: { name: { type: 'string' }, account_number: { type: 'string' } },
    required: ['name'],
  }),
  category_confidence: Type.Unsafe<'high' | 'medium' | 'low'>({
    type: 'string',
    enum: ['high', 'medium', 'low'],
    description: 'How sure the categoriser is of `category`.',
  }),
});

/** Deepest page a list may start at; beyond it, filter by date instead. */
export const MAX_OFFSET = 1_000_000;

export const TransactionsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'Start date YYYY-MM-DD (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'End date YYYY-MM-DD (inclusive)' })),
  category: Type.Optional(Type.Union(CATEGORY_NAMES.map((c) => Type.Literal(c)))),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      description: 'List mode: 1–200, default 50. Sync mode: 1–500, default 100.',
    }),
  ),
  offset: Type.Optional(
    Type.Integer({ minimum: 0, maximum: MAX_OFFSET, description: `List mode only; 0–${MAX_OFFSET}` }),
  ),
  cursor: Type.Optional(
    Type.String({
      maxLength: 512,
      description: 'Enables sync mode; send it empty (?cursor=) to start a full sync',
    }),
  ),
});

export const TransactionListSchema = Type.Object({
  transactions: Type.Array(TransactionSchema),
  total: Type.Integer(),
  has_more: Type.Boolean(),
});

export const SyncResponseSchema = Type.Object({
  sync_status: Type.String(),
  added: Type.Array(TransactionSchema),
  modified: Type.Array(TransactionSchema),
  removed: Type.Array(Type.Object({ id: Type.String() })),
  next_cursor: Type.String(),
  has_more: Type.Boolean(),
});
