import { createHash } from 'node:crypto';
import type pg from 'pg';

// SQL text → statement name, for the queries preparedQuery marks as hot.
const named = new Map<string, string>();

/** Asks PostgreSQL to keep this query's parsed statement and plan on every connection that runs it. */
export function markHot(text: string): void {
  if (!named.has(text)) named.set(text, `od_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
}

/**
 * Runs a query as a named statement straight on the pool, rows as arrays of column values in the
 * order selected: no Kysely executor, no connection wrapper, no row object. For the hottest reads
 * (db/prepared.ts preparedArrays), outside any transaction.
 */
export async function queryArrays(pool: pg.Pool, text: string, values: unknown[]): Promise<unknown[][]> {
  markHot(text);
  const result = await pool.query<unknown[]>({ name: named.get(text), text, values, rowMode: 'array' });
  return result.rows;
}

/** The same with rows as objects (db/prepared.ts on the read pool); a named statement when `hot`. */
export async function queryRows<Row>(
  pool: pg.Pool,
  text: string,
  values: unknown[],
  hot: boolean,
): Promise<Row[]> {
  if (hot) markHot(text);
  const name = hot ? named.get(text) : undefined;
  const result = await pool.query(name ? { name, text, values } : { text, values });
  return result.rows as Row[];
}

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it afresh each time: for the
 * transactions page that is 4× the cost of running it (about 1 ms against 0.23 ms here). A hot
 * query goes out as a named statement instead; node-postgres prepares it once per connection and
 * then only binds and executes. The name is a hash of the text, so it can never name another query.
 */
export function useNamedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const patched = (...args: unknown[]) => {
      const [text, values] = args;
      const name = typeof text === 'string' && args.length === 2 ? named.get(text) : undefined;
      const result = name ? query({ name, text, values }) : query(...args);
      if (typeof text === 'string' && ACCOUNT_WRITE_OR_COMMIT.test(text)) afterLocalWrite(pool, result);
      return result;
    };
    client.query = patched as typeof client.query;
  });
}

// A COMMIT, or a write to accounts outside a transaction (autocommit): what can change an account row.
const ACCOUNT_WRITE_OR_COMMIT =
  /^\s*(commit\b|update "accounts"|delete from "accounts"|insert into "accounts")/i;
const localWriteListeners = new WeakMap<pg.Pool, Set<() => void>>();

function afterLocalWrite(pool: pg.Pool, result: unknown): void {
  const listeners = localWriteListeners.get(pool);
  if (!listeners?.size || !(result instanceof Promise)) return;
  // Attached before the caller awaits the same promise, so the listeners run before it resumes.
  result.then(
    () => {
      for (const fn of listeners) fn();
    },
    () => {},
  );
}

/**
 * Calls `fn` whenever a transaction commits on this pool (or an account row is written outside
 * one), before the code that committed carries on: the key cache drops its cached account rows
 * then, so this process reads its own writes at once instead of when its NOTIFY arrives.
 */
export function onLocalWrite(pool: pg.Pool, fn: () => void): () => void {
  let listeners = localWriteListeners.get(pool);
  if (!listeners) {
    listeners = new Set();
    localWriteListeners.set(pool, listeners);
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}
