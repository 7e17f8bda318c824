import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANI_KEY } from './helpers/app.js';
import { startServerProcess } from './helpers/process.js';

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
  ])('%o stops with one clear line naming %s', async (env, variable) => {
    const srv = await startServerProcess(env, { ready: false });
    expect(await srv.exited).toBe(1);
    const lines = srv.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });
});

describe('lifecycle', () => {
  it('drains in-flight requests on SIGTERM and exits cleanly', async () => {
    const srv = await startServerProcess({});
    const inflight = Array.from({ length: 40 }, () =>
      fetch(`${srv.url}/accounts/acc_rai_001/transactions?limit=200`, {
        headers: { authorization: `Bearer ${MANI_KEY}` },
      }).then((r) => r.status),
    );
    await new Promise((r) => setTimeout(r, 5));
    srv.proc.kill('SIGTERM');
    const statuses = await Promise.allSettled(inflight);
    // Requests the server had accepted complete normally; none is cut off with a 5xx.
    const answered = statuses
      .filter((s): s is PromiseFulfilledResult<number> => s.status === 'fulfilled')
      .map((s) => s.value);
    expect(answered.every((s) => s === 200 || s === 503)).toBe(true);
    expect(answered.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await srv.exited).toBe(0);
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
