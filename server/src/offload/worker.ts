// The worker-thread side of the CPU pool (offload/pool.ts) and of the writer thread
// (offload/writer.ts). The CPU tasks are pure functions of their arguments, so a task gives
// the same answer here as on the main thread. Bundled as dist/offload-worker.js.

import { workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { type Exchanged, type ExchangeWrite, storeExchange } from '../connect/exchange.js';
import { categorizeProfile } from '../connections/materialize.js';
import {
  type PurgeChunkInput,
  purgeChunkTransaction,
  type TimedPurgeChunkResult,
} from '../connections/purge.js';
import { profileFromRecipe } from '../connectors/sandbox/connector.js';
import {
  type GeneratedProfile,
  type GenerateOptions,
  generateSandboxProfile,
} from '../connectors/sandbox/generate.js';
import { type DbHandle, type DbTarget, openTarget } from '../db/index.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import { lowerWorkerThreadPriority } from './priority.js';
import type { ExchangeWriteInput, WriterThreadData } from './writer.js';

// Requests on the event loop come first where the cores are busy (offload/priority.ts); the
// PostgreSQL writer thread by default (writer.ts PG_WRITER_NICE).
lowerWorkerThreadPriority(process.env, (workerData as WriterThreadData | undefined)?.nice ?? 0);

/** A sandbox bank's deterministic history (the sandbox connector's import). */
export function sandboxProfile(opts: GenerateOptions): GeneratedProfile {
  return generateSandboxProfile(opts);
}

/** Categories for transactions that arrived without one, in order. */
export function categorize(input: { descriptions: string[]; amounts: number[] }): string[] {
  return input.descriptions.map((description, i) =>
    categorizeTransaction({ description, amount: input.amounts[i] as number }),
  );
}

// The writer thread's connections, by target (one in a server; tests open many in turn, so only the
// latest few stay open). PostgreSQL: a pool for the exchanges in flight at once (writer.ts).
const connections = new Map<string, DbHandle>();

function connectionTo(target: DbTarget): DbHandle {
  const id = JSON.stringify(target);
  let handle = connections.get(id);
  if (handle) return handle;
  handle = openTarget(target, (workerData as WriterThreadData | undefined)?.pgConnections ?? 1);
  connections.set(id, handle);
  if (connections.size > 4) {
    const [oldest, h] = connections.entries().next().value as [string, DbHandle];
    connections.delete(oldest);
    void h.close();
  }
  return handle;
}

/** Opens this thread's connection to `target` ahead of the first task (writer.ts, at boot). */
export async function writerOpen(input: { target: DbTarget }): Promise<boolean> {
  const { db, dialect } = connectionTo(input.target);
  // PostgreSQL: connect one client now, not in the first exchange.
  if (dialect === 'postgres') await sql`select 1`.execute(db);
  return true;
}

/** A PASSIVE WAL checkpoint on this thread's connection (writer.ts checkpointOnWriterThread). */
export async function walCheckpoint(input: { target: DbTarget }): Promise<void> {
  const { db } = connectionTo(input.target);
  await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
}

/** An exchange's write transaction for a new connection, on this thread's own connection. */
export async function exchangeWrite(input: {
  target: DbTarget;
  write: ExchangeWriteInput;
}): Promise<Exchanged | undefined> {
  const { db } = connectionTo(input.target);
  const { recipe, profile, ...rest } = input.write;
  // Generated (a sandbox bank) and categorised here (inline: no pool inside a worker), before the
  // transaction takes the lock.
  const fetched = recipe ? profileFromRecipe(recipe) : (profile as ExchangeWrite['profile']);
  const write: ExchangeWrite = { ...rest, profile: await categorizeProfile(fetched) };
  // The instants written are the request's own: the main thread took them from its clock.
  const clock = { now: () => new Date(input.write.nowIso) };
  try {
    return await db.transaction().execute((trx) => storeExchange(trx, clock, write, { newOnly: true }));
  } catch (e) {
    // A plain Error crosses the thread boundary with its message and code intact.
    const err = e as { message?: string; code?: string };
    throw Object.assign(new Error(`${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}`), {
      code: err.code,
    });
  }
}

/** One chunk of a revoked connection's deletion (connections/purge.ts), on this thread's own connection. */
export async function purgeChunk(input: {
  target: DbTarget;
  chunk: PurgeChunkInput;
}): Promise<TimedPurgeChunkResult> {
  const { db } = connectionTo(input.target);
  try {
    return await purgeChunkTransaction(db, input.chunk);
  } catch (e) {
    const err = e as { message?: string; code?: string };
    throw Object.assign(new Error(`${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}`), {
      code: err.code,
    });
  }
}
