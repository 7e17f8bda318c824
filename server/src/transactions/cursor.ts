import type { SecretBox } from '../secrets.js';

/**
 * A sync cursor is a position in an account's change log, signed so a client can neither forge one
 * nor move it to another account. It holds no server state: any process with the same secret key
 * reads it, before or after a restart.
 */
export interface SyncCursor {
  accountId: string;
  /** Bound to the account's creation instant, so a re-created account with the same id rejects old cursors. */
  accountCreatedAt: string;
  /** Every change with seq ≤ this one has been delivered. */
  seq: number;
  /** 'h' while the first (historical) sync is still paging, 'c' once the history was delivered. */
  phase: 'h' | 'c';
}

const FORMAT_VERSION = '1';
const MAC_PURPOSE = 'sync-cursor';

const bodyOf = (c: SyncCursor): string =>
  [FORMAT_VERSION, c.accountId, c.accountCreatedAt, c.seq, c.phase].join('|');

/** Opaque base64url text: the cursor's fields and their MAC. */
export function encodeCursor(box: SecretBox, c: SyncCursor): string {
  const body = bodyOf(c);
  return Buffer.from(`${body}|${box.mac(MAC_PURPOSE, body)}`, 'utf8').toString('base64url');
}

/** The cursor if it is authentic and well-formed; null otherwise (the caller answers INVALID_CURSOR). */
export function decodeCursor(box: SecretBox, text: string): SyncCursor | null {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(text)) return null;
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  const cut = raw.lastIndexOf('|');
  if (cut < 0) return null;
  const body = raw.slice(0, cut);
  if (!box.verifyMac(MAC_PURPOSE, body, raw.slice(cut + 1))) return null;
  const [version, accountId, accountCreatedAt, seqText, phase, ...rest] = body.split('|');
  if (version !== FORMAT_VERSION || rest.length > 0 || !accountId || !accountCreatedAt || !seqText)
    return null;
  if (!/^\d{1,15}$/.test(seqText) || (phase !== 'h' && phase !== 'c')) return null;
  return { accountId, accountCreatedAt, seq: Number(seqText), phase };
}
