import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from './errors.js';
import type { components } from './generated/openapi.js';

/** Any event OpenDinar POSTs to a webhook URL (a union on webhook_type / webhook_code). */
export type WebhookEvent = components['schemas']['WebhookEvent'];

export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface VerifyWebhookOptions {
  /** The raw request body exactly as received — not a re-serialised JSON object. */
  payload: string | Uint8Array;
  /** The `OpenDinar-Signature` header: `t=<unix>,v1=<hex>` (two v1 values during a secret rotation). */
  signature: string | string[] | undefined | null;
  /** The webhook's `whsec_…` secret (or the listen secret `opendinar listen` prints). */
  secret: string;
  /** Reject signatures older (or newer) than this many seconds. Default 300. */
  toleranceSeconds?: number;
  /** Unix seconds "now" (for tests). */
  now?: number;
}

/**
 * Verifies an OpenDinar webhook and returns the parsed event. Throws WebhookSignatureError when
 * the header is missing or malformed, no v1 signature matches, or the timestamp is outside the
 * tolerance (replay protection).
 */
export function verifyWebhook(options: VerifyWebhookOptions): WebhookEvent {
  const header = Array.isArray(options.signature) ? options.signature[0] : options.signature;
  if (!header) throw new WebhookSignatureError('Missing OpenDinar-Signature header.');
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') v1.push(value);
  }
  if (!t || !/^\d+$/.test(t) || v1.length === 0) {
    throw new WebhookSignatureError('Malformed OpenDinar-Signature header.');
  }
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - Number(t)) > tolerance) {
    throw new WebhookSignatureError(`Signature timestamp is outside the ${tolerance}-second tolerance.`);
  }
  const payload =
    typeof options.payload === 'string' ? Buffer.from(options.payload, 'utf8') : Buffer.from(options.payload);
  const expected = createHmac('sha256', options.secret).update(`${t}.`).update(payload).digest();
  const matches = v1.some((sig) => {
    const given = /^[0-9a-f]{64}$/i.test(sig) ? Buffer.from(sig, 'hex') : null;
    return given !== null && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookSignatureError('No OpenDinar-Signature v1 value matches the payload.');
  try {
    return JSON.parse(payload.toString('utf8')) as WebhookEvent;
  } catch {
    throw new WebhookSignatureError('The payload is not JSON.');
  }
}

/** The `OpenDinar-Signature` header for a payload (what the server and `opendinar listen` send). */
export function signWebhook(payload: string | Uint8Array, secret: string, timestamp?: number): string {
  const t = timestamp ?? Math.floor(Date.now() / 1000);
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
}
