import { Type } from '@sinclair/typebox';

export const BankSchema = Type.Object({
  id: Type.String({ examples: ['raiffeisen'] }),
  name: Type.String(),
  country: Type.String(),
  bic: Type.String(),
  status: Type.Union([Type.Literal('live'), Type.Literal('sandbox'), Type.Literal('coming_soon')]),
  color: Type.String(),
  market_share_pct: Type.Number(),
  feat_accounts: Type.Integer(),
  feat_transactions: Type.Integer(),
  feat_balance: Type.Integer(),
  feat_identity: Type.Integer(),
});

export const ListBanksQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(
    Type.Union([Type.Literal('live'), Type.Literal('sandbox'), Type.Literal('coming_soon')]),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
});
