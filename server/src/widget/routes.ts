import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiError } from '../errors.js';
import { workspaceDist } from '../repo-paths.js';

/** widget/dist/opendinar.js, built by `npm run build` (or the server's prestart/pretest). */
export const WIDGET_BUNDLE_PATH = join(workspaceDist('widget'), 'opendinar.js');

interface Bundle {
  body: Buffer;
  etag: string;
  mtimeMs: number;
  size: number;
}

/** Reads the bundle once and again only when the file changes (a rebuild while the server runs). */
function bundleLoader(path: string): () => Promise<Bundle | null> {
  let cached: Bundle | null = null;
  return async () => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      cached = null;
      return null;
    }
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    cached = { body, etag, mtimeMs: info.mtimeMs, size: info.size };
    return cached;
  };
}

/** True when an If-None-Match header names this ETag (or is `*`); weak validators compare equal. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** GET /v1/opendinar.js serving the bundle at `bundlePath`, cacheable and revalidated by ETag. */
export function createWidgetRoutes(bundlePath: string): FastifyPluginAsyncTypebox {
  return async (app) => {
    const load = bundleLoader(bundlePath);

    app.get(
      '/v1/opendinar.js',
      {
        config: { auth: 'public' },
        schema: { tags: ['Link widget'], summary: 'The Link widget script (include with a <script> tag)' },
      },
      async (req, reply) => {
        const bundle = await load();
        if (!bundle) {
          req.log.error({ path: bundlePath }, 'widget bundle missing');
          throw new ApiError(
            'SERVICE_UNAVAILABLE',
            'The Link widget bundle has not been built — run `npm run build` in the repository root.',
          );
        }
        reply
          .header('etag', bundle.etag)
          // Short: a new release reaches pages within minutes; revalidation is a cheap 304.
          .header('cache-control', 'public, max-age=300')
          // Loaded cross-origin by any fintech's page.
          .header('cross-origin-resource-policy', 'cross-origin')
          .header('x-content-type-options', 'nosniff');
        if (matches(req.headers['if-none-match'], bundle.etag)) return reply.code(304).send();
        return reply.type('application/javascript; charset=utf-8').send(bundle.body);
      },
    );
  };
}

/** GET /v1/opendinar.js — the Link widget. */
export const widgetRoutes = createWidgetRoutes(WIDGET_BUNDLE_PATH);
