import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, MANI_KEY, type TestDatabase } from './helpers/app.js';
import { type ServerProcess, startServerProcess } from './helpers/process.js';

describe('sync cursors across server processes and restarts', () => {
  let database: TestDatabase;
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const secretKey = randomBytes(32).toString('hex');

  // The built bundle (SERVER_ENTRY), ready once /readyz answers; every process shares the database,
  // the data directory and the secret key (cursors are MACed with it).
  async function start(): Promise<ServerProcess> {
    const s = await startServerProcess({
      DATABASE_URL: database.url,
      OPENDINAR_DATA_DIR: dataDir,
      OPENDINAR_SECRET_KEY: secretKey,
    });
    servers.push(s);
    return s;
  }

  const stop = async (s: ServerProcess): Promise<void> => {
    if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGTERM');
    await s.exited;
  };

  const page = async (s: ServerProcess, cursor: string, limit = 50) => {
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
    await Promise.all(servers.map((s) => s.exited));
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
