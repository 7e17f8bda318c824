import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { safeEqual, sha256Hex } from '../ids.js';

/**
 * The dashboard's session: the devses_ token in an httpOnly cookie (out of reach of any script a
 * page might be tricked into running), plus a double-submit CSRF value in a readable cookie that
 * the dashboard echoes as X-CSRF-Token on state-changing requests. The CSRF value is a MAC of the
 * session token's hash, so nothing extra is stored and it dies with the session.
 * API clients keep using `Authorization: Bearer devses_…`; the cookie is only read when that
 * header is absent, and only set when the client says it is the dashboard.
 */
export const SESSION_COOKIE = 'od_devses';
export const CSRF_COOKIE = 'od_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const DASHBOARD_CLIENT_HEADER = 'x-opendinar-client';

const SESSION_MAX_AGE_S = 24 * 3600;
const TOKEN_SHAPE = /^devses_[A-Za-z0-9_-]{8,200}$/;

export function csrfFor(app: FastifyInstance, sessionToken: string): string {
  return app.deps.box.mac('dashboard-csrf', sha256Hex(sessionToken));
}

/** One cookie's value from the Cookie header (no dependency: the two names we read are fixed). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

const secureFlag = (app: FastifyInstance) =>
  app.deps.config.publicUrl.startsWith('https:') ? '; Secure' : '';

/**
 * After a successful login / register: when the caller is the dashboard, also set the session and
 * CSRF cookies. Call with the devses_ token the response carries.
 */
export function setDashboardSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  sessionToken: string,
): void {
  if (req.headers[DASHBOARD_CLIENT_HEADER] !== 'dashboard') return;
  const common = `Path=/; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secureFlag(app)}`;
  reply.header('set-cookie', [
    `${SESSION_COOKIE}=${sessionToken}; HttpOnly; ${common}`,
    `${CSRF_COOKIE}=${csrfFor(app, sessionToken)}; ${common}`,
  ]);
  reply.header('cache-control', 'no-store');
}

/** On logout: expire both cookies (harmless for bearer-token clients, which never had them). */
export function clearDashboardSession(app: FastifyInstance, reply: FastifyReply): void {
  const gone = `Path=/; SameSite=Strict; Max-Age=0${secureFlag(app)}`;
  reply.header('set-cookie', [`${SESSION_COOKIE}=; HttpOnly; ${gone}`, `${CSRF_COOKIE}=; ${gone}`]);
}

/** The session token from the cookie, for a request without an Authorization header. */
export function cookieSessionToken(req: FastifyRequest): string | null {
  const value = readCookie(req.headers.cookie, SESSION_COOKIE);
  return value !== null && TOKEN_SHAPE.test(value) ? value : null;
}

/** A cookie-authenticated request that can change state must prove it read the CSRF cookie. */
export function checkCsrf(app: FastifyInstance, req: FastifyRequest, sessionToken: string): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const given = req.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !safeEqual(given, csrfFor(app, sessionToken)))
    throw new ApiError('INVALID_CSRF_TOKEN');
}
