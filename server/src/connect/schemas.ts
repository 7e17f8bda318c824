import { Type } from '@sinclair/typebox';

export const ConnectBody = Type.Object({
  bank_id: Type.String({ minLength: 1, maxLength: 64, description: 'Bank identifier, e.g. raiffeisen' }),
  user_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      description:
        'Your identifier for this user. Required with an API key; with a link token the token’s user_id is used.',
    }),
  ),
  redirect_url: Type.String({
    minLength: 1,
    maxLength: 2048,
    description: 'http(s) URL the bank page returns the user to',
  }),
  connection_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      description:
        'Update mode: re-authorise this existing connection (same bank_id); the exchange returns the same connection_id',
    }),
  ),
});

export const ConnectStarted = Type.Object({
  session_token: Type.String({ pattern: '^sess_' }),
  auth_url: Type.String(),
  expires_in: Type.Integer(),
  status: Type.Literal('pending'),
});

export const SessionTokenParams = Type.Object({
  session_token: Type.String({ minLength: 1, maxLength: 256 }),
});

export const CredentialCheck = Type.Object({
  valid: Type.Literal(true),
  credential: Type.Union([Type.Literal('api_key'), Type.Literal('link_token')], {
    description: 'What the bearer token is: an API key or a link token from POST /link/token',
  }),
  environment: Type.Union([Type.Literal('sandbox'), Type.Literal('live')]),
});

export const SessionStatusSchema = Type.Union([
  Type.Object({ status: Type.Literal('pending') }),
  Type.Object({
    status: Type.Literal('authorized'),
    public_token: Type.String(),
    expires_in: Type.Integer(),
  }),
  Type.Object({ status: Type.Literal('denied') }),
  Type.Object({ status: Type.Literal('exchanged') }),
]);

export const ExchangeBody = Type.Object({
  public_token: Type.String({ minLength: 1, maxLength: 256, description: 'The one-time public_… token' }),
});

export const ExchangeResult = Type.Object({
  connection_id: Type.String(),
  bank_id: Type.String(),
  status: Type.Literal('active'),
});

export const LinkTokenBody = Type.Object({
  user_id: Type.String({
    minLength: 1,
    maxLength: 128,
    description: 'Your identifier for the user who will connect a bank',
  }),
  connection_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      description:
        'Update mode: the existing connection (of this user) to re-authorise; the exchange returns the same connection_id',
    }),
  ),
});

export const LinkTokenResult = Type.Object({
  link_token: Type.String({ pattern: '^link_' }),
  expires_in: Type.Integer(),
  user_id: Type.String(),
  connection_id: Type.Optional(Type.String()),
});

export const SandboxSessionBody = Type.Object({
  session_token: Type.String({ minLength: 1, maxLength: 256 }),
});

export const SandboxAuthorizeBody = Type.Object({
  session_token: Type.String({ minLength: 1, maxLength: 256 }),
  username: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'The username typed on the bank page. A sandbox test user (user_bad_password, user_locked, user_bank_down, user_consent_expiring) picks how the bank behaves; any other name logs in normally.',
    }),
  ),
});

export const SandboxAuthorized = Type.Object({
  status: Type.Literal('authorized'),
  public_token: Type.String(),
  expires_in: Type.Integer(),
});

export const SandboxDenied = Type.Object({ status: Type.Literal('denied') });
