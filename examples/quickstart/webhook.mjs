import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed timestamp may be before the request counts as a replay. */
export const TOLERANCE_SECONDS = 5 * 60;

/**
 * Verifies an `OpenDinar-Signature: t=<unix>,v1=<hex>` header against the RAW request body (the exact
 * bytes received — never a re-serialised JSON object). Returns true only when one v1 value equals
 * HMAC-SHA256(secret, `${t}.${rawBody}`) (constant-time compare) and t is at most 5 minutes old.
 */
export function verifyWebhook(secret, rawBody, header, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof header !== 'string' || !secret) return false;
  let t = null;
  const signatures = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const key = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') signatures.push(value);
  }
  if (!t || !/^\d+$/.test(t) || signatures.length === 0) return false;
  const age = nowSeconds - Number(t);
  if (age > TOLERANCE_SECONDS || age < -TOLERANCE_SECONDS) return false;
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(String(rawBody), 'utf8');
  const expected = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${t}.`, 'utf8'), body]))
    .digest();
  return signatures.some((sig) => {
    if (!/^[0-9a-f]+$/i.test(sig)) return false;
    const given = Buffer.from(sig, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
