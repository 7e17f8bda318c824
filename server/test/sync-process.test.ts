import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, MANI_KEY, type TestDatabase } from './helpers/app.js';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

interface Server {
  proc: ChildProcess;
  url: string;
}

describe('sync cursors across server processes and restarts', () => {
  let database: TestDatabase;
  let dataDir: string;
  const servers: Server[] = [];
  const secretKey = randomBytes(32).toString('hex');

  async function start(): Promise<Server> {
    const port = await freePort();
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        OPENDINAR_DATA_DIR: dataDir,
        OPENDINAR_SECRET_KEY: secretKey,
        OPENDINAR_DISPATCHER: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = performance.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      if (performance.now() > deadline) throw new Error(`server did not start: ${stderr}`);
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const s = { proc, url };
    servers.push(s);
    return s;
  }

  const stop = (s: Server) =>
    new Promise<void>((r) => {
      if (s.proc.exitCode !== null) return r();
      s.proc.once('exit', () => r());
      s.proc.kill('SIGTERM');
    });

  const page = async (s: Server, cursor: string, limit = 50) => {
    const res = await fetch(
      `${s.url}/accounts/acc_rai_001/transactions?cursor=${encodeURIComponent(cursor)}&limit=${limit}`,
      {
        headers: { authorization: `Bearer ${MANI_KEY}` },
      },
    );
    return {
      status: res.status,
      body: (await res.json()) as { added: Array<{ id: string }>; next_cursor: string; error_code?: string },
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'opendinar-sync-proc-'));
  });
  afterAll(async () => {
    for (const s of servers) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("one process's cursor works on another, and after a restart, continuing exactly where it stopped", async () => {
    const a = await start();
    const b = await start();
    const whole = await page(a, '', 150);
    expect(whole.status).toBe(200);
    const first = await page(a, '');
    const second = await page(b, first.body.next_cursor);
    expect(second.status).toBe(200);
    expect([...first.body.added, ...second.body.added].map((x) => x.id)).toEqual(
      whole.body.added.slice(0, 100).map((x) => x.id),
    );

    await stop(a);
    await stop(b);
    const c = await start();
    const third = await page(c, second.body.next_cursor);
    expect(third.status).toBe(200);
    expect(third.body.added.map((x) => x.id)).toEqual(whole.body.added.slice(100, 150).map((x) => x.id));
    expect((await page(c, `${second.body.next_cursor.slice(0, -3)}xyz`)).body.error_code).toBe(
      'INVALID_CURSOR',
    );
  }, 90_000);
});
