import { type Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './index.js';
import { markHot } from './pg-named.js';
import { readerOf } from './sqlite-reader.js';

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
  const compiled = new WeakMap<Executor, string>();
  return async (db, ...args) => {
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
    // SQLite: straight on the read-only connection when called outside a transaction (sqlite-reader.ts).
    const rows = readerOf(db)?.(text, args);
    if (rows !== undefined) return rows as Row[];
    const result = await db.executeQuery<Row>(CompiledQuery.raw(text, [...args]));
    return result.rows;
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
  return (await db.executeQuery<Row>(q)).rows;
}
