import closeWithGrace from 'close-with-grace';
import { sql } from 'kysely';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { createDb, schemaOf, sqliteFileOf, targetOf } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { checkpointOnWriterThread, startWriter, stopWriters } from './offload/writer.js';
import { seedSandbox } from './sandbox/seed.js';
import { createSecretBox } from './secrets.js';
import { fail, loadStartupConfig } from './startup.js';

async function main(): Promise<void> {
  const { config, key } = loadStartupConfig();
  const handle = createDb(config.database, { readPoolSize: config.pgReadPool });
  try {
    await migrateToLatest(handle.db, { schema: schemaOf(config.database) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(
      `cannot use the database (DATABASE_URL, ${config.database.kind}): ${e.code ?? ''} ${e.message}`.trim(),
    );
  }
  // The exchange writes on the writer thread: started now (its connection opened after the
  // migrations), not on the first exchange. Not awaited: it readies while we start.
  const sqliteFile = sqliteFileOf(handle.db);
  const target = targetOf(handle.db);
  // On SQLite, once it runs, it also takes over the WAL checkpoints from the main connection (writer.ts).
  const writerReady = target
    ? startWriter(target)
        .then(async (started) => {
          if (started && sqliteFile && checkpointOnWriterThread(sqliteFile)) {
            await sql`pragma wal_autocheckpoint = 0`.execute(handle.db);
          }
          return started;
        })
        .catch(() => false)
    : undefined;
  const box = createSecretBox(key);
  const clock = systemClock;
  if (config.seedSandbox) await seedSandbox(handle.db, clock, box);

  const app = await buildApp(
    { db: handle.db, dialect: handle.dialect, clock, config, box },
    // buildApp adds the redaction and URL scrubbing (http/logging.ts).
    { logger: { level: config.logLevel } },
  );

  // SIGTERM/SIGINT: /readyz answers 503 for OPENDINAR_DRAIN_SECONDS while requests are still served (the
  // load balancer stops sending); then every request that reached us is answered (new ones get 503 +
  // Connection: close) until quiet; then stop accepting, stop background work and close the database.
  const drainMs = (config.drainSeconds ?? 0) * 1000;
  closeWithGrace({ delay: drainMs + 20_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    app.startDraining();
    if (!err) {
      if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
      await app.drainRequests({ quietMs: config.shutdownQuietMs, maxMs: 15_000 });
    }
    await app.close();
    await writerReady;
    await stopWriters();
    await handle.close();
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    fail(`cannot listen on ${config.host}:${config.port} (PORT/HOST): ${(err as Error).message}`);
  }
}

void main();
