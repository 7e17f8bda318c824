import { Type } from '@sinclair/typebox';
import { PASSWORD_MAX_LENGTH } from './passwords.js';

// Lengths are generous caps against abuse; the real checks (email format, password minimum) are
// made in the handler so they answer INVALID_EMAIL / PASSWORD_TOO_SHORT rather than INVALID_FIELD.
export const RegisterBody = Type.Object({
  email: Type.String({ maxLength: 1000 }),
  password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
  name: Type.String({ maxLength: 200 }),
});

export const LoginBody = Type.Object({
  email: Type.String({ maxLength: 1000 }),
  password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
});

export const DeveloperSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

export const ScopeSchema = Type.Union([
  Type.Literal('accounts:read'),
  Type.Literal('balance:read'),
  Type.Literal('transactions:read'),
]);

export const EnvironmentSchema = Type.Union([Type.Literal('sandbox'), Type.Literal('live')]);

export const KeySchema = Type.Object({
  id: Type.String(),
  prefix: Type.String({
    description: 'First characters of the key, e.g. od_test_sk_9x2m; the full key is never shown again.',
  }),
  app_name: Type.String(),
  environment: EnvironmentSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  scopes: Type.Array(ScopeSchema),
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  previous_prefix: Type.Optional(
    Type.String({ description: 'While a rolled secret still works: the prefix of that old secret.' }),
  ),
  previous_expires_at: Type.Optional(
    Type.String({ format: 'date-time', description: 'While a rolled secret still works: when it stops.' }),
  ),
  redirect_urls: Type.Array(Type.String(), {
    description:
      "Where the bank page may return users; a live key's POST /connect redirect_url must match one",
  }),
});

export const NewKeySchema = Type.Composite([
  KeySchema,
  Type.Object({ key: Type.String({ description: 'The full API key — shown only in this response.' }) }),
]);

const RedirectUrls = Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), {
  maxItems: 20,
  description:
    'https URLs (http only for localhost, 127.0.0.1, [::1]); matched on scheme, host, port and path — query and fragment ignored, no wildcards',
});

export const CreateKeyBody = Type.Object({
  app_name: Type.String({ maxLength: 100 }),
  environment: EnvironmentSchema,
  scopes: Type.Optional(Type.Array(ScopeSchema, { minItems: 1, uniqueItems: true })),
  redirect_urls: Type.Optional(RedirectUrls),
});

export const RollKeyBody = Type.Object({
  expires_in_hours: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 168,
      default: 0,
      description: 'How long the old secret keeps working (0 = it stops at once; at most 7 days).',
    }),
  ),
});

export const RolledKeySchema = Type.Composite([
  KeySchema,
  Type.Object({
    key: Type.String({ description: 'The new secret — shown only in this response.' }),
    previous_prefix: Type.String(),
    previous_expires_at: Type.String({ format: 'date-time' }),
  }),
]);
export const UpdateKeyBody = Type.Object({ redirect_urls: RedirectUrls });

export const KeyIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

export const RegisterResponse = Type.Object({
  developer: DeveloperSchema,
  session_token: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
  api_key: NewKeySchema,
});

export const LoginResponse = Type.Object({
  session_token: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
});
