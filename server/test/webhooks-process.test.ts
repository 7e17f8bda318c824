import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { createTestDatabase, type TestDatabase } from './helpers/app.js';
import { SERVER_ENTRY } from './helpers/process.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

type VerifyWebhook = (secret: string, rawBody: string, signatureHeader: string) => boolean;
const { verifyWebhook } = createRequire(import.meta.url)('./helpers/docs-verify-webhook.cjs') as {
  verifyWebhook: VerifyWebhook;
};

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('a committed webhook event survives SIGKILL and goes out exactly once after restart', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess | null = null;
  let receiver: Receiver | null = null;
  let stderr = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'opendinar-proc-'));
  });
  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await receiver?.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers after the crash', async () => {
    const port = await freePort();
    const receiverPort = await freePort(); // nothing listens here yet: the receiver is down
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENDINAR_DATA_DIR: dataDir,
      OPENDINAR_SECRET_KEY: randomBytes(32).toString('hex'),
      OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'true',
      OPENDINAR_WEBHOOK_POLL_MS: '50',
      OPENDINAR_WEBHOOK_RETRY_BASE_MS: '200',
      // Short timeout → short lease, in case the kill lands mid-attempt.
      OPENDINAR_WEBHOOK_TIMEOUT_MS: '1000',
      OPENDINAR_DISPATCHER: 'true',
      LOG_LEVEL: 'warn',
    };
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      const child = spawn(process.execPath, [...SERVER_ENTRY], {
        cwd: SERVER_DIR,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      // The bound only stops a start that never completes (as startServerProcess: 180 s on a loaded machine).
      await until(
        'server to listen',
        async () => {
          if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
          return (await fetch(`${base}/healthz`)).ok;
        },
        180_000,
      );
      return child;
    };

    server = await start();
    const { developerId, headers } = await createDevSession(database.handle.db, systemClock);
    const reg = await fetch(`${base}/developers/webhooks`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `http://127.0.0.1:${receiverPort}/hooks`,
        events: ['ITEM.CONNECTION_REVOKED'],
      }),
    });
    expect(reg.status).toBe(201);
    const { secret } = (await reg.json()) as { secret: string };

    // The change and its event commit together, here through a second handle on the same database.
    const eventId = await database.handle.db.transaction().execute((trx) =>
      enqueueWebhookEvent(trx, systemClock, {
        developerId,
        environment: 'sandbox',
        type: 'ITEM.CONNECTION_REVOKED',
        fields: { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' },
      }),
    );
    const deliveryOf = () =>
      database.handle.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();

    // The running server tries, and fails, while the receiver is down.
    const failed = await until('a failed attempt', async () => {
      const d = await deliveryOf();
      return d.attempts >= 1 ? d : null;
    });
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toBe('ECONNREFUSED');

    server.kill('SIGKILL');
    await new Promise((r) => server?.once('exit', r));

    receiver = await startReceiver(() => 200, receiverPort);
    await sleep(300);
    expect(receiver.received).toHaveLength(0); // nobody else sends it

    server = await start();
    await receiver.waitFor(1, 30_000);
    await sleep(1500); // a duplicate would show up here
    expect(receiver.received).toHaveLength(1);
    const req = receiver.received[0]!;
    expect(req.headers['opendinar-event-id']).toBe(eventId);
    expect(verifyWebhook(secret, req.raw.toString('utf8'), String(req.headers['opendinar-signature']))).toBe(
      true,
    );
    expect(JSON.parse(req.raw.toString('utf8'))).toMatchObject({
      webhook_type: 'ITEM',
      webhook_code: 'CONNECTION_REVOKED',
      event_id: eventId,
    });
    const done = await deliveryOf();
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBeGreaterThanOrEqual(2);

    // A graceful stop leaves nothing half-done.
    server.kill('SIGTERM');
    const code = await new Promise((r) => server?.once('exit', r));
    expect(code).toBe(0);
  }, 400_000); // two server starts, each bounded at 180 s (see start())
});
