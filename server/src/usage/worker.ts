// The usage worker thread (usage/recorder.ts starts it): writes the recorder's batches on a database
// connection of its own, so the main thread only hands a batch over. Bundled as dist/usage-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DbTarget } from '../db/index.js';
import { lowerWorkerThreadPriority } from '../offload/priority.js';
import { betterSqliteRunner, pgClientRunner, type SqlRunner, writeBatch } from './writer.js';

export type WorkerTarget = DbTarget;

export type ToWorker = { id: number; batch: unknown[] } | { id: number; close: true };
export type FromWorker = { id: number; error?: string };

// Requests on the event loop come first where the cores are busy (offload/priority.ts).
lowerWorkerThreadPriority();

const target = workerData as WorkerTarget;
pg.types.setTypeParser(20, (v) => Number(v));

let current: { runner: SqlRunner; close(): Promise<void> } | null = null;

async function open(): Promise<{ runner: SqlRunner; close(): Promise<void> }> {
  if (current) return current;
  if (target.kind === 'sqlite') {
    const conn = new SQLite(target.path, { fileMustExist: true });
    // Waiting for the write lock blocks only this thread; per connection, as createDb sets them.
    conn.pragma('busy_timeout = 5000');
    conn.pragma('synchronous = NORMAL');
    conn.pragma('wal_autocheckpoint = 10000');
    current = { runner: betterSqliteRunner(conn), close: async () => void conn.close() };
    return current;
  }
  const client = new pg.Client({
    ...(target.config ?? {}),
    ...(target.connectionString ? { connectionString: target.connectionString } : {}),
    ...(target.options ? { options: target.options } : {}),
  });
  // A lost connection must not kill the thread: the next batch opens a new one.
  client.on('error', () => {
    if (current?.runner === runner) current = null;
  });
  await client.connect();
  const runner = pgClientRunner(client);
  current = { runner, close: () => client.end() };
  return current;
}

let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (m: ToWorker) => {
  chain = chain.then(async () => {
    if ('close' in m) {
      await current?.close().catch(() => {});
      current = null;
      parentPort?.postMessage({ id: m.id } satisfies FromWorker);
      return;
    }
    try {
      const c = await open();
      try {
        await writeBatch(c.runner, m.batch);
      } catch (err) {
        // PostgreSQL: a broken connection is replaced for the next batch.
        if (target.kind === 'postgres') {
          current = null;
          await c.close().catch(() => {});
        }
        throw err;
      }
      parentPort?.postMessage({ id: m.id } satisfies FromWorker);
    } catch (err) {
      parentPort?.postMessage({
        id: m.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies FromWorker);
    }
  });
});
