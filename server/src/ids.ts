import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62 text; 22 chars ≈ 131 bits. Rejection sampling keeps it unbiased. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Public identifiers: `conn_…`, `acc_…`, `txn_…`, `key_…`, `dev_…`, `wh_…`, `evt_…`. */
export const newId = (prefix: string): string => `${prefix}_${randomBase62(20)}`;

/** Bearer secrets: `sess_…`, `public_…`, `devses_…`, `whsec_…`, `link_…`; 32 chars ≈ 190 bits. */
export const newToken = (prefix: string): string => `${prefix}_${randomBase62(32)}`;

/** Secrets are looked up by this hash; the plain value is never stored. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of two strings (length leaks, content does not). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
