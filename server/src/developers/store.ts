import type { Clock } from '../clock.js';
import type { Executor } from '../db/index.js';
import type { ApiKeysTable } from '../db/schema.js';
import type { Environment, Scope } from '../http/principals.js';
import { newId, newToken, randomBase62, sha256Hex } from '../ids.js';

/** Developer sessions (devses_…) last this long; http/auth.ts answers EXPIRED_DEV_TOKEN after. */
export const SESSION_TTL_MS = 24 * 60 * 60_000;

export interface DeveloperRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export async function findDeveloperByEmail(db: Executor, email: string): Promise<DeveloperRow | undefined> {
  return db.selectFrom('developers').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findDeveloper(db: Executor, id: string): Promise<DeveloperRow | undefined> {
  return db.selectFrom('developers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDeveloper(db: Executor, row: DeveloperRow): Promise<void> {
  await db.insertInto('developers').values(row).execute();
}

/** A unique-constraint violation on either dialect (the email race between two registrations). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
}

export interface NewSession {
  token: string;
  expiresAt: string;
}

/** Opens a session; only the token's SHA-256 is stored. */
export async function createSession(db: Executor, clock: Clock, developerId: string): Promise<NewSession> {
  const now = clock.now();
  const token = newToken('devses');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await db
    .insertInto('dev_sessions')
    .values({
      id: newId('dss'),
      developer_id: developerId,
      token_hash: sha256Hex(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

export async function revokeSession(db: Executor, clock: Clock, sessionId: string): Promise<void> {
  await db
    .updateTable('dev_sessions')
    .set({ revoked_at: clock.now().toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export type KeyRow = Omit<ApiKeysTable, 'key_hash' | 'revoked_at' | 'developer_id' | 'redirect_urls'> & {
  redirect_urls: string;
};
const KEY_COLUMNS = [
  'id',
  'prefix',
  'app_name',
  'environment',
  'status',
  'scopes',
  'created_at',
  'last_used_at',
  'redirect_urls',
] as const;

/** Length of the visible prefix: the type marker plus four characters, e.g. `od_test_sk_9x2m`. */
export const PREFIX_LENGTH = 15;
const KEY_RANDOM_LENGTH = 32;

export interface NewKey {
  developerId: string;
  appName: string;
  environment: Environment;
  scopes: readonly Scope[];
  redirectUrls?: readonly string[];
}

/** Generates a key (`od_test_sk_`/`od_live_sk_` + 32 base62 chars ≈ 190 bits); returns it once, stores its hash. */
export async function createKey(
  db: Executor,
  clock: Clock,
  input: NewKey,
): Promise<{ row: KeyRow; key: string }> {
  const key = `od_${input.environment === 'live' ? 'live' : 'test'}_sk_${randomBase62(KEY_RANDOM_LENGTH)}`;
  const row: KeyRow = {
    id: newId('key'),
    prefix: key.slice(0, PREFIX_LENGTH),
    app_name: input.appName,
    environment: input.environment,
    status: 'active',
    scopes: JSON.stringify(input.scopes),
    created_at: clock.now().toISOString(),
    last_used_at: null,
    redirect_urls: JSON.stringify(input.redirectUrls ?? []),
  };
  await db
    .insertInto('api_keys')
    .values({ ...row, developer_id: input.developerId, key_hash: sha256Hex(key), revoked_at: null })
    .execute();
  return { row, key };
}

/** A key as listed: while a rolled secret still overlaps, its prefix and expiry. */
export type ListedKeyRow = KeyRow & { previous_prefix?: string; previous_expires_at?: string };

export async function listKeys(db: Executor, clock: Clock, developerId: string): Promise<ListedKeyRow[]> {
  const keys = await db
    .selectFrom('api_keys')
    .select(KEY_COLUMNS)
    .where('developer_id', '=', developerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const overlapping = await db
    .selectFrom('api_key_rolled_secrets')
    .innerJoin('api_keys', 'api_keys.id', 'api_key_rolled_secrets.api_key_id')
    .select([
      'api_key_rolled_secrets.api_key_id',
      'api_key_rolled_secrets.prefix',
      'api_key_rolled_secrets.expires_at',
      'api_key_rolled_secrets.rolled_at',
    ])
    .where('api_keys.developer_id', '=', developerId)
    .where('api_key_rolled_secrets.expires_at', '>', clock.now().toISOString())
    .orderBy('api_key_rolled_secrets.rolled_at')
    .execute();
  // The most recently rolled secret still overlapping is the "previous" one (later rows win).
  const previous = new Map(overlapping.map((r) => [r.api_key_id, r]));
  return keys.map((k) => {
    const p = k.status === 'active' ? previous.get(k.id) : undefined;
    return p ? { ...k, previous_prefix: p.prefix, previous_expires_at: p.expires_at } : k;
  });
}

export interface RolledKey {
  row: KeyRow;
  key: string;
  previousPrefix: string;
  previousExpiresAt: string;
}

/**
 * Gives the developer's active key a new secret, keeping its id (and so every connection, account,
 * cursor, webhook and usage row). The old secret's hash moves to api_key_rolled_secrets and keeps
 * working until `overlapMs` from now (0: at once). Undefined when the key is not theirs or revoked.
 * Call inside a transaction: the swap is one atomic step for every server process.
 */
export async function rollKey(
  trx: Executor,
  clock: Clock,
  developerId: string,
  keyId: string,
  overlapMs: number,
): Promise<RolledKey | undefined> {
  const current = await trx
    .selectFrom('api_keys')
    .select([...KEY_COLUMNS, 'key_hash'])
    .where('developer_id', '=', developerId)
    .where('id', '=', keyId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!current) return undefined;
  const now = clock.now();
  const key = `od_${current.environment === 'live' ? 'live' : 'test'}_sk_${randomBase62(KEY_RANDOM_LENGTH)}`;
  const prefix = key.slice(0, PREFIX_LENGTH);
  // Only if nobody rolled it in between (another process): the hash we read is still current.
  const swapped = await trx
    .updateTable('api_keys')
    .set({ key_hash: sha256Hex(key), prefix })
    .where('id', '=', keyId)
    .where('key_hash', '=', current.key_hash)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (Number(swapped.numUpdatedRows) !== 1) return undefined;
  const expiresAt = new Date(now.getTime() + overlapMs).toISOString();
  await trx
    .insertInto('api_key_rolled_secrets')
    .values({
      key_hash: current.key_hash,
      api_key_id: keyId,
      prefix: current.prefix,
      rolled_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  const { key_hash: _old, ...row } = current;
  return { row: { ...row, prefix }, key, previousPrefix: current.prefix, previousExpiresAt: expiresAt };
}

export interface RolledSecret {
  /** The key's current secret hash: authenticate as if it had been presented. */
  currentHash: string;
  expiresAt: string;
}

/** The key a rolled (replaced) secret belonged to; read only when the current-secret lookup misses. */
export async function findRolledSecret(db: Executor, hash: string): Promise<RolledSecret | undefined> {
  const row = await db
    .selectFrom('api_key_rolled_secrets')
    .innerJoin('api_keys', 'api_keys.id', 'api_key_rolled_secrets.api_key_id')
    .select(['api_keys.key_hash', 'api_key_rolled_secrets.expires_at'])
    .where('api_key_rolled_secrets.key_hash', '=', hash)
    .executeTakeFirst();
  return row ? { currentHash: row.key_hash, expiresAt: row.expires_at } : undefined;
}

export async function findKey(db: Executor, developerId: string, keyId: string): Promise<KeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .select(KEY_COLUMNS)
    .where('developer_id', '=', developerId)
    .where('id', '=', keyId)
    .executeTakeFirst();
}

/** Revokes the developer's key; false when it is not theirs. Revoking twice is harmless. */
export async function revokeKey(
  db: Executor,
  clock: Clock,
  developerId: string,
  keyId: string,
): Promise<boolean> {
  const key = await findKey(db, developerId, keyId);
  if (!key) return false;
  await db
    .updateTable('api_keys')
    .set({ status: 'revoked', revoked_at: clock.now().toISOString() })
    .where('id', '=', keyId)
    .where('developer_id', '=', developerId)
    .where('status', '=', 'active')
    .execute();
  return true;
}

/** The current secret hash of the developer's key, for the dashboard's in-process calls. */
export async function findKeyHashForProxy(db: Executor, developerId: string, keyId: string) {
  return db
    .selectFrom('api_keys')
    .select(['key_hash', 'status', 'environment'])
    .where('developer_id', '=', developerId)
    .where('id', '=', keyId)
    .executeTakeFirst();
}
