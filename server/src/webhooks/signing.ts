import { createHmac } from 'node:crypto';
import { safeEqual } from '../ids.js';

/** How old a signature may be before receivers should reject it (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** hex HMAC-SHA256 over `${t}.${rawBody}` — exactly the bytes we send, never a re-serialisation. */
export function signatureFor(secret: string, unixSeconds: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.`).update(rawBody).digest('hex');
}

/** The `OpenDinar-Signature` header value: `t=<unix>,v1=<hex>`. */
export function signatureHeader(secret: string, unixSeconds: number, rawBody: string | Buffer): string {
  return `t=${unixSeconds},v1=${signatureFor(secret, unixSeconds, rawBody)}`;
}

/**
 * Receiver-side check (what the docs tell integrators to do), used by our tests and test tooling:
 * constant-time compare plus the 5-minute replay window.
 */
export function verifySignatureHeader(
  secret: string,
  rawBody: string | Buffer,
  header: string,
  nowUnixSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const parts = new Map<string, string>();
  for (const piece of header.split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1 || !/^\d+$/.test(t)) return false;
  if (Math.abs(nowUnixSeconds - Number(t)) > toleranceSeconds) return false;
  return safeEqual(signatureFor(secret, Number(t), rawBody), v1);
}
