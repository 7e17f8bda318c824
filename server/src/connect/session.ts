import { findBank } from '../banks/catalogue.js';
import { connectorFor } from '../connectors/registry.js';
import { findKeyRedirectUrls } from '../developers/redirect-store.js';
import { ApiError } from '../errors.js';
import type { AppDeps, KeyPrincipal } from '../http/principals.js';
import { newId, newToken, sha256Hex } from '../ids.js';
import { checkRedirectUrl, matchesRegisteredUrl } from './redirect-urls.js';
import { findSessionForKey, insertSession, type SessionRow } from './store.js';

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
  const choice = connectorFor(bank, key.environment);
  if ('unavailable' in choice) throw new ApiError('BANK_NOT_AVAILABLE', choice.unavailable);

  const now = deps.clock.now();
  const token = newToken('sess');
  await insertSession(deps.db, {
    id: newId('cs'),
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
    connection_id: null,
    grant_enc: null,
  });
  return {
    session_token: token,
    auth_url: choice.connector.authorizationUrl({
      publicUrl: deps.config.publicUrl,
      sessionToken: token,
      bankId: bank.id,
    }),
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
  const row = await findSessionForKey(deps.db, sha256Hex(sessionToken), {
    apiKeyId: key.apiKeyId,
    userId: key.linkTokenUserId,
  });
  if (!row) throw new ApiError('SESSION_NOT_FOUND');
  return sessionStatus(row, deps.clock.now(), (s) => deps.box.open(s));
}
