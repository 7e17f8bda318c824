import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { checkRedirectUrlList } from '../connect/redirect-urls.js';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import { clearDashboardSession, setDashboardSession } from '../http/dev-cookie.js';
import { ALL_SCOPES, type Scope } from '../http/principals.js';
import { newId } from '../ids.js';
import { requestLogRoutes } from '../usage/request-log-routes.js';
import { usageRoutes } from '../usage/routes.js';
import { accountRoutes } from './account-routes.js';
import { appProxyRoutes } from './app-proxy.js';
import { isCommonPassword } from './common-passwords.js';
import { isValidEmail, normalizeEmail } from './email.js';
import { keyRedirectRoutes } from './key-redirect-routes.js';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword, warmUpPasswords } from './passwords.js';
import {
  CreateKeyBody,
  DeveloperSchema,
  KeyIdParams,
  KeySchema,
  LoginBody,
  LoginResponse,
  NewKeySchema,
  RegisterBody,
  RegisterResponse,
  RolledKeySchema,
  RollKeyBody,
} from './schemas.js';
import {
  createKey,
  createSession,
  findDeveloper,
  findDeveloperByEmail,
  insertDeveloper,
  isUniqueViolation,
  type KeyRow,
  listKeys,
  revokeKey,
  revokeSession,
  rollKey,
} from './store.js';
import {
  admitLoginAttempt,
  forgiveLoginAttempt,
  isKnownLogin,
  rememberLogin,
  throttleSettings,
} from './throttle.js';

const toKeyJson = <K extends KeyRow>(k: K) => ({
  ...k,
  scopes: JSON.parse(k.scopes) as Scope[],
  redirect_urls: JSON.parse(k.redirect_urls) as string[],
});

const devSecurity = [{ developerSession: [] }];

/** /developers/register, login, logout, me, keys, usage. Webhook registration lives in webhooks/. */
export const developerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.deps;
  const throttle = throttleSettings(app.deps.config);
  const scryptCost = app.deps.config.passwordScryptCost;
  warmUpPasswords(scryptCost);

  app.post(
    '/developers/register',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Create a developer account; returns a session and a first sandbox key',
        body: RegisterBody,
        response: { 201: RegisterResponse },
      },
    },
    async (req, reply) => {
      const email = normalizeEmail(req.body.email);
      const name = req.body.name.trim();
      const { password } = req.body;
      const missing = [!email && 'email', !password && 'password', !name && 'name'].filter(Boolean);
      if (missing.length > 0)
        throw new ApiError(
          'MISSING_FIELDS',
          `Missing required body field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
        );
      if (!isValidEmail(email)) throw new ApiError('INVALID_EMAIL');
      if ([...password].length < PASSWORD_MIN_LENGTH) throw new ApiError('PASSWORD_TOO_SHORT');
      if (isCommonPassword(password)) throw new ApiError('WEAK_PASSWORD');
      if (await findDeveloperByEmail(db, email)) throw new ApiError('EMAIL_TAKEN');

      const passwordHash = await hashPassword(password, scryptCost);
      const developer = { id: newId('dev'), email, name, created_at: clock.now().toISOString() };
      try {
        const { session, key } = await db.transaction().execute(async (trx) => {
          await insertDeveloper(trx, { ...developer, password_hash: passwordHash });
          const session = await createSession(trx, clock, developer.id);
          const key = await createKey(trx, clock, {
            developerId: developer.id,
            appName: name,
            environment: 'sandbox',
            scopes: ALL_SCOPES,
          });
          return { session, key };
        });
        setDashboardSession(app, req, reply, session.token);
        return reply.code(201).send({
          developer,
          session_token: session.token,
          expires_at: session.expiresAt,
          api_key: { ...toKeyJson(key.row), key: key.key },
        });
      } catch (err) {
        // Two registrations racing for one email: the unique index decides.
        if (isUniqueViolation(err)) throw new ApiError('EMAIL_TAKEN');
        throw err;
      }
    },
  );

  app.post(
    '/developers/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Log in; returns a devses_ session token valid for 24 hours',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => {
      const attempt = { email: normalizeEmail(req.body.email), ip: req.ip };
      const { emailLimited } = await admitLoginAttempt(db, clock, throttle, attempt);
      const developer = await findDeveloperByEmail(db, attempt.email);
      // Unknown emails verify against a dummy hash: same answer, about the same time.
      const ok = await verifyPassword(req.body.password, developer?.password_hash ?? null, scryptCost);
      // An email under attack still lets its owner in: the right password from an address they used before.
      if (emailLimited && !(ok && developer && (await isKnownLogin(db, clock, throttle, attempt))))
        throw emailLimited;
      if (!ok || !developer) throw new ApiError('INVALID_CREDENTIALS');
      await forgiveLoginAttempt(db, attempt);
      await rememberLogin(db, clock, attempt);
      const session = await createSession(db, clock, developer.id);
      setDashboardSession(app, req, reply, session.token);
      return { session_token: session.token, expires_at: session.expiresAt };
    },
  );

  app.post(
    '/developers/logout',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'End this session; its token stops working at once',
        security: devSecurity,
        response: { 200: Type.Object({ status: Type.Literal('logged_out') }) },
      },
    },
    async (req, reply) => {
      const { sessionId } = developerOf(req);
      await revokeSession(db, clock, sessionId);
      // This process refuses the token at once; others on their notification (http/key-cache.ts).
      app.keyCache?.invalidate(sessionId);
      clearDashboardSession(app, reply);
      return { status: 'logged_out' as const };
    },
  );

  app.get(
    '/developers/me',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'The logged-in developer',
        security: devSecurity,
        response: { 200: DeveloperSchema },
      },
    },
    async (req) => {
      const developer = await findDeveloper(db, developerOf(req).developerId);
      if (!developer) throw new ApiError('INVALID_DEV_TOKEN');
      return {
        id: developer.id,
        email: developer.email,
        name: developer.name,
        created_at: developer.created_at,
      };
    },
  );

  app.get(
    '/developers/keys',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'List your API keys (prefix only; full keys are never shown after creation)',
        security: devSecurity,
        response: { 200: Type.Object({ keys: Type.Array(KeySchema) }) },
      },
    },
    async (req) => ({ keys: (await listKeys(db, clock, developerOf(req).developerId)).map(toKeyJson) }),
  );

  app.post(
    '/developers/keys',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Generate an API key; the full key is in this response only',
        security: devSecurity,
        body: CreateKeyBody,
        response: { 201: NewKeySchema },
      },
    },
    async (req, reply) => {
      const appName = req.body.app_name.trim();
      if (!appName) throw new ApiError('MISSING_FIELDS', 'Missing required body field: app_name.');
      const { row, key } = await createKey(db, clock, {
        developerId: developerOf(req).developerId,
        appName,
        environment: req.body.environment,
        scopes: req.body.scopes ?? ALL_SCOPES,
        redirectUrls: checkRedirectUrlList(req.body.redirect_urls ?? []),
      });
      return reply.code(201).send({ ...toKeyJson(row), key });
    },
  );

  app.delete(
    '/developers/keys/:id',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Revoke an API key; it fails with REVOKED_API_KEY from the next request on',
        security: devSecurity,
        params: KeyIdParams,
        response: { 200: Type.Object({ id: Type.String(), status: Type.Literal('revoked') }) },
      },
    },
    async (req) => {
      if (!(await revokeKey(db, clock, developerOf(req).developerId, req.params.id)))
        throw new ApiError('KEY_NOT_FOUND');
      // Other processes drop it on the NOTIFY; this one before answering.
      app.keyCache?.invalidate(req.params.id);
      return { id: req.params.id, status: 'revoked' as const };
    },
  );

  app.post(
    '/developers/keys/:id/roll',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary:
          'Roll an API key: a new secret for the same key id, the old one works until the overlap ends',
        description:
          'Every connection, account, cursor, webhook and usage row stays with the key id. The old secret ' +
          'keeps working for `expires_in_hours` (0–168, default 0 = stops at once), then answers REVOKED_API_KEY.',
        security: devSecurity,
        params: KeyIdParams,
        body: RollKeyBody,
        response: { 200: RolledKeySchema },
      },
    },
    async (req) => {
      const hours = req.body.expires_in_hours ?? 0;
      const rolled = await db
        .transaction()
        .execute((trx) =>
          rollKey(trx, clock, developerOf(req).developerId, req.params.id, hours * 3_600_000),
        );
      if (!rolled) throw new ApiError('KEY_NOT_FOUND');
      // The old hash may sit in this process's key cache (PostgreSQL): drop it before answering;
      // other processes drop it on the NOTIFY the key row's change sends.
      app.keyCache?.invalidate(req.params.id);
      return {
        ...toKeyJson(rolled.row),
        key: rolled.key,
        previous_prefix: rolled.previousPrefix,
        previous_expires_at: rolled.previousExpiresAt,
      };
    },
  );

  await app.register(keyRedirectRoutes);
  await app.register(usageRoutes);
  await app.register(appProxyRoutes);
  await app.register(requestLogRoutes);
  await app.register(accountRoutes);
};
