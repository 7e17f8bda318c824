import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/clock.js';
import type { Executor } from '../../src/db/index.js';
import { newId, newToken, sha256Hex } from '../../src/ids.js';

/**
 * A developer with a live session, written straight to the database (independent of the
 * /developers/register and login endpoints).
 */
export async function createDevSession(
  db: Executor,
  clock: Clock,
  opts: { developerId?: string; email?: string } = {},
): Promise<{ developerId: string; token: string; headers: { authorization: string } }> {
  const developerId = opts.developerId ?? newId('dev');
  const now = clock.now();
  const existing = await db
    .selectFrom('developers')
    .select('id')
    .where('id', '=', developerId)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('developers')
      .values({
        id: developerId,
        email: opts.email ?? `${developerId.toLowerCase()}@example.com`,
        name: 'Webhook Tester',
        password_hash: '!',
        created_at: now.toISOString(),
      })
      .execute();
  }
  const token = newToken('devses');
  await db
    .insertInto('dev_sessions')
    .values({
      id: newId('ses'),
      developer_id: developerId,
      token_hash: sha256Hex(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 24 * 3600_000).toISOString(),
      revoked_at: null,
    })
    .execute();
  return { developerId, token, headers: { authorization: `Bearer ${token}` } };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Exactly the bytes on the wire. */
  raw: Buffer;
  /** The client's port: equal across requests when a keep-alive connection is reused. */
  remotePort: number | undefined;
}

/** What the receiver answers: a status code, or 'hang' to never answer (body "ok" unless given). */
export type Responder = (
  req: ReceivedRequest,
) => number | 'hang' | { status: number; headers?: Record<string, string>; body?: string | Buffer };

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedRequest[];
  setResponder(r: Responder): void;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A local HTTP endpoint that records every request it gets. */
export async function startReceiver(responder: Responder = () => 200, port = 0): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  let respond = responder;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        raw: Buffer.concat(chunks),
        remotePort: req.socket.remotePort,
      };
      received.push(r);
      const answer = respond(r);
      if (answer === 'hang') return;
      const { status, headers, body } =
        typeof answer === 'number' ? { status: answer, headers: {}, body: undefined } : answer;
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(body ?? 'ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((res) => server.listen(port, '127.0.0.1', res));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/hooks`,
    port: actualPort,
    received,
    setResponder(r) {
      respond = r;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${count} requests`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
