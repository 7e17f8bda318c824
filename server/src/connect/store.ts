import type { Executor } from '../db/index.js';
import type { ConnectSessionsTable, LinkTokensTable } from '../db/schema.js';

export type SessionRow = ConnectSessionsTable;

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('connect_sessions').values(row).execute();
}

/**
 * The session behind a token, as its owner sees it: another key (or a link token for another
 * user) gets undefined, exactly as for a token that never existed.
 */
export async function findSessionForKey(
  db: Executor,
  tokenHash: string,
  owner: { apiKeyId: string; userId?: string | undefined },
): Promise<SessionRow | undefined> {
  let q = db
    .selectFrom('connect_sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('api_key_id', '=', owner.apiKeyId);
  if (owner.userId !== undefined) q = q.where('user_id', '=', owner.userId);
  return q.executeTakeFirst();
}

/** Unscoped lookup for the public sandbox bank page, which holds only the session token. */
export async function findSessionByToken(db: Executor, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('connect_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export interface Authorization {
  publicTokenHash: string;
  publicTokenEnc: string;
  publicTokenExpiresAt: string;
  grantEnc: string;
  consentExpiresAt?: string | null;
}

/** pending → authorized, only while the session is pending and unexpired; false if it was not. */
export async function markAuthorized(
  db: Executor,
  sessionId: string,
  nowIso: string,
  a: Authorization,
): Promise<boolean> {
  const row = await db
    .updateTable('connect_sessions')
    .set({
      status: 'authorized',
      authorized_at: nowIso,
      public_token_hash: a.publicTokenHash,
      public_token_enc: a.publicTokenEnc,
      public_token_expires_at: a.publicTokenExpiresAt,
      grant_enc: a.grantEnc,
      consent_expires_at: a.consentExpiresAt ?? null,
    })
    .where('id', '=', sessionId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowIso)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** pending → denied, under the same guard. */
export async function markDenied(db: Executor, sessionId: string, nowIso: string): Promise<boolean> {
  const row = await db
    .updateTable('connect_sessions')
    .set({ status: 'denied' })
    .where('id', '=', sessionId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowIso)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export type ClaimedSession = Pick<
  SessionRow,
  | 'id'
  | 'api_key_id'
  | 'developer_id'
  | 'environment'
  | 'bank_id'
  | 'user_id'
  | 'grant_enc'
  | 'connection_id'
  | 'consent_expires_at'
>;

/**
 * The exactly-once step of the exchange: one conditional UPDATE that only the first caller can
 * win. On PostgreSQL a racing UPDATE waits on the row lock and then finds exchanged_at set; on
 * SQLite writers are serialised. Must run in the transaction that creates the connection, so a
 * failure afterwards rolls the claim back too.
 */
export async function claimPublicToken(
  trx: Executor,
  publicTokenHash: string,
  apiKeyId: string,
  nowIso: string,
): Promise<ClaimedSession | undefined> {
  return trx
    .updateTable('connect_sessions')
    .set({ status: 'exchanged', exchanged_at: nowIso })
    .where('public_token_hash', '=', publicTokenHash)
    .where('api_key_id', '=', apiKeyId)
    .where('status', '=', 'authorized')
    .where('exchanged_at', 'is', null)
    .where('public_token_expires_at', '>', nowIso)
    .returning([
      'id',
      'api_key_id',
      'developer_id',
      'environment',
      'bank_id',
      'user_id',
      'grant_enc',
      'connection_id',
      'consent_expires_at',
    ])
    .executeTakeFirst();
}

export async function findSessionByPublicToken(
  db: Executor,
  publicTokenHash: string,
  apiKeyId: string,
): Promise<Pick<SessionRow, 'exchanged_at' | 'public_token_expires_at'> | undefined> {
  return db
    .selectFrom('connect_sessions')
    .select(['exchanged_at', 'public_token_expires_at'])
    .where('public_token_hash', '=', publicTokenHash)
    .where('api_key_id', '=', apiKeyId)
    .executeTakeFirst();
}

/** After the exchange the session keeps only the link to its connection; the secrets move or go. */
export async function completeExchange(
  trx: Executor,
  sessionId: string,
  connectionId: string,
): Promise<void> {
  await trx
    .updateTable('connect_sessions')
    .set({ connection_id: connectionId, grant_enc: null, public_token_enc: null })
    .where('id', '=', sessionId)
    .execute();
}

export async function insertLinkToken(db: Executor, row: LinkTokensTable): Promise<void> {
  await db.insertInto('link_tokens').values(row).execute();
}

/** The app name the bank page shows ("Mani App traži pristup…"). */
export async function findAppName(db: Executor, apiKeyId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select('app_name')
    .where('id', '=', apiKeyId)
    .executeTakeFirst();
  return row?.app_name;
}

/** An authorized, unexchanged, unexpired session behind a public token (read only: the exchange claims it later). */
export async function findAuthorizedSession(
  db: Executor,
  publicTokenHash: string,
  apiKeyId: string,
  nowIso: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('connect_sessions')
    .selectAll()
    .where('public_token_hash', '=', publicTokenHash)
    .where('api_key_id', '=', apiKeyId)
    .where('status', '=', 'authorized')
    .where('exchanged_at', 'is', null)
    .where('public_token_expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** The session a bank redirect comes back for (by the hash of its `state`). */
export async function findSessionByAuthState(
  db: Executor,
  stateHash: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('connect_sessions')
    .selectAll()
    .where('auth_state_hash', '=', stateHash)
    .executeTakeFirst();
}

/** The caller's connection that update mode re-authorises (any status but revoked). */
export async function findConnectionForUpdate(
  db: Executor,
  apiKeyId: string,
  connectionId: string,
): Promise<{ id: string; bank_id: string; user_id: string; status: string } | undefined> {
  return db
    .selectFrom('connections')
    .select(['id', 'bank_id', 'user_id', 'status'])
    .where('id', '=', connectionId)
    .where('api_key_id', '=', apiKeyId)
    .executeTakeFirst();
}
