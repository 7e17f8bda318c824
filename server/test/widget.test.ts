import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../src/http/error-handler.js';
import { createWidgetRoutes } from '../src/widget/routes.js';
import { ensureWidgetBuilt } from './browser/helpers/widget-bundle.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const MAX_BYTES = 15 * 1024;

describe('Link widget bundle', () => {
  let bundle: Buffer;
  beforeAll(() => {
    bundle = ensureWidgetBuilt();
  });

  it('is at most 15 KB minified', () => {
    expect(bundle.length).toBeGreaterThan(1000);
    expect(bundle.length).toBeLessThanOrEqual(MAX_BYTES);
    // Reported for the README; gzip is what actually crosses the wire.
    console.log(
      `opendinar.js: ${bundle.length} B minified, ${gzipSync(bundle, { level: 9 }).length} B gzipped`,
    );
  });

  it('is one self-contained script that defines window.OpenDinar', () => {
    const code = bundle.toString('utf8');
    expect(code).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(code).toContain('OpenDinar');
    // No module syntax and nothing fetched besides the API: the bundle has no runtime dependencies.
    expect(code).not.toMatch(/\bimport\s*\(|\brequire\(|^import |^export /m);
    expect(code).not.toMatch(/\n\s{2,}/); // minified
  });
});

describe('GET /v1/opendinar.js', () => {
  let t: TestApp;
  let bundle: Buffer;
  beforeAll(async () => {
    bundle = ensureWidgetBuilt();
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t.close());

  it('serves the bundle as JavaScript with an ETag and a cache lifetime, no key needed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/opendinar.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.rawPayload.equals(bundle)).toBe(true);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('derives the ETag from the content: the same bytes, the same tag', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/v1/opendinar.js' });
    const b = await t.app.inject({ method: 'GET', url: '/v1/opendinar.js' });
    expect(a.headers.etag).toBe(b.headers.etag);
    const digest = createHash('sha256').update(bundle).digest('base64url');
    expect(digest.startsWith(String(a.headers.etag).slice(1, -1))).toBe(true);
  });

  it('answers 304 with no body when If-None-Match names the current ETag', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/v1/opendinar.js' });
    const etag = String(first.headers.etag);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/v1/opendinar.js',
        headers: { 'if-none-match': header },
      });
      expect(res.statusCode, header).toBe(304);
      expect(res.body).toBe('');
      expect(res.headers.etag).toBe(etag);
    }
    const stale = await t.app.inject({
      method: 'GET',
      url: '/v1/opendinar.js',
      headers: { 'if-none-match': '"stale"' },
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(bundle)).toBe(true);
  });

  it('can be loaded from any origin (CORS) and answers HEAD', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/opendinar.js',
      headers: { origin: 'https://fintech.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('https://fintech.example');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const head = await t.app.inject({ method: 'HEAD', url: '/v1/opendinar.js' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('application/javascript; charset=utf-8');
  });

  it('answers a clear documented-shape error when the bundle has not been built', async () => {
    const app = Fastify();
    app.decorate('deps', t.deps);
    registerErrorHandling(app);
    await app.register(createWidgetRoutes('/nonexistent/opendinar.js'));
    const res = await app.inject({ method: 'GET', url: '/v1/opendinar.js' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      error_type: 'API_ERROR',
      error_code: 'SERVICE_UNAVAILABLE',
      error_message: expect.stringContaining('npm run build'),
    });
    await app.close();
  });
});
