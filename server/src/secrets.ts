import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from './ids.js';

/**
 * Encryption for secrets we must read back (webhook secrets, bank grants) and MACs for
 * tamper-proof values (sync cursors). One 32-byte server key from config.
 */
export interface SecretBox {
  /** AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** HMAC-SHA256 of `data` under a key derived for `purpose`, base64url. */
  mac(purpose: string, data: string): string;
  verifyMac(purpose: string, data: string, mac: string): boolean;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('server secret key must be 32 bytes');
  const encKey = createHmac('sha256', key).update('opendinar:encrypt').digest();
  const macKey = (purpose: string) => createHmac('sha256', key).update(`opendinar:mac:${purpose}`).digest();
  const mac = (purpose: string, data: string) =>
    createHmac('sha256', macKey(purpose)).update(data).digest('base64url');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, ct] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('malformed sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    mac,
    verifyMac: (purpose, data, given) => safeEqual(mac(purpose, data), given),
  };
}
