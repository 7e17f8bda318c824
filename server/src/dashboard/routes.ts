import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { workspaceDist } from '../repo-paths.js';

/** Strict: only our own script and styles, nothing framed, nothing inline. */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

/**
 * The one page that hosts the Link widget, framed by the dashboard only. The widget styles itself
 * through a constructed stylesheet and CSSOM, so the page needs no 'unsafe-inline' either.
 */
export const WIDGET_FRAME_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** dashboard/dist, both under tsx and in the bundled dist/main.js. */
export const findDashboardDist = (): string => workspaceDist('dashboard');

const missingPage = (distDir: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OpenDinar dashboard not built</title></head>
<body><main><h1>The developer dashboard has not been built</h1>
<p>Its static files were not found in <code>${distDir.replace(/[<>&]/g, '')}</code>.</p>
<p>Run <code>npm run build</code> in the repository root, then reload this page.</p></main></body></html>`;

export interface DashboardOptions {
  /** Where the built files are; defaults to the repository's dashboard/dist. */
  distDir?: string;
}

/** GET /dashboard and /dashboard/*: the dashboard's static build, index.html for app routes. */
export const dashboardRoutes: FastifyPluginAsyncTypebox<DashboardOptions> = async (app, opts) => {
  const root = opts.distDir ?? findDashboardDist();
  await app.register(fastifyStatic, {
    root,
    serve: false,
    decorateReply: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
  });

  const isFile = (rel: string) => {
    try {
      return statSync(join(root, rel)).isFile();
    } catch {
      return false;
    }
  };

  const sendHtml = (reply: FastifyReply, file: 'index.html' | 'widget-frame.html') => {
    if (!isFile(file)) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        )
        .type('text/html; charset=utf-8')
        .send(missingPage(root));
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', file === 'index.html' ? DASHBOARD_CSP : WIDGET_FRAME_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('x-frame-options', file === 'index.html' ? 'DENY' : 'SAMEORIGIN')
      .sendFile(file);
  };

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const rel = normalize((req.params as { '*'?: string })['*'] ?? '').replace(/^([/\\])+/, '');
    if (rel === '' || rel === 'index.html' || rel.startsWith('..') || rel.split(sep).includes('..'))
      return sendHtml(reply, 'index.html');
    if (rel === 'widget-frame.html') return sendHtml(reply, 'widget-frame.html');
    if (isFile(rel)) {
      // Vite puts content-hashed files under assets/; anything else may change between builds.
      reply.header('cache-control', rel.startsWith(`assets${sep}`) ? IMMUTABLE : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
      return reply.sendFile(rel);
    }
    // A missing hashed asset is a real 404 (an old page after a deploy), not the app.
    if (rel.startsWith(`assets${sep}`)) return reply.callNotFound();
    return sendHtml(reply, 'index.html');
  };

  const schema = { hide: true };
  app.get('/dashboard', { config: { auth: 'public' }, schema }, (_req, reply) =>
    sendHtml(reply, 'index.html'),
  );
  app.get('/dashboard/*', { config: { auth: 'public' }, schema }, handler);
};
