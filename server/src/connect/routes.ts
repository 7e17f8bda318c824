import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ApiError } from '../errors.js';
import { keyOf } from '../http/auth.js';
import { exchangePublicToken } from './exchange.js';
import { createLinkToken } from './link-token.js';
import { handleCallback } from './live.js';
import {
  ConnectBody,
  ConnectStarted,
  CredentialCheck,
  ExchangeBody,
  ExchangeResult,
  LinkTokenBody,
  LinkTokenResult,
  SessionStatusSchema,
  SessionTokenParams,
} from './schemas.js';
import { readSessionStatus, startSession } from './session.js';

/** POST /connect, GET /connect/status/:session_token, POST /connect/exchange, POST /link/token. */
export const connectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/connect',
    {
      config: { auth: 'key-or-link' },
      schema: {
        tags: ['Connect'],
        summary: 'Start a 10-minute bank authorization session (API key or link token)',
        security: [{ apiKey: [] }],
        body: ConnectBody,
        response: { 201: ConnectStarted },
      },
    },
    async (req, reply) => {
      const key = keyOf(req);
      // A link token speaks for exactly one user, whatever the body says.
      const userId = key.linkTokenUserId ?? req.body.user_id;
      if (userId === undefined) throw new ApiError('MISSING_FIELDS', 'Missing required body field: user_id.');
      const connectionId = key.linkTokenConnectionId ?? req.body.connection_id;
      const started = await startSession(deps, key, {
        bankId: req.body.bank_id,
        userId,
        redirectUrl: req.body.redirect_url,
        ...(connectionId !== undefined && { connectionId }),
      });
      return reply.code(201).send(started);
    },
  );

  app.get(
    '/connect/check',
    {
      config: { auth: 'key-or-link' },
      schema: {
        tags: ['Connect'],
        summary: 'Check the widget’s credential (API key or link token) before the user picks a bank',
        description:
          'The widget calls this when it opens, so a bad, revoked or expired key or link token is told to the user ' +
          '(and to `onExit`) at once rather than after a bank was chosen. Answers 401 INVALID_API_KEY / ' +
          'REVOKED_API_KEY like every keyed endpoint.',
        security: [{ apiKey: [] }],
        response: { 200: CredentialCheck },
      },
    },
    async (req) => {
      const key = keyOf(req);
      return {
        valid: true as const,
        credential: key.linkTokenUserId !== undefined ? ('link_token' as const) : ('api_key' as const),
        environment: key.environment,
      };
    },
  );

  app.get(
    '/connect/status/:session_token',
    {
      config: { auth: 'key-or-link' },
      schema: {
        tags: ['Connect'],
        summary: 'Poll a session: pending, authorized (with public_token), denied or exchanged',
        security: [{ apiKey: [] }],
        params: SessionTokenParams,
        response: { 200: SessionStatusSchema },
      },
    },
    async (req) => readSessionStatus(deps, keyOf(req), req.params.session_token),
  );

  app.get(
    '/connect/callback',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Connect'],
        summary:
          "Where a live bank's SCA page sends the user back (TPP-Redirect-URI); continues to your redirect_url",
        description:
          'Not called by your code: OpenDinar gives this URL (with its own `state`) to the bank when the session starts. ' +
          'It checks the consent at the bank, marks the session authorized (or denied when the bank says `error=…`) and ' +
          'answers 302 to the redirect_url of POST /connect with `status=authorized|denied|pending` appended. Status polls ' +
          'work as well when the user never comes back this way.',
        querystring: Type.Object(
          { state: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: Type.String({ maxLength: 2048 }) },
        ),
      },
    },
    async (req, reply) => {
      const { state, ...rest } = req.query as Record<string, string> & { state: string };
      const target = await handleCallback(deps, state, rest, req.log);
      return reply.redirect(target, 302);
    },
  );

  app.post(
    '/connect/exchange',
    {
      // Never a link token: the exchange is the one step that must happen on your backend.
      config: { auth: 'key' },
      schema: {
        tags: ['Connect'],
        summary: 'Exchange the one-time public_token for a permanent connection_id (backend only)',
        security: [{ apiKey: [] }],
        body: ExchangeBody,
        response: { 200: ExchangeResult },
      },
    },
    async (req) => exchangePublicToken(deps, keyOf(req), req.body.public_token),
  );

  app.post(
    '/link/token',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['Connect'],
        summary: 'Create a 30-minute link token for the browser, so the secret key never leaves your backend',
        security: [{ apiKey: [] }],
        body: LinkTokenBody,
        response: { 201: LinkTokenResult },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createLinkToken(deps, keyOf(req), req.body.user_id, req.body.connection_id)),
  );
};
