import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { type Db, type Dialect, type Executor, sqliteFileOf } from '../db/index.js';
import type { AppDeps } from '../http/principals.js';
import { hasWriterThread, purgeChunkOffThread } from '../offload/writer.js';
import {
  deleteCountsChunk,
  deleteHistoryChunk,
  HISTORY_DELETION_START,
  type HistoryDeletionPoint,
} from '../transactions/store.js';
import {
  accountLeftToPurge,
  claimPurge,
  deleteEmptyAccount,
  markDataDeleted,
  releasePurgeLease,
  renewPurgeLease,
} from './store.js';

/** A crashed process's lease lapses after this; every chunk renews it. */
export const PURGE_LEASE_MS = 60_000;
/**
 * Rows of each table per chunk transaction. SQLite without a writer thread (OPENDINAR_WORKER_THREADS=0,
 * or an in-memory database): adapted to take about CHUNK_TARGET_MS, since a chunk runs on the main
 * thread and holds the one writer — requests are answered between chunks, and on a busy machine
 * chunks shrink (the deletion is background work; requests come first).
 * PostgreSQL: a fixed PG_CHUNK_ROWS; the event loop only waits on the network there, and sizing by
 * time would shrink chunks to nothing on round-trip latency alone (20-row chunks: 450 rows/s).
 */
const PG_CHUNK_ROWS = 2000;
const CHUNK_TARGET_MS = 5;
const CHUNK_MIN_ROWS = 20;
const CHUNK_MAX_ROWS = 5000;
const CHUNK_FIRST_ROWS = 200;
/**
 * SQLite with a writer thread (offload/writer.ts): the chunks run there, on its own
 * connection, so the event loop is never blocked by them and reads (WAL) never wait; only another
 * write waits for a chunk's commit (asynchronously). Sized to ~OFF_THREAD_TARGET_MS each: most of a
 * row's cost is the random index pages it dirties (its id and bank id), written again by every
 * chunk that touches them — bigger chunks write each page fewer times.
 */
const OFF_THREAD_TARGET_MS = 100;
const OFF_THREAD_MIN_ROWS = 500;
const OFF_THREAD_MAX_ROWS = 20_000;
const OFF_THREAD_FIRST_ROWS = 2000;
/** How often a process looks for deletions left by another one (or by a crash). */
const POLL_MS = 30_000;

export type PurgeDeps = Pick<AppDeps, 'db' | 'dialect' | 'clock'>;

export interface PurgeProgress {
  /** Connections whose data this call finished deleting. */
  connections: number;
  transactions: number;
  changes: number;
}

/**
 * Deletes the data of revoked connections (DELETE /connections/:id only hides it), one connection at
 * a time, in chunks of short transactions. Each connection is claimed with a lease, renewed by every
 * chunk, so several processes share the work without doing the same connection twice, and work a
 * crashed process left is picked up once its lease lapses; every step is idempotent. Returns when
 * nothing is left to delete (or `shouldStop` says so: the lease is then given back).
 * An error (the database failing) propagates with the lease kept, as a crash would leave it.
 */
export async function purgeRevokedConnections(
  deps: PurgeDeps,
  opts: { shouldStop?: () => boolean } = {},
): Promise<PurgeProgress> {
  const { db, clock } = deps;
  const progress: PurgeProgress = { connections: 0, transactions: 0, changes: 0 };
  const leaseFrom = (now: Date) => new Date(now.getTime() + PURGE_LEASE_MS).toISOString();
  const adaptive = deps.dialect === 'sqlite';
  // SQLite: on the writer thread's own connection when there is one (a file database, worker threads on).
  const file = adaptive && hasWriterThread() ? sqliteFileOf(db) : undefined;
  let rows = adaptive ? (file !== undefined ? OFF_THREAD_FIRST_ROWS : CHUNK_FIRST_ROWS) : PG_CHUNK_ROWS;
  for (;;) {
    if (opts.shouldStop?.()) return progress;
    const now = clock.now();
    let lease = leaseFrom(now);
    const claimed = await claimPurge(db, deps.dialect, { nowIso: now.toISOString(), untilIso: lease });
    if (!claimed) return progress;
    let connectionId = claimed.id;
    let point: PurgePoint | undefined;
    for (;;) {
      if (opts.shouldStop?.()) {
        await releasePurgeLease(db, connectionId, lease);
        return progress;
      }
      const at = clock.now();
      const next = leaseFrom(at);
      const chunk: PurgeChunkInput = {
        connectionId,
        lease,
        next,
        nowIso: at.toISOString(),
        rows,
        point: point ?? null,
        dialect: deps.dialect,
      };
      const started = performance.now();
      const r = await ((file !== undefined ? purgeChunkOffThread(file, chunk) : undefined) ??
        purgeChunkTransaction(db, chunk));
      progress.changes += r.changes;
      progress.transactions += r.transactions;
      progress.connections += r.finished;
      point = r.point ?? undefined;
      // The chunk may have finished this connection and gone on to another (leased until `next`).
      connectionId = r.connectionId;
      lease = next;
      if (adaptive) {
        // Halved or doubled at most per step, towards the target time a chunk.
        const [target, min, max] =
          file !== undefined
            ? [OFF_THREAD_TARGET_MS, OFF_THREAD_MIN_ROWS, OFF_THREAD_MAX_ROWS]
            : [CHUNK_TARGET_MS, CHUNK_MIN_ROWS, CHUNK_MAX_ROWS];
        // Fitted to the chunk's own time (r.ms), with a target off the thread of at least its wait for
        // the writer: one chunk per pass of a queue of exchanges left the deletion a sliver of the
        // thread (~6 connections a second deleted against 20–30 revoked, the mixed bench), so it gets
        // about half while that queue is long. (Counting the wait as work shrank chunks to the minimum.)
        const waited = file !== undefined ? performance.now() - started - r.ms : 0;
        const ideal = (rows * Math.max(target, waited)) / Math.max(r.ms, 0.1);
        rows = Math.round(Math.min(max, rows * 2, Math.max(min, rows / 2, ideal)));
      }
      // 'done': nothing of ours is left half-deleted; 'lost': another process took over after our
      // lease lapsed and finishes that one. Either way, claim afresh.
      if (r.step !== 'more') break;
      // Back to back: one statement of the deletion in flight at a time is at most one database
      // backend (PostgreSQL) or the writer thread's share (SQLite, sized above). Session 12 rested on
      // PostgreSQL as long as each chunk took, when the count triggers made a chunk's statements
      // expensive (sequential scans); since migration 0023 most of a chunk is round trips, and the
      // rest only let the backlog grow (README "Session 13").
      await yieldToEventLoop();
    }
  }
}

/** Where a connection's deletion stands: the account being deleted and the point reached in it. */
export interface PurgePoint {
  accountId: string;
  at: HistoryDeletionPoint;
}

export interface PurgeChunkInput {
  connectionId: string;
  /** The lease we hold, and the one to renew it to. */
  lease: string;
  next: string;
  nowIso: string;
  /** The chunk's budget: rows of each table (transactions, change log, day and month counts) it may delete. */
  rows: number;
  point: PurgePoint | null;
  dialect: Dialect;
}

export interface PurgeChunkResult {
  /**
   * 'more': `connectionId` is part-deleted, leased until the input's `next`; 'done': nothing is
   * held (every connection it worked on is finished, and none was left to take); 'lost': the
   * input's lease was not ours any more.
   */
  step: 'lost' | 'done' | 'more';
  /** The connection the chunk ended on (step 'more'). */
  connectionId: string;
  /** Connections whose deletion it finished. */
  finished: number;
  changes: number;
  transactions: number;
  point: PurgePoint | null;
}

/** A chunk's result with how long its transaction took, ms (what the adaptive chunk size is fitted to). */
export type TimedPurgeChunkResult = PurgeChunkResult & { ms: number };

/** A chunk in a transaction of its own, timed (the time the adaptive chunk size is fitted to). */
export async function purgeChunkTransaction(db: Db, chunk: PurgeChunkInput): Promise<TimedPurgeChunkResult> {
  const started = performance.now();
  const r = await db.transaction().execute((trx) => purgeChunk(trx, chunk));
  return { ...r, ms: performance.now() - started };
}

/** Steps without a deleted row (an account found empty, a connection finished) a chunk may take. */
const MAX_EMPTY_STEPS = 1000;

/**
 * One chunk of revoked connections' deletion, in the caller's transaction (on the main thread, or on
 * the SQLite writer thread: offload/worker.ts). Plain data in and out, so it crosses threads.
 * It deletes up to `rows` rows of each table: when a connection is finished with budget to spare it
 * takes the next one (with a lease until `next`) in the same transaction — a connection is a few
 * hundred rows, and one round trip each through a busy writer queue deleted ~1 connection a second
 * while users revoked thirty (the mixed bench).
 */
export async function purgeChunk(trx: Executor, c: PurgeChunkInput): Promise<PurgeChunkResult> {
  // First: proves the lease is still ours (and, on PostgreSQL, locks the connection row).
  if (!(await renewPurgeLease(trx, c.connectionId, c.lease, c.next))) {
    return {
      step: 'lost',
      connectionId: c.connectionId,
      finished: 0,
      changes: 0,
      transactions: 0,
      point: c.point,
    };
  }
  let connectionId = c.connectionId;
  let point = c.point;
  let budget = c.rows;
  let finished = 0;
  let changes = 0;
  let transactions = 0;
  const result = (step: PurgeChunkResult['step']): PurgeChunkResult => ({
    step,
    connectionId,
    finished,
    changes,
    transactions,
    point,
  });
  // The day and month counts are a table of their own, with a budget of their own (`rows`): a sandbox
  // account has about as many count rows as transactions, and charged to one budget they halved the
  // history a chunk deleted (SQLite's chunks are capped: the deletion fell behind the mixed bench).
  let countBudget = c.rows;
  for (let empty = 0; budget > 0 && countBudget > 0 && empty < MAX_EMPTY_STEPS; ) {
    const accountId = await accountLeftToPurge(trx, connectionId);
    if (accountId === undefined) {
      await markDataDeleted(trx, connectionId, c.nowIso);
      finished += 1;
      empty += 1;
      point = null;
      // The next one, leased as ours until `next` (the claim's conditions hold it against others).
      const claimed = await claimPurge(trx, c.dialect, { nowIso: c.nowIso, untilIso: c.next });
      if (!claimed) return result('done');
      connectionId = claimed.id;
      continue;
    }
    const from = point?.accountId === accountId ? point.at : HISTORY_DELETION_START;
    const asked = budget;
    const n = await deleteHistoryChunk(trx, accountId, asked, from);
    changes += n.changes;
    transactions += n.transactions;
    budget -= Math.max(n.changes, n.transactions);
    point = { accountId, at: n.next };
    if (n.changes === asked || n.transactions === asked) continue; // more of its history (budget spent)
    // Under the limit: nothing is left after the point. Nothing writes to a revoked connection's
    // accounts, but before the account row goes, a pass from the start must have found its end
    // (one more pass if this one started from a point).
    if (from !== HISTORY_DELETION_START) {
      if (n.changes + n.transactions === 0) empty += 1;
      point = null;
      continue;
    }
    // Its history is gone: its day and month counts (left as they were while its history went:
    // migration 0023), then the row. Each step is a round trip through a busy database, so a small
    // account (most of them) takes one of each.
    const counts = await deleteCountsChunk(trx, accountId, countBudget);
    if (n.changes + n.transactions + counts === 0) empty += 1;
    if (counts === countBudget) {
      countBudget = 0; // the counts' own budget spent: the next chunk carries on from here
      point = { accountId, at: HISTORY_DELETION_START };
      continue;
    }
    countBudget -= counts;
    await deleteEmptyAccount(trx, accountId);
    point = null;
  }
  return result('more');
}

export interface RevocationPurger {
  /** Start a pass now (a revocation in this process); a pass already running goes round again. */
  kick(): void;
  /** Resolves once no pass is running or asked for. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * This process's deletion job: a pass at start-up (work a crash or a restart left), after every
 * revocation made here, and every POLL_MS (revocations made by processes that stopped since).
 */
export function startRevocationPurger(deps: PurgeDeps, log: FastifyBaseLogger): RevocationPurger {
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;

  const kick = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const p = await purgeRevokedConnections(deps, { shouldStop: () => stopped });
          if (p.connections > 0 || p.transactions > 0)
            log.info({ purge: p }, 'deleted revoked connections’ data');
        } catch (err) {
          log.error({ err }, 'deleting revoked connections’ data failed; retried on the next pass');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const timer = setInterval(kick, POLL_MS);
  timer.unref();
  kick();
  return {
    kick,
    async settled() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's deletion of revoked connections' data; null where background jobs are off. */
    revocationPurger: RevocationPurger | null;
  }
}

/**
 * Runs the deletion job in this process where the other background jobs run (OPENDINAR_DISPATCHER;
 * tests leave it off and drive purgeRevokedConnections by hand).
 */
export function registerRevocationPurger(app: FastifyInstance): void {
  app.decorate('revocationPurger', null);
  if (!app.deps.config.dispatcherEnabled) return;
  app.addHook('onReady', async () => {
    app.revocationPurger = startRevocationPurger(app.deps, app.log);
  });
  // onClose runs before the database is closed: a chunk in flight commits on an open handle.
  app.addHook('onClose', async () => {
    await app.revocationPurger?.stop();
  });
}
