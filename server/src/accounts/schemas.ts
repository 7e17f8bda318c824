import { Type } from '@sinclair/typebox';

export const AccountIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

export const AccountSchema = Type.Object({
  id: Type.String(),
  object: Type.Literal('account'),
  connection_id: Type.String(),
  bank_id: Type.String(),
  name: Type.String(),
  type: Type.Union([Type.Literal('current'), Type.Literal('savings')]),
  currency: Type.String(),
  account_number: Type.String(),
});

export const BalanceSchema = Type.Object({
  object: Type.Literal('balance'),
  account_id: Type.String(),
  currency: Type.String(),
  balance: Type.Number(),
  available_balance: Type.Number(),
  retrieved_at: Type.String({ format: 'date-time' }),
});

export const IdentitySchema = Type.Object({
  object: Type.Literal('identity'),
  account_id: Type.String(),
  names: Type.Array(Type.String()),
  emails: Type.Array(Type.String()),
  phone_numbers: Type.Array(Type.String()),
  addresses: Type.Array(
    Type.Object({
      street: Type.String(),
      city: Type.String(),
      postal_code: Type.String(),
      country: Type.String(),
    }),
  ),
});
