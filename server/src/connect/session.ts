import { findBank } from '../banks/catalogue.js';
import { asApiErrors } from '../connectors/errors.js';
import { findKeyRedirectUrls } from '../developers/redirect-store.js';
import { ApiError } from '../errors.js';
import { type AppDeps, connectorsOf, type KeyPrincipal } from '../http/principals.js';
import { newId, newToken, sha256Hex } from '../ids.js';
import { pollLiveSession } from './live.js';
import { checkRedirectUrl, matchesRegisteredUrl } from './redirect-urls.js';
import { findConnectionForUpdate, findSessionForKey, insertSession, type SessionRow } from './store.js';

/** Lifetimes from the docs: a session lives 10 minutes, its public token 5. */
export const SESSION_TTL_SECONDS = 600;
export const PUBLIC_TOKEN_TTL_SECONDS = 300;

/** Whole seconds from `now` until `untilIso`, rounded up (a token with 0.4 s left still has "1"). */
export const secondsUntil = (untilIso: string, now: Date): number =>
  Math.max(0, Math.ceil((Date.parse(untilIso) - now.getTime()) / 1000));

export const plusSeconds = (now: Date, seconds: number): string =>
  new Date(now.getTime() + seconds * 1000).toISOString();

export interface StartInput {
  bankId: string;
  userId: string;
  redirectUrl: string;
  /** Update mode: the connection to re-authorise. */
  connectionId?: string;
}

/**
 * Update mode's target must be this key's connection, for this user (and, from POST /connect,
 * this bank), not revoked. Anything else answers CONNECTION_NOT_FOUND / INVALID_FIELD.
 */
export async function checkUpdateTarget(
  deps: AppDeps,
  key: KeyPrincipal,
  target: { connectionId: string; userId: string; bankId?: string },
): Promise<void> {
  const conn = await findConnectionForUpdate(deps.db, key.apiKeyId, target.connectionId);
  if (!conn || conn.user_id !== target.userId) {
    throw new ApiError(
      'CONNECTION_NOT_FOUND',
      `No connection '${target.connectionId}' of this user for this key.`,
    );
  }
  if (conn.status === 'revoked')
    throw new ApiError(
      'CONNECTION_ALREADY_REVOKED',
      'A revoked connection cannot be re-authorised — connect again.',
    );
  if (target.bankId !== undefined && conn.bank_id !== target.bankId) {
    throw new ApiError(
      'INVALID_FIELD',
      `Invalid body field 'bank_id': connection '${target.connectionId}' is with ${conn.bank_id}, not ${target.bankId}.`,
    );
  }
}

export interface StartedSession {
  session_token: string;
  auth_url: string;
  expires_in: number;
  status: 'pending';
}

/** POST /connect: checks the bank can be connected with this key and opens a 10-minute session. */
export async function startSession(
  deps: AppDeps,
  key: KeyPrincipal,
  input: StartInput,
): Promise<StartedSession> {
  const redirectUrl = checkRedirectUrl(input.redirectUrl, 'redirect_url');
  // A live key's users may only be sent back to the app's registered URLs (an open redirect otherwise).
  if (key.environment === 'live') {
    const registered = await findKeyRedirectUrls(deps.db, key.apiKeyId);
    if (!matchesRegisteredUrl(redirectUrl, registered)) {
      throw new ApiError(
        'INVALID_FIELD',
        "Invalid body field 'redirect_url': must match one of this key's redirect_urls (scheme, host, port and path) — register it with PATCH /developers/keys/:id.",
      );
    }
  }
  const bank = findBank(input.bankId);
  if (!bank)
    throw new ApiError('BANK_NOT_FOUND', `Bank ID '${input.bankId}' not recognised — see GET /banks.`);
  const choice = connectorsOf(deps).for(bank, key.environment);
  if ('unavailable' in choice) throw new ApiError('BANK_NOT_AVAILABLE', choice.unavailable);
  if (input.connectionId !== undefined) {
    await checkUpdateTarget(deps, key, {
      connectionId: input.connectionId,
      userId: input.userId,
      bankId: bank.id,
    });
  }

  const now = deps.clock.now();
  const token = newToken('sess');
  const sessionId = newId('cs');
  // The bank's redirect back carries only this state; it finds the session by its hash.
  const state = newToken('state');
  const started = await asApiErrors(() =>
    choice.connector.startAuthorization({
      bankId: bank.id,
      sessionId,
      sessionToken: token,
      publicUrl: deps.config.publicUrl,
      callbackUrl: `${deps.config.publicUrl}/connect/callback?state=${encodeURIComponent(state)}`,
    }),
  );
  await insertSession(deps.db, {
    id: sessionId,
    token_hash: sha256Hex(token),
    api_key_id: key.apiKeyId,
    developer_id: key.developerId,
    environment: key.environment,
    bank_id: bank.id,
    user_id: input.userId,
    redirect_url: redirectUrl,
    status: 'pending',
    created_at: now.toISOString(),
    expires_at: plusSeconds(now, SESSION_TTL_SECONDS),
    authorized_at: null,
    public_token_hash: null,
    public_token_enc: null,
    public_token_expires_at: null,
    exchanged_at: null,
    connection_id: input.connectionId ?? null,
    grant_enc: null,
    auth_state_hash: sha256Hex(state),
    auth_context_enc: started.state === '' ? null : deps.box.seal(started.state),
    consent_expires_at: null,
    error_code: null,
  });
  return {
    session_token: token,
    auth_url: started.redirectUrl,
    expires_in: SESSION_TTL_SECONDS,
    status: 'pending',
  };
}

export type SessionStatus =
  | { status: 'pending' }
  | { status: 'authorized'; public_token: string; expires_in: number }
  | { status: 'denied' }
  | { status: 'exchanged' };

/**
 * What a status poll answers. Finished sessions (denied, exchanged) keep answering their outcome;
 * an unfinished one past its deadline answers SESSION_EXPIRED, an authorized one whose public
 * token lapsed PUBLIC_TOKEN_EXPIRED.
 */
export function sessionStatus(row: SessionRow, now: Date, open: (sealed: string) => string): SessionStatus {
  const nowIso = now.toISOString();
  switch (row.status) {
    case 'exchanged':
      return { status: 'exchanged' };
    case 'denied':
      // Ended by an error at the bank (a sandbox test user's locked account): that error, not a refusal.
      if (row.error_code === 'ITEM_LOCKED') throw new ApiError('ITEM_LOCKED');
      return { status: 'denied' };
    case 'authorized': {
      if (!row.public_token_enc || !row.public_token_expires_at || row.public_token_expires_at <= nowIso) {
        throw new ApiError(
          'PUBLIC_TOKEN_EXPIRED',
          'The user authorized, but the 5-minute public token window has passed — start a new session.',
        );
      }
      return {
        status: 'authorized',
        public_token: open(row.public_token_enc),
        expires_in: secondsUntil(row.public_token_expires_at, now),
      };
    }
    case 'pending': {
      if (row.expires_at <= nowIso) throw new ApiError('SESSION_EXPIRED');
      return { status: 'pending' };
    }
  }
}

/** GET /connect/status/:session_token for the key (or the link token's user) that started it. */
export async function readSessionStatus(
  deps: AppDeps,
  key: KeyPrincipal,
  sessionToken: string,
): Promise<SessionStatus> {
  const owner = { apiKeyId: key.apiKeyId, userId: key.linkTokenUserId };
  let row = await findSessionForKey(deps.db, sha256Hex(sessionToken), owner);
  if (!row) throw new ApiError('SESSION_NOT_FOUND');
  // A live bank session still pending: the user may have approved without coming back through
  // the redirect, so ask the bank (consent status) and complete it if it says so.
  if (
    row.status === 'pending' &&
    row.auth_context_enc !== null &&
    row.expires_at > deps.clock.now().toISOString()
  ) {
    if (await pollLiveSession(deps, row))
      row = (await findSessionForKey(deps.db, sha256Hex(sessionToken), owner)) ?? row;
  }
  return sessionStatus(row, deps.clock.now(), (s) => deps.box.open(s));
}
