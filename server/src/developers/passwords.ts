import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto). The stored string carries its own parameters and
 * salt — `scrypt$N$r$p$<salt b64>$<hash b64>` — so the cost can be raised later without breaking
 * existing hashes. New hashes use N = 2^cost (OPENDINAR_PASSWORD_SCRYPT_COST, default 15: ~100 ms
 * and 32 MiB each); the test helpers lower it, production keeps the default.
 */
export const DEFAULT_SCRYPT_COST = 15;
export const MIN_SCRYPT_COST = 4;
/** 2^16 · r=8 needs 64 MiB, within MAX_MEM. */
export const MAX_SCRYPT_COST = 16;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// N=2^15, r=8 needs 32 MiB; the default maxmem (32 MiB) is exactly at the edge, so allow headroom.
const MAX_MEM = 128 * 2 ** 20;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;

function derive(password: string, salt: Buffer, params: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Async scrypt runs on the libuv pool, so hashing never blocks the event loop.
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem: MAX_MEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** A new hash at N = 2^cost (config passwordScryptCost). */
export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): Promise<string> {
  const params = { N: 2 ** cost, r: R, p: P };
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, params, KEY_LENGTH);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptOptions;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((v) => (/^\d{1,10}$/.test(v ?? '') ? Number(v) : Number.NaN));
  if (!N || !r || !p || N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { params: { N, r, p }, salt, hash };
}

const dummies = new Map<number, Promise<string>>();
/** A real hash of a random password at this cost, computed once, to spend the same time on unknown accounts. */
function dummyHash(cost: number): Promise<string> {
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('hex'), cost);
    dummies.set(cost, dummy);
  }
  return dummy;
}

/** Starts computing the dummy hash early so the first unknown-email login is not measurably faster or slower. */
export function warmUpPasswords(cost = DEFAULT_SCRYPT_COST): void {
  void dummyHash(cost);
}

/**
 * True when `password` matches `stored` (at the cost stored with it). A missing account (`stored`
 * null) or an unusable hash (seeded developers have '!') verifies against the dummy hash of the
 * configured cost — what a real account's hash costs — and fails, in about the same time.
 */
export async function verifyPassword(
  password: string,
  stored: string | null,
  cost = DEFAULT_SCRYPT_COST,
): Promise<boolean> {
  const parsed = stored === null ? null : parse(stored);
  const target = parsed ?? (parse(await dummyHash(cost)) as ParsedHash);
  const candidate = await derive(password, target.salt, target.params, target.hash.length);
  const same = timingSafeEqual(candidate, target.hash);
  return parsed !== null && same;
}
