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
 * The header for a webhook whose secret is being rotated: one `v1=` per secret, the current
 * secret's first and the previous one's last — `t=<unix>,v1=<new>,v1=<old>`. The docs' Node.js
 * `verifyWebhook` keeps the last `v1` (so it still verifies with the old secret during the grace
 * period); verifiers that try every `v1` accept either secret.
 */
export function signatureHeaderFor(
  secrets: readonly string[],
  unixSeconds: number,
  rawBody: string | Buffer,
): string {
  return [`t=${unixSeconds}`, ...secrets.map((s) => `v1=${signatureFor(s, unixSeconds, rawBody)}`)].join(',');
}

/**
 * Receiver-side check (what the docs tell integrators to do), used by our tests and test tooling:
 * constant-time compare against every `v1` (two during a rotation) plus the 5-minute replay window.
 */
export function verifySignatureHeader(
  secret: string,
  rawBody: string | Buffer,
  header: string,
  nowUnixSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  let t: string | undefined;
  const v1s: string[] = [];
  for (const piece of header.split(',')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const key = piece.slice(0, eq).trim();
    const value = piece.slice(eq + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') v1s.push(value);
  }
  if (!t || v1s.length === 0 || !/^\d+$/.test(t)) return false;
  if (Math.abs(nowUnixSeconds - Number(t)) > toleranceSeconds) return false;
  const expected = signatureFor(secret, Number(t), rawBody);
  // Every v1 is compared (no early exit), each in constant time.
  return v1s.map((v) => safeEqual(expected, v)).includes(true);
}
