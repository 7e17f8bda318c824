// PostgreSQL array literals for `INSERT … SELECT FROM unnest($1::text[], …)`: one parameter per column
// whatever the row count, so one statement text (prepared once) inserts any number of rows. No
// imports: the usage worker thread loads this (usage/writer.ts).

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

/** One element of a text array literal: double-quoted, `"` and `\` backslash-escaped; null as NULL. */
export function pgArrayText(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  const t = String(v);
  return NEEDS_ESCAPE.test(t) ? `"${t.replace(ESCAPED, '\\$&')}"` : `"${t}"`;
}

/**
 * A PostgreSQL array literal of the first n values: strings always double-quoted (so NULL, braces,
 * commas and spaces stay text), `"` and `\` backslash-escaped, numbers as written, null as NULL.
 * node-postgres builds the same literal with two regular-expression replaces and a conversion call
 * per element; here a string without a quote or backslash (nearly all) is copied as it is.
 */
export function pgArrayLiteral(values: readonly unknown[], n: number): string {
  let out = '{';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : 'NULL';
    else out += pgArrayText(v);
  }
  return `${out}}`;
}
