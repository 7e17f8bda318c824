import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { systemClock } from './clock.js';
import { createDb, schemaOf } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { seedSandbox } from './sandbox/seed.js';
import { createSecretBox } from './secrets.js';
import { fail, loadStartupConfig } from './startup.js';

/**
 * `npm run start:cluster`: OPENDINAR_WORKERS server processes (default one per CPU) sharing one port
 * through node:cluster. The primary prepares the database once (migrations, sandbox seed, the
 * generated secret key on the embedded default) and then only supervises: a worker that dies is
 * replaced; SIGTERM/SIGINT are passed to every worker, which drain and exit (see main.ts), and the
 * primary exits when the last one has. Workers keep no state of their own — sessions, throttles,
 * cursors, the webhook outbox and usage all live in the database — so any of them can answer any
 * request. Use PostgreSQL: SQLite allows one writer at a time, whatever the number of processes.
 */
async function primary(): Promise<void> {
  const { config, key } = loadStartupConfig();
  const handle = createDb(config.database, { poolSize: 1, readPoolSize: 0 });
  try {
    await migrateToLatest(handle.db, { schema: schemaOf(config.database) });
    if (config.seedSandbox) await seedSandbox(handle.db, systemClock, createSecretBox(key));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(
      `cannot use the database (DATABASE_URL, ${config.database.kind}): ${e.code ?? ''} ${e.message}`.trim(),
    );
  } finally {
    await handle.close();
  }

  // Workers run main.ts (main.js when built) with the same Node flags; the seed is done.
  const here = fileURLToPath(import.meta.url);
  cluster.setupPrimary({ exec: here.replace(/cluster\.(ts|js)$/, 'main.$1'), execArgv: process.execArgv });
  const workerEnv = { OPENDINAR_SEED_SANDBOX: 'false', OPENDINAR_SECRET_KEY: key.toString('hex') };
  const count = config.workers ?? 1;
  let stopping = false;
  let restarts = 0;
  const fork = () => cluster.fork(workerEnv);

  cluster.on('listening', (worker, address) => {
    process.stdout.write(
      `opendinar: worker ${worker.id} (pid ${worker.process.pid}) listening on ${address.address}:${address.port}\n`,
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`opendinar: worker ${worker.id} exited (${signal ?? code}); starting another\n`);
    // A worker that cannot start (bad port, database gone) would otherwise be restarted forever.
    if (++restarts > count * 10) fail('workers keep exiting; giving up');
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGTERM'));
  for (let i = 0; i < count; i++) fork();
}

if (cluster.isPrimary) void primary();
