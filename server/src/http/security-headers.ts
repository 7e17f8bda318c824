import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Baseline headers on every response, unless a route set its own (the sandbox bank page, the
 * dashboard and the widget script choose stricter or different values):
 * - nosniff, so a JSON error that echoes input is never run as HTML or script;
 * - no Referer from our pages, no framing (clickjacking);
 * - JSON answers are per-caller and may carry secrets (keys, session and public tokens, webhook
 *   secrets), so no cache — shared or browser — keeps them.
 * No Content-Security-Policy here: each HTML page sets the one it needs.
 */
export function applySecurityHeaders(reply: FastifyReply): void {
  if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
  if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
  if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
  const type = String(reply.getHeader('content-type') ?? '');
  if (/^application\/json\b/i.test(type) && !reply.hasHeader('cache-control')) {
    reply.header('cache-control', 'no-store');
  }
}

/** As an onSend hook for every route; error-handler.ts's sendError also applies it (framework errors skip hooks). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // Served over https (the public URL says so): browsers must never fall back to http.
  const hsts = app.deps.config.publicUrl.startsWith('https://');
  app.addHook('onSend', (_req, reply, payload, done) => {
    applySecurityHeaders(reply);
    if (hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done(null, payload);
  });
}
