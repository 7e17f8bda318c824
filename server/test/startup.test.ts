import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANI_KEY } from './helpers/app.js';
import { holdRequest, rawExchange, startServerProcess } from './helpers/process.js';

// Process-level behaviour: configuration errors, graceful shutdown, durability across kill -9.
describe.concurrent('start-up configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }, 'DATABASE_URL'],
    [{ OPENDINAR_PUBLIC_URL: 'not a url' }, 'OPENDINAR_PUBLIC_URL'],
    [{ OPENDINAR_SECRET_KEY: 'short' }, 'OPENDINAR_SECRET_KEY'],
    [{ OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'maybe' }, 'OPENDINAR_WEBHOOK_ALLOW_PRIVATE'],
    [{ OPENDINAR_WORKER_NICE: '20' }, 'OPENDINAR_WORKER_NICE'],
    [{ OPENDINAR_PG_READ_POOL: 'many' }, 'OPENDINAR_PG_READ_POOL'],
    [{ OPENDINAR_PG_WRITER_CONNECTIONS: '0' }, 'OPENDINAR_PG_WRITER_CONNECTIONS'],
  ])('%o stops with one clear line naming %s', async (env, variable) => {
    const srv = await startServerProcess(env, { ready: false });
    expect(await srv.exited).toBe(1);
    const lines = srv.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });
});

// Each test starts the server as a process: like startServerProcess's readiness bound, the limit only
// stops a start that never completes (a start on a loaded 2-core machine has taken over 30 s).
describe('lifecycle', { timeout: 180_000 }, () => {
  it('answers every request that reached it before SIGTERM, 503s later ones, and exits cleanly', async () => {
    const srv = await startServerProcess({});
    const port = Number(new URL(srv.url).port);
    const body = JSON.stringify({ user_id: 'drain' });
    // Each request's headers reach the server, which says so (100 Continue); its body follows after SIGTERM.
    const held = await Promise.all(
      Array.from({ length: 30 }, () =>
        holdRequest(port, [
          'POST /link/token HTTP/1.1',
          'Host: 127.0.0.1',
          `Authorization: Bearer ${MANI_KEY}`,
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(body)}`,
          'Expect: 100-continue',
        ]),
      ),
    );
    srv.proc.kill('SIGTERM');
    // Draining: a new request is answered 503 SERVICE_UNAVAILABLE and its connection closed.
    for (;;) {
      const probe = await rawExchange(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      if (probe.startsWith('HTTP/1.1 503')) {
        expect(probe).toMatch(/\r\nconnection: close\r\n/i);
        expect(probe).toContain('"error_code":"SERVICE_UNAVAILABLE"');
        break;
      }
      expect(probe).toMatch(/^HTTP\/1\.1 200/);
    }
    for (const h of held) h.socket.write(body);
    const answers = await Promise.all(held.map((h) => h.answer));
    expect(answers.map((a) => a.split('\r\n')[0])).toEqual(answers.map(() => 'HTTP/1.1 201 Created'));
    expect(await srv.exited).toBe(0);
  });

  it('loses none of a burst of fresh connections in flight at SIGTERM', async () => {
    const srv = await startServerProcess({ OPENDINAR_SHUTDOWN_QUIET_MS: '1000' });
    const burst = Array.from({ length: 100 }, () =>
      fetch(`${srv.url}/accounts/acc_rai_001/transactions?limit=200`, {
        headers: { authorization: `Bearer ${MANI_KEY}` },
      }).then(
        async (r) => ({ status: r.status, ok: (await r.text()).length > 0 }),
        (err: Error & { cause?: { code?: string } }) => ({ status: err.cause?.code ?? 'error', ok: false }),
      ),
    );
    srv.proc.kill('SIGTERM');
    const outcomes = await Promise.all(burst);
    // Answered in full (200 or 503), or refused before connecting — never reset mid-request.
    for (const o of outcomes) expect([200, 503, 'ECONNREFUSED']).toContain(o.status);
    expect(outcomes.filter((o) => typeof o.status === 'number').every((o) => o.ok)).toBe(true);
    expect(await srv.exited).toBe(0);
  });

  it('closes a connection whose body trickles in slower than the request timeout', async () => {
    const srv = await startServerProcess({ OPENDINAR_REQUEST_TIMEOUT_MS: '1500' });
    try {
      const port = Number(new URL(srv.url).port);
      const h = await holdRequest(port, [
        'POST /link/token HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${MANI_KEY}`,
        'Content-Type: application/json',
        'Content-Length: 1000',
        'Expect: 100-continue',
      ]);
      const started = performance.now();
      let sent = 0;
      const trickle = setInterval(() => {
        if (h.socket.writable) h.socket.write(' ');
        sent++;
      }, 200);
      const answer = await h.answer.finally(() => clearInterval(trickle));
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('"error_code":"REQUEST_TIMEOUT"');
      expect(sent).toBeLessThan(1000);
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      srv.proc.kill('SIGTERM');
      await srv.exited;
    }
  });

  it('keeps a committed change across kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-kill-'));
    const env = { OPENDINAR_DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, 'k.db')}` };
    const first = await startServerProcess(env);
    const reg = await fetch(`${first.url}/developers/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'durable@example.rs', password: 'correct horse', name: 'Durable' }),
    });
    expect(reg.status).toBe(201);
    const { api_key } = (await reg.json()) as { api_key: { key: string } };
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await startServerProcess(env);
    try {
      const login = await fetch(`${second.url}/developers/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'durable@example.rs', password: 'correct horse' }),
      });
      expect(login.status).toBe(200);
      const accounts = await fetch(`${second.url}/accounts`, {
        headers: { authorization: `Bearer ${api_key.key}` },
      });
      expect(accounts.status).toBe(200);
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }
  });
});
