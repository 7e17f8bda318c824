import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { TestClock } from '../src/clock.js';
import type { AppDeps } from '../src/http/principals.js';
import { createSecretBox } from '../src/secrets.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';
import { SERVER_ENTRY } from './helpers/process.js';

const RACERS = 20;

interface Outcome {
  status: number;
  code: string | undefined;
  connectionId: string | undefined;
}

async function startAndAuthorize(
  app: FastifyInstance,
  userId: string,
): Promise<{ sessionToken: string; publicToken: string }> {
  const s = await app.inject({
    method: 'POST',
    url: '/connect',
    headers: auth(MANI_KEY),
    payload: { bank_id: 'raiffeisen', user_id: userId, redirect_url: 'https://app.example.rs/' },
  });
  expect(s.statusCode).toBe(201);
  const sessionToken = s.json().session_token as string;
  const a = await app.inject({
    method: 'POST',
    url: '/sandbox/authorize',
    payload: { session_token: sessionToken },
  });
  expect(a.statusCode).toBe(200);
  return { sessionToken, publicToken: a.json().public_token as string };
}

const viaInject = (app: FastifyInstance, publicToken: string): Promise<Outcome> =>
  app
    .inject({
      method: 'POST',
      url: '/connect/exchange',
      headers: auth(MANI_KEY),
      payload: { public_token: publicToken },
    })
    .then((r) => {
      const body = r.json() as { error_code?: string; connection_id?: string };
      return { status: r.statusCode, code: body.error_code, connectionId: body.connection_id };
    });

const viaHttp = async (baseUrl: string, publicToken: string): Promise<Outcome> => {
  const r = await fetch(`${baseUrl}/connect/exchange`, {
    method: 'POST',
    headers: { ...auth(MANI_KEY), 'content-type': 'application/json' },
    body: JSON.stringify({ public_token: publicToken }),
  });
  const body = (await r.json()) as { error_code?: string; connection_id?: string };
  return { status: r.status, code: body.error_code, connectionId: body.connection_id };
};

/** Exactly one winner, every loser PUBLIC_TOKEN_ALREADY_USED, one connection and one event in the database. */
async function expectExactlyOnce(deps: AppDeps, outcomes: Outcome[], userId: string): Promise<void> {
  const winners = outcomes.filter((o) => o.status === 200);
  expect(winners).toHaveLength(1);
  expect(outcomes.filter((o) => o.status !== 200).map((o) => `${o.status} ${o.code}`)).toEqual(
    Array(outcomes.length - 1).fill('410 PUBLIC_TOKEN_ALREADY_USED'),
  );
  const conns = await deps.db.selectFrom('connections').select('id').where('user_id', '=', userId).execute();
  expect(conns.map((c) => c.id)).toEqual([winners[0]?.connectionId]);
  const events = await deps.db
    .selectFrom('webhook_events')
    .select('payload')
    .where('event_type', '=', 'AUTH.AUTOMATICALLY_VERIFIED')
    .execute();
  expect(events.filter((e) => JSON.parse(e.payload).user_id === userId)).toHaveLength(1);
  const accounts = await deps.db
    .selectFrom('accounts')
    .select('id')
    .where('connection_id', '=', winners[0]?.connectionId ?? '')
    .execute();
  expect(accounts.length).toBeGreaterThan(0);
}

const cleanups: Array<() => Promise<void>> = [];

let t: TestApp;
beforeAll(async () => {
  // One test database per file: a second one in the same PostgreSQL database trips Kysely's migrator.
  t = await createTestApp();
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await t.close();
});

describe(`exactly-once exchange under ${RACERS} concurrent requests (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('one instance: exactly one exchange succeeds', async () => {
    const { publicToken } = await startAndAuthorize(t.app, 'user_race_one');
    const outcomes = await Promise.all(Array.from({ length: RACERS }, () => viaInject(t.app, publicToken)));
    await expectExactlyOnce(t.deps, outcomes, 'user_race_one');
  });

  // Two in-process instances need two database handles; two better-sqlite3 handles in one process
  // would block each other's event loop, so SQLite gets the two-process test below instead.
  it.runIf(onPostgres())('two app instances over one database: exactly one exchange succeeds', async () => {
    const second = t.database.connect();
    const app2 = await buildApp({ ...t.deps, db: second.db });
    await app2.ready();
    cleanups.push(async () => {
      await app2.close();
      await second.close();
    });
    const { publicToken } = await startAndAuthorize(t.app, 'user_race_two');
    const outcomes = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => viaInject(i % 2 === 0 ? t.app : app2, publicToken)),
    );
    await expectExactlyOnce(t.deps, outcomes, 'user_race_two');
  });

  it('two server processes over one database: exactly one exchange succeeds', async () => {
    // Both processes must open the grants the other sealed, and agree on "now" (the child runs on
    // the system clock): an app over the same database with a known key and a clock at real time.
    const key = randomBytes(32);
    const deps: AppDeps = { ...t.deps, box: createSecretBox(key), clock: new TestClock(new Date()) };
    const app = await buildApp(deps);
    await app.ready();
    const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-race-'));
    const port = await freePort();
    const child = spawn(process.execPath, [...SERVER_ENTRY], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: t.database.url,
        OPENDINAR_SECRET_KEY: key.toString('hex'),
        OPENDINAR_DATA_DIR: dataDir,
        OPENDINAR_DISPATCHER: 'false',
        OPENDINAR_SEED_SANDBOX: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    cleanups.push(async () => {
      await stop(child);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealthy(baseUrl, child);

    const { publicToken } = await startAndAuthorize(app, 'user_race_procs');
    const outcomes = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        i % 2 === 0 ? viaInject(app, publicToken) : viaHttp(baseUrl, publicToken),
      ),
    );
    await expectExactlyOnce(deps, outcomes, 'user_race_procs');
  }, 300_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // Ready = /readyz answers 200 (listening, database reachable, migrations applied). A start on a
  // loaded machine has taken over 30 s: the bound only stops a start that never completes.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second server exited: ${stderr}`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`second server did not become healthy: ${stderr}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(timer);
}
