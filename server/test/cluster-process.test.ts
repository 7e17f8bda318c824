import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { createTestDatabase, type TestDatabase } from './helpers/app.js';
import { type ServerProcess, startServerProcess } from './helpers/process.js';
import { type Receiver, startReceiver } from './helpers/webhooks.js';

/** Waits for a condition the servers reach on their own (webhook delivery), with a deadline. */
async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Answer {
  status: number;
  body: Record<string, unknown> & { error_code?: string };
}

/**
 * Three server processes on one database (PostgreSQL under `npm run test:pg`, the same SQLite file
 * otherwise), as behind a load balancer: every flow is driven across them and must behave as it
 * does on one process. Nothing here talks to a process's memory — only HTTP and the database.
 */
describe('three server processes on one database', () => {
  let database: TestDatabase;
  let dataDir: string;
  let receiver: Receiver;
  const servers: ServerProcess[] = [];
  const secretKey = randomBytes(32).toString('hex');
  let keyRequests = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'opendinar-cluster-'));
    receiver = await startReceiver();
    const env = {
      DATABASE_URL: database.url,
      OPENDINAR_DATA_DIR: dataDir,
      OPENDINAR_SECRET_KEY: secretKey,
      OPENDINAR_DISPATCHER: 'true',
      OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'true',
      OPENDINAR_WEBHOOK_POLL_MS: '20',
      OPENDINAR_LOGIN_FIRST_DELAY_SECONDS: '600',
    };
    // The first one migrates and seeds the sandbox; once it is ready (/readyz), the other two start
    // together on the migrated, seeded database. Each start waits on readiness, not on a fixed
    // time; the hook's limit only stops a start that never completes.
    servers.push(await startServerProcess(env));
    servers.push(
      ...(await Promise.all(
        [1, 2].map(() => startServerProcess({ ...env, OPENDINAR_SEED_SANDBOX: 'false' })),
      )),
    );
  }, 400_000);

  afterAll(async () => {
    for (const s of servers) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    await receiver?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const on = (i: number) => servers[i % servers.length] as ServerProcess;

  async function call(
    i: number,
    method: string,
    path: string,
    opts: { token?: string; body?: unknown } = {},
  ): Promise<Answer> {
    if (opts.token?.startsWith('od_')) keyRequests += 1;
    const res = await fetch(`${on(i).url}${path}`, {
      method,
      headers: {
        ...(opts.token && { authorization: `Bearer ${opts.token}` }),
        ...(opts.body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  it('drives every flow across the processes', async () => {
    // Register on one process, log in on another, use the session on the third.
    const email = `cluster-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'correct horse battery';
    const reg = await call(0, 'POST', '/developers/register', { body: { email, password, name: 'Cluster' } });
    expect(reg.status).toBe(201);
    const key = (reg.body.api_key as { key: string; id: string }).key;
    const keyId = (reg.body.api_key as { id: string }).id;
    const login = await call(1, 'POST', '/developers/login', { body: { email, password } });
    expect(login.status).toBe(200);
    const session = login.body.session_token as string;
    expect((await call(2, 'GET', '/developers/me', { token: session })).status).toBe(200);

    // Webhooks registered on process 2; delivered by whichever dispatcher claims them.
    const wh = await call(2, 'POST', '/developers/webhooks', {
      token: session,
      body: { url: receiver.url, events: ['ITEM.CONNECTION_REVOKED'] },
    });
    expect(wh.status).toBe(201);

    // Connect on 0, authorize on 1, then the same public token exchanged on all three at once: once.
    const started = await call(0, 'POST', '/connect', {
      token: key,
      body: { bank_id: 'raiffeisen', user_id: 'user_cluster', redirect_url: 'https://app.example.com/done' },
    });
    expect(started.status).toBe(201);
    const authorized = await call(1, 'POST', '/sandbox/authorize', {
      body: { session_token: started.body.session_token },
    });
    expect(authorized.status).toBe(200);
    const exchanges = await Promise.all(
      [0, 1, 2, 0, 1, 2].map((i) =>
        call(i, 'POST', '/connect/exchange', {
          token: key,
          body: { public_token: authorized.body.public_token },
        }),
      ),
    );
    const won = exchanges.filter((e) => e.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of exchanges.filter((e) => e.status !== 200)) {
      expect(lost.body.error_code).toBe('PUBLIC_TOKEN_ALREADY_USED');
    }
    const connectionId = won[0]?.body.connection_id as string;
    const connections = await call(2, 'GET', '/connections', { token: key });
    expect(
      (connections.body.connections as Array<{ connection_id: string }>).map((c) => c.connection_id),
    ).toEqual([connectionId]);

    // Cursor sync: each page from the next process; together exactly the full list.
    const accounts = await call(1, 'GET', '/accounts', { token: key });
    const accountId = (accounts.body.accounts as Array<{ id: string }>)[0]?.id as string;
    const listed: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call(0, 'GET', `/accounts/${accountId}/transactions?limit=100&offset=${offset}`, {
        token: key,
      });
      expect(page.status).toBe(200);
      const txns = page.body.transactions as Array<{ id: string }>;
      listed.push(...txns.map((x) => x.id));
      if (txns.length < 100) break;
    }
    const synced: string[] = [];
    let cursor = '';
    for (let i = 0; ; i++) {
      const page = await call(
        i,
        'GET',
        `/accounts/${accountId}/transactions?cursor=${encodeURIComponent(cursor)}&limit=10`,
        {
          token: key,
        },
      );
      expect(page.status).toBe(200);
      synced.push(...(page.body.added as Array<{ id: string }>).map((x) => x.id));
      cursor = page.body.next_cursor as string;
      if (!page.body.has_more) break;
    }
    expect(synced.length).toBeGreaterThan(10);
    expect(new Set(synced)).toEqual(new Set(listed));

    // Revoking the connection on 1: gone on every process; its webhook goes out exactly once.
    const revoked = await call(1, 'DELETE', `/connections/${connectionId}`, { token: key });
    expect(revoked.status).toBe(200);
    for (const i of [0, 1, 2]) {
      const gone = await call(i, 'GET', `/accounts/${accountId}/balance`, { token: key });
      expect(gone.body.error_code).toBe('ACCOUNT_NOT_FOUND');
    }
    // Twenty more events: three dispatchers race for them; each is delivered once.
    const dev = reg.body.developer as { id: string };
    const more = await database.handle.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (let n = 0; n < 20; n++) {
        ids.push(
          await enqueueWebhookEvent(trx, systemClock, {
            developerId: dev.id,
            environment: 'sandbox',
            type: 'ITEM.CONNECTION_REVOKED',
            fields: { connection_id: `conn_x${n}`, bank_id: 'raiffeisen', user_id: 'user_cluster' },
          }),
        );
      }
      return ids;
    });
    const eventIds = () => receiver.received.map((r) => String(r.headers['opendinar-event-id']));
    await until('21 deliveries', async () => eventIds().length >= 21);
    await until('every delivery recorded', async () => {
      const pending = await database.handle.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '!=', 'succeeded')
        .execute();
      return pending.length === 0;
    });
    expect(eventIds()).toHaveLength(21);
    expect(new Set(eventIds()).size).toBe(21);
    expect(eventIds()).toEqual(expect.arrayContaining(more));
    const attempts = await database.handle.db.selectFrom('webhook_attempts').select('id').execute();
    expect(attempts).toHaveLength(21);

    // Login throttle: failures on different processes count in one bucket (5 per email, then the
    // next attempt waits — 10 minutes here, so the real clock cannot let one through).
    const wrong = { email, password: 'wrong password here' };
    for (let n = 0; n < 5; n++) {
      expect((await call(n, 'POST', '/developers/login', { body: wrong })).body.error_code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    for (const i of [0, 1, 2]) {
      const over = await call(i, 'POST', '/developers/login', { body: wrong });
      expect(over.status).toBe(429);
      expect(over.body.error_code).toBe('RATE_LIMIT_EXCEEDED');
    }
    // …while the owner, with the right password from an address that signed in before, is not locked out.
    expect((await call(1, 'POST', '/developers/login', { body: { email, password } })).status).toBe(200);

    // Key revocation on 2: the very next request with it fails on every process.
    for (const i of [0, 1, 2]) expect((await call(i, 'GET', '/accounts', { token: key })).status).toBe(200);
    const revokeKey = await call(2, 'DELETE', `/developers/keys/${keyId}`, { token: session });
    expect(revokeKey.status).toBe(200);
    for (const i of [0, 1, 2]) {
      expect((await call(i, 'GET', '/accounts', { token: key })).body.error_code).toBe('REVOKED_API_KEY');
    }

    // Usage: every request made with the key, whichever process answered, once. A graceful stop
    // writes what each process still holds; a fresh process then reports the total.
    await Promise.all(
      servers.map((s) => {
        s.proc.kill('SIGTERM');
        return s.exited;
      }),
    );
    for (const s of servers) expect(await s.exited).toBe(0);
    const reader = await startServerProcess({
      DATABASE_URL: database.url,
      OPENDINAR_DATA_DIR: dataDir,
      OPENDINAR_SECRET_KEY: secretKey,
      OPENDINAR_SEED_SANDBOX: 'false',
    });
    servers.push(reader);
    const usage = await fetch(`${reader.url}/developers/usage?key_id=${keyId}`, {
      headers: { authorization: `Bearer ${session}` },
    });
    expect(usage.status).toBe(200);
    expect(((await usage.json()) as { total_requests: number }).total_requests).toBe(keyRequests);
  }, 400_000); // bounds only a hung run: on a loaded 2-core machine the whole flow has taken over 2 minutes
});
