/** A write refused because a row it refers to is gone (PostgreSQL 23503, SQLite's FOREIGNKEY constraint). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
