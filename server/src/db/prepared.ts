import { type Compilable, CompiledQuery } from 'kysely';
import { type Executor, poolOf, readPoolOf } from './index.js';
import { markHot, queryArrays, queryRows } from './pg-named.js';
import { arrayReaderOf, readerOf } from './sqlite-reader.js';

/**
 * A query built and compiled once per database, then run with fresh parameters. Kysely rebuilds
 * and recompiles a query on every call, which costs more than running a small indexed lookup —
 * worth avoiding only on the per-request hot path (key lookup, account scoping). On PostgreSQL the
 * text also becomes a named statement (pg-named.ts), so the server keeps its plan too.
 * `build` must use its arguments as the query's parameters, in order; the first compile checks it.
 */
export function preparedQuery<Row, A extends readonly unknown[]>(
  build: (db: Executor, ...args: A) => Compilable<Row>,
  sample: A,
): (db: Executor, ...args: A) => Promise<Row[]> {
  const textOf = compileOnce(build, sample);
  return async (db, ...args) => {
    const text = textOf(db);
    // SQLite: straight on the read-only connection when called outside a transaction (sqlite-reader.ts).
    const rows = readerOf(db)?.(text, args);
    if (rows !== undefined) return rows as Row[];
    // PostgreSQL: on the read pool when there is one (db/index.ts readPoolOf), a named statement.
    const reads = readPoolOf(db);
    if (reads) return queryRows<Row>(reads, text, args as unknown as unknown[], true);
    const result = await db.executeQuery<Row>(CompiledQuery.raw(text, [...args]));
    return result.rows;
  };
}

/**
 * The same for the hottest read-only queries, with rows as arrays of column values in the order
 * selected (the columns must have distinct names), read without Kysely: on SQLite from the
 * read-only connection's raw statements, on PostgreSQL as a named statement on the pool with
 * `rowMode: 'array'` — what the bench's bare route does. No row object is built, and a caller maps
 * the values straight into what it answers. In a transaction (or on an in-memory SQLite database)
 * it runs through Kysely like preparedQuery and turns the objects into arrays.
 */
export function preparedArrays<A extends readonly unknown[]>(
  build: (db: Executor, ...args: A) => Compilable<unknown>,
  sample: A,
): PreparedArrays<A> {
  const textOf = compileOnce(build, sample);
  const run = async (db: Executor, ...args: A): Promise<unknown[][]> => {
    const text = textOf(db);
    const rows = arrayReaderOf(db)?.(text, args);
    if (rows !== undefined) return rows;
    const pool = readPoolOf(db) ?? poolOf(db);
    if (pool) return queryArrays(pool, text, args as unknown as unknown[]);
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...args]));
    return result.rows.map((r) => Object.values(r));
  };
  // The same read, now: only where it needs no await (SQLite's read-only connection), else undefined.
  run.now = (db: Executor, args: A): unknown[][] | undefined => {
    const reader = arrayReaderOf(db);
    return reader === undefined ? undefined : reader(textOf(db), args);
  };
  return run;
}

export interface PreparedArrays<A extends readonly unknown[]> {
  (db: Executor, ...args: A): Promise<unknown[][]>;
  /** Synchronously on SQLite's read-only connection (no promise); undefined where that cannot be. */
  now(db: Executor, args: A): unknown[][] | undefined;
}

/** A query's SQL text per database, compiled on first use; checks its parameters are its arguments. */
function compileOnce<A extends readonly unknown[]>(
  build: (db: Executor, ...args: A) => Compilable<unknown>,
  sample: A,
): (db: Executor) => string {
  const compiled = new WeakMap<Executor, string>();
  return (db) => {
    let text = compiled.get(db);
    if (text === undefined) {
      const q = build(db, ...sample).compile();
      if (q.parameters.length !== sample.length || q.parameters.some((p, i) => p !== sample[i])) {
        throw new Error(
          `prepared query parameters ${JSON.stringify(q.parameters)} do not match its arguments`,
        );
      }
      text = q.sql;
      compiled.set(db, text);
      markHot(text);
    }
    return text;
  };
}

/**
 * Runs a read-only query built per call: on SQLite outside a transaction, on the read-only
 * connection (sqlite-reader.ts), so it does not wait behind a write transaction holding Kysely's
 * one connection (a connection's import, say) — it reads the last committed state instead.
 */
export async function readRows<Row>(db: Executor, query: Compilable<Row>): Promise<Row[]> {
  const q = query.compile();
  const rows = readerOf(db)?.(q.sql, q.parameters);
  if (rows !== undefined) return rows as Row[];
  // PostgreSQL: on the read pool, so it does not queue behind the main pool's transactions.
  const reads = readPoolOf(db);
  if (reads) return queryRows<Row>(reads, q.sql, [...q.parameters], false);
  return (await db.executeQuery<Row>(q)).rows;
}
