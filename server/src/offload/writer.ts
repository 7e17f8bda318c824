import { Piscina } from 'piscina';
import { pgWriterConnectionsFrom, workerThreadsFrom } from '../config.js';
import type { Exchanged, ExchangeWrite } from '../connect/exchange.js';
import type { PurgeChunkInput, TimedPurgeChunkResult } from '../connections/purge.js';
import type { ProfileRecipe } from '../connectors/types.js';
import type { DbTarget } from '../db/index.js';
import { workerEntry } from './pool.js';

/**
 * The writer thread: one worker thread with database connections of its own, which runs an
 * exchange's whole write transaction for a new connection (claim the token, store connection,
 * accounts and history, enqueue the webhook event — all-or-nothing, exactly once: the claim is the
 * transaction's first statement, as on the main thread) — for the sandbox bank after generating and
 * categorising the history there too. Meanwhile the main thread keeps answering requests: building
 * and sending a year of history's INSERTs is ~15 ms of CPU per exchange, which on the event loop
 * every request behind it waited for.
 * - SQLite: one connection to the same WAL file, one task at a time (SQLite serialises writes
 *   anyway); a main-thread write waits (asynchronously, db/index.ts) only for the commit.
 * - PostgreSQL: a pool of OPENDINAR_PG_WRITER_CONNECTIONS (default 1) of its own, as many exchanges
 *   in flight at once (the claim's row lock keeps a token exchanged once across them), on a thread at
 *   nice PG_WRITER_NICE (5) unless OPENDINAR_WORKER_NICE says otherwise: it holds no lock a request on
 *   the event loop waits for, so where the cores are busy the requests run first and the exchanges
 *   take what is left. One at a time, not two (session 11): an exchange is ~20 ms of the database's
 *   CPU (the history's rows, their four indexes, the day and month counts, the change log) besides
 *   this thread's ~15 ms; with two in flight the database took a whole core under the mixed load, and
 *   with one the reads' worst p99 at 32 clients fell 71 → 44 and 66 → 46 ms in paired runs (exchange
 *   p50 +6–7 %, fewer flows completed; README "Session 11").
 *
 * A pool of its own, apart from the CPU pool (offload/pool.ts): a main-thread transaction may await
 * a CPU task while holding the write lock, and that task must never queue behind a write task
 * waiting for the same lock. Off with OPENDINAR_WORKER_THREADS=0 (the main thread writes).
 *
 * Started at boot (startWriter, main.ts) so the first exchange does not pay the thread's start
 * (loading the bundle and opening the connection); else on first use.
 */

/**
 * The PostgreSQL writer thread's default nice value (offload/priority.ts). 5, not session 9's 10:
 * at 10 the thread got about a tenth of a busy core's share, and on a loaded machine the exchanges
 * queued behind one another for seconds (a new connection's exchange 3–5× slower at the median);
 * the reads' own queueing on the main pool is gone instead (db/index.ts readPoolOf). README,
 * "Session 10".
 */
export const PG_WRITER_NICE = 5;

/** What a writer thread is started with (piscina's workerData). */
export interface WriterThreadData {
  nice: number;
  /** PostgreSQL: the size of the thread's pool (OPENDINAR_PG_WRITER_CONNECTIONS). */
  pgConnections: number;
}

const writers = new Map<DbTarget['kind'], Piscina | null>();

function writerOf(kind: DbTarget['kind']): Piscina | null {
  let w = writers.get(kind);
  if (w !== undefined) return w;
  const pgConnections = pgWriterConnectionsFrom(process.env);
  const concurrent = kind === 'sqlite' ? 1 : pgConnections;
  w =
    workerThreadsFrom(process.env) === 0
      ? null
      : new Piscina({
          filename: workerEntry().filename,
          minThreads: 1,
          maxThreads: 1,
          // SQLite: writes are serialised anyway; more in flight would only wait for the lock.
          concurrentTasksPerWorker: concurrent,
          workerData: {
            nice: kind === 'postgres' ? PG_WRITER_NICE : 0,
            pgConnections,
          } satisfies WriterThreadData,
          idleTimeout: 60_000,
        });
  writers.set(kind, w);
  return w;
}

/**
 * Starts the writer thread and opens its connection to `target` now (main.ts, after migrations).
 * Resolves once it is ready; false when there is no writer thread.
 */
export async function startWriter(target: DbTarget): Promise<boolean> {
  const w = writerOf(target.kind);
  if (!w) return false;
  await w.run({ target }, { name: 'writerOpen' });
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
  const w = writerOf('sqlite');
  if (!w) return false;
  checkpoints ??= setInterval(() => {
    // Behind an exchange in progress (one task at a time): the next tick tries again.
    if (w.queueSize === 0)
      void w.run({ target: { kind: 'sqlite', path } }, { name: 'walCheckpoint' }).catch(() => {});
  }, everyMs);
  checkpoints.unref();
  return true;
}

/** Stops the writer threads (after the last request: main.ts's shutdown); a later use starts new ones. */
export async function stopWriters(): Promise<void> {
  if (checkpoints) clearInterval(checkpoints);
  checkpoints = null;
  const all = [...writers.values()];
  writers.clear();
  await Promise.all(all.map((w) => w?.destroy()));
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
 * thread's connection to `target`; undefined when there is no writer thread (run it on the main thread).
 */
export function storeExchangeOffThread(
  target: DbTarget,
  write: ExchangeWriteInput,
): Promise<Exchanged | undefined> | undefined {
  const w = writerOf(target.kind);
  if (!w) return undefined;
  const task = w.run({ target, write }, { name: 'exchangeWrite' }) as Promise<Exchanged | undefined>;
  return task.finally(() => {
    done += 1;
  });
}

/** True when this process has a writer thread (OPENDINAR_WORKER_THREADS is not 0). */
export const hasWriterThread = (): boolean => writerOf('sqlite') !== null;

/**
 * One chunk of a revoked connection's deletion (connections/purge.ts purgeChunk) in one transaction
 * on the writer thread's connection to the SQLite file `path`; undefined when there is no writer
 * thread. (On PostgreSQL the chunks are DELETE statements the database works on: nothing to move.)
 */
export function purgeChunkOffThread(
  path: string,
  chunk: PurgeChunkInput,
): Promise<TimedPurgeChunkResult> | undefined {
  const w = writerOf('sqlite');
  if (!w) return undefined;
  return w.run(
    { target: { kind: 'sqlite', path }, chunk },
    { name: 'purgeChunk' },
  ) as Promise<TimedPurgeChunkResult>;
}
