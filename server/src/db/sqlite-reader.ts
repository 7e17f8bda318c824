import SQLite from 'better-sqlite3';
import type { Executor } from './index.js';
import { withFastRows } from './sqlite-rows.js';

type Read = (text: string, parameters: readonly unknown[]) => unknown[] | undefined;
type ReadArrays = (text: string, parameters: readonly unknown[]) => unknown[][] | undefined;

// The root Kysely instance → its SQLite file's read-only connection (rows as objects, or as arrays).
const readers = new WeakMap<object, Read>();
const arrayReaders = new WeakMap<object, ReadArrays>();
const dataVersions = new WeakMap<object, () => number>();

/**
 * A second, read-only connection to an SQLite file, for the hot single-statement reads (API-key
 * lookup, account scoping, the transactions page). Kysely runs everything on one connection behind
 * a mutex, and a transaction holds it across awaits: without this, every request waited for any
 * write transaction in progress (a 50,000-row sandbox import, a usage flush). In WAL mode this
 * connection reads the last committed state — never a transaction's uncommitted rows — without
 * waiting, and being synchronous it skips Kysely's per-query promise chain too.
 * Returns the function that closes it.
 */
export function attachReader(db: object, path: string): () => void {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map<string, ReturnType<typeof withFastRows> | null>();
  readers.set(db, (text, parameters) => {
    let stmt = statements.get(text);
    if (stmt === undefined) {
      const raw = sqlite.prepare(text);
      // Only statements that cannot write go here (the connection is read-only anyway).
      stmt = raw.readonly && raw.reader ? withFastRows(raw) : null;
      statements.set(text, stmt);
    }
    return stmt?.all(parameters);
  });
  // Rows as arrays, in the order selected: no object per row at all (db/prepared.ts preparedArrays).
  const arrayStatements = new Map<string, SQLite.Statement | null>();
  arrayReaders.set(db, (text, parameters) => {
    let stmt = arrayStatements.get(text);
    if (stmt === undefined) {
      const raw = sqlite.prepare(text);
      stmt = raw.readonly && raw.reader ? raw.raw(true) : null;
      arrayStatements.set(text, stmt);
    }
    return stmt?.all(parameters) as unknown[][] | undefined;
  });
  // Changes whenever another connection — this process's writer or another process — commits to
  // the file (this connection never writes): what in-process caches of rows check on every hit.
  const version = sqlite.prepare('PRAGMA data_version').pluck();
  dataVersions.set(db, () => version.get() as number);
  return () => {
    readers.delete(db);
    arrayReaders.delete(db);
    dataVersions.delete(db);
    sqlite.close();
  };
}

/** The read-only connection's runner for this executor: only the root database has one, never a transaction. */
export const readerOf = (db: Executor): Read | undefined => readers.get(db);

/** The same, returning rows as arrays of column values in the order selected. */
export const arrayReaderOf = (db: Executor): ReadArrays | undefined => arrayReaders.get(db);

/** The SQLite file's data version as the read-only connection sees it (PRAGMA data_version). */
export const dataVersionOf = (db: Executor): (() => number) | undefined => dataVersions.get(db);
