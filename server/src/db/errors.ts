/** A write refused because a row it refers to is gone (PostgreSQL 23503, SQLite's FOREIGNKEY constraint). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * No database connection came free in time (pg-pool's connection timeout): the server is
 * overloaded, not broken — answered 503 SERVICE_UNAVAILABLE with Retry-After, never 500.
 */
export function isPoolExhausted(err: unknown): boolean {
  const message = (err as { message?: unknown } | null)?.message;
  return message === 'timeout exceeded when trying to connect';
}
