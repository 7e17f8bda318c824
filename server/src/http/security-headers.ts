import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Baseline headers on every response, unless a route set its own (the sandbox bank page, the
 * dashboard and the widget script choose stricter or different values):
 * - nosniff, so a JSON error that echoes input is never run as HTML or script;
 * - no Referer from our pages, no framing (clickjacking);
 * - JSON answers are per-caller and may carry secrets (keys, session and public tokens, webhook
 *   secrets), so no cache — shared or browser — keeps them.
 * No Content-Security-Policy here: each HTML page sets the one it needs.
 *
 * The static three are set first thing on every request (http/edge.ts), so a route that sets its
 * own simply replaces them; only cache-control depends on the answer's type and waits for onSend.
 */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<[string, string]> = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
];

const JSON_TYPE = /^application\/json\b/i;

function applyCacheControl(reply: FastifyReply): void {
  if (reply.hasHeader('cache-control')) return;
  const type = reply.getHeader('content-type');
  if (type !== undefined && JSON_TYPE.test(String(type))) reply.header('cache-control', 'no-store');
}

/** Every baseline header (for answers that skip the hooks: sendError in error-handler.ts). */
export function applySecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of STATIC_SECURITY_HEADERS) {
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
  applyCacheControl(reply);
}

/** As an onSend hook for every route: the type-dependent part (the static part is set at the edge). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // Served over https (the public URL says so): browsers must never fall back to http.
  const hsts = app.deps.config.publicUrl.startsWith('https://');
  app.addHook('onSend', (_req, reply, payload, done) => {
    applyCacheControl(reply);
    if (hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done(null, payload);
  });
}
