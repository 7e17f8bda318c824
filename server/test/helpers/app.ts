import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { TestClock } from '../../src/clock.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createDb, type DbHandle } from '../../src/db/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Mailer } from '../../src/developers/mailer.js';
import type { AppDeps } from '../../src/http/principals.js';
import { seedSandbox } from '../../src/sandbox/seed.js';
import { createSecretBox } from '../../src/secrets.js';
import { TEST_SCRYPT_COST } from './process.js';

export const MANI_KEY = 'od_test_sk_9x2mABC123sandbox';
export const DEMO_KEY = 'od_test_sk_demo456developer';
export const auth = (key: string) => ({ authorization: `Bearer ${key}` });

/** True when the suite runs on PostgreSQL (`npm run test:pg`). */
export const onPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export interface TestDatabase {
  handle: DbHandle;
  /** A DATABASE_URL another process (or a second handle) can use to reach the same database. */
  url: string;
  /** Extra handles on the same database, e.g. for a second server instance. */
  connect(): DbHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database: a temp SQLite file, or a new schema in the test PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const connect = () => createDb({ kind: 'postgres', url: pgUrl }, { schema, poolSize: 5 });
    const handle = connect();
    await migrateToLatest(handle.db, { schema });
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      handle,
      url: url.toString(),
      connect,
      async drop() {
        await handle.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-test-'));
  const path = join(dir, 'test.db');
  const connect = () => createDb({ kind: 'sqlite', path });
  const handle = connect();
  await migrateToLatest(handle.db);
  return {
    handle,
    url: `file:${path}`,
    connect,
    async drop() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: TestClock;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start of the test clock; the sandbox history ends on this day. */
  now?: string;
  seed?: boolean;
  env?: Record<string, string>;
  config?: Partial<Config>;
  /** E-mail sink (password resets); the default logs and sends nothing. */
  mailer?: Mailer;
  /** Record every answer for the end-of-run OpenAPI check (default true; see openapi-global.ts). */
  record?: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test apps append every HTTP answer they send (openapi-global.ts validates them). */
    responseLogDir: string;
  }
}

function responseLogDir(): string | undefined {
  try {
    return inject('responseLogDir');
  } catch {
    return undefined; // not inside a vitest worker
  }
}

/** Appends every answer the app sends to the run's response log (validated when the run ends). */
export function recordResponses(app: FastifyInstance): void {
  const dir = responseLogDir();
  if (!dir) return;
  const file = join(dir, `${process.pid}.jsonl`);
  app.addHook('onSend', (req, reply, payload, done) => {
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : payload === null || payload === undefined
            ? ''
            : null;
    let testFile: string | undefined;
    try {
      testFile = expect.getState().testPath?.split('/test/').pop();
    } catch {
      testFile = undefined;
    }
    appendFileSync(
      file,
      `${JSON.stringify({
        method: req.method,
        route: req.routeOptions.url ?? null,
        url: req.url.slice(0, 200),
        status: reply.statusCode,
        contentType: String(reply.getHeader('content-type') ?? ''),
        body: body !== null && body.length <= 4_000_000 ? body : null,
        file: testFile,
      })}\n`,
    );
    done(null, payload);
  });
}

/** A full app on a fresh database with the sandbox seed and a test clock. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new TestClock(opts.now ?? '2026-04-04T10:30:00.000Z');
  const config: Config = {
    ...loadConfig({
      OPENDINAR_PUBLIC_URL: 'http://localhost:3000',
      OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'true',
      OPENDINAR_PASSWORD_SCRYPT_COST: TEST_SCRYPT_COST,
      ...opts.env,
    }),
    dispatcherEnabled: false,
    syncIntervalSeconds: 0,
    ...opts.config,
  };
  const box = createSecretBox(randomBytes(32));
  const deps: AppDeps = {
    db: database.handle.db,
    dialect: database.handle.dialect,
    clock,
    config,
    box,
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
  };
  if (opts.seed ?? true) await seedSandbox(deps.db, clock, box);
  const app = await buildApp(deps);
  if (opts.record ?? true) recordResponses(app);
  await app.ready();
  return {
    app,
    deps,
    clock,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
