import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { findBank } from '../banks/catalogue.js';
import { authorizeSandboxSession, denySandboxSession, findSandboxSession } from '../connect/authorize.js';
import {
  SandboxAuthorizeBody,
  SandboxAuthorized,
  SandboxDenied,
  SandboxSessionBody,
} from '../connect/schemas.js';
import { findAppName } from '../connect/store.js';
import { ApiError } from '../errors.js';
import { AUTH_PAGE_CSP, AUTH_PAGE_CSS, pageLangOf, renderLoginPage, renderNoticePage } from './auth-page.js';
import { AUTH_PAGE_SCRIPT } from './auth-page-script.js';

function securePage(reply: FastifyReply): FastifyReply {
  return (
    reply
      .header('content-security-policy', AUTH_PAGE_CSP)
      .header('x-frame-options', 'DENY')
      .header('x-content-type-options', 'nosniff')
      // The session token is in the page URL: never leak it in a Referer.
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
  );
}

/** GET /sandbox/auth.html (+ its auth.js / auth.css), POST /sandbox/authorize, POST /sandbox/deny. */
export const sandboxAuthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/sandbox/auth.html',
    { config: { auth: 'public' }, schema: { hide: true } },
    async (req, reply) => {
      const html = (status: number, body: string) =>
        securePage(reply).code(status).type('text/html; charset=utf-8').send(body);
      const query = req.query as Record<string, unknown>;
      const raw = query.session_token;
      const lang = pageLangOf(query.lang);
      if (typeof raw !== 'string' || raw === '' || raw.length > 256) {
        return html(400, renderNoticePage({ notice: 'badLink', lang }));
      }
      let session: Awaited<ReturnType<typeof findSandboxSession>>;
      try {
        session = await findSandboxSession(deps, raw);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'SESSION_NOT_FOUND') {
          return html(404, renderNoticePage({ notice: 'notFound', lang }));
        }
        throw err;
      }
      const bank = findBank(session.bank_id);
      const nowIso = deps.clock.now().toISOString();
      if (session.status === 'authorized' || session.status === 'exchanged') {
        return html(409, renderNoticePage({ bank, notice: 'approved', lang }));
      }
      if (session.status === 'denied') {
        const notice = session.error_code === 'ITEM_LOCKED' ? 'locked' : 'denied';
        return html(409, renderNoticePage({ bank, notice, lang }));
      }
      if (session.expires_at <= nowIso || !bank) {
        return html(410, renderNoticePage({ bank, notice: 'expired', lang }));
      }
      const appName =
        (await findAppName(deps.db, session.api_key_id)) ?? (lang === 'en' ? 'The app' : 'Aplikacija');
      return html(
        200,
        renderLoginPage({ bank, appName, sessionToken: raw, redirectUrl: session.redirect_url, lang }),
      );
    },
  );

  app.get('/sandbox/auth.js', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(AUTH_PAGE_SCRIPT),
  );

  app.get('/sandbox/auth.css', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(AUTH_PAGE_CSS),
  );

  app.post(
    '/sandbox/authorize',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Sandbox'],
        summary:
          'Approve a sandbox session as the user would (the bank page’s "Odobri pristup"; handy in automated tests)',
        body: SandboxAuthorizeBody,
        response: { 200: SandboxAuthorized },
      },
    },
    async (req) => authorizeSandboxSession(deps, req.body.session_token, req.body.username),
  );

  app.post(
    '/sandbox/deny',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Sandbox'],
        summary:
          'Decline a sandbox session as the user would (the bank page’s "Odbij"); status polls then answer denied',
        body: SandboxSessionBody,
        response: { 200: SandboxDenied },
      },
    },
    async (req) => denySandboxSession(deps, req.body.session_token),
  );
};
