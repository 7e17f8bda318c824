import { Piscina } from 'piscina';
import { workerThreadsFrom } from '../config.js';
import type { Exchanged, ExchangeWrite } from '../connect/exchange.js';
import type { PurgeChunkInput, PurgeChunkResult } from '../connections/purge.js';
import type { ProfileRecipe } from '../connectors/types.js';
import { workerEntry } from './pool.js';

/**
 * The SQLite writer thread: one worker thread with its own better-sqlite3 connection to the same
 * WAL file, which runs an exchange's whole write transaction (claim the token, store connection,
 * accounts and history, enqueue the webhook event — all-or-nothing, exactly once: the claim is the
 * transaction's first statement, as on the main thread). Meanwhile the main thread keeps answering
 * reads on its own connections; a main-thread write waits (busy_timeout) only for the commit.
 *
 * A pool of its own, apart from the CPU pool (offload/pool.ts): a main-thread transaction may await
 * a CPU task while holding the write lock, and that task must never queue behind a write task
 * waiting for the same lock. Off with OPENDINAR_WORKER_THREADS=0 (the main thread writes).
 *
 * Started at boot (startSqliteWriter, main.ts) so the first exchange does not pay the thread's start
 * (loading the bundle and opening the connection); else on first use.
 */
let writer: Piscina | null | undefined;

function writerOf(): Piscina | null {
  if (writer !== undefined) return writer;
  writer =
    workerThreadsFrom(process.env) === 0
      ? null
      : new Piscina({
          filename: workerEntry().filename,
          minThreads: 1,
          maxThreads: 1,
          // Writes are serialised by SQLite anyway; more in flight would only wait for the lock.
          concurrentTasksPerWorker: 1,
          idleTimeout: 60_000,
        });
  return writer;
}

/**
 * Starts the writer thread and opens its connection to `path` now (main.ts, after migrations, on an
 * SQLite file). Resolves once it is ready; false when there is no writer thread.
 */
export async function startSqliteWriter(path: string): Promise<boolean> {
  const w = writerOf();
  if (!w) return false;
  await w.run({ path }, { name: 'writerOpen' });
  return true;
}

let checkpoints: NodeJS.Timeout | null = null;

/**
 * WAL checkpoints on the writer thread, every `everyMs`, instead of on whichever connection's commit
 * finds the WAL past `wal_autocheckpoint` pages — most often the main connection's (a usage batch,
 * a connect step: it commits most often), where copying thousands of pages into the database file
 * and its fsync held the event loop for tens of milliseconds at a time under the mixed load. main.ts
 * turns the main connection's automatic checkpoints off once this is running. A PASSIVE checkpoint
 * waits for no reader and no writer (it copies what it can); one finding nothing new costs
 * microseconds. False when there is no writer thread (the main connection keeps checkpointing).
 */
export function checkpointOnWriterThread(path: string, everyMs = 1000): boolean {
  const w = writerOf();
  if (!w) return false;
  checkpoints ??= setInterval(() => {
    // Behind an exchange in progress (one task at a time): the next tick tries again.
    if (w.queueSize === 0) void w.run({ path }, { name: 'walCheckpoint' }).catch(() => {});
  }, everyMs);
  checkpoints.unref();
  return true;
}

/** Stops the writer thread (after the last request: main.ts's shutdown); a later use starts a new one. */
export async function stopSqliteWriter(): Promise<void> {
  if (checkpoints) clearInterval(checkpoints);
  checkpoints = null;
  const w = writer;
  writer = undefined;
  await w?.destroy();
}

let done = 0;
/** Exchange transactions the writer thread has run (committed or not) in this process — for tests. */
export const writerThreadExchanges = (): number => done;

/**
 * What the writer thread stores: the profile the bank returned, or — for a bank that is pure
 * computation (the sandbox) — the recipe it makes the profile from there, so a sandbox exchange is
 * one hop to one thread (generate, categorise, write) instead of two.
 */
export type ExchangeWriteInput = Omit<ExchangeWrite, 'profile'> &
  (
    | { profile: ExchangeWrite['profile']; recipe?: undefined }
    | { recipe: ProfileRecipe; profile?: undefined }
  );

/**
 * storeExchange (connect/exchange.ts) for a new connection, in one transaction on the writer
 * thread's connection to `path`; undefined when there is no writer thread (run it on the main thread).
 */
export function storeExchangeOffThread(
  path: string,
  write: ExchangeWriteInput,
): Promise<Exchanged | undefined> | undefined {
  const w = writerOf();
  if (!w) return undefined;
  const task = w.run({ path, write }, { name: 'exchangeWrite' }) as Promise<Exchanged | undefined>;
  return task.finally(() => {
    done += 1;
  });
}

/** True when this process has a writer thread (OPENDINAR_WORKER_THREADS is not 0). */
export const hasWriterThread = (): boolean => writerOf() !== null;

/**
 * One chunk of a revoked connection's deletion (connections/purge.ts purgeChunk) in one transaction
 * on the writer thread's connection to `path`; undefined when there is no writer thread.
 */
export function purgeChunkOffThread(
  path: string,
  chunk: PurgeChunkInput,
): Promise<PurgeChunkResult> | undefined {
  const w = writerOf();
  if (!w) return undefined;
  return w.run({ path, chunk }, { name: 'purgeChunk' }) as Promise<PurgeChunkResult>;
}
