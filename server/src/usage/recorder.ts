import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import { CompiledQuery } from 'kysely';
import { type Db, type Executor, targetOf } from '../db/index.js';
import type { Environment } from '../http/principals.js';
import { builtWorkerEntry } from '../offload/worker-entry.js';
import type { FromWorker, ToWorker, WorkerTarget } from './worker.js';
import { type Dialect, F, FIELDS, type SqlRunner, writeBatch } from './writer.js';

/** One request to record (tests and scripts; the hook pushes the same fields without an object). */
export type UsageEvent = {
  method: string;
  endpoint: string;
  status: number;
  errorCode: string | null;
  requestId: string;
  at: Date;
  /** For the request log: raw path, latency, the Authorization header sent, the error body sent. */
  log?: { path: string; latencyMs: number; authorization: string | null; errorBody: object | null };
} & (
  | { key: { apiKeyId: string; developerId: string; environment: Environment }; keyHash?: undefined }
  | { key?: undefined; keyHash: string }
);

export interface RecorderOptions {
  /** Flush when this many events are waiting… */
  batchSize: number;
  /** …or this often, whichever comes first. */
  intervalMs: number;
  /** Beyond this many waiting events (database down) the oldest are dropped, so memory stays bounded. */
  maxBuffered: number;
  /** Write on a worker thread with its own database connection (PostgreSQL; else on the main thread). */
  worker: boolean;
  /**
   * Also on an SQLite file (its own connection; its writes wait for the write lock on that thread).
   * Safe beside the main connection because every main-connection transaction begins IMMEDIATE and
   * its single statements retry on SQLITE_BUSY (db/index.ts): a deferred transaction that read
   * before another connection committed would fail with SQLITE_BUSY_SNAPSHOT on its first write.
   */
  sqliteWorker: boolean;
}

export const DEFAULT_RECORDER_OPTIONS: RecorderOptions = {
  batchSize: 500,
  intervalMs: 500,
  maxBuffered: 100_000,
  worker: true,
  sqliteWorker: true,
};

/** Where batches go: written here through Kysely, or handed to the usage worker thread. */
interface BatchSink {
  write(batch: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** SqlRunner over Kysely (the main thread's connection): the fallback when there is no worker. */
function kyselyRunner(db: Executor, dialect: Dialect): SqlRunner {
  return {
    dialect,
    async query(text, params) {
      return (await db.executeQuery(CompiledQuery.raw(text, [...params]))).rows as Array<
        Record<string, unknown>
      >;
    },
    async transaction(fn) {
      if (db.isTransaction) return fn(this);
      await (db as Db).transaction().execute((trx) => fn(kyselyRunner(trx, dialect)));
    },
  };
}

function inlineSink(db: Db, dialect: Dialect): BatchSink {
  const runner = kyselyRunner(db, dialect);
  return { write: (batch) => writeBatch(runner, batch), close: async () => {} };
}

/** The worker's entry: dist/usage-worker.js, or worker.ts through tsx (offload/worker-entry.ts). */
function workerEntry(): URL {
  return builtWorkerEntry(
    new URL('./usage-worker.js', import.meta.url),
    'OPENDINAR_USAGE_WORKER',
    new URL('./worker-tsx.mjs', import.meta.url),
  );
}

/** The database the worker opens on its own: the SQLite file (if asked for), or the PostgreSQL pool's settings. */
function workerTarget(db: Db, sqlite: boolean): WorkerTarget | null {
  const target = targetOf(db);
  if (!target || (target.kind === 'sqlite' && !sqlite)) return null;
  return target;
}

/**
 * The worker-thread sink. A batch is posted as one array (structured clone; nothing per request but
 * its fields) and acknowledged once committed; a worker that dies fails what it held (the recorder
 * keeps those events) and is started afresh on the next write. Referenced only while it holds work,
 * so an idle worker never keeps the process alive.
 */
function workerSink(target: WorkerTarget, log: FastifyBaseLogger): BatchSink {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(workerEntry(), { workerData: target });
    w.on('message', (m: FromWorker) => {
      const p = waiting.get(m.id);
      waiting.delete(m.id);
      if (waiting.size === 0) w.unref();
      if (m.error === undefined) p?.resolve();
      else p?.reject(new Error(m.error));
    });
    w.on('error', (err) => {
      log.warn({ err }, 'usage worker failed; starting a new one on the next flush');
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('usage worker exited'));
    });
    w.unref();
    worker = w;
    return w;
  };
  const send = (make: (id: number) => ToWorker): Promise<void> => {
    const w = start();
    const id = ++nextId;
    return new Promise<void>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.ref();
      w.postMessage(make(id));
    });
  };
  return {
    write: (batch) => send((id) => ({ id, batch })),
    async close() {
      const w = worker;
      if (!w) return;
      await send((id) => ({ id, close: true })).catch(() => {});
      worker = null;
      await w.terminate();
    },
  };
}

/**
 * Buffers recorded requests in memory — FIELDS slots of one flat array each, no object per
 * request — and writes them in batches off the request path, on the usage worker thread (its own
 * database connection; through the main connection only for an in-memory SQLite database or with
 * worker threads off).
 * Flushes never overlap; a batch that fails to write is kept for the next flush.
 */
export class UsageRecorder {
  private buffer: unknown[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private flushQueued = false;
  private readonly sink: BatchSink;
  private readonly batchSlots: number;

  constructor(
    db: Db,
    dialect: Dialect,
    private readonly log: FastifyBaseLogger,
    private readonly options: RecorderOptions = DEFAULT_RECORDER_OPTIONS,
  ) {
    const target = options.worker ? workerTarget(db, options.sqliteWorker) : null;
    this.sink = target ? workerSink(target, log) : inlineSink(db, dialect);
    this.batchSlots = options.batchSize * FIELDS;
  }

  /**
   * Hot path: 13 pushes. `url` null records no request-log row; `keyId` null means
   * `developerOrHash` is the hash of a key to resolve at write time.
   */
  push(
    method: string,
    endpoint: string,
    status: number,
    errorCode: string | null,
    requestId: string,
    atMs: number,
    url: string | null,
    latencyMs: number,
    authorization: string | null,
    keyId: string | null,
    developerOrHash: string,
    environment: string | null,
    errorBody: object | null,
  ): void {
    const b = this.buffer;
    b.push(
      method,
      endpoint,
      status,
      errorCode,
      requestId,
      atMs,
      url,
      latencyMs,
      authorization,
      keyId,
      developerOrHash,
      environment,
      errorBody,
    );
    if (b.length >= this.batchSlots && !this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => void this.flush());
    }
  }

  record(e: UsageEvent): void {
    this.push(
      e.method,
      e.endpoint,
      e.status,
      e.errorCode,
      e.requestId,
      e.at.getTime(),
      e.log?.path ?? null,
      e.log?.latencyMs ?? 0,
      e.log?.authorization ?? null,
      e.key ? e.key.apiKeyId : null,
      e.key ? e.key.developerId : e.keyHash,
      e.key ? e.key.environment : null,
      e.log?.errorBody ?? null,
    );
  }

  /** Requests recorded and not yet handed to a write. */
  get pending(): number {
    return this.buffer.length / FIELDS;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.buffer.length > 0) void this.flush();
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer until the next start(): only flush() or a full batch writes meanwhile (tests). */
  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops the timer, writes whatever is waiting (graceful shutdown) and stops the worker. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    await this.sink.close();
  }

  /** Writes everything recorded so far; resolves when it is in the database (tests call this). */
  flush(): Promise<void> {
    this.flushQueued = false;
    this.chain = this.chain.then(() => this.writeAll());
    return this.chain;
  }

  private takeBatch(): unknown[] {
    if (this.buffer.length <= this.batchSlots) {
      const all = this.buffer;
      this.buffer = [];
      return all;
    }
    return this.buffer.splice(0, this.batchSlots);
  }

  /**
   * Writes what was recorded when this flush began — not what arrives while it writes: those wait
   * for the next tick or a full batch. Chasing them turned steady load into a batch of the few
   * requests of each write's round trip, back to back (~80 small transactions a second at 1,300
   * requests/s, each a commit; session 11).
   */
  private async writeAll(): Promise<void> {
    let left = this.buffer.length;
    while (left > 0 && this.buffer.length > 0) {
      const batch = this.takeBatch();
      left -= batch.length;
      try {
        await this.sink.write(batch);
      } catch (err) {
        // Keep the batch for the next flush unless the buffer is already at its cap.
        const room = (this.options.maxBuffered - this.pending) * FIELDS;
        if (room > 0) this.buffer.unshift(...batch.slice(Math.max(0, batch.length - room)));
        this.log.warn(
          { err, events: batch.length / FIELDS, buffered: this.pending },
          'usage flush failed; will retry',
        );
        return;
      }
    }
  }
}

export { F, FIELDS };
