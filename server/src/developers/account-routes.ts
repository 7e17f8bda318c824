import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ApiError } from '../errors.js';
import { developerOf } from '../http/auth.js';
import { clearDashboardSession } from '../http/dev-cookie.js';
import {
  consumeResetToken,
  createResetToken,
  deleteDeveloperData,
  RESET_TTL_MS,
  revokeSessions,
  setPassword,
} from './account-store.js';
import { normalizeEmail } from './email.js';
import { logMailer } from './mailer.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { findDeveloper, findDeveloperByEmail } from './store.js';

const devSecurity = [{ developerSession: [] }];
const Password = Type.String({ maxLength: PASSWORD_MAX_LENGTH });

function checkNewPassword(password: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) throw new ApiError('PASSWORD_TOO_SHORT');
}

/**
 * Account management: change the password, reset it by e-mail, sign out everywhere, delete the
 * account. The public reset endpoints are limited per IP by ratelimit/plugin.ts.
 */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.deps;
  const scryptCost = config.passwordScryptCost;
  const mailer = app.deps.mailer ?? logMailer(app.log, config.mailLogLinks ?? false);

  app.post(
    '/developers/password',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Change your password; every other session ends',
        security: devSecurity,
        body: Type.Object({ current_password: Password, new_password: Password }),
        response: {
          200: Type.Object({ status: Type.Literal('changed'), sessions_revoked: Type.Integer() }),
        },
      },
    },
    async (req) => {
      const { developerId, sessionId } = developerOf(req);
      const developer = await findDeveloper(db, developerId);
      if (!(await verifyPassword(req.body.current_password, developer?.password_hash ?? null, scryptCost)))
        throw new ApiError('INVALID_CREDENTIALS', 'The current password is not correct.');
      checkNewPassword(req.body.new_password);
      const hash = await hashPassword(req.body.new_password, scryptCost);
      const revoked = await db.transaction().execute(async (trx) => {
        await setPassword(trx, developerId, hash);
        return revokeSessions(trx, clock, developerId, sessionId);
      });
      // After the commit: this process drops the ended sessions at once (others on NOTIFY).
      app.keyCache?.invalidate(developerId);
      return { status: 'changed' as const, sessions_revoked: revoked };
    },
  );

  app.post(
    '/developers/password/forgot',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'E-mail a password-reset link (always answers the same, registered or not)',
        body: Type.Object({ email: Type.String({ maxLength: 1000 }) }),
        response: { 202: Type.Object({ status: Type.Literal('sent') }) },
      },
    },
    async (req, reply) => {
      const developer = await findDeveloperByEmail(db, normalizeEmail(req.body.email));
      if (developer) {
        const token = await createResetToken(db, clock, developer.id);
        // The token travels in the fragment: it never reaches a server log or a Referer header.
        const link = `${config.publicUrl}/dashboard/reset#token=${token}`;
        await mailer.send({
          to: developer.email,
          subject: 'Reset your OpenDinar password',
          text: `Open this link within ${RESET_TTL_MS / 60_000} minutes to choose a new password:\n${link}\n\nIf you did not ask for it, ignore this e-mail.`,
          link,
        });
      }
      return reply.code(202).send({ status: 'sent' as const });
    },
  );

  app.post(
    '/developers/password/reset',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Set a new password with the e-mailed token; every session ends',
        body: Type.Object({ token: Type.String({ maxLength: 200 }), new_password: Password }),
        response: { 200: Type.Object({ status: Type.Literal('reset') }) },
      },
    },
    async (req) => {
      checkNewPassword(req.body.new_password);
      const hash = await hashPassword(req.body.new_password, scryptCost);
      const developerId = await db.transaction().execute(async (trx) => {
        const id = await consumeResetToken(trx, clock, req.body.token);
        if (!id) return undefined;
        await setPassword(trx, id, hash);
        await revokeSessions(trx, clock, id);
        return id;
      });
      if (!developerId) throw new ApiError('INVALID_RESET_TOKEN');
      app.keyCache?.invalidate(developerId);
      return { status: 'reset' as const };
    },
  );

  app.post(
    '/developers/logout-all',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Sign out everywhere: every session of yours ends at once, this one included',
        security: devSecurity,
        response: {
          200: Type.Object({ status: Type.Literal('logged_out'), sessions_revoked: Type.Integer() }),
        },
      },
    },
    async (req, reply) => {
      const { developerId } = developerOf(req);
      const revoked = await revokeSessions(db, clock, developerId);
      app.keyCache?.invalidate(developerId);
      clearDashboardSession(app, reply);
      return { status: 'logged_out' as const, sessions_revoked: revoked };
    },
  );

  app.delete(
    '/developers/me',
    {
      config: { auth: 'developer' },
      schema: {
        tags: ['Developer Portal'],
        summary: 'Delete your account with its keys, connections and data (asks for the password)',
        security: devSecurity,
        body: Type.Object({ password: Password }),
        response: { 200: Type.Object({ status: Type.Literal('deleted') }) },
      },
    },
    async (req, reply) => {
      const { developerId } = developerOf(req);
      const developer = await findDeveloper(db, developerId);
      if (!(await verifyPassword(req.body.password, developer?.password_hash ?? null, scryptCost)))
        throw new ApiError('INVALID_CREDENTIALS', 'The password is not correct.');
      await db.transaction().execute((trx) => deleteDeveloperData(trx, developerId));
      // Their keys and sessions, cached here, go at once (others' on the cascade's notifications).
      app.keyCache?.invalidate(developerId);
      clearDashboardSession(app, reply);
      return { status: 'deleted' as const };
    },
  );
};
