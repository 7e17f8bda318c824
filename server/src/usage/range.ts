import { ApiError } from '../errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/** A calendar date (YYYY-MM-DD, real day) or an ISO-8601 instant with an offset, as epoch ms. */
function parseBound(field: string, raw: string): { ms: number; isDate: boolean } {
  const d = DATE.exec(raw);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    if (new Date(ms).toISOString().slice(0, 10) === raw) return { ms, isDate: true };
  } else if (INSTANT.test(raw)) {
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) return { ms, isDate: false };
  }
  throw new ApiError(
    'INVALID_FIELD',
    `Invalid query parameter '${field}': must be a date (YYYY-MM-DD) or an ISO-8601 instant.`,
  );
}

export interface InstantRange {
  from?: string;
  toExclusive?: string;
}

/**
 * `from` and `to` are inclusive. A date means the whole UTC day: `from=2026-04-01&to=2026-04-30`
 * covers April. Instants are stored with millisecond precision, so "≤ to" is "< to + 1 ms".
 */
export function parseRange(from: string | undefined, to: string | undefined): InstantRange {
  const lo = from === undefined ? undefined : parseBound('from', from).ms;
  let hi: number | undefined;
  if (to !== undefined) {
    const b = parseBound('to', to);
    hi = b.isDate ? b.ms + DAY_MS : b.ms + 1;
  }
  if (lo !== undefined && hi !== undefined && lo >= hi) {
    throw new ApiError('INVALID_FIELD', "Invalid query parameter 'from': must not be after 'to'.");
  }
  return {
    ...(lo !== undefined ? { from: new Date(lo).toISOString() } : {}),
    ...(hi !== undefined ? { toExclusive: new Date(hi).toISOString() } : {}),
  };
}
