import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { SearchPathPostgresDialect } from './pg-introspector.js';
import { useNamedStatements } from './pg-named.js';
import type { Database } from './schema.js';
import { attachReader } from './sqlite-reader.js';
import { type KyselyStatement, withFastRows } from './sqlite-rows.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Trx;
export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// BIGINT (int8) and COUNT(*) come back from pg as strings; money and counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Kysely prepares every query afresh; preparing costs about as much as running a small indexed
 * query, so reuse statements by SQL text (queries are parameterised, so the set of texts is small).
 * Kysely runs one statement at a time on its single SQLite connection, so sharing them is safe.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, KyselyStatement>();
  return {
    prepare(text: string): KyselyStatement {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = withFastRows(sqlite.prepare(text));
        if (cache.size >= 1000) cache.clear(); // bulk inserts vary in text; keep the cache bounded
        cache.set(text, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

/**
 * How long a write waits for another connection's write lock before failing (SQLITE_BUSY), ms. The
 * wait is asynchronous, so it costs the event loop nothing; on a starved machine (load average 19 on
 * 2 cores) a 30 s mixed-load round at 128 clients had 11 failed calls with a 5 s limit here.
 */
const BUSY_WAIT_MS = 30_000;

const isBusy = (err: unknown): boolean =>
  typeof (err as { code?: unknown })?.code === 'string' &&
  ((err as { code: string }).code === 'SQLITE_BUSY' ||
    (err as { code: string }).code.startsWith('SQLITE_BUSY_'));

/**
 * The connection Kysely runs statements on, waiting for another connection's write lock
 * asynchronously: the connection's own busy_timeout is 0, and a statement refused with
 * SQLITE_BUSY (which then had no effect) is tried again after a short timer, for up to
 * BUSY_WAIT_MS. better-sqlite3's busy handler would instead sleep inside the call — on the main
 * thread that stops the event loop for as long as the other connection (the exchange's writer
 * thread, offload/writer.ts; the rate-limit store) holds the lock.
 */
class BusyRetryConnection implements DatabaseConnection {
  constructor(private readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const started = Date.now();
    for (let wait = 1; ; wait = Math.min(wait * 2, 16)) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (err) {
        if (!isBusy(err) || Date.now() - started > BUSY_WAIT_MS) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Every SQLite transaction here writes, and other connections write the same file: BEGIN IMMEDIATE
 * takes the write lock up front (waiting as above for another writer to finish). A deferred BEGIN
 * whose first statement reads would instead fail with SQLITE_BUSY when another connection commits
 * in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  #connection: BusyRetryConnection | undefined;

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    this.#connection ??= new BusyRetryConnection(inner);
    return this.#connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export interface CreateDbOptions {
  /** PostgreSQL schema to use as search_path (tests use one schema each). */
  schema?: string;
  poolSize?: number;
  /**
   * PostgreSQL: connections of a second pool kept for the hot single-statement reads outside a
   * transaction (db/prepared.ts: key lookup, account scoping, the transactions page, balances, usage
   * figures), so they never queue behind the connect/authorize/revoke flows' transactions, a revoked
   * connection's deletion or anything else holding the main pool's connections. 0: one pool for all.
   * Default: OPENDINAR_PG_READ_POOL, else 0.
   */
  readPoolSize?: number;
  /** How long a query waits for a free pool connection before failing (503 to the client). */
  connectionTimeoutMs?: number;
}

export function createDb(config: DatabaseConfig, options: CreateDbOptions = {}): DbHandle {
  if (config.kind === 'sqlite') {
    if (config.path !== ':memory:') {
      mkdirSync(dirname(config.path), { recursive: true, mode: 0o700 });
      // Created owner-only (0600) before SQLite opens it; SQLite gives -wal and -shm the same mode.
      closeSync(openSync(config.path, 'a', 0o600));
    }
    const sqlite = new SQLite(config.path);
    // WAL: readers never block the writer; NORMAL sync is durable across process crashes (kill -9).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // 0: a write that finds another connection's lock waits asynchronously (BusyRetryConnection).
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('foreign_keys = ON');
    // Checkpoint (and fsync) less often: a busy server appends usage rows continuously.
    sqlite.pragma('wal_autocheckpoint = 10000');
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
    });
    if (config.path !== ':memory:') sqliteFiles.set(db, config.path);
    // An in-memory database exists on its one connection only: no second reader there.
    const closeReader = config.path === ':memory:' ? () => {} : attachReader(db, config.path);
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        closeReader();
        await db.destroy();
      },
    };
  }
  return pgHandle(
    {
      connectionString: config.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    },
    options.readPoolSize ?? pgReadPoolFrom(process.env),
  );
}

/** OPENDINAR_PG_READ_POOL: connections of the PostgreSQL read pool (CreateDbOptions.readPoolSize), 0–64, default 0 (none): on a 2-core box its extra connections made reads' p99 worse under mixed load (README, Performance). */
export function pgReadPoolFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.OPENDINAR_PG_READ_POOL;
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 64) {
    throw new Error(`OPENDINAR_PG_READ_POOL: must be an integer from 0 to 64, got '${raw}'`);
  }
  return n;
}

function pgHandle(poolConfig: pg.PoolConfig, readPoolSize = 0): DbHandle {
  const pool = new pg.Pool(poolConfig);
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  useNamedStatements(pool);
  // Introspection (the migrator's) sees only the search path's schemas: see pg-introspector.ts.
  const db = new Kysely<Database>({ dialect: new SearchPathPostgresDialect({ pool }) });
  pools.set(db, pool);
  let reads: pg.Pool | undefined;
  if (readPoolSize > 0) {
    reads = new pg.Pool({ ...poolConfig, max: readPoolSize });
    reads.on('error', () => {});
    useNamedStatements(reads);
    readPools.set(db, reads);
  }
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      await db.destroy();
      await reads?.end();
    },
  };
}

const pools = new WeakMap<Db, pg.Pool>();
const readPools = new WeakMap<object, pg.Pool>();

/**
 * The PostgreSQL read pool of a root database handle (CreateDbOptions.readPoolSize): where
 * db/prepared.ts runs the hot reads outside a transaction. Undefined for a transaction, on SQLite,
 * or with no read pool. It reads what has committed, like any other pooled connection: a write
 * committed before a request's read is seen by it.
 */
export function readPoolOf(db: Executor): pg.Pool | undefined {
  return readPools.get(db);
}
const sqliteFiles = new WeakMap<Db, string>();

/**
 * Where a database handle's data lives, as plain data a worker thread can open a connection of its
 * own to (offload/writer.ts, usage/worker.ts): the SQLite file, or the PostgreSQL pool's settings
 * (search path included). Undefined for an in-memory SQLite database (its data is on its one
 * connection only).
 */
export type DbTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; connectionString?: string; options?: string; config?: Record<string, unknown> };

export function targetOf(db: Db): DbTarget | undefined {
  const file = sqliteFiles.get(db);
  if (file) return { kind: 'sqlite', path: file };
  const pool = pools.get(db);
  if (!pool) return undefined;
  const o = (pool as unknown as { options: Record<string, unknown> }).options;
  const pick = (k: string) => (typeof o[k] === 'string' || typeof o[k] === 'number' ? { [k]: o[k] } : {});
  return {
    kind: 'postgres',
    config: { ...pick('host'), ...pick('port'), ...pick('user'), ...pick('database'), ...pick('password') },
    ...(typeof o.connectionString === 'string' ? { connectionString: o.connectionString } : {}),
    ...(typeof o.options === 'string' ? { options: o.options } : {}),
  };
}

/** A handle of this thread's own on `target` (a worker thread's); `poolSize` connections on PostgreSQL. */
export function openTarget(target: DbTarget, poolSize = 1): DbHandle {
  if (target.kind === 'sqlite') return createDb({ kind: 'sqlite', path: target.path });
  return pgHandle({
    ...(target.config ?? {}),
    ...(target.connectionString ? { connectionString: target.connectionString } : {}),
    ...(target.options ? { options: target.options } : {}),
    max: poolSize,
    connectionTimeoutMillis: 5000,
  });
}

/** The SQLite file behind a database handle (the rate-limit store opens its own connection); undefined otherwise. */
export function sqliteFileOf(db: Db): string | undefined {
  return sqliteFiles.get(db);
}

/** The PostgreSQL pool behind a database handle (metrics read its counts); undefined on SQLite. */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

/** The schema a postgres:// URL selects with `?options=-c search_path=NAME`, if any (tests use one per run). */
export function schemaOf(config: DatabaseConfig): string | undefined {
  if (config.kind !== 'postgres') return undefined;
  const options = new URL(config.url).searchParams.get('options') ?? '';
  return /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
}
