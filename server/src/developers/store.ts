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
const PREFIX_LENGTH = 15;
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

export async function listKeys(db: Executor, developerId: string): Promise<KeyRow[]> {
  return db
    .selectFrom('api_keys')
    .select(KEY_COLUMNS)
    .where('developer_id', '=', developerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
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
