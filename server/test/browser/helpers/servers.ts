import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Mailer } from '../../../src/developers/mailer.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((r) => probe.close(r));
  return port;
}

export interface ApiServer {
  t: TestApp;
  url: string;
  close(): Promise<void>;
}

/**
 * The real API on a real socket, with OPENDINAR_PUBLIC_URL pointing at it so auth_url (the sandbox
 * bank page) is reachable from the browser. The clock is the wall clock's date so sessions and
 * tokens made in the browser test do not look expired.
 */
export async function startApiServer(opts: { mailer?: Mailer } = {}): Promise<ApiServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await createTestApp({
    now: new Date().toISOString(),
    env: { OPENDINAR_PUBLIC_URL: url },
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { t, url, close: () => t.close() };
}

export type Backend = (req: IncomingMessage, body: string) => Promise<{ status: number; json: unknown }>;

export interface HostSite {
  url: string;
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * The fintech's own site on another origin (so the widget's API calls are cross-origin, as in
 * production): serves fixtures/*.html with {{NAME}} placeholders filled per request, the given static
 * files, and routes POST /backend/* to the given handlers, which stand for the fintech's backend.
 */
export async function startHostSite(
  vars: (req: IncomingMessage) => Promise<Record<string, string>>,
  backend: Record<string, Backend> = {},
  files: Record<string, { type: string; body: Buffer }> = {},
): Promise<HostSite> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const path = new URL(req.url ?? '/', 'http://host').pathname;
        const handler = req.method === 'POST' ? backend[path] : undefined;
        if (handler) {
          const out = await handler(req, Buffer.concat(chunks).toString('utf8'));
          res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.json));
          return;
        }
        const file = req.method === 'GET' ? files[path] : undefined;
        if (file) {
          res.writeHead(200, { 'content-type': file.type }).end(file.body);
          return;
        }
        const name = /^\/([a-z0-9-]+\.html)$/.exec(path)?.[1];
        if (req.method !== 'GET' || !name) {
          res.writeHead(404).end();
          return;
        }
        const values = await vars(req);
        const html = readFileSync(`${FIXTURES}${name}`, 'utf8').replace(
          /\{\{(\w+)\}\}/g,
          (_, k: string) => values[k] ?? '',
        );
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .end(html);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
      }
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON call to the API from the test's "backend". */
export async function api(
  base: string,
  key: string,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
