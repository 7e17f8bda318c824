import { ApiError } from '../errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const invalid = (field: string, detail: string) =>
  new ApiError('INVALID_FIELD', `Invalid body field '${field}': ${detail}.`);

/**
 * A redirect target the bank page may send a user to: an absolute https URL, or http only on
 * this machine (localhost, 127.0.0.1, [::1]) for development. No credentials in the URL.
 */
export function checkRedirectUrl(value: string, field: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw invalid(field, 'must be an absolute https URL');
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname))) {
    throw invalid(field, 'must be an https URL (http only for localhost, 127.0.0.1 and [::1])');
  }
  if (u.username || u.password) throw invalid(field, 'must not contain a user name or password');
  return value;
}

const effectivePort = (u: URL): string => u.port || (u.protocol === 'https:' ? '443' : '80');

/** Same scheme, host, port and path (query and fragment ignored, no wildcards). */
export function matchesRegisteredUrl(value: string, registered: readonly string[]): boolean {
  const u = new URL(value);
  return registered.some((r) => {
    const v = new URL(r);
    return (
      v.protocol === u.protocol &&
      v.hostname === u.hostname &&
      effectivePort(v) === effectivePort(u) &&
      v.pathname === u.pathname
    );
  });
}

/** Checks and normalises a key's `redirect_urls` list (POST /developers/keys, PATCH /developers/keys/:id). */
export function checkRedirectUrlList(values: readonly string[]): string[] {
  return [...new Set(values.map((v, i) => checkRedirectUrl(v, `redirect_urls.${i}`)))];
}
